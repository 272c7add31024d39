/* Op tests of the lookup and hashing ops: EMBEDDING_LOOKUP (float, copied
 * int8, hybrid int8 -> float with per-tensor and per-row scales),
 * EMBEDDING_LOOKUP_SPARSE (SUM / MEAN / SQRTN against a plain reference,
 * constant and run-time dense_shape), HASHTABLE_LOOKUP (numeric and STRING
 * values, hits), LSH_PROJECTION (TensorFlow Lite's published test vectors;
 * FarmHash Fingerprint64 vectors computed with Google's C++ farmhash) and
 * SKIP_GRAM (against a plain recursive reference), with their errors: ids
 * and indices out of range name the value at invoke. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernels/internal/farmhash.h"
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

/* ---- EMBEDDING_LOOKUP ---- */

static void test_embedding_lookup(void) {
  int ids_s[1] = {4}, val_s[3] = {3, 2, 2};
  int32_t ids[4] = {2, 0, 2, 1};
  float table[12];
  for (int i = 0; i < 12; i++) table[i] = (float)i * 0.5f - 1.0f;
  oo_tensor in[2] = {{TFLC_TT_INT32, ids_s, 1, ids, 0, 0, NULL, NULL, 0},
                     {TFLC_TT_FLOAT32, val_s, 3, table, 1, 0, NULL, NULL, 0}};
  int out_s[3] = {4, 2, 2};
  oo_op op = {TFLC_OP_EMBEDDING_LOOKUP,
              0,
              NULL,
              0,
              in,
              2,
              {TFLC_TT_FLOAT32, out_s, 3, NULL, 0, 0, NULL, NULL, 0}};
  float want[16];
  for (int i = 0; i < 4; i++) memcpy(want + 4 * i, table + 4 * ids[i], 16);
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, "embedding float");
  if (t) {
    oo_check_shape(t, out_s, 3, "embedding float");
    oo_check_f32(t, want, 16, 0, "embedding float");
  }
  oo_free(&r);
  /* int8 copied, and hybrid with per-tensor / per-row scales. */
  int8_t q[12];
  for (int i = 0; i < 12; i++) q[i] = (int8_t)(i * 11 - 60);
  float scales[3] = {0.5f, 0.25f, 2.0f};
  int64_t zps[3] = {0, 0, 0};
  for (int mode = 0; mode < 3; mode++) {
    oo_tensor qi[2] = {
        {TFLC_TT_INT32, ids_s, 1, ids, 0, 0, NULL, NULL, 0},
        {TFLC_TT_INT8, val_s, 3, q, 1, mode == 2 ? 3 : 1, scales, zps, 0}};
    oo_op qop = {TFLC_OP_EMBEDDING_LOOKUP,
                 0,
                 NULL,
                 0,
                 qi,
                 2,
                 {mode == 0 ? TFLC_TT_INT8 : TFLC_TT_FLOAT32, out_s, 3, NULL, 0,
                  0, NULL, NULL, 0}};
    if (mode == 0) {
      qop.out.n_quant = 1;
      qop.out.scales = scales;
      qop.out.zero_points = zps;
    }
    t = oo_run_op(&qop, &r, "embedding int8");
    if (t && mode == 0) {
      int8_t wq[16];
      for (int i = 0; i < 4; i++) memcpy(wq + 4 * i, q + 4 * ids[i], 4);
      oo_check_bytes(t, wq, 16, "embedding int8 copy");
    } else if (t) {
      float wf[16];
      for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
          wf[4 * i + j] = (float)(q[4 * ids[i] + j] *
                                  (double)scales[mode == 2 ? ids[i] : 0]);
      oo_check_f32(t, wf, 16, 0,
                   mode == 2 ? "embedding hybrid per-row" : "embedding hybrid");
    }
    oo_free(&r);
  }
  /* An id out of range. */
  int32_t bad[4] = {0, 1, 3, 0};
  in[0].data = bad;
  CHECK(oo_build(&op, &r) == 0);
  if (r.it) {
    CHECK(oo_invoke(&op, &r) != kTfLiteOk);
    CHECK_CONTAINS(r.err, "id 3 at position 2 is out of range [0, 3)");
  }
  oo_free(&r);
  in[0].data = ids;
  in[0].tt = TFLC_TT_INT64;
  oo_expect_error(&op, "ids type INT64 must be INT32", "ids type");
}

/* ---- EMBEDDING_LOOKUP_SPARSE ---- */

static void ref_els(int combiner, const int32_t *ids, const int32_t *idx, int n,
                    int r, const int32_t *shape, const float *w,
                    const float *val, int emb, float *out, int out_rows) {
  memset(out, 0, sizeof(float) * (size_t)(out_rows * emb));
  for (int b = 0; b < out_rows; b++) {
    float ws = 0, wq = 0;
    int cnt = 0;
    for (int i = 0; i < n; i++) {
      int bucket = 0;
      for (int k = 0; k < r - 1; k++)
        bucket = bucket * shape[k] + idx[i * r + k];
      if (bucket != b) continue;
      cnt++;
      ws += w[i];
      wq += w[i] * w[i];
      for (int e = 0; e < emb; e++)
        out[b * emb + e] += val[ids[i] * emb + e] * w[i];
    }
    if (cnt && combiner)
      for (int e = 0; e < emb; e++)
        out[b * emb + e] /= combiner == 1 ? ws : sqrtf(wq);
  }
}

static void test_els(void) {
  /* TensorFlow Lite's documented example: params 10x4, ids/weights
   * [0,0]:1 w2.0, [0,1]:3 w0.5, [1,0]:0 w1.0, [2,3]:1 w3.0. */
  int32_t ids[4] = {1, 3, 0, 1}, idx[8] = {0, 0, 0, 1, 1, 0, 2, 3},
          shape[2] = {3, 4};
  float w[4] = {2.0f, 0.5f, 1.0f, 3.0f}, val[40];
  for (int i = 0; i < 40; i++)
    val[i] = (float)(i % 7) - 2.5f + (float)i * 0.01f;
  int s4[1] = {4}, si[2] = {4, 2}, ss[1] = {2}, sv[2] = {10, 4}, so[2] = {3, 4};
  for (int comb = 0; comb < 3; comb++) {
    for (int const_shape = 0; const_shape < 2; const_shape++) {
      oo_tensor in[5] = {
          {TFLC_TT_INT32, s4, 1, ids, 0, 0, NULL, NULL, 0},
          {TFLC_TT_INT32, si, 2, idx, 0, 0, NULL, NULL, 0},
          {TFLC_TT_INT32, ss, 1, shape, const_shape, 0, NULL, NULL, 0},
          {TFLC_TT_FLOAT32, s4, 1, w, 0, 0, NULL, NULL, 0},
          {TFLC_TT_FLOAT32, sv, 2, val, 1, 0, NULL, NULL, 0}};
      tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, comb);
      oo_op op = {TFLC_OP_EMBEDDING_LOOKUP_SPARSE,
                  TFLC_BO_EMBEDDING_LOOKUP_SPARSE,
                  &f,
                  1,
                  in,
                  5,
                  {TFLC_TT_FLOAT32, so, 2, NULL, 0, 0, NULL, NULL, 0}};
      float want[12];
      ref_els(comb, ids, idx, 4, 2, shape, w, val, 4, want, 3);
      oo_run r;
      const TfLiteTensor *t = oo_run_op(&op, &r, "els");
      if (t) {
        oo_check_shape(t, so, 2, "els shape");
        oo_check_f32(t, want, 12, 1e-6,
                     comb == 0   ? "els SUM"
                     : comb == 1 ? "els MEAN"
                                 : "els SQRTN");
      }
      oo_free(&r);
    }
  }
  /* 3-D indices (rank-3 sparse tensor, 2x2 output rows) and errors. */
  int32_t ids3[3] = {4, 5, 6}, idx3[9] = {0, 1, 0, 1, 0, 5, 1, 0, 7},
          shape3[3] = {2, 2, 9};
  float w3[3] = {1.0f, -2.0f, 0.5f};
  int s3[1] = {3}, si3[2] = {3, 3}, ss3[1] = {3}, so3[3] = {2, 2, 4};
  oo_tensor in3[5] = {{TFLC_TT_INT32, s3, 1, ids3, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_INT32, si3, 2, idx3, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_INT32, ss3, 1, shape3, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, s3, 1, w3, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, sv, 2, val, 1, 0, NULL, NULL, 0}};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, 1);
  oo_op op3 = {TFLC_OP_EMBEDDING_LOOKUP_SPARSE,
               TFLC_BO_EMBEDDING_LOOKUP_SPARSE,
               &f,
               1,
               in3,
               5,
               {TFLC_TT_FLOAT32, so3, 3, NULL, 0, 0, NULL, NULL, 0}};
  float want3[16];
  ref_els(1, ids3, idx3, 3, 3, shape3, w3, val, 4, want3, 4);
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op3, &r, "els 3-D");
  if (t) {
    oo_check_shape(t, so3, 3, "els 3-D shape");
    oo_check_f32(t, want3, 16, 1e-6, "els 3-D MEAN");
  }
  oo_free(&r);
  ids3[1] = 10;
  CHECK(oo_build(&op3, &r) == 0);
  if (r.it) {
    CHECK(oo_invoke(&op3, &r) != kTfLiteOk);
    CHECK_CONTAINS(r.err, "id 10 at position 1 is out of range [0, 10)");
  }
  oo_free(&r);
  ids3[1] = 5;
  idx3[3] = 2;
  CHECK(oo_build(&op3, &r) == 0);
  if (r.it) {
    CHECK(oo_invoke(&op3, &r) != kTfLiteOk);
    CHECK_CONTAINS(r.err, "indices[1][0] = 2 is out of range [0, 2)");
  }
  oo_free(&r);
  f.i = 3;
  oo_expect_error(&op3, "combiner 3 is not supported", "els combiner");
}

/* ---- HASHTABLE_LOOKUP ---- */

static void test_hashtable_lookup(void) {
  int32_t keys[5] = {-3, 1, 4, 9, 20}, look[6] = {4, 5, -3, 20, 0, 9};
  float vals[10];
  for (int i = 0; i < 10; i++) vals[i] = (float)i + 0.25f;
  for (int strings = 0; strings < 2; strings++) {
    tm_model *m = tm_create();
    int sl[1] = {6}, sk[1] = {5}, sv[2] = {5, 2}, so[2] = {6, 2};
    int tl = tm_tensor(m, TFLC_TT_INT32, sl, 1, "lookup");
    int tk = tm_const(m, TFLC_TT_INT32, sk, 1, keys, sizeof keys, "keys");
    static const char *sv_s[5] = {"minus three", "one", "four", "", "twenty"};
    uint8_t buf[256];
    int tv = strings ? tm_const(m, TFLC_TT_STRING, sk, 1, buf,
                                make_strbuf(buf, sv_s, 5), "values")
                     : tm_const(m, TFLC_TT_FLOAT32, sv, 2, vals, sizeof vals,
                                "values");
    int out = strings ? tm_tensor(m, TFLC_TT_STRING, sl, 1, "out")
                      : tm_tensor(m, TFLC_TT_FLOAT32, so, 2, "out");
    int hits = tm_tensor(m, TFLC_TT_UINT8, sl, 1, "hits");
    int ins[3] = {tl, tk, tv}, outs[2] = {out, hits};
    tm_op(m, TFLC_OP_HASHTABLE_LOOKUP, NULL, ins, 3, outs, 2, 0, NULL, 0);
    tm_io(m, &tl, 1, outs, 2);
    size_t size;
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    char err[512] = "";
    TfLiteInterpreter *it = tm_interpreter(b, size, err, sizeof err);
    CHECK_MSG(it != NULL, "hashtable_lookup: %s", err);
    if (it) {
      TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(it, 0), look,
                                 sizeof look);
      CHECK(TfLiteInterpreterInvoke(it) == kTfLiteOk);
      const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(it, 0);
      const uint8_t *h =
          TfLiteTensorData(TfLiteInterpreterGetOutputTensor(it, 1));
      for (int i = 0; i < 6; i++) {
        int row = -1;
        for (int k = 0; k < 5; k++)
          if (keys[k] == look[i]) row = k;
        CHECK_EQ_INT(h[i], row >= 0);
        if (strings) {
          const char *p;
          size_t len;
          const char *want = row >= 0 ? sv_s[row] : "";
          CHECK(TflcTensorGetString(o, i, &p, &len) == kTfLiteOk &&
                len == strlen(want) && memcmp(p, want, len) == 0);
        } else {
          const float *f = TfLiteTensorData(o);
          CHECK(f[2 * i] == (row >= 0 ? vals[2 * row] : 0.0f) &&
                f[2 * i + 1] == (row >= 0 ? vals[2 * row + 1] : 0.0f));
        }
      }
      tm_interpreter_delete(it);
    }
    free(b);
  }
}

/* ---- LSH_PROJECTION ---- */

static void lsh_case(int type, const int *in_s, int in_rank,
                     const int32_t *input, const float *weight,
                     const int32_t *want, int n_want, const char *label) {
  static const float hash[6] = {0.123f, 0.456f, -0.321f,
                                1.234f, 5.678f, -4.321f};
  int hs[2] = {3, 2}, ws[1] = {in_s[0]}, os[1] = {n_want};
  oo_tensor in[3] = {{TFLC_TT_FLOAT32, hs, 2, hash, 1, 0, NULL, NULL, 0},
                     {TFLC_TT_INT32, in_s, in_rank, input, 0, 0, NULL, NULL, 0},
                     {TFLC_TT_FLOAT32, ws, 1, weight, 0, 0, NULL, NULL, 0}};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, type);
  oo_op op = {TFLC_OP_LSH_PROJECTION,
              TFLC_BO_LSH_PROJECTION,
              &f,
              1,
              in,
              weight ? 3 : 2,
              {TFLC_TT_INT32, os, 1, NULL, 0, 0, NULL, NULL, 0}};
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, label);
  if (t) oo_check_bytes(t, want, sizeof(int32_t) * (size_t)n_want, label);
  oo_free(&r);
}

static void test_lsh(void) {
  /* Fingerprint64 of bytes (i * 37 + 11) & 255, from Google's farmhash. */
  static const struct {
    int len;
    uint64_t h;
  } fv[] = {{0, 11160318154034397263ull},   {1, 4787810249829893994ull},
            {3, 3979540680440595841ull},    {4, 14708324829907283305ull},
            {8, 9029840561075318013ull},    {16, 15579719139305551062ull},
            {17, 6692022265393568454ull},   {32, 11543571239247179175ull},
            {33, 9480451918888261270ull},   {64, 4226431515964725ull},
            {65, 18101669290602532278ull},  {100, 669828348884226933ull},
            {128, 3742283891066476345ull},  {129, 14054188206783653085ull},
            {1000, 14329278931567331828ull}};
  static uint8_t bytes[1000];
  for (int i = 0; i < 1000; i++) bytes[i] = (uint8_t)((i * 37 + 11) & 255);
  for (size_t i = 0; i < sizeof fv / sizeof fv[0]; i++)
    CHECK_MSG(farmhash_fingerprint64(bytes, (size_t)fv[i].len) == fv[i].h,
              "fingerprint64 of %d bytes", fv[i].len);
  /* TensorFlow Lite's LSH_PROJECTION tests (little-endian results). */
  static const int32_t in1[5] = {12345, 54321, 67890, 9876, -12345678};
  static const float w1[5] = {1, 1, 1, 1, 1};
  int s5[1] = {5};
  static const int32_t dense_want[6] = {0, 0, 0, 1, 0, 0};
  lsh_case(2, s5, 1, in1, w1, dense_want, 6, "lsh dense 1-D");
  static const int32_t sparse_want[3] = {0 + 0, 4 + 1, 8 + 0};
  lsh_case(1, s5, 1, in1, NULL, sparse_want, 3, "lsh sparse 1-D");
  static const int32_t in3[20] = {1234, 2345, 3456, 1234, 4567, 5678, 6789,
                                  4567, 7891, 8912, 9123, 7890, -987, -876,
                                  -765, -987, -543, -432, -321, -543};
  static const float w3[5] = {0.12f, 0.34f, 0.56f, 0.67f, 0.78f};
  int s3[3] = {5, 2, 2};
  static const int32_t sparse3_want[3] = {0 + 2, 4 + 1, 8 + 1};
  lsh_case(1, s3, 3, in3, w3, sparse3_want, 3, "lsh sparse 3-D");
  /* Errors. */
  int hs[2] = {3, 2}, os[1] = {3};
  static const float hash[33] = {0};
  oo_tensor in[2] = {{TFLC_TT_FLOAT32, hs, 2, hash, 1, 0, NULL, NULL, 0},
                     {TFLC_TT_INT32, s5, 1, in1, 0, 0, NULL, NULL, 0}};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, 0);
  oo_op op = {TFLC_OP_LSH_PROJECTION,
              TFLC_BO_LSH_PROJECTION,
              &f,
              1,
              in,
              2,
              {TFLC_TT_INT32, os, 1, NULL, 0, 0, NULL, NULL, 0}};
  oo_expect_error(&op, "projection type 0 is not supported", "lsh type");
  int hs33[2] = {1, 33};
  in[0].shape = hs33;
  f.i = 1;
  oo_expect_error(&op, "33 bits per hash function", "lsh bits");
}

/* ---- SKIP_GRAM ---- */

/* Plain reference: words split like the op, then every gram by recursion
 * over positions (first word any, then each next word at most max_skip + 1
 * after the previous), in the same depth-first order. */
static int ref_words(const char *s, int *start, int *len) {
  int n = 0, prev = 0, L = (int)strlen(s);
  for (int i = 1; i < L; i++) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
      if (i > prev && !(s[prev] == ' ' || s[prev] == '\t' || s[prev] == '\n')) {
        start[n] = prev;
        len[n++] = i - prev;
      }
      prev = i + 1;
    }
  }
  if (L > prev) {
    start[n] = prev;
    len[n++] = L - prev;
  }
  return n;
}

typedef struct gram_list {
  char g[256][64];
  int n;
} gram_list;

static void ref_grams(const char *s, const int *st, const int *ln, int nw,
                      int ngram, int skip, int all, int *stack, int depth,
                      gram_list *out) {
  if (depth > 0 && (all ? depth <= ngram : depth == ngram) && depth == ngram) {
    /* emitted after children below */
  }
  if (depth < ngram) {
    int first = depth == 0 ? 0 : stack[depth - 1] + 1;
    int last = depth == 0 ? nw - 1 : stack[depth - 1] + 1 + skip;
    for (int w = first; w <= last && w < nw; w++) {
      stack[depth] = w;
      ref_grams(s, st, ln, nw, ngram, skip, all, stack, depth + 1, out);
    }
  }
  if (depth > 0 && (all ? depth <= ngram : depth == ngram) && out->n < 256) {
    char *g = out->g[out->n++];
    g[0] = '\0';
    for (int i = 0; i < depth; i++) {
      if (i) strcat(g, " ");
      strncat(g, s + st[stack[i]], (size_t)ln[stack[i]]);
    }
  }
}

static void skip_gram_case(const char *sentence, int ngram, int skip, int all) {
  int st[64], ln[64], stack[16];
  int nw = ref_words(sentence, st, ln);
  static gram_list want;
  want.n = 0;
  if (nw >= ngram)
    ref_grams(sentence, st, ln, nw, ngram, skip, all, stack, 0, &want);
  tm_model *m = tm_create();
  int s1[1] = {1}, so[1] = {0};
  int in = tm_tensor(m, TFLC_TT_STRING, s1, 1, "in");
  int out = tm_tensor(m, TFLC_TT_STRING, so, 1, "out");
  tflc_opt_field f[3] = {tm_opt_int(0, TFLC_OPT_I32, ngram),
                         tm_opt_int(1, TFLC_OPT_I32, skip),
                         tm_opt_int(2, TFLC_OPT_BOOL, all)};
  tm_op(m, TFLC_OP_SKIP_GRAM, NULL, &in, 1, &out, 1, TFLC_BO_SKIP_GRAM, f, 3);
  tm_io(m, &in, 1, &out, 1);
  size_t size;
  uint8_t *b = tm_finish(m, &size);
  tm_free(m);
  char err[512] = "";
  TfLiteInterpreter *it = tm_interpreter(b, size, err, sizeof err);
  CHECK_MSG(it != NULL, "skip_gram: %s", err);
  if (it) {
    size_t len = strlen(sentence);
    const char *ss[1] = {sentence};
    CHECK(TflcInterpreterSetTensorStrings(it, in, ss, &len, 1, s1, 1) ==
          kTfLiteOk);
    CHECK_MSG(TfLiteInterpreterInvoke(it) == kTfLiteOk, "skip_gram invoke: %s",
              TflcInterpreterGetLastError(it));
    const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(it, 0);
    int n = TflcTensorStringCount(o);
    CHECK_MSG(n == want.n, "skip_gram '%s' n=%d k=%d all=%d: %d grams, want %d",
              sentence, ngram, skip, all, n, want.n);
    CHECK_EQ_INT(TfLiteTensorDim(o, 0), want.n);
    for (int i = 0; i < n && i < want.n; i++) {
      const char *p;
      size_t l;
      TflcTensorGetString(o, i, &p, &l);
      CHECK_MSG(l == strlen(want.g[i]) && memcmp(p, want.g[i], l) == 0,
                "gram %d '%.*s', want '%s'", i, (int)l, p, want.g[i]);
    }
    tm_interpreter_delete(it);
  }
  free(b);
}

static void test_skip_gram(void) {
  const char *s = "The quick brown fox jumps over the lazy dog";
  skip_gram_case(s, 3, 0, 0);
  skip_gram_case(s, 3, 0, 1);
  skip_gram_case(s, 2, 2, 0);
  skip_gram_case(s, 3, 1, 1);
  skip_gram_case("a b", 3, 0, 0);
  skip_gram_case("  leading  and   trailing  ", 2, 1, 0);
  skip_gram_case("", 1, 0, 0);
  skip_gram_case("one", 1, 3, 1);
}

int main(void) {
  test_embedding_lookup();
  test_els();
  test_hashtable_lookup();
  test_lsh();
  test_skip_gram();
  return CHECK_DONE();
}
