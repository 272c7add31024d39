/* ABS: elementwise |x| for FLOAT32 and INT32 (INT32_MIN stays INT32_MIN, as
 * two's complement wraps); quantized INT8 and INT16 as TensorFlow Lite
 * (|x - zp_in| requantized to the output, internal/quant_unary.c; INT16
 * without quantization: |x| on raw values). */
#include <math.h>

#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType abs_types[] = {kTfLiteFloat32, kTfLiteInt32,
                                       kTfLiteInt8, kTfLiteInt16};

static inline float abs_f32(float x) { return fabsf(x); }

static inline int32_t abs_i32(int32_t x) {
  return x < 0 ? (int32_t)(0u - (uint32_t)x) : x;
}

static TfLiteStatus abs_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare_q(ctx, node, abs_types, 4, QU_ABS);
}

static TfLiteStatus abs_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_invoke_q(ctx, node, abs_f32, abs_i32);
}

const TfLiteRegistration kern_abs = {
    .init = quant_unary_init, .prepare = abs_prepare, .invoke = abs_invoke};
