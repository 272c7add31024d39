/* CONV_2D: 2-D convolution of an NHWC input with filters
 * [out_c, k_h, k_w, in_c / groups] plus an optional bias [out_c] and a fused
 * clamp activation (Conv2DOptions). Grouped convolution when the input has a
 * multiple of the filter's input channels. Float32 today: a 1x1 stride-1
 * convolution is one GEMM over the input; anything else goes through im2col
 * tiles in scratch memory and the same GEMM. Quantized int8 (per-channel
 * weights), uint8 and int16x8 run TensorFlow Lite's reference integer
 * formulas (internal/quant_conv.c); hybrid (float input, int8 filter) ones
 * quantize the input per batch on the fly (internal/quant_hybrid.c). */
#include "kernels/internal/conv_prep.h"
#include "kernels/internal/im2col.h"
#include "kernels/internal/padding.h"
#include "kernels/internal/parallel_gemm.h"
#include "kernels/internal/quant_conv.h"
#include "kernels/internal/quant_hybrid.h"
#include "kernels/kernel_util.h"

enum { kInput = 0, kFilter = 1, kBias = 2 };

/* Conv2DOptions field ids. */
enum {
  kOptPadding = 0,
  kOptStrideW = 1,
  kOptStrideH = 2,
  kOptActivation = 3,
  kOptDilationW = 4,
  kOptDilationH = 5
};
static const kern_conv2d_fields kOptFields = {.padding = kOptPadding,
                                              .stride_w = kOptStrideW,
                                              .stride_h = kOptStrideH,
                                              .activation = kOptActivation,
                                              .dil_w = kOptDilationW,
                                              .dil_h = kOptDilationH};

typedef struct conv_2d_data {
  int mode;
  quant_out_params q;   /* KERN_CONV_QUANT */
  quant_hybrid_data hy; /* KERN_CONV_HYBRID */
  kern_pad_dim h, w;
  int groups;
  float lo, hi;
  int direct;      /* 1x1, stride 1: GEMM straight on the input */
  int scratch_idx; /* im2col tile, -1 when not needed */
  size_t tile_m;   /* output pixels per im2col tile */
} conv_2d_data;

KERN_ZEROED_INIT(conv_2d_init, conv_2d_data)

static TfLiteStatus conv_2d_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  conv_2d_data *d = (conv_2d_data *)node->user_data;
  kern_conv_io io;
  KERN_OK(kern_conv_get_io(ctx, node, d, 4, 1, &io));
  const TfLiteTensor *input = io.input, *filter = io.filter, *bias = io.bias;
  TfLiteTensor *output = io.output;
  KERN_OK(kern_conv_mode(ctx, &io, &d->mode));

  kern_conv_opts opts;
  KERN_OK(kern_conv2d_options(ctx, node, &kOptFields, &opts));
  d->lo = opts.lo;
  d->hi = opts.hi;

  const int batch = kern_dim(input, 0), in_c = kern_dim(input, 3);
  const int out_c = kern_dim(filter, 0), f_in = kern_dim(filter, 3);
  if (f_in == 0) {
    KERN_ENSURE(ctx, in_c == 0, "filter has 0 input channels, input has %d",
                in_c);
    d->groups = 1;
  } else {
    KERN_ENSURE(ctx, in_c > 0 && in_c % f_in == 0,
                "input has %d channels, not a multiple of the filter's %d",
                in_c, f_in);
    d->groups = in_c / f_in;
    KERN_ENSURE(ctx, out_c % d->groups == 0,
                "filter has %d output channels, not a multiple of the %d "
                "groups",
                out_c, d->groups);
  }
  KERN_OK(kern_conv_check_bias(ctx, bias, out_c));

  KERN_OK(kern_conv2d_pad(ctx, &opts, input, filter, &d->h, &d->w));

  const int out_dims[4] = {batch, d->h.out, d->w.out, out_c};
  KERN_OK(kern_resize_output(ctx, output, out_dims, 4));

  d->scratch_idx = -1;
  d->tile_m = 0;
  if (d->mode == KERN_CONV_QUANT) {
    const quant_prepare_spec qs = {
        .input = input,
        .filter = filter,
        .bias = bias,
        .output = output,
        .filter_axis = 0,
        .channels = out_c,
        .activation = opts.activation,
        .filter_zp_allowed = input->type == kTfLiteUInt8,
        .legacy_multiplier = input->type == kTfLiteUInt8,
        .xnn_form = QUANT_XNN_WITH_BIAS};
    return quant_prepare(ctx, &qs, &d->q);
  }
  if (d->mode == KERN_CONV_HYBRID) {
    /* Per-channel (asymmetric input) when the filter scales differ or the
     * convolution is grouped; otherwise per-tensor (symmetric input). */
    return quant_hybrid_prepare(
        ctx, input, filter, 0, out_c,
        d->groups != 1 ? kHybridForcePerChannel
                       : kHybridPerChannelIfScalesDiffer,
        (size_t)batch, batch > 0 ? kern_num_elements(input) / (size_t)batch : 0,
        &d->hy);
  }
  d->direct = d->h.filter == 1 && d->w.filter == 1 && d->h.stride == 1 &&
              d->w.stride == 1 && d->h.before == 0 && d->w.before == 0;
  d->scratch_idx = -1;
  d->tile_m = 0;
  const size_t k = (size_t)d->h.filter * (size_t)d->w.filter * (size_t)f_in;
  const size_t pixels = (size_t)batch * (size_t)d->h.out * (size_t)d->w.out;
  if (!d->direct && k > 0 && pixels > 0 && out_c > 0) {
    const size_t tile = kern_im2col_tile(k, pixels);
    d->tile_m = tile;
    KERN_OK(ctx->RequestScratchBufferInArena(ctx, tile * k * sizeof(float),
                                             &d->scratch_idx));
  }
  return kTfLiteOk;
}

static TfLiteStatus conv_2d_eval_f32(TfLiteContext *ctx, TfLiteNode *node,
                                     const conv_2d_data *d) {
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *filter = kern_input(ctx, node, kFilter);
  const TfLiteTensor *bias_t = kern_input(ctx, node, kBias);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  const float *bias = bias_t ? bias_t->data.f : NULL;
  /* Analyzer false positive: prepare checked (kern_conv_get_io) that output 0
   * exists */
  /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
  float *out = output->data.f;
  const int out_c = kern_dim(filter, 0), f_in = kern_dim(filter, 3);
  const int in_c = kern_dim(input, 3);
  const size_t pixels =
      (size_t)kern_dim(input, 0) * (size_t)d->h.out * (size_t)d->w.out;
  if (pixels == 0 || out_c == 0) return kTfLiteOk;

  const size_t k = (size_t)d->h.filter * (size_t)d->w.filter * (size_t)f_in;
  if (k == 0) { /* empty receptive field: the output is the bias */
    for (size_t p = 0; p < pixels; p++) {
      for (int c = 0; c < out_c; c++) {
        out[p * (size_t)out_c + (size_t)c] =
            kern_clamp_f32(bias ? bias[c] : 0.0f, d->lo, d->hi);
      }
    }
    return kTfLiteOk;
  }

  const size_t cout_g = (size_t)out_c / (size_t)d->groups;
  const float *w = filter->data.f;
  if (d->direct) {
    for (int g = 0; g < d->groups; g++) {
      const f32_gemm_params gp = {
          .m = pixels,
          .n = cout_g,
          .k = (size_t)f_in,
          .a = input->data.f + (size_t)g * (size_t)f_in,
          .lda = (size_t)in_c,
          .b = w + (size_t)g * cout_g * k,
          .ldb = k,
          .bias = bias ? bias + (size_t)g * cout_g : NULL,
          .c = out + (size_t)g * cout_g,
          .ldc = (size_t)out_c,
          .lo = d->lo,
          .hi = d->hi};
      kern_gemm_f32(ctx, &gp);
    }
    return kTfLiteOk;
  }

  float *col = (float *)ctx->GetScratchBuffer(ctx, d->scratch_idx);
  KERN_ENSURE(ctx, col != NULL, "scratch buffer is missing");
  kern_im2col_geom geom = kern_im2col_geom_of(&d->h, &d->w, in_c, f_in);
  for (size_t p0 = 0; p0 < pixels; p0 += d->tile_m) {
    const size_t count = pixels - p0 < d->tile_m ? pixels - p0 : d->tile_m;
    for (int g = 0; g < d->groups; g++) {
      geom.ch_offset = g * f_in;
      kern_im2col_f32(&geom, input->data.f, p0, count, col);
      const f32_gemm_params gp = {
          .m = count,
          .n = cout_g,
          .k = k,
          .a = col,
          .lda = k,
          .b = w + (size_t)g * cout_g * k,
          .ldb = k,
          .bias = bias ? bias + (size_t)g * cout_g : NULL,
          .c = out + p0 * (size_t)out_c + (size_t)g * cout_g,
          .ldc = (size_t)out_c,
          .lo = d->lo,
          .hi = d->hi};
      kern_gemm_f32(ctx, &gp);
    }
  }
  return kTfLiteOk;
}

static void conv_geom(const TfLiteTensor *input, const TfLiteTensor *filter,
                      const conv_2d_data *d, quant_conv_geom *g) {
  *g = (quant_conv_geom){.batch = kern_dim(input, 0),
                         .in_h = d->h.in,
                         .in_w = d->w.in,
                         .in_c = kern_dim(input, 3),
                         .out_h = d->h.out,
                         .out_w = d->w.out,
                         .out_c = kern_dim(filter, 0),
                         .k_h = d->h.filter,
                         .k_w = d->w.filter,
                         .f_in = kern_dim(filter, 3),
                         .multiplier = 1,
                         .stride_h = d->h.stride,
                         .stride_w = d->w.stride,
                         .dil_h = d->h.dilation,
                         .dil_w = d->w.dilation,
                         .pad_top = d->h.before,
                         .pad_left = d->w.before};
}

static TfLiteStatus conv_2d_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const conv_2d_data *d = (const conv_2d_data *)node->user_data;
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *filter = kern_input(ctx, node, kFilter);
  const TfLiteTensor *bias = kern_input(ctx, node, kBias);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  quant_conv_geom g;
  switch (d->mode) {
    case KERN_CONV_F32: return conv_2d_eval_f32(ctx, node, d);
    case KERN_CONV_QUANT: {
      conv_geom(input, filter, d, &g);
      const quant_conv_args a = {.g = &g,
                                 .q = &d->q,
                                 .type = input->type,
                                 .input = input->data.data,
                                 .filter = filter->data.data,
                                 .bias = bias ? bias->data.data : NULL,
                                 .output = output->data.data};
      quant_conv2d(ctx, &a);
      return kTfLiteOk;
    }
    default: {
      conv_geom(input, filter, d, &g);
      const quant_hybrid_conv_args a = {.g = &g,
                                        .hy = &d->hy,
                                        .lo = d->lo,
                                        .hi = d->hi,
                                        .input = input->data.f,
                                        .filter = filter->data.int8,
                                        .bias = bias ? bias->data.f : NULL,
                                        .output = output->data.f};
      return quant_hybrid_conv2d(ctx, &a);
    }
  }
}

const TfLiteRegistration kern_conv_2d = {
    .init = conv_2d_init,
    .prepare = conv_2d_prepare,
    .invoke = conv_2d_invoke,
    .builtin_code = TFLC_OP_CONV_2D,
    .version = 1,
};
