/* Tests of the quantized fixed-point helpers against values computed by hand
 * from the definitions (TensorFlow Lite's reference arithmetic), including
 * saturation, ties and negative numbers. */
#include <math.h>
#include <stdint.h>

#include "kernels/internal/quant_arith.h"
#include "support/check.h"

static void test_multiplier(void) {
  int32_t m;
  int s;
  CHECK(quant_multiplier(0.5, &m, &s));
  CHECK_EQ_INT(m, 1073741824); /* 0.5 * 2^31 */
  CHECK_EQ_INT(s, 0);
  CHECK(quant_multiplier(1.0, &m, &s));
  CHECK_EQ_INT(m, 1073741824); /* 0.5 * 2^1 */
  CHECK_EQ_INT(s, 1);
  CHECK(quant_multiplier(0.75, &m, &s));
  CHECK_EQ_INT(m, 1610612736);
  CHECK_EQ_INT(s, 0);
  CHECK(quant_multiplier(0.1, &m, &s)); /* 0.1 = 0.8 * 2^-3 */
  CHECK_EQ_INT(m, 1717986918);          /* round(0.8 * 2^31) */
  CHECK_EQ_INT(s, -3);
  CHECK(quant_multiplier(ldexp(1.0, -40), &m, &s)); /* too small for Q31 */
  CHECK_EQ_INT(m, 0);
  CHECK_EQ_INT(s, 0);
  /* A mantissa that rounds up to 2^31 carries into the exponent. */
  CHECK(quant_multiplier(1.0 - ldexp(1.0, -33), &m, &s));
  CHECK_EQ_INT(m, 1073741824);
  CHECK_EQ_INT(s, 1);
  CHECK(quant_multiplier(0.0, &m, &s));
  CHECK_EQ_INT(m, 0);
  CHECK(!quant_multiplier(-0.5, &m, &s));
  CHECK(!quant_multiplier(NAN, &m, &s));
  CHECK(!quant_multiplier(INFINITY, &m, &s));
  CHECK(!quant_multiplier_smaller_than_one(1.5, &m, &s));
  CHECK(quant_multiplier_smaller_than_one(0.25, &m, &s));
  CHECK_EQ_INT(s, -1);
}

static void test_srdhm(void) {
  CHECK_EQ_INT(quant_srdhm(1 << 30, 1 << 30), 1 << 29);
  CHECK_EQ_INT(quant_srdhm(INT32_MIN, INT32_MIN), INT32_MAX); /* saturates */
  CHECK_EQ_INT(quant_srdhm(INT32_MIN, INT32_MAX), -2147483647);
  /* 5 * 0.5 = 2.5: the nudge rounds the positive tie up ... */
  CHECK_EQ_INT(quant_srdhm(5, 1 << 30), 3);
  /* ... and (-5 * 2^30 + 1 - 2^30) / 2^31 truncates to -2 for the negative. */
  CHECK_EQ_INT(quant_srdhm(-5, 1 << 30), -2);
  CHECK_EQ_INT(quant_srdhm(-7, 1 << 30), -3); /* -3.5 -> -3 */
  CHECK_EQ_INT(quant_srdhm(0, 12345), 0);
}

static void test_rounding_shift(void) {
  CHECK_EQ_INT(quant_rounding_divide_by_pot(5, 1), 3);   /* 2.5 -> 3 */
  CHECK_EQ_INT(quant_rounding_divide_by_pot(-5, 1), -3); /* -2.5 -> -3 */
  CHECK_EQ_INT(quant_rounding_divide_by_pot(-6, 2), -2); /* -1.5 -> -2 */
  CHECK_EQ_INT(quant_rounding_divide_by_pot(-5, 2), -1); /* -1.25 -> -1 */
  CHECK_EQ_INT(quant_rounding_divide_by_pot(7, 2), 2);   /* 1.75 -> 2 */
  CHECK_EQ_INT(quant_rounding_divide_by_pot(6, 2), 2);   /* 1.5 -> 2 */
  CHECK_EQ_INT(quant_rounding_divide_by_pot(123, 0), 123);
  CHECK_EQ_INT(quant_rounding_divide_by_pot(INT32_MAX, 31), 1);
  CHECK_EQ_INT(quant_rounding_divide_by_pot(INT32_MIN, 31), -1);
}

static void test_mul_by_multiplier(void) {
  CHECK_EQ_INT(quant_mul_by_multiplier(100, 1 << 30, 0), 50);
  CHECK_EQ_INT(quant_mul_by_multiplier(-100, 1 << 30, 0), -50);
  CHECK_EQ_INT(quant_mul_by_multiplier(100, 1 << 30, 2), 200); /* x4 x0.5 */
  /* Double rounding: 5 * 0.25 = 1.25, but SRDHM gives 3 (2.5 up), then the
   * rounding shift gives 2 (1.5 away from zero): TensorFlow Lite's result. */
  CHECK_EQ_INT(quant_mul_by_multiplier(5, 1 << 30, -1), 2);
  CHECK_EQ_INT(quant_mul_by_multiplier(0, 1717986918, -3), 0);
  /* 1000 * 0.1 = 100 */
  CHECK_EQ_INT(quant_mul_by_multiplier(1000, 1717986918, -3), 100);
  /* int64 form: 1000 * 0.5 with the multiplier reduced to Q15:
   * (1000 * 16384 + 2^14) >> 15 = 500 */
  CHECK_EQ_INT(quant_mul_by_multiplier_i64(1000, 1 << 30, 0), 500);
  CHECK_EQ_INT(quant_mul_by_multiplier_i64(-1000, 1 << 30, 0), -500);
  CHECK_EQ_INT(quant_mul_by_multiplier_i64(3, 1 << 30, 0), 2); /* 1.5 -> 2 */
  CHECK_EQ_INT(quant_mul_by_multiplier_i64(-3, 1 << 30, 0),
               -1); /* -1.5 -> -1 (floor of -1.5+0.5) */
  CHECK_EQ_INT(quant_mul_by_multiplier_i64((int64_t)1 << 40, 0x7FFFFFFF, 7),
               INT32_MAX);
}

static void test_ranges(void) {
  int32_t lo, hi;
  CHECK(quant_type_range(kTfLiteInt8, &lo, &hi));
  CHECK_EQ_INT(lo, -128);
  CHECK_EQ_INT(hi, 127);
  CHECK(quant_type_range(kTfLiteUInt8, &lo, &hi));
  CHECK_EQ_INT(hi, 255);
  CHECK(quant_type_range(kTfLiteInt16, &lo, &hi));
  CHECK_EQ_INT(lo, -32768);
  CHECK(!quant_type_range(kTfLiteFloat32, &lo, &hi));
  CHECK(quant_activation_range(3, 0.1f, -10, -128, 127, &lo, &hi)); /* RELU6 */
  CHECK_EQ_INT(lo, -10);
  CHECK_EQ_INT(hi, 50);
  CHECK(quant_activation_range(1, 0.5f, 0, -128, 127, &lo, &hi)); /* RELU */
  CHECK_EQ_INT(lo, 0);
  CHECK_EQ_INT(hi, 127);
  CHECK(quant_activation_range(2, 0.01f, 0, -128, 127, &lo,
                               &hi)); /* [-1,1] clamps to type */
  CHECK_EQ_INT(lo, -100);
  CHECK_EQ_INT(hi, 100);
  CHECK(quant_activation_range(3, 0.01f, 0, -128, 127, &lo,
                               &hi)); /* 6/0.01 = 600 -> 127 */
  CHECK_EQ_INT(hi, 127);
  CHECK(!quant_activation_range(4, 0.1f, 0, -128, 127, &lo, &hi)); /* TANH */
}

static void test_check_params(void) {
  TfLiteFloatArray *sc = TfLiteFloatArrayCreate(3);
  TfLiteIntArray *zp = TfLiteIntArrayCreate(3);
  TfLiteIntArray *dims = TfLiteIntArrayCreate(2);
  for (int i = 0; i < 3; i++) {
    sc->data[i] = 0.5f / (float)(1 << i);
    zp->data[i] = 0;
  }
  dims->data[0] = 3;
  dims->data[1] = 4;
  TfLiteAffineQuantization aq = {sc, zp, 0};
  TfLiteTensor t = {0};
  t.type = kTfLiteInt8;
  t.name = "w";
  t.dims = dims;
  t.quantization.type = kTfLiteAffineQuantization;
  t.quantization.params = &aq;
  char msg[256];
  CHECK(quant_check_params(&t, 0, msg, sizeof msg));
  CHECK(
      !quant_check_params(&t, 1, msg, sizeof msg)); /* 3 scales vs dim 1 = 4 */
  CHECK_CONTAINS(msg, "per-channel");
  CHECK(!quant_check_params(&t, -1, msg, sizeof msg));
  CHECK_CONTAINS(msg, "per tensor");
  sc->data[1] = 0.0f;
  CHECK(!quant_check_params(&t, 0, msg, sizeof msg));
  CHECK_CONTAINS(msg, "invalid quantization scale");
  sc->data[1] = NAN;
  CHECK(!quant_check_params(&t, 0, msg, sizeof msg));
  sc->data[1] = -1.0f;
  CHECK(!quant_check_params(&t, 0, msg, sizeof msg));
  sc->data[1] = INFINITY;
  CHECK(!quant_check_params(&t, 0, msg, sizeof msg));
  sc->data[1] = 0.25f;
  zp->data[2] = 200; /* outside int8 */
  CHECK(!quant_check_params(&t, 0, msg, sizeof msg));
  CHECK_CONTAINS(msg, "zero point 200");
  t.quantization.type = kTfLiteNoQuantization;
  CHECK(!quant_check_params(&t, 0, msg, sizeof msg));
  CHECK_CONTAINS(msg, "no quantization");
  TfLiteFloatArrayFree(sc);
  TfLiteIntArrayFree(zp);
  TfLiteIntArrayFree(dims);
}

int main(void) {
  test_multiplier();
  test_srdhm();
  test_rounding_shift();
  test_mul_by_multiplier();
  test_ranges();
  test_check_params();
  return CHECK_DONE();
}
