/* Op tests of STRING tensors: RESHAPE, GATHER (params of any rank and
 * axis), EQUAL / NOT_EQUAL (byte-wise, broadcast) against plain references
 * here, strings written and read through the C API
 * (TflcInterpreterSetTensorStrings, TflcTensorStringCount,
 * TflcTensorGetString), constant STRING tensors from the model bytes
 * (corrupt ones must be refused, never read out of bounds), and the models
 * litert/string_input_model.tflite (RESHAPE [1,3] -> [1,3] of a string
 * input: the output must be the input) and
 * litert/while_op_with_forwarding_input.tflite (a WHILE loop that forwards
 * a string; the expected integers are worked out by hand from its
 * constants, see test_while_model). argv[1] is the models directory. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"
#include "tflc/tflc.h"

/* ---- helpers ---- */

/* Builds a string buffer (TensorFlow Lite format) of n strings. */
static size_t make_strbuf(uint8_t *buf, const char *const *s, int n) {
  size_t off = 4 * ((size_t)n + 2);
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

static TfLiteStatus set_strings(TfLiteInterpreter *it, int tensor,
                                const char *const *s, int n, const int *dims,
                                int rank) {
  size_t lens[64];
  for (int i = 0; i < n; i++) lens[i] = strlen(s[i]);
  return TflcInterpreterSetTensorStrings(it, tensor, s, lens, n, dims, rank);
}

static void check_strings(const TfLiteTensor *t, const char *const *want, int n,
                          const char *label) {
  int got = TflcTensorStringCount(t);
  CHECK_MSG(got == n, "%s: %d strings, want %d", label, got, n);
  for (int i = 0; i < n && i < got; i++) {
    const char *p;
    size_t len;
    CHECK(TflcTensorGetString(t, i, &p, &len) == kTfLiteOk);
    CHECK_MSG(len == strlen(want[i]) && memcmp(p, want[i], len) == 0,
              "%s: string %d is '%.*s', want '%s'", label, i, (int)len, p,
              want[i]);
  }
}

typedef struct run {
  TfLiteModel *model;
  TfLiteInterpreter *it;
  uint8_t *bytes;
  char err[2048];
} run;

static int run_open(run *r, uint8_t *bytes, size_t size) {
  r->bytes = bytes;
  r->err[0] = '\0';
  r->model = TfLiteModelCreateWithErrorReporter(bytes, size, oo_report, r->err);
  if (!r->model) return -1;
  TfLiteInterpreterOptions *o = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(o, oo_report, r->err);
  r->it = TfLiteInterpreterCreate(r->model, o);
  TfLiteInterpreterOptionsDelete(o);
  if (!r->it) return -1;
  return TfLiteInterpreterAllocateTensors(r->it) == kTfLiteOk ? 0 : -1;
}

static void run_close(run *r) {
  if (r->it) TfLiteInterpreterDelete(r->it);
  if (r->model) TfLiteModelDelete(r->model);
  free(r->bytes);
  memset(r, 0, sizeof *r);
}

/* ---- RESHAPE ---- */

static void test_reshape(void) {
  tm_model *m = tm_create();
  int s_in[2] = {2, 3}, s_out[2] = {3, 2}, s_shape[1] = {2};
  int32_t shape_v[2] = {3, -1};
  int in = tm_tensor(m, TFLC_TT_STRING, s_in, 2, "in");
  int shape =
      tm_const(m, TFLC_TT_INT32, s_shape, 1, shape_v, sizeof shape_v, "shape");
  int out = tm_tensor(m, TFLC_TT_STRING, s_out, 2, "out");
  int ins[2] = {in, shape};
  tm_op(m, TFLC_OP_RESHAPE, NULL, ins, 2, &out, 1, 0, NULL, 0);
  tm_io(m, &in, 1, &out, 1);
  size_t size;
  uint8_t *b = tm_finish(m, &size);
  tm_free(m);
  run r = {0};
  CHECK_MSG(run_open(&r, b, size) == 0, "reshape: %s", r.err);
  if (r.it) {
    const char *s[6] = {"a", "", "hello", "wörld", "x y", "zz"};
    CHECK(set_strings(r.it, in, s, 6, s_in, 2) == kTfLiteOk);
    CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s", r.err);
    const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(r.it, 0);
    oo_check_shape(t, s_out, 2, "reshape string");
    check_strings(t, s, 6, "reshape string");
    /* 4 strings cannot be reshaped to [3, -1]: an invoke error. */
    int s4[2] = {2, 2};
    CHECK(set_strings(r.it, in, s, 4, s4, 2) == kTfLiteOk);
    CHECK(TfLiteInterpreterAllocateTensors(r.it) ==
          kTfLiteOk); /* a new input shape */
    CHECK_MSG(TfLiteInterpreterInvoke(r.it) != kTfLiteOk,
              "4 strings cannot be [3,-1]");
    CHECK_CONTAINS(r.err, "not a multiple of 3");
    /* Strings that do not fill the shape are refused by the API. */
    CHECK(set_strings(r.it, in, s, 5, s4, 2) != kTfLiteOk);
    /* Empty strings and a zero-size tensor. */
    const char *e[6] = {"", "", "", "", "", ""};
    CHECK(set_strings(r.it, in, e, 6, s_in, 2) == kTfLiteOk);
    CHECK(TfLiteInterpreterAllocateTensors(r.it) == kTfLiteOk);
    CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s", r.err);
    check_strings(TfLiteInterpreterGetOutputTensor(r.it, 0), e, 6,
                  "reshape empty strings");
  }
  run_close(&r);
}

/* ---- GATHER ---- */

static void ref_gather(const char *const *params, const int *ps, int axis,
                       const int32_t *idx, int nidx, const char **out) {
  /* params 2-D [ps0, ps1]; idx 1-D. */
  int k = 0;
  if (axis == 0) {
    for (int i = 0; i < nidx; i++)
      for (int j = 0; j < ps[1]; j++) out[k++] = params[idx[i] * ps[1] + j];
  } else {
    for (int r = 0; r < ps[0]; r++)
      for (int i = 0; i < nidx; i++) out[k++] = params[r * ps[1] + idx[i]];
  }
}

static void test_gather(int const_params) {
  static const char *params[6] = {
      "alpha", "b", "", "delta", "epsilon-long-string", "f"};
  int ps[2] = {2, 3};
  for (int axis = 0; axis < 2; axis++) {
    int32_t idx[4] = {1, 0, 1, axis ? 2 : 1};
    int nidx = 4, is[1] = {4};
    int os[2] = {axis ? 2 : 4, axis ? 4 : 3};
    tm_model *m = tm_create();
    int p;
    uint8_t buf[256];
    if (const_params) {
      size_t n = make_strbuf(buf, params, 6);
      p = tm_const(m, TFLC_TT_STRING, ps, 2, buf, n, "params");
    } else {
      p = tm_tensor(m, TFLC_TT_STRING, ps, 2, "params");
    }
    int ii = tm_const(m, TFLC_TT_INT32, is, 1, idx, sizeof idx, "idx");
    int out = tm_tensor(m, TFLC_TT_STRING, os, 2, "out");
    int ins[2] = {p, ii};
    tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I32, axis);
    tm_op(m, TFLC_OP_GATHER, NULL, ins, 2, &out, 1, TFLC_BO_GATHER, &f, 1);
    tm_io(m, const_params ? NULL : &p, const_params ? 0 : 1, &out, 1);
    size_t size;
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    run r = {0};
    CHECK_MSG(run_open(&r, b, size) == 0, "gather: %s", r.err);
    if (r.it) {
      if (!const_params)
        CHECK(set_strings(r.it, p, params, 6, ps, 2) == kTfLiteOk);
      CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s", r.err);
      const char *want[12];
      ref_gather(params, ps, axis, idx, nidx, want);
      const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(r.it, 0);
      oo_check_shape(t, os, 2, "gather string");
      check_strings(t, want, os[0] * os[1],
                    const_params ? "gather const strings" : "gather strings");
    }
    run_close(&r);
  }
}

static void test_gather_errors(void) {
  /* Index out of range: an invoke error naming it. */
  static const char *params[3] = {"a", "b", "c"};
  int ps[1] = {3}, is[1] = {2};
  int32_t idx[2] = {0, 3};
  tm_model *m = tm_create();
  int p = tm_tensor(m, TFLC_TT_STRING, ps, 1, "params");
  int ii = tm_const(m, TFLC_TT_INT32, is, 1, idx, sizeof idx, "idx");
  int out = tm_tensor(m, TFLC_TT_STRING, is, 1, "out");
  int ins[2] = {p, ii};
  tm_op(m, TFLC_OP_GATHER, NULL, ins, 2, &out, 1, 0, NULL, 0);
  tm_io(m, &p, 1, &out, 1);
  size_t size;
  uint8_t *b = tm_finish(m, &size);
  tm_free(m);
  run r = {0};
  CHECK_MSG(run_open(&r, b, size) == 0, "%s", r.err);
  if (r.it) {
    CHECK(set_strings(r.it, p, params, 3, ps, 1) == kTfLiteOk);
    CHECK(TfLiteInterpreterInvoke(r.it) != kTfLiteOk);
    CHECK_CONTAINS(r.err, "index 3 at position 1 is out of range");
  }
  run_close(&r);

  /* Corrupt constant string buffers: offsets past the end, decreasing
   * offsets, a count that does not match the shape. */
  for (int kind = 0; kind < 3; kind++) {
    uint8_t buf[64];
    size_t n = make_strbuf(buf, params, 3);
    int32_t v;
    if (kind == 0) {
      v = 1000;
      memcpy(buf + 8, &v, 4);
    } else if (kind == 1) {
      v = 19;
      memcpy(buf + 12, &v, 4);
    } else {
      v = 2;
      memcpy(buf, &v, 4);
    }
    idx[1] = 1;
    m = tm_create();
    p = tm_const(m, TFLC_TT_STRING, ps, 1, buf, n, "params");
    ii = tm_const(m, TFLC_TT_INT32, is, 1, idx, sizeof idx, "idx");
    out = tm_tensor(m, TFLC_TT_STRING, is, 1, "out");
    int ins2[2] = {p, ii};
    tm_op(m, TFLC_OP_GATHER, NULL, ins2, 2, &out, 1, 0, NULL, 0);
    tm_io(m, NULL, 0, &out, 1);
    b = tm_finish(m, &size);
    tm_free(m);
    memset(&r, 0, sizeof r);
    int ok = run_open(&r, b, size) == 0 &&
             TfLiteInterpreterInvoke(r.it) == kTfLiteOk;
    CHECK_MSG(!ok, "corrupt string buffer %d accepted", kind);
    CHECK_CONTAINS(r.err, kind == 2 ? "holds 2 strings but its shape has 3"
                                    : "malformed string buffer");
    run_close(&r);
  }
}

/* ---- EQUAL / NOT_EQUAL ---- */

static void test_equal(void) {
  static const char *a[6] = {"x", "yy", "", "x", "abc", "ab"};
  static const char *bvals[3] = {"x", "yy", "ab"};
  struct {
    int sb[2], rb;
  } shapes[3] = {{{3, 0}, 1}, {{1, 0}, 1}, {{2, 3}, 2}};
  static const char *b6[6] = {"x", "y", "", "X", "abc", "abc"};
  for (int op = 0; op < 2; op++) {
    for (int sc = 0; sc < 3; sc++) {
      int sa[2] = {2, 3};
      const int *sb = shapes[sc].sb;
      int rb = shapes[sc].rb;
      const char *const *bs = sc == 2 ? b6 : bvals;
      int nb = sc == 0 ? 3 : sc == 1 ? 1 : 6;
      tm_model *m = tm_create();
      int ta = tm_tensor(m, TFLC_TT_STRING, sa, 2, "a");
      int tb = tm_tensor(m, TFLC_TT_STRING, sb, rb, "b");
      int out = tm_tensor(m, TFLC_TT_BOOL, sa, 2, "out");
      int ins[2] = {ta, tb};
      tm_op(m, op ? TFLC_OP_NOT_EQUAL : TFLC_OP_EQUAL, NULL, ins, 2, &out, 1, 0,
            NULL, 0);
      tm_io(m, ins, 2, &out, 1);
      size_t size;
      uint8_t *bytes = tm_finish(m, &size);
      tm_free(m);
      run r = {0};
      CHECK_MSG(run_open(&r, bytes, size) == 0, "%s", r.err);
      if (r.it) {
        CHECK(set_strings(r.it, ta, a, 6, sa, 2) == kTfLiteOk);
        CHECK(set_strings(r.it, tb, bs, nb, sb, rb) == kTfLiteOk);
        CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s", r.err);
        const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(r.it, 0);
        oo_check_shape(t, sa, 2, "equal shape");
        const bool *got = (const bool *)TfLiteTensorData(t);
        for (int i = 0; got && i < 6; i++) {
          const char *y = sc == 0 ? bs[i % 3] : sc == 1 ? bs[0] : bs[i];
          bool eq = strcmp(a[i], y) == 0;
          CHECK_MSG(got[i] == (op ? !eq : eq), "%s case %d element %d",
                    op ? "NOT_EQUAL" : "EQUAL", sc, i);
        }
      }
      run_close(&r);
    }
  }
}

/* ---- model files ---- */

static uint8_t *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *b = malloc(n > 0 ? (size_t)n : 1);
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
    free(b);
    b = NULL;
  }
  fclose(f);
  *size = (size_t)n;
  return b;
}

static void test_string_input_model(const char *dir) {
  char path[1024];
  snprintf(path, sizeof path, "%s/litert/string_input_model.tflite", dir);
  size_t size;
  uint8_t *b = read_file(path, &size);
  CHECK_MSG(b != NULL, "cannot read %s", path);
  if (!b) return;
  run r = {0};
  CHECK_MSG(run_open(&r, b, size) == 0, "string_input_model: %s", r.err);
  if (r.it) {
    /* Input tensor 2 "input_52" STRING [1,3]; output tensor 0 [1,3]. */
    static const char *s[3] = {"first", "", "third string"};
    int dims[2] = {1, 3};
    CHECK(set_strings(r.it, 2, s, 3, dims, 2) == kTfLiteOk);
    CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s", r.err);
    const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(r.it, 0);
    oo_check_shape(t, dims, 2, "string_input_model");
    check_strings(t, s, 3, "string_input_model");
    /* Twice, with other strings. */
    static const char *s2[3] = {"a", "bb", "ccc"};
    CHECK(set_strings(r.it, 2, s2, 3, dims, 2) == kTfLiteOk);
    CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s", r.err);
    check_strings(TfLiteInterpreterGetOutputTensor(r.it, 0), s2, 3,
                  "string_input_model again");
  }
  run_close(&r);
}

/* while_op_with_forwarding_input.tflite: main reshapes num_iterations [1]
 * to a scalar N and runs WHILE over (counter 0, max -1, a 1, b 1, the
 * string, N); cond: a < N; body: counter + 1, a + 1, b = a + 2 (Const_11 is
 * 1 twice), the string and N forwarded. After k = max(0, N - 1) iterations
 * the outputs (WHILE results 2, 3, 4) are a = 1 + k, b = k > 0 ? k + 2 : 1,
 * and the string unchanged. */
static void test_while_model(const char *dir) {
  char path[1024];
  snprintf(path, sizeof path, "%s/litert/while_op_with_forwarding_input.tflite",
           dir);
  size_t size;
  uint8_t *b = read_file(path, &size);
  CHECK_MSG(b != NULL, "cannot read %s", path);
  if (!b) return;
  run r = {0};
  CHECK_MSG(run_open(&r, b, size) == 0, "while model: %s", r.err);
  if (r.it) {
    const int ns[4] = {4, 1, 0, 7};
    for (int c = 0; c < 4; c++) {
      int32_t n = ns[c];
      CHECK(TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(r.it, 0),
                                       &n, 4) == kTfLiteOk);
      const char *s[1] = {c % 2 ? "forward me" : ""};
      int dims[1] = {1};
      CHECK(set_strings(r.it, 1, s, 1, dims, 1) == kTfLiteOk);
      CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "while N=%d: %s", n,
                r.err);
      int k = n > 1 ? n - 1 : 0;
      const TfLiteTensor *a = TfLiteInterpreterGetOutputTensor(r.it, 0);
      const TfLiteTensor *bb = TfLiteInterpreterGetOutputTensor(r.it, 1);
      const TfLiteTensor *st = TfLiteInterpreterGetOutputTensor(r.it, 2);
      CHECK_EQ_INT(((const int32_t *)TfLiteTensorData(a))[0], 1 + k);
      CHECK_EQ_INT(((const int32_t *)TfLiteTensorData(bb))[0],
                   k > 0 ? k + 2 : 1);
      check_strings(st, s, 1, "while forwarded string");
    }
  }
  run_close(&r);
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "../shared/models";
  test_reshape();
  test_gather(0);
  test_gather(1);
  test_gather_errors();
  test_equal();
  test_string_input_model(dir);
  test_while_model(dir);
  return CHECK_DONE();
}
