/* Quantized ADD, SUB, MUL, SQUARED_DIFFERENCE and comparisons (INT8, UINT8,
 * INT16 general and power-of-two) against a reference written here from
 * TensorFlow Lite's integer formulas (Q31 multipliers, gemmlowp's rounding
 * doubling high multiply and rounding shift), every fused activation, with
 * and without broadcasting; and refusal of bad quantization parameters at
 * AllocateTensors with a message naming the tensor and the node. */
#include "support/op_test.h"

/* ---- reference fixed-point arithmetic (independent of src/) ---- */

static void r_mult(double real, int32_t *m, int *s) {
  *m = 0;
  *s = 0;
  if (real == 0.0) return;
  int e = 0;
  const double f = frexp(real, &e);
  long long q = llround(f * 2147483648.0); /* half away from zero */
  if (q == 2147483648LL) {
    q /= 2;
    e++;
  }
  if (e < -31) {
    e = 0;
    q = 0;
  }
  *m = (int32_t)q;
  *s = e;
}

static int32_t r_srdhm(int32_t a, int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  const int64_t ab = (int64_t)a * b;
  const int64_t nudge = ab >= 0 ? (1LL << 30) : (1 - (1LL << 30));
  return (int32_t)((ab + nudge) / (1LL << 31));
}

static int32_t r_rdbp(int32_t x, int e) {
  const int32_t mask = (int32_t)((1LL << e) - 1);
  const int32_t rem = x & mask;
  const int32_t th = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> e) + (rem > th ? 1 : 0);
}

static int32_t r_mbqm(int32_t x, int32_t m, int s) {
  const int l = s > 0 ? s : 0, r = s > 0 ? 0 : -s;
  return r_rdbp(r_srdhm((int32_t)((uint32_t)x << l), m), r);
}

static int32_t r_clamp(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

static void r_range(int8_t tt, int32_t *lo, int32_t *hi) {
  if (tt == TFLC_TT_INT8) {
    *lo = -128;
    *hi = 127;
  } else if (tt == TFLC_TT_UINT8) {
    *lo = 0;
    *hi = 255;
  } else {
    *lo = -32768;
    *hi = 32767;
  }
}

/* CalculateActivationRangeQuantized: zp + round(f / scale) in float. */
static void r_act(int act, float scale, int zp, int8_t tt, int32_t *lo,
                  int32_t *hi) {
  int32_t qmin, qmax;
  r_range(tt, &qmin, &qmax);
#define RQ(f) (zp + (int32_t)roundf((f) / scale))
  *lo = qmin;
  *hi = qmax;
  if (act == 1) *lo = RQ(0.0f) > qmin ? RQ(0.0f) : qmin;
  if (act == 3) {
    *lo = RQ(0.0f) > qmin ? RQ(0.0f) : qmin;
    *hi = RQ(6.0f) < qmax ? RQ(6.0f) : qmax;
  }
  if (act == 2) {
    *lo = RQ(-1.0f) > qmin ? RQ(-1.0f) : qmin;
    *hi = RQ(1.0f) < qmax ? RQ(1.0f) : qmax;
  }
#undef RQ
}

static int r_log2(float s, int *l) {
  const float v = logf(s) / logf(2.0f);
  *l = (int)roundf(v);
  return fabsf(v - roundf(v)) < 1e-3f;
}

/* ---- cases ---- */

enum { K_ADD, K_SUB, K_MUL, K_SQD, K_EQ, K_NE, K_LT, K_LE, K_GT, K_GE };

typedef struct qcase {
  int kind;
  int8_t tt;
  float s1, s2, so;
  int z1, z2, zo;
  int act;
  int pot; /* pot_scale_int16 option: 0 or 1 */
} qcase;

/* Expected value of one element. */
static int32_t r_elem(const qcase *c, int32_t x, int32_t y) {
  int32_t lo, hi;
  r_act(c->act, c->so, c->zo, c->tt, &lo, &hi);
  int32_t m1, m2, mo;
  int e1, e2, eo;
  int l1, l2, lo2;
  if (c->kind >= K_EQ) {
    r_mult(c->s1, &m1, &e1);
    r_mult(c->s2, &m2, &e2);
    const int32_t a = r_mbqm((x - c->z1) * 256, m1, e1);
    const int32_t b = r_mbqm((y - c->z2) * 256, m2, e2);
    switch (c->kind) {
      case K_EQ: return a == b;
      case K_NE: return a != b;
      case K_LT: return a < b;
      case K_LE: return a <= b;
      case K_GT: return a > b;
      default: return a >= b;
    }
  }
  if (c->kind == K_MUL) {
    r_mult((double)c->s1 * c->s2 / c->so, &mo, &eo);
    return r_clamp(r_mbqm((x - c->z1) * (y - c->z2), mo, eo) + c->zo, lo, hi);
  }
  if ((c->kind == K_ADD || c->kind == K_SUB) && c->tt == TFLC_TT_INT16 &&
      c->pot && r_log2(c->s1, &l1) && r_log2(c->s2, &l2) &&
      r_log2(c->so, &lo2)) {
    const int32_t a = l1 - lo2 ? r_rdbp(x, lo2 - l1) : x;
    const int32_t b = l2 - lo2 ? r_rdbp(y, lo2 - l2) : y;
    return r_clamp(r_clamp(c->kind == K_ADD ? a + b : a - b, -32768, 32767), lo,
                   hi);
  }
  const int L = c->kind == K_SQD ? 7 : c->tt == TFLC_TT_INT16 ? 15 : 20;
  const double twice = 2.0 * (c->s1 > c->s2 ? c->s1 : c->s2);
  r_mult(c->s1 / twice, &m1, &e1);
  r_mult(c->s2 / twice, &m2, &e2);
  const int32_t a = r_mbqm((x - c->z1) * (1 << L), m1, e1);
  if (c->kind == K_SQD) {
    const int32_t b = r_mbqm((y - c->z2) * (1 << L), m2, e2);
    r_mult(twice * twice / ((double)(1 << 14) * c->so), &mo, &eo);
    return r_clamp(r_mbqm((a - b) * (a - b), mo, eo) + c->zo, -128, 127);
  }
  /* SUB: TensorFlow Lite negates the second input's multiplier. */
  if (c->kind == K_SUB) m2 = -m2;
  const int32_t b = r_mbqm((y - c->z2) * (1 << L), m2, e2);
  r_mult(twice / ((double)(1 << L) * c->so), &mo, &eo);
  return r_clamp(r_mbqm(a + b, mo, eo) + c->zo, lo, hi);
}

static const int32_t kOps[] = {TFLC_OP_ADD,     TFLC_OP_SUB,
                               TFLC_OP_MUL,     TFLC_OP_SQUARED_DIFFERENCE,
                               TFLC_OP_EQUAL,   TFLC_OP_NOT_EQUAL,
                               TFLC_OP_LESS,    TFLC_OP_LESS_EQUAL,
                               TFLC_OP_GREATER, TFLC_OP_GREATER_EQUAL};
static const uint8_t kBo[] = {TFLC_BO_ADD, TFLC_BO_SUB, TFLC_BO_MUL, 0, 0,
                              0,           0,           0,           0, 0};
static const char *kNames[] = {
    "ADD",  "SUB",        "MUL",     "SQUARED_DIFFERENCE", "EQUAL", "NOT_EQUAL",
    "LESS", "LESS_EQUAL", "GREATER", "GREATER_EQUAL"};

static int32_t load(const void *p, int8_t tt, size_t i) {
  if (tt == TFLC_TT_INT8) return ((const int8_t *)p)[i];
  if (tt == TFLC_TT_UINT8 || tt == TFLC_TT_BOOL) return ((const uint8_t *)p)[i];
  return ((const int16_t *)p)[i];
}

static void store(void *p, int8_t tt, size_t i, int32_t v) {
  if (tt == TFLC_TT_INT8)
    ((int8_t *)p)[i] = (int8_t)v;
  else if (tt == TFLC_TT_UINT8)
    ((uint8_t *)p)[i] = (uint8_t)v;
  else
    ((int16_t *)p)[i] = (int16_t)v;
}

static uint32_t rng = 12345u;
static int32_t rnd(int32_t lo, int32_t hi) {
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return lo + (int32_t)(rng % (uint32_t)(hi - lo + 1));
}

/* Runs case c with a [2,1,4] x b [3,1] (broadcast) or both [2,3,4]. */
static void run_case(const qcase *c, int broadcast) {
  static const int sa_b[] = {2, 1, 4}, sb_b[] = {3, 1}, so[] = {2, 3, 4};
  const int *sa = broadcast ? sa_b : so, *sb = broadcast ? sb_b : so;
  const int ra = 3, rb = broadcast ? 2 : 3;
  const size_t na = oo_count(sa, ra), nb = oo_count(sb, rb), n = 24;
  int16_t abuf[24], bbuf[24];
  int32_t qmin, qmax;
  r_range(c->tt, &qmin, &qmax);
  for (size_t i = 0; i < na; i++) store(abuf, c->tt, i, rnd(qmin, qmax));
  for (size_t i = 0; i < nb; i++) store(bbuf, c->tt, i, rnd(qmin, qmax));
  /* A few fixed extremes. */
  store(abuf, c->tt, 0, qmin);
  store(bbuf, c->tt, 0, qmax);
  const float s1 = c->s1, s2 = c->s2, s3 = c->so;
  const int64_t z1 = c->z1, z2 = c->z2, z3 = c->zo;
  const int cmp = c->kind >= K_EQ;
  oo_tensor in[2] = {
      {c->tt, sa, ra, abuf, 0, 1, &s1, &z1, 0},
      {c->tt, sb, rb, bbuf, 0, 1, &s2, &z2, 0},
  };
  tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_I8, c->act),
                         tm_opt_int(1, TFLC_OPT_BOOL, c->pot)};
  int nf = c->kind == K_MUL ? 1 : (c->kind <= K_SUB ? 2 : 0);
  oo_op op = {
      kOps[c->kind],
      kBo[c->kind],
      f,
      nf,
      in,
      2,
      {cmp ? TFLC_TT_BOOL : c->tt, so, 3, NULL, 0, cmp ? 0 : 1, &s3, &z3, 0}};
  char label[160];
  snprintf(label, sizeof label, "%s tt=%d act=%d pot=%d bcast=%d s=%g,%g,%g",
           kNames[c->kind], c->tt, c->act, c->pot, broadcast, (double)c->s1,
           (double)c->s2, (double)c->so);
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, label);
  if (t) {
    const void *got = TfLiteTensorData(t);
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
      const size_t i0 = i / 12, i1 = (i / 4) % 3, i2 = i % 4;
      const size_t ia = broadcast ? i0 * 4 + i2 : i;
      const size_t ib = broadcast ? i1 : i;
      const int32_t want =
          r_elem(c, load(abuf, c->tt, ia), load(bbuf, c->tt, ib));
      const int32_t g = load(got, cmp ? TFLC_TT_BOOL : c->tt, i);
      if (g != want && bad++ < 3)
        CHECK_MSG(0, "%s: element %zu = %d, want %d", label, i, (int)g,
                  (int)want);
    }
    CHECK_MSG(bad == 0, "%s: %d wrong elements", label, bad);
  }
  oo_free(&r);
}

static void test_arithmetic(void) {
  /* Per type: scales/zero points for which the rescaling is not trivial. */
  const qcase base[] = {
      {K_ADD, TFLC_TT_INT8, 0.05f, 0.031f, 0.07f, -3, 10, -5, 0, 1},
      {K_ADD, TFLC_TT_UINT8, 0.0123f, 0.02f, 0.031f, 128, 120, 100, 0, 1},
      {K_ADD, TFLC_TT_INT16, 0.000585f, 0.000807f, 0.001024f, 0, 0, 0, 0, 0},
      {K_ADD, TFLC_TT_INT16, 0.000585f, 0.000807f, 0.001024f, 0, 0, 0, 0, 1},
  };
  for (int k = K_ADD; k <= K_MUL; k++) {
    for (size_t b = 0; b < sizeof base / sizeof base[0]; b++) {
      for (int act = 0; act <= 3; act++) {
        for (int bc = 0; bc <= 1; bc++) {
          qcase c = base[b];
          c.kind = k;
          c.act = act;
          /* RELU_N1_TO_1 / RELU6 bite on the output range. */
          if (k == K_MUL && c.tt != TFLC_TT_INT16) c.so = 0.2f;
          if (k == K_MUL && c.tt == TFLC_TT_INT16) c.so = 0.0005f;
          run_case(&c, bc);
        }
      }
    }
  }
  /* INT16 power-of-two scales: pot path (option true) and general path
   * (option false), first or second input shifted. */
  const float pots[][3] = {{1.0f / 4096, 1.0f / 32768, 1.0f / 4096},
                           {1.0f / 65536, 1.0f / 8192, 1.0f / 8192},
                           {1.0f / 4096, 1.0f / 4096, 1.0f / 4096}};
  for (int k = K_ADD; k <= K_SUB; k++)
    for (int p = 0; p < 3; p++)
      for (int pot = 0; pot <= 1; pot++)
        for (int act = 0; act <= 3; act++)
          for (int bc = 0; bc <= 1; bc++) {
            qcase c = {
                k, TFLC_TT_INT16, pots[p][0], pots[p][1], pots[p][2], 0, 0,
                0, act,           pot};
            run_case(&c, bc);
          }
  /* Ties of the rounding: multipliers with trailing zero bits. */
  for (int k = K_ADD; k <= K_SUB; k++)
    for (int bc = 0; bc <= 1; bc++) {
      qcase c = {k, TFLC_TT_INT8, 0.5f, 0.375f, 0.25f, 0, 1, 0, 0, 1};
      run_case(&c, bc);
      qcase d = {k, TFLC_TT_INT16, 0.75f, 0.5625f, 0.625f, 0, 0, 0, 0, 0};
      run_case(&d, bc);
      /* s2 / (2 s1) = (1 + 2^-20) / 2 and (1 + 2^-15) / 2: the rescaled
       * second input lands exactly halfway for odd values (SRDHM ties). */
      qcase e = {
          k, TFLC_TT_INT8, 2.0f, 1.0f + 1.0f / 1048576, 0.05f, 0, 1, 0, 0, 1};
      run_case(&e, bc);
      qcase g = {
          k, TFLC_TT_INT16, 2.0f, 1.0f + 1.0f / 32768, 0.0009f, 0, 0, 0, 0, 0};
      run_case(&g, bc);
    }
  for (int bc = 0; bc <= 1; bc++) {
    qcase c = {K_SQD, TFLC_TT_INT8, 0.05f, 0.031f, 0.4f, -3, 10, -5, 0, 0};
    run_case(&c, bc);
    qcase d = {K_SQD, TFLC_TT_INT8, 0.01f, 0.01f, 0.002f, 0, 0, -128, 0, 0};
    run_case(&d, bc);
  }
}

static void test_comparisons(void) {
  for (int k = K_EQ; k <= K_GE; k++)
    for (int bc = 0; bc <= 1; bc++) {
      /* Equal scales/zero points: raw comparison; and different ones, where
       * a few values compare equal after rescaling (2x scale). */
      qcase c = {k, TFLC_TT_INT8, 0.1f, 0.2f, 1.0f, 0, 0, 0, 0, 0};
      run_case(&c, bc);
      qcase d = {k, TFLC_TT_UINT8, 0.02f, 0.02f, 1.0f, 128, 128, 0, 0, 0};
      run_case(&d, bc);
      qcase e = {k, TFLC_TT_UINT8, 0.013f, 0.05f, 1.0f, 100, 3, 0, 0, 0};
      run_case(&e, bc);
    }
}

/* An ADD (or op) whose tensors carry the given parameters must fail to
 * allocate with a message containing each needle. */
static void expect_refused(int32_t opcode, uint8_t bo, int8_t tt,
                           const float s[3], const int64_t z[3], int n_in1,
                           int act, const char *needle, const char *needle2) {
  static const int shape[] = {1, 2, 2};
  const float s2[2] = {s[0], s[0]};
  const int64_t z2[2] = {z[0], z[0]};
  oo_tensor in[2] = {
      {tt, shape, 3, NULL, 0, n_in1, n_in1 > 1 ? s2 : &s[0],
       n_in1 > 1 ? z2 : &z[0], 2},
      {tt, shape, 3, NULL, 0, 1, &s[1], &z[1], 0},
  };
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, act);
  oo_op op = {opcode,
              bo,
              &f,
              bo ? 1 : 0,
              in,
              2,
              {tt, shape, 3, NULL, 0, 1, &s[2], &z[2], 0}};
  oo_run r;
  const int rc = oo_build(&op, &r);
  CHECK_MSG(rc != 0, "expected refusal: %s", needle);
  if (rc != 0) {
    CHECK_CONTAINS(r.err, needle);
    if (needle2) CHECK_CONTAINS(r.err, needle2);
  }
  oo_free(&r);
}

static void test_refusals(void) {
  const float ok[3] = {0.1f, 0.1f, 0.1f};
  const int64_t z0[3] = {0, 0, 0};
  const float zero_out[3] = {0.1f, 0.1f, 0.0f};
  const float neg_in[3] = {-0.1f, 0.1f, 0.1f};
  const float nan_in[3] = {0.1f, NAN, 0.1f};
  const float inf_out[3] = {0.1f, 0.1f, INFINITY};
  const int64_t zbig[3] = {200, 0, 0};
  const int64_t zi16[3] = {0, 5, 0};
  expect_refused(TFLC_OP_ADD, TFLC_BO_ADD, TFLC_TT_INT8, zero_out, z0, 1, 0,
                 "tensor 'out' has an invalid quantization scale 0",
                 "operator 0 (ADD)");
  expect_refused(TFLC_OP_SUB, TFLC_BO_SUB, TFLC_TT_UINT8, neg_in, z0, 1, 0,
                 "tensor 'in0' has an invalid quantization scale -0.1",
                 "operator 0 (SUB)");
  expect_refused(TFLC_OP_MUL, TFLC_BO_MUL, TFLC_TT_INT16, nan_in, z0, 1, 0,
                 "tensor 'in1' has an invalid quantization scale nan",
                 "operator 0 (MUL)");
  expect_refused(TFLC_OP_ADD, TFLC_BO_ADD, TFLC_TT_INT8, inf_out, z0, 1, 0,
                 "invalid quantization scale inf", "'out'");
  expect_refused(TFLC_OP_ADD, TFLC_BO_ADD, TFLC_TT_INT8, ok, zbig, 1, 0,
                 "tensor 'in0' has zero point 200 outside [-128, 127]", NULL);
  expect_refused(TFLC_OP_ADD, TFLC_BO_ADD, TFLC_TT_INT16, ok, zi16, 1, 0,
                 "'in1' is INT16 with zero point 5", NULL);
  expect_refused(TFLC_OP_MUL, TFLC_BO_MUL, TFLC_TT_INT8, ok, z0, 2, 0,
                 "tensor 'in0' must be quantized per tensor, has 2 scales",
                 NULL);
  expect_refused(TFLC_OP_ADD, TFLC_BO_ADD, TFLC_TT_INT8, ok, z0, 1, 4,
                 "fused activation 4 is not supported", NULL);
  /* Power-of-two INT16 with both inputs rescaled. */
  const float pot_bad[3] = {1.0f / 1024, 1.0f / 2048, 1.0f / 4096};
  expect_refused(TFLC_OP_ADD, TFLC_BO_ADD, TFLC_TT_INT16, pot_bad, z0, 1, 0,
                 "one input must have the output's scale", NULL);
  /* No quantization parameters at all. */
  static const int shape[] = {2};
  oo_tensor in[2] = {{TFLC_TT_INT8, shape, 1, NULL, 0, 0, NULL, NULL, 0},
                     {TFLC_TT_INT8, shape, 1, NULL, 0, 0, NULL, NULL, 0}};
  oo_op op = {TFLC_OP_ADD,
              0,
              NULL,
              0,
              in,
              2,
              {TFLC_TT_INT8, shape, 1, NULL, 0, 0, NULL, NULL, 0}};
  oo_expect_error(&op, "has no quantization parameters", "ADD no params");
}

/* Comparisons: a BOOL output without parameters; bad input parameters
 * refused. */
static void test_compare_io(void) {
  static const int shape[] = {2};
  const float s = 0.5f;
  const int64_t z = 0;
  const int8_t a[2] = {1, 2}, b[2] = {2, 2};
  oo_tensor in[2] = {{TFLC_TT_INT8, shape, 1, a, 0, 1, &s, &z, 0},
                     {TFLC_TT_INT8, shape, 1, b, 0, 1, &s, &z, 0}};
  oo_op op = {TFLC_OP_LESS,
              0,
              NULL,
              0,
              in,
              2,
              {TFLC_TT_BOOL, shape, 1, NULL, 0, 0, NULL, NULL, 0}};
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, "LESS int8");
  if (t) {
    const bool want[2] = {true, false};
    oo_check_bytes(t, want, 2, "LESS int8");
  }
  oo_free(&r);
  const float bad = 0.0f;
  in[1].scales = &bad;
  oo_expect_error(&op, "tensor 'in1' has an invalid quantization scale 0",
                  "LESS bad scale");
  oo_expect_error(&op, "operator 0 (LESS)", "LESS bad scale node");
}

int main(void) {
  test_arithmetic();
  test_comparisons();
  test_refusals();
  test_compare_io();
  return CHECK_DONE();
}
