/* Tests of the core runtime: the arena planner, the C API and its misuse,
 * Invoke allocating nothing, the caller-supplied arena, ResizeInputTensor,
 * control flow (WHILE, IF, CALL_ONCE), resource variables, custom ops,
 * signature runners, and refusal of self-calling subgraphs. Models are built
 * with the project's writer (tests/support/test_model.h). */
#include <stdlib.h>
#include <string.h>

#include "base/allocator.h"
#include "core/interp_internal.h"
#include "support/check.h"
#include "support/test_model.h"
#include "tflc/tflc.h"

/* ---- planner ---- */

static void test_planner_exact(void) {
  tflc_plan_item items[3] = {{100, 0, 1, 0}, {100, 1, 2, 0}, {100, 2, 3, 0}};
  int order[3];
  size_t total = tflc_plan_greedy(items, 3, 64, order);
  /* a and c never live together: they share offset 0; b sits after. */
  CHECK_EQ_INT(items[0].offset, 0);
  CHECK_EQ_INT(items[1].offset, 128);
  CHECK_EQ_INT(items[2].offset, 0);
  CHECK_EQ_INT(total, 256);

  /* Largest first: the 300-byte buffer gets offset 0 even if listed last. */
  tflc_plan_item b[3] = {{10, 0, 5, 0}, {20, 0, 5, 0}, {300, 0, 5, 0}};
  total = tflc_plan_greedy(b, 3, 16, order);
  CHECK_EQ_INT(b[2].offset, 0);
  CHECK_EQ_INT(b[1].offset, 304);
  CHECK_EQ_INT(b[0].offset, 336);
  CHECK_EQ_INT(total, 352);
}

static void test_planner_random(void) {
  srand(7);
  for (int round = 0; round < 300; round++) {
    int n = 1 + rand() % 40;
    tflc_plan_item items[40];
    int order[40];
    for (int i = 0; i < n; i++) {
      int a = rand() % 20, len = rand() % 6;
      items[i] = (tflc_plan_item){(size_t)(rand() % 5000), a, a + len, 0};
    }
    size_t total = tflc_plan_greedy(items, n, 64, order);
    int bad = 0;
    for (int i = 0; i < n; i++) {
      if (items[i].offset % 64) bad++;
      if (items[i].offset + items[i].bytes > total) bad++;
      for (int j = i + 1; j < n; j++) {
        const tflc_plan_item *x = &items[i], *y = &items[j];
        if (!x->bytes || !y->bytes) continue;
        bool time = x->first <= y->last && y->first <= x->last;
        bool space = x->offset < y->offset + y->bytes &&
                     y->offset < x->offset + x->bytes;
        if (time && space) bad++;
      }
    }
    CHECK_MSG(bad == 0, "round %d: %d overlaps or misalignments", round, bad);
  }
}

/* ---- small models ---- */

/* out = a + b, float [2,3] (b broadcast [3] when broadcast is set). */
static uint8_t *add_model(size_t *size) {
  tm_model *m = tm_create();
  int s[2] = {2, 3};
  int a = tm_tensor(m, TFLC_TT_FLOAT32, s, 2, "a");
  int b = tm_tensor(m, TFLC_TT_FLOAT32, s, 2, "b");
  int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 2, "out");
  int in[2] = {a, b};
  tm_op(m, TFLC_OP_ADD, NULL, in, 2, &o, 1, TFLC_BO_ADD, NULL, 0);
  tm_io(m, in, 2, &o, 1);
  const char *in_names[2] = {"x", "y"};
  const char *out_names[1] = {"sum"};
  tm_add_signature(m, "serving_default", 0, in_names, in, 2, out_names, &o, 1);
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
}

static int set_input_f32(TfLiteInterpreter *it, int i, const float *v,
                         size_t n) {
  TfLiteTensor *t = TfLiteInterpreterGetInputTensor(it, i);
  return t && TfLiteTensorCopyFromBuffer(t, v, n * sizeof(float)) == kTfLiteOk;
}

static void test_add_and_misuse(void) {
  size_t size;
  uint8_t *bytes = add_model(&size);
  CHECK(bytes != NULL);
  if (!bytes) return;
  TfLiteModel *model = TfLiteModelCreate(bytes, size);
  CHECK(model != NULL);
  TfLiteInterpreter *it = TfLiteInterpreterCreate(model, NULL);
  CHECK(it != NULL);
  TfLiteModelDelete(model); /* the interpreter keeps it alive */
  CHECK_EQ_INT(TfLiteInterpreterGetInputTensorCount(it), 2);
  CHECK_EQ_INT(TfLiteInterpreterGetOutputTensorCount(it), 1);
  /* Invoke before AllocateTensors fails with a message. */
  CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteError);
  CHECK_CONTAINS(TflcInterpreterGetLastError(it), "AllocateTensors");
  CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(it), kTfLiteOk);
  float a[6] = {1, 2, 3, 4, 5, 6}, b[6] = {10, 20, 30, 40, 50, 60}, out[6];
  CHECK(set_input_f32(it, 0, a, 6));
  CHECK(set_input_f32(it, 1, b, 6));
  CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
  const TfLiteTensor *ot = TfLiteInterpreterGetOutputTensor(it, 0);
  CHECK_EQ_INT(TfLiteTensorCopyToBuffer(ot, out, sizeof out), kTfLiteOk);
  for (int i = 0; i < 6; i++) CHECK_NEAR(out[i], a[i] + b[i], 0);
  CHECK_EQ_INT(TfLiteTensorType(ot), kTfLiteFloat32);
  CHECK_EQ_INT(TfLiteTensorNumDims(ot), 2);
  CHECK_EQ_INT(TfLiteTensorDim(ot, 1), 3);
  CHECK_EQ_INT(TfLiteTensorDim(ot, 2), -1);
  CHECK(strcmp(TfLiteTensorName(ot), "out") == 0);
  /* Misuse. */
  CHECK(TfLiteInterpreterGetInputTensor(it, 2) == NULL);
  CHECK(TfLiteInterpreterGetInputTensor(it, -1) == NULL);
  CHECK(TfLiteInterpreterGetOutputTensor(it, 5) == NULL);
  CHECK_EQ_INT(
      TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(it, 0), a, 5),
      kTfLiteError);
  CHECK_EQ_INT(TfLiteTensorCopyToBuffer(ot, out, 4), kTfLiteError);
  CHECK_EQ_INT(TfLiteInterpreterResizeInputTensor(it, 7, NULL, 0),
               kTfLiteError);
  int neg[2] = {-1, 3};
  CHECK_EQ_INT(TfLiteInterpreterResizeInputTensor(it, 0, neg, 2), kTfLiteError);
  CHECK(TfLiteInterpreterGetTensor(it, 99) == NULL);

  /* Resize re-plans: [4,3] + [4,3]. */
  int big[2] = {4, 3};
  CHECK_EQ_INT(TfLiteInterpreterResizeInputTensor(it, 0, big, 2), kTfLiteOk);
  CHECK_EQ_INT(TfLiteInterpreterResizeInputTensor(it, 1, big, 2), kTfLiteOk);
  CHECK_EQ_INT(TfLiteInterpreterInvoke(it),
               kTfLiteError); /* must allocate first */
  CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(it), kTfLiteOk);
  float a2[12], b2[12], o2[12];
  for (int i = 0; i < 12; i++) {
    a2[i] = (float)i;
    b2[i] = (float)(100 - i);
  }
  CHECK(set_input_f32(it, 0, a2, 12));
  CHECK(set_input_f32(it, 1, b2, 12));
  CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
  CHECK_EQ_INT(TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 0),
                                        o2, sizeof o2),
               kTfLiteOk);
  int ok = 1;
  for (int i = 0; i < 12; i++) ok &= o2[i] == 100.0f;
  CHECK(ok);

  /* Signature runner. */
  CHECK_EQ_INT(TfLiteInterpreterGetSignatureCount(it), 1);
  CHECK(strcmp(TfLiteInterpreterGetSignatureKey(it, 0), "serving_default") ==
        0);
  CHECK(TfLiteInterpreterGetSignatureKey(it, 1) == NULL);
  CHECK(TfLiteInterpreterGetSignatureRunner(it, "nope") == NULL);
  TfLiteSignatureRunner *r =
      TfLiteInterpreterGetSignatureRunner(it, "serving_default");
  CHECK(r != NULL);
  if (r) {
    CHECK_EQ_INT(TfLiteSignatureRunnerGetInputCount(r), 2);
    CHECK(strcmp(TfLiteSignatureRunnerGetInputName(r, 1), "y") == 0);
    CHECK(strcmp(TfLiteSignatureRunnerGetOutputName(r, 0), "sum") == 0);
    int small[2] = {1, 3};
    CHECK_EQ_INT(TfLiteSignatureRunnerResizeInputTensor(r, "x", small, 2),
                 kTfLiteOk);
    CHECK_EQ_INT(TfLiteSignatureRunnerResizeInputTensor(r, "y", small, 2),
                 kTfLiteOk);
    CHECK_EQ_INT(TfLiteSignatureRunnerResizeInputTensor(r, "zz", small, 2),
                 kTfLiteError);
    CHECK_EQ_INT(TfLiteSignatureRunnerAllocateTensors(r), kTfLiteOk);
    float x[3] = {1, 2, 3}, y[3] = {0.5f, 0.5f, 0.5f}, s[3];
    CHECK_EQ_INT(TfLiteTensorCopyFromBuffer(
                     TfLiteSignatureRunnerGetInputTensor(r, "x"), x, sizeof x),
                 kTfLiteOk);
    CHECK_EQ_INT(TfLiteTensorCopyFromBuffer(
                     TfLiteSignatureRunnerGetInputTensor(r, "y"), y, sizeof y),
                 kTfLiteOk);
    CHECK(TfLiteSignatureRunnerGetInputTensor(r, "nope") == NULL);
    CHECK_EQ_INT(TfLiteSignatureRunnerInvoke(r), kTfLiteOk);
    CHECK_EQ_INT(
        TfLiteTensorCopyToBuffer(TfLiteSignatureRunnerGetOutputTensor(r, "sum"),
                                 s, sizeof s),
        kTfLiteOk);
    CHECK_NEAR(s[2], 3.5, 0);
    TfLiteSignatureRunnerDelete(r);
  }
  TfLiteInterpreterDelete(it);
  free(bytes);
}

static void test_null_and_bad_inputs(void) {
  CHECK(TfLiteInterpreterCreate(NULL, NULL) == NULL);
  CHECK(TfLiteModelCreate(NULL, 10) == NULL);
  CHECK(TfLiteModelCreateFromFile("/nonexistent/model.tflite") == NULL);
  CHECK_CONTAINS(TflcGetLastModelError(), "/nonexistent/model.tflite");
  uint8_t garbage[29] = "this is not a tflite model!!";
  CHECK(TfLiteModelCreate(garbage, sizeof garbage) == NULL);
  CHECK(TflcGetLastModelError()[0] != '\0');
  CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(NULL), kTfLiteError);
  CHECK_EQ_INT(TfLiteInterpreterInvoke(NULL), kTfLiteError);
  CHECK(TfLiteInterpreterGetInputTensor(NULL, 0) == NULL);
  CHECK_EQ_INT(TfLiteTensorCopyFromBuffer(NULL, garbage, 1), kTfLiteError);
  CHECK_EQ_INT(TfLiteTensorNumDims(NULL), -1);
  TfLiteInterpreterDelete(NULL);
  TfLiteModelDelete(NULL);
  TfLiteInterpreterOptionsDelete(NULL);
}

/* ---- allocation counting ---- */

static long alloc_count;
static long fail_after = -1;

static void *counting_alloc(void *user, size_t size) {
  (void)user;
  if (fail_after >= 0 && alloc_count >= fail_after) return NULL;
  alloc_count++;
  return malloc(size ? size : 1);
}

static void counting_free(void *user, void *p) {
  (void)user;
  free(p);
}

static const tflc_allocator counting = {counting_alloc, counting_free, NULL};

static void test_invoke_allocates_nothing(void) {
  size_t size;
  uint8_t *bytes = add_model(&size);
  if (!bytes) return;
  tflc_set_default_allocator(&counting);
  TfLiteModel *model = TfLiteModelCreate(bytes, size);
  TfLiteInterpreter *it = TfLiteInterpreterCreate(model, NULL);
  CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(it), kTfLiteOk);
  long before = alloc_count;
  CHECK(before > 0);
  for (int i = 0; i < 10; i++)
    CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
  CHECK_EQ_INT(alloc_count - before, 0);
  TfLiteInterpreterDelete(it);
  TfLiteModelDelete(model);

  /* Failing the Nth allocation: every N gives success or a clean error. */
  for (long n = 0; n < 200; n++) {
    alloc_count = 0;
    fail_after = n;
    TfLiteModel *m2 = TfLiteModelCreate(bytes, size);
    TfLiteInterpreter *i2 = m2 ? TfLiteInterpreterCreate(m2, NULL) : NULL;
    TfLiteStatus s = i2 ? TfLiteInterpreterAllocateTensors(i2) : kTfLiteError;
    if (s == kTfLiteOk) s = TfLiteInterpreterInvoke(i2);
    TfLiteInterpreterDelete(i2);
    TfLiteModelDelete(m2);
    fail_after = -1;
    if (s == kTfLiteOk) break; /* enough allocations: done */
  }
  tflc_set_default_allocator(NULL);
  free(bytes);
}

static char captured[2048];
static void errbuf_reset(void) { captured[0] = '\0'; }
static void capture(void *user, const char *fmt, va_list args) {
  (void)user;
  size_t used = strlen(captured);
  if (used + 1 < sizeof captured)
    vsnprintf(captured + used, sizeof captured - used, fmt, args);
}

static void test_caller_arena(void) {
  size_t size;
  uint8_t *bytes = add_model(&size);
  if (!bytes) return;
  TfLiteModel *model = TfLiteModelCreate(bytes, size);
  static uint8_t arena[1 << 16];
  alloc_count = 0;
  tflc_set_default_allocator(&counting);
  TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
  long base = alloc_count; /* the options object itself */
  TflcInterpreterOptionsSetArena(opts, arena, sizeof arena);
  TfLiteInterpreter *it = TfLiteInterpreterCreate(model, opts);
  CHECK(it != NULL);
  CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(it), kTfLiteOk);
  float a[6] = {1, 1, 1, 1, 1, 1}, out[6];
  CHECK(set_input_f32(it, 0, a, 6));
  CHECK(set_input_f32(it, 1, a, 6));
  CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
  TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 0), out,
                           sizeof out);
  CHECK_NEAR(out[5], 2.0, 0);
  CHECK_EQ_INT(alloc_count - base, 0); /* the library never called malloc */
  TfLiteInterpreterDelete(it);
  tflc_set_default_allocator(NULL);

  /* A caller arena full of old bytes: inputs that were never set read as
   * zeros (the tensor arena is zeroed when allocated), so 0 + 0 = 0 and no
   * earlier contents reach an output. */
  static uint8_t dirty[1 << 16];
  memset(dirty, 0xAB, sizeof dirty);
  TflcInterpreterOptionsSetArena(opts, dirty, sizeof dirty);
  it = TfLiteInterpreterCreate(model, opts);
  CHECK(it != NULL);
  if (it) {
    CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(it), kTfLiteOk);
    CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
    memset(out, 0xFF, sizeof out);
    TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 0), out,
                             sizeof out);
    for (int i = 0; i < 6; i++) CHECK_NEAR(out[i], 0.0, 0);
    TfLiteInterpreterDelete(it);
  }

  /* Every arena size from tiny to enough: either it works, or creation /
   * AllocateTensors fails with a message saying the arena is too small. */
  static uint8_t sized[8192];
  int saw_alloc_failure = 0, saw_success = 0, bad = 0;
  for (size_t n = 64; n <= sizeof sized; n += 64) {
    errbuf_reset();
    TflcInterpreterOptionsSetArena(opts, sized, n);
    TfLiteInterpreterOptionsSetErrorReporter(opts, capture, NULL);
    it = TfLiteInterpreterCreate(model, opts);
    TfLiteStatus st = it ? TfLiteInterpreterAllocateTensors(it) : kTfLiteError;
    if (st == kTfLiteOk) {
      saw_success = 1;
    } else {
      if (it) saw_alloc_failure = 1;
      if (!strstr(captured, "too small")) {
        bad++;
        fprintf(stderr, "arena %zu: %s\n", n, captured);
      }
    }
    TfLiteInterpreterDelete(it);
  }
  CHECK(saw_success);
  CHECK(saw_alloc_failure);
  CHECK_EQ_INT(bad, 0);
  TfLiteInterpreterOptionsDelete(opts);
  TfLiteModelDelete(model);
  free(bytes);
}

/* ---- control flow ---- */

/* sg0: (x float[2], i int32[1]) -> WHILE(cond 1, body 2) -> (x', i').
 * cond: i < limit.  body: x = x + x, i = i + 1. */
static uint8_t *while_model(size_t *size, int body_index) {
  tm_model *m = tm_create();
  int s2[1] = {2}, s1[1] = {1};
  int x = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "x");
  int i = tm_tensor(m, TFLC_TT_INT32, s1, 1, "i");
  int xo = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "x_out");
  int io = tm_tensor(m, TFLC_TT_INT32, s1, 1, "i_out");
  int in[2] = {x, i}, out[2] = {xo, io};
  tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_I32, 1),
                         tm_opt_int(1, TFLC_OPT_I32, body_index)};
  tm_op(m, TFLC_OP_WHILE, NULL, in, 2, out, 2, TFLC_BO_WHILE, f, 2);
  tm_io(m, in, 2, out, 2);
  /* cond */
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
  /* body */
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
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
}

static void test_while(void) {
  size_t size;
  uint8_t *bytes = while_model(&size, 2);
  char err[1024];
  TfLiteInterpreter *it = tm_interpreter(bytes, size, err, sizeof err);
  CHECK_MSG(it != NULL, "%s", err);
  if (it) {
    float x[2] = {1.5f, -2.0f};
    int32_t i0 = 2;
    CHECK(set_input_f32(it, 0, x, 2));
    CHECK_EQ_INT(TfLiteTensorCopyFromBuffer(
                     TfLiteInterpreterGetInputTensor(it, 1), &i0, 4),
                 kTfLiteOk);
    CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
    float xo[2];
    int32_t io;
    TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 0), xo,
                             sizeof xo);
    TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 1), &io, 4);
    /* 3 iterations (i = 2, 3, 4): x * 8, i = 5 */
    CHECK_NEAR(xo[0], 12.0, 0);
    CHECK_NEAR(xo[1], -16.0, 0);
    CHECK_EQ_INT(io, 5);
    /* Inputs are not clobbered by the loop. */
    float xin[2];
    TfLiteTensorCopyToBuffer(TfLiteInterpreterGetInputTensor(it, 0), xin,
                             sizeof xin);
    CHECK_NEAR(xin[0], 1.5, 0);
    tm_interpreter_delete(it);
  }
  free(bytes);
  /* A WHILE whose body is the calling subgraph: refused, not recursed. */
  bytes = while_model(&size, 0);
  it = tm_interpreter(bytes, size, err, sizeof err);
  CHECK(it == NULL);
  CHECK_CONTAINS(err, "subgraph");
  tm_interpreter_delete(it);
  free(bytes);
}

/* IF: out = cond ? a + b : a * b (float [2]). */
static void test_if(void) {
  tm_model *m = tm_create();
  int s1[1] = {1}, s2[1] = {2};
  int c = tm_tensor(m, TFLC_TT_BOOL, s1, 1, "c");
  int a = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "a");
  int b = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "b");
  int o = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "o");
  int in[3] = {c, a, b};
  tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_I32, 1),
                         tm_opt_int(1, TFLC_OPT_I32, 2)};
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
  size_t size;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  char err[1024];
  TfLiteInterpreter *it = tm_interpreter(bytes, size, err, sizeof err);
  CHECK_MSG(it != NULL, "%s", err);
  if (it) {
    float av[2] = {2, 3}, bv[2] = {4, 5}, ov[2];
    for (int cond = 0; cond < 2; cond++) {
      bool cv = cond;
      TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(it, 0), &cv,
                                 1);
      set_input_f32(it, 1, av, 2);
      set_input_f32(it, 2, bv, 2);
      CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
      TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 0), ov,
                               sizeof ov);
      CHECK_NEAR(ov[1], cond ? 8.0 : 15.0, 0);
    }
    tm_interpreter_delete(it);
  }
  free(bytes);
}

/* CALL_ONCE initializes variable v = 3; each invoke: out = x * v; v = out. */
static void test_call_once_variables(void) {
  tm_model *m = tm_create();
  int s1[1] = {1};
  int x = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "x");
  int h = tm_tensor(m, TFLC_TT_RESOURCE, NULL, 0, "handle");
  int v = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "v");
  int o = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "out");
  tflc_opt_field once = tm_opt_int(0, TFLC_OPT_I32, 1);
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
  tm_subgraph(m);
  int h2 = tm_tensor(m, TFLC_TT_RESOURCE, NULL, 0, "handle");
  float three = 3.0f;
  int c3 = tm_const(m, TFLC_TT_FLOAT32, s1, 1, &three, 4, "three");
  tm_op(m, TFLC_OP_VAR_HANDLE, NULL, NULL, 0, &h2, 1, TFLC_BO_VAR_HANDLE, &name,
        1);
  int hc[2] = {h2, c3};
  tm_op(m, TFLC_OP_ASSIGN_VARIABLE, NULL, hc, 2, NULL, 0, 0, NULL, 0);
  tm_io(m, NULL, 0, NULL, 0);
  size_t size;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  char err[1024];
  TfLiteInterpreter *it = tm_interpreter(bytes, size, err, sizeof err);
  CHECK_MSG(it != NULL, "%s", err);
  if (it) {
    float two = 2.0f, out = 0;
    float expect[3] = {6, 12, 24};
    for (int k = 0; k < 3; k++) {
      set_input_f32(it, 0, &two, 1);
      CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
      TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 0), &out,
                               4);
      CHECK_NEAR(out, expect[k], 0);
    }
    tm_interpreter_delete(it);
  }
  free(bytes);
}

/* STABLEHLO_COMPOSITE runs its decomposition subgraph: out = a + b. */
static void test_stablehlo_composite(void) {
  tm_model *m = tm_create();
  int s2[1] = {2};
  int a = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "a");
  int b = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "b");
  int o = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "o");
  int in[2] = {a, b};
  tflc_opt_field f[2] = {
      {.id = 0, .kind = TFLC_OPT_STRING, .vec = "odml.add", .vec_len = 8},
      tm_opt_int(1, TFLC_OPT_I32, 1)};
  int op = tm_op(m, TFLC_OP_STABLEHLO_COMPOSITE, NULL, in, 2, &o, 1,
                 TFLC_BO2_STABLEHLO_COMPOSITE, f, 2);
  tm_op_options2(m, op);
  tm_io(m, in, 2, &o, 1);
  tm_subgraph(m);
  int x = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "x");
  int y = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "y");
  int z = tm_tensor(m, TFLC_TT_FLOAT32, s2, 1, "z");
  int xy[2] = {x, y};
  tm_op(m, TFLC_OP_ADD, NULL, xy, 2, &z, 1, 0, NULL, 0);
  tm_io(m, xy, 2, &z, 1);
  size_t size;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  char err[1024];
  TfLiteInterpreter *it = tm_interpreter(bytes, size, err, sizeof err);
  CHECK_MSG(it != NULL, "%s", err);
  if (it) {
    float av[2] = {1.5f, 2}, bv[2] = {10, 20}, ov[2];
    set_input_f32(it, 0, av, 2);
    set_input_f32(it, 1, bv, 2);
    CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
    TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 0), ov,
                             sizeof ov);
    CHECK_NEAR(ov[0], 11.5, 0);
    CHECK_NEAR(ov[1], 22.0, 0);
    tm_interpreter_delete(it);
  }
  free(bytes);
}

/* STRING tensors through the C API: a graph whose input is its output. */
static void test_string_tensors(void) {
  tm_model *m = tm_create();
  int s2[1] = {3};
  int a = tm_tensor(m, TFLC_TT_STRING, s2, 1, "text");
  tm_io(m, &a, 1, &a, 1);
  size_t size;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  char err[1024];
  TfLiteInterpreter *it = tm_interpreter(bytes, size, err, sizeof err);
  CHECK_MSG(it != NULL, "%s", err);
  if (it) {
    const char *strs[3] = {"hello", "", "wörld"};
    size_t lens[3] = {5, 0, 6};
    int dims[1] = {3};
    int idx = TfLiteInterpreterInputTensorIndices(it)[0];
    CHECK_EQ_INT(
        TflcInterpreterSetTensorStrings(it, idx, strs, lens, 3, dims, 1),
        kTfLiteOk);
    CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
    const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(it, 0);
    CHECK_EQ_INT(TflcTensorStringCount(o), 3);
    /* 4 (count) + 4 * 4 (offsets) + 11 bytes */
    CHECK_EQ_INT(TfLiteTensorByteSize(o), 31);
    const char *p;
    size_t n;
    CHECK_EQ_INT(TflcTensorGetString(o, 2, &p, &n), kTfLiteOk);
    CHECK(n == 6 && memcmp(p, "wörld", 6) == 0);
    CHECK_EQ_INT(TflcTensorGetString(o, 1, &p, &n), kTfLiteOk);
    CHECK_EQ_INT(n, 0);
    CHECK_EQ_INT(TflcTensorGetString(o, 3, &p, &n), kTfLiteError);
    /* Wrong count for the shape, wrong tensor type, bad index. */
    CHECK_EQ_INT(
        TflcInterpreterSetTensorStrings(it, idx, strs, lens, 2, dims, 1),
        kTfLiteError);
    CHECK_EQ_INT(
        TflcInterpreterSetTensorStrings(it, 99, strs, lens, 3, dims, 1),
        kTfLiteError);
    /* A corrupt buffer reads as malformed, never out of bounds. */
    TfLiteTensor *t = TfLiteInterpreterGetTensor(it, idx);
    int32_t bad = 1000;
    memcpy(t->data.raw, &bad, 4);
    CHECK_EQ_INT(TflcTensorStringCount(t), -1);
    CHECK_EQ_INT(TflcTensorGetString(t, 0, &p, &n), kTfLiteError);
    tm_interpreter_delete(it);
  }
  free(bytes);
}

/* ---- int8 variables start at their zero point ---- */

static TfLiteStatus copy_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  TfLiteTensor *in = &ctx->tensors[node->inputs->data[0]];
  TfLiteTensor *out = &ctx->tensors[node->outputs->data[0]];
  return ctx->ResizeTensor(ctx, out, TfLiteIntArrayCopy(in->dims));
}

static TfLiteStatus copy_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  TfLiteTensor *in = &ctx->tensors[node->inputs->data[0]];
  TfLiteTensor *out = &ctx->tensors[node->outputs->data[0]];
  memcpy(out->data.raw, in->data.raw, in->bytes);
  memset(in->data.raw, 7, in->bytes); /* change the state */
  return kTfLiteOk;
}

static void test_int8_variable_zero_point(void) {
  tm_model *m = tm_create();
  int s4[1] = {4};
  int v = tm_tensor(m, TFLC_TT_INT8, s4, 1, "state");
  float scale = 0.5f;
  int64_t zp = -5;
  tm_quant(m, v, &scale, &zp, 1, 0);
  tm_variable(m, v);
  int o = tm_tensor(m, TFLC_TT_INT8, s4, 1, "out");
  tm_op(m, TFLC_OP_CUSTOM, "CopyState", &v, 1, &o, 1, 0, NULL, 0);
  tm_io(m, NULL, 0, &o, 1);
  size_t size;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  TfLiteRegistration reg = {0};
  reg.prepare = copy_prepare;
  reg.invoke = copy_invoke;
  TfLiteModel *model = TfLiteModelCreate(bytes, size);
  TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsAddCustomOp(opts, "CopyState", &reg, 1, 1);
  TfLiteInterpreter *it = TfLiteInterpreterCreate(model, opts);
  TfLiteInterpreterOptionsDelete(opts);
  CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(it), kTfLiteOk);
  int8_t out[4];
  for (int round = 0; round < 3; round++) {
    CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
    TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 0), out, 4);
    /* first invoke and after each reset: the zero point; otherwise 7 */
    CHECK_EQ_INT(out[3], round == 1 ? 7 : -5);
    if (round == 1)
      CHECK_EQ_INT(TfLiteInterpreterResetVariableTensors(it), kTfLiteOk);
    if (round == 0) continue;
  }
  TfLiteInterpreterDelete(it);
  TfLiteModelDelete(model);
  free(bytes);
}

/* ---- custom ops ---- */

static TfLiteStatus double_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  TfLiteTensor *in = &ctx->tensors[node->inputs->data[0]];
  TfLiteTensor *out = &ctx->tensors[node->outputs->data[0]];
  return ctx->ResizeTensor(ctx, out, TfLiteIntArrayCopy(in->dims));
}

static TfLiteStatus double_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  TfLiteTensor *in = &ctx->tensors[node->inputs->data[0]];
  TfLiteTensor *out = &ctx->tensors[node->outputs->data[0]];
  for (size_t i = 0; i < in->bytes / 4; i++) out->data.f[i] = 2 * in->data.f[i];
  return kTfLiteOk;
}

static void test_custom_op(void) {
  tm_model *m = tm_create();
  int s[1] = {3};
  int a = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "a");
  int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "o");
  tm_op(m, TFLC_OP_CUSTOM, "MyDouble", &a, 1, &o, 1, 0, NULL, 0);
  tm_io(m, &a, 1, &o, 1);
  size_t size;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  char err[1024];
  /* Not registered: AllocateTensors names the op. */
  TfLiteInterpreter *it = tm_interpreter(bytes, size, err, sizeof err);
  CHECK(it == NULL);
  CHECK_CONTAINS(err, "MyDouble");
  /* Registered. */
  TfLiteRegistration reg = {0};
  reg.prepare = double_prepare;
  reg.invoke = double_invoke;
  TfLiteModel *model = TfLiteModelCreate(bytes, size);
  TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsAddCustomOp(opts, "MyDouble", &reg, 1, 1);
  TfLiteInterpreterOptions *copy = TfLiteInterpreterOptionsCopy(opts);
  TfLiteInterpreterOptionsDelete(opts);
  it = TfLiteInterpreterCreate(model, copy);
  TfLiteInterpreterOptionsDelete(copy);
  CHECK_EQ_INT(TfLiteInterpreterAllocateTensors(it), kTfLiteOk);
  float v[3] = {1, 2, 3}, r[3];
  set_input_f32(it, 0, v, 3);
  CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteOk);
  TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(it, 0), r,
                           sizeof r);
  CHECK_NEAR(r[2], 6.0, 0);
  TfLiteInterpreterDelete(it);
  TfLiteModelDelete(model);
  free(bytes);
}

int main(void) {
  test_planner_exact();
  test_planner_random();
  test_null_and_bad_inputs();
  test_add_and_misuse();
  test_invoke_allocates_nothing();
  test_caller_arena();
  test_while();
  test_if();
  test_call_once_variables();
  test_custom_op();
  test_stablehlo_composite();
  test_string_tensors();
  test_int8_variable_zero_point();
  return CHECK_DONE();
}
