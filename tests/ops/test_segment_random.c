/* Op tests of SEGMENT_SUM, UNSORTED_SEGMENT_SUM/PROD/MAX/MIN,
 * RANDOM_UNIFORM, RANDOM_STANDARD_NORMAL and MULTINOMIAL. Segment ops are
 * compared with plain references (empty segments hold the identity,
 * negative unsorted ids are dropped, out-of-range ids are invoke errors).
 * The generator is checked against the published Philox-4x32-10 known
 * answer; the random ops are checked for determinism with fixed seeds,
 * different streams for different seeds and successive invokes, and their
 * distributions (mean, variance, class frequencies) within loose bounds. */
#include <float.h>

#include "kernels/internal/philox.h"
#include "support/op_test.h"

#define F32 TFLC_TT_FLOAT32
#define I32 TFLC_TT_INT32
#define I64 TFLC_TT_INT64

/* ---- SEGMENT_SUM ------------------------------------------------------- */

static void test_segment_sum(void) {
  int ds[2] = {5, 3}, is[1] = {5}, os[2] = {4, 3};
  float x[15];
  for (int i = 0; i < 15; i++) x[i] = (float)i * 0.5f - 2.0f;
  int32_t ids[5] = {0, 0, 2, 2, 3};
  float want[12] = {0};
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 3; j++) want[ids[i] * 3 + j] += x[i * 3 + j];
  oo_tensor ins[2] = {oo_in(F32, ds, 2, x), oo_const(I32, is, 1, ids)};
  oo_op op = {.op = TFLC_OP_SEGMENT_SUM,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, os, 2)};
  oo_run_expect(&op, os, 2, want, sizeof want, "segment_sum const ids");
  ins[1] = oo_in(I32, is, 1, ids);
  oo_run_expect(&op, os, 2, want, sizeof want, "segment_sum dynamic");
  /* int32 data, int64 ids. */
  int32_t xi[15], wi[12] = {0};
  int64_t ids64[5] = {0, 0, 2, 2, 3};
  for (int i = 0; i < 15; i++) xi[i] = i * 3 - 7;
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 3; j++) wi[ids64[i] * 3 + j] += xi[i * 3 + j];
  ins[0] = oo_in(I32, ds, 2, xi);
  ins[1] = oo_in(I64, is, 1, ids64);
  op.out = oo_out_t(I32, os, 2);
  oo_run_expect(&op, os, 2, wi, sizeof wi, "segment_sum int32");
  /* Errors: unsorted (constant: prepare; dynamic: invoke), negative. */
  int32_t uns[5] = {0, 2, 1, 3, 3}, neg[5] = {-1, 0, 0, 1, 1};
  ins[0] = oo_in(F32, ds, 2, x);
  op.out = oo_out_t(F32, os, 2);
  ins[1] = oo_const(I32, is, 1, uns);
  oo_expect_error(&op, "segment ids must be sorted: element 2 is 1 after 2",
                  "segment_sum unsorted");
  ins[1] = oo_in(I32, is, 1, uns);
  oo_expect_invoke_error(&op, "must be sorted", "segment_sum unsorted dynamic");
  ins[1] = oo_in(I32, is, 1, neg);
  oo_expect_invoke_error(&op, "segment id -1 (element 0) is negative",
                         "segment_sum negative");
  int32_t huge[5] = {0, 0, 0, 0, 2000000000};
  ins[1] = oo_in(I32, is, 1, huge);
  oo_expect_invoke_error(&op, "exceed", "segment_sum huge id");
  int bad_is[1] = {4};
  ins[1] = oo_const(I32, bad_is, 1, ids);
  oo_expect_error(&op, "segment_ids has 4 elements, data has 5 rows",
                  "segment_sum count");
}

/* ---- UNSORTED_SEGMENT_* ------------------------------------------------ */

static const int32_t seg_ops[4] = {
    TFLC_OP_UNSORTED_SEGMENT_SUM, TFLC_OP_UNSORTED_SEGMENT_PROD,
    TFLC_OP_UNSORTED_SEGMENT_MAX, TFLC_OP_UNSORTED_SEGMENT_MIN};

static double seg_init(int k, int is_int) {
  switch (k) {
    case 0: return 0;
    case 1: return 1;
    case 2: return is_int ? (double)INT32_MIN : -(double)FLT_MAX;
    default: return is_int ? (double)INT32_MAX : (double)FLT_MAX;
  }
}

static double seg_combine(int k, double a, double b) {
  switch (k) {
    case 0: return a + b;
    case 1: return a * b;
    case 2: return b > a ? b : a;
    default: return b < a ? b : a;
  }
}

/* data [rows, inner] viewed flat; ids per row (flattened prefix). */
static void unsorted_case(int is_int, const int *ds, int dr, const int32_t *ids,
                          const int *is, int ir, int32_t nseg, int ns_const,
                          const char *label) {
  size_t rows = oo_count(is, ir), inner = oo_count(ds, dr) / rows;
  float xf[64];
  int32_t xi[64];
  for (size_t i = 0; i < rows * inner; i++) {
    xi[i] = (int32_t)((i * 5) % 7) - 3;
    xf[i] = (float)xi[i] * 0.75f;
  }
  int os[8];
  os[0] = nseg;
  for (int i = ir; i < dr; i++) os[1 + i - ir] = ds[i];
  int orank = 1 + dr - ir;
  for (int k = 0; k < 4; k++) {
    double acc[64];
    for (size_t e = 0; e < (size_t)nseg * inner; e++)
      acc[e] = seg_init(k, is_int);
    for (size_t r = 0; r < rows; r++) {
      if (ids[r] < 0) continue;
      for (size_t j = 0; j < inner; j++) {
        double v = is_int ? xi[r * inner + j] : xf[r * inner + j];
        acc[ids[r] * inner + j] = seg_combine(k, acc[ids[r] * inner + j], v);
      }
    }
    float wf[64];
    int32_t wi[64];
    for (size_t e = 0; e < (size_t)nseg * inner; e++) {
      wf[e] = (float)acc[e];
      wi[e] = is_int ? (int32_t)acc[e] : 0; /* only read when is_int */
    }
    oo_tensor ins[3] = {
        oo_in(is_int ? I32 : F32, ds, dr, is_int ? (const void *)xi : xf),
        oo_const(I32, is, ir, ids),
        ns_const ? oo_const(I32, NULL, 0, &nseg) : oo_in(I32, NULL, 0, &nseg)};
    oo_op op = {.op = seg_ops[k],
                .inputs = ins,
                .n_inputs = 3,
                .out = oo_out_t(is_int ? I32 : F32, os, orank)};
    char lab[96];
    snprintf(lab, sizeof lab, "%s op %d", label, k);
    oo_run_expect(&op, os, orank, is_int ? (const void *)wi : wf,
                  (size_t)nseg * inner * 4, lab);
  }
}

static void test_unsorted_segment(void) {
  int ds[2] = {6, 2}, is[1] = {6};
  int32_t ids[6] = {2, -1, 0, 2, 4, 0};
  unsorted_case(0, ds, 2, ids, is, 1, 5, 1, "unsorted f32");
  unsorted_case(1, ds, 2, ids, is, 1, 5, 1, "unsorted i32");
  unsorted_case(0, ds, 2, ids, is, 1, 6, 0, "unsorted dynamic");
  int d3[3] = {2, 3, 2}, i2[2] = {2, 3};
  int32_t ids2[6] = {1, 1, 0, 3, -2, 1};
  unsorted_case(0, d3, 3, ids2, i2, 2, 4, 1, "unsorted 2-D ids");
  unsorted_case(1, d3, 3, ids2, i2, 2, 4, 0, "unsorted 2-D ids dynamic");
  /* Errors. */
  float x[12] = {0};
  int32_t five = 5, big = 1 << 30, neg = -1;
  int32_t bad[6] = {0, 1, 5, 0, 0, 0};
  int os[2] = {5, 2};
  oo_tensor ins[3] = {oo_in(F32, ds, 2, x), oo_const(I32, is, 1, bad),
                      oo_const(I32, NULL, 0, &five)};
  oo_op op = {.op = TFLC_OP_UNSORTED_SEGMENT_SUM,
              .inputs = ins,
              .n_inputs = 3,
              .out = oo_out_t(F32, os, 2)};
  oo_expect_error(&op,
                  "segment id 5 (element 2 of segment_ids) is out of range",
                  "unsorted id range");
  ins[1] = oo_in(I32, is, 1, bad);
  oo_expect_invoke_error(&op, "segment id 5 (element 2", "unsorted id dynamic");
  ins[1] = oo_const(I32, is, 1, ids);
  ins[2] = oo_const(I32, NULL, 0, &big);
  oo_expect_error(&op, "exceed", "unsorted huge num_segments");
  ins[2] = oo_in(I32, NULL, 0, &neg);
  oo_expect_invoke_error(&op, "num_segments is negative", "unsorted negative");
  int bad_is[1] = {5};
  ins[1] = oo_const(I32, bad_is, 1, ids);
  ins[2] = oo_const(I32, NULL, 0, &five);
  oo_expect_error(&op, "segment_ids dimension 0 is 5, data has 6",
                  "unsorted shape");
  int8_t x8[12] = {0};
  ins[0] = oo_in(TFLC_TT_INT8, ds, 2, x8);
  ins[1] = oo_const(I32, is, 1, ids);
  op.out = oo_out_t(TFLC_TT_INT8, os, 2);
  oo_expect_error(&op, "data type INT8 is not supported (FLOAT32, INT32)",
                  "unsorted type");
}

/* ---- Philox ------------------------------------------------------------ */

static void test_philox(void) {
  /* Known answer of Philox-4x32-10 (Random123): counter 0, key 0. */
  kern_philox g;
  kern_philox_seed(&g, 0, 0);
  uint32_t w[4];
  kern_philox_next(&g, w);
  CHECK_EQ_INT(w[0], 0x6627e8d5u);
  CHECK_EQ_INT(w[1], 0xe169c58du);
  CHECK_EQ_INT(w[2], 0xbc57ac4cu);
  CHECK_EQ_INT(w[3], 0x9b00dbd8u);
  CHECK_EQ_INT(g.counter[0], 1);
  /* All ones counter and key (Random123 known answer). */
  g.counter[0] = g.counter[1] = g.counter[2] = g.counter[3] = 0xffffffffu;
  g.key[0] = g.key[1] = 0xffffffffu;
  kern_philox_next(&g, w);
  CHECK_EQ_INT(w[0], 0x408f276du);
  CHECK_EQ_INT(w[1], 0x41c83b0eu);
  CHECK_EQ_INT(w[2], 0xa20bc7c6u);
  CHECK_EQ_INT(w[3], 0x6d5451fdu);
  CHECK(g.counter[0] == 0 && g.counter[3] == 0); /* wrapped around */
  /* Skip carries into the high words. */
  kern_philox_seed(&g, 1, 0);
  g.counter[0] = g.counter[1] = 0xffffffffu;
  kern_philox_skip(&g, 2);
  CHECK(g.counter[0] == 1 && g.counter[1] == 0 && g.counter[2] == 1);
  /* Conversions. */
  CHECK(kern_philox_u32_to_float(0) == 0.0f);
  CHECK(kern_philox_u32_to_float(0xffffffffu) < 1.0f);
  CHECK(kern_philox_u64_to_double(0, 0) == 0.0);
  CHECK(kern_philox_u64_to_double(0xffffffffu, 0xffffffffu) < 1.0);
}

/* ---- RANDOM_UNIFORM / RANDOM_STANDARD_NORMAL --------------------------- */

static void random_opts(tflc_opt_field *f, int64_t seed, int64_t seed2) {
  f[0] = tm_opt_int(0, TFLC_OPT_I64, seed);
  f[1] = tm_opt_int(1, TFLC_OPT_I64, seed2);
}

/* Runs a random op with n outputs and copies them into out (twice: two
 * invokes when out2 is non-NULL). */
static int run_random(int32_t code, int64_t seed, int64_t seed2, int n,
                      int dynamic, float *out, float *out2) {
  int32_t shape[2] = {n, 1};
  int ss[1] = {2}, os[2] = {n, 1};
  tflc_opt_field f[2];
  random_opts(f, seed, seed2);
  oo_tensor ins[1] = {dynamic ? oo_in(I32, ss, 1, shape)
                              : oo_const(I32, ss, 1, shape)};
  oo_op op = {.op = code,
              .bo = TFLC_BO_RANDOM,
              .fields = f,
              .n_fields = 2,
              .inputs = ins,
              .n_inputs = 1,
              .out = oo_out_t(F32, os, 2)};
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, "random");
  int ok = t && oo_check_shape(t, os, 2, "random shape");
  if (ok) memcpy(out, TfLiteTensorData(t), (size_t)n * 4);
  if (ok && out2) {
    ok = TfLiteInterpreterInvoke(r.it) == kTfLiteOk;
    t = TfLiteInterpreterGetOutputTensor(r.it, 0);
    if (ok) memcpy(out2, TfLiteTensorData(t), (size_t)n * 4);
  }
  oo_free(&r);
  return ok;
}

static void moments(const float *x, int n, double *mean, double *var) {
  double s = 0, s2 = 0;
  for (int i = 0; i < n; i++) s += x[i];
  *mean = s / n;
  for (int i = 0; i < n; i++) s2 += (x[i] - *mean) * (x[i] - *mean);
  *var = s2 / n;
}

static float buf_a[4096], buf_b[4096], buf_c[4096];

static void test_random_uniform(void) {
  int n = 4000;
  CHECK(run_random(TFLC_OP_RANDOM_UNIFORM, 87654321, 42, n, 0, buf_a, buf_b));
  double mean, var;
  moments(buf_a, n, &mean, &var);
  CHECK_NEAR(mean, 0.5, 0.03);
  CHECK_NEAR(var, 1.0 / 12.0, 0.01);
  int in_range = 1;
  for (int i = 0; i < n; i++) in_range &= buf_a[i] >= 0.0f && buf_a[i] < 1.0f;
  CHECK(in_range);
  /* The stream continues on the second invoke. */
  CHECK(memcmp(buf_a, buf_b, (size_t)n * 4) != 0);
  /* Same seeds (also with a dynamic shape): the same values, which are the
   * generator's own stream. */
  CHECK(run_random(TFLC_OP_RANDOM_UNIFORM, 87654321, 42, n, 1, buf_c, NULL));
  CHECK(memcmp(buf_a, buf_c, (size_t)n * 4) == 0);
  kern_philox g;
  kern_philox_seed(&g, 87654321, 42);
  kern_philox_uniform(&g, buf_c, (size_t)n);
  CHECK(memcmp(buf_a, buf_c, (size_t)n * 4) == 0);
  /* Different seed2 or seed: different streams. */
  CHECK(run_random(TFLC_OP_RANDOM_UNIFORM, 87654321, 43, n, 0, buf_c, NULL));
  CHECK(memcmp(buf_a, buf_c, (size_t)n * 4) != 0);
  CHECK(run_random(TFLC_OP_RANDOM_UNIFORM, 1, 42, n, 0, buf_c, NULL));
  CHECK(memcmp(buf_a, buf_c, (size_t)n * 4) != 0);
  /* Seeds 0, 0: not reproducible. */
  CHECK(run_random(TFLC_OP_RANDOM_UNIFORM, 0, 0, 64, 0, buf_a, NULL));
  CHECK(run_random(TFLC_OP_RANDOM_UNIFORM, 0, 0, 64, 0, buf_b, NULL));
  CHECK(memcmp(buf_a, buf_b, 64 * 4) != 0);
  /* Odd sizes and a zero size. */
  CHECK(run_random(TFLC_OP_RANDOM_UNIFORM, 5, 6, 3, 0, buf_a, NULL));
  CHECK(run_random(TFLC_OP_RANDOM_UNIFORM, 5, 6, 0, 0, buf_a, NULL));
}

static void test_random_normal(void) {
  int n = 4001; /* odd: the last Box-Muller pair is cut */
  CHECK(
      run_random(TFLC_OP_RANDOM_STANDARD_NORMAL, 123, 456, n, 0, buf_a, buf_b));
  double mean, var;
  moments(buf_a, n, &mean, &var);
  CHECK_NEAR(mean, 0.0, 0.08);
  CHECK_NEAR(var, 1.0, 0.1);
  int finite = 1, beyond2 = 0;
  for (int i = 0; i < n; i++) {
    finite &= isfinite(buf_a[i]);
    beyond2 += fabsf(buf_a[i]) > 2.0f;
  }
  CHECK(finite);
  CHECK_NEAR((double)beyond2 / n, 0.0455, 0.015); /* P(|z| > 2) */
  CHECK(memcmp(buf_a, buf_b, (size_t)n * 4) != 0);
  CHECK(
      run_random(TFLC_OP_RANDOM_STANDARD_NORMAL, 123, 456, n, 1, buf_c, NULL));
  CHECK(memcmp(buf_a, buf_c, (size_t)n * 4) == 0);
  CHECK(
      run_random(TFLC_OP_RANDOM_STANDARD_NORMAL, 124, 456, n, 0, buf_c, NULL));
  CHECK(memcmp(buf_a, buf_c, (size_t)n * 4) != 0);
  /* Errors: huge shape, wrong output type, 2-D shape input. */
  int32_t huge[2] = {1 << 20, 1 << 12};
  int ss[1] = {2}, os[2] = {1, 1};
  tflc_opt_field f[2];
  random_opts(f, 1, 2);
  oo_tensor ins[1] = {oo_const(I32, ss, 1, huge)};
  oo_op op = {.op = TFLC_OP_RANDOM_STANDARD_NORMAL,
              .bo = TFLC_BO_RANDOM,
              .fields = f,
              .n_fields = 2,
              .inputs = ins,
              .n_inputs = 1,
              .out = oo_out_t(F32, os, 2)};
  oo_expect_error(&op, "exceed", "random huge");
  ins[0] = oo_in(I32, ss, 1, huge);
  oo_expect_invoke_error(&op, "exceed", "random huge dynamic");
  int32_t neg[2] = {2, -1};
  ins[0] = oo_const(I32, ss, 1, neg);
  oo_expect_error(&op, "dimension 1 is negative", "random negative");
  ins[0] = oo_const(I32, ss, 1, huge);
  op.out = oo_out_t(I32, os, 2);
  oo_expect_error(&op, "output type INT32 is not supported (FLOAT32)",
                  "random type");
}

/* ---- MULTINOMIAL ------------------------------------------------------- */

static int run_multinomial(int8_t out_tt, int64_t seed, int ns_const,
                           int32_t ns, int64_t *out) {
  float logits[6] = {logf(0.2f), logf(0.3f), logf(0.5f), 0.0f, -INFINITY, 0.0f};
  int ls[2] = {2, 3}, os[2] = {2, ns};
  tflc_opt_field f[2];
  random_opts(f, seed, 7);
  oo_tensor ins[2] = {
      oo_in(F32, ls, 2, logits),
      ns_const ? oo_const(I32, NULL, 0, &ns) : oo_in(I32, NULL, 0, &ns)};
  oo_op op = {.op = TFLC_OP_MULTINOMIAL,
              .bo = TFLC_BO_RANDOM,
              .fields = f,
              .n_fields = 2,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(out_tt, os, 2)};
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, "multinomial");
  int ok = t && oo_check_shape(t, os, 2, "multinomial shape");
  if (ok) {
    for (int i = 0; i < 2 * ns; i++)
      out[i] = out_tt == I64 ? ((const int64_t *)TfLiteTensorData(t))[i]
                             : ((const int32_t *)TfLiteTensorData(t))[i];
  }
  oo_free(&r);
  return ok;
}

static int64_t mn_a[4000], mn_b[4000];

static void test_multinomial(void) {
  int ns = 2000;
  CHECK(run_multinomial(I64, 99, 1, ns, mn_a));
  int count[2][3] = {{0}};
  int valid = 1;
  for (int b = 0; b < 2; b++)
    for (int s = 0; s < ns; s++) {
      int64_t c = mn_a[b * ns + s];
      valid &= c >= 0 && c < 3;
      if (c >= 0 && c < 3) count[b][c]++;
    }
  CHECK(valid);
  CHECK_NEAR(count[0][0] / (double)ns, 0.2, 0.04);
  CHECK_NEAR(count[0][1] / (double)ns, 0.3, 0.04);
  CHECK_NEAR(count[0][2] / (double)ns, 0.5, 0.04);
  CHECK_EQ_INT(count[1][1], 0); /* -inf logit: never drawn */
  CHECK_NEAR(count[1][0] / (double)ns, 0.5, 0.04);
  /* Deterministic for fixed seeds; int32 output and dynamic num_samples. */
  CHECK(run_multinomial(I32, 99, 0, ns, mn_b));
  CHECK(memcmp(mn_a, mn_b, sizeof(int64_t) * 2 * (size_t)ns) == 0);
  CHECK(run_multinomial(I64, 100, 1, ns, mn_b));
  CHECK(memcmp(mn_a, mn_b, sizeof(int64_t) * 2 * (size_t)ns) != 0);
  CHECK(run_multinomial(I64, 99, 1, 0, mn_b));
  /* Errors: negative or huge num_samples, bad logits. */
  float logits[3] = {0, 0, 0};
  int ls[2] = {1, 3}, os[2] = {1, 1};
  int32_t neg = -3, huge = 1 << 30;
  oo_tensor ins[2] = {oo_in(F32, ls, 2, logits), oo_const(I32, NULL, 0, &neg)};
  oo_op op = {.op = TFLC_OP_MULTINOMIAL,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(I64, os, 2)};
  oo_expect_error(&op, "num_samples is negative", "multinomial negative");
  ins[1] = oo_in(I32, NULL, 0, &huge);
  oo_expect_invoke_error(&op, "exceed", "multinomial huge");
  int l1[1] = {3};
  ins[0] = oo_in(F32, l1, 1, logits);
  oo_expect_error(&op, "logits must be 2-D", "multinomial rank");
}

int main(void) {
  test_segment_sum();
  test_unsorted_segment();
  test_philox();
  test_random_uniform();
  test_random_normal();
  test_multinomial();
  return CHECK_DONE();
}
