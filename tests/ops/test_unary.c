/* Op tests of the one-input elementwise kernels: RSQRT, TANH, LOGISTIC,
 * RELU, RELU6, RELU_N1_TO_1, HARD_SWISH, EXP, SQRT, ABS, NEG, LEAKY_RELU.
 * Each case builds a one-op model with the project's writer, runs it
 * through the C API and compares with a plain reference written here
 * (libm for the transcendental ones, hand-written clamps otherwise):
 * float32 and the integer types each op takes, integer corner cases,
 * zero-size tensors, input resizing and the errors prepare must report. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/check.h"
#include "support/test_model.h"

static size_t tt_size(int8_t tt) {
  return tt == TFLC_TT_INT64 ? 8 : (tt == TFLC_TT_INT8 ? 1 : 4);
}

/* One-op model: input of type tt and shape s, output of type tt_out. */
static TfLiteInterpreter *un_build(int32_t op, int8_t tt, int8_t tt_out,
                                   const int *s, int r, uint8_t bo,
                                   const tflc_opt_field *f, int nf,
                                   int n_inputs, char *err, size_t errsz) {
  tm_model *m = tm_create();
  int in = tm_tensor(m, tt, s, r, "in");
  int in2 = n_inputs > 1 ? tm_tensor(m, tt, s, r, "in2") : -1;
  int out = tm_tensor(m, tt_out, s, r, "out");
  int ins[2] = {in, in2};
  tm_op(m, op, NULL, ins, n_inputs, &out, 1, bo, f, nf);
  tm_io(m, ins, n_inputs, &out, 1);
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

/* Runs the op on n values (shape [n] or the given shape) and writes the
 * output to out. Returns 0 on failure. */
static int un_run(int32_t op, int8_t tt, const int *s, int r, uint8_t bo,
                  const tflc_opt_field *f, int nf, const void *in, void *out,
                  const char *label) {
  char err[512];
  TfLiteInterpreter *it =
      un_build(op, tt, tt, s, r, bo, f, nf, 1, err, sizeof err);
  CHECK_MSG(it != NULL, "%s: %s", label, err);
  if (!it) return 0;
  size_t n = 1;
  for (int i = 0; i < r; i++) n *= (size_t)s[i];
  int ok = 1;
  ok &= TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(it, 0), in,
                                   n * tt_size(tt)) == kTfLiteOk;
  ok &= TfLiteInterpreterInvoke(it) == kTfLiteOk;
  const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(it, 0);
  ok &= TfLiteTensorNumDims(o) == r;
  for (int i = 0; i < r && ok; i++) ok &= TfLiteTensorDim(o, i) == s[i];
  ok &= TfLiteTensorCopyToBuffer(o, out, n * tt_size(tt)) == kTfLiteOk;
  CHECK_MSG(ok, "%s: run failed", label);
  tm_interpreter_delete(it);
  return ok;
}

/* ---- float reference ---------------------------------------------------- */

static double ref_f32(int32_t op, float x, float alpha) {
  switch (op) {
    case TFLC_OP_RSQRT: return 1.0 / sqrt((double)x);
    case TFLC_OP_TANH: return tanh((double)x);
    case TFLC_OP_LOGISTIC: return 1.0 / (1.0 + exp(-(double)x));
    case TFLC_OP_RELU: return x < 0 ? 0.0 : x;
    case TFLC_OP_RELU6: return x < 0 ? 0.0 : (x > 6 ? 6.0 : x);
    case TFLC_OP_RELU_N1_TO_1: return x < -1 ? -1.0 : (x > 1 ? 1.0 : x);
    case TFLC_OP_HARD_SWISH: {
      double r6 = x + 3.0 < 0 ? 0 : (x + 3.0 > 6 ? 6 : x + 3.0);
      return x * r6 / 6.0;
    }
    case TFLC_OP_EXP: return exp((double)x);
    case TFLC_OP_SQRT: return sqrt((double)x);
    case TFLC_OP_ABS: return x < 0 ? -(double)x : x;
    case TFLC_OP_NEG: return -(double)x;
    case TFLC_OP_LEAKY_RELU: return x > 0 ? x : (double)alpha * x;
    default: return NAN;
  }
}

#define N_VALS 23
static const float vals[N_VALS] = {-100.0f, -20.0f, -8.5f, -6.0f,  -3.5f, -3.0f,
                                   -2.25f,  -1.0f,  -0.5f, -1e-3f, 0.0f,  1e-3f,
                                   0.25f,   0.5f,   1.0f,  1.5f,   2.75f, 3.0f,
                                   5.9f,    6.0f,   7.5f,  30.0f,  88.0f};

static void check_f32(int32_t op, uint8_t bo, const tflc_opt_field *f, int nf,
                      float alpha, const char *name) {
  float out[N_VALS];
  int s[1] = {N_VALS};
  if (!un_run(op, TFLC_TT_FLOAT32, s, 1, bo, f, nf, vals, out, name)) return;
  for (int i = 0; i < N_VALS; i++) {
    double want = ref_f32(op, vals[i], alpha);
    double got = out[i];
    int ok;
    if (isnan(want)) {
      ok = isnan(got);
    } else if (isinf(want)) {
      ok = isinf(got) && (got > 0) == (want > 0);
    } else {
      /* float rounding of the result plus a few ulps for libm */
      ok = fabs(got - want) <= 4e-7 * fabs(want) + 1e-37;
    }
    CHECK_MSG(ok, "%s(%g) = %.9g, want %.9g", name, (double)vals[i], got, want);
  }
  /* Same values as a 3-D tensor [1, 1, N]: the shape is kept. */
  int s3[3] = {1, 1, N_VALS};
  float out3[N_VALS];
  if (un_run(op, TFLC_TT_FLOAT32, s3, 3, bo, f, nf, vals, out3, name))
    CHECK(memcmp(out, out3, sizeof out) == 0);
  /* Zero-size input: works, output [0, 4]. */
  int s0[2] = {0, 4};
  float dummy[1] = {0};
  un_run(op, TFLC_TT_FLOAT32, s0, 2, bo, f, nf, dummy, dummy, name);
  /* Scalar input. */
  float x = 2.5f, y = 0;
  if (un_run(op, TFLC_TT_FLOAT32, NULL, 0, bo, f, nf, &x, &y, name))
    CHECK_NEAR(y, ref_f32(op, x, alpha), 4e-7 * fabs(ref_f32(op, x, alpha)));
}

static void test_float(void) {
  struct {
    int32_t op;
    const char *name;
  } ops[] = {{TFLC_OP_RSQRT, "RSQRT"},
             {TFLC_OP_TANH, "TANH"},
             {TFLC_OP_LOGISTIC, "LOGISTIC"},
             {TFLC_OP_RELU, "RELU"},
             {TFLC_OP_RELU6, "RELU6"},
             {TFLC_OP_RELU_N1_TO_1, "RELU_N1_TO_1"},
             {TFLC_OP_HARD_SWISH, "HARD_SWISH"},
             {TFLC_OP_EXP, "EXP"},
             {TFLC_OP_SQRT, "SQRT"},
             {TFLC_OP_ABS, "ABS"},
             {TFLC_OP_NEG, "NEG"}};
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    check_f32(ops[i].op, 0, NULL, 0, 0.0f, ops[i].name);
  /* LEAKY_RELU: alpha from options; default alpha 0 without options. */
  tflc_opt_field f = tm_opt_f32(0, 0.2f);
  check_f32(TFLC_OP_LEAKY_RELU, TFLC_BO_LEAKY_RELU, &f, 1, 0.2f,
            "LEAKY_RELU(0.2)");
  tflc_opt_field f2 = tm_opt_f32(0, -1.5f);
  check_f32(TFLC_OP_LEAKY_RELU, TFLC_BO_LEAKY_RELU, &f2, 1, -1.5f,
            "LEAKY_RELU(-1.5)");
  check_f32(TFLC_OP_LEAKY_RELU, 0, NULL, 0, 0.0f, "LEAKY_RELU(default)");
}

/* Integer ABS and NEG, including the wrap of the most negative value. */
static void test_int(void) {
  const int32_t in32[] = {0, 1, -1, 7, -7, INT32_MAX, INT32_MIN, -123456};
  int32_t out32[8];
  int s[1] = {8};
  if (un_run(TFLC_OP_ABS, TFLC_TT_INT32, s, 1, 0, NULL, 0, in32, out32,
             "ABS int32")) {
    const int32_t want[] = {0, 1, 1, 7, 7, INT32_MAX, INT32_MIN, 123456};
    for (int i = 0; i < 8; i++) CHECK_EQ_INT(out32[i], want[i]);
  }
  if (un_run(TFLC_OP_NEG, TFLC_TT_INT32, s, 1, 0, NULL, 0, in32, out32,
             "NEG int32")) {
    const int32_t want[] = {0, -1, 1, -7, 7, -INT32_MAX, INT32_MIN, 123456};
    for (int i = 0; i < 8; i++) CHECK_EQ_INT(out32[i], want[i]);
  }
  const int64_t in64[] = {0,         1,         -1, 5000000000LL, -5000000000LL,
                          INT64_MAX, INT64_MIN, -3};
  int64_t out64[8];
  if (un_run(TFLC_OP_NEG, TFLC_TT_INT64, s, 1, 0, NULL, 0, in64, out64,
             "NEG int64")) {
    const int64_t want[] = {
        0, -1, 1, -5000000000LL, 5000000000LL, -INT64_MAX, INT64_MIN, 3};
    for (int i = 0; i < 8; i++) CHECK(out64[i] == want[i]);
  }
  int s0[1] = {0};
  int32_t dummy = 0;
  un_run(TFLC_OP_NEG, TFLC_TT_INT32, s0, 1, 0, NULL, 0, &dummy, &dummy,
         "NEG int32 zero-size");
}

/* Resizing the input re-runs prepare and the output follows. */
static void test_resize(void) {
  char err[512];
  int s[1] = {2};
  TfLiteInterpreter *it =
      un_build(TFLC_OP_RELU, TFLC_TT_FLOAT32, TFLC_TT_FLOAT32, s, 1, 0, NULL, 0,
               1, err, sizeof err);
  CHECK_MSG(it != NULL, "%s", err);
  if (!it) return;
  const int ns[2] = {3, 2};
  CHECK_EQ_INT(TfLiteInterpreterResizeInputTensor(it, 0, ns, 2), kTfLiteOk);
  CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(it), kTfLiteOk);
  const float in[6] = {-1, 2, -3, 4, -5, 6};
  float out[6];
  CHECK_EQ_INT(TfLiteTensorCopyFromBuffer(
                   TfLiteInterpreterGetInputTensor(it, 0), in, sizeof in),
               kTfLiteOk);
  CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
  const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(it, 0);
  CHECK_EQ_INT(TfLiteTensorNumDims(o), 2);
  CHECK_EQ_INT(TfLiteTensorDim(o, 0), 3);
  CHECK_EQ_INT(TfLiteTensorCopyToBuffer(o, out, sizeof out), kTfLiteOk);
  const float want[6] = {0, 2, 0, 4, 0, 6};
  for (int i = 0; i < 6; i++) CHECK_NEAR(out[i], want[i], 0);
  tm_interpreter_delete(it);
}

static void expect_error(int32_t op, int8_t tt, int8_t tt_out, int n_inputs,
                         const char *needle) {
  char err[512];
  int s[2] = {2, 3};
  TfLiteInterpreter *it =
      un_build(op, tt, tt_out, s, 2, 0, NULL, 0, n_inputs, err, sizeof err);
  CHECK_MSG(it == NULL, "op %d: expected an error containing \"%s\"", op,
            needle);
  if (it) {
    tm_interpreter_delete(it);
  } else {
    CHECK_CONTAINS(err, needle);
  }
}

static void test_errors(void) {
  /* Float and quantized (tests/ops/test_quant_act.c covers the quantized
   * forms): integers are refused, int8 needs quantization parameters. */
  const int32_t float_or_quant[] = {
      TFLC_OP_RSQRT, TFLC_OP_TANH,         TFLC_OP_LOGISTIC,   TFLC_OP_RELU,
      TFLC_OP_RELU6, TFLC_OP_RELU_N1_TO_1, TFLC_OP_HARD_SWISH, TFLC_OP_EXP,
      TFLC_OP_SQRT,  TFLC_OP_LEAKY_RELU};
  for (size_t i = 0; i < sizeof float_or_quant / sizeof float_or_quant[0];
       i++) {
    expect_error(float_or_quant[i], TFLC_TT_INT32, TFLC_TT_INT32, 1,
                 "input type INT32 is not supported (FLOAT32");
    expect_error(float_or_quant[i], TFLC_TT_FLOAT32, TFLC_TT_INT32, 1,
                 "output type INT32 does not match input type FLOAT32");
    expect_error(float_or_quant[i], TFLC_TT_FLOAT32, TFLC_TT_FLOAT32, 2,
                 "expected 1 input, got 2");
  }
  const int32_t quant_capable[] = {TFLC_OP_TANH,         TFLC_OP_LOGISTIC,
                                   TFLC_OP_RELU,         TFLC_OP_RELU6,
                                   TFLC_OP_RELU_N1_TO_1, TFLC_OP_HARD_SWISH,
                                   TFLC_OP_LEAKY_RELU,   TFLC_OP_RSQRT,
                                   TFLC_OP_EXP,          TFLC_OP_SQRT};
  for (size_t i = 0; i < sizeof quant_capable / sizeof quant_capable[0]; i++)
    expect_error(quant_capable[i], TFLC_TT_INT8, TFLC_TT_INT8, 1,
                 "has no quantization parameters");
  expect_error(
      TFLC_OP_ABS, TFLC_TT_INT64, TFLC_TT_INT64, 1,
      "input type INT64 is not supported (FLOAT32, INT32, INT8, INT16)");
  expect_error(TFLC_OP_ABS, TFLC_TT_INT8, TFLC_TT_INT8, 1,
               "has no quantization parameters");
  expect_error(TFLC_OP_NEG, TFLC_TT_INT8, TFLC_TT_INT8, 1,
               "input type INT8 is not supported (FLOAT32, INT32, INT64)");
  expect_error(TFLC_OP_NEG, TFLC_TT_INT32, TFLC_TT_INT64, 1,
               "output type INT64 does not match input type INT32");
}

int main(void) {
  test_float();
  test_int();
  test_resize();
  test_errors();
  return CHECK_DONE();
}
