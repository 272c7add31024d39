/* XNNPACK rounding mode of the quantized kernels (ctx->TflcQuantizedRounding
 * == kTflcRoundingXnnpack): the arithmetic XNNPACK uses where TensorFlow
 * Lite delegates an int8/uint8 op to it, so that tflc can reproduce LiteRT's
 * default (XNNPACK) results bit for bit. The reference path (quant_arith.h,
 * fixed-point double rounding) stays the default; see docs/QUANTIZATION.md,
 * section "XNNPACK rounding mode".
 *
 * This header holds the shared pieces: the float requantization
 *   out = clamp(rint((float)acc * scale), lo - zp, hi - zp) + zp
 * (int32 -> float rounds to nearest even, one float multiply, rint rounds
 * ties to even, as XNNPACK's "fp32" requantization), and the activation
 * bounds quantized as XNNPACK does (rint(v / scale + zp), in float). */
#ifndef TFLC_KERNELS_INTERNAL_QUANT_XNN_H
#define TFLC_KERNELS_INTERNAL_QUANT_XNN_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tflc/common.h"

/* True when the interpreter asked for XNNPACK rounding. */
static inline bool quant_xnn_mode(const TfLiteContext *ctx) {
  return ctx != NULL && ctx->TflcQuantizedRounding == 1;
}

/* A float bound quantized as XNNPACK quantizes the clamp of a fused
 * activation: rint(min(max(v / scale + zp, qmin), qmax)), all in float,
 * ties to even. +-infinity give qmax / qmin. */
int32_t quant_xnn_quantize_bound(float v, float scale, int32_t zp, int32_t qmin,
                                 int32_t qmax);

/* Clamp range of a fused activation (NONE, RELU, RELU_N1_TO_1, RELU6) on a
 * quantized output, from the float range TensorFlow Lite's XNNPACK
 * delegate gives (RELU: [0, inf), RELU6: [0, 6], RELU_N1_TO_1: [-1, 1]).
 * Returns false for any other activation. */
bool quant_xnn_act_range(int activation, float scale, int32_t zp, int32_t qmin,
                         int32_t qmax, int32_t *lo, int32_t *hi);

/* Scale of a quantized MEAN over n elements in XNNPACK: (s_in / s_out) *
 * (1 / n), each step in float. */
float quant_xnn_mean_scale(float s_in, float s_out, size_t n);

/* Bias of that MEAN: (float)z_out - (float)(n * z_in) * scale, in float.
 * XNNPACK folds the input zero point into it instead of subtracting it
 * from the integer sum, and adds the output zero point before rounding. */
float quant_xnn_mean_bias(float scale, size_t n, int32_t z_in, int32_t z_out);

/* XNNPACK's quantized MEAN of a raw (zero point not removed) int32 sum:
 * rint((float)sum * scale + bias), ties to even, clamped to [lo, hi]. */
static inline int32_t quant_xnn_mean_requant(int32_t sum, float scale,
                                             float bias, int32_t lo,
                                             int32_t hi) {
  float v = (float)sum * scale;
  v += bias;
  v = v < (float)lo ? (float)lo : v;
  v = v > (float)hi ? (float)hi : v;
  return (int32_t)lrintf(v);
}

/* XNNPACK's fp32 requantization of an int32 accumulator. */
static inline int32_t quant_xnn_requant(int32_t acc, float scale, int32_t zp,
                                        int32_t lo, int32_t hi) {
  float v = (float)acc * scale;
  const float flo = (float)(lo - zp), fhi = (float)(hi - zp);
  v = v < flo ? flo : v;
  v = v > fhi ? fhi : v;
  return (int32_t)lrintf(v) + zp;
}

#endif
