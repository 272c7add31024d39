/* Shared prepare-time checks and integer loops of the quantized one-input
 * activations (RELU, RELU6, RELU_N1_TO_1, LEAKY_RELU, LOGISTIC, TANH,
 * HARD_SWISH, ELU, GELU): per-tensor quantization checks that name the
 * tensor, the fixed output parameters some ops require, and the
 * requantizing clamp of the RELU family. Owned by the quantized activation
 * kernels. */
#ifndef TFLC_KERNELS_INTERNAL_QUANT_ACT_H
#define TFLC_KERNELS_INTERNAL_QUANT_ACT_H

#include <stdbool.h>
#include <stdint.h>

#include "kernels/internal/quant_arith.h"
#include "kernels/kernel_util.h"

/* True for int8, uint8, int16. */
static inline bool quant_act_is_quantized(TfLiteType t) {
  return t == kTfLiteInt8 || t == kTfLiteUInt8 || t == kTfLiteInt16;
}

/* Reports (naming the tensor) unless t has valid per-tensor quantization;
 * for int16 also requires a zero point of 0 (symmetric). */
TfLiteStatus quant_act_check(TfLiteContext *ctx, const TfLiteTensor *t);

/* quant_act_check on input and output. */
TfLiteStatus quant_act_check_io(TfLiteContext *ctx, const TfLiteTensor *in,
                                const TfLiteTensor *out);

/* Reports unless the output has exactly this scale (within 1e-3 relative
 * when `near`, else exactly as float) and zero point. */
TfLiteStatus quant_act_fixed_output(TfLiteContext *ctx, const TfLiteTensor *out,
                                    const char *op, double scale, int32_t zp,
                                    bool near);

/* Requantizing clamp of the RELU family: out = clamp(zp_out +
 * MulByQuantizedMultiplier(x - zp_in, m, s), lo, hi). */
typedef struct quant_relu {
  int32_t in_zp, out_zp, multiplier, lo, hi;
  int shift;
} quant_relu;

/* Prepare of RELU (act_max = +inf), RELU6, RELU_N1_TO_1, RELU_0_TO_1:
 * checks, multiplier in_scale / out_scale, clamp bounds quantized with
 * roundf(bound / out_scale) in float. */
TfLiteStatus quant_relu_prepare(TfLiteContext *ctx, const TfLiteTensor *in,
                                const TfLiteTensor *out, float act_min,
                                float act_max, quant_relu *r);
void quant_relu_eval(const quant_relu *r, const TfLiteTensor *in,
                     TfLiteTensor *out);

/* Elementwise loop over int8/uint8/int16 values read as int32. */
#define QUANT_ACT_LOOP(in, out, EXPR)              \
  do {                                             \
    size_t n_ = kern_num_elements(in);             \
    switch ((in)->type) {                          \
      case kTfLiteInt8:                            \
        for (size_t i_ = 0; i_ < n_; i_++) {       \
          int32_t x = (in)->data.int8[i_];         \
          (out)->data.int8[i_] = (int8_t)(EXPR);   \
        }                                          \
        break;                                     \
      case kTfLiteUInt8:                           \
        for (size_t i_ = 0; i_ < n_; i_++) {       \
          int32_t x = (in)->data.uint8[i_];        \
          (out)->data.uint8[i_] = (uint8_t)(EXPR); \
        }                                          \
        break;                                     \
      default:                                     \
        for (size_t i_ = 0; i_ < n_; i_++) {       \
          int32_t x = (in)->data.i16[i_];          \
          (out)->data.i16[i_] = (int16_t)(EXPR);   \
        }                                          \
        break;                                     \
    }                                              \
  } while (0)

static inline int32_t quant_clamp(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

#endif
