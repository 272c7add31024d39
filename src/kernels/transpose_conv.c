/* TRANSPOSE_CONV: transposed 2-D convolution (the gradient of CONV_2D with
 * respect to its input). Inputs: output_shape (int32 [4]), weights
 * [out_c, k_h, k_w, in_c], input NHWC, optional bias [out_c];
 * TransposeConvOptions padding, strides and fused activation. The padding is
 * the one of the forward convolution from the output back to the input
 * (TensorFlow Lite's rule). A constant output_shape sets the output shape at
 * prepare; a non-constant one makes the output dynamic: its values are read,
 * checked and applied at invoke. Float32 via the shared
 * transpose_conv_core; quantized int8 (per-channel weights on axis 0), uint8
 * and int16x8 (int64 or int32 bias) with TensorFlow Lite's reference
 * integer formulas (internal/quant_conv.c, no scratch memory). */
#include "kernels/internal/conv_prep.h"
#include "kernels/internal/padding.h"
#include "kernels/internal/quant_conv.h"
#include "kernels/internal/transpose_conv_core.h"
#include "kernels/kernel_util.h"

enum { kOutputShape = 0, kWeights = 1, kInput = 2, kBias = 3 };

/* TransposeConvOptions field ids. */
enum { kOptPadding = 0, kOptStrideW = 1, kOptStrideH = 2, kOptActivation = 3 };
static const kern_conv2d_fields kOptFields = {.padding = kOptPadding,
                                              .stride_w = kOptStrideW,
                                              .stride_h = kOptStrideH,
                                              .activation = kOptActivation,
                                              .dil_w = -1,
                                              .dil_h = -1};

typedef struct tconv_data {
  int quantized;      /* INT8 / UINT8 / INT16 input */
  quant_out_params q; /* when quantized */
  kern_tconv_geom g;  /* complete when !dynamic */
  int padding, stride_h, stride_w;
  int dynamic; /* output_shape is read at invoke */
  float lo, hi;
  int scratch_idx; /* -1 when not needed */
} tconv_data;

KERN_ZEROED_INIT(tconv_init, tconv_data)

/* Fills g from the output_shape values os[4] (checked against the input and
 * the weights) and the options in d. */
static TfLiteStatus tconv_geometry(TfLiteContext *ctx, const tconv_data *d,
                                   const int32_t *os, const TfLiteTensor *input,
                                   const TfLiteTensor *weights,
                                   kern_tconv_geom *g) {
  KERN_ENSURE(ctx, os != NULL, "output_shape has no data");
  for (int i = 0; i < 4; i++) {
    KERN_ENSURE(ctx, os[i] >= 0, "output_shape[%d] is %d", i, (int)os[i]);
  }
  const int out_c = kern_dim(weights, 0);
  KERN_ENSURE(ctx, os[0] == kern_dim(input, 0),
              "output_shape batch %d differs from the input's %d", (int)os[0],
              kern_dim(input, 0));
  KERN_ENSURE(ctx, os[3] == out_c,
              "output_shape has %d channels, weights have %d", (int)os[3],
              out_c);
  g->batch = kern_dim(input, 0);
  g->in_h = kern_dim(input, 1);
  g->in_w = kern_dim(input, 2);
  g->in_c = kern_dim(input, 3);
  g->out_h = os[1];
  g->out_w = os[2];
  g->out_c = out_c;
  g->k_h = kern_dim(weights, 1);
  g->k_w = kern_dim(weights, 2);
  g->stride_h = d->stride_h;
  g->stride_w = d->stride_w;
  /* Padding of the forward convolution output -> input. */
  kern_pad_dim ph = {
      .in = g->out_h, .filter = g->k_h, .stride = d->stride_h, .dilation = 1};
  kern_pad_dim pw = {
      .in = g->out_w, .filter = g->k_w, .stride = d->stride_w, .dilation = 1};
  KERN_OK(kern_pad_compute(ctx, d->padding, "height", &ph));
  KERN_OK(kern_pad_compute(ctx, d->padding, "width", &pw));
  g->pad_top = ph.before;
  g->pad_left = pw.before;
  return kTfLiteOk;
}

static TfLiteStatus tconv_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  tconv_data *d = (tconv_data *)node->user_data;
  static const kern_tconv_naming names = {"weights are", "weights have"};
  const TfLiteTensor *shape;
  kern_conv_io io;
  KERN_OK(kern_tconv_get_io(ctx, node, d, 4, &names, &shape, &io));
  const TfLiteTensor *weights = io.filter, *input = io.input, *bias = io.bias;
  TfLiteTensor *output = io.output;

  switch (input->type) {
    case kTfLiteFloat32:
      KERN_ENSURE(ctx, weights->type == kTfLiteFloat32,
                  "weights type %s with FLOAT32 input is not supported",
                  kern_type_name(weights->type));
      KERN_ENSURE(ctx, output->type == kTfLiteFloat32,
                  "output type %s, expected FLOAT32",
                  kern_type_name(output->type));
      KERN_ENSURE(ctx, bias == NULL || bias->type == kTfLiteFloat32,
                  "bias type %s, expected FLOAT32", kern_type_name(bias->type));
      d->quantized = 0;
      break;
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteInt16: d->quantized = 1; break;
    default:
      KERN_ENSURE(ctx, 0, "input type %s is not supported",
                  kern_type_name(input->type));
  }

  kern_conv_opts opts;
  KERN_OK(kern_conv2d_options(ctx, node, &kOptFields, &opts));
  d->padding = opts.padding;
  d->stride_h = opts.stride[0];
  d->stride_w = opts.stride[1];
  const int act = opts.activation;
  d->lo = opts.lo;
  d->hi = opts.hi;

  const int out_c = kern_dim(weights, 0), in_c = kern_dim(input, 3);
  KERN_ENSURE(ctx, kern_dim(weights, 3) == in_c,
              "weights have %d input channels, input has %d",
              kern_dim(weights, 3), in_c);
  KERN_OK(kern_conv_check_bias(ctx, bias, out_c));

  kern_tconv_geom *g = &d->g;
  d->dynamic = !kern_is_constant(shape);
  if (d->dynamic) {
    /* Shape known at invoke. The scratch size does not depend on the output
     * size (only on whether it is empty): size it for a non-empty one. */
    kern_set_dynamic(output);
    const int32_t probe[4] = {kern_dim(input, 0), 1, 1, out_c};
    KERN_OK(tconv_geometry(ctx, d, probe, input, weights, g));
  } else {
    KERN_OK(tconv_geometry(ctx, d, shape->data.i32, input, weights, g));
    const int out_dims[4] = {g->batch, g->out_h, g->out_w, g->out_c};
    KERN_OK(kern_resize_output(ctx, output, out_dims, 4));
  }

  d->scratch_idx = -1;
  if (d->quantized) {
    const quant_prepare_spec qs = {
        .input = input,
        .filter = weights,
        .bias = bias,
        .output = output,
        .filter_axis = 0,
        .channels = out_c,
        .activation = act,
        .filter_zp_allowed = input->type == kTfLiteUInt8,
        .legacy_multiplier = input->type == kTfLiteUInt8};
    return quant_prepare(ctx, &qs, &d->q);
  }
  const size_t floats = kern_tconv_scratch_floats(g);
  if (floats > 0) {
    KERN_OK(ctx->RequestScratchBufferInArena(ctx, floats * sizeof(float),
                                             &d->scratch_idx));
  }
  return kTfLiteOk;
}

static TfLiteStatus tconv_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const tconv_data *d = (const tconv_data *)node->user_data;
  const TfLiteTensor *weights = kern_input(ctx, node, kWeights);
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *bias = kern_input(ctx, node, kBias);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  kern_tconv_geom g = d->g;
  if (d->dynamic) {
    const TfLiteTensor *shape = kern_input(ctx, node, kOutputShape);
    KERN_OK(tconv_geometry(ctx, d, shape->data.i32, input, weights, &g));
    const int out_dims[4] = {g.batch, g.out_h, g.out_w, g.out_c};
    KERN_OK(kern_resize_output(ctx, output, out_dims, 4));
  }
  if (d->quantized) {
    const quant_conv_geom qg = {.batch = g.batch,
                                .in_h = g.in_h,
                                .in_w = g.in_w,
                                .in_c = g.in_c,
                                .out_h = g.out_h,
                                .out_w = g.out_w,
                                .out_c = g.out_c,
                                .k_h = g.k_h,
                                .k_w = g.k_w,
                                .f_in = g.in_c,
                                .multiplier = 1,
                                .stride_h = g.stride_h,
                                .stride_w = g.stride_w,
                                .dil_h = 1,
                                .dil_w = 1,
                                .pad_top = g.pad_top,
                                .pad_left = g.pad_left};
    const quant_conv_args qa = {.g = &qg,
                                .q = &d->q,
                                .type = input->type,
                                .input = input->data.data,
                                .filter = weights->data.data,
                                .bias = bias ? bias->data.data : NULL,
                                .output = output->data.data};
    quant_transpose_conv(ctx, &qa);
    return kTfLiteOk;
  }
  KERN_ENSURE(ctx, input->type == kTfLiteFloat32,
              "input type %s is not supported yet",
              kern_type_name(input->type));
  float *scratch = NULL;
  if (kern_tconv_scratch_floats(&g) > 0) {
    KERN_ENSURE(ctx, d->scratch_idx >= 0, "scratch buffer is missing");
    scratch = (float *)ctx->GetScratchBuffer(ctx, d->scratch_idx);
    KERN_ENSURE(ctx, scratch != NULL, "scratch buffer is missing");
  }
  const kern_tconv_f32_args a = {.g = &g,
                                 .input = input->data.f,
                                 .filter = weights->data.f,
                                 .bias = bias ? bias->data.f : NULL,
                                 .output = output->data.f,
                                 .lo = d->lo,
                                 .hi = d->hi,
                                 .scratch = scratch};
  kern_tconv_f32(&a);
  return kTfLiteOk;
}

const TfLiteRegistration kern_transpose_conv = {
    .init = tconv_init,
    .prepare = tconv_prepare,
    .invoke = tconv_invoke,
    .builtin_code = TFLC_OP_TRANSPOSE_CONV,
    .version = 1,
};
