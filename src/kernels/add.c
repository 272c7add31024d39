/* ADD: elementwise a + b with numpy-style broadcasting (up to 6-D) and the
 * fused activation of AddOptions (fused_activation_function, field 0).
 * FLOAT32, INT32 and INT64 (integers wrap on overflow, activation clamps
 * them too); quantized INT8/UINT8/INT16 as TensorFlow Lite's reference
 * kernels (internal/quant_binary.h). */
#include "kernels/internal/binary_ops.h"
#include "kernels/kernel_util.h"

static const TfLiteType add_types[] = {kTfLiteFloat32, kTfLiteInt32,
                                       kTfLiteInt64,   kTfLiteInt8,
                                       kTfLiteUInt8,   kTfLiteInt16};

KERN_EW_ROW(add_row_f32, float, float, kern_ew_act,
            kern_clamp_f32(x + y, P->lo, P->hi))
KERN_EW_ROW(add_row_i32, int32_t, int32_t, kern_ew_act,
            (int32_t)kern_ew_clamp_i64((int32_t)((uint32_t)x + (uint32_t)y),
                                       P->ilo, P->ihi))
KERN_EW_ROW(add_row_i64, int64_t, int64_t, kern_ew_act,
            kern_ew_clamp_i64((int64_t)((uint64_t)x + (uint64_t)y), P->ilo,
                              P->ihi))

static TfLiteStatus add_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_addsub_prepare(ctx, node, add_types, 6, TFLC_BO_ADD, false);
}

static TfLiteStatus add_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  static const kern_arith_rows rows = {add_row_f32, add_row_i32, add_row_i64};
  return kern_arith_invoke(ctx, node, &rows, true);
}

const TfLiteRegistration kern_add = {
    .init = quant_binary_init, .prepare = add_prepare, .invoke = add_invoke};
