/* Shared parts of the one-input elementwise kernels (RSQRT, TANH, LOGISTIC,
 * RELU, RELU6, RELU_N1_TO_1, HARD_SWISH, EXP, SQRT, ABS, NEG, LEAKY_RELU):
 * the prepare that checks one input and one output of the same, supported
 * type and gives the output the input's shape, the element loops, and the
 * prepare / invoke of the ones with quantized paths (ABS, EXP, LOG, SQRT,
 * RSQRT; RELU, RELU6, RELU_N1_TO_1). The
 * loops are static inline so that each kernel's element function is inlined
 * into its own loop. Owned by the elementwise kernels group. */
#ifndef TFLC_KERNELS_INTERNAL_UNARY_H
#define TFLC_KERNELS_INTERNAL_UNARY_H

#include <stddef.h>
#include <stdint.h>

#include "kernels/internal/quant_act.h"
#include "kernels/internal/quant_unary.h"
#include "kernels/kernel_util.h"
#include "tflc/common.h"

/* Exactly 1 input and 1 output; input type one of allowed[0..n) (else
 * "input type T is not supported (A, B)"); output of the input's type;
 * output resized to the input's shape. */
TfLiteStatus kern_unary_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                const TfLiteType *allowed, int n);

/* out[i] = fn(in[i]) over every element (out has in's shape). */
static inline void kern_unary_map_f32(const TfLiteTensor *in, TfLiteTensor *out,
                                      float (*fn)(float)) {
  size_t n = kern_num_elements(in);
  const float *x = in->data.f;
  float *y = out->data.f;
  for (size_t i = 0; i < n; i++) y[i] = fn(x[i]);
}

static inline void kern_unary_map_i32(const TfLiteTensor *in, TfLiteTensor *out,
                                      int32_t (*fn)(int32_t)) {
  size_t n = kern_num_elements(in);
  const int32_t *x = in->data.i32;
  int32_t *y = out->data.i32;
  for (size_t i = 0; i < n; i++) y[i] = fn(x[i]);
}

static inline void kern_unary_map_i64(const TfLiteTensor *in, TfLiteTensor *out,
                                      int64_t (*fn)(int64_t)) {
  size_t n = kern_num_elements(in);
  const int64_t *x = in->data.i64;
  int64_t *y = out->data.i64;
  for (size_t i = 0; i < n; i++) y[i] = fn(x[i]);
}

/* Reports that invoke met a type prepare did not accept. */
TfLiteStatus kern_unary_bad_type(TfLiteContext *ctx, const TfLiteTensor *in);

/* Prepare of the unary ops with quantized INT8 / INT16 paths
 * (internal/quant_unary.h; op data from quant_unary_init):
 * kern_unary_prepare, then quant_unary_prepare(kind) for quantized inputs. */
TfLiteStatus kern_unary_prepare_q(TfLiteContext *ctx, TfLiteNode *node,
                                  const TfLiteType *allowed, int n,
                                  quant_unary_kind kind);

/* Invoke of those ops: FLOAT32 by f32, INT32 by i32 (NULL: refused),
 * INT8 / INT16 by quant_unary_eval, anything else kern_unary_bad_type.
 * Inline, so that the element functions are inlined into the loops. */
static inline TfLiteStatus kern_unary_invoke_q(TfLiteContext *ctx,
                                               TfLiteNode *node,
                                               float (*f32)(float),
                                               int32_t (*i32)(int32_t)) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32: kern_unary_map_f32(in, out, f32); return kTfLiteOk;
    case kTfLiteInt32:
      if (i32 == NULL) break;
      kern_unary_map_i32(in, out, i32);
      return kTfLiteOk;
    case kTfLiteInt8:
    case kTfLiteInt16:
      return quant_unary_eval(ctx, (const quant_unary *)node->user_data, in,
                              out);
    default: break;
  }
  return kern_unary_bad_type(ctx, in);
}

/* init of RELU, RELU6, RELU_N1_TO_1: a quant_relu in persistent memory. */
void *kern_relu_init(TfLiteContext *ctx, const char *buf, size_t len);

/* Their prepare: kern_unary_prepare, then for INT8 / UINT8 / INT16 inputs
 * quant_relu_prepare with the float clamp [lo, hi] (quant_act.h). */
TfLiteStatus kern_relu_prepare(TfLiteContext *ctx, TfLiteNode *node,
                               const TfLiteType *allowed, int n, float lo,
                               float hi);

/* Their invoke: FLOAT32 by f32, INT8 / UINT8 / INT16 by quant_relu_eval. */
static inline TfLiteStatus kern_relu_invoke(TfLiteContext *ctx,
                                            TfLiteNode *node,
                                            float (*f32)(float)) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32: kern_unary_map_f32(in, out, f32); return kTfLiteOk;
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteInt16:
      quant_relu_eval((const quant_relu *)node->user_data, in, out);
      return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

#endif
