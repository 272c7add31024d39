/* SPLIT: cuts the value input (input 1) into num_splits equal pieces along
 * the axis input (input 0: INT32 or INT64, one element, negative counts from
 * the end). SplitOptions num_splits (field 0) must equal the number of
 * outputs and divide the axis size. A non-constant axis makes the outputs
 * dynamic. Any fixed-size type: only bytes are copied. */
#include "kernels/internal/move_checks.h"
#include "kernels/internal/split_axis.h"

enum { kValue = 1 };

static TfLiteStatus split_shapes(TfLiteContext *ctx, TfLiteNode *node) {
  kern_split_data *d = (kern_split_data *)node->user_data;
  const TfLiteTensor *axis_t = kern_input(ctx, node, 0);
  const TfLiteTensor *in = kern_input(ctx, node, 1);
  int rank = kern_ndims(in);
  int n = kern_num_outputs(node);
  KERN_OK(kern_split_read_axis(ctx, axis_t, rank, &d->axis));
  int size = kern_dim(in, d->axis);
  /* Analyzer false positive: n >= 1 (kern_split_check_node, in prepare) */
  /* NOLINTNEXTLINE(clang-analyzer-core.DivideZero) */
  KERN_ENSURE(ctx, size % n == 0,
              "dimension %d of size %d cannot be split into %d equal pieces",
              d->axis, size, n);
  int dims[KERN_MAX_DIMS];
  for (int i = 0; i < rank; i++) dims[i] = kern_dim(in, i);
  dims[d->axis] = size / n;
  for (int k = 0; k < n; k++)
    KERN_OK(kern_resize_output(ctx, kern_output(ctx, node, k), dims, rank));
  return kTfLiteOk;
}

static TfLiteStatus split_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  int n = 0; /* num_splits (SplitOptions field 0) */
  KERN_OK(kern_split_check_node(ctx, node, 2, kValue, &n));
  const TfLiteTensor *axis_t = kern_input(ctx, node, 0);
  KERN_OK(kern_check_index_vector(ctx, axis_t, "axis input", 1, 1));
  if (!kern_is_constant(axis_t)) {
    for (int k = 0; k < n; k++) kern_set_dynamic(kern_output(ctx, node, k));
    return kTfLiteOk;
  }
  return split_shapes(ctx, node);
}

static TfLiteStatus split_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_split_invoke(ctx, node, kValue, split_shapes);
}

const TfLiteRegistration kern_split = {
    .init = kern_split_init,
    .prepare = split_prepare,
    .invoke = split_invoke,
    .builtin_code = TFLC_OP_SPLIT,
    .version = 1,
};
