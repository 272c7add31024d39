/* Lookup-table builders of the quantized activations (see quant_lut.h). */
#include "kernels/internal/quant_lut.h"

#include <math.h>

typedef struct plain_fn {
  float (*fn)(float);
} plain_fn;

static float call_plain(float x, const void *param) {
  return ((const plain_fn *)param)->fn(x);
}

void quant_lut8_build(TfLiteType type, float in_scale, int32_t in_zp,
                      float out_scale, int32_t out_zp, float (*fn)(float),
                      uint8_t lut[256]) {
  const plain_fn p = {fn};
  quant_lut8_build_p(type, in_scale, in_zp, out_scale, out_zp, call_plain, &p,
                     lut);
}

void quant_lut8_build_p(TfLiteType type, float in_scale, int32_t in_zp,
                        float out_scale, int32_t out_zp,
                        float (*fn)(float, const void *), const void *param,
                        uint8_t lut[256]) {
  const float inverse_scale = 1.0f / out_scale;
  const int32_t lo = type == kTfLiteInt8 ? -128 : 0;
  const int32_t hi = type == kTfLiteInt8 ? 127 : 255;
  for (int32_t q = lo; q <= hi; q++) {
    const float x = in_scale * (float)(q - in_zp);
    const float y = roundf(fn(x, param) * inverse_scale);
    const float t = y + (float)out_zp;
    /* Clamp in float first: a huge or NaN value has no int32 (NaN maps to
     * the top of the range). */
    int32_t v =
        t < (float)lo ? lo : (t > (float)hi || t != t ? hi : (int32_t)t);
    lut[(uint8_t)(q & 0xFF)] = (uint8_t)(v & 0xFF);
  }
}

void quant_lut8_apply(const uint8_t lut[256], const uint8_t *in, uint8_t *out,
                      size_t n) {
  for (size_t i = 0; i < n; i++) out[i] = lut[in[i]];
}

static double round_away(double x) {
  return x < 0 ? -floor(-x + 0.5) : floor(x + 0.5);
}

static int16_t clamp16(double v) {
  return (int16_t)(v < -32768.0 ? -32768.0 : (v > 32767.0 ? 32767.0 : v));
}

void quant_lut16_build(double in_scale, int32_t in_zp, double out_scale,
                       int32_t out_zp, double (*fn)(double), int16_t lut[513]) {
  const double in_min = in_scale * (double)(-32768 - in_zp);
  const double in_max = in_scale * (double)(32767 - in_zp);
  const double out_min = out_scale * (double)(-32768 - out_zp);
  const double out_max = out_scale * (double)(32767 - out_zp);
  const int steps = 512;
  const double step = (in_max - in_min) / steps;
  const double half_step = step / 2;
  const double inv = 65536.0 / (out_max - out_min);
  for (int i = 0; i < steps; i++) {
    const double v = fn(in_min + i * step);
    const double v_mid = fn(in_min + i * step + half_step);
    const double v_next = fn(in_min + (i + 1) * step);
    const double sample = round_away(v * inv);
    const double interp = round_away((v_next * inv + round_away(v * inv)) / 2);
    const double mid = round_away(v_mid * inv);
    const double bias = round_away((interp - mid) / 2);
    lut[i] = clamp16(sample - bias);
  }
  lut[steps] = clamp16(round_away(fn(in_max) * inv));
}

static int16_t clamp16f(float v) {
  return (int16_t)(v < -32768.0f ? -32768.0f : (v > 32767.0f ? 32767.0f : v));
}

void quant_lut16_build_f(float in_scale, int32_t in_zp, float out_scale,
                         int32_t out_zp, float (*fn)(float, const void *),
                         const void *param, int16_t lut[513]) {
  const float in_min = in_scale * (float)(-32768 - in_zp);
  const float in_max = in_scale * (float)(32767 - in_zp);
  const float out_min = out_scale * (float)(-32768 - out_zp);
  const float out_max = out_scale * (float)(32767 - out_zp);
  const int steps = 512;
  const float step = (in_max - in_min) / (float)steps;
  const float half_step = step / 2.0f;
  const float inv = 65536.0f / (out_max - out_min);
  for (int i = 0; i < steps; i++) {
    const float at = (float)i * step;
    const float v = fn(in_min + at, param);
    const float v_mid = fn(in_min + at + half_step, param);
    const float v_next = fn(in_min + (float)(i + 1) * step, param);
    const float sample = roundf(v * inv);
    const float interp = roundf((v_next * inv + roundf(v * inv)) / 2.0f);
    const float mid = roundf(v_mid * inv);
    const float bias = roundf((interp - mid) / 2.0f);
    lut[i] = clamp16f(sample - bias);
  }
  lut[steps] = clamp16f(roundf(fn(in_max, param) * inv));
}
