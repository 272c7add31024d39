/* Op tests of LOGICAL_AND, LOGICAL_OR, LOGICAL_NOT, SELECT and SELECT_V2:
 * one-op models built with the project's writer, compared with plain
 * references written here (broadcasting by explicit index arithmetic, the
 * SELECT v1 rules for scalar and rank-1 conditions) and hand-computed
 * values, over data types of every element size, constant operands,
 * zero-size tensors and the errors prepare must report. */
#include "support/op_test.h"

#define F32 TFLC_TT_FLOAT32
#define I32 TFLC_TT_INT32
#define BOOL TFLC_TT_BOOL

/* Expects prepare to fail with `needle`, at AllocateTensors or, for string
 * inputs (dynamic tensors, prepared when invoked), at invoke. */
static void expect_error_any(const oo_op *op, const char *needle,
                             const char *label) {
  oo_run r;
  int failed = oo_build(op, &r) != 0;
  if (!failed) failed = oo_invoke(op, &r) != kTfLiteOk;
  CHECK_MSG(failed, "%s: expected an error containing \"%s\"", label, needle);
  if (failed) CHECK_CONTAINS(r.err, needle);
  oo_free(&r);
}

/* Broadcast shape of up to three shapes (all compatible in these tests). */
static int ref_bcast3(const int *const s[3], const int r[3], int *so) {
  int ro = 0;
  for (int k = 0; k < 3; k++) ro = r[k] > ro ? r[k] : ro;
  for (int i = 0; i < ro; i++) {
    int o = 1;
    for (int k = 0; k < 3; k++) {
      int j = i - (ro - r[k]);
      int d = j >= 0 ? s[k][j] : 1;
      if (d != 1) o = d;
    }
    so[i] = o;
  }
  return ro;
}

static uint32_t rs = 7u;
static uint32_t rnd(void) {
  rs = rs * 1664525u + 1013904223u;
  return rs >> 8;
}

/* ---- logical ------------------------------------------------------------ */

static void logical_case(int32_t op, const int *sa, int ra, const int *sb,
                         int rb, int b_const) {
  static uint8_t a[256], b[256], want[256];
  const int *s3[3] = {sa, sb, sb};
  int r3[3] = {ra, rb, rb}, so[8];
  int ro = ref_bcast3(s3, r3, so);
  size_t na = oo_count(sa, ra), nb = oo_count(sb, rb), no = oo_count(so, ro);
  for (size_t i = 0; i < na; i++) a[i] = (uint8_t)(rnd() % 2);
  for (size_t i = 0; i < nb; i++) b[i] = (uint8_t)(rnd() % 2);
  for (size_t i = 0; i < no; i++) {
    int x = a[ot_bcast_index(i, so, ro, sa, ra)],
        y = b[ot_bcast_index(i, so, ro, sb, rb)];
    want[i] = (uint8_t)(op == TFLC_OP_LOGICAL_AND ? (x && y) : (x || y));
  }
  oo_tensor ins[2] = {oo_in(BOOL, sa, ra, a), b_const
                                                  ? oo_const(BOOL, sb, rb, b)
                                                  : oo_in(BOOL, sb, rb, b)};
  oo_op c = {
      .op = op, .inputs = ins, .n_inputs = 2, .out = oo_out_t(BOOL, so, ro)};
  char label[64];
  snprintf(label, sizeof label, "logical %d ranks %d,%d", (int)op, ra, rb);
  oo_run_expect(&c, so, ro, want, no, label);
}

static void test_logical(void) {
  static const int s23[] = {2, 3}, s3[] = {3}, s31[] = {3, 1}, s14[] = {1, 4},
                   s213[] = {2, 1, 3}, s0[] = {0, 3};
  const int32_t ops[2] = {TFLC_OP_LOGICAL_AND, TFLC_OP_LOGICAL_OR};
  for (int k = 0; k < 2; k++) {
    logical_case(ops[k], s23, 2, s23, 2, 0);
    logical_case(ops[k], s23, 2, s3, 1, 1);
    logical_case(ops[k], s31, 2, s14, 2, 0);
    logical_case(ops[k], NULL, 0, s213, 3, 0);
    logical_case(ops[k], s213, 3, NULL, 0, 1);
    logical_case(ops[k], s0, 2, s3, 1, 0);
  }
  /* Truth tables by hand. */
  static const int s4[] = {4};
  const uint8_t a[] = {0, 0, 1, 1}, b[] = {0, 1, 0, 1};
  const uint8_t w_and[] = {0, 0, 0, 1}, w_or[] = {0, 1, 1, 1},
                w_not[] = {1, 1, 0, 0};
  oo_tensor ins[2] = {oo_in(BOOL, s4, 1, a), oo_in(BOOL, s4, 1, b)};
  oo_op c = {.op = TFLC_OP_LOGICAL_AND,
             .inputs = ins,
             .n_inputs = 2,
             .out = oo_out_t(BOOL, s4, 1)};
  oo_run_expect(&c, s4, 1, w_and, 4, "logical_and table");
  c.op = TFLC_OP_LOGICAL_OR;
  oo_run_expect(&c, s4, 1, w_or, 4, "logical_or table");
  oo_op cn = {.op = TFLC_OP_LOGICAL_NOT,
              .inputs = ins,
              .n_inputs = 1,
              .out = oo_out_t(BOOL, s4, 1)};
  oo_run_expect(&cn, s4, 1, w_not, 4, "logical_not table");
  ins[0] = oo_in(BOOL, s0, 2, NULL);
  cn.out = oo_out_t(BOOL, s0, 2);
  oo_run_expect(&cn, s0, 2, NULL, 0, "logical_not zero-size");

  /* Errors. */
  ins[0] = oo_in(I32, s4, 1, NULL);
  ins[1] = oo_in(I32, s4, 1, NULL);
  c.out = oo_out_t(BOOL, s4, 1);
  oo_expect_error(&c, "input type INT32 is not supported (BOOL)",
                  "logical_or int32");
  cn.out = oo_out_t(I32, s4, 1);
  oo_expect_error(&cn, "input type INT32 is not supported (BOOL)",
                  "logical_not int32");
  ins[0] = oo_in(BOOL, s4, 1, NULL);
  cn.out = oo_out_t(I32, s4, 1);
  oo_expect_error(&cn, "output type INT32 does not match input type BOOL",
                  "logical_not out type");
  ins[1] = oo_in(BOOL, s4, 1, NULL);
  c.out = oo_out_t(I32, s4, 1);
  oo_expect_error(&c, "output type INT32 must be BOOL", "logical_or out type");
  ins[1] = oo_in(BOOL, s3, 1, NULL);
  c.out = oo_out_t(BOOL, s4, 1);
  c.op = TFLC_OP_LOGICAL_AND;
  oo_expect_error(&c, "not broadcastable", "logical_and shapes");
}

/* ---- SELECT / SELECT_V2 ------------------------------------------------- */

static size_t tsize(int8_t tt) { return oo_tt_size(tt); }

/* v2: broadcast of the three; v1: cond same shape, scalar or rank-1 along
 * x's first dim (x and y same shape). Values are random bytes, so every
 * element type is compared bit for bit. */
static void select_case(int version, int8_t tt, const int *sc, int rc,
                        const int *sx, int rx, const int *sy, int ry,
                        int x_const, const char *label) {
  static uint8_t cond[512], x[4096], y[4096], want[4096];
  size_t e = tsize(tt);
  int so[8], ro;
  if (version == 2) {
    const int *s3[3] = {sc, sx, sy};
    int r3[3] = {rc, rx, ry};
    ro = ref_bcast3(s3, r3, so);
  } else {
    ro = rx;
    for (int i = 0; i < rx; i++) so[i] = sx[i];
  }
  size_t nc = oo_count(sc, rc), nx = oo_count(sx, rx), ny = oo_count(sy, ry);
  size_t no = oo_count(so, ro);
  for (size_t i = 0; i < nc; i++) cond[i] = (uint8_t)(rnd() % 2);
  for (size_t i = 0; i < nx * e; i++) x[i] = (uint8_t)rnd();
  for (size_t i = 0; i < ny * e; i++) y[i] = (uint8_t)rnd();
  if (tt == BOOL) {
    for (size_t i = 0; i < nx; i++) x[i] &= 1;
    for (size_t i = 0; i < ny; i++) y[i] &= 1;
  }
  size_t inner = 1;
  for (int i = 1; i < rx; i++) inner *= (size_t)sx[i];
  for (size_t i = 0; i < no; i++) {
    size_t ic, ix, iy;
    if (version == 2) {
      ic = ot_bcast_index(i, so, ro, sc, rc);
      ix = ot_bcast_index(i, so, ro, sx, rx);
      iy = ot_bcast_index(i, so, ro, sy, ry);
    } else {
      ix = iy = i;
      ic = rc == 0 ? 0 : (rc == 1 && rx > 1 ? i / inner : i);
    }
    memcpy(want + i * e, cond[ic] ? x + ix * e : y + iy * e, e);
  }
  oo_tensor ins[3] = {oo_in(BOOL, sc, rc, cond),
                      x_const ? oo_const(tt, sx, rx, x) : oo_in(tt, sx, rx, x),
                      oo_in(tt, sy, ry, y)};
  oo_op c = {.op = version == 2 ? TFLC_OP_SELECT_V2 : TFLC_OP_SELECT,
             .inputs = ins,
             .n_inputs = 3,
             .out = oo_out_t(tt, so, ro)};
  char full[128];
  snprintf(full, sizeof full, "select v%d type %d: %s", version, (int)tt,
           label);
  oo_run_expect(&c, so, ro, want, no * e, full);
}

static void test_select_v1(void) {
  static const int s23[] = {2, 3}, s2[] = {2}, s322[] = {3, 2, 2}, s3[] = {3},
                   s1[] = {1}, s0[] = {0}, s04[] = {0, 4}, s5[] = {5};
  const int8_t types[] = {
      F32,           I32,  TFLC_TT_INT64,   TFLC_TT_INT8,    TFLC_TT_UINT8,
      TFLC_TT_INT16, BOOL, TFLC_TT_FLOAT64, TFLC_TT_FLOAT16, TFLC_TT_UINT32};
  for (size_t k = 0; k < sizeof types; k++) {
    int8_t tt = types[k];
    select_case(1, tt, s23, 2, s23, 2, s23, 2, 0, "same shape");
    select_case(1, tt, NULL, 0, s23, 2, s23, 2, 1, "scalar cond");
    select_case(1, tt, s3, 1, s322, 3, s322, 3, 0, "rank-1 cond");
  }
  select_case(1, F32, s2, 1, s23, 2, s23, 2, 1, "rank-1 cond [2]");
  select_case(1, I32, s5, 1, s5, 1, s5, 1, 0, "rank 1 all");
  select_case(1, I32, s1, 1, s1, 1, s1, 1, 0, "one element");
  select_case(1, I32, NULL, 0, NULL, 0, NULL, 0, 0, "scalars");
  select_case(1, F32, s0, 1, s04, 2, s04, 2, 0, "zero-size rank-1 cond");
  select_case(1, F32, s04, 2, s04, 2, s04, 2, 0, "zero-size");

  /* Hand-computed: rank-1 condition picks rows. */
  {
    const uint8_t cond[] = {1, 0};
    const float x[] = {1, 2, 3, 4, 5, 6}, y[] = {-1, -2, -3, -4, -5, -6};
    const float want[] = {1, 2, 3, -4, -5, -6};
    oo_tensor ins[3] = {oo_in(BOOL, s2, 1, cond), oo_in(F32, s23, 2, x),
                        oo_in(F32, s23, 2, y)};
    oo_op c = {.op = TFLC_OP_SELECT,
               .inputs = ins,
               .n_inputs = 3,
               .out = oo_out_t(F32, s23, 2)};
    oo_run_expect(&c, s23, 2, want, sizeof want, "select rows by hand");
  }
  /* Errors. */
  {
    oo_tensor ins[3] = {oo_in(BOOL, s3, 1, NULL), oo_in(F32, s23, 2, NULL),
                        oo_in(F32, s23, 2, NULL)};
    oo_op c = {.op = TFLC_OP_SELECT,
               .inputs = ins,
               .n_inputs = 3,
               .out = oo_out_t(F32, s23, 2)};
    oo_expect_error(&c,
                    "condition shape [3] must equal the input shape "
                    "[2,3], be a scalar, or be rank 1",
                    "select v1 cond [3]");
    ins[0] = oo_in(BOOL, s23, 2, NULL);
    ins[2] = oo_in(F32, s3, 1, NULL);
    oo_expect_error(&c, "x shape [2,3] and y shape [3] differ",
                    "select v1 x/y shapes");
    ins[0] = oo_in(BOOL, s1, 1, NULL);
    ins[2] = oo_in(F32, s23, 2, NULL);
    oo_expect_error(&c, "condition shape [1]", "select v1 cond [1] no bcast");
    ins[0] = oo_in(I32, s23, 2, NULL);
    oo_expect_error(&c, "condition type INT32 is not supported (BOOL)",
                    "select cond int32");
    ins[0] = oo_in(BOOL, s23, 2, NULL);
    ins[2] = oo_in(I32, s23, 2, NULL);
    oo_expect_error(&c, "y type INT32 does not match x type FLOAT32",
                    "select x/y types");
    ins[2] = oo_in(F32, s23, 2, NULL);
    c.out = oo_out_t(I32, s23, 2);
    oo_expect_error(&c, "output type INT32 does not match input type FLOAT32",
                    "select output type");
    c.out = oo_out_t(F32, s23, 2);
    c.n_inputs = 2;
    oo_expect_error(&c, "expected 3 inputs, got 2", "select 2 inputs");
  }
}

static void test_select_v2(void) {
  static const int s213[] = {2, 1, 3}, s141[] = {1, 4, 1}, s3[] = {3},
                   s23[] = {2, 3}, s21[] = {2, 1}, s1[] = {1}, s0[] = {0, 3},
                   s13[] = {1, 3}, s4[] = {4}, s6[] = {2, 1, 2, 1, 2, 1},
                   s6b[] = {1, 2, 1, 2, 1, 2};
  const int8_t types[] = {F32,          I32,           TFLC_TT_INT64,
                          TFLC_TT_INT8, TFLC_TT_UINT8, TFLC_TT_INT16,
                          BOOL};
  for (size_t k = 0; k < sizeof types; k++) {
    int8_t tt = types[k];
    select_case(2, tt, s213, 3, s141, 3, s3, 1, 0, "3-way broadcast");
    select_case(2, tt, s23, 2, s23, 2, s23, 2, 1, "same shape");
    select_case(2, tt, NULL, 0, s23, 2, s23, 2, 0, "scalar cond");
    select_case(2, tt, s23, 2, NULL, 0, s21, 2, 1, "scalar x");
    select_case(2, tt, s21, 2, s13, 2, NULL, 0, 0, "scalar y");
  }
  select_case(2, F32, s3, 1, s23, 2, s23, 2, 0, "cond row bcast");
  select_case(2, F32, s21, 2, s23, 2, s1, 1, 0, "cond column bcast");
  select_case(2, I32, s6, 6, s6b, 6, s1, 1, 0, "6-D");
  select_case(2, F32, s0, 2, s3, 1, s13, 2, 0, "zero-size");
  select_case(2, F32, NULL, 0, NULL, 0, NULL, 0, 0, "all scalars");
  {
    oo_tensor ins[3] = {oo_in(BOOL, s23, 2, NULL), oo_in(F32, s4, 1, NULL),
                        oo_in(F32, s23, 2, NULL)};
    oo_op c = {.op = TFLC_OP_SELECT_V2,
               .inputs = ins,
               .n_inputs = 3,
               .out = oo_out_t(F32, s23, 2)};
    oo_expect_error(&c,
                    "condition shape [2,3], x shape [4] and y shape [2,3] "
                    "are not broadcastable",
                    "select_v2 shapes");
    ins[1] = oo_in(TFLC_TT_STRING, s23, 2, NULL);
    ins[2] = oo_in(TFLC_TT_STRING, s23, 2, NULL);
    c.out = oo_out_t(TFLC_TT_STRING, s23, 2);
    expect_error_any(&c, "input type STRING is not supported",
                     "select_v2 string");
  }
}

int main(void) {
  test_logical();
  test_select_v1();
  test_select_v2();
  return CHECK_DONE();
}
