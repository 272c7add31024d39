/* SPACE_TO_BATCH_ND: pads the spatial dims of a 3-D [N, H, C] or 4-D
 * [N, H, W, C] input by the paddings input ([spatial, 2], >= 0), then moves
 * block_shape-sized spatial blocks into the batch: output
 * [N * prod(block), (H + pads) / bh, (W + pads) / bw, C], batch index
 * (by * bw + bx) * N + n. The padded sizes must be multiples of the block.
 * Padding is 0 (the output zero point for INT8/UINT8/INT16, whose input and
 * output quantization must match, as TensorFlow Lite requires). Non-constant
 * block_shape or paddings make the output dynamic. Any fixed-size type. */
#include <string.h>

#include "kernels/internal/move_checks.h"
#include "kernels/internal/space_batch.h"

typedef struct s2b_data {
  kern_space_batch sb;
  uint8_t pad[8]; /* pad value bytes */
} s2b_data;

KERN_OP_DATA_INIT(s2b_init, s2b_data)

static TfLiteStatus s2b_shape(TfLiteContext *ctx, TfLiteNode *node) {
  s2b_data *d = (s2b_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  KERN_OK(kern_space_batch_read(ctx, node, "paddings", &d->sb));
  int rank = kern_ndims(in);
  int dims[4];
  int64_t batch = kern_dim(in, 0);
  for (int i = 0; i < rank - 2; i++) {
    int64_t padded =
        (int64_t)kern_dim(in, 1 + i) + d->sb.before[i] + d->sb.after[i];
    KERN_ENSURE(ctx, padded % d->sb.block[i] == 0,
                "padded spatial dimension %d (%lld) is not a multiple of "
                "block_shape[%d] = %d",
                i, (long long)padded, i, d->sb.block[i]);
    KERN_ENSURE(ctx, padded / d->sb.block[i] <= 0x7fffffff,
                "padded spatial dimension %d is too large", i);
    dims[1 + i] = (int)(padded / d->sb.block[i]);
    batch *= d->sb.block[i];
    KERN_ENSURE(ctx, batch <= 0x7fffffff, "output batch is too large");
  }
  dims[0] = (int)batch;
  dims[rank - 1] = kern_dim(in, rank - 1);
  return kern_resize_output(ctx, kern_output(ctx, node, 0), dims, rank);
}

static TfLiteStatus s2b_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  s2b_data *d = (s2b_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_OK(kern_check_arity(ctx, node, 3, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  KERN_OK(kern_space_batch_check(ctx, node, "paddings"));
  memset(d->pad, 0, sizeof d->pad);
  if (kern_is_quantized_type(in->type)) {
    KERN_ENSURE(ctx, kern_same_quant(in, out),
                "input and output quantization parameters differ");
    float scale;
    int32_t zp;
    kern_quant_params(out, &scale, &zp);
    if (in->type == kTfLiteInt16) {
      int16_t z = (int16_t)zp;
      memcpy(d->pad, &z, 2);
    } else {
      d->pad[0] = (uint8_t)zp;
    }
  }
  if (!kern_is_constant(kern_input(ctx, node, 1)) ||
      !kern_is_constant(kern_input(ctx, node, 2))) {
    kern_set_dynamic(out);
    return kTfLiteOk;
  }
  return s2b_shape(ctx, node);
}

static TfLiteStatus s2b_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const s2b_data *d = (const s2b_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic) KERN_OK(s2b_shape(ctx, node));
  size_t count = kern_num_elements(out);
  if (count == 0) return kTfLiteOk;
  size_t elem = kern_type_bytes(in->type);
  int rank = kern_ndims(in);
  int sd[4], bd[4];
  /* A 3-D tensor is [N, H, 1, C]. */
  sd[0] = kern_dim(in, 0);
  sd[1] = kern_dim(in, 1);
  sd[2] = rank == 4 ? kern_dim(in, 2) : 1;
  sd[3] = kern_dim(in, rank - 1);
  bd[0] = kern_dim(out, 0);
  bd[1] = kern_dim(out, 1);
  bd[2] = rank == 4 ? kern_dim(out, 2) : 1;
  bd[3] = kern_dim(out, rank - 1);
  const kern_space_batch *sb = &d->sb;
  if (sb->before[0] || sb->after[0] || sb->before[1] || sb->after[1] ||
      kern_num_elements(in) == 0)
    kern_fill_elems(out->data.raw, d->pad, elem, count);
  kern_space_batch_copy(sb, 1, in->data.raw, sd, out->data.raw, bd, elem);
  return kTfLiteOk;
}

const TfLiteRegistration kern_space_to_batch_nd = {
    .init = s2b_init,
    .prepare = s2b_prepare,
    .invoke = s2b_invoke,
    .builtin_code = TFLC_OP_SPACE_TO_BATCH_ND,
    .version = 1,
};
