/* `tflc run`: loads a model, feeds .npy inputs (or seeded random ones), runs
 * subgraph 0 or a signature, writes the outputs as .npy files and prints a
 * summary of each output. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_util.h"
#include "commands.h"
#include "io_binding.h"
#include "npy.h"
#include "random_input.h"
#include "tensor_summary.h"
#include "tflc/tflc.h"

typedef struct run_args {
  const char *model;
  const char **files; /* --inputs, positional */
  int n_files;
  const char **named; /* --input NAME=FILE */
  int n_named;
  const char *signature;
  const char *out_dir;
  int threads;
  int rounding; /* TflcQuantizedRounding */
  uint64_t seed;
} run_args;

void cmd_run_usage(FILE *out) {
  fprintf(out,
          "usage: tflc run MODEL [--inputs A.npy B.npy ...] "
          "[--input NAME=FILE.npy ...]\n"
          "                [--signature KEY] [--output-dir DIR] "
          "[--threads N] [--seed N]\n"
          "                [--rounding reference|xnnpack]\n"
          "  Runs MODEL once. Inputs are numbered in the executed subgraph's "
          "order;\n"
          "  without inputs, seeded random ones are used (floats in [-1,1), "
          "integers\n"
          "  over their type's range, bool 0/1). --output-dir writes "
          "output_<i>.npy\n"
          "  (and input_<i>.npy of generated inputs). --rounding xnnpack "
          "requantizes\n"
          "  int8/uint8 ops as LiteRT's default XNNPACK delegate does "
          "(default:\n"
          "  reference, TensorFlow Lite's reference kernels).\n");
}

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "tflc run: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n");
  cmd_run_usage(stderr);
  return CLI_EXIT_USAGE;
}

static int parse_args(int argc, char **argv, run_args *a) {
  memset(a, 0, sizeof *a);
  a->threads = 1;
  a->seed = 1;
  a->files = calloc((size_t)argc, sizeof(char *));
  a->named = calloc((size_t)argc, sizeof(char *));
  if (!a->files || !a->named) {
    fprintf(stderr, "tflc run: out of memory\n");
    return CLI_EXIT_RUNTIME;
  }
  for (int i = 1; i < argc; i++) {
    const char *v;
    int missing = 0;
    long long num;
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      cmd_run_usage(stdout);
      return -1;
    } else if (strcmp(argv[i], "--inputs") == 0) {
      while (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0)
        a->files[a->n_files++] = argv[++i];
    } else if ((v = cli_opt_value(argc, argv, &i, "--input", &missing))) {
      if (!strchr(v, '=') || v[0] == '=')
        return usage_error("--input needs NAME=FILE.npy, got '%s'", v);
      a->named[a->n_named++] = v;
    } else if ((v = cli_opt_value(argc, argv, &i, "--signature", &missing))) {
      a->signature = v;
    } else if ((v = cli_opt_value(argc, argv, &i, "--output-dir", &missing))) {
      a->out_dir = v;
    } else if ((v = cli_opt_value(argc, argv, &i, "--threads", &missing))) {
      if (cli_parse_long(v, 1, 1024, &num))
        return usage_error("--threads needs a number from 1 to 1024, got '%s'",
                           v);
      a->threads = (int)num;
    } else if ((v = cli_opt_value(argc, argv, &i, "--rounding", &missing))) {
      if (strcmp(v, "reference") == 0)
        a->rounding = kTflcRoundingReference;
      else if (strcmp(v, "xnnpack") == 0)
        a->rounding = kTflcRoundingXnnpack;
      else
        return usage_error("--rounding needs reference or xnnpack, got '%s'",
                           v);
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

/* Checks the signature exists; prints the known keys when not. */
static int check_signature(const TfLiteInterpreter *it, const char *key) {
  int n = TfLiteInterpreterGetSignatureCount(it);
  for (int s = 0; s < n; s++) {
    const char *k = TfLiteInterpreterGetSignatureKey(it, s);
    if (k && strcmp(k, key) == 0) return 0;
  }
  fprintf(stderr, "tflc run: signature '%s' not found; the model has", key);
  if (n == 0) fprintf(stderr, " no signatures");
  for (int s = 0; s < n; s++) {
    const char *k = TfLiteInterpreterGetSignatureKey(it, s);
    fprintf(stderr, "%s '%s'", s ? "," : "", k ? k : "");
  }
  fprintf(stderr, "\n");
  return CLI_EXIT_USAGE;
}

/* Loads the given files into arrays (indexed by input position). */
static int load_inputs(const run_args *a, const io_binding *b,
                       npy_array *arrays, int *given) {
  char err[512];
  if (a->n_files > b->n_inputs) {
    fprintf(stderr,
            "tflc run: %d input files given, the model has %d "
            "inputs\n",
            a->n_files, b->n_inputs);
    return CLI_EXIT_USAGE;
  }
  for (int i = 0; i < a->n_files; i++) {
    if (npy_read(a->files[i], &arrays[i], err, sizeof err)) {
      fprintf(stderr, "tflc run: input %d: %s\n", i, err);
      return CLI_EXIT_RUNTIME;
    }
    given[i] = 1;
  }
  for (int k = 0; k < a->n_named; k++) {
    const char *eq = strchr(a->named[k], '=');
    size_t nlen = (size_t)(eq - a->named[k]);
    char name[256];
    if (nlen >= sizeof name) nlen = sizeof name - 1;
    memcpy(name, a->named[k], nlen);
    name[nlen] = '\0';
    int i = io_find_input(b, name);
    if (i < 0) {
      fprintf(stderr, "tflc run: no input named '%s'; inputs are:", name);
      for (int j = 0; j < b->n_inputs; j++)
        fprintf(stderr, "%s '%s'", j ? "," : "", b->in_names[j]);
      fprintf(stderr, "\n");
      return CLI_EXIT_USAGE;
    }
    if (given[i]) {
      fprintf(stderr, "tflc run: input %d '%s' given twice\n", i, name);
      return CLI_EXIT_USAGE;
    }
    if (npy_read(eq + 1, &arrays[i], err, sizeof err)) {
      fprintf(stderr, "tflc run: input '%s': %s\n", name, err);
      return CLI_EXIT_RUNTIME;
    }
    given[i] = 1;
  }
  return 0;
}

/* Fills every input with random data of the tensor's type and shape. */
static int random_inputs(const run_args *a, const io_binding *b,
                         npy_array *arrays) {
  uint64_t state = a->seed;
  char err[256];
  for (int i = 0; i < b->n_inputs; i++) {
    const TfLiteTensor *t = io_input(b, i);
    int rank;
    const int *dims = io_dims(t, &rank);
    TfLiteType type = t ? TfLiteTensorType(t) : kTfLiteNoType;
    if (random_input_make(type, dims, rank, &state, &arrays[i], err,
                          sizeof err)) {
      fprintf(stderr, "tflc run: input %d '%s' (%s): %s; give it as .npy\n", i,
              b->in_names[i], cli_type_name(type), err);
      return CLI_EXIT_RUNTIME;
    }
  }
  return 0;
}

static int write_npys(const run_args *a, const io_binding *b,
                      const npy_array *arrays, int generated) {
  char err[512], path[4096];
  if (cli_mkdirs(a->out_dir, err, sizeof err)) {
    fprintf(stderr, "tflc run: %s\n", err);
    return CLI_EXIT_RUNTIME;
  }
  for (int i = 0; generated && i < b->n_inputs; i++) {
    if (snprintf(path, sizeof path, "%s/input_%d.npy", a->out_dir, i) >=
        (int)sizeof path) {
      fprintf(stderr, "tflc run: --output-dir path too long\n");
      return CLI_EXIT_USAGE;
    }
    if (npy_write(path, arrays[i].type, arrays[i].shape, arrays[i].rank,
                  arrays[i].data, arrays[i].bytes, err, sizeof err)) {
      fprintf(stderr, "tflc run: %s\n", err);
      return CLI_EXIT_RUNTIME;
    }
  }
  for (int i = 0; i < b->n_outputs; i++) {
    const TfLiteTensor *t = io_output(b, i);
    int rank;
    const int *dims = io_dims(t, &rank);
    TfLiteType type = t ? TfLiteTensorType(t) : kTfLiteNoType;
    if (!npy_descr_for_type(type)) {
      fprintf(stderr, "tflc run: output %d '%s' is %s, not written as .npy\n",
              i, b->out_names[i], cli_type_name(type));
      continue;
    }
    if (snprintf(path, sizeof path, "%s/output_%d.npy", a->out_dir, i) >=
        (int)sizeof path) {
      fprintf(stderr, "tflc run: --output-dir path too long\n");
      return CLI_EXIT_USAGE;
    }
    size_t bytes = TfLiteTensorByteSize(t);
    if (npy_write(path, type, dims, rank, TfLiteTensorData(t), bytes, err,
                  sizeof err)) {
      fprintf(stderr, "tflc run: output %d '%s': %s\n", i, b->out_names[i],
              err);
      return CLI_EXIT_RUNTIME;
    }
  }
  return 0;
}

/* Everything after the interpreter exists. */
static int run_bound(const run_args *a, io_binding *b) {
  npy_array *arrays = calloc((size_t)b->n_inputs + 1, sizeof *arrays);
  int *given = calloc((size_t)b->n_inputs + 1, sizeof *given);
  int rc = CLI_EXIT_RUNTIME, n_given = 0;
  char err[1024];
  if (!arrays || !given) {
    fprintf(stderr, "tflc run: out of memory\n");
    goto done;
  }
  if ((rc = load_inputs(a, b, arrays, given))) goto done;
  for (int i = 0; i < b->n_inputs; i++) n_given += given[i];
  if (n_given == 0 && b->n_inputs > 0) {
    if ((rc = random_inputs(a, b, arrays))) goto done;
    printf(
        "inputs: random (seed %llu): floats in [-1,1), integers over "
        "their type's range, bool 0/1\n",
        (unsigned long long)a->seed);
  } else {
    for (int i = 0; i < b->n_inputs; i++)
      if (!given[i]) {
        fprintf(stderr,
                "tflc run: input %d '%s' not given (give all %d "
                "inputs, or none for random ones)\n",
                i, b->in_names[i], b->n_inputs);
        rc = CLI_EXIT_USAGE;
        goto done;
      }
  }
  rc = CLI_EXIT_RUNTIME;
  if (io_feed(b, arrays, err, sizeof err)) {
    fprintf(stderr, "tflc run: %s\n", err);
    goto done;
  }
  if (io_invoke(b) != kTfLiteOk) {
    fprintf(stderr, "tflc run: Invoke failed: %s\n", io_last_error(b));
    goto done;
  }
  if (b->note[0]) printf("note: %s\n", b->note);
  for (int i = 0; i < b->n_inputs; i++) {
    char label[32];
    snprintf(label, sizeof label, "input %d", i);
    tensor_summary_print(stdout, label, b->in_names[i], io_input(b, i));
  }
  for (int i = 0; i < b->n_outputs; i++) {
    char label[32];
    const TfLiteTensor *t = io_output(b, i);
    snprintf(label, sizeof label, "output %d", i);
    if (!t) {
      fprintf(stderr, "tflc run: output %d '%s': no tensor\n", i,
              b->out_names[i]);
      goto done;
    }
    tensor_summary_print(stdout, label, b->out_names[i], t);
  }
  if (a->out_dir && (rc = write_npys(a, b, arrays, n_given == 0))) goto done;
  if (a->out_dir)
    printf("wrote %d output file(s) to %s\n", b->n_outputs, a->out_dir);
  rc = CLI_EXIT_OK;
done:
  for (int i = 0; arrays && i < b->n_inputs; i++) npy_free(&arrays[i]);
  free(arrays);
  free(given);
  return rc;
}

int cmd_run(int argc, char **argv) {
  run_args a;
  int rc = parse_args(argc, argv, &a);
  TfLiteModel *model = NULL;
  TfLiteInterpreterOptions *opts = NULL;
  TfLiteInterpreter *it = NULL;
  io_binding b;
  char err[512];
  memset(&b, 0, sizeof b);
  if (rc) {
    rc = rc < 0 ? CLI_EXIT_OK : rc;
    goto done;
  }
  rc = CLI_EXIT_RUNTIME;
  model =
      TfLiteModelCreateFromFileWithErrorReporter(a.model, quiet_reporter, NULL);
  if (!model) {
    const char *msg = TflcGetLastModelError();
    if (msg && strstr(msg, a.model))
      fprintf(stderr, "tflc run: cannot load the model: %s\n", msg);
    else
      fprintf(stderr, "tflc run: cannot load %s: %s\n", a.model,
              msg ? msg : "");
    goto done;
  }
  opts = TfLiteInterpreterOptionsCreate();
  if (!opts) {
    fprintf(stderr, "tflc run: out of memory\n");
    goto done;
  }
  TfLiteInterpreterOptionsSetNumThreads(opts, a.threads);
  TflcInterpreterOptionsSetQuantizedRounding(opts,
                                             (TflcQuantizedRounding)a.rounding);
  TfLiteInterpreterOptionsSetErrorReporter(opts, quiet_reporter, NULL);
  it = TfLiteInterpreterCreate(model, opts);
  if (!it) {
    fprintf(stderr, "tflc run: cannot create an interpreter for %s: %s\n",
            a.model, TflcGetLastModelError());
    goto done;
  }
  if (a.signature && (rc = check_signature(it, a.signature))) goto done;
  rc = CLI_EXIT_RUNTIME;
  if (io_bind(&b, it, a.model, a.signature, err, sizeof err)) {
    fprintf(stderr, "tflc run: %s\n", err);
    goto done;
  }
  rc = run_bound(&a, &b);
done:
  io_unbind(&b);
  if (it) TfLiteInterpreterDelete(it);
  if (opts) TfLiteInterpreterOptionsDelete(opts);
  if (model) TfLiteModelDelete(model);
  free(a.files);
  free(a.named);
  return rc;
}
