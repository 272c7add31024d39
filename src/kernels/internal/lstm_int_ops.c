/* Integer building blocks of the integer LSTM (see lstm_int_ops.h): gemmlowp
 * 16-bit fixed point (sigmoid, tanh), the inverse square root multiplier,
 * the integer layer norm and the requantizing matrix products. Int16
 * fixed-point arithmetic wraps like gemmlowp's generic (non-SIMD) code:
 * plain + and - wrap to 16 bits, only the documented operations saturate. */
#include "kernels/internal/lstm_int_ops.h"

#include "kernels/internal/quant_arith.h"
#include "kernels/internal/quant_fixed.h"

/* ---- 16-bit gemmlowp fixed point ----------------------------------------- */

static int16_t w16(int32_t v) { return (int16_t)(uint16_t)(uint32_t)v; }

static int16_t sat16(int32_t v) {
  return (int16_t)(v > INT16_MAX ? INT16_MAX : (v < INT16_MIN ? INT16_MIN : v));
}

/* SaturatingRoundingDoublingHighMul on int16. */
static int16_t srdhm16(int16_t a, int16_t b) {
  if (a == INT16_MIN && b == INT16_MIN) return INT16_MAX;
  const int32_t ab = (int32_t)a * (int32_t)b;
  const int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
  return (int16_t)((ab + nudge) / (1 << 15));
}

/* Rounding (half away from zero) right shift on int16. */
static int16_t rdbp16(int16_t x, int e) {
  if (e <= 0) return x;
  const int32_t mask = (1 << e) - 1;
  const int32_t rem = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return w16((x >> e) + (rem > threshold ? 1 : 0));
}

/* x * 2^e: saturating for e > 0, rounding for e < 0. */
static int16_t mulpot16(int16_t x, int e) {
  if (e < 0) return rdbp16(x, -e);
  if (e == 0) return x;
  const int32_t threshold = (1 << (15 - e)) - 1;
  if (x > threshold) return INT16_MAX;
  if (x < -threshold) return INT16_MIN;
  return w16((int32_t)x * (1 << e));
}

/* A 32-bit fixed-point constant rounded to 16 bits (gemmlowp's
 * RescaleConstantInitializer). */
static int16_t k16(int32_t v) {
  return (int16_t)quant_rounding_divide_by_pot(v, 16);
}

static int16_t rounding_half_sum16(int16_t a, int16_t b) {
  const int32_t sum = (int32_t)a + (int32_t)b;
  return (int16_t)((sum + (sum >= 0 ? 1 : -1)) / 2);
}

/* exp(a) for a in [-1/4, 0), Q0.15. */
static int16_t exp_quarter16(int16_t a) {
  const int16_t c = k16(1895147668);    /* exp(-1/8) */
  const int16_t third = k16(715827883); /* 1/3 */
  const int16_t x = w16(a + (1 << 12)); /* a + 1/8 */
  const int16_t x2 = srdhm16(x, x);
  const int16_t x3 = srdhm16(x2, x);
  const int16_t x4 = srdhm16(x2, x2);
  const int16_t x4_over_4 = mulpot16(x4, -2);
  const int16_t poly =
      mulpot16(w16(srdhm16(w16(x4_over_4 + x3), third) + x2), -1);
  return sat16((int32_t)c + srdhm16(c, w16(x + poly)));
}

/* exp(a) for a <= 0 with ib integer bits; Q0.15. */
static int16_t exp_neg16(int16_t a, int ib) {
  static const int32_t factors[7] = {
      1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
  const int frac = 15 - ib;
  const int16_t quarter = (int16_t)(1 << (frac - 2));
  const int16_t mask = (int16_t)(quarter - 1);
  const int16_t amq = w16((a & mask) - quarter);
  int16_t result = exp_quarter16(mulpot16(amq, ib));
  const int16_t rem = w16(amq - a);
  for (int k = -2; k <= 4; k++) {
    if (ib > k && (rem & (1 << (frac + k))))
      result = srdhm16(result, k16(factors[k + 2]));
  }
  if (ib > 5) {
    const int16_t clamp = k16(-(int32_t)(1 << (36 - ib)));
    if (a < clamp) result = 0;
  }
  if (a == 0) result = INT16_MAX;
  return result;
}

/* Newton-Raphson for 1 / (1 + a), a in [0, 1) Q0.15; returns x in Q2.13. */
static int16_t newton16(int16_t half_denominator) {
  const int16_t c48_17 = k16(1515870810);
  const int16_t cm32_17 = k16(-1010580540);
  const int16_t one = 1 << 13;
  int16_t x = w16(c48_17 + srdhm16(half_denominator, cm32_17));
  for (int i = 0; i < 3; i++) {
    const int16_t hx = srdhm16(half_denominator, x);
    const int16_t one_minus = w16(one - hx);
    x = w16(x + mulpot16(srdhm16(x, one_minus), 2));
  }
  return x;
}

int16_t lstm_logistic16(int16_t a, int integer_bits) {
  if (a == 0) return k16(1 << 30);
  const int16_t abs_a = a > 0 ? a : w16(-a);
  const int16_t e = exp_neg16(w16(-abs_a), integer_bits);
  /* 1 / (1 + e): Q2.13 halved back to Q0.15. */
  const int16_t pos = mulpot16(newton16(rounding_half_sum16(e, INT16_MAX)), 1);
  return a > 0 ? pos : w16(INT16_MAX - pos);
}

int16_t lstm_tanh16(int16_t a, int integer_bits) {
  if (a == 0) return 0;
  const int16_t n = a < 0 ? a : w16(-a);
  const int16_t e = exp_neg16(n, integer_bits + 1); /* exp(-2|a|) */
  const int16_t x = newton16(rounding_half_sum16(e, INT16_MAX));
  const int16_t t = mulpot16(w16(x - (1 << 13)), 2); /* (1-e)/(1+e) */
  return a < 0 ? w16(-t) : t;
}

/* ---- inverse square root --------------------------------------------------
 */

void lstm_inv_sqrt_multiplier(int32_t input, int reverse_shift,
                              int32_t *multiplier, int *shift) {
  if (input <= 1) {
    *multiplier = INT32_MAX;
    *shift = 0;
    return;
  }
  int s = 11;
  while (input >= (1 << 29)) {
    input /= 4;
    s++;
  }
  const int max_left_shift_bits = __builtin_clz((uint32_t)input) - 1;
  const int left_pairs = max_left_shift_bits / 2 - 1;
  s -= left_pairs;
  input = (int32_t)((uint32_t)input << (2 * left_pairs));
  /* Newton-Raphson in Q3.28 from x = 1. */
  const int32_t x_in = input >> 1;
  const int32_t half_in = qf_mul_pot(x_in, -1);
  const int32_t half_three = (1 << 28) + (1 << 27);
  int32_t x = 1 << 28;
  for (int i = 0; i < 5; i++) {
    const int32_t x3 = qf_mul_pot(quant_srdhm(quant_srdhm(x, x), x), 6);
    x = qf_mul_pot(qf_sub(quant_srdhm(half_three, x), quant_srdhm(half_in, x3)),
                   3);
  }
  x = quant_srdhm(x, 1518500250); /* * sqrt(2) / 2 */
  if (s < 0) {
    x = (int32_t)((uint32_t)x << -s);
    s = 0;
  }
  *multiplier = x;
  *shift = s * reverse_shift;
}

/* ---- matrix and element-wise products ------------------------------------ */

static int32_t dot8(const int8_t *a, const int8_t *b, int n) {
  int32_t acc = 0;
  for (int i = 0; i < n; i++) acc += (int32_t)a[i] * (int32_t)b[i];
  return acc;
}

void lstm_matmul_acc16(const int8_t *in, const int32_t *bias, const int8_t *w,
                       int32_t m, int s, int n_batch, int n_in, int n_out,
                       int16_t *out) {
  for (int b = 0; b < n_batch; b++) {
    const int8_t *x = in + (size_t)b * (size_t)n_in;
    int16_t *o = out + (size_t)b * (size_t)n_out;
    for (int r = 0; r < n_out; r++) {
      const uint32_t acc =
          (uint32_t)bias[r] +
          (uint32_t)dot8(x, w + (size_t)r * (size_t)n_in, n_in);
      const int32_t v = quant_mul_by_multiplier((int32_t)acc, m, s);
      o[r] = sat16((int32_t)((int64_t)v + o[r]));
    }
  }
}

void lstm_matmul_acc8(const int8_t *in, const int32_t *bias, const int8_t *w,
                      int32_t m, int s, int n_batch, int n_in, int n_out,
                      int32_t zp, int8_t *out) {
  for (int b = 0; b < n_batch; b++) {
    const int8_t *x = in + (size_t)b * (size_t)n_in;
    int8_t *o = out + (size_t)b * (size_t)n_out;
    for (int r = 0; r < n_out; r++) {
      const uint32_t acc =
          (uint32_t)bias[r] +
          (uint32_t)dot8(x, w + (size_t)r * (size_t)n_in, n_in);
      int64_t v =
          (int64_t)quant_mul_by_multiplier((int32_t)acc, m, s) + zp + o[r];
      o[r] = (int8_t)(v > 127 ? 127 : (v < -128 ? -128 : v));
    }
  }
}

void lstm_peephole_acc16(const int16_t *w, int v_size, const int16_t *c,
                         int n_batch, int32_t m, int s, int16_t *out) {
  const size_t n = (size_t)n_batch * (size_t)v_size;
  for (size_t i = 0; i < n; i++) {
    const int32_t prod = (int32_t)w[i % (size_t)v_size] * (int32_t)c[i];
    out[i] = sat16(quant_sat_add(quant_mul_by_multiplier(prod, m, s), out[i]));
  }
}

void lstm_layer_norm16(const int16_t *in, const int16_t *weights,
                       const int32_t *bias, int32_t scale_m, int scale_s,
                       int32_t variance_limit, int n_batch, int n,
                       int16_t *out) {
  const int32_t two20 = 1 << 20;
  for (int b = 0; b < n_batch; b++) {
    const int16_t *x = in + (size_t)b * (size_t)n;
    int16_t *o = out + (size_t)b * (size_t)n;
    int64_t sum = 0, sum_sq = 0;
    for (int j = 0; j < n; j++) {
      sum += x[j];
      sum_sq += (int64_t)((int32_t)x[j] * (int32_t)x[j]);
    }
    const int32_t mean = (int32_t)(sum * 1024 / n);
    const int32_t temp = two20 / n; /* exact only for power-of-two n */
    const int64_t variance = sum_sq * temp - (int64_t)mean * (int64_t)mean;
    int32_t variance2 = (int32_t)(variance / two20);
    if (variance2 < 1) variance2 = variance_limit;
    int32_t inv_m;
    int inv_s;
    lstm_inv_sqrt_multiplier(variance2, -1, &inv_m, &inv_s);
    for (int j = 0; j < n; j++) {
      const int32_t shifted =
          (int32_t)((uint32_t)(1024 * (int32_t)x[j]) - (uint32_t)mean);
      const int32_t rescaled = quant_mul_by_multiplier(shifted, inv_m, inv_s);
      /* int32 arithmetic as TensorFlow Lite (wraps on overflow). */
      const int64_t v3 =
          (int32_t)((uint32_t)rescaled * (uint32_t)(int32_t)weights[j] +
                    (uint32_t)bias[j]);
      const int32_t v4 = (int32_t)((v3 > 0 ? v3 + 512 : v3 - 512) / 1024);
      const int32_t v5 = quant_mul_by_multiplier(v4, scale_m, scale_s + 12);
      o[j] = sat16(v5);
    }
  }
}
