/* SPACE_TO_DEPTH: moves spatial blocks of a 4-D NHWC input into depth:
 * out[n, h, w, (by*bs + bx) * C + c] = in[n, h*bs + by, w*bs + bx, c].
 * SpaceToDepthOptions block_size (field 0) must be >= 1 and divide the
 * height and width. Any fixed-size type: one 6-D strided copy. */
#include "kernels/internal/move_checks.h"
#include "kernels/internal/strided_copy.h"

static TfLiteStatus s2d_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  kern_block_data *d = (kern_block_data *)node->user_data;
  int bs = 0; /* block_size (field 0 of the options) */
  KERN_OK(kern_block_check_node(ctx, node, &bs));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int h = kern_dim(in, 1), w = kern_dim(in, 2);
  KERN_ENSURE(ctx, h % bs == 0 && w % bs == 0,
              "height %d and width %d must be multiples of block_size %d", h, w,
              bs);
  int64_t c = (int64_t)kern_dim(in, 3) * bs * bs;
  KERN_ENSURE(ctx, c <= 0x7fffffff, "output depth is too large");
  d->bs = bs;
  int dims[4] = {kern_dim(in, 0), h / bs, w / bs, (int)c};
  return kern_resize_output(ctx, out, dims, 4);
}

static TfLiteStatus s2d_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const kern_block_data *d = (const kern_block_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (kern_num_elements(out) == 0) return kTfLiteOk;
  int bs = d->bs;
  int n = kern_dim(in, 0), h = kern_dim(in, 1), w = kern_dim(in, 2);
  int c = kern_dim(in, 3);
  /* Output viewed as [n, h/bs, w/bs, by, bx, c]. */
  int dims[6] = {n, h / bs, w / bs, bs, bs, c};
  ptrdiff_t wc = (ptrdiff_t)w * c;
  ptrdiff_t strides[6] = {
      (ptrdiff_t)h * wc, bs * wc, (ptrdiff_t)bs * c, wc, c, 1};
  kern_strided_copy(out->data.raw, in->data.raw_const, strides,
                    kern_type_bytes(in->type), 6, dims);
  return kTfLiteOk;
}

const TfLiteRegistration kern_space_to_depth = {
    .init = kern_block_init,
    .prepare = s2d_prepare,
    .invoke = s2d_invoke,
    .builtin_code = TFLC_OP_SPACE_TO_DEPTH,
    .version = 1,
};
