/* SQUARED_DIFFERENCE: elementwise (a - b) * (a - b) with numpy-style
 * broadcasting (up to 6-D). FLOAT32 and INT32 (integers wrap on overflow);
 * quantized INT8 as TensorFlow Lite (internal/quant_binary.h); INT16 is
 * refused. */
#include "kernels/internal/elementwise.h"
#include "kernels/internal/quant_binary.h"
#include "kernels/kernel_util.h"

static const TfLiteType squared_difference_types[] = {
    kTfLiteFloat32, kTfLiteInt32, kTfLiteInt8};

KERN_EW_ROW(squared_difference_row_f32, float, float, kern_ew_binary,
            (x - y) * (x - y))
KERN_EW_ROW(squared_difference_row_i32, int32_t, int32_t, kern_ew_binary,
            (int32_t)(((uint32_t)x - (uint32_t)y) *
                      ((uint32_t)x - (uint32_t)y)))

static TfLiteStatus squared_difference_prepare(TfLiteContext *ctx,
                                               TfLiteNode *node) {
  kern_ew_binary *d = (kern_ew_binary *)node->user_data;
  KERN_OK(kern_ew_binary_prepare(ctx, node, d, squared_difference_types, 3,
                                 kTfLiteNoType));
  quant_binary *q = (quant_binary *)d;
  q->kind = QB_NONE;
  if (!quant_binary_is_quant(kern_input(ctx, node, 0)->type)) return kTfLiteOk;
  return quant_sqdiff_prepare(ctx, node, q);
}

static TfLiteStatus squared_difference_invoke(TfLiteContext *ctx,
                                              TfLiteNode *node) {
  const kern_ew_binary *d = (const kern_ew_binary *)node->user_data;
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (a->type) {
    case kTfLiteFloat32:
      kern_ew_binary_run(d, a, b, out, squared_difference_row_f32, d);
      return kTfLiteOk;
    case kTfLiteInt32:
      kern_ew_binary_run(d, a, b, out, squared_difference_row_i32, d);
      return kTfLiteOk;
    case kTfLiteInt8:
      quant_binary_run((const quant_binary *)d, a, b, out);
      return kTfLiteOk;
    default:
      ctx->ReportError(ctx, "input type %s is not supported",
                       kern_type_name(a->type));
      return kTfLiteError;
  }
}

const TfLiteRegistration kern_squared_difference = {
    .init = quant_binary_init,
    .prepare = squared_difference_prepare,
    .invoke = squared_difference_invoke};
