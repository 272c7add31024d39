/* Tests of the StableHLO kernels TensorFlow Lite registers: STABLEHLO_ADD,
 * _MULTIPLY, _MAXIMUM, _MINIMUM, _AND, _SHIFT_LEFT, _PAD, _GATHER,
 * _SCATTER, _REDUCE_WINDOW, _RNG_BIT_GENERATOR and _CASE. Each case builds
 * a model with the project's writer (options as builtin_options_2, body and
 * branch subgraphs), runs it through the C API and compares with a plain
 * reference written here from the StableHLO spec; errors are checked by
 * their messages. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fp16.h"
#include "one_op.h"
#include "support/check.h"
#include "support/test_model.h"

/* ---- model helpers --------------------------------------------------------
 */

typedef struct run {
  TfLiteModel *model;
  TfLiteInterpreter *it;
  uint8_t *bytes;
  char err[2048];
} run;

/* Finishes m (freed) and allocates; 0 on success, else r->err says why. */
static int finish(tm_model *m, run *r) {
  memset(r, 0, sizeof *r);
  size_t size = 0;
  r->bytes = tm_finish(m, &size);
  tm_free(m);
  if (!r->bytes) {
    snprintf(r->err, sizeof r->err, "tm_finish failed");
    return -1;
  }
  r->model =
      TfLiteModelCreateWithErrorReporter(r->bytes, size, oo_report, r->err);
  if (!r->model) return -1;
  TfLiteInterpreterOptions *o = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(o, oo_report, r->err);
  r->it = TfLiteInterpreterCreate(r->model, o);
  TfLiteInterpreterOptionsDelete(o);
  if (r->it && TfLiteInterpreterAllocateTensors(r->it) != kTfLiteOk) {
    TfLiteInterpreterDelete(r->it);
    r->it = NULL;
  }
  return r->it ? 0 : -1;
}

static void run_free(run *r) {
  if (r->it) TfLiteInterpreterDelete(r->it);
  if (r->model) TfLiteModelDelete(r->model);
  free(r->bytes);
  memset(r, 0, sizeof *r);
}

static TfLiteStatus set_input(run *r, int i, const void *data, size_t bytes) {
  return TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(r->it, i),
                                    data, bytes);
}

static tflc_opt_field fvec64(uint16_t id, const int64_t *v, int n) {
  tflc_opt_field f;
  memset(&f, 0, sizeof f);
  f.id = id;
  f.kind = TFLC_OPT_VEC_I64;
  f.vec = v;
  f.vec_len = n;
  return f;
}

/* An op with builtin_options_2 of type bo2 (0: none). */
static int op2(tm_model *m, int32_t code, const int *ins, int ni,
               const int *outs, int no, uint8_t bo2, const tflc_opt_field *f,
               int nf) {
  int k = tm_op(m, code, NULL, ins, ni, outs, no, bo2, f, nf);
  if (bo2) tm_op_options2(m, k);
  return k;
}

static size_t count(const int *shape, int rank) {
  size_t n = 1;
  for (int i = 0; i < rank; i++) n *= (size_t)shape[i];
  return n;
}

static uint32_t rng_state = 12345;
static uint32_t rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

/* Scalar body subgraph (2 inputs, 1 output of type tt): `code` applied to
 * the inputs, or (code < 0) returning input -code - 1 unchanged. Returns
 * its index. */
static int body_subgraph(tm_model *m, int8_t tt, int32_t code) {
  int sg = tm_subgraph(m);
  int a = tm_tensor(m, tt, NULL, 0, "lhs");
  int b = tm_tensor(m, tt, NULL, 0, "rhs");
  if (code < 0) {
    int o = code == -1 ? a : b;
    tm_io(m, (const int[]){a, b}, 2, &o, 1);
    return sg;
  }
  int o = tm_tensor(m, tt, NULL, 0, "res");
  op2(m, code, (const int[]){a, b}, 2, &o, 1, 0, NULL, 0);
  tm_io(m, (const int[]){a, b}, 2, &o, 1);
  return sg;
}

/* ---- elementwise ------------------------------------------------------------
 */

static const int kEwShape[3] = {2, 3, 5};
#define EW_N 30

static double ew_ref_num(int32_t code, double x, double y) {
  switch (code) {
    case TFLC_OP_STABLEHLO_ADD: return x + y;
    case TFLC_OP_STABLEHLO_MULTIPLY: return x * y;
    case TFLC_OP_STABLEHLO_MAXIMUM: return x < y ? y : x;
    default: return y < x ? y : x;
  }
}

/* Integer reference: wrapping add/mul in 64 bits then truncated to the type
 * by the caller; and, shift. */
static int64_t ew_ref_int(int32_t code, int64_t x, int64_t y, int bits) {
  switch (code) {
    case TFLC_OP_STABLEHLO_ADD: return (int64_t)((uint64_t)x + (uint64_t)y);
    case TFLC_OP_STABLEHLO_MULTIPLY:
      return (int64_t)((uint64_t)x * (uint64_t)y);
    case TFLC_OP_STABLEHLO_MAXIMUM: return x < y ? y : x;
    case TFLC_OP_STABLEHLO_MINIMUM: return y < x ? y : x;
    case TFLC_OP_STABLEHLO_AND: return x & y;
    default: return y < 0 || y >= bits ? 0 : (int64_t)((uint64_t)x << y);
  }
}

static const char *op_name(int32_t code) {
  switch (code) {
    case TFLC_OP_STABLEHLO_ADD: return "add";
    case TFLC_OP_STABLEHLO_MULTIPLY: return "multiply";
    case TFLC_OP_STABLEHLO_MAXIMUM: return "maximum";
    case TFLC_OP_STABLEHLO_MINIMUM: return "minimum";
    case TFLC_OP_STABLEHLO_AND: return "and";
    default: return "shift_left";
  }
}

/* Runs a two-input elementwise op on n-element [2,3,5] inputs. */
static int ew_run(int32_t code, int8_t tt, const void *a, const void *b,
                  size_t esize, void *out) {
  tm_model *m = tm_create();
  int x = tm_tensor(m, tt, kEwShape, 3, "a");
  int y = tm_tensor(m, tt, kEwShape, 3, "b");
  int o = tm_tensor(m, tt, kEwShape, 3, "o");
  op2(m, code, (const int[]){x, y}, 2, &o, 1, 0, NULL, 0);
  tm_io(m, (const int[]){x, y}, 2, &o, 1);
  run r;
  int rc = finish(m, &r);
  if (rc == 0) {
    set_input(&r, 0, a, EW_N * esize);
    set_input(&r, 1, b, EW_N * esize);
    rc = TfLiteInterpreterInvoke(r.it) == kTfLiteOk ? 0 : -1;
    if (rc == 0)
      memcpy(out, TfLiteTensorData(TfLiteInterpreterGetOutputTensor(r.it, 0)),
             EW_N * esize);
  }
  if (rc != 0) fprintf(stderr, "%s: %s\n", op_name(code), r.err);
  run_free(&r);
  return rc;
}

/* Integer types: random values in the type's full range (shift amounts in
 * [-2, bits + 2]). */
#define EW_INT_CASE(T, TT, BITS, SIGNED)                                    \
  do {                                                                      \
    T a[EW_N], b[EW_N], o[EW_N];                                            \
    for (int i = 0; i < EW_N; i++) {                                        \
      a[i] = (T)(((uint64_t)rnd() << 32) | rnd());                          \
      b[i] = (T)(((uint64_t)rnd() << 32) | rnd());                          \
      if (code == TFLC_OP_STABLEHLO_SHIFT_LEFT)                             \
        b[i] = (T)((int)(rnd() % (BITS + 5)) - 2);                          \
      if (i < 4) b[i] = a[i]; /* ties */                                    \
    }                                                                       \
    CHECK(ew_run(code, TT, a, b, sizeof(T), o) == 0);                       \
    int bad = 0;                                                            \
    for (int i = 0; i < EW_N; i++) {                                        \
      int64_t x = SIGNED ? (int64_t)a[i] : (int64_t)(uint64_t)a[i];         \
      int64_t y = SIGNED ? (int64_t)b[i] : (int64_t)(uint64_t)b[i];         \
      T want;                                                               \
      if (!SIGNED && (code == TFLC_OP_STABLEHLO_MAXIMUM ||                  \
                      code == TFLC_OP_STABLEHLO_MINIMUM))                   \
        want = (code == TFLC_OP_STABLEHLO_MAXIMUM) == (a[i] < b[i]) ? b[i]  \
                                                                    : a[i]; \
      else                                                                  \
        want = (T)ew_ref_int(code, x, y, BITS);                             \
      if (o[i] != want) bad++;                                              \
    }                                                                       \
    CHECK_MSG(bad == 0, "%s %s: %d wrong", op_name(code), #T, bad);         \
  } while (0)

static void test_elementwise(void) {
  const int32_t arith[4] = {TFLC_OP_STABLEHLO_ADD, TFLC_OP_STABLEHLO_MULTIPLY,
                            TFLC_OP_STABLEHLO_MAXIMUM,
                            TFLC_OP_STABLEHLO_MINIMUM};
  for (int k = 0; k < 6; k++) {
    int32_t code = k < 4    ? arith[k]
                   : k == 4 ? TFLC_OP_STABLEHLO_AND
                            : TFLC_OP_STABLEHLO_SHIFT_LEFT;
    EW_INT_CASE(int8_t, TFLC_TT_INT8, 8, 1);
    EW_INT_CASE(int16_t, TFLC_TT_INT16, 16, 1);
    EW_INT_CASE(int32_t, TFLC_TT_INT32, 32, 1);
    if (code == TFLC_OP_STABLEHLO_SHIFT_LEFT) continue;
    EW_INT_CASE(int64_t, TFLC_TT_INT64, 64, 1);
    EW_INT_CASE(uint8_t, TFLC_TT_UINT8, 8, 0);
    EW_INT_CASE(uint16_t, TFLC_TT_UINT16, 16, 0);
    EW_INT_CASE(uint32_t, TFLC_TT_UINT32, 32, 0);
    EW_INT_CASE(uint64_t, TFLC_TT_UINT64, 64, 0);
    /* BOOL: add/max = or, mul/min/and = and */
    bool a[EW_N], b[EW_N], o[EW_N];
    for (int i = 0; i < EW_N; i++) {
      a[i] = rnd() & 1;
      b[i] = rnd() & 1;
    }
    CHECK(ew_run(code, TFLC_TT_BOOL, a, b, 1, o) == 0);
    int is_or =
        code == TFLC_OP_STABLEHLO_ADD || code == TFLC_OP_STABLEHLO_MAXIMUM;
    int bad = 0;
    for (int i = 0; i < EW_N; i++)
      bad += o[i] != (is_or ? (a[i] || b[i]) : (a[i] && b[i]));
    CHECK_MSG(bad == 0, "%s bool: %d wrong", op_name(code), bad);
    if (k >= 4) continue;
    /* floats */
    float fa[EW_N], fb[EW_N], fo[EW_N];
    double da[EW_N], db[EW_N], dout[EW_N];
    uint16_t ha[EW_N], hb[EW_N], ho[EW_N];
    for (int i = 0; i < EW_N; i++) {
      fa[i] = (float)((int)(rnd() % 64) - 32) / 4.0f; /* exact in half too */
      fb[i] = i < 3 ? fa[i] : (float)((int)(rnd() % 64) - 32) / 4.0f;
      da[i] = (double)fa[i] * 1.1;
      db[i] = (double)fb[i] * 0.7;
      ha[i] = tflc_f32_to_fp16(fa[i]);
      hb[i] = tflc_f32_to_fp16(fb[i]);
    }
    CHECK(ew_run(code, TFLC_TT_FLOAT32, fa, fb, 4, fo) == 0);
    CHECK(ew_run(code, TFLC_TT_FLOAT64, da, db, 8, dout) == 0);
    CHECK(ew_run(code, TFLC_TT_FLOAT16, ha, hb, 2, ho) == 0);
    int bf = 0, bd = 0, bh = 0;
    for (int i = 0; i < EW_N; i++) {
      bf += fo[i] != (float)ew_ref_num(code, fa[i], fb[i]);
      bd += dout[i] != ew_ref_num(code, da[i], db[i]);
      bh += tflc_fp16_to_f32(ho[i]) != (float)ew_ref_num(code, fa[i], fb[i]);
    }
    CHECK_MSG(bf == 0 && bd == 0 && bh == 0,
              "%s floats: %d f32, %d f64, %d f16 wrong", op_name(code), bf, bd,
              bh);
  }
}

/* Expects AllocateTensors of m to fail with a message containing needle. */
static void expect_error(tm_model *m, const char *needle, const char *label) {
  run r;
  int rc = finish(m, &r);
  CHECK_MSG(rc != 0, "%s: expected an error containing \"%s\"", label, needle);
  if (rc != 0) CHECK_CONTAINS(r.err, needle);
  run_free(&r);
}

static void ew_error(int32_t code, int8_t ta, const int *sa, int ra, int8_t tb,
                     const int *sb, int rb, const char *needle) {
  tm_model *m = tm_create();
  int x = tm_tensor(m, ta, sa, ra, "a");
  int y = tm_tensor(m, tb, sb, rb, "b");
  int o = tm_tensor(m, ta, sa, ra, "o");
  op2(m, code, (const int[]){x, y}, 2, &o, 1, 0, NULL, 0);
  tm_io(m, (const int[]){x, y}, 2, &o, 1);
  expect_error(m, needle, op_name(code));
}

static void test_elementwise_errors(void) {
  ew_error(TFLC_OP_STABLEHLO_ADD, TFLC_TT_FLOAT32, (const int[]){2, 3}, 2,
           TFLC_TT_FLOAT32, (const int[]){1, 3}, 2, "same shape");
  ew_error(TFLC_OP_STABLEHLO_MULTIPLY, TFLC_TT_FLOAT32, (const int[]){2}, 1,
           TFLC_TT_INT32, (const int[]){2}, 1, "same type");
  ew_error(TFLC_OP_STABLEHLO_AND, TFLC_TT_FLOAT32, (const int[]){2}, 1,
           TFLC_TT_FLOAT32, (const int[]){2}, 1, "FLOAT32 is not supported");
  ew_error(TFLC_OP_STABLEHLO_SHIFT_LEFT, TFLC_TT_INT64, (const int[]){2}, 1,
           TFLC_TT_INT64, (const int[]){2}, 1, "INT64 is not supported");
  ew_error(TFLC_OP_STABLEHLO_MAXIMUM, TFLC_TT_COMPLEX64, (const int[]){2}, 1,
           TFLC_TT_COMPLEX64, (const int[]){2}, 1,
           "COMPLEX64 is not supported");
}

/* ---- PAD ---------------------------------------------------------------- */

/* Pads a float [in_shape] input; lo/hi/interior per dim (NULL: absent). */
static void pad_case(const int *shape, int rank, const int64_t *lo,
                     const int64_t *hi, const int64_t *in, const char *label) {
  int out_shape[8];
  for (int i = 0; i < rank; i++) {
    int64_t d = shape[i], l = lo ? lo[i] : 0, h = hi ? hi[i] : 0,
            p = in ? in[i] : 0;
    out_shape[i] = (int)(l + h + (d > 0 ? (d - 1) * (p + 1) + 1 : 0));
  }
  size_t n_in = count(shape, rank), n_out = count(out_shape, rank);
  float *x = malloc((n_in + 1) * sizeof(float));
  float *want = malloc((n_out + 1) * sizeof(float));
  for (size_t i = 0; i < n_in; i++) x[i] = (float)(i + 1);
  const float pv = -7.5f;
  /* reference: each output coordinate o maps to input (o - lo) / (p + 1)
   * when that divides exactly and lands inside */
  int oc[8] = {0};
  for (size_t e = 0; e < n_out; e++) {
    size_t src = 0;
    int inside = 1;
    for (int i = 0; i < rank; i++) {
      int64_t q = oc[i] - (lo ? lo[i] : 0), step = (in ? in[i] : 0) + 1;
      if (q < 0 || q % step != 0 || q / step >= shape[i])
        inside = 0;
      else
        src = src * (size_t)shape[i] + (size_t)(q / step);
      if (!inside) break;
    }
    want[e] = inside ? x[src] : pv;
    for (int i = rank - 1; i >= 0; i--) {
      if (++oc[i] < out_shape[i]) break;
      oc[i] = 0;
    }
  }
  tm_model *m = tm_create();
  int t_in = tm_tensor(m, TFLC_TT_FLOAT32, shape, rank, "x");
  int t_pv = tm_const(m, TFLC_TT_FLOAT32, NULL, 0, &pv, 4, "pv");
  int t_out = tm_tensor(m, TFLC_TT_FLOAT32, out_shape, rank, "y");
  tflc_opt_field f[3];
  int nf = 0;
  if (lo) f[nf++] = fvec64(0, lo, rank);
  if (hi) f[nf++] = fvec64(1, hi, rank);
  if (in) f[nf++] = fvec64(2, in, rank);
  op2(m, TFLC_OP_STABLEHLO_PAD, (const int[]){t_in, t_pv}, 2, &t_out, 1,
      TFLC_BO2_STABLEHLO_PAD, f, nf);
  tm_io(m, &t_in, 1, &t_out, 1);
  run r;
  if (finish(m, &r) != 0) {
    CHECK_MSG(0, "%s: %s", label, r.err);
  } else {
    CHECK(set_input(&r, 0, x, n_in * 4) == kTfLiteOk);
    CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s: %s", label,
              r.err);
    const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(r.it, 0);
    oo_check_shape(t, out_shape, rank, label);
    oo_check_f32(t, want, n_out, 0, label);
  }
  run_free(&r);
  free(x);
  free(want);
}

static void pad_error(const int *shape, int rank, const int64_t *lo,
                      const int64_t *hi, const int64_t *in, int n_vec,
                      const char *needle) {
  const float pv = 0;
  tm_model *m = tm_create();
  int t_in = tm_tensor(m, TFLC_TT_FLOAT32, shape, rank, "x");
  int t_pv = tm_const(m, TFLC_TT_FLOAT32, NULL, 0, &pv, 4, "pv");
  int t_out = tm_tensor(m, TFLC_TT_FLOAT32, shape, rank, "y");
  tflc_opt_field f[3] = {fvec64(0, lo, n_vec), fvec64(1, hi, n_vec),
                         fvec64(2, in, n_vec)};
  op2(m, TFLC_OP_STABLEHLO_PAD, (const int[]){t_in, t_pv}, 2, &t_out, 1,
      TFLC_BO2_STABLEHLO_PAD, f, 3);
  tm_io(m, &t_in, 1, &t_out, 1);
  expect_error(m, needle, needle);
}

static void test_pad(void) {
  pad_case((const int[]){2, 3}, 2, (const int64_t[]){1, 0},
           (const int64_t[]){2, 1}, NULL, "pad edges");
  pad_case((const int[]){2, 3}, 2, (const int64_t[]){0, 1},
           (const int64_t[]){1, 0}, (const int64_t[]){1, 2}, "pad interior");
  pad_case((const int[]){4, 5}, 2, (const int64_t[]){-1, -3},
           (const int64_t[]){-2, 1}, (const int64_t[]){0, 1},
           "pad negative (crop) with interior");
  pad_case((const int[]){3, 1, 4}, 3, (const int64_t[]){-2, 1, -5},
           (const int64_t[]){1, 1, -1}, (const int64_t[]){2, 0, 2},
           "pad crop inside interior");
  pad_case((const int[]){2, 2, 2, 2}, 4, NULL, NULL, NULL,
           "pad absent options (copy)");
  pad_case(NULL, 0, NULL, NULL, NULL, "pad rank 0");
  pad_case((const int[]){3}, 1, (const int64_t[]){-4}, (const int64_t[]){2},
           (const int64_t[]){1}, "pad crop everything but padding");
  /* int8, via the raw bytes: [1,2] interior 1 low 1 -> [v,1,v,2] */
  {
    int8_t x[2] = {1, 2}, pv = 9, want[4] = {9, 1, 9, 2};
    tm_model *m = tm_create();
    int t_in = tm_tensor(m, TFLC_TT_INT8, (const int[]){2}, 1, "x");
    int t_pv = tm_tensor(m, TFLC_TT_INT8, NULL, 0, "pv");
    int t_out = tm_tensor(m, TFLC_TT_INT8, (const int[]){4}, 1, "y");
    tflc_opt_field f[2] = {fvec64(0, (const int64_t[]){1}, 1),
                           fvec64(2, (const int64_t[]){1}, 1)};
    op2(m, TFLC_OP_STABLEHLO_PAD, (const int[]){t_in, t_pv}, 2, &t_out, 1,
        TFLC_BO2_STABLEHLO_PAD, f, 2);
    tm_io(m, (const int[]){t_in, t_pv}, 2, &t_out, 1);
    run r;
    CHECK_MSG(finish(m, &r) == 0, "pad int8: %s", r.err);
    if (r.it) {
      set_input(&r, 0, x, 2);
      set_input(&r, 1, &pv, 1);
      CHECK(TfLiteInterpreterInvoke(r.it) == kTfLiteOk);
      CHECK(memcmp(TfLiteTensorData(TfLiteInterpreterGetOutputTensor(r.it, 0)),
                   want, 4) == 0);
    }
    run_free(&r);
  }
  pad_error((const int[]){2, 3}, 2, (const int64_t[]){0, 0},
            (const int64_t[]){0, 0}, (const int64_t[]){0, -1}, 2,
            "interior_padding[1] = -1 must not be negative");
  pad_error((const int[]){2, 3}, 2, (const int64_t[]){-2, 0},
            (const int64_t[]){-1, 0}, (const int64_t[]){0, 0}, 2,
            "output dimension 0 would have size -1");
  pad_error((const int[]){2, 3}, 2, (const int64_t[]){0, 0, 0},
            (const int64_t[]){0, 0, 0}, (const int64_t[]){0, 0, 0}, 3,
            "edge_padding_low has 3 entries, the operand has rank 2");
}

/* ---- GATHER ---------------------------------------------------------------
 */

typedef struct gather_spec {
  const int *op_shape;
  int op_rank;
  const int *idx_shape;
  int idx_rank;
  const int64_t *idx; /* values */
  const int64_t *offset_dims;
  int n_offset;
  const int64_t *collapsed;
  int n_collapsed;
  const int64_t *map;
  int n_map;
  int64_t ivd;
  const int64_t *slice;
  int8_t idx_tt;
} gather_spec;

static void gather_case(const gather_spec *s, const int *want_shape,
                        int want_rank, const char *label) {
  size_t n_op = count(s->op_shape, s->op_rank),
         n_idx = count(s->idx_shape, s->idx_rank);
  size_t n_out = count(want_shape, want_rank);
  float *x = malloc((n_op + 1) * 4), *want = malloc((n_out + 1) * 4);
  for (size_t i = 0; i < n_op; i++) x[i] = (float)i;
  /* reference, per result element (StableHLO spec) */
  int rc_[8] = {0};
  for (size_t e = 0; e < n_out; e++) {
    int64_t batch[8], off[8];
    int nb = 0, no = 0;
    for (int d = 0; d < want_rank; d++) {
      int is_off = 0;
      for (int j = 0; j < s->n_offset; j++) is_off |= s->offset_dims[j] == d;
      if (is_off)
        off[no++] = rc_[d];
      else
        batch[nb++] = rc_[d];
    }
    int64_t full[8] = {0};
    for (int k = 0; k < s->n_map; k++) {
      /* start_indices index: batch dims with k inserted at ivd */
      size_t flat = 0;
      int bi = 0;
      for (int d = 0; d < s->idx_rank; d++) {
        int64_t c = d == s->ivd ? k : batch[bi++];
        flat = flat * (size_t)s->idx_shape[d] + (size_t)c;
      }
      int64_t v = s->idx[flat],
              hi = s->op_shape[s->map[k]] - s->slice[s->map[k]];
      full[s->map[k]] = v < 0 ? 0 : v > hi ? hi : v;
    }
    size_t src = 0;
    int oi = 0;
    for (int d = 0; d < s->op_rank; d++) {
      int coll = 0;
      for (int j = 0; j < s->n_collapsed; j++) coll |= s->collapsed[j] == d;
      int64_t c = full[d] + (coll ? 0 : off[oi++]);
      src = src * (size_t)s->op_shape[d] + (size_t)c;
    }
    want[e] = x[src];
    for (int d = want_rank - 1; d >= 0; d--) {
      if (++rc_[d] < want_shape[d]) break;
      rc_[d] = 0;
    }
  }
  int32_t idx32[64];
  for (size_t i = 0; i < n_idx; i++) idx32[i] = (int32_t)s->idx[i];
  int8_t itt = s->idx_tt ? s->idx_tt : TFLC_TT_INT32;
  tm_model *m = tm_create();
  int t_op = tm_tensor(m, TFLC_TT_FLOAT32, s->op_shape, s->op_rank, "operand");
  int t_idx = tm_const(m, itt, s->idx_shape, s->idx_rank,
                       itt == TFLC_TT_INT32 ? (const void *)idx32 : s->idx,
                       n_idx * (itt == TFLC_TT_INT32 ? 4 : 8), "idx");
  int t_out = tm_tensor(m, TFLC_TT_FLOAT32, want_shape, want_rank, "out");
  tflc_opt_field f[5] = {
      fvec64(0, s->offset_dims, s->n_offset),
      fvec64(1, s->collapsed, s->n_collapsed), fvec64(2, s->map, s->n_map),
      tm_opt_int(3, TFLC_OPT_I64, s->ivd), fvec64(4, s->slice, s->op_rank)};
  op2(m, TFLC_OP_STABLEHLO_GATHER, (const int[]){t_op, t_idx}, 2, &t_out, 1,
      TFLC_BO2_STABLEHLO_GATHER, f, 5);
  tm_io(m, &t_op, 1, &t_out, 1);
  run r;
  if (finish(m, &r) != 0) {
    CHECK_MSG(0, "%s: %s", label, r.err);
  } else {
    set_input(&r, 0, x, n_op * 4);
    CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s: %s", label,
              r.err);
    const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(r.it, 0);
    if (oo_check_shape(t, want_shape, want_rank, label))
      oo_check_f32(t, want, n_out, 0, label);
  }
  run_free(&r);
  free(x);
  free(want);
}

static void gather_error(const gather_spec *s, const char *needle) {
  size_t n_idx = count(s->idx_shape, s->idx_rank);
  int32_t idx32[64] = {0};
  tm_model *m = tm_create();
  int t_op = tm_tensor(m, TFLC_TT_FLOAT32, s->op_shape, s->op_rank, "operand");
  int t_idx = tm_const(m, TFLC_TT_INT32, s->idx_shape, s->idx_rank, idx32,
                       n_idx * 4, "idx");
  int t_out = tm_tensor(m, TFLC_TT_FLOAT32, s->op_shape, s->op_rank, "out");
  tflc_opt_field f[5] = {
      fvec64(0, s->offset_dims, s->n_offset),
      fvec64(1, s->collapsed, s->n_collapsed), fvec64(2, s->map, s->n_map),
      tm_opt_int(3, TFLC_OPT_I64, s->ivd), fvec64(4, s->slice, s->op_rank)};
  op2(m, TFLC_OP_STABLEHLO_GATHER, (const int[]){t_op, t_idx}, 2, &t_out, 1,
      TFLC_BO2_STABLEHLO_GATHER, f, 5);
  tm_io(m, &t_op, 1, &t_out, 1);
  expect_error(m, needle, needle);
}

static void test_gather(void) {
  /* embedding-style lookup: rows of [5,3], indices [4,1] (one clamped) */
  gather_spec a = {(const int[]){5, 3},
                   2,
                   (const int[]){4, 1},
                   2,
                   (const int64_t[]){3, 0, 4, 9},
                   (const int64_t[]){1},
                   1,
                   (const int64_t[]){0},
                   1,
                   (const int64_t[]){0},
                   1,
                   1,
                   (const int64_t[]){1, 3},
                   0};
  gather_case(&a, (const int[]){4, 3}, 2, "gather rows");
  /* the StableHLO spec example: operand [3,4,2], start_indices [2,3,2] */
  gather_spec b = {(const int[]){3, 4, 2},
                   3,
                   (const int[]){2, 3, 2},
                   3,
                   (const int64_t[]){0, 0, 1, 0, 2, 1, 0, 1, 1, 1, 0, 9},
                   (const int64_t[]){2, 3},
                   2,
                   (const int64_t[]){0},
                   1,
                   (const int64_t[]){1, 0},
                   2,
                   2,
                   (const int64_t[]){1, 2, 2},
                   0};
  gather_case(&b, (const int[]){2, 3, 2, 2}, 4, "gather spec example");
  /* index_vector_dim 0, offset dims first, int64 indices, negative index */
  gather_spec c = {(const int[]){4, 5, 3},
                   3,
                   (const int[]){2, 3},
                   2,
                   (const int64_t[]){1, -3, 2, 4, 0, 2},
                   (const int64_t[]){0, 1},
                   2,
                   (const int64_t[]){1},
                   1,
                   (const int64_t[]){0, 1},
                   2,
                   0,
                   (const int64_t[]){2, 1, 3},
                   TFLC_TT_INT64};
  gather_case(&c, (const int[]){2, 3, 3}, 3, "gather index_vector_dim 0");
  /* index_vector_dim == rank (implicit 1-element vectors), no collapse */
  gather_spec d = {(const int[]){6, 2},
                   2,
                   (const int[]){3},
                   1,
                   (const int64_t[]){5, 1, 2},
                   (const int64_t[]){1, 2},
                   2,
                   NULL,
                   0,
                   (const int64_t[]){0},
                   1,
                   1,
                   (const int64_t[]){2, 2},
                   0};
  gather_case(&d, (const int[]){3, 2, 2}, 3, "gather implicit index vector");
  gather_spec e1 = a;
  e1.slice = (const int64_t[]){2, 3};
  gather_error(&e1, "collapsed dimension 0 must have slice size 1");
  gather_spec e2 = a;
  e2.map = (const int64_t[]){0, 1};
  e2.n_map = 2;
  gather_error(&e2, "start_index_map has 2 entries, the index vectors have 1");
  gather_spec e3 = a;
  e3.offset_dims = (const int64_t[]){2};
  gather_error(&e3, "offset_dims[0] = 2 is not a dimension");
  gather_spec e4 = a;
  e4.slice = (const int64_t[]){1, 4};
  gather_error(&e4, "slice_sizes[1] = 4 is not in [0, 3]");
  gather_spec e5 = a;
  e5.ivd = 3;
  gather_error(&e5, "index_vector_dim 3 is not in [0, 2]");
}

/* ---- SCATTER ------------------------------------------------------------ */

typedef struct scatter_spec {
  const int *op_shape;
  int op_rank;
  const int *idx_shape;
  int idx_rank;
  const int32_t *idx;
  const int *upd_shape;
  int upd_rank;
  const int64_t *uwd;
  int n_uwd;
  const int64_t *inserted;
  int n_ins;
  const int64_t *map;
  int n_map;
  int64_t ivd;
} scatter_spec;

/* body: -2 = replace, or a builtin code (STABLEHLO_ADD, ...) */
static void scatter_case(const scatter_spec *s, int32_t body,
                         const char *label) {
  size_t n_op = count(s->op_shape, s->op_rank),
         n_upd = count(s->upd_shape, s->upd_rank);
  size_t n_idx = count(s->idx_shape, s->idx_rank);
  float *x = malloc((n_op + 1) * 4), *u = malloc((n_upd + 1) * 4),
        *want = malloc((n_op + 1) * 4);
  for (size_t i = 0; i < n_op; i++) want[i] = x[i] = (float)(i % 7) - 2.0f;
  for (size_t i = 0; i < n_upd; i++) u[i] = (float)(i % 5) + 0.5f;
  /* reference: update elements in row-major order */
  int uc[8] = {0};
  for (size_t e = 0; e < n_upd; e++) {
    int64_t sc[8], win[8];
    int ns = 0, nw = 0;
    for (int d = 0; d < s->upd_rank; d++) {
      int is_w = 0;
      for (int j = 0; j < s->n_uwd; j++) is_w |= s->uwd[j] == d;
      if (is_w)
        win[nw++] = uc[d];
      else
        sc[ns++] = uc[d];
    }
    int64_t full[8] = {0};
    for (int k = 0; k < s->n_map; k++) {
      size_t flat = 0;
      int bi = 0;
      for (int d = 0; d < s->idx_rank; d++) {
        int64_t c = d == s->ivd ? k : sc[bi++];
        flat = flat * (size_t)s->idx_shape[d] + (size_t)c;
      }
      full[s->map[k]] = s->idx[flat];
    }
    int wi = 0, inside = 1;
    size_t dst = 0;
    for (int d = 0; d < s->op_rank; d++) {
      int ins = 0;
      for (int j = 0; j < s->n_ins; j++) ins |= s->inserted[j] == d;
      int64_t c = full[d] + (ins ? 0 : win[wi++]);
      if (c < 0 || c >= s->op_shape[d]) inside = 0;
      dst = dst * (size_t)s->op_shape[d] + (size_t)c;
    }
    if (inside) {
      float a = want[dst], b = u[e];
      want[dst] = body == -2                      ? b
                  : body == TFLC_OP_STABLEHLO_ADD ? a + b
                  : body == TFLC_OP_MUL           ? a * b
                                                  : (a < b ? b : a);
    }
    for (int d = s->upd_rank - 1; d >= 0; d--) {
      if (++uc[d] < s->upd_shape[d]) break;
      uc[d] = 0;
    }
  }
  tm_model *m = tm_create();
  int t_op = tm_tensor(m, TFLC_TT_FLOAT32, s->op_shape, s->op_rank, "operand");
  int t_idx = tm_const(m, TFLC_TT_INT32, s->idx_shape, s->idx_rank, s->idx,
                       n_idx * 4, "idx");
  int t_upd =
      tm_tensor(m, TFLC_TT_FLOAT32, s->upd_shape, s->upd_rank, "updates");
  int t_out = tm_tensor(m, TFLC_TT_FLOAT32, s->op_shape, s->op_rank, "out");
  tflc_opt_field f[6] = {
      fvec64(1, s->uwd, s->n_uwd),    fvec64(2, s->inserted, s->n_ins),
      fvec64(3, s->map, s->n_map),    tm_opt_int(4, TFLC_OPT_I64, s->ivd),
      tm_opt_int(6, TFLC_OPT_I32, 1), tm_opt_int(5, TFLC_OPT_BOOL, 0)};
  op2(m, TFLC_OP_STABLEHLO_SCATTER, (const int[]){t_op, t_idx, t_upd}, 3,
      &t_out, 1, TFLC_BO2_STABLEHLO_SCATTER, f, 6);
  tm_io(m, (const int[]){t_op, t_upd}, 2, &t_out, 1);
  body_subgraph(m, TFLC_TT_FLOAT32, body);
  run r;
  if (finish(m, &r) != 0) {
    CHECK_MSG(0, "%s: %s", label, r.err);
  } else {
    set_input(&r, 0, x, n_op * 4);
    set_input(&r, 1, u, n_upd * 4);
    CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s: %s", label,
              r.err);
    const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(r.it, 0);
    if (oo_check_shape(t, s->op_shape, s->op_rank, label))
      oo_check_f32(t, want, n_op, 0, label);
  }
  run_free(&r);
  free(x);
  free(u);
  free(want);
}

static void scatter_error(const scatter_spec *s, int body_code, int body_index,
                          const char *needle) {
  size_t n_idx = count(s->idx_shape, s->idx_rank);
  tm_model *m = tm_create();
  int t_op = tm_tensor(m, TFLC_TT_FLOAT32, s->op_shape, s->op_rank, "operand");
  int t_idx = tm_const(m, TFLC_TT_INT32, s->idx_shape, s->idx_rank, s->idx,
                       n_idx * 4, "idx");
  int t_upd =
      tm_tensor(m, TFLC_TT_FLOAT32, s->upd_shape, s->upd_rank, "updates");
  int t_out = tm_tensor(m, TFLC_TT_FLOAT32, s->op_shape, s->op_rank, "out");
  tflc_opt_field f[5] = {
      fvec64(1, s->uwd, s->n_uwd), fvec64(2, s->inserted, s->n_ins),
      fvec64(3, s->map, s->n_map), tm_opt_int(4, TFLC_OPT_I64, s->ivd),
      tm_opt_int(6, TFLC_OPT_I32, body_index)};
  op2(m, TFLC_OP_STABLEHLO_SCATTER, (const int[]){t_op, t_idx, t_upd}, 3,
      &t_out, 1, TFLC_BO2_STABLEHLO_SCATTER, f, 5);
  tm_io(m, (const int[]){t_op, t_upd}, 2, &t_out, 1);
  if (body_code == -3) {
    /* a body with one input */
    tm_subgraph(m);
    int a = tm_tensor(m, TFLC_TT_FLOAT32, NULL, 0, "a");
    tm_io(m, &a, 1, &a, 1);
  } else {
    body_subgraph(m, TFLC_TT_FLOAT32, body_code);
  }
  expect_error(m, needle, needle);
}

static void test_scatter(void) {
  /* the StableHLO spec example: operand [3,4,2], indices [2,3,2] */
  scatter_spec a = {(const int[]){3, 4, 2},
                    3,
                    (const int[]){2, 3, 2},
                    3,
                    (const int32_t[]){0, 2, 1, 0, 2, 1, 0, 1, 1, 0, 3, 2},
                    (const int[]){2, 3, 2, 2},
                    4,
                    (const int64_t[]){2, 3},
                    2,
                    (const int64_t[]){0},
                    1,
                    (const int64_t[]){1, 0},
                    2,
                    2};
  scatter_case(&a, TFLC_OP_STABLEHLO_ADD, "scatter spec example, add");
  scatter_case(&a, -2, "scatter spec example, replace");
  scatter_case(&a, TFLC_OP_MUL, "scatter spec example, MUL body");
  /* rows of [6,3] with duplicate and out-of-range (negative, too large)
   * indices; window dim first, scatter dim last in updates */
  scatter_spec b = {(const int[]){6, 3},
                    2,
                    (const int[]){5},
                    1,
                    (const int32_t[]){4, 1, 4, -1, 6},
                    (const int[]){3, 5},
                    2,
                    (const int64_t[]){0},
                    1,
                    (const int64_t[]){0},
                    1,
                    (const int64_t[]){0},
                    1,
                    1};
  /* updates [3,5]: dim 0 is the window over operand dim 1, dim 1 scatters */
  scatter_case(&b, TFLC_OP_STABLEHLO_MAXIMUM,
               "scatter transposed updates, max, out of range");
  scatter_case(&b, -2, "scatter transposed updates, replace, duplicates");
  /* partial windows that hang over the edge are skipped element by element */
  scatter_spec c = {(const int[]){5, 4},
                    2,
                    (const int[]){3, 2},
                    2,
                    (const int32_t[]){0, 0, 3, 3, 4, -1},
                    (const int[]){3, 2, 2},
                    3,
                    (const int64_t[]){1, 2},
                    2,
                    NULL,
                    0,
                    (const int64_t[]){0, 1},
                    2,
                    1};
  scatter_case(&c, TFLC_OP_STABLEHLO_ADD, "scatter windows over the edge");
  scatter_error(&a, TFLC_OP_STABLEHLO_ADD, 7, "refers to subgraph 7");
  scatter_error(&a, -3, 1, "must take 2 inputs and give 1 output");
  scatter_spec e1 = a;
  e1.n_ins = 0;
  scatter_error(&e1, TFLC_OP_STABLEHLO_ADD, 1,
                "must together cover the operand rank 3");
  scatter_spec e2 = a;
  e2.upd_shape = (const int[]){2, 4, 2, 2};
  scatter_error(
      &e2, TFLC_OP_STABLEHLO_ADD, 1,
      "updates dimension 1 (4) must match scatter_indices dimension 1 (3)");
  scatter_spec e3 = a;
  e3.map = (const int64_t[]){1, 1};
  scatter_error(&e3, TFLC_OP_STABLEHLO_ADD, 1,
                "scatter_dims_to_operand_dims repeats dimension 1");
}

/* ---- REDUCE_WINDOW --------------------------------------------------------
 */

typedef struct rw_spec {
  const int *shape;
  int rank;
  const int64_t *win, *stride, *base_dil, *win_dil, *pad; /* NULL: absent */
  float init;
  int32_t body;
} rw_spec;

static void rw_case(const rw_spec *s, const float *x, const int *want_shape,
                    const float *want_given, const char *label) {
  int r = s->rank;
  /* reference: materialize the dilated and padded input, then reduce */
  int pshape[8];
  for (int i = 0; i < r; i++) {
    int64_t bd = s->base_dil ? s->base_dil[i] : 1,
            lo = s->pad ? s->pad[2 * i] : 0,
            hi = s->pad ? s->pad[2 * i + 1] : 0;
    pshape[i] = (int)(lo + hi + (s->shape[i] - 1) * bd + 1);
  }
  size_t np = count(pshape, r), n_in = count(s->shape, r);
  float *padded = malloc((np + 1) * 4);
  for (size_t i = 0; i < np; i++) padded[i] = s->init;
  int c[8] = {0};
  for (size_t e = 0; e < n_in; e++) {
    size_t dst = 0;
    int ok = 1;
    for (int i = 0; i < r; i++) {
      int64_t p = (s->pad ? s->pad[2 * i] : 0) +
                  (int64_t)c[i] * (s->base_dil ? s->base_dil[i] : 1);
      if (p < 0 || p >= pshape[i]) ok = 0;
      dst = dst * (size_t)pshape[i] + (size_t)p;
    }
    if (ok) padded[dst] = x[e];
    for (int i = r - 1; i >= 0; i--) {
      if (++c[i] < s->shape[i]) break;
      c[i] = 0;
    }
  }
  int oshape[8];
  for (int i = 0; i < r; i++) {
    int64_t span = (s->win[i] - 1) * (s->win_dil ? s->win_dil[i] : 1) + 1,
            st = s->stride ? s->stride[i] : 1;
    oshape[i] = pshape[i] < span ? 0 : (int)((pshape[i] - span) / st + 1);
  }
  size_t n_out = count(oshape, r);
  float *want = malloc((n_out + 1) * 4);
  int oc[8] = {0};
  for (size_t e = 0; e < n_out; e++) {
    float acc = s->init;
    int wc[8] = {0};
    size_t taps = 1;
    for (int i = 0; i < r; i++) taps *= (size_t)s->win[i];
    for (size_t t = 0; t < taps; t++) {
      size_t src = 0;
      for (int i = 0; i < r; i++)
        src = src * (size_t)pshape[i] +
              (size_t)(oc[i] * (s->stride ? s->stride[i] : 1) +
                       wc[i] * (s->win_dil ? s->win_dil[i] : 1));
      float v = padded[src];
      acc = s->body == TFLC_OP_STABLEHLO_ADD ? acc + v : (acc < v ? v : acc);
      for (int i = r - 1; i >= 0; i--) {
        if (++wc[i] < s->win[i]) break;
        wc[i] = 0;
      }
    }
    want[e] = acc;
    for (int i = r - 1; i >= 0; i--) {
      if (++oc[i] < oshape[i]) break;
      oc[i] = 0;
    }
  }
  if (want_shape) {
    int same = 1;
    for (int i = 0; i < r; i++) same &= want_shape[i] == oshape[i];
    CHECK_MSG(same, "%s: reference shape differs from the given one", label);
    for (size_t i = 0; same && i < n_out; i++)
      CHECK_NEAR(want[i], want_given[i], 0);
  }
  tm_model *m = tm_create();
  int t_in = tm_tensor(m, TFLC_TT_FLOAT32, s->shape, r, "x");
  int t_init = tm_const(m, TFLC_TT_FLOAT32, NULL, 0, &s->init, 4, "init");
  int t_out = tm_tensor(m, TFLC_TT_FLOAT32, oshape, r, "y");
  tflc_opt_field f[6];
  int nf = 0;
  f[nf++] = fvec64(0, s->win, r);
  if (s->stride) f[nf++] = fvec64(1, s->stride, r);
  if (s->base_dil) f[nf++] = fvec64(2, s->base_dil, r);
  if (s->win_dil) f[nf++] = fvec64(3, s->win_dil, r);
  if (s->pad) f[nf++] = fvec64(4, s->pad, 2 * r);
  f[nf++] = tm_opt_int(5, TFLC_OPT_I32, 1);
  op2(m, TFLC_OP_STABLEHLO_REDUCE_WINDOW, (const int[]){t_in, t_init}, 2,
      &t_out, 1, TFLC_BO2_STABLEHLO_REDUCE_WINDOW, f, nf);
  tm_io(m, &t_in, 1, &t_out, 1);
  body_subgraph(m, TFLC_TT_FLOAT32, s->body);
  run rr;
  if (finish(m, &rr) != 0) {
    CHECK_MSG(0, "%s: %s", label, rr.err);
  } else {
    set_input(&rr, 0, x, n_in * 4);
    CHECK_MSG(TfLiteInterpreterInvoke(rr.it) == kTfLiteOk, "%s: %s", label,
              rr.err);
    const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(rr.it, 0);
    if (oo_check_shape(t, oshape, r, label))
      oo_check_f32(t, want, n_out, 0, label);
  }
  run_free(&rr);
  free(padded);
  free(want);
}

static void test_reduce_window(void) {
  /* the StableHLO spec example */
  const float x1[6] = {1, 2, 3, 4, 5, 6};
  rw_spec a = {(const int[]){3, 2},           2,
               (const int64_t[]){2, 1},       (const int64_t[]){4, 1},
               (const int64_t[]){2, 1},       (const int64_t[]){3, 1},
               (const int64_t[]){2, 1, 0, 0}, 0.0f,
               TFLC_OP_STABLEHLO_ADD};
  rw_case(&a, x1, (const int[]){2, 2}, (const float[]){0, 0, 3, 4},
          "reduce_window spec example");
  /* max pool 3x3 stride 2 with SAME-like padding on [1,7,6,2] */
  float x2[84];
  for (int i = 0; i < 84; i++) x2[i] = (float)((i * 37) % 23) - 11.0f;
  rw_spec b = {(const int[]){1, 7, 6, 2},
               4,
               (const int64_t[]){1, 3, 3, 1},
               (const int64_t[]){1, 2, 2, 1},
               NULL,
               NULL,
               (const int64_t[]){0, 0, 1, 1, 1, 0, 0, 0},
               -1e30f,
               TFLC_OP_STABLEHLO_MAXIMUM};
  rw_case(&b, x2, NULL, NULL, "reduce_window max pool");
  /* sum with init 1 (counted once per padded tap), window dilation, crop */
  rw_spec c = {(const int[]){7, 6, 2},
               3,
               (const int64_t[]){2, 2, 1},
               NULL,
               (const int64_t[]){1, 2, 1},
               (const int64_t[]){2, 1, 1},
               (const int64_t[]){-1, 2, 1, 0, 0, 0},
               1.0f,
               TFLC_OP_STABLEHLO_ADD};
  rw_case(&c, x2, NULL, NULL, "reduce_window sum dilations crop");
  /* errors */
  {
    tm_model *m = tm_create();
    float init = 0;
    int t_in = tm_tensor(m, TFLC_TT_FLOAT32, (const int[]){4}, 1, "x");
    int t_init = tm_const(m, TFLC_TT_FLOAT32, NULL, 0, &init, 4, "init");
    int t_out = tm_tensor(m, TFLC_TT_FLOAT32, (const int[]){3}, 1, "y");
    tflc_opt_field f[2] = {fvec64(0, (const int64_t[]){0}, 1),
                           tm_opt_int(5, TFLC_OPT_I32, 1)};
    op2(m, TFLC_OP_STABLEHLO_REDUCE_WINDOW, (const int[]){t_in, t_init}, 2,
        &t_out, 1, TFLC_BO2_STABLEHLO_REDUCE_WINDOW, f, 2);
    tm_io(m, &t_in, 1, &t_out, 1);
    body_subgraph(m, TFLC_TT_FLOAT32, TFLC_OP_STABLEHLO_ADD);
    expect_error(m, "window_dimensions[0] = 0 must be at least 1",
                 "rw window 0");
  }
  {
    tm_model *m = tm_create();
    float init = 0;
    int t_in = tm_tensor(m, TFLC_TT_FLOAT32, (const int[]){4}, 1, "x");
    int t_init = tm_const(m, TFLC_TT_FLOAT32, NULL, 0, &init, 4, "init");
    int t_out = tm_tensor(m, TFLC_TT_FLOAT32, (const int[]){3}, 1, "y");
    tflc_opt_field f[2] = {fvec64(0, (const int64_t[]){2}, 1),
                           tm_opt_int(5, TFLC_OPT_I32, 1)};
    op2(m, TFLC_OP_STABLEHLO_REDUCE_WINDOW, (const int[]){t_in, t_init}, 2,
        &t_out, 1, TFLC_BO2_STABLEHLO_REDUCE_WINDOW, f, 2);
    tm_io(m, &t_in, 1, &t_out, 1);
    body_subgraph(m, TFLC_TT_INT32, TFLC_OP_STABLEHLO_ADD);
    expect_error(m, "input 0 is INT32, expected FLOAT32", "rw body type");
  }
}

/* ---- RNG_BIT_GENERATOR --------------------------------------------------- */

static uint32_t rotl(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

/* Plain Threefry-2x32-20 and Philox-4x32-10 for the reference. */
static void ref_threefry(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1,
                         uint32_t out[2]) {
  static const int R[8] = {13, 15, 26, 6, 17, 29, 16, 24};
  uint32_t ks[3] = {k0, k1, k0 ^ k1 ^ 0x1BD11BDAu};
  uint32_t x[2] = {c0 + k0, c1 + k1};
  for (int round = 0; round < 20; round++) {
    x[0] += x[1];
    x[1] = rotl(x[1], R[round % 8]) ^ x[0];
    if (round % 4 == 3) {
      int s = round / 4 + 1;
      x[0] += ks[s % 3];
      x[1] += ks[(s + 1) % 3] + (uint32_t)s;
    }
  }
  out[0] = x[0];
  out[1] = x[1];
}

static void ref_philox(uint32_t k0, uint32_t k1, const uint32_t c[4],
                       uint32_t out[4]) {
  uint32_t x[4] = {c[0], c[1], c[2], c[3]};
  for (int round = 0; round < 10; round++) {
    uint64_t p0 = (uint64_t)0xD2511F53u * x[0],
             p1 = (uint64_t)0xCD9E8D57u * x[2];
    uint32_t y0 = (uint32_t)(p1 >> 32) ^ x[1] ^ k0,
             y2 = (uint32_t)(p0 >> 32) ^ x[3] ^ k1;
    x[1] = (uint32_t)p1;
    x[3] = (uint32_t)p0;
    x[0] = y0;
    x[2] = y2;
    k0 += 0x9E3779B9u;
    k1 += 0xBB67AE85u;
  }
  memcpy(out, x, sizeof x);
}

/* Runs the op: state of n_state UINT64, output of out_tt with n_out
 * elements; fills words (raw output) and new_state. */
static int rng_run(int alg, const uint64_t *state, int n_state, int8_t out_tt,
                   int n_out, void *out, uint64_t *new_state, char *err) {
  tm_model *m = tm_create();
  int t_s = tm_tensor(m, TFLC_TT_UINT64, (const int[]){n_state}, 1, "state");
  int t_ns =
      tm_tensor(m, TFLC_TT_UINT64, (const int[]){n_state}, 1, "new_state");
  int t_o = tm_tensor(m, out_tt, (const int[]){n_out}, 1, "out");
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, alg);
  op2(m, TFLC_OP_STABLEHLO_RNG_BIT_GENERATOR, &t_s, 1, (const int[]){t_ns, t_o},
      2, TFLC_BO2_STABLEHLO_RNG_BIT_GENERATOR, &f, 1);
  tm_io(m, &t_s, 1, (const int[]){t_ns, t_o}, 2);
  run r;
  int rc = finish(m, &r);
  if (rc == 0) {
    set_input(&r, 0, state, (size_t)n_state * 8);
    rc = TfLiteInterpreterInvoke(r.it) == kTfLiteOk ? 0 : -1;
    if (rc == 0) {
      const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(r.it, 1);
      memcpy(out, TfLiteTensorData(o), TfLiteTensorByteSize(o));
      memcpy(new_state,
             TfLiteTensorData(TfLiteInterpreterGetOutputTensor(r.it, 0)),
             (size_t)n_state * 8);
    }
  }
  if (err) {
    memcpy(err, r.err, 511);
    err[511] = '\0';
  }
  run_free(&r);
  return rc;
}

static void test_rng(void) {
  /* published known answers (Random123 kat_vectors) */
  uint32_t w[8];
  uint64_t ns[3];
  uint64_t st[3] = {0, 0, 0};
  st[0] = 0x13198a2eull | ((uint64_t)0x03707344u << 32);
  st[1] = 0x243f6a88ull | ((uint64_t)0x85a308d3u << 32);
  CHECK(rng_run(2, st, 2, TFLC_TT_UINT32, 2, w, ns, NULL) == 0);
  CHECK_EQ_INT(w[0], 0xc4923a9cu);
  CHECK_EQ_INT(w[1], 0x483df7a0u);
  CHECK_EQ_INT(ns[0], st[0]);
  CHECK_EQ_INT(ns[1], st[1] + 1);
  uint64_t zero[2] = {0, 0};
  CHECK(rng_run(2, zero, 2, TFLC_TT_UINT32, 2, w, ns, NULL) == 0);
  CHECK_EQ_INT(w[0], 0x6b200159u);
  CHECK_EQ_INT(w[1], 0x99ba4efeu);
  uint64_t zero3[3] = {0, 0, 0};
  CHECK(rng_run(1, zero3, 3, TFLC_TT_UINT32, 4, w, ns, NULL) == 0);
  CHECK_EQ_INT(w[0], 0x6627e8d5u);
  CHECK_EQ_INT(w[1], 0xe169c58du);
  CHECK_EQ_INT(w[2], 0xbc57ac4cu);
  CHECK_EQ_INT(w[3], 0x9b00dbd8u);
  uint64_t pi[3] = {0xa4093822ull | ((uint64_t)0x299f31d0u << 32),
                    0x243f6a88ull | ((uint64_t)0x85a308d3u << 32),
                    0x13198a2eull | ((uint64_t)0x03707344u << 32)};
  CHECK(rng_run(0, pi, 3, TFLC_TT_UINT32, 4, w, ns, NULL) == 0);
  CHECK_EQ_INT(w[0], 0xd16cfe09u);
  CHECK_EQ_INT(w[1], 0x94fdccebu);
  CHECK_EQ_INT(w[2], 0x5001e420u);
  CHECK_EQ_INT(w[3], 0x24126ea1u);
  CHECK_EQ_INT(ns[2], pi[2]);
  /* longer streams against the plain reference: counter carry from word 0
   * into word 1, partial last blocks, 64-bit outputs, 2-element Philox
   * state (counter words 2..3 = the key) */
  uint64_t s2[2] = {0x0123456789abcdefull, 0x00000001fffffffeull};
  for (int alg = 0; alg < 3; alg++) {
    for (int t = 0; t < 2; t++) {
      int8_t tt = t ? TFLC_TT_INT64 : TFLC_TT_INT32;
      int n_out = 7, words = t ? 14 : 7;
      uint32_t got[16], want[20];
      char err[512];
      CHECK_MSG(rng_run(alg, s2, 2, tt, n_out, got, ns, err) == 0, "rng %d: %s",
                alg, err);
      uint32_t k0 = (uint32_t)s2[0], k1 = (uint32_t)(s2[0] >> 32);
      uint32_t c[4] = {(uint32_t)s2[1], (uint32_t)(s2[1] >> 32), k0, k1};
      int wi = 0;
      while (wi < words) {
        uint32_t blk[4];
        int nb = alg == 2 ? 2 : 4;
        if (alg == 2)
          ref_threefry(k0, k1, c[0], c[1], blk);
        else
          ref_philox(k0, k1, c, blk);
        for (int j = 0; j < nb; j++) want[wi + j] = blk[j];
        wi += nb;
        if (++c[0] == 0) ++c[1];
      }
      CHECK_MSG(memcmp(got, want, (size_t)words * 4) == 0,
                "rng alg %d type %d stream", alg, t);
      CHECK_EQ_INT(ns[0], s2[0]);
      CHECK_EQ_INT(ns[1], (uint64_t)c[0] | ((uint64_t)c[1] << 32));
    }
  }
  char err[512];
  CHECK(rng_run(2, pi, 3, TFLC_TT_UINT32, 4, w, ns, err) != 0);
  CHECK_CONTAINS(err, "THREEFRY needs an initial_state of 2 elements");
  CHECK(rng_run(1, pi, 2, TFLC_TT_FLOAT32, 4, w, ns, err) != 0);
  CHECK_CONTAINS(err, "output type FLOAT32 is not supported");
  CHECK(rng_run(5, pi, 2, TFLC_TT_UINT32, 4, w, ns, err) != 0);
  CHECK_CONTAINS(err, "algorithm 5 is not supported");
}

/* ---- CASE -------------------------------------------------------------------
 */

/* case(index, a, b): branches a + b (ADD), a * b (MUL), a - b (SUB) */
static tm_model *case_model(const int32_t *branches, int nb, int bad_shape) {
  tm_model *m = tm_create();
  int idx = tm_tensor(m, TFLC_TT_INT32, NULL, 0, "index");
  int a = tm_tensor(m, TFLC_TT_FLOAT32, (const int[]){2, 2}, 2, "a");
  int b = tm_tensor(m, TFLC_TT_FLOAT32, (const int[]){2, 2}, 2, "b");
  int o = tm_tensor(m, TFLC_TT_FLOAT32, (const int[]){2, 2}, 2, "o");
  tflc_opt_field f = tm_opt_vec_i32(0, branches, nb);
  op2(m, TFLC_OP_STABLEHLO_CASE, (const int[]){idx, a, b}, 3, &o, 1,
      TFLC_BO2_STABLEHLO_CASE, &f, 1);
  tm_io(m, (const int[]){idx, a, b}, 3, &o, 1);
  const int32_t codes[3] = {TFLC_OP_ADD, TFLC_OP_MUL, TFLC_OP_SUB};
  const uint8_t bos[3] = {TFLC_BO_ADD, TFLC_BO_MUL, TFLC_BO_SUB};
  for (int k = 0; k < 3; k++) {
    tm_subgraph(m);
    int sa = tm_tensor(m, TFLC_TT_FLOAT32, (const int[]){2, 2}, 2, "sa");
    int sb = tm_tensor(m, TFLC_TT_FLOAT32, (const int[]){2, 2}, 2, "sb");
    int so = tm_tensor(m, TFLC_TT_FLOAT32, (const int[]){2, 2}, 2, "so");
    if (bad_shape && k == 2) {
      int red = tm_tensor(m, TFLC_TT_FLOAT32, (const int[]){2}, 1, "red");
      int axis = tm_const(m, TFLC_TT_INT32, (const int[]){1}, 1,
                          (const int32_t[]){0}, 4, "axis");
      tm_op(m, TFLC_OP_SUM, NULL, (const int[]){sa, axis}, 2, &red, 1,
            TFLC_BO_REDUCER, NULL, 0);
      so = red;
    } else {
      tflc_opt_field act = tm_opt_int(0, TFLC_OPT_I8, 0);
      tm_op(m, codes[k], NULL, (const int[]){sa, sb}, 2, &so, 1, bos[k], &act,
            1);
    }
    tm_io(m, (const int[]){sa, sb}, 2, &so, 1);
  }
  return m;
}

static void test_case(void) {
  run r;
  const int32_t branches[3] = {1, 2, 3};
  CHECK_MSG(finish(case_model(branches, 3, 0), &r) == 0, "case: %s", r.err);
  if (r.it) {
    const float a[4] = {1, 2, 3, 4}, b[4] = {0.5f, -1, 2, 10};
    const int32_t picks[5] = {0, 1, 2, 3, -1};
    const int want_branch[5] = {0, 1, 2, 2, 2}; /* out of range: the last */
    for (int p = 0; p < 5; p++) {
      set_input(&r, 0, &picks[p], 4);
      set_input(&r, 1, a, 16);
      set_input(&r, 2, b, 16);
      CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "case invoke: %s",
                r.err);
      const float *o =
          TfLiteTensorData(TfLiteInterpreterGetOutputTensor(r.it, 0));
      for (int i = 0; i < 4; i++) {
        float w = want_branch[p] == 0   ? a[i] + b[i]
                  : want_branch[p] == 1 ? a[i] * b[i]
                                        : a[i] - b[i];
        CHECK_NEAR(o[i], w, 0);
      }
    }
  }
  run_free(&r);
  /* branch order from the options, not the subgraph order */
  const int32_t rev[2] = {3, 1};
  CHECK_MSG(finish(case_model(rev, 2, 0), &r) == 0, "case rev: %s", r.err);
  if (r.it) {
    const float a[4] = {1, 2, 3, 4}, b[4] = {1, 1, 1, 1};
    const int32_t pick = 0;
    set_input(&r, 0, &pick, 4);
    set_input(&r, 1, a, 16);
    set_input(&r, 2, b, 16);
    CHECK(TfLiteInterpreterInvoke(r.it) == kTfLiteOk);
    const float *o =
        TfLiteTensorData(TfLiteInterpreterGetOutputTensor(r.it, 0));
    CHECK_NEAR(o[3], 3.0f, 0);
  }
  run_free(&r);
  expect_error(case_model(branches, 3, 1),
               "changes shape between iterations or branches", "case shapes");
  expect_error(case_model(branches, 0, 0), "branch_subgraph_indices is empty",
               "case no branches");
  expect_error(case_model((const int32_t[]){1, 9}, 2, 0),
               "refers to subgraph 9", "case bad branch");
  expect_error(case_model((const int32_t[]){1, 0}, 2, 0),
               "is the calling subgraph itself", "case self");
}

int main(void) {
  test_elementwise();
  test_elementwise_errors();
  test_pad();
  test_gather();
  test_scatter();
  test_reduce_window();
  test_rng();
  test_case();
  return CHECK_DONE();
}
