/* Writes the models of the operator cross-check against the real TensorFlow
 * Lite runtime (tests/oracle/regenerate.sh runs them through litert-oracle
 * and keeps the outputs as fixtures for tests/ops/test_oracle_fixtures.c).
 *
 *   make_oracle_models DIR [CASE ...]   writes DIR/<case>/model.tflite and
 *                                       DIR/<case>/input_<i>.npy, and prints
 *                                       one TSV line per case on stdout:
 *                                       case, ops, covers, atol, rtol,
 *                                       rounding (xnnpack / reference),
 *                                       int_tol, tol_reason, and "run" (or
 *                                       "not comparable: <why>", no files)
 *   make_oracle_models --list           the TSV lines only
 *   make_oracle_models --coverage       registered builtin ops no case uses
 *
 * One table of cases (name, builder, what it covers, tolerance); adding an
 * operator is one builder plus one table entry. Inputs are pseudo-random
 * from a seed derived from the case name, so adding a case never changes
 * the inputs of another. Models are built with the project's own writer
 * (tests/support/test_model.h). */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/allocator.h"
#include "npy.h"
#include "schema/schema.h"
#include "support/test_model.h"

/* ---- case context -------------------------------------------------------- */

#define CX_MAX_IO 8
#define CX_MAX_OPS 16

typedef struct cx_input {
  int8_t tt;
  int shape[8];
  int rank;
  void *data;
  size_t bytes;
} cx_input;

typedef struct cx {
  tm_model *m;
  uint32_t rng;
  int ins[CX_MAX_IO], n_ins;
  cx_input in_data[CX_MAX_IO];
  int outs[CX_MAX_IO], n_outs;
  int io_done;
  int32_t ops[CX_MAX_OPS]; /* distinct builtin codes used, in order */
  const char *custom[CX_MAX_OPS];
  int n_ops;
  int32_t vcode; /* when vversion > 0: opcode version of builtin vcode */
  int vversion;
  /* when set: edits the decoded model before it is written again (for what
   * tests/support/test_model.h cannot express) */
  void (*patch)(tflc_model_def *def);
  int xnn; /* 1: compared in the XNNPACK rounding mode (cx_xnnpack) */
  char name_buf[32];
} cx;

static size_t tt_size(int8_t tt) {
  switch (tt) {
    case TFLC_TT_FLOAT32:
    case TFLC_TT_INT32: return 4;
    case TFLC_TT_INT64: return 8;
    case TFLC_TT_INT16: return 2;
    case TFLC_TT_BOOL:
    case TFLC_TT_INT8:
    case TFLC_TT_UINT8: return 1;
    default: return 0;
  }
}

static TfLiteType tt_lite(int8_t tt) {
  switch (tt) {
    case TFLC_TT_FLOAT32: return kTfLiteFloat32;
    case TFLC_TT_INT32: return kTfLiteInt32;
    case TFLC_TT_INT64: return kTfLiteInt64;
    case TFLC_TT_INT16: return kTfLiteInt16;
    case TFLC_TT_BOOL: return kTfLiteBool;
    case TFLC_TT_INT8: return kTfLiteInt8;
    case TFLC_TT_UINT8: return kTfLiteUInt8;
    default: return kTfLiteNoType;
  }
}

static size_t count_of(const int *shape, int rank) {
  size_t n = 1;
  for (int i = 0; i < rank; i++) n *= (size_t)shape[i];
  return n;
}

/* xorshift32 */
static uint32_t cx_next(cx *c) {
  uint32_t x = c->rng;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  c->rng = x;
  return x;
}

static double cx_unit(cx *c) { return (double)(cx_next(c) >> 8) / 16777216.0; }

/* Random values in [lo, hi] of type tt into a new malloc'd buffer. */
static void *cx_random(cx *c, int8_t tt, size_t n, double lo, double hi) {
  size_t es = tt_size(tt);
  uint8_t *buf = malloc(n * es + 1);
  for (size_t i = 0; i < n; i++) {
    double u = cx_unit(c);
    if (tt == TFLC_TT_FLOAT32) {
      float v = (float)(lo + (hi - lo) * u);
      memcpy(buf + i * es, &v, 4);
      continue;
    }
    long long span = (long long)hi - (long long)lo + 1;
    long long v = (long long)lo + (long long)(u * (double)span);
    if (v > (long long)hi) v = (long long)hi;
    switch (tt) {
      case TFLC_TT_INT32: {
        int32_t x = (int32_t)v;
        memcpy(buf + i * 4, &x, 4);
        break;
      }
      case TFLC_TT_INT64: {
        int64_t x = v;
        memcpy(buf + i * 8, &x, 8);
        break;
      }
      case TFLC_TT_INT16: {
        int16_t x = (int16_t)v;
        memcpy(buf + i * 2, &x, 2);
        break;
      }
      case TFLC_TT_INT8: {
        int8_t x = (int8_t)v;
        memcpy(buf + i, &x, 1);
        break;
      }
      case TFLC_TT_UINT8: buf[i] = (uint8_t)v; break;
      case TFLC_TT_BOOL: buf[i] = v != 0; break;
      default: break;
    }
  }
  return buf;
}

static const char *cx_name(cx *c, const char *prefix, int k) {
  snprintf(c->name_buf, sizeof c->name_buf, "%s%d", prefix, k);
  return c->name_buf;
}

/* A graph input of subgraph 0 with the given values (copied). */
static int in_vals(cx *c, int8_t tt, const int *shape, int rank,
                   const void *data) {
  int k = c->n_ins;
  int idx = tm_tensor(c->m, tt, shape, rank, cx_name(c, "input", k));
  cx_input *d = &c->in_data[k];
  d->tt = tt;
  d->rank = rank;
  for (int i = 0; i < rank; i++) d->shape[i] = shape[i];
  d->bytes = count_of(shape, rank) * tt_size(tt);
  d->data = malloc(d->bytes + 1);
  memcpy(d->data, data, d->bytes);
  c->ins[c->n_ins++] = idx;
  return idx;
}

/* A graph input with random values in [lo, hi]. */
static int in_t(cx *c, int8_t tt, const int *shape, int rank, double lo,
                double hi) {
  void *v = cx_random(c, tt, count_of(shape, rank), lo, hi);
  int idx = in_vals(c, tt, shape, rank, v);
  free(v);
  return idx;
}

static int cst(cx *c, int8_t tt, const int *shape, int rank, const void *data) {
  static int k = 0;
  return tm_const(c->m, tt, shape, rank, data,
                  count_of(shape, rank) * tt_size(tt),
                  cx_name(c, "const", k++));
}

/* A constant with random values in [lo, hi]. */
static int cst_rand(cx *c, int8_t tt, const int *shape, int rank, double lo,
                    double hi) {
  void *v = cx_random(c, tt, count_of(shape, rank), lo, hi);
  int idx = cst(c, tt, shape, rank, v);
  free(v);
  return idx;
}

/* A graph output of subgraph 0. */
static int out_t(cx *c, int8_t tt, const int *shape, int rank) {
  int idx = tm_tensor(c->m, tt, shape, rank, cx_name(c, "output", c->n_outs));
  c->outs[c->n_outs++] = idx;
  return idx;
}

/* An intermediate tensor (or a tensor of another subgraph). */
static int tmp_t(cx *c, int8_t tt, const int *shape, int rank) {
  static int k = 0;
  return tm_tensor(c->m, tt, shape, rank, cx_name(c, "t", k++));
}

static void cx_note_op(cx *c, int32_t code, const char *custom) {
  for (int i = 0; i < c->n_ops; i++)
    if (c->ops[i] == code &&
        (!custom || (c->custom[i] && strcmp(c->custom[i], custom) == 0)))
      return;
  if (c->n_ops < CX_MAX_OPS) {
    c->custom[c->n_ops] = custom;
    c->ops[c->n_ops++] = code;
  }
}

static int op(cx *c, int32_t code, const int *ins, int n_ins, const int *outs,
              int n_outs, uint8_t bo, const tflc_opt_field *f, int nf) {
  cx_note_op(c, code, NULL);
  return tm_op(c->m, code, NULL, ins, n_ins, outs, n_outs, bo, f, nf);
}

/* Sets subgraph 0's inputs and outputs; call before tm_subgraph. */
static void cx_io(cx *c) {
  if (c->io_done) return;
  tm_io(c->m, c->ins, c->n_ins, c->outs, c->n_outs);
  c->io_done = 1;
}

/* ---- shorthands ------------------------------------------------------------
 */

#define NARG(...) ((int)(sizeof((const int[]){__VA_ARGS__}) / sizeof(int)))
/* shape: pointer and rank */
#define SH(...) (const int[]){__VA_ARGS__}, NARG(__VA_ARGS__)
#define SCALAR NULL, 0
/* tensor index lists */
#define L(...) (const int[]){__VA_ARGS__}, NARG(__VA_ARGS__)
#define NOOPT 0, NULL, 0
#define OPTS(bo, ...)                                       \
  bo, (const tflc_opt_field[]){__VA_ARGS__},                \
      (int)(sizeof((const tflc_opt_field[]){__VA_ARGS__}) / \
            sizeof(tflc_opt_field))
#define FI8(id, v) tm_opt_int(id, TFLC_OPT_I8, v)
#define FI32(id, v) tm_opt_int(id, TFLC_OPT_I32, v)
#define FBOOL(id, v) tm_opt_int(id, TFLC_OPT_BOOL, v)
#define FF32(id, v) tm_opt_f32(id, v)

enum {
  F32 = TFLC_TT_FLOAT32,
  I32 = TFLC_TT_INT32,
  I64 = TFLC_TT_INT64,
  I16 = TFLC_TT_INT16,
  I8 = TFLC_TT_INT8,
  U8 = TFLC_TT_UINT8,
  BOOL = TFLC_TT_BOOL
};
enum { SAME = TFLC_PADDING_SAME, VALID = TFLC_PADDING_VALID };
enum {
  A_NONE = TFLC_ACT_NONE,
  A_RELU = TFLC_ACT_RELU,
  A_N1 = TFLC_ACT_RELU_N1_TO_1,
  A_RELU6 = TFLC_ACT_RELU6
};

static tflc_opt_field fstr(uint16_t id, const char *s) {
  tflc_opt_field f;
  memset(&f, 0, sizeof f);
  f.id = id;
  f.kind = TFLC_OPT_STRING;
  f.vec = s;
  f.vec_len = (int32_t)strlen(s);
  return f;
}

/* ---- unary elementwise ----------------------------------------------------
 */

static void unary(cx *c, int32_t code, int8_t tt, double lo, double hi) {
  int x = in_t(c, tt, SH(2, 3, 4), lo, hi);
  int y = out_t(c, tt, SH(2, 3, 4));
  op(c, code, L(x), L(y), NOOPT);
}

static void b_abs(cx *c) { unary(c, TFLC_OP_ABS, F32, -3, 3); }
static void b_abs_i32(cx *c) { unary(c, TFLC_OP_ABS, I32, -100, 100); }
static void b_neg(cx *c) { unary(c, TFLC_OP_NEG, F32, -3, 3); }
static void b_neg_i64(cx *c) { unary(c, TFLC_OP_NEG, I64, -1000, 1000); }
static void b_neg_i32(cx *c) { unary(c, TFLC_OP_NEG, I32, -1000, 1000); }
static void b_exp(cx *c) { unary(c, TFLC_OP_EXP, F32, -4, 4); }
static void b_sqrt(cx *c) { unary(c, TFLC_OP_SQRT, F32, 0.01, 9); }
static void b_rsqrt(cx *c) { unary(c, TFLC_OP_RSQRT, F32, 0.05, 9); }
static void b_tanh(cx *c) { unary(c, TFLC_OP_TANH, F32, -4, 4); }
static void b_logistic(cx *c) { unary(c, TFLC_OP_LOGISTIC, F32, -8, 8); }
static void b_hard_swish(cx *c) { unary(c, TFLC_OP_HARD_SWISH, F32, -5, 5); }
static void b_relu(cx *c) { unary(c, TFLC_OP_RELU, F32, -2, 2); }
static void b_relu6(cx *c) { unary(c, TFLC_OP_RELU6, F32, -3, 9); }
static void b_relu_n1(cx *c) { unary(c, TFLC_OP_RELU_N1_TO_1, F32, -2, 2); }

static void b_leaky_relu(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 4), -3, 3);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_LEAKY_RELU, L(x), L(y),
     OPTS(TFLC_BO_LEAKY_RELU, FF32(0, 0.2f)));
}

/* ---- binary elementwise ---------------------------------------------------
 */

/* a [2,1,3,4] op b [3,1]: 4-D broadcast on both sides. */
static void binary(cx *c, int32_t code, int8_t tt, int8_t ott, double lo,
                   double hi, double blo, double bhi, uint8_t bo, int act) {
  int a = in_t(c, tt, SH(2, 1, 3, 4), lo, hi);
  int b = in_t(c, tt, SH(3, 1), blo, bhi);
  int y = out_t(c, ott, SH(2, 1, 3, 4));
  if (bo)
    op(c, code, L(a, b), L(y), OPTS(bo, FI8(0, act)));
  else
    op(c, code, L(a, b), L(y), NOOPT);
}

static void b_add(cx *c) {
  binary(c, TFLC_OP_ADD, F32, F32, -4, 4, -4, 4, TFLC_BO_ADD, A_RELU6);
}
static void b_add_i32(cx *c) {
  binary(c, TFLC_OP_ADD, I32, I32, -1000, 1000, -1000, 1000, TFLC_BO_ADD,
         A_NONE);
}
static void b_add_i64(cx *c) {
  binary(c, TFLC_OP_ADD, I64, I64, -1000, 1000, -1000, 1000, TFLC_BO_ADD,
         A_NONE);
}
static void b_sub(cx *c) {
  binary(c, TFLC_OP_SUB, F32, F32, -2, 2, -2, 2, TFLC_BO_SUB, A_N1);
}
static void b_sub_i32(cx *c) {
  binary(c, TFLC_OP_SUB, I32, I32, -1000, 1000, -1000, 1000, TFLC_BO_SUB,
         A_NONE);
}
static void b_sub_i64(cx *c) {
  binary(c, TFLC_OP_SUB, I64, I64, -1000, 1000, -1000, 1000, TFLC_BO_SUB,
         A_NONE);
}
static void b_mul(cx *c) {
  binary(c, TFLC_OP_MUL, F32, F32, -3, 3, -3, 3, TFLC_BO_MUL, A_RELU);
}
static void b_mul_i32(cx *c) {
  binary(c, TFLC_OP_MUL, I32, I32, -300, 300, -300, 300, TFLC_BO_MUL, A_NONE);
}
static void b_mul_i64(cx *c) {
  binary(c, TFLC_OP_MUL, I64, I64, -300, 300, -300, 300, TFLC_BO_MUL, A_NONE);
}
static void b_div(cx *c) {
  binary(c, TFLC_OP_DIV, F32, F32, -3, 3, 0.5, 2, TFLC_BO_DIV, A_NONE);
}
static void b_div_i32(cx *c) {
  binary(c, TFLC_OP_DIV, I32, I32, -50, 50, 1, 9, TFLC_BO_DIV, A_NONE);
}
static void b_div_relu6(cx *c) {
  binary(c, TFLC_OP_DIV, F32, F32, -8, 8, 0.5, 2, TFLC_BO_DIV, A_RELU6);
}
static void b_sqdiff(cx *c) {
  binary(c, TFLC_OP_SQUARED_DIFFERENCE, F32, F32, -3, 3, -3, 3, 0, 0);
}
static void b_sqdiff_i32(cx *c) {
  binary(c, TFLC_OP_SQUARED_DIFFERENCE, I32, I32, -100, 100, -100, 100, 0, 0);
}
static void b_maximum(cx *c) {
  binary(c, TFLC_OP_MAXIMUM, F32, F32, -2, 2, -2, 2, 0, 0);
}
static void b_maximum_i8(cx *c) {
  binary(c, TFLC_OP_MAXIMUM, I8, I8, -128, 127, -128, 127, 0, 0);
}
static void b_minimum(cx *c) {
  binary(c, TFLC_OP_MINIMUM, F32, F32, -2, 2, -2, 2, 0, 0);
}
static void b_minimum_i32(cx *c) {
  binary(c, TFLC_OP_MINIMUM, I32, I32, -100, 100, -100, 100, 0, 0);
}
static void b_minimum_i64(cx *c) {
  binary(c, TFLC_OP_MINIMUM, I64, I64, -100, 100, -100, 100, 0, 0);
}
static void b_less(cx *c) {
  binary(c, TFLC_OP_LESS, F32, BOOL, -1, 1, -1, 1, 0, 0);
}
static void b_greater_i32(cx *c) {
  binary(c, TFLC_OP_GREATER, I32, BOOL, 0, 4, 0, 4, 0, 0);
}
static void b_greater(cx *c) {
  binary(c, TFLC_OP_GREATER, F32, BOOL, -1, 1, -1, 1, 0, 0);
}
static void b_less_equal_i64(cx *c) {
  binary(c, TFLC_OP_LESS_EQUAL, I64, BOOL, 0, 3, 0, 3, 0, 0);
}
static void b_less_equal(cx *c) {
  binary(c, TFLC_OP_LESS_EQUAL, F32, BOOL, -1, 1, -1, 1, 0, 0);
}
static void b_greater_equal(cx *c) {
  binary(c, TFLC_OP_GREATER_EQUAL, F32, BOOL, -1, 1, -1, 1, 0, 0);
}
static void b_greater_equal_i32(cx *c) {
  binary(c, TFLC_OP_GREATER_EQUAL, I32, BOOL, 0, 3, 0, 3, 0, 0);
}
static void b_equal_i32(cx *c) {
  binary(c, TFLC_OP_EQUAL, I32, BOOL, 0, 2, 0, 2, 0, 0);
}
static void b_equal_bool(cx *c) {
  binary(c, TFLC_OP_EQUAL, BOOL, BOOL, 0, 1, 0, 1, 0, 0);
}
static void b_equal(cx *c) {
  /* a few exact ties: values on a coarse grid */
  int a = in_t(c, F32, SH(2, 6), -1, 1);
  float bv[6] = {0.5f, -0.25f, 0.0f, 1.0f, -1.0f, 0.75f};
  int b = in_vals(c, F32, SH(6), bv);
  int y = out_t(c, BOOL, SH(2, 6));
  op(c, TFLC_OP_EQUAL, L(a, b), L(y), NOOPT);
}
static void b_not_equal_i64(cx *c) {
  binary(c, TFLC_OP_NOT_EQUAL, I64, BOOL, 0, 2, 0, 2, 0, 0);
}
static void b_not_equal_bool(cx *c) {
  binary(c, TFLC_OP_NOT_EQUAL, BOOL, BOOL, 0, 1, 0, 1, 0, 0);
}

/* ---- convolutions ---------------------------------------------------------
 */

static void b_conv_same_s2_relu6(cx *c) {
  int x = in_t(c, F32, SH(1, 7, 7, 3), -2, 2);
  int w = cst_rand(c, F32, SH(4, 3, 3, 3), -1, 1);
  int b = cst_rand(c, F32, SH(4), -1, 1);
  int y = out_t(c, F32, SH(1, 4, 4, 4));
  op(c, TFLC_OP_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_CONV_2D, FI8(0, SAME), FI32(1, 2), FI32(2, 2),
          FI8(3, A_RELU6)));
}

static void b_conv_valid_dil2(cx *c) {
  /* (TensorFlow Lite's float CONV_2D refuses a missing bias) */
  int x = in_t(c, F32, SH(1, 8, 8, 2), -1, 1);
  int w = cst_rand(c, F32, SH(3, 3, 3, 2), -1, 1);
  int b = cst_rand(c, F32, SH(3), -1, 1);
  int y = out_t(c, F32, SH(1, 4, 4, 3));
  op(c, TFLC_OP_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_CONV_2D, FI8(0, VALID), FI32(1, 1), FI32(2, 1),
          FI8(3, A_NONE), FI32(4, 2), FI32(5, 2)));
}

static void b_conv_1x1_batch2_relu(cx *c) {
  int x = in_t(c, F32, SH(2, 5, 5, 4), -1, 1);
  int w = cst_rand(c, F32, SH(6, 1, 1, 4), -1, 1);
  int b = cst_rand(c, F32, SH(6), -0.5, 0.5);
  int y = out_t(c, F32, SH(2, 5, 5, 6));
  op(c, TFLC_OP_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_CONV_2D, FI8(0, SAME), FI32(1, 1), FI32(2, 1),
          FI8(3, A_RELU)));
}

static void b_conv_same_asym_stride(cx *c) {
  /* stride_h 2, stride_w 1, 2x3 kernel: uneven SAME padding */
  int x = in_t(c, F32, SH(1, 6, 5, 3), -1, 1);
  int w = cst_rand(c, F32, SH(2, 2, 3, 3), -1, 1);
  int b = cst_rand(c, F32, SH(2), -1, 1);
  int y = out_t(c, F32, SH(1, 3, 5, 2));
  op(c, TFLC_OP_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_CONV_2D, FI8(0, SAME), FI32(1, 1), FI32(2, 2),
          FI8(3, A_NONE)));
}

static void b_dwconv_m2_dil2(cx *c) {
  int x = in_t(c, F32, SH(1, 6, 6, 3), -1, 1);
  int w = cst_rand(c, F32, SH(1, 3, 3, 6), -1, 1);
  int b = cst_rand(c, F32, SH(6), -1, 1);
  int y = out_t(c, F32, SH(1, 6, 6, 6));
  op(c, TFLC_OP_DEPTHWISE_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_DEPTHWISE_CONV_2D, FI8(0, SAME), FI32(1, 1), FI32(2, 1),
          FI32(3, 2), FI8(4, A_NONE), FI32(5, 2), FI32(6, 2)));
}

static void b_dwconv_valid_s2_relu(cx *c) {
  int x = in_t(c, F32, SH(1, 7, 7, 4), -1, 1);
  int w = cst_rand(c, F32, SH(1, 3, 3, 4), -1, 1);
  int b = cst_rand(c, F32, SH(4), -0.5, 0.5);
  int y = out_t(c, F32, SH(1, 3, 3, 4));
  op(c, TFLC_OP_DEPTHWISE_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_DEPTHWISE_CONV_2D, FI8(0, VALID), FI32(1, 2), FI32(2, 2),
          FI32(3, 1), FI8(4, A_RELU)));
}

static void b_dwconv_same_s2_m3_relu6(cx *c) {
  int x = in_t(c, F32, SH(2, 5, 5, 2), -2, 2);
  int w = cst_rand(c, F32, SH(1, 3, 3, 6), -1, 1);
  int b = cst_rand(c, F32, SH(6), -1, 1);
  int y = out_t(c, F32, SH(2, 3, 3, 6));
  op(c, TFLC_OP_DEPTHWISE_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_DEPTHWISE_CONV_2D, FI8(0, SAME), FI32(1, 2), FI32(2, 2),
          FI32(3, 3), FI8(4, A_RELU6)));
}

static void b_tconv_same_s2_bias(cx *c) {
  int32_t oshape[4] = {1, 6, 6, 2};
  int s = cst(c, I32, SH(4), oshape);
  int w = cst_rand(c, F32, SH(2, 3, 3, 4), -1, 1);
  int x = in_t(c, F32, SH(1, 3, 3, 4), -1, 1);
  int b = cst_rand(c, F32, SH(2), -1, 1);
  int y = out_t(c, F32, SH(1, 6, 6, 2));
  op(c, TFLC_OP_TRANSPOSE_CONV, L(s, w, x, b), L(y),
     OPTS(TFLC_BO_TRANSPOSE_CONV, FI8(0, SAME), FI32(1, 2), FI32(2, 2)));
}

static void b_tconv_valid_s2(cx *c) {
  int32_t oshape[4] = {1, 7, 7, 3};
  int s = cst(c, I32, SH(4), oshape);
  int w = cst_rand(c, F32, SH(3, 3, 3, 2), -1, 1);
  int x = in_t(c, F32, SH(1, 3, 3, 2), -1, 1);
  int y = out_t(c, F32, SH(1, 7, 7, 3));
  op(c, TFLC_OP_TRANSPOSE_CONV, L(s, w, x), L(y),
     OPTS(TFLC_BO_TRANSPOSE_CONV, FI8(0, VALID), FI32(1, 2), FI32(2, 2)));
}

static void b_tconv_same_s1_relu(cx *c) {
  int32_t oshape[4] = {1, 4, 5, 3};
  int s = cst(c, I32, SH(4), oshape);
  int w = cst_rand(c, F32, SH(3, 2, 3, 2), -1, 1);
  int x = in_t(c, F32, SH(1, 4, 5, 2), -1, 1);
  int b = cst_rand(c, F32, SH(3), -0.5, 0.5);
  int y = out_t(c, F32, SH(1, 4, 5, 3));
  op(c, TFLC_OP_TRANSPOSE_CONV, L(s, w, x, b), L(y),
     OPTS(TFLC_BO_TRANSPOSE_CONV, FI8(0, SAME), FI32(1, 1), FI32(2, 1),
          FI8(3, A_RELU)));
}

static void b_tconv_bias_custom(cx *c) {
  /* MediaPipe's custom op: options {padding=SAME(1), stride_w, stride_h} */
  int w = cst_rand(c, F32, SH(2, 3, 3, 3), -1, 1);
  int x = in_t(c, F32, SH(1, 3, 3, 3), -1, 1);
  int b = cst_rand(c, F32, SH(2), -1, 1);
  int y = out_t(c, F32, SH(1, 6, 6, 2));
  int32_t opts[5] = {1, 2, 2, 0, 0};
  cx_note_op(c, TFLC_OP_CUSTOM, "Convolution2DTransposeBias");
  int o = tm_op(c->m, TFLC_OP_CUSTOM, "Convolution2DTransposeBias", L(x, w, b),
                L(y), NOOPT);
  tm_op_custom_options(c->m, o, opts, sizeof opts);
}

/* ---- dense -----------------------------------------------------------------
 */

static void b_fc_keep_dims(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 5), -1, 1);
  int w = cst_rand(c, F32, SH(4, 5), -1, 1);
  int b = cst_rand(c, F32, SH(4), -1, 1);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_FULLY_CONNECTED, L(x, w, b), L(y),
     OPTS(TFLC_BO_FULLY_CONNECTED, FI8(0, A_NONE), FBOOL(2, 1)));
}

static void b_fc_relu(cx *c) {
  int x = in_t(c, F32, SH(3, 8), -1, 1);
  int w = cst_rand(c, F32, SH(6, 8), -1, 1);
  int b = cst_rand(c, F32, SH(6), -1, 1);
  int y = out_t(c, F32, SH(3, 6));
  op(c, TFLC_OP_FULLY_CONNECTED, L(x, w, b), L(y),
     OPTS(TFLC_BO_FULLY_CONNECTED, FI8(0, A_RELU)));
}

static void b_fc_flatten_nobias(cx *c) {
  int x = in_t(c, F32, SH(2, 2, 6), -1, 1);
  int w = cst_rand(c, F32, SH(3, 12), -1, 1);
  int y = out_t(c, F32, SH(2, 3));
  op(c, TFLC_OP_FULLY_CONNECTED, L(x, w, -1), L(y),
     OPTS(TFLC_BO_FULLY_CONNECTED, FI8(0, A_NONE)));
}

static void b_fc_runtime_weights(cx *c) {
  int x = in_t(c, F32, SH(2, 4), -1, 1);
  int w = in_t(c, F32, SH(5, 4), -1, 1);
  int b = in_t(c, F32, SH(5), -1, 1);
  int y = out_t(c, F32, SH(2, 5));
  op(c, TFLC_OP_FULLY_CONNECTED, L(x, w, b), L(y),
     OPTS(TFLC_BO_FULLY_CONNECTED, FI8(0, A_RELU6)));
}

static void b_bmm_adj_bcast(cx *c) {
  /* x [2,1,4,3] adj_x -> [.,3,4]; y [3,5,4] adj_y -> [.,4,5]; batch [2,3] */
  int x = in_t(c, F32, SH(2, 1, 4, 3), -1, 1);
  int yv = in_t(c, F32, SH(3, 5, 4), -1, 1);
  int z = out_t(c, F32, SH(2, 3, 3, 5));
  op(c, TFLC_OP_BATCH_MATMUL, L(x, yv), L(z),
     OPTS(TFLC_BO_BATCH_MAT_MUL, FBOOL(0, 1), FBOOL(1, 1)));
}

static void b_bmm_plain(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 4), -1, 1);
  int yv = in_t(c, F32, SH(2, 4, 5), -1, 1);
  int z = out_t(c, F32, SH(2, 3, 5));
  op(c, TFLC_OP_BATCH_MATMUL, L(x, yv), L(z), NOOPT);
}

static void b_bmm_const_rhs_adj_y(cx *c) {
  int x = in_t(c, F32, SH(3, 2, 6), -1, 1);
  int yv = cst_rand(c, F32, SH(4, 6), -1, 1);
  int z = out_t(c, F32, SH(3, 2, 4));
  op(c, TFLC_OP_BATCH_MATMUL, L(x, yv), L(z),
     OPTS(TFLC_BO_BATCH_MAT_MUL, FBOOL(0, 0), FBOOL(1, 1)));
}

/* ---- pooling ----------------------------------------------------------------
 */

static void pool(cx *c, int32_t code, const int *ishape, const int *oshape,
                 int pad, int sw, int sh, int fw, int fh, int act) {
  int x = in_t(c, F32, ishape, 4, -2, 2);
  int y = out_t(c, F32, oshape, 4);
  op(c, code, L(x), L(y),
     OPTS(TFLC_BO_POOL_2D, FI8(0, pad), FI32(1, sw), FI32(2, sh), FI32(3, fw),
          FI32(4, fh), FI8(5, act)));
}

static void b_avgpool_same_3x3_s2(cx *c) {
  pool(c, TFLC_OP_AVERAGE_POOL_2D, (const int[]){1, 7, 7, 3},
       (const int[]){1, 4, 4, 3}, SAME, 2, 2, 3, 3, A_NONE);
}
static void b_avgpool_valid_2x3_relu6(cx *c) {
  pool(c, TFLC_OP_AVERAGE_POOL_2D, (const int[]){2, 5, 6, 2},
       (const int[]){2, 4, 2, 2}, VALID, 2, 1, 3, 2, A_RELU6);
}
static void b_maxpool_valid_2x2_relu(cx *c) {
  pool(c, TFLC_OP_MAX_POOL_2D, (const int[]){1, 6, 6, 2},
       (const int[]){1, 3, 3, 2}, VALID, 2, 2, 2, 2, A_RELU);
}
static void b_maxpool_same_3x3_s2(cx *c) {
  pool(c, TFLC_OP_MAX_POOL_2D, (const int[]){1, 5, 5, 2},
       (const int[]){1, 3, 3, 2}, SAME, 2, 2, 3, 3, A_NONE);
}

/* ---- shape and data movement
 * ---------------------------------------------------- */

static void b_concat_last(cx *c) {
  int a = in_t(c, F32, SH(2, 3), -1, 1);
  int b = in_t(c, F32, SH(2, 1), -1, 1);
  int d = in_t(c, F32, SH(2, 4), -1, 1);
  int y = out_t(c, F32, SH(2, 8));
  op(c, TFLC_OP_CONCATENATION, L(a, b, d), L(y),
     OPTS(TFLC_BO_CONCATENATION, FI32(0, -1)));
}

static void b_concat_axis1_4d(cx *c) {
  int a = in_t(c, F32, SH(1, 2, 3, 2), -1, 1);
  int b = in_t(c, F32, SH(1, 3, 3, 2), -1, 1);
  int y = out_t(c, F32, SH(1, 5, 3, 2));
  op(c, TFLC_OP_CONCATENATION, L(a, b), L(y),
     OPTS(TFLC_BO_CONCATENATION, FI32(0, 1)));
}

static void b_concat_i32_const(cx *c) {
  int a = in_t(c, I32, SH(1, 3), -100, 100);
  int32_t kv[6] = {7, -8, 9, 10, -11, 12};
  int b = cst(c, I32, SH(2, 3), kv);
  int y = out_t(c, I32, SH(3, 3));
  op(c, TFLC_OP_CONCATENATION, L(a, b), L(y),
     OPTS(TFLC_BO_CONCATENATION, FI32(0, 0)));
}

static void b_reshape_shape_input(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 4), -1, 1);
  int32_t sv[2] = {4, -1};
  int s = cst(c, I32, SH(2), sv);
  int y = out_t(c, F32, SH(4, 6));
  op(c, TFLC_OP_RESHAPE, L(x, s), L(y), NOOPT);
}

static void b_reshape_options(cx *c) {
  int x = in_t(c, F32, SH(2, 12), -1, 1);
  int32_t ns[3] = {3, 2, 4};
  int y = out_t(c, F32, SH(3, 2, 4));
  op(c, TFLC_OP_RESHAPE, L(x), L(y),
     OPTS(TFLC_BO_RESHAPE, tm_opt_vec_i32(0, ns, 3)));
}

static void b_reshape_i64(cx *c) {
  int x = in_t(c, I64, SH(6), -1000, 1000);
  int32_t sv[3] = {2, 1, 3};
  int s = cst(c, I32, SH(3), sv);
  int y = out_t(c, I64, SH(2, 1, 3));
  op(c, TFLC_OP_RESHAPE, L(x, s), L(y), NOOPT);
}

static void b_pad(cx *c) {
  int x = in_t(c, F32, SH(1, 3, 4, 2), -1, 1);
  int32_t pv[8] = {0, 0, 1, 2, 2, 1, 0, 0};
  int p = cst(c, I32, SH(4, 2), pv);
  int y = out_t(c, F32, SH(1, 6, 7, 2));
  op(c, TFLC_OP_PAD, L(x, p), L(y), NOOPT);
}

static void b_pad_i32(cx *c) {
  int x = in_t(c, I32, SH(2, 3), -100, 100);
  int32_t pv[4] = {1, 0, 0, 2};
  int p = cst(c, I32, SH(2, 2), pv);
  int y = out_t(c, I32, SH(3, 5));
  op(c, TFLC_OP_PAD, L(x, p), L(y), NOOPT);
}

static void b_padv2(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 2), -1, 1);
  int32_t pv[6] = {1, 1, 0, 1, 2, 0};
  int p = cst(c, I32, SH(3, 2), pv);
  float cv = -1.5f;
  int k = cst(c, F32, SH(1), &cv);
  int y = out_t(c, F32, SH(4, 4, 4));
  op(c, TFLC_OP_PADV2, L(x, p, k), L(y), NOOPT);
}

static void b_gather_axis1(cx *c) {
  int p = in_t(c, F32, SH(3, 5, 2), -1, 1);
  int i = in_t(c, I32, SH(2, 3), 0, 4);
  int y = out_t(c, F32, SH(3, 2, 3, 2));
  op(c, TFLC_OP_GATHER, L(p, i), L(y), OPTS(TFLC_BO_GATHER, FI32(0, 1)));
}

static void b_gather_i64_idx(cx *c) {
  int p = in_t(c, I32, SH(4, 3), -100, 100);
  int i = in_t(c, I64, SH(5), 0, 3);
  int y = out_t(c, I32, SH(5, 3));
  op(c, TFLC_OP_GATHER, L(p, i), L(y), OPTS(TFLC_BO_GATHER, FI32(0, 0)));
}

static void b_gather_batch_dims(cx *c) {
  int p = in_t(c, F32, SH(2, 4, 3), -1, 1);
  int i = in_t(c, I32, SH(2, 2), 0, 3);
  int y = out_t(c, F32, SH(2, 2, 3));
  op(c, TFLC_OP_GATHER, L(p, i), L(y),
     OPTS(TFLC_BO_GATHER, FI32(0, 1), FI32(1, 1)));
}

static void b_gather_neg_axis_const_params(cx *c) {
  int p = cst_rand(c, F32, SH(2, 3, 4), -1, 1);
  int i = in_t(c, I32, SH(3), 0, 3);
  int y = out_t(c, F32, SH(2, 3, 3));
  op(c, TFLC_OP_GATHER, L(p, i), L(y), OPTS(TFLC_BO_GATHER, FI32(0, -1)));
}

/* ---- softmax / resize / reductions
 * ----------------------------------------------- */

static void b_softmax_beta(cx *c) {
  int x = in_t(c, F32, SH(3, 7), -3, 3);
  int y = out_t(c, F32, SH(3, 7));
  op(c, TFLC_OP_SOFTMAX, L(x), L(y), OPTS(TFLC_BO_SOFTMAX, FF32(0, 0.5f)));
}

static void b_softmax_4d(cx *c) {
  int x = in_t(c, F32, SH(1, 2, 2, 5), -5, 5);
  int y = out_t(c, F32, SH(1, 2, 2, 5));
  op(c, TFLC_OP_SOFTMAX, L(x), L(y), OPTS(TFLC_BO_SOFTMAX, FF32(0, 1.0f)));
}

static void b_softmax_i8(cx *c) {
  int x = in_t(c, I8, SH(2, 6), -128, 127);
  int y = out_t(c, I8, SH(2, 6));
  float s_in = 0.05f, s_out = 1.0f / 256.0f;
  int64_t z_in = 3, z_out = -128;
  tm_quant(c->m, x, &s_in, &z_in, 1, 0);
  tm_quant(c->m, y, &s_out, &z_out, 1, 0);
  op(c, TFLC_OP_SOFTMAX, L(x), L(y), OPTS(TFLC_BO_SOFTMAX, FF32(0, 1.0f)));
}

static void resize(cx *c, int32_t code, uint8_t bo, int8_t tt, int ac, int hp,
                   int oh, int ow) {
  int x =
      in_t(c, tt, SH(1, 3, 4, 2), tt == F32 ? -1 : -128, tt == F32 ? 1 : 127);
  int32_t sz[2] = {oh, ow};
  int s = cst(c, I32, SH(2), sz);
  int y = out_t(c, tt, SH(1, oh, ow, 2));
  if (bo == TFLC_BO_RESIZE_BILINEAR)
    op(c, code, L(x, s), L(y), OPTS(bo, FBOOL(2, ac), FBOOL(3, hp)));
  else
    op(c, code, L(x, s), L(y), OPTS(bo, FBOOL(0, ac), FBOOL(1, hp)));
}

static void b_bilinear_half_pixel(cx *c) {
  resize(c, TFLC_OP_RESIZE_BILINEAR, TFLC_BO_RESIZE_BILINEAR, F32, 0, 1, 5, 7);
}
static void b_bilinear_align_corners(cx *c) {
  resize(c, TFLC_OP_RESIZE_BILINEAR, TFLC_BO_RESIZE_BILINEAR, F32, 1, 0, 6, 7);
}
static void b_bilinear_plain(cx *c) {
  resize(c, TFLC_OP_RESIZE_BILINEAR, TFLC_BO_RESIZE_BILINEAR, F32, 0, 0, 6, 8);
}
static void b_nearest_half_pixel(cx *c) {
  resize(c, TFLC_OP_RESIZE_NEAREST_NEIGHBOR, TFLC_BO_RESIZE_NEAREST_NEIGHBOR,
         F32, 0, 1, 7, 5);
}
static void b_nearest_align_corners(cx *c) {
  resize(c, TFLC_OP_RESIZE_NEAREST_NEIGHBOR, TFLC_BO_RESIZE_NEAREST_NEIGHBOR,
         F32, 1, 0, 5, 7);
}
static void b_nearest_i8(cx *c) {
  resize(c, TFLC_OP_RESIZE_NEAREST_NEIGHBOR, TFLC_BO_RESIZE_NEAREST_NEIGHBOR,
         I8, 0, 0, 6, 8);
}

static void reduce(cx *c, int32_t code, const int *ishape, int irank,
                   const int32_t *axes, int naxes, int keep, const int *oshape,
                   int orank, double lo, double hi) {
  int x = in_t(c, F32, ishape, irank, lo, hi);
  int a = cst(c, I32, &naxes, 1, axes);
  int y = out_t(c, F32, oshape, orank);
  op(c, code, L(x, a), L(y), OPTS(TFLC_BO_REDUCER, FBOOL(0, keep)));
}

static void b_mean_keep_2axes(cx *c) {
  reduce(c, TFLC_OP_MEAN, SH(2, 4, 5, 3), (const int32_t[]){1, 2}, 2, 1,
         SH(2, 1, 1, 3), -1, 1);
}
static void b_mean_last_axis(cx *c) {
  reduce(c, TFLC_OP_MEAN, SH(3, 4, 5), (const int32_t[]){-1}, 1, 0, SH(3, 4),
         -1, 1);
}
static void b_sum_axes_0_2(cx *c) {
  reduce(c, TFLC_OP_SUM, SH(2, 3, 4), (const int32_t[]){0, 2}, 2, 0, SH(3), -1,
         1);
}
static void b_sum_keep_neg_axis(cx *c) {
  reduce(c, TFLC_OP_SUM, SH(2, 3, 4), (const int32_t[]){-2}, 1, 1, SH(2, 1, 4),
         -1, 1);
}
static void b_reduce_max_keep(cx *c) {
  reduce(c, TFLC_OP_REDUCE_MAX, SH(2, 5, 3), (const int32_t[]){1}, 1, 1,
         SH(2, 1, 3), -1, 1);
}
static void b_reduce_min_2axes(cx *c) {
  reduce(c, TFLC_OP_REDUCE_MIN, SH(3, 4, 2), (const int32_t[]){0, 1}, 2, 0,
         SH(2), -1, 1);
}
static void b_reduce_prod(cx *c) {
  reduce(c, TFLC_OP_REDUCE_PROD, SH(2, 4, 3), (const int32_t[]){1}, 1, 0,
         SH(2, 3), 0.5, 1.5);
}

/* ---- type conversion
 * ---------------------------------------------------------- */

static void cast(cx *c, int8_t from, int8_t to, double lo, double hi) {
  int x = in_t(c, from, SH(3, 4), lo, hi);
  int y = out_t(c, to, SH(3, 4));
  op(c, TFLC_OP_CAST, L(x), L(y), OPTS(TFLC_BO_CAST, FI8(0, from), FI8(1, to)));
}

static void b_cast_f32_i32(cx *c) { cast(c, F32, I32, -50, 50); }
static void b_cast_i32_f32(cx *c) { cast(c, I32, F32, -100000, 100000); }
static void b_cast_i64_i32(cx *c) { cast(c, I64, I32, -100000, 100000); }
static void b_cast_bool_f32(cx *c) { cast(c, BOOL, F32, 0, 1); }
static void b_cast_f32_bool(cx *c) {
  /* zeros included */
  float v[12] = {0, 1.5f, -2, 0, 0.25f, 0, -0.0f, 3, 0, 1e-6f, 0, -7};
  int x = in_vals(c, F32, SH(3, 4), v);
  int y = out_t(c, BOOL, SH(3, 4));
  op(c, TFLC_OP_CAST, L(x), L(y), NOOPT);
}
static void b_cast_i8_f32(cx *c) { cast(c, I8, F32, -128, 127); }
static void b_cast_u8_i32(cx *c) { cast(c, U8, I32, 0, 255); }

static void dequant(cx *c, int8_t tt, double lo, double hi, float scale,
                    int64_t zp) {
  int x = in_t(c, tt, SH(2, 5), lo, hi);
  int y = out_t(c, F32, SH(2, 5));
  tm_quant(c->m, x, &scale, &zp, 1, 0);
  op(c, TFLC_OP_DEQUANTIZE, L(x), L(y), NOOPT);
}

static void b_dequant_i8(cx *c) { dequant(c, I8, -128, 127, 0.05f, -3); }
static void b_dequant_u8(cx *c) { dequant(c, U8, 0, 255, 0.1f, 128); }
static void b_dequant_i16(cx *c) { dequant(c, I16, -32768, 32767, 0.001f, 0); }

/* ---- control flow
 * ---------------------------------------------------------------- */

/* IF: then = a + b, else = a * b (subgraphs 1 and 2). */
static void if_case(cx *c, uint8_t cond_value) {
  int cnd = in_vals(c, BOOL, SH(1), &cond_value);
  int a = in_t(c, F32, SH(2, 3), -2, 2);
  int b = in_t(c, F32, SH(2, 3), -2, 2);
  int y = out_t(c, F32, SH(2, 3));
  op(c, TFLC_OP_IF, L(cnd, a, b), L(y),
     OPTS(TFLC_BO_IF, FI32(0, 1), FI32(1, 2)));
  cx_io(c);
  for (int s = 0; s < 2; s++) {
    tm_subgraph(c->m);
    int sa = tmp_t(c, F32, SH(2, 3));
    int sb = tmp_t(c, F32, SH(2, 3));
    int so = tmp_t(c, F32, SH(2, 3));
    if (s == 0)
      op(c, TFLC_OP_ADD, L(sa, sb), L(so), OPTS(TFLC_BO_ADD, FI8(0, A_NONE)));
    else
      op(c, TFLC_OP_MUL, L(sa, sb), L(so), OPTS(TFLC_BO_MUL, FI8(0, A_NONE)));
    tm_io(c->m, L(sa, sb), L(so));
  }
}

static void b_if_then(cx *c) { if_case(c, 1); }
static void b_if_else(cx *c) { if_case(c, 0); }

/* WHILE (i < 5) { i = i + 1; x = x * 1.5 - 0.25 }: cond subgraph 1, body 2. */
static void b_while(cx *c) {
  int32_t i0 = 1;
  int i = in_vals(c, I32, SCALAR, &i0);
  int x = in_t(c, F32, SH(2, 3), -1, 1);
  int oi = out_t(c, I32, SCALAR);
  int ox = out_t(c, F32, SH(2, 3));
  op(c, TFLC_OP_WHILE, L(i, x), L(oi, ox),
     OPTS(TFLC_BO_WHILE, FI32(0, 1), FI32(1, 2)));
  cx_io(c);
  /* cond */
  tm_subgraph(c->m);
  {
    int ci = tmp_t(c, I32, SCALAR);
    int cxv = tmp_t(c, F32, SH(2, 3));
    int32_t lim = 5;
    int k = cst(c, I32, SCALAR, &lim);
    int r = tmp_t(c, BOOL, SCALAR);
    op(c, TFLC_OP_LESS, L(ci, k), L(r), NOOPT);
    tm_io(c->m, L(ci, cxv), L(r));
  }
  /* body */
  tm_subgraph(c->m);
  {
    int bi = tmp_t(c, I32, SCALAR);
    int bx = tmp_t(c, F32, SH(2, 3));
    int32_t one = 1;
    float f15 = 1.5f, fq = 0.25f;
    int k1 = cst(c, I32, SCALAR, &one);
    int k15 = cst(c, F32, SCALAR, &f15);
    int kq = cst(c, F32, SCALAR, &fq);
    int ni = tmp_t(c, I32, SCALAR);
    int t = tmp_t(c, F32, SH(2, 3));
    int nx = tmp_t(c, F32, SH(2, 3));
    op(c, TFLC_OP_ADD, L(bi, k1), L(ni), OPTS(TFLC_BO_ADD, FI8(0, A_NONE)));
    op(c, TFLC_OP_MUL, L(bx, k15), L(t), OPTS(TFLC_BO_MUL, FI8(0, A_NONE)));
    op(c, TFLC_OP_SUB, L(t, kq), L(nx), OPTS(TFLC_BO_SUB, FI8(0, A_NONE)));
    tm_io(c->m, L(bi, bx), L(ni, nx));
  }
}

/* Resource variable initialized once by CALL_ONCE (subgraph 1), read and
 * added to the input; the same model also assigns input + variable back. */
static void b_var_call_once(cx *c) {
  int x = in_t(c, F32, SH(2, 3), -1, 1);
  int y = out_t(c, F32, SH(2, 3));
  op(c, TFLC_OP_CALL_ONCE, NULL, 0, NULL, 0,
     OPTS(TFLC_BO_CALL_ONCE, FI32(0, 1)));
  int h = tmp_t(c, TFLC_TT_RESOURCE, SCALAR);
  op(c, TFLC_OP_VAR_HANDLE, NULL, 0, L(h),
     OPTS(TFLC_BO_VAR_HANDLE, fstr(1, "oracle_var")));
  int v = tmp_t(c, F32, SH(2, 3));
  op(c, TFLC_OP_READ_VARIABLE, L(h), L(v), NOOPT);
  op(c, TFLC_OP_ADD, L(v, x), L(y), OPTS(TFLC_BO_ADD, FI8(0, A_NONE)));
  cx_io(c);
  tm_subgraph(c->m);
  int h1 = tmp_t(c, TFLC_TT_RESOURCE, SCALAR);
  op(c, TFLC_OP_VAR_HANDLE, NULL, 0, L(h1),
     OPTS(TFLC_BO_VAR_HANDLE, fstr(1, "oracle_var")));
  int k = cst_rand(c, F32, SH(2, 3), -5, 5);
  op(c, TFLC_OP_ASSIGN_VARIABLE, L(h1, k), NULL, 0, NOOPT);
  tm_io(c->m, NULL, 0, NULL, 0);
}

/* VAR_HANDLE, ASSIGN_VARIABLE(x), READ_VARIABLE -> relu in one subgraph. */
static void b_var_assign_read(cx *c) {
  int x = in_t(c, F32, SH(3, 2), -1, 1);
  int y = out_t(c, F32, SH(3, 2));
  int h = tmp_t(c, TFLC_TT_RESOURCE, SCALAR);
  op(c, TFLC_OP_VAR_HANDLE, NULL, 0, L(h),
     OPTS(TFLC_BO_VAR_HANDLE, fstr(1, "v2")));
  op(c, TFLC_OP_ASSIGN_VARIABLE, L(h, x), NULL, 0, NOOPT);
  int v = tmp_t(c, F32, SH(3, 2));
  op(c, TFLC_OP_READ_VARIABLE, L(h), L(v), NOOPT);
  op(c, TFLC_OP_RELU, L(v), L(y), NOOPT);
}

/* ---- more unary / binary elementwise ------------------------------------- */

static void b_log(cx *c) { unary(c, TFLC_OP_LOG, F32, 0.01, 9); }
static void b_sin(cx *c) { unary(c, TFLC_OP_SIN, F32, -4, 4); }
static void b_cos(cx *c) { unary(c, TFLC_OP_COS, F32, -4, 4); }
static void b_square(cx *c) { unary(c, TFLC_OP_SQUARE, F32, -3, 3); }
static void b_ceil(cx *c) { unary(c, TFLC_OP_CEIL, F32, -4, 4); }
static void b_floor(cx *c) { unary(c, TFLC_OP_FLOOR, F32, -4, 4); }
static void b_elu(cx *c) { unary(c, TFLC_OP_ELU, F32, -4, 4); }
static void b_relu_0_to_1(cx *c) { unary(c, TFLC_OP_RELU_0_TO_1, F32, -1, 2); }
static void b_zeros_like(cx *c) { unary(c, TFLC_OP_ZEROS_LIKE, F32, -1, 1); }
static void b_zeros_like_i64(cx *c) {
  unary(c, TFLC_OP_ZEROS_LIKE, I64, -9, 9);
}

static void b_round(cx *c) {
  /* halves round to even */
  float v[12] = {-2.5f, -1.5f, -0.5f, 0.5f,   1.5f, 2.5f,
                 -1.2f, 0.49f, 3.7f,  -3.51f, 0.0f, 7.5f};
  int x = in_vals(c, F32, SH(2, 6), v);
  int y = out_t(c, F32, SH(2, 6));
  op(c, TFLC_OP_ROUND, L(x), L(y), NOOPT);
}

static void b_sign(cx *c) {
  float v[8] = {-2.5f, 0.0f, 3.0f, -0.0f, 1e-7f, -1e-7f, 9.0f, -4.0f};
  int x = in_vals(c, F32, SH(2, 4), v);
  int y = out_t(c, F32, SH(2, 4));
  op(c, TFLC_OP_SIGN, L(x), L(y), NOOPT);
}

static void b_sign_i32(cx *c) { unary(c, TFLC_OP_SIGN, I32, -2, 2); }

static void b_gelu(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 4), -4, 4);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_GELU, L(x), L(y), OPTS(TFLC_BO_GELU, FBOOL(0, 0)));
}

static void b_gelu_approx(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 4), -4, 4);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_GELU, L(x), L(y), OPTS(TFLC_BO_GELU, FBOOL(0, 1)));
}

static void b_log_softmax(cx *c) {
  int x = in_t(c, F32, SH(3, 7), -4, 4);
  int y = out_t(c, F32, SH(3, 7));
  op(c, TFLC_OP_LOG_SOFTMAX, L(x), L(y), NOOPT);
}

static void b_logical_and(cx *c) {
  binary(c, TFLC_OP_LOGICAL_AND, BOOL, BOOL, 0, 1, 0, 1, 0, 0);
}
static void b_logical_or(cx *c) {
  binary(c, TFLC_OP_LOGICAL_OR, BOOL, BOOL, 0, 1, 0, 1, 0, 0);
}
static void b_logical_not(cx *c) { unary(c, TFLC_OP_LOGICAL_NOT, BOOL, 0, 1); }

static void b_pow(cx *c) {
  binary(c, TFLC_OP_POW, F32, F32, 0.1, 3, -2, 2, 0, 0);
}
static void b_pow_i32(cx *c) {
  binary(c, TFLC_OP_POW, I32, I32, -5, 5, 0, 4, 0, 0);
}
static void b_atan2(cx *c) {
  /* TensorFlow Lite's ATAN2 does not broadcast */
  int a = in_t(c, F32, SH(3, 5), -1, 1);
  int b = in_t(c, F32, SH(3, 5), -1, 1);
  int y = out_t(c, F32, SH(3, 5));
  op(c, TFLC_OP_ATAN2, L(a, b), L(y), NOOPT);
}

/* FLOOR_DIV / FLOOR_MOD with negative and positive divisors. */
static void floor_op(cx *c, int32_t code, int8_t tt) {
  int a = in_t(c, tt, SH(2, 1, 3, 4), -20, 20);
  int b;
  if (tt == F32) {
    float bv[3] = {-3.0f, 2.5f, 0.75f};
    b = in_vals(c, F32, SH(3, 1), bv);
  } else {
    int32_t bv[3] = {-3, 2, 7};
    b = in_vals(c, I32, SH(3, 1), bv);
  }
  int y = out_t(c, tt, SH(2, 1, 3, 4));
  op(c, code, L(a, b), L(y), NOOPT);
}
static void b_floor_div(cx *c) { floor_op(c, TFLC_OP_FLOOR_DIV, F32); }
static void b_floor_div_i32(cx *c) { floor_op(c, TFLC_OP_FLOOR_DIV, I32); }
static void b_floor_mod(cx *c) { floor_op(c, TFLC_OP_FLOOR_MOD, F32); }
static void b_floor_mod_i32(cx *c) { floor_op(c, TFLC_OP_FLOOR_MOD, I32); }

static void b_prelu(cx *c) {
  int x = in_t(c, F32, SH(1, 3, 4, 2), -2, 2);
  int a = cst_rand(c, F32, SH(1, 1, 2), 0.05, 0.5);
  int y = out_t(c, F32, SH(1, 3, 4, 2));
  op(c, TFLC_OP_PRELU, L(x, a), L(y), NOOPT);
}

static void b_add_n(cx *c) {
  int a = in_t(c, F32, SH(2, 3), -1, 1);
  int b = in_t(c, F32, SH(2, 3), -1, 1);
  int d = in_t(c, F32, SH(2, 3), -1, 1);
  int y = out_t(c, F32, SH(2, 3));
  op(c, TFLC_OP_ADD_N, L(a, b, d), L(y), NOOPT);
}

static void b_select(cx *c) {
  int k = in_t(c, BOOL, SH(2, 3), 0, 1);
  int a = in_t(c, F32, SH(2, 3), -1, 1);
  int b = in_t(c, F32, SH(2, 3), -1, 1);
  int y = out_t(c, F32, SH(2, 3));
  op(c, TFLC_OP_SELECT, L(k, a, b), L(y), NOOPT);
}

static void b_select_v2_bcast(cx *c) {
  int k = in_t(c, BOOL, SH(2, 1), 0, 1);
  int a = in_t(c, F32, SH(2, 3), -1, 1);
  int b = in_t(c, F32, SH(3), -1, 1);
  int y = out_t(c, F32, SH(2, 3));
  op(c, TFLC_OP_SELECT_V2, L(k, a, b), L(y), NOOPT);
}

static void b_quantize_i8(cx *c) {
  int x = in_t(c, F32, SH(2, 5), -8, 8);
  int y = out_t(c, I8, SH(2, 5));
  float s = 0.05f;
  int64_t z = -3;
  tm_quant(c->m, y, &s, &z, 1, 0);
  op(c, TFLC_OP_QUANTIZE, L(x), L(y), NOOPT);
}

static void b_quantize_u8(cx *c) {
  int x = in_t(c, F32, SH(2, 5), -3, 3);
  int y = out_t(c, U8, SH(2, 5));
  float s = 0.02f;
  int64_t z = 120;
  tm_quant(c->m, y, &s, &z, 1, 0);
  op(c, TFLC_OP_QUANTIZE, L(x), L(y), NOOPT);
}

static void b_bitcast(cx *c) {
  int x = in_t(c, F32, SH(2, 3), -2, 2);
  int y = out_t(c, I32, SH(2, 3));
  op(c, TFLC_OP_BITCAST, L(x), L(y), NOOPT);
}

/* ---- normalization / pooling -----------------------------------------------
 */

static void b_l2_norm(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 4), -1, 1);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_L2_NORMALIZATION, L(x), L(y),
     OPTS(TFLC_BO_L2_NORM, FI8(0, A_NONE)));
}

static void b_lrn(cx *c) {
  int x = in_t(c, F32, SH(1, 2, 2, 6), -2, 2);
  int y = out_t(c, F32, SH(1, 2, 2, 6));
  op(c, TFLC_OP_LOCAL_RESPONSE_NORMALIZATION, L(x), L(y),
     OPTS(TFLC_BO_LOCAL_RESPONSE_NORMALIZATION, FI32(0, 2), FF32(1, 1.0f),
          FF32(2, 0.5f), FF32(3, 0.75f)));
}

static void b_l2pool_same_2x2_s2(cx *c) {
  pool(c, TFLC_OP_L2_POOL_2D, (const int[]){1, 5, 5, 2},
       (const int[]){1, 3, 3, 2}, SAME, 2, 2, 2, 2, A_NONE);
}

static void b_l2pool_valid_3x3_s1(cx *c) {
  pool(c, TFLC_OP_L2_POOL_2D, (const int[]){1, 5, 4, 3},
       (const int[]){1, 3, 2, 3}, VALID, 1, 1, 3, 3, A_NONE);
}

static void b_conv3d_same_relu(cx *c) {
  int x = in_t(c, F32, SH(1, 4, 5, 5, 2), -1, 1);
  int w = cst_rand(c, F32, SH(3, 3, 3, 2, 3), -1, 1);
  int b = cst_rand(c, F32, SH(3), -1, 1);
  int y = out_t(c, F32, SH(1, 4, 3, 3, 3));
  op(c, TFLC_OP_CONV_3D, L(x, w, b), L(y),
     OPTS(TFLC_BO_CONV_3D, FI8(0, SAME), FI32(1, 1), FI32(2, 2), FI32(3, 2),
          FI8(4, A_RELU)));
}

static void b_conv3d_valid_dil2(cx *c) {
  int x = in_t(c, F32, SH(1, 3, 6, 6, 2), -1, 1);
  int w = cst_rand(c, F32, SH(2, 2, 2, 2, 2), -1, 1);
  int y = out_t(c, F32, SH(1, 2, 4, 4, 2));
  op(c, TFLC_OP_CONV_3D, L(x, w), L(y),
     OPTS(TFLC_BO_CONV_3D, FI8(0, VALID), FI32(1, 1), FI32(2, 1), FI32(3, 1),
          FI8(4, A_NONE), FI32(5, 1), FI32(6, 2), FI32(7, 2)));
}

static void b_conv3d_transpose(cx *c) {
  int32_t os[5] = {1, 4, 6, 6, 2};
  int s = cst(c, I32, SH(5), os);
  int w = cst_rand(c, F32, SH(2, 2, 2, 2, 3), -1, 1);
  int x = in_t(c, F32, SH(1, 2, 3, 3, 3), -1, 1);
  int b = cst_rand(c, F32, SH(2), -1, 1);
  int y = out_t(c, F32, SH(1, 4, 6, 6, 2));
  op(c, TFLC_OP_CONV_3D_TRANSPOSE, L(s, w, x, b), L(y),
     OPTS(TFLC_BO_CONV_3D, FI8(0, SAME), FI32(1, 2), FI32(2, 2), FI32(3, 2)));
}

/* ---- index / reduction / scan
 * -------------------------------------------------- */

static void b_arg_max(cx *c) {
  int x = in_t(c, F32, SH(3, 5, 2), -1, 1);
  int32_t ax = 1;
  int a = cst(c, I32, SH(1), &ax);
  int y = out_t(c, I32, SH(3, 2));
  op(c, TFLC_OP_ARG_MAX, L(x, a), L(y), OPTS(TFLC_BO_ARG_MAX, FI8(0, I32)));
}

static void b_arg_min_i64(cx *c) {
  int x = in_t(c, I32, SH(4, 3), -1000, 1000);
  int32_t ax = 0;
  int a = cst(c, I32, SCALAR, &ax);
  int y = out_t(c, I64, SH(3));
  op(c, TFLC_OP_ARG_MIN, L(x, a), L(y), OPTS(TFLC_BO_ARG_MIN, FI8(0, I64)));
}

static void cumsum(cx *c, int exclusive, int reverse, int32_t axis) {
  int x = in_t(c, F32, SH(2, 3, 4), -1, 1);
  int a = cst(c, I32, SCALAR, &axis);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_CUMSUM, L(x, a), L(y),
     OPTS(TFLC_BO_CUMSUM, FBOOL(0, exclusive), FBOOL(1, reverse)));
}
static void b_cumsum(cx *c) { cumsum(c, 0, 0, 1); }
static void b_cumsum_excl_rev(cx *c) { cumsum(c, 1, 1, -1); }

static void b_topk(cx *c) {
  int x = in_t(c, F32, SH(3, 6), -1, 1);
  int32_t k = 3;
  int kk = cst(c, I32, SCALAR, &k);
  int v = out_t(c, F32, SH(3, 3));
  int i = out_t(c, I32, SH(3, 3));
  op(c, TFLC_OP_TOPK_V2, L(x, kk), L(v, i), NOOPT);
}

static void bool_reduce(cx *c, int32_t code, int keep) {
  int x = in_t(c, BOOL, SH(2, 3, 4), 0, 1);
  int32_t ax[1] = {2};
  int a = cst(c, I32, SH(1), ax);
  int y = keep ? out_t(c, BOOL, SH(2, 3, 1)) : out_t(c, BOOL, SH(2, 3));
  op(c, code, L(x, a), L(y), OPTS(TFLC_BO_REDUCER, FBOOL(0, keep)));
}
static void b_reduce_any(cx *c) { bool_reduce(c, TFLC_OP_REDUCE_ANY, 0); }
static void b_reduce_all(cx *c) { bool_reduce(c, TFLC_OP_REDUCE_ALL, 1); }

/* ---- more shape / data movement
 * --------------------------------------------------- */

static void b_pack_axis1(cx *c) {
  int a = in_t(c, F32, SH(2, 3), -1, 1);
  int b = in_t(c, F32, SH(2, 3), -1, 1);
  int d = in_t(c, F32, SH(2, 3), -1, 1);
  int y = out_t(c, F32, SH(2, 3, 3));
  op(c, TFLC_OP_PACK, L(a, b, d), L(y),
     OPTS(TFLC_BO_PACK, FI32(0, 3), FI32(1, 1)));
}

static void b_pack_i32_axis0(cx *c) {
  int a = in_t(c, I32, SH(3), -9, 9);
  int b = in_t(c, I32, SH(3), -9, 9);
  int y = out_t(c, I32, SH(2, 3));
  op(c, TFLC_OP_PACK, L(a, b), L(y),
     OPTS(TFLC_BO_PACK, FI32(0, 2), FI32(1, 0)));
}

static void b_unpack_axis1(cx *c) {
  int x = in_t(c, F32, SH(3, 2, 4), -1, 1);
  int y0 = out_t(c, F32, SH(3, 4));
  int y1 = out_t(c, F32, SH(3, 4));
  op(c, TFLC_OP_UNPACK, L(x), L(y0, y1),
     OPTS(TFLC_BO_UNPACK, FI32(0, 2), FI32(1, 1)));
}

static void b_split(cx *c) {
  int32_t ax = 1;
  int a = cst(c, I32, SCALAR, &ax);
  int x = in_t(c, F32, SH(2, 6), -1, 1);
  int y0 = out_t(c, F32, SH(2, 2));
  int y1 = out_t(c, F32, SH(2, 2));
  int y2 = out_t(c, F32, SH(2, 2));
  op(c, TFLC_OP_SPLIT, L(a, x), L(y0, y1, y2), OPTS(TFLC_BO_SPLIT, FI32(0, 3)));
}

static void b_split_v(cx *c) {
  int x = in_t(c, F32, SH(6, 2), -1, 1);
  int32_t sz[3] = {1, -1, 2}, ax = 0;
  int s = cst(c, I32, SH(3), sz);
  int a = cst(c, I32, SCALAR, &ax);
  int y0 = out_t(c, F32, SH(1, 2));
  int y1 = out_t(c, F32, SH(3, 2));
  int y2 = out_t(c, F32, SH(2, 2));
  op(c, TFLC_OP_SPLIT_V, L(x, s, a), L(y0, y1, y2),
     OPTS(TFLC_BO_SPLIT_V, FI32(0, 3)));
}

static void b_squeeze(cx *c) {
  int x = in_t(c, F32, SH(1, 3, 1, 2), -1, 1);
  int32_t d[2] = {0, 2};
  int y = out_t(c, F32, SH(3, 2));
  op(c, TFLC_OP_SQUEEZE, L(x), L(y),
     OPTS(TFLC_BO_SQUEEZE, tm_opt_vec_i32(0, d, 2)));
}

static void b_squeeze_all(cx *c) {
  int x = in_t(c, F32, SH(1, 4, 1), -1, 1);
  int y = out_t(c, F32, SH(4));
  op(c, TFLC_OP_SQUEEZE, L(x), L(y), NOOPT);
}

static void b_expand_dims(cx *c) {
  int x = in_t(c, F32, SH(3, 2), -1, 1);
  int32_t ax = -1;
  int a = cst(c, I32, SCALAR, &ax);
  int y = out_t(c, F32, SH(3, 2, 1));
  op(c, TFLC_OP_EXPAND_DIMS, L(x, a), L(y), NOOPT);
}

static void b_transpose(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 4, 5), -1, 1);
  int32_t p[4] = {0, 2, 3, 1};
  int pp = cst(c, I32, SH(4), p);
  int y = out_t(c, F32, SH(2, 4, 5, 3));
  op(c, TFLC_OP_TRANSPOSE, L(x, pp), L(y), NOOPT);
}

static void b_transpose_i32_3d(cx *c) {
  int x = in_t(c, I32, SH(2, 3, 4), -99, 99);
  int32_t p[3] = {2, 0, 1};
  int pp = cst(c, I32, SH(3), p);
  int y = out_t(c, I32, SH(4, 2, 3));
  op(c, TFLC_OP_TRANSPOSE, L(x, pp), L(y), NOOPT);
}

static void b_slice(cx *c) {
  int x = in_t(c, F32, SH(2, 4, 3), -1, 1);
  int32_t b[3] = {0, 1, 1}, s[3] = {-1, 2, 2};
  int bb = cst(c, I32, SH(3), b);
  int ss = cst(c, I32, SH(3), s);
  int y = out_t(c, F32, SH(2, 2, 2));
  op(c, TFLC_OP_SLICE, L(x, bb, ss), L(y), NOOPT);
}

static void strided(cx *c, const int32_t *b, const int32_t *e,
                    const int32_t *st, int n, int bm, int em, int nm, int sm,
                    const int *oshape, int orank) {
  int x = in_t(c, F32, SH(3, 4, 5), -1, 1);
  int bb = cst(c, I32, &n, 1, b);
  int ee = cst(c, I32, &n, 1, e);
  int ss = cst(c, I32, &n, 1, st);
  int y = out_t(c, F32, oshape, orank);
  op(c, TFLC_OP_STRIDED_SLICE, L(x, bb, ee, ss), L(y),
     OPTS(TFLC_BO_STRIDED_SLICE, FI32(0, bm), FI32(1, em), FI32(2, 0),
          FI32(3, nm), FI32(4, sm)));
}

static void b_strided_slice_masks(cx *c) {
  /* [3,4,5][::2 (begin_mask), 1 (shrink), 4:0:-2 (end_mask -> to start)] */
  strided(c, (const int32_t[]){1, 1, 4}, (const int32_t[]){3, 2, 0},
          (const int32_t[]){2, 1, -2}, 3, 1, 4, 0, 2, SH(2, 3));
}

static void b_strided_slice_neg(cx *c) {
  /* negative begin/end, stride 3, new_axis at 1 */
  strided(c, (const int32_t[]){-3, 0, -4, 0}, (const int32_t[]){-1, 0, 5, 5},
          (const int32_t[]){1, 1, 2, 3}, 4, 0, 0, 2, 0, SH(2, 1, 2, 2));
}

static void b_tile(cx *c) {
  int x = in_t(c, F32, SH(2, 3), -1, 1);
  int32_t m[2] = {2, 3};
  int mm = cst(c, I32, SH(2), m);
  int y = out_t(c, F32, SH(4, 9));
  op(c, TFLC_OP_TILE, L(x, mm), L(y), NOOPT);
}

static void b_reverse_v2(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 4), -1, 1);
  int32_t ax[1] = {1};
  int a = cst(c, I32, SH(1), ax);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_REVERSE_V2, L(x, a), L(y), NOOPT);
}

static void b_reverse_v2_2axes(cx *c) {
  int x = in_t(c, I32, SH(2, 3, 4), -99, 99);
  int32_t ax[2] = {1, 2}; /* TensorFlow Lite needs contiguous axes */
  int a = cst(c, I32, SH(2), ax);
  int y = out_t(c, I32, SH(2, 3, 4));
  op(c, TFLC_OP_REVERSE_V2, L(x, a), L(y), NOOPT);
}

static void b_mirror_pad(cx *c, int mode, const int32_t *pv, const int *os) {
  int x = in_t(c, F32, SH(1, 3, 4, 2), -1, 1);
  int p = cst(c, I32, SH(4, 2), pv);
  int y = out_t(c, F32, os, 4);
  op(c, TFLC_OP_MIRROR_PAD, L(x, p), L(y),
     OPTS(TFLC_BO_MIRROR_PAD, FI8(0, mode)));
}
static void b_mirror_pad_reflect(cx *c) {
  b_mirror_pad(c, 0, (const int32_t[]){0, 0, 2, 1, 1, 3, 0, 0},
               (const int[]){1, 6, 8, 2});
}
static void b_mirror_pad_symmetric(cx *c) {
  b_mirror_pad(c, 1, (const int32_t[]){0, 0, 3, 1, 2, 4, 0, 0},
               (const int[]){1, 7, 10, 2});
}

static void b_space_to_depth(cx *c) {
  int x = in_t(c, F32, SH(1, 4, 6, 2), -1, 1);
  int y = out_t(c, F32, SH(1, 2, 3, 8));
  op(c, TFLC_OP_SPACE_TO_DEPTH, L(x), L(y),
     OPTS(TFLC_BO_SPACE_TO_DEPTH, FI32(0, 2)));
}

static void b_depth_to_space(cx *c) {
  int x = in_t(c, F32, SH(1, 2, 3, 8), -1, 1);
  int y = out_t(c, F32, SH(1, 4, 6, 2));
  op(c, TFLC_OP_DEPTH_TO_SPACE, L(x), L(y),
     OPTS(TFLC_BO_DEPTH_TO_SPACE, FI32(0, 2)));
}

static void b_space_to_batch(cx *c) {
  int x = in_t(c, F32, SH(1, 4, 5, 2), -1, 1);
  int32_t bs[2] = {2, 2}, pv[4] = {0, 0, 1, 0};
  int b = cst(c, I32, SH(2), bs);
  int p = cst(c, I32, SH(2, 2), pv);
  int y = out_t(c, F32, SH(4, 2, 3, 2));
  op(c, TFLC_OP_SPACE_TO_BATCH_ND, L(x, b, p), L(y), NOOPT);
}

static void b_batch_to_space(cx *c) {
  int x = in_t(c, F32, SH(4, 2, 3, 2), -1, 1);
  int32_t bs[2] = {2, 2}, cr[4] = {0, 1, 1, 0};
  int b = cst(c, I32, SH(2), bs);
  int cc = cst(c, I32, SH(2, 2), cr);
  int y = out_t(c, F32, SH(1, 3, 5, 2));
  op(c, TFLC_OP_BATCH_TO_SPACE_ND, L(x, b, cc), L(y), NOOPT);
}

static void b_broadcast_to(cx *c) {
  int x = in_t(c, F32, SH(3, 1), -1, 1);
  int32_t s[3] = {2, 3, 4};
  int ss = cst(c, I32, SH(3), s);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_BROADCAST_TO, L(x, ss), L(y), NOOPT);
  c->vcode = TFLC_OP_BROADCAST_TO; /* TensorFlow Lite registers only v2..3 */
  c->vversion = 2;
}

static void b_broadcast_args(cx *c) {
  int32_t a[3] = {2, 1, 4}, b[2] = {3, 1};
  int x = in_vals(c, I32, SH(3), a);
  int yv = in_vals(c, I32, SH(2), b);
  int y = out_t(c, I32, SH(3));
  op(c, TFLC_OP_BROADCAST_ARGS, L(x, yv), L(y), NOOPT);
}

/* SHAPE, RANK, RANGE and WHERE outputs are computed at prepare (or are
 * dynamic) in TensorFlow Lite, and litert-oracle then returns an unwritten
 * output buffer: these cases end with an ADD of a second input so that the
 * graph output is an ordinary tensor. */
static void add_to_output(cx *c, int t, int8_t tt, const int *shape, int rank) {
  int z = in_t(c, tt, shape, rank, -3, 3);
  int y = out_t(c, tt, shape, rank);
  op(c, TFLC_OP_ADD, L(t, z), L(y), OPTS(TFLC_BO_ADD, FI8(0, A_NONE)));
}

static void b_shape(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 4), -1, 1);
  int t = tmp_t(c, I32, SH(3));
  op(c, TFLC_OP_SHAPE, L(x), L(t), OPTS(TFLC_BO_SHAPE, FI8(0, I32)));
  add_to_output(c, t, I32, SH(3));
}

static void b_shape_i64(cx *c) {
  int x = in_t(c, I32, SH(5, 1), -1, 1);
  int t = tmp_t(c, I64, SH(2));
  op(c, TFLC_OP_SHAPE, L(x), L(t), OPTS(TFLC_BO_SHAPE, FI8(0, I64)));
  add_to_output(c, t, I64, SH(2));
}

static void b_rank(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 4), -1, 1);
  int t = tmp_t(c, I32, SCALAR);
  op(c, TFLC_OP_RANK, L(x), L(t), NOOPT);
  add_to_output(c, t, I32, SCALAR);
}

static void b_fill(cx *c) {
  int32_t d[2] = {2, 3};
  int dd = cst(c, I32, SH(2), d);
  int v = in_t(c, F32, SCALAR, -5, 5);
  int y = out_t(c, F32, SH(2, 3));
  op(c, TFLC_OP_FILL, L(dd, v), L(y), NOOPT);
}

static void b_range(cx *c) {
  float s0 = 1.0f, lim = 4.0f, delta = 0.5f;
  int s = cst(c, F32, SCALAR, &s0);
  int l = cst(c, F32, SCALAR, &lim);
  int d = cst(c, F32, SCALAR, &delta);
  int t = tmp_t(c, F32, SH(6));
  op(c, TFLC_OP_RANGE, L(s, l, d), L(t), NOOPT);
  add_to_output(c, t, F32, SH(6));
}

static void b_range_i32(cx *c) {
  int32_t s0 = 10, lim = -2, delta = -3;
  int s = cst(c, I32, SCALAR, &s0);
  int l = cst(c, I32, SCALAR, &lim);
  int d = cst(c, I32, SCALAR, &delta);
  int t = tmp_t(c, I32, SH(4));
  op(c, TFLC_OP_RANGE, L(s, l, d), L(t), NOOPT);
  add_to_output(c, t, I32, SH(4));
}

static void b_where(cx *c) {
  uint8_t v[6] = {1, 0, 0, 1, 1, 0};
  int x = cst(c, BOOL, SH(2, 3), v);
  int t = tmp_t(c, I64, SH(3, 2));
  op(c, TFLC_OP_WHERE, L(x), L(t), NOOPT);
  add_to_output(c, t, I64, SH(3, 2));
}

static void b_gather_nd(cx *c) {
  int p = in_t(c, F32, SH(3, 4, 2), -1, 1);
  int32_t iv[4] = {2, 3, 0, 1};
  int i = in_vals(c, I32, SH(2, 2), iv);
  int y = out_t(c, F32, SH(2, 2));
  op(c, TFLC_OP_GATHER_ND, L(p, i), L(y), NOOPT);
}

static void b_scatter_nd(cx *c) {
  int32_t iv[3] = {4, 0, 4}; /* duplicate index: updates add up */
  int i = in_vals(c, I32, SH(3, 1), iv);
  int u = in_t(c, F32, SH(3, 2), -1, 1);
  int32_t sv[2] = {5, 2};
  int s = cst(c, I32, SH(2), sv);
  int y = out_t(c, F32, SH(5, 2));
  op(c, TFLC_OP_SCATTER_ND, L(i, u, s), L(y), NOOPT);
}

static void dus(cx *c, int32_t r, int32_t col) {
  int x = in_t(c, F32, SH(4, 5), -1, 1);
  int u = in_t(c, F32, SH(2, 3), 2, 3);
  int32_t sv[2] = {r, col};
  int s = in_vals(c, I32, SH(2), sv);
  int y = out_t(c, F32, SH(4, 5));
  op(c, TFLC_OP_DYNAMIC_UPDATE_SLICE, L(x, u, s), L(y), NOOPT);
}
static void b_dus(cx *c) { dus(c, 1, 2); }
static void b_dus_clamped(cx *c) { dus(c, 3, -1); }

/* ---- recurrent
 * ---------------------------------------------------------------- */

/* The 4 input weights, 4 recurrent weights, 3 peepholes (or omitted) and 4
 * gate biases of one LSTM direction, into ins[0..14]. */
static void lstm_params(cx *c, int *ins, int n_in, int n_cell, int n_out,
                        int peephole) {
  for (int g = 0; g < 4; g++)
    ins[g] = cst_rand(c, F32, (const int[]){n_cell, n_in}, 2, -0.5, 0.5);
  for (int g = 0; g < 4; g++)
    ins[4 + g] = cst_rand(c, F32, (const int[]){n_cell, n_out}, 2, -0.5, 0.5);
  for (int g = 0; g < 3; g++)
    ins[8 + g] = peephole ? cst_rand(c, F32, &n_cell, 1, -0.5, 0.5) : -1;
  for (int g = 0; g < 4; g++)
    ins[11 + g] = cst_rand(c, F32, &n_cell, 1, -0.5, 1.0);
}

static int state_t(cx *c, int batch, int n) {
  int t = tmp_t(c, F32, (const int[]){batch, n}, 2);
  tm_variable(c->m, t);
  return t;
}

static void b_lstm(cx *c) {
  int ins[24];
  ins[0] = in_t(c, F32, SH(2, 3), -1, 1);
  lstm_params(c, ins + 1, 3, 4, 4, 0);
  ins[16] = ins[17] = -1; /* no projection */
  ins[18] = state_t(c, 2, 4);
  ins[19] = state_t(c, 2, 4);
  for (int i = 20; i < 24; i++) ins[i] = -1; /* no layer norm */
  int y = out_t(c, F32, SH(2, 4));
  op(c, TFLC_OP_LSTM, ins, 24, L(y),
     OPTS(TFLC_BO_LSTM, FI8(0, TFLC_ACT_TANH), FF32(1, 0.0f), FF32(2, 0.0f)));
}

static void b_lstm_peephole_proj(cx *c) {
  int ins[24];
  ins[0] = in_t(c, F32, SH(2, 3), -1, 1);
  lstm_params(c, ins + 1, 3, 5, 2, 1);
  ins[16] = cst_rand(c, F32, SH(2, 5), -0.5, 0.5);
  ins[17] = cst_rand(c, F32, SH(2), -0.5, 0.5);
  ins[18] = state_t(c, 2, 2);
  ins[19] = state_t(c, 2, 5);
  for (int i = 20; i < 24; i++) ins[i] = -1;
  int y = out_t(c, F32, SH(2, 2));
  op(c, TFLC_OP_LSTM, ins, 24, L(y),
     OPTS(TFLC_BO_LSTM, FI8(0, TFLC_ACT_TANH), FF32(1, 0.8f), FF32(2, 0.3f)));
}

static void b_uni_lstm(cx *c) {
  int ins[24];
  ins[0] = in_t(c, F32, SH(2, 3, 3), -1, 1); /* batch-major [2,3 steps,3] */
  lstm_params(c, ins + 1, 3, 4, 4, 1);
  ins[16] = ins[17] = -1;
  ins[18] = state_t(c, 2, 4);
  ins[19] = state_t(c, 2, 4);
  for (int i = 20; i < 24; i++) ins[i] = -1;
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM, ins, 24, L(y),
     OPTS(TFLC_BO_UNIDIRECTIONAL_SEQUENCE_LSTM, FI8(0, TFLC_ACT_TANH),
          FF32(1, 0.5f), FF32(2, 0.0f), FBOOL(3, 0)));
}

static void b_bidi_lstm(cx *c) {
  int ins[48];
  ins[0] = in_t(c, F32, SH(3, 2, 3), -1, 1); /* time-major [3 steps,2,3] */
  int fw[15], bw[15];
  lstm_params(c, fw, 3, 4, 4, 0);
  lstm_params(c, bw, 3, 4, 4, 0);
  for (int i = 0; i < 15; i++) {
    ins[1 + i] = fw[i];
    ins[18 + i] = bw[i];
  }
  ins[16] = ins[17] = ins[33] = ins[34] = -1;
  ins[35] = state_t(c, 2, 4);
  ins[36] = state_t(c, 2, 4);
  ins[37] = state_t(c, 2, 4);
  ins[38] = state_t(c, 2, 4);
  for (int i = 39; i < 48; i++) ins[i] = -1; /* no aux input */
  int y0 = out_t(c, F32, SH(3, 2, 4));
  int y1 = out_t(c, F32, SH(3, 2, 4));
  op(c, TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM, ins, 48, L(y0, y1),
     OPTS(TFLC_BO_BIDIRECTIONAL_SEQUENCE_LSTM, FI8(0, TFLC_ACT_TANH),
          FF32(1, 0.0f), FF32(2, 0.0f), FBOOL(3, 0), FBOOL(4, 1)));
}

static void b_rnn(cx *c) {
  int x = in_t(c, F32, SH(2, 3), -1, 1);
  int w = cst_rand(c, F32, SH(4, 3), -0.5, 0.5);
  int r = cst_rand(c, F32, SH(4, 4), -0.5, 0.5);
  int b = cst_rand(c, F32, SH(4), -0.5, 0.5);
  int h = state_t(c, 2, 4);
  int y = out_t(c, F32, SH(2, 4));
  op(c, TFLC_OP_RNN, L(x, w, r, b, h), L(y), OPTS(TFLC_BO_RNN, FI8(0, A_RELU)));
}

static void b_uni_rnn(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 3), -1, 1); /* batch-major, 3 steps */
  int w = cst_rand(c, F32, SH(4, 3), -0.5, 0.5);
  int r = cst_rand(c, F32, SH(4, 4), -0.5, 0.5);
  int b = cst_rand(c, F32, SH(4), -0.5, 0.5);
  int h = state_t(c, 2, 4);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_UNIDIRECTIONAL_SEQUENCE_RNN, L(x, w, r, b, h), L(y),
     OPTS(TFLC_BO_SEQUENCE_RNN, FBOOL(0, 0), FI8(1, TFLC_ACT_TANH)));
}

static void b_bidi_rnn(cx *c) {
  int x = in_t(c, F32, SH(3, 2, 3), -1, 1); /* time-major, 3 steps */
  int fw = cst_rand(c, F32, SH(4, 3), -0.5, 0.5);
  int fr = cst_rand(c, F32, SH(4, 4), -0.5, 0.5);
  int fb = cst_rand(c, F32, SH(4), -0.5, 0.5);
  int fh = state_t(c, 2, 4);
  int bw = cst_rand(c, F32, SH(3, 3), -0.5, 0.5);
  int br = cst_rand(c, F32, SH(3, 3), -0.5, 0.5);
  int bb = cst_rand(c, F32, SH(3), -0.5, 0.5);
  int bh = state_t(c, 2, 3);
  int y0 = out_t(c, F32, SH(3, 2, 4));
  int y1 = out_t(c, F32, SH(3, 2, 3));
  op(c, TFLC_OP_BIDIRECTIONAL_SEQUENCE_RNN,
     L(x, fw, fr, fb, fh, bw, br, bb, bh, -1, -1, -1), L(y0, y1),
     OPTS(TFLC_BO_BIDIRECTIONAL_SEQUENCE_RNN, FBOOL(0, 1),
          FI8(1, TFLC_ACT_TANH), FBOOL(2, 0)));
}

static void b_svdf(cx *c) {
  /* 4 filters, rank 2 -> 2 units, memory 3 */
  int x = in_t(c, F32, SH(2, 3), -1, 1);
  int wf = cst_rand(c, F32, SH(4, 3), -0.5, 0.5);
  int wt = cst_rand(c, F32, SH(4, 3), -0.5, 0.5);
  int b = cst_rand(c, F32, SH(2), -0.5, 0.5);
  int st = state_t(c, 2, 12);
  int y = out_t(c, F32, SH(2, 2));
  op(c, TFLC_OP_SVDF, L(x, wf, wt, b, st), L(y),
     OPTS(TFLC_BO_SVDF, FI32(0, 2), FI8(1, A_RELU)));
}

/* ---- STABLEHLO_COMPOSITE
 * ----------------------------------------------------------- */

/* An empty FlexBuffers map: keys vector (size 0), keys offset 0, keys
 * width 1, map size 0; root offset 0, type MAP (9 << 2 | 8-bit), width 1. */
static const uint8_t kEmptyFlexMap[7] = {0, 0, 1, 0, 0, 9 << 2, 1};

static void composite_patch(tflc_model_def *def) {
  static tflc_opt_field f[4];
  f[0] = fstr(0, "oracle.add_then_mul");
  f[1] = tm_opt_int(1, TFLC_OPT_I32, 1);
  memset(&f[2], 0, sizeof f[2]);
  f[2].id = 2;
  f[2].kind = TFLC_OPT_VEC_U8;
  f[2].vec = kEmptyFlexMap;
  f[2].vec_len = (int32_t)sizeof kEmptyFlexMap;
  f[3] = tm_opt_int(4, TFLC_OPT_I32, 1);
  tflc_operator_def *o = &def->subgraphs[0].operators[0];
  o->write_options_type = TFLC_BO2_STABLEHLO_COMPOSITE;
  o->write_options_is_options2 = true;
  o->write_options = f;
  o->n_write_options = 4;
}

/* composite(a, b) = (a + b) * b, decomposition in subgraph 1 */
static void b_composite(cx *c) {
  int a = in_t(c, F32, SH(2, 3), -2, 2);
  int b = in_t(c, F32, SH(2, 3), -2, 2);
  int y = out_t(c, F32, SH(2, 3));
  op(c, TFLC_OP_STABLEHLO_COMPOSITE, L(a, b), L(y), NOOPT);
  c->patch = composite_patch;
  cx_io(c);
  tm_subgraph(c->m);
  int sa = tmp_t(c, F32, SH(2, 3));
  int sb = tmp_t(c, F32, SH(2, 3));
  int t = tmp_t(c, F32, SH(2, 3));
  int so = tmp_t(c, F32, SH(2, 3));
  op(c, TFLC_OP_ADD, L(sa, sb), L(t), OPTS(TFLC_BO_ADD, FI8(0, A_NONE)));
  op(c, TFLC_OP_MUL, L(t, sb), L(so), OPTS(TFLC_BO_MUL, FI8(0, A_NONE)));
  tm_io(c->m, L(sa, sb), L(so));
}

/* ---- StableHLO ops
 * ------------------------------------------------------------------ */

#define V64(...) (const int64_t[]){__VA_ARGS__}, NARG64(__VA_ARGS__)
#define NARG64(...) \
  ((int)(sizeof((const int64_t[]){__VA_ARGS__}) / sizeof(int64_t)))

static tflc_opt_field fv64(uint16_t id, const int64_t *v, int n) {
  tflc_opt_field f;
  memset(&f, 0, sizeof f);
  f.id = id;
  f.kind = TFLC_OPT_VEC_I64;
  f.vec = v;
  f.vec_len = n;
  return f;
}

/* An op whose options are a builtin_options_2 table. */
static int op2(cx *c, int32_t code, const int *ins, int n_ins, const int *outs,
               int n_outs, uint8_t bo2, const tflc_opt_field *f, int nf) {
  int k = op(c, code, ins, n_ins, outs, n_outs, bo2, f, nf);
  if (bo2) tm_op_options2(c->m, k);
  return k;
}

static void shlo_binary(cx *c, int32_t code, int8_t tt, double lo, double hi,
                        double blo, double bhi) {
  int a = in_t(c, tt, SH(2, 3, 4), lo, hi);
  int b = in_t(c, tt, SH(2, 3, 4), blo, bhi);
  int y = out_t(c, tt, SH(2, 3, 4));
  op(c, code, L(a, b), L(y), NOOPT);
}

static void b_shlo_add(cx *c) {
  shlo_binary(c, TFLC_OP_STABLEHLO_ADD, F32, -4, 4, -4, 4);
}
static void b_shlo_add_i64(cx *c) {
  shlo_binary(c, TFLC_OP_STABLEHLO_ADD, I64, -1e6, 1e6, -1e6, 1e6);
}
static void b_shlo_mul_i32(cx *c) {
  shlo_binary(c, TFLC_OP_STABLEHLO_MULTIPLY, I32, -300, 300, -300, 300);
}
static void b_shlo_mul(cx *c) {
  shlo_binary(c, TFLC_OP_STABLEHLO_MULTIPLY, F32, -3, 3, -3, 3);
}
static void b_shlo_max(cx *c) {
  shlo_binary(c, TFLC_OP_STABLEHLO_MAXIMUM, F32, -2, 2, -2, 2);
}
static void b_shlo_min_i8(cx *c) {
  shlo_binary(c, TFLC_OP_STABLEHLO_MINIMUM, I8, -128, 127, -128, 127);
}
static void b_shlo_and_bool(cx *c) {
  shlo_binary(c, TFLC_OP_STABLEHLO_AND, BOOL, 0, 1, 0, 1);
}
static void b_shlo_and_i32(cx *c) {
  shlo_binary(c, TFLC_OP_STABLEHLO_AND, I32, -1e9, 1e9, -1e9, 1e9);
}
static void b_shlo_shl_i32(cx *c) {
  shlo_binary(c, TFLC_OP_STABLEHLO_SHIFT_LEFT, I32, -1e6, 1e6, 0, 31);
}
static void b_shlo_shl_i8(cx *c) {
  shlo_binary(c, TFLC_OP_STABLEHLO_SHIFT_LEFT, I8, -128, 127, 0, 7);
}

/* [3,4] padded low (-1, 2), high (2, -1), interior (1, 2) with 0.5 */
static void b_shlo_pad(cx *c) {
  int x = in_t(c, F32, SH(3, 4), -2, 2);
  float pv = 0.5f;
  int v = cst(c, F32, SCALAR, &pv);
  int y = out_t(c, F32, SH(6, 11));
  op2(c, TFLC_OP_STABLEHLO_PAD, L(x, v), L(y), TFLC_BO2_STABLEHLO_PAD,
      (const tflc_opt_field[]){fv64(0, V64(-1, 2)), fv64(1, V64(2, -1)),
                               fv64(2, V64(1, 2))},
      3);
}

/* the StableHLO spec example: operand [3,4,2], start_indices [2,3,2] */
static void b_shlo_gather(cx *c) {
  int x = in_t(c, F32, SH(3, 4, 2), -3, 3);
  const int32_t idx[12] = {0, 0, 1, 0, 2, 1, 0, 1, 1, 1, 0, 9};
  int i = cst(c, I32, SH(2, 3, 2), idx);
  int y = out_t(c, F32, SH(2, 3, 2, 2));
  op2(c, TFLC_OP_STABLEHLO_GATHER, L(x, i), L(y), TFLC_BO2_STABLEHLO_GATHER,
      (const tflc_opt_field[]){
          fv64(0, V64(2, 3)), fv64(1, V64(0)), fv64(2, V64(1, 0)),
          tm_opt_int(3, TFLC_OPT_I64, 2), fv64(4, V64(1, 2, 2))},
      5);
}

/* embedding-style rows with int64 indices given as an input */
static void b_shlo_gather_rows(cx *c) {
  int x = in_t(c, F32, SH(6, 3), -3, 3);
  int i = in_t(c, I64, SH(4, 1), 0, 5);
  int y = out_t(c, F32, SH(4, 3));
  op2(c, TFLC_OP_STABLEHLO_GATHER, L(x, i), L(y), TFLC_BO2_STABLEHLO_GATHER,
      (const tflc_opt_field[]){fv64(0, V64(1)), fv64(1, V64(0)),
                               fv64(2, V64(0)), tm_opt_int(3, TFLC_OPT_I64, 1),
                               fv64(4, V64(1, 3))},
      5);
}

/* scalar body subgraph: code(lhs, rhs), or code 0: returns rhs */
static void shlo_body(cx *c, int8_t tt, int32_t code) {
  tm_subgraph(c->m);
  int a = tmp_t(c, tt, SCALAR);
  int b = tmp_t(c, tt, SCALAR);
  if (!code) {
    tm_io(c->m, L(a, b), L(b));
    return;
  }
  int o = tmp_t(c, tt, SCALAR);
  op(c, code, L(a, b), L(o), NOOPT);
  tm_io(c->m, L(a, b), L(o));
}

/* the StableHLO spec example (operand [3,4,2], indices [2,3,2], updates
 * [2,3,2,2]); body: STABLEHLO_ADD, or replace (code 0) */
static void shlo_scatter(cx *c, int32_t body) {
  int x = in_t(c, F32, SH(3, 4, 2), -3, 3);
  const int32_t idx[12] = {0, 2, 1, 0, 2, 1, 0, 1, 1, 0, 2, 2};
  int i = cst(c, I32, SH(2, 3, 2), idx);
  int u = in_t(c, F32, SH(2, 3, 2, 2), -1, 1);
  int y = out_t(c, F32, SH(3, 4, 2));
  op2(c, TFLC_OP_STABLEHLO_SCATTER, L(x, i, u), L(y),
      TFLC_BO2_STABLEHLO_SCATTER,
      (const tflc_opt_field[]){
          fv64(1, V64(2, 3)), fv64(2, V64(0)), fv64(3, V64(1, 0)),
          tm_opt_int(4, TFLC_OPT_I64, 2), tm_opt_int(6, TFLC_OPT_I32, 1)},
      5);
  cx_io(c);
  shlo_body(c, F32, body);
}
static void b_shlo_scatter_add(cx *c) {
  shlo_scatter(c, TFLC_OP_STABLEHLO_ADD);
}
static void b_shlo_scatter_replace(cx *c) { shlo_scatter(c, 0); }

/* 3x3 stride-2 max over [1,7,6,2] with padding (1,1), (1,0) */
static void b_shlo_reduce_window_max(cx *c) {
  int x = in_t(c, F32, SH(1, 7, 6, 2), -3, 3);
  float init = -1e30f;
  int v = cst(c, F32, SCALAR, &init);
  int y = out_t(c, F32, SH(1, 4, 3, 2));
  op2(c, TFLC_OP_STABLEHLO_REDUCE_WINDOW, L(x, v), L(y),
      TFLC_BO2_STABLEHLO_REDUCE_WINDOW,
      (const tflc_opt_field[]){
          fv64(0, V64(1, 3, 3, 1)), fv64(1, V64(1, 2, 2, 1)),
          fv64(2, V64(1, 1, 1, 1)), fv64(3, V64(1, 1, 1, 1)),
          fv64(4, V64(0, 0, 1, 1, 1, 0, 0, 0)), tm_opt_int(5, TFLC_OPT_I32, 1)},
      6);
  cx_io(c);
  shlo_body(c, F32, TFLC_OP_STABLEHLO_MAXIMUM);
}

/* sum with init 1 over [7,6]: window (2,2), base dilation (1,2), window
 * dilation (2,1), padding (-1,2), (1,0) */
static void b_shlo_reduce_window_sum(cx *c) {
  int x = in_t(c, F32, SH(7, 6), -2, 2);
  float init = 1.0f;
  int v = cst(c, F32, SCALAR, &init);
  int y = out_t(c, F32, SH(6, 11));
  op2(c, TFLC_OP_STABLEHLO_REDUCE_WINDOW, L(x, v), L(y),
      TFLC_BO2_STABLEHLO_REDUCE_WINDOW,
      (const tflc_opt_field[]){fv64(0, V64(2, 2)), fv64(1, V64(1, 1)),
                               fv64(2, V64(1, 2)), fv64(3, V64(2, 1)),
                               fv64(4, V64(-1, 2, 1, 0)),
                               tm_opt_int(5, TFLC_OPT_I32, 1)},
      6);
  cx_io(c);
  shlo_body(c, F32, TFLC_OP_STABLEHLO_ADD);
}

/* bits from a constant state, added to an INT32 input (so that the model
 * has an input) */
static void shlo_rng(cx *c, int alg, int n_state) {
  const uint64_t st[3] = {0x0123456789abcdefull, 0x00000001fffffffeull,
                          0x1122334455667788ull};
  int s = tm_const(c->m, TFLC_TT_UINT64, (const int[]){n_state}, 1, st,
                   (size_t)n_state * 8, "state");
  int x = in_t(c, I32, SH(11), -1000, 1000);
  int ns = tmp_t(c, TFLC_TT_UINT64, (const int[]){n_state}, 1);
  int bits = tmp_t(c, I32, SH(11));
  int y = out_t(c, I32, SH(11));
  op2(c, TFLC_OP_STABLEHLO_RNG_BIT_GENERATOR, L(s), L(ns, bits),
      TFLC_BO2_STABLEHLO_RNG_BIT_GENERATOR,
      (const tflc_opt_field[]){tm_opt_int(0, TFLC_OPT_I8, alg)}, 1);
  op(c, TFLC_OP_STABLEHLO_ADD, L(bits, x), L(y), NOOPT);
}
static void b_shlo_rng_philox(cx *c) { shlo_rng(c, 1, 3); }
static void b_shlo_rng_default(cx *c) { shlo_rng(c, 0, 2); }
static void b_shlo_rng_threefry(cx *c) { shlo_rng(c, 2, 2); }

/* case(index, a, b): branch 0 = a + b, branch 1 = a * b */
static void shlo_case(cx *c, int32_t pick) {
  int i = in_vals(c, I32, SCALAR, &pick);
  int a = in_t(c, F32, SH(2, 3), -2, 2);
  int b = in_t(c, F32, SH(2, 3), -2, 2);
  int y = out_t(c, F32, SH(2, 3));
  op2(c, TFLC_OP_STABLEHLO_CASE, L(i, a, b), L(y), TFLC_BO2_STABLEHLO_CASE,
      (const tflc_opt_field[]){tm_opt_vec_i32(0, (const int32_t[]){1, 2}, 2)},
      1);
  cx_io(c);
  for (int k = 0; k < 2; k++) {
    tm_subgraph(c->m);
    int sa = tmp_t(c, F32, SH(2, 3));
    int sb = tmp_t(c, F32, SH(2, 3));
    int so = tmp_t(c, F32, SH(2, 3));
    if (k == 0)
      op(c, TFLC_OP_ADD, L(sa, sb), L(so), OPTS(TFLC_BO_ADD, FI8(0, A_NONE)));
    else
      op(c, TFLC_OP_MUL, L(sa, sb), L(so), OPTS(TFLC_BO_MUL, FI8(0, A_NONE)));
    tm_io(c->m, L(sa, sb), L(so));
  }
}
static void b_shlo_case_0(cx *c) { shlo_case(c, 0); }
static void b_shlo_case_oob(cx *c) { shlo_case(c, 5); }

/* ---- quantized
 * ------------------------------------------------------------------------ */

/* Quantized cases use realistic parameters: int8 asymmetric activations,
 * uint8 with zero points near 128, int16 symmetric (zero point 0), int8
 * weights symmetric and per channel for CONV_2D / DEPTHWISE_CONV_2D /
 * FULLY_CONNECTED / TRANSPOSE_CONV, int32 (int64 for 16x8) bias with scale
 * s_in * s_w. Cases whose ops LiteRT's XNNPACK delegate takes in int8/uint8
 * (CONV_2D and DEPTHWISE_CONV_2D with a bias, FULLY_CONNECTED with a bias
 * and constant weights, ADD, SUB, MUL, MEAN, LEAKY_RELU, RESIZE_BILINEAR)
 * and the hybrid FULLY_CONNECTED / BATCH_MATMUL it runs with dynamically
 * quantized inputs call cx_xnnpack: tflc runs them with
 * kTflcRoundingXnnpack; all other cases in the reference rounding. */

static void cx_xnnpack(cx *c) { c->xnn = 1; }

static double qlo(int8_t tt) {
  return tt == U8 ? 0 : tt == I8 ? -128 : tt == I16 ? -32768 : -2147483647.0;
}
static double qhi(int8_t tt) {
  return tt == U8 ? 255 : tt == I8 ? 127 : tt == I16 ? 32767 : 2147483647.0;
}

static void qset(cx *c, int t, float s, int64_t z) {
  tm_quant(c->m, t, &s, &z, 1, 0);
}

/* A quantized graph input with random values over the type's range. */
static int qin(cx *c, int8_t tt, const int *shape, int rank, float s,
               int64_t z) {
  int t = in_t(c, tt, shape, rank, qlo(tt), qhi(tt));
  qset(c, t, s, z);
  return t;
}

static int qout(cx *c, int8_t tt, const int *shape, int rank, float s,
                int64_t z) {
  int t = out_t(c, tt, shape, rank);
  qset(c, t, s, z);
  return t;
}

/* Constant weights: int8 symmetric in [-127, 127] (uint8: [0, 255] with zero
 * point wz), per channel on axis qdim when n_ch > 1 (scales spread around
 * s). Writes the scales into sw. */
static int qweights(cx *c, int8_t tt, const int *shape, int rank, int qdim,
                    int n_ch, float s, int64_t wz, float *sw) {
  int t =
      cst_rand(c, tt, shape, rank, tt == U8 ? 0 : -127, tt == U8 ? 255 : 127);
  int64_t zs[64];
  for (int i = 0; i < n_ch; i++) {
    sw[i] = s * (float)(0.6 + 0.8 * cx_unit(c));
    zs[i] = wz;
  }
  if (n_ch == 1) sw[0] = s;
  tm_quant(c->m, t, sw, zs, n_ch, qdim);
  return t;
}

/* Constant bias [n]: int32 (int64 when wide) with scales s_in * sw[c] (one
 * scale when per_tensor), values about +-range. */
static int qbias(cx *c, int n, int wide, float s_in, const float *sw,
                 int per_tensor, double range) {
  int t = cst_rand(c, wide ? I64 : I32, SH(n), -range, range);
  float bs[64];
  int64_t bz[64];
  for (int i = 0; i < n; i++) {
    bs[i] = s_in * sw[per_tensor ? 0 : i];
    bz[i] = 0;
  }
  tm_quant(c->m, t, bs, bz, per_tensor ? 1 : n, 0);
  return t;
}

/* a [2,1,3,4] op b [3,1] */
static void qbinary(cx *c, int32_t code, uint8_t bo, int act, int8_t tt,
                    float sa, int64_t za, float sb, int64_t zb, float so,
                    int64_t zo, int8_t ott) {
  int a = qin(c, tt, SH(2, 1, 3, 4), sa, za);
  int b = qin(c, tt, SH(3, 1), sb, zb);
  int y = ott == BOOL ? out_t(c, BOOL, SH(2, 1, 3, 4))
                      : qout(c, tt, SH(2, 1, 3, 4), so, zo);
  if (bo)
    op(c, code, L(a, b), L(y), OPTS(bo, FI8(0, act)));
  else
    op(c, code, L(a, b), L(y), NOOPT);
}

static void b_add_q_i8(cx *c) {
  cx_xnnpack(c);
  qbinary(c, TFLC_OP_ADD, TFLC_BO_ADD, A_NONE, I8, 0.05f, -10, 0.03f, 5, 0.06f,
          -3, I8);
}
static void b_add_q_u8(cx *c) {
  cx_xnnpack(c);
  qbinary(c, TFLC_OP_ADD, TFLC_BO_ADD, A_RELU6, U8, 0.04f, 128, 0.02f, 100,
          0.03f, 10, U8);
}
static void b_add_q_i16(cx *c) {
  qbinary(c, TFLC_OP_ADD, TFLC_BO_ADD, A_NONE, I16, 0.0005f, 0, 0.0003f, 0,
          0.0008f, 0, I16);
}
static void b_add_q_i16_pot(cx *c) {
  /* equal power-of-two scales (LiteRT aborts when one input is rescaled) */
  qbinary(c, TFLC_OP_ADD, TFLC_BO_ADD, A_NONE, I16, 1.0f / 2048, 0, 1.0f / 2048,
          0, 1.0f / 2048, 0, I16);
}
static void b_sub_q_i8(cx *c) {
  cx_xnnpack(c);
  qbinary(c, TFLC_OP_SUB, TFLC_BO_SUB, A_RELU, I8, 0.05f, 7, 0.04f, -12, 0.05f,
          -128, I8);
}
static void b_sub_q_u8(cx *c) {
  cx_xnnpack(c);
  qbinary(c, TFLC_OP_SUB, TFLC_BO_SUB, A_NONE, U8, 0.03f, 120, 0.05f, 135,
          0.06f, 128, U8);
}
static void b_sub_q_i16(cx *c) {
  qbinary(c, TFLC_OP_SUB, TFLC_BO_SUB, A_NONE, I16, 0.0004f, 0, 0.0006f, 0,
          0.001f, 0, I16);
}
static void b_mul_q_i8(cx *c) {
  cx_xnnpack(c);
  qbinary(c, TFLC_OP_MUL, TFLC_BO_MUL, A_NONE, I8, 0.05f, -5, 0.04f, 3, 0.1f, 2,
          I8);
}
static void b_mul_q_u8(cx *c) {
  cx_xnnpack(c);
  qbinary(c, TFLC_OP_MUL, TFLC_BO_MUL, A_RELU, U8, 0.02f, 128, 0.03f, 110,
          0.05f, 20, U8);
}
static void b_mul_q_i16(cx *c) {
  qbinary(c, TFLC_OP_MUL, TFLC_BO_MUL, A_NONE, I16, 0.0002f, 0, 0.0003f, 0,
          0.002f, 0, I16);
}
static void b_sqdiff_q_i8(cx *c) {
  qbinary(c, TFLC_OP_SQUARED_DIFFERENCE, 0, 0, I8, 0.03f, 4, 0.02f, -6, 0.1f,
          -128, I8);
}
static void b_less_q_i8(cx *c) {
  qbinary(c, TFLC_OP_LESS, 0, 0, I8, 0.05f, 3, 0.07f, -4, 0, 0, BOOL);
}
static void b_greater_equal_q_u8(cx *c) {
  qbinary(c, TFLC_OP_GREATER_EQUAL, 0, 0, U8, 0.02f, 128, 0.015f, 120, 0, 0,
          BOOL);
}
static void b_maximum_q_i8(cx *c) {
  qbinary(c, TFLC_OP_MAXIMUM, 0, 0, I8, 0.05f, -3, 0.05f, -3, 0.05f, -3, I8);
}
static void b_minimum_q_u8(cx *c) {
  qbinary(c, TFLC_OP_MINIMUM, 0, 0, U8, 0.05f, 128, 0.05f, 128, 0.05f, 128, U8);
}

/* divisor strictly positive */
static void qdiv(cx *c, int8_t tt, float sa, int64_t za, float sb, int64_t zb,
                 float so, int64_t zo) {
  int a = qin(c, tt, SH(2, 3, 4), sa, za);
  int b = in_t(c, tt, SH(2, 3, 4), (double)zb + 8, qhi(tt));
  qset(c, b, sb, zb);
  int y = qout(c, tt, SH(2, 3, 4), so, zo);
  op(c, TFLC_OP_DIV, L(a, b), L(y), OPTS(TFLC_BO_DIV, FI8(0, A_NONE)));
}
static void b_div_q_u8(cx *c) { qdiv(c, U8, 0.02f, 128, 0.02f, 0, 0.05f, 128); }
static void b_div_q_i8(cx *c) { qdiv(c, I8, 0.03f, 0, 0.02f, -128, 0.04f, 0); }

static void qprelu(cx *c, int8_t tt, float si, int64_t zi, float sa, int64_t za,
                   float so, int64_t zo) {
  int x = qin(c, tt, SH(1, 3, 4, 2), si, zi);
  int a = cst_rand(c, tt, SH(1, 1, 2), qlo(tt), qhi(tt));
  qset(c, a, sa, za);
  int y = qout(c, tt, SH(1, 3, 4, 2), so, zo);
  op(c, TFLC_OP_PRELU, L(x, a), L(y), NOOPT);
}
static void b_prelu_q_i8(cx *c) {
  qprelu(c, I8, 0.05f, 2, 0.01f, 0, 0.04f, -20);
}
static void b_prelu_q_u8(cx *c) {
  qprelu(c, U8, 0.05f, 128, 0.004f, 128, 0.04f, 100);
}

/* conv: x [1,7,7,3] -> [1,4,4,4], 3x3 SAME stride 2 */
static void qconv(cx *c, int8_t tt, int n_ch, int bias, int act, float si,
                  int64_t zi, float so, int64_t zo) {
  float sw[4];
  int x = qin(c, tt, SH(1, 7, 7, 3), si, zi);
  int8_t wt = tt == U8 ? U8 : I8;
  int w =
      qweights(c, wt, SH(4, 3, 3, 3), 0, n_ch, 0.01f, tt == U8 ? 130 : 0, sw);
  int b =
      bias ? qbias(c, 4, tt == I16, si, sw, n_ch == 1, tt == I16 ? 2e5 : 2000)
           : -1;
  int y = qout(c, tt, SH(1, 4, 4, 4), so, zo);
  op(c, TFLC_OP_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_CONV_2D, FI8(0, SAME), FI32(1, 2), FI32(2, 2), FI8(3, act)));
}
static void b_conv_q_i8_pc(cx *c) {
  cx_xnnpack(c);
  qconv(c, I8, 4, 1, A_RELU6, 0.02f, -5, 6.0f / 255, -128);
}
static void b_conv_q_i8_pt(cx *c) {
  cx_xnnpack(c);
  qconv(c, I8, 1, 1, A_NONE, 0.02f, 10, 0.12f, -4);
}
static void b_conv_q_u8(cx *c) {
  cx_xnnpack(c);
  qconv(c, U8, 1, 1, A_RELU, 0.02f, 128, 0.1f, 0);
}
static void b_conv_q_i16(cx *c) {
  qconv(c, I16, 4, 1, A_NONE, 1.0f / 4096, 0, 1.0f / 1024, 0);
}

/* 1x1 conv, VALID dilation 2 3x3, batch 2, per channel */
static void b_conv_q_i8_dil2_batch2(cx *c) {
  cx_xnnpack(c);
  float sw[5];
  int x = qin(c, I8, SH(2, 8, 8, 2), 0.03f, 6);
  int w = qweights(c, I8, SH(5, 3, 3, 2), 0, 5, 0.008f, 0, sw);
  int b = qbias(c, 5, 0, 0.03f, sw, 0, 3000);
  int y = qout(c, I8, SH(2, 4, 4, 5), 0.09f, 1);
  op(c, TFLC_OP_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_CONV_2D, FI8(0, VALID), FI32(1, 1), FI32(2, 1),
          FI8(3, A_NONE), FI32(4, 2), FI32(5, 2)));
}

/* depthwise: x [1,6,6,3] multiplier 2 -> [1,6,6,6] SAME; or stride 2 */
static void qdwconv(cx *c, int8_t tt, int n_ch, int act, int stride, float si,
                    int64_t zi, float so, int64_t zo) {
  float sw[6];
  int x = qin(c, tt, SH(1, 6, 6, 3), si, zi);
  int8_t wt = tt == U8 ? U8 : I8;
  int w =
      qweights(c, wt, SH(1, 3, 3, 6), 3, n_ch, 0.02f, tt == U8 ? 125 : 0, sw);
  int b = qbias(c, 6, tt == I16, si, sw, n_ch == 1, tt == I16 ? 1e5 : 1000);
  int o = stride == 2 ? 3 : 6;
  int y = qout(c, tt, (const int[]){1, o, o, 6}, 4, so, zo);
  op(c, TFLC_OP_DEPTHWISE_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_DEPTHWISE_CONV_2D, FI8(0, SAME), FI32(1, stride),
          FI32(2, stride), FI32(3, 2), FI8(4, act)));
}
static void b_dwconv_q_i8_pc(cx *c) {
  cx_xnnpack(c);
  qdwconv(c, I8, 6, A_NONE, 1, 0.02f, 3, 0.05f, 0);
}
static void b_dwconv_q_i8_s2_relu6(cx *c) {
  cx_xnnpack(c);
  qdwconv(c, I8, 6, A_RELU6, 2, 0.02f, -7, 6.0f / 255, -128);
}
static void b_dwconv_q_u8(cx *c) {
  cx_xnnpack(c);
  qdwconv(c, U8, 1, A_NONE, 1, 0.02f, 128, 0.06f, 128);
}
static void b_dwconv_q_i16(cx *c) {
  qdwconv(c, I16, 6, A_NONE, 1, 1.0f / 4096, 0, 1.0f / 2048, 0);
}

/* fully connected: x [3,16] -> [3,8] */
static void qfc(cx *c, int8_t tt, int n_ch, int act, int runtime_w, float si,
                int64_t zi, float so, int64_t zo) {
  float sw[8];
  int x = qin(c, tt, SH(3, 16), si, zi);
  int8_t wt = tt == U8 ? U8 : I8;
  int w;
  if (runtime_w) {
    w = qin(c, I8, SH(8, 16), 0.01f, 0);
    sw[0] = 0.01f;
  } else {
    w = qweights(c, wt, SH(8, 16), 0, n_ch, 0.01f, tt == U8 ? 128 : 0, sw);
  }
  int b = qbias(c, 8, tt == I16, si, sw, n_ch == 1, tt == I16 ? 2e5 : 2000);
  int y = qout(c, tt, SH(3, 8), so, zo);
  op(c, TFLC_OP_FULLY_CONNECTED, L(x, w, b), L(y),
     OPTS(TFLC_BO_FULLY_CONNECTED, FI8(0, act)));
}
static void b_fc_q_i8_pc(cx *c) {
  cx_xnnpack(c);
  qfc(c, I8, 8, A_NONE, 0, 0.02f, -3, 0.08f, 5);
}
static void b_fc_q_i8_relu(cx *c) {
  cx_xnnpack(c);
  qfc(c, I8, 1, A_RELU, 0, 0.02f, 12, 0.05f, -128);
}
static void b_fc_q_u8(cx *c) {
  cx_xnnpack(c);
  qfc(c, U8, 1, A_NONE, 0, 0.02f, 128, 0.1f, 128);
}
static void b_fc_q_i16(cx *c) {
  qfc(c, I16, 8, A_NONE, 0, 1.0f / 4096, 0, 1.0f / 1024, 0);
}
static void b_fc_q_i8_runtime_w(cx *c) {
  qfc(c, I8, 1, A_NONE, 1, 0.02f, -3, 0.08f, 5);
}

/* transpose conv: [1,3,3,4] -> [1,6,6,2], SAME stride 2 */
static void qtconv(cx *c, int8_t tt, int n_ch, float si, int64_t zi, float so,
                   int64_t zo) {
  float sw[2];
  int32_t oshape[4] = {1, 6, 6, 2};
  int s = cst(c, I32, SH(4), oshape);
  int8_t wt = tt == U8 ? U8 : I8;
  int w =
      qweights(c, wt, SH(2, 3, 3, 4), 0, n_ch, 0.015f, tt == U8 ? 127 : 0, sw);
  int x = qin(c, tt, SH(1, 3, 3, 4), si, zi);
  int b = qbias(c, 2, tt == I16, si, sw, n_ch == 1, tt == I16 ? 1e5 : 1500);
  int y = qout(c, tt, SH(1, 6, 6, 2), so, zo);
  op(c, TFLC_OP_TRANSPOSE_CONV, L(s, w, x, b), L(y),
     OPTS(TFLC_BO_TRANSPOSE_CONV, FI8(0, SAME), FI32(1, 2), FI32(2, 2)));
}
static void b_tconv_q_i8_pc(cx *c) { qtconv(c, I8, 2, 0.02f, 4, 0.06f, -2); }
static void b_tconv_q_u8(cx *c) { qtconv(c, U8, 1, 0.02f, 128, 0.06f, 128); }
static void b_tconv_q_i16(cx *c) {
  qtconv(c, I16, 2, 1.0f / 4096, 0, 1.0f / 1024, 0);
}

static void b_bmm_q_i8(cx *c) {
  int a = qin(c, I8, SH(2, 3, 4), 0.03f, 5);
  int b = qin(c, I8, SH(2, 4, 5), 0.02f, -3);
  int y = qout(c, I8, SH(2, 3, 5), 0.06f, 1);
  op(c, TFLC_OP_BATCH_MATMUL, L(a, b), L(y), NOOPT);
}
static void b_bmm_q_i16(cx *c) {
  int a = qin(c, I16, SH(2, 3, 4), 1.0f / 8192, 0);
  int b = qin(c, I16, SH(2, 4, 5), 1.0f / 8192, 0);
  int y = qout(c, I16, SH(2, 3, 5), 1.0f / 16384, 0);
  op(c, TFLC_OP_BATCH_MATMUL, L(a, b), L(y), NOOPT);
}

/* hybrid: float activations, constant int8 weights */
static void b_fc_hybrid_pc(cx *c) {
  float sw[6];
  cx_xnnpack(c);
  int x = in_t(c, F32, SH(3, 10), -2, 2);
  int w = qweights(c, I8, SH(6, 10), 0, 6, 0.01f, 0, sw);
  int b = cst_rand(c, F32, SH(6), -1, 1);
  int y = out_t(c, F32, SH(3, 6));
  op(c, TFLC_OP_FULLY_CONNECTED, L(x, w, b), L(y),
     OPTS(TFLC_BO_FULLY_CONNECTED, FI8(0, A_NONE)));
}
static void b_fc_hybrid_asym(cx *c) {
  float sw[1];
  int x = in_t(c, F32, SH(2, 12), -1, 3);
  int w = qweights(c, I8, SH(5, 12), 0, 1, 0.01f, 0, sw);
  int b = cst_rand(c, F32, SH(5), -1, 1);
  int y = out_t(c, F32, SH(2, 5));
  op(c, TFLC_OP_FULLY_CONNECTED, L(x, w, b), L(y),
     OPTS(TFLC_BO_FULLY_CONNECTED, FI8(0, A_RELU), FBOOL(3, 1)));
}
static void b_conv_hybrid_pc(cx *c) {
  float sw[4];
  int x = in_t(c, F32, SH(1, 6, 6, 3), -1, 1);
  int w = qweights(c, I8, SH(4, 3, 3, 3), 0, 4, 0.01f, 0, sw);
  int b = cst_rand(c, F32, SH(4), -1, 1);
  int y = out_t(c, F32, SH(1, 6, 6, 4));
  op(c, TFLC_OP_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_CONV_2D, FI8(0, SAME), FI32(1, 1), FI32(2, 1),
          FI8(3, A_NONE)));
}
static void b_dwconv_hybrid_pc(cx *c) {
  float sw[4];
  int x = in_t(c, F32, SH(1, 5, 5, 4), -1, 1);
  int w = qweights(c, I8, SH(1, 3, 3, 4), 3, 4, 0.01f, 0, sw);
  int b = cst_rand(c, F32, SH(4), -1, 1);
  int y = out_t(c, F32, SH(1, 5, 5, 4));
  op(c, TFLC_OP_DEPTHWISE_CONV_2D, L(x, w, b), L(y),
     OPTS(TFLC_BO_DEPTHWISE_CONV_2D, FI8(0, SAME), FI32(1, 1), FI32(2, 1),
          FI32(3, 1), FI8(4, A_NONE)));
}
static void bmm_hybrid(cx *c, int asym) {
  float sw[1];
  int a = in_t(c, F32, SH(2, 3, 6), -1, 1);
  int b = qweights(c, I8, SH(6, 4), 0, 1, 0.01f, 0, sw);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_BATCH_MATMUL, L(a, b), L(y),
     OPTS(TFLC_BO_BATCH_MAT_MUL, FBOOL(2, asym)));
}
static void b_bmm_hybrid(cx *c) {
  cx_xnnpack(c);
  bmm_hybrid(c, 0);
}
static void b_bmm_hybrid_asym(cx *c) { bmm_hybrid(c, 1); }
static void b_embedding_lookup_hybrid(cx *c) {
  int32_t ids[4] = {3, 0, 5, 3};
  int i = in_vals(c, I32, SH(4), ids);
  int t = cst_rand(c, I8, SH(6, 3), -127, 127);
  qset(c, t, 0.02f, 0);
  int y = out_t(c, F32, SH(4, 3));
  op(c, TFLC_OP_EMBEDDING_LOOKUP, L(i, t), L(y), NOOPT);
}

/* pools keep the input's parameters */
static void qpool(cx *c, int32_t code, int8_t tt, float s, int64_t z,
                  const int *ishape, const int *oshape, int pad, int st, int f,
                  int act) {
  int x = qin(c, tt, ishape, 4, s, z);
  int y = qout(c, tt, oshape, 4, s, z);
  op(c, code, L(x), L(y),
     OPTS(TFLC_BO_POOL_2D, FI8(0, pad), FI32(1, st), FI32(2, st), FI32(3, f),
          FI32(4, f), FI8(5, act)));
}
static void b_avgpool_q_i8(cx *c) {
  qpool(c, TFLC_OP_AVERAGE_POOL_2D, I8, 0.05f, -4, (const int[]){1, 7, 7, 3},
        (const int[]){1, 4, 4, 3}, SAME, 2, 3, A_NONE);
}
static void b_avgpool_q_u8(cx *c) {
  qpool(c, TFLC_OP_AVERAGE_POOL_2D, U8, 0.05f, 128, (const int[]){2, 6, 6, 2},
        (const int[]){2, 3, 3, 2}, VALID, 2, 2, A_RELU6);
}
static void b_avgpool_q_i16(cx *c) {
  qpool(c, TFLC_OP_AVERAGE_POOL_2D, I16, 0.001f, 0, (const int[]){1, 5, 5, 2},
        (const int[]){1, 3, 3, 2}, SAME, 2, 3, A_NONE);
}
static void b_maxpool_q_i8(cx *c) {
  qpool(c, TFLC_OP_MAX_POOL_2D, I8, 0.05f, 6, (const int[]){1, 7, 7, 3},
        (const int[]){1, 4, 4, 3}, SAME, 2, 3, A_RELU);
}
static void b_maxpool_q_u8(cx *c) {
  qpool(c, TFLC_OP_MAX_POOL_2D, U8, 0.05f, 128, (const int[]){2, 6, 6, 2},
        (const int[]){2, 3, 3, 2}, VALID, 2, 2, A_NONE);
}
static void b_maxpool_q_i16(cx *c) {
  qpool(c, TFLC_OP_MAX_POOL_2D, I16, 0.001f, 0, (const int[]){1, 5, 5, 2},
        (const int[]){1, 3, 3, 2}, SAME, 2, 3, A_RELU6);
}

/* unary: [2,3,4] */
static void qunary(cx *c, int32_t code, int8_t tt, float si, int64_t zi,
                   float so, int64_t zo, uint8_t bo, const tflc_opt_field *f,
                   int nf) {
  int x = qin(c, tt, SH(2, 3, 4), si, zi);
  int y = qout(c, tt, SH(2, 3, 4), so, zo);
  op(c, code, L(x), L(y), bo, f, nf);
}
#define QU(name, code, tt, si, zi, so, zo) \
  static void name(cx *c) { qunary(c, code, tt, si, zi, so, zo, NOOPT); }
QU(b_relu_q_i8, TFLC_OP_RELU, I8, 0.05f, -20, 0.03f, -128)
QU(b_relu_q_u8, TFLC_OP_RELU, U8, 0.05f, 128, 0.03f, 0)
QU(b_relu_q_i16, TFLC_OP_RELU, I16, 0.0005f, 0, 0.0003f, 0)
QU(b_relu6_q_i8, TFLC_OP_RELU6, I8, 0.06f, 0, 6.0f / 255, -128)
QU(b_relu6_q_u8, TFLC_OP_RELU6, U8, 0.06f, 120, 6.0f / 255, 0)
QU(b_relu6_q_i16, TFLC_OP_RELU6, I16, 0.0004f, 0, 0.0002f, 0)
QU(b_relu_n1_q_i8, TFLC_OP_RELU_N1_TO_1, I8, 0.02f, 5, 1.0f / 128, 0)
QU(b_relu_n1_q_u8, TFLC_OP_RELU_N1_TO_1, U8, 0.02f, 128, 2.0f / 255, 128)
QU(b_relu01_q_i8, TFLC_OP_RELU_0_TO_1, I8, 0.02f, 5, 1.0f / 255, -128)
QU(b_relu01_q_u8, TFLC_OP_RELU_0_TO_1, U8, 0.02f, 100, 1.0f / 255, 0)
QU(b_logistic_q_i8, TFLC_OP_LOGISTIC, I8, 0.06f, 4, 1.0f / 256, -128)
QU(b_logistic_q_u8, TFLC_OP_LOGISTIC, U8, 0.06f, 128, 1.0f / 256, 0)
QU(b_logistic_q_i16, TFLC_OP_LOGISTIC, I16, 1.0f / 3000, 0, 1.0f / 32768, 0)
QU(b_logistic_q_i16_pot, TFLC_OP_LOGISTIC, I16, 1.0f / 4096, 0, 1.0f / 32768, 0)
QU(b_tanh_q_i16_npot, TFLC_OP_TANH, I16, 1.0f / 5000, 0, 1.0f / 32768, 0)
QU(b_tanh_q_i8, TFLC_OP_TANH, I8, 0.03f, -6, 1.0f / 128, 0)
QU(b_tanh_q_u8, TFLC_OP_TANH, U8, 0.03f, 128, 1.0f / 128, 128)
QU(b_tanh_q_i16, TFLC_OP_TANH, I16, 1.0f / 8192, 0, 1.0f / 32768, 0)
QU(b_elu_q_i8, TFLC_OP_ELU, I8, 0.04f, 10, 0.03f, -90)
QU(b_hard_swish_q_i8, TFLC_OP_HARD_SWISH, I8, 0.05f, -3, 0.04f, -100)
QU(b_hard_swish_q_u8, TFLC_OP_HARD_SWISH, U8, 0.05f, 128, 0.04f, 20)
QU(b_log_softmax_q_i8, TFLC_OP_LOG_SOFTMAX, I8, 0.05f, 3, 16.0f / 256, 127)
QU(b_log_softmax_q_u8, TFLC_OP_LOG_SOFTMAX, U8, 0.05f, 128, 16.0f / 256, 255)
#undef QU

static void b_leaky_relu_q_i8(cx *c) {
  cx_xnnpack(c);
  qunary(c, TFLC_OP_LEAKY_RELU, I8, 0.05f, 10, 0.04f, -30,
         OPTS(TFLC_BO_LEAKY_RELU, FF32(0, 0.2f)));
}
static void b_leaky_relu_q_u8(cx *c) {
  cx_xnnpack(c);
  qunary(c, TFLC_OP_LEAKY_RELU, U8, 0.05f, 128, 0.04f, 100,
         OPTS(TFLC_BO_LEAKY_RELU, FF32(0, 0.1f)));
}
static void b_leaky_relu_q_i16(cx *c) {
  qunary(c, TFLC_OP_LEAKY_RELU, I16, 0.0005f, 0, 0.0004f, 0,
         OPTS(TFLC_BO_LEAKY_RELU, FF32(0, 0.3f)));
}
static void b_gelu_q_i8(cx *c) {
  qunary(c, TFLC_OP_GELU, I8, 0.04f, 0, 0.03f, -40,
         OPTS(TFLC_BO_GELU, FBOOL(0, 0)));
}
static void b_gelu_q_u8(cx *c) {
  qunary(c, TFLC_OP_GELU, U8, 0.04f, 128, 0.03f, 30,
         OPTS(TFLC_BO_GELU, FBOOL(0, 1)));
}
static void b_softmax_q_u8(cx *c) {
  qunary(c, TFLC_OP_SOFTMAX, U8, 0.05f, 128, 1.0f / 256, 0,
         OPTS(TFLC_BO_SOFTMAX, FF32(0, 1.0f)));
}
static void b_softmax_q_i16(cx *c) {
  qunary(c, TFLC_OP_SOFTMAX, I16, 0.0004f, 0, 1.0f / 32768, 0,
         OPTS(TFLC_BO_SOFTMAX, FF32(0, 1.0f)));
}
static void b_softmax_q_i8_beta(cx *c) {
  qunary(c, TFLC_OP_SOFTMAX, I8, 0.1f, -10, 1.0f / 256, -128,
         OPTS(TFLC_BO_SOFTMAX, FF32(0, 0.7f)));
}

static void b_concat_q_i8(cx *c) {
  int a = qin(c, I8, SH(2, 3), 0.05f, -2);
  int b = qin(c, I8, SH(2, 2), 0.05f, -2);
  int y = qout(c, I8, SH(2, 5), 0.05f, -2);
  op(c, TFLC_OP_CONCATENATION, L(a, b), L(y),
     OPTS(TFLC_BO_CONCATENATION, FI32(0, -1)));
}
static void b_concat_q_u8_rescale(cx *c) {
  int a = qin(c, U8, SH(1, 2, 3), 0.05f, 128);
  int b = qin(c, U8, SH(1, 1, 3), 0.02f, 100);
  int d = qin(c, U8, SH(1, 3, 3), 0.08f, 140);
  int y = qout(c, U8, SH(1, 6, 3), 0.06f, 128);
  op(c, TFLC_OP_CONCATENATION, L(a, b, d), L(y),
     OPTS(TFLC_BO_CONCATENATION, FI32(0, 1)));
}
static void b_concat_q_i16(cx *c) {
  int a = qin(c, I16, SH(2, 3), 0.001f, 0);
  int b = qin(c, I16, SH(1, 3), 0.001f, 0);
  int y = qout(c, I16, SH(3, 3), 0.001f, 0);
  op(c, TFLC_OP_CONCATENATION, L(a, b), L(y),
     OPTS(TFLC_BO_CONCATENATION, FI32(0, 0)));
}

static void qpad(cx *c, int8_t tt, float s, int64_t z, int v2) {
  int x = qin(c, tt, SH(1, 3, 4, 2), s, z);
  int32_t pv[8] = {0, 0, 1, 2, 2, 0, 0, 1};
  int p = cst(c, I32, SH(4, 2), pv);
  int y = qout(c, tt, SH(1, 6, 6, 3), s, z);
  if (v2) {
    int8_t v8 = (int8_t)(z + 17);
    int16_t v16 = 123;
    uint8_t vu = (uint8_t)(z + 17);
    int k = cst(c, tt, SCALAR,
                tt == I8   ? (const void *)&v8
                : tt == U8 ? (const void *)&vu
                           : (const void *)&v16);
    qset(c, k, s, z);
    op(c, TFLC_OP_PADV2, L(x, p, k), L(y), NOOPT);
  } else {
    op(c, TFLC_OP_PAD, L(x, p), L(y), NOOPT);
  }
}
static void b_pad_q_i8(cx *c) { qpad(c, I8, 0.05f, -7, 0); }
static void b_pad_q_u8(cx *c) { qpad(c, U8, 0.05f, 131, 0); }
static void b_pad_q_i16(cx *c) { qpad(c, I16, 0.001f, 0, 0); }
static void b_padv2_q_i8(cx *c) { qpad(c, I8, 0.05f, -7, 1); }
static void b_padv2_q_u8(cx *c) { qpad(c, U8, 0.05f, 120, 1); }

static void qresize(cx *c, int32_t code, uint8_t bo, int8_t tt, float s,
                    int64_t z, int ac, int hp, int oh, int ow) {
  int x = qin(c, tt, SH(1, 3, 4, 2), s, z);
  int32_t sz[2] = {oh, ow};
  int k = cst(c, I32, SH(2), sz);
  int y = qout(c, tt, (const int[]){1, oh, ow, 2}, 4, s, z);
  if (bo == TFLC_BO_RESIZE_BILINEAR)
    op(c, code, L(x, k), L(y), OPTS(bo, FBOOL(2, ac), FBOOL(3, hp)));
  else
    op(c, code, L(x, k), L(y), OPTS(bo, FBOOL(0, ac), FBOOL(1, hp)));
}
static void b_bilinear_q_i8(cx *c) {
  cx_xnnpack(c);
  qresize(c, TFLC_OP_RESIZE_BILINEAR, TFLC_BO_RESIZE_BILINEAR, I8, 0.05f, 3, 0,
          1, 5, 7);
}
static void b_bilinear_q_u8(cx *c) {
  cx_xnnpack(c);
  qresize(c, TFLC_OP_RESIZE_BILINEAR, TFLC_BO_RESIZE_BILINEAR, U8, 0.05f, 128,
          1, 0, 6, 7);
}
static void b_bilinear_q_i16(cx *c) {
  qresize(c, TFLC_OP_RESIZE_BILINEAR, TFLC_BO_RESIZE_BILINEAR, I16, 0.001f, 0,
          0, 0, 6, 8);
}
static void b_nearest_q_u8(cx *c) {
  qresize(c, TFLC_OP_RESIZE_NEAREST_NEIGHBOR, TFLC_BO_RESIZE_NEAREST_NEIGHBOR,
          U8, 0.05f, 128, 0, 1, 7, 5);
}
static void b_nearest_q_i16(cx *c) {
  qresize(c, TFLC_OP_RESIZE_NEAREST_NEIGHBOR, TFLC_BO_RESIZE_NEAREST_NEIGHBOR,
          I16, 0.001f, 0, 1, 0, 5, 7);
}

static void qreduce(cx *c, int32_t code, int8_t tt, const int *xs, int xr,
                    const int32_t *axes, int na, int keep, const int *ys,
                    int yr, float si, int64_t zi, float so, int64_t zo) {
  int x = qin(c, tt, xs, xr, si, zi);
  int a = cst(c, I32, (const int[]){na}, 1, axes);
  int y = qout(c, tt, ys, yr, so, zo);
  op(c, code, L(x, a), L(y), OPTS(TFLC_BO_REDUCER, FBOOL(0, keep)));
}
static void b_mean_q_i8(cx *c) {
  cx_xnnpack(c);
  qreduce(c, TFLC_OP_MEAN, I8, SH(1, 4, 5, 3), (const int32_t[]){1, 2}, 2, 1,
          SH(1, 1, 1, 3), 0.05f, -3, 0.02f, 5);
}
static void b_mean_q_i8_last(cx *c) {
  cx_xnnpack(c);
  qreduce(c, TFLC_OP_MEAN, I8, SH(3, 4, 6), (const int32_t[]){-1}, 1, 0,
          SH(3, 4), 0.05f, 4, 0.05f, 4);
}
static void b_mean_q_u8(cx *c) {
  cx_xnnpack(c);
  qreduce(c, TFLC_OP_MEAN, U8, SH(2, 3, 3, 4), (const int32_t[]){1, 2}, 2, 0,
          SH(2, 4), 0.04f, 128, 0.01f, 128);
}
static void b_mean_q_i16(cx *c) {
  qreduce(c, TFLC_OP_MEAN, I16, SH(2, 4, 5, 3), (const int32_t[]){1, 2}, 2, 1,
          SH(2, 1, 1, 3), 0.001f, 0, 0.0005f, 0);
}
static void b_sum_q_i8(cx *c) {
  qreduce(c, TFLC_OP_SUM, I8, SH(2, 3, 4), (const int32_t[]){1}, 1, 0, SH(2, 4),
          0.02f, -1, 0.05f, 2);
}
static void b_sum_q_u8(cx *c) {
  qreduce(c, TFLC_OP_SUM, U8, SH(2, 3, 4), (const int32_t[]){0, 2}, 2, 1,
          SH(1, 3, 1), 0.01f, 128, 0.1f, 128);
}
static void b_sum_q_i16(cx *c) {
  qreduce(c, TFLC_OP_SUM, I16, SH(2, 3, 4), (const int32_t[]){2}, 1, 0,
          SH(2, 3), 0.0002f, 0, 0.001f, 0);
}
static void b_reduce_prod_q_i8(cx *c) {
  int x = in_t(c, I8, SH(2, 3, 4), 30, 80);
  qset(c, x, 0.02f, 0);
  int a = cst(c, I32, SH(1), (const int32_t[]){1});
  int y = qout(c, I8, SH(2, 4), 0.01f, -100);
  op(c, TFLC_OP_REDUCE_PROD, L(x, a), L(y), OPTS(TFLC_BO_REDUCER, FBOOL(0, 0)));
}
static void b_reduce_prod_q_i16(cx *c) {
  int x = in_t(c, I16, SH(2, 3, 4), 3000, 9000);
  qset(c, x, 0.0002f, 0);
  int a = cst(c, I32, SH(1), (const int32_t[]){2});
  int y = qout(c, I16, SH(2, 3), 0.0001f, 0);
  op(c, TFLC_OP_REDUCE_PROD, L(x, a), L(y), OPTS(TFLC_BO_REDUCER, FBOOL(0, 0)));
}
static void b_reduce_max_q_i8(cx *c) {
  qreduce(c, TFLC_OP_REDUCE_MAX, I8, SH(2, 5, 3), (const int32_t[]){1}, 1, 1,
          SH(2, 1, 3), 0.05f, 3, 0.05f, 3);
}
static void b_reduce_min_q_u8(cx *c) {
  qreduce(c, TFLC_OP_REDUCE_MIN, U8, SH(3, 4, 2), (const int32_t[]){0, 1}, 2, 0,
          SH(2), 0.05f, 128, 0.05f, 128);
}

static void requant(cx *c, int8_t from, float si, int64_t zi, int8_t to,
                    float so, int64_t zo) {
  int x = from == F32 ? in_t(c, F32, SH(3, 5), -6, 6)
                      : qin(c, from, SH(3, 5), si, zi);
  int y = qout(c, to, SH(3, 5), so, zo);
  op(c, TFLC_OP_QUANTIZE, L(x), L(y), NOOPT);
}
static void b_quantize_i8_i8(cx *c) {
  requant(c, I8, 0.05f, 3, I8, 0.03f, -10);
}
static void b_quantize_u8_i8(cx *c) {
  requant(c, U8, 0.05f, 128, I8, 0.05f, 0);
}
static void b_quantize_u8_u8(cx *c) {
  requant(c, U8, 0.05f, 120, U8, 0.07f, 130);
}
static void b_quantize_i8_u8(cx *c) {
  requant(c, I8, 0.04f, -5, U8, 0.04f, 123);
}
static void b_quantize_i16_i8(cx *c) {
  requant(c, I16, 0.0002f, 0, I8, 0.05f, 2);
}
static void b_quantize_i8_i16(cx *c) {
  requant(c, I8, 0.05f, 2, I16, 0.0003f, 0);
}
static void b_quantize_i16_i16(cx *c) {
  requant(c, I16, 0.0002f, 0, I16, 0.0003f, 0);
}
static void b_quantize_f32_i16(cx *c) {
  requant(c, F32, 0, 0, I16, 0.0002f, 0);
}

static void b_dequantize_i8_pc(cx *c) {
  /* per-channel constant through DEQUANTIZE, then ADD an input */
  float sw[3];
  int w = qweights(c, I8, SH(3, 4), 0, 3, 0.02f, 0, sw);
  int t = tmp_t(c, F32, SH(3, 4));
  op(c, TFLC_OP_DEQUANTIZE, L(w), L(t), NOOPT);
  int z = in_t(c, F32, SH(3, 4), -1, 1);
  int y = out_t(c, F32, SH(3, 4));
  op(c, TFLC_OP_ADD, L(t, z), L(y), OPTS(TFLC_BO_ADD, FI8(0, A_NONE)));
}

static void b_arg_max_q_i8(cx *c) {
  int x = qin(c, I8, SH(3, 7), 0.05f, -4);
  int a = cst(c, I32, SCALAR, (const int32_t[]){1});
  int y = out_t(c, I32, SH(3));
  op(c, TFLC_OP_ARG_MAX, L(x, a), L(y), OPTS(TFLC_BO_ARG_MAX, FI8(0, I32)));
}

static void b_topk_q_u8(cx *c) {
  int x = qin(c, U8, SH(2, 9), 0.05f, 128);
  int k = cst(c, I32, SCALAR, (const int32_t[]){3});
  int v = qout(c, U8, SH(2, 3), 0.05f, 128);
  int i = out_t(c, I32, SH(2, 3));
  op(c, TFLC_OP_TOPK_V2, L(x, k), L(v, i), NOOPT);
}

/* ---- lookups, sparse, segments, signal, random and other builtins
 * --------------------- */

static void b_embedding_lookup(cx *c) {
  int32_t ids[5] = {2, 0, 5, 2, 4};
  int i = in_vals(c, I32, SH(5), ids);
  int t = in_t(c, F32, SH(6, 2, 3), -2, 2);
  int y = out_t(c, F32, SH(5, 2, 3));
  op(c, TFLC_OP_EMBEDDING_LOOKUP, L(i, t), L(y), NOOPT);
}

/* TensorFlow Lite's documented example: ids/weights at [0,0], [0,1], [1,0],
 * [2,3] of a [3,4] sparse tensor; the output is resized at invoke (dynamic
 * in TensorFlow Lite), hence the ADD */
static void els(cx *c, int combiner) {
  int32_t ids[4] = {1, 3, 0, 1}, idx[8] = {0, 0, 0, 1, 1, 0, 2, 3};
  int32_t shape[2] = {3, 4};
  float w[4] = {2.0f, 0.5f, 1.0f, 3.0f};
  int i = in_vals(c, I32, SH(4), ids);
  int x = in_vals(c, I32, SH(4, 2), idx);
  int s = cst(c, I32, SH(2), shape);
  int ww = in_vals(c, F32, SH(4), w);
  int p = cst_rand(c, F32, SH(10, 4), -2, 2);
  int t = tmp_t(c, F32, SH(3, 4));
  op(c, TFLC_OP_EMBEDDING_LOOKUP_SPARSE, L(i, x, s, ww, p), L(t),
     OPTS(TFLC_BO_EMBEDDING_LOOKUP_SPARSE, FI8(0, combiner)));
  add_to_output(c, t, F32, SH(3, 4));
}
static void b_els_sum(cx *c) { els(c, 0); }
static void b_els_mean(cx *c) { els(c, 1); }
static void b_els_sqrtn(cx *c) { els(c, 2); }

static void b_hashtable_lookup(cx *c) {
  int32_t keys[5] = {-3, 1, 4, 9, 20}, look[6] = {4, 5, -3, 20, 0, 9};
  int l = in_vals(c, I32, SH(6), look);
  int k = cst(c, I32, SH(5), keys);
  int v = cst_rand(c, F32, SH(5, 2), -3, 3);
  int y = out_t(c, F32, SH(6, 2));
  int h = out_t(c, U8, SH(6));
  op(c, TFLC_OP_HASHTABLE_LOOKUP, L(l, k, v), L(y, h), NOOPT);
}

static void lsh(cx *c, int type, int weighted) {
  int hash = cst_rand(c, F32, SH(3, 4), -2, 2);
  int x = in_t(c, I32, SH(5, 2), -1000, 1000);
  int w = weighted ? in_t(c, F32, SH(5), 0.1, 2) : -1;
  int y = out_t(c, I32, type == 1 ? (const int[]){3} : (const int[]){12}, 1);
  if (weighted)
    op(c, TFLC_OP_LSH_PROJECTION, L(hash, x, w), L(y),
       OPTS(TFLC_BO_LSH_PROJECTION, FI8(0, type)));
  else
    op(c, TFLC_OP_LSH_PROJECTION, L(hash, x), L(y),
       OPTS(TFLC_BO_LSH_PROJECTION, FI8(0, type)));
}
static void b_lsh_sparse(cx *c) { lsh(c, 1, 0); }
static void b_lsh_dense_weighted(cx *c) { lsh(c, 2, 1); }

/* a 4x6 CSR float constant densified, + ADD (the output is a constant made
 * at prepare in TensorFlow Lite) */
static void b_densify(cx *c) {
  static int32_t order[2] = {0, 1};
  static int32_t seg[5] = {0, 2, 2, 5, 6}, idx[6] = {1, 4, 0, 2, 5, 3};
  static tflc_dim_metadata_def dm[2];
  memset(dm, 0, sizeof dm);
  dm[0].format = 0;
  dm[0].dense_size = 4;
  dm[1].format = 1;
  dm[1].segments = seg;
  dm[1].n_segments = 5;
  dm[1].indices = idx;
  dm[1].n_indices = 6;
  dm[1].segments_type = 1;
  dm[1].indices_type = 1;
  tflc_sparsity_def sp = {order, 2, NULL, 0, dm, 2};
  float vals[6] = {1.5f, -2.0f, 3.25f, 0.5f, -1.0f, 4.0f};
  /* the stored values only, with the dense shape */
  int k = tm_const(c->m, F32, SH(4, 6), vals, sizeof vals, "sparse");
  tm_sparsity(c->m, k, &sp);
  int t = tmp_t(c, F32, SH(4, 6));
  op(c, TFLC_OP_DENSIFY, L(k), L(t), NOOPT);
  add_to_output(c, t, F32, SH(4, 6));
}

/* UNIQUE's unique-values output is dynamic in TensorFlow Lite: ADD */
static void b_unique(cx *c) {
  float v[9] = {2.5f, -1.0f, 2.5f, 0.0f, 7.0f, -1.0f, -1.0f, 3.0f, 0.0f};
  int x = in_vals(c, F32, SH(9), v);
  int u = tmp_t(c, F32, SH(5));
  int i = out_t(c, I32, SH(9));
  op(c, TFLC_OP_UNIQUE, L(x), L(u, i), OPTS(TFLC_BO_UNIQUE, FI8(0, I32)));
  add_to_output(c, u, F32, SH(5));
}
static void b_unique_i64_idx(cx *c) {
  int32_t v[8] = {5, 5, -2, 9, 5, -2, 0, 9};
  int x = in_vals(c, I32, SH(8), v);
  int u = tmp_t(c, I32, SH(4));
  int i = out_t(c, I64, SH(8));
  op(c, TFLC_OP_UNIQUE, L(x), L(u, i), OPTS(TFLC_BO_UNIQUE, FI8(0, I64)));
  add_to_output(c, u, I32, SH(4));
}

static void b_one_hot(cx *c) {
  int i = in_t(c, I32, SH(2, 3), -1, 4);
  int32_t dv = 4;
  float on = 2.5f, off = -0.5f;
  int d = cst(c, I32, SCALAR, &dv);
  int a = cst(c, F32, SCALAR, &on);
  int b = cst(c, F32, SCALAR, &off);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_ONE_HOT, L(i, d, a, b), L(y),
     OPTS(TFLC_BO_ONE_HOT, FI32(0, -1)));
}
static void b_one_hot_axis0_i64(cx *c) {
  int i = in_t(c, I64, SH(4), 0, 2);
  int32_t dv = 3, on = 7, off = 1;
  int d = cst(c, I32, SCALAR, &dv);
  int a = cst(c, I32, SCALAR, &on);
  int b = cst(c, I32, SCALAR, &off);
  int y = out_t(c, I32, SH(3, 4));
  op(c, TFLC_OP_ONE_HOT, L(i, d, a, b), L(y),
     OPTS(TFLC_BO_ONE_HOT, FI32(0, 0)));
}

static void b_sparse_to_dense(cx *c) {
  int32_t iv[6] = {0, 1, 1, 3, 2, 0};
  int i = in_vals(c, I32, SH(3, 2), iv);
  int32_t sv[2] = {3, 4};
  int s = cst(c, I32, SH(2), sv);
  int v = in_t(c, F32, SH(3), -3, 3);
  float dflt = 0.25f;
  int d = cst(c, F32, SCALAR, &dflt);
  int y = out_t(c, F32, SH(3, 4));
  op(c, TFLC_OP_SPARSE_TO_DENSE, L(i, s, v, d), L(y),
     OPTS(TFLC_BO_SPARSE_TO_DENSE, FBOOL(0, 1)));
}
static void b_sparse_to_dense_scalar(cx *c) {
  int32_t iv[3] = {4, 0, 2};
  int i = in_vals(c, I32, SH(3), iv);
  int32_t sv[1] = {6};
  int s = cst(c, I32, SH(1), sv);
  int32_t vv = 9, dv = -1;
  int v = cst(c, I32, SCALAR, &vv);
  int d = cst(c, I32, SCALAR, &dv);
  int y = out_t(c, I32, SH(6));
  op(c, TFLC_OP_SPARSE_TO_DENSE, L(i, s, v, d), L(y),
     OPTS(TFLC_BO_SPARSE_TO_DENSE, FBOOL(0, 0)));
}

static void b_reverse_sequence(cx *c) {
  int x = in_t(c, F32, SH(3, 5, 2), -2, 2);
  int32_t lv[3] = {1, 5, 3};
  int l = in_vals(c, I32, SH(3), lv);
  int y = out_t(c, F32, SH(3, 5, 2));
  op(c, TFLC_OP_REVERSE_SEQUENCE, L(x, l), L(y),
     OPTS(TFLC_BO_REVERSE_SEQUENCE, FI32(0, 1), FI32(1, 0)));
}
static void b_reverse_sequence_batch1(cx *c) {
  int x = in_t(c, I32, SH(4, 3, 2), -100, 100);
  int64_t lv[3] = {4, 0, 2};
  int l = in_vals(c, I64, SH(3), lv);
  int y = out_t(c, I32, SH(4, 3, 2));
  op(c, TFLC_OP_REVERSE_SEQUENCE, L(x, l), L(y),
     OPTS(TFLC_BO_REVERSE_SEQUENCE, FI32(0, 0), FI32(1, 1)));
}

static void b_matrix_diag(cx *c) {
  int d = in_t(c, F32, SH(2, 4), -2, 2);
  int y = out_t(c, F32, SH(2, 4, 4));
  op(c, TFLC_OP_MATRIX_DIAG, L(d), L(y), NOOPT);
}
static void b_matrix_set_diag(cx *c) {
  int x = in_t(c, F32, SH(2, 3, 4), -2, 2);
  int d = in_t(c, F32, SH(2, 3), 5, 6);
  int y = out_t(c, F32, SH(2, 3, 4));
  op(c, TFLC_OP_MATRIX_SET_DIAG, L(x, d), L(y), NOOPT);
}

static void b_segment_sum(cx *c) {
  int x = in_t(c, F32, SH(6, 3), -2, 2);
  /* (TensorFlow Lite refuses ids that skip a segment) */
  int32_t sv[6] = {0, 0, 1, 2, 2, 2};
  int s = cst(c, I32, SH(6), sv);
  int t = tmp_t(c, F32, SH(3, 3));
  op(c, TFLC_OP_SEGMENT_SUM, L(x, s), L(t), NOOPT);
  add_to_output(c, t, F32, SH(3, 3)); /* (litert-oracle: stale output) */
}
static void b_segment_sum_input_ids(cx *c) {
  int x = in_t(c, I32, SH(5, 2), -100, 100);
  int32_t sv[5] = {0, 1, 1, 2, 3};
  int s = in_vals(c, I32, SH(5), sv);
  int t = tmp_t(c, I32, SH(4, 2));
  op(c, TFLC_OP_SEGMENT_SUM, L(x, s), L(t), NOOPT);
  add_to_output(c, t, I32, SH(4, 2));
}

/* ids with an empty segment (1) and num_segments 4 as a constant */
static void unsorted_segment(cx *c, int32_t code, int8_t tt) {
  int x = tt == F32 ? in_t(c, F32, SH(6, 2), -2, 2)
                    : in_t(c, tt, SH(6, 2), -20, 20);
  int32_t sv[6] = {0, 2, 0, 3, 2, 0};
  int s = in_vals(c, I32, SH(6), sv);
  int32_t nv = 4;
  int n = cst(c, I32, SCALAR, &nv);
  int t = tmp_t(c, tt, SH(4, 2));
  op(c, code, L(x, s, n), L(t), NOOPT);
  add_to_output(c, t, tt, SH(4, 2));
}
static void b_unsorted_segment_sum(cx *c) {
  unsorted_segment(c, TFLC_OP_UNSORTED_SEGMENT_SUM, F32);
}
static void b_unsorted_segment_prod(cx *c) {
  unsorted_segment(c, TFLC_OP_UNSORTED_SEGMENT_PROD, F32);
}
static void b_unsorted_segment_max_i32(cx *c) {
  unsorted_segment(c, TFLC_OP_UNSORTED_SEGMENT_MAX, I32);
}
static void b_unsorted_segment_min(cx *c) {
  unsorted_segment(c, TFLC_OP_UNSORTED_SEGMENT_MIN, F32);
}

static void b_bucketize(cx *c) {
  static const float bnd[4] = {-1.0f, 0.0f, 0.5f, 2.0f};
  tflc_opt_field f;
  memset(&f, 0, sizeof f);
  f.id = 0;
  f.kind = TFLC_OPT_VEC_F32;
  f.vec = bnd;
  f.vec_len = 4;
  float v[10] = {-3.0f, -1.0f, -0.5f, 0.0f, 0.25f,
                 0.5f,  1.0f,  2.0f,  2.5f, 9.0f};
  int x = in_vals(c, F32, SH(2, 5), v);
  int y = out_t(c, I32, SH(2, 5));
  op(c, TFLC_OP_BUCKETIZE, L(x), L(y), TFLC_BO_BUCKETIZE, &f, 1);
}

/* seeded random numbers (TensorFlow's Philox stream), + ADD so that the
 * model has an input */
static void random_op(cx *c, int32_t code, int64_t seed, int64_t seed2) {
  int32_t sv[2] = {3, 5};
  int s = cst(c, I32, SH(2), sv);
  int t = tmp_t(c, F32, SH(3, 5));
  op(c, code, L(s), L(t),
     OPTS(TFLC_BO_RANDOM, tm_opt_int(0, TFLC_OPT_I64, seed),
          tm_opt_int(1, TFLC_OPT_I64, seed2)));
  add_to_output(c, t, F32, SH(3, 5));
}
static void b_random_uniform(cx *c) {
  random_op(c, TFLC_OP_RANDOM_UNIFORM, 87654321, 42);
}
static void b_random_standard_normal(cx *c) {
  random_op(c, TFLC_OP_RANDOM_STANDARD_NORMAL, 123, 456);
}
static void b_multinomial(cx *c) {
  int l = in_t(c, F32, SH(2, 5), -2, 2);
  int32_t nv = 6;
  int n = cst(c, I32, SCALAR, &nv);
  int t = tmp_t(c, I64, SH(2, 6));
  op(c, TFLC_OP_MULTINOMIAL, L(l, n), L(t),
     OPTS(TFLC_BO_RANDOM, tm_opt_int(0, TFLC_OPT_I64, 1234),
          tm_opt_int(1, TFLC_OPT_I64, 7)));
  add_to_output(c, t, I64, SH(2, 6));
}

static void b_bitwise_xor_i32(cx *c) {
  binary(c, TFLC_OP_BITWISE_XOR, I32, I32, -1e9, 1e9, -1e9, 1e9, 0, 0);
}
static void b_bitwise_xor_u8(cx *c) {
  binary(c, TFLC_OP_BITWISE_XOR, U8, U8, 0, 255, 0, 255, 0, 0);
}
static void b_right_shift_i32(cx *c) {
  binary(c, TFLC_OP_RIGHT_SHIFT, I32, I32, -1e9, 1e9, 0, 31, 0, 0);
}
static void b_right_shift_i8(cx *c) {
  binary(c, TFLC_OP_RIGHT_SHIFT, I8, I8, -128, 127, 0, 7, 0, 0);
}

static void b_dilate(cx *c) {
  int x = in_t(c, F32, SH(3, 4), -2, 2);
  int32_t dv[2] = {2, 3};
  int d = cst(c, I32, SH(2), dv);
  int p = in_t(c, F32, SCALAR, -5, 5);
  int y = out_t(c, F32, SH(5, 10));
  op2(c, TFLC_OP_DILATE, L(x, d, p), L(y), 0, NULL, 0);
}
static void b_dilate_i8_3d(cx *c) {
  int x = in_t(c, I8, SH(2, 3, 2), -128, 127);
  int32_t dv[3] = {3, 1, 2}; /* (TensorFlow Lite: int32 dilations only) */
  int d = cst(c, I32, SH(3), dv);
  int8_t pv = 7;
  int p = cst(c, I8, SCALAR, &pv);
  int y = out_t(c, I8, SH(4, 3, 3));
  op2(c, TFLC_OP_DILATE, L(x, d, p), L(y), 0, NULL, 0);
}

/* REDUCE_WINDOW (the TFLite form): x, init, window, strides, dilations */
static void reduce_window(cx *c, int8_t tt, int fn, double init_v,
                          const int64_t *dil, const int *ys) {
  int x =
      tt == F32 ? in_t(c, F32, SH(5, 7), -2, 2) : in_t(c, tt, SH(5, 7), -3, 3);
  float fi = (float)init_v;
  int32_t ii = (int32_t)init_v;
  int v = cst(c, tt, SCALAR, tt == F32 ? (const void *)&fi : (const void *)&ii);
  int64_t wv[2] = {2, 3}, sv[2] = {1, 2};
  int w = cst(c, I64, SH(2), wv);
  int s = cst(c, I64, SH(2), sv);
  int d = cst(c, I64, SH(2), dil);
  int y = out_t(c, tt, ys, 2);
  op2(c, TFLC_OP_REDUCE_WINDOW, L(x, v, w, s, d), L(y), TFLC_BO2_REDUCE_WINDOW,
      (const tflc_opt_field[]){tm_opt_int(0, TFLC_OPT_I32, fn)}, 1);
}
static void b_reduce_window_add(cx *c) {
  reduce_window(c, F32, 1, 0.5, (const int64_t[]){1, 1}, (const int[]){4, 3});
}
static void b_reduce_window_max_dil(cx *c) {
  reduce_window(c, F32, 4, -1e30, (const int64_t[]){2, 1}, (const int[]){3, 3});
}
static void b_reduce_window_mul_i32(cx *c) {
  reduce_window(c, I32, 2, 1, (const int64_t[]){1, 2}, (const int[]){4, 2});
}

static void fake_quant(cx *c, float mn, float mx, int bits, int narrow) {
  int x = in_t(c, F32, SH(3, 7), -3, 3);
  int y = out_t(c, F32, SH(3, 7));
  op(c, TFLC_OP_FAKE_QUANT, L(x), L(y),
     OPTS(TFLC_BO_FAKE_QUANT, FF32(0, mn), FF32(1, mx), FI32(2, bits),
          FBOOL(3, narrow)));
}
static void b_fake_quant(cx *c) { fake_quant(c, -1.0f, 1.5f, 8, 0); }
/* (TensorFlow Lite refuses narrow_range at run time) */
static void b_fake_quant_4bit(cx *c) { fake_quant(c, -2.0f, 0.7f, 4, 0); }

/* RFFT2D of a float input, its complex64 output read through COMPLEX_ABS,
 * REAL and IMAG (litert-oracle keeps complex tensors inside the graph) */
static void rfft(cx *c, const int *xs, int xr, int fh, int fw, int abs_only) {
  int x = in_t(c, F32, xs, xr, -2, 2);
  int32_t fl[2] = {fh, fw};
  int l = cst(c, I32, SH(2), fl);
  int os[4];
  for (int i = 0; i < xr - 2; i++) os[i] = xs[i];
  os[xr - 2] = fh;
  os[xr - 1] = fw / 2 + 1;
  int z = tmp_t(c, TFLC_TT_COMPLEX64, os, xr);
  op(c, TFLC_OP_RFFT2D, L(x, l), L(z), NOOPT);
  int a = out_t(c, F32, os, xr);
  op(c, TFLC_OP_COMPLEX_ABS, L(z), L(a), NOOPT);
  if (abs_only) return;
  int r = out_t(c, F32, os, xr);
  op(c, TFLC_OP_REAL, L(z), L(r), NOOPT);
  int im = out_t(c, F32, os, xr);
  op(c, TFLC_OP_IMAG, L(z), L(im), NOOPT);
}
static void b_rfft2d(cx *c) { rfft(c, SH(2, 4, 8), 4, 8, 0); }
static void b_rfft2d_crop_pad(cx *c) { rfft(c, SH(3, 5), 4, 8, 1); }

/* six boxes, some overlapping; max_output_size 4 (constant) */
static const float kNmsBoxes[24] = {0.0f, 0.0f,  1.0f, 1.0f,   0.0f, 0.1f,
                                    1.0f, 1.1f,  0.0f, -0.1f,  1.0f, 0.9f,
                                    0.0f, 10.0f, 1.0f, 11.0f,  0.0f, 10.1f,
                                    1.0f, 11.1f, 0.0f, 100.0f, 1.0f, 101.0f};
static const float kNmsScores[6] = {0.9f, 0.75f, 0.6f, 0.95f, 0.5f, 0.3f};

static void b_nms_v4(cx *c) {
  int b = in_vals(c, F32, SH(6, 4), kNmsBoxes);
  int s = in_vals(c, F32, SH(6), kNmsScores);
  int32_t mv = 4;
  float iou = 0.5f, thr = 0.4f;
  int m = cst(c, I32, SCALAR, &mv);
  int i = cst(c, F32, SCALAR, &iou);
  int t = cst(c, F32, SCALAR, &thr);
  int sel = out_t(c, I32, SH(4));
  int nv = out_t(c, I32, SCALAR);
  op(c, TFLC_OP_NON_MAX_SUPPRESSION_V4, L(b, s, m, i, t), L(sel, nv), NOOPT);
}
static void b_nms_v5_soft(cx *c) {
  int b = in_vals(c, F32, SH(6, 4), kNmsBoxes);
  int s = in_vals(c, F32, SH(6), kNmsScores);
  int32_t mv = 5;
  float iou = 0.5f, thr = 0.2f, sigma = 0.5f;
  int m = cst(c, I32, SCALAR, &mv);
  int i = cst(c, F32, SCALAR, &iou);
  int t = cst(c, F32, SCALAR, &thr);
  int g = cst(c, F32, SCALAR, &sigma);
  int sel = out_t(c, I32, SH(5));
  int sc = out_t(c, F32, SH(5));
  int nv = out_t(c, I32, SCALAR);
  op(c, TFLC_OP_NON_MAX_SUPPRESSION_V5, L(b, s, m, i, t, g), L(sel, sc, nv),
     NOOPT);
}

/* TensorFlow Lite STRING buffer of n strings into buf; returns its size */
static size_t str_buffer(uint8_t *buf, const char *const *s, int n) {
  size_t off = 4 + 4 * (size_t)(n + 1);
  int32_t v = n;
  memcpy(buf, &v, 4);
  for (int i = 0; i <= n; i++) {
    v = (int32_t)off;
    memcpy(buf + 4 + 4 * (size_t)i, &v, 4);
    if (i < n) {
      memcpy(buf + off, s[i], strlen(s[i]));
      off += strlen(s[i]);
    }
  }
  return off;
}

/* HASHTABLE (STRING -> INT64) imported from constants, FIND with constant
 * STRING keys and HASHTABLE_SIZE; both results pass through ADD */
static void b_hashtable_find_size(cx *c) {
  static const char *const keys[4] = {"apple", "pear", "", "fig"};
  static const char *const query[5] = {"fig", "kiwi", "apple", "", "pea"};
  int64_t vals[4] = {10, -20, 30, 40}, dflt = -1;
  uint8_t kb[128], qb[128];
  int one[1] = {1};
  int h = tm_tensor(c->m, TFLC_TT_RESOURCE, one, 1, "table");
  op(c, TFLC_OP_HASHTABLE, NULL, 0, L(h),
     OPTS(TFLC_BO_HASHTABLE, FI32(0, 3), FI8(1, TFLC_TT_STRING),
          FI8(2, TFLC_TT_INT64)));
  int k = tm_const(c->m, TFLC_TT_STRING, SH(4), kb, str_buffer(kb, keys, 4),
                   "keys");
  int v = cst(c, I64, SH(4), vals);
  op(c, TFLC_OP_HASHTABLE_IMPORT, L(h, k, v), NULL, 0, NOOPT);
  int q = tm_const(c->m, TFLC_TT_STRING, SH(5), qb, str_buffer(qb, query, 5),
                   "query");
  int d = cst(c, I64, SCALAR, &dflt);
  int f = tmp_t(c, I64, SH(5));
  op(c, TFLC_OP_HASHTABLE_FIND, L(h, q, d), L(f), NOOPT);
  int sz = tmp_t(c, I64, SH(1));
  op(c, TFLC_OP_HASHTABLE_SIZE, L(h), L(sz), NOOPT);
  add_to_output(c, f, I64, SH(5));
  add_to_output(c, sz, I64, SH(1));
}

/* FlexBuffers map of int/float/bool values (width 4), keys sorted */
typedef struct fbx_kv {
  const char *key;
  int kind; /* 0 int, 1 float, 2 bool */
  double v;
} fbx_kv;

static int fbx_cmp(const void *a, const void *b) {
  return strcmp(((const fbx_kv *)a)->key, ((const fbx_kv *)b)->key);
}

static void fbx_put32(uint8_t *b, size_t *n, uint32_t v) {
  for (int i = 0; i < 4; i++) b[(*n)++] = (uint8_t)(v >> (8 * i));
}

static size_t fbx_map(const fbx_kv *in, int count, uint8_t *b) {
  fbx_kv kv[16];
  memcpy(kv, in, (size_t)count * sizeof *kv);
  qsort(kv, (size_t)count, sizeof *kv, fbx_cmp);
  size_t n = 0, at[16];
  for (int i = 0; i < count; i++) {
    at[i] = n;
    size_t len = strlen(kv[i].key) + 1;
    memcpy(b + n, kv[i].key, len);
    n += len;
  }
  while (n % 4) b[n++] = 0;
  fbx_put32(b, &n, (uint32_t)count); /* keys vector: size, then offsets */
  size_t keys = n;
  for (int i = 0; i < count; i++) fbx_put32(b, &n, (uint32_t)(n - at[i]));
  fbx_put32(b, &n, (uint32_t)(n - keys)); /* map prefix: keys offset, */
  fbx_put32(b, &n, 4);                    /* their byte width, */
  fbx_put32(b, &n, (uint32_t)count);      /* the map's size */
  size_t map = n;
  for (int i = 0; i < count; i++) {
    uint32_t u;
    if (kv[i].kind == 1) {
      float f = (float)kv[i].v;
      memcpy(&u, &f, 4);
    } else {
      u = (uint32_t)(int32_t)kv[i].v;
    }
    fbx_put32(b, &n, u);
  }
  for (int i = 0; i < count; i++) /* packed types: INT 1, FLOAT 3, BOOL 26 */
    b[n++] = (uint8_t)(((kv[i].kind == 0   ? 1
                         : kv[i].kind == 1 ? 3
                                           : 26)
                        << 2) |
                       2);
  b[n] = (uint8_t)(n - map); /* root: offset, type MAP width 4, width 1 */
  n++;
  b[n++] = (uint8_t)((9 << 2) | 2);
  b[n++] = 1;
  return n;
}

/* TFLite_Detection_PostProcess over 8 anchors, 3 classes (+ background) */
static void detection(cx *c, int quant, int regular) {
  fbx_kv o[11] = {{"max_detections", 0, 4},
                  {"max_classes_per_detection", 0, 1},
                  {"nms_score_threshold", 1, 0.2},
                  {"nms_iou_threshold", 1, 0.5},
                  {"num_classes", 0, 3},
                  {"y_scale", 1, 10},
                  {"x_scale", 1, 10},
                  {"h_scale", 1, 5},
                  {"w_scale", 1, 5},
                  {"detections_per_class", 0, 3},
                  {"use_regular_nms", 2, regular}};
  uint8_t opts[512];
  size_t n_opts = fbx_map(o, 11, opts);
  int e = quant ? qin(c, U8, SH(1, 8, 4), 0.02f, 128)
                : in_t(c, F32, SH(1, 8, 4), -2, 2);
  int s = quant ? qin(c, U8, SH(1, 8, 4), 1.0f / 256, 0)
                : in_t(c, F32, SH(1, 8, 4), 0, 1);
  int a;
  if (quant) {
    a = cst_rand(c, U8, SH(8, 4), 25, 225);
    qset(c, a, 0.004f, 0);
  } else {
    a = cst_rand(c, F32, SH(8, 4), 0.1, 0.9);
  }
  int b = out_t(c, F32, SH(1, 4, 4));
  int k = out_t(c, F32, SH(1, 4));
  int sc = out_t(c, F32, SH(1, 4));
  int nd = out_t(c, F32, SH(1));
  cx_note_op(c, TFLC_OP_CUSTOM, "TFLite_Detection_PostProcess");
  int id = tm_op(c->m, TFLC_OP_CUSTOM, "TFLite_Detection_PostProcess",
                 L(e, s, a), L(b, k, sc, nd), NOOPT);
  tm_op_custom_options(c->m, id, opts, n_opts);
}
static void b_detection_postprocess(cx *c) { detection(c, 0, 0); }
static void b_detection_postprocess_regular(cx *c) { detection(c, 0, 1); }
static void b_detection_postprocess_u8(cx *c) { detection(c, 1, 0); }

/* ---- the table
 * ---------------------------------------------------------------------- */

typedef struct oc_case {
  const char *name;
  void (*build)(cx *c);
  const char *covers;
  double atol, rtol; /* 0: the test's default (1e-5) */
} oc_case;

/* Cases whose integer outputs may differ from the oracle's by tol: each a
 * known kernel difference with its reason (recorded in INDEX.tsv), never a
 * silent widening. The last entry is a terminator. */
static const struct {
  const char *name;
  int tol;
  const char *reason;
} kIntTolerance[] = {
    {"sum_q_i16", 1,
     "TensorFlow Lite's optimized SUM kernel (optimized_ops::"
     "QuantizedMeanOrSum) rescales in float, round(sum * (s_in / s_out)) "
     "half away from zero; its reference kernel, which tflc follows, uses "
     "the fixed-point multiplier with double rounding (2 of 6 values)"},
    {"logistic_q_i16_pot", 6,
     "input scale 2^-12 makes TensorFlow Lite's input multiplier 0, so its "
     "optimized LOGISTIC kernel runs gemmlowp's fixed-point logistic on "
     "Q3.12 (the oracle equals it on all 24 values); its reference kernel, "
     "which tflc follows, interpolates the 256-entry sigmoid table"},
    {NULL, 0, NULL},
};

/* Registered ops that cannot be compared with litert-oracle at all: listed
 * in INDEX.tsv with the reason and no fixture. */
typedef struct oc_not_comparable {
  const char *name;
  int32_t op;
  const char *covers;
  const char *reason;
} oc_not_comparable;

static const oc_not_comparable kNotComparable[] = {
    {"skip_gram", TFLC_OP_SKIP_GRAM, "STRING n-grams",
     "not comparable: STRING input and output, and litert-oracle has no "
     "STRING tensors"},
};

#define N_NOT_COMPARABLE \
  ((int)(sizeof kNotComparable / sizeof kNotComparable[0]))

static const oc_case kCases[] = {
    {"abs", b_abs, "float32 [2,3,4]", 0, 0},
    {"abs_i32", b_abs_i32, "int32", 0, 0},
    {"neg", b_neg, "float32", 0, 0},
    {"neg_i32", b_neg_i32, "int32", 0, 0},
    {"neg_i64", b_neg_i64, "int64", 0, 0},
    {"exp", b_exp, "float32 in [-4,4]", 0, 0},
    {"sqrt", b_sqrt, "float32 in [0.01,9]", 0, 0},
    {"rsqrt", b_rsqrt, "float32 in [0.05,9]", 0, 0},
    {"tanh", b_tanh, "float32 in [-4,4]", 0, 0},
    {"logistic", b_logistic, "float32 in [-8,8]", 0, 0},
    {"hard_swish", b_hard_swish, "float32 in [-5,5]", 0, 0},
    {"relu", b_relu, "float32", 0, 0},
    {"relu6", b_relu6, "float32 in [-3,9]", 0, 0},
    {"relu_n1_to_1", b_relu_n1, "float32 in [-2,2]", 0, 0},
    {"leaky_relu", b_leaky_relu, "alpha 0.2", 0, 0},
    {"add_bcast_relu6", b_add, "4-D broadcast [2,1,3,4]+[3,1], RELU6", 0, 0},
    {"add_i32", b_add_i32, "int32 broadcast", 0, 0},
    {"add_i64", b_add_i64, "int64 broadcast", 0, 0},
    {"sub_bcast_relu_n1", b_sub, "broadcast, RELU_N1_TO_1", 0, 0},
    {"sub_i32", b_sub_i32, "int32 broadcast", 0, 0},
    {"sub_i64", b_sub_i64, "int64 broadcast", 0, 0},
    {"mul_bcast_relu", b_mul, "broadcast, RELU", 0, 0},
    {"mul_i32", b_mul_i32, "int32 broadcast", 0, 0},
    {"mul_i64", b_mul_i64, "int64 broadcast", 0, 0},
    {"div_bcast", b_div, "broadcast, divisor in [0.5,2]", 0, 0},
    {"div_relu6", b_div_relu6, "broadcast, RELU6", 0, 0},
    {"div_i32", b_div_i32, "int32, negative dividends", 0, 0},
    {"squared_difference", b_sqdiff, "float32 broadcast", 0, 0},
    {"squared_difference_i32", b_sqdiff_i32, "int32 broadcast", 0, 0},
    {"maximum", b_maximum, "float32 broadcast", 0, 0},
    {"maximum_i8", b_maximum_i8, "int8 broadcast", 0, 0},
    {"minimum", b_minimum, "float32 broadcast", 0, 0},
    {"minimum_i32", b_minimum_i32, "int32 broadcast", 0, 0},
    {"minimum_i64", b_minimum_i64, "int64 broadcast", 0, 0},
    {"less", b_less, "float32 broadcast -> bool", 0, 0},
    {"greater", b_greater, "float32 broadcast -> bool", 0, 0},
    {"greater_i32", b_greater_i32, "int32 with ties", 0, 0},
    {"less_equal", b_less_equal, "float32 broadcast", 0, 0},
    {"less_equal_i64", b_less_equal_i64, "int64 with ties", 0, 0},
    {"greater_equal", b_greater_equal, "float32 broadcast", 0, 0},
    {"greater_equal_i32", b_greater_equal_i32, "int32 with ties", 0, 0},
    {"equal", b_equal, "float32 [2,6] vs [6]", 0, 0},
    {"equal_i32", b_equal_i32, "int32 with ties", 0, 0},
    {"equal_bool", b_equal_bool, "bool", 0, 0},
    {"not_equal_i64", b_not_equal_i64, "int64 with ties", 0, 0},
    {"not_equal_bool", b_not_equal_bool, "bool", 0, 0},
    {"conv_same_s2_relu6", b_conv_same_s2_relu6,
     "SAME, stride 2, RELU6, bias, 3x3", 0, 0},
    {"conv_valid_dil2", b_conv_valid_dil2, "VALID, dilation 2, bias", 0, 0},
    {"conv_1x1_batch2_relu", b_conv_1x1_batch2_relu,
     "1x1 kernel, batch 2, RELU", 0, 0},
    {"conv_same_asym_stride", b_conv_same_asym_stride,
     "SAME, stride h2 w1, 2x3 kernel", 0, 0},
    {"dwconv_m2_dil2", b_dwconv_m2_dil2, "SAME, depth_multiplier 2, dilation 2",
     0, 0},
    {"dwconv_valid_s2_relu", b_dwconv_valid_s2_relu, "VALID, stride 2, RELU", 0,
     0},
    {"dwconv_same_s2_m3_relu6", b_dwconv_same_s2_m3_relu6,
     "SAME, stride 2, multiplier 3, batch 2, RELU6", 0, 0},
    {"transpose_conv_same_s2_bias", b_tconv_same_s2_bias,
     "SAME, stride 2, bias", 0, 0},
    {"transpose_conv_valid_s2", b_tconv_valid_s2, "VALID, stride 2, no bias", 0,
     0},
    {"transpose_conv_same_s1_relu", b_tconv_same_s1_relu,
     "SAME, stride 1, 2x3 kernel, bias, fused RELU", 0, 0},
    {"conv2d_transpose_bias_custom", b_tconv_bias_custom,
     "custom op Convolution2DTransposeBias (MediaPipe), SAME stride 2", 0, 0},
    {"fc_keep_num_dims", b_fc_keep_dims, "keep_num_dims, rank-3 input", 0, 0},
    {"fc_relu", b_fc_relu, "bias, RELU", 0, 0},
    {"fc_flatten_nobias", b_fc_flatten_nobias,
     "rank-3 input flattened, omitted bias", 0, 0},
    {"fc_runtime_weights", b_fc_runtime_weights,
     "weights and bias as inputs, RELU6", 0, 0},
    {"batch_matmul_adj_bcast", b_bmm_adj_bcast,
     "adj_x, adj_y, batch broadcast [2,1]x[3]", 0, 0},
    {"batch_matmul_plain", b_bmm_plain, "[2,3,4]x[2,4,5]", 0, 0},
    {"batch_matmul_const_rhs_adj_y", b_bmm_const_rhs_adj_y,
     "constant rank-2 rhs, adj_y", 0, 0},
    {"avgpool_same_3x3_s2", b_avgpool_same_3x3_s2, "SAME 3x3 stride 2", 0, 0},
    {"avgpool_valid_2x3_relu6", b_avgpool_valid_2x3_relu6,
     "VALID 3x2 filter, stride w2 h1, RELU6, batch 2", 0, 0},
    {"maxpool_valid_2x2_relu", b_maxpool_valid_2x2_relu,
     "VALID 2x2 stride 2, RELU", 0, 0},
    {"maxpool_same_3x3_s2", b_maxpool_same_3x3_s2, "SAME 3x3 stride 2", 0, 0},
    {"concat_last_axis", b_concat_last, "three inputs, axis -1", 0, 0},
    {"concat_axis1_4d", b_concat_axis1_4d, "4-D, axis 1", 0, 0},
    {"concat_i32_const", b_concat_i32_const, "int32, constant operand, axis 0",
     0, 0},
    {"reshape_shape_input", b_reshape_shape_input, "shape tensor with -1", 0,
     0},
    {"reshape_options", b_reshape_options, "new_shape from options only", 0, 0},
    {"reshape_i64", b_reshape_i64, "int64 data", 0, 0},
    {"pad", b_pad, "4-D asymmetric paddings", 0, 0},
    {"pad_i32", b_pad_i32, "int32 data", 0, 0},
    {"padv2", b_padv2, "constant value -1.5", 0, 0},
    {"gather_axis1", b_gather_axis1, "axis 1, 2-D indices", 0, 0},
    {"gather_i64_indices", b_gather_i64_idx, "int32 params, int64 indices", 0,
     0},
    {"gather_batch_dims", b_gather_batch_dims, "axis 1, batch_dims 1", 0, 0},
    {"gather_neg_axis", b_gather_neg_axis_const_params,
     "axis -1, constant params", 0, 0},
    {"softmax_beta", b_softmax_beta, "beta 0.5, rank 2", 0, 0},
    {"softmax_4d", b_softmax_4d, "rank 4", 0, 0},
    {"softmax_i8", b_softmax_i8, "int8 in (0.05,3) out (1/256,-128)", 0, 0},
    {"resize_bilinear_half_pixel", b_bilinear_half_pixel,
     "half_pixel_centers, 3x4 -> 5x7", 0, 0},
    {"resize_bilinear_align_corners", b_bilinear_align_corners,
     "align_corners, 3x4 -> 6x7", 0, 0},
    {"resize_bilinear_plain", b_bilinear_plain, "3x4 -> 6x8", 0, 0},
    {"resize_nearest_half_pixel", b_nearest_half_pixel,
     "half_pixel_centers, 3x4 -> 7x5", 0, 0},
    {"resize_nearest_align_corners", b_nearest_align_corners,
     "align_corners, 3x4 -> 5x7", 0, 0},
    {"resize_nearest_i8", b_nearest_i8, "int8, 3x4 -> 6x8", 0, 0},
    {"mean_keep_2axes", b_mean_keep_2axes, "keep_dims, axes [1,2]", 0, 0},
    {"mean_last_axis", b_mean_last_axis, "axis -1", 0, 0},
    {"sum_axes_0_2", b_sum_axes_0_2, "axes [0,2]", 0, 0},
    {"sum_keep_neg_axis", b_sum_keep_neg_axis, "keep_dims, axis -2", 0, 0},
    {"reduce_max_keep", b_reduce_max_keep, "keep_dims, axis 1", 0, 0},
    {"reduce_min_2axes", b_reduce_min_2axes, "axes [0,1]", 0, 0},
    {"reduce_prod", b_reduce_prod, "axis 1, values in [0.5,1.5]", 0, 0},
    {"cast_f32_i32", b_cast_f32_i32, "float32 -> int32 (truncation)", 0, 0},
    {"cast_i32_f32", b_cast_i32_f32, "int32 -> float32", 0, 0},
    {"cast_i64_i32", b_cast_i64_i32, "int64 -> int32", 0, 0},
    {"cast_bool_f32", b_cast_bool_f32, "bool -> float32", 0, 0},
    {"cast_f32_bool", b_cast_f32_bool, "float32 -> bool, zeros and -0", 0, 0},
    {"cast_i8_f32", b_cast_i8_f32, "int8 -> float32", 0, 0},
    {"cast_u8_i32", b_cast_u8_i32, "uint8 -> int32", 0, 0},
    {"dequantize_i8", b_dequant_i8, "int8 scale 0.05 zp -3", 0, 0},
    {"dequantize_u8", b_dequant_u8, "uint8 scale 0.1 zp 128", 0, 0},
    {"dequantize_i16", b_dequant_i16, "int16 scale 0.001", 0, 0},
    {"log", b_log, "float32 in [0.01,9]", 0, 0},
    {"sin", b_sin, "float32 in [-4,4]", 0, 0},
    {"cos", b_cos, "float32 in [-4,4]", 0, 0},
    {"square", b_square, "float32", 0, 0},
    {"ceil", b_ceil, "float32", 0, 0},
    {"floor", b_floor, "float32", 0, 0},
    {"round", b_round, "halves to even", 0, 0},
    {"sign", b_sign, "float32 with +-0 and tiny values", 0, 0},
    {"sign_i32", b_sign_i32, "int32 with zeros", 0, 0},
    {"elu", b_elu, "float32 in [-4,4]", 0, 0},
    {"relu_0_to_1", b_relu_0_to_1, "float32 in [-1,2]", 0, 0},
    {"gelu", b_gelu, "approximate false (erf)", 0, 0},
    {"gelu_approx", b_gelu_approx, "approximate true (tanh)", 0, 0},
    {"log_softmax", b_log_softmax, "rank 2", 0, 0},
    {"zeros_like", b_zeros_like, "float32", 0, 0},
    {"zeros_like_i64", b_zeros_like_i64, "int64", 0, 0},
    {"logical_and", b_logical_and, "bool broadcast", 0, 0},
    {"logical_or", b_logical_or, "bool broadcast", 0, 0},
    {"logical_not", b_logical_not, "bool", 0, 0},
    {"pow", b_pow, "float32 broadcast, negative exponents", 0, 0},
    {"pow_i32", b_pow_i32, "int32, negative bases", 0, 0},
    {"atan2", b_atan2, "float32, all quadrants", 0, 0},
    {"floor_div", b_floor_div, "float32, negative divisors", 0, 0},
    {"floor_div_i32", b_floor_div_i32, "int32, negative operands", 0, 0},
    {"floor_mod", b_floor_mod, "float32, negative divisors", 0, 0},
    {"floor_mod_i32", b_floor_mod_i32, "int32, negative operands", 0, 0},
    {"prelu", b_prelu, "alpha [1,1,2] broadcast over NHWC", 0, 0},
    {"add_n", b_add_n, "three inputs", 0, 0},
    {"select", b_select, "same shapes", 0, 0},
    {"select_v2_bcast", b_select_v2_bcast, "cond [2,1], x [2,3], y [3]", 0, 0},
    {"quantize_i8", b_quantize_i8, "float -> int8 (0.05,-3), saturating", 0, 0},
    {"quantize_u8", b_quantize_u8, "float -> uint8 (0.02,120), saturating", 0,
     0},
    {"bitcast_f32_i32", b_bitcast, "float32 bits as int32", 0, 0},
    {"l2_normalization", b_l2_norm, "last axis, rank 3", 0, 0},
    {"local_response_norm", b_lrn, "radius 2, bias 1, alpha 0.5, beta 0.75", 0,
     0},
    {"l2pool_same_2x2_s2", b_l2pool_same_2x2_s2, "SAME 2x2 stride 2", 0, 0},
    {"l2pool_valid_3x3_s1", b_l2pool_valid_3x3_s1, "VALID 3x3 stride 1", 0, 0},
    {"conv3d_same_relu", b_conv3d_same_relu,
     "SAME, strides d1 h2 w2, bias, RELU", 0, 0},
    {"conv3d_valid_dil2", b_conv3d_valid_dil2,
     "VALID, dilation h2 w2, no bias input", 0, 0},
    {"conv3d_transpose_same_s2", b_conv3d_transpose, "SAME, stride 2, bias", 0,
     0},
    {"arg_max", b_arg_max, "float32, axis 1, int32 output", 0, 0},
    {"arg_min_i64", b_arg_min_i64, "int32 input, scalar axis, int64 output", 0,
     0},
    {"cumsum", b_cumsum, "axis 1", 0, 0},
    {"cumsum_exclusive_reverse", b_cumsum_excl_rev,
     "exclusive, reverse, axis -1", 0, 0},
    {"topk_v2", b_topk, "k 3, values and indices", 0, 0},
    {"reduce_any", b_reduce_any, "bool, axis 2", 0, 0},
    {"reduce_all_keep", b_reduce_all, "bool, axis 2, keep_dims", 0, 0},
    {"pack_axis1", b_pack_axis1, "three inputs, axis 1", 0, 0},
    {"pack_i32_axis0", b_pack_i32_axis0, "int32, axis 0", 0, 0},
    {"unpack_axis1", b_unpack_axis1, "two outputs, axis 1", 0, 0},
    {"split", b_split, "3 splits on axis 1", 0, 0},
    {"split_v", b_split_v, "sizes [1,-1,2] on axis 0", 0, 0},
    {"squeeze_dims", b_squeeze, "squeeze_dims [0,2]", 0, 0},
    {"squeeze_all", b_squeeze_all, "no squeeze_dims", 0, 0},
    {"expand_dims", b_expand_dims, "axis -1", 0, 0},
    {"transpose_4d", b_transpose, "perm [0,2,3,1]", 0, 0},
    {"transpose_i32_3d", b_transpose_i32_3d, "int32, perm [2,0,1]", 0, 0},
    {"slice", b_slice, "size -1 (to end)", 0, 0},
    {"strided_slice_masks", b_strided_slice_masks,
     "begin_mask, end_mask, shrink_axis_mask, negative stride", 0, 0},
    {"strided_slice_neg_new_axis", b_strided_slice_neg,
     "negative begin/end, stride 3, new_axis_mask", 0, 0},
    {"tile", b_tile, "multiples [2,3]", 0, 0},
    {"reverse_v2", b_reverse_v2, "axis 1", 0, 0},
    {"reverse_v2_2axes", b_reverse_v2_2axes, "int32, axes [1,2]", 0, 0},
    {"mirror_pad_reflect", b_mirror_pad_reflect, "REFLECT", 0, 0},
    {"mirror_pad_symmetric", b_mirror_pad_symmetric, "SYMMETRIC", 0, 0},
    {"space_to_depth", b_space_to_depth, "block 2", 0, 0},
    {"depth_to_space", b_depth_to_space, "block 2", 0, 0},
    {"space_to_batch_nd", b_space_to_batch, "block [2,2], paddings", 0, 0},
    {"batch_to_space_nd", b_batch_to_space, "block [2,2], crops", 0, 0},
    {"broadcast_to", b_broadcast_to, "[3,1] -> [2,3,4]", 0, 0},
    {"broadcast_args", b_broadcast_args, "int32 shapes [2,1,4] and [3,1]", 0,
     0},
    {"shape", b_shape, "int32 output + ADD", 0, 0},
    {"shape_i64", b_shape_i64, "int64 output + ADD", 0, 0},
    {"rank", b_rank, "rank-3 input + ADD", 0, 0},
    {"fill", b_fill, "dims constant, value input", 0, 0},
    {"range", b_range, "float32 1:4:0.5 (constant inputs) + ADD", 0, 0},
    {"range_i32", b_range_i32, "int32 10:-2:-3 (constant inputs) + ADD", 0, 0},
    {"where", b_where, "constant bool [2,3] -> int64 coordinates + ADD", 0, 0},
    {"gather_nd", b_gather_nd, "index depth 2 of rank 3", 0, 0},
    {"scatter_nd", b_scatter_nd, "duplicate indices add", 0, 0},
    {"dynamic_update_slice", b_dus, "start [1,2]", 0, 0},
    {"dynamic_update_slice_clamped", b_dus_clamped,
     "start [3,-1] clamped into range", 0, 0},
    {"lstm", b_lstm, "no peephole, no projection, TANH, zero states", 0, 0},
    {"lstm_peephole_proj", b_lstm_peephole_proj,
     "peephole, projection, cell_clip 0.8, proj_clip 0.3", 0, 0},
    {"unidirectional_lstm", b_uni_lstm,
     "batch-major, 3 steps, peephole, cell_clip 0.5", 0, 0},
    {"bidirectional_lstm", b_bidi_lstm,
     "time-major, 3 steps, separate fw/bw outputs", 0, 0},
    {"rnn", b_rnn, "one step, RELU, zero hidden state", 0, 0},
    {"unidirectional_rnn", b_uni_rnn, "batch-major, 3 steps, TANH", 0, 0},
    {"bidirectional_rnn", b_bidi_rnn,
     "time-major, 3 steps, fw 4 / bw 3 units, separate outputs", 0, 0},
    {"svdf", b_svdf, "rank 2, 4 filters, memory 3, RELU", 0, 0},
    {"stablehlo_composite", b_composite, "decomposition subgraph (a + b) * b",
     0, 0},
    {"if_then", b_if_then, "cond true: then-branch ADD subgraph", 0, 0},
    {"if_else", b_if_else, "cond false: else-branch MUL subgraph", 0, 0},
    {"while_loop", b_while,
     "int32 counter to 5 and float state, cond/body subgraphs", 0, 0},
    {"var_call_once", b_var_call_once,
     "CALL_ONCE init subgraph assigns a constant, READ_VARIABLE + ADD", 0, 0},
    {"var_assign_read", b_var_assign_read,
     "ASSIGN_VARIABLE from input, READ_VARIABLE, RELU", 0, 0},
    {"stablehlo_add", b_shlo_add, "float32 [2,3,4]", 0, 0},
    {"stablehlo_add_i64", b_shlo_add_i64, "int64", 0, 0},
    {"stablehlo_multiply", b_shlo_mul, "float32", 0, 0},
    {"stablehlo_multiply_i32", b_shlo_mul_i32, "int32", 0, 0},
    {"stablehlo_maximum", b_shlo_max, "float32", 0, 0},
    {"stablehlo_minimum_i8", b_shlo_min_i8, "int8", 0, 0},
    {"stablehlo_and_bool", b_shlo_and_bool, "bool", 0, 0},
    {"stablehlo_and_i32", b_shlo_and_i32, "int32 bitwise", 0, 0},
    {"stablehlo_shift_left_i32", b_shlo_shl_i32, "int32, shifts 0..31", 0, 0},
    {"stablehlo_shift_left_i8", b_shlo_shl_i8, "int8, shifts 0..7", 0, 0},
    {"stablehlo_pad", b_shlo_pad, "negative edges (crop) and interior padding",
     0, 0},
    {"stablehlo_gather", b_shlo_gather, "spec example, one start index clamped",
     0, 0},
    {"stablehlo_gather_rows", b_shlo_gather_rows,
     "rows of [6,3], int64 index input", 0, 0},
    {"stablehlo_scatter_add", b_shlo_scatter_add,
     "spec example, STABLEHLO_ADD body", 0, 0},
    {"stablehlo_scatter_replace", b_shlo_scatter_replace,
     "spec example, body returning the update", 0, 0},
    {"stablehlo_reduce_window_max", b_shlo_reduce_window_max,
     "3x3 stride 2 max with padding", 0, 0},
    {"stablehlo_reduce_window_sum", b_shlo_reduce_window_sum,
     "sum, init 1, base and window dilation, negative padding", 0, 0},
    {"stablehlo_rng_philox", b_shlo_rng_philox,
     "PHILOX, 3-element state, int32 bits + input", 0, 0},
    {"stablehlo_rng_default", b_shlo_rng_default, "DEFAULT, 2-element state", 0,
     0},
    {"stablehlo_rng_threefry", b_shlo_rng_threefry, "THREEFRY", 0, 0},
    {"stablehlo_case", b_shlo_case_0, "index 0: ADD branch", 0, 0},
    {"stablehlo_case_oob", b_shlo_case_oob,
     "index 5 out of range: the last (MUL) branch", 0, 0},
    /* lookups, sparse, segments, signal, random, misc */
    {"embedding_lookup", b_embedding_lookup,
     "float32 table [6,2,3] input, repeated ids", 0, 0},
    {"embedding_lookup_sparse_sum", b_els_sum,
     "SUM, constant dense_shape [3,4] + ADD", 0, 0},
    {"embedding_lookup_sparse_mean", b_els_mean, "MEAN + ADD", 0, 0},
    {"embedding_lookup_sparse_sqrtn", b_els_sqrtn, "SQRTN + ADD", 0, 0},
    {"hashtable_lookup", b_hashtable_lookup,
     "int32 keys, float32 values, misses, hits output", 0, 0},
    {"lsh_projection_sparse", b_lsh_sparse,
     "SPARSE, 3 hashes of 4 bits, int32 input", 0, 0},
    {"lsh_projection_dense_weighted", b_lsh_dense_weighted,
     "DENSE, weights input", 0, 0},
    {"densify_csr", b_densify, "CSR float32 4x6 constant + ADD", 0, 0},
    {"unique", b_unique, "float32, int32 idx; unique values + ADD", 0, 0},
    {"unique_i64_idx", b_unique_i64_idx,
     "int32, int64 idx; unique values + ADD", 0, 0},
    {"one_hot", b_one_hot,
     "axis -1, depth 4, on 2.5 off -0.5, out-of-range indices", 0, 0},
    {"one_hot_axis0_i64", b_one_hot_axis0_i64,
     "int64 indices, axis 0, int32 values", 0, 0},
    {"sparse_to_dense", b_sparse_to_dense,
     "2-D indices input, values input, validate", 0, 0},
    {"sparse_to_dense_scalar_value", b_sparse_to_dense_scalar,
     "1-D unsorted indices, scalar value, int32", 0, 0},
    {"reverse_sequence", b_reverse_sequence, "seq_dim 1, batch_dim 0", 0, 0},
    {"reverse_sequence_batch1", b_reverse_sequence_batch1,
     "int32, seq_dim 0, batch_dim 1, int64 lengths with 0", 0, 0},
    {"matrix_diag", b_matrix_diag, "[2,4] -> [2,4,4]", 0, 0},
    {"matrix_set_diag", b_matrix_set_diag, "[2,3,4] with diagonal [2,3]", 0, 0},
    {"segment_sum", b_segment_sum, "constant ids + ADD", 0, 0},
    {"segment_sum_input_ids", b_segment_sum_input_ids,
     "int32, ids input (dynamic output) + ADD", 0, 0},
    {"unsorted_segment_sum", b_unsorted_segment_sum,
     "num_segments 4, empty segment + ADD", 0, 0},
    {"unsorted_segment_prod", b_unsorted_segment_prod, "empty segment + ADD", 0,
     0},
    {"unsorted_segment_max_i32", b_unsorted_segment_max_i32,
     "int32, empty segment + ADD", 0, 0},
    {"unsorted_segment_min", b_unsorted_segment_min,
     "float32, empty segment + ADD", 0, 0},
    {"bucketize", b_bucketize, "boundaries [-1,0,0.5,2], values on boundaries",
     0, 0},
    {"random_uniform", b_random_uniform, "seed 87654321, seed2 42, [3,5] + ADD",
     0, 0},
    {"random_standard_normal", b_random_standard_normal,
     "seed 123, seed2 456 + ADD", 0, 0},
    {"multinomial", b_multinomial,
     "logits [2,5], 6 samples, seed 1234/7, int64 + ADD", 0, 0},
    {"bitwise_xor_i32", b_bitwise_xor_i32, "int32 broadcast", 0, 0},
    {"bitwise_xor_u8", b_bitwise_xor_u8, "uint8 broadcast", 0, 0},
    {"right_shift_i32", b_right_shift_i32, "int32, shifts 0..31", 0, 0},
    {"right_shift_i8", b_right_shift_i8, "int8, shifts 0..7", 0, 0},
    {"dilate", b_dilate, "[3,4] by [2,3], padding value input", 0, 0},
    {"dilate_i8_3d", b_dilate_i8_3d, "int8 3-D, int64 dilations, factor 1", 0,
     0},
    {"reduce_window_add", b_reduce_window_add,
     "ADD, window 2x3, strides 1x2, init 0.5", 0, 0},
    {"reduce_window_max_dil", b_reduce_window_max_dil, "MAX, dilation 2x1", 0,
     0},
    {"reduce_window_mul_i32", b_reduce_window_mul_i32,
     "int32 MUL, dilation 1x2", 0, 0},
    {"fake_quant", b_fake_quant, "min -1, max 1.5, 8 bits", 0, 0},
    {"fake_quant_4bit", b_fake_quant_4bit, "min -2, max 0.7, 4 bits", 0, 0},
    {"rfft2d_abs_real_imag", b_rfft2d,
     "[2,4,8], fft 4x8, then COMPLEX_ABS, REAL, IMAG", 0, 0},
    {"rfft2d_crop_pad", b_rfft2d_crop_pad,
     "[3,5], fft 4x8 (crop rows, pad columns), COMPLEX_ABS", 0, 0},
    {"nms_v4", b_nms_v4, "6 boxes, max 4, iou 0.5, score threshold 0.4", 0, 0},
    {"nms_v5_soft", b_nms_v5_soft, "soft-NMS sigma 0.5, max 5", 0, 0},
    {"hashtable_find_size", b_hashtable_find_size,
     "STRING -> INT64 table from constants, FIND + SIZE (+ ADD)", 0, 0},
    {"detection_postprocess", b_detection_postprocess,
     "custom op, fast NMS, 8 anchors, 3 classes", 0, 0},
    {"detection_postprocess_regular", b_detection_postprocess_regular,
     "custom op, regular NMS", 0, 0},
    {"detection_postprocess_u8", b_detection_postprocess_u8,
     "custom op, uint8 inputs and anchors", 0, 0},
    /* quantized (see cx_xnnpack) */
    {"add_q_i8", b_add_q_i8, "int8 broadcast, scales 0.05/0.03 -> 0.06", 0, 0},
    {"add_q_u8", b_add_q_u8, "uint8 broadcast, RELU6", 0, 0},
    {"add_q_i16", b_add_q_i16, "int16 general scales", 0, 0},
    {"add_q_i16_pot", b_add_q_i16_pot, "int16 power-of-two scales, broadcast",
     0, 0},
    {"sub_q_i8", b_sub_q_i8, "int8 broadcast, RELU", 0, 0},
    {"sub_q_u8", b_sub_q_u8, "uint8 broadcast", 0, 0},
    {"sub_q_i16", b_sub_q_i16, "int16 general scales", 0, 0},
    {"mul_q_i8", b_mul_q_i8, "int8 broadcast", 0, 0},
    {"mul_q_u8", b_mul_q_u8, "uint8 broadcast, RELU", 0, 0},
    {"mul_q_i16", b_mul_q_i16, "int16", 0, 0},
    {"squared_difference_q_i8", b_sqdiff_q_i8, "int8 broadcast", 0, 0},
    {"less_q_i8", b_less_q_i8, "int8, different scales", 0, 0},
    {"greater_equal_q_u8", b_greater_equal_q_u8, "uint8, different scales", 0,
     0},
    {"maximum_q_i8", b_maximum_q_i8, "int8 quantized, same parameters", 0, 0},
    {"minimum_q_u8", b_minimum_q_u8, "uint8 quantized, same parameters", 0, 0},
    {"div_q_u8", b_div_q_u8, "uint8, positive divisors", 0, 0},
    {"div_q_i8", b_div_q_i8, "int8, positive divisors", 0, 0},
    {"prelu_q_i8", b_prelu_q_i8, "int8, alpha [1,1,2]", 0, 0},
    {"prelu_q_u8", b_prelu_q_u8, "uint8, alpha [1,1,2]", 0, 0},
    {"conv_q_i8_pc", b_conv_q_i8_pc, "int8 per-channel, bias, SAME s2, RELU6",
     0, 0},
    {"conv_q_i8_pt", b_conv_q_i8_pt, "int8 per-tensor weights, bias", 0, 0},
    {"conv_q_i8_dil2_batch2", b_conv_q_i8_dil2_batch2,
     "int8 per-channel, VALID dilation 2, batch 2", 0, 0},
    {"conv_q_u8", b_conv_q_u8, "uint8, weights zero point 130, RELU", 0, 0},
    {"conv_q_i16", b_conv_q_i16, "16x8 per-channel, int64 bias", 0, 0},
    {"dwconv_q_i8_pc", b_dwconv_q_i8_pc, "int8 per-channel, multiplier 2", 0,
     0},
    {"dwconv_q_i8_s2_relu6", b_dwconv_q_i8_s2_relu6,
     "int8 per-channel, stride 2, RELU6", 0, 0},
    {"dwconv_q_u8", b_dwconv_q_u8, "uint8, multiplier 2", 0, 0},
    {"dwconv_q_i16", b_dwconv_q_i16, "16x8 per-channel, int64 bias", 0, 0},
    {"fc_q_i8_pc", b_fc_q_i8_pc, "int8 per-channel weights, bias", 0, 0},
    {"fc_q_i8_relu", b_fc_q_i8_relu, "int8 per-tensor weights, bias, RELU", 0,
     0},
    {"fc_q_u8", b_fc_q_u8, "uint8, weights zero point 128", 0, 0},
    {"fc_q_i16", b_fc_q_i16, "16x8 per-channel, int64 bias", 0, 0},
    {"fc_q_i8_runtime_w", b_fc_q_i8_runtime_w,
     "int8 weights as an input (not delegated)", 0, 0},
    {"transpose_conv_q_i8_pc", b_tconv_q_i8_pc,
     "int8 per-channel, SAME s2, bias", 0, 0},
    {"transpose_conv_q_u8", b_tconv_q_u8, "uint8, SAME s2, bias", 0, 0},
    {"transpose_conv_q_i16", b_tconv_q_i16, "16x8 per-channel, int64 bias", 0,
     0},
    {"batch_matmul_q_i8", b_bmm_q_i8, "int8 x int8, zero points", 0, 0},
    {"batch_matmul_q_i16", b_bmm_q_i16, "int16 x int16", 0, 0},
    {"fc_hybrid_pc", b_fc_hybrid_pc,
     "float32 input, int8 per-channel weights (XNNPACK quantizes the input "
     "asymmetrically)",
     0, 0},
    {"fc_hybrid_asym", b_fc_hybrid_asym, "asymmetric_quantize_inputs, RELU", 0,
     0},
    {"conv_hybrid_pc", b_conv_hybrid_pc,
     "float32 input, int8 per-channel weights", 0, 0},
    {"dwconv_hybrid_pc", b_dwconv_hybrid_pc,
     "float32 input, int8 per-channel weights", 0, 0},
    {"batch_matmul_hybrid", b_bmm_hybrid,
     "float32 lhs, int8 constant rhs (XNNPACK quantizes the lhs "
     "asymmetrically)",
     0, 0},
    {"batch_matmul_hybrid_asym", b_bmm_hybrid_asym,
     "asymmetric_quantize_inputs", 0, 0},
    {"embedding_lookup_hybrid", b_embedding_lookup_hybrid,
     "int8 table scale 0.02 -> float32", 0, 0},
    {"avgpool_q_i8", b_avgpool_q_i8, "int8 SAME 3x3 s2", 0, 0},
    {"avgpool_q_u8", b_avgpool_q_u8, "uint8 VALID 2x2, RELU6, batch 2", 0, 0},
    {"avgpool_q_i16", b_avgpool_q_i16, "int16 SAME 3x3 s2", 0, 0},
    {"maxpool_q_i8", b_maxpool_q_i8, "int8 SAME 3x3 s2, RELU", 0, 0},
    {"maxpool_q_u8", b_maxpool_q_u8, "uint8 VALID 2x2", 0, 0},
    {"maxpool_q_i16", b_maxpool_q_i16, "int16 SAME 3x3 s2, RELU6", 0, 0},
    {"relu_q_i8", b_relu_q_i8, "int8, rescaled", 0, 0},
    {"relu_q_u8", b_relu_q_u8, "uint8, rescaled", 0, 0},
    {"relu_q_i16", b_relu_q_i16, "int16, rescaled", 0, 0},
    {"relu6_q_i8", b_relu6_q_i8, "int8", 0, 0},
    {"relu6_q_u8", b_relu6_q_u8, "uint8", 0, 0},
    {"relu6_q_i16", b_relu6_q_i16, "int16", 0, 0},
    {"relu_n1_to_1_q_i8", b_relu_n1_q_i8, "int8", 0, 0},
    {"relu_n1_to_1_q_u8", b_relu_n1_q_u8, "uint8", 0, 0},
    {"relu_0_to_1_q_i8", b_relu01_q_i8, "int8", 0, 0},
    {"relu_0_to_1_q_u8", b_relu01_q_u8, "uint8", 0, 0},
    {"logistic_q_i8", b_logistic_q_i8, "int8, out (1/256,-128)", 0, 0},
    {"logistic_q_u8", b_logistic_q_u8, "uint8, out (1/256,0)", 0, 0},
    {"logistic_q_i16", b_logistic_q_i16, "int16, in 1/3000", 0, 0},
    {"logistic_q_i16_pot", b_logistic_q_i16_pot,
     "int16, in 1/4096 (power of two)", 0, 0},
    {"tanh_q_i8", b_tanh_q_i8, "int8, out (1/128,0)", 0, 0},
    {"tanh_q_u8", b_tanh_q_u8, "uint8, out (1/128,128)", 0, 0},
    {"tanh_q_i16", b_tanh_q_i16, "int16, in 1/8192 (power of two)", 0, 0},
    {"tanh_q_i16_npot", b_tanh_q_i16_npot, "int16, in 1/5000", 0, 0},
    {"elu_q_i8", b_elu_q_i8, "int8", 0, 0},
    {"hard_swish_q_i8", b_hard_swish_q_i8, "int8", 0, 0},
    {"hard_swish_q_u8", b_hard_swish_q_u8, "uint8", 0, 0},
    {"leaky_relu_q_i8", b_leaky_relu_q_i8, "int8, alpha 0.2", 0, 0},
    {"leaky_relu_q_u8", b_leaky_relu_q_u8, "uint8, alpha 0.1", 0, 0},
    {"leaky_relu_q_i16", b_leaky_relu_q_i16, "int16, alpha 0.3", 0, 0},
    {"gelu_q_i8", b_gelu_q_i8, "int8, erf", 0, 0},
    {"gelu_q_u8", b_gelu_q_u8, "uint8, tanh approximation", 0, 0},
    {"softmax_q_u8", b_softmax_q_u8, "uint8, out (1/256,0)", 0, 0},
    {"softmax_q_i16", b_softmax_q_i16, "int16, out (1/32768,0)", 0, 0},
    {"softmax_q_i8_beta", b_softmax_q_i8_beta, "int8, beta 0.7", 0, 0},
    {"log_softmax_q_i8", b_log_softmax_q_i8, "int8, out (16/256,127)", 0, 0},
    {"log_softmax_q_u8", b_log_softmax_q_u8, "uint8, out (16/256,255)", 0, 0},
    {"concat_q_i8", b_concat_q_i8, "int8, same parameters", 0, 0},
    {"concat_q_u8_rescale", b_concat_q_u8_rescale,
     "uint8, three inputs with other parameters", 0, 0},
    {"concat_q_i16", b_concat_q_i16, "int16", 0, 0},
    {"pad_q_i8", b_pad_q_i8, "int8, pads with the zero point", 0, 0},
    {"pad_q_u8", b_pad_q_u8, "uint8", 0, 0},
    {"pad_q_i16", b_pad_q_i16, "int16", 0, 0},
    {"padv2_q_i8", b_padv2_q_i8, "int8, quantized constant value", 0, 0},
    {"padv2_q_u8", b_padv2_q_u8, "uint8, quantized constant value", 0, 0},
    {"resize_bilinear_q_i8", b_bilinear_q_i8, "int8 half_pixel 3x4 -> 5x7", 0,
     0},
    {"resize_bilinear_q_u8", b_bilinear_q_u8, "uint8 align_corners 3x4 -> 6x7",
     0, 0},
    {"resize_bilinear_q_i16", b_bilinear_q_i16, "int16 3x4 -> 6x8", 0, 0},
    {"resize_nearest_q_u8", b_nearest_q_u8, "uint8 half_pixel 3x4 -> 7x5", 0,
     0},
    {"resize_nearest_q_i16", b_nearest_q_i16, "int16 align_corners 3x4 -> 5x7",
     0, 0},
    {"mean_q_i8", b_mean_q_i8, "int8 axes [1,2] keep_dims, rescaled", 0, 0},
    {"mean_q_i8_last_axis", b_mean_q_i8_last, "int8 axis -1, same parameters",
     0, 0},
    {"mean_q_u8", b_mean_q_u8, "uint8 axes [1,2], rescaled", 0, 0},
    {"mean_q_i16", b_mean_q_i16, "int16 axes [1,2] keep_dims", 0, 0},
    {"sum_q_i8", b_sum_q_i8, "int8 axis 1", 0, 0},
    {"sum_q_u8", b_sum_q_u8, "uint8 axes [0,2] keep_dims", 0, 0},
    {"sum_q_i16", b_sum_q_i16, "int16 axis 2", 0, 0},
    {"reduce_prod_q_i8", b_reduce_prod_q_i8, "int8 axis 1", 0, 0},
    {"reduce_prod_q_i16", b_reduce_prod_q_i16, "int16 axis 2", 0, 0},
    {"reduce_max_q_i8", b_reduce_max_q_i8, "int8 keep_dims", 0, 0},
    {"reduce_min_q_u8", b_reduce_min_q_u8, "uint8 axes [0,1]", 0, 0},
    {"quantize_i8_i8", b_quantize_i8_i8, "int8 -> int8 requantization", 0, 0},
    {"quantize_u8_i8", b_quantize_u8_i8, "uint8 -> int8 (shift by 128)", 0, 0},
    {"quantize_u8_u8", b_quantize_u8_u8, "uint8 -> uint8 requantization", 0, 0},
    {"quantize_i8_u8", b_quantize_i8_u8, "int8 -> uint8", 0, 0},
    {"quantize_i16_i8", b_quantize_i16_i8, "int16 -> int8", 0, 0},
    {"quantize_i8_i16", b_quantize_i8_i16, "int8 -> int16", 0, 0},
    {"quantize_i16_i16", b_quantize_i16_i16, "int16 -> int16", 0, 0},
    {"quantize_f32_i16", b_quantize_f32_i16, "float32 -> int16", 0, 0},
    {"dequantize_i8_per_channel", b_dequantize_i8_pc,
     "per-channel int8 constant + ADD", 0, 0},
    {"arg_max_q_i8", b_arg_max_q_i8, "int8 quantized input", 0, 0},
    {"topk_v2_q_u8", b_topk_q_u8, "uint8 quantized, k 3", 0, 0},
};

#define N_CASES ((int)(sizeof kCases / sizeof kCases[0]))

/* ---- driver
 * ---------------------------------------------------------------------- */

static uint32_t seed_of(const char *name) {
  uint32_t h = 2166136261u;
  for (const char *p = name; *p; p++) h = (h ^ (uint8_t)*p) * 16777619u;
  return h ? h : 1;
}

static void ops_string(const cx *c, char *buf, size_t n) {
  buf[0] = '\0';
  for (int i = 0; i < c->n_ops; i++) {
    const char *nm = c->ops[i] == TFLC_OP_CUSTOM && c->custom[i]
                         ? c->custom[i]
                         : schema_builtin_name(c->ops[i]);
    size_t used = strlen(buf);
    snprintf(buf + used, n - used, "%s%s", i ? "+" : "", nm ? nm : "?");
  }
}

/* Decodes and rewrites the model: every opcode of builtin c->vcode gets
 * version c->vversion (tm_op_version would leave the unused version-1 opcode
 * behind, which TensorFlow Lite still tries to resolve), then c->patch runs.
 * Returns new malloc'd bytes. */
static uint8_t *patch_model(const uint8_t *bytes, size_t *size, const cx *c) {
  tflc_model_def def;
  char err[512];
  if (schema_decode(bytes, *size, NULL, &def, err, sizeof err) != 0) {
    fprintf(stderr, "patch_model: %s\n", err);
    return NULL;
  }
  for (int i = 0; c->vversion > 0 && i < def.n_opcodes; i++)
    if (def.opcodes[i].builtin_code == c->vcode)
      def.opcodes[i].version = c->vversion;
  if (c->patch) c->patch(&def);
  uint8_t *out = NULL, *copy = NULL;
  size_t out_size = 0;
  if (schema_write(&def, NULL, &out, &out_size, err, sizeof err) == 0) {
    copy = malloc(out_size);
    if (copy) memcpy(copy, out, out_size);
    *size = out_size;
    tflc_free(NULL, out);
  } else {
    fprintf(stderr, "patch_model: %s\n", err);
  }
  schema_def_free(&def, NULL);
  return copy;
}

static int make_dir(const char *path) {
  if (mkdir(path, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "cannot create %s: %s\n", path, strerror(errno));
    return -1;
  }
  return 0;
}

static void cx_free(cx *c) {
  for (int i = 0; i < c->n_ins; i++) free(c->in_data[i].data);
  tm_free(c->m);
}

/* Builds one case; writes it under dir when dir is not NULL. */
static int run_case(const oc_case *k, const char *dir) {
  cx c;
  memset(&c, 0, sizeof c);
  c.m = tm_create();
  c.rng = seed_of(k->name);
  k->build(&c);
  if (!c.io_done) cx_io(&c);
  char ops[256];
  ops_string(&c, ops, sizeof ops);
  size_t size = 0;
  uint8_t *bytes = tm_finish(c.m, &size);
  if (bytes && (c.vversion > 0 || c.patch)) {
    uint8_t *nb = patch_model(bytes, &size, &c);
    free(bytes);
    bytes = nb;
  }
  if (!bytes) {
    fprintf(stderr, "%s: writing the model failed\n", k->name);
    cx_free(&c);
    return -1;
  }
  int rc = 0;
  if (dir) {
    char path[1024], err[512];
    snprintf(path, sizeof path, "%s/%s", dir, k->name);
    rc = make_dir(path);
    snprintf(path, sizeof path, "%s/%s/model.tflite", dir, k->name);
    FILE *f = rc == 0 ? fopen(path, "wb") : NULL;
    if (!f || fwrite(bytes, 1, size, f) != size) {
      fprintf(stderr, "cannot write %s\n", path);
      rc = -1;
    }
    if (f) fclose(f);
    for (int i = 0; rc == 0 && i < c.n_ins; i++) {
      const cx_input *d = &c.in_data[i];
      snprintf(path, sizeof path, "%s/%s/input_%d.npy", dir, k->name, i);
      if (npy_write(path, tt_lite(d->tt), d->shape, d->rank, d->data, d->bytes,
                    err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        rc = -1;
      }
    }
  }
  int int_tol = 0;
  const char *tol_reason = "-";
  for (int i = 0; kIntTolerance[i].name; i++)
    if (strcmp(kIntTolerance[i].name, k->name) == 0) {
      int_tol = kIntTolerance[i].tol;
      tol_reason = kIntTolerance[i].reason;
    }
  printf("%s\t%s\t%s\t%g\t%g\t%s\t%d\t%s\trun\n", k->name, ops, k->covers,
         k->atol, k->rtol, c.xnn ? "xnnpack" : "reference", int_tol,
         tol_reason);
  free(bytes);
  cx_free(&c);
  return rc;
}

/* Registered builtin ops that no case uses. */
#include "kernels/kernel_list.h"
#define OC_CODE(name, reg) TFLC_OP_##name,
static const int32_t kRegistered[] = {KERNELS(OC_CODE)};
#undef OC_CODE

static int coverage(void) {
  static int used[1024];
  for (int i = 0; i < N_CASES; i++) {
    cx c;
    memset(&c, 0, sizeof c);
    c.m = tm_create();
    c.rng = 1;
    kCases[i].build(&c);
    for (int j = 0; j < c.n_ops; j++)
      if (c.ops[j] >= 0 && c.ops[j] < 1024) used[c.ops[j]] = 1;
    cx_free(&c);
  }
  for (int i = 0; i < N_NOT_COMPARABLE; i++) {
    printf("not comparable: %s (%s)\n",
           schema_builtin_name(kNotComparable[i].op), kNotComparable[i].reason);
    used[kNotComparable[i].op] = 1;
  }
  int missing = 0;
  for (size_t i = 0; i < sizeof kRegistered / sizeof kRegistered[0]; i++) {
    int32_t code = kRegistered[i];
    if (code < 0 || code >= 1024 || !used[code]) {
      printf("not covered: %s\n", schema_builtin_name(code));
      missing++;
    }
  }
  printf("%d registered builtin ops, %d not covered\n",
         (int)(sizeof kRegistered / sizeof kRegistered[0]), missing);
  return missing ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr,
            "usage: %s DIR [CASE ...] | --list | --coverage\n"
            "writes DIR/<case>/model.tflite and input_<i>.npy per case\n",
            argv[0]);
    return 2;
  }
  if (strcmp(argv[1], "--coverage") == 0) return coverage();
  const char *dir = strcmp(argv[1], "--list") == 0 ? NULL : argv[1];
  if (dir && make_dir(dir) != 0) return 1;
  int rc = 0, done = 0;
  for (int i = 0; i < N_CASES; i++) {
    int want = argc <= 2;
    for (int a = 2; a < argc && !want; a++)
      want = strcmp(argv[a], kCases[i].name) == 0;
    if (!want) continue;
    if (run_case(&kCases[i], dir) != 0) rc = 1;
    done++;
  }
  /* ops that cannot be compared: one INDEX.tsv line each, no files */
  for (int i = 0; i < N_NOT_COMPARABLE; i++) {
    const oc_not_comparable *k = &kNotComparable[i];
    int want = argc <= 2;
    for (int a = 2; a < argc && !want; a++)
      want = strcmp(argv[a], k->name) == 0;
    if (!want) continue;
    printf("%s\t%s\t%s\t0\t0\t-\t0\t-\t%s\n", k->name,
           schema_builtin_name(k->op), k->covers, k->reason);
    done++;
  }
  if (argc > 2 && done != argc - 2) {
    fprintf(stderr, "some named cases do not exist\n");
    rc = 1;
  }
  return rc;
}
