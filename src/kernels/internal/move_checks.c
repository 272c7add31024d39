/* Checks shared by the data-movement kernels (see move_checks.h). */
#include "kernels/internal/move_checks.h"

TfLiteStatus kern_check_arity(TfLiteContext *ctx, const TfLiteNode *node,
                              int n_in, int n_out) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == n_in, "expected %d inputs, got %d",
              n_in, kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == n_out,
              "expected %d outputs, got %d", n_out, kern_num_outputs(node));
  for (int i = 0; i < n_in; i++)
    KERN_ENSURE(ctx, kern_input(ctx, node, i) != NULL, "input %d is missing",
                i);
  for (int i = 0; i < n_out; i++)
    KERN_ENSURE(ctx, kern_output(ctx, node, i) != NULL, "output %d is missing",
                i);
  return kTfLiteOk;
}

TfLiteStatus kern_check_move_types(TfLiteContext *ctx, const TfLiteTensor *in,
                                   const TfLiteTensor *out) {
  KERN_ENSURE(ctx, kern_type_bytes(in->type) > 0,
              "input type %s is not supported", kern_type_name(in->type));
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  return kTfLiteOk;
}

TfLiteStatus kern_check_index_vector(TfLiteContext *ctx, const TfLiteTensor *t,
                                     const char *what, int allow_scalar,
                                     int n) {
  KERN_ENSURE(ctx, t->type == kTfLiteInt32 || t->type == kTfLiteInt64,
              "%s has type %s (INT32 or INT64 expected)", what,
              kern_type_name(t->type));
  int rank = kern_ndims(t);
  KERN_ENSURE(ctx, rank == 1 || (allow_scalar && rank == 0),
              "%s must be %s, got rank %d", what,
              allow_scalar ? "a scalar or 1-D" : "1-D", rank);
  size_t count = kern_num_elements(t);
  if (n >= 0) {
    KERN_ENSURE(ctx, count == (size_t)n, "%s has %zu elements, expected %d",
                what, count, n);
  } else {
    KERN_ENSURE(ctx, count <= 2 * KERN_MAX_DIMS,
                "%s has %zu elements, at most %d are supported", what, count,
                2 * KERN_MAX_DIMS);
  }
  return kTfLiteOk;
}

void kern_read_indices(const TfLiteTensor *t, int64_t *out, int n) {
  for (int i = 0; i < n; i++) out[i] = kern_read_index(t, (size_t)i);
}

void *kern_block_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  return ctx->AllocatePersistentBuffer(ctx, sizeof(kern_block_data));
}

TfLiteStatus kern_block_check_node(TfLiteContext *ctx, TfLiteNode *node,
                                   int *bs) {
  KERN_ENSURE(ctx, node->user_data != NULL, "op data was not allocated");
  KERN_OK(kern_check_arity(ctx, node, 1, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  KERN_ENSURE(ctx, kern_ndims(in) == 4, "input must be 4-D (NHWC), got rank %d",
              kern_ndims(in));
  *bs = opt_i32(kern_options(node), 0, 0);
  KERN_ENSURE(ctx, *bs >= 1 && *bs <= 0xffff, "block_size %d is invalid", *bs);
  return kTfLiteOk;
}

TfLiteStatus kern_gather_check_node(TfLiteContext *ctx,
                                    const TfLiteNode *node) {
  KERN_ENSURE(ctx, node->user_data != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  KERN_ENSURE(ctx, kern_input(ctx, node, 0) != NULL, "params input is missing");
  KERN_ENSURE(ctx, kern_input(ctx, node, 1) != NULL,
              "indices input is missing");
  KERN_ENSURE(ctx, kern_output(ctx, node, 0) != NULL, "output 0 is missing");
  return kTfLiteOk;
}
