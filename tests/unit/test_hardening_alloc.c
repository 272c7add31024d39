/* Allocation failure on real models: with an allocator that fails the N-th
 * allocation, load + create + AllocateTensors + Invoke of several models of
 * ../shared/models (argv[1]; skipped with a note when absent) and of a
 * writer-made model, for every N up to the number of allocations a full run
 * makes. Each N must either succeed or fail with a message; nothing may leak
 * (the allocator counts live blocks; the ASan build also checks) or crash.
 * Also: a caller-supplied arena one byte smaller than the size a model needs
 * (found by bisection) must fail with a message saying it is too small. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/allocator.h"
#include "support/check.h"
#include "support/test_model.h"
#include "tflc/tflc.h"

static long n_allocs, n_live, fail_at = -1;

static void *failing_alloc(void *user, size_t size) {
  (void)user;
  if (fail_at >= 0 && n_allocs >= fail_at) return NULL;
  n_allocs++;
  void *p = malloc(size ? size : 1);
  if (p) n_live++;
  return p;
}

static void failing_free(void *user, void *p) {
  (void)user;
  if (p) n_live--;
  free(p);
}

static const tflc_allocator failing = {failing_alloc, failing_free, NULL};

static void quiet(void *user, const char *format, va_list args) {
  char *buf = user;
  vsnprintf(buf, 1024, format, args);
}

/* One full run; returns 1 on success, 0 on a clean failure (a message was
 * reported). */
static int run_once(const uint8_t *bytes, size_t size, char *msg) {
  msg[0] = '\0';
  TfLiteModel *model =
      TfLiteModelCreateWithErrorReporter(bytes, size, quiet, msg);
  if (!model) return 0;
  int ok = 0;
  TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
  if (opts) {
    TfLiteInterpreterOptionsSetErrorReporter(opts, quiet, msg);
    TfLiteInterpreter *it = TfLiteInterpreterCreate(model, opts);
    TfLiteInterpreterOptionsDelete(opts);
    if (it && TfLiteInterpreterAllocateTensors(it) == kTfLiteOk) {
      for (int i = 0; i < TfLiteInterpreterGetInputTensorCount(it); i++) {
        TfLiteTensor *t = TfLiteInterpreterGetInputTensor(it, i);
        if (TfLiteTensorData(t))
          memset(TfLiteTensorData(t), 0, TfLiteTensorByteSize(t));
      }
      ok = TfLiteInterpreterInvoke(it) == kTfLiteOk &&
           TfLiteInterpreterInvoke(it) == kTfLiteOk;
    }
    TfLiteInterpreterDelete(it);
  } else {
    snprintf(msg, 1024, "out of memory creating the options");
  }
  TfLiteModelDelete(model);
  return ok;
}

static void fail_every_allocation(const char *label, const uint8_t *bytes,
                                  size_t size) {
  char msg[1024];
  tflc_set_default_allocator(&failing);
  n_allocs = n_live = 0;
  fail_at = -1;
  int ok = run_once(bytes, size, msg);
  long total = n_allocs;
  CHECK_MSG(ok, "%s: does not run without failures: %s", label, msg);
  CHECK_EQ_INT(n_live, 0);
  int bad = 0, successes = 0;
  for (long n = 0; n < total && ok; n++) {
    n_allocs = n_live = 0;
    fail_at = n;
    int r = run_once(bytes, size, msg);
    fail_at = -1;
    if (r) successes++;
    if (!r && !msg[0]) {
      fprintf(stderr, "%s: allocation %ld failed without a message\n", label,
              n);
      bad++;
    }
    if (n_live != 0) {
      fprintf(stderr, "%s: allocation %ld failed: %ld blocks leaked\n", label,
              n, n_live);
      bad++;
    }
  }
  tflc_set_default_allocator(NULL);
  CHECK_MSG(bad == 0, "%s: %d bad outcomes", label, bad);
  printf(
      "%s: %ld allocations, each failed once: %d runs still succeeded, %d "
      "bad\n",
      label, total, successes, bad);
}

static uint8_t *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *buf = n > 0 ? malloc((size_t)n) : NULL;
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *size = (size_t)n;
  return buf;
}

/* conv -> relu -> fully connected, with WHILE-free dynamic-free shapes. */
static uint8_t *writer_model(size_t *size) {
  static const float w[16] = {1, -1, 0.5f, 2, 1, -1, 0.5f, 2,
                              1, -1, 0.5f, 2, 1, -1, 0.5f, 2};
  static const float bias[2] = {0.5f, -0.5f};
  tm_model *m = tm_create();
  int in_s[4] = {1, 3, 3, 2}, f_s[4] = {2, 1, 1, 2}, b_s[1] = {2},
      fc_w[2] = {2, 18}, o_s[2] = {1, 2};
  int x = tm_tensor(m, TFLC_TT_FLOAT32, in_s, 4, "x");
  int wt = tm_const(m, TFLC_TT_FLOAT32, f_s, 4, w, 16, "w");
  int bt = tm_const(m, TFLC_TT_FLOAT32, b_s, 1, bias, 8, "b");
  int c = tm_tensor(m, TFLC_TT_FLOAT32, in_s, 4, "conv");
  tflc_opt_field co[4] = {
      tm_opt_int(0, TFLC_OPT_I8, 0), tm_opt_int(1, TFLC_OPT_I32, 1),
      tm_opt_int(2, TFLC_OPT_I32, 1), tm_opt_int(3, TFLC_OPT_I8, 1)};
  int ci[3] = {x, wt, bt};
  tm_op(m, TFLC_OP_CONV_2D, NULL, ci, 3, &c, 1, TFLC_BO_CONV_2D, co, 4);
  float fw[36];
  for (int i = 0; i < 36; i++) fw[i] = (float)(i % 5) - 2.0f;
  int fwt = tm_const(m, TFLC_TT_FLOAT32, fc_w, 2, fw, sizeof fw, "fc_w");
  int o = tm_tensor(m, TFLC_TT_FLOAT32, o_s, 2, "out");
  int fi[3] = {c, fwt, -1};
  tm_op(m, TFLC_OP_FULLY_CONNECTED, NULL, fi, 3, &o, 1, 0, NULL, 0);
  tm_io(m, &x, 1, &o, 1);
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
}

/* Create + AllocateTensors in a caller arena of `n` bytes. */
static int fits(TfLiteModel *model, uint8_t *arena, size_t n, char *msg) {
  msg[0] = '\0';
  TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(opts, quiet, msg);
  TflcInterpreterOptionsSetArena(opts, arena, n);
  TfLiteInterpreter *it = TfLiteInterpreterCreate(model, opts);
  TfLiteInterpreterOptionsDelete(opts);
  int ok = it && TfLiteInterpreterAllocateTensors(it) == kTfLiteOk;
  if (ok) ok = TfLiteInterpreterInvoke(it) == kTfLiteOk;
  TfLiteInterpreterDelete(it);
  return ok;
}

static void arena_one_byte_short(const char *label, const uint8_t *bytes,
                                 size_t size) {
  TfLiteModel *model = TfLiteModelCreate(bytes, size);
  CHECK(model != NULL);
  if (!model) return;
  size_t hi = 1 << 16;
  uint8_t *arena = NULL;
  char msg[1024];
  for (;;) { /* grow until it fits */
    free(arena);
    arena = malloc(hi);
    if (fits(model, arena, hi, msg) || hi > ((size_t)64 << 20)) break;
    hi *= 2;
  }
  CHECK_MSG(fits(model, arena, hi, msg), "%s: does not fit in %zu bytes: %s",
            label, hi, msg);
  size_t lo = 0; /* fits(lo) is false, fits(hi) is true */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (fits(model, arena, mid, msg))
      hi = mid;
    else
      lo = mid;
  }
  CHECK(fits(model, arena, hi, msg));
  CHECK(!fits(model, arena, hi - 1, msg));
  CHECK_CONTAINS(msg, "too small");
  CHECK_CONTAINS(msg, "bytes");
  CHECK_CONTAINS(msg, "needs");
  /* The size named is the exact size that works. */
  char expect[64];
  snprintf(expect, sizeof expect, "needs %zu bytes", hi);
  CHECK_CONTAINS(msg, expect);
  printf("%s: needs a %zu-byte arena; with %zu: %s\n", label, hi, hi - 1, msg);
  CHECK(fits(model, arena, hi + 64, msg)); /* more is fine */
  free(arena);
  TfLiteModelDelete(model);
}

int main(int argc, char **argv) {
  size_t size;
  uint8_t *bytes = writer_model(&size);
  CHECK(bytes != NULL);
  if (bytes) {
    fail_every_allocation("writer-made conv+fc", bytes, size);
    arena_one_byte_short("writer-made conv+fc", bytes, size);
    free(bytes);
  }
  const char *dir = argc > 1 ? argv[1] : getenv("TFLC_MODELS_DIR");
  static const char *models[] = {
      "litert/add.tflite",
      "litert/multi_subgraphs_while.tflite",
      "litert/call_once_mul.tflite",
      "tflite-micro/magic_wand.tflite",
      "mediapipe-npm/face_detection_short_range.tflite",
  };
  for (size_t i = 0; i < sizeof models / sizeof models[0]; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : ".", models[i]);
    bytes = dir ? read_file(path, &size) : NULL;
    if (!bytes) {
      printf("SKIP %s: not found (the models of ../shared are absent)\n", path);
      continue;
    }
    fail_every_allocation(models[i], bytes, size);
    if (i == 0 || i == 3) arena_one_byte_short(models[i], bytes, size);
    free(bytes);
  }
  return CHECK_DONE();
}
