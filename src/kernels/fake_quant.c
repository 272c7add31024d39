/* FAKE_QUANT: quantizes and dequantizes FLOAT32 values in one step, as
 * TensorFlow's FakeQuantWithMinMaxArgs (which TensorFlow Lite follows).
 * FakeQuantOptions: min 0, max 1, num_bits 2 (2..16), narrow_range 3. The
 * range is nudged so that 0 is exactly representable: with qmin = narrow ?
 * 1 : 0, qmax = 2^bits - 1, scale = (max - min) / (qmax - qmin), the zero
 * point qmin - min / scale is clamped to [qmin, qmax] and rounded; then
 * y = round((clamp(x, nmin, nmax) - nmin) / scale) * scale + nmin, rounding
 * half away from zero. min < max (finite) is required. */
#include <math.h>

#include "kernels/internal/unary.h"

typedef struct fq_range {
  float nmin, nmax, scale;
} fq_range;

static TfLiteStatus fq_nudge(TfLiteContext *ctx, const TfLiteNode *node,
                             fq_range *r) {
  const tflc_options_ref *o = kern_options(node);
  float mn = opt_f32(o, 0, 0.0f), mx = opt_f32(o, 1, 0.0f);
  int bits = opt_i32(o, 2, 0);
  int narrow = opt_bool(o, 3, false);
  KERN_ENSURE(ctx, bits >= 2 && bits <= 16,
              "num_bits %d is not supported (2 to 16)", bits);
  KERN_ENSURE(ctx, isfinite(mn) && isfinite(mx) && mn < mx,
              "min %g must be below max %g", (double)mn, (double)mx);
  float qmin = narrow ? 1.0f : 0.0f;
  float qmax = (float)((1 << bits) - 1);
  float scale = (mx - mn) / (qmax - qmin);
  float zp_from_min = qmin - mn / scale;
  float zp = zp_from_min < qmin   ? qmin
             : zp_from_min > qmax ? qmax
                                  : roundf(zp_from_min);
  r->nmin = (qmin - zp) * scale;
  r->nmax = (qmax - zp) * scale;
  r->scale = scale;
  return kTfLiteOk;
}

static TfLiteStatus fake_quant_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  static const TfLiteType types[] = {kTfLiteFloat32};
  KERN_OK(kern_unary_prepare(ctx, node, types, 1));
  fq_range r;
  return fq_nudge(ctx, node, &r);
}

static TfLiteStatus fake_quant_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  fq_range r;
  KERN_OK(fq_nudge(ctx, node, &r));
  float inv = 1.0f / r.scale;
  size_t n = kern_num_elements(in);
  for (size_t i = 0; i < n; i++) {
    float x = in->data.f[i];
    float c = x < r.nmin ? r.nmin : (x > r.nmax ? r.nmax : x);
    out->data.f[i] = roundf((c - r.nmin) * inv) * r.scale + r.nmin;
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_fake_quant = {
    .prepare = fake_quant_prepare,
    .invoke = fake_quant_invoke,
    .builtin_code = TFLC_OP_FAKE_QUANT,
    .version = 1,
};
