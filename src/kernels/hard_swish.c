/* HARD_SWISH: elementwise x * relu6(x + 3) / 6. FLOAT32; INT8/UINT8 as
 * TensorFlow Lite's reference kernel in 16-bit fixed point: the input on a
 * 2^7 finer scale, a "relu-ish" factor in [0, 1] from a saturating
 * rescale of x to [-3, 3] -> [-1, 1], multiplied (truncating doubling high
 * multiply) with the input on the pre-shift output scale, then a rounding
 * shift and the output zero point. Multipliers are computed in float and
 * reduced to 16 bits at prepare (see docs/QUANTIZATION.md). */
#include "kernels/internal/quant_act.h"
#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

typedef struct hard_swish_data {
  int32_t in_zp, out_zp;
  int16_t out_mult, reluish_mult; /* Q0.15 */
  int out_exp, reluish_exp;
} hard_swish_data;

static const TfLiteType hard_swish_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                              kTfLiteUInt8};

static inline float hard_swish_relu6(float v) {
  return v > 0.0f ? (v < 6.0f ? v : 6.0f) : 0.0f;
}

static inline float hard_swish_f32(float x) {
  return x * hard_swish_relu6(x + 3.0f) / 6.0f;
}

/* Q0.31 multiplier rounded to Q0.15 (saturating). */
static int16_t hard_swish_mult16(int32_t m) {
  if (m >= INT32_MAX - (1 << 15)) return INT16_MAX;
  return (int16_t)((m + (1 << 15)) >> 16);
}

static int16_t srdhm16(int16_t a, int16_t b) {
  if (a == INT16_MIN && b == INT16_MIN) return INT16_MAX;
  const int32_t ab = (int32_t)a * b;
  const int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
  return (int16_t)((ab + nudge) / (1 << 15));
}

static int16_t sdhm16(int16_t a, int16_t b) { /* truncating */
  if (a == INT16_MIN && b == INT16_MIN) return INT16_MAX;
  return (int16_t)(((int32_t)a * b) / (1 << 15));
}

static int16_t sat_lshift16(int16_t v, int amount) {
  const int64_t r = (int64_t)v * ((int64_t)1 << amount);
  return (int16_t)(r > INT16_MAX ? INT16_MAX : (r < INT16_MIN ? INT16_MIN : r));
}

static int32_t hard_swish_q(const hard_swish_data *d, int32_t x) {
  const int16_t v = (int16_t)(x - d->in_zp);
  const int16_t hires = (int16_t)(v * 128);
  const int16_t preshift = srdhm16(hires, d->out_mult);
  int16_t reluish = hires;
  if (d->reluish_exp > 0) reluish = sat_lshift16(reluish, d->reluish_exp - 1);
  reluish = srdhm16(reluish, d->reluish_mult);
  if (d->reluish_exp > 0) reluish = sat_lshift16(reluish, 1);
  if (d->reluish_exp < 0)
    reluish = (int16_t)quant_rounding_divide_by_pot(reluish, -d->reluish_exp);
  reluish = (int16_t)((reluish + (1 << 15)) >> 1);
  const int16_t pre_out = sdhm16(reluish, preshift);
  const int16_t o = (int16_t)quant_rounding_divide_by_pot(pre_out, -d->out_exp);
  return (int16_t)(o + d->out_zp);
}

KERN_OP_DATA_INIT(hard_swish_init, hard_swish_data)

static TfLiteStatus hard_swish_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_unary_prepare(ctx, node, hard_swish_types, 3));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *out = kern_output(ctx, node, 0);
  if (in->type == kTfLiteFloat32) return kTfLiteOk;
  hard_swish_data *d = (hard_swish_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_OK(quant_act_check_io(ctx, in, out));
  d->in_zp = in->params.zero_point;
  d->out_zp = out->params.zero_point;
  /* Float arithmetic, as TensorFlow Lite's prepare. */
  const float hires_scale = (1.0f / 128.0f) * in->params.scale;
  const float out_multiplier = hires_scale / out->params.scale;
  const float reluish_multiplier = hires_scale / (3.0f / 32768.0f);
  int32_t m = 0;
  KERN_ENSURE(ctx, quant_multiplier(out_multiplier, &m, &d->out_exp),
              "output multiplier %g cannot be represented",
              (double)out_multiplier);
  d->out_mult = hard_swish_mult16(m);
  KERN_ENSURE(ctx, d->out_exp <= 0,
              "input scale %g / output scale %g is too large (the output "
              "multiplier must be below 1)",
              (double)in->params.scale, (double)out->params.scale);
  KERN_ENSURE(ctx, quant_multiplier(reluish_multiplier, &m, &d->reluish_exp),
              "input scale %g cannot be represented", (double)in->params.scale);
  d->reluish_mult = hard_swish_mult16(m);
  return kTfLiteOk;
}

static TfLiteStatus hard_swish_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const hard_swish_data *d = (const hard_swish_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32:
      kern_unary_map_f32(in, out, hard_swish_f32);
      return kTfLiteOk;
    case kTfLiteInt8:
      QUANT_ACT_LOOP(in, out, quant_clamp(hard_swish_q(d, x), -128, 127));
      return kTfLiteOk;
    case kTfLiteUInt8:
      QUANT_ACT_LOOP(in, out, quant_clamp(hard_swish_q(d, x), 0, 255));
      return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_hard_swish = {.init = hard_swish_init,
                                            .prepare = hard_swish_prepare,
                                            .invoke = hard_swish_invoke};
