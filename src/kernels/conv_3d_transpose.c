/* CONV_3D_TRANSPOSE: transposed 3-D convolution (the gradient of CONV_3D with
 * respect to its input). Inputs: output_shape (int32 [5]: batch, depth,
 * height, width, channels), filter [k_d, k_h, k_w, out_c, in_c] (TensorFlow's
 * conv3d_transpose layout), input NDHWC, optional bias [out_c];
 * Conv3DOptions padding, strides, dilations and fused activation. As in
 * TensorFlow Lite, the padding is the one of the forward convolution from the
 * output back to the input, and that forward convolution must give the
 * input's depth/height/width. A constant output_shape sets the output shape
 * at prepare; a non-constant one makes the output dynamic (read, checked and
 * applied at invoke). Float32, via the shared transpose_conv_core. */
#include "kernels/internal/conv_prep.h"
#include "kernels/internal/padding.h"
#include "kernels/internal/transpose_conv_core.h"
#include "kernels/kernel_util.h"

enum { kOutputShape = 0, kFilter = 1, kInput = 2, kBias = 3 };

typedef struct tconv3d_data {
  kern_tconv3d_geom g; /* complete when !dynamic */
  int padding;
  int stride[3], dil[3]; /* depth, height, width */
  int dynamic;           /* output_shape is read at invoke */
  float lo, hi;
  int scratch_idx; /* -1 when not needed */
} tconv3d_data;

KERN_ZEROED_INIT(tconv3d_init, tconv3d_data)

/* Fills g from the output_shape values os[5], checked against the input, the
 * filter and the options in d. */
static TfLiteStatus tconv3d_geometry(TfLiteContext *ctx, const tconv3d_data *d,
                                     const int32_t *os,
                                     const TfLiteTensor *input,
                                     const TfLiteTensor *filter,
                                     kern_tconv3d_geom *g) {
  static const char *const names[3] = {"depth", "height", "width"};
  KERN_ENSURE(ctx, os != NULL, "output_shape has no data");
  for (int i = 0; i < 5; i++) {
    KERN_ENSURE(ctx, os[i] >= 0, "output_shape[%d] is %d", i, (int)os[i]);
  }
  const int out_c = kern_dim(filter, 3);
  KERN_ENSURE(ctx, os[0] == kern_dim(input, 0),
              "output_shape batch %d differs from the input's %d", (int)os[0],
              kern_dim(input, 0));
  KERN_ENSURE(ctx, os[4] == out_c,
              "output_shape has %d channels, filter has %d", (int)os[4], out_c);
  kern_pad_dim p[3];
  for (int i = 0; i < 3; i++) {
    p[i] = (kern_pad_dim){.in = os[1 + i],
                          .filter = kern_dim(filter, i),
                          .stride = d->stride[i],
                          .dilation = d->dil[i]};
    KERN_OK(kern_pad_compute(ctx, d->padding, names[i], &p[i]));
    KERN_ENSURE(ctx, p[i].out == kern_dim(input, 1 + i),
                "output_shape %s %d does not match the input: a forward "
                "convolution of it gives %d, the input has %d",
                names[i], (int)os[1 + i], p[i].out, kern_dim(input, 1 + i));
  }
  *g = (kern_tconv3d_geom){.batch = kern_dim(input, 0),
                           .in_d = kern_dim(input, 1),
                           .in_h = kern_dim(input, 2),
                           .in_w = kern_dim(input, 3),
                           .in_c = kern_dim(input, 4),
                           .out_d = os[1],
                           .out_h = os[2],
                           .out_w = os[3],
                           .out_c = out_c,
                           .k_d = kern_dim(filter, 0),
                           .k_h = kern_dim(filter, 1),
                           .k_w = kern_dim(filter, 2),
                           .stride_d = d->stride[0],
                           .stride_h = d->stride[1],
                           .stride_w = d->stride[2],
                           .dil_d = d->dil[0],
                           .dil_h = d->dil[1],
                           .dil_w = d->dil[2],
                           .pad_front = p[0].before,
                           .pad_top = p[1].before,
                           .pad_left = p[2].before};
  return kTfLiteOk;
}

static TfLiteStatus tconv3d_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  tconv3d_data *d = (tconv3d_data *)node->user_data;
  static const kern_tconv_naming names = {"filter is", "filter has"};
  const TfLiteTensor *shape;
  kern_conv_io io;
  KERN_OK(kern_tconv_get_io(ctx, node, d, 5, &names, &shape, &io));
  const TfLiteTensor *filter = io.filter, *input = io.input, *bias = io.bias;
  TfLiteTensor *output = io.output;
  KERN_OK(kern_conv_check_f32(ctx, &io));

  kern_conv_opts opts;
  KERN_OK(kern_conv3d_options(ctx, node, &opts));
  d->padding = opts.padding;
  for (int i = 0; i < 3; i++) {
    d->stride[i] = opts.stride[i];
    d->dil[i] = opts.dil[i];
  }
  d->lo = opts.lo;
  d->hi = opts.hi;

  const int out_c = kern_dim(filter, 3), in_c = kern_dim(input, 4);
  KERN_ENSURE(ctx, kern_dim(filter, 4) == in_c,
              "filter has %d input channels, input has %d", kern_dim(filter, 4),
              in_c);
  KERN_OK(kern_conv_check_bias(ctx, bias, out_c));

  kern_tconv3d_geom *g = &d->g;
  d->dynamic = !kern_is_constant(shape);
  if (d->dynamic) {
    /* Shape known at invoke; the scratch size does not depend on the output
     * size (only on whether it is empty): size it for a non-empty one. */
    kern_set_dynamic(output);
    *g = (kern_tconv3d_geom){.batch = kern_dim(input, 0),
                             .in_d = kern_dim(input, 1),
                             .in_h = kern_dim(input, 2),
                             .in_w = kern_dim(input, 3),
                             .in_c = in_c,
                             .out_d = 1,
                             .out_h = 1,
                             .out_w = 1,
                             .out_c = out_c,
                             .k_d = kern_dim(filter, 0),
                             .k_h = kern_dim(filter, 1),
                             .k_w = kern_dim(filter, 2)};
  } else {
    KERN_OK(tconv3d_geometry(ctx, d, shape->data.i32, input, filter, g));
    const int out_dims[5] = {g->batch, g->out_d, g->out_h, g->out_w, g->out_c};
    KERN_OK(kern_resize_output(ctx, output, out_dims, 5));
  }

  d->scratch_idx = -1;
  const size_t floats = kern_tconv3d_scratch_floats(g);
  if (floats > 0) {
    KERN_OK(ctx->RequestScratchBufferInArena(ctx, floats * sizeof(float),
                                             &d->scratch_idx));
  }
  return kTfLiteOk;
}

static TfLiteStatus tconv3d_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const tconv3d_data *d = (const tconv3d_data *)node->user_data;
  const TfLiteTensor *filter = kern_input(ctx, node, kFilter);
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *bias = kern_input(ctx, node, kBias);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  kern_tconv3d_geom g = d->g;
  if (d->dynamic) {
    const TfLiteTensor *shape = kern_input(ctx, node, kOutputShape);
    KERN_OK(tconv3d_geometry(ctx, d, shape->data.i32, input, filter, &g));
    const int out_dims[5] = {g.batch, g.out_d, g.out_h, g.out_w, g.out_c};
    KERN_OK(kern_resize_output(ctx, output, out_dims, 5));
  }
  float *scratch = NULL;
  if (kern_tconv3d_scratch_floats(&g) > 0) {
    KERN_ENSURE(ctx, d->scratch_idx >= 0, "scratch buffer is missing");
    scratch = (float *)ctx->GetScratchBuffer(ctx, d->scratch_idx);
    KERN_ENSURE(ctx, scratch != NULL, "scratch buffer is missing");
  }
  const kern_tconv3d_f32_args a = {.g = &g,
                                   .input = input->data.f,
                                   .filter = filter->data.f,
                                   .bias = bias ? bias->data.f : NULL,
                                   .output = output->data.f,
                                   .lo = d->lo,
                                   .hi = d->hi,
                                   .scratch = scratch};
  kern_tconv3d_f32(&a);
  return kTfLiteOk;
}

const TfLiteRegistration kern_conv_3d_transpose = {
    .init = tconv3d_init,
    .prepare = tconv3d_prepare,
    .invoke = tconv3d_invoke,
    .builtin_code = TFLC_OP_CONV_3D_TRANSPOSE,
    .version = 1,
};
