/* HASHTABLE_FIND: out[i] = table[keys[i]] for the hash table of input 0
 * (its handle), keys input 1, and the first element of input 2 (the
 * default value) for keys not in the table. The output has the keys' shape
 * and the table's value type. */
#include "kernels/internal/hashtable_res.h"
#include "kernels/kernel_util.h"

static TfLiteStatus hashtable_find_prepare(TfLiteContext *ctx,
                                           TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 3, "expected 3 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  KERN_OK(ht_check_handle(ctx, kern_input(ctx, node, 0)));
  const TfLiteTensor *keys = kern_input(ctx, node, 1);
  const TfLiteTensor *dflt = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, keys != NULL && dflt != NULL,
              "keys or default value input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  KERN_ENSURE(ctx, dflt->type == out->type,
              "default value type %s differs from output type %s",
              kern_type_name(dflt->type), kern_type_name(out->type));
  KERN_ENSURE(ctx, ht_types_supported(keys->type, out->type),
              "keys %s / output %s are not supported (keys INT64 or STRING; "
              "values INT64, STRING or FLOAT32)",
              kern_type_name(keys->type), kern_type_name(out->type));
  KERN_ENSURE(ctx, kern_num_elements(dflt) >= 1,
              "the default value has no element");
  return kern_resize_like(ctx, out, keys);
}

static TfLiteStatus hashtable_find_invoke(TfLiteContext *ctx,
                                          TfLiteNode *node) {
  const ht_table *t = ht_from_handle(ctx, kern_input(ctx, node, 0));
  if (!t) return kTfLiteError;
  return ht_find(ctx, t, kern_input(ctx, node, 1), kern_input(ctx, node, 2),
                 kern_output(ctx, node, 0));
}

const TfLiteRegistration kern_hashtable_find = {
    .prepare = hashtable_find_prepare,
    .invoke = hashtable_find_invoke,
    .builtin_code = TFLC_OP_HASHTABLE_FIND,
    .version = 1,
};
