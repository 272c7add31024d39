/* Body of the interpreter fuzz target: load a model from the fuzz bytes,
 * create an interpreter, optionally resize the inputs, AllocateTensors,
 * fill the inputs from the remaining bytes, Invoke twice, read every output,
 * and optionally run the signature runners. Every step may fail cleanly;
 * none may crash, leak or read out of bounds (ASan + UBSan builds).
 * Library memory goes through a capping allocator (no single allocation
 * above 64 MB, at most 256 MB live) so a model cannot ask for gigabytes, and
 * a watchdog thread cancels an invoke that runs longer than one second (a
 * WHILE loop may legitimately run forever). */
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/allocator.h"
#include "fuzz/fuzz_targets.h"
#include "tflc/tflc.h"

#define FUZZ_MAX_ALLOC ((size_t)64 << 20)
#define FUZZ_MAX_LIVE ((size_t)256 << 20)
/* keeps the 16-byte alignment the interface promises */
#define FUZZ_HEADER 16

static size_t live_bytes;

static void *cap_alloc(void *user, size_t size) {
  (void)user;
  if (size > FUZZ_MAX_ALLOC || live_bytes + size > FUZZ_MAX_LIVE) return NULL;
  uint8_t *p = malloc(size + FUZZ_HEADER);
  if (!p) return NULL;
  memcpy(p, &size, sizeof size);
  live_bytes += size;
  return p + FUZZ_HEADER;
}

static void cap_free(void *user, void *ptr) {
  (void)user;
  if (!ptr) return;
  uint8_t *p = (uint8_t *)ptr - FUZZ_HEADER;
  size_t size;
  memcpy(&size, p, sizeof size);
  live_bytes -= size;
  free(p);
}

static const tflc_allocator capping = {cap_alloc, cap_free, NULL};

static void quiet(void *user, const char *format, va_list args) {
  (void)user;
  (void)format;
  (void)args;
}

/* ---- watchdog: cancels the interpreter after a deadline ---- */

typedef struct watchdog {
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int done;
  TfLiteInterpreter *it;
} watchdog;

static void *watchdog_main(void *arg) {
  watchdog *w = arg;
  struct timespec deadline;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_sec += 1;
  pthread_mutex_lock(&w->mu);
  int rc = 0;
  while (!w->done && rc == 0)
    rc = pthread_cond_timedwait(&w->cv, &w->mu, &deadline);
  if (!w->done) TfLiteInterpreterCancel(w->it);
  pthread_mutex_unlock(&w->mu);
  return NULL;
}

static int watchdog_start(watchdog *w, TfLiteInterpreter *it) {
  memset(w, 0, sizeof *w);
  w->it = it;
  pthread_mutex_init(&w->mu, NULL);
  pthread_cond_init(&w->cv, NULL);
  if (pthread_create(&w->thread, NULL, watchdog_main, w) != 0) {
    pthread_cond_destroy(&w->cv);
    pthread_mutex_destroy(&w->mu);
    return -1;
  }
  return 0;
}

static void watchdog_stop(watchdog *w) {
  pthread_mutex_lock(&w->mu);
  w->done = 1;
  pthread_cond_signal(&w->cv);
  pthread_mutex_unlock(&w->mu);
  pthread_join(w->thread, NULL);
  pthread_cond_destroy(&w->cv);
  pthread_mutex_destroy(&w->mu);
}

/* ---- input bytes ---- */

typedef struct byte_stream {
  const uint8_t *p;
  size_t n, pos;
} byte_stream;

static uint8_t next_byte(byte_stream *s) {
  if (s->n == 0) return 0;
  uint8_t b = s->p[s->pos % s->n];
  s->pos++;
  return b;
}

static void fill_tensor(TfLiteTensor *t, byte_stream *s) {
  uint8_t *d = TfLiteTensorData(t);
  size_t bytes = TfLiteTensorByteSize(t);
  if (!d) return;
  if (TfLiteTensorType(t) == kTfLiteBool) {
    for (size_t i = 0; i < bytes; i++) d[i] = next_byte(s) & 1;
    return;
  }
  for (size_t i = 0; i < bytes; i++) d[i] = next_byte(s);
}

static void read_outputs(const TfLiteTensor *t) {
  size_t bytes = TfLiteTensorByteSize(t);
  if (!t || !TfLiteTensorData(t) || bytes == 0) return;
  uint8_t *copy = malloc(bytes);
  if (!copy) return;
  TfLiteTensorCopyToBuffer(t, copy, bytes);
  volatile uint8_t sink = 0;
  for (size_t i = 0; i < bytes; i += 64) sink ^= copy[i];
  (void)sink;
  free(copy);
}

static void run(TfLiteInterpreter *it, byte_stream *in, uint8_t flags) {
  int n_in = TfLiteInterpreterGetInputTensorCount(it);
  if (flags & 1) {
    for (int i = 0; i < n_in && i < 8; i++) {
      const TfLiteTensor *t = TfLiteInterpreterGetInputTensor(it, i);
      int rank = TfLiteTensorNumDims(t);
      if (rank < 0 || rank > 8) continue;
      int dims[8];
      for (int d = 0; d < rank; d++) dims[d] = next_byte(in) % 9; /* 0..8 */
      TfLiteInterpreterResizeInputTensor(it, i, dims, rank);
    }
  }
  if (TfLiteInterpreterAllocateTensors(it) != kTfLiteOk) return;
  if (TflcInterpreterGetArenaSize(it) > FUZZ_MAX_ALLOC) return;
  watchdog w;
  if (watchdog_start(&w, it) != 0) return;
  for (int round = 0; round < 2; round++) {
    for (int i = 0; i < n_in; i++) {
      TfLiteTensor *t = TfLiteInterpreterGetInputTensor(it, i);
      if (t) fill_tensor(t, in);
    }
    if (TfLiteInterpreterInvoke(it) != kTfLiteOk) break;
    int n_out = TfLiteInterpreterGetOutputTensorCount(it);
    for (int i = 0; i < n_out; i++)
      read_outputs(TfLiteInterpreterGetOutputTensor(it, i));
  }
  if (flags & 2) {
    int n_sig = TfLiteInterpreterGetSignatureCount(it);
    for (int s = 0; s < n_sig && s < 4; s++) {
      TfLiteSignatureRunner *r = TfLiteInterpreterGetSignatureRunner(
          it, TfLiteInterpreterGetSignatureKey(it, s));
      if (!r) continue;
      if (TfLiteSignatureRunnerAllocateTensors(r) == kTfLiteOk) {
        size_t n = TfLiteSignatureRunnerGetInputCount(r);
        for (size_t i = 0; i < n; i++) {
          TfLiteTensor *t = TfLiteSignatureRunnerGetInputTensor(
              r, TfLiteSignatureRunnerGetInputName(r, (int32_t)i));
          if (t) fill_tensor(t, in);
        }
        if (TfLiteSignatureRunnerInvoke(r) == kTfLiteOk) {
          size_t m = TfLiteSignatureRunnerGetOutputCount(r);
          for (size_t i = 0; i < m; i++)
            read_outputs(TfLiteSignatureRunnerGetOutputTensor(
                r, TfLiteSignatureRunnerGetOutputName(r, (int32_t)i)));
        }
      }
      TfLiteSignatureRunnerDelete(r);
    }
  }
  watchdog_stop(&w);
}

int fuzz_invoke_one(const uint8_t *data, size_t size) {
  if (size < 4) return 0;
  size_t len = (size_t)data[0] | (size_t)data[1] << 8 | (size_t)data[2] << 16 |
               (size_t)data[3] << 24;
  if (len > size - 4) len = size - 4;
  /* An exact-size heap copy, so that ASan sees any read past the model. */
  uint8_t *model_bytes = malloc(len ? len : 1);
  if (!model_bytes) return 0;
  memcpy(model_bytes, data + 4, len);
  byte_stream in = {data + 4 + len, size - 4 - len, 0};
  uint8_t flags = next_byte(&in);

  tflc_set_default_allocator(&capping);
  TfLiteModel *model =
      TfLiteModelCreateWithErrorReporter(model_bytes, len, quiet, NULL);
  if (model) {
    TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
    if (opts) {
      TfLiteInterpreterOptionsSetErrorReporter(opts, quiet, NULL);
      TfLiteInterpreter *it = TfLiteInterpreterCreate(model, opts);
      TfLiteInterpreterOptionsDelete(opts);
      if (it) run(it, &in, flags);
      TfLiteInterpreterDelete(it);
    }
    TfLiteModelDelete(model);
  }
  tflc_set_default_allocator(NULL);
  free(model_bytes);
  if (live_bytes != 0) {
    /* Everything the library allocated must be freed again. */
    abort();
  }
  return 0;
}
