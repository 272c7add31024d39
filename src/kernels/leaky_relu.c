/* LEAKY_RELU: elementwise x > 0 ? x : alpha * x for FLOAT32, with alpha from
 * LeakyReluOptions (field 0, default 0). INT8/UINT8/INT16 as TensorFlow
 * Lite's QuantizeLeakyRelu: x - zp_in >= 0 is requantized by in_scale /
 * out_scale, else by alpha * in_scale / out_scale (double-rounding
 * multipliers; a negative alpha gives a negative multiplier), plus zp_out,
 * clamped. int16 is symmetric. In the XNNPACK rounding mode, INT8/UINT8
 * compute as XNNPACK's LEAKY_RELU, which LiteRT's delegate takes when the
 * scales allow (see leaky_relu_xnn_prepare). */
#include <math.h>
#include <string.h>

#include "kernels/internal/quant_act.h"
#include "kernels/internal/quant_xnn.h"
#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

typedef struct leaky_relu_data {
  float alpha;
  int32_t in_zp, out_zp;
  int32_t mult_identity, mult_alpha;
  int shift_identity, shift_alpha;
  bool xnn;                 /* XNNPACK arithmetic (int8/uint8) */
  int32_t xnn_pos, xnn_neg; /* Q8 multipliers for x >= zp_in and x < zp_in */
} leaky_relu_data;

static const TfLiteType leaky_relu_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                              kTfLiteUInt8, kTfLiteInt16};

/* quant_multiplier extended to negative reals (sign on the multiplier). */
static bool leaky_relu_multiplier(double real, int32_t *m, int *shift) {
  if (real >= 0.0) return quant_multiplier(real, m, shift);
  if (!quant_multiplier(-real, m, shift)) return false;
  *m = -*m;
  return true;
}

static int32_t leaky_relu_q(const leaky_relu_data *d, int32_t x) {
  const int32_t v = x - d->in_zp;
  return quant_sat_add(
      d->out_zp,
      v >= 0 ? quant_mul_by_multiplier(v, d->mult_identity, d->shift_identity)
             : quant_mul_by_multiplier(v, d->mult_alpha, d->shift_alpha));
}

/* XNNPACK's quantized LEAKY_RELU: v = x - zp_in, multiplied by the Q8
 * multiplier of its side, plus zp_out * 256 + 128, arithmetic shift right by
 * 8 (floor), clamped by the caller. */
static int32_t leaky_relu_xnn(const leaky_relu_data *d, int32_t x) {
  const int32_t v = x - d->in_zp;
  const int32_t acc =
      d->out_zp * 256 + 128 + v * (v >= 0 ? d->xnn_pos : d->xnn_neg);
  return acc >= 0 ? acc >> 8 : -((-acc - 1) >> 8) - 1;
}

/* Whether LiteRT's XNNPACK delegate takes this int8/uint8 LEAKY_RELU (its
 * checks: alpha normal and non-zero, s_in / s_out in [1/256, 128], that
 * ratio times alpha in [-127.99609375, 128] with a magnitude of at least
 * 1/256, all in float), and XNNPACK's multipliers rint(256 * ratio). */
static void leaky_relu_xnn_prepare(leaky_relu_data *d, float s_in,
                                   float s_out) {
  d->xnn = false;
  if (!isnormal(d->alpha)) return;
  const float pos = s_in / s_out;
  if (!(pos >= 1.0f / 256.0f && pos <= 128.0f)) return;
  const float neg = pos * d->alpha;
  if (!(neg >= -127.99609375f && neg <= 128.0f) || fabsf(neg) < 1.0f / 256.0f)
    return;
  d->xnn_pos = (int32_t)lrintf(256.0f * pos);
  d->xnn_neg = (int32_t)lrintf(256.0f * neg);
  d->xnn = true;
}

static void *leaky_relu_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  leaky_relu_data *d = ctx->AllocatePersistentBuffer(ctx, sizeof *d);
  if (d) memset(d, 0, sizeof *d);
  return d;
}

static TfLiteStatus leaky_relu_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  leaky_relu_data *d = (leaky_relu_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_OK(kern_unary_prepare(ctx, node, leaky_relu_types, 4));
  const tflc_options_ref *o = kern_options(node);
  d->alpha = (o && opt_is(o, TFLC_BO_LEAKY_RELU)) ? opt_f32(o, 0, 0.0f) : 0.0f;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *out = kern_output(ctx, node, 0);
  if (in->type == kTfLiteFloat32) return kTfLiteOk;
  KERN_OK(quant_act_check_io(ctx, in, out));
  d->in_zp = in->params.zero_point;
  d->out_zp = out->params.zero_point;
  const double ratio = (double)in->params.scale / (double)out->params.scale;
  const double alpha_ratio =
      (double)in->params.scale * (double)d->alpha / (double)out->params.scale;
  KERN_ENSURE(
      ctx,
      quant_multiplier(ratio, &d->mult_identity, &d->shift_identity) &&
          leaky_relu_multiplier(alpha_ratio, &d->mult_alpha, &d->shift_alpha),
      "alpha %g with scales %g / %g cannot be represented", (double)d->alpha,
      (double)in->params.scale, (double)out->params.scale);
  d->xnn = false;
  if (quant_xnn_mode(ctx) && in->type != kTfLiteInt16)
    leaky_relu_xnn_prepare(d, in->params.scale, out->params.scale);
  return kTfLiteOk;
}

static TfLiteStatus leaky_relu_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const leaky_relu_data *d = (const leaky_relu_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32: {
      const float alpha = d->alpha;
      const float *x = in->data.f;
      float *y = out->data.f;
      size_t n = kern_num_elements(in);
      for (size_t i = 0; i < n; i++) y[i] = x[i] > 0.0f ? x[i] : x[i] * alpha;
      return kTfLiteOk;
    }
    case kTfLiteInt8:
      if (d->xnn)
        QUANT_ACT_LOOP(in, out, quant_clamp(leaky_relu_xnn(d, x), -128, 127));
      else
        QUANT_ACT_LOOP(in, out, quant_clamp(leaky_relu_q(d, x), -128, 127));
      return kTfLiteOk;
    case kTfLiteUInt8:
      if (d->xnn)
        QUANT_ACT_LOOP(in, out, quant_clamp(leaky_relu_xnn(d, x), 0, 255));
      else
        QUANT_ACT_LOOP(in, out, quant_clamp(leaky_relu_q(d, x), 0, 255));
      return kTfLiteOk;
    case kTfLiteInt16:
      QUANT_ACT_LOOP(in, out, quant_clamp(leaky_relu_q(d, x), -32768, 32767));
      return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_leaky_relu = {.init = leaky_relu_init,
                                            .prepare = leaky_relu_prepare,
                                            .invoke = leaky_relu_invoke};
