/* gemmlowp-style fixed-point helpers of the quantized activations (see
 * quant_fixed.h). Every operation is integer-only except the prepare-time
 * parameter helpers and the sigmoid table generator. */
#include "kernels/internal/quant_fixed.h"

#include <math.h>
#include <stddef.h>

int32_t qf_mul_pot(int32_t x, int exponent) {
  if (exponent == 0) return x;
  if (exponent < 0) return quant_rounding_divide_by_pot(x, -exponent);
  const int32_t threshold = (int32_t)(((int64_t)1 << (31 - exponent)) - 1);
  if (x > threshold) return INT32_MAX;
  if (x < -threshold) return INT32_MIN;
  return (int32_t)((uint32_t)x << exponent);
}

/* exp(a) for a in [-1/4, 0), Q0.31 in and out: a Taylor expansion around
 * -1/8 to the fourth order. */
static int32_t exp_quarter(int32_t a) {
  const int32_t exp_minus_eighth = 1895147668; /* exp(-1/8) in Q0.31 */
  const int32_t one_third = 715827883;         /* 1/3 in Q0.31 */
  const int32_t x = qf_add(a, 1 << 28);        /* a + 1/8 */
  const int32_t x2 = quant_srdhm(x, x);
  const int32_t x3 = quant_srdhm(x2, x);
  const int32_t x4 = quant_srdhm(x2, x2);
  const int32_t x4_over_4 = qf_mul_pot(x4, -2);
  const int32_t poly =
      qf_mul_pot(qf_add(quant_srdhm(qf_add(x4_over_4, x3), one_third), x2), -1);
  return qf_add(exp_minus_eighth,
                quant_srdhm(exp_minus_eighth, qf_add(x, poly)));
}

int32_t qf_exp_on_negative_values(int32_t a, int integer_bits) {
  const int frac = 31 - integer_bits;
  const int32_t quarter = (int32_t)1 << (frac - 2);
  const int32_t mask = quarter - 1;
  const int32_t a_mod_quarter_minus_quarter = qf_sub(a & mask, quarter);
  int32_t result =
      exp_quarter(qf_rescale(a_mod_quarter_minus_quarter, integer_bits, 0));
  const int32_t remainder = qf_sub(a_mod_quarter_minus_quarter, a);
  /* exp(-2^k) in Q0.31 for k = -2 .. 4: multiply in the factor of every
   * power of two present in the remainder. */
  static const int32_t factors[7] = {
      1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
  for (int k = -2; k <= 4; k++) {
    if (integer_bits > k) {
      const int shift = frac + k;
      if (remainder & (int32_t)((uint32_t)1 << shift))
        result = quant_srdhm(result, factors[k + 2]);
    }
  }
  if (integer_bits > 5) {
    const int32_t clamp = -(int32_t)((int32_t)1 << (36 - integer_bits));
    if (a < clamp) result = 0;
  }
  if (a == 0) result = INT32_MAX;
  return result;
}

int32_t qf_one_over_one_plus_x(int32_t a) {
  /* Newton-Raphson on the half denominator (1 + a) / 2, in Q2.29. */
  const int64_t sum = (int64_t)a + INT32_MAX;
  const int32_t half_denominator = (int32_t)((sum + (sum >= 0 ? 1 : -1)) / 2);
  const int32_t c48_17 = 1515870810;      /* 48/17 in Q2.29 */
  const int32_t c_neg32_17 = -1010580540; /* -32/17 in Q2.29 */
  int32_t x = qf_add(c48_17, quant_srdhm(half_denominator, c_neg32_17));
  for (int i = 0; i < 3; i++) {
    const int32_t hdx = quant_srdhm(half_denominator, x);
    const int32_t one_minus = qf_sub((int32_t)1 << 29, hdx);
    x = qf_add(x, qf_rescale(quant_srdhm(x, one_minus), 4, 2));
  }
  /* x / 2 is exact by relabelling Q2.29 as Q1.30; then rescale to Q0.31. */
  return qf_rescale(x, 1, 0);
}

int32_t qf_reciprocal(int32_t x, int x_integer_bits, int *num_bits_over_unit) {
  int headroom_plus_one = x > 0 ? __builtin_clz((uint32_t)x) : 31;
  *num_bits_over_unit = x_integer_bits - headroom_plus_one;
  const int32_t shifted_minus_one =
      (int32_t)(((uint32_t)x << headroom_plus_one) - ((uint32_t)1 << 31));
  return qf_one_over_one_plus_x(shifted_minus_one);
}

bool quant_softmax_scaling(double beta, double input_scale,
                           int input_integer_bits, int32_t *multiplier,
                           int *left_shift) {
  const double max_real = (double)(((int64_t)1 << 31) - 1);
  double real =
      beta * input_scale * (double)((int64_t)1 << (31 - input_integer_bits));
  if (real > max_real) real = max_real;
  if (!(real > 1.0)) return false;
  if (!quant_multiplier(real, multiplier, left_shift)) return false;
  return *left_shift >= 0;
}

int quant_input_radius(int integer_bits, int left_shift,
                       int total_signed_bits) {
  const double max_rescaled =
      1.0 * (double)((1 << integer_bits) - 1) *
      (double)((int64_t)1 << (total_signed_bits - integer_bits)) /
      (double)((int64_t)1 << left_shift);
  return (int)floor(max_rescaled);
}

bool quant_checked_log2(float x, int *log2) {
  const float l = logf(x) * (1.0f / logf(2.0f));
  const float r = roundf(l);
  *log2 = (int)r;
  return fabsf(l - r) < 1e-3f;
}

static double sigmoid_q16(double i) { return 65536.0 / (1.0 + exp(-i / 24.0)); }

void quant_sigmoid_table(uint16_t table[256]) {
  /* Each sample is lowered by half the error that linear interpolation
   * makes at the middle of its interval (the curve is concave for x > 0),
   * so that interpolated values straddle the curve. */
  for (int i = 0; i < 255; i++) {
    const double v = sigmoid_q16(i), next = sigmoid_q16(i + 1);
    const double mid = sigmoid_q16(i + 0.5);
    const double err = (v + next) / 2.0 - mid;
    const double r = floor(v - err / 2.0 + 0.5);
    table[i] = (uint16_t)(r > 65535.0 ? 65535.0 : r);
  }
  table[255] = 65535;
}

bool quant_sigmoid_i16_params(float input_scale, bool tanh, int32_t *multiplier,
                              int *left_shift) {
  int l = 0;
  bool pot = quant_checked_log2(input_scale, &l);
  *left_shift = 12 + l; /* (15 - 3 integer bits) + log2(scale) */
  pot = pot && (*left_shift == 0 || (tanh && *left_shift == 1));
  *multiplier = 0;
  if (pot) return true;
  /* Rescale the input to the table's 1 / (3 * 4096) step: +-2^17 covers
   * +-10.7. */
  double m = (double)input_scale * 4096.0 * 3.0;
  int shift = 0;
  while (m <= 32767.0 / 2.0 && shift <= 30) {
    shift++;
    m *= 2.0;
  }
  if (!(m < 2147483647.0)) return false;
  *multiplier = (int32_t)m;
  *left_shift = shift;
  return true;
}

/* The scaled input: (x * multiplier + round) >> shift (arithmetic). */
static int32_t sigmoid_scale_input(int16_t x, int32_t multiplier, int shift) {
  int64_t round = shift > 0 ? ((int64_t)1 << (shift - 1)) : 0;
  int64_t v = ((int64_t)x * multiplier + round);
  v = v >= 0 ? v >> shift : -((-v - 1) >> shift) - 1; /* floor shift */
  return (int32_t)v;
}

void quant_logistic_i16(const uint16_t *table, int32_t multiplier,
                        int left_shift, const int16_t *in, int16_t *out,
                        size_t n) {
  if (multiplier == 0) { /* power-of-two scale: the table's own step */
    multiplier = 3 << left_shift;
    left_shift = 0;
  }
  for (size_t i = 0; i < n; i++) {
    const int32_t v = sigmoid_scale_input(in[i], multiplier, left_shift);
    const uint32_t a = v < 0 ? (uint32_t)0 - (uint32_t)v : (uint32_t)v;
    const uint32_t index = a >> 9;
    uint32_t r;
    if (index >= 255) {
      r = (uint32_t)0x7FFF << 10;
    } else {
      const uint32_t lo = table[index], hi = table[index + 1];
      r = (lo << 9) + (a & 0x1FF) * (hi - lo);
    }
    r = v >= 0 ? r + (1u << 9) : (1u << 25) - r + (1u << 9) - 1;
    out[i] = (int16_t)(r >> 10);
  }
}

void quant_tanh_i16(const uint16_t *table, int32_t multiplier, int left_shift,
                    const int16_t *in, int16_t *out, size_t n) {
  if (multiplier == 0) {
    multiplier = 3 << left_shift;
    left_shift = 0;
  }
  for (size_t i = 0; i < n; i++) {
    const int32_t v = sigmoid_scale_input(in[i], multiplier, left_shift);
    const uint32_t a = v < 0 ? (uint32_t)0 - (uint32_t)v : (uint32_t)v;
    const uint32_t index = a >> 8;
    int32_t r;
    if (index >= 255) {
      r = 0xFFFF << 8;
    } else {
      const uint32_t lo = table[index], hi = table[index + 1];
      r = (int32_t)((lo << 8) + (a & 0xFF) * (hi - lo));
    }
    r = v >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1;
    out[i] = (int16_t)(r >= 0 ? r >> 8 : -((-r - 1) >> 8) - 1); /* floor */
  }
}
