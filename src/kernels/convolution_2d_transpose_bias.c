/* Custom op "Convolution2DTransposeBias" (MediaPipe, e.g. selfie
 * segmentation): a transposed 2-D convolution plus bias. Inputs: input NHWC,
 * weights [out_c, k_h, k_w, in_c], bias [out_c]. custom_options are the raw
 * bytes of a struct of little-endian 4-byte ints {padding, stride_width,
 * stride_height, ...} where padding uses TensorFlow Lite's C enum
 * (1 = SAME, 2 = VALID; 0 = unknown, treated as VALID). Output size per
 * spatial dim: in * stride for SAME (padding before = half of
 * max((in-1)*stride + k - out, 0)), stride*(in-1) + k for VALID. No fused
 * activation. Float32 only, via the shared transpose_conv_core. */
#include "kernels/internal/transpose_conv_core.h"
#include "kernels/kernel_util.h"

#include <limits.h>
#include <string.h>

enum { kInput = 0, kWeights = 1, kBias = 2 };

/* TfLitePadding values used in the custom options. */
enum { kPadUnknown = 0, kPadSame = 1, kPadValid = 2 };

typedef struct tconv_bias_data {
  kern_tconv_geom g;
  int scratch_idx; /* -1 when not needed */
} tconv_bias_data;

KERN_ZEROED_INIT(tconv_bias_init, tconv_bias_data)

static int32_t read_le_i32(const uint8_t *p) {
  const uint32_t v = (uint32_t)p[0] | ((uint32_t)p[1] << 8) |
                     ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
  int32_t r;
  memcpy(&r, &v, sizeof(r));
  return r;
}

/* Output size and padding before for one spatial dim; -1 on overflow.
 * SAME: out = in * stride (what TensorFlow Lite's runtime gives for this op),
 * the padding being what the transposed (forward) convolution of out needs:
 * total = max((in - 1) * stride + k - out, 0), before = total / 2.
 * VALID: out = stride * (in - 1) + k, no padding. */
static int out_size(int in, int k, int stride, int same, int *pad_before) {
  *pad_before = 0;
  if (in == 0) return 0;
  const int64_t full = (int64_t)stride * (in - 1) + k;
  int64_t out = full;
  if (same) {
    out = (int64_t)in * stride;
    int64_t total = full - out;
    if (total < 0) total = 0;
    *pad_before = (int)(total / 2);
  }
  if (out > INT_MAX) return -1;
  return out < 0 ? 0 : (int)out;
}

static TfLiteStatus tconv_bias_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  tconv_bias_data *d = (tconv_bias_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 3, "has %d inputs, expected 3",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "has %d outputs, expected 1",
              kern_num_outputs(node));
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *weights = kern_input(ctx, node, kWeights);
  const TfLiteTensor *bias = kern_input(ctx, node, kBias);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, input != NULL, "input is missing");
  KERN_ENSURE(ctx, weights != NULL, "weights are missing");
  KERN_ENSURE(ctx, bias != NULL, "bias is missing");
  KERN_ENSURE(ctx, output != NULL, "output is missing");
  KERN_ENSURE(ctx, kern_ndims(input) == 4, "input has %d dims, expected 4",
              kern_ndims(input));
  KERN_ENSURE(ctx, kern_ndims(weights) == 4, "weights have %d dims, expected 4",
              kern_ndims(weights));
  KERN_ENSURE(ctx, kern_ndims(bias) == 1, "bias has %d dims, expected 1",
              kern_ndims(bias));
  KERN_ENSURE(
      ctx,
      input->type == kTfLiteFloat32 && weights->type == kTfLiteFloat32 &&
          bias->type == kTfLiteFloat32 && output->type == kTfLiteFloat32,
      "only FLOAT32 is supported (input %s, weights %s, bias %s, "
      "output %s)",
      kern_type_name(input->type), kern_type_name(weights->type),
      kern_type_name(bias->type), kern_type_name(output->type));

  KERN_ENSURE(
      ctx,
      node->custom_initial_data != NULL && node->custom_initial_data_size >= 12,
      "custom options have %d bytes, expected at least 12 "
      "(padding, stride_width, stride_height)",
      node->custom_initial_data_size);
  const uint8_t *opts = (const uint8_t *)node->custom_initial_data;
  const int padding = read_le_i32(opts);
  const int stride_w = read_le_i32(opts + 4);
  const int stride_h = read_le_i32(opts + 8);
  KERN_ENSURE(ctx, padding >= kPadUnknown && padding <= kPadValid,
              "unknown padding %d", padding);
  KERN_ENSURE(ctx, stride_h > 0, "stride_h %d is invalid", stride_h);
  KERN_ENSURE(ctx, stride_w > 0, "stride_w %d is invalid", stride_w);

  const int in_c = kern_dim(input, 3), out_c = kern_dim(weights, 0);
  KERN_ENSURE(ctx, kern_dim(weights, 3) == in_c,
              "weights have %d input channels, input has %d",
              kern_dim(weights, 3), in_c);
  KERN_ENSURE(ctx, kern_dim(bias, 0) == out_c,
              "bias has %d elements, expected %d (output channels)",
              kern_dim(bias, 0), out_c);

  kern_tconv_geom *g = &d->g;
  g->batch = kern_dim(input, 0);
  g->in_h = kern_dim(input, 1);
  g->in_w = kern_dim(input, 2);
  g->in_c = in_c;
  g->out_c = out_c;
  g->k_h = kern_dim(weights, 1);
  g->k_w = kern_dim(weights, 2);
  g->stride_h = stride_h;
  g->stride_w = stride_w;
  const int same = padding == kPadSame;
  g->out_h = out_size(g->in_h, g->k_h, stride_h, same, &g->pad_top);
  g->out_w = out_size(g->in_w, g->k_w, stride_w, same, &g->pad_left);
  KERN_ENSURE(ctx, g->out_h >= 0 && g->out_w >= 0, "output size overflows");

  const int out_dims[4] = {g->batch, g->out_h, g->out_w, out_c};
  KERN_OK(kern_resize_output(ctx, output, out_dims, 4));

  d->scratch_idx = -1;
  const size_t floats = kern_tconv_scratch_floats(g);
  if (floats > 0) {
    KERN_OK(ctx->RequestScratchBufferInArena(ctx, floats * sizeof(float),
                                             &d->scratch_idx));
  }
  return kTfLiteOk;
}

static TfLiteStatus tconv_bias_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const tconv_bias_data *d = (const tconv_bias_data *)node->user_data;
  float *scratch = NULL;
  if (d->scratch_idx >= 0) {
    scratch = (float *)ctx->GetScratchBuffer(ctx, d->scratch_idx);
    KERN_ENSURE(ctx, scratch != NULL, "scratch buffer is missing");
  }
  const kern_tconv_f32_args a = {
      .g = &d->g,
      .input = kern_input(ctx, node, kInput)->data.f,
      .filter = kern_input(ctx, node, kWeights)->data.f,
      .bias = kern_input(ctx, node, kBias)->data.f,
      .output = kern_output(ctx, node, 0)->data.f,
      .lo = -__builtin_inff(),
      .hi = __builtin_inff(),
      .scratch = scratch};
  kern_tconv_f32(&a);
  return kTfLiteOk;
}

const TfLiteRegistration kern_convolution_2d_transpose_bias = {
    .init = tconv_bias_init,
    .prepare = tconv_bias_prepare,
    .invoke = tconv_bias_invoke,
    .builtin_code = TFLC_OP_CUSTOM,
    .custom_name = "Convolution2DTransposeBias",
    .version = 1,
};
