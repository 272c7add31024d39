/* MATRIX_SET_DIAG: input [..., M, N] and diagonal [..., min(M, N)] (same
 * leading dimensions and type) -> a copy of the input whose main diagonals
 * are replaced by the diagonal's rows. Any fixed-size type. */
#include <string.h>

#include "kernels/internal/move_checks.h"

static TfLiteStatus matrix_set_diag_prepare(TfLiteContext *ctx,
                                            TfLiteNode *node) {
  KERN_OK(kern_check_arity(ctx, node, 2, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *diag = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  KERN_ENSURE(ctx, diag->type == in->type,
              "diagonal type %s differs from input type %s",
              kern_type_name(diag->type), kern_type_name(in->type));
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank >= 2, "input rank %d must be at least 2", rank);
  KERN_ENSURE(ctx, kern_ndims(diag) == rank - 1,
              "diagonal rank %d must be the input rank minus 1 (%d)",
              kern_ndims(diag), rank - 1);
  for (int i = 0; i < rank - 2; i++)
    KERN_ENSURE(ctx, kern_dim(diag, i) == kern_dim(in, i),
                "diagonal dimension %d is %d, input has %d", i,
                kern_dim(diag, i), kern_dim(in, i));
  int m = kern_dim(in, rank - 2), n = kern_dim(in, rank - 1);
  KERN_ENSURE(ctx, kern_dim(diag, rank - 2) == (m < n ? m : n),
              "diagonal length %d must be min(%d, %d)",
              kern_dim(diag, rank - 2), m, n);
  return kern_resize_like(ctx, out, in);
}

static TfLiteStatus matrix_set_diag_invoke(TfLiteContext *ctx,
                                           TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *diag = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int rank = kern_ndims(in);
  size_t elem = kern_type_bytes(in->type);
  size_t m = (size_t)kern_dim(in, rank - 2), n = (size_t)kern_dim(in, rank - 1);
  size_t k = m < n ? m : n;
  size_t batches = (m > 0 && n > 0) ? kern_num_elements(in) / (m * n) : 0;
  if (out->bytes && out->data.raw != in->data.raw_const)
    memcpy(out->data.raw, in->data.raw_const, out->bytes);
  const uint8_t *d = (const uint8_t *)diag->data.raw_const;
  uint8_t *y = (uint8_t *)out->data.raw;
  for (size_t b = 0; b < batches; b++)
    for (size_t i = 0; i < k; i++)
      memcpy(y + ((b * m + i) * n + i) * elem, d + (b * k + i) * elem, elem);
  return kTfLiteOk;
}

const TfLiteRegistration kern_matrix_set_diag = {
    .prepare = matrix_set_diag_prepare,
    .invoke = matrix_set_diag_invoke,
    .builtin_code = TFLC_OP_MATRIX_SET_DIAG,
    .version = 1,
};
