/* Cutting a tensor along one axis into the node's outputs, and the shared
 * parts of SPLIT and SPLIT_V (see split_axis.h). */
#include "kernels/internal/split_axis.h"

#include "kernels/internal/move_checks.h"
#include "kernels/internal/strided_copy.h"

void kern_split_along_axis(TfLiteContext *ctx, const TfLiteNode *node,
                           const TfLiteTensor *in, int axis) {
  size_t elem = kern_type_bytes(in->type);
  size_t outer = 1, inner = 1;
  for (int i = 0; i < axis; i++) outer *= (size_t)kern_dim(in, i);
  for (int i = axis + 1; i < kern_ndims(in); i++)
    inner *= (size_t)kern_dim(in, i);
  size_t axis_dim = (size_t)kern_dim(in, axis);
  if (outer == 0 || inner == 0) return;
  const uint8_t *src = (const uint8_t *)in->data.raw_const;
  size_t start = 0; /* position along the axis */
  for (int k = 0; k < kern_num_outputs(node); k++) {
    TfLiteTensor *out = kern_output(ctx, node, k);
    size_t piece = kern_num_elements(out) / (outer * inner);
    if (piece > 0) {
      /* outer rows of piece*inner contiguous elements each. */
      int dims[2] = {(int)outer, (int)(piece * inner)};
      ptrdiff_t strides[2] = {(ptrdiff_t)(axis_dim * inner), 1};
      kern_strided_copy(out->data.raw, src + start * inner * elem, strides,
                        elem, 2, dims);
    }
    start += piece;
  }
}

void *kern_split_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  return ctx->AllocatePersistentBuffer(ctx, sizeof(kern_split_data));
}

TfLiteStatus kern_split_check_node(TfLiteContext *ctx, TfLiteNode *node,
                                   int n_inputs, int value_index, int *n) {
  KERN_ENSURE(ctx, node->user_data != NULL, "op data was not allocated");
  *n = opt_i32(kern_options(node), 0, 0);
  KERN_ENSURE(ctx, *n >= 1, "num_splits must be at least 1, got %d", *n);
  KERN_OK(kern_check_arity(ctx, node, n_inputs, *n));
  const TfLiteTensor *in = kern_input(ctx, node, value_index);
  KERN_ENSURE(ctx, kern_ndims(in) >= 1 && kern_ndims(in) <= KERN_MAX_DIMS,
              "input rank %d is not supported (1 to %d)", kern_ndims(in),
              KERN_MAX_DIMS);
  for (int k = 0; k < *n; k++)
    KERN_OK(kern_check_move_types(ctx, in, kern_output(ctx, node, k)));
  return kTfLiteOk;
}

TfLiteStatus kern_split_read_axis(TfLiteContext *ctx,
                                  const TfLiteTensor *axis_t, int rank,
                                  int *axis) {
  int64_t a = kern_read_index(axis_t, 0);
  KERN_ENSURE(ctx, a >= -rank && a < rank,
              "axis %lld is out of range for an input of rank %d", (long long)a,
              rank);
  if (a < 0) a += rank;
  *axis = (int)a;
  return kTfLiteOk;
}

TfLiteStatus kern_split_invoke(TfLiteContext *ctx, TfLiteNode *node,
                               int value_index, kern_split_shapes_fn shapes) {
  const kern_split_data *d = (const kern_split_data *)node->user_data;
  if (kern_output(ctx, node, 0)->allocation_type == kTfLiteDynamic)
    KERN_OK(shapes(ctx, node));
  kern_split_along_axis(ctx, node, kern_input(ctx, node, value_index), d->axis);
  return kTfLiteOk;
}
