/* Op tests of the HASHTABLE family: HASHTABLE creates a table resource,
 * HASHTABLE_IMPORT fills it once (later imports ignored, first of
 * duplicate keys wins), HASHTABLE_FIND looks keys up (default value for
 * misses), HASHTABLE_SIZE counts entries. INT64 -> STRING and STRING ->
 * INT64 (what TensorFlow Lite builds) and INT64 -> FLOAT32, each against a
 * plain reference (linear search); errors at prepare (types, shapes, a
 * table re-declared with other types) and at invoke. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"
#include "tflc/tflc.h"

static size_t make_strbuf(uint8_t *buf, const char *const *s, int n) {
  size_t off = 4 * ((size_t)n + 2);
  int32_t v = n;
  memcpy(buf, &v, 4);
  for (int i = 0; i <= n; i++) {
    v = (int32_t)off;
    memcpy(buf + 4 + 4 * (size_t)i, &v, 4);
    if (i < n) {
      memcpy(buf + off, s[i], strlen(s[i]));
      off += strlen(s[i]);
    }
  }
  return off;
}

/* A constant of type tt holding n values (strings for STRING). */
static int add_const(tm_model *m, int8_t tt, int n, const void *vals,
                     const char *name) {
  int s[1] = {n};
  if (tt == TFLC_TT_STRING) {
    static uint8_t buf[8][512];
    static int k = 0;
    uint8_t *b = buf[k++ % 8];
    return tm_const(m, tt, s, 1, b,
                    make_strbuf(b, (const char *const *)vals, n), name);
  }
  return tm_const(m, tt, s, 1, vals, (size_t)n * (tt == TFLC_TT_INT64 ? 8 : 4),
                  name);
}

typedef struct ht_case {
  int8_t kt, vt;
  int n;
  const void *keys, *values;
  const void *dflt;
  int nq;
  const void *query;   /* int64_t[] or const char *[] */
  int second_table_vt; /* >= 0: a second HASHTABLE with the same id and this
                          value type */
  int values_n;        /* number of values (default n) */
} ht_case;

static uint8_t *ht_build(const ht_case *c, size_t *size, int *q_tensor) {
  tm_model *m = tm_create();
  int s1[1] = {1}, sq[1] = {c->nq};
  int handle = tm_tensor(m, TFLC_TT_RESOURCE, s1, 1, "handle");
  tflc_opt_field f[3] = {tm_opt_int(0, TFLC_OPT_I32, 7),
                         tm_opt_int(1, TFLC_OPT_I8, c->kt),
                         tm_opt_int(2, TFLC_OPT_I8, c->vt)};
  tm_op(m, TFLC_OP_HASHTABLE, NULL, NULL, 0, &handle, 1, TFLC_BO_HASHTABLE, f,
        3);
  if (c->second_table_vt >= 0) {
    int h2 = tm_tensor(m, TFLC_TT_RESOURCE, s1, 1, "handle2");
    tflc_opt_field f2[3] = {f[0], f[1],
                            tm_opt_int(2, TFLC_OPT_I8, c->second_table_vt)};
    tm_op(m, TFLC_OP_HASHTABLE, NULL, NULL, 0, &h2, 1, TFLC_BO_HASHTABLE, f2,
          3);
  }
  int keys = add_const(m, c->kt, c->n, c->keys, "keys");
  int values = add_const(m, c->vt, c->values_n ? c->values_n : c->n, c->values,
                         "values");
  int imp[3] = {handle, keys, values};
  tm_op(m, TFLC_OP_HASHTABLE_IMPORT, NULL, imp, 3, NULL, 0, 0, NULL, 0);
  int q = tm_tensor(m, c->kt, sq, 1, "query");
  int d = add_const(m, c->vt, 1, c->dflt, "default");
  int out = tm_tensor(m, c->vt, sq, 1, "found");
  int fi[3] = {handle, q, d};
  tm_op(m, TFLC_OP_HASHTABLE_FIND, NULL, fi, 3, &out, 1, 0, NULL, 0);
  int sz = tm_tensor(m, TFLC_TT_INT64, s1, 1, "size");
  tm_op(m, TFLC_OP_HASHTABLE_SIZE, NULL, &handle, 1, &sz, 1, 0, NULL, 0);
  int outs[2] = {out, sz};
  tm_io(m, &q, 1, outs, 2);
  *q_tensor = q;
  uint8_t *b = tm_finish(m, size);
  tm_free(m);
  return b;
}

static int key_eq(int8_t kt, const void *keys, int i, const void *query,
                  int j) {
  if (kt == TFLC_TT_STRING)
    return strcmp(((const char *const *)keys)[i],
                  ((const char *const *)query)[j]) == 0;
  return ((const int64_t *)keys)[i] == ((const int64_t *)query)[j];
}

static void run_case(const ht_case *c, const char *label) {
  size_t size;
  int q;
  uint8_t *b = ht_build(c, &size, &q);
  char err[1024] = "";
  TfLiteInterpreter *it = tm_interpreter(b, size, err, sizeof err);
  CHECK_MSG(it != NULL, "%s: %s", label, err);
  if (!it) {
    free(b);
    return;
  }
  /* Reference: distinct keys (first wins). */
  int distinct = 0;
  for (int i = 0; i < c->n; i++) {
    int dup = 0;
    for (int k = 0; k < i; k++) dup |= key_eq(c->kt, c->keys, k, c->keys, i);
    distinct += !dup;
  }
  for (int round = 0; round < 2; round++) {
    int sq[1] = {c->nq};
    if (c->kt == TFLC_TT_STRING) {
      size_t lens[16];
      for (int j = 0; j < c->nq; j++)
        lens[j] = strlen(((const char *const *)c->query)[j]);
      CHECK(TflcInterpreterSetTensorStrings(it, q,
                                            (const char *const *)c->query, lens,
                                            c->nq, sq, 1) == kTfLiteOk);
    } else {
      CHECK(TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(it, 0),
                                       c->query,
                                       8 * (size_t)c->nq) == kTfLiteOk);
    }
    CHECK_MSG(TfLiteInterpreterInvoke(it) == kTfLiteOk, "%s: %s", label,
              TflcInterpreterGetLastError(it));
    const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(it, 0);
    const TfLiteTensor *sz = TfLiteInterpreterGetOutputTensor(it, 1);
    CHECK_EQ_INT(((const int64_t *)TfLiteTensorData(sz))[0], distinct);
    for (int j = 0; j < c->nq; j++) {
      int row = -1;
      for (int i = 0; i < c->n && row < 0; i++)
        if (key_eq(c->kt, c->keys, i, c->query, j)) row = i;
      if (c->vt == TFLC_TT_STRING) {
        const char *want = row >= 0 ? ((const char *const *)c->values)[row]
                                    : ((const char *const *)c->dflt)[0];
        const char *p;
        size_t len;
        CHECK(TflcTensorGetString(o, j, &p, &len) == kTfLiteOk);
        CHECK_MSG(len == strlen(want) && memcmp(p, want, len) == 0,
                  "%s: query %d gives '%.*s', want '%s'", label, j, (int)len, p,
                  want);
      } else if (c->vt == TFLC_TT_INT64) {
        int64_t want = row >= 0 ? ((const int64_t *)c->values)[row]
                                : ((const int64_t *)c->dflt)[0];
        CHECK_EQ_INT(((const int64_t *)TfLiteTensorData(o))[j], want);
      } else {
        float want = row >= 0 ? ((const float *)c->values)[row]
                              : ((const float *)c->dflt)[0];
        CHECK(((const float *)TfLiteTensorData(o))[j] == want);
      }
    }
  }
  tm_interpreter_delete(it);
  free(b);
}

static void expect_error(const ht_case *c, const char *needle,
                         const char *label) {
  size_t size;
  int q;
  uint8_t *b = ht_build(c, &size, &q);
  char err[1024] = "";
  TfLiteInterpreter *it = tm_interpreter(b, size, err, sizeof err);
  CHECK_MSG(it == NULL, "%s: expected an error", label);
  CHECK_CONTAINS(err, needle);
  if (it) tm_interpreter_delete(it);
  free(b);
}

int main(void) {
  static const int64_t ik[5] = {10, -3, 7, 10, 1LL << 40};
  static const char *sv[5] = {"ten", "minus three", "", "ten again", "big"};
  static const char *sd[1] = {"<unk>"};
  static const int64_t iq[6] = {7, 10, 11, -3, 1LL << 40, 0};
  ht_case a = {TFLC_TT_INT64, TFLC_TT_STRING, 5, ik, sv, sd, 6, iq, -1, 0};
  run_case(&a, "int64 -> string");
  static const char *sk[4] = {"apple", "pear", "", "fig"};
  static const int64_t iv[4] = {1, 2, 3, 4};
  static const int64_t idf[1] = {-1};
  static const char *sq[5] = {"fig", "apples", "", "apple", "Pear"};
  ht_case b = {TFLC_TT_STRING, TFLC_TT_INT64, 4, sk, iv, idf, 5, sq, -1, 0};
  run_case(&b, "string -> int64");
  static const float fv[5] = {1.5f, -2.0f, 0.25f, 9.0f, 3.0f};
  static const float fd[1] = {-7.5f};
  ht_case c = {TFLC_TT_INT64, TFLC_TT_FLOAT32, 5, ik, fv, fd, 6, iq, -1, 0};
  run_case(&c, "int64 -> float32");
  /* Errors. */
  ht_case bad = a;
  bad.kt = TFLC_TT_INT32;
  expect_error(&bad, "are not supported", "int32 keys");
  bad = a;
  bad.second_table_vt = TFLC_TT_INT64;
  expect_error(&bad,
               "hash table 7 exists as INT64 -> STRING, not INT64 -> INT64",
               "table types");
  bad = a;
  bad.values_n = 4;
  expect_error(&bad, "keys and values must have the same shape",
               "import shapes");
  return CHECK_DONE();
}
