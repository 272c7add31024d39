/* The SEANet int16 layer tests of TensorFlow Lite Micro
 * (shared/models/tflite-micro/seanet): runs each model on its CSV inputs
 * (<name>_input<i>_int16|int32.csv, subgraph input order) and compares the
 * output with <name>_golden_int16.csv exactly. Table-driven: a row per
 * model; `required` rows must pass, the others are run when their ops
 * allocate and skipped with a message otherwise (add a row, or make it
 * required, when an op lands). Skips everything with a message when the
 * models folder is absent. Usage: test_seanet_golden [models_dir]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/check.h"
#include "tflc/c_api.h"

typedef struct seanet_row {
  const char *name;
  int required;
} seanet_row;

static const seanet_row kRows[] = {
    {"add0", 1},  {"sub0", 1},           {"quantize0", 1},
    {"pad0", 1},  {"strided_slice0", 1}, {"conv0", 1},
    {"conv8", 1}, {"leaky_relu0", 1},    {"transpose_conv0", 1},
};

/* Reads a CSV of integers; returns a malloc'd array (NULL when missing). */
static long long *read_csv(const char *path, size_t *n) {
  FILE *f = fopen(path, "r");
  if (!f) return NULL;
  size_t cap = 1024, len = 0;
  long long *v = malloc(cap * sizeof *v);
  long long x;
  while (v && fscanf(f, " %lld ,", &x) == 1) {
    if (len == cap) {
      long long *nv = realloc(v, (cap *= 2) * sizeof *v);
      if (!nv) {
        free(v);
        v = NULL;
        break;
      }
      v = nv;
    }
    v[len++] = x;
  }
  fclose(f);
  *n = len;
  return v;
}

/* Input i of model `name`: the int16 or the int32 CSV. */
static long long *read_input(const char *dir, const char *name, int i,
                             size_t *n) {
  static const char *types[] = {"int16", "int32", "int8"};
  char path[1024];
  for (int k = 0; k < 3; k++) {
    snprintf(path, sizeof path, "%s/%s_input%d_%s.csv", dir, name, i, types[k]);
    long long *v = read_csv(path, n);
    if (v) return v;
  }
  return NULL;
}

static int fill_input(TfLiteTensor *t, const long long *v, size_t n) {
  const size_t bytes = TfLiteTensorByteSize(t);
  void *d = TfLiteTensorData(t);
  switch (TfLiteTensorType(t)) {
    case kTfLiteInt16:
      if (bytes != n * 2) return -1;
      for (size_t i = 0; i < n; i++) ((int16_t *)d)[i] = (int16_t)v[i];
      return 0;
    case kTfLiteInt32:
      if (bytes != n * 4) return -1;
      for (size_t i = 0; i < n; i++) ((int32_t *)d)[i] = (int32_t)v[i];
      return 0;
    case kTfLiteInt8:
      if (bytes != n) return -1;
      for (size_t i = 0; i < n; i++) ((int8_t *)d)[i] = (int8_t)v[i];
      return 0;
    default: return -1;
  }
}

static void run_row(const char *dir, const seanet_row *row) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s.tflite", dir, row->name);
  TfLiteModel *model = TfLiteModelCreateFromFile(path);
  CHECK_MSG(model != NULL, "%s: cannot load", path);
  if (!model) return;
  TfLiteInterpreter *it = TfLiteInterpreterCreate(model, NULL);
  if (!it || TfLiteInterpreterAllocateTensors(it) != kTfLiteOk) {
    if (row->required)
      CHECK_MSG(0, "%s: AllocateTensors failed", row->name);
    else
      printf("SKIP %s: AllocateTensors failed (an op is not supported yet)\n",
             row->name);
    if (it) TfLiteInterpreterDelete(it);
    TfLiteModelDelete(model);
    return;
  }
  int ok = 1;
  for (int i = 0; ok && i < TfLiteInterpreterGetInputTensorCount(it); i++) {
    size_t n = 0;
    long long *v = read_input(dir, row->name, i, &n);
    TfLiteTensor *t = TfLiteInterpreterGetInputTensor(it, i);
    ok = v != NULL && fill_input(t, v, n) == 0;
    CHECK_MSG(ok, "%s: input %d missing or of the wrong size (%zu values)",
              row->name, i, n);
    free(v);
  }
  if (ok) {
    const TfLiteStatus st = TfLiteInterpreterInvoke(it);
    CHECK_MSG(st == kTfLiteOk, "%s: invoke failed", row->name);
    size_t n = 0;
    snprintf(path, sizeof path, "%s/%s_golden_int16.csv", dir, row->name);
    long long *golden = read_csv(path, &n);
    const TfLiteTensor *out = TfLiteInterpreterGetOutputTensor(it, 0);
    CHECK_MSG(golden != NULL, "%s: no golden CSV", row->name);
    if (st == kTfLiteOk && golden) {
      const int16_t *got = (const int16_t *)TfLiteTensorData(out);
      CHECK_MSG(TfLiteTensorType(out) == kTfLiteInt16 &&
                    TfLiteTensorByteSize(out) == n * 2,
                "%s: output is not %zu INT16 values", row->name, n);
      if (TfLiteTensorByteSize(out) == n * 2) {
        size_t bad = 0, first = 0;
        for (size_t i = 0; i < n; i++)
          if (got[i] != golden[i] && bad++ == 0) first = i;
        CHECK_MSG(bad == 0,
                  "%s: %zu of %zu values differ (first: element %zu = %d, "
                  "golden %lld)",
                  row->name, bad, n, first, bad ? got[first] : 0,
                  bad ? golden[first] : 0);
        if (bad == 0)
          printf("%s: %zu values match the golden output\n", row->name, n);
      }
    }
    free(golden);
  }
  TfLiteInterpreterDelete(it);
  TfLiteModelDelete(model);
}

int main(int argc, char **argv) {
  const char *models = argc > 1 ? argv[1] : getenv("TFLC_MODELS_DIR");
  if (!models) models = "../shared/models";
  char dir[1024];
  snprintf(dir, sizeof dir, "%s/tflite-micro/seanet", models);
  char probe[1100];
  snprintf(probe, sizeof probe, "%s/add0.tflite", dir);
  FILE *f = fopen(probe, "rb");
  if (!f) {
    printf("SKIP: %s not found (the shared models are absent)\n", probe);
    return CHECK_DONE();
  }
  fclose(f);
  for (size_t i = 0; i < sizeof kRows / sizeof kRows[0]; i++)
    run_row(dir, &kRows[i]);
  return CHECK_DONE();
}
