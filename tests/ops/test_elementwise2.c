/* Op tests of FLOOR_DIV, FLOOR_MOD, POW, ATAN2 (two inputs, broadcasting),
 * ADD_N, the one-input math kernels LOG, SQUARE, SIN, COS, FLOOR, CEIL,
 * ROUND, SIGN, RELU_0_TO_1, ELU, GELU, and PRELU and LOG_SOFTMAX. One-op
 * models built with the project's writer, compared with hand-computed
 * values and plain references written here (double-precision libm,
 * broadcasting by explicit index arithmetic), over types, options,
 * broadcasting, zero-size tensors and the errors prepare and invoke must
 * report. */
#include <float.h>
#include <limits.h>

#include "support/op_test.h"

#define F32 TFLC_TT_FLOAT32
#define I32 TFLC_TT_INT32
#define I64 TFLC_TT_INT64
#define PI 3.14159265358979323846

/* ---- reference broadcasting --------------------------------------------- */

static int ref_bcast(const int *sa, int ra, const int *sb, int rb, int *so) {
  int r = ra > rb ? ra : rb;
  for (int i = 0; i < r; i++) {
    int da = i - (r - ra) >= 0 ? sa[i - (r - ra)] : 1;
    int db = i - (r - rb) >= 0 ? sb[i - (r - rb)] : 1;
    so[i] = da == 1 ? db : da;
  }
  return r;
}

/* ---- two-input ops ------------------------------------------------------ */

static double ref_floor_div(double a, double b) { return floor(a / b); }

static double ref_floor_mod(double a, double b) { return a - floor(a / b) * b; }

static double ref_int_pow(long long base, long long e) {
  long long r = 1;
  for (long long i = 0; i < e; i++) r *= base;
  return (double)r;
}

static double ref_bin(int32_t op, int8_t tt, double a, double b) {
  switch (op) {
    case TFLC_OP_FLOOR_DIV: return ref_floor_div(a, b);
    case TFLC_OP_FLOOR_MOD: return ref_floor_mod(a, b);
    case TFLC_OP_POW:
      return tt == F32 ? pow(a, b) : ref_int_pow((long long)a, (long long)b);
    case TFLC_OP_ATAN2: return atan2(a, b);
    default: return NAN;
  }
}

static uint32_t gen_state = 99u;
static int gen_int(int lo, int hi) {
  gen_state = gen_state * 1664525u + 1013904223u;
  return lo + (int)((gen_state >> 8) % (uint32_t)(hi - lo + 1));
}

/* Operand values for op: divisors never 0, integer exponents 0..6 with
 * small bases, float pow bases positive (plus exact negative cases). */
static double gen_val(int32_t op, int8_t tt, int second) {
  if (op == TFLC_OP_POW) {
    if (tt != F32) return second ? gen_int(0, 6) : gen_int(-5, 5);
    return second ? gen_int(-96, 96) / 32.0 : gen_int(1, 320) / 64.0;
  }
  double v = tt == F32 ? gen_int(-640, 640) / 64.0 : gen_int(-25, 25);
  if (second && v == 0) v = tt == F32 ? 1.5 : 3;
  return v;
}

static void put_num(int8_t tt, void *buf, size_t i, double v) {
  if (tt == F32)
    ((float *)buf)[i] = (float)v;
  else if (tt == I32)
    ((int32_t *)buf)[i] = (int32_t)v;
  else
    ((int64_t *)buf)[i] = (int64_t)v;
}

static double get_num(int8_t tt, const void *buf, size_t i) {
  if (tt == F32) return ((const float *)buf)[i];
  if (tt == I32) return ((const int32_t *)buf)[i];
  return (double)((const int64_t *)buf)[i];
}

static void bin_case(int32_t op, int8_t tt, const int *sa, int ra,
                     const int *sb, int rb, int b_const) {
  static double a[256], b[256];
  static uint8_t abuf[2048], bbuf[2048];
  int so[8];
  int ro = ref_bcast(sa, ra, sb, rb, so);
  size_t na = oo_count(sa, ra), nb = oo_count(sb, rb), no = oo_count(so, ro);
  for (size_t i = 0; i < na; i++) {
    a[i] = gen_val(op, tt, 0);
    put_num(tt, abuf, i, a[i]);
  }
  for (size_t i = 0; i < nb; i++) {
    b[i] = gen_val(op, tt, 1);
    put_num(tt, bbuf, i, b[i]);
  }
  oo_tensor ins[2] = {oo_in(tt, sa, ra, abuf), b_const
                                                   ? oo_const(tt, sb, rb, bbuf)
                                                   : oo_in(tt, sb, rb, bbuf)};
  oo_op c = {
      .op = op, .inputs = ins, .n_inputs = 2, .out = oo_out_t(tt, so, ro)};
  char label[96];
  snprintf(label, sizeof label, "op %d type %d ranks %d,%d%s", (int)op, (int)tt,
           ra, rb, b_const ? " const" : "");
  oo_run r;
  const TfLiteTensor *out = oo_run_op(&c, &r, label);
  if (out && oo_check_shape(out, so, ro, label)) {
    const void *got = TfLiteTensorData(out);
    int bad = 0;
    for (size_t i = 0; i < no && got; i++) {
      /* Inputs as stored (float rounding of the operands included). */
      double x = get_num(tt, abuf, ot_bcast_index(i, so, ro, sa, ra));
      double y = get_num(tt, bbuf, ot_bcast_index(i, so, ro, sb, rb));
      double w = ref_bin(op, tt, x, y);
      double g = get_num(tt, got, i);
      int ok = tt == F32 ? fabs(g - w) <= 1e-5 * (fabs(w) > 1 ? fabs(w) : 1)
                         : g == w;
      if (!ok && bad++ < 4)
        CHECK_MSG(ok, "%s: element %zu: f(%g, %g) = %.9g, want %.9g", label, i,
                  x, y, g, w);
    }
    CHECK_MSG(bad == 0, "%s: %d wrong elements", label, bad);
  }
  oo_free(&r);
}

static void test_binary_reference(void) {
  static const int s23[] = {2, 3}, s234[] = {2, 3, 4}, s4[] = {4},
                   s31[] = {3, 1}, s14[] = {1, 4}, s22[] = {2, 2},
                   s213[] = {2, 1, 3}, s241[] = {2, 4, 1}, s1[] = {1},
                   s2x[] = {3, 1, 2, 1, 2}, s1x[] = {2, 1, 2, 1};
  const int32_t ops[] = {TFLC_OP_FLOOR_DIV, TFLC_OP_FLOOR_MOD, TFLC_OP_POW,
                         TFLC_OP_ATAN2};
  for (int k = 0; k < 4; k++) {
    int32_t op = ops[k];
    int8_t types[3] = {F32, I32, I64};
    int nt = op == TFLC_OP_ATAN2 ? 1 : (op == TFLC_OP_POW ? 2 : 3);
    for (int t = 0; t < nt; t++) {
      int8_t tt = types[t];
      bin_case(op, tt, s23, 2, s23, 2, 0);
      bin_case(op, tt, s234, 3, s4, 1, 0);
      bin_case(op, tt, s4, 1, s234, 3, 1);
      bin_case(op, tt, s31, 2, s14, 2, 0);
      bin_case(op, tt, NULL, 0, s22, 2, 0);
      bin_case(op, tt, s22, 2, NULL, 0, 1);
      bin_case(op, tt, s213, 3, s241, 3, 0);
      bin_case(op, tt, s1, 1, s1, 1, 0);
      bin_case(op, tt, s2x, 5, s1x, 4, 0);
    }
  }
}

static void test_floor_div_mod_values(void) {
  static const int s4[] = {4}, s2[] = {2}, s6[] = {6};
  {
    const int32_t a[] = {7, -7, 7, -7}, b[] = {2, 2, -2, -2};
    const int32_t want_div[] = {3, -4, -4, 3}, want_mod[] = {1, 1, -1, -1};
    oo_tensor ins[2] = {oo_in(I32, s4, 1, a), oo_in(I32, s4, 1, b)};
    oo_op c = {.op = TFLC_OP_FLOOR_DIV,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(I32, s4, 1)};
    oo_run_expect(&c, s4, 1, want_div, sizeof want_div, "floor_div i32 signs");
    c.op = TFLC_OP_FLOOR_MOD;
    oo_run_expect(&c, s4, 1, want_mod, sizeof want_mod, "floor_mod i32 signs");
  }
  {
    /* Exact multiples, overflow corner MIN / -1 and MIN mod -1. */
    const int32_t a[] = {6, -6, INT32_MIN, INT32_MIN, 0, INT32_MAX};
    const int32_t b[] = {3, 3, -1, 1, -5, INT32_MIN};
    const int32_t want_div[] = {2, -2, INT32_MIN, INT32_MIN, 0, -1};
    const int32_t want_mod[] = {0, 0, 0, 0, 0, -1};
    oo_tensor ins[2] = {oo_in(I32, s6, 1, a), oo_in(I32, s6, 1, b)};
    oo_op c = {.op = TFLC_OP_FLOOR_DIV,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(I32, s6, 1)};
    oo_run_expect(&c, s6, 1, want_div, sizeof want_div, "floor_div i32 corner");
    c.op = TFLC_OP_FLOOR_MOD;
    oo_run_expect(&c, s6, 1, want_mod, sizeof want_mod, "floor_mod i32 corner");
  }
  {
    /* int64 beyond double precision: exact integer arithmetic. */
    const int64_t a[] = {(int64_t)1 << 62 | 1, -((int64_t)1 << 62) - 1};
    const int64_t b[] = {2, 2};
    const int64_t want_div[] = {(int64_t)1 << 61, -((int64_t)1 << 61) - 1};
    const int64_t want_mod[] = {1, 1};
    oo_tensor ins[2] = {oo_in(I64, s2, 1, a), oo_in(I64, s2, 1, b)};
    oo_op c = {.op = TFLC_OP_FLOOR_DIV,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(I64, s2, 1)};
    oo_run_expect(&c, s2, 1, want_div, sizeof want_div, "floor_div i64 big");
    c.op = TFLC_OP_FLOOR_MOD;
    oo_run_expect(&c, s2, 1, want_mod, sizeof want_mod, "floor_mod i64 big");
  }
  {
    const float a[] = {5.5f, -5.5f, 5.5f, -5.5f}, b[] = {2, 2, -2, -2};
    const float want_div[] = {2, -3, -3, 2};
    const float want_mod[] = {1.5f, 0.5f, -0.5f, -1.5f};
    oo_tensor ins[2] = {oo_in(F32, s4, 1, a), oo_in(F32, s4, 1, b)};
    oo_op c = {.op = TFLC_OP_FLOOR_DIV,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(F32, s4, 1)};
    oo_run_expect_f32(&c, s4, 1, want_div, 4, 0, "floor_div f32 signs");
    c.op = TFLC_OP_FLOOR_MOD;
    oo_run_expect_f32(&c, s4, 1, want_mod, 4, 1e-7, "floor_mod f32 signs");
  }
  {
    /* Float division by zero is IEEE: inf / NaN, no error. */
    const float a[] = {1, -1}, b[] = {0, 0};
    const float want[] = {INFINITY, -INFINITY};
    oo_tensor ins[2] = {oo_in(F32, s2, 1, a), oo_in(F32, s2, 1, b)};
    oo_op c = {.op = TFLC_OP_FLOOR_DIV,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(F32, s2, 1)};
    oo_run_expect_f32(&c, s2, 1, want, 2, 0, "floor_div f32 by zero");
  }
}

static void test_pow_values(void) {
  static const int s5[] = {5};
  {
    const int32_t a[] = {2, -3, 0, 7, 2}, b[] = {10, 3, 0, 0, 31};
    const int32_t want[] = {1024, -27, 1, 1, INT32_MIN};
    oo_tensor ins[2] = {oo_in(I32, s5, 1, a), oo_in(I32, s5, 1, b)};
    oo_op c = {.op = TFLC_OP_POW,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(I32, s5, 1)};
    oo_run_expect(&c, s5, 1, want, sizeof want, "pow i32");
  }
  {
    const float a[] = {2, -2, 4, 0, -8}, b[] = {0.5f, 3, -0.5f, 0, 1.0f / 3};
    float want[5];
    for (int i = 0; i < 5; i++) want[i] = (float)pow(a[i], b[i]);
    oo_tensor ins[2] = {oo_in(F32, s5, 1, a), oo_in(F32, s5, 1, b)};
    oo_op c = {.op = TFLC_OP_POW,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(F32, s5, 1)};
    oo_run_expect_f32(&c, s5, 1, want, 5, 1e-6, "pow f32"); /* -8^(1/3): NaN */
  }
}

static void test_atan2_values(void) {
  static const int s4[] = {4};
  const float y[] = {1, 1, -1, 0}, x[] = {1, -1, -1, -1};
  const float want[] = {(float)(PI / 4), (float)(3 * PI / 4),
                        (float)(-3 * PI / 4), (float)PI};
  oo_tensor ins[2] = {oo_in(F32, s4, 1, y), oo_in(F32, s4, 1, x)};
  oo_op c = {.op = TFLC_OP_ATAN2,
             .inputs = ins,
             .n_inputs = 2,
             .out = oo_out_t(F32, s4, 1)};
  oo_run_expect_f32(&c, s4, 1, want, 4, 1e-6, "atan2 quadrants");
}

static void test_binary_errors(void) {
  static const int s2[] = {2}, s3[] = {3}, s03[] = {0, 3}, s0[] = {0};
  const int32_t zi[] = {4, 0}, vi[] = {1, 2};
  const int64_t zl[] = {0, 1}, vl[] = {1, 2};
  {
    oo_tensor ins[2] = {oo_in(I32, s2, 1, vi), oo_in(I32, s2, 1, zi)};
    oo_op c = {.op = TFLC_OP_FLOOR_DIV,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(I32, s2, 1)};
    oo_expect_invoke_error(&c, "division by zero", "floor_div i32 by 0");
    c.op = TFLC_OP_FLOOR_MOD;
    oo_expect_invoke_error(&c, "division by zero", "floor_mod i32 by 0");
  }
  {
    oo_tensor ins[2] = {oo_in(I64, s2, 1, vl), oo_in(I64, s2, 1, zl)};
    oo_op c = {.op = TFLC_OP_FLOOR_DIV,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(I64, s2, 1)};
    oo_expect_invoke_error(&c, "division by zero", "floor_div i64 by 0");
    c.op = TFLC_OP_FLOOR_MOD;
    oo_expect_invoke_error(&c, "division by zero", "floor_mod i64 by 0");
  }
  {
    const int32_t e[] = {2, -1};
    oo_tensor ins[2] = {oo_in(I32, s2, 1, vi), oo_in(I32, s2, 1, e)};
    oo_op c = {.op = TFLC_OP_POW,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(I32, s2, 1)};
    oo_expect_invoke_error(&c, "negative integer powers are not allowed",
                           "pow i32 negative exponent");
  }
  {
    /* Type refusals (prepare). */
    oo_tensor ins[2] = {oo_in(TFLC_TT_INT8, s2, 1, NULL),
                        oo_in(TFLC_TT_INT8, s2, 1, NULL)};
    oo_op c = {.op = TFLC_OP_FLOOR_DIV,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(TFLC_TT_INT8, s2, 1)};
    oo_expect_error(&c,
                    "input type INT8 is not supported (FLOAT32, INT32, "
                    "INT64)",
                    "floor_div int8");
    c.op = TFLC_OP_FLOOR_MOD;
    oo_expect_error(&c, "input type INT8 is not supported", "floor_mod int8");
    c.op = TFLC_OP_POW;
    oo_expect_error(&c, "input type INT8 is not supported (FLOAT32, INT32)",
                    "pow int8");
  }
  {
    oo_tensor ins[2] = {oo_in(I32, s2, 1, NULL), oo_in(I32, s2, 1, NULL)};
    oo_op c = {.op = TFLC_OP_ATAN2,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(I32, s2, 1)};
    oo_expect_error(&c, "input type INT32 is not supported (FLOAT32)",
                    "atan2 int32");
    c.op = TFLC_OP_POW;
    ins[1].tt = I64;
    oo_expect_error(&c, "does not match", "pow mixed types");
  }
  {
    oo_tensor ins[2] = {oo_in(F32, s2, 1, NULL), oo_in(F32, s3, 1, NULL)};
    oo_op c = {.op = TFLC_OP_FLOOR_MOD,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(F32, s3, 1)};
    oo_expect_error(&c, "not broadcastable", "floor_mod shapes");
    oo_op c1 = {.op = TFLC_OP_POW,
                .inputs = ins,
                .n_inputs = 1,
                .out = oo_out_t(F32, s3, 1)};
    oo_expect_error(&c1, "expected 2 inputs, got 1", "pow 1 input");
  }
  {
    /* Zero-size: a zero divisor tensor never used is fine, output [0,3]. */
    oo_tensor ins[2] = {oo_in(I32, s03, 2, NULL), oo_in(I32, s3, 1, NULL)};
    oo_op c = {.op = TFLC_OP_FLOOR_DIV,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(I32, s03, 2)};
    oo_run_expect(&c, s03, 2, NULL, 0, "floor_div zero-size");
    c.op = TFLC_OP_POW;
    oo_run_expect(&c, s03, 2, NULL, 0, "pow zero-size");
    oo_tensor fins[2] = {oo_in(F32, s0, 1, NULL), oo_in(F32, s0, 1, NULL)};
    oo_op cf = {.op = TFLC_OP_ATAN2,
                .inputs = fins,
                .n_inputs = 2,
                .out = oo_out_t(F32, s0, 1)};
    oo_run_expect(&cf, s0, 1, NULL, 0, "atan2 zero-size");
  }
}

/* ---- ADD_N -------------------------------------------------------------- */

static void test_add_n(void) {
  static const int s23[] = {2, 3}, s32[] = {3, 2}, s0[] = {0, 2};
  {
    float x[3][6], want[6];
    for (int k = 0; k < 3; k++) oo_fill_f32(x[k], 6, -4, 4);
    for (int i = 0; i < 6; i++) want[i] = (x[0][i] + x[1][i]) + x[2][i];
    oo_tensor ins[3] = {oo_in(F32, s23, 2, x[0]), oo_const(F32, s23, 2, x[1]),
                        oo_in(F32, s23, 2, x[2])};
    oo_op c = {.op = TFLC_OP_ADD_N,
               .inputs = ins,
               .n_inputs = 3,
               .out = oo_out_t(F32, s23, 2)};
    oo_run_expect_f32(&c, s23, 2, want, 6, 1e-6, "add_n f32 x3");
    c.n_inputs = 2;
    for (int i = 0; i < 6; i++) want[i] = x[0][i] + x[1][i];
    oo_run_expect_f32(&c, s23, 2, want, 6, 1e-6, "add_n f32 x2");
  }
  {
    const int32_t a[] = {1, 2, 3, 4, 5, INT32_MAX},
                  b[] = {10, 20, 30, 40, 50, 1};
    const int32_t cc[] = {100, 200, 300, 400, 500, 0},
                  d[] = {-1, -1, -1, -1, -1, 0};
    const int32_t want[] = {110, 221, 332, 443, 554, INT32_MIN};
    oo_tensor ins[4] = {oo_in(I32, s23, 2, a), oo_in(I32, s23, 2, b),
                        oo_in(I32, s23, 2, cc), oo_in(I32, s23, 2, d)};
    oo_op c = {.op = TFLC_OP_ADD_N,
               .inputs = ins,
               .n_inputs = 4,
               .out = oo_out_t(I32, s23, 2)};
    oo_run_expect(&c, s23, 2, want, sizeof want, "add_n i32 x4");
  }
  {
    oo_tensor ins[3] = {oo_in(F32, s0, 2, NULL), oo_in(F32, s0, 2, NULL),
                        oo_in(F32, s0, 2, NULL)};
    oo_op c = {.op = TFLC_OP_ADD_N,
               .inputs = ins,
               .n_inputs = 3,
               .out = oo_out_t(F32, s0, 2)};
    oo_run_expect(&c, s0, 2, NULL, 0, "add_n zero-size");
  }
  {
    oo_tensor ins[3] = {oo_in(F32, s23, 2, NULL), oo_in(F32, s32, 2, NULL),
                        oo_in(F32, s23, 2, NULL)};
    oo_op c = {.op = TFLC_OP_ADD_N,
               .inputs = ins,
               .n_inputs = 1,
               .out = oo_out_t(F32, s23, 2)};
    oo_expect_error(&c, "expected at least 2 inputs, got 1", "add_n 1 input");
    c.n_inputs = 3;
    oo_expect_error(&c, "input 2 shape [3,2] differs from input 1 shape [2,3]",
                    "add_n shapes");
    ins[1] = oo_in(I32, s23, 2, NULL);
    oo_expect_error(&c,
                    "input 2 type INT32 does not match input 1 type "
                    "FLOAT32",
                    "add_n types");
    for (int k = 0; k < 3; k++) ins[k].tt = I64;
    c.out.tt = I64;
    oo_expect_error(&c, "input type INT64 is not supported (FLOAT32, INT32)",
                    "add_n int64");
  }
}

/* ---- one-input math ----------------------------------------------------- */

static double ref_unary(int32_t op, double x, int approximate) {
  switch (op) {
    case TFLC_OP_LOG: return log(x);
    case TFLC_OP_SQUARE: return x * x;
    case TFLC_OP_SIN: return sin(x);
    case TFLC_OP_COS: return cos(x);
    case TFLC_OP_FLOOR: return floor(x);
    case TFLC_OP_CEIL: return ceil(x);
    case TFLC_OP_SIGN: return x > 0 ? 1 : (x < 0 ? -1 : 0);
    case TFLC_OP_RELU_0_TO_1: return x < 0 ? 0 : (x > 1 ? 1 : x);
    case TFLC_OP_ELU: return x < 0 ? exp(x) - 1 : x;
    case TFLC_OP_GELU:
      if (approximate)
        return 0.5 * x * (1 + tanh(sqrt(2 / PI) * (x + 0.044715 * x * x * x)));
      return 0.5 * x * (1 + erf(x / sqrt(2.0)));
    default: return NAN;
  }
}

static void unary_case(int32_t op, const float *x, size_t n, uint8_t bo,
                       const tflc_opt_field *f, int nf, int approximate,
                       double tol, const char *label) {
  static float want[64];
  int shape[1] = {(int)n};
  for (size_t i = 0; i < n; i++)
    want[i] = (float)ref_unary(op, x[i], approximate);
  oo_tensor in = oo_in(F32, shape, 1, x);
  oo_op c = {.op = op,
             .bo = bo,
             .fields = f,
             .n_fields = nf,
             .inputs = &in,
             .n_inputs = 1,
             .out = oo_out_t(F32, shape, 1)};
  oo_run_expect_f32(&c, shape, 1, want, n, tol, label);
}

static void test_unary_float(void) {
  float x[40];
  oo_fill_f32(x, 32, -6, 6);
  const float specials[] = {0.0f, -0.0f, 1.0f,  -1.0f,
                            0.5f, -2.5f, 3.75f, 1e-6f};
  memcpy(x + 32, specials, sizeof specials);
  float pos[40];
  for (int i = 0; i < 40; i++) pos[i] = fabsf(x[i]) + 1e-3f;
  unary_case(TFLC_OP_LOG, pos, 40, 0, NULL, 0, 0, 1e-6, "log");
  unary_case(TFLC_OP_SQUARE, x, 40, 0, NULL, 0, 0, 1e-6, "square");
  unary_case(TFLC_OP_SIN, x, 40, 0, NULL, 0, 0, 1e-6, "sin");
  unary_case(TFLC_OP_COS, x, 40, 0, NULL, 0, 0, 1e-6, "cos");
  unary_case(TFLC_OP_FLOOR, x, 40, 0, NULL, 0, 0, 0, "floor");
  unary_case(TFLC_OP_CEIL, x, 40, 0, NULL, 0, 0, 0, "ceil");
  unary_case(TFLC_OP_SIGN, x, 40, 0, NULL, 0, 0, 0, "sign f32");
  unary_case(TFLC_OP_RELU_0_TO_1, x, 40, 0, NULL, 0, 0, 0, "relu_0_to_1");
  unary_case(TFLC_OP_ELU, x, 40, 0, NULL, 0, 0, 1e-6, "elu");
  unary_case(TFLC_OP_GELU, x, 40, 0, NULL, 0, 0, 1e-6, "gelu no options");
  tflc_opt_field approx = tm_opt_int(0, TFLC_OPT_BOOL, 1);
  tflc_opt_field exact = tm_opt_int(0, TFLC_OPT_BOOL, 0);
  unary_case(TFLC_OP_GELU, x, 40, TFLC_BO_GELU, &approx, 1, 1, 1e-6,
             "gelu approximate");
  unary_case(TFLC_OP_GELU, x, 40, TFLC_BO_GELU, &exact, 1, 0, 1e-6,
             "gelu exact");
  /* The two GELU forms differ measurably somewhere. */
  CHECK(fabs(ref_unary(TFLC_OP_GELU, 1.5, 1) -
             ref_unary(TFLC_OP_GELU, 1.5, 0)) > 1e-5);

  /* Hand-computed specials. */
  static const int s4[] = {4};
  {
    const float v[] = {0.0f, -1.0f, INFINITY, 1.0f};
    const float want[] = {-INFINITY, NAN, INFINITY, 0.0f};
    oo_tensor in = oo_in(F32, s4, 1, v);
    oo_op c = {.op = TFLC_OP_LOG,
               .inputs = &in,
               .n_inputs = 1,
               .out = oo_out_t(F32, s4, 1)};
    oo_run_expect_f32(&c, s4, 1, want, 4, 0, "log specials");
  }
  {
    const float v[] = {NAN, -0.0f, -3.0f, 1e30f};
    const float want[] = {0.0f, 0.0f, -1.0f, 1.0f};
    oo_tensor in = oo_in(F32, s4, 1, v);
    oo_op c = {.op = TFLC_OP_SIGN,
               .inputs = &in,
               .n_inputs = 1,
               .out = oo_out_t(F32, s4, 1)};
    oo_run_expect_f32(&c, s4, 1, want, 4, 0, "sign specials");
  }
}

static void test_round(void) {
  static const int s14[] = {14};
  const float v[] = {-2.5f,      -1.5f, -0.5f, 0.5f,       1.5f,
                     2.5f,       2.4f,  2.6f,  -2.6f,      3.0f,
                     8388607.5f, 1e20f, -0.4f, 0.49999997f};
  const float want[] = {-2.0f, -2.0f, -0.0f, 0.0f,       2.0f,  2.0f,  2.0f,
                        3.0f,  -3.0f, 3.0f,  8388608.0f, 1e20f, -0.0f, 0.0f};
  oo_tensor in = oo_in(F32, s14, 1, v);
  oo_op c = {.op = TFLC_OP_ROUND,
             .inputs = &in,
             .n_inputs = 1,
             .out = oo_out_t(F32, s14, 1)};
  oo_run_expect_f32(&c, s14, 1, want, 14, 0, "round half to even");
}

static void test_unary_int_and_errors(void) {
  static const int s5[] = {5}, s0[] = {2, 0}, s3[] = {3};
  {
    const int32_t v[] = {-7, 0, 9, INT32_MIN, INT32_MAX};
    const int32_t want[] = {-1, 0, 1, -1, 1};
    oo_tensor in = oo_in(I32, s5, 1, v);
    oo_op c = {.op = TFLC_OP_SIGN,
               .inputs = &in,
               .n_inputs = 1,
               .out = oo_out_t(I32, s5, 1)};
    oo_run_expect(&c, s5, 1, want, sizeof want, "sign i32");
  }
  const int32_t ops[] = {TFLC_OP_LOG,   TFLC_OP_SQUARE, TFLC_OP_SIN,
                         TFLC_OP_COS,   TFLC_OP_FLOOR,  TFLC_OP_CEIL,
                         TFLC_OP_ROUND, TFLC_OP_SIGN,   TFLC_OP_RELU_0_TO_1,
                         TFLC_OP_ELU,   TFLC_OP_GELU};
  for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
    char label[64];
    /* Zero-size. */
    oo_tensor in = oo_in(F32, s0, 2, NULL);
    oo_op c = {.op = ops[k],
               .inputs = &in,
               .n_inputs = 1,
               .out = oo_out_t(F32, s0, 2)};
    snprintf(label, sizeof label, "op %d zero-size", (int)ops[k]);
    oo_run_expect(&c, s0, 2, NULL, 0, label);
    /* INT8 refused with the list of supported types. */
    in = oo_in(TFLC_TT_INT8, s3, 1, NULL);
    c.out = oo_out_t(TFLC_TT_INT8, s3, 1);
    snprintf(label, sizeof label, "op %d int8", (int)ops[k]);
    /* ELU, GELU, LOG and RELU_0_TO_1 accept quantized INT8
     * (tests/ops/test_quant_act.c, test_quant_more*.c): without quantization
     * parameters it is refused for those. */
    oo_expect_error(
        &c,
        ops[k] == TFLC_OP_SIGN ? "input type INT8 is not supported (FLOAT32, "
                                 "INT32)"
        : ops[k] == TFLC_OP_ELU || ops[k] == TFLC_OP_GELU ||
                ops[k] == TFLC_OP_LOG || ops[k] == TFLC_OP_RELU_0_TO_1
            ? "tensor 'in0' has no quantization parameters"
            : "input type INT8 is not supported (FLOAT32)",
        label);
    /* Output type mismatch. */
    in = oo_in(F32, s3, 1, NULL);
    c.out = oo_out_t(I32, s3, 1);
    snprintf(label, sizeof label, "op %d out type", (int)ops[k]);
    oo_expect_error(&c, "output type INT32 does not match input type FLOAT32",
                    label);
  }
  {
    oo_tensor in = oo_in(I32, s3, 1, NULL);
    oo_op c = {.op = TFLC_OP_SQUARE,
               .inputs = &in,
               .n_inputs = 1,
               .out = oo_out_t(I32, s3, 1)};
    oo_expect_error(&c, "input type INT32 is not supported (FLOAT32)",
                    "square int32");
    oo_tensor two[2] = {oo_in(F32, s3, 1, NULL), oo_in(F32, s3, 1, NULL)};
    oo_op c2 = {.op = TFLC_OP_LOG,
                .inputs = two,
                .n_inputs = 2,
                .out = oo_out_t(F32, s3, 1)};
    oo_expect_error(&c2, "expected 1 input, got 2", "log 2 inputs");
  }
}

/* ---- PRELU -------------------------------------------------------------- */

static void prelu_case(const int *si, int ri, const int *sa, int ra,
                       int a_const, const char *label) {
  static float x[256], al[256], want[256];
  size_t n = oo_count(si, ri), na = oo_count(sa, ra);
  oo_fill_f32(x, n, -3, 3);
  oo_fill_f32(al, na, -1, 1);
  for (size_t i = 0; i < n; i++) {
    float a = al[ot_bcast_index(i, si, ri, sa, ra)];
    want[i] = x[i] >= 0 ? x[i] : x[i] * a;
  }
  oo_tensor ins[2] = {oo_in(F32, si, ri, x), a_const ? oo_const(F32, sa, ra, al)
                                                     : oo_in(F32, sa, ra, al)};
  oo_op c = {.op = TFLC_OP_PRELU,
             .inputs = ins,
             .n_inputs = 2,
             .out = oo_out_t(F32, si, ri)};
  oo_run_expect_f32(&c, si, ri, want, n, 0, label);
}

static void test_prelu(void) {
  static const int s1223[] = {1, 2, 2, 3}, s3[] = {3}, s113[] = {1, 1, 3},
                   s23[] = {2, 3}, s2x[] = {2, 1, 1}, s0[] = {0, 2, 3},
                   s4[] = {4}, s2223[] = {2, 2, 2, 3};
  prelu_case(s1223, 4, s3, 1, 1, "prelu per channel");
  prelu_case(s1223, 4, s113, 3, 1, "prelu [1,1,3]");
  prelu_case(s1223, 4, s1223, 4, 0, "prelu same shape");
  prelu_case(s1223, 4, NULL, 0, 1, "prelu scalar alpha");
  prelu_case(s23, 2, s23, 2, 0, "prelu 2-D");
  prelu_case(s2223, 4, s2x, 3, 1, "prelu alpha [2,1,1]");
  {
    const float alpha[3] = {0.1f, 0.2f, 0.3f};
    oo_tensor ins[2] = {oo_in(F32, s0, 3, NULL), oo_const(F32, s3, 1, alpha)};
    oo_op c = {.op = TFLC_OP_PRELU,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(F32, s0, 3)};
    oo_run_expect(&c, s0, 3, NULL, 0, "prelu zero-size");
  }
  {
    oo_tensor ins[2] = {oo_in(F32, s23, 2, NULL), oo_in(F32, s4, 1, NULL)};
    oo_op c = {.op = TFLC_OP_PRELU,
               .inputs = ins,
               .n_inputs = 2,
               .out = oo_out_t(F32, s23, 2)};
    oo_expect_error(&c, "not broadcastable", "prelu alpha [4]");
    ins[1] = oo_in(F32, s1223, 4, NULL);
    ins[0] = oo_in(F32, s3, 1, NULL);
    c.out = oo_out_t(F32, s3, 1);
    oo_expect_error(&c,
                    "alpha shape [1,2,2,3] does not broadcast to the "
                    "input shape [3]",
                    "prelu alpha larger");
    ins[0] = oo_in(I32, s3, 1, NULL);
    ins[1] = oo_in(I32, s3, 1, NULL);
    c.out = oo_out_t(I32, s3, 1);
    oo_expect_error(&c,
                    "input type INT32 is not supported (FLOAT32, INT8, UINT8)",
                    "prelu int32");
    ins[0] = oo_in(F32, s3, 1, NULL);
    c.out = oo_out_t(F32, s3, 1);
    oo_expect_error(&c, "alpha type INT32 does not match input type FLOAT32",
                    "prelu alpha type");
  }
}

/* ---- LOG_SOFTMAX -------------------------------------------------------- */

static void ref_log_softmax(const float *x, size_t rows, size_t depth,
                            float *y) {
  for (size_t r = 0; r < rows; r++) {
    const float *xr = x + r * depth;
    double m = xr[0], s = 0;
    for (size_t i = 1; i < depth; i++) m = xr[i] > m ? xr[i] : m;
    for (size_t i = 0; i < depth; i++) s += exp(xr[i] - m);
    for (size_t i = 0; i < depth; i++)
      y[r * depth + i] = (float)(xr[i] - m - log(s));
  }
}

static void test_log_softmax(void) {
  static const int s25[] = {2, 5}, s234[] = {2, 3, 4}, s1[] = {1},
                   s04[] = {0, 4}, s3[] = {3};
  float x[24], want[24];
  oo_fill_f32(x, 24, -5, 5);
  {
    ref_log_softmax(x, 2, 5, want);
    oo_tensor in = oo_in(F32, s25, 2, x);
    oo_op c = {.op = TFLC_OP_LOG_SOFTMAX,
               .inputs = &in,
               .n_inputs = 1,
               .out = oo_out_t(F32, s25, 2)};
    oo_run_expect_f32(&c, s25, 2, want, 10, 1e-6, "log_softmax [2,5]");
  }
  {
    ref_log_softmax(x, 6, 4, want);
    oo_tensor in = oo_in(F32, s234, 3, x);
    oo_op c = {.op = TFLC_OP_LOG_SOFTMAX,
               .bo = TFLC_BO_LOG_SOFTMAX,
               .inputs = &in,
               .n_inputs = 1,
               .out = oo_out_t(F32, s234, 3)};
    oo_run_expect_f32(&c, s234, 3, want, 24, 1e-6, "log_softmax [2,3,4]");
  }
  {
    /* Stability: large values do not overflow. */
    const float big[] = {1000.0f, 1001.0f, 1002.0f};
    const float w[] = {(float)(-2 - log(1 + exp(-1.0) + exp(-2.0))),
                       (float)(-1 - log(1 + exp(-1.0) + exp(-2.0))),
                       (float)(-log(1 + exp(-1.0) + exp(-2.0)))};
    oo_tensor in = oo_in(F32, s3, 1, big);
    oo_op c = {.op = TFLC_OP_LOG_SOFTMAX,
               .inputs = &in,
               .n_inputs = 1,
               .out = oo_out_t(F32, s3, 1)};
    oo_run_expect_f32(&c, s3, 1, w, 3, 1e-6, "log_softmax large");
    const float one[] = {42.0f}, zero[] = {0.0f};
    in = oo_in(F32, s1, 1, one);
    c.out = oo_out_t(F32, s1, 1);
    oo_run_expect_f32(&c, s1, 1, zero, 1, 0, "log_softmax single");
    in = oo_in(F32, s04, 2, NULL);
    c.out = oo_out_t(F32, s04, 2);
    oo_run_expect(&c, s04, 2, NULL, 0, "log_softmax zero-size");
    in = oo_in(F32, NULL, 0, NULL);
    c.out = oo_out_t(F32, NULL, 0);
    oo_expect_error(&c, "rank >= 1", "log_softmax scalar");
    /* Quantized LOG_SOFTMAX (tests/ops/test_quant_more.c) needs
     * quantization parameters. */
    in = oo_in(TFLC_TT_INT8, s3, 1, NULL);
    c.out = oo_out_t(TFLC_TT_INT8, s3, 1);
    oo_expect_error(&c, "tensor 'in0' has no quantization parameters",
                    "log_softmax int8");
  }
}

int main(void) {
  test_binary_reference();
  test_floor_div_mod_values();
  test_pow_values();
  test_atan2_values();
  test_binary_errors();
  test_add_n();
  test_unary_float();
  test_round();
  test_unary_int_and_errors();
  test_prelu();
  test_log_softmax();
  return CHECK_DONE();
}
