/* RELU: elementwise max(x, 0) for FLOAT32 (NaN gives 0); quantized
 * INT8/UINT8/INT16 requantize by in_scale / out_scale (double-rounding
 * multiplier) and clamp to the quantized bounds, as TensorFlow Lite
 * (quant_act.h). */
#include <math.h>

#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType relu_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                        kTfLiteUInt8, kTfLiteInt16};

static inline float relu_f32(float x) { return x > 0.0f ? x : 0.0f; }

static TfLiteStatus relu_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_relu_prepare(ctx, node, relu_types, 4, 0.0f, INFINITY);
}

static TfLiteStatus relu_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_relu_invoke(ctx, node, relu_f32);
}

const TfLiteRegistration kern_relu = {
    .init = kern_relu_init, .prepare = relu_prepare, .invoke = relu_invoke};
