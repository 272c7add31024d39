/* RELU_0_TO_1: elementwise min(max(x, 0), 1) for FLOAT32; quantized
 * INT8/UINT8 requantize by in_scale / out_scale and clamp to the quantized
 * bounds of [0, 1], as TensorFlow Lite's Relu0to1 (QuantizedReluX). */
#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType relu_0_to_1_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                               kTfLiteUInt8};

static inline float relu_0_to_1_f32(float x) {
  return x > 1.0f ? 1.0f : (x < 0.0f ? 0.0f : x);
}

static TfLiteStatus relu_0_to_1_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_relu_prepare(ctx, node, relu_0_to_1_types, 3, 0.0f, 1.0f);
}

static TfLiteStatus relu_0_to_1_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_relu_invoke(ctx, node, relu_0_to_1_f32);
}

const TfLiteRegistration kern_relu_0_to_1 = {.init = kern_relu_init,
                                             .prepare = relu_0_to_1_prepare,
                                             .invoke = relu_0_to_1_invoke};
