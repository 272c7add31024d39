/* Quantized (INT8 / UINT8 / INT16) two-input elementwise ops as TensorFlow
 * Lite's reference kernels compute them: ADD, SUB, MUL, SQUARED_DIFFERENCE,
 * and the six comparisons. Prepare-time parameter checks and
 * multipliers live here (op data), the integer loops in quant_binary.c and
 * quant_compare.c. The op data starts with the kern_ew_binary of the float /
 * integer paths, so a kernel file keeps using it unchanged.
 *
 * Integer formulas (see docs/QUANTIZATION.md, section ADD / SUB / MUL ...):
 *   ADD/SUB  a' = MulQ((a - za) << L, ma, sa), b' likewise (L = 20 for
 *            8-bit, 15 for 16-bit; ma, mb from s_a / (2 max(s_a, s_b)));
 *            out = MulQ(a' +- b', mo, so) + zo, clamped to the activation.
 *   ADD/SUB  INT16 with pot_scale_int16 and power-of-two scales: one input
 *            rounding-shifted right, saturating 16-bit add/sub.
 *   MUL      out = MulQ((a - za) * (b - zb), m, s) + zo,
 *            m = s_a * s_b / s_out.
 *   SQUARED_DIFFERENCE (INT8)  as ADD with L = 7, d = a' - b',
 *            out = MulQ(d * d, mo, so) + zo.
 *   comparisons (INT8/UINT8)  a' = MulQ((a - za) << 8, m(s_a)), compare.
 * MulQ is quant_mul_by_multiplier (TensorFlow Lite's double rounding). */
#ifndef TFLC_KERNELS_INTERNAL_QUANT_BINARY_H
#define TFLC_KERNELS_INTERNAL_QUANT_BINARY_H

#include <stdbool.h>
#include <stdint.h>

#include "kernels/internal/elementwise.h"
#include "kernels/internal/quant_xnn_binary.h"
#include "tflc/common.h"

typedef enum quant_binary_kind {
  QB_NONE = 0,  /* not quantized: the kernel's own paths */
  QB_ADD,       /* general rescaling ADD / SUB (sub: negative mult2) */
  QB_ADD_POT16, /* INT16 power-of-two ADD */
  QB_SUB_POT16, /* INT16 power-of-two SUB */
  QB_MUL,
  QB_SQDIFF,
  QB_COMPARE,
  QB_XNN_ADD, /* ADD / SUB in the XNNPACK rounding mode (xnn) */
  QB_XNN_MUL, /* MUL in the XNNPACK rounding mode (xnn) */
} quant_binary_kind;

typedef enum quant_cmp_op {
  QB_EQ,
  QB_NE,
  QB_LT,
  QB_LE,
  QB_GT,
  QB_GE,
} quant_cmp_op;

typedef struct quant_binary {
  kern_ew_binary ew; /* first: the float/integer kernels' data */
  quant_binary_kind kind;
  TfLiteType type;
  int32_t in1_offset, in2_offset, out_offset; /* -zp1, -zp2, +zp_out */
  int left_shift;
  int32_t in1_mult, in2_mult, out_mult;
  int in1_shift, in2_shift, out_shift;
  int32_t act_min, act_max;
  quant_cmp_op cmp;
  quant_xnn_binary xnn; /* QB_XNN_ADD / QB_XNN_MUL (quant_xnn_binary.c) */
} quant_binary;

/* init of the kernels with quantized paths: a zeroed quant_binary. */
void *quant_binary_init(TfLiteContext *ctx, const char *buf, size_t len);

/* True for INT8, UINT8, INT16. */
static inline bool quant_binary_is_quant(TfLiteType t) {
  return t == kTfLiteInt8 || t == kTfLiteUInt8 || t == kTfLiteInt16;
}

/* TensorFlow Lite's ADD and SUB give the output the inputs' type
 * (output->type = input2->type). Converters leave FLOAT32 on some
 * intermediate outputs of quantized ADDs (LiteRT's add_quantized*.bin):
 * when both inputs are INT8/UINT8/INT16 and the output is a FLOAT32
 * non-constant tensor with affine quantization parameters, it becomes the
 * inputs' type (its byte size shrinks accordingly). Does nothing otherwise. */
void quant_binary_adopt_output_type(TfLiteContext *ctx, TfLiteNode *node);

/* Prepare of the quantized path, after kern_ew_binary_prepare (types and
 * shapes checked, output resized). Each checks the quantization parameters
 * of both inputs and the output (per tensor, finite positive scales, zero
 * points in range, 0 for INT16) and precomputes multipliers. Sets q->kind. */
TfLiteStatus quant_add_prepare(TfLiteContext *ctx, TfLiteNode *node,
                               quant_binary *q, int activation,
                               bool pot_scale_int16, bool is_sub);
TfLiteStatus quant_mul_prepare(TfLiteContext *ctx, TfLiteNode *node,
                               quant_binary *q, int activation);
TfLiteStatus quant_sqdiff_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                  quant_binary *q);
TfLiteStatus quant_compare_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                   quant_binary *q, quant_cmp_op op);

/* Runs the prepared quantized arithmetic op over the broadcast plan. */
void quant_binary_run(const quant_binary *q, const TfLiteTensor *a,
                      const TfLiteTensor *b, TfLiteTensor *out);

/* Row function of QB_XNN_ADD / QB_XNN_MUL (quant_xnn_binary.c). */
kern_bcast_row_fn quant_xnn_binary_row(const quant_binary *q);

/* Comparison loops (quant_compare.c). */
void quant_compare_run(const quant_binary *q, const TfLiteTensor *a,
                       const TfLiteTensor *b, TfLiteTensor *out);

/* True when scale is a power of two as TensorFlow Lite's CheckedLog2 tests
 * it (|log2(scale) - round(log2(scale))| < 1e-3, in float); *log2 gets the
 * rounded exponent. */
bool quant_scale_log2(float scale, int *log2);

#endif
