/* Quantized ABS, RSQRT, SQRT, LOG and EXP (see quant_unary.h). */
#include "kernels/internal/quant_unary.h"

#include <math.h>

#include "kernels/internal/lstm_int_ops.h"
#include "kernels/internal/quant_act.h"
#include "kernels/internal/quant_lut.h"
#include "kernels/kernel_util.h"

void *quant_unary_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  return ctx->AllocatePersistentBuffer(ctx, sizeof(quant_unary));
}

/* Table functions: the float transform of TensorFlow Lite's lambdas. */
static float log_fn(float x, const void *p) {
  return x <= 0.0f ? *(const float *)p : logf(x);
}
static float rsqrt_fn(float x, const void *p) {
  return x <= 0.0f ? 32767.0f * *(const float *)p : 1.0f / sqrtf(x);
}
static float exp_fn(float x, const void *p) {
  (void)p;
  return expf(x);
}

static void build_table(quant_unary *q, TfLiteType type,
                        float (*fn)(float, const void *), const void *param) {
  if (type == kTfLiteInt8)
    quant_lut8_build_p(type, q->in_scale, q->in_zp, q->out_scale, q->out_zp, fn,
                       param, q->lut8);
  else
    quant_lut16_build_f(q->in_scale, q->in_zp, q->out_scale, q->out_zp, fn,
                        param, q->lut16);
}

TfLiteStatus quant_unary_prepare(TfLiteContext *ctx, quant_unary_kind kind,
                                 const TfLiteTensor *in,
                                 const TfLiteTensor *out, quant_unary *q) {
  KERN_ENSURE(ctx, q != NULL, "op data could not be allocated");
  q->kind = kind;
  q->raw = kind == QU_ABS && in->type == kTfLiteInt16 &&
           in->quantization.type == kTfLiteNoQuantization;
  if (q->raw) return kTfLiteOk; /* TensorFlow Lite's plain int16 ABS */
  KERN_OK(quant_act_check_io(ctx, in, out));
  q->in_scale = in->params.scale;
  q->out_scale = out->params.scale;
  q->in_zp = in->params.zero_point;
  q->out_zp = out->params.zero_point;
  q->rescale = q->in_scale != q->out_scale;
  switch (kind) {
    case QU_ABS:
      /* input_scale / output_scale in float, then widened. */
      KERN_ENSURE(ctx,
                  quant_multiplier((double)(q->in_scale / q->out_scale),
                                   &q->multiplier, &q->shift),
                  "ABS: scale ratio %g is not representable",
                  (double)(q->in_scale / q->out_scale));
      return kTfLiteOk;
    case QU_RSQRT:
      if (in->type == kTfLiteInt16) {
        build_table(q, in->type, rsqrt_fn, &q->out_scale);
        return kTfLiteOk;
      }
      {
        const float d = sqrtf(q->in_scale) * q->out_scale;
        KERN_ENSURE(
            ctx, quant_multiplier(1.0 / (double)d, &q->multiplier, &q->shift),
            "RSQRT: multiplier %g is not representable", 1.0 / (double)d);
        /* Applied with shift - 20 (a right shift of at most 31). */
        KERN_ENSURE(ctx, q->shift - 20 >= -31,
                    "RSQRT: input scale %g and output scale %g give the "
                    "multiplier %g, below the 2^-12 the INT8 kernel can apply",
                    (double)q->in_scale, (double)q->out_scale, 1.0 / (double)d);
      }
      return kTfLiteOk;
    case QU_SQRT: return kTfLiteOk;
    case QU_LOG: {
      const int32_t qmin = in->type == kTfLiteInt8 ? -128 : -32768;
      const float out_min = (float)(qmin - q->out_zp) * q->out_scale;
      build_table(q, in->type, log_fn, &out_min);
      return kTfLiteOk;
    }
    case QU_EXP: build_table(q, in->type, exp_fn, NULL); return kTfLiteOk;
  }
  return kTfLiteOk;
}

/* TensorFlow Lite's LUTLookup: the slope is an int16 difference. */
static inline int16_t lut16(int16_t v, const int16_t *lut) {
  const int index = 256 + (v >> 7);
  const int32_t offset = v & 0x7F;
  const int16_t slope = (int16_t)(lut[index + 1] - lut[index]);
  return (int16_t)(lut[index] + ((slope * offset + 64) >> 7));
}

static int32_t rsqrt_i8(const quant_unary *q, int32_t x) {
  const int32_t v = x - q->in_zp;
  if (v == 0) return 127; /* the largest output, as TensorFlow Lite */
  int32_t m;
  int s;
  lstm_inv_sqrt_multiplier(v, -1, &m, &s);
  const int32_t data = quant_mul_by_multiplier(1, m, s + 20);
  const int32_t r = quant_sat_add(
      quant_mul_by_multiplier(data, q->multiplier, q->shift - 20), q->out_zp);
  return quant_clamp(r, -128, 127);
}

static int32_t abs_q(const quant_unary *q, int32_t x, int32_t lo, int32_t hi) {
  const int32_t d = x - q->in_zp;
  const int32_t v = d < 0 ? -d : d;
  const int32_t r =
      q->rescale
          ? quant_sat_add(quant_mul_by_multiplier(v, q->multiplier, q->shift),
                          q->out_zp)
          : v + q->out_zp;
  return quant_clamp(r, lo, hi);
}

static TfLiteStatus sqrt_q(TfLiteContext *ctx, const quant_unary *q,
                           const TfLiteTensor *in, TfLiteTensor *out) {
  const size_t n = kern_num_elements(in);
  const bool i8 = in->type == kTfLiteInt8;
  const int32_t lo = i8 ? -128 : -32768, hi = i8 ? 127 : 32767;
  for (size_t i = 0; i < n; i++) {
    const int32_t x = i8 ? in->data.int8[i] : in->data.i16[i];
    const float dq = q->in_scale * (float)(x - q->in_zp);
    KERN_ENSURE(ctx, dq >= 0.0f,
                "SQRT is only defined for non-negative values (element %zu "
                "is %g)",
                i, (double)dq);
    const float t = sqrtf(dq) / q->out_scale; /* truncated, as TFLite */
    const int64_t v = t >= 2147483647.0f ? INT32_MAX : (int64_t)t;
    const int64_t s = v + q->out_zp;
    const int32_t r = s < lo ? lo : (s > hi ? hi : (int32_t)s);
    if (i8)
      out->data.int8[i] = (int8_t)r;
    else
      out->data.i16[i] = (int16_t)r;
  }
  return kTfLiteOk;
}

TfLiteStatus quant_unary_eval(TfLiteContext *ctx, const quant_unary *q,
                              const TfLiteTensor *in, TfLiteTensor *out) {
  const size_t n = kern_num_elements(in);
  const bool i8 = in->type == kTfLiteInt8;
  if (q->raw) {
    for (size_t i = 0; i < n; i++) {
      const int32_t x = in->data.i16[i];
      out->data.i16[i] = (int16_t)(x < 0 ? -x : x);
    }
    return kTfLiteOk;
  }
  switch (q->kind) {
    case QU_ABS:
      for (size_t i = 0; i < n; i++) {
        if (i8)
          out->data.int8[i] = (int8_t)abs_q(q, in->data.int8[i], -128, 127);
        else
          out->data.i16[i] = (int16_t)abs_q(q, in->data.i16[i], -32768, 32767);
      }
      return kTfLiteOk;
    case QU_RSQRT:
      for (size_t i = 0; i < n; i++) {
        const int32_t x = i8 ? in->data.int8[i] : in->data.i16[i];
        KERN_ENSURE(ctx, x >= q->in_zp,
                    "RSQRT is only defined for positive values (element %zu "
                    "is %d, zero point %d)",
                    i, (int)x, (int)q->in_zp);
        if (i8) out->data.int8[i] = (int8_t)rsqrt_i8(q, x);
      }
      if (!i8)
        for (size_t i = 0; i < n; i++)
          out->data.i16[i] = lut16(in->data.i16[i], q->lut16);
      return kTfLiteOk;
    case QU_SQRT: return sqrt_q(ctx, q, in, out);
    case QU_LOG:
    case QU_EXP:
      if (i8)
        quant_lut8_apply(q->lut8, in->data.uint8, out->data.uint8, n);
      else
        for (size_t i = 0; i < n; i++)
          out->data.i16[i] = lut16(in->data.i16[i], q->lut16);
      return kTfLiteOk;
  }
  return kTfLiteOk;
}
