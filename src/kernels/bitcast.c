/* BITCAST: reinterprets the input's bytes as the output's type, with
 * tf.bitcast's shape rule: same element size keeps the shape; a larger input
 * element adds a last dimension of size in_size / out_size; a smaller one
 * needs a last dimension of exactly out_size / in_size, which is removed.
 * Any fixed-size types. */
#include <string.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

static TfLiteStatus bitcast_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_check_single_io(ctx, node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t isz = kern_type_bytes(in->type), osz = kern_type_bytes(out->type);
  KERN_ENSURE(ctx, isz > 0, "input type %s is not supported",
              kern_type_name(in->type));
  KERN_ENSURE(ctx, osz > 0, "output type %s is not supported",
              kern_type_name(out->type));
  int rank = kern_ndims(in);
  int dims[KERN_MAX_DIMS + 1];
  KERN_ENSURE(ctx, rank <= KERN_MAX_DIMS,
              "input rank %d is above the supported %d", rank, KERN_MAX_DIMS);
  for (int i = 0; i < rank; i++) dims[i] = kern_dim(in, i);
  int out_rank = rank;
  if (isz > osz) {
    KERN_ENSURE(ctx, isz % osz == 0,
                "input element size %zu is not a multiple of the output's %zu",
                isz, osz);
    KERN_ENSURE(ctx, rank < KERN_MAX_DIMS,
                "output rank %d is above the supported %d", rank + 1,
                KERN_MAX_DIMS);
    dims[out_rank++] = (int)(isz / osz);
  } else if (isz < osz) {
    KERN_ENSURE(ctx, osz % isz == 0,
                "output element size %zu is not a multiple of the input's %zu",
                osz, isz);
    KERN_ENSURE(ctx, rank >= 1 && (size_t)dims[rank - 1] == osz / isz,
                "the input's last dimension must be %zu to bitcast %s to %s",
                osz / isz, kern_type_name(in->type), kern_type_name(out->type));
    out_rank--;
  }
  return kern_resize_output(ctx, out, dims, out_rank);
}

static TfLiteStatus bitcast_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  (void)ctx;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t bytes = in->bytes < out->bytes ? in->bytes : out->bytes;
  if (bytes > 0 && out->data.raw != in->data.raw_const)
    memcpy(out->data.raw, in->data.raw_const, bytes);
  return kTfLiteOk;
}

const TfLiteRegistration kern_bitcast = {
    .prepare = bitcast_prepare,
    .invoke = bitcast_invoke,
    .builtin_code = TFLC_OP_BITCAST,
    .version = 1,
};
