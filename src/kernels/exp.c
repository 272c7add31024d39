/* EXP: elementwise e^x for FLOAT32; quantized INT8 / INT16 by TensorFlow
 * Lite's float tables (internal/quant_unary.c). */
#include <math.h>

#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType exp_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                       kTfLiteInt16};

static inline float exp_f32(float x) { return expf(x); }

static TfLiteStatus exp_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare_q(ctx, node, exp_types, 3, QU_EXP);
}

static TfLiteStatus exp_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_invoke_q(ctx, node, exp_f32, NULL);
}

const TfLiteRegistration kern_exp = {
    .init = quant_unary_init, .prepare = exp_prepare, .invoke = exp_invoke};
