/* SOFTMAX: exp(beta * (x - max)) / sum over the last axis (the max is
 * subtracted for numerical stability). SoftmaxOptions: beta (field 0).
 * float32; quantized as TensorFlow Lite's reference kernels (see
 * docs/QUANTIZATION.md): int8/uint8 input (output int8, uint8 or int16) in
 * gemmlowp fixed point (Q5.26 differences, exp on negative values, Q12.19
 * sum, fixed-point reciprocal); int16 with the interpolated exp and
 * 1 / (1 + x) tables. Fixed output parameters: int8 (1/256, -128), uint8
 * (1/256, 0), int16 (1/32768, 0). */
#include <math.h>

#include "kernels/internal/quant_act.h"
#include "kernels/internal/quant_fixed.h"
#include "kernels/internal/quant_lut.h"
#include "kernels/kernel_util.h"

enum { SOFTMAX_OPT_BETA = 0 };

typedef struct softmax_data {
  float beta;
  size_t rows;  /* product of all dims but the last */
  size_t depth; /* last dim */
  /* int8 / uint8 input */
  int32_t multiplier; /* beta * input_scale in Q5.26 steps */
  int left_shift;
  int32_t diff_min; /* differences below are treated as exp() = 0 */
  /* int16 input */
  int shift;
  int16_t exp_lut[513];   /* exp(x), x in [-10, 0] */
  int16_t recip_lut[513]; /* 1 / (1 + x), x in [0, 1] */
} softmax_data;

static double softmax_exp(double x) { return exp(x); }
static double softmax_recip(double x) { return 1.0 / (1.0 + x); }

/* Checks and precomputation of the quantized forms. */
static TfLiteStatus softmax_prepare_quant(TfLiteContext *ctx, softmax_data *d,
                                          const TfLiteTensor *in,
                                          const TfLiteTensor *out) {
  const TfLiteType it = in->type, ot = out->type;
  KERN_ENSURE(ctx, ot == it || (ot == kTfLiteInt16 && it != kTfLiteInt16),
              "output type %s with input type %s is not supported",
              kern_type_name(ot), kern_type_name(it));
  KERN_OK(quant_act_check(ctx, in));
  char msg[256];
  if (!quant_check_params(out, -1, msg, (int)sizeof msg)) {
    ctx->ReportError(ctx, "%s", msg);
    return kTfLiteError;
  }
  if (it == kTfLiteInt8 && ot == kTfLiteInt8)
    KERN_OK(quant_act_fixed_output(ctx, out, "SOFTMAX", 1.0 / 256, -128, true));
  if (it == kTfLiteUInt8 && ot == kTfLiteUInt8)
    KERN_OK(quant_act_fixed_output(ctx, out, "SOFTMAX", 1.0 / 256, 0, true));
  if (it == kTfLiteInt16) {
    KERN_OK(quant_act_fixed_output(ctx, out, "SOFTMAX", 1.0 / 32768, 0, true));
    KERN_ENSURE(ctx, kern_ndims(in) <= 4,
                "int16 input must have rank 1 to 4, got %d", kern_ndims(in));
    const double range = 65535.0;
    quant_lut16_build(10.0 / range, 32767, 2.0 / range, 0, softmax_exp,
                      d->exp_lut);
    quant_lut16_build(1.0 / range, -32768, 2.0 / range, 0, softmax_recip,
                      d->recip_lut);
    const double real =
        (double)in->params.scale * (double)d->beta / (10.0 / 65535.0);
    KERN_ENSURE(ctx, quant_multiplier(real, &d->multiplier, &d->shift),
                "input scale %g with beta %g cannot be represented",
                (double)in->params.scale, (double)d->beta);
    return kTfLiteOk;
  }
  KERN_ENSURE(ctx,
              quant_softmax_scaling((double)d->beta, (double)in->params.scale,
                                    5, &d->multiplier, &d->left_shift),
              "beta %g times input scale %g is too small for the fixed-point "
              "softmax",
              (double)d->beta, (double)in->params.scale);
  d->diff_min = -quant_input_radius(5, d->left_shift, 31);
  return kTfLiteOk;
}

/* One row of the int8/uint8 softmax: IT input type, OT output type. */
#define SOFTMAX_Q8_ROWS(IT, OT, OMIN, OMAX)                                   \
  do {                                                                        \
    const IT *x = (const IT *)in->data.raw_const;                             \
    OT *y = (OT *)out->data.raw;                                              \
    for (size_t r = 0; r < d->rows; r++, x += d->depth, y += d->depth) {      \
      int32_t max = x[0];                                                     \
      for (size_t i = 1; i < d->depth; i++)                                   \
        if (x[i] > max) max = x[i];                                           \
      int32_t sum = 0; /* Q12.19 */                                           \
      for (size_t i = 0; i < d->depth; i++) {                                 \
        const int32_t diff = (int32_t)x[i] - max;                             \
        if (diff >= d->diff_min)                                              \
          sum = qf_add(sum, qf_rescale(softmax_exp_q5(d, diff), 0, 12));      \
      }                                                                       \
      int bits_over_unit = 0;                                                 \
      const int32_t scale = qf_reciprocal(sum, 12, &bits_over_unit);          \
      const int exponent = bits_over_unit + 31 - (int)(8 * sizeof(OT));       \
      for (size_t i = 0; i < d->depth; i++) {                                 \
        const int32_t diff = (int32_t)x[i] - max;                             \
        int32_t v = OMIN;                                                     \
        if (diff >= d->diff_min) {                                            \
          const int32_t e = softmax_exp_q5(d, diff);                          \
          v = quant_rounding_divide_by_pot(quant_srdhm(scale, e), exponent) + \
              OMIN;                                                           \
        }                                                                     \
        y[i] = (OT)quant_clamp(v, OMIN, OMAX);                                \
      }                                                                       \
    }                                                                         \
  } while (0)

/* exp(beta * input_scale * diff) in Q0.31 for diff <= 0 (rescaled into
 * Q5.26 by a left shift and the multiplier). */
static int32_t softmax_exp_q5(const softmax_data *d, int32_t diff) {
  const int32_t shifted = (int32_t)((uint32_t)diff << d->left_shift);
  return qf_exp_on_negative_values(quant_srdhm(shifted, d->multiplier), 5);
}

static void softmax_q8(const softmax_data *d, const TfLiteTensor *in,
                       TfLiteTensor *out) {
  if (in->type == kTfLiteInt8) {
    if (out->type == kTfLiteInt8)
      SOFTMAX_Q8_ROWS(int8_t, int8_t, -128, 127);
    else
      SOFTMAX_Q8_ROWS(int8_t, int16_t, -32768, 32767);
  } else {
    if (out->type == kTfLiteUInt8)
      SOFTMAX_Q8_ROWS(uint8_t, uint8_t, 0, 255);
    else
      SOFTMAX_Q8_ROWS(uint8_t, int16_t, -32768, 32767);
  }
}

static void softmax_i16(const softmax_data *d, const int16_t *x, int16_t *y) {
  for (size_t r = 0; r < d->rows; r++, x += d->depth, y += d->depth) {
    int16_t max = x[0];
    for (size_t i = 1; i < d->depth; i++)
      if (x[i] > max) max = x[i];
    int32_t sum = 0; /* Q16.15; the exps are kept in the output row */
    for (size_t i = 0; i < d->depth; i++) {
      const int32_t scaled =
          quant_mul_by_multiplier((int32_t)x[i] - max, d->multiplier, d->shift);
      const int16_t sym = (int16_t)quant_clamp(scaled + 32767, -32768, 32767);
      y[i] = quant_lut16_lookup(sym, d->exp_lut);
      sum += y[i];
    }
    const int headroom_plus_one = __builtin_clz((uint32_t)sum);
    const int32_t shifted_sum =
        (int32_t)((((int64_t)sum << (headroom_plus_one - 1)) + (1 << 13)) >>
                  14);
    const int16_t sym_sum = (int16_t)quant_clamp(
        shifted_sum - ((1 << 15) + (1 << 16)), -32768, 32767);
    const int16_t recip = quant_lut16_lookup(sym_sum, d->recip_lut);
    const int right_shift = 31 - headroom_plus_one;
    const int64_t round = (int64_t)1 << (right_shift - 1);
    for (size_t i = 0; i < d->depth; i++) {
      const int64_t v = ((int64_t)y[i] * recip + round) >> right_shift;
      y[i] = (int16_t)(v < 0 ? 0 : (v > 32767 ? 32767 : v));
    }
  }
}

KERN_OP_DATA_INIT(softmax_init, softmax_data)

static TfLiteStatus softmax_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  softmax_data *d = (softmax_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_OK(kern_check_single_io(ctx, node));
  TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, kern_ndims(in) >= 1, "input must have rank >= 1, got %d",
              kern_ndims(in));
  KERN_ENSURE(ctx,
              in->type == kTfLiteFloat32 || quant_act_is_quantized(in->type),
              "input type %s is not supported (FLOAT32, INT8, UINT8, INT16)",
              kern_type_name(in->type));
  d->beta = opt_f32(kern_options(node), SOFTMAX_OPT_BETA, 0.0f);
  if (in->type != kTfLiteFloat32) {
    KERN_OK(softmax_prepare_quant(ctx, d, in, out));
  } else {
    KERN_ENSURE(ctx, out->type == in->type,
                "output type %s differs from input type %s",
                kern_type_name(out->type), kern_type_name(in->type));
  }
  d->depth = (size_t)kern_dim(in, kern_ndims(in) - 1);
  d->rows = 1;
  for (int i = 0; i < kern_ndims(in) - 1; i++)
    d->rows *= (size_t)kern_dim(in, i);
  return kern_resize_like(ctx, out, in);
}

static TfLiteStatus softmax_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const softmax_data *d = (const softmax_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (d->depth == 0 || d->rows == 0) return kTfLiteOk;
  if (in->type == kTfLiteInt8 || in->type == kTfLiteUInt8) {
    softmax_q8(d, in, out);
    return kTfLiteOk;
  }
  if (in->type == kTfLiteInt16) {
    softmax_i16(d, in->data.i16, out->data.i16);
    return kTfLiteOk;
  }
  const float *x = in->data.f;
  float *y = out->data.f;
  for (size_t r = 0; r < d->rows; r++, x += d->depth, y += d->depth) {
    float m = x[0];
    for (size_t i = 1; i < d->depth; i++)
      if (x[i] > m) m = x[i];
    float sum = 0.0f;
    for (size_t i = 0; i < d->depth; i++) {
      y[i] = expf((x[i] - m) * d->beta);
      sum += y[i];
    }
    for (size_t i = 0; i < d->depth; i++) y[i] /= sum;
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_softmax = {
    .init = softmax_init,
    .prepare = softmax_prepare,
    .invoke = softmax_invoke,
    .builtin_code = TFLC_OP_SOFTMAX,
    .version = 1,
};
