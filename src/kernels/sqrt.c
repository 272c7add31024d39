/* SQRT: elementwise square root for FLOAT32 (x < 0 gives NaN); quantized
 * INT8 / INT16 computed in float per element and truncated, as TensorFlow
 * Lite (internal/quant_unary.c; a negative input fails at invoke). */
#include <math.h>

#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType sqrt_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                        kTfLiteInt16};

static inline float sqrt_f32(float x) { return sqrtf(x); }

static TfLiteStatus sqrt_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare_q(ctx, node, sqrt_types, 3, QU_SQRT);
}

static TfLiteStatus sqrt_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_invoke_q(ctx, node, sqrt_f32, NULL);
}

const TfLiteRegistration kern_sqrt = {
    .init = quant_unary_init, .prepare = sqrt_prepare, .invoke = sqrt_invoke};
