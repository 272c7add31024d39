/* Writes the generated seed corpora of the fuzz targets: one-operator models
 * for every builtin tflc implements (and several it does not yet), written
 * with the project's writer (tests/support/test_model.h), plus control-flow
 * and variable models and a few .npy files.
 *   fuzz_make_seeds OUTDIR [MODEL.tflite ...]
 * writes OUTDIR/fuzz_load/<name>.tflite (the model bytes),
 * OUTDIR/fuzz_invoke/<name> (the fuzz_invoke format: length, model, flags,
 * input bytes) and OUTDIR/fuzz_npy/<name>.npy. Extra MODEL files (e.g. small
 * models of ../shared/models) are wrapped into the fuzz_invoke format too. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "npy.h"
#include "support/test_model.h"

static const char *outdir;
static int n_written;

static void write_file(const char *sub, const char *name, const uint8_t *a,
                       size_t na, const uint8_t *b, size_t nb) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s/%s", outdir, sub, name);
  FILE *f = fopen(path, "wb");
  if (!f) {
    fprintf(stderr, "fuzz_make_seeds: %s: %s\n", path, strerror(errno));
    exit(1);
  }
  if (na) fwrite(a, 1, na, f);
  if (nb) fwrite(b, 1, nb, f);
  fclose(f);
  n_written++;
}

/* The fuzz_invoke form: 4-byte length, model, flags byte, input bytes. */
static void write_invoke(const char *name, const uint8_t *model, size_t size,
                         uint8_t flags) {
  size_t n = 4 + size + 1 + 64;
  uint8_t *buf = malloc(n);
  buf[0] = (uint8_t)size;
  buf[1] = (uint8_t)(size >> 8);
  buf[2] = (uint8_t)(size >> 16);
  buf[3] = (uint8_t)(size >> 24);
  memcpy(buf + 4, model, size);
  buf[4 + size] = flags;
  /* Small float-ish and integer-ish input bytes: 0x3f80 0000 is 1.0f. */
  for (int i = 0; i < 64; i++)
    buf[4 + size + 1 + i] = (uint8_t)(i % 4 == 3   ? 0x3f
                                      : i % 4 == 2 ? 0x80
                                                   : i & 3);
  write_file("fuzz_invoke", name, buf, n, NULL, 0);
  free(buf);
}

static void emit_model(const char *name, tm_model *m) {
  size_t size = 0;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  if (!bytes) {
    fprintf(stderr, "fuzz_make_seeds: %s: tm_finish failed\n", name);
    exit(1);
  }
  char file[256];
  snprintf(file, sizeof file, "%s.tflite", name);
  write_file("fuzz_load", file, bytes, size, NULL, 0);
  write_invoke(name, bytes, size, 0);
  free(bytes);
}

/* ---- one-operator models ---- */

typedef struct sd {
  int8_t tt; /* TFLC_TT_*; -1: omitted optional input */
  int rank;
  int shape[5];
  const void *data; /* constant data; NULL: a graph input (or output) */
  float scale;      /* > 0: per-tensor quantization with zero point 0 */
} sd;

static size_t tt_size(int8_t tt) {
  switch (tt) {
    case TFLC_TT_FLOAT32:
    case TFLC_TT_INT32: return 4;
    case TFLC_TT_INT64: return 8;
    case TFLC_TT_INT16:
    case TFLC_TT_FLOAT16: return 2;
    default: return 1;
  }
}

static size_t count(const sd *t) {
  size_t n = 1;
  for (int i = 0; i < t->rank; i++) n *= (size_t)t->shape[i];
  return n;
}

static int add_tensor(tm_model *m, const sd *t, const char *name) {
  int idx = t->data ? tm_const(m, t->tt, t->shape, t->rank, t->data,
                               count(t) * tt_size(t->tt), name)
                    : tm_tensor(m, t->tt, t->shape, t->rank, name);
  if (t->scale > 0) {
    int64_t zp = 0;
    tm_quant(m, idx, &t->scale, &zp, 1, 0);
  }
  return idx;
}

static void one_op(const char *name, int32_t op, uint8_t bo,
                   const tflc_opt_field *f, int nf, const sd *ins, int nin,
                   sd out) {
  tm_model *m = tm_create();
  int idx[8], graph_in[8], ng = 0;
  for (int i = 0; i < nin; i++) {
    if (ins[i].tt < 0) {
      idx[i] = -1;
      continue;
    }
    char tname[16];
    snprintf(tname, sizeof tname, "in%d", i);
    idx[i] = add_tensor(m, &ins[i], tname);
    if (!ins[i].data) graph_in[ng++] = idx[i];
  }
  int o = add_tensor(m, &out, "out");
  tm_op(m, op, NULL, idx, nin, &o, 1, bo, f, nf);
  tm_io(m, graph_in, ng, &o, 1);
  emit_model(name, m);
}

#define F32(...) \
  { TFLC_TT_FLOAT32, __VA_ARGS__ }
#define I32T(...) \
  { TFLC_TT_INT32, __VA_ARGS__ }
#define BOOLT(...) \
  { TFLC_TT_BOOL, __VA_ARGS__ }
#define OPT(id, kind, v) tm_opt_int(id, TFLC_OPT_##kind, v)

static const float k_w[64] = {0.5f, -0.25f, 1, 0.125f, -1, 2, 0.75f, -0.5f,
                              0.5f, -0.25f, 1, 0.125f, -1, 2, 0.75f, -0.5f,
                              0.5f, -0.25f, 1, 0.125f, -1, 2, 0.75f, -0.5f,
                              0.5f, -0.25f, 1, 0.125f, -1, 2, 0.75f, -0.5f,
                              0.5f, -0.25f, 1, 0.125f, -1, 2, 0.75f, -0.5f,
                              0.5f, -0.25f, 1, 0.125f, -1, 2, 0.75f, -0.5f,
                              0.5f, -0.25f, 1, 0.125f, -1, 2, 0.75f, -0.5f,
                              0.5f, -0.25f, 1, 0.125f, -1, 2, 0.75f, -0.5f};

static void binary_seeds(void) {
  static const struct {
    const char *name;
    int32_t op;
    uint8_t bo;
    int boolean_out;
  } b[] = {
      {"add", TFLC_OP_ADD, TFLC_BO_ADD, 0},
      {"sub", TFLC_OP_SUB, TFLC_BO_SUB, 0},
      {"mul", TFLC_OP_MUL, TFLC_BO_MUL, 0},
      {"div", TFLC_OP_DIV, TFLC_BO_DIV, 0},
      {"maximum", TFLC_OP_MAXIMUM, 0, 0},
      {"minimum", TFLC_OP_MINIMUM, 0, 0},
      {"squared_difference", TFLC_OP_SQUARED_DIFFERENCE, 0, 0},
      {"pow", TFLC_OP_POW, 0, 0},
      {"floor_div", TFLC_OP_FLOOR_DIV, 0, 0},
      {"floor_mod", TFLC_OP_FLOOR_MOD, 0, 0},
      {"atan2", TFLC_OP_ATAN2, 0, 0},
      {"less", TFLC_OP_LESS, 0, 1},
      {"greater", TFLC_OP_GREATER, 0, 1},
      {"less_equal", TFLC_OP_LESS_EQUAL, 0, 1},
      {"greater_equal", TFLC_OP_GREATER_EQUAL, 0, 1},
      {"equal", TFLC_OP_EQUAL, 0, 1},
      {"not_equal", TFLC_OP_NOT_EQUAL, 0, 1},
  };
  for (size_t i = 0; i < sizeof b / sizeof b[0]; i++) {
    for (int t = 0; t < 2; t++) {
      int8_t tt = t ? TFLC_TT_INT32 : TFLC_TT_FLOAT32;
      sd ins[2] = {{tt, 2, {2, 3}, NULL, 0}, {tt, 1, {3}, NULL, 0}};
      sd out = {b[i].boolean_out ? TFLC_TT_BOOL : tt, 2, {2, 3}, NULL, 0};
      char name[64];
      snprintf(name, sizeof name, "%s_%s", b[i].name, t ? "i32" : "f32");
      one_op(name, b[i].op, b[i].bo, NULL, 0, ins, 2, out);
    }
  }
  /* Quantized int8 / uint8 ADD and MUL. */
  sd q8[2] = {{TFLC_TT_INT8, 2, {2, 3}, NULL, 0.5f},
              {TFLC_TT_INT8, 2, {2, 3}, NULL, 0.25f}};
  one_op("add_i8", TFLC_OP_ADD, TFLC_BO_ADD, NULL, 0, q8, 2,
         (sd){TFLC_TT_INT8, 2, {2, 3}, NULL, 1.0f});
  one_op("mul_i8", TFLC_OP_MUL, TFLC_BO_MUL, NULL, 0, q8, 2,
         (sd){TFLC_TT_INT8, 2, {2, 3}, NULL, 1.0f});
  sd qu8[2] = {{TFLC_TT_UINT8, 1, {4}, NULL, 0.5f},
               {TFLC_TT_UINT8, 1, {4}, NULL, 0.5f}};
  one_op("add_u8", TFLC_OP_ADD, TFLC_BO_ADD, NULL, 0, qu8, 2,
         (sd){TFLC_TT_UINT8, 1, {4}, NULL, 1.0f});
  sd bb[2] = {BOOLT(1, {4}, NULL, 0), BOOLT(1, {4}, NULL, 0)};
  one_op("logical_and", TFLC_OP_LOGICAL_AND, 0, NULL, 0, bb, 2,
         (sd)BOOLT(1, {4}, NULL, 0));
  one_op("logical_or", TFLC_OP_LOGICAL_OR, 0, NULL, 0, bb, 2,
         (sd)BOOLT(1, {4}, NULL, 0));
  one_op("logical_not", TFLC_OP_LOGICAL_NOT, 0, NULL, 0, bb, 1,
         (sd)BOOLT(1, {4}, NULL, 0));
  /* Fused activation. */
  tflc_opt_field relu = OPT(0, I8, 1);
  sd fa[2] = {F32(4, {1, 2, 2, 3}, NULL, 0), F32(4, {1, 1, 1, 3}, NULL, 0)};
  one_op("add_relu_bcast4", TFLC_OP_ADD, TFLC_BO_ADD, &relu, 1, fa, 2,
         (sd)F32(4, {1, 2, 2, 3}, NULL, 0));
}

static void unary_seeds(void) {
  static const struct {
    const char *name;
    int32_t op;
  } u[] = {
      {"abs", TFLC_OP_ABS},
      {"neg", TFLC_OP_NEG},
      {"relu", TFLC_OP_RELU},
      {"relu6", TFLC_OP_RELU6},
      {"relu_n1_to_1", TFLC_OP_RELU_N1_TO_1},
      {"logistic", TFLC_OP_LOGISTIC},
      {"tanh", TFLC_OP_TANH},
      {"rsqrt", TFLC_OP_RSQRT},
      {"sqrt", TFLC_OP_SQRT},
      {"exp", TFLC_OP_EXP},
      {"hard_swish", TFLC_OP_HARD_SWISH},
      {"leaky_relu", TFLC_OP_LEAKY_RELU},
      {"floor", TFLC_OP_FLOOR},
      {"ceil", TFLC_OP_CEIL},
      {"round", TFLC_OP_ROUND},
      {"sin", TFLC_OP_SIN},
      {"cos", TFLC_OP_COS},
      {"log", TFLC_OP_LOG},
      {"square", TFLC_OP_SQUARE},
      {"elu", TFLC_OP_ELU},
      {"sign", TFLC_OP_SIGN},
      {"gelu", TFLC_OP_GELU},
      {"relu_0_to_1", TFLC_OP_RELU_0_TO_1},
      {"softmax", TFLC_OP_SOFTMAX},
      {"log_softmax", TFLC_OP_LOG_SOFTMAX},
      {"l2_normalization", TFLC_OP_L2_NORMALIZATION},
      {"zeros_like", TFLC_OP_ZEROS_LIKE},
  };
  for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) {
    sd in = F32(2, {2, 5}, NULL, 0);
    tflc_opt_field beta = tm_opt_f32(0, 1.0f);
    int nf = u[i].op == TFLC_OP_SOFTMAX || u[i].op == TFLC_OP_LEAKY_RELU;
    one_op(u[i].name, u[i].op,
           u[i].op == TFLC_OP_SOFTMAX      ? TFLC_BO_SOFTMAX
           : u[i].op == TFLC_OP_LEAKY_RELU ? TFLC_BO_LEAKY_RELU
                                           : 0,
           nf ? &beta : NULL, nf, &in, 1, (sd)F32(2, {2, 5}, NULL, 0));
  }
  sd fin = F32(2, {2, 3}, NULL, 0);
  one_op("cast_f32_i32", TFLC_OP_CAST, 0, NULL, 0, &fin, 1,
         (sd)I32T(2, {2, 3}, NULL, 0));
  sd qin = {TFLC_TT_INT8, 2, {2, 3}, NULL, 0.1f};
  one_op("dequantize_i8", TFLC_OP_DEQUANTIZE, 0, NULL, 0, &qin, 1,
         (sd)F32(2, {2, 3}, NULL, 0));
  one_op("quantize_i8", TFLC_OP_QUANTIZE, 0, NULL, 0, &fin, 1,
         (sd){TFLC_TT_INT8, 2, {2, 3}, NULL, 0.1f});
}

static void conv_seeds(void) {
  static const float bias[8] = {0.5f, -1, 0.25f, 0, 1, 2, -2, 0.125f};
  /* CONV_2D: [1,5,5,2] * [3,3,3,2] + [3]. */
  sd conv_in[3] = {F32(4, {1, 5, 5, 2}, NULL, 0), F32(4, {3, 3, 3, 2}, k_w, 0),
                   F32(1, {3}, bias, 0)};
  tflc_opt_field same[3] = {OPT(0, I8, 0), OPT(1, I32, 1), OPT(2, I32, 1)};
  one_op("conv_2d_same", TFLC_OP_CONV_2D, TFLC_BO_CONV_2D, same, 3, conv_in, 3,
         (sd)F32(4, {1, 5, 5, 3}, NULL, 0));
  tflc_opt_field valid[6] = {OPT(0, I8, 1), OPT(1, I32, 2), OPT(2, I32, 2),
                             OPT(3, I8, 3), OPT(4, I32, 2), OPT(5, I32, 2)};
  one_op("conv_2d_valid_dilated", TFLC_OP_CONV_2D, TFLC_BO_CONV_2D, valid, 6,
         conv_in, 3, (sd)F32(4, {1, 1, 1, 3}, NULL, 0));
  /* DEPTHWISE: [1,5,5,2] * [1,3,3,4] (multiplier 2). */
  sd dw_in[3] = {F32(4, {1, 5, 5, 2}, NULL, 0), F32(4, {1, 3, 3, 4}, k_w, 0),
                 F32(1, {4}, bias, 0)};
  tflc_opt_field dw[4] = {OPT(0, I8, 0), OPT(1, I32, 1), OPT(2, I32, 1),
                          OPT(3, I32, 2)};
  one_op("depthwise_conv_2d", TFLC_OP_DEPTHWISE_CONV_2D,
         TFLC_BO_DEPTHWISE_CONV_2D, dw, 4, dw_in, 3,
         (sd)F32(4, {1, 5, 5, 4}, NULL, 0));
  /* FULLY_CONNECTED [2,4] x [3,4]^T + [3]; and without bias. */
  sd fc_in[3] = {F32(2, {2, 4}, NULL, 0), F32(2, {3, 4}, k_w, 0),
                 F32(1, {3}, bias, 0)};
  one_op("fully_connected", TFLC_OP_FULLY_CONNECTED, TFLC_BO_FULLY_CONNECTED,
         NULL, 0, fc_in, 3, (sd)F32(2, {2, 3}, NULL, 0));
  fc_in[2].tt = -1;
  one_op("fully_connected_nobias", TFLC_OP_FULLY_CONNECTED,
         TFLC_BO_FULLY_CONNECTED, NULL, 0, fc_in, 3,
         (sd)F32(2, {2, 3}, NULL, 0));
  /* int8 FULLY_CONNECTED. */
  static const int8_t w8[8] = {1, -2, 3, -4, 5, -6, 7, -8};
  static const int32_t b32[2] = {10, -10};
  sd fc8[3] = {{TFLC_TT_INT8, 2, {1, 4}, NULL, 0.5f},
               {TFLC_TT_INT8, 2, {2, 4}, w8, 0.25f},
               {TFLC_TT_INT32, 1, {2}, b32, 0.125f}};
  one_op("fully_connected_i8", TFLC_OP_FULLY_CONNECTED, TFLC_BO_FULLY_CONNECTED,
         NULL, 0, fc8, 3, (sd){TFLC_TT_INT8, 2, {1, 2}, NULL, 1.0f});
  /* BATCH_MATMUL [2,2,3] x [2,3,4]. */
  sd bm[2] = {F32(3, {2, 2, 3}, NULL, 0), F32(3, {2, 3, 4}, NULL, 0)};
  one_op("batch_matmul", TFLC_OP_BATCH_MATMUL, TFLC_BO_BATCH_MAT_MUL, NULL, 0,
         bm, 2, (sd)F32(3, {2, 2, 4}, NULL, 0));
  /* Pools [1,4,4,2], 2x2 stride 2. */
  tflc_opt_field pool[5] = {OPT(0, I8, 1), OPT(1, I32, 2), OPT(2, I32, 2),
                            OPT(3, I32, 2), OPT(4, I32, 2)};
  sd pin = F32(4, {1, 4, 4, 2}, NULL, 0);
  one_op("average_pool_2d", TFLC_OP_AVERAGE_POOL_2D, TFLC_BO_POOL_2D, pool, 5,
         &pin, 1, (sd)F32(4, {1, 2, 2, 2}, NULL, 0));
  one_op("max_pool_2d", TFLC_OP_MAX_POOL_2D, TFLC_BO_POOL_2D, pool, 5, &pin, 1,
         (sd)F32(4, {1, 2, 2, 2}, NULL, 0));
  one_op("l2_pool_2d", TFLC_OP_L2_POOL_2D, TFLC_BO_POOL_2D, pool, 5, &pin, 1,
         (sd)F32(4, {1, 2, 2, 2}, NULL, 0));
  /* TRANSPOSE_CONV: output shape [1,4,4,1], weights [1,3,3,1], input [1,2,2,1].
   */
  static const int32_t tshape[4] = {1, 4, 4, 1};
  sd tc[3] = {I32T(1, {4}, tshape, 0), F32(4, {1, 3, 3, 1}, k_w, 0),
              F32(4, {1, 2, 2, 1}, NULL, 0)};
  tflc_opt_field tco[3] = {OPT(0, I8, 0), OPT(1, I32, 2), OPT(2, I32, 2)};
  one_op("transpose_conv", TFLC_OP_TRANSPOSE_CONV, TFLC_BO_TRANSPOSE_CONV, tco,
         3, tc, 3, (sd)F32(4, {1, 4, 4, 1}, NULL, 0));
}

static void shape_seeds(void) {
  static const int32_t shape32[2] = {3, 2}, pads[4] = {1, 1, 0, 2},
                       axis1[1] = {1}, idx2[2] = {3, 0};
  static const int32_t nd_idx[4] = {0, 1, 2, 2}, size44[2] = {4, 4},
                       perm[2] = {1, 0};
  static const int32_t begin[2] = {0, 1}, size_[2] = {2, 2},
                       strides[2] = {1, 1}, block[2] = {2, 2};
  static const int32_t crops[4] = {0, 0, 0, 0}, mult[2] = {2, 1};
  static const float padval = 7.0f;
  sd r[2] = {F32(2, {2, 3}, NULL, 0), I32T(1, {2}, shape32, 0)};
  tflc_opt_field ns = tm_opt_vec_i32(0, shape32, 2);
  one_op("reshape", TFLC_OP_RESHAPE, TFLC_BO_RESHAPE, &ns, 1, r, 2,
         (sd)F32(2, {3, 2}, NULL, 0));
  sd cc[2] = {F32(2, {2, 3}, NULL, 0), F32(2, {2, 3}, NULL, 0)};
  tflc_opt_field ax = OPT(0, I32, 0);
  one_op("concatenation", TFLC_OP_CONCATENATION, TFLC_BO_CONCATENATION, &ax, 1,
         cc, 2, (sd)F32(2, {4, 3}, NULL, 0));
  sd pd[3] = {F32(2, {2, 3}, NULL, 0), I32T(2, {2, 2}, pads, 0),
              F32(0, {0}, &padval, 0)};
  one_op("pad", TFLC_OP_PAD, TFLC_BO_PAD, NULL, 0, pd, 2,
         (sd)F32(2, {4, 5}, NULL, 0));
  one_op("padv2", TFLC_OP_PADV2, TFLC_BO_PADV2, NULL, 0, pd, 3,
         (sd)F32(2, {4, 5}, NULL, 0));
  one_op("mirror_pad", TFLC_OP_MIRROR_PAD, TFLC_BO_MIRROR_PAD, NULL, 0, pd, 2,
         (sd)F32(2, {4, 5}, NULL, 0));
  static const struct {
    const char *name;
    int32_t op;
  } red[] = {{"mean", TFLC_OP_MEAN},
             {"sum", TFLC_OP_SUM},
             {"reduce_max", TFLC_OP_REDUCE_MAX},
             {"reduce_min", TFLC_OP_REDUCE_MIN},
             {"reduce_prod", TFLC_OP_REDUCE_PROD}};
  for (size_t i = 0; i < sizeof red / sizeof red[0]; i++) {
    sd rin[2] = {F32(3, {2, 3, 4}, NULL, 0), I32T(1, {1}, axis1, 0)};
    one_op(red[i].name, red[i].op, TFLC_BO_REDUCER, NULL, 0, rin, 2,
           (sd)F32(2, {2, 4}, NULL, 0));
  }
  sd ga[2] = {F32(2, {4, 3}, NULL, 0), I32T(1, {2}, idx2, 0)};
  one_op("gather", TFLC_OP_GATHER, TFLC_BO_GATHER, NULL, 0, ga, 2,
         (sd)F32(2, {2, 3}, NULL, 0));
  sd gdyn[2] = {F32(2, {4, 3}, NULL, 0), I32T(1, {2}, NULL, 0)};
  one_op("gather_runtime_indices", TFLC_OP_GATHER, TFLC_BO_GATHER, NULL, 0,
         gdyn, 2, (sd)F32(2, {2, 3}, NULL, 0));
  sd gnd[2] = {F32(2, {3, 3}, NULL, 0), I32T(2, {2, 2}, nd_idx, 0)};
  one_op("gather_nd", TFLC_OP_GATHER_ND, TFLC_BO_GATHER_ND, NULL, 0, gnd, 2,
         (sd)F32(1, {2}, NULL, 0));
  sd emb[2] = {I32T(1, {2}, NULL, 0), F32(2, {4, 3}, k_w, 0)};
  one_op("embedding_lookup", TFLC_OP_EMBEDDING_LOOKUP, 0, NULL, 0, emb, 2,
         (sd)F32(2, {2, 3}, NULL, 0));
  sd rs[2] = {F32(4, {1, 2, 2, 1}, NULL, 0), I32T(1, {2}, size44, 0)};
  one_op("resize_bilinear", TFLC_OP_RESIZE_BILINEAR, TFLC_BO_RESIZE_BILINEAR,
         NULL, 0, rs, 2, (sd)F32(4, {1, 4, 4, 1}, NULL, 0));
  one_op("resize_nearest_neighbor", TFLC_OP_RESIZE_NEAREST_NEIGHBOR,
         TFLC_BO_RESIZE_NEAREST_NEIGHBOR, NULL, 0, rs, 2,
         (sd)F32(4, {1, 4, 4, 1}, NULL, 0));
  sd tr[2] = {F32(2, {2, 3}, NULL, 0), I32T(1, {2}, perm, 0)};
  one_op("transpose", TFLC_OP_TRANSPOSE, TFLC_BO_TRANSPOSE, NULL, 0, tr, 2,
         (sd)F32(2, {3, 2}, NULL, 0));
  sd sl[3] = {F32(2, {2, 3}, NULL, 0), I32T(1, {2}, begin, 0),
              I32T(1, {2}, size_, 0)};
  one_op("slice", TFLC_OP_SLICE, TFLC_BO_SLICE, NULL, 0, sl, 3,
         (sd)F32(2, {2, 2}, NULL, 0));
  sd ss[4] = {F32(2, {2, 3}, NULL, 0), I32T(1, {2}, begin, 0),
              I32T(1, {2}, size_, 0), I32T(1, {2}, strides, 0)};
  one_op("strided_slice", TFLC_OP_STRIDED_SLICE, TFLC_BO_STRIDED_SLICE, NULL, 0,
         ss, 4, (sd)F32(2, {2, 1}, NULL, 0));
  sd tile[2] = {F32(2, {2, 3}, NULL, 0), I32T(1, {2}, mult, 0)};
  one_op("tile", TFLC_OP_TILE, TFLC_BO_TILE, NULL, 0, tile, 2,
         (sd)F32(2, {4, 3}, NULL, 0));
  sd s2b[3] = {F32(4, {1, 4, 4, 1}, NULL, 0), I32T(1, {2}, block, 0),
               I32T(2, {2, 2}, crops, 0)};
  one_op("space_to_batch_nd", TFLC_OP_SPACE_TO_BATCH_ND,
         TFLC_BO_SPACE_TO_BATCH_ND, NULL, 0, s2b, 3,
         (sd)F32(4, {4, 2, 2, 1}, NULL, 0));
  sd b2s[3] = {F32(4, {4, 2, 2, 1}, NULL, 0), I32T(1, {2}, block, 0),
               I32T(2, {2, 2}, crops, 0)};
  one_op("batch_to_space_nd", TFLC_OP_BATCH_TO_SPACE_ND,
         TFLC_BO_BATCH_TO_SPACE_ND, NULL, 0, b2s, 3,
         (sd)F32(4, {1, 4, 4, 1}, NULL, 0));
  tflc_opt_field bs = OPT(0, I32, 2);
  sd d2s = F32(4, {1, 2, 2, 4}, NULL, 0);
  one_op("depth_to_space", TFLC_OP_DEPTH_TO_SPACE, TFLC_BO_DEPTH_TO_SPACE, &bs,
         1, &d2s, 1, (sd)F32(4, {1, 4, 4, 1}, NULL, 0));
  sd s2d = F32(4, {1, 4, 4, 1}, NULL, 0);
  one_op("space_to_depth", TFLC_OP_SPACE_TO_DEPTH, TFLC_BO_SPACE_TO_DEPTH, &bs,
         1, &s2d, 1, (sd)F32(4, {1, 2, 2, 4}, NULL, 0));
  sd seg[2] = {F32(2, {4, 2}, NULL, 0), I32T(1, {4}, NULL, 0)};
  one_op("segment_sum", TFLC_OP_SEGMENT_SUM, 0, NULL, 0, seg, 2,
         (sd)F32(2, {4, 2}, NULL, 0));
  sd shp = F32(2, {2, 3}, NULL, 0);
  one_op("shape", TFLC_OP_SHAPE, TFLC_BO_SHAPE, NULL, 0, &shp, 1,
         (sd)I32T(1, {2}, NULL, 0));
  sd pk[2] = {F32(1, {3}, NULL, 0), F32(1, {3}, NULL, 0)};
  tflc_opt_field pko[2] = {OPT(0, I32, 2), OPT(1, I32, 0)};
  one_op("pack", TFLC_OP_PACK, TFLC_BO_PACK, pko, 2, pk, 2,
         (sd)F32(2, {2, 3}, NULL, 0));
  sd rng[3] = {I32T(0, {0}, NULL, 0), I32T(0, {0}, NULL, 0),
               I32T(0, {0}, NULL, 0)};
  one_op("range", TFLC_OP_RANGE, TFLC_BO_RANGE, NULL, 0, rng, 3,
         (sd)I32T(1, {0}, NULL, 0));
  sd fill[2] = {I32T(1, {2}, NULL, 0), F32(0, {0}, NULL, 0)};
  one_op("fill", TFLC_OP_FILL, TFLC_BO_FILL, NULL, 0, fill, 2,
         (sd)F32(2, {2, 2}, NULL, 0));
  sd sel[3] = {BOOLT(1, {4}, NULL, 0), F32(1, {4}, NULL, 0),
               F32(1, {4}, NULL, 0)};
  one_op("select_v2", TFLC_OP_SELECT_V2, TFLC_BO_SELECT_V2, NULL, 0, sel, 3,
         (sd)F32(1, {4}, NULL, 0));
  sd am[2] = {F32(2, {2, 3}, NULL, 0), I32T(1, {1}, axis1, 0)};
  one_op("arg_max", TFLC_OP_ARG_MAX, TFLC_BO_ARG_MAX, NULL, 0, am, 2,
         (sd)I32T(1, {2}, NULL, 0));
}

/* ---- control flow and variables ---- */

static void while_seed(void) {
  tm_model *m = tm_create();
  int s2[1] = {2}, s1[1] = {1};
  int x = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "x");
  int i = tm_tensor(m, TFLC_TT_INT32, s1, 1, "i");
  int xo = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "x_out");
  int io = tm_tensor(m, TFLC_TT_INT32, s1, 1, "i_out");
  int in[2] = {x, i}, out[2] = {xo, io};
  tflc_opt_field f[2] = {OPT(0, I32, 1), OPT(1, I32, 2)};
  tm_op(m, TFLC_OP_WHILE, NULL, in, 2, out, 2, TFLC_BO_WHILE, f, 2);
  tm_io(m, in, 2, out, 2);
  tm_subgraph(m);
  int cx = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "cx");
  int ci = tm_tensor(m, TFLC_TT_INT32, s1, 1, "ci");
  int32_t five = 5;
  int lim = tm_const(m, TFLC_TT_INT32, s1, 1, &five, 4, "limit");
  int cb = tm_tensor(m, TFLC_TT_BOOL, s1, 1, "cond");
  int cin[2] = {ci, lim};
  tm_op(m, TFLC_OP_LESS, NULL, cin, 2, &cb, 1, 0, NULL, 0);
  int cargs[2] = {cx, ci};
  tm_io(m, cargs, 2, &cb, 1);
  tm_subgraph(m);
  int bx = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "bx");
  int bi = tm_tensor(m, TFLC_TT_INT32, s1, 1, "bi");
  int32_t one = 1;
  int k1 = tm_const(m, TFLC_TT_INT32, s1, 1, &one, 4, "one");
  int bxo = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "bx_out");
  int bio = tm_tensor(m, TFLC_TT_INT32, s1, 1, "bi_out");
  int xx[2] = {bx, bx}, ii[2] = {bi, k1};
  tm_op(m, TFLC_OP_ADD, NULL, xx, 2, &bxo, 1, 0, NULL, 0);
  tm_op(m, TFLC_OP_ADD, NULL, ii, 2, &bio, 1, 0, NULL, 0);
  int bargs[2] = {bx, bi}, bouts[2] = {bxo, bio};
  tm_io(m, bargs, 2, bouts, 2);
  emit_model("while", m);
}

static void if_seed(void) {
  tm_model *m = tm_create();
  int s1[1] = {1}, s2[1] = {2};
  int c = tm_tensor(m, TFLC_TT_BOOL, s1, 1, "c");
  int a = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "a");
  int b = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "b");
  int o = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "o");
  int in[3] = {c, a, b};
  tflc_opt_field f[2] = {OPT(0, I32, 1), OPT(1, I32, 2)};
  tm_op(m, TFLC_OP_IF, NULL, in, 3, &o, 1, TFLC_BO_IF, f, 2);
  tm_io(m, in, 3, &o, 1);
  for (int br = 0; br < 2; br++) {
    tm_subgraph(m);
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "x");
    int y = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "y");
    int z = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "z");
    int xy[2] = {x, y};
    tm_op(m, br == 0 ? TFLC_OP_ADD : TFLC_OP_MUL, NULL, xy, 2, &z, 1, 0, NULL,
          0);
    tm_io(m, xy, 2, &z, 1);
  }
  emit_model("if", m);
}

static void call_once_seed(void) {
  tm_model *m = tm_create();
  int s1[1] = {1};
  int x = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "x");
  int h = tm_tensor(m, TFLC_TT_RESOURCE, NULL, 0, "handle");
  int v = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "v");
  int o = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "out");
  tflc_opt_field once = OPT(0, I32, 1);
  tm_op(m, TFLC_OP_CALL_ONCE, NULL, NULL, 0, NULL, 0, TFLC_BO_CALL_ONCE, &once,
        1);
  tflc_opt_field name = {
      .id = 1, .kind = TFLC_OPT_STRING, .vec = "var", .vec_len = 3};
  tm_op(m, TFLC_OP_VAR_HANDLE, NULL, NULL, 0, &h, 1, TFLC_BO_VAR_HANDLE, &name,
        1);
  tm_op(m, TFLC_OP_READ_VARIABLE, NULL, &h, 1, &v, 1, 0, NULL, 0);
  int xv[2] = {x, v};
  tm_op(m, TFLC_OP_MUL, NULL, xv, 2, &o, 1, 0, NULL, 0);
  int ho[2] = {h, o};
  tm_op(m, TFLC_OP_ASSIGN_VARIABLE, NULL, ho, 2, NULL, 0, 0, NULL, 0);
  tm_io(m, &x, 1, &o, 1);
  const char *in_names[1] = {"x"}, *out_names[1] = {"out"};
  tm_add_signature(m, "serving_default", 0, in_names, &x, 1, out_names, &o, 1);
  tm_subgraph(m);
  int h2 = tm_tensor(m, TFLC_TT_RESOURCE, NULL, 0, "handle");
  float three = 3.0f;
  int c3 = tm_const(m, TFLC_TT_FLOAT32, s1, 1, &three, 4, "three");
  tm_op(m, TFLC_OP_VAR_HANDLE, NULL, NULL, 0, &h2, 1, TFLC_BO_VAR_HANDLE, &name,
        1);
  int hc[2] = {h2, c3};
  tm_op(m, TFLC_OP_ASSIGN_VARIABLE, NULL, hc, 2, NULL, 0, 0, NULL, 0);
  tm_io(m, NULL, 0, NULL, 0);
  emit_model("call_once_variables", m);
}

/* A chain: conv -> relu -> reshape -> fully connected -> softmax, with a
 * variable-free dynamic-shape branch (GATHER by runtime indices). */
static void chain_seed(void) {
  static const float bias[2] = {0.5f, -0.5f};
  static const int32_t newshape[2] = {1, 18};
  tm_model *m = tm_create();
  int in_s[4] = {1, 3, 3, 2}, f_s[4] = {2, 1, 1, 2}, b_s[1] = {2},
      c_s[4] = {1, 3, 3, 2};
  int x = tm_tensor(m, TFLC_TT_FLOAT32, in_s, 4, "x");
  int w = tm_const(m, TFLC_TT_FLOAT32, f_s, 4, k_w, 16, "w");
  int b = tm_const(m, TFLC_TT_FLOAT32, b_s, 1, bias, 8, "b");
  int c = tm_tensor(m, TFLC_TT_FLOAT32, c_s, 4, "conv");
  tflc_opt_field co[4] = {OPT(0, I8, 0), OPT(1, I32, 1), OPT(2, I32, 1),
                          OPT(3, I8, 1)};
  int ci[3] = {x, w, b};
  tm_op(m, TFLC_OP_CONV_2D, NULL, ci, 3, &c, 1, TFLC_BO_CONV_2D, co, 4);
  int ns_s[1] = {2}, r_s[2] = {1, 18};
  int ns = tm_const(m, TFLC_TT_INT32, ns_s, 1, newshape, 8, "newshape");
  int r = tm_tensor(m, TFLC_TT_FLOAT32, r_s, 2, "flat");
  int ri[2] = {c, ns};
  tm_op(m, TFLC_OP_RESHAPE, NULL, ri, 2, &r, 1, 0, NULL, 0);
  int fw_s[2] = {2, 18}, o_s[2] = {1, 2};
  float fw[36];
  for (int i = 0; i < 36; i++) fw[i] = k_w[i];
  int fwt = tm_const(m, TFLC_TT_FLOAT32, fw_s, 2, fw, sizeof fw, "fc_w");
  int fo = tm_tensor(m, TFLC_TT_FLOAT32, o_s, 2, "fc");
  int fi[3] = {r, fwt, -1};
  tm_op(m, TFLC_OP_FULLY_CONNECTED, NULL, fi, 3, &fo, 1, 0, NULL, 0);
  int so = tm_tensor(m, TFLC_TT_FLOAT32, o_s, 2, "probs");
  tflc_opt_field beta = tm_opt_f32(0, 1.0f);
  tm_op(m, TFLC_OP_SOFTMAX, NULL, &fo, 1, &so, 1, TFLC_BO_SOFTMAX, &beta, 1);
  tm_io(m, &x, 1, &so, 1);
  emit_model("chain_conv_fc_softmax", m);
}

/* ---- .npy ---- */

static void npy_seeds(void) {
  static const float f[6] = {1, 2, 3, 4, 5, 6};
  static const int shape[3] = {2, 3, 1};
  static const struct {
    const char *name;
    TfLiteType type;
    int rank;
  } n[] = {{"f32_2x3", kTfLiteFloat32, 2}, {"i8_2x3x1", kTfLiteInt8, 3},
           {"u8_scalar", kTfLiteUInt8, 0}, {"i64_2", kTfLiteInt64, 1},
           {"bool_2x3", kTfLiteBool, 2},   {"f16_2x3", kTfLiteFloat16, 2}};
  for (size_t i = 0; i < sizeof n / sizeof n[0]; i++) {
    size_t cnt = 1;
    int sh[3] = {shape[0], shape[1], shape[2]};
    if (n[i].rank == 1) sh[0] = 2;
    for (int d = 0; d < n[i].rank; d++) cnt *= (size_t)sh[d];
    uint8_t *buf = NULL;
    size_t len = 0;
    char err[256];
    if (npy_encode(n[i].type, sh, n[i].rank, f, cnt * npy_type_size(n[i].type),
                   &buf, &len, err, sizeof err) != 0) {
      fprintf(stderr, "fuzz_make_seeds: %s: %s\n", n[i].name, err);
      exit(1);
    }
    char file[64];
    snprintf(file, sizeof file, "%s.npy", n[i].name);
    write_file("fuzz_npy", file, buf, len, NULL, 0);
    free(buf);
  }
  /* Hand-written headers: version 2.0, Fortran order, big-endian byte. */
  static const char v2[] =
      "\x93NUMPY\x02\x00\x3c\x00\x00\x00{'descr': '<i2', 'fortran_order': "
      "True, 'shape': (2, 2), }      \n";
  static const uint8_t v2data[8] = {1, 0, 2, 0, 3, 0, 4, 0};
  write_file("fuzz_npy", "v2_fortran_i2.npy", (const uint8_t *)v2,
             sizeof v2 - 1, v2data, sizeof v2data);
}

static void wrap_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "fuzz_make_seeds: %s: %s\n", path, strerror(errno));
    return;
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  if (n <= 0 || n > (16 << 20)) {
    fclose(f);
    return;
  }
  uint8_t *buf = malloc((size_t)n);
  size_t got = fread(buf, 1, (size_t)n, f);
  fclose(f);
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  char name[512];
  snprintf(name, sizeof name, "shared_%s", base);
  write_invoke(name, buf, got, 2);
  free(buf);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: fuzz_make_seeds OUTDIR [MODEL.tflite ...]\n");
    return 2;
  }
  outdir = argv[1];
  const char *subs[3] = {"fuzz_load", "fuzz_invoke", "fuzz_npy"};
  mkdir(outdir, 0777);
  for (int i = 0; i < 3; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", outdir, subs[i]);
    mkdir(path, 0777);
  }
  binary_seeds();
  unary_seeds();
  conv_seeds();
  shape_seeds();
  while_seed();
  if_seed();
  call_once_seed();
  chain_seed();
  npy_seeds();
  for (int i = 2; i < argc; i++) wrap_file(argv[i]);
  printf("fuzz_make_seeds: wrote %d files under %s\n", n_written, outdir);
  return 0;
}
