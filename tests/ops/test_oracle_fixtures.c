/* Cross-check of every operator against the real TensorFlow Lite runtime:
 * for each case of tests/oracle/cases/INDEX.tsv whose status is "ok", reads
 * the committed <case>.tar (model.tflite, input_<i>.npy, output_<i>.npy;
 * tests/oracle/regenerate.sh wrote it, the outputs are litert-oracle's),
 * loads the model with the C API in the case's rounding mode (INDEX.tsv
 * column "rounding": "xnnpack" = TflcInterpreterOptionsSetQuantizedRounding
 * (kTflcRoundingXnnpack), as LiteRT's XNNPACK delegate computes the int8 /
 * uint8 ops it takes; else the reference rounding), feeds the inputs,
 * invokes and compares. Floats pass when |got - want| <= atol + rtol *
 * |want| (default 1e-5 each, or the case's INDEX.tsv values; NaN matches
 * NaN); integers and bools must be equal, or within the case's explicit
 * int_tol (recorded with its reason in INDEX.tsv). Prints one line per case:
 * PASS, FAIL (with the first or worst element, and the largest integer
 * difference), ERROR (load/prepare/invoke failure), SKIP-unsupported
 * (prepare reports "not supported": op or type not in this build),
 * REFUSED-BY-ORACLE (no expected outputs) or NOT-COMPARABLE (an op the
 * oracle cannot run at all). Registered ops with no fixture are listed as
 * notes.
 *
 * The fixtures are found in $TFLC_SOURCE_DIR/tests/oracle/cases when that
 * variable is set, else next to this source file (__FILE__, absolute under
 * CMake), else in tests/oracle/cases below the working directory. argv[1]
 * (the shared models folder ctest passes) is ignored. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "npy.h"
#include "tflc/c_api.h"
#include "tflc/tflc.h"

#define MSG_SIZE 4096

typedef struct report_buf {
  char text[MSG_SIZE];
} report_buf;

static void reporter(void *user, const char *format, va_list args) {
  report_buf *r = (report_buf *)user;
  size_t used = strlen(r->text);
  if (used + 2 >= MSG_SIZE) return;
  if (used) {
    r->text[used++] = ' ';
    r->text[used++] = '|';
    r->text[used++] = ' ';
    r->text[used] = '\0';
  }
  vsnprintf(r->text + used, MSG_SIZE - used, format, args);
}

static int file_exists(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f) fclose(f);
  return f != NULL;
}

static uint8_t *read_all(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  uint8_t *buf = NULL;
  size_t cap = 0, n = 0;
  for (;;) {
    if (n == cap) {
      cap = cap ? cap * 2 : 65536;
      uint8_t *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = nb;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  fclose(f);
  *size = n;
  return buf;
}

/* ---- the case archive: plain ustar as regenerate.sh writes it ---------- */

#define TAR_MAX_MEMBERS 64

typedef struct tar_member {
  char name[101];
  const uint8_t *data;
  size_t size;
} tar_member;

typedef struct case_archive {
  uint8_t *bytes;
  size_t size;
  tar_member m[TAR_MAX_MEMBERS];
  int n;
} case_archive;

static int parse_octal(const uint8_t *p, size_t n, size_t *out) {
  size_t v = 0;
  size_t i = 0;
  while (i < n && p[i] == ' ') i++;
  for (; i < n && p[i] >= '0' && p[i] <= '7'; i++)
    v = v * 8 + (size_t)(p[i] - '0');
  if (i < n && p[i] != '\0' && p[i] != ' ') return -1;
  *out = v;
  return 0;
}

/* Reads path into a; returns 0, or -1 with a message. */
static int archive_read(const char *path, case_archive *a, char *msg,
                        size_t n) {
  memset(a, 0, sizeof *a);
  a->bytes = read_all(path, &a->size);
  if (!a->bytes) {
    snprintf(msg, n, "cannot read %s", path);
    return -1;
  }
  size_t off = 0;
  while (off + 512 <= a->size) {
    const uint8_t *h = a->bytes + off;
    if (h[0] == '\0') break; /* end-of-archive blocks */
    size_t size = 0;
    if (parse_octal(h + 124, 12, &size) != 0 || size > a->size - off - 512) {
      snprintf(msg, n, "%s: bad member size at offset %zu", path, off);
      return -1;
    }
    if ((h[156] == '0' || h[156] == '\0') && a->n < TAR_MAX_MEMBERS) {
      tar_member *m = &a->m[a->n++];
      memcpy(m->name, h, 100);
      m->name[100] = '\0';
      m->data = h + 512;
      m->size = size;
    }
    off += 512 + (size + 511) / 512 * 512;
  }
  return 0;
}

static const tar_member *archive_find(const case_archive *a, const char *name) {
  for (int i = 0; i < a->n; i++) {
    const char *nm = a->m[i].name;
    if (strncmp(nm, "./", 2) == 0) nm += 2;
    if (strcmp(nm, name) == 0) return &a->m[i];
  }
  return NULL;
}

/* Member name as npy array; returns 0, 1 when absent, -1 on a bad file. */
static int archive_npy(const case_archive *a, const char *name, npy_array *out,
                       char *msg, size_t n) {
  const tar_member *m = archive_find(a, name);
  if (!m) return 1;
  char err[512];
  if (npy_parse(m->data, m->size, out, err, sizeof err) != 0) {
    snprintf(msg, n, "%s: %s", name, err);
    return -1;
  }
  return 0;
}

/* Finds tests/oracle/cases; returns 0 and fills dir. */
static int find_cases_dir(char *dir, size_t n) {
  const char *env = getenv("TFLC_SOURCE_DIR");
  char probe[1200];
  if (env && *env) {
    snprintf(dir, n, "%s/tests/oracle/cases", env);
    snprintf(probe, sizeof probe, "%s/INDEX.tsv", dir);
    return file_exists(probe) ? 0 : -1;
  }
  const char *file = __FILE__;
  const char *tail = strstr(file, "tests/ops/test_oracle_fixtures.c");
  if (tail) {
    snprintf(dir, n, "%.*stests/oracle/cases", (int)(tail - file), file);
    snprintf(probe, sizeof probe, "%s/INDEX.tsv", dir);
    if (file_exists(probe)) return 0;
  }
  snprintf(dir, n, "tests/oracle/cases");
  snprintf(probe, sizeof probe, "%s/INDEX.tsv", dir);
  return file_exists(probe) ? 0 : -1;
}

/* Splits a line on tabs in place; returns the number of fields. */
static int split_tabs(char *line, char **fields, int max) {
  int n = 0;
  char *p = line;
  while (n < max) {
    fields[n++] = p;
    char *t = strchr(p, '\t');
    if (!t) break;
    *t = '\0';
    p = t + 1;
  }
  return n;
}

static double elem_as_double(TfLiteType t, const void *data, size_t i) {
  switch (t) {
    case kTfLiteFloat32: return ((const float *)data)[i];
    case kTfLiteFloat64: return ((const double *)data)[i];
    case kTfLiteInt32: return ((const int32_t *)data)[i];
    case kTfLiteUInt32: return ((const uint32_t *)data)[i];
    case kTfLiteInt64: return (double)((const int64_t *)data)[i];
    case kTfLiteUInt64: return (double)((const uint64_t *)data)[i];
    case kTfLiteInt16: return ((const int16_t *)data)[i];
    case kTfLiteUInt16: return ((const uint16_t *)data)[i];
    case kTfLiteInt8: return ((const int8_t *)data)[i];
    case kTfLiteUInt8: return ((const uint8_t *)data)[i];
    case kTfLiteBool: return ((const uint8_t *)data)[i];
    default: return 0;
  }
}

/* Compares one output with its expected array; returns 0 when it matches,
 * else writes a description into msg. */
static int compare_output(const TfLiteTensor *t, const npy_array *want,
                          double atol, double rtol, int int_tol, char *msg,
                          size_t n) {
  TfLiteType type = TfLiteTensorType(t);
  if (type != want->type) {
    snprintf(msg, n, "type %s, expected %s", TfLiteTypeGetName(type),
             TfLiteTypeGetName(want->type));
    return -1;
  }
  int rank = TfLiteTensorNumDims(t);
  int same = rank == want->rank;
  for (int d = 0; same && d < rank; d++)
    same = TfLiteTensorDim(t, d) == want->shape[d];
  if (!same) {
    char got_s[128] = "", want_s[128] = "";
    for (int d = 0; d < rank && d < 16; d++)
      snprintf(got_s + strlen(got_s), sizeof got_s - strlen(got_s), "%s%d",
               d ? "," : "", TfLiteTensorDim(t, d));
    for (int d = 0; d < want->rank && d < 16; d++)
      snprintf(want_s + strlen(want_s), sizeof want_s - strlen(want_s), "%s%d",
               d ? "," : "", want->shape[d]);
    snprintf(msg, n, "shape [%s], expected [%s]", got_s, want_s);
    return -1;
  }
  if (TfLiteTensorByteSize(t) != want->bytes) {
    snprintf(msg, n, "%zu bytes, expected %zu", TfLiteTensorByteSize(t),
             want->bytes);
    return -1;
  }
  const void *got = TfLiteTensorData(t);
  if (want->bytes && !got) {
    snprintf(msg, n, "output has no data");
    return -1;
  }
  int is_float = type == kTfLiteFloat32 || type == kTfLiteFloat64;
  size_t bad = 0, first = 0, worst = 0;
  double worst_excess = -1, max_int_diff = 0;
  for (size_t i = 0; i < want->count; i++) {
    double g = elem_as_double(type, got, i);
    double w = elem_as_double(type, want->data, i);
    int ok;
    double excess = 0;
    if (is_float) {
      if (isnan(w) || isnan(g)) {
        ok = isnan(w) && isnan(g);
      } else if (isinf(w) || isinf(g)) {
        ok = g == w;
      } else {
        double lim = atol + rtol * fabs(w);
        excess = fabs(g - w) - lim;
        ok = excess <= 0;
      }
    } else if (type == kTfLiteInt64 || type == kTfLiteUInt64) {
      int64_t gi, wi;
      memcpy(&gi, (const uint8_t *)got + i * 8, 8);
      memcpy(&wi, (const uint8_t *)want->data + i * 8, 8);
      uint64_t d =
          gi > wi ? (uint64_t)gi - (uint64_t)wi : (uint64_t)wi - (uint64_t)gi;
      ok = d <= (uint64_t)int_tol;
      if (!ok && (double)d > max_int_diff) max_int_diff = (double)d;
    } else {
      ok = fabs(g - w) <= int_tol;
      if (!ok && fabs(g - w) > max_int_diff) max_int_diff = fabs(g - w);
    }
    if (!ok) {
      if (!bad) first = i;
      bad++;
      if (!is_float || excess > worst_excess) {
        if (!is_float && bad > 1) continue;
        worst_excess = excess;
        worst = i;
      }
    }
  }
  if (!bad) return 0;
  size_t show = is_float ? worst : first;
  if (is_float)
    snprintf(msg, n,
             "%zu of %zu elements differ; worst element %zu: got %.9g, "
             "expected %.9g (|diff| %.3g, tol atol %g + rtol %g)",
             bad, want->count, show, elem_as_double(type, got, show),
             elem_as_double(type, want->data, show),
             fabs(elem_as_double(type, got, show) -
                  elem_as_double(type, want->data, show)),
             atol, rtol);
  else
    snprintf(msg, n,
             "%zu of %zu elements differ (max |diff| %.0f, int_tol %d); "
             "first element %zu: got %.9g, expected %.9g",
             bad, want->count, max_int_diff, int_tol, show,
             elem_as_double(type, got, show),
             elem_as_double(type, want->data, show));
  return -1;
}

enum { R_PASS, R_FAIL, R_ERROR, R_SKIP };

/* Runs one case; fills msg. */
static int run_case(const char *dir, const char *name, double atol, double rtol,
                    int xnnpack, int int_tol, char *msg, size_t n) {
  char path[1400];
  snprintf(path, sizeof path, "%s/%s.tar", dir, name);
  case_archive ar;
  if (archive_read(path, &ar, msg, n) != 0) {
    free(ar.bytes);
    return R_ERROR;
  }
  const tar_member *mm = archive_find(&ar, "model.tflite");
  if (!mm) {
    snprintf(msg, n, "%s has no model.tflite", path);
    free(ar.bytes);
    return R_ERROR;
  }
  /* the model is used in place: it outlives the interpreter */
  const uint8_t *bytes = mm->data;
  size_t size = mm->size;
  report_buf rep;
  rep.text[0] = '\0';
  int result = R_PASS;
  TfLiteInterpreter *it = NULL;
  TfLiteModel *model =
      TfLiteModelCreateWithErrorReporter(bytes, size, reporter, &rep);
  if (!model) {
    snprintf(msg, n, "model load failed: %s", rep.text);
    free(ar.bytes);
    return R_ERROR;
  }
  TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(opts, reporter, &rep);
  TflcInterpreterOptionsSetQuantizedRounding(
      opts, xnnpack ? kTflcRoundingXnnpack : kTflcRoundingReference);
  it = TfLiteInterpreterCreate(model, opts);
  TfLiteInterpreterOptionsDelete(opts);
  if (!it || TfLiteInterpreterAllocateTensors(it) != kTfLiteOk) {
    int unsupported = strstr(rep.text, "not supported") != NULL;
    snprintf(msg, n, "%s: %s",
             it ? "AllocateTensors failed" : "interpreter creation failed",
             rep.text);
    result = unsupported ? R_SKIP : R_ERROR;
    goto done;
  }
  int n_in = TfLiteInterpreterGetInputTensorCount(it);
  for (int i = 0; i < n_in; i++) {
    snprintf(path, sizeof path, "input_%d.npy", i);
    npy_array a;
    int rc = archive_npy(&ar, path, &a, msg, n);
    if (rc != 0) {
      if (rc > 0) snprintf(msg, n, "fixture has no %s", path);
      result = R_ERROR;
      goto done;
    }
    TfLiteTensor *t = TfLiteInterpreterGetInputTensor(it, i);
    if (TfLiteTensorType(t) != a.type ||
        TfLiteTensorCopyFromBuffer(t, a.data, a.bytes) != kTfLiteOk) {
      snprintf(msg, n,
               "input %d: cannot set %s data of %zu bytes into %s "
               "tensor of %zu bytes",
               i, TfLiteTypeGetName(a.type), a.bytes,
               TfLiteTypeGetName(TfLiteTensorType(t)), TfLiteTensorByteSize(t));
      npy_free(&a);
      result = R_ERROR;
      goto done;
    }
    npy_free(&a);
  }
  snprintf(path, sizeof path, "input_%d.npy", n_in);
  if (archive_find(&ar, path)) {
    snprintf(msg, n, "fixture has more inputs than the model's %d", n_in);
    result = R_ERROR;
    goto done;
  }
  if (TfLiteInterpreterInvoke(it) != kTfLiteOk) {
    snprintf(msg, n, "Invoke failed: %s", rep.text);
    result = R_ERROR;
    goto done;
  }
  int n_out = TfLiteInterpreterGetOutputTensorCount(it);
  msg[0] = '\0';
  for (int i = 0; i < n_out; i++) {
    snprintf(path, sizeof path, "output_%d.npy", i);
    npy_array want;
    int rc = archive_npy(&ar, path, &want, msg, n);
    if (rc != 0) {
      if (rc > 0) snprintf(msg, n, "fixture has no %s", path);
      result = R_ERROR;
      goto done;
    }
    char why[512];
    if (compare_output(TfLiteInterpreterGetOutputTensor(it, i), &want, atol,
                       rtol, int_tol, why, sizeof why) != 0) {
      size_t used = strlen(msg);
      snprintf(msg + used, n - used, "%soutput %d: %s", used ? "; " : "", i,
               why);
      result = R_FAIL;
    }
    npy_free(&want);
  }
  snprintf(path, sizeof path, "output_%d.npy", n_out);
  if (result == R_PASS && archive_find(&ar, path)) {
    snprintf(msg, n, "fixture has more outputs than the model's %d", n_out);
    result = R_ERROR;
  }
done:
  if (it) TfLiteInterpreterDelete(it);
  TfLiteModelDelete(model);
  free(ar.bytes);
  return result;
}

/* ---- coverage notes ---------------------------------------------------- */

#include "kernels/kernel_list.h"
#define OF_NAME(name, reg) #name,
static const char *const kRegisteredNames[] = {KERNELS(OF_NAME)};
#undef OF_NAME

#define MAX_COVERED 512
static char *covered[MAX_COVERED];
static int covered_ok[MAX_COVERED]; /* 1: some case has oracle outputs */
static int n_covered = 0;

static void note_ops(const char *ops, int ok) {
  char buf[512];
  snprintf(buf, sizeof buf, "%s", ops);
  for (char *tok = strtok(buf, "+"); tok; tok = strtok(NULL, "+")) {
    int seen = -1;
    for (int i = 0; i < n_covered && seen < 0; i++)
      if (strcmp(covered[i], tok) == 0) seen = i;
    if (seen >= 0) {
      covered_ok[seen] |= ok;
    } else if (n_covered < MAX_COVERED) {
      size_t len = strlen(tok) + 1;
      covered[n_covered] = malloc(len);
      if (covered[n_covered]) {
        memcpy(covered[n_covered], tok, len);
        covered_ok[n_covered++] = ok;
      }
    }
  }
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  char dir[1024];
  if (find_cases_dir(dir, sizeof dir) != 0) {
    printf(
        "ERROR: tests/oracle/cases/INDEX.tsv not found (set "
        "TFLC_SOURCE_DIR to the source tree)\n");
    return 1;
  }
  char index_path[1200];
  snprintf(index_path, sizeof index_path, "%s/INDEX.tsv", dir);
  size_t size = 0;
  char *text = (char *)read_all(index_path, &size);
  if (!text) {
    printf("ERROR: cannot read %s\n", index_path);
    return 1;
  }
  char *tmp = realloc(text, size + 1);
  if (!tmp) {
    free(text);
    return 1;
  }
  text = tmp;
  text[size] = '\0';
  printf("fixtures: %s\n", dir);
  int counts[4] = {0, 0, 0, 0}, refused = 0, not_comparable = 0;
  char *next = text;
  while (next && *next) {
    char *line = next;
    char *nl = strchr(line, '\n');
    if (nl) *nl = '\0';
    next = nl ? nl + 1 : NULL;
    size_t len = strlen(line);
    if (len && line[len - 1] == '\r') line[--len] = '\0';
    if (!len || line[0] == '#') continue;
    char *f[12];
    int nf = split_tabs(line, f, 12);
    if (nf < 9) {
      printf("ERROR: malformed INDEX.tsv line: %s\n", line);
      counts[R_ERROR]++;
      continue;
    }
    const char *name = f[0], *ops = f[1], *status = f[3];
    if (strncmp(status, "not comparable", 14) == 0) {
      note_ops(ops, 0);
      printf("NOT-COMPARABLE %s (%s): %s\n", name, ops, status);
      not_comparable++;
      continue;
    }
    if (strcmp(status, "ok") != 0) {
      note_ops(ops, 0);
      printf("REFUSED-BY-ORACLE %s (%s): %s\n", name, ops, status);
      refused++;
      continue;
    }
    note_ops(ops, 1);
    double atol = atof(f[4]), rtol = atof(f[5]);
    if (atol <= 0) atol = 1e-5;
    if (rtol <= 0) rtol = 1e-5;
    int xnnpack = strcmp(f[6], "xnnpack") == 0;
    int int_tol = atoi(f[7]);
    char msg[MSG_SIZE + 256];
    msg[0] = '\0';
    int r = run_case(dir, name, atol, rtol, xnnpack, int_tol, msg, sizeof msg);
    static const char *const kLabel[] = {"PASS", "FAIL", "ERROR",
                                         "SKIP-unsupported"};
    char mode[64] = "";
    if (int_tol)
      snprintf(mode, sizeof mode, " [%sint_tol %d]", xnnpack ? "xnnpack, " : "",
               int_tol);
    else if (xnnpack)
      snprintf(mode, sizeof mode, " [xnnpack]");
    printf("%s %s (%s)%s%s%s\n", kLabel[r], name, ops, mode, msg[0] ? ": " : "",
           msg);
    counts[r]++;
  }
  for (size_t i = 0; i < sizeof kRegisteredNames / sizeof kRegisteredNames[0];
       i++) {
    int seen = -1;
    for (int k = 0; k < n_covered && seen < 0; k++)
      if (strcmp(covered[k], kRegisteredNames[i]) == 0) seen = k;
    if (seen < 0)
      printf(
          "note: registered op %s has no oracle fixture yet (add a case "
          "to tests/oracle/make_oracle_models.c and run "
          "tests/oracle/regenerate.sh)\n",
          kRegisteredNames[i]);
    else if (!covered_ok[seen])
      printf(
          "note: registered op %s is not cross-checked: the oracle "
          "refuses its cases or cannot run it\n",
          kRegisteredNames[i]);
  }
  for (int i = 0; i < n_covered; i++) free(covered[i]);
  free(text);
  printf(
      "%d passed, %d failed, %d errors, %d skipped (unsupported), %d "
      "refused by the oracle, %d not comparable\n",
      counts[R_PASS], counts[R_FAIL], counts[R_ERROR], counts[R_SKIP], refused,
      not_comparable);
  return counts[R_FAIL] || counts[R_ERROR] ? 1 : 0;
}
