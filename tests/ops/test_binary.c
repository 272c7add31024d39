/* Op tests of the two-input elementwise kernels: ADD, SUB, MUL, DIV,
 * SQUARED_DIFFERENCE, MAXIMUM, MINIMUM and the comparisons LESS, GREATER,
 * LESS_EQUAL, GREATER_EQUAL, EQUAL, NOT_EQUAL. Each case builds a one-op
 * model with the project's writer, runs it through the C API and compares
 * with a plain reference written here: broadcasting by explicit index
 * arithmetic, every fused activation, float32/int32/int64 (and bool, int8
 * where the op takes them), constant operands, zero-size tensors, input
 * resizing, and the errors prepare and invoke must report. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/check.h"
#include "support/test_model.h"

/* ---- plain reference ---------------------------------------------------- */

static size_t shape_count(const int *s, int r) {
  size_t n = 1;
  for (int i = 0; i < r; i++) n *= (size_t)s[i];
  return n;
}

/* numpy broadcast of two shapes; returns 0 when incompatible. */
static int ref_bcast_shape(const int *sa, int ra, const int *sb, int rb,
                           int *so, int *ro) {
  int r = ra > rb ? ra : rb;
  for (int i = 0; i < r; i++) {
    int da = i - (r - ra) >= 0 ? sa[i - (r - ra)] : 1;
    int db = i - (r - rb) >= 0 ? sb[i - (r - rb)] : 1;
    if (da != db && da != 1 && db != 1) return 0;
    so[i] = da == 1 ? db : da;
  }
  *ro = r;
  return 1;
}

/* Flat index into an input of shape s (rank r) for output coordinate
 * `coord` of an output of rank ro. */
static size_t ref_in_index(const int *coord, int ro, const int *s, int r) {
  size_t idx = 0;
  for (int i = 0; i < r; i++) {
    int c = coord[ro - r + i];
    idx = idx * (size_t)s[i] + (size_t)(s[i] == 1 ? 0 : c);
  }
  return idx;
}

static size_t tt_size(int8_t tt) {
  switch (tt) {
    case TFLC_TT_FLOAT32: return 4;
    case TFLC_TT_INT32: return 4;
    case TFLC_TT_INT64: return 8;
    case TFLC_TT_BOOL: return 1;
    case TFLC_TT_INT8: return 1;
    case TFLC_TT_UINT8: return 1;
    case TFLC_TT_INT16: return 2;
    default: return 0;
  }
}

static void put(int8_t tt, void *buf, size_t i, double v) {
  switch (tt) {
    case TFLC_TT_FLOAT32: ((float *)buf)[i] = (float)v; break;
    case TFLC_TT_INT32: ((int32_t *)buf)[i] = (int32_t)v; break;
    case TFLC_TT_INT64: ((int64_t *)buf)[i] = (int64_t)v; break;
    case TFLC_TT_BOOL: ((uint8_t *)buf)[i] = v != 0; break;
    case TFLC_TT_INT8: ((int8_t *)buf)[i] = (int8_t)v; break;
    case TFLC_TT_UINT8: ((uint8_t *)buf)[i] = (uint8_t)(int)v; break;
    case TFLC_TT_INT16: ((int16_t *)buf)[i] = (int16_t)v; break;
    default: break;
  }
}

static double get(int8_t tt, const void *buf, size_t i) {
  switch (tt) {
    case TFLC_TT_FLOAT32: return ((const float *)buf)[i];
    case TFLC_TT_INT32: return ((const int32_t *)buf)[i];
    case TFLC_TT_INT64: return (double)((const int64_t *)buf)[i];
    case TFLC_TT_BOOL: return ((const uint8_t *)buf)[i];
    case TFLC_TT_INT8: return ((const int8_t *)buf)[i];
    case TFLC_TT_UINT8: return ((const uint8_t *)buf)[i];
    case TFLC_TT_INT16: return ((const int16_t *)buf)[i];
    default: return 0;
  }
}

static int is_cmp(int32_t op) {
  return op == TFLC_OP_LESS || op == TFLC_OP_GREATER ||
         op == TFLC_OP_LESS_EQUAL || op == TFLC_OP_GREATER_EQUAL ||
         op == TFLC_OP_EQUAL || op == TFLC_OP_NOT_EQUAL;
}

static uint8_t options_type(int32_t op) {
  switch (op) {
    case TFLC_OP_ADD: return TFLC_BO_ADD;
    case TFLC_OP_SUB: return TFLC_BO_SUB;
    case TFLC_OP_MUL: return TFLC_BO_MUL;
    case TFLC_OP_DIV: return TFLC_BO_DIV;
    default: return 0;
  }
}

static double ref_act(double v, int act) {
  switch (act) {
    case TFLC_ACT_RELU: return v < 0 ? 0 : v;
    case TFLC_ACT_RELU_N1_TO_1: return v < -1 ? -1 : (v > 1 ? 1 : v);
    case TFLC_ACT_RELU6: return v < 0 ? 0 : (v > 6 ? 6 : v);
    default: return v;
  }
}

/* Reference of one element. Floats are computed in float like the op. */
static double ref_op(int32_t op, int8_t tt, double x, double y, int act) {
  if (tt == TFLC_TT_FLOAT32) {
    float a = (float)x, b = (float)y, r;
    switch (op) {
      case TFLC_OP_ADD: r = a + b; break;
      case TFLC_OP_SUB: r = a - b; break;
      case TFLC_OP_MUL: r = a * b; break;
      case TFLC_OP_DIV: r = a / b; break;
      case TFLC_OP_SQUARED_DIFFERENCE: r = (a - b) * (a - b); break;
      case TFLC_OP_MAXIMUM: r = a > b ? a : b; break;
      case TFLC_OP_MINIMUM: r = a < b ? a : b; break;
      case TFLC_OP_LESS: return a < b;
      case TFLC_OP_GREATER: return a > b;
      case TFLC_OP_LESS_EQUAL: return a <= b;
      case TFLC_OP_GREATER_EQUAL: return a >= b;
      case TFLC_OP_EQUAL: return a == b;
      case TFLC_OP_NOT_EQUAL: return a != b;
      default: return NAN;
    }
    return ref_act(r, act);
  }
  /* Integers: small test values, exact in double and int64. */
  long long a = (long long)x, b = (long long)y, r;
  switch (op) {
    case TFLC_OP_ADD: r = a + b; break;
    case TFLC_OP_SUB: r = a - b; break;
    case TFLC_OP_MUL: r = a * b; break;
    case TFLC_OP_DIV: r = a / b; break; /* C truncates toward zero */
    case TFLC_OP_SQUARED_DIFFERENCE: r = (a - b) * (a - b); break;
    case TFLC_OP_MAXIMUM: r = a > b ? a : b; break;
    case TFLC_OP_MINIMUM: r = a < b ? a : b; break;
    case TFLC_OP_LESS: return a < b;
    case TFLC_OP_GREATER: return a > b;
    case TFLC_OP_LESS_EQUAL: return a <= b;
    case TFLC_OP_GREATER_EQUAL: return a >= b;
    case TFLC_OP_EQUAL: return a == b;
    case TFLC_OP_NOT_EQUAL: return a != b;
    default: return NAN;
  }
  return ref_act((double)r, act);
}

/* ---- building and running ----------------------------------------------- */

typedef struct bin_case {
  int32_t op;
  int act;       /* -1: no options table at all */
  int8_t tt;     /* input type */
  int8_t tt_out; /* output type (-1: BOOL for comparisons, else tt) */
  const int *sa;
  int ra;
  const int *sb;
  int rb;
  int b_const;        /* b is a constant tensor */
  const int *so_decl; /* declared output shape (NULL: the broadcast one) */
  int ro_decl;
} bin_case;

static uint32_t rng_state = 12345u;
static uint32_t rng(void) {
  rng_state = rng_state * 1664525u + 1013904223u;
  return rng_state >> 8;
}

/* Deterministic test values: floats in [-8, 8) on a 1/64 grid (with some
 * exact repeats so EQUAL sees equal pairs), ints in [-20, 20]. Divisors are
 * never 0 for DIV; bools alternate. */
static double gen(int8_t tt, int32_t op, int divisor) {
  double v;
  if (tt == TFLC_TT_FLOAT32) {
    v = ((double)(rng() % 1024) - 512.0) / 64.0;
    if (rng() % 4 == 0) v = (double)((int)(rng() % 5) - 2);
  } else if (tt == TFLC_TT_BOOL) {
    v = rng() % 2;
  } else {
    v = (double)((int)(rng() % 41) - 20);
    if (rng() % 4 == 0) v = (double)((int)(rng() % 5) - 2);
  }
  if (divisor && op == TFLC_OP_DIV && v == 0) v = 3;
  return v;
}

static TfLiteInterpreter *bin_build(const bin_case *c, const void *bdata,
                                    char *err, size_t errsz) {
  int so[8], ro = 0;
  if (c->so_decl) {
    memcpy(so, c->so_decl, sizeof(int) * (size_t)c->ro_decl);
    ro = c->ro_decl;
  } else if (!ref_bcast_shape(c->sa, c->ra, c->sb, c->rb, so, &ro)) {
    ro = 0;
  }
  int8_t tt_out =
      c->tt_out >= 0 ? c->tt_out : (is_cmp(c->op) ? TFLC_TT_BOOL : c->tt);
  tm_model *m = tm_create();
  int ta = tm_tensor(m, c->tt, c->sa, c->ra, "a");
  int tb;
  if (c->b_const) {
    tb = tm_const(m, c->tt, c->sb, c->rb, bdata,
                  shape_count(c->sb, c->rb) * tt_size(c->tt), "b");
  } else {
    tb = tm_tensor(m, c->tt, c->sb, c->rb, "b");
  }
  int to = tm_tensor(m, tt_out, so, ro, "out");
  int ins[2] = {ta, tb};
  uint8_t bo = options_type(c->op);
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, c->act < 0 ? 0 : c->act);
  tm_op(m, c->op, NULL, ins, 2, &to, 1, c->act < 0 ? 0 : bo,
        c->act < 0 || bo == 0 ? NULL : &f, c->act < 0 || bo == 0 ? 0 : 1);
  if (c->b_const) {
    tm_io(m, &ta, 1, &to, 1);
  } else {
    tm_io(m, ins, 2, &to, 1);
  }
  size_t size = 0;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  if (!bytes) {
    snprintf(err, errsz, "tm_finish failed");
    return NULL;
  }
  err[0] = '\0';
  TfLiteInterpreter *it = tm_interpreter(bytes, size, err, errsz);
  free(bytes);
  return it;
}

/* Builds, runs and checks one case against the reference. */
static void check_case(const bin_case *c, const char *label) {
  size_t na = shape_count(c->sa, c->ra), nb = shape_count(c->sb, c->rb);
  size_t esz = tt_size(c->tt);
  void *a = calloc(na ? na : 1, esz), *b = calloc(nb ? nb : 1, esz);
  for (size_t i = 0; i < na; i++) put(c->tt, a, i, gen(c->tt, c->op, 0));
  for (size_t i = 0; i < nb; i++) put(c->tt, b, i, gen(c->tt, c->op, 1));
  int so[8] = {0}, ro = 0;
  CHECK(ref_bcast_shape(c->sa, c->ra, c->sb, c->rb, so, &ro));
  size_t no = shape_count(so, ro);
  char err[512];
  TfLiteInterpreter *it = bin_build(c, b, err, sizeof err);
  CHECK_MSG(it != NULL, "%s: %s", label, err);
  if (!it) goto done;
  CHECK_EQ_INT(TfLiteTensorCopyFromBuffer(
                   TfLiteInterpreterGetInputTensor(it, 0), a, na * esz),
               kTfLiteOk);
  if (!c->b_const)
    CHECK_EQ_INT(TfLiteTensorCopyFromBuffer(
                     TfLiteInterpreterGetInputTensor(it, 1), b, nb * esz),
                 kTfLiteOk);
  CHECK_MSG(TfLiteInterpreterInvoke(it) == kTfLiteOk, "%s: invoke", label);
  const TfLiteTensor *out = TfLiteInterpreterGetOutputTensor(it, 0);
  CHECK_EQ_INT(TfLiteTensorNumDims(out), ro);
  for (int i = 0; i < ro && i < TfLiteTensorNumDims(out); i++)
    CHECK_EQ_INT(TfLiteTensorDim(out, i), so[i]);
  int8_t tt_out = is_cmp(c->op) ? TFLC_TT_BOOL : c->tt;
  CHECK_EQ_INT(TfLiteTensorByteSize(out), no * tt_size(tt_out));
  const void *od = TfLiteTensorData(out);
  int bad = 0;
  for (size_t k = 0; k < no && od; k++) {
    int coord[8];
    size_t rem = k;
    for (int i = ro - 1; i >= 0; i--) {
      coord[i] = (int)(rem % (size_t)so[i]);
      rem /= (size_t)so[i];
    }
    double x = get(c->tt, a, ref_in_index(coord, ro, c->sa, c->ra));
    double y = get(c->tt, b, ref_in_index(coord, ro, c->sb, c->rb));
    double want = ref_op(c->op, c->tt, x, y, c->act < 0 ? 0 : c->act);
    double got = get(tt_out, od, k);
    int ok = tt_out == TFLC_TT_FLOAT32
                 ? (fabs(got - want) <= 1e-6 * fabs(want) ||
                    (isnan(got) && isnan(want)))
                 : got == want;
    if (!ok && bad++ < 5)
      CHECK_MSG(ok, "%s: element %zu: %g op %g = %.9g, want %.9g", label, k, x,
                y, got, want);
  }
  CHECK_MSG(bad == 0, "%s: %d wrong elements", label, bad);
  tm_interpreter_delete(it);
done:
  free(a);
  free(b);
}

/* True when op has a quantized path for schema type tt
 * (src/kernels/internal/quant_binary.h). */
static int quant_path(int32_t op, int8_t tt) {
  const int q8 = tt == TFLC_TT_INT8 || tt == TFLC_TT_UINT8;
  switch (op) {
    case TFLC_OP_ADD:
    case TFLC_OP_SUB:
    case TFLC_OP_MUL: return q8 || tt == TFLC_TT_INT16;
    case TFLC_OP_SQUARED_DIFFERENCE: return tt == TFLC_TT_INT8;
    case TFLC_OP_EQUAL:
    case TFLC_OP_NOT_EQUAL:
    case TFLC_OP_LESS:
    case TFLC_OP_LESS_EQUAL:
    case TFLC_OP_GREATER:
    case TFLC_OP_GREATER_EQUAL: return q8;
    default: return 0;
  }
}

/* Expects tm_interpreter to fail with a message containing `needle`. */
static void check_error(const bin_case *c, const char *needle) {
  char err[512];
  size_t nb = shape_count(c->sb, c->rb);
  void *b = calloc(nb ? nb : 1, 8);
  TfLiteInterpreter *it = bin_build(c, b, err, sizeof err);
  CHECK_MSG(it == NULL, "expected an error containing \"%s\"", needle);
  if (it) {
    tm_interpreter_delete(it);
  } else {
    CHECK_CONTAINS(err, needle);
  }
  free(b);
}

/* ---- cases -------------------------------------------------------------- */

static const int S23[] = {2, 3};
static const int S1[] = {1};
static const int S4[] = {4};
static const int S3[] = {3};
static const int S213[] = {2, 1, 3};
static const int S41[] = {4, 1};
static const int S1_3[] = {1, 3};
static const int S2_1[] = {2, 1};
static const int S6A[] = {2, 1, 2, 1, 2, 3};
static const int S6B[] = {3, 1, 2, 1, 3};
static const int S5A[] = {2, 3, 4, 5, 2};
static const int S03[] = {0, 3};
static const int S20[] = {2, 0};
static const int S7[] = {1, 1, 1, 1, 1, 1, 2};
static const int SBIG[] = {3, 37, 5};
static const int SBIG2[] = {37, 1};

static void test_arith(void) {
  const int32_t ops[] = {TFLC_OP_ADD, TFLC_OP_SUB, TFLC_OP_MUL, TFLC_OP_DIV};
  const int acts[] = {-1, TFLC_ACT_NONE, TFLC_ACT_RELU, TFLC_ACT_RELU_N1_TO_1,
                      TFLC_ACT_RELU6};
  const int8_t types[] = {TFLC_TT_FLOAT32, TFLC_TT_INT32, TFLC_TT_INT64};
  char label[128];
  for (int o = 0; o < 4; o++) {
    for (int t = 0; t < 3; t++) {
      if (ops[o] == TFLC_OP_DIV && types[t] == TFLC_TT_INT64) continue;
      for (int k = 0; k < 5; k++) {
        snprintf(label, sizeof label, "op %d type %d act %d", ops[o], types[t],
                 acts[k]);
        /* same shape */
        bin_case c = {ops[o], acts[k], types[t], -1,   S23, 2,
                      S23,    2,       0,        NULL, 0};
        check_case(&c, label);
        /* broadcasting */
        bin_case c2 = {ops[o], acts[k], types[t], -1,   S213, 3,
                       S41,    2,       0,        NULL, 0};
        check_case(&c2, label);
      }
      snprintf(label, sizeof label, "op %d type %d broadcast", ops[o],
               types[t]);
      bin_case cs[] = {
          /* scalar on either side */
          {ops[o], TFLC_ACT_NONE, types[t], -1, S23, 2, NULL, 0, 0, NULL, 0},
          {ops[o], TFLC_ACT_NONE, types[t], -1, NULL, 0, S23, 2, 0, NULL, 0},
          {ops[o], TFLC_ACT_NONE, types[t], -1, NULL, 0, NULL, 0, 0, NULL, 0},
          {ops[o], TFLC_ACT_RELU, types[t], -1, S23, 2, S1, 1, 0, NULL, 0},
          {ops[o], TFLC_ACT_NONE, types[t], -1, S1_3, 2, S2_1, 2, 0, NULL, 0},
          {ops[o], TFLC_ACT_NONE, types[t], -1, S2_1, 2, S3, 1, 0, NULL, 0},
          /* 6-D and 5-D */
          {ops[o], TFLC_ACT_NONE, types[t], -1, S6A, 6, S6B, 5, 0, NULL, 0},
          {ops[o], TFLC_ACT_NONE, types[t], -1, S5A, 5, S5A, 5, 0, NULL, 0},
          {ops[o], TFLC_ACT_NONE, types[t], -1, S5A, 5, S1, 1, 0, NULL, 0},
          /* constant operand */
          {ops[o], TFLC_ACT_NONE, types[t], -1, S213, 3, S3, 1, 1, NULL, 0},
          /* larger, odd sizes */
          {ops[o], TFLC_ACT_NONE, types[t], -1, SBIG, 3, SBIG2, 2, 0, NULL, 0},
          /* zero-size */
          {ops[o], TFLC_ACT_NONE, types[t], -1, S03, 2, S1_3, 2, 0, NULL, 0},
          {ops[o], TFLC_ACT_NONE, types[t], -1, S20, 2, NULL, 0, 0, NULL, 0},
      };
      for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++)
        check_case(&cs[i], label);
    }
  }
}

static void test_other_binary(void) {
  const int32_t ops[] = {
      TFLC_OP_LESS,          TFLC_OP_GREATER, TFLC_OP_LESS_EQUAL,
      TFLC_OP_GREATER_EQUAL, TFLC_OP_EQUAL,   TFLC_OP_NOT_EQUAL,
      TFLC_OP_MAXIMUM,       TFLC_OP_MINIMUM, TFLC_OP_SQUARED_DIFFERENCE};
  const int8_t types[] = {TFLC_TT_FLOAT32, TFLC_TT_INT32, TFLC_TT_INT64,
                          TFLC_TT_BOOL,    TFLC_TT_INT8,  TFLC_TT_UINT8,
                          TFLC_TT_INT16};
  char label[128];
  for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
    for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
      int32_t op = ops[o];
      int8_t tt = types[t];
      int eq = op == TFLC_OP_EQUAL || op == TFLC_OP_NOT_EQUAL;
      int mm = op == TFLC_OP_MAXIMUM || op == TFLC_OP_MINIMUM;
      int supported =
          tt == TFLC_TT_FLOAT32 || tt == TFLC_TT_INT32 ||
          (tt == TFLC_TT_INT64 && op != TFLC_OP_SQUARED_DIFFERENCE) ||
          (tt == TFLC_TT_BOOL && eq) ||
          ((tt == TFLC_TT_INT8 || tt == TFLC_TT_UINT8 || tt == TFLC_TT_INT16) &&
           mm) ||
          (tt == TFLC_TT_INT16 && (op == TFLC_OP_EQUAL || op == TFLC_OP_LESS ||
                                   op == TFLC_OP_GREATER_EQUAL));
      snprintf(label, sizeof label, "op %d type %d", op, tt);
      bin_case cs[] = {
          {op, -1, tt, -1, S23, 2, S23, 2, 0, NULL, 0},
          {op, -1, tt, -1, S213, 3, S41, 2, 0, NULL, 0},
          {op, -1, tt, -1, S23, 2, NULL, 0, 0, NULL, 0},
          {op, -1, tt, -1, NULL, 0, S23, 2, 1, NULL, 0},
          {op, -1, tt, -1, S6A, 6, S6B, 5, 0, NULL, 0},
          {op, -1, tt, -1, SBIG, 3, SBIG2, 2, 0, NULL, 0},
          {op, -1, tt, -1, S03, 2, S1_3, 2, 0, NULL, 0},
      };
      if (supported) {
        for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++)
          check_case(&cs[i], label);
      } else {
        /* Quantized types with a quantized path need quantization
         * parameters (tests/ops/test_quant_binary.c covers them). */
        check_error(&cs[0], quant_path(op, tt)
                                ? "has no quantization parameters"
                                : "is not supported");
      }
    }
  }
}

static TfLiteInterpreter *simple_i32(int32_t op, const int32_t *bconst, int nb,
                                     int act) {
  int sa[1] = {nb}, sb[1] = {nb};
  bin_case c = {op, act, TFLC_TT_INT32, -1, sa, 1, sb, 1, 1, NULL, 0};
  char err[512];
  TfLiteInterpreter *it = bin_build(&c, bconst, err, sizeof err);
  CHECK_MSG(it != NULL, "%s", err);
  return it;
}

static void run_i32(TfLiteInterpreter *it, const int32_t *a, int32_t *out,
                    int n, TfLiteStatus want_status) {
  CHECK_EQ_INT(
      TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(it, 0), a,
                                 sizeof(int32_t) * (size_t)n),
      kTfLiteOk);
  CHECK_EQ_INT(TfLiteInterpreterInvoke(it) == kTfLiteOk,
               want_status == kTfLiteOk);
  if (want_status == kTfLiteOk)
    CHECK_EQ_INT(
        TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 0), out,
                                 sizeof(int32_t) * (size_t)n),
        kTfLiteOk);
}

/* Hand-computed integer corner cases. */
static void test_int_corners(void) {
  /* DIV truncates toward zero; INT32_MIN / -1 wraps; RELU6 clamps ints. */
  {
    const int32_t b[] = {2, -2, 2, -2, -1, 1, 7};
    const int32_t a[] = {7, 7, -7, -7, INT32_MIN, INT32_MIN, 0};
    const int32_t want[] = {3, -3, -3, 3, INT32_MIN, INT32_MIN, 0};
    int32_t out[7];
    TfLiteInterpreter *it = simple_i32(TFLC_OP_DIV, b, 7, TFLC_ACT_NONE);
    if (it) {
      run_i32(it, a, out, 7, kTfLiteOk);
      for (int i = 0; i < 7; i++) CHECK_EQ_INT(out[i], want[i]);
      tm_interpreter_delete(it);
    }
    it = simple_i32(TFLC_OP_DIV, b, 7, TFLC_ACT_RELU6);
    if (it) {
      const int32_t a2[] = {70, 7, -7, -70, 5, 3, 0};
      const int32_t want2[] = {6, 0, 0, 6, 0, 3, 0};
      run_i32(it, a2, out, 7, kTfLiteOk);
      for (int i = 0; i < 7; i++) CHECK_EQ_INT(out[i], want2[i]);
      tm_interpreter_delete(it);
    }
  }
  /* Integer division by zero fails at invoke instead of crashing. */
  {
    const int32_t b[] = {1, 0, 3};
    const int32_t a[] = {4, 5, 6};
    int32_t out[3];
    TfLiteInterpreter *it = simple_i32(TFLC_OP_DIV, b, 3, TFLC_ACT_NONE);
    if (it) {
      run_i32(it, a, out, 3, kTfLiteError);
      tm_interpreter_delete(it);
    }
  }
  /* Overflow wraps (two's complement) instead of being undefined. */
  {
    const int32_t b[] = {1, INT32_MAX, 2};
    const int32_t a[] = {INT32_MAX, 2, INT32_MIN};
    int32_t out[3];
    TfLiteInterpreter *it = simple_i32(TFLC_OP_ADD, b, 3, TFLC_ACT_NONE);
    if (it) {
      run_i32(it, a, out, 3, kTfLiteOk);
      CHECK_EQ_INT(out[0], INT32_MIN);
      CHECK_EQ_INT(out[1], INT32_MIN + 1);
      CHECK_EQ_INT(out[2], INT32_MIN + 2);
      tm_interpreter_delete(it);
    }
    it = simple_i32(TFLC_OP_MUL, b, 3, TFLC_ACT_NONE);
    if (it) {
      run_i32(it, a, out, 3, kTfLiteOk);
      CHECK_EQ_INT(out[0], INT32_MAX);
      CHECK_EQ_INT(out[1], -2);
      CHECK_EQ_INT(out[2], 0);
      tm_interpreter_delete(it);
    }
    it = simple_i32(TFLC_OP_SUB, b, 3, TFLC_ACT_RELU);
    if (it) {
      run_i32(it, a, out, 3, kTfLiteOk);
      CHECK_EQ_INT(out[0], INT32_MAX - 1);
      CHECK_EQ_INT(out[1], 0);             /* 2 - INT32_MAX < 0 */
      CHECK_EQ_INT(out[2], INT32_MAX - 1); /* wraps positive */
      tm_interpreter_delete(it);
    }
  }
  /* Float division by zero gives IEEE inf / NaN. */
  {
    int s[1] = {3};
    const float b[] = {0.0f, 0.0f, 0.0f};
    bin_case c = {TFLC_OP_DIV,
                  TFLC_ACT_NONE,
                  TFLC_TT_FLOAT32,
                  -1,
                  s,
                  1,
                  s,
                  1,
                  1,
                  NULL,
                  0};
    char err[512];
    TfLiteInterpreter *it = bin_build(&c, b, err, sizeof err);
    CHECK_MSG(it != NULL, "%s", err);
    if (it) {
      const float a[] = {1.0f, -1.0f, 0.0f};
      float out[3];
      TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(it, 0), a,
                                 sizeof a);
      CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
      TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 0), out,
                               sizeof out);
      CHECK(isinf(out[0]) && out[0] > 0);
      CHECK(isinf(out[1]) && out[1] < 0);
      CHECK(isnan(out[2]));
      tm_interpreter_delete(it);
    }
  }
}

/* Resizing an input re-runs prepare: new broadcast plan and output shape. */
static void test_resize(void) {
  int s[2] = {2, 3};
  bin_case c = {
      TFLC_OP_ADD, TFLC_ACT_NONE, TFLC_TT_FLOAT32, -1, s, 2, S3, 1, 1, NULL, 0};
  const float b[] = {10, 20, 30};
  char err[512];
  TfLiteInterpreter *it = bin_build(&c, b, err, sizeof err);
  CHECK_MSG(it != NULL, "%s", err);
  if (!it) return;
  const int ns[3] = {2, 2, 3};
  CHECK_EQ_INT(TfLiteInterpreterResizeInputTensor(it, 0, ns, 3), kTfLiteOk);
  CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(it), kTfLiteOk);
  float a[12], out[12];
  for (int i = 0; i < 12; i++) a[i] = (float)i;
  CHECK_EQ_INT(TfLiteTensorCopyFromBuffer(
                   TfLiteInterpreterGetInputTensor(it, 0), a, sizeof a),
               kTfLiteOk);
  CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
  const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(it, 0);
  CHECK_EQ_INT(TfLiteTensorNumDims(o), 3);
  CHECK_EQ_INT(TfLiteTensorCopyToBuffer(o, out, sizeof out), kTfLiteOk);
  for (int i = 0; i < 12; i++) CHECK_NEAR(out[i], i + b[i % 3], 0);
  /* A shape that no longer broadcasts makes AllocateTensors fail. */
  const int bad[2] = {2, 4};
  CHECK_EQ_INT(TfLiteInterpreterResizeInputTensor(it, 0, bad, 2), kTfLiteOk);
  CHECK(TfLiteInterpreterAllocateTensors(it) != kTfLiteOk);
  tm_interpreter_delete(it);
}

static void test_errors(void) {
  /* incompatible shapes */
  bin_case c1 = {TFLC_OP_ADD, -1, TFLC_TT_FLOAT32, -1, S23, 2, S4, 1, 0,
                 S23,         2};
  check_error(&c1, "not broadcastable");
  check_error(&c1, "[2,3]");
  bin_case c1b = {TFLC_OP_LESS, -1, TFLC_TT_INT32, -1, S03, 2, S23, 2, 0,
                  S23,          2};
  check_error(&c1b, "not broadcastable");
  /* rank above 6 */
  bin_case c2 = {TFLC_OP_MUL, -1, TFLC_TT_FLOAT32, -1, S7, 7, S1, 1, 0,
                 NULL,        0};
  check_error(&c2, "at most 6");
  /* mismatched output type */
  bin_case c3 = {
      TFLC_OP_SUB, -1, TFLC_TT_FLOAT32, TFLC_TT_INT32, S23, 2, S23, 2, 0,
      NULL,        0};
  check_error(&c3, "output type INT32");
  /* comparison output must be BOOL */
  bin_case c4 = {TFLC_OP_GREATER,
                 -1,
                 TFLC_TT_FLOAT32,
                 TFLC_TT_FLOAT32,
                 S23,
                 2,
                 S23,
                 2,
                 0,
                 NULL,
                 0};
  check_error(&c4, "BOOL");
  /* quantized types without quantization parameters are refused (DIV's
   * quantized path: tests/ops/test_quant_more.c) */
  const int32_t ops[] = {TFLC_OP_ADD, TFLC_OP_SUB, TFLC_OP_MUL, TFLC_OP_DIV};
  for (int i = 0; i < 4; i++) {
    bin_case c = {ops[i], -1, TFLC_TT_INT8, -1, S23, 2, S23, 2, 0, NULL, 0};
    check_error(&c, "tensor 'a' has no quantization parameters");
    bin_case cu = {ops[i], -1, TFLC_TT_UINT8, -1, S23, 2, S23, 2, 0, NULL, 0};
    check_error(&cu, "has no quantization parameters");
  }
  bin_case c5 = {TFLC_OP_DIV, -1, TFLC_TT_INT64, -1, S23, 2, S23,
                 2,           0,  NULL,          0};
  check_error(&c5, "INT64 is not supported");
  /* TANH and SIGN_BIT fused activations are refused */
  for (int i = 0; i < 4; i++) {
    bin_case ct = {
        ops[i], TFLC_ACT_TANH, TFLC_TT_FLOAT32, -1, S23, 2, S23, 2, 0, NULL, 0};
    check_error(&ct, "TANH");
    bin_case cs = {
        ops[i], TFLC_ACT_SIGN_BIT, TFLC_TT_FLOAT32, -1, S23, 2, S23, 2, 0, NULL,
        0};
    check_error(&cs, "SIGN_BIT");
    bin_case cx = {ops[i], 42, TFLC_TT_INT32, -1, S23, 2, S23, 2, 0, NULL, 0};
    check_error(&cx, "activation");
  }
}

/* Mismatched input types and a wrong number of inputs. */
static void test_graph_errors(void) {
  char err[512];
  {
    tm_model *m = tm_create();
    int a = tm_tensor(m, TFLC_TT_FLOAT32, S23, 2, "a");
    int b = tm_tensor(m, TFLC_TT_INT32, S23, 2, "b");
    int o = tm_tensor(m, TFLC_TT_FLOAT32, S23, 2, "o");
    int ins[2] = {a, b};
    tm_op(m, TFLC_OP_ADD, NULL, ins, 2, &o, 1, 0, NULL, 0);
    tm_io(m, ins, 2, &o, 1);
    size_t size;
    uint8_t *bytes = tm_finish(m, &size);
    tm_free(m);
    CHECK(bytes != NULL);
    TfLiteInterpreter *it =
        bytes ? tm_interpreter(bytes, size, err, sizeof err) : NULL;
    CHECK(it == NULL);
    if (it)
      tm_interpreter_delete(it);
    else
      CHECK_CONTAINS(err,
                     "input 2 type INT32 does not match input 1 type "
                     "FLOAT32");
    free(bytes);
  }
  {
    tm_model *m = tm_create();
    int a = tm_tensor(m, TFLC_TT_FLOAT32, S23, 2, "a");
    int o = tm_tensor(m, TFLC_TT_FLOAT32, S23, 2, "o");
    tm_op(m, TFLC_OP_MAXIMUM, NULL, &a, 1, &o, 1, 0, NULL, 0);
    tm_io(m, &a, 1, &o, 1);
    size_t size;
    uint8_t *bytes = tm_finish(m, &size);
    tm_free(m);
    CHECK(bytes != NULL);
    TfLiteInterpreter *it =
        bytes ? tm_interpreter(bytes, size, err, sizeof err) : NULL;
    CHECK(it == NULL);
    if (it)
      tm_interpreter_delete(it);
    else
      CHECK_CONTAINS(err, "expected 2 inputs");
    free(bytes);
  }
}

int main(void) {
  test_arith();
  test_other_binary();
  test_int_corners();
  test_resize();
  test_errors();
  test_graph_errors();
  return CHECK_DONE();
}
