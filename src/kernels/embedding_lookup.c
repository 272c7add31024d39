/* EMBEDDING_LOOKUP: out[i] = value[ids[i]] (rows of the value table, rank
 * >= 2) for INT32 ids of rank 1. The output has the value's type (rows are
 * copied; any fixed-size type), or FLOAT32 for an INT8/UINT8 table: hybrid,
 * each element dequantized as q * scale (zero point ignored, as TensorFlow
 * Lite does), with one scale per tensor or one per row. An id out of range
 * is an error at invoke that names it. */
#include <string.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

typedef struct embedding_lookup_data {
  int hybrid;
  size_t row_elems;
} embedding_lookup_data;

KERN_OP_DATA_INIT(embedding_lookup_init, embedding_lookup_data)

static TfLiteStatus embedding_lookup_prepare(TfLiteContext *ctx,
                                             TfLiteNode *node) {
  embedding_lookup_data *d = (embedding_lookup_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *ids = kern_input(ctx, node, 0);
  const TfLiteTensor *value = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, ids != NULL && value != NULL, "an input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  KERN_ENSURE(ctx, ids->type == kTfLiteInt32, "ids type %s must be INT32",
              kern_type_name(ids->type));
  KERN_ENSURE(ctx, kern_ndims(ids) == 1, "ids must have rank 1, got %d",
              kern_ndims(ids));
  int rank = kern_ndims(value);
  KERN_ENSURE(ctx, rank >= 2 && rank <= KERN_MAX_DIMS,
              "value must have rank 2..%d, got %d", KERN_MAX_DIMS, rank);
  KERN_ENSURE(ctx, kern_type_bytes(value->type) > 0,
              "value type %s is not supported", kern_type_name(value->type));
  d->hybrid = (value->type == kTfLiteInt8 || value->type == kTfLiteUInt8) &&
              out->type == kTfLiteFloat32;
  KERN_ENSURE(ctx, d->hybrid || out->type == value->type,
              "output type %s must be the value type %s (or FLOAT32 for an "
              "INT8/UINT8 table)",
              kern_type_name(out->type), kern_type_name(value->type));
  if (d->hybrid && value->quantization.type == kTfLiteAffineQuantization) {
    const TfLiteAffineQuantization *q =
        (const TfLiteAffineQuantization *)value->quantization.params;
    int n = q && q->scale ? q->scale->size : 0;
    KERN_ENSURE(ctx, n <= 1 || n == kern_dim(value, 0),
                "value has %d scales for %d rows", n, kern_dim(value, 0));
  }
  int dims[KERN_MAX_DIMS];
  dims[0] = kern_dim(ids, 0);
  d->row_elems = 1;
  for (int i = 1; i < rank; i++) {
    dims[i] = kern_dim(value, i);
    d->row_elems *= (size_t)dims[i];
  }
  return kern_resize_output(ctx, out, dims, rank);
}

static float row_scale(const TfLiteTensor *value, int row) {
  if (value->quantization.type == kTfLiteAffineQuantization) {
    const TfLiteAffineQuantization *q =
        (const TfLiteAffineQuantization *)value->quantization.params;
    if (q && q->scale && q->scale->size > 1) return q->scale->data[row];
  }
  return value->params.scale;
}

static TfLiteStatus embedding_lookup_invoke(TfLiteContext *ctx,
                                            TfLiteNode *node) {
  const embedding_lookup_data *d =
      (const embedding_lookup_data *)node->user_data;
  const TfLiteTensor *ids = kern_input(ctx, node, 0);
  const TfLiteTensor *value = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int rows = kern_dim(value, 0), n = kern_dim(ids, 0);
  for (int i = 0; i < n; i++)
    KERN_ENSURE(ctx, ids->data.i32[i] >= 0 && ids->data.i32[i] < rows,
                "id %d at position %d is out of range [0, %d)",
                (int)ids->data.i32[i], i, rows);
  size_t elem = kern_type_bytes(value->type);
  for (int i = 0; i < n; i++) {
    int r = ids->data.i32[i];
    if (!d->hybrid) {
      memcpy(out->data.raw + (size_t)i * d->row_elems * elem,
             value->data.raw_const + (size_t)r * d->row_elems * elem,
             d->row_elems * elem);
      continue;
    }
    double scale = row_scale(value, r);
    float *o = out->data.f + (size_t)i * d->row_elems;
    size_t base = (size_t)r * d->row_elems;
    for (size_t j = 0; j < d->row_elems; j++) {
      int q = value->type == kTfLiteInt8 ? value->data.int8[base + j]
                                         : value->data.uint8[base + j];
      o[j] = (float)(q * scale);
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_embedding_lookup = {
    .init = embedding_lookup_init,
    .prepare = embedding_lookup_prepare,
    .invoke = embedding_lookup_invoke,
    .builtin_code = TFLC_OP_EMBEDDING_LOOKUP,
    .version = 1,
};
