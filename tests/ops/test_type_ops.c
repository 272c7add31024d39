/* Op tests of the shape/type kernels: SHAPE, RANK, FILL, ZEROS_LIKE, RANGE,
 * QUANTIZE and BITCAST. One-op models built with the project's writer,
 * compared with hand-computed values and plain references written here
 * (quantization formula per element), over options, types, constant and
 * non-constant (dynamic output) inputs, zero-size tensors, and the errors
 * prepare and invoke must report. */
#include "support/op_test.h"

#define F32 TFLC_TT_FLOAT32
#define I32 TFLC_TT_INT32
#define I64 TFLC_TT_INT64
#define I16 TFLC_TT_INT16
#define I8 TFLC_TT_INT8
#define U8 TFLC_TT_UINT8
#define BOOL TFLC_TT_BOOL

/* ---- SHAPE / RANK ------------------------------------------------------- */

static void test_shape_rank(void) {
  static const int s234[3] = {2, 3, 4}, s3[1] = {3}, s0[1] = {0};
  static const int s20[2] = {2, 0}, s2[1] = {2};
  float data[24] = {0};
  oo_tensor in = oo_in(F32, s234, 3, data);
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, TFLC_TT_INT32);
  oo_op op = {.op = TFLC_OP_SHAPE,
              .bo = TFLC_BO_SHAPE,
              .fields = &f,
              .n_fields = 1,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(I32, s3, 1)};
  static const int32_t want32[3] = {2, 3, 4};
  oo_run_expect(&op, s3, 1, want32, sizeof want32, "shape int32");
  f = tm_opt_int(0, TFLC_OPT_I8, TFLC_TT_INT64);
  op.out = oo_out_t(I64, s3, 1);
  static const int64_t want64[3] = {2, 3, 4};
  oo_run_expect(&op, s3, 1, want64, sizeof want64, "shape int64");
  /* No options: the output type decides. */
  oo_op op2 = {.op = TFLC_OP_SHAPE,
               .inputs = &in,
               .n_inputs = 1,
               .out = oo_out_t(I32, s3, 1)};
  oo_run_expect(&op2, s3, 1, want32, sizeof want32, "shape no options");
  /* Zero-size and scalar inputs, other input types. */
  static const int32_t want20[2] = {2, 0};
  in = oo_in(TFLC_TT_BOOL, s20, 2, NULL);
  op2.out = oo_out_t(I32, s2, 1);
  oo_run_expect(&op2, s2, 1, want20, sizeof want20, "shape zero-size");
  float one = 1.0f;
  in = oo_in(F32, s3, 0, &one);
  op2.out = oo_out_t(I32, s0, 1);
  oo_run_expect(&op2, s0, 1, NULL, 0, "shape scalar");
  /* Errors. */
  in = oo_in(F32, s234, 3, data);
  f = tm_opt_int(0, TFLC_OPT_I8, TFLC_TT_INT64);
  op.out = oo_out_t(I32, s3, 1);
  oo_expect_error(&op, "out_type INT64 differs from the output type INT32",
                  "shape type mismatch");
  op.out = oo_out_t(F32, s3, 1);
  oo_expect_error(&op, "output type FLOAT32 is not supported",
                  "shape float output");

  /* RANK */
  in = oo_in(I8, s234, 3, NULL);
  oo_op rk = {.op = TFLC_OP_RANK,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(I32, s3, 0)};
  int32_t three = 3, zero = 0, two = 2;
  oo_run_expect(&rk, s3, 0, &three, 4, "rank 3");
  in = oo_in(F32, s3, 0, &one);
  oo_run_expect(&rk, s3, 0, &zero, 4, "rank scalar");
  in = oo_in(F32, s20, 2, NULL);
  oo_run_expect(&rk, s3, 0, &two, 4, "rank zero-size");
  rk.out = oo_out_t(I64, s3, 0);
  oo_expect_error(&rk, "output type INT64 is not supported", "rank int64");
}

/* ---- FILL / ZEROS_LIKE -------------------------------------------------- */

static void test_fill(void) {
  static const int s2[1] = {2}, s3[1] = {3}, s23[2] = {2, 3};
  static const int s230[3] = {2, 3, 0}, s1[1] = {1};
  static const int32_t d23[2] = {2, 3};
  float v = 2.5f;
  oo_tensor ins[2] = {oo_const(I32, s2, 1, d23), oo_in(F32, s1, 0, &v)};
  oo_op op = {.op = TFLC_OP_FILL,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, s23, 2)};
  float want[6];
  for (int i = 0; i < 6; i++) want[i] = 2.5f;
  oo_run_expect(&op, s23, 2, want, sizeof want, "fill const dims");
  /* Dynamic dims (int64), int64 value. */
  static const int64_t d230[3] = {2, 3, 0}, d23l[2] = {2, 3};
  int64_t lv = -5000000000LL;
  int64_t wantl[6];
  for (int i = 0; i < 6; i++) wantl[i] = lv;
  ins[0] = oo_in(I64, s2, 1, d23l);
  ins[1] = oo_in(I64, s1, 0, &lv);
  op.out = oo_out_t(I64, s1, 1);
  oo_run_expect(&op, s23, 2, wantl, sizeof wantl, "fill dynamic int64");
  ins[0] = oo_in(I64, s3, 1, d230);
  oo_run_expect(&op, s230, 3, NULL, 0, "fill dynamic zero-size");
  /* Other types. */
  uint8_t bv = 1;
  uint8_t wantb[6] = {1, 1, 1, 1, 1, 1};
  ins[0] = oo_const(I32, s2, 1, d23);
  ins[1] = oo_in(BOOL, s1, 0, &bv);
  op.out = oo_out_t(BOOL, s23, 2);
  oo_run_expect(&op, s23, 2, wantb, sizeof wantb, "fill bool");
  int16_t hv = -300;
  int16_t wanth[6] = {-300, -300, -300, -300, -300, -300};
  ins[1] = oo_in(I16, s1, 0, &hv);
  op.out = oo_out_t(I16, s23, 2);
  oo_run_expect(&op, s23, 2, wanth, sizeof wanth, "fill int16");
  int32_t iv = 7;
  int32_t wanti[6] = {7, 7, 7, 7, 7, 7};
  ins[1] = oo_const(I32, s1, 0, &iv);
  op.out = oo_out_t(I32, s23, 2);
  oo_run_expect(&op, s23, 2, wanti, sizeof wanti, "fill int32 const value");
  /* Scalar output: empty dims. */
  static const int s0[1] = {0};
  ins[0] = oo_const(I32, s0, 1, NULL);
  op.out = oo_out_t(I32, s1, 0);
  oo_run_expect(&op, s1, 0, &iv, 4, "fill scalar");
  /* Errors. */
  static const int32_t neg[2] = {2, -1};
  ins[0] = oo_const(I32, s2, 1, neg);
  oo_expect_error(&op, "dimension 1 is negative (-1)", "fill negative");
  ins[0] = oo_in(I32, s2, 1, neg);
  oo_expect_invoke_error(&op, "dimension 1 is negative (-1)",
                         "fill negative dynamic");
  ins[0] = oo_const(I32, s2, 1, d23);
  ins[1] = oo_in(I32, s2, 1, d23);
  oo_expect_error(&op, "value must be a scalar", "fill non-scalar value");
  ins[1] = oo_in(I32, s1, 0, &iv);
  op.out = oo_out_t(F32, s23, 2);
  oo_expect_error(&op, "output type FLOAT32 differs from value type INT32",
                  "fill type");
  ins[0] = oo_const(F32, s2, 1, want);
  op.out = oo_out_t(I32, s23, 2);
  oo_expect_error(&op, "dims type FLOAT32 is not supported", "fill dims type");

  /* ZEROS_LIKE */
  float x[6] = {1, 2, 3, 4, 5, 6};
  float zf[6] = {0};
  oo_tensor zin = oo_in(F32, s23, 2, x);
  oo_op zl = {.op = TFLC_OP_ZEROS_LIKE,
              .inputs = &zin,
              .n_inputs = 1,
              .out = oo_out_t(F32, s23, 2)};
  oo_run_expect(&zl, s23, 2, zf, sizeof zf, "zeros_like f32");
  int64_t xl[6] = {1, 2, 3, 4, 5, 6}, zl64[6] = {0};
  zin = oo_in(I64, s23, 2, xl);
  zl.out = oo_out_t(I64, s23, 2);
  oo_run_expect(&zl, s23, 2, zl64, sizeof zl64, "zeros_like i64");
  int32_t xi[6] = {1, 2, 3, 4, 5, 6}, zi[6] = {0};
  zin = oo_in(I32, s23, 2, xi);
  zl.out = oo_out_t(I32, s23, 2);
  oo_run_expect(&zl, s23, 2, zi, sizeof zi, "zeros_like i32");
  zin = oo_in(I32, s230, 3, NULL);
  zl.out = oo_out_t(I32, s230, 3);
  oo_run_expect(&zl, s230, 3, NULL, 0, "zeros_like zero-size");
  zin = oo_in(BOOL, s23, 2, NULL);
  zl.out = oo_out_t(BOOL, s23, 2);
  oo_expect_error(&zl, "input type BOOL is not supported", "zeros_like bool");
}

/* ---- RANGE -------------------------------------------------------------- */

static void range_case_i32(int32_t s, int32_t l, int32_t d, int dynamic,
                           const char *label) {
  static const int s1[1] = {1};
  int32_t vals[3] = {s, l, d};
  oo_tensor ins[3];
  for (int i = 0; i < 3; i++)
    ins[i] =
        dynamic ? oo_in(I32, s1, 0, &vals[i]) : oo_const(I32, s1, 0, &vals[i]);
  static const int s0[1] = {0};
  oo_op op = {.op = TFLC_OP_RANGE,
              .inputs = ins,
              .n_inputs = 3,
              .out = oo_out_t(I32, s0, 1)};
  int32_t want[64];
  int n = 0;
  for (int64_t v = s; d > 0 ? v < l : v > l; v += d) want[n++] = (int32_t)v;
  int shape[1] = {n};
  oo_run_expect(&op, shape, 1, want, (size_t)n * 4, label);
}

static void test_range(void) {
  range_case_i32(0, 10, 3, 0, "range 0..10 by 3");
  range_case_i32(10, 0, -3, 0, "range 10..0 by -3");
  range_case_i32(-5, 5, 1, 1, "range dynamic");
  range_case_i32(3, 3, 1, 1, "range empty dynamic");
  range_case_i32(3, 3, -1, 0, "range empty const");
  range_case_i32(0, 12, 4, 1, "range exact multiple");

  static const int s1[1] = {1}, s0[1] = {0};
  /* float32: accumulated, length ceil(|(l - s) / d|). */
  float fv[3] = {0.5f, 2.0f, 0.4f};
  oo_tensor fins[3] = {oo_in(F32, s1, 0, &fv[0]), oo_const(F32, s1, 0, &fv[1]),
                       oo_const(F32, s1, 0, &fv[2])};
  oo_op fop = {.op = TFLC_OP_RANGE,
               .inputs = fins,
               .n_inputs = 3,
               .out = oo_out_t(F32, s0, 1)};
  float fw[4];
  float acc = 0.5f;
  for (int i = 0; i < 4; i++, acc += 0.4f) fw[i] = acc;
  static const int s4[1] = {4};
  oo_run_expect(&fop, s4, 1, fw, sizeof fw, "range float");
  /* int64. */
  int64_t lv[3] = {5000000000LL, 5000000010LL, 4};
  oo_tensor lins[3] = {oo_const(I64, s1, 0, &lv[0]),
                       oo_const(I64, s1, 0, &lv[1]),
                       oo_const(I64, s1, 0, &lv[2])};
  oo_op lop = {.op = TFLC_OP_RANGE,
               .inputs = lins,
               .n_inputs = 3,
               .out = oo_out_t(I64, s0, 1)};
  static const int s3[1] = {3};
  int64_t lw[3] = {5000000000LL, 5000000004LL, 5000000008LL};
  oo_run_expect(&lop, s3, 1, lw, sizeof lw, "range int64");
  /* Errors at prepare (constant) and invoke (dynamic). */
  int32_t bad[3] = {0, 10, 0};
  oo_tensor bins[3] = {oo_const(I32, s1, 0, &bad[0]),
                       oo_const(I32, s1, 0, &bad[1]),
                       oo_const(I32, s1, 0, &bad[2])};
  oo_op bop = {.op = TFLC_OP_RANGE,
               .inputs = bins,
               .n_inputs = 3,
               .out = oo_out_t(I32, s0, 1)};
  oo_expect_error(&bop, "delta must not be zero", "range delta 0");
  bins[2] = oo_in(I32, s1, 0, &bad[2]);
  oo_expect_invoke_error(&bop, "delta must not be zero",
                         "range delta 0 dynamic");
  int32_t away = -1;
  bins[2] = oo_const(I32, s1, 0, &away);
  oo_expect_error(&bop, "moves away from limit", "range wrong sign");
  int32_t big[3] = {INT32_MIN, INT32_MAX, 1};
  oo_tensor gins[3] = {oo_const(I32, s1, 0, &big[0]),
                       oo_const(I32, s1, 0, &big[1]),
                       oo_const(I32, s1, 0, &big[2])};
  bop.inputs = gins;
  oo_expect_error(&bop, "too many elements", "range huge");
  int64_t hl[3] = {0, INT64_MAX, 1};
  lins[0] = oo_const(I64, s1, 0, &hl[0]);
  lins[1] = oo_const(I64, s1, 0, &hl[1]);
  lins[2] = oo_const(I64, s1, 0, &hl[2]);
  oo_expect_error(&lop, "too many elements", "range huge int64");
  float inf = INFINITY;
  fins[0] = oo_const(F32, s1, 0, &fv[0]);
  fins[1] = oo_const(F32, s1, 0, &inf);
  oo_expect_error(&fop, "must be finite", "range inf");
  fins[1] = oo_const(I32, s1, 0, &big[0]);
  oo_expect_error(&fop, "limit type INT32 differs from start type FLOAT32",
                  "range mixed types");
  fins[1] = oo_const(F32, s1, 0, &fv[1]);
  fop.out = oo_out_t(I32, s0, 1);
  oo_expect_error(&fop, "output type INT32 differs", "range output type");
}

/* ---- QUANTIZE ----------------------------------------------------------- */

static double round_away(double x) {
  return x < 0 ? -floor(-x + 0.5) : floor(x + 0.5);
}

static int32_t ref_q(double r, int32_t zp, int32_t lo, int32_t hi) {
  double q = round_away(r) + zp;
  return q < lo ? lo : (q > hi ? hi : (int32_t)q);
}

static void quantize_float_case(int8_t tt, float scale, int64_t zp,
                                const char *label) {
  static const int s12[1] = {12};
  float x[12] = {-1000.0f, -1.5f, -1.25f, -0.75f, -0.25f, 0.0f,
                 0.25f,    0.75f, 1.25f,  2.5f,   3.0f,   1000.0f};
  oo_tensor in = oo_in(F32, s12, 1, x);
  oo_op op = {.op = TFLC_OP_QUANTIZE,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(tt, s12, 1)};
  oo_quant1(&op.out, &scale, &zp);
  int32_t lo = tt == I8 ? -128 : tt == U8 ? 0 : -32768;
  int32_t hi = tt == I8 ? 127 : tt == U8 ? 255 : 32767;
  uint8_t want[24];
  for (int i = 0; i < 12; i++) {
    int32_t q = ref_q((double)(x[i] / scale), (int32_t)zp, lo, hi);
    if (tt == I8)
      ((int8_t *)want)[i] = (int8_t)q;
    else if (tt == U8)
      want[i] = (uint8_t)q;
    else
      ((int16_t *)want)[i] = (int16_t)q;
  }
  oo_run_expect(&op, s12, 1, want, 12 * oo_tt_size(tt), label);
}

static void test_quantize(void) {
  quantize_float_case(I8, 0.5f, -3, "quantize f32->int8");
  quantize_float_case(U8, 0.5f, 128, "quantize f32->uint8");
  quantize_float_case(I16, 0.25f, 0, "quantize f32->int16");
  quantize_float_case(I8, 0.1f, 0, "quantize f32->int8 0.1");

  /* Hand-checked values: scale 0.5 zp 1: 0.25/0.5 = 0.5 -> 1 (+1 = 2),
   * -0.25 -> -1 (+1 = 0), 1.25 -> 2.5 -> 3 (+1 = 4). */
  static const int s3[1] = {3};
  float hx[3] = {0.25f, -0.25f, 1.25f};
  float hs = 0.5f;
  int64_t hz = 1;
  oo_tensor hin = oo_in(F32, s3, 1, hx);
  oo_op hop = {.op = TFLC_OP_QUANTIZE,
               .inputs = &hin,
               .n_inputs = 1,
               .out = oo_out_t(I8, s3, 1)};
  oo_quant1(&hop.out, &hs, &hz);
  static const int8_t hw[3] = {2, 0, 4};
  oo_run_expect(&hop, s3, 1, hw, 3, "quantize half away from zero");

  /* Requantize int8 -> uint8 and int8 -> int8 with another scale. */
  static const int s6[1] = {6};
  int8_t qx[6] = {-128, -10, -1, 0, 5, 127};
  float is = 0.5f, os = 0.25f;
  int64_t iz = -1, oz = 3;
  oo_tensor qin = oo_in(I8, s6, 1, qx);
  oo_quant1(&qin, &is, &iz);
  oo_op rq = {.op = TFLC_OP_QUANTIZE,
              .inputs = &qin,
              .n_inputs = 1,
              .out = oo_out_t(I8, s6, 1)};
  oo_quant1(&rq.out, &os, &oz);
  int8_t rw[6];
  uint8_t rwu[6];
  int64_t ozu = 130;
  for (int i = 0; i < 6; i++) {
    double r = (double)(qx[i] - iz) * (is / os);
    rw[i] = (int8_t)ref_q(r, (int32_t)oz, -128, 127);
    rwu[i] = (uint8_t)ref_q(r, (int32_t)ozu, 0, 255);
  }
  oo_run_expect(&rq, s6, 1, rw, 6, "requantize int8->int8");
  rq.out = oo_out_t(U8, s6, 1);
  oo_quant1(&rq.out, &os, &ozu);
  oo_run_expect(&rq, s6, 1, rwu, 6, "requantize int8->uint8");
  /* int16 -> int8. */
  int16_t hx16[6] = {-32768, -300, -1, 0, 300, 32767};
  float s16 = 0.01f, s8 = 0.05f;
  int64_t z0 = 0, z8 = 2;
  oo_tensor in16 = oo_in(I16, s6, 1, hx16);
  oo_quant1(&in16, &s16, &z0);
  oo_op r16 = {.op = TFLC_OP_QUANTIZE,
               .inputs = &in16,
               .n_inputs = 1,
               .out = oo_out_t(I8, s6, 1)};
  oo_quant1(&r16.out, &s8, &z8);
  int8_t w16[6];
  for (int i = 0; i < 6; i++)
    w16[i] = (int8_t)ref_q((double)hx16[i] * ((double)s16 / (double)s8), 2,
                           -128, 127);
  oo_run_expect(&r16, s6, 1, w16, 6, "requantize int16->int8");
  /* Zero-size. */
  static const int s0[2] = {0, 4};
  oo_tensor zin = oo_in(F32, s0, 2, NULL);
  oo_op zop = {.op = TFLC_OP_QUANTIZE,
               .inputs = &zin,
               .n_inputs = 1,
               .out = oo_out_t(I8, s0, 2)};
  oo_quant1(&zop.out, &hs, &hz);
  oo_run_expect(&zop, s0, 2, NULL, 0, "quantize zero-size");

  /* Errors. */
  oo_op e1 = {.op = TFLC_OP_QUANTIZE,
              .inputs = &hin,
              .n_inputs = 1,
              .out = oo_out_t(I8, s3, 1)};
  oo_expect_error(&e1, "tensor 'out' has no quantization parameters",
                  "quantize no params");
  e1.out = oo_out_t(I32, s3, 1);
  oo_quant1(&e1.out, &hs, &hz);
  oo_expect_error(&e1, "input type FLOAT32 with output type INT32",
                  "quantize int32 output");
  /* FLOAT32 -> INT16 accepts a zero point (TensorFlow Lite); only
   * INT16 -> INT16 needs 0 (tests/ops/test_quant_more.c). */
  oo_op e2 = {.op = TFLC_OP_QUANTIZE,
              .inputs = &qin,
              .n_inputs = 1,
              .out = oo_out_t(TFLC_TT_BOOL, s6, 1)};
  oo_quant1(&e2.out, &os, &z0);
  oo_expect_error(&e2, "input type INT8 with output type BOOL",
                  "quantize int8->bool");
  float pcs[3] = {0.1f, 0.2f, 0.3f};
  int64_t pcz[3] = {0, 0, 0};
  e1.out = oo_out_t(I8, s3, 1);
  e1.out.n_quant = 2; /* per channel along dimension 0 of size 3 */
  e1.out.scales = pcs;
  e1.out.zero_points = pcz;
  oo_expect_error(&e1, "2 per-channel scales but dimension 0 has 3 entries",
                  "quantize per-channel output count");
}

/* ---- BITCAST ------------------------------------------------------------ */

static void test_bitcast(void) {
  static const int s23[2] = {2, 3}, s234[3] = {2, 3, 4}, s2[1] = {2};
  static const int s24[2] = {2, 4}, s8[1] = {8}, s0[2] = {0, 3};
  static const int s03[3] = {0, 3, 2};
  float x[6] = {1.0f, -2.0f, 0.5f, 3.25f, -0.0f, 1e10f};
  oo_tensor in = oo_in(F32, s23, 2, x);
  oo_op op = {.op = TFLC_OP_BITCAST,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(I32, s23, 2)};
  oo_run_expect(&op, s23, 2, x, sizeof x, "bitcast f32->i32");
  op.out = oo_out_t(U8, s234, 3);
  oo_run_expect(&op, s234, 3, x, sizeof x, "bitcast f32->u8");
  int16_t h[8] = {1, 2, 3, 4, -1, -2, -3, -4};
  in = oo_in(I16, s24, 2, h);
  op.out = oo_out_t(I64, s2, 1);
  oo_run_expect(&op, s2, 1, h, sizeof h, "bitcast i16->i64");
  in = oo_in(I16, s0, 2, NULL);
  op.out = oo_out_t(I8, s03, 3);
  oo_run_expect(&op, s03, 3, NULL, 0, "bitcast zero-size");
  /* Errors. */
  in = oo_in(I16, s23, 2, NULL);
  op.out = oo_out_t(I64, s2, 1);
  oo_expect_error(&op, "last dimension must be 4", "bitcast bad last dim");
  in = oo_in(U8, s8, 0, NULL);
  op.out = oo_out_t(I16, s2, 0);
  oo_expect_error(&op, "last dimension must be 2", "bitcast scalar to wider");
}

int main(void) {
  test_shape_rank();
  test_fill();
  test_range();
  test_quantize();
  test_bitcast();
  return CHECK_DONE();
}
