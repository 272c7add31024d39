/* RANK: the number of dimensions of the input as an int32 scalar. Works for
 * any input type; only the input's shape is read. */
#include "kernels/kernel_util.h"

static TfLiteStatus rank_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_check_single_io(ctx, node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, out->type == kTfLiteInt32,
              "output type %s is not supported (INT32)",
              kern_type_name(out->type));
  KERN_OK(kern_resize_output(ctx, out, NULL, 0));
  /* Known now: a constant for the nodes that read it. */
  if (kern_make_output_constant(ctx, out)) out->data.i32[0] = kern_ndims(in);
  return kTfLiteOk;
}

static TfLiteStatus rank_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type != kTfLitePersistentRo)
    out->data.i32[0] = kern_ndims(kern_input(ctx, node, 0));
  return kTfLiteOk;
}

const TfLiteRegistration kern_rank = {
    .prepare = rank_prepare,
    .invoke = rank_invoke,
    .builtin_code = TFLC_OP_RANK,
    .version = 1,
};
