/* Prepare-time part of the quantized convolution-like ops (quant_conv.h):
 * type and quantization-parameter checks, per-channel multipliers, the
 * activation clamp range; and the bias + requantize step shared by their
 * integer loops. */
#include <string.h>

#include "kernels/internal/quant_conv.h"
#include "kernels/internal/quant_xnn_conv.h"
#include "kernels/kernel_util.h"

static const TfLiteAffineQuantization *affine(const TfLiteTensor *t) {
  return (const TfLiteAffineQuantization *)t->quantization.params;
}

static TfLiteStatus check_tensor(TfLiteContext *ctx, const TfLiteTensor *t,
                                 int channel_dim) {
  char msg[256];
  if (!quant_check_params(t, channel_dim, msg, (int)sizeof msg)) {
    ctx->ReportError(ctx, "%s", msg);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

static TfLiteStatus check_types(TfLiteContext *ctx,
                                const quant_prepare_spec *s) {
  const TfLiteType in = s->input->type;
  const TfLiteType want_f = in == kTfLiteUInt8 ? kTfLiteUInt8 : kTfLiteInt8;
  KERN_ENSURE(ctx,
              in == kTfLiteInt8 || in == kTfLiteUInt8 || in == kTfLiteInt16,
              "input type %s is not supported", kern_type_name(in));
  KERN_ENSURE(ctx, s->filter->type == want_f,
              "filter type %s with %s input is not supported (expected %s)",
              kern_type_name(s->filter->type), kern_type_name(in),
              kern_type_name(want_f));
  KERN_ENSURE(ctx, s->output->type == in, "output type %s, expected %s",
              kern_type_name(s->output->type), kern_type_name(in));
  if (s->bias) {
    const TfLiteType b = s->bias->type;
    KERN_ENSURE(ctx,
                b == kTfLiteInt32 || (in == kTfLiteInt16 && b == kTfLiteInt64),
                "bias type %s with %s input is not supported (expected %s)",
                kern_type_name(b), kern_type_name(in),
                in == kTfLiteInt16 ? "INT64 or INT32" : "INT32");
  }
  return kTfLiteOk;
}

/* Filter: per tensor, or per channel along s->filter_axis (int8 weights
 * only), zero points as the op allows. Sets *per_channel. */
static TfLiteStatus check_filter(TfLiteContext *ctx,
                                 const quant_prepare_spec *s,
                                 bool *per_channel) {
  const TfLiteTensor *f = s->filter;
  const char *name = f->name ? f->name : "";
  KERN_OK(check_tensor(ctx, f, s->filter_axis));
  const TfLiteAffineQuantization *aq = affine(f);
  *per_channel = aq->scale->size > 1;
  if (*per_channel) {
    KERN_ENSURE(ctx, s->input->type != kTfLiteUInt8,
                "filter '%s' is quantized per channel, which needs INT8 or "
                "INT16 input (UINT8 models are quantized per tensor)",
                name);
    KERN_ENSURE(ctx, aq->quantized_dimension == s->filter_axis,
                "filter '%s' is quantized along dimension %d, expected %d",
                name, (int)aq->quantized_dimension, s->filter_axis);
    KERN_ENSURE(ctx, aq->scale->size == s->channels,
                "filter '%s' has %d scales for %d output channels", name,
                aq->scale->size, s->channels);
    for (int i = 0; aq->zero_point && i < aq->zero_point->size; i++) {
      KERN_ENSURE(ctx, aq->zero_point->data[i] == 0,
                  "filter '%s' has zero point %d at channel %d; per-channel "
                  "weights must be symmetric (zero point 0)",
                  name, aq->zero_point->data[i], i);
    }
  } else if (!s->filter_zp_allowed) {
    KERN_ENSURE(ctx, f->params.zero_point == 0,
                "filter '%s' has zero point %d; %s weights must be symmetric "
                "(zero point 0)",
                name, (int)f->params.zero_point, kern_type_name(f->type));
  }
  return kTfLiteOk;
}

/* TensorFlow Lite's legacy per-tensor scale (TfLiteQuantizationParams): the
 * scale of an affine quantization with exactly one entry, else 0 (no
 * quantization, or per channel). */
static double legacy_scale(const TfLiteTensor *t) {
  const TfLiteAffineQuantization *aq = affine(t);
  if (t->quantization.type != kTfLiteAffineQuantization || !aq || !aq->scale ||
      aq->scale->size != 1)
    return 0.0;
  return (double)aq->scale->data[0];
}

/* One bias-scale comparison: |s_in * s_w - s_b| / s_out <= 0.02, all in
 * double (GetQuantizedConvolutionMultipler's check). */
static TfLiteStatus bias_scale_ok(TfLiteContext *ctx,
                                  const quant_prepare_spec *s, double w_scale,
                                  double b_scale, int c) {
  const double product = (double)s->input->params.scale * w_scale;
  const double out_scale = (double)s->output->params.scale;
  const double diff = product > b_scale ? product - b_scale : b_scale - product;
  if (diff / out_scale <= 0.02) return kTfLiteOk;
  ctx->ReportError(
      ctx,
      "bias '%s' has scale %g (channel %d) but input scale %g x filter scale "
      "%g = %g; the difference divided by the output scale %g is %g, above "
      "the 0.02 TensorFlow Lite accepts (the bias must be quantized with "
      "input_scale * filter_scale)",
      s->bias->name ? s->bias->name : "", b_scale, c,
      (double)s->input->params.scale, w_scale, product, out_scale,
      diff / out_scale);
  return kTfLiteError;
}

/* The bias-scale check. As TensorFlow Lite, where it calls
 * GetQuantizedConvolutionMultipler with the bias (UINT8 convolutions,
 * per-tensor FULLY_CONNECTED: s->legacy_multiplier), on the legacy scales
 * (an unquantized or per-channel bias counts as scale 0). tflc also checks
 * a bias that carries one scale per output channel against each channel's
 * input_scale * filter_scale[c], and a single-scale bias of a per-tensor
 * filter, with the same tolerance (TensorFlow Lite leaves those unchecked;
 * a mismatch there means the model's integers do not mean what its float
 * graph did). */
static TfLiteStatus check_bias_scale(TfLiteContext *ctx,
                                     const quant_prepare_spec *s,
                                     bool per_channel) {
  if (!s->bias) return kTfLiteOk;
  const TfLiteAffineQuantization *fq = affine(s->filter);
  if (s->legacy_multiplier && !per_channel)
    return bias_scale_ok(ctx, s, legacy_scale(s->filter), legacy_scale(s->bias),
                         0);
  const TfLiteAffineQuantization *bq = affine(s->bias);
  if (s->bias->quantization.type != kTfLiteAffineQuantization || !bq ||
      !bq->scale)
    return kTfLiteOk;
  if (per_channel && bq->scale->size == fq->scale->size) {
    for (int c = 0; c < bq->scale->size; c++)
      KERN_OK(bias_scale_ok(ctx, s, (double)fq->scale->data[c],
                            (double)bq->scale->data[c], c));
  } else if (!per_channel && bq->scale->size == 1) {
    return bias_scale_ok(ctx, s, (double)fq->scale->data[0],
                         (double)bq->scale->data[0], 0);
  }
  return kTfLiteOk;
}

TfLiteStatus quant_prepare(TfLiteContext *ctx, const quant_prepare_spec *s,
                           quant_out_params *q) {
  KERN_OK(check_types(ctx, s));
  KERN_OK(check_tensor(ctx, s->input, -1));
  KERN_OK(check_tensor(ctx, s->output, -1));
  bool per_channel = false;
  KERN_OK(check_filter(ctx, s, &per_channel));
  KERN_OK(check_bias_scale(ctx, s, per_channel));
  const TfLiteType type = s->input->type;
  if (type == kTfLiteInt16) {
    KERN_ENSURE(ctx, s->input->params.zero_point == 0,
                "INT16 input '%s' has zero point %d, expected 0 (symmetric)",
                s->input->name ? s->input->name : "",
                (int)s->input->params.zero_point);
    KERN_ENSURE(ctx, s->output->params.zero_point == 0,
                "INT16 output '%s' has zero point %d, expected 0 (symmetric)",
                s->output->name ? s->output->name : "",
                (int)s->output->params.zero_point);
  }

  int32_t qmin = 0, qmax = 0;
  quant_type_range(type, &qmin, &qmax);
  KERN_ENSURE(ctx,
              quant_activation_range(s->activation, s->output->params.scale,
                                     s->output->params.zero_point, qmin, qmax,
                                     &q->act_min, &q->act_max),
              "fused activation %d is not supported with quantized types",
              s->activation);

  const int n = s->channels > 0 ? s->channels : 1;
  if (q->cap < n) {
    q->multiplier =
        ctx->AllocatePersistentBuffer(ctx, sizeof(int32_t) * (size_t)n);
    q->shift = ctx->AllocatePersistentBuffer(ctx, sizeof(int) * (size_t)n);
    KERN_ENSURE(ctx, q->multiplier && q->shift,
                "out of memory for %d per-channel multipliers", n);
    q->cap = n;
  }
  q->channels = n;
  const float in_scale = s->input->params.scale;
  const float out_scale = s->output->params.scale;
  const float *fs = affine(s->filter)->scale->data;
  for (int c = 0; c < n; c++) {
    /* Analyzer false positive: check_filter (quant_check_params) ensured affine
     * scales, n of them per channel */
    /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
    const float f_scale = per_channel ? fs[c] : fs[0];
    double real;
    if (!per_channel && s->legacy_multiplier) {
      real = (double)(in_scale * f_scale) / (double)out_scale;
    } else {
      real = (double)in_scale * (double)f_scale / (double)out_scale;
    }
    KERN_ENSURE(ctx, quant_multiplier(real, &q->multiplier[c], &q->shift[c]),
                "output multiplier %g of channel %d is not representable", real,
                c);
  }
  q->input_offset = -s->input->params.zero_point;
  q->filter_offset = per_channel ? 0 : -s->filter->params.zero_point;
  if (!s->filter_zp_allowed) q->filter_offset = 0;
  q->output_offset = s->output->params.zero_point;
  q->wide = type == kTfLiteInt16 && (!s->bias || s->bias->type == kTfLiteInt64);
  return quant_xnn_conv_prepare(ctx, s, q); /* XNNPACK mode, or q->xnn off */
}

int32_t quant_finish(int64_t acc, const void *bias, const quant_out_params *q,
                     TfLiteType type, int c) {
  if (type == kTfLiteInt16 && q->wide) {
    if (bias) acc += ((const int64_t *)bias)[c];
    return quant_requant64(acc, q, c);
  }
  /* 32-bit accumulator: wraps like two's complement hardware. */
  uint32_t a = (uint32_t)acc;
  if (bias) a += (uint32_t)((const int32_t *)bias)[c];
  if (q->xnn)
    return quant_xnn_requant((int32_t)a, q->xnn_scale[c], q->output_offset,
                             q->act_min, q->act_max);
  return quant_requant32((int32_t)a, q, c);
}
