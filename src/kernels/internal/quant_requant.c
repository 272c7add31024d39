/* QUANTIZE's float -> int and int -> int loops (quant_requant.h). */
#include "kernels/internal/quant_requant.h"

#include <math.h>

#include "kernels/internal/quant_arith.h"

int32_t quant_load(const void *data, TfLiteType type, size_t i) {
  switch (type) {
    case kTfLiteInt8: return ((const int8_t *)data)[i];
    case kTfLiteUInt8: return ((const uint8_t *)data)[i];
    case kTfLiteInt16: return ((const int16_t *)data)[i];
    default: return ((const int32_t *)data)[i];
  }
}

static void store(void *data, TfLiteType type, size_t i, int32_t v) {
  switch (type) {
    case kTfLiteInt8: ((int8_t *)data)[i] = (int8_t)v; break;
    case kTfLiteUInt8: ((uint8_t *)data)[i] = (uint8_t)v; break;
    case kTfLiteInt16: ((int16_t *)data)[i] = (int16_t)v; break;
    default: ((int32_t *)data)[i] = v; break;
  }
}

/* round(x / scale) + zp clamped, the sum and the clamp in double as
 * TensorFlow Lite does (so infinities saturate); NaN gives the zero point. */
static int32_t affine(float x, float scale, int32_t zp, int32_t qmin,
                      int32_t qmax) {
  const float r = roundf(x / scale);
  if (r != r) return zp < qmin ? qmin : (zp > qmax ? qmax : zp);
  double v = (double)r + (double)zp;
  v = v < qmin ? qmin : (v > qmax ? qmax : v);
  return (int32_t)v;
}

void quant_affine_quantize(const float *in, void *out, TfLiteType out_type,
                           const quant_affine_params *p) {
  size_t i = 0;
  for (size_t o = 0; o < p->outer; o++) {
    for (size_t c = 0; c < p->channels; c++) {
      const float s = p->scales[c];
      const int32_t z = p->zero_points == NULL  ? 0
                        : p->n_zero_points == 1 ? p->zero_points[0]
                                                : p->zero_points[c];
      for (size_t k = 0; k < p->inner; k++, i++)
        store(out, out_type, i, affine(in[i], s, z, p->qmin, p->qmax));
    }
  }
}

void quant_requantize(const void *in, TfLiteType in_type, void *out,
                      TfLiteType out_type, size_t n,
                      const quant_requant_params *p) {
  for (size_t i = 0; i < n; i++) {
    /* The subtraction wraps like TensorFlow Lite's int32 arithmetic. */
    const int32_t x =
        (int32_t)((uint32_t)quant_load(in, in_type, i) - (uint32_t)p->in_zp);
    const int64_t v =
        (int64_t)quant_mul_by_multiplier(x, p->multiplier, p->shift) +
        p->out_zp;
    store(out, out_type, i,
          (int32_t)(v < p->qmin ? p->qmin : (v > p->qmax ? p->qmax : v)));
  }
}

void quant_concat_rescale_u8(const uint8_t *in, uint8_t *out, size_t n,
                             float in_scale, int32_t in_zp, float out_scale,
                             int32_t out_zp) {
  const float inv = 1.0f / out_scale;
  const float s = in_scale * inv;
  const float b = (float)(-in_zp) * s;
  for (size_t j = 0; j < n; j++) {
    const float v = roundf((float)in[j] * s + b);
    int32_t q =
        (v != v) ? 0 : (int32_t)(v < -1e9f ? -1e9f : (v > 1e9f ? 1e9f : v));
    q += out_zp;
    out[j] = (uint8_t)(q < 0 ? 0 : (q > 255 ? 255 : q));
  }
}
