/* Conformance test on real models: walks shared/models/MANIFEST.tsv, runs
 * every `ok` row that has reference outputs (input_<i>.npy in, output_<i>.npy
 * compared with the row's tolerance), checks that `expected-error` rows fail
 * cleanly, prints a table, and fails when a model listed in
 * tests/models/expected_pass.txt does not pass. Quantized rows (category
 * int8 / uint8 / int16x8 / mixed, or int8 / uint8 inputs or outputs) are
 * compared in the XNNPACK rounding mode (kTflcRoundingXnnpack: the oracle
 * is LiteRT with its default XNNPACK delegate) and run a second time in the
 * reference mode, whose largest difference is shown for information. Rows
 * whose reference came from native TensorFlow Lite without XNNPACK (command
 * "native TFLite ...") are compared in the reference mode instead, and the
 * XNNPACK mode is the informational one.
 *
 * usage: test_conformance [MODELS_DIR [EXPECTED_PASS_FILE]]
 * env:   TFLC_MODELS_DIR (models folder), TFLC_CONFORMANCE_FILTER (only rows
 *        whose path contains this text). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_util.h"
#include "io_binding.h"
#include "npy.h"
#include "tflc/tflc.h"

#define MAX_OUT_SPECS 16
#define MAX_REF_FILES 64
#define DEFAULT_TOL 1e-5

/* ---- tolerance column ------------------------------------------------- */

typedef struct tol_spec {
  int set;
  int has_atol, has_rtol;
  double atol, rtol;
  int lsb; /* integers may differ by 1 */
} tol_spec;

typedef struct tolerance {
  tol_spec global;
  tol_spec out[MAX_OUT_SPECS];
} tolerance;

/* Reads "atol=", "rtol=", "LSB", "exact" out of n bytes of text. */
static void parse_spec(const char *s, size_t n, tol_spec *t) {
  char buf[256];
  if (n >= sizeof buf) n = sizeof buf - 1;
  memcpy(buf, s, n);
  buf[n] = '\0';
  const char *p;
  if ((p = strstr(buf, "atol="))) {
    t->atol = strtod(p + 5, NULL);
    t->has_atol = t->set = 1;
  }
  if ((p = strstr(buf, "rtol="))) {
    t->rtol = strtod(p + 5, NULL);
    t->has_rtol = t->set = 1;
  }
  if (strstr(buf, "LSB")) t->lsb = t->set = 1;
  if (strstr(buf, "exact")) {
    t->set = 1;
    if (!t->has_atol) t->atol = 0, t->has_atol = 1;
    if (!t->has_rtol) t->rtol = 0, t->has_rtol = 1;
  }
}

/* Applies a segment "out 0 (boxes), out 2: SPEC" to the listed outputs. */
static void parse_out_segment(const char *seg, size_t n, tolerance *tol) {
  const char *colon = memchr(seg, ':', n);
  int depth = 0;
  for (const char *p = seg; p < colon; p++) {
    if (*p == '(') depth++;
    if (*p == ')' && depth) depth--;
    if (depth || *p < '0' || *p > '9' ||
        (p > seg && p[-1] >= '0' && p[-1] <= '9'))
      continue;
    long idx = strtol(p, NULL, 10);
    if (idx >= 0 && idx < MAX_OUT_SPECS)
      parse_spec(colon + 1, (size_t)(seg + n - colon - 1), &tol->out[idx]);
  }
}

static void parse_tolerance(const char *col, tolerance *tol) {
  memset(tol, 0, sizeof *tol);
  const char *s = col;
  while (*s) {
    const char *e = strchr(s, ';');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    while (n && *s == ' ') s++, n--;
    if (n > 4 && strncmp(s, "out ", 4) == 0 && memchr(s, ':', n))
      parse_out_segment(s, n, tol);
    else
      parse_spec(s, n, &tol->global);
    s += n;
    if (*s == ';') s++;
  }
}

static tol_spec spec_for(const tolerance *tol, int i) {
  if (i < MAX_OUT_SPECS && tol->out[i].set) return tol->out[i];
  return tol->global;
}

/* The forms found in MANIFEST.tsv parse as intended. */
static int tolerance_self_check(void) {
  tolerance t;
  int bad = 0;
  parse_tolerance("atol=6e-8 rtol=9e-8", &t);
  bad |= !(t.global.atol == 6e-8 && t.global.rtol == 9e-8 && !t.global.lsb);
  parse_tolerance("1 LSB", &t);
  bad |= !(t.global.lsb && !t.global.has_atol);
  parse_tolerance(
      "builtin only; 1 LSB of the dequantized int output "
      "(atol=3e-3)",
      &t);
  bad |= !(t.global.lsb && t.global.atol == 3e-3);
  parse_tolerance(
      "out 0: atol=0 rtol=0 (builtin==XNNPACK bit-identical); "
      "out 1, 3: exact (inputs passed through); out 2: exact "
      "(int32)",
      &t);
  bad |= !(t.out[0].set && t.out[1].set && t.out[2].set && t.out[3].set &&
           !t.out[4].set && !t.global.set);
  parse_tolerance(
      "builtin only; out 0 (boxes), out 2 (scores): float "
      "atol=1e-5 rtol=1e-4; out 1 (classes), out 3 "
      "(num_detections): exact",
      &t);
  bad |= !(t.out[0].rtol == 1e-4 && t.out[2].rtol == 1e-4 && t.out[1].set &&
           t.out[1].atol == 0 && t.out[3].set);
  parse_tolerance("n/a", &t);
  bad |= t.global.set;
  if (bad) fprintf(stderr, "tolerance parser self-check failed\n");
  return bad;
}

/* ---- comparing ---------------------------------------------------------- */

typedef struct row_result {
  char status[512];
  int pass; /* PASS or EXPECTED-ERROR ok */
  double max_abs;
  size_t differing, strict_differing, total;
  size_t nonzero; /* values that differ at all */
} row_result;

static int64_t elem_as_i64(const void *d, TfLiteType t, size_t i) {
  switch (t) {
    case kTfLiteInt64: return ((const int64_t *)d)[i];
    case kTfLiteUInt64: return (int64_t)((const uint64_t *)d)[i];
    default: return (int64_t)cli_elem_as_double(d, t, i);
  }
}

/* Compares one output; returns 0 when equal within tolerance. */
static int compare_output(int i, const TfLiteTensor *t, const npy_array *ref,
                          tol_spec spec, row_result *r) {
  TfLiteType type = TfLiteTensorType(t);
  int rank;
  const int *dims = io_dims(t, &rank);
  if (type != ref->type) {
    snprintf(r->status, sizeof r->status, "FAIL: output %d is %s, reference %s",
             i, cli_type_name(type), cli_type_name(ref->type));
    return -1;
  }
  if (rank != ref->rank ||
      (rank && memcmp(dims, ref->shape, sizeof(int) * (size_t)rank) != 0)) {
    char a[128], b[128];
    cli_shape_str(dims, rank, a, sizeof a);
    cli_shape_str(ref->shape, ref->rank, b, sizeof b);
    snprintf(r->status, sizeof r->status,
             "FAIL: output %d has shape %s, reference %s", i, a, b);
    return -1;
  }
  const void *data = TfLiteTensorData(t);
  if (TfLiteTensorByteSize(t) != ref->bytes || (ref->bytes && !data)) {
    snprintf(r->status, sizeof r->status,
             "FAIL: output %d holds %zu bytes, reference %zu", i,
             TfLiteTensorByteSize(t), ref->bytes);
    return -1;
  }
  size_t before = r->differing;
  r->total += ref->count;
  if (!cli_type_is_float(type)) {
    int64_t allowed = spec.lsb ? 1 : 0;
    for (size_t k = 0; k < ref->count; k++) {
      int64_t a = elem_as_i64(data, type, k),
              b = elem_as_i64(ref->data, type, k);
      int64_t d = a > b ? a - b : b - a;
      if ((double)d > r->max_abs) r->max_abs = (double)d;
      if (d) r->nonzero++;
      if (d > allowed) r->differing++, r->strict_differing++;
    }
  } else {
    double atol = spec.has_atol ? spec.atol : DEFAULT_TOL;
    double rtol = spec.has_rtol ? spec.rtol : DEFAULT_TOL;
    double ratol = fmax(atol, DEFAULT_TOL), rrtol = fmax(rtol, DEFAULT_TOL);
    size_t n = ref->count *
               (type == kTfLiteComplex64 || type == kTfLiteComplex128 ? 2 : 1);
    TfLiteType scalar = type == kTfLiteComplex64    ? kTfLiteFloat32
                        : type == kTfLiteComplex128 ? kTfLiteFloat64
                                                    : type;
    for (size_t k = 0; k < n; k++) {
      double a = cli_elem_as_double(data, scalar, k);
      double b = cli_elem_as_double(ref->data, scalar, k);
      if (isnan(a) || isnan(b)) {
        if (!(isnan(a) && isnan(b))) r->differing++, r->strict_differing++;
        continue;
      }
      double d = fabs(a - b);
      if (a == b) d = 0; /* equal infinities */
      if (d > 0) r->nonzero++;
      if (d > r->max_abs) r->max_abs = d;
      if (!(d <= atol + rtol * fabs(b))) r->strict_differing++;
      if (!(d <= ratol + rrtol * fabs(b))) r->differing++;
    }
  }
  return r->differing > before ? 1 : 0;
}

/* ---- running one manifest row ------------------------------------------ */

typedef struct row {
  char *path, *signature, *ref, *category, *status, *command, *tolerance;
} row;

typedef struct run_ctx {
  TfLiteModel *model;
  TfLiteInterpreterOptions *opts;
  TfLiteInterpreter *it;
  io_binding b;
  npy_array in[MAX_REF_FILES], out[MAX_REF_FILES];
  int n_in, n_out;
} run_ctx;

static void ctx_free(run_ctx *c) {
  io_unbind(&c->b);
  if (c->it) TfLiteInterpreterDelete(c->it);
  if (c->opts) TfLiteInterpreterOptionsDelete(c->opts);
  if (c->model) TfLiteModelDelete(c->model);
  for (int i = 0; i < c->n_in; i++) npy_free(&c->in[i]);
  for (int i = 0; i < c->n_out; i++) npy_free(&c->out[i]);
}

static int file_exists(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f) fclose(f);
  return f != NULL;
}

/* Loads prefix_<i>.npy for i = 0.. until one is missing. */
static int load_refs(const char *dir, const char *prefix, npy_array *arr,
                     int *n, row_result *r) {
  char path[4096], err[512];
  for (*n = 0; *n < MAX_REF_FILES; (*n)++) {
    if (snprintf(path, sizeof path, "%s/%s_%d.npy", dir, prefix, *n) >=
            (int)sizeof path ||
        !file_exists(path))
      break;
    if (npy_read(path, &arr[*n], err, sizeof err)) {
      snprintf(r->status, sizeof r->status, "ERROR: %.480s", err);
      return -1;
    }
  }
  return 0;
}

/* Messages are read back with TflcGetLastModelError /
 * TflcInterpreterGetLastError and printed in the table instead. */
static void quiet_reporter(void *user, const char *format, va_list args) {
  (void)user;
  (void)format;
  (void)args;
}

/* Model, interpreter and binding; 0 or -1 with r->status set. */
static int open_model(const char *model_path, const char *signature,
                      int rounding, run_ctx *c, row_result *r) {
  char err[512];
  c->model = TfLiteModelCreateFromFileWithErrorReporter(model_path,
                                                        quiet_reporter, NULL);
  if (!c->model) {
    snprintf(r->status, sizeof r->status, "ERROR: load: %s",
             TflcGetLastModelError());
    return -1;
  }
  c->opts = TfLiteInterpreterOptionsCreate();
  if (c->opts) {
    TfLiteInterpreterOptionsSetErrorReporter(c->opts, quiet_reporter, NULL);
    TflcInterpreterOptionsSetQuantizedRounding(c->opts,
                                               (TflcQuantizedRounding)rounding);
  }
  c->it = c->opts ? TfLiteInterpreterCreate(c->model, c->opts) : NULL;
  if (!c->it) {
    snprintf(r->status, sizeof r->status, "ERROR: interpreter: %s",
             TflcGetLastModelError());
    return -1;
  }
  if (io_bind(&c->b, c->it, model_path, signature, err, sizeof err)) {
    snprintf(r->status, sizeof r->status, "ERROR: %.480s", err);
    return -1;
  }
  return 0;
}

/* Quantized rows by the MANIFEST category. */
static int category_is_quantized(const char *category) {
  return strstr(category, "int8") || strstr(category, "uint8") ||
         strstr(category, "int16") || strstr(category, "mixed");
}

/* Does the bound model take or give int8 / uint8 tensors? */
static int io_is_quantized(run_ctx *c) {
  for (int i = 0; i < c->b.n_inputs; i++) {
    const TfLiteTensor *t = io_input(&c->b, i);
    TfLiteType ty = t ? TfLiteTensorType(t) : kTfLiteNoType;
    if (ty == kTfLiteInt8 || ty == kTfLiteUInt8) return 1;
  }
  for (int i = 0; i < c->b.n_outputs; i++) {
    const TfLiteTensor *t = io_output(&c->b, i);
    TfLiteType ty = t ? TfLiteTensorType(t) : kTfLiteNoType;
    if (ty == kTfLiteInt8 || ty == kTfLiteUInt8) return 1;
  }
  return 0;
}

/* Runs an `ok` row with the given rounding mode. *quantized (optional) is
 * set when the model has int8/uint8 inputs or outputs. */
static void run_ok_row_mode(const char *dir, const row *w, int rounding,
                            row_result *r, int *quantized);

static void run_ok_row(const char *dir, const row *w, row_result *r) {
  /* The oracle's kernels: native TensorFlow Lite builds ran without
   * XNNPACK (their reference is TensorFlow Lite's builtin kernels). */
  const int native = strncmp(w->command, "native TFLite", 13) == 0;
  const int mode = native ? kTflcRoundingReference : kTflcRoundingXnnpack;
  const int other = native ? kTflcRoundingXnnpack : kTflcRoundingReference;
  int quantized = 0;
  run_ok_row_mode(dir, w, mode, r, &quantized);
  if (!category_is_quantized(w->category) && !quantized) return;
  row_result o;
  memset(&o, 0, sizeof o);
  run_ok_row_mode(dir, w, other, &o, NULL);
  const char *name = native ? "xnnpack" : "ref";
  size_t len = strlen(r->status);
  if (len + 80 >= sizeof r->status) return;
  if (o.total)
    snprintf(r->status + len, sizeof r->status - len,
             " [%s mode; %s-mode max %.3g, %zu/%zu differ]",
             native ? "ref" : "xnnpack", name, o.max_abs, o.nonzero, o.total);
  else
    snprintf(r->status + len, sizeof r->status - len,
             " [%s mode; %s-mode: %.40s]", native ? "ref" : "xnnpack", name,
             o.status);
}

static void run_ok_row_mode(const char *dir, const row *w, int rounding,
                            row_result *r, int *quantized) {
  char model_path[4096], ref_dir[4096], probe[4096], err[1024];
  run_ctx c;
  memset(&c, 0, sizeof c);
  size_t rl = strcspn(w->ref, " \t");
  if (snprintf(model_path, sizeof model_path, "%s/%s", dir, w->path) >=
          (int)sizeof model_path ||
      snprintf(ref_dir, sizeof ref_dir, "%s/%.*s", dir, (int)rl, w->ref) >=
          (int)sizeof ref_dir ||
      snprintf(probe, sizeof probe, "%s/output_0.npy", ref_dir) >=
          (int)sizeof probe) {
    snprintf(r->status, sizeof r->status, "ERROR: path too long");
    return;
  }
  if (strcmp(w->ref, "-") == 0 || !file_exists(probe)) {
    snprintf(r->status, sizeof r->status, "SKIP(no-ref)");
    return;
  }
  if (load_refs(ref_dir, "input", c.in, &c.n_in, r) ||
      load_refs(ref_dir, "output", c.out, &c.n_out, r) ||
      open_model(model_path, w->signature, rounding, &c, r))
    goto done;
  if (quantized) *quantized = io_is_quantized(&c);
  if (c.n_in != c.b.n_inputs || c.n_out != c.b.n_outputs) {
    snprintf(r->status, sizeof r->status,
             "ERROR: reference has %d inputs / %d outputs, the model %d / %d",
             c.n_in, c.n_out, c.b.n_inputs, c.b.n_outputs);
    goto done;
  }
  if (io_feed(&c.b, c.in, err, sizeof err)) {
    snprintf(r->status, sizeof r->status, "ERROR: %.480s", err);
    goto done;
  }
  if (io_invoke(&c.b) != kTfLiteOk) {
    snprintf(r->status, sizeof r->status, "ERROR: invoke: %s",
             io_last_error(&c.b));
    goto done;
  }
  tolerance tol;
  parse_tolerance(w->tolerance, &tol);
  int failed = 0;
  for (int i = 0; i < c.n_out; i++) {
    const TfLiteTensor *t = io_output(&c.b, i);
    if (!t) {
      snprintf(r->status, sizeof r->status, "ERROR: output %d: no tensor", i);
      goto done;
    }
    int rc = compare_output(i, t, &c.out[i], spec_for(&tol, i), r);
    if (rc < 0) goto done; /* status set */
    failed |= rc;
  }
  snprintf(r->status, sizeof r->status, "%s", failed ? "FAIL" : "PASS");
  r->pass = !failed;
done:
  ctx_free(&c);
}

/* The model must fail to load, allocate or invoke, without crashing. */
/* expected-error rows that tflc runs on purpose, and why. */
static const char *intentional_deviation(const char *path) {
  if (strcmp(path, "tflite-micro/person_detect.tflite") == 0)
    return "TensorFlow Lite refuses its rank-1 biases with "
           "quantized_dimension=3, TensorFlow Lite Micro "
           "runs it, so does tflc (with a warning)";
  return NULL;
}

static void run_expected_error_row(const char *dir, const row *w,
                                   row_result *r) {
  char model_path[4096], err[1024];
  run_ctx c;
  memset(&c, 0, sizeof c);
  if (snprintf(model_path, sizeof model_path, "%s/%s", dir, w->path) >=
      (int)sizeof model_path) {
    snprintf(r->status, sizeof r->status, "ERROR: path too long");
    return;
  }
  const char *stage = NULL, *msg = "";
  if (open_model(model_path, w->signature, kTflcRoundingXnnpack, &c, r)) {
    stage = "load";
    msg = strncmp(r->status, "ERROR: ", 7) == 0 ? r->status + 7 : r->status;
  } else if (io_allocate(&c.b) != kTfLiteOk) {
    stage = "allocate";
    msg = io_last_error(&c.b);
  } else {
    for (int i = 0; i < c.b.n_inputs; i++) {
      TfLiteTensor *t = io_input(&c.b, i);
      void *d = t ? TfLiteTensorData(t) : NULL;
      if (d) memset(d, 0, TfLiteTensorByteSize(t));
    }
    if (io_invoke(&c.b) != kTfLiteOk) {
      stage = "invoke";
      msg = io_last_error(&c.b);
    }
  }
  const char *deviation = intentional_deviation(w->path);
  if (deviation) {
    /* tflc runs this model on purpose: it must run. */
    if (stage) {
      snprintf(err, sizeof err, "%s", msg);
      snprintf(r->status, sizeof r->status, "FAIL: %s, but %s failed: %.200s",
               deviation, stage, err);
    } else {
      snprintf(r->status, sizeof r->status, "PASS (runs: %s)", deviation);
      r->pass = 1;
    }
  } else if (stage) {
    snprintf(err, sizeof err, "%s", msg);
    snprintf(r->status, sizeof r->status, "EXPECTED-ERROR ok (%s: %.200s)",
             stage, err);
    r->pass = 1;
  } else {
    snprintf(r->status, sizeof r->status,
             "FAIL: expected an error, the model ran");
  }
  ctx_free(&c);
}

/* ---- manifest and expected list ---------------------------------------- */

static int split_row(char *line, row *w) {
  char *cols[11];
  int n = 0;
  char *p = line;
  while (n < 11) {
    cols[n++] = p;
    char *tab = strchr(p, '\t');
    if (!tab) break;
    *tab = '\0';
    p = tab + 1;
  }
  if (n < 10) return -1;
  w->path = cols[0];
  w->signature = cols[1];
  w->ref = cols[2];
  w->category = cols[5];
  w->status = cols[7];
  w->command = cols[8];
  w->tolerance = cols[9];
  return 0;
}

typedef struct expected {
  char **path, **sig;
  int *seen;
  int n;
} expected;

static void load_expected(const char *file, expected *e, char **text) {
  uint8_t *buf;
  size_t len;
  char err[512];
  memset(e, 0, sizeof *e);
  *text = NULL;
  if (cli_read_file(file, &buf, &len, err, sizeof err)) {
    printf("note: %s; no models are required to pass\n", err);
    return;
  }
  char *t = realloc(buf, len + 1);
  if (!t) {
    free(buf);
    return;
  }
  t[len] = '\0';
  *text = t;
  size_t lines = 1;
  for (size_t i = 0; i < len; i++) lines += t[i] == '\n';
  e->path = calloc(lines, sizeof(char *));
  e->sig = calloc(lines, sizeof(char *));
  e->seen = calloc(lines, sizeof(int));
  if (!e->path || !e->sig || !e->seen) return;
  char *save = NULL, *save2 = NULL;
  for (char *line = strtok_r(t, "\n", &save); line;
       line = strtok_r(NULL, "\n", &save)) {
    char *hash = strchr(line, '#');
    if (hash) *hash = '\0';
    char *a = strtok_r(line, " \t\r", &save2);
    if (!a) continue;
    char *b = strtok_r(NULL, " \t\r", &save2);
    e->path[e->n] = a;
    e->sig[e->n] = b ? b : "-";
    e->n++;
  }
}

static int find_expected(const expected *e, const row *w) {
  for (int i = 0; i < e->n; i++)
    if (strcmp(e->path[i], w->path) == 0 &&
        strcmp(e->sig[i], w->signature) == 0)
      return i;
  return -1;
}

/* dirname(__FILE__) + "/" + rel */
static void beside_source(const char *rel, char *out, size_t n) {
  const char *f = __FILE__;
  const char *slash = strrchr(f, '/');
  if (!slash)
    snprintf(out, n, "%s", rel);
  else
    snprintf(out, n, "%.*s/%s", (int)(slash - f), f, rel);
}

int main(int argc, char **argv) {
  char dir[4096], manifest[4200], exp_file[4096];
  if (tolerance_self_check()) return 1;
  if (argc > 1)
    snprintf(dir, sizeof dir, "%s", argv[1]);
  else if (getenv("TFLC_MODELS_DIR"))
    snprintf(dir, sizeof dir, "%s", getenv("TFLC_MODELS_DIR"));
  else
    beside_source("../../../shared/models", dir, sizeof dir);
  snprintf(manifest, sizeof manifest, "%s/MANIFEST.tsv", dir);
  if (argc <= 1 && !file_exists(manifest)) {
    snprintf(dir, sizeof dir, "../shared/models");
    snprintf(manifest, sizeof manifest, "%s/MANIFEST.tsv", dir);
  }
  if (!file_exists(manifest)) {
    printf("skipped: ../shared/models not found (%s)\n", manifest);
    return 0;
  }
  if (argc > 2)
    snprintf(exp_file, sizeof exp_file, "%s", argv[2]);
  else
    beside_source("expected_pass.txt", exp_file, sizeof exp_file);
  expected e;
  char *exp_text;
  load_expected(exp_file, &e, &exp_text);

  uint8_t *mbuf;
  size_t mlen;
  char err[512];
  if (cli_read_file(manifest, &mbuf, &mlen, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    return 1;
  }
  char *text = realloc(mbuf, mlen + 1);
  if (!text) {
    free(mbuf);
    return 1;
  }
  text[mlen] = '\0';
  const char *filter = getenv("TFLC_CONFORMANCE_FILTER");
  int n_pass = 0, n_rows = 0, listed_failed = 0, newly = 0;
  printf("%-58s %-16s %-10s %-10s %s\n", "model", "signature", "max_abs",
         "differing", "status");
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line;
       line = strtok_r(NULL, "\n", &save)) {
    row w;
    if (strncmp(line, "path\t", 5) == 0 || split_row(line, &w)) continue;
    if (filter && !strstr(w.path, filter)) continue;
    row_result r;
    memset(&r, 0, sizeof r);
    if (strcmp(w.status, "ok") == 0)
      run_ok_row(dir, &w, &r);
    else if (strncmp(w.status, "expected-error", 14) == 0)
      run_expected_error_row(dir, &w, &r);
    else
      snprintf(r.status, sizeof r.status, "SKIP(no-ref)");
    n_rows++;
    n_pass += r.pass;
    char diff[48] = "-", maxs[24] = "-";
    if (r.total) {
      snprintf(diff, sizeof diff, "%zu/%zu", r.differing, r.total);
      snprintf(maxs, sizeof maxs, "%.3g", r.max_abs);
    }
    printf("%-58s %-16s %-10s %-10s %s", w.path, w.signature, maxs, diff,
           r.status);
    if (r.total && r.strict_differing != r.differing)
      printf(" (%zu beyond the strict tolerance)", r.strict_differing);
    printf("\n");
    fflush(stdout);
    int k = find_expected(&e, &w);
    if (k >= 0) {
      e.seen[k] = 1;
      if (!r.pass) {
        listed_failed++;
        printf("  ^ listed in expected_pass.txt but does not pass\n");
      }
    } else if (r.pass) {
      newly++;
      printf("  newly passing: add it to expected_pass.txt: %s %s\n", w.path,
             w.signature);
    }
  }
  for (int k = 0; k < e.n; k++)
    if (!e.seen[k] && !filter) {
      printf("listed in expected_pass.txt but not in MANIFEST.tsv: %s %s\n",
             e.path[k], e.sig[k]);
      listed_failed++;
    }
  printf(
      "\n%d of %d rows pass; %d listed model(s) failing; %d newly "
      "passing\n",
      n_pass, n_rows, listed_failed, newly);
  free(text);
  free(exp_text);
  free(e.path);
  free(e.sig);
  free(e.seen);
  return listed_failed ? 1 : 0;
}
