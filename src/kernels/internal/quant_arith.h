/* Fixed-point arithmetic of TensorFlow Lite's quantized reference kernels:
 * a real multiplier as an int32 Q31 multiplier and a power-of-two shift, the
 * saturating rounding doubling high multiply, the rounding right shift, and
 * their combinations. These must match TensorFlow Lite bit for bit; see
 * docs/QUANTIZATION.md for which rounding is used where, and why. */
#ifndef TFLC_KERNELS_INTERNAL_QUANT_ARITH_H
#define TFLC_KERNELS_INTERNAL_QUANT_ARITH_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "tflc/common.h"

/* real_multiplier = multiplier * 2^(shift - 31), multiplier in [2^30, 2^31)
 * (or 0 for 0). shift > 0 is a left shift. Rounds the mantissa half away
 * from zero; a multiplier too small for Q31 (shift < -31) becomes 0.
 * Returns false for a negative, NaN or infinite input (caller reports). */
bool quant_multiplier(double real_multiplier, int32_t *multiplier, int *shift);

/* As quant_multiplier but for real multipliers < 1 only (shift <= 0). */
bool quant_multiplier_smaller_than_one(double real_multiplier,
                                       int32_t *multiplier, int *shift);

/* (a * b * 2) / 2^32 rounded to nearest with the nudge 2^30 for a
 * non-negative product and 1 - 2^30 otherwise, then a division that
 * truncates: ties go towards +infinity (2.5 -> 3, -2.5 -> -2). INT32_MAX for
 * INT32_MIN * INT32_MIN. TensorFlow Lite's SaturatingRoundingDoublingHighMul.
 */
static inline int32_t quant_srdhm(int32_t a, int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  int64_t ab = (int64_t)a * (int64_t)b;
  int64_t nudge = ab >= 0 ? ((int64_t)1 << 30) : (1 - ((int64_t)1 << 30));
  return (int32_t)((ab + nudge) / ((int64_t)1 << 31));
}

/* x / 2^exponent rounded to nearest, ties away from zero (0 <= exponent <=
 * 31). */
static inline int32_t quant_rounding_divide_by_pot(int32_t x, int exponent) {
  if (exponent <= 0) return x;
  const int32_t mask = (int32_t)(((int64_t)1 << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/* x * multiplier * 2^(shift - 31), rounded as TensorFlow Lite's reference
 * MultiplyByQuantizedMultiplier (double rounding: SRDHM, then a rounding
 * right shift). The left shift wraps like two's complement hardware. */
static inline int32_t quant_mul_by_multiplier(int32_t x, int32_t multiplier,
                                              int shift) {
  int left = shift > 0 ? shift : 0;
  int right = shift > 0 ? 0 : -shift;
  int32_t shifted = (int32_t)(uint32_t)((uint32_t)x << left);
  return quant_rounding_divide_by_pot(quant_srdhm(shifted, multiplier), right);
}

/* (int32_t)roundf(v) clamped to [lo, hi], defined for every float (a
 * plain cast of NaN or of a value beyond int32 is undefined behaviour): NaN
 * gives lo, which is what the x86 conversion (INT32_MIN) gives once
 * clamped. */
static inline int32_t quant_round_to_range(float v, int32_t lo, int32_t hi) {
  const float r = roundf(v);
  if (!(r >= (float)lo)) return lo;
  if (r > (float)hi) return hi;
  return (int32_t)r;
}

/* a + b saturated to int32. For adding a zero point (or another small
 * offset) to a requantized value, which can be at either end of int32 with
 * a large multiplier or a wrapped accumulator; callers clamp the result to
 * their type's range, so saturating gives the same value as exact
 * arithmetic. */
static inline int32_t quant_sat_add(int32_t a, int32_t b) {
  const int64_t s = (int64_t)a + (int64_t)b;
  return s > INT32_MAX ? INT32_MAX : (s < INT32_MIN ? INT32_MIN : (int32_t)s);
}

/* The int64-input form used with int64 accumulators (16x8 CONV_2D /
 * FULLY_CONNECTED / TRANSPOSE_CONV): the multiplier reduced to 16 bits
 * (rounded), then one rounding shift. Result saturated to int32. */
int32_t quant_mul_by_multiplier_i64(int64_t x, int32_t multiplier, int shift);

/* zero_point + round(v / scale) clamped to [qmin, qmax], as TensorFlow Lite
 * computes activation bounds: a float division and round-half-away-from-zero
 * (so that a bound never moves by one step), the sum in double (a tiny
 * scale makes v / scale too large for an int32). */
int32_t quant_quantize_clamped(float v, float scale, int32_t zero_point,
                               int32_t qmin, int32_t qmax);

/* Clamp range of a fused activation (schema ActivationFunctionType) on a
 * quantized output with this scale/zero point and type limits. Returns false
 * for an activation that is not a clamp. */
bool quant_activation_range(int activation, float scale, int32_t zero_point,
                            int32_t qmin, int32_t qmax, int32_t *act_min,
                            int32_t *act_max);

/* Value limits of a quantized type (int8, uint8, int16, int32). Returns
 * false for other types. */
bool quant_type_range(TfLiteType type, int32_t *qmin, int32_t *qmax);

/* Round half away from zero (std::round), as TensorFlow Lite quantizes
 * floats. */
static inline int64_t quant_round(double x) {
  return (int64_t)(x < 0 ? x - 0.5 : x + 0.5);
}

/* Checks a tensor's quantization for use by a quantized kernel: affine,
 * finite positive scales, zero points inside the type's range, per-channel
 * counts matching the dimension `channel_dim` (pass -1 to require per-tensor).
 * On failure writes a message into msg and returns false. */
bool quant_check_params(const TfLiteTensor *t, int channel_dim, char *msg,
                        int msg_size);

#endif
