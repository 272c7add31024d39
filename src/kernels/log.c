/* LOG: elementwise natural logarithm for FLOAT32 (log(0) = -inf,
 * negative inputs give NaN); quantized INT8 / INT16 by TensorFlow Lite's
 * float tables (internal/quant_unary.c). */
#include <math.h>

#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType log_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                       kTfLiteInt16};

static inline float log_f32(float x) { return logf(x); }

static TfLiteStatus log_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare_q(ctx, node, log_types, 3, QU_LOG);
}

static TfLiteStatus log_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_invoke_q(ctx, node, log_f32, NULL);
}

const TfLiteRegistration kern_log = {
    .init = quant_unary_init, .prepare = log_prepare, .invoke = log_invoke};
