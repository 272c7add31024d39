/* Quantized LOG_SOFTMAX loops and the fixed-point log (see
 * quant_log_softmax.h). Integer only, except the prepare-time multipliers. */
#include "kernels/internal/quant_log_softmax.h"

#include "kernels/internal/quant_arith.h"
#include "kernels/internal/quant_fixed.h"

static int clz32(int32_t x) { return x == 0 ? 32 : __builtin_clz((uint32_t)x); }

static int32_t sat_add(int32_t a, int32_t b) {
  const int64_t s = (int64_t)a + b;
  return (int32_t)(s > INT32_MAX ? INT32_MAX : (s < INT32_MIN ? INT32_MIN : s));
}

static int32_t sat_sub(int32_t a, int32_t b) {
  const int64_t s = (int64_t)a - b;
  return (int32_t)(s > INT32_MAX ? INT32_MAX : (s < INT32_MIN ? INT32_MIN : s));
}

/* gemmlowp RoundingHalfSum: (a + b) / 2, ties away from zero. */
static int32_t half_sum(int32_t a, int32_t b) {
  const int64_t s = (int64_t)a + b;
  return (int32_t)((s + (s >= 0 ? 1 : -1)) / 2);
}

int32_t qf_log_x_ge_1(int32_t x, int input_bits, int output_bits) {
  /* Q0.31 constants: log(2), 2^-1/4, 2^-1/2, 1/4 and the coefficients of
   * the rational approximation (11/240, 1/20, 2/2^(1/4) - 2^(1/4), 1/4,
   * each times 2^(1/4) where the method says so). */
  const int32_t log_2 = 1488522236, sqrt_sqrt_half = 1805811301;
  const int32_t sqrt_half = 1518500250, one_quarter = 536870912;
  const int32_t alpha_n = 117049297, alpha_d = 127690142;
  const int32_t alpha_i = 1057819769, alpha_f = 638450708;
  const int accum_bits = output_bits + 1; /* one bit of headroom */
  const int32_t shifted_quarter = qf_rescale(one_quarter, 0, accum_bits);

  /* Two normalisations of x to [1/2, 1) (Q0.31), by its leading zeros and
   * by those of x / sqrt(2); keep the one with the smaller mantissa and the
   * larger power-of-two adjustment (each +- 1/4). */
  const int za_headroom_plus_1 = clz32(x);
  const int32_t ra_tmp = qf_mul_pot(x, za_headroom_plus_1 - 1);
  const int32_t ra = qf_mul_pot(quant_srdhm(ra_tmp, sqrt_half), 1);
  const int32_t za_adj =
      sat_add(qf_mul_pot(input_bits - za_headroom_plus_1, 31 - accum_bits),
              shifted_quarter);
  const int32_t zb = quant_srdhm(x, sqrt_half);
  const int zb_headroom = clz32(zb) - 1;
  const int32_t rb = qf_mul_pot(x, zb_headroom);
  const int32_t zb_adj = sat_sub(
      qf_mul_pot(input_bits - zb_headroom, 31 - accum_bits), shifted_quarter);
  const int32_t r = ra < rb ? ra : rb;
  const int32_t z_pow_2_adj = za_adj > zb_adj ? za_adj : zb_adj;

  const int32_t p = half_sum(r, sqrt_sqrt_half);
  int32_t q = qf_sub(r, sqrt_sqrt_half);
  q = qf_add(q, q);
  const int32_t common_sq = quant_srdhm(q, q);
  const int32_t num = qf_add(quant_srdhm(q, r),
                             quant_srdhm(quant_srdhm(q, common_sq), alpha_n));
  const int32_t denom_minus_one = qf_add(
      quant_srdhm(p,
                  qf_add(qf_add(alpha_i, q), quant_srdhm(alpha_d, common_sq))),
      quant_srdhm(alpha_f, q));
  const int32_t recip_denom = qf_one_over_one_plus_x(denom_minus_one);
  const int32_t num_scaled = qf_rescale(num, 0, accum_bits);
  const int32_t sum = qf_add(quant_srdhm(z_pow_2_adj, log_2),
                             quant_srdhm(num_scaled, recip_denom));
  return qf_rescale(sum, accum_bits, output_bits);
}

enum { kInputBits = 5, kAccumBits = 12, kOutputBits = 4 };

bool quant_log_softmax_prepare(double input_scale, bool is_uint8,
                               quant_log_softmax *p) {
  if (!quant_softmax_scaling(1.0, input_scale, kInputBits, &p->input_multiplier,
                             &p->input_left_shift))
    return false;
  const double reverse = (double)((int64_t)1 << (31 - p->input_left_shift)) /
                         (double)p->input_multiplier;
  if (!(reverse < 1.0) ||
      !quant_multiplier(reverse, &p->reverse_multiplier, &p->reverse_shift) ||
      p->reverse_shift > 0)
    return false;
  p->diff_min = -quant_input_radius(kInputBits, p->input_left_shift, 31);
  p->qmin = is_uint8 ? 0 : -128;
  p->qmax = is_uint8 ? 255 : 127;
  return true;
}

static int32_t load(const void *v, bool is_uint8, size_t i) {
  return is_uint8 ? (int32_t)((const uint8_t *)v)[i]
                  : (int32_t)((const int8_t *)v)[i];
}

void quant_log_softmax_row(const quant_log_softmax *p, bool is_uint8,
                           const void *in, void *out, size_t depth) {
  int32_t max = p->qmin;
  for (size_t i = 0; i < depth; i++) {
    const int32_t v = load(in, is_uint8, i);
    if (v > max) max = v;
  }
  int32_t sum_q12 = 0;
  for (size_t i = 0; i < depth; i++) {
    const int32_t diff = load(in, is_uint8, i) - max;
    if (diff >= p->diff_min) {
      const int32_t d_q5 = quant_mul_by_multiplier(diff, p->input_multiplier,
                                                   p->input_left_shift);
      sum_q12 = qf_add(
          sum_q12, qf_rescale(qf_exp_on_negative_values(d_q5, kInputBits), 0,
                              kAccumBits));
    }
  }
  const int32_t log_sum_q5 = qf_log_x_ge_1(sum_q12, kAccumBits, kInputBits);
  /* Differences whose result is below the smallest Q5.26 value give the
   * type's minimum. */
  const int32_t shifted = qf_add(log_sum_q5, INT32_MIN);
  const int32_t reverse =
      quant_mul_by_multiplier(shifted, p->reverse_multiplier, p->reverse_shift);
  const int32_t adjusted_diff_min =
      p->diff_min - 1 > reverse ? p->diff_min - 1 : reverse;
  for (size_t i = 0; i < depth; i++) {
    const int32_t diff = load(in, is_uint8, i) - max;
    int32_t v = p->qmin;
    if (diff > adjusted_diff_min) {
      const int32_t d_q5 = quant_mul_by_multiplier(diff, p->input_multiplier,
                                                   p->input_left_shift);
      v = quant_rounding_divide_by_pot(qf_sub(d_q5, log_sum_q5),
                                       31 - kInputBits - kOutputBits) +
          p->qmax;
      v = v < p->qmin ? p->qmin : (v > p->qmax ? p->qmax : v);
    }
    if (is_uint8)
      ((uint8_t *)out)[i] = (uint8_t)v;
    else
      ((int8_t *)out)[i] = (int8_t)v;
  }
}
