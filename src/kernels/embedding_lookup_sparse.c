/* EMBEDDING_LOOKUP_SPARSE: combines rows of a FLOAT32 table (input 4,
 * rank >= 2) picked by a sparse tensor (ids input 0 [N] INT32, indices
 * input 1 [N, R] INT32, dense_shape input 2 [R] INT32) with weights (input
 * 3 [N] FLOAT32). Entry i adds weights[i] * value[ids[i]] into the output
 * row given by its first R-1 indices (row-major over dense_shape[:R-1]);
 * the last index is ignored. EmbeddingLookupSparseOptions combiner (field
 * 0): SUM 0, MEAN 1 (divide by the sum of the weights), SQRTN 2 (by the
 * square root of the sum of squared weights); like TensorFlow Lite, a row
 * is finalized when the next entry goes to another row (entries are
 * expected sorted). Output [dense_shape[:R-1], value dims[1:]]: known at
 * prepare when dense_shape is constant, else set at invoke. Ids and
 * indices out of range are errors at invoke naming the value. */
#include <math.h>
#include <string.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

enum { ELS_OPT_COMBINER = 0 };
enum { ELS_SUM = 0, ELS_MEAN = 1, ELS_SQRTN = 2 };

typedef struct els_data {
  int combiner;
  int dynamic;
} els_data;

KERN_OP_DATA_INIT(els_init, els_data)

/* Output shape from dense_shape's values. */
static TfLiteStatus els_resize(TfLiteContext *ctx, const TfLiteTensor *shape,
                               const TfLiteTensor *value, TfLiteTensor *out) {
  int r = kern_dim(shape, 0), vr = kern_ndims(value);
  int dims[KERN_MAX_DIMS], k = 0;
  KERN_ENSURE(ctx, r - 1 + vr - 1 <= KERN_MAX_DIMS,
              "output rank %d is above the supported %d", r + vr - 2,
              KERN_MAX_DIMS);
  for (int i = 0; i < r - 1; i++) {
    int v = shape->data.i32[i];
    KERN_ENSURE(ctx, v >= 0, "dense_shape[%d] is %d", i, v);
    dims[k++] = v;
  }
  for (int i = 1; i < vr; i++) dims[k++] = kern_dim(value, i);
  return kern_resize_output(ctx, out, dims, k);
}

static TfLiteStatus els_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  els_data *d = (els_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 5, "expected 5 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *ids = kern_input(ctx, node, 0);
  const TfLiteTensor *indices = kern_input(ctx, node, 1);
  const TfLiteTensor *shape = kern_input(ctx, node, 2);
  const TfLiteTensor *weights = kern_input(ctx, node, 3);
  const TfLiteTensor *value = kern_input(ctx, node, 4);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, ids && indices && shape && weights && value,
              "an input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  KERN_ENSURE(ctx, ids->type == kTfLiteInt32 && kern_ndims(ids) == 1,
              "ids must be a rank-1 INT32 tensor");
  KERN_ENSURE(ctx, indices->type == kTfLiteInt32 && kern_ndims(indices) == 2,
              "indices must be a rank-2 INT32 tensor");
  KERN_ENSURE(ctx, shape->type == kTfLiteInt32 && kern_ndims(shape) == 1,
              "dense_shape must be a rank-1 INT32 tensor");
  KERN_ENSURE(ctx, weights->type == kTfLiteFloat32 && kern_ndims(weights) == 1,
              "weights must be a rank-1 FLOAT32 tensor");
  KERN_ENSURE(ctx, value->type == kTfLiteFloat32 && kern_ndims(value) >= 2,
              "value must be a FLOAT32 tensor of rank >= 2");
  KERN_ENSURE(ctx, out->type == kTfLiteFloat32,
              "output type %s must be FLOAT32", kern_type_name(out->type));
  int n = kern_dim(ids, 0);
  KERN_ENSURE(
      ctx, kern_dim(indices, 0) == n && kern_dim(weights, 0) == n,
      "ids (%d), indices (%d) and weights (%d) must have the same length", n,
      kern_dim(indices, 0), kern_dim(weights, 0));
  int r = kern_dim(indices, 1);
  KERN_ENSURE(ctx, r >= 1, "indices must have at least one column");
  KERN_ENSURE(ctx, kern_dim(shape, 0) == r,
              "dense_shape has %d entries but indices have %d columns",
              kern_dim(shape, 0), r);
  d->combiner = opt_i8(kern_options(node), ELS_OPT_COMBINER, ELS_SUM);
  KERN_ENSURE(ctx, d->combiner >= ELS_SUM && d->combiner <= ELS_SQRTN,
              "combiner %d is not supported (SUM 0, MEAN 1, SQRTN 2)",
              d->combiner);
  d->dynamic = !kern_is_constant(shape);
  if (!d->dynamic) return els_resize(ctx, shape, value, out);
  kern_set_dynamic(out);
  return kTfLiteOk;
}

static void els_finalize(int combiner, int count, float total, float squares,
                         float *row, size_t n) {
  if (combiner == ELS_SUM || count == 0) return;
  float div = combiner == ELS_MEAN ? total : sqrtf(squares);
  for (size_t k = 0; k < n; k++) row[k] /= div;
}

static TfLiteStatus els_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const els_data *d = (const els_data *)node->user_data;
  const TfLiteTensor *ids = kern_input(ctx, node, 0);
  const TfLiteTensor *indices = kern_input(ctx, node, 1);
  const TfLiteTensor *shape = kern_input(ctx, node, 2);
  const TfLiteTensor *weights = kern_input(ctx, node, 3);
  const TfLiteTensor *value = kern_input(ctx, node, 4);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (d->dynamic) KERN_OK(els_resize(ctx, shape, value, out));
  int n = kern_dim(ids, 0), r = kern_dim(indices, 1), rows = kern_dim(value, 0);
  size_t emb = 1;
  for (int i = 1; i < kern_ndims(value); i++) emb *= (size_t)kern_dim(value, i);
  /* Check everything first. */
  for (int i = 0; i < n; i++) {
    KERN_ENSURE(ctx, ids->data.i32[i] >= 0 && ids->data.i32[i] < rows,
                "id %d at position %d is out of range [0, %d)",
                (int)ids->data.i32[i], i, rows);
    for (int k = 0; k < r - 1; k++) {
      int v = indices->data.i32[(size_t)i * (size_t)r + (size_t)k];
      KERN_ENSURE(ctx, v >= 0 && v < shape->data.i32[k],
                  "indices[%d][%d] = %d is out of range [0, %d)", i, k, v,
                  (int)shape->data.i32[k]);
    }
  }
  size_t total = kern_num_elements(out);
  float *o = out->data.f;
  if (total) memset(o, 0, total * sizeof(float));
  size_t cur = 0;
  float wsum = 0.0f, wsq = 0.0f;
  int count = 0;
  for (int i = 0; i < n; i++) {
    size_t bucket = 0;
    for (int k = 0; k < r - 1; k++)
      bucket = bucket * (size_t)shape->data.i32[k] +
               (size_t)indices->data.i32[(size_t)i * (size_t)r + (size_t)k];
    size_t off = bucket * emb;
    if (off != cur) {
      els_finalize(d->combiner, count, wsum, wsq, o + cur, emb);
      count = 0;
      wsum = wsq = 0.0f;
      cur = off;
    }
    count++;
    float w = weights->data.f[i];
    wsum += w;
    wsq += w * w;
    const float *row = value->data.f + (size_t)ids->data.i32[i] * emb;
    for (size_t k = 0; k < emb; k++) o[cur + k] += row[k] * w;
  }
  if (total) els_finalize(d->combiner, count, wsum, wsq, o + cur, emb);
  return kTfLiteOk;
}

const TfLiteRegistration kern_embedding_lookup_sparse = {
    .init = els_init,
    .prepare = els_prepare,
    .invoke = els_invoke,
    .builtin_code = TFLC_OP_EMBEDDING_LOOKUP_SPARSE,
    .version = 1,
};
