/* RELU6: elementwise min(max(x, 0), 6) for FLOAT32 (NaN gives 0); quantized
 * INT8/UINT8/INT16 requantize by in_scale / out_scale (double-rounding
 * multiplier) and clamp to the quantized bounds, as TensorFlow Lite
 * (quant_act.h). */
#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType relu6_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                         kTfLiteUInt8, kTfLiteInt16};

static inline float relu6_f32(float x) {
  return x > 0.0f ? (x < 6.0f ? x : 6.0f) : 0.0f;
}

static TfLiteStatus relu6_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_relu_prepare(ctx, node, relu6_types, 4, 0.0f, 6.0f);
}

static TfLiteStatus relu6_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_relu_invoke(ctx, node, relu6_f32);
}

const TfLiteRegistration kern_relu6 = {
    .init = kern_relu_init, .prepare = relu6_prepare, .invoke = relu6_invoke};
