/* One test per class of TensorFlow Lite security advisory about model
 * loading and kernels (docs/SECURITY.md lists the classes, the advisory ids
 * and the test of each). Every malicious model is built with the project's
 * writer (tests/support/test_model.h) and must be refused at load or at
 * AllocateTensors, or fail Invoke, with a message containing a keyword --
 * never crash, never read or write out of bounds (the ASan build runs this).
 * Models that are valid despite looking like an advisory's (zero-size
 * tensors, say) must run and give the right, possibly empty, output.
 * Operators tflc does not implement yet are skipped with a printed note. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ops/one_op.h"
#include "tflc/tflc.h"

typedef enum stage { ST_LOAD, ST_CREATE, ST_ALLOCATE, ST_INVOKE, ST_OK } stage;
static const char *stage_name[] = {"load", "create", "AllocateTensors",
                                   "Invoke", "success"};

static int skipped;

/* What run_model_out copies out of one output after a successful Invoke. */
typedef struct out_copy {
  int index;      /* which graph output */
  int rank;       /* -1 until copied */
  int shape[8];   /* the first 8 dimensions */
  uint8_t *bytes; /* malloc'd copy of the data (NULL when empty) */
  size_t size;
} out_copy;

/* Loads, creates, allocates and invokes `bytes` with every graph input
 * filled from `input` (repeated) or zeros. Returns the stage that failed
 * (ST_OK when everything succeeded); err gets every reported message. With
 * out (may be NULL) and success, output out->index is copied into it. */
static stage run_model_out(const uint8_t *bytes, size_t size, const void *input,
                           size_t input_bytes, char *err, out_copy *out) {
  err[0] = '\0';
  stage st = ST_LOAD;
  TfLiteModel *model =
      TfLiteModelCreateWithErrorReporter(bytes, size, oo_report, err);
  if (!model) return ST_LOAD;
  TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(opts, oo_report, err);
  TfLiteInterpreter *it = TfLiteInterpreterCreate(model, opts);
  TfLiteInterpreterOptionsDelete(opts);
  if (!it) {
    st = ST_CREATE;
  } else if (TfLiteInterpreterAllocateTensors(it) != kTfLiteOk) {
    st = ST_ALLOCATE;
  } else {
    for (int i = 0; i < TfLiteInterpreterGetInputTensorCount(it); i++) {
      TfLiteTensor *t = TfLiteInterpreterGetInputTensor(it, i);
      uint8_t *d = TfLiteTensorData(t);
      size_t n = TfLiteTensorByteSize(t);
      for (size_t k = 0; d && k < n; k++)
        d[k] = input && input_bytes ? ((const uint8_t *)input)[k % input_bytes]
                                    : 0;
    }
    st = TfLiteInterpreterInvoke(it) == kTfLiteOk ? ST_OK : ST_INVOKE;
    if (st == ST_OK && out &&
        out->index < TfLiteInterpreterGetOutputTensorCount(it)) {
      const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(it, out->index);
      out->rank = TfLiteTensorNumDims(t);
      for (int i = 0; i < out->rank && i < 8; i++)
        out->shape[i] = TfLiteTensorDim(t, i);
      out->size = TfLiteTensorByteSize(t);
      const void *d = TfLiteTensorData(t);
      if (d && out->size) {
        out->bytes = malloc(out->size);
        if (out->bytes) memcpy(out->bytes, d, out->size);
      }
    }
  }
  TfLiteInterpreterDelete(it);
  TfLiteModelDelete(model);
  return st;
}

static stage run_model(const uint8_t *bytes, size_t size, const void *input,
                       size_t input_bytes, char *err) {
  return run_model_out(bytes, size, input, input_bytes, err, NULL);
}

/* The model must fail (at any stage) with `keyword` in the message. When
 * op_may_be_missing and the failure says the op is not supported, the case
 * is skipped with a note. */
static void expect_refused(const char *label, uint8_t *bytes, size_t size,
                           const void *input, size_t input_bytes,
                           const char *keyword, int op_may_be_missing) {
  char err[2048];
  CHECK_MSG(bytes != NULL, "%s: the writer failed", label);
  if (!bytes) return;
  stage st = run_model(bytes, size, input, input_bytes, err);
  free(bytes);
  if (op_may_be_missing && st == ST_ALLOCATE &&
      strstr(err, "not supported by tflc yet")) {
    printf("SKIP %s: operator not implemented yet (%s)\n", label, err);
    skipped++;
    return;
  }
  CHECK_MSG(st != ST_OK,
            "%s: the model ran; it must be refused (keyword \"%s\")", label,
            keyword);
  if (st != ST_OK) {
    CHECK_MSG(strstr(err, keyword) != NULL,
              "%s: refused at %s with \"%s\", lacking \"%s\"", label,
              stage_name[st], err, keyword);
    printf("ok %s: refused at %s: %.200s\n", label, stage_name[st], err);
  }
}

/* The model may run or be refused (both are safe); it must not crash. */
static void expect_safe(const char *label, uint8_t *bytes, size_t size,
                        const void *input, size_t input_bytes) {
  char err[2048];
  CHECK_MSG(bytes != NULL, "%s: the writer failed", label);
  if (!bytes) return;
  stage st = run_model(bytes, size, input, input_bytes, err);
  free(bytes);
  CHECK(st == ST_OK || err[0] != '\0'); /* a failure always says why */
  printf("ok %s: %s%s%.200s\n", label, st == ST_OK ? "ran" : "refused at ",
         st == ST_OK ? "" : stage_name[st], st == ST_OK ? "" : err);
}

/* The model must run (a valid model, e.g. with zero-size tensors); its
 * output out_index must have the shape (shape, rank) and, when want is not
 * NULL, exactly the bytes want (want_bytes). */
static void expect_ran(const char *label, uint8_t *bytes, size_t size,
                       const void *input, size_t input_bytes, int out_index,
                       const int *shape, int rank, const void *want,
                       size_t want_bytes) {
  char err[2048];
  CHECK_MSG(bytes != NULL, "%s: the writer failed", label);
  if (!bytes) return;
  out_copy out = {.index = out_index, .rank = -1};
  stage st = run_model_out(bytes, size, input, input_bytes, err, &out);
  free(bytes);
  CHECK_MSG(st == ST_OK, "%s: failed at %s: %s", label, stage_name[st], err);
  if (st == ST_OK) {
    int same = out.rank == rank;
    for (int i = 0; same && i < rank && i < 8; i++)
      same = out.shape[i] == shape[i];
    CHECK_MSG(same, "%s: output %d has rank %d (first dims %d, %d), want %d",
              label, out_index, out.rank, out.rank > 0 ? out.shape[0] : -1,
              out.rank > 1 ? out.shape[1] : -1, rank);
    if (want) {
      CHECK_MSG(out.size == want_bytes &&
                    (want_bytes == 0 ||
                     (out.bytes && !memcmp(out.bytes, want, want_bytes))),
                "%s: output %d differs from the expected %zu bytes (got %zu)",
                label, out_index, want_bytes, out.size);
    }
    printf("ok %s: ran, output %d has %zu bytes\n", label, out_index, out.size);
  }
  free(out.bytes);
}

/* A one-operator model from an oo_op description (tests/ops/one_op.h). */
static uint8_t *one_op_bytes(const oo_op *c, size_t *size) {
  tm_model *m = tm_create();
  int ins[16], graph_ins[16], n_graph = 0;
  for (int i = 0; i < c->n_inputs && i < 16; i++) {
    if (c->inputs[i].tt < 0) {
      ins[i] = -1;
      continue;
    }
    char name[16];
    snprintf(name, sizeof name, "in%d", i);
    ins[i] = oo_add_tensor(m, &c->inputs[i], name);
    if (!c->inputs[i].is_const) graph_ins[n_graph++] = ins[i];
  }
  int out = oo_add_tensor(m, &c->out, "out");
  tm_op(m, c->op, NULL, ins, c->n_inputs, &out, 1, c->bo, c->fields,
        c->n_fields);
  tm_io(m, graph_ins, n_graph, &out, 1);
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
}

#define OPT(id, kind, v) tm_opt_int(id, TFLC_OPT_##kind, v)

/* One operator with any number of outputs (outs; n_outs may be 0) and,
 * when var_input >= 0, that input made a variable tensor (then not a graph
 * input). The graph outputs are the operator's outputs. */
static uint8_t *op_bytes(const oo_op *c, const oo_tensor *outs, int n_outs,
                         int var_input, size_t *size) {
  tm_model *m = tm_create();
  int ins[16], graph_ins[16], n_graph = 0, out_idx[8];
  for (int i = 0; i < c->n_inputs && i < 16; i++) {
    if (c->inputs[i].tt < 0) {
      ins[i] = -1;
      continue;
    }
    char name[16];
    snprintf(name, sizeof name, "in%d", i);
    ins[i] = oo_add_tensor(m, &c->inputs[i], name);
    if (i == var_input)
      tm_variable(m, ins[i]);
    else if (!c->inputs[i].is_const)
      graph_ins[n_graph++] = ins[i];
  }
  for (int i = 0; i < n_outs && i < 8; i++) {
    char name[16];
    snprintf(name, sizeof name, "out%d", i);
    out_idx[i] = oo_add_tensor(m, &outs[i], name);
  }
  tm_op(m, c->op, NULL, ins, c->n_inputs, out_idx, n_outs, c->bo, c->fields,
        c->n_fields);
  tm_io(m, graph_ins, n_graph, out_idx, n_outs);
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
}

static const float k_w[64] = {
    0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2,
    0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2,
    0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2,
    0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2};

/* ---- shapes: negative / huge dimensions, overflowing products ---- */

static void test_bad_shapes(void) {
  size_t size;
  static const int neg[2] = {-2, 3}, s23[2] = {2, 3};
  oo_tensor in_neg = {TFLC_TT_FLOAT32, neg, 2, NULL, 0, 0, NULL, NULL, 0};
  oo_op relu = {TFLC_OP_RELU,
                0,
                NULL,
                0,
                &in_neg,
                1,
                {TFLC_TT_FLOAT32, s23, 2, NULL, 0, 0, NULL, NULL, 0}};
  uint8_t *b = one_op_bytes(&relu, &size);
  expect_refused("negative dimension", b, size, NULL, 0, "negative", 0);

  /* 65536^3 float elements: the byte size overflows 32 bits many times. */
  static const int huge[3] = {65536, 65536, 65536};
  oo_tensor in_huge = {TFLC_TT_FLOAT32, huge, 3, NULL, 0, 0, NULL, NULL, 0};
  relu.inputs = &in_huge;
  relu.out.shape = huge;
  relu.out.rank = 3;
  b = one_op_bytes(&relu, &size);
  expect_refused("shape product overflow", b, size, NULL, 0, "shape", 0);

  /* INT32_MAX x 2 int8 elements: over the 2^31 element limit. */
  static const int big2[2] = {INT_MAX, 2};
  oo_tensor in_big = {TFLC_TT_INT8, big2, 2, NULL, 0, 0, NULL, NULL, 0};
  oo_op neg_op = {TFLC_OP_NEG,
                  0,
                  NULL,
                  0,
                  &in_big,
                  1,
                  {TFLC_TT_INT8, big2, 2, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&neg_op, &size);
  expect_refused("element count over INT32_MAX", b, size, NULL, 0, "shape", 0);

  /* Concatenation of two zero-size tensors whose axis sizes sum past
   * INT32_MAX (the concatenation advisory: int overflow of dimensions). */
  static const int half[2] = {1 << 30, 0}, sum[2] = {1 << 30, 0};
  oo_tensor cin[2] = {{TFLC_TT_FLOAT32, half, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, half, 2, NULL, 0, 0, NULL, NULL, 0}};
  tflc_opt_field axis0 = OPT(0, I32, 0);
  oo_op cat = {TFLC_OP_CONCATENATION,
               TFLC_BO_CONCATENATION,
               &axis0,
               1,
               cin,
               2,
               {TFLC_TT_FLOAT32, sum, 2, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&cat, &size);
  expect_refused("concatenation dimension overflow", b, size, NULL, 0,
                 "too large", 0);

  /* A rank far beyond anything real. */
  int deep[64];
  for (int i = 0; i < 64; i++) deep[i] = 1;
  oo_tensor in_deep = {TFLC_TT_FLOAT32, deep, 64, NULL, 0, 0, NULL, NULL, 0};
  relu.inputs = &in_deep;
  relu.out.shape = deep;
  relu.out.rank = 64;
  b = one_op_bytes(&relu, &size);
  expect_safe("rank 64 tensors", b, size, NULL, 0);
}

/* ---- zero strides, dilations, filter sizes, block sizes ---- */

static void test_zero_parameters(void) {
  size_t size;
  static const int in_s[4] = {1, 5, 5, 2}, f_s[4] = {3, 3, 3, 2}, b_s[1] = {3},
                   o_s[4] = {1, 5, 5, 3};
  static const float bias[4] = {0, 0, 0, 0};
  oo_tensor conv_in[3] = {{TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0},
                          {TFLC_TT_FLOAT32, f_s, 4, k_w, 1, 0, NULL, NULL, 0},
                          {TFLC_TT_FLOAT32, b_s, 1, bias, 1, 0, NULL, NULL, 0}};
  oo_tensor conv_out = {TFLC_TT_FLOAT32, o_s, 4, NULL, 0, 0, NULL, NULL, 0};
  for (int which = 0; which < 4; which++) {
    /* stride_w 0, stride_h 0, dilation_w 0, dilation_h 0 */
    tflc_opt_field f[5] = {OPT(0, I8, 0), OPT(1, I32, which == 0 ? 0 : 1),
                           OPT(2, I32, which == 1 ? 0 : 1),
                           OPT(4, I32, which == 2 ? 0 : 1),
                           OPT(5, I32, which == 3 ? 0 : 1)};
    oo_op conv = {TFLC_OP_CONV_2D, TFLC_BO_CONV_2D, f, 5, conv_in, 3, conv_out};
    static const char *labels[4] = {"CONV_2D stride_w 0", "CONV_2D stride_h 0",
                                    "CONV_2D dilation_w 0",
                                    "CONV_2D dilation_h 0"};
    uint8_t *b = one_op_bytes(&conv, &size);
    expect_refused(labels[which], b, size, NULL, 0,
                   which < 2 ? "stride" : "dilation", 0);
  }
  /* CONV_2D whose filter has 0 input channels (GHSA-5w96-866f-6rm8). */
  static const int in0[4] = {1, 5, 5, 0}, f0[4] = {3, 3, 3, 0};
  oo_tensor conv0_in[3] = {
      {TFLC_TT_FLOAT32, in0, 4, NULL, 0, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, f0, 4, NULL, 0, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, b_s, 1, bias, 1, 0, NULL, NULL, 0}};
  tflc_opt_field same[3] = {OPT(0, I8, 0), OPT(1, I32, 1), OPT(2, I32, 1)};
  oo_op conv0 = {TFLC_OP_CONV_2D, TFLC_BO_CONV_2D, same, 3, conv0_in, 3,
                 conv_out};
  uint8_t *b = one_op_bytes(&conv0, &size);
  expect_safe("CONV_2D with 0 input channels", b, size, NULL, 0);

  static const int dwf[4] = {1, 3, 3, 4}, dwb[1] = {4}, dwo[4] = {1, 5, 5, 4};
  oo_tensor dw_in[3] = {{TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0},
                        {TFLC_TT_FLOAT32, dwf, 4, k_w, 1, 0, NULL, NULL, 0},
                        {TFLC_TT_FLOAT32, dwb, 1, bias, 1, 0, NULL, NULL, 0}};
  oo_tensor dw_out = {TFLC_TT_FLOAT32, dwo, 4, NULL, 0, 0, NULL, NULL, 0};
  for (int which = 0; which < 3; which++) {
    /* stride 0, dilation 0, depth_multiplier 0 (GHSA-428x-9xc2-m8mj) */
    tflc_opt_field f[6] = {OPT(0, I8, 0),
                           OPT(1, I32, which == 0 ? 0 : 1),
                           OPT(2, I32, 1),
                           OPT(3, I32, which == 2 ? 0 : 2),
                           OPT(5, I32, which == 1 ? 0 : 1),
                           OPT(6, I32, 1)};
    oo_op dw = {TFLC_OP_DEPTHWISE_CONV_2D,
                TFLC_BO_DEPTHWISE_CONV_2D,
                f,
                6,
                dw_in,
                3,
                dw_out};
    static const char *labels[3] = {"DEPTHWISE_CONV_2D stride 0",
                                    "DEPTHWISE_CONV_2D dilation 0",
                                    "DEPTHWISE_CONV_2D depth_multiplier 0"};
    static const char *keys[3] = {"stride", "dilation", "multiplier"};
    b = one_op_bytes(&dw, &size);
    if (which == 2)
      expect_safe(labels[which], b, size, NULL,
                  0); /* TFLite infers the multiplier */
    else
      expect_refused(labels[which], b, size, NULL, 0, keys[which], 0);
  }
  /* DEPTHWISE_CONV_2D with a 0-channel filter (CVE-2021-29602). */
  static const int dwf0[4] = {1, 3, 3, 0}, dwo0[4] = {1, 5, 5, 0};
  oo_tensor dw0_in[3] = {{TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0},
                         {TFLC_TT_FLOAT32, dwf0, 4, NULL, 0, 0, NULL, NULL, 0},
                         {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
  tflc_opt_field dwsame[4] = {OPT(0, I8, 0), OPT(1, I32, 1), OPT(2, I32, 1),
                              OPT(3, I32, 2)};
  oo_op dw0 = {TFLC_OP_DEPTHWISE_CONV_2D,
               TFLC_BO_DEPTHWISE_CONV_2D,
               dwsame,
               4,
               dw0_in,
               3,
               {TFLC_TT_FLOAT32, dwo0, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&dw0, &size);
  expect_safe("DEPTHWISE_CONV_2D with 0 output channels", b, size, NULL, 0);

  /* Pools: stride 0 and filter 0 (CVE-2021-29586, GHSA-mv78-g7wq-mhp4). */
  static const int p_in[4] = {1, 4, 4, 2}, p_out[4] = {1, 2, 2, 2};
  oo_tensor pin = {TFLC_TT_FLOAT32, p_in, 4, NULL, 0, 0, NULL, NULL, 0};
  int32_t pool_ops[2] = {TFLC_OP_AVERAGE_POOL_2D, TFLC_OP_MAX_POOL_2D};
  for (int p = 0; p < 2; p++) {
    for (int which = 0; which < 2; which++) {
      tflc_opt_field f[5] = {OPT(0, I8, 1), OPT(1, I32, which == 0 ? 0 : 2),
                             OPT(2, I32, 2), OPT(3, I32, which == 1 ? 0 : 2),
                             OPT(4, I32, 2)};
      oo_op pool = {pool_ops[p],
                    TFLC_BO_POOL_2D,
                    f,
                    5,
                    &pin,
                    1,
                    {TFLC_TT_FLOAT32, p_out, 4, NULL, 0, 0, NULL, NULL, 0}};
      char label[64];
      snprintf(label, sizeof label, "%s %s 0",
               p ? "MAX_POOL_2D" : "AVERAGE_POOL_2D",
               which ? "filter_width" : "stride_w");
      b = one_op_bytes(&pool, &size);
      expect_refused(label, b, size, NULL, 0, which ? "filter" : "stride", 0);
    }
  }
  /* TRANSPOSE_CONV stride 0. */
  static const int32_t tshape[4] = {1, 4, 4, 1};
  static const int tsh[1] = {4}, tw[4] = {1, 3, 3, 1}, tin[4] = {1, 2, 2, 1},
                   tout[4] = {1, 4, 4, 1};
  oo_tensor tc_in[3] = {{TFLC_TT_INT32, tsh, 1, tshape, 1, 0, NULL, NULL, 0},
                        {TFLC_TT_FLOAT32, tw, 4, k_w, 1, 0, NULL, NULL, 0},
                        {TFLC_TT_FLOAT32, tin, 4, NULL, 0, 0, NULL, NULL, 0}};
  tflc_opt_field tco[3] = {OPT(0, I8, 0), OPT(1, I32, 0), OPT(2, I32, 2)};
  oo_op tc = {TFLC_OP_TRANSPOSE_CONV,
              TFLC_BO_TRANSPOSE_CONV,
              tco,
              3,
              tc_in,
              3,
              {TFLC_TT_FLOAT32, tout, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&tc, &size);
  expect_refused("TRANSPOSE_CONV stride 0", b, size, NULL, 0, "stride", 0);

  /* Block sizes 0: SPACE_TO_DEPTH (GHSA-j7rm-8ww4-xx2g), DEPTH_TO_SPACE
   * (GHSA-vf94-36g5-69v8), SPACE_TO_BATCH_ND (GHSA-v52p-hfjf-wg88),
   * BATCH_TO_SPACE_ND (GHSA-cfx7-2xpc-8w4h). */
  static const int s4[4] = {1, 4, 4, 4};
  tflc_opt_field bs0 = OPT(0, I32, 0);
  oo_tensor s4in = {TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0};
  oo_op s2d = {TFLC_OP_SPACE_TO_DEPTH,
               TFLC_BO_SPACE_TO_DEPTH,
               &bs0,
               1,
               &s4in,
               1,
               {TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&s2d, &size);
  expect_refused("SPACE_TO_DEPTH block_size 0", b, size, NULL, 0, "block", 1);
  oo_op d2s = {TFLC_OP_DEPTH_TO_SPACE,
               TFLC_BO_DEPTH_TO_SPACE,
               &bs0,
               1,
               &s4in,
               1,
               {TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&d2s, &size);
  expect_refused("DEPTH_TO_SPACE block_size 0", b, size, NULL, 0, "block", 1);
  static const int32_t block0[2] = {0, 2}, crops[4] = {0, 0, 0, 0};
  static const int two[1] = {2}, two2[2] = {2, 2};
  oo_tensor sb_in[3] = {{TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0},
                        {TFLC_TT_INT32, two, 1, block0, 1, 0, NULL, NULL, 0},
                        {TFLC_TT_INT32, two2, 2, crops, 1, 0, NULL, NULL, 0}};
  oo_op s2b = {TFLC_OP_SPACE_TO_BATCH_ND,
               TFLC_BO_SPACE_TO_BATCH_ND,
               NULL,
               0,
               sb_in,
               3,
               {TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&s2b, &size);
  expect_refused("SPACE_TO_BATCH_ND block 0", b, size, NULL, 0, "block", 1);
  oo_op b2s = {TFLC_OP_BATCH_TO_SPACE_ND,
               TFLC_BO_BATCH_TO_SPACE_ND,
               NULL,
               0,
               sb_in,
               3,
               {TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&b2s, &size);
  expect_refused("BATCH_TO_SPACE_ND block 0", b, size, NULL, 0, "block", 1);
}

/* ---- zero divisors at run time (CVE-2021-37683 and relatives) ---- */

static void test_zero_divisors(void) {
  size_t size;
  static const int s4[1] = {4};
  static const int32_t divisor[4] = {1, 2, 0, 4};
  static const int64_t divisor64[4] = {1, 2, 0, 4};
  struct {
    const char *label;
    int32_t op;
    uint8_t bo;
    int8_t tt;
    const void *zero;
    int may_be_missing;
  } cases[] = {
      {"DIV int32 by 0", TFLC_OP_DIV, TFLC_BO_DIV, TFLC_TT_INT32, divisor, 0},
      {"FLOOR_DIV int32 by 0", TFLC_OP_FLOOR_DIV, 0, TFLC_TT_INT32, divisor, 1},
      {"FLOOR_MOD int32 by 0", TFLC_OP_FLOOR_MOD, 0, TFLC_TT_INT32, divisor, 1},
      {"FLOOR_MOD int64 by 0", TFLC_OP_FLOOR_MOD, 0, TFLC_TT_INT64, divisor64,
       1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    /* The divisor is a graph input: only known at invoke. */
    oo_tensor in[2] = {{cases[i].tt, s4, 1, NULL, 0, 0, NULL, NULL, 0},
                       {cases[i].tt, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    oo_op op = {cases[i].op,
                cases[i].bo,
                NULL,
                0,
                in,
                2,
                {cases[i].tt, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = one_op_bytes(&op, &size);
    size_t eb = cases[i].tt == TFLC_TT_INT64 ? 32 : 16;
    /* Inputs are filled from the same bytes: a = b = {1, 2, 0, 4}. */
    expect_refused(cases[i].label, b, size, cases[i].zero, eb,
                   "division by zero", cases[i].may_be_missing);
  }
}

/* ---- indices out of range at run time ---- */

static void test_bad_indices(void) {
  size_t size;
  static const int p_s[2] = {4, 3}, i_s[1] = {2}, o_s[2] = {2, 3};
  static const int32_t bad[2] = {1, 7}, negative[2] = {-5, 0};
  for (int k = 0; k < 2; k++) {
    oo_tensor in[2] = {{TFLC_TT_FLOAT32, p_s, 2, NULL, 0, 0, NULL, NULL, 0},
                       {TFLC_TT_INT32, i_s, 1, NULL, 0, 0, NULL, NULL, 0}};
    oo_op g = {TFLC_OP_GATHER,
               TFLC_BO_GATHER,
               NULL,
               0,
               in,
               2,
               {TFLC_TT_FLOAT32, o_s, 2, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = one_op_bytes(&g, &size);
    /* params and indices are filled from the same bytes: index 7 / -5. */
    static const int32_t fill7[2] = {7, 7}, fillneg[2] = {-5, -5};
    expect_refused(
        k ? "GATHER negative index at invoke" : "GATHER index 7 of 4 at invoke",
        b, size, k ? (const void *)fillneg : (const void *)fill7, 8,
        "out of range", 0);
    (void)bad;
    (void)negative;
  }
  /* Constant indices: refused at prepare already, or at invoke. */
  oo_tensor cin[2] = {{TFLC_TT_FLOAT32, p_s, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_INT32, i_s, 1, bad, 1, 0, NULL, NULL, 0}};
  oo_op g = {TFLC_OP_GATHER,
             TFLC_BO_GATHER,
             NULL,
             0,
             cin,
             2,
             {TFLC_TT_FLOAT32, o_s, 2, NULL, 0, 0, NULL, NULL, 0}};
  uint8_t *b = one_op_bytes(&g, &size);
  expect_refused("GATHER constant index 7 of 4", b, size, NULL, 0,
                 "out of range", 0);
  /* GATHER axis out of range. */
  tflc_opt_field axis9 = OPT(0, I32, 9);
  oo_op ga = {TFLC_OP_GATHER,
              TFLC_BO_GATHER,
              &axis9,
              1,
              cin,
              2,
              {TFLC_TT_FLOAT32, o_s, 2, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&ga, &size);
  expect_refused("GATHER axis 9 of rank 2", b, size, NULL, 0, "axis", 0);
  /* EMBEDDING_LOOKUP (CVE-2022-23559) and GATHER_ND out of range. */
  oo_tensor ein[2] = {{TFLC_TT_INT32, i_s, 1, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, p_s, 2, k_w, 1, 0, NULL, NULL, 0}};
  oo_op e = {TFLC_OP_EMBEDDING_LOOKUP,
             0,
             NULL,
             0,
             ein,
             2,
             {TFLC_TT_FLOAT32, o_s, 2, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&e, &size);
  static const int32_t fill9[1] = {9};
  expect_refused("EMBEDDING_LOOKUP index 9 of 4", b, size, fill9, 4,
                 "out of range", 1);
  static const int nd_s[2] = {2, 2}, nd_o[1] = {2};
  oo_tensor ndin[2] = {{TFLC_TT_FLOAT32, p_s, 2, k_w, 1, 0, NULL, NULL, 0},
                       {TFLC_TT_INT32, nd_s, 2, NULL, 0, 0, NULL, NULL, 0}};
  oo_op nd = {TFLC_OP_GATHER_ND,
              TFLC_BO_GATHER_ND,
              NULL,
              0,
              ndin,
              2,
              {TFLC_TT_FLOAT32, nd_o, 1, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&nd, &size);
  expect_refused("GATHER_ND index 9 of 4", b, size, fill9, 4, "out of range",
                 1);
  /* SEGMENT_SUM with segment ids out of range (CVE-2020-15212). */
  static const int seg_d[2] = {4, 2}, seg_i[1] = {4};
  oo_tensor sin[2] = {{TFLC_TT_FLOAT32, seg_d, 2, k_w, 1, 0, NULL, NULL, 0},
                      {TFLC_TT_INT32, seg_i, 1, NULL, 0, 0, NULL, NULL, 0}};
  oo_op seg = {TFLC_OP_SEGMENT_SUM,
               0,
               NULL,
               0,
               sin,
               2,
               {TFLC_TT_FLOAT32, seg_d, 2, NULL, 0, 0, NULL, NULL, 0}};
  b = one_op_bytes(&seg, &size);
  static const int32_t negs[1] = {-3};
  expect_refused("SEGMENT_SUM negative segment id", b, size, negs, 4, "segment",
                 1);
}

/* ---- graph structure ---- */

/* t = ADD(x, t): one tensor is input and output of the same node
 * (CVE-2020-15210). */
static void test_graph_structure(void) {
  size_t size;
  int s[1] = {4};
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int t = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "t");
    int in[2] = {x, t};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &t, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &t, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    expect_refused("tensor both input and output of one node", b, size, NULL, 0,
                   "both input", 0);
  }
  /* op 0 reads t2, written by op 1 which runs later (a cycle). */
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int t1 = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "t1");
    int t2 = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "t2");
    int a[2] = {x, t2}, c[2] = {t1, x};
    tm_op(m, TFLC_OP_ADD, NULL, a, 2, &t1, 1, 0, NULL, 0);
    tm_op(m, TFLC_OP_ADD, NULL, c, 2, &t2, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &t2, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    /* Memory-safe in tflc (the tensor's arena lifetime covers both nodes):
     * op 0 reads unspecified values, as in TensorFlow Lite. */
    expect_safe("operator reading a later operator's output", b, size, NULL, 0);
  }
  /* An output that is a constant. */
  {
    tm_model *m = tm_create();
    float four[4] = {1, 2, 3, 4};
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int k = tm_const(m, TFLC_TT_FLOAT32, s, 1, four, sizeof four, "k");
    int in[2] = {x, x};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &k, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &k, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    expect_refused("operator writing a constant", b, size, NULL, 0, "constant",
                   0);
  }
  /* Two operators writing the same tensor. */
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int t = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "t");
    int in[2] = {x, x};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &t, 1, 0, NULL, 0);
    tm_op(m, TFLC_OP_MUL, NULL, in, 2, &t, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &t, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    expect_safe("two operators writing one tensor", b, size, NULL, 0);
  }
  /* A non-constant tensor nobody writes (CVE-2020-15209: nullptr buffer):
   * tflc gives it arena memory, so reading it is safe. */
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int ghost = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "ghost");
    int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "o");
    int in[2] = {x, ghost};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &o, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &o, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    expect_safe("input tensor that nothing writes", b, size, NULL, 0);
  }
  /* Operator inputs: too few; -1 where required (CVE-2020-15211). */
  {
    static const int s4[1] = {4};
    oo_tensor one[1] = {{TFLC_TT_FLOAT32, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    oo_op add1 = {TFLC_OP_ADD,
                  TFLC_BO_ADD,
                  NULL,
                  0,
                  one,
                  1,
                  {TFLC_TT_FLOAT32, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = one_op_bytes(&add1, &size);
    expect_refused("ADD with one input", b, size, NULL, 0, "input", 0);
    oo_tensor opt[2] = {{TFLC_TT_FLOAT32, s4, 1, NULL, 0, 0, NULL, NULL, 0},
                        {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
    oo_op add_opt = {TFLC_OP_ADD,
                     TFLC_BO_ADD,
                     NULL,
                     0,
                     opt,
                     2,
                     {TFLC_TT_FLOAT32, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    b = one_op_bytes(&add_opt, &size);
    expect_refused("ADD with input 1 omitted (-1)", b, size, NULL, 0, "input",
                   0);
    static const int in_s[4] = {1, 3, 3, 1}, f_s[4] = {1, 1, 1, 1};
    oo_tensor conv_in[3] = {
        {TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0},
        {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0},
        {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
    (void)f_s;
    tflc_opt_field same[3] = {OPT(0, I8, 0), OPT(1, I32, 1), OPT(2, I32, 1)};
    oo_op conv = {TFLC_OP_CONV_2D,
                  TFLC_BO_CONV_2D,
                  same,
                  3,
                  conv_in,
                  3,
                  {TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0}};
    b = one_op_bytes(&conv, &size);
    expect_refused("CONV_2D with the filter omitted (-1)", b, size, NULL, 0,
                   "filter", 0);
    /* A 0-d input where rank 4 is required. */
    static const int scalar_shape[1] = {1};
    static const int f4[4] = {1, 1, 1, 1};
    static const float w1[1] = {1};
    oo_tensor conv0d[2] = {
        {TFLC_TT_FLOAT32, scalar_shape, 0, NULL, 0, 0, NULL, NULL, 0},
        {TFLC_TT_FLOAT32, f4, 4, w1, 1, 0, NULL, NULL, 0}};
    oo_op c0 = {TFLC_OP_CONV_2D,
                TFLC_BO_CONV_2D,
                same,
                3,
                conv0d,
                2,
                {TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0}};
    b = one_op_bytes(&c0, &size);
    expect_refused("CONV_2D with a 0-d input", b, size, NULL, 0, "dims", 0);
    /* Mismatched (non-broadcastable) shapes (CVE-2020-15208). */
    static const int s23[2] = {2, 3};
    oo_tensor mm[2] = {{TFLC_TT_FLOAT32, s23, 2, NULL, 0, 0, NULL, NULL, 0},
                       {TFLC_TT_FLOAT32, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    oo_op add_mm = {TFLC_OP_ADD,
                    TFLC_BO_ADD,
                    NULL,
                    0,
                    mm,
                    2,
                    {TFLC_TT_FLOAT32, s23, 2, NULL, 0, 0, NULL, NULL, 0}};
    b = one_op_bytes(&add_mm, &size);
    expect_refused("ADD [2,3] + [4] (no broadcast)", b, size, NULL, 0,
                   "broadcast", 0);
  }
}

/* ---- tensor indices, buffers, subgraph indices ---- */

static void test_indices_and_buffers(void) {
  size_t size;
  int s[1] = {4};
  /* An operator input that refers to tensor 999. */
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "o");
    int in[2] = {x, 999};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &o, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &o, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    if (b)
      expect_refused("operator input tensor 999", b, size, NULL, 0, "999", 0);
    else
      printf("ok operator input tensor 999: refused by the writer\n");
  }
  /* A graph output index out of range and a negative graph input. */
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "o");
    int in[2] = {x, x};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &o, 1, 0, NULL, 0);
    int bad_in[1] = {-1}, bad_out[1] = {5};
    tm_io(m, bad_in, 1, bad_out, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    if (b)
      expect_refused("graph input -1 and output 5", b, size, NULL, 0, "tensor",
                     0);
    else
      printf("ok graph input -1: refused by the writer\n");
  }
  /* A constant whose buffer is shorter than its shape needs. */
  {
    tm_model *m = tm_create();
    float two[2] = {1, 2};
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int k = tm_const(m, TFLC_TT_FLOAT32, s, 1, two, sizeof two, "short");
    int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "o");
    int in[2] = {x, k};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &o, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &o, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    expect_refused("buffer shorter than its tensor", b, size, NULL, 0, "buffer",
                   0);
  }
  /* A variable with no elements whose buffer (not buffer 0) is empty too:
   * its heap data stays NULL, and copying the 0-byte initial value into it
   * was memcpy(NULL, ..., 0), undefined (UBSan nonnull-attribute). */
  {
    static const int s0[1] = {0};
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int v = tm_const(m, TFLC_TT_FLOAT32, s0, 1, NULL, 0, "empty_variable");
    tm_variable(m, v);
    int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "o");
    tm_op(m, TFLC_OP_RELU, NULL, &x, 1, &o, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &o, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    char err[2048];
    CHECK_MSG(b != NULL,
              "empty variable with an empty buffer: the writer failed");
    if (b) {
      stage st = run_model(b, size, NULL, 0, err);
      free(b);
      CHECK_MSG(st == ST_OK,
                "empty variable with an empty buffer: failed at %s: %s",
                stage_name[st], err);
      printf("ok empty variable with an empty buffer: ran\n");
    }
  }
  /* Per-channel quantization on an axis the tensor does not have
   * (CVE-2022-21726, DEQUANTIZE axis). */
  {
    static const int s23[2] = {2, 3};
    static const float scales[3] = {0.1f, 0.2f, 0.3f};
    static const int64_t zps[3] = {0, 0, 0};
    oo_tensor q = {TFLC_TT_INT8, s23, 2, NULL, 0, 3, scales, zps, 5};
    oo_op deq = {TFLC_OP_DEQUANTIZE,
                 0,
                 NULL,
                 0,
                 &q,
                 1,
                 {TFLC_TT_FLOAT32, s23, 2, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = one_op_bytes(&deq, &size);
    expect_refused("quantized_dimension 5 of a rank-2 tensor", b, size, NULL, 0,
                   "quantized_dimension", 0);
  }
  /* RESHAPE to a rank higher than the declared output (the reshape dims
   * buffer overflow of tensorflow issue 124982). */
  {
    static const int s6[1] = {6}, o1[1] = {6}, ns_s[1] = {6};
    static const int32_t ns[6] = {1, 1, 1, 2, 3, 1};
    oo_tensor r[2] = {{TFLC_TT_FLOAT32, s6, 1, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_INT32, ns_s, 1, ns, 1, 0, NULL, NULL, 0}};
    oo_op reshape = {TFLC_OP_RESHAPE,
                     0,
                     NULL,
                     0,
                     r,
                     2,
                     {TFLC_TT_FLOAT32, o1, 1, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = one_op_bytes(&reshape, &size);
    expect_safe("RESHAPE to a higher rank than declared", b, size, NULL, 0);
  }
  /* Negative padding (PAD). */
  {
    static const int s23[2] = {2, 3}, p_s[2] = {2, 2}, o_s[2] = {1, 3};
    static const int32_t pads[4] = {-1, 0, 0, 0};
    oo_tensor p[2] = {{TFLC_TT_FLOAT32, s23, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_INT32, p_s, 2, pads, 1, 0, NULL, NULL, 0}};
    oo_op pad = {TFLC_OP_PAD,
                 TFLC_BO_PAD,
                 NULL,
                 0,
                 p,
                 2,
                 {TFLC_TT_FLOAT32, o_s, 2, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = one_op_bytes(&pad, &size);
    expect_refused("PAD with negative padding", b, size, NULL, 0, "negative",
                   0);
  }
}

/* ---- control flow: a subgraph calling itself (GHSA-cwv3-863g-39vx) ---- */

static uint8_t *while_model(size_t *size, int cond_index, int body_index) {
  tm_model *m = tm_create();
  int s1[1] = {1};
  int i = tm_tensor(m, TFLC_TT_INT32, s1, 1, "i");
  int io = tm_tensor(m, TFLC_TT_INT32, s1, 1, "i_out");
  tflc_opt_field f[2] = {OPT(0, I32, cond_index), OPT(1, I32, body_index)};
  tm_op(m, TFLC_OP_WHILE, NULL, &i, 1, &io, 1, TFLC_BO_WHILE, f, 2);
  tm_io(m, &i, 1, &io, 1);
  /* subgraph 1: cond i < 5 */
  tm_subgraph(m);
  int ci = tm_tensor(m, TFLC_TT_INT32, s1, 1, "ci");
  int32_t five = 5;
  int lim = tm_const(m, TFLC_TT_INT32, s1, 1, &five, 4, "limit");
  int cb = tm_tensor(m, TFLC_TT_BOOL, s1, 1, "cond");
  int cin[2] = {ci, lim};
  tm_op(m, TFLC_OP_LESS, NULL, cin, 2, &cb, 1, 0, NULL, 0);
  tm_io(m, &ci, 1, &cb, 1);
  /* subgraph 2: body -- itself a WHILE over (1, 2) when nested */
  tm_subgraph(m);
  int bi = tm_tensor(m, TFLC_TT_INT32, s1, 1, "bi");
  int bo = tm_tensor(m, TFLC_TT_INT32, s1, 1, "bo");
  tflc_opt_field g[2] = {OPT(0, I32, 1), OPT(1, I32, 2)};
  tm_op(m, TFLC_OP_WHILE, NULL, &bi, 1, &bo, 1, TFLC_BO_WHILE, g, 2);
  tm_io(m, &bi, 1, &bo, 1);
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
}

static void test_recursion(void) {
  size_t size;
  uint8_t *b = while_model(&size, 1, 0);
  expect_refused("WHILE whose body is the calling subgraph", b, size, NULL, 0,
                 "subgraph", 0);
  b = while_model(&size, 0, 2);
  expect_refused("WHILE whose cond is the calling subgraph", b, size, NULL, 0,
                 "subgraph", 0);
  b = while_model(&size, 1, 2);
  expect_refused("WHILE body that runs WHILE over itself", b, size, NULL, 0,
                 "subgraph", 0);
  b = while_model(&size, 1, 7);
  expect_refused("WHILE body subgraph 7 of 3", b, size, NULL, 0, "subgraph", 0);
  /* IF whose then-branch is subgraph 0. */
  tm_model *m = tm_create();
  int s1[1] = {1};
  int c = tm_tensor(m, TFLC_TT_BOOL, s1, 1, "c");
  int x = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "x");
  int o = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "o");
  int in[2] = {c, x};
  tflc_opt_field f[2] = {OPT(0, I32, 0), OPT(1, I32, 1)};
  tm_op(m, TFLC_OP_IF, NULL, in, 2, &o, 1, TFLC_BO_IF, f, 2);
  tm_io(m, in, 2, &o, 1);
  tm_subgraph(m);
  int y = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "y");
  tm_io(m, &y, 1, &y, 1);
  b = tm_finish(m, &size);
  tm_free(m);
  expect_refused("IF whose then-branch is the calling subgraph", b, size, NULL,
                 0, "subgraph", 0);
}

/* ---- kernel-specific advisories: masks, zero sizes, divisors, axes,
 * quantization parameters ---- */

static const int k_s1[1] = {1}, k_s23[2] = {2, 3}, k_scalar[1] = {1};
static const float k_in6[6] = {1, 2, 3, 4, 5, 6};

/* STRIDED_SLICE with an ellipsis (CVE-2021-37686, GHSA-mhhc-q96p-mfm9:
 * TensorFlow Lite looped forever when the slice spec had more entries than
 * the input's rank around an ellipsis). */
static void kadv_strided_slice(void) {
  size_t size;
  static const int s4[1] = {4}, s3[1] = {3}, s6[1] = {6};
  static const int32_t b4[4] = {0, 0, 0, 0}, e4[4] = {2, 3, 1, 1},
                       st4[4] = {1, 1, 1, 1};
  oo_tensor in[4] = {oo_in(TFLC_TT_FLOAT32, k_s23, 2, NULL),
                     oo_const(TFLC_TT_INT32, s4, 1, b4),
                     oo_const(TFLC_TT_INT32, s4, 1, e4),
                     oo_const(TFLC_TT_INT32, s4, 1, st4)};
  tflc_opt_field ell0 = OPT(2, I32, 1);
  oo_op ss = {TFLC_OP_STRIDED_SLICE,
              TFLC_BO_STRIDED_SLICE,
              &ell0,
              1,
              in,
              4,
              oo_out_t(TFLC_TT_FLOAT32, k_s23, 2)};
  uint8_t *b = one_op_bytes(&ss, &size);
  expect_refused("STRIDED_SLICE ellipsis with a 4-entry spec of a rank-2 input",
                 b, size, k_in6, sizeof k_in6, "more dimensions", 0);
  /* The same spec given at run time. */
  for (int i = 1; i < 4; i++) in[i].is_const = 0;
  b = one_op_bytes(&ss, &size);
  static const int32_t ones[1] = {1};
  expect_refused("STRIDED_SLICE ellipsis with a 4-entry spec at invoke", b,
                 size, ones, sizeof ones, "more dimensions", 0);
  /* Ellipsis and new axes together: [newaxis, ..., newaxis] of [2, 3] is a
   * valid [1, 2, 3, 1] copy of the input. */
  static const int32_t b3[3] = {0, 0, 0}, e3[3] = {1, 1, 1}, st3[3] = {1, 1, 1};
  oo_tensor in3[4] = {oo_in(TFLC_TT_FLOAT32, k_s23, 2, NULL),
                      oo_const(TFLC_TT_INT32, s3, 1, b3),
                      oo_const(TFLC_TT_INT32, s3, 1, e3),
                      oo_const(TFLC_TT_INT32, s3, 1, st3)};
  tflc_opt_field masks[2] = {OPT(2, I32, 2), OPT(3, I32, 5)};
  static const int o1231[4] = {1, 2, 3, 1};
  oo_op ssn = {TFLC_OP_STRIDED_SLICE,
               TFLC_BO_STRIDED_SLICE,
               masks,
               2,
               in3,
               4,
               oo_out_t(TFLC_TT_FLOAT32, o1231, 4)};
  b = one_op_bytes(&ssn, &size);
  expect_ran("STRIDED_SLICE [newaxis, ..., newaxis]", b, size, k_in6,
             sizeof k_in6, 0, o1231, 4, k_in6, sizeof k_in6);
  /* Ellipsis and new axis on the same entry, in a 6-entry spec. */
  static const int32_t b6[6] = {0}, e6[6] = {1, 1, 1, 1, 1, 1},
                       st6[6] = {1, 1, 1, 1, 1, 1};
  oo_tensor in6[4] = {oo_in(TFLC_TT_FLOAT32, k_s23, 2, NULL),
                      oo_const(TFLC_TT_INT32, s6, 1, b6),
                      oo_const(TFLC_TT_INT32, s6, 1, e6),
                      oo_const(TFLC_TT_INT32, s6, 1, st6)};
  tflc_opt_field both[2] = {OPT(2, I32, 1), OPT(3, I32, 0x3f)};
  oo_op ssb = {TFLC_OP_STRIDED_SLICE,
               TFLC_BO_STRIDED_SLICE,
               both,
               2,
               in6,
               4,
               oo_out_t(TFLC_TT_FLOAT32, k_s23, 2)};
  b = one_op_bytes(&ssb, &size);
  expect_safe("STRIDED_SLICE ellipsis and new_axis on every entry", b, size,
              k_in6, sizeof k_in6);
  /* 32 entries (the most a mask can address): an ellipsis and 31 new axes
   * make an output rank above the supported 16. */
  static const int s32[1] = {32};
  static const int32_t b32[32] = {0},
                       st32[32] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                   1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                   1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  oo_tensor in32[4] = {oo_in(TFLC_TT_FLOAT32, k_s23, 2, NULL),
                       oo_const(TFLC_TT_INT32, s32, 1, b32),
                       oo_const(TFLC_TT_INT32, s32, 1, st32),
                       oo_const(TFLC_TT_INT32, s32, 1, st32)};
  tflc_opt_field many[2] = {OPT(2, I32, 1), OPT(3, I32, -2)};
  oo_op ss32 = {TFLC_OP_STRIDED_SLICE,
                TFLC_BO_STRIDED_SLICE,
                many,
                2,
                in32,
                4,
                oo_out_t(TFLC_TT_FLOAT32, k_s23, 2)};
  b = one_op_bytes(&ss32, &size);
  expect_refused("STRIDED_SLICE ellipsis and 31 new axes", b, size, k_in6,
                 sizeof k_in6, "rank", 0);
}

/* Zero-size tensors where TensorFlow Lite divided by a dimension:
 * LSH_PROJECTION (CVE-2021-37691), ONE_HOT (CVE-2021-29600), HASHTABLE_LOOKUP
 * (CVE-2021-29604), EMBEDDING_LOOKUP (CVE-2021-29596). */
static void kadv_zero_size_divisors(void) {
  size_t size;
  /* LSH_PROJECTION of an input with no items: every weighted sum is empty,
   * so every bit is 0. SPARSE signatures are then h * 2^num_bits. */
  static const int hs[2] = {2, 4}, in0[2] = {0, 3}, w0[1] = {0}, o2[1] = {2},
                   o8[1] = {8};
  static const float seeds[8] = {0.1f, 0.2f, 0.3f, 0.4f,
                                 0.5f, 0.6f, 0.7f, 0.8f};
  for (int type = 1; type <= 2; type++) {
    oo_tensor in[3] = {oo_const(TFLC_TT_FLOAT32, hs, 2, seeds),
                       oo_in(TFLC_TT_INT32, in0, 2, NULL),
                       oo_in(TFLC_TT_FLOAT32, w0, 1, NULL)};
    tflc_opt_field t = OPT(0, I8, type);
    oo_op lsh = {TFLC_OP_LSH_PROJECTION,
                 TFLC_BO_LSH_PROJECTION,
                 &t,
                 1,
                 in,
                 type == 1 ? 2 : 3,
                 oo_out_t(TFLC_TT_INT32, type == 1 ? o2 : o8, 1)};
    uint8_t *b = one_op_bytes(&lsh, &size);
    static const int32_t sparse[2] = {0, 16}, dense[8] = {0};
    expect_ran(type == 1 ? "LSH_PROJECTION SPARSE of an input with 0 items"
                         : "LSH_PROJECTION DENSE of 0 items with 0 weights",
               b, size, NULL, 0, 0, type == 1 ? o2 : o8, 1,
               type == 1 ? (const void *)sparse : (const void *)dense,
               type == 1 ? sizeof sparse : sizeof dense);
  }

  /* ONE_HOT: indices [0, 3] with axis 1 (the dims before the axis multiply
   * to 0), depth 0, and a negative depth. */
  static const int i03[2] = {0, 3}, o043[3] = {0, 4, 3}, i3[1] = {3},
                   o30[2] = {3, 0};
  static const int32_t depth4 = 4, depth0 = 0, depth_neg = -1;
  static const float on = 1, off = 0;
  struct {
    const char *label;
    const int *ishape, *oshape;
    int irank;
    const int32_t *depth;
    int axis;
  } oh[3] = {
      {"ONE_HOT of [0, 3] indices on axis 1", i03, o043, 2, &depth4, 1},
      {"ONE_HOT with depth 0", i3, o30, 1, &depth0, -1},
      {"ONE_HOT with depth -1", i3, o30, 1, &depth_neg, -1},
  };
  for (int k = 0; k < 3; k++) {
    oo_tensor in[4] = {oo_in(TFLC_TT_INT32, oh[k].ishape, oh[k].irank, NULL),
                       oo_const(TFLC_TT_INT32, k_scalar, 0, oh[k].depth),
                       oo_const(TFLC_TT_FLOAT32, k_scalar, 0, &on),
                       oo_const(TFLC_TT_FLOAT32, k_scalar, 0, &off)};
    tflc_opt_field axis = OPT(0, I32, oh[k].axis);
    oo_op op = {TFLC_OP_ONE_HOT,
                TFLC_BO_ONE_HOT,
                &axis,
                1,
                in,
                4,
                oo_out_t(TFLC_TT_FLOAT32, oh[k].oshape, oh[k].irank + 1)};
    uint8_t *b = one_op_bytes(&op, &size);
    if (k < 2)
      expect_ran(oh[k].label, b, size, NULL, 0, 0, oh[k].oshape,
                 oh[k].irank + 1, "", 0);
    else
      expect_refused(oh[k].label, b, size, NULL, 0, "depth", 0);
  }

  /* HASHTABLE_LOOKUP in a table with no rows: every lookup misses (zeros,
   * hit flags 0); a table whose keys and value rows disagree is refused. */
  static const int s2[1] = {2}, s0[1] = {0}, v03[2] = {0, 3}, o23[2] = {2, 3};
  static const int32_t keys2[2] = {1, 2}, lookups[1] = {7};
  for (int k = 0; k < 3; k++) {
    oo_tensor in[3] = {oo_in(TFLC_TT_INT32, s2, 1, NULL),
                       k < 2 ? oo_in(TFLC_TT_INT32, s0, 1, NULL)
                             : oo_const(TFLC_TT_INT32, s2, 1, keys2),
                       oo_in(TFLC_TT_FLOAT32, v03, 2, NULL)};
    oo_tensor outs[2] = {oo_out_t(TFLC_TT_FLOAT32, o23, 2),
                         oo_out_t(TFLC_TT_UINT8, s2, 1)};
    oo_op op = {TFLC_OP_HASHTABLE_LOOKUP, 0, NULL, 0, in, 3, outs[0]};
    uint8_t *b = op_bytes(&op, outs, 2, -1, &size);
    static const float zeros[6] = {0};
    static const uint8_t misses[2] = {0, 0};
    if (k == 0)
      expect_ran("HASHTABLE_LOOKUP in a table of 0 rows (values)", b, size,
                 lookups, sizeof lookups, 0, o23, 2, zeros, sizeof zeros);
    else if (k == 1)
      expect_ran("HASHTABLE_LOOKUP in a table of 0 rows (hits)", b, size,
                 lookups, sizeof lookups, 1, s2, 1, misses, sizeof misses);
    else
      expect_refused("HASHTABLE_LOOKUP with 2 keys and 0 value rows", b, size,
                     lookups, sizeof lookups, "rows", 0);
  }

  /* EMBEDDING_LOOKUP from a table of 0 rows: any id is out of range; no
   * ids give an empty result. */
  static const int o03[2] = {0, 3};
  for (int k = 0; k < 2; k++) {
    oo_tensor in[2] = {oo_in(TFLC_TT_INT32, k ? s0 : s2, 1, NULL),
                       oo_const(TFLC_TT_FLOAT32, v03, 2, NULL)};
    oo_op op = {TFLC_OP_EMBEDDING_LOOKUP,
                0,
                NULL,
                0,
                in,
                2,
                oo_out_t(TFLC_TT_FLOAT32, k ? o03 : o23, 2)};
    uint8_t *b = one_op_bytes(&op, &size);
    if (k == 0)
      expect_refused("EMBEDDING_LOOKUP id 0 in a table of 0 rows", b, size,
                     NULL, 0, "out of range", 0);
    else
      expect_ran("EMBEDDING_LOOKUP of 0 ids in a table of 0 rows", b, size,
                 NULL, 0, 0, o03, 2, "", 0);
  }
}

/* SVDF rank 0 (CVE-2021-29598: num_filters % rank) and an activation state
 * that is not a variable tensor (CVE-2021-37681: NULL state). SPLIT with
 * num_splits 0 (CVE-2021-29599). */
static void kadv_svdf_split(void) {
  size_t size;
  static const int in_s[2] = {1, 4}, wf_s[2] = {4, 4}, wt_s[2] = {4, 2},
                   st_s[2] = {1, 8}, out_s[2] = {1, 4};
  struct {
    const char *label, *keyword;
    int rank, state; /* state: 0 variable, 1 graph input, 2 omitted */
  } cases[3] = {
      {"SVDF rank 0", "rank", 0, 0},
      {"SVDF state that is not a variable tensor", "variable", 1, 1},
      {"SVDF state omitted (-1)", "state", 1, 2},
  };
  for (int k = 0; k < 3; k++) {
    oo_tensor in[5] = {oo_in(TFLC_TT_FLOAT32, in_s, 2, NULL),
                       oo_const(TFLC_TT_FLOAT32, wf_s, 2, k_w),
                       oo_const(TFLC_TT_FLOAT32, wt_s, 2, k_w),
                       {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0},
                       oo_in(TFLC_TT_FLOAT32, st_s, 2, NULL)};
    if (cases[k].state == 2) in[4].tt = -1;
    tflc_opt_field rank = OPT(0, I32, cases[k].rank);
    oo_op svdf = {TFLC_OP_SVDF,
                  TFLC_BO_SVDF,
                  &rank,
                  1,
                  in,
                  5,
                  oo_out_t(TFLC_TT_FLOAT32, out_s, 2)};
    uint8_t *b =
        op_bytes(&svdf, &svdf.out, 1, cases[k].state == 0 ? 4 : -1, &size);
    expect_refused(cases[k].label, b, size, NULL, 0, cases[k].keyword, 0);
  }

  static const int v_s[2] = {4, 2};
  static const int32_t axis0 = 0;
  for (int k = 0; k < 3; k++) {
    /* num_splits 0 with one output, with no outputs, and -1. */
    oo_tensor in[2] = {oo_const(TFLC_TT_INT32, k_scalar, 0, &axis0),
                       oo_in(TFLC_TT_FLOAT32, v_s, 2, NULL)};
    tflc_opt_field n = OPT(0, I32, k == 2 ? -1 : 0);
    oo_op split = {TFLC_OP_SPLIT,
                   TFLC_BO_SPLIT,
                   &n,
                   1,
                   in,
                   2,
                   oo_out_t(TFLC_TT_FLOAT32, v_s, 2)};
    uint8_t *b = op_bytes(&split, &split.out, k == 1 ? 0 : 1, -1, &size);
    static const char *labels[3] = {"SPLIT num_splits 0 (one output)",
                                    "SPLIT num_splits 0 (no outputs)",
                                    "SPLIT num_splits -1"};
    expect_refused(labels[k], b, size, NULL, 0, "num_splits", 0);
  }
}

/* Axes out of range: ARG_MAX / ARG_MIN (CVE-2021-29603, heap write past the
 * output dims), EXPAND_DIMS (CVE-2021-37685, read before the input dims). */
static void kadv_axes(void) {
  size_t size;
  static const int o2[1] = {2}, o231[3] = {2, 3, 1};
  struct {
    const char *label;
    int32_t op;
    uint8_t bo;
    int32_t axis;
    int dynamic;
  } cases[8] = {
      {"ARG_MAX axis 2 of rank 2", TFLC_OP_ARG_MAX, TFLC_BO_ARG_MAX, 2, 0},
      {"ARG_MIN axis -3 of rank 2", TFLC_OP_ARG_MIN, TFLC_BO_ARG_MIN, -3, 0},
      {"ARG_MAX axis 100000 at invoke", TFLC_OP_ARG_MAX, TFLC_BO_ARG_MAX,
       100000, 1},
      {"ARG_MIN axis -100000 at invoke", TFLC_OP_ARG_MIN, TFLC_BO_ARG_MIN,
       -100000, 1},
      {"EXPAND_DIMS axis -100000", TFLC_OP_EXPAND_DIMS, 0, -100000, 0},
      {"EXPAND_DIMS axis 3 of rank 2", TFLC_OP_EXPAND_DIMS, 0, 3, 0},
      {"EXPAND_DIMS axis -4 of rank 2", TFLC_OP_EXPAND_DIMS, 0, -4, 0},
      {"EXPAND_DIMS axis -100000 at invoke", TFLC_OP_EXPAND_DIMS, 0, -100000,
       1},
  };
  for (int k = 0; k < 8; k++) {
    int expand = cases[k].op == TFLC_OP_EXPAND_DIMS;
    oo_tensor in[2] = {oo_in(TFLC_TT_FLOAT32, k_s23, 2, NULL),
                       cases[k].dynamic
                           ? oo_in(TFLC_TT_INT32, k_s1, 1, NULL)
                           : oo_const(TFLC_TT_INT32, k_s1, 1, &cases[k].axis)};
    tflc_opt_field type = OPT(0, I8, TFLC_TT_INT32);
    oo_op op = {cases[k].op,
                cases[k].bo,
                expand ? NULL : &type,
                expand ? 0 : 1,
                in,
                2,
                expand ? oo_out_t(TFLC_TT_FLOAT32, o231, 3)
                       : oo_out_t(TFLC_TT_INT32, o2, 1)};
    uint8_t *b = one_op_bytes(&op, &size);
    /* The float input is filled with the axis bytes too: harmless. */
    expect_refused(cases[k].label, b, size, &cases[k].axis,
                   sizeof cases[k].axis, "axis", 0);
  }
}

/* Quantized operators whose tensors carry no quantization parameters
 * (CVE-2021-37682: TensorFlow Lite read the parameters without checking the
 * quantization type), and zero-size operands of broadcasting elementwise
 * operators and FULLY_CONNECTED (CVE-2021-37688: NULL dereference for
 * Dense(0); CVE-2021-29590: MINIMUM/MAXIMUM read out of bounds). */
static void kadv_quant_and_broadcast(void) {
  size_t size;
  static const int s4[1] = {4};
  static const float scale = 0.5f;
  static const int64_t zp = 0;
  struct {
    const char *label;
    int32_t op;
    int8_t tt;
    int quantized; /* bit 0: input 0, bit 1: input 1, bit 2: output */
  } bin[6] = {
      {"ADD int8 without quantization parameters", TFLC_OP_ADD, TFLC_TT_INT8,
       0},
      {"MUL int8 without quantization parameters", TFLC_OP_MUL, TFLC_TT_INT8,
       0},
      {"SUB int8 without quantization parameters", TFLC_OP_SUB, TFLC_TT_INT8,
       0},
      {"ADD uint8 without quantization parameters", TFLC_OP_ADD, TFLC_TT_UINT8,
       0},
      {"ADD int8 whose output has no quantization parameters", TFLC_OP_ADD,
       TFLC_TT_INT8, 3},
      {"MUL int8 whose input 1 has no quantization parameters", TFLC_OP_MUL,
       TFLC_TT_INT8, 5},
  };
  for (int k = 0; k < 6; k++) {
    oo_tensor in[2] = {oo_in(bin[k].tt, s4, 1, NULL),
                       oo_in(bin[k].tt, s4, 1, NULL)};
    oo_tensor out = oo_out_t(bin[k].tt, s4, 1);
    if (bin[k].quantized & 1) oo_quant1(&in[0], &scale, &zp);
    if (bin[k].quantized & 2) oo_quant1(&in[1], &scale, &zp);
    if (bin[k].quantized & 4) oo_quant1(&out, &scale, &zp);
    oo_op op = {bin[k].op, 0, NULL, 0, in, 2, out};
    uint8_t *b = one_op_bytes(&op, &size);
    expect_refused(bin[k].label, b, size, NULL, 0, "quantization", 0);
  }
  /* Convolution-like ops with an unquantized INT8 filter. */
  static const int8_t w8[16] = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8};
  static const int dw_in[4] = {1, 3, 3, 2}, dw_f[4] = {1, 2, 2, 2},
                   dw_o[4] = {1, 2, 2, 2}, c_f[4] = {2, 2, 2, 2},
                   fc_in[2] = {1, 4}, fc_w[2] = {2, 4}, fc_o[2] = {1, 2};
  oo_tensor x = oo_in(TFLC_TT_INT8, dw_in, 4, NULL);
  oo_quant1(&x, &scale, &zp);
  oo_tensor y = oo_out_t(TFLC_TT_INT8, dw_o, 4);
  oo_quant1(&y, &scale, &zp);
  oo_tensor dw[3] = {x,
                     oo_const(TFLC_TT_INT8, dw_f, 4, w8),
                     {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
  tflc_opt_field dwo[4] = {OPT(0, I8, TFLC_PADDING_VALID), OPT(1, I32, 1),
                           OPT(2, I32, 1), OPT(3, I32, 1)};
  oo_op dwop = {
      TFLC_OP_DEPTHWISE_CONV_2D, TFLC_BO_DEPTHWISE_CONV_2D, dwo, 4, dw, 3, y};
  uint8_t *b = one_op_bytes(&dwop, &size);
  expect_refused("DEPTHWISE_CONV_2D int8 with an unquantized filter", b, size,
                 NULL, 0, "quantization", 0);
  oo_tensor cv[3] = {x,
                     oo_const(TFLC_TT_INT8, c_f, 4, w8),
                     {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
  oo_op cvop = {TFLC_OP_CONV_2D, TFLC_BO_CONV_2D, dwo, 3, cv, 3, y};
  b = one_op_bytes(&cvop, &size);
  expect_refused("CONV_2D int8 with an unquantized filter", b, size, NULL, 0,
                 "quantization", 0);
  oo_tensor fx = oo_in(TFLC_TT_INT8, fc_in, 2, NULL);
  oo_quant1(&fx, &scale, &zp);
  oo_tensor fy = oo_out_t(TFLC_TT_INT8, fc_o, 2);
  oo_quant1(&fy, &scale, &zp);
  oo_tensor fc[3] = {fx,
                     oo_const(TFLC_TT_INT8, fc_w, 2, w8),
                     {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
  oo_op fcop = {TFLC_OP_FULLY_CONNECTED, 0, NULL, 0, fc, 3, fy};
  b = one_op_bytes(&fcop, &size);
  expect_refused("FULLY_CONNECTED int8 with unquantized weights", b, size, NULL,
                 0, "quantization", 0);

  /* Dense(0): FULLY_CONNECTED with 0 units gives a [1, 0] output. */
  static const int w03[2] = {0, 4}, o10[2] = {1, 0};
  oo_tensor d0[2] = {oo_in(TFLC_TT_FLOAT32, fc_in, 2, NULL),
                     oo_const(TFLC_TT_FLOAT32, w03, 2, NULL)};
  oo_op dense0 = {TFLC_OP_FULLY_CONNECTED,          0, NULL, 0, d0, 2,
                  oo_out_t(TFLC_TT_FLOAT32, o10, 2)};
  b = one_op_bytes(&dense0, &size);
  expect_ran("FULLY_CONNECTED with 0 units", b, size, NULL, 0, 0, o10, 2, "",
             0);

  /* Broadcasting a zero-size operand against a non-empty one. */
  static const int a10[2] = {1, 0}, b31[2] = {3, 1}, o30[2] = {3, 0},
                   a210[3] = {2, 1, 0}, b131[3] = {1, 3, 1},
                   o230[3] = {2, 3, 0}, z0[1] = {0};
  struct {
    const char *label;
    int32_t op;
    int8_t tt;
    const int *a, *b, *o;
    int rank;
  } zs[6] = {
      {"MAXIMUM [1, 0] with [3, 1]", TFLC_OP_MAXIMUM, TFLC_TT_FLOAT32, a10, b31,
       o30, 2},
      {"MINIMUM [3, 1] with [1, 0]", TFLC_OP_MINIMUM, TFLC_TT_FLOAT32, b31, a10,
       o30, 2},
      {"MINIMUM int8 [0] with [1]", TFLC_OP_MINIMUM, TFLC_TT_INT8, z0, k_s1, z0,
       1},
      {"ADD [2, 1, 0] with [1, 3, 1]", TFLC_OP_ADD, TFLC_TT_FLOAT32, a210, b131,
       o230, 3},
      {"MUL int8 [1, 3, 1] with [2, 1, 0]", TFLC_OP_MUL, TFLC_TT_INT8, b131,
       a210, o230, 3},
      {"SUB [1, 0] with [3, 1]", TFLC_OP_SUB, TFLC_TT_FLOAT32, a10, b31, o30,
       2},
  };
  for (int k = 0; k < 6; k++) {
    int ra = zs[k].a == z0 || zs[k].a == k_s1 ? 1 : zs[k].rank;
    int rb = zs[k].b == z0 || zs[k].b == k_s1 ? 1 : zs[k].rank;
    oo_tensor in[2] = {oo_in(zs[k].tt, zs[k].a, ra, NULL),
                       oo_in(zs[k].tt, zs[k].b, rb, NULL)};
    oo_tensor out = oo_out_t(zs[k].tt, zs[k].o, zs[k].rank);
    if (zs[k].tt == TFLC_TT_INT8) {
      oo_quant1(&in[0], &scale, &zp);
      oo_quant1(&in[1], &scale, &zp);
      oo_quant1(&out, &scale, &zp);
    }
    oo_op op = {zs[k].op, 0, NULL, 0, in, 2, out};
    b = one_op_bytes(&op, &size);
    expect_ran(zs[k].label, b, size, NULL, 0, 0, zs[k].o, zs[k].rank, "", 0);
  }
  /* [0] against [3] does not broadcast at all. */
  static const int s3[1] = {3};
  oo_tensor nb[2] = {oo_in(TFLC_TT_FLOAT32, z0, 1, NULL),
                     oo_in(TFLC_TT_FLOAT32, s3, 1, NULL)};
  oo_op maxnb = {
      TFLC_OP_MAXIMUM, 0, NULL, 0, nb, 2, oo_out_t(TFLC_TT_FLOAT32, s3, 1)};
  b = one_op_bytes(&maxnb, &size);
  expect_refused("MAXIMUM [0] with [3] (no broadcast)", b, size, NULL, 0,
                 "broadcast", 0);
}

/* CONV_3D_TRANSPOSE (CVE-2022-41894, GHSA-h6q3-vv32-2cq5: TensorFlow Lite's
 * reference kernel stepped the bias loop by the input channels, writing past
 * the output when there are more input than output channels), and
 * output_shape values that disagree with the input, the filter or the
 * declared output. */
static void kadv_conv3d_transpose(void) {
  size_t size;
  enum { IC = 3, OC = 2, P = 8 }; /* 2x2x2 positions, 1x1x1 kernel */
  static const int sh[1] = {5}, f_s[5] = {1, 1, 1, OC, IC},
                   i_s[5] = {1, 2, 2, 2, IC}, b_s[1] = {OC},
                   o_s[5] = {1, 2, 2, 2, OC}, small[5] = {1, 1, 1, 1, 1},
                   sh4[1] = {4};
  static const float w[OC * IC] = {1, 2, -1, 0.5f, -1, 3},
                            bias[OC] = {0.5f, -1};
  float x[P * IC], want[P * OC];
  for (int p = 0; p < P; p++) {
    for (int c = 0; c < IC; c++) x[p * IC + c] = (float)((p * IC + c) % 5 - 2);
    for (int o = 0; o < OC; o++) {
      float acc = bias[o];
      for (int c = 0; c < IC; c++) acc += x[p * IC + c] * w[o * IC + c];
      want[p * OC + o] = acc;
    }
  }
  tflc_opt_field f[8] = {OPT(0, I8, TFLC_PADDING_VALID),
                         OPT(1, I32, 1),
                         OPT(2, I32, 1),
                         OPT(3, I32, 1),
                         OPT(4, I8, TFLC_ACT_NONE),
                         OPT(5, I32, 1),
                         OPT(6, I32, 1),
                         OPT(7, I32, 1)};
  struct {
    const char *label, *keyword;
    int32_t os[5];
    int n_os, dynamic;
    const int *declared;
  } cases[6] = {
      {"CONV_3D_TRANSPOSE with 3 input and 2 output channels and a bias",
       NULL,
       {1, 2, 2, 2, OC},
       5,
       0,
       o_s},
      {"CONV_3D_TRANSPOSE output_shape with 5 channels, filter with 2",
       "channels",
       {1, 2, 2, 2, 5},
       5,
       0,
       o_s},
      {"CONV_3D_TRANSPOSE output_shape 9x9x9 for a 2x2x2 input",
       "match",
       {1, 9, 9, 9, OC},
       5,
       0,
       o_s},
      {"CONV_3D_TRANSPOSE output_shape with 4 entries",
       "output_shape",
       {1, 2, 2, 2},
       4,
       0,
       o_s},
      {"CONV_3D_TRANSPOSE output_shape given at invoke",
       "output_shape",
       {0},
       5,
       1,
       o_s},
      {"CONV_3D_TRANSPOSE output declared 1x1x1x1x1",
       NULL,
       {1, 2, 2, 2, OC},
       5,
       0,
       small},
  };
  for (int k = 0; k < 6; k++) {
    oo_tensor in[4] = {
        cases[k].dynamic
            ? oo_in(TFLC_TT_INT32, sh, 1, NULL)
            : oo_const(TFLC_TT_INT32, cases[k].n_os == 4 ? sh4 : sh, 1,
                       cases[k].os),
        oo_const(TFLC_TT_FLOAT32, f_s, 5, w), oo_in(TFLC_TT_FLOAT32, i_s, 5, x),
        oo_const(TFLC_TT_FLOAT32, b_s, 1, bias)};
    oo_op op = {TFLC_OP_CONV_3D_TRANSPOSE,
                TFLC_BO_CONV_3D,
                f,
                8,
                in,
                4,
                oo_out_t(TFLC_TT_FLOAT32, cases[k].declared, 5)};
    uint8_t *b = one_op_bytes(&op, &size);
    if (cases[k].keyword) {
      /* At invoke, output_shape is filled with x's bytes: garbage. */
      expect_refused(cases[k].label, b, size, x, sizeof x, cases[k].keyword, 0);
    } else {
      expect_ran(cases[k].label, b, size, x, sizeof x, 0, o_s, 5, want,
                 sizeof want);
    }
  }
}

/* GATHER_ND with negative indices (CVE-2021-37687: TensorFlow Lite read
 * before params), for each index type; and neighbours of the zero-size and
 * axis cases above that are valid or must be refused. */
static void kadv_more_indices(void) {
  size_t size;
  static const int p_s[2] = {4, 3}, nd_s[2] = {2, 2}, nd_o[1] = {2};
  static const int8_t tts[3] = {TFLC_TT_INT32, TFLC_TT_INT64, TFLC_TT_INT16};
  static const char *labels[3] = {"GATHER_ND negative int32 index at invoke",
                                  "GATHER_ND negative int64 index at invoke",
                                  "GATHER_ND negative int16 index at invoke"};
  static const uint8_t all_ones[1] = {0xff}; /* -1 in every index type */
  for (int k = 0; k < 3; k++) {
    oo_tensor in[2] = {oo_const(TFLC_TT_FLOAT32, p_s, 2, k_w),
                       oo_in(tts[k], nd_s, 2, NULL)};
    oo_op nd = {TFLC_OP_GATHER_ND,
                TFLC_BO_GATHER_ND,
                NULL,
                0,
                in,
                2,
                oo_out_t(TFLC_TT_FLOAT32, nd_o, 1)};
    uint8_t *b = one_op_bytes(&nd, &size);
    expect_refused(labels[k], b, size, all_ones, sizeof all_ones,
                   "out of range", 0);
  }
  /* An int64 index of 2^32 (0 if it were narrowed to 32 bits). */
  static const int64_t big[4] = {(int64_t)1 << 32, 0, 0, 0};
  oo_tensor bin[2] = {oo_const(TFLC_TT_FLOAT32, p_s, 2, k_w),
                      oo_in(TFLC_TT_INT64, nd_s, 2, NULL)};
  oo_op bnd = {TFLC_OP_GATHER_ND,
               TFLC_BO_GATHER_ND,
               NULL,
               0,
               bin,
               2,
               oo_out_t(TFLC_TT_FLOAT32, nd_o, 1)};
  uint8_t *b = one_op_bytes(&bnd, &size);
  expect_refused("GATHER_ND int64 index 2^32 at invoke", b, size, big,
                 sizeof big, "out of range", 0);
  /* A constant negative index. */
  static const int32_t neg[4] = {0, 1, -1, 0};
  oo_tensor cin[2] = {oo_const(TFLC_TT_FLOAT32, p_s, 2, k_w),
                      oo_const(TFLC_TT_INT32, nd_s, 2, neg)};
  oo_op cnd = {TFLC_OP_GATHER_ND,
               TFLC_BO_GATHER_ND,
               NULL,
               0,
               cin,
               2,
               oo_out_t(TFLC_TT_FLOAT32, nd_o, 1)};
  b = one_op_bytes(&cnd, &size);
  expect_refused("GATHER_ND constant index -1", b, size, NULL, 0,
                 "out of range", 0);

  /* ARG_MAX along an empty axis has no answer; along a non-empty axis of a
   * zero-size input the result is empty. */
  static const int s20[2] = {2, 0}, s03[2] = {0, 3}, o2[1] = {2}, o0[1] = {0};
  static const int32_t axis1 = 1;
  tflc_opt_field type = OPT(0, I8, TFLC_TT_INT32);
  oo_tensor am[2] = {oo_in(TFLC_TT_FLOAT32, s20, 2, NULL),
                     oo_const(TFLC_TT_INT32, k_s1, 1, &axis1)};
  oo_op argmax = {TFLC_OP_ARG_MAX,
                  TFLC_BO_ARG_MAX,
                  &type,
                  1,
                  am,
                  2,
                  oo_out_t(TFLC_TT_INT32, o2, 1)};
  b = one_op_bytes(&argmax, &size);
  expect_refused("ARG_MAX along an axis of size 0", b, size, NULL, 0, "empty",
                 0);
  am[0].shape = s03;
  argmax.op = TFLC_OP_ARG_MIN;
  argmax.bo = TFLC_BO_ARG_MIN;
  argmax.out.shape = o0;
  b = one_op_bytes(&argmax, &size);
  expect_ran("ARG_MIN of a [0, 3] input along axis 1", b, size, NULL, 0, 0, o0,
             1, "", 0);

  /* SPLIT of an axis of size 0 into 2: two empty pieces. */
  static const int32_t axis0 = 0;
  oo_tensor sp[2] = {oo_const(TFLC_TT_INT32, k_scalar, 0, &axis0),
                     oo_in(TFLC_TT_FLOAT32, s03, 2, NULL)};
  oo_tensor outs[2] = {oo_out_t(TFLC_TT_FLOAT32, s03, 2),
                       oo_out_t(TFLC_TT_FLOAT32, s03, 2)};
  tflc_opt_field two = OPT(0, I32, 2);
  oo_op split = {TFLC_OP_SPLIT, TFLC_BO_SPLIT, &two, 1, sp, 2, outs[0]};
  b = op_bytes(&split, outs, 2, -1, &size);
  expect_ran("SPLIT of an axis of size 0 into 2", b, size, NULL, 0, 1, s03, 2,
             "", 0);
  /* num_splits 3 with 2 outputs. */
  tflc_opt_field three = OPT(0, I32, 3);
  split.fields = &three;
  static const int v6[2] = {6, 2}, v2[2] = {2, 2};
  sp[1].shape = v6;
  outs[0].shape = outs[1].shape = v2;
  b = op_bytes(&split, outs, 2, -1, &size);
  expect_refused("SPLIT num_splits 3 with 2 outputs", b, size, NULL, 0,
                 "output", 0);

  /* SVDF with 0 filters (num_units 0): an empty output. */
  static const int in_s[2] = {1, 4}, wf0[2] = {0, 4}, wt0[2] = {0, 2},
                   st0[2] = {1, 0}, out0[2] = {1, 0};
  oo_tensor sv[5] = {oo_in(TFLC_TT_FLOAT32, in_s, 2, NULL),
                     oo_const(TFLC_TT_FLOAT32, wf0, 2, NULL),
                     oo_const(TFLC_TT_FLOAT32, wt0, 2, NULL),
                     {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0},
                     oo_in(TFLC_TT_FLOAT32, st0, 2, NULL)};
  tflc_opt_field rank1 = OPT(0, I32, 1);
  oo_op svdf = {TFLC_OP_SVDF,
                TFLC_BO_SVDF,
                &rank1,
                1,
                sv,
                5,
                oo_out_t(TFLC_TT_FLOAT32, out0, 2)};
  b = op_bytes(&svdf, &svdf.out, 1, 4, &size);
  expect_ran("SVDF with 0 filters", b, size, NULL, 0, 0, out0, 2, "", 0);
  /* memory_size 0: no slot for the newest activation. */
  static const int wf4[2] = {4, 4}, wt40[2] = {4, 0}, out4[2] = {1, 4};
  sv[1] = oo_const(TFLC_TT_FLOAT32, wf4, 2, k_w);
  sv[2] = oo_const(TFLC_TT_FLOAT32, wt40, 2, NULL);
  svdf.out.shape = out4;
  b = op_bytes(&svdf, &svdf.out, 1, 4, &size);
  expect_refused("SVDF with memory_size 0", b, size, NULL, 0, "memory", 0);

  /* ONE_HOT on an axis past the output's rank. */
  static const int i3[1] = {3}, o34[2] = {3, 4};
  static const int32_t depth4 = 4;
  static const float on = 1, off = 0;
  oo_tensor oh[4] = {oo_in(TFLC_TT_INT32, i3, 1, NULL),
                     oo_const(TFLC_TT_INT32, k_scalar, 0, &depth4),
                     oo_const(TFLC_TT_FLOAT32, k_scalar, 0, &on),
                     oo_const(TFLC_TT_FLOAT32, k_scalar, 0, &off)};
  tflc_opt_field axis5 = OPT(0, I32, 5);
  oo_op onehot = {TFLC_OP_ONE_HOT,
                  TFLC_BO_ONE_HOT,
                  &axis5,
                  1,
                  oh,
                  4,
                  oo_out_t(TFLC_TT_FLOAT32, o34, 2)};
  b = one_op_bytes(&onehot, &size);
  expect_refused("ONE_HOT axis 5 of a rank-2 output", b, size, NULL, 0, "axis",
                 0);
}

static void test_kernel_advisories(void) {
  kadv_strided_slice();
  kadv_zero_size_divisors();
  kadv_svdf_split();
  kadv_axes();
  kadv_more_indices();
  kadv_quant_and_broadcast();
  kadv_conv3d_transpose();
}

int main(void) {
  test_bad_shapes();
  test_zero_parameters();
  test_zero_divisors();
  test_bad_indices();
  test_graph_structure();
  test_indices_and_buffers();
  test_recursion();
  test_kernel_advisories();
  printf("%d case(s) skipped: operator not implemented yet\n", skipped);
  return CHECK_DONE();
}
