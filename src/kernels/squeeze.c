/* SQUEEZE: removes dimensions of size 1. SqueezeOptions squeeze_dims (field
 * 0; negative counts from the end) lists the dims to remove, each of which
 * must have size 1; when empty every size-1 dim goes. Any fixed-size type:
 * only bytes are copied. */
#include <string.h>

#include "kernels/internal/move_checks.h"

enum { SQUEEZE_OPT_DIMS = 0 };

static TfLiteStatus squeeze_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_check_arity(ctx, node, 1, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank <= KERN_MAX_DIMS,
              "input rank %d is above the supported %d", rank, KERN_MAX_DIMS);
  int32_t sq[KERN_MAX_DIMS];
  int32_t n =
      opt_vec_i32(kern_options(node), SQUEEZE_OPT_DIMS, sq, KERN_MAX_DIMS);
  KERN_ENSURE(ctx, n >= 0, "squeeze_dims option is malformed");
  KERN_ENSURE(ctx, n <= KERN_MAX_DIMS,
              "squeeze_dims has %d entries, at most %d are supported", n,
              KERN_MAX_DIMS);
  int drop[KERN_MAX_DIMS] = {0};
  if (n == 0) {
    for (int i = 0; i < rank; i++) drop[i] = kern_dim(in, i) == 1;
  }
  for (int k = 0; k < n; k++) {
    int a = sq[k];
    KERN_ENSURE(ctx, a >= -rank && a < rank,
                "squeeze_dims[%d] = %d is out of range for rank %d", k, a,
                rank);
    if (a < 0) a += rank;
    KERN_ENSURE(ctx, kern_dim(in, a) == 1,
                "cannot squeeze dimension %d of size %d (must be 1)", a,
                kern_dim(in, a));
    drop[a] = 1;
  }
  int dims[KERN_MAX_DIMS], r = 0;
  for (int i = 0; i < rank; i++)
    if (!drop[i]) dims[r++] = kern_dim(in, i);
  return kern_resize_output(ctx, out, dims, r);
}

static TfLiteStatus squeeze_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t bytes = kern_num_elements(in) * kern_type_bytes(in->type);
  if (bytes > 0 && out->data.raw != in->data.raw)
    memmove(out->data.raw, in->data.raw_const, bytes);
  return kTfLiteOk;
}

const TfLiteRegistration kern_squeeze = {
    .prepare = squeeze_prepare,
    .invoke = squeeze_invoke,
    .builtin_code = TFLC_OP_SQUEEZE,
    .version = 1,
};
