/* Quantized fixed-point helpers: multiplier/shift from a real multiplier,
 * the int64 multiply used by 16x8 kernels, activation ranges, type ranges
 * and the checks of a tensor's quantization parameters. */
#include "kernels/internal/quant_arith.h"

#include <math.h>
#include <stdio.h>

bool quant_multiplier(double real, int32_t *multiplier, int *shift) {
  *multiplier = 0;
  *shift = 0;
  if (!(real >= 0.0) || isinf(real)) return false;
  if (real == 0.0) return true;
  int exp = 0;
  double q = frexp(real, &exp); /* real = q * 2^exp, q in [0.5, 1) */
  int64_t q_fixed = quant_round(q * (double)((int64_t)1 << 31));
  if (q_fixed == ((int64_t)1 << 31)) {
    q_fixed /= 2;
    exp++;
  }
  if (exp < -31) {
    exp = 0;
    q_fixed = 0;
  }
  if (exp > 30) {
    exp = 30;
    q_fixed = ((int64_t)1 << 31) - 1;
  }
  *multiplier = (int32_t)q_fixed;
  *shift = exp;
  return true;
}

bool quant_multiplier_smaller_than_one(double real, int32_t *multiplier,
                                       int *shift) {
  if (!(real < 1.0)) return false;
  if (!quant_multiplier(real, multiplier, shift)) return false;
  return *shift <= 0;
}

int32_t quant_mul_by_multiplier_i64(int64_t x, int32_t multiplier, int shift) {
  /* Reduce the Q31 multiplier to Q15, rounding, keeping it below 2^15. */
  int32_t reduced =
      multiplier < 0x7FFF0000 ? (multiplier + (1 << 15)) >> 16 : 0x7FFF;
  int total_shift = 15 - shift;
  if (total_shift <= 0) total_shift = 1;
  if (total_shift > 62) total_shift = 62;
  /* x * reduced fits in int64 for |x| < 2^47, the range of real
   * accumulators; saturate beyond instead of overflowing. */
  const int64_t limit = (int64_t)1 << 47;
  if (x > limit) x = limit;
  if (x < -limit) x = -limit;
  int64_t r = x * (int64_t)reduced + ((int64_t)1 << (total_shift - 1));
  r >>= total_shift;
  if (r > INT32_MAX) return INT32_MAX;
  if (r < INT32_MIN) return INT32_MIN;
  return (int32_t)r;
}

int32_t quant_quantize_clamped(float v, float scale, int32_t zero_point,
                               int32_t qmin, int32_t qmax) {
  float ratio = v / scale;
  double q = (double)zero_point + (double)roundf(ratio);
  if (q < qmin) return qmin;
  if (q > qmax) return qmax;
  return (int32_t)q;
}

bool quant_activation_range(int activation, float scale, int32_t zero_point,
                            int32_t qmin, int32_t qmax, int32_t *act_min,
                            int32_t *act_max) {
  switch (activation) {
    case 0: /* NONE */
      *act_min = qmin;
      *act_max = qmax;
      return true;
    case 1: /* RELU */
      *act_min = quant_quantize_clamped(0.0f, scale, zero_point, qmin, qmax);
      *act_max = qmax;
      return true;
    case 2: /* RELU_N1_TO_1 */
      *act_min = quant_quantize_clamped(-1.0f, scale, zero_point, qmin, qmax);
      *act_max = quant_quantize_clamped(1.0f, scale, zero_point, qmin, qmax);
      return true;
    case 3: /* RELU6 */
      *act_min = quant_quantize_clamped(0.0f, scale, zero_point, qmin, qmax);
      *act_max = quant_quantize_clamped(6.0f, scale, zero_point, qmin, qmax);
      return true;
    default: return false;
  }
}

bool quant_type_range(TfLiteType type, int32_t *qmin, int32_t *qmax) {
  switch (type) {
    case kTfLiteInt8:
      *qmin = -128;
      *qmax = 127;
      return true;
    case kTfLiteUInt8:
      *qmin = 0;
      *qmax = 255;
      return true;
    case kTfLiteInt16:
      *qmin = -32768;
      *qmax = 32767;
      return true;
    case kTfLiteInt32:
      *qmin = INT32_MIN;
      *qmax = INT32_MAX;
      return true;
    default: return false;
  }
}

bool quant_check_params(const TfLiteTensor *t, int channel_dim, char *msg,
                        int msg_size) {
  const char *name = t->name ? t->name : "";
  if (t->quantization.type != kTfLiteAffineQuantization ||
      !t->quantization.params) {
    snprintf(msg, (size_t)msg_size,
             "tensor '%s' has no quantization parameters", name);
    return false;
  }
  const TfLiteAffineQuantization *q = t->quantization.params;
  if (!q->scale || q->scale->size < 1) {
    snprintf(msg, (size_t)msg_size, "tensor '%s' has no quantization scale",
             name);
    return false;
  }
  int32_t qmin = 0, qmax = 0;
  bool ranged = quant_type_range(t->type, &qmin, &qmax);
  for (int i = 0; i < q->scale->size; i++) {
    float s = q->scale->data[i];
    if (!(s > 0.0f) || isinf(s)) {
      snprintf(msg, (size_t)msg_size,
               "tensor '%s' has an invalid quantization scale %g (index %d)",
               name, (double)s, i);
      return false;
    }
    if (ranged && q->zero_point && i < q->zero_point->size) {
      int32_t z = q->zero_point->data[i];
      if (t->type != kTfLiteInt32 && (z < qmin || z > qmax)) {
        snprintf(msg, (size_t)msg_size,
                 "tensor '%s' has zero point %d outside [%d, %d]", name, (int)z,
                 (int)qmin, (int)qmax);
        return false;
      }
    }
  }
  if (channel_dim < 0) {
    if (q->scale->size != 1) {
      snprintf(msg, (size_t)msg_size,
               "tensor '%s' must be quantized per tensor, has %d scales", name,
               q->scale->size);
      return false;
    }
    return true;
  }
  if (q->scale->size > 1) {
    int rank = t->dims ? t->dims->size : 0;
    if (channel_dim >= rank || q->scale->size != t->dims->data[channel_dim]) {
      snprintf(msg, (size_t)msg_size,
               "tensor '%s' has %d per-channel scales but dimension %d has %d "
               "entries",
               name, q->scale->size, channel_dim,
               channel_dim < rank ? t->dims->data[channel_dim] : 0);
      return false;
    }
  }
  return true;
}
