/* HASHTABLE_SIZE: the number of entries of the hash table of input 0 (its
 * handle), as an INT64 tensor of shape [1]. */
#include "kernels/internal/hashtable_res.h"
#include "kernels/kernel_util.h"

static TfLiteStatus hashtable_size_prepare(TfLiteContext *ctx,
                                           TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 1, "expected 1 input, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  KERN_OK(ht_check_handle(ctx, kern_input(ctx, node, 0)));
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  KERN_ENSURE(ctx, out->type == kTfLiteInt64, "output type %s must be INT64",
              kern_type_name(out->type));
  int dims[1] = {1};
  return kern_resize_output(ctx, out, dims, 1);
}

static TfLiteStatus hashtable_size_invoke(TfLiteContext *ctx,
                                          TfLiteNode *node) {
  const ht_table *t = ht_from_handle(ctx, kern_input(ctx, node, 0));
  if (!t) return kTfLiteError;
  kern_output(ctx, node, 0)->data.i64[0] = (int64_t)ht_size(t);
  return kTfLiteOk;
}

const TfLiteRegistration kern_hashtable_size = {
    .prepare = hashtable_size_prepare,
    .invoke = hashtable_size_invoke,
    .builtin_code = TFLC_OP_HASHTABLE_SIZE,
    .version = 1,
};
