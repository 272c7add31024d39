/* RELU_N1_TO_1: elementwise min(max(x, -1), 1) for FLOAT32; quantized
 * INT8/UINT8 requantize by in_scale / out_scale (double-rounding multiplier)
 * and clamp to the quantized bounds, as TensorFlow Lite (quant_act.h). */
#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType relu_n1_to_1_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                                kTfLiteUInt8};

static inline float relu_n1_to_1_f32(float x) {
  return x > 1.0f ? 1.0f : (x < -1.0f ? -1.0f : x);
}

static TfLiteStatus relu_n1_to_1_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_relu_prepare(ctx, node, relu_n1_to_1_types, 3, -1.0f, 1.0f);
}

static TfLiteStatus relu_n1_to_1_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_relu_invoke(ctx, node, relu_n1_to_1_f32);
}

const TfLiteRegistration kern_relu_n1_to_1 = {.init = kern_relu_init,
                                              .prepare = relu_n1_to_1_prepare,
                                              .invoke = relu_n1_to_1_invoke};
