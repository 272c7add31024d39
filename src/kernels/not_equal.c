/* NOT_EQUAL: elementwise a != b with numpy-style broadcasting (up to 6-D); the
 * output is BOOL. Inputs FLOAT32, INT32, INT64, BOOL; quantized
 * INT8/UINT8 rescaled to a common scale before comparing, as TensorFlow
 * Lite does (internal/quant_compare.c); STRING compared byte-wise
 * (internal/string_util.c); INT16 is refused. */
#include "kernels/internal/binary_ops.h"
#include "kernels/kernel_util.h"

static const TfLiteType not_equal_types[] = {
    kTfLiteFloat32, kTfLiteInt32, kTfLiteInt64, kTfLiteBool,
    kTfLiteInt8,    kTfLiteUInt8, kTfLiteString};

KERN_EW_ROW(not_equal_row_f32, float, bool, kern_ew_binary, x != y)
KERN_EW_ROW(not_equal_row_i32, int32_t, bool, kern_ew_binary, x != y)
KERN_EW_ROW(not_equal_row_i64, int64_t, bool, kern_ew_binary, x != y)
KERN_EW_ROW(not_equal_row_bool, bool, bool, kern_ew_binary, x != y)

static TfLiteStatus not_equal_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_cmp_prepare(ctx, node, not_equal_types, 7, QB_NE);
}

static TfLiteStatus not_equal_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  static const kern_cmp_rows rows = {.rows = {.f32 = not_equal_row_f32,
                                              .i32 = not_equal_row_i32,
                                              .i64 = not_equal_row_i64,
                                              .b8 = not_equal_row_bool},
                                     .string_eq = 0};
  return kern_cmp_invoke(ctx, node, &rows);
}

const TfLiteRegistration kern_not_equal = {.init = quant_binary_init,
                                           .prepare = not_equal_prepare,
                                           .invoke = not_equal_invoke};
