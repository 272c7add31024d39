/* DEPTHWISE_CONV_2D: each input channel c of an NHWC input is convolved with
 * its own M filters (M = depth multiplier = out_c / in_c); output channel
 * c*M + j uses filter column c*M + j of the filter [1, k_h, k_w, out_c], plus
 * an optional bias [out_c] and a fused clamp activation
 * (DepthwiseConv2DOptions). Float32 today, as a direct loop over output
 * pixels that hands the valid taps to the f32_dwconv microkernel. The
 * multiplier is taken from the shapes (the redundant depth_multiplier option
 * is not trusted). Quantized int8 (per-channel weights, axis 3), uint8 and
 * int16x8 run TensorFlow Lite's reference integer formulas
 * (internal/quant_conv.c); hybrid (float input, int8 filter) quantizes the
 * input per batch, asymmetrically (internal/quant_hybrid.c). */
#include "kernels/internal/conv_prep.h"
#include "kernels/internal/padding.h"
#include "kernels/internal/quant_conv.h"
#include "kernels/internal/quant_hybrid.h"
#include "kernels/kernel_util.h"
#include "ukernels/f32_dwconv.h"

enum { kInput = 0, kFilter = 1, kBias = 2 };

/* DepthwiseConv2DOptions field ids. */
enum {
  kOptPadding = 0,
  kOptStrideW = 1,
  kOptStrideH = 2,
  kOptDepthMultiplier = 3,
  kOptActivation = 4,
  kOptDilationW = 5,
  kOptDilationH = 6
};
static const kern_conv2d_fields kOptFields = {.padding = kOptPadding,
                                              .stride_w = kOptStrideW,
                                              .stride_h = kOptStrideH,
                                              .activation = kOptActivation,
                                              .dil_w = kOptDilationW,
                                              .dil_h = kOptDilationH};

typedef struct dwconv_data {
  int mode;
  quant_out_params q;   /* KERN_CONV_QUANT */
  quant_hybrid_data hy; /* KERN_CONV_HYBRID */
  kern_pad_dim h, w;
  int multiplier;
  float lo, hi;
  int scratch_idx; /* tap pointer lists, -1 when not needed */
} dwconv_data;

KERN_ZEROED_INIT(dwconv_init, dwconv_data)

static TfLiteStatus dwconv_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  dwconv_data *d = (dwconv_data *)node->user_data;
  kern_conv_io io;
  KERN_OK(kern_conv_get_io(ctx, node, d, 4, 1, &io));
  const TfLiteTensor *input = io.input, *filter = io.filter, *bias = io.bias;
  TfLiteTensor *output = io.output;
  KERN_ENSURE(ctx, kern_dim(filter, 0) == 1,
              "filter dim 0 is %d, expected 1 ([1, h, w, out_c])",
              kern_dim(filter, 0));
  KERN_OK(kern_conv_mode(ctx, &io, &d->mode));

  kern_conv_opts opts;
  KERN_OK(kern_conv2d_options(ctx, node, &kOptFields, &opts));
  d->lo = opts.lo;
  d->hi = opts.hi;

  const int batch = kern_dim(input, 0), in_c = kern_dim(input, 3);
  const int out_c = kern_dim(filter, 3);
  if (in_c == 0) {
    KERN_ENSURE(ctx, out_c == 0,
                "input has 0 channels, filter has %d output channels", out_c);
    d->multiplier = 1;
  } else {
    KERN_ENSURE(ctx, out_c % in_c == 0,
                "filter has %d output channels, not a multiple of the input's "
                "%d channels",
                out_c, in_c);
    d->multiplier = out_c / in_c;
  }
  KERN_OK(kern_conv_check_bias(ctx, bias, out_c));

  KERN_OK(kern_conv2d_pad(ctx, &opts, input, filter, &d->h, &d->w));

  const int out_dims[4] = {batch, d->h.out, d->w.out, out_c};
  KERN_OK(kern_resize_output(ctx, output, out_dims, 4));

  d->scratch_idx = -1;
  if (d->mode == KERN_CONV_QUANT) {
    const quant_prepare_spec qs = {
        .input = input,
        .filter = filter,
        .bias = bias,
        .output = output,
        .filter_axis = 3,
        .channels = out_c,
        .activation = opts.activation,
        .filter_zp_allowed = input->type == kTfLiteUInt8,
        .legacy_multiplier = input->type == kTfLiteUInt8,
        .xnn_form = QUANT_XNN_WITH_BIAS};
    return quant_prepare(ctx, &qs, &d->q);
  }
  if (d->mode == KERN_CONV_HYBRID) {
    return quant_hybrid_prepare(
        ctx, input, filter, 3, out_c, kHybridForcePerChannel, (size_t)batch,
        batch > 0 ? kern_num_elements(input) / (size_t)batch : 0, &d->hy);
  }
  const size_t taps = (size_t)d->h.filter * (size_t)d->w.filter;
  const size_t pixels = (size_t)batch * (size_t)d->h.out * (size_t)d->w.out;
  if (taps > 0 && pixels > 0 && out_c > 0) {
    KERN_OK(ctx->RequestScratchBufferInArena(
        ctx, 2 * taps * sizeof(const float *), &d->scratch_idx));
  }
  return kTfLiteOk;
}

static TfLiteStatus dwconv_eval_f32(TfLiteContext *ctx, TfLiteNode *node,
                                    const dwconv_data *d) {
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *filter = kern_input(ctx, node, kFilter);
  const TfLiteTensor *bias_t = kern_input(ctx, node, kBias);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  const int batch = kern_dim(input, 0), in_c = kern_dim(input, 3);
  const int out_c = kern_dim(filter, 3);
  const size_t pixels = (size_t)batch * (size_t)d->h.out * (size_t)d->w.out;
  if (pixels == 0 || out_c == 0) return kTfLiteOk;

  const float *bias = bias_t ? bias_t->data.f : NULL;
  const size_t taps = (size_t)d->h.filter * (size_t)d->w.filter;
  const float **tap_in = NULL, **tap_w = NULL;
  if (taps > 0) {
    tap_in = (const float **)ctx->GetScratchBuffer(ctx, d->scratch_idx);
    KERN_ENSURE(ctx, tap_in != NULL, "scratch buffer is missing");
    tap_w = tap_in + taps;
  }
  const size_t row = (size_t)d->w.in * (size_t)in_c;
  const size_t img = (size_t)d->h.in * row;
  const float *in = input->data.f, *w = filter->data.f;
  float *out = output->data.f;
  f32_dwconv_params p = {.channels = (size_t)in_c,
                         .multiplier = (size_t)d->multiplier,
                         .input = tap_in,
                         .weights = tap_w,
                         .bias = bias,
                         .lo = d->lo,
                         .hi = d->hi};
  for (int b = 0; b < batch; b++) {
    const float *in_b = in + (size_t)b * img;
    for (int oy = 0; oy < d->h.out; oy++) {
      const int y0 = oy * d->h.stride - d->h.before;
      for (int ox = 0; ox < d->w.out; ox++) {
        const int x0 = ox * d->w.stride - d->w.before;
        size_t n = 0;
        for (int ky = 0; ky < d->h.filter; ky++) {
          const int iy = y0 + ky * d->h.dilation;
          if (iy < 0 || iy >= d->h.in) continue;
          for (int kx = 0; kx < d->w.filter; kx++) {
            const int ix = x0 + kx * d->w.dilation;
            if (ix < 0 || ix >= d->w.in) continue;
            /* Analyzer false positive: taps is non-zero here (the filter loops
             * run), so tap_in is allocated */
            /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
            tap_in[n] = in_b + (size_t)iy * row + (size_t)ix * (size_t)in_c;
            tap_w[n] = w + ((size_t)ky * (size_t)d->w.filter + (size_t)kx) *
                               (size_t)out_c;
            n++;
          }
        }
        p.taps = n;
        p.output = out;
        f32_dwconv(&p);
        out += out_c;
      }
    }
  }
  return kTfLiteOk;
}

static TfLiteStatus dwconv_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const dwconv_data *d = (const dwconv_data *)node->user_data;
  if (d->mode == KERN_CONV_F32) return dwconv_eval_f32(ctx, node, d);
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *filter = kern_input(ctx, node, kFilter);
  const TfLiteTensor *bias = kern_input(ctx, node, kBias);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  const quant_conv_geom g = {.batch = kern_dim(input, 0),
                             .in_h = d->h.in,
                             .in_w = d->w.in,
                             .in_c = kern_dim(input, 3),
                             .out_h = d->h.out,
                             .out_w = d->w.out,
                             .out_c = kern_dim(filter, 3),
                             .k_h = d->h.filter,
                             .k_w = d->w.filter,
                             .f_in = 1,
                             .multiplier = d->multiplier,
                             .stride_h = d->h.stride,
                             .stride_w = d->w.stride,
                             .dil_h = d->h.dilation,
                             .dil_w = d->w.dilation,
                             .pad_top = d->h.before,
                             .pad_left = d->w.before};
  if (d->mode == KERN_CONV_QUANT) {
    const quant_conv_args a = {.g = &g,
                               .q = &d->q,
                               .type = input->type,
                               .input = input->data.data,
                               .filter = filter->data.data,
                               .bias = bias ? bias->data.data : NULL,
                               .output = output->data.data};
    quant_depthwise(ctx, &a);
    return kTfLiteOk;
  }
  const quant_hybrid_conv_args a = {.g = &g,
                                    .hy = &d->hy,
                                    .lo = d->lo,
                                    .hi = d->hi,
                                    .input = input->data.f,
                                    .filter = filter->data.int8,
                                    .bias = bias ? bias->data.f : NULL,
                                    .output = output->data.f};
  return quant_hybrid_depthwise(ctx, &a);
}

const TfLiteRegistration kern_depthwise_conv_2d = {
    .init = dwconv_init,
    .prepare = dwconv_prepare,
    .invoke = dwconv_invoke,
    .builtin_code = TFLC_OP_DEPTHWISE_CONV_2D,
    .version = 1,
};
