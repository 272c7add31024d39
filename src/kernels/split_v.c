/* SPLIT_V: cuts the value input (input 0) along the axis input (input 2:
 * INT32 or INT64, one element, negative counts from the end) into pieces of
 * the sizes in size_splits (input 1: INT32 or INT64, 1-D, one entry per
 * output; at most one -1, inferred from the rest). SplitVOptions num_splits
 * (field 0) must equal the number of outputs. A non-constant size_splits or
 * axis makes the outputs dynamic. Any fixed-size type: bytes are copied. */
#include "kernels/internal/move_checks.h"
#include "kernels/internal/split_axis.h"

enum { kValue = 0 };

static TfLiteStatus split_v_shapes(TfLiteContext *ctx, TfLiteNode *node) {
  kern_split_data *d = (kern_split_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *sizes_t = kern_input(ctx, node, 1);
  const TfLiteTensor *axis_t = kern_input(ctx, node, 2);
  int rank = kern_ndims(in);
  int n = kern_num_outputs(node);
  KERN_OK(kern_split_read_axis(ctx, axis_t, rank, &d->axis));
  int64_t size = kern_dim(in, d->axis);
  int64_t sum = 0;
  int infer = -1;
  for (int k = 0; k < n; k++) {
    int64_t s = kern_read_index(sizes_t, (size_t)k);
    if (s == -1) {
      KERN_ENSURE(ctx, infer < 0,
                  "size_splits has more than one -1 (entries %d and %d)", infer,
                  k);
      infer = k;
      continue;
    }
    KERN_ENSURE(ctx, s >= 0 && s <= size,
                "size_splits[%d] = %lld is invalid for a dimension of size "
                "%lld",
                k, (long long)s, (long long)size);
    sum += s;
  }
  if (infer >= 0) {
    KERN_ENSURE(ctx, sum <= size,
                "size_splits sum to %lld, more than the dimension size %lld",
                (long long)sum, (long long)size);
  } else {
    KERN_ENSURE(ctx, sum == size,
                "size_splits sum to %lld but dimension %d has size %lld",
                (long long)sum, d->axis, (long long)size);
  }
  int dims[KERN_MAX_DIMS];
  for (int i = 0; i < rank; i++) dims[i] = kern_dim(in, i);
  for (int k = 0; k < n; k++) {
    int64_t s = k == infer ? size - sum : kern_read_index(sizes_t, (size_t)k);
    dims[d->axis] = (int)s;
    KERN_OK(kern_resize_output(ctx, kern_output(ctx, node, k), dims, rank));
  }
  return kTfLiteOk;
}

static TfLiteStatus split_v_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  int n = 0; /* num_splits (SplitVOptions field 0) */
  KERN_OK(kern_split_check_node(ctx, node, 3, kValue, &n));
  const TfLiteTensor *sizes_t = kern_input(ctx, node, 1);
  const TfLiteTensor *axis_t = kern_input(ctx, node, 2);
  KERN_OK(kern_check_index_vector(ctx, sizes_t, "size_splits input", 0, n));
  KERN_OK(kern_check_index_vector(ctx, axis_t, "axis input", 1, 1));
  if (!kern_is_constant(sizes_t) || !kern_is_constant(axis_t)) {
    for (int k = 0; k < n; k++) kern_set_dynamic(kern_output(ctx, node, k));
    return kTfLiteOk;
  }
  return split_v_shapes(ctx, node);
}

static TfLiteStatus split_v_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_split_invoke(ctx, node, kValue, split_v_shapes);
}

const TfLiteRegistration kern_split_v = {
    .init = kern_split_init,
    .prepare = split_v_prepare,
    .invoke = split_v_invoke,
    .builtin_code = TFLC_OP_SPLIT_V,
    .version = 1,
};
