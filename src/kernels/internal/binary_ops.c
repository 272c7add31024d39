/* Shared prepare and invoke of ADD / SUB / MUL and the comparisons (see
 * binary_ops.h). */
#include "kernels/internal/binary_ops.h"

#include "kernels/internal/string_util.h"
#include "kernels/kernel_util.h"

/* AddOptions / SubOptions .pot_scale_int16 (field 1, default true). */
static bool pot_scale_int16(const TfLiteNode *node, uint8_t options_type) {
  const tflc_options_ref *o = kern_options(node);
  if (o == NULL || !opt_is(o, options_type)) return true;
  return opt_bool(o, 1, true);
}

TfLiteStatus kern_addsub_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                 const TfLiteType *types, int n,
                                 uint8_t options_type, bool is_sub) {
  kern_ew_binary *d = (kern_ew_binary *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  quant_binary_adopt_output_type(ctx, node);
  KERN_OK(kern_ew_binary_prepare(ctx, node, d, types, n, kTfLiteNoType));
  quant_binary *q = (quant_binary *)d;
  q->kind = QB_NONE;
  if (quant_binary_is_quant(kern_input(ctx, node, 0)->type))
    return quant_add_prepare(ctx, node, q,
                             kern_ew_fused_act(node, options_type),
                             pot_scale_int16(node, options_type), is_sub);
  return kern_ew_act_range(ctx, kern_ew_fused_act(node, options_type), &d->act);
}

TfLiteStatus kern_arith_invoke(TfLiteContext *ctx, TfLiteNode *node,
                               const kern_arith_rows *rows, bool by_output) {
  const kern_ew_binary *d = (const kern_ew_binary *)node->user_data;
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  const TfLiteType t = by_output ? out->type : a->type;
  switch (t) {
    case kTfLiteFloat32:
      kern_ew_binary_run(d, a, b, out, rows->f32, &d->act);
      return kTfLiteOk;
    case kTfLiteInt32:
      kern_ew_binary_run(d, a, b, out, rows->i32, &d->act);
      return kTfLiteOk;
    case kTfLiteInt64:
      kern_ew_binary_run(d, a, b, out, rows->i64, &d->act);
      return kTfLiteOk;
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteInt16:
      quant_binary_run((const quant_binary *)d, a, b, out);
      return kTfLiteOk;
    default:
      ctx->ReportError(ctx, "%s type %s is not supported",
                       by_output ? "output" : "input", kern_type_name(t));
      return kTfLiteError;
  }
}

TfLiteStatus kern_cmp_prepare(TfLiteContext *ctx, TfLiteNode *node,
                              const TfLiteType *types, int n, quant_cmp_op op) {
  kern_ew_binary *d = (kern_ew_binary *)node->user_data;
  KERN_OK(kern_ew_binary_prepare(ctx, node, d, types, n, kTfLiteBool));
  quant_binary *q = (quant_binary *)d;
  q->kind = QB_NONE;
  const TfLiteType t = kern_input(ctx, node, 0)->type;
  if (!quant_binary_is_quant(t) || t == kTfLiteInt16) return kTfLiteOk;
  return quant_compare_prepare(ctx, node, q, op);
}

TfLiteStatus kern_cmp_invoke(TfLiteContext *ctx, TfLiteNode *node,
                             const kern_cmp_rows *rows) {
  const kern_ew_binary *d = (const kern_ew_binary *)node->user_data;
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (a->type) {
    case kTfLiteString:
      if (rows->string_eq >= 0) {
        str_view va, vb;
        KERN_OK(str_view_init(ctx, a, "input 1", &va));
        KERN_OK(str_view_init(ctx, b, "input 2", &vb));
        str_bcast_equal(&d->bc, &va, &vb, out->data.b, rows->string_eq == 1);
        return kTfLiteOk;
      }
      break;
    case kTfLiteInt8:
    case kTfLiteUInt8:
      quant_binary_run((const quant_binary *)d, a, b, out);
      return kTfLiteOk;
    default: break;
  }
  const kern_bcast_row_fn row = kern_ew_row_for(&rows->rows, a->type);
  if (row != NULL) {
    kern_ew_binary_run(d, a, b, out, row, d);
    return kTfLiteOk;
  }
  ctx->ReportError(ctx, "input type %s is not supported",
                   kern_type_name(a->type));
  return kTfLiteError;
}
