/* bench_models: the speed and memory baseline of tflc over a list of real
 * models. For each model and each thread count it loads the model, allocates
 * tensors, feeds seeded random inputs, runs warm-up invokes and then timed
 * invokes (CLOCK_MONOTONIC), and prints one line: median and min invoke ms
 * and the arena size. A model whose operators are not supported yet gets its
 * AllocateTensors error instead of figures. A program that prints figures,
 * not a test: it asserts nothing about speed. See bench/README.md. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_util.h"
#include "npy.h"
#include "random_input.h"
#include "tflc/tflc.h"

#ifndef TFLC_BENCH_MODELS_DIR
#define TFLC_BENCH_MODELS_DIR "../shared/models"
#endif

/* The int8 baseline (coral MobileNet v2 PTQ, TFLM person detection) and
 * float models of a few sizes. */
static const char *const kDefaultModels[] = {
    "coral/tf2_mobilenet_v2_1.0_224_ptq.tflite",
    "tflite-micro/person_detect.tflite",
    "mediapipe-npm/selfie_segmentation.tflite",
    "mediapipe-npm/face_detection_short_range.tflite",
    "mlperf-tiny/pretrainedResnet.tflite",
    "tflite-micro/magic_wand.tflite",
};
#define N_DEFAULT_MODELS (sizeof kDefaultModels / sizeof kDefaultModels[0])

typedef struct bench_config {
  const char *models_dir;
  int runs;
  int warmup;
  int threads[8];
  int n_threads;
} bench_config;

static void usage(FILE *out) {
  fprintf(out,
          "usage: bench_models [--models-dir DIR] [--runs N] [--warmup N] "
          "[--threads 1,2]\n"
          "                    [MODEL ...]\n"
          "  MODEL is a path, or a path relative to the models directory\n"
          "  (default: $TFLC_MODELS_DIR, else %s).\n"
          "  Without MODEL, the default list:\n",
          TFLC_BENCH_MODELS_DIR);
  for (size_t i = 0; i < N_DEFAULT_MODELS; i++)
    fprintf(out, "    %s\n", kDefaultModels[i]);
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static void quiet_reporter(void *user, const char *format, va_list args) {
  (void)user;
  (void)format;
  (void)args;
}

static int cmp_double(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

/* "1,2,4" into cfg->threads; 0 or -1. */
static int parse_threads(const char *s, bench_config *cfg) {
  char buf[128];
  if (strlen(s) >= sizeof buf) return -1;
  strcpy(buf, s);
  cfg->n_threads = 0;
  for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
    long long v;
    if (cfg->n_threads == 8 || cli_parse_long(tok, 1, 1024, &v)) return -1;
    cfg->threads[cfg->n_threads++] = (int)v;
  }
  return cfg->n_threads ? 0 : -1;
}

/* Opens `name` as given when it exists, else under the models directory. */
static void model_path(const bench_config *cfg, const char *name, char *out,
                       size_t n) {
  FILE *f = fopen(name, "rb");
  if (f || name[0] == '/') {
    if (f) fclose(f);
    snprintf(out, n, "%s", name);
  } else {
    snprintf(out, n, "%s/%s", cfg->models_dir, name);
  }
}

/* Random inputs of each input's type and shape, copied in. 0 or -1 with a
 * message. */
static int feed_random(TfLiteInterpreter *it, char *err, size_t errlen) {
  uint64_t state = 1;
  int n = TfLiteInterpreterGetInputTensorCount(it);
  for (int i = 0; i < n; i++) {
    TfLiteTensor *t = TfLiteInterpreterGetInputTensor(it, i);
    if (!t) {
      snprintf(err, errlen, "input %d: no tensor", i);
      return -1;
    }
    const int *dims = t->dims ? t->dims->data : NULL;
    int rank = t->dims ? t->dims->size : 0;
    npy_array arr;
    char msg[256];
    if (random_input_make(TfLiteTensorType(t), dims, rank, &state, &arr, msg,
                          sizeof msg)) {
      snprintf(err, errlen, "input %d (%s): %s", i,
               cli_type_name(TfLiteTensorType(t)), msg);
      return -1;
    }
    TfLiteStatus st = kTfLiteOk;
    if (arr.bytes == TfLiteTensorByteSize(t) && arr.bytes)
      st = TfLiteTensorCopyFromBuffer(t, arr.data, arr.bytes);
    npy_free(&arr);
    if (st != kTfLiteOk) {
      snprintf(err, errlen, "input %d: copy failed", i);
      return -1;
    }
  }
  return 0;
}

/* One model at one thread count: prints its line (figures, or why there are
 * none). */
static void bench_one(const bench_config *cfg, const char *name,
                      const char *path, int threads, double *samples) {
  TfLiteModel *model = NULL;
  TfLiteInterpreterOptions *opts = NULL;
  TfLiteInterpreter *it = NULL;
  char err[512];
  printf("%-48s %2d  ", name, threads);
  fflush(stdout);
  model =
      TfLiteModelCreateFromFileWithErrorReporter(path, quiet_reporter, NULL);
  if (!model) {
    printf("cannot load: %s\n", TflcGetLastModelError());
    goto done;
  }
  opts = TfLiteInterpreterOptionsCreate();
  if (!opts) {
    printf("out of memory\n");
    goto done;
  }
  TfLiteInterpreterOptionsSetNumThreads(opts, threads);
  TfLiteInterpreterOptionsSetErrorReporter(opts, quiet_reporter, NULL);
  it = TfLiteInterpreterCreate(model, opts);
  if (!it) {
    printf("cannot create an interpreter: %s\n", TflcGetLastModelError());
    goto done;
  }
  if (TfLiteInterpreterAllocateTensors(it) != kTfLiteOk) {
    printf("AllocateTensors: %s\n", TflcInterpreterGetLastError(it));
    goto done;
  }
  if (feed_random(it, err, sizeof err)) {
    printf("inputs: %s\n", err);
    goto done;
  }
  for (int r = 0; r < cfg->warmup + cfg->runs; r++) {
    double t = now_ms();
    TfLiteStatus st = TfLiteInterpreterInvoke(it);
    double dt = now_ms() - t;
    if (st != kTfLiteOk) {
      printf("Invoke: %s\n", TflcInterpreterGetLastError(it));
      goto done;
    }
    if (r >= cfg->warmup) samples[r - cfg->warmup] = dt;
  }
  qsort(samples, (size_t)cfg->runs, sizeof *samples, cmp_double);
  int n = cfg->runs;
  double median =
      (n % 2) ? samples[n / 2] : 0.5 * (samples[n / 2 - 1] + samples[n / 2]);
  printf("%10.3f %10.3f %10.1f\n", median, samples[0],
         (double)TflcInterpreterGetArenaSize(it) / 1024.0);
done:
  fflush(stdout);
  if (it) TfLiteInterpreterDelete(it);
  if (opts) TfLiteInterpreterOptionsDelete(opts);
  if (model) TfLiteModelDelete(model);
}

int main(int argc, char **argv) {
  bench_config cfg = {NULL, 20, 3, {1, 2}, 2};
  /* Room for the command-line models or the default list. */
  const char **names =
      calloc((size_t)argc + N_DEFAULT_MODELS + 1, sizeof(char *));
  int n_names = 0;
  if (!names) return 1;
  cfg.models_dir = getenv("TFLC_MODELS_DIR");
  if (!cfg.models_dir || !*cfg.models_dir)
    cfg.models_dir = TFLC_BENCH_MODELS_DIR;
  for (int i = 1; i < argc; i++) {
    long long v;
    const char *opt = argv[i];
    if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0) {
      usage(stdout);
      free(names);
      return 0;
    }
    int takes_value =
        strcmp(opt, "--models-dir") == 0 || strcmp(opt, "--runs") == 0 ||
        strcmp(opt, "--warmup") == 0 || strcmp(opt, "--threads") == 0;
    if (takes_value && i + 1 >= argc) {
      fprintf(stderr, "bench_models: %s needs a value\n", opt);
      free(names);
      return 2;
    }
    if (strcmp(opt, "--models-dir") == 0) {
      cfg.models_dir = argv[++i];
    } else if (strcmp(opt, "--runs") == 0) {
      if (cli_parse_long(argv[++i], 1, 1000000, &v)) goto bad_value;
      cfg.runs = (int)v;
    } else if (strcmp(opt, "--warmup") == 0) {
      if (cli_parse_long(argv[++i], 0, 1000000, &v)) goto bad_value;
      cfg.warmup = (int)v;
    } else if (strcmp(opt, "--threads") == 0) {
      if (parse_threads(argv[++i], &cfg)) goto bad_value;
    } else if (opt[0] == '-' && opt[1] != '\0') {
      fprintf(stderr, "bench_models: unknown option '%s'\n", opt);
      usage(stderr);
      free(names);
      return 2;
    } else {
      names[n_names++] = opt;
    }
    continue;
  bad_value:
    fprintf(stderr, "bench_models: bad value '%s' for %s\n", argv[i], opt);
    free(names);
    return 2;
  }
  if (n_names == 0)
    for (size_t i = 0; i < N_DEFAULT_MODELS; i++)
      names[n_names++] = kDefaultModels[i];
  double *samples = malloc((size_t)cfg.runs * sizeof *samples);
  if (!samples) {
    free(names);
    return 1;
  }
  double load[3] = {-1, -1, -1};
  if (getloadavg(load, 3) != 3) load[0] = load[1] = load[2] = -1;
  printf(
      "tflc %s, %d timed invokes after %d warm-up, random inputs "
      "(seed 1)\n",
      TfLiteVersion(), cfg.runs, cfg.warmup);
  printf("%ld CPUs online, load average %.2f %.2f %.2f (1, 5, 15 min)\n",
         sysconf(_SC_NPROCESSORS_ONLN), load[0], load[1], load[2]);
  printf("%-48s %2s  %10s %10s %10s\n", "model", "th", "median ms", "min ms",
         "arena KB");
  for (int m = 0; m < n_names; m++) {
    char path[4096];
    model_path(&cfg, names[m], path, sizeof path);
    for (int k = 0; k < cfg.n_threads; k++)
      bench_one(&cfg, names[m], path, cfg.threads[k], samples);
  }
  free(samples);
  free(names);
  /* A model that cannot run is reported in its line, not as a failure. */
  return 0;
}
