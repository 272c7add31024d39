/* EQUAL: elementwise a == b with numpy-style broadcasting (up to 6-D); the
 * output is BOOL. Inputs FLOAT32, INT32, INT64, BOOL; quantized
 * INT8/UINT8 rescaled to a common scale before comparing, as TensorFlow
 * Lite does (internal/quant_compare.c); STRING compared byte-wise
 * (internal/string_util.c); INT16 compared on raw values, scales ignored,
 * as TensorFlow Lite (its EQUAL, LESS and GREATER_EQUAL take INT16). */
#include "kernels/internal/binary_ops.h"
#include "kernels/kernel_util.h"

static const TfLiteType equal_types[] = {
    kTfLiteFloat32, kTfLiteInt32, kTfLiteInt64,  kTfLiteBool,
    kTfLiteInt8,    kTfLiteUInt8, kTfLiteString, kTfLiteInt16};

KERN_EW_ROW(equal_row_f32, float, bool, kern_ew_binary, x == y)
KERN_EW_ROW(equal_row_i16, int16_t, bool, kern_ew_binary, x == y)
KERN_EW_ROW(equal_row_i32, int32_t, bool, kern_ew_binary, x == y)
KERN_EW_ROW(equal_row_i64, int64_t, bool, kern_ew_binary, x == y)
KERN_EW_ROW(equal_row_bool, bool, bool, kern_ew_binary, x == y)

static TfLiteStatus equal_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_cmp_prepare(ctx, node, equal_types, 8, QB_EQ);
}

static TfLiteStatus equal_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  static const kern_cmp_rows rows = {.rows = {.f32 = equal_row_f32,
                                              .i16 = equal_row_i16,
                                              .i32 = equal_row_i32,
                                              .i64 = equal_row_i64,
                                              .b8 = equal_row_bool},
                                     .string_eq = 1};
  return kern_cmp_invoke(ctx, node, &rows);
}

const TfLiteRegistration kern_equal = {.init = quant_binary_init,
                                       .prepare = equal_prepare,
                                       .invoke = equal_invoke};
