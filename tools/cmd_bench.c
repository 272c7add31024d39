/* `tflc bench`: measures a model in the spirit of TensorFlow Lite's
 * benchmark_model. Times the model load, interpreter creation,
 * AllocateTensors and the first invoke, then runs warm-up invokes and at
 * least N timed invokes (and at least --min-seconds), each timed with
 * CLOCK_MONOTONIC, and prints min / median / mean / p90 / max, invokes per
 * second, the arena and interpreter memory and the peak RSS. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "cli_util.h"
#include "commands.h"
#include "io_binding.h"
#include "npy.h"
#include "random_input.h"
#include "tflc/tflc.h"

/* Upper bound on timed runs, so that --min-seconds on a tiny model cannot
 * grow the sample buffer without limit. */
#define BENCH_MAX_RUNS 10000000LL

typedef struct bench_args {
  const char *model;
  const char **files; /* --inputs */
  int n_files;
  const char *signature;
  long long runs;
  long long warmup;
  int threads;
  double min_seconds;
  uint64_t seed;
} bench_args;

void cmd_bench_usage(FILE *out) {
  fprintf(out,
          "usage: tflc bench MODEL [--runs N] [--warmup N] [--threads N] "
          "[--min-seconds S]\n"
          "                  [--signature KEY] [--inputs A.npy B.npy ...] "
          "[--seed N]\n"
          "  Times loading MODEL, AllocateTensors and the first invoke, then "
          "runs\n"
          "  --warmup invokes (default 5) and times at least --runs invokes "
          "(default 50)\n"
          "  for at least --min-seconds (default 0). Prints min / median / "
          "mean / p90 /\n"
          "  max in ms, invokes per second, the arena and interpreter memory "
          "and the\n"
          "  peak RSS. Inputs are seeded random data unless --inputs gives "
          ".npy files\n"
          "  (numbered in the executed subgraph's order). --threads defaults "
          "to 1.\n");
}

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "tflc bench: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n");
  cmd_bench_usage(stderr);
  return CLI_EXIT_USAGE;
}

/* A finite non-negative number of seconds (at most a day). */
static int parse_seconds(const char *s, double *out) {
  if (!s || !*s) return -1;
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || *end != '\0' || !(v >= 0.0) || v > 86400.0) return -1;
  *out = v;
  return 0;
}

/* 0 to go on, -1 after --help, else an exit code. */
static int parse_args(int argc, char **argv, bench_args *a) {
  memset(a, 0, sizeof *a);
  a->runs = 50;
  a->warmup = 5;
  a->threads = 1;
  a->seed = 1;
  a->files = calloc((size_t)argc, sizeof(char *));
  if (!a->files) {
    fprintf(stderr, "tflc bench: out of memory\n");
    return CLI_EXIT_RUNTIME;
  }
  for (int i = 1; i < argc; i++) {
    const char *v;
    int missing = 0;
    long long num;
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      cmd_bench_usage(stdout);
      return -1;
    } else if (strcmp(argv[i], "--inputs") == 0) {
      int before = a->n_files;
      while (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0)
        a->files[a->n_files++] = argv[++i];
      if (a->n_files == before)
        return usage_error("%s needs at least one .npy file", "--inputs");
    } else if ((v = cli_opt_value(argc, argv, &i, "--runs", &missing))) {
      if (cli_parse_long(v, 1, BENCH_MAX_RUNS, &num))
        return usage_error(
            "--runs needs a number from 1 to 10000000, got "
            "'%s'",
            v);
      a->runs = num;
    } else if ((v = cli_opt_value(argc, argv, &i, "--warmup", &missing))) {
      if (cli_parse_long(v, 0, BENCH_MAX_RUNS, &num))
        return usage_error(
            "--warmup needs a number from 0 to 10000000, got "
            "'%s'",
            v);
      a->warmup = num;
    } else if ((v = cli_opt_value(argc, argv, &i, "--threads", &missing))) {
      if (cli_parse_long(v, 1, 1024, &num))
        return usage_error("--threads needs a number from 1 to 1024, got '%s'",
                           v);
      a->threads = (int)num;
    } else if ((v = cli_opt_value(argc, argv, &i, "--min-seconds", &missing))) {
      if (parse_seconds(v, &a->min_seconds))
        return usage_error(
            "--min-seconds needs a number of seconds from 0 to "
            "86400, got '%s'",
            v);
    } else if ((v = cli_opt_value(argc, argv, &i, "--signature", &missing))) {
      a->signature = v;
    } else if ((v = cli_opt_value(argc, argv, &i, "--seed", &missing))) {
      if (cli_parse_long(v, 0, INT64_MAX, &num))
        return usage_error("--seed needs a non-negative integer, got '%s'", v);
      a->seed = (uint64_t)num;
    } else if (missing) {
      return usage_error("option %s needs a value", argv[i]);
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      return usage_error("unknown option '%s'", argv[i]);
    } else if (!a->model) {
      a->model = argv[i];
    } else {
      return usage_error(
          "unexpected argument '%s' (input files go after "
          "--inputs)",
          argv[i]);
    }
  }
  if (!a->model) return usage_error("%s", "no MODEL given");
  return 0;
}

/* Errors are printed once, by the tool, from TflcGetLastModelError /
 * TflcInterpreterGetLastError. */
static void quiet_reporter(void *user, const char *format, va_list args) {
  (void)user;
  (void)format;
  (void)args;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

/* Peak resident set size of this process, in KB (0 if unknown). */
static long peak_rss_kb(void) {
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru) != 0) return 0;
  return ru.ru_maxrss; /* KB on Linux */
}

static int check_signature(const TfLiteInterpreter *it, const char *key) {
  int n = TfLiteInterpreterGetSignatureCount(it);
  for (int s = 0; s < n; s++) {
    const char *k = TfLiteInterpreterGetSignatureKey(it, s);
    if (k && strcmp(k, key) == 0) return 0;
  }
  fprintf(stderr, "tflc bench: signature '%s' not found; the model has", key);
  if (n == 0) fprintf(stderr, " no signatures");
  for (int s = 0; s < n; s++) {
    const char *k = TfLiteInterpreterGetSignatureKey(it, s);
    fprintf(stderr, "%s '%s'", s ? "," : "", k ? k : "");
  }
  fprintf(stderr, "\n");
  return CLI_EXIT_USAGE;
}

/* Reads the --inputs files, or makes random data of each input's type and
 * shape. */
static int make_inputs(const bench_args *a, const io_binding *b,
                       npy_array *arrays) {
  char err[512];
  if (a->n_files) {
    if (a->n_files != b->n_inputs) {
      fprintf(stderr,
              "tflc bench: %d input file(s) given, the %s has %d "
              "input(s)\n",
              a->n_files, a->signature ? "signature" : "model", b->n_inputs);
      return CLI_EXIT_USAGE;
    }
    for (int i = 0; i < a->n_files; i++)
      if (npy_read(a->files[i], &arrays[i], err, sizeof err)) {
        fprintf(stderr, "tflc bench: input %d: %s\n", i, err);
        return CLI_EXIT_RUNTIME;
      }
    return 0;
  }
  uint64_t state = a->seed;
  for (int i = 0; i < b->n_inputs; i++) {
    const TfLiteTensor *t = io_input(b, i);
    int rank;
    const int *dims = io_dims(t, &rank);
    TfLiteType type = t ? TfLiteTensorType(t) : kTfLiteNoType;
    if (random_input_make(type, dims, rank, &state, &arrays[i], err,
                          sizeof err)) {
      fprintf(stderr,
              "tflc bench: input %d '%s' (%s): %s; give it as .npy "
              "with --inputs\n",
              i, b->in_names[i], cli_type_name(type), err);
      return CLI_EXIT_RUNTIME;
    }
  }
  return 0;
}

/* Checks types and resizes inputs whose shape differs from the array's,
 * before the timed AllocateTensors. */
static int resize_inputs(io_binding *b, const npy_array *arrays) {
  for (int i = 0; i < b->n_inputs; i++) {
    const TfLiteTensor *t = io_input(b, i);
    if (!t) {
      fprintf(stderr, "tflc bench: input %d '%s': no tensor\n", i,
              b->in_names[i]);
      return CLI_EXIT_RUNTIME;
    }
    if (TfLiteTensorType(t) != arrays[i].type) {
      fprintf(stderr, "tflc bench: input %d '%s': expected %s, got %s\n", i,
              b->in_names[i], cli_type_name(TfLiteTensorType(t)),
              cli_type_name(arrays[i].type));
      return CLI_EXIT_RUNTIME;
    }
    int rank;
    const int *dims = io_dims(t, &rank);
    int same = dims && rank == arrays[i].rank &&
               (rank == 0 ||
                memcmp(dims, arrays[i].shape, sizeof(int) * (size_t)rank) == 0);
    if (!same &&
        io_resize(b, i, arrays[i].shape, arrays[i].rank) != kTfLiteOk) {
      char s[128];
      cli_shape_str(arrays[i].shape, arrays[i].rank, s, sizeof s);
      fprintf(stderr, "tflc bench: input %d '%s': cannot resize to %s: %s\n", i,
              b->in_names[i], s, io_last_error(b));
      return CLI_EXIT_RUNTIME;
    }
  }
  return 0;
}

static int copy_inputs(io_binding *b, const npy_array *arrays) {
  for (int i = 0; i < b->n_inputs; i++) {
    TfLiteTensor *t = io_input(b, i);
    size_t need = t ? TfLiteTensorByteSize(t) : 0;
    if (!t || need != arrays[i].bytes) {
      fprintf(stderr,
              "tflc bench: input %d '%s': tensor holds %zu bytes, "
              "the array has %zu\n",
              i, b->in_names[i], need, arrays[i].bytes);
      return CLI_EXIT_RUNTIME;
    }
    if (need &&
        TfLiteTensorCopyFromBuffer(t, arrays[i].data, need) != kTfLiteOk) {
      fprintf(stderr, "tflc bench: input %d '%s': copy failed: %s\n", i,
              b->in_names[i], io_last_error(b));
      return CLI_EXIT_RUNTIME;
    }
  }
  return 0;
}

static int cmp_double(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

typedef struct bench_stats {
  double min, median, mean, p90, max, total;
} bench_stats;

/* Sorts the samples; median of the middle two for an even count, p90 by
 * nearest rank. */
static void compute_stats(double *ms, size_t n, bench_stats *s) {
  qsort(ms, n, sizeof *ms, cmp_double);
  s->total = 0;
  for (size_t i = 0; i < n; i++) s->total += ms[i];
  s->min = ms[0];
  s->max = ms[n - 1];
  s->mean = s->total / (double)n;
  s->median = (n % 2) ? ms[n / 2] : 0.5 * (ms[n / 2 - 1] + ms[n / 2]);
  size_t rank = (size_t)ceil(0.9 * (double)n);
  s->p90 = ms[rank ? rank - 1 : 0];
}

/* Warm-up and timed invokes; fills *samples (malloc'd) and *n. */
static int timed_runs(const bench_args *a, io_binding *b, double *warm_mean,
                      double **samples, size_t *n) {
  double t0 = now_ms();
  for (long long r = 0; r < a->warmup; r++)
    if (io_invoke(b) != kTfLiteOk) {
      fprintf(stderr, "tflc bench: warm-up invoke %lld failed: %s\n", r + 1,
              io_last_error(b));
      return CLI_EXIT_RUNTIME;
    }
  *warm_mean = a->warmup ? (now_ms() - t0) / (double)a->warmup : 0;
  size_t cap = (size_t)a->runs, count = 0;
  double *ms = malloc(cap * sizeof *ms);
  if (!ms) {
    fprintf(stderr, "tflc bench: out of memory for %zu samples\n", cap);
    return CLI_EXIT_RUNTIME;
  }
  double start = now_ms(), min_ms = a->min_seconds * 1e3;
  while (count < (size_t)a->runs ||
         (now_ms() - start < min_ms && count < (size_t)BENCH_MAX_RUNS)) {
    if (count == cap) {
      double *grown = realloc(ms, 2 * cap * sizeof *ms);
      if (!grown) break; /* keep what was measured */
      ms = grown;
      cap *= 2;
    }
    double t = now_ms();
    TfLiteStatus st = io_invoke(b);
    ms[count] = now_ms() - t;
    if (st != kTfLiteOk) {
      fprintf(stderr, "tflc bench: invoke %zu failed: %s\n", count + 1,
              io_last_error(b));
      free(ms);
      return CLI_EXIT_RUNTIME;
    }
    count++;
  }
  *samples = ms;
  *n = count;
  return 0;
}

/* Milliseconds with about four significant digits (sub-microsecond
 * resolution below 1 ms). */
static const char *fmt_ms(double v, char *buf, size_t n) {
  int prec = v >= 100 ? 1 : v >= 10 ? 2 : v >= 1 ? 3 : 4;
  snprintf(buf, n, "%.*f", prec, v);
  return buf;
}

typedef struct bench_times {
  double load, create, allocate, first, warm_mean;
} bench_times;

static void print_report(const bench_args *a, const io_binding *b,
                         const bench_times *tm, const bench_stats *s, size_t n,
                         long rss_start_kb) {
  const TfLiteInterpreter *it = b->interp;
  size_t arena = TflcInterpreterGetArenaSize(it);
  size_t used = TflcInterpreterGetMemoryUsed(it);
  long rss = peak_rss_kb();
  char b1[32], b2[32], b3[32], b4[32], b5[32];
  printf("  %-22s %10s ms\n", "load model", fmt_ms(tm->load, b1, sizeof b1));
  printf("  %-22s %10s ms\n", "create interpreter",
         fmt_ms(tm->create, b1, sizeof b1));
  printf("  %-22s %10s ms\n", "AllocateTensors",
         fmt_ms(tm->allocate, b1, sizeof b1));
  printf("  %-22s %10s ms\n", "first invoke", fmt_ms(tm->first, b1, sizeof b1));
  if (a->warmup)
    printf("  %-22s %10s ms mean of %lld\n", "warm-up",
           fmt_ms(tm->warm_mean, b1, sizeof b1), a->warmup);
  printf("invoke, %zu timed runs (ms):\n", n);
  printf("  min %s  median %s  mean %s  p90 %s  max %s\n",
         fmt_ms(s->min, b1, sizeof b1), fmt_ms(s->median, b2, sizeof b2),
         fmt_ms(s->mean, b3, sizeof b3), fmt_ms(s->p90, b4, sizeof b4),
         fmt_ms(s->max, b5, sizeof b5));
  printf("  %-22s %10.2f\n", "invokes per second",
         s->total > 0 ? 1e3 * (double)n / s->total : 0.0);
  printf("memory:\n");
  printf("  %-22s %10.1f KB%s\n", "arena", (double)arena / 1024.0,
         b->runner ? " (subgraph 0)" : "");
  printf("  %-22s %10.1f KB\n", "interpreter total", (double)used / 1024.0);
  printf("  %-22s %10.1f MB (%.1f MB at start)\n", "peak RSS",
         (double)rss / 1024.0, (double)rss_start_kb / 1024.0);
  /* The summary line of TensorFlow Lite's benchmark_model, for comparison
   * (Init = load + create interpreter + AllocateTensors). */
  printf(
      "Inference timings in us: Init: %.0f, First inference: %.0f, "
      "Warmup (avg): %.0f, Inference (avg): %.0f\n",
      1e3 * (tm->load + tm->create + tm->allocate), 1e3 * tm->first,
      1e3 * (a->warmup ? tm->warm_mean : tm->first), 1e3 * s->mean);
}

/* Everything after the interpreter exists and is bound. */
static int bench_bound(const bench_args *a, io_binding *b, bench_times *tm,
                       long rss_start_kb) {
  npy_array *arrays = calloc((size_t)b->n_inputs + 1, sizeof *arrays);
  double *samples = NULL;
  size_t n = 0;
  int rc = CLI_EXIT_RUNTIME;
  if (!arrays) {
    fprintf(stderr, "tflc bench: out of memory\n");
    return rc;
  }
  if ((rc = make_inputs(a, b, arrays))) goto done;
  if ((rc = resize_inputs(b, arrays))) goto done;
  rc = CLI_EXIT_RUNTIME;
  double t = now_ms();
  TfLiteStatus st = io_allocate(b);
  tm->allocate = now_ms() - t;
  if (st != kTfLiteOk) {
    fprintf(stderr, "tflc bench: AllocateTensors failed: %s\n",
            io_last_error(b));
    goto done;
  }
  if ((rc = copy_inputs(b, arrays))) goto done;
  rc = CLI_EXIT_RUNTIME;
  t = now_ms();
  st = io_invoke(b);
  tm->first = now_ms() - t;
  if (st != kTfLiteOk) {
    fprintf(stderr, "tflc bench: first invoke failed: %s\n", io_last_error(b));
    goto done;
  }
  if ((rc = timed_runs(a, b, &tm->warm_mean, &samples, &n))) goto done;
  bench_stats s;
  compute_stats(samples, n, &s);
  if (b->note[0]) printf("note: %s\n", b->note);
  print_report(a, b, tm, &s, n, rss_start_kb);
  rc = CLI_EXIT_OK;
done:
  free(samples);
  for (int i = 0; i < b->n_inputs; i++) npy_free(&arrays[i]);
  free(arrays);
  return rc;
}

static void print_header(const bench_args *a) {
  struct stat st;
  printf("model: %s", a->model);
  if (stat(a->model, &st) == 0)
    printf(" (%.3f MB)", (double)st.st_size / (1024.0 * 1024.0));
  printf(
      "\nsignature: %s, threads: %d, runs: %lld (min %.3g s), warm-up: "
      "%lld\n",
      a->signature ? a->signature : "(subgraph 0)", a->threads, a->runs,
      a->min_seconds, a->warmup);
  if (a->n_files)
    printf("inputs: %d .npy file(s)\n", a->n_files);
  else
    printf("inputs: random (seed %llu)\n", (unsigned long long)a->seed);
}

int cmd_bench(int argc, char **argv) {
  bench_args a;
  long rss_start_kb = peak_rss_kb();
  int rc = parse_args(argc, argv, &a);
  TfLiteModel *model = NULL;
  TfLiteInterpreterOptions *opts = NULL;
  TfLiteInterpreter *it = NULL;
  io_binding b;
  bench_times tm;
  char err[512];
  memset(&b, 0, sizeof b);
  memset(&tm, 0, sizeof tm);
  if (rc) {
    rc = rc < 0 ? CLI_EXIT_OK : rc;
    goto done;
  }
  rc = CLI_EXIT_RUNTIME;
  double t = now_ms();
  model =
      TfLiteModelCreateFromFileWithErrorReporter(a.model, quiet_reporter, NULL);
  tm.load = now_ms() - t;
  if (!model) {
    const char *msg = TflcGetLastModelError();
    if (msg && strstr(msg, a.model))
      fprintf(stderr, "tflc bench: cannot load the model: %s\n", msg);
    else
      fprintf(stderr, "tflc bench: cannot load %s: %s\n", a.model,
              msg ? msg : "");
    goto done;
  }
  opts = TfLiteInterpreterOptionsCreate();
  if (!opts) {
    fprintf(stderr, "tflc bench: out of memory\n");
    goto done;
  }
  TfLiteInterpreterOptionsSetNumThreads(opts, a.threads);
  TfLiteInterpreterOptionsSetErrorReporter(opts, quiet_reporter, NULL);
  t = now_ms();
  it = TfLiteInterpreterCreate(model, opts);
  tm.create = now_ms() - t;
  if (!it) {
    fprintf(stderr, "tflc bench: cannot create an interpreter for %s: %s\n",
            a.model, TflcGetLastModelError());
    goto done;
  }
  if (a.signature && (rc = check_signature(it, a.signature))) goto done;
  rc = CLI_EXIT_RUNTIME;
  if (io_bind(&b, it, a.model, a.signature, err, sizeof err)) {
    fprintf(stderr, "tflc bench: %s\n", err);
    goto done;
  }
  print_header(&a);
  fflush(stdout);
  rc = bench_bound(&a, &b, &tm, rss_start_kb);
done:
  io_unbind(&b);
  if (it) TfLiteInterpreterDelete(it);
  if (opts) TfLiteInterpreterOptionsDelete(opts);
  if (model) TfLiteModelDelete(model);
  free(a.files);
  return rc;
}
