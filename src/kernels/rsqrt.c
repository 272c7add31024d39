/* RSQRT: elementwise 1 / sqrt(x) for FLOAT32 (x < 0 gives NaN, 0 gives inf);
 * quantized INT8 (fixed-point inverse square root) and INT16 (interpolated
 * table) as TensorFlow Lite, internal/quant_unary.c. */
#include <math.h>

#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType rsqrt_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                         kTfLiteInt16};

static inline float rsqrt_f32(float x) { return 1.0f / sqrtf(x); }

static TfLiteStatus rsqrt_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare_q(ctx, node, rsqrt_types, 3, QU_RSQRT);
}

static TfLiteStatus rsqrt_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_invoke_q(ctx, node, rsqrt_f32, NULL);
}

const TfLiteRegistration kern_rsqrt = {
    .init = quant_unary_init, .prepare = rsqrt_prepare, .invoke = rsqrt_invoke};
