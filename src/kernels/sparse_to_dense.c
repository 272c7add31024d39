/* SPARSE_TO_DENSE: inputs sparse_indices (INT32 or INT64: a scalar, [N] or
 * [N, D]), output_shape (INT32 or INT64, 1-D with D entries; 1 for scalar or
 * [N] indices), sparse_values (a scalar used for every index, or [N]) and
 * default_value (a scalar); the output of output_shape is default_value
 * everywhere except at the listed indices (a repeated index keeps the last
 * value). Values FLOAT32, INT32, INT64, INT8, UINT8. An index outside the
 * output is an invoke error naming it; with SparseToDenseOptions
 * validate_indices (field 0) the indices must also be strictly increasing in
 * row-major order, as TensorFlow requires. A constant output_shape sizes
 * the output at prepare, otherwise it is dynamic. */
#include <string.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/internal/value_shape.h"

/* Number of indices and their width (D). */
static void std_counts(const TfLiteTensor *idx, size_t *n, size_t *dim) {
  switch (kern_ndims(idx)) {
    case 0:
      *n = 1;
      *dim = 1;
      break;
    case 1:
      *n = (size_t)kern_dim(idx, 0);
      *dim = 1;
      break;
    default:
      *n = (size_t)kern_dim(idx, 0);
      *dim = (size_t)kern_dim(idx, 1);
      break;
  }
}

static TfLiteStatus std_resize(TfLiteContext *ctx, const TfLiteTensor *shape,
                               TfLiteTensor *out) {
  int64_t dims[KERN_MAX_DIMS];
  int rank = (int)kern_num_elements(shape);
  for (int i = 0; i < rank; i++) dims[i] = kern_read_index(shape, (size_t)i);
  return kern_value_shape_resize(ctx, out, "output_shape", dims, rank);
}

static TfLiteStatus sparse_to_dense_prepare(TfLiteContext *ctx,
                                            TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 4, "expected 4 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *idx = kern_input(ctx, node, 0);
  const TfLiteTensor *shape = kern_input(ctx, node, 1);
  const TfLiteTensor *values = kern_input(ctx, node, 2);
  const TfLiteTensor *dflt = kern_input(ctx, node, 3);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, idx && shape && values && dflt && out,
              "an input or the output is missing");
  KERN_ENSURE(ctx, idx->type == kTfLiteInt32 || idx->type == kTfLiteInt64,
              "indices type %s is not supported (INT32, INT64)",
              kern_type_name(idx->type));
  KERN_ENSURE(ctx, kern_ndims(idx) <= 2,
              "indices must have rank 0, 1 or 2, got %d", kern_ndims(idx));
  KERN_ENSURE(ctx, shape->type == kTfLiteInt32 || shape->type == kTfLiteInt64,
              "output_shape type %s is not supported (INT32, INT64)",
              kern_type_name(shape->type));
  KERN_ENSURE(ctx, kern_ndims(shape) == 1,
              "output_shape must be 1-D, got rank %d", kern_ndims(shape));
  size_t n, dim;
  std_counts(idx, &n, &dim);
  KERN_ENSURE(ctx, (size_t)kern_dim(shape, 0) == dim,
              "output_shape has %d entries, the indices address %zu dimensions",
              kern_dim(shape, 0), dim);
  KERN_ENSURE(ctx, dim <= KERN_MAX_DIMS,
              "output rank %zu is above the supported %d", dim, KERN_MAX_DIMS);
  switch (values->type) {
    case kTfLiteFloat32:
    case kTfLiteInt32:
    case kTfLiteInt64:
    case kTfLiteInt8:
    case kTfLiteUInt8: break;
    default:
      KERN_ENSURE(ctx, 0,
                  "values type %s is not supported (FLOAT32, INT32, INT64, "
                  "INT8, UINT8)",
                  kern_type_name(values->type));
  }
  KERN_ENSURE(ctx, dflt->type == values->type && out->type == values->type,
              "default_value (%s) and output (%s) must have the values type %s",
              kern_type_name(dflt->type), kern_type_name(out->type),
              kern_type_name(values->type));
  KERN_ENSURE(ctx, kern_num_elements(dflt) == 1,
              "default_value must be a scalar");
  KERN_ENSURE(ctx,
              kern_ndims(values) == 0 ||
                  (kern_ndims(values) == 1 && (size_t)kern_dim(values, 0) == n),
              "values must be a scalar or have %zu elements (one per index)",
              n);
  if (kern_is_constant(shape)) return std_resize(ctx, shape, out);
  kern_set_dynamic(out);
  return kTfLiteOk;
}

static TfLiteStatus sparse_to_dense_invoke(TfLiteContext *ctx,
                                           TfLiteNode *node) {
  const TfLiteTensor *idx = kern_input(ctx, node, 0);
  const TfLiteTensor *shape = kern_input(ctx, node, 1);
  const TfLiteTensor *values = kern_input(ctx, node, 2);
  const TfLiteTensor *dflt = kern_input(ctx, node, 3);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic)
    KERN_OK(std_resize(ctx, shape, out));
  int validate = opt_bool(kern_options(node), 0, false);
  size_t n, dim;
  std_counts(idx, &n, &dim);
  size_t elem = kern_type_bytes(out->type);
  /* Check every index (and the order) before writing anything. */
  size_t prev = 0;
  for (size_t i = 0; i < n; i++) {
    size_t flat = 0;
    for (size_t k = 0; k < dim; k++) {
      int64_t v = kern_read_index(idx, i * dim + k);
      int64_t lim = kern_dim(out, (int)k);
      KERN_ENSURE(ctx, v >= 0 && v < lim,
                  "index %lld (index %zu, dimension %zu) is out of range "
                  "[0, %lld)",
                  (long long)v, i, k, (long long)lim);
      flat = flat * (size_t)lim + (size_t)v;
    }
    KERN_ENSURE(ctx, !validate || i == 0 || flat > prev,
                "indices must be strictly increasing (validate_indices): "
                "index %zu %s index %zu",
                i, flat == prev ? "repeats" : "comes before", i - 1);
    prev = flat;
  }
  kern_fill_elems(out->data.raw, dflt->data.raw_const, elem,
                  kern_num_elements(out));
  int scalar = kern_ndims(values) == 0;
  for (size_t i = 0; i < n; i++) {
    size_t flat = 0;
    for (size_t k = 0; k < dim; k++)
      flat = flat * (size_t)kern_dim(out, (int)k) +
             (size_t)kern_read_index(idx, i * dim + k);
    memcpy(out->data.raw + flat * elem,
           values->data.raw_const + (scalar ? 0 : i) * elem, elem);
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_sparse_to_dense = {
    .prepare = sparse_to_dense_prepare,
    .invoke = sparse_to_dense_invoke,
    .builtin_code = TFLC_OP_SPARSE_TO_DENSE,
    .version = 1,
};
