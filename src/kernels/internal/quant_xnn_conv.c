/* Prepare-time part of the XNNPACK rounding mode for the convolution-like
 * ops and FULLY_CONNECTED (quant_xnn_conv.h): the delegation conditions and
 * the per-channel float scales. */
#include "kernels/internal/quant_xnn_conv.h"

#include "kernels/kernel_util.h"

static bool filter_is_symmetric(const TfLiteTensor *f) {
  const TfLiteAffineQuantization *aq = f->quantization.params;
  if (aq->zero_point) {
    for (int i = 0; i < aq->zero_point->size; i++)
      if (aq->zero_point->data[i] != 0) return false;
  }
  return true;
}

/* Would TensorFlow Lite's XNNPACK delegate take this node? */
static bool delegated(const quant_prepare_spec *s) {
  const TfLiteType t = s->input->type;
  if (s->xnn_form == QUANT_XNN_NEVER) return false;
  if (t != kTfLiteInt8 && t != kTfLiteUInt8) return false;
  if (s->output->type != t) return false;
  if (s->xnn_form == QUANT_XNN_WITH_BIAS && s->bias == NULL) return false;
  if (!kern_is_constant(s->filter)) return false;
  if (s->bias && !kern_is_constant(s->bias)) return false;
  if (t == kTfLiteInt8 && !filter_is_symmetric(s->filter)) return false;
  return true;
}

TfLiteStatus quant_xnn_conv_prepare(TfLiteContext *ctx,
                                    const quant_prepare_spec *s,
                                    quant_out_params *q) {
  q->xnn = false;
  if (!quant_xnn_mode(ctx) || !delegated(s)) return kTfLiteOk;
  const int n = q->channels;
  if (q->xnn_cap < n) {
    q->xnn_scale =
        ctx->AllocatePersistentBuffer(ctx, sizeof(float) * (size_t)n);
    KERN_ENSURE(ctx, q->xnn_scale != NULL,
                "out of memory for %d per-channel scales", n);
    q->xnn_cap = n;
  }
  const TfLiteAffineQuantization *aq = s->filter->quantization.params;
  const bool per_channel = aq->scale->size > 1;
  const float in_scale = s->input->params.scale;
  const float out_scale = s->output->params.scale;
  for (int c = 0; c < n; c++) {
    const float w_scale = aq->scale->data[per_channel ? c : 0];
    const float scale = in_scale * w_scale / out_scale;
    /* XNNPACK refuses requantization scales of 256 or more: the op then
     * stays on TensorFlow Lite's kernels. */
    if (!(scale < 256.0f)) return kTfLiteOk;
    q->xnn_scale[c] = scale;
  }
  int32_t qmin = 0, qmax = 0, lo = 0, hi = 0;
  quant_type_range(s->input->type, &qmin, &qmax);
  if (!quant_xnn_act_range(s->activation, out_scale,
                           s->output->params.zero_point, qmin, qmax, &lo, &hi))
    return kTfLiteOk;
  q->act_min = lo;
  q->act_max = hi;
  q->xnn = true;
  return kTfLiteOk;
}
