/* MINIMUM: elementwise smaller of a and b with numpy-style broadcasting
 * (up to 6-D). FLOAT32, INT32, INT64, and INT8/UINT8/INT16 compared as raw
 * stored values (the output shares the inputs' quantization, as in
 * TensorFlow Lite). For floats, x < y ? x : y: a NaN in a propagates only
 * when b is not chosen. */
#include "kernels/internal/elementwise.h"
#include "kernels/kernel_util.h"

static const TfLiteType minimum_types[] = {kTfLiteFloat32, kTfLiteInt32,
                                           kTfLiteInt64,   kTfLiteInt8,
                                           kTfLiteUInt8,   kTfLiteInt16};

KERN_EW_ROW(minimum_row_f32, float, float, kern_ew_binary, x < y ? x : y)
KERN_EW_ROW(minimum_row_i32, int32_t, int32_t, kern_ew_binary, x < y ? x : y)
KERN_EW_ROW(minimum_row_i64, int64_t, int64_t, kern_ew_binary, x < y ? x : y)
KERN_EW_ROW(minimum_row_i8, int8_t, int8_t, kern_ew_binary, x < y ? x : y)
KERN_EW_ROW(minimum_row_u8, uint8_t, uint8_t, kern_ew_binary, x < y ? x : y)
KERN_EW_ROW(minimum_row_i16, int16_t, int16_t, kern_ew_binary, x < y ? x : y)

static TfLiteStatus minimum_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  kern_ew_binary *d = (kern_ew_binary *)node->user_data;
  return kern_ew_binary_prepare(ctx, node, d, minimum_types, 6, kTfLiteNoType);
}

static TfLiteStatus minimum_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  static const kern_ew_rows rows = {.f32 = minimum_row_f32,
                                    .i8 = minimum_row_i8,
                                    .u8 = minimum_row_u8,
                                    .i16 = minimum_row_i16,
                                    .i32 = minimum_row_i32,
                                    .i64 = minimum_row_i64};
  return kern_ew_binary_invoke(ctx, node, &rows);
}

const TfLiteRegistration kern_minimum = {.init = kern_ew_binary_init,
                                         .prepare = minimum_prepare,
                                         .invoke = minimum_invoke};
