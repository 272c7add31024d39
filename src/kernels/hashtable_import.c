/* HASHTABLE_IMPORT: fills a hash table (input 0, its handle) from keys
 * (input 1) and values (input 2) of the same shape; no outputs. Only the
 * first import of a table counts (TensorFlow Lite ignores later ones). */
#include "kernels/internal/hashtable_res.h"
#include "kernels/kernel_util.h"

static TfLiteStatus hashtable_import_prepare(TfLiteContext *ctx,
                                             TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 3, "expected 3 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 0, "expected no outputs, got %d",
              kern_num_outputs(node));
  KERN_OK(ht_check_handle(ctx, kern_input(ctx, node, 0)));
  const TfLiteTensor *keys = kern_input(ctx, node, 1);
  const TfLiteTensor *values = kern_input(ctx, node, 2);
  KERN_ENSURE(ctx, keys != NULL && values != NULL,
              "keys or values input is missing");
  KERN_ENSURE(ctx, ht_types_supported(keys->type, values->type),
              "keys %s / values %s are not supported (keys INT64 or STRING; "
              "values INT64, STRING or FLOAT32)",
              kern_type_name(keys->type), kern_type_name(values->type));
  KERN_ENSURE(ctx, TfLiteIntArrayEqual(keys->dims, values->dims),
              "keys and values must have the same shape");
  return kTfLiteOk;
}

static TfLiteStatus hashtable_import_invoke(TfLiteContext *ctx,
                                            TfLiteNode *node) {
  ht_table *t = ht_from_handle(ctx, kern_input(ctx, node, 0));
  if (!t) return kTfLiteError;
  return ht_import(ctx, t, kern_input(ctx, node, 1), kern_input(ctx, node, 2));
}

const TfLiteRegistration kern_hashtable_import = {
    .prepare = hashtable_import_prepare,
    .invoke = hashtable_import_invoke,
    .builtin_code = TFLC_OP_HASHTABLE_IMPORT,
    .version = 1,
};
