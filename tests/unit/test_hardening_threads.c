/* Threads: one shared TfLiteModel, four threads each creating their own
 * interpreter from it at the same time, invoking repeatedly with different
 * inputs and checking every output bit for bit against a single-threaded
 * run (the ThreadSanitizer build, `make test-tsan`, runs this). Also:
 * SetNumThreads(4) gives bit-identical outputs to SetNumThreads(1). Models:
 * a writer-made one and, when ../shared/models (argv[1]) is present, a few
 * real ones. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/check.h"
#include "support/test_model.h"
#include "tflc/tflc.h"

#define N_THREADS 4
#define N_ROUNDS 3
#define MAX_OUT 8

typedef struct expected {
  size_t bytes[MAX_OUT];
  uint8_t *data[MAX_OUT];
  int n_out;
} expected;

/* Deterministic inputs: small numbers of the tensor's type for round r. */
static void fill_inputs(TfLiteInterpreter *it, int round) {
  for (int i = 0; i < TfLiteInterpreterGetInputTensorCount(it); i++) {
    TfLiteTensor *t = TfLiteInterpreterGetInputTensor(it, i);
    uint8_t *d = TfLiteTensorData(t);
    size_t n = TfLiteTensorByteSize(t);
    if (!d) continue;
    switch (TfLiteTensorType(t)) {
      case kTfLiteFloat32:
        for (size_t k = 0; k < n / 4; k++)
          ((float *)d)[k] =
              (float)((int)((k * 37 + (size_t)round * 11 + (size_t)i) % 17) -
                      8) /
              8.0f;
        break;
      case kTfLiteInt32:
        for (size_t k = 0; k < n / 4; k++)
          ((int32_t *)d)[k] = (int32_t)((k + (size_t)round) % 3);
        break;
      case kTfLiteBool:
        for (size_t k = 0; k < n; k++)
          d[k] = (uint8_t)((k + (size_t)round) & 1);
        break;
      default:
        for (size_t k = 0; k < n; k++)
          d[k] = (uint8_t)(k * 13 + (size_t)round * 7);
    }
  }
}

/* Runs N_ROUNDS invokes; on round r compares (want != NULL) or records
 * (want->data NULL) the outputs. Returns the number of mismatches, -1 on a
 * failure. */
static int run_rounds(TfLiteInterpreter *it, expected *want, int record) {
  if (TfLiteInterpreterAllocateTensors(it) != kTfLiteOk) return -1;
  int bad = 0;
  for (int r = 0; r < N_ROUNDS; r++) {
    fill_inputs(it, r);
    if (TfLiteInterpreterInvoke(it) != kTfLiteOk) return -1;
    int n_out = TfLiteInterpreterGetOutputTensorCount(it);
    if (n_out > MAX_OUT) n_out = MAX_OUT;
    for (int o = 0; o < n_out; o++) {
      const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(it, o);
      size_t n = TfLiteTensorByteSize(t);
      expected *e = &want[r];
      if (record) {
        e->n_out = n_out;
        e->bytes[o] = n;
        e->data[o] = malloc(n ? n : 1);
        if (n) memcpy(e->data[o], TfLiteTensorData(t), n);
      } else if (o >= e->n_out || e->bytes[o] != n ||
                 (n && memcmp(e->data[o], TfLiteTensorData(t), n) != 0)) {
        bad++;
      }
    }
  }
  return bad;
}

static TfLiteInterpreter *with_threads(const TfLiteModel *model, int threads) {
  TfLiteInterpreterOptions *o = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetNumThreads(o, threads);
  TfLiteInterpreter *it = TfLiteInterpreterCreate(model, o);
  TfLiteInterpreterOptionsDelete(o);
  return it;
}

typedef struct job {
  const TfLiteModel *model;
  expected *want;
  int result;
} job;

static void *worker(void *arg) {
  job *j = arg;
  /* Two interpreters in turn (models with variables keep state across
   * invokes, so each pass starts from a fresh one). */
  j->result = 0;
  for (int pass = 0; pass < 2 && j->result == 0; pass++) {
    TfLiteInterpreter *it =
        with_threads(j->model, pass + 1); /* 1, then 2 threads */
    j->result = it ? run_rounds(it, j->want, 0) : -1;
    TfLiteInterpreterDelete(it);
  }
  return NULL;
}

static void check_model(const char *label, const uint8_t *bytes, size_t size) {
  TfLiteModel *model = TfLiteModelCreate(bytes, size);
  CHECK_MSG(model != NULL, "%s: %s", label, TflcGetLastModelError());
  if (!model) return;
  expected want[N_ROUNDS];
  memset(want, 0, sizeof want);
  TfLiteInterpreter *ref = with_threads(model, 1);
  int rc = ref ? run_rounds(ref, want, 1) : -1;
  CHECK_MSG(rc == 0, "%s: the single-threaded run failed: %s", label,
            ref ? TflcInterpreterGetLastError(ref) : "");
  TfLiteInterpreterDelete(ref);
  if (rc == 0) {
    /* 4 interpreters of the shared model on 4 threads at once. */
    pthread_t th[N_THREADS];
    job jobs[N_THREADS];
    for (int t = 0; t < N_THREADS; t++) {
      jobs[t] = (job){model, want, -2};
      CHECK(pthread_create(&th[t], NULL, worker, &jobs[t]) == 0);
    }
    for (int t = 0; t < N_THREADS; t++) {
      pthread_join(th[t], NULL);
      CHECK_MSG(jobs[t].result == 0,
                "%s: thread %d: %d mismatches or a failure", label, t,
                jobs[t].result);
    }
    /* SetNumThreads(4) == SetNumThreads(1), bit for bit. */
    TfLiteInterpreter *four = with_threads(model, 4);
    int r4 = four ? run_rounds(four, want, 0) : -1;
    CHECK_MSG(r4 == 0, "%s: 4 threads differ from 1 thread (%d)", label, r4);
    TfLiteInterpreterDelete(four);
    printf(
        "%s: %d threads x %d invokes match the single-threaded run; 4 threads "
        "== 1 thread\n",
        label, N_THREADS, 2 * N_ROUNDS);
  }
  for (int r = 0; r < N_ROUNDS; r++)
    for (int o = 0; o < want[r].n_out; o++) free(want[r].data[o]);
  TfLiteModelDelete(model); /* after the threads: they held references */
}

static uint8_t *writer_model(size_t *size) {
  tm_model *m = tm_create();
  /* Big enough (24x24 outputs x 8 channels x 27 taps) for the thread pool
   * to split the convolution when 4 threads are asked for. */
  int in_s[4] = {1, 24, 24, 3}, f_s[4] = {8, 3, 3, 3}, b_s[1] = {8},
      o_s[4] = {1, 24, 24, 8};
  float w[216], bias[8] = {0.25f, -0.25f, 0.5f, 0, 1, -1, 0.125f, 2};
  for (int i = 0; i < 216; i++) w[i] = (float)((i * 7) % 9 - 4) / 4.0f;
  int x = tm_tensor(m, TFLC_TT_FLOAT32, in_s, 4, "x");
  int wt = tm_const(m, TFLC_TT_FLOAT32, f_s, 4, w, sizeof w, "w");
  int bt = tm_const(m, TFLC_TT_FLOAT32, b_s, 1, bias, sizeof bias, "b");
  int c = tm_tensor(m, TFLC_TT_FLOAT32, o_s, 4, "conv");
  tflc_opt_field co[4] = {
      tm_opt_int(0, TFLC_OPT_I8, 0), tm_opt_int(1, TFLC_OPT_I32, 1),
      tm_opt_int(2, TFLC_OPT_I32, 1), tm_opt_int(3, TFLC_OPT_I8, 1)};
  int ci[3] = {x, wt, bt};
  tm_op(m, TFLC_OP_CONV_2D, NULL, ci, 3, &c, 1, TFLC_BO_CONV_2D, co, 4);
  int p_s[4] = {1, 12, 12, 8};
  int p = tm_tensor(m, TFLC_TT_FLOAT32, p_s, 4, "pool");
  tflc_opt_field po[5] = {
      tm_opt_int(0, TFLC_OPT_I8, 1), tm_opt_int(1, TFLC_OPT_I32, 2),
      tm_opt_int(2, TFLC_OPT_I32, 2), tm_opt_int(3, TFLC_OPT_I32, 2),
      tm_opt_int(4, TFLC_OPT_I32, 2)};
  tm_op(m, TFLC_OP_AVERAGE_POOL_2D, NULL, &c, 1, &p, 1, TFLC_BO_POOL_2D, po, 5);
  int s = tm_tensor(m, TFLC_TT_FLOAT32, p_s, 4, "probs");
  tflc_opt_field beta = tm_opt_f32(0, 1.0f);
  tm_op(m, TFLC_OP_SOFTMAX, NULL, &p, 1, &s, 1, TFLC_BO_SOFTMAX, &beta, 1);
  tm_io(m, &x, 1, &s, 1);
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
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

int main(int argc, char **argv) {
  size_t size;
  uint8_t *bytes = writer_model(&size);
  CHECK(bytes != NULL);
  if (bytes) check_model("writer-made conv+pool+softmax", bytes, size);
  free(bytes);
  const char *dir = argc > 1 ? argv[1] : getenv("TFLC_MODELS_DIR");
  static const char *models[] = {
      "litert/add.tflite", "litert/multi_subgraphs_while.tflite",
      "litert/call_once_mul.tflite", "tflite-micro/magic_wand.tflite"};
  for (size_t i = 0; i < sizeof models / sizeof models[0]; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : ".", models[i]);
    bytes = dir ? read_file(path, &size) : NULL;
    if (!bytes) {
      printf("SKIP %s: not found\n", path);
      continue;
    }
    check_model(models[i], bytes, size);
    free(bytes);
  }
  return CHECK_DONE();
}
