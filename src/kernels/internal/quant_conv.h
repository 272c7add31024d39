/* Quantized (int8 / uint8 / int16x8) convolution-like ops as TensorFlow
 * Lite's REFERENCE kernels compute them: CONV_2D, DEPTHWISE_CONV_2D and
 * TRANSPOSE_CONV, plus the prepare-time part shared with FULLY_CONNECTED and
 * BATCH_MATMUL (checks of the quantization parameters, per-channel
 * multipliers and shifts, activation clamp range).
 *
 * Integer formulas (see docs/QUANTIZATION.md):
 *   int8   acc = sum w * (x - zp_x)                  (weights symmetric)
 *   uint8  acc = sum (w - zp_w) * (x - zp_x)         (legacy asymmetric)
 *   int16  acc = sum w * x                           (zero points 0)
 *   acc += bias; out = clamp(MulByQuantizedMultiplier(acc, m[c], s[c]) + zp_y)
 * int16 accumulates in 64 bits with an int64 bias (or none) and uses the
 * int64 multiply; with an int32 bias it accumulates in 32 bits and uses the
 * int32 multiply, as TensorFlow Lite's templates do. Padding taps are
 * skipped (they are real zeros). */
#ifndef TFLC_KERNELS_INTERNAL_QUANT_CONV_H
#define TFLC_KERNELS_INTERNAL_QUANT_CONV_H

#include <stdbool.h>
#include <stdint.h>

#include "kernels/internal/quant_arith.h"
#include "kernels/internal/quant_xnn.h"
#include "tflc/common.h"

/* What the integer loops need, computed at prepare. */
typedef struct quant_out_params {
  int32_t input_offset;  /* -input zero point */
  int32_t filter_offset; /* -filter zero point (per-tensor filters only) */
  int32_t output_offset; /* output zero point */
  int32_t act_min, act_max;
  int channels;        /* entries of multiplier/shift in use */
  int cap;             /* entries allocated (persistent memory) */
  int32_t *multiplier; /* per output channel (a per-tensor one repeated) */
  int *shift;
  bool wide;        /* int16: 64-bit accumulator and int64 bias */
  bool xnn;         /* XNNPACK rounding (quant_xnn_conv.c): float
                       requantization with xnn_scale[c]; act_min/max
                       then hold XNNPACK's bounds */
  float *xnn_scale; /* per output channel, (s_in * s_w[c]) / s_out in
                       float (persistent memory) */
  int xnn_cap;      /* entries allocated in xnn_scale */
} quant_out_params;

/* When a kernel may requantize as XNNPACK does (TensorFlow Lite's XNNPACK
 * delegate takes the op); reference rounding otherwise. */
typedef enum quant_xnn_form {
  QUANT_XNN_NEVER = 0,     /* the op stays on TensorFlow Lite's kernels */
  QUANT_XNN_WITH_BIAS = 1, /* delegated only with a bias (CONV_2D,
                              DEPTHWISE_CONV_2D) */
  QUANT_XNN_ALWAYS = 2,    /* FULLY_CONNECTED */
} quant_xnn_form;

/* The tensors and rules of one op for quant_prepare. */
typedef struct quant_prepare_spec {
  const TfLiteTensor *input, *filter, *bias, *output;
  int filter_axis;         /* per-channel axis of the filter (-1: per tensor) */
  int channels;            /* output channels */
  int activation;          /* fused activation (schema value) */
  bool filter_zp_allowed;  /* per-tensor filter zero point is applied (uint8
                              everywhere, int8 FULLY_CONNECTED) */
  bool legacy_multiplier;  /* per-tensor multiplier from the float product
                              input_scale * filter_scale (TensorFlow Lite's
                              GetQuantizedConvolutionMultipler) */
  quant_xnn_form xnn_form; /* use of the XNNPACK rounding mode */
} quant_prepare_spec;

/* Checks types and quantization parameters (reporting the tensor by name),
 * fills q: offsets, clamp range and per-channel multipliers (in persistent
 * memory, reused across prepares). Input, filter and output types must be
 * int8/int8/int8, uint8/uint8/uint8 or int16/int8/int16; bias int32 (or
 * int64 for int16). */
TfLiteStatus quant_prepare(TfLiteContext *ctx, const quant_prepare_spec *s,
                           quant_out_params *q);

/* Requantizes one accumulator of output channel c. */
/* Requantizes one accumulator of output channel c. The offset is added in
 * 64 bits: with crafted scales the scaled value can sit at the int32 limit,
 * and the clamp then gives what TensorFlow Lite's saturating path gives. */
static inline int32_t quant_requant32(int32_t acc, const quant_out_params *q,
                                      int c) {
  int64_t r =
      (int64_t)quant_mul_by_multiplier(acc, q->multiplier[c], q->shift[c]) +
      q->output_offset;
  return r < q->act_min ? q->act_min
                        : (r > q->act_max ? q->act_max : (int32_t)r);
}

static inline int32_t quant_requant64(int64_t acc, const quant_out_params *q,
                                      int c) {
  int64_t r =
      (int64_t)quant_mul_by_multiplier_i64(acc, q->multiplier[c], q->shift[c]) +
      q->output_offset;
  return r < q->act_min ? q->act_min
                        : (r > q->act_max ? q->act_max : (int32_t)r);
}

/* Adds the bias of channel c (int32, or int64 when q->wide) and
 * requantizes. For int16 without q->wide the accumulator wraps to 32 bits
 * first, as TensorFlow Lite's int32 accumulator does. */
int32_t quant_finish(int64_t acc, const void *bias, const quant_out_params *q,
                     TfLiteType type, int c);

/* Stores v (already clamped) as element i of a typed output. */
static inline void quant_store(void *out, TfLiteType type, size_t i,
                               int32_t v) {
  switch (type) {
    case kTfLiteInt8: ((int8_t *)out)[i] = (int8_t)v; break;
    case kTfLiteUInt8: ((uint8_t *)out)[i] = (uint8_t)v; break;
    default: ((int16_t *)out)[i] = (int16_t)v; break;
  }
}

/* Geometry of a 2-D windowed op; for TRANSPOSE_CONV "in" is the op's input
 * and "out" its (larger) output. */
typedef struct quant_conv_geom {
  int batch, in_h, in_w, in_c;
  int out_h, out_w, out_c;
  int k_h, k_w;
  int f_in;       /* CONV_2D: filter input channels (groups = in_c / f_in) */
  int multiplier; /* DEPTHWISE_CONV_2D: out_c / in_c */
  int stride_h, stride_w, dil_h, dil_w;
  int pad_top, pad_left;
} quant_conv_geom;

typedef struct quant_conv_args {
  const quant_conv_geom *g;
  const quant_out_params *q;
  TfLiteType type;    /* input/output type: INT8, UINT8 or INT16 */
  const void *input;  /* NHWC */
  const void *filter; /* CONV_2D / TRANSPOSE_CONV [out_c, k_h, k_w, f_in or
                         in_c], DEPTHWISE_CONV_2D [1, k_h, k_w, out_c] */
  const void *bias;   /* [out_c] int32 (int64 when q->wide) or NULL */
  void *output;       /* NHWC */
} quant_conv_args;

/* Each runs over output rows on the interpreter's threads (results do not
 * depend on the thread count). */
void quant_conv2d(TfLiteContext *ctx, const quant_conv_args *a);
void quant_depthwise(TfLiteContext *ctx, const quant_conv_args *a);
void quant_transpose_conv(TfLiteContext *ctx, const quant_conv_args *a);

#endif
