/* Shared helpers of the XNNPACK rounding mode (quant_xnn.h): activation
 * bounds quantized as XNNPACK does, the scale of a quantized MEAN. */
#include "kernels/internal/quant_xnn.h"

#include "schema/schema_enums.h"

int32_t quant_xnn_quantize_bound(float v, float scale, int32_t zp, int32_t qmin,
                                 int32_t qmax) {
  float q = v / scale + (float)zp;
  q = q > (float)qmin ? q : (float)qmin; /* fmaxf: NaN gives qmin */
  q = q < (float)qmax ? q : (float)qmax;
  return (int32_t)lrintf(q);
}

bool quant_xnn_act_range(int activation, float scale, int32_t zp, int32_t qmin,
                         int32_t qmax, int32_t *lo, int32_t *hi) {
  float fmin = -INFINITY, fmax = INFINITY;
  switch (activation) {
    case TFLC_ACT_NONE: break;
    case TFLC_ACT_RELU: fmin = 0.0f; break;
    case TFLC_ACT_RELU_N1_TO_1:
      fmin = -1.0f;
      fmax = 1.0f;
      break;
    case TFLC_ACT_RELU6:
      fmin = 0.0f;
      fmax = 6.0f;
      break;
    default: return false;
  }
  *lo = quant_xnn_quantize_bound(fmin, scale, zp, qmin, qmax);
  *hi = quant_xnn_quantize_bound(fmax, scale, zp, qmin, qmax);
  return true;
}

float quant_xnn_mean_scale(float s_in, float s_out, size_t n) {
  const float ratio = s_in / s_out;
  return ratio * (1.0f / (float)n);
}

float quant_xnn_mean_bias(float scale, size_t n, int32_t z_in, int32_t z_out) {
  const float zero_sum = (float)((int64_t)n * (int64_t)z_in);
  const float shift = zero_sum * scale;
  return (float)z_out - shift;
}
