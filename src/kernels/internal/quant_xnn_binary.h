/* XNNPACK rounding mode of the quantized ADD, SUB and MUL (int8, uint8),
 * as XNNPACK's vadd / vmul microkernels compute them when TensorFlow Lite's
 * XNNPACK delegate takes the node (all three tensors of one type).
 *
 * ADD / SUB (SUB: the second scale negated, XNNPACK runs it as an ADD):
 *   ra = s_a / s_out, rb = +-s_b / s_out                 float
 *   shift = 20 - floor(log2(max(|ra|, |rb|)))             in [12, 30]
 *   ma = rint(ra * 2^shift), mb = rint(rb * 2^shift)      ties to even
 *   bias = 2^(shift-1) - ma * z_a - mb * z_b
 *   out = clamp((bias + ma * a + mb * b) >> shift + z_out)   arithmetic
 *         shift: ties of the division go up (towards +infinity)
 *   delegated when both s_a / s_out and s_b / s_out are in [2^-10, 2^8).
 * MUL:
 *   scale = (s_a * s_b) / s_out                           float
 *   out = clamp(rint((float)((a - z_a) * (b - z_b)) * scale) + z_out)
 *   delegated when scale is in [2^-16, 2^8).
 * The clamp bounds are those of quant_xnn_act_range. */
#ifndef TFLC_KERNELS_INTERNAL_QUANT_XNN_BINARY_H
#define TFLC_KERNELS_INTERNAL_QUANT_XNN_BINARY_H

#include <stdbool.h>
#include <stdint.h>

#include "kernels/internal/quant_xnn.h"

typedef struct quant_xnn_binary {
  int32_t a_mult, b_mult, bias; /* ADD / SUB */
  int shift;
  float scale; /* MUL */
  int32_t a_zp, b_zp, out_zp;
  int32_t lo, hi; /* clamp (activation), absolute values */
} quant_xnn_binary;

/* Each returns false (and leaves the op on the reference path) when
 * XNNPACK would not take the node. sign_b is -1 for SUB. */
bool quant_xnn_add_setup(quant_xnn_binary *x, float s_a, int32_t z_a, float s_b,
                         int32_t z_b, float s_out, int32_t z_out, int sign_b,
                         int32_t lo, int32_t hi);
bool quant_xnn_mul_setup(quant_xnn_binary *x, float s_a, int32_t z_a, float s_b,
                         int32_t z_b, float s_out, int32_t z_out, int32_t lo,
                         int32_t hi);

/* One output element. */
static inline int32_t quant_xnn_add(const quant_xnn_binary *x, int32_t a,
                                    int32_t b) {
  const uint32_t acc =
      (uint32_t)x->bias + (uint32_t)(a * x->a_mult) + (uint32_t)(b * x->b_mult);
  /* arithmetic shift right of a two's complement value */
  const int32_t s = (int32_t)acc;
  const int32_t q = s >= 0 ? s >> x->shift : ~(~s >> x->shift);
  int32_t r = q + x->out_zp;
  r = r < x->lo ? x->lo : r;
  return r > x->hi ? x->hi : r;
}

static inline int32_t quant_xnn_mul(const quant_xnn_binary *x, int32_t a,
                                    int32_t b) {
  return quant_xnn_requant((a - x->a_zp) * (b - x->b_zp), x->scale, x->out_zp,
                           x->lo, x->hi);
}

#endif
