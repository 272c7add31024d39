/* TRANSPOSE: permutes the dimensions of the input by the perm input (INT32
 * or INT64, 1-D, one entry per input dimension, a permutation of
 * [0, rank)): output dim i is input dim perm[i]. Up to 16-D (TensorFlow Lite
 * stops at 6). A non-constant perm makes the output dynamic. Any fixed-size
 * type: only bytes are moved (kern_transpose_copy). */
#include "kernels/internal/move_checks.h"
#include "kernels/internal/strided_copy.h"

typedef struct transpose_data {
  int perm[KERN_STRIDED_MAX_RANK];
} transpose_data;

KERN_OP_DATA_INIT(transpose_init, transpose_data)

/* Reads and checks perm, sets the output shape. */
static TfLiteStatus transpose_shape(TfLiteContext *ctx, TfLiteNode *node) {
  transpose_data *d = (transpose_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *perm_t = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int rank = kern_ndims(in);
  int seen[KERN_STRIDED_MAX_RANK] = {0};
  int dims[KERN_STRIDED_MAX_RANK];
  for (int i = 0; i < rank; i++) {
    int64_t p = kern_read_index(perm_t, (size_t)i);
    KERN_ENSURE(ctx, p >= 0 && p < rank,
                "perm[%d] = %lld is out of range [0, %d)", i, (long long)p,
                rank);
    KERN_ENSURE(ctx, !seen[p], "perm is not a permutation: %lld repeats",
                (long long)p);
    seen[p] = 1;
    d->perm[i] = (int)p;
    dims[i] = kern_dim(in, (int)p);
  }
  return kern_resize_output(ctx, out, dims, rank);
}

static TfLiteStatus transpose_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_ENSURE(ctx, node->user_data != NULL, "op data was not allocated");
  KERN_OK(kern_check_arity(ctx, node, 2, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *perm_t = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank <= KERN_STRIDED_MAX_RANK,
              "input rank %d is above the supported %d", rank,
              KERN_STRIDED_MAX_RANK);
  KERN_OK(kern_check_index_vector(ctx, perm_t, "perm input", 0, rank));
  if (!kern_is_constant(perm_t)) {
    kern_set_dynamic(out);
    return kTfLiteOk;
  }
  return transpose_shape(ctx, node);
}

static TfLiteStatus transpose_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const transpose_data *d = (const transpose_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic)
    KERN_OK(transpose_shape(ctx, node));
  if (kern_num_elements(out) == 0) return kTfLiteOk;
  kern_transpose_copy(out->data.raw, in->data.raw_const,
                      kern_type_bytes(in->type), kern_ndims(in), in->dims->data,
                      d->perm);
  return kTfLiteOk;
}

const TfLiteRegistration kern_transpose = {
    .init = transpose_init,
    .prepare = transpose_prepare,
    .invoke = transpose_invoke,
    .builtin_code = TFLC_OP_TRANSPOSE,
    .version = 1,
};
