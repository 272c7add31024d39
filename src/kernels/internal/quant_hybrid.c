/* Hybrid (float activations, int8 weights) helpers and loops: on-the-fly
 * input quantization as TensorFlow Lite's tensor_utils do it, and the
 * CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED loops of quant_hybrid.h. */
#include "kernels/internal/quant_hybrid.h"

#include <math.h>
#include <string.h>

#include "kernels/internal/quant_arith.h"
#include "kernels/kernel_util.h"

void quant_symmetric_floats(const float *x, size_t n, int8_t *q, float *scale) {
  float mn = n ? x[0] : 0.0f, mx = mn;
  for (size_t i = 1; i < n; i++) {
    if (x[i] < mn) mn = x[i];
    if (x[i] > mx) mx = x[i];
  }
  const float range = fabsf(mn) > fabsf(mx) ? fabsf(mn) : fabsf(mx);
  if (range == 0.0f) {
    if (n) memset(q, 0, n);
    *scale = 1.0f;
    return;
  }
  *scale = range / 127.0f;
  const float inv = 127.0f / range;
  for (size_t i = 0; i < n; i++) {
    q[i] = (int8_t)quant_round_to_range(x[i] * inv, -127, 127);
  }
}

void quant_asymmetric_floats(const float *x, size_t n, int8_t *q, float *scale,
                             int32_t *offset) {
  float mn = n ? x[0] : 0.0f, mx = mn;
  for (size_t i = 1; i < n; i++) {
    if (x[i] < mn) mn = x[i];
    if (x[i] > mx) mx = x[i];
  }
  const double rmin = (double)(mn < 0.0f ? mn : 0.0f);
  const double rmax = (double)(mx > 0.0f ? mx : 0.0f);
  if (rmin == rmax) {
    if (n) memset(q, 0, n);
    *scale = 1.0f;
    *offset = 0;
    return;
  }
  const double s = (rmax - rmin) / 255.0;
  const double z_from_min = -128.0 - rmin / s;
  const double z_from_max = 127.0 - rmax / s;
  const double err_min = 128.0 + fabs(rmin / s);
  const double err_max = 127.0 + fabs(rmax / s);
  const double z = err_min < err_max ? z_from_min : z_from_max;
  int32_t zp;
  if (z <= -128.0)
    zp = -128;
  else if (z >= 127.0)
    zp = 127;
  else
    zp = (int32_t)round(z);
  *scale = (float)s;
  *offset = zp;
  const float inv = 1.0f / *scale;
  for (size_t i = 0; i < n; i++) {
    q[i] = (int8_t)quant_round_to_range((float)zp + x[i] * inv, -128, 127);
  }
}

/* Scratch layout: q (rounded up to 16 bytes), scale[rows], offset[rows]. */
static size_t q_bytes(const quant_hybrid_data *hy) {
  return (hy->rows * hy->row_size + 15) / 16 * 16;
}

TfLiteStatus quant_hybrid_prepare(TfLiteContext *ctx, const TfLiteTensor *input,
                                  const TfLiteTensor *filter, int filter_axis,
                                  int channels, int policy, size_t rows,
                                  size_t row_size, quant_hybrid_data *hy) {
  char msg[256];
  const char *name = filter->name ? filter->name : "";
  KERN_ENSURE(ctx, filter->type == kTfLiteInt8,
              "hybrid: filter '%s' is %s, expected INT8", name,
              kern_type_name(filter->type));
  if (!quant_check_params(filter, filter_axis, msg, (int)sizeof msg)) {
    ctx->ReportError(ctx, "hybrid (FLOAT32 input, INT8 weights): %s", msg);
    return kTfLiteError;
  }
  const TfLiteAffineQuantization *aq = filter->quantization.params;
  const int n_scales = aq->scale->size;
  for (int i = 0; aq->zero_point && i < aq->zero_point->size; i++) {
    KERN_ENSURE(ctx, aq->zero_point->data[i] == 0,
                "hybrid: filter '%s' has zero point %d; int8 weights must be "
                "symmetric (zero point 0)",
                name, aq->zero_point->data[i]);
  }
  if (n_scales > 1) {
    KERN_ENSURE(ctx, aq->quantized_dimension == filter_axis,
                "hybrid: filter '%s' is quantized along dimension %d, expected "
                "%d",
                name, (int)aq->quantized_dimension, filter_axis);
    KERN_ENSURE(ctx, n_scales == channels,
                "hybrid: filter '%s' has %d scales for %d output channels",
                name, n_scales, channels);
  }
  bool differ = false;
  for (int i = 1; i < n_scales; i++)
    differ |= aq->scale->data[i] != aq->scale->data[0];
  switch (policy) {
    case kHybridPerChannelIfScalesDiffer:
      hy->per_channel = differ;
      hy->asymmetric = differ;
      break;
    case kHybridForcePerChannel:
      hy->per_channel = true;
      hy->asymmetric = true;
      break;
    default:
      hy->per_channel = n_scales > 1;
      hy->asymmetric = policy == kHybridDenseAsymmetric;
      break;
  }
  KERN_ENSURE(ctx, !hy->per_channel || n_scales == channels || n_scales == 1,
              "hybrid: filter '%s' has %d scales for %d output channels", name,
              n_scales, channels);
  hy->channel_scale = aq->scale->data;
  hy->n_scales = n_scales;
  hy->filter_scale = aq->scale->data[0];
  hy->channels = channels;
  (void)input;
  hy->rows = rows;
  hy->row_size = row_size;
  hy->scratch_idx = -1;
  if (rows > 0 && row_size > 0) {
    const size_t bytes = q_bytes(hy) + rows * (sizeof(float) + sizeof(int32_t));
    KERN_OK(ctx->RequestScratchBufferInArena(ctx, bytes, &hy->scratch_idx));
  }
  return kTfLiteOk;
}

TfLiteStatus quant_hybrid_quantize(TfLiteContext *ctx,
                                   const quant_hybrid_data *hy, const float *x,
                                   quant_hybrid_rows *r) {
  memset(r, 0, sizeof(*r));
  if (hy->scratch_idx < 0) return kTfLiteOk;
  uint8_t *base = ctx->GetScratchBuffer(ctx, hy->scratch_idx);
  KERN_ENSURE(ctx, base != NULL, "scratch buffer is missing");
  r->q = (int8_t *)base;
  r->scale = (float *)(base + q_bytes(hy));
  r->offset = (int32_t *)(r->scale + hy->rows);
  for (size_t b = 0; b < hy->rows; b++) {
    const float *xr = x + b * hy->row_size;
    int8_t *qr = r->q + b * hy->row_size;
    if (hy->asymmetric) {
      quant_asymmetric_floats(xr, hy->row_size, qr, &r->scale[b],
                              &r->offset[b]);
    } else {
      quant_symmetric_floats(xr, hy->row_size, qr, &r->scale[b]);
      r->offset[b] = 0;
    }
  }
  return kTfLiteOk;
}

/* Float result of channel c in batch row b (TensorFlow Lite's operation
 * order: per channel acc * channel_scale * row_scale, per tensor
 * acc * (row_scale * filter_scale)), then bias and clamp. */
static float hybrid_out(int32_t acc, const quant_hybrid_data *hy,
                        const quant_hybrid_rows *r, size_t b, int c,
                        const float *bias, float lo, float hi, bool dw) {
  float v;
  if (hy->per_channel) {
    const float cs = hy->channel_scale[hy->n_scales > 1 ? c : 0];
    v = dw ? (float)acc * (cs * r->scale[b]) : (float)acc * cs * r->scale[b];
  } else {
    v = (float)acc * (r->scale[b] * hy->filter_scale);
  }
  if (bias) v += bias[c];
  return kern_clamp_f32(v, lo, hi);
}

static TfLiteStatus hybrid_window(TfLiteContext *ctx,
                                  const quant_hybrid_conv_args *a, bool dw) {
  const quant_conv_geom *g = a->g;
  quant_hybrid_rows r;
  KERN_OK(quant_hybrid_quantize(ctx, a->hy, a->input, &r));
  if (!r.q) return kTfLiteOk;
  const int groups = !dw && g->f_in > 0 ? g->in_c / g->f_in : 1;
  const int per_group = g->out_c / (groups > 0 ? groups : 1);
  const int m = g->multiplier > 0 ? g->multiplier : 1;
  const int n_in = dw ? 1 : g->f_in;
  size_t o = 0;
  for (int b = 0; b < g->batch; b++) {
    const int32_t off = r.offset[b];
    for (int oy = 0; oy < g->out_h; oy++) {
      const int y0 = oy * g->stride_h - g->pad_top;
      for (int ox = 0; ox < g->out_w; ox++) {
        const int x0 = ox * g->stride_w - g->pad_left;
        for (int oc = 0; oc < g->out_c; oc++, o++) {
          const int ch0 =
              dw ? oc / m : (per_group > 0 ? oc / per_group : 0) * g->f_in;
          int32_t acc = 0;
          for (int ky = 0; ky < g->k_h; ky++) {
            const int iy = y0 + ky * g->dil_h;
            if (iy < 0 || iy >= g->in_h) continue;
            for (int kx = 0; kx < g->k_w; kx++) {
              const int ix = x0 + kx * g->dil_w;
              if (ix < 0 || ix >= g->in_w) continue;
              const int8_t *x = r.q +
                                (((size_t)b * (size_t)g->in_h + (size_t)iy) *
                                     (size_t)g->in_w +
                                 (size_t)ix) *
                                    (size_t)g->in_c +
                                (size_t)ch0;
              if (dw) {
                const int8_t w =
                    a->filter[((size_t)ky * (size_t)g->k_w + (size_t)kx) *
                                  (size_t)g->out_c +
                              (size_t)oc];
                acc += (int32_t)w * ((int32_t)x[0] - off);
              } else {
                const int8_t *w =
                    a->filter + (((size_t)oc * (size_t)g->k_h + (size_t)ky) *
                                     (size_t)g->k_w +
                                 (size_t)kx) *
                                    (size_t)g->f_in;
                for (int i = 0; i < n_in; i++)
                  acc += (int32_t)w[i] * ((int32_t)x[i] - off);
              }
            }
          }
          a->output[o] = hybrid_out(acc, a->hy, &r, (size_t)b, oc, a->bias,
                                    a->lo, a->hi, dw);
        }
      }
    }
  }
  return kTfLiteOk;
}

TfLiteStatus quant_hybrid_conv2d(TfLiteContext *ctx,
                                 const quant_hybrid_conv_args *a) {
  return hybrid_window(ctx, a, false);
}

TfLiteStatus quant_hybrid_depthwise(TfLiteContext *ctx,
                                    const quant_hybrid_conv_args *a) {
  return hybrid_window(ctx, a, true);
}

TfLiteStatus quant_hybrid_fc(TfLiteContext *ctx,
                             const quant_hybrid_fc_args *a) {
  quant_hybrid_rows r;
  KERN_OK(quant_hybrid_quantize(ctx, a->hy, a->input, &r));
  for (size_t b = 0; b < a->batch; b++) {
    for (size_t u = 0; u < a->units; u++) {
      float v = a->bias ? a->bias[u] : 0.0f;
      if (r.q) {
        const int8_t *x = r.q + b * a->depth;
        const int8_t *w = a->weights + u * a->depth;
        int32_t dot = 0, row_sum = 0;
        for (size_t i = 0; i < a->depth; i++) {
          dot += (int32_t)w[i] * (int32_t)x[i];
          row_sum += w[i];
        }
        dot -= row_sum * r.offset[b];
        float s = r.scale[b];
        if (a->hy->per_channel)
          s *= a->hy->channel_scale[a->hy->n_scales > 1 ? u : 0];
        else
          s *= a->hy->filter_scale;
        v += (float)dot * s;
      }
      a->output[b * a->units + u] = kern_clamp_f32(v, a->lo, a->hi);
    }
  }
  return kTfLiteOk;
}
