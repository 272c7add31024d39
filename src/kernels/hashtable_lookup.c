/* HASHTABLE_LOOKUP: for each INT32 lookup key (input 0, rank 1), a binary
 * search in the sorted INT32 keys (input 1, rank 1); output 0 gets the
 * matching row of the values (input 2, rows = number of keys; any
 * fixed-size type, or STRING of rank 1) or zeros / an empty string when the
 * key is absent, output 1 (UINT8 [lookups]) gets 1 for a hit, 0 for a
 * miss. Keys that are not sorted only give misses, never a wrong read. */
#include <string.h>

#include "kernels/internal/string_util.h"
#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

static TfLiteStatus hashtable_lookup_prepare(TfLiteContext *ctx,
                                             TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 3, "expected 3 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 2, "expected 2 outputs, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *lookup = kern_input(ctx, node, 0);
  const TfLiteTensor *keys = kern_input(ctx, node, 1);
  const TfLiteTensor *value = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  TfLiteTensor *hits = kern_output(ctx, node, 1);
  KERN_ENSURE(ctx, lookup && keys && value, "an input is missing");
  KERN_ENSURE(ctx, out && hits, "an output is missing");
  KERN_ENSURE(ctx, lookup->type == kTfLiteInt32 && kern_ndims(lookup) == 1,
              "lookup must be a rank-1 INT32 tensor");
  KERN_ENSURE(ctx, keys->type == kTfLiteInt32 && kern_ndims(keys) == 1,
              "keys must be a rank-1 INT32 tensor");
  int rank = kern_ndims(value);
  KERN_ENSURE(ctx, rank >= 1 && rank <= KERN_MAX_DIMS,
              "value must have rank 1..%d, got %d", KERN_MAX_DIMS, rank);
  KERN_ENSURE(ctx, kern_dim(value, 0) == kern_dim(keys, 0),
              "value has %d rows but there are %d keys", kern_dim(value, 0),
              kern_dim(keys, 0));
  KERN_ENSURE(ctx,
              value->type == kTfLiteString || kern_type_bytes(value->type) > 0,
              "value type %s is not supported", kern_type_name(value->type));
  KERN_ENSURE(ctx, value->type != kTfLiteString || rank == 1,
              "STRING values must have rank 1, got %d", rank);
  KERN_ENSURE(ctx, out->type == value->type,
              "output type %s differs from value type %s",
              kern_type_name(out->type), kern_type_name(value->type));
  KERN_ENSURE(ctx, hits->type == kTfLiteUInt8, "hits type %s must be UINT8",
              kern_type_name(hits->type));
  int dims[KERN_MAX_DIMS];
  dims[0] = kern_dim(lookup, 0);
  for (int i = 1; i < rank; i++) dims[i] = kern_dim(value, i);
  KERN_OK(kern_resize_output(ctx, hits, dims, 1));
  return kern_resize_output(ctx, out, dims, rank);
}

/* Row of key v in the sorted keys, or -1. */
static int find_row(const int32_t *keys, int n, int32_t v) {
  int lo = 0, hi = n;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (keys[mid] == v) return mid;
    if (keys[mid] < v)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

static TfLiteStatus hashtable_lookup_invoke(TfLiteContext *ctx,
                                            TfLiteNode *node) {
  const TfLiteTensor *lookup = kern_input(ctx, node, 0);
  const TfLiteTensor *keys = kern_input(ctx, node, 1);
  const TfLiteTensor *value = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  TfLiteTensor *hits = kern_output(ctx, node, 1);
  int n = kern_dim(lookup, 0), rows = kern_dim(keys, 0);
  if (value->type == kTfLiteString) {
    str_view v;
    KERN_OK(str_view_init(ctx, value, "value", &v));
    size_t total = 0, len;
    for (int i = 0; i < n; i++) {
      int r = find_row(keys->data.i32, rows, lookup->data.i32[i]);
      if (r >= 0) {
        str_get(&v, r, &len);
        total += len;
      }
    }
    str_writer w;
    int dims[1] = {n};
    KERN_OK(str_alloc(ctx, out, dims, 1, n, total, &w));
    for (int i = 0; i < n; i++) {
      int r = find_row(keys->data.i32, rows, lookup->data.i32[i]);
      const char *p = r >= 0 ? str_get(&v, r, &len) : "";
      str_add(&w, p, r >= 0 ? len : 0);
      hits->data.uint8[i] = r >= 0;
    }
    return kTfLiteOk;
  }
  size_t row_bytes = kern_type_bytes(value->type);
  for (int i = 1; i < kern_ndims(value); i++)
    row_bytes *= (size_t)kern_dim(value, i);
  for (int i = 0; i < n; i++) {
    int r = find_row(keys->data.i32, rows, lookup->data.i32[i]);
    uint8_t *dst = (uint8_t *)out->data.raw + (size_t)i * row_bytes;
    if (r >= 0 && row_bytes)
      memcpy(dst, value->data.raw_const + (size_t)r * row_bytes, row_bytes);
    else if (row_bytes)
      memset(dst, 0, row_bytes);
    hits->data.uint8[i] = r >= 0;
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_hashtable_lookup = {
    .prepare = hashtable_lookup_prepare,
    .invoke = hashtable_lookup_invoke,
    .builtin_code = TFLC_OP_HASHTABLE_LOOKUP,
    .version = 1,
};
