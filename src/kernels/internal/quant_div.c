/* Quantized DIV arithmetic (see quant_div.h). */
#include "kernels/internal/quant_div.h"

#include "kernels/internal/quant_arith.h"
#include "kernels/internal/quant_fixed.h"

/* Number of leading bits equal to the sign bit, minus one (31 for 0 and
 * -1), as TensorFlow Lite's CountLeadingSignBits. */
static int leading_sign_bits(int32_t x) {
  const uint32_t u = (uint32_t)(x < 0 ? ~x : x);
  return u == 0 ? 31 : __builtin_clz(u) - 1;
}

/* gemmlowp's RoundingDivideByPOT(x, e) as compiled on x86-64 and AArch64:
 * for e <= 31 the usual rounding shift (ties away from zero); DIV can ask
 * for e > 31 (a dividend equal to its zero point has 31 leading sign bits),
 * where TensorFlow Lite's expression is undefined behaviour in C++ and the
 * hardware gives: mask = low 32 bits of 2^e - 1 = -1, the shift count taken
 * modulo 32. So 0 becomes 1, for instance. We reproduce that. */
static int32_t rdbp_wide(int32_t x, int e) {
  if (e <= 31) return quant_rounding_divide_by_pot(x, e);
  const int32_t mask = -1;
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> (e & 31)) + (remainder > threshold ? 1 : 0);
}

int32_t quant_div_one(const quant_div *p, int32_t a, int32_t b) {
  int32_t x = a - p->in1_zp, y = b - p->in2_zp;
  if (y < 0) {
    x = -x;
    y = -y;
  }
  int recip_shift = 0;
  const int32_t recip = qf_reciprocal(y, 31, &recip_shift);
  const int headroom = leading_sign_bits(x);
  const int32_t unscaled =
      quant_srdhm((int32_t)((uint32_t)x << headroom), recip);
  const int total_shift = p->shift - recip_shift - headroom;
  /* MultiplyByQuantizedMultiplierSmallerThanOneExp: SRDHM, then a rounding
   * right shift by -total_shift (no shift when that is not positive). */
  const int32_t r = quant_sat_add(
      p->out_zp, rdbp_wide(quant_srdhm(unscaled, p->multiplier), -total_shift));
  return r < p->act_min ? p->act_min : (r > p->act_max ? p->act_max : r);
}
