/* Shared prepare-time checks of the elementwise kernels: type lists,
 * fused activation ranges, the common two-input prepare; and the invoke of
 * row-function ops and of the flooring division ops. */
#include "kernels/internal/elementwise.h"

#include <stdio.h>
#include <string.h>

#include "kernels/kernel_util.h"

TfLiteStatus kern_ew_check_type(TfLiteContext *ctx, const char *what,
                                TfLiteType type, const TfLiteType *allowed,
                                int n) {
  for (int i = 0; i < n; i++)
    if (allowed[i] == type) return kTfLiteOk;
  char list[160];
  size_t pos = 0;
  list[0] = '\0';
  for (int i = 0; i < n && pos < sizeof list; i++) {
    int w = snprintf(list + pos, sizeof list - pos, i ? ", %s" : "%s",
                     kern_type_name(allowed[i]));
    if (w < 0) break;
    pos += (size_t)w;
  }
  ctx->ReportError(ctx, "%s type %s is not supported (%s)", what,
                   kern_type_name(type), list);
  return kTfLiteError;
}

TfLiteStatus kern_ew_act_range(TfLiteContext *ctx, int act, kern_ew_act *out) {
  switch (act) {
    case TFLC_ACT_NONE:
      out->ilo = INT64_MIN;
      out->ihi = INT64_MAX;
      break;
    case TFLC_ACT_RELU:
      out->ilo = 0;
      out->ihi = INT64_MAX;
      break;
    case TFLC_ACT_RELU_N1_TO_1:
      out->ilo = -1;
      out->ihi = 1;
      break;
    case TFLC_ACT_RELU6:
      out->ilo = 0;
      out->ihi = 6;
      break;
    case TFLC_ACT_TANH:
      ctx->ReportError(ctx,
                       "fused activation TANH is not supported "
                       "(NONE, RELU, RELU_N1_TO_1, RELU6)");
      return kTfLiteError;
    case TFLC_ACT_SIGN_BIT:
      ctx->ReportError(ctx,
                       "fused activation SIGN_BIT is not supported "
                       "(NONE, RELU, RELU_N1_TO_1, RELU6)");
      return kTfLiteError;
    default:
      ctx->ReportError(ctx, "unknown fused activation %d", act);
      return kTfLiteError;
  }
  if (kern_act_range_f32(act, &out->lo, &out->hi) != 0) {
    ctx->ReportError(ctx, "unknown fused activation %d", act);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

void *kern_ew_binary_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  kern_ew_binary *d = ctx->AllocatePersistentBuffer(ctx, sizeof *d);
  if (d) memset(d, 0, sizeof *d);
  return d;
}

TfLiteStatus kern_ew_binary_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                    kern_ew_binary *data,
                                    const TfLiteType *allowed, int n,
                                    TfLiteType out_type) {
  KERN_ENSURE(ctx, data != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  TfLiteTensor *a = kern_input(ctx, node, 0);
  TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, a != NULL && b != NULL, "an input is missing");
  KERN_ENSURE(ctx, out != NULL, "the output is missing");
  KERN_OK(kern_ew_check_type(ctx, "input", a->type, allowed, n));
  KERN_ENSURE(ctx, b->type == a->type,
              "input 2 type %s does not match input 1 type %s",
              kern_type_name(b->type), kern_type_name(a->type));
  TfLiteType want = out_type == kTfLiteNoType ? a->type : out_type;
  KERN_ENSURE(ctx, out->type == want, "output type %s must be %s",
              kern_type_name(out->type), kern_type_name(want));
  KERN_OK(kern_bcast_prepare(ctx, a, b, &data->bc));
  return kern_resize_output(ctx, out, data->bc.out_dims, data->bc.out_rank);
}

size_t kern_ew_type_size(TfLiteType type) {
  switch (type) {
    case kTfLiteFloat32: return sizeof(float);
    case kTfLiteInt32: return sizeof(int32_t);
    case kTfLiteInt64: return sizeof(int64_t);
    case kTfLiteInt16: return sizeof(int16_t);
    case kTfLiteInt8: return sizeof(int8_t);
    case kTfLiteUInt8: return sizeof(uint8_t);
    case kTfLiteBool: return sizeof(bool);
    default: return 0;
  }
}

int kern_ew_fused_act(const TfLiteNode *node, uint8_t options_type) {
  const tflc_options_ref *o = kern_options(node);
  if (o == NULL || !opt_is(o, options_type)) return TFLC_ACT_NONE;
  return opt_i8(o, 0, TFLC_ACT_NONE);
}

kern_bcast_row_fn kern_ew_row_for(const kern_ew_rows *rows, TfLiteType t) {
  switch (t) {
    case kTfLiteFloat32: return rows->f32;
    case kTfLiteInt8: return rows->i8;
    case kTfLiteUInt8: return rows->u8;
    case kTfLiteInt16: return rows->i16;
    case kTfLiteInt32: return rows->i32;
    case kTfLiteInt64: return rows->i64;
    case kTfLiteBool: return rows->b8;
    default: return NULL;
  }
}

TfLiteStatus kern_ew_binary_invoke(TfLiteContext *ctx, TfLiteNode *node,
                                   const kern_ew_rows *rows) {
  const kern_ew_binary *d = (const kern_ew_binary *)node->user_data;
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  const kern_bcast_row_fn row = kern_ew_row_for(rows, a->type);
  if (row == NULL) {
    ctx->ReportError(ctx, "input type %s is not supported",
                     kern_type_name(a->type));
    return kTfLiteError;
  }
  kern_ew_binary_run(d, a, b, out, row, d);
  return kTfLiteOk;
}

/* Fails when one of the first nb elements of the INT32 / INT64 divisor b is
 * 0. */
static TfLiteStatus check_divisor(TfLiteContext *ctx, const TfLiteTensor *b,
                                  size_t nb) {
  for (size_t i = 0; i < nb; i++) {
    const int64_t v = b->type == kTfLiteInt32 ? b->data.i32[i] : b->data.i64[i];
    KERN_ENSURE(ctx, v != 0,
                "division by zero: element %zu of input 2 (the divisor) is 0",
                i);
  }
  return kTfLiteOk;
}

TfLiteStatus kern_ew_floor_div_invoke(TfLiteContext *ctx, TfLiteNode *node,
                                      kern_bcast_row_fn row_f32,
                                      kern_bcast_row_fn row_i32,
                                      kern_bcast_row_fn row_i64) {
  const kern_ew_binary *d = (const kern_ew_binary *)node->user_data;
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t nb = d->bc.count > 0 ? kern_num_elements(b) : 0;
  kern_bcast_row_fn row;
  switch (a->type) {
    case kTfLiteFloat32: row = row_f32; break;
    case kTfLiteInt32: row = row_i32; break;
    case kTfLiteInt64: row = row_i64; break;
    default:
      ctx->ReportError(ctx, "input type %s is not supported",
                       kern_type_name(a->type));
      return kTfLiteError;
  }
  if (a->type != kTfLiteFloat32) KERN_OK(check_divisor(ctx, b, nb));
  kern_ew_binary_run(d, a, b, out, row, d);
  return kTfLiteOk;
}
