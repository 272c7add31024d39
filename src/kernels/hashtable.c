/* HASHTABLE: creates (once, at prepare) the hash table named by
 * HashtableOptions table_id (field 0) with key_dtype (1) and value_dtype
 * (2) (schema TensorTypes: keys INT64 or STRING, values INT64, STRING or
 * FLOAT32) and outputs its handle, a [1] RESOURCE (or INT32). The table
 * lives in the interpreter (internal/hashtable_res.h). */
#include "kernels/internal/hashtable_res.h"
#include "kernels/kernel_util.h"

enum { HT_OPT_TABLE_ID = 0, HT_OPT_KEY_DTYPE = 1, HT_OPT_VALUE_DTYPE = 2 };

typedef struct hashtable_data {
  int resource_id;
} hashtable_data;

/* The schema TensorTypes a table may use, as TfLiteTypes. */
static TfLiteType ht_schema_type(int t) {
  switch (t) {
    case TFLC_TT_FLOAT32: return kTfLiteFloat32;
    case TFLC_TT_INT64: return kTfLiteInt64;
    case TFLC_TT_STRING: return kTfLiteString;
    default: return kTfLiteNoType;
  }
}

KERN_OP_DATA_INIT(hashtable_init, hashtable_data)

static TfLiteStatus hashtable_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  hashtable_data *d = (hashtable_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 0, "expected no inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  KERN_ENSURE(ctx, out->type == kTfLiteResource || out->type == kTfLiteInt32,
              "output type %s must be RESOURCE or INT32",
              kern_type_name(out->type));
  const tflc_options_ref *o = kern_options(node);
  int32_t table_id = opt_i32(o, HT_OPT_TABLE_ID, 0);
  int kt = opt_i8(o, HT_OPT_KEY_DTYPE, 0),
      vt = opt_i8(o, HT_OPT_VALUE_DTYPE, 0);
  TfLiteType key = ht_schema_type(kt), value = ht_schema_type(vt);
  KERN_ENSURE(ctx, ht_types_supported(key, value),
              "table %d: key_dtype %d / value_dtype %d are not supported (keys "
              "INT64 or STRING; values "
              "INT64, STRING or FLOAT32)",
              (int)table_id, kt, vt);
  KERN_OK(ht_get_or_create(ctx, table_id, key, value, &d->resource_id));
  int dims[1] = {1};
  return kern_resize_output(ctx, out, dims, 1);
}

static TfLiteStatus hashtable_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const hashtable_data *d = (const hashtable_data *)node->user_data;
  kern_output(ctx, node, 0)->data.i32[0] = d->resource_id;
  return kTfLiteOk;
}

const TfLiteRegistration kern_hashtable = {
    .init = hashtable_init,
    .prepare = hashtable_prepare,
    .invoke = hashtable_invoke,
    .builtin_code = TFLC_OP_HASHTABLE,
    .version = 1,
};
