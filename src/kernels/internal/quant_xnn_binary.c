/* XNNPACK rounding mode of quantized ADD / SUB / MUL: parameters
 * (quant_xnn_binary.h) and the broadcast row functions used by
 * quant_binary_run. */
#include "kernels/internal/quant_xnn_binary.h"

#include <math.h>
#include <string.h>

#include "kernels/internal/quant_binary.h"

/* Bits of a float. */
static uint32_t f_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

bool quant_xnn_add_setup(quant_xnn_binary *x, float s_a, int32_t z_a, float s_b,
                         int32_t z_b, float s_out, int32_t z_out, int sign_b,
                         int32_t lo, int32_t hi) {
  const float ra = s_a / s_out, rb = (float)sign_b * s_b / s_out;
  const float abs_a = fabsf(ra), abs_b = fabsf(rb);
  /* the XNNPACK delegate's limits for ADD / SUB */
  if (!(abs_a >= 0x1.0p-10f && abs_a < 0x1.0p+8f)) return false;
  if (!(abs_b >= 0x1.0p-10f && abs_b < 0x1.0p+8f)) return false;
  const float max_abs = abs_a > abs_b ? abs_a : abs_b;
  const int exponent = (int)(f_bits(max_abs) >> 23) - 127;
  const int shift = 20 - exponent; /* 12..30 */
  /* |r| * 2^shift is exact (a change of exponent); rint ties to even */
  const int32_t ma = (int32_t)lrintf(ldexpf(abs_a, shift));
  const int32_t mb = (int32_t)lrintf(ldexpf(abs_b, shift));
  x->a_mult = signbit(ra) ? -ma : ma;
  x->b_mult = signbit(rb) ? -mb : mb;
  x->shift = shift;
  x->bias =
      (int32_t)((uint32_t)1 << (shift - 1)) - x->a_mult * z_a - x->b_mult * z_b;
  x->a_zp = z_a;
  x->b_zp = z_b;
  x->out_zp = z_out;
  x->lo = lo;
  x->hi = hi;
  return true;
}

bool quant_xnn_mul_setup(quant_xnn_binary *x, float s_a, int32_t z_a, float s_b,
                         int32_t z_b, float s_out, int32_t z_out, int32_t lo,
                         int32_t hi) {
  const float product = s_a * s_b;
  const float scale = product / s_out;
  if (!(scale >= 0x1.0p-16f && scale < 0x1.0p+8f)) return false;
  x->scale = scale;
  x->a_zp = z_a;
  x->b_zp = z_b;
  x->out_zp = z_out;
  x->lo = lo;
  x->hi = hi;
  return true;
}

KERN_EW_ROW(xnn_add_i8, int8_t, int8_t, quant_binary,
            (int8_t)quant_xnn_add(&P->xnn, x, y))
KERN_EW_ROW(xnn_add_u8, uint8_t, uint8_t, quant_binary,
            (uint8_t)quant_xnn_add(&P->xnn, x, y))
KERN_EW_ROW(xnn_mul_i8, int8_t, int8_t, quant_binary,
            (int8_t)quant_xnn_mul(&P->xnn, x, y))
KERN_EW_ROW(xnn_mul_u8, uint8_t, uint8_t, quant_binary,
            (uint8_t)quant_xnn_mul(&P->xnn, x, y))

kern_bcast_row_fn quant_xnn_binary_row(const quant_binary *q) {
  const bool u8 = q->type == kTfLiteUInt8;
  switch (q->kind) {
    case QB_XNN_ADD: return u8 ? xnn_add_u8 : xnn_add_i8;
    case QB_XNN_MUL: return u8 ? xnn_mul_u8 : xnn_mul_i8;
    default: return NULL;
  }
}
