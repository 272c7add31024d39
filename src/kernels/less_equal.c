/* LESS_EQUAL: elementwise a <= b with numpy-style broadcasting (up to 6-D); the
 * output is BOOL. Inputs FLOAT32, INT32, INT64; quantized
 * INT8/UINT8 rescaled to a common scale before comparing, as TensorFlow
 * Lite does (internal/quant_compare.c); INT16 and STRING are refused. */
#include "kernels/internal/binary_ops.h"
#include "kernels/kernel_util.h"

static const TfLiteType less_equal_types[] = {
    kTfLiteFloat32, kTfLiteInt32, kTfLiteInt64, kTfLiteInt8, kTfLiteUInt8};

KERN_EW_ROW(less_equal_row_f32, float, bool, kern_ew_binary, x <= y)
KERN_EW_ROW(less_equal_row_i32, int32_t, bool, kern_ew_binary, x <= y)
KERN_EW_ROW(less_equal_row_i64, int64_t, bool, kern_ew_binary, x <= y)

static TfLiteStatus less_equal_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_cmp_prepare(ctx, node, less_equal_types, 5, QB_LE);
}

static TfLiteStatus less_equal_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  static const kern_cmp_rows rows = {.rows = {.f32 = less_equal_row_f32,
                                              .i32 = less_equal_row_i32,
                                              .i64 = less_equal_row_i64},
                                     .string_eq = -1};
  return kern_cmp_invoke(ctx, node, &rows);
}

const TfLiteRegistration kern_less_equal = {.init = quant_binary_init,
                                            .prepare = less_equal_prepare,
                                            .invoke = less_equal_invoke};
