/* MUL: elementwise a * b with numpy-style broadcasting (up to 6-D) and the
 * fused activation of MulOptions (fused_activation_function, field 0).
 * FLOAT32, INT32 and INT64 (integers wrap on overflow, activation clamps
 * them too); quantized INT8/UINT8/INT16 as TensorFlow Lite's reference
 * kernels (internal/quant_binary.h). */
#include "kernels/internal/binary_ops.h"
#include "kernels/kernel_util.h"

static const TfLiteType mul_types[] = {kTfLiteFloat32, kTfLiteInt32,
                                       kTfLiteInt64,   kTfLiteInt8,
                                       kTfLiteUInt8,   kTfLiteInt16};

KERN_EW_ROW(mul_row_f32, float, float, kern_ew_act,
            kern_clamp_f32(x *y, P->lo, P->hi))
KERN_EW_ROW(mul_row_i32, int32_t, int32_t, kern_ew_act,
            (int32_t)kern_ew_clamp_i64((int32_t)((uint32_t)x *(uint32_t)y),
                                       P->ilo, P->ihi))
KERN_EW_ROW(mul_row_i64, int64_t, int64_t, kern_ew_act,
            kern_ew_clamp_i64((int64_t)((uint64_t)x *(uint64_t)y), P->ilo,
                              P->ihi))

static TfLiteStatus mul_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  kern_ew_binary *d = (kern_ew_binary *)node->user_data;
  KERN_OK(kern_ew_binary_prepare(ctx, node, d, mul_types, 6, kTfLiteNoType));
  quant_binary *q = (quant_binary *)d;
  q->kind = QB_NONE;
  if (quant_binary_is_quant(kern_input(ctx, node, 0)->type))
    return quant_mul_prepare(ctx, node, q,
                             kern_ew_fused_act(node, TFLC_BO_MUL));
  return kern_ew_act_range(ctx, kern_ew_fused_act(node, TFLC_BO_MUL), &d->act);
}

static TfLiteStatus mul_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  static const kern_arith_rows rows = {mul_row_f32, mul_row_i32, mul_row_i64};
  return kern_arith_invoke(ctx, node, &rows, false);
}

const TfLiteRegistration kern_mul = {
    .init = quant_binary_init, .prepare = mul_prepare, .invoke = mul_invoke};
