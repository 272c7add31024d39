/* QUANTIZE (float -> int per tensor and per channel, requantization between
 * INT8/UINT8/INT16/INT32), DEQUANTIZE (INT16 and per-channel exactness) and
 * quantized CONCATENATION (UINT8 rescaling, INT8/INT16 rules) against
 * references written here from TensorFlow Lite's formulas, and refusal of
 * bad quantization parameters. */
#include "support/op_test.h"

static void r_mult(double real, int32_t *m, int *s) {
  *m = 0;
  *s = 0;
  if (real == 0.0) return;
  int e = 0;
  long long q = llround(frexp(real, &e) * 2147483648.0);
  if (q == 2147483648LL) {
    q /= 2;
    e++;
  }
  if (e < -31) {
    e = 0;
    q = 0;
  }
  *m = (int32_t)q;
  *s = e;
}

static int32_t r_mbqm(int32_t x, int32_t m, int s) {
  const int l = s > 0 ? s : 0, r = s > 0 ? 0 : -s;
  const int32_t a = (int32_t)((uint32_t)x << l);
  int32_t h;
  if (a == INT32_MIN && m == INT32_MIN) {
    h = INT32_MAX;
  } else {
    const int64_t ab = (int64_t)a * m;
    h = (int32_t)((ab + (ab >= 0 ? (1LL << 30) : 1 - (1LL << 30))) /
                  (1LL << 31));
  }
  const int32_t mask = (int32_t)((1LL << r) - 1);
  const int32_t th = (mask >> 1) + (h < 0 ? 1 : 0);
  return (h >> r) + ((h & mask) > th ? 1 : 0);
}

static void t_range(int8_t tt, int64_t *lo, int64_t *hi) {
  switch (tt) {
    case TFLC_TT_INT8:
      *lo = -128;
      *hi = 127;
      break;
    case TFLC_TT_UINT8:
      *lo = 0;
      *hi = 255;
      break;
    case TFLC_TT_INT16:
      *lo = -32768;
      *hi = 32767;
      break;
    default:
      *lo = INT32_MIN;
      *hi = INT32_MAX;
      break;
  }
}

static int64_t t_load(const void *p, int8_t tt, size_t i) {
  switch (tt) {
    case TFLC_TT_INT8: return ((const int8_t *)p)[i];
    case TFLC_TT_UINT8: return ((const uint8_t *)p)[i];
    case TFLC_TT_INT16: return ((const int16_t *)p)[i];
    default: return ((const int32_t *)p)[i];
  }
}

static void t_store(void *p, int8_t tt, size_t i, int64_t v) {
  switch (tt) {
    case TFLC_TT_INT8: ((int8_t *)p)[i] = (int8_t)v; break;
    case TFLC_TT_UINT8: ((uint8_t *)p)[i] = (uint8_t)v; break;
    case TFLC_TT_INT16: ((int16_t *)p)[i] = (int16_t)v; break;
    default: ((int32_t *)p)[i] = (int32_t)v; break;
  }
}

static int64_t clamp64(int64_t v, int64_t lo, int64_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

/* Compares n integer outputs of type tt with want[]. */
static void check_ints(const TfLiteTensor *t, int8_t tt, const int64_t *want,
                       size_t n, const char *label) {
  if (!t) return;
  const void *got = TfLiteTensorData(t);
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    const int64_t g = t_load(got, tt, i);
    if (g != want[i] && bad++ < 3)
      CHECK_MSG(0, "%s: element %zu = %lld, want %lld", label, i, (long long)g,
                (long long)want[i]);
  }
  CHECK_MSG(bad == 0, "%s: %d wrong elements", label, bad);
}

static void test_quantize_float(void) {
  static const int shape[] = {2, 6};
  const float x[12] = {1.25f,    -1.25f,   0.75f,     -0.75f,  0.0f, 1000.0f,
                       -1000.0f, INFINITY, -INFINITY, 0.2499f, 3.3f, -7.7f};
  const int8_t tts[] = {TFLC_TT_INT8, TFLC_TT_UINT8, TFLC_TT_INT16};
  for (int k = 0; k < 3; k++) {
    const float s = 0.5f;
    const int64_t z = tts[k] == TFLC_TT_UINT8  ? 100
                      : tts[k] == TFLC_TT_INT8 ? -3
                                               : 0;
    oo_tensor in = {TFLC_TT_FLOAT32, shape, 2, x, 0, 0, NULL, NULL, 0};
    oo_op op = {TFLC_OP_QUANTIZE,
                0,
                NULL,
                0,
                &in,
                1,
                {tts[k], shape, 2, NULL, 0, 1, &s, &z, 0}};
    int64_t lo, hi, want[12];
    t_range(tts[k], &lo, &hi);
    for (int i = 0; i < 12; i++) {
      const float r = roundf(x[i] / s); /* half away from zero */
      want[i] = isinf(r) ? (r > 0 ? hi : lo) : clamp64((int64_t)r + z, lo, hi);
    }
    char label[64];
    snprintf(label, sizeof label, "QUANTIZE float -> tt %d", tts[k]);
    oo_run r;
    check_ints(oo_run_op(&op, &r, label), tts[k], want, 12, label);
    oo_free(&r);
  }
  /* Per channel along dimension 1 (3 channels). */
  static const int shape3[] = {2, 3};
  const float y[6] = {1.0f, 1.0f, 1.0f, -2.5f, 0.3f, 100.0f};
  const float sc[3] = {0.5f, 0.1f, 0.25f};
  const int64_t zc[3] = {0, 5, -10};
  oo_tensor in = {TFLC_TT_FLOAT32, shape3, 2, y, 0, 0, NULL, NULL, 0};
  oo_op op = {TFLC_OP_QUANTIZE,
              0,
              NULL,
              0,
              &in,
              1,
              {TFLC_TT_INT8, shape3, 2, NULL, 0, 3, sc, zc, 1}};
  int64_t want[6];
  for (int i = 0; i < 6; i++)
    want[i] = clamp64((int64_t)roundf(y[i] / sc[i % 3]) + zc[i % 3], -128, 127);
  oo_run r;
  check_ints(oo_run_op(&op, &r, "QUANTIZE per channel"), TFLC_TT_INT8, want, 6,
             "QUANTIZE per channel");
  oo_free(&r);
}

typedef struct rq_case {
  int8_t in_tt, out_tt;
  float si, so;
  int64_t zi, zo;
} rq_case;

static void test_requantize(void) {
  const rq_case cases[] = {
      {TFLC_TT_INT8, TFLC_TT_INT8, 0.05f, 0.031f, -3, 7},
      {TFLC_TT_INT8, TFLC_TT_UINT8, 0.02f, 0.02f, -1, 127},
      {TFLC_TT_UINT8, TFLC_TT_INT8, 0.013f, 0.05f, 130, -20},
      {TFLC_TT_UINT8, TFLC_TT_UINT8, 0.1f, 0.03f, 0, 255},
      {TFLC_TT_INT16, TFLC_TT_INT16, 0.000585f, 0.000921f, 0, 0},
      {TFLC_TT_INT16, TFLC_TT_INT8, 0.0001f, 0.01f, 0, -5},
      {TFLC_TT_INT8, TFLC_TT_INT16, 0.05f, 0.0003f, 4, 0},
      {TFLC_TT_INT16, TFLC_TT_INT32, 0.0003f, 0.0000007f, 0, 0},
      {TFLC_TT_INT32, TFLC_TT_INT16, 1.49011612e-07f, 0.000921971456f, 0, 0},
      {TFLC_TT_INT32, TFLC_TT_INT8, 1e-6f, 0.004f, 0, 12},
      /* real multiplier > 1 (left shift) */
      {TFLC_TT_INT8, TFLC_TT_INT16, 2.0f, 0.125f, 0, 0},
  };
  static const int shape[] = {16};
  uint32_t st = 777u;
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    const rq_case *c = &cases[k];
    int64_t lo, hi, olo, ohi;
    t_range(c->in_tt, &lo, &hi);
    t_range(c->out_tt, &olo, &ohi);
    int32_t buf[16];
    for (int i = 0; i < 16; i++) {
      st ^= st << 13;
      st ^= st >> 17;
      st ^= st << 5;
      int64_t v = (int64_t)(st % (uint64_t)(hi - lo + 1)) + lo;
      if (i == 0) v = lo;
      if (i == 1) v = hi;
      t_store(buf, c->in_tt, (size_t)i, v);
    }
    oo_tensor in = {c->in_tt, shape, 1, buf, 0, 1, &c->si, &c->zi, 0};
    oo_op op = {TFLC_OP_QUANTIZE,
                0,
                NULL,
                0,
                &in,
                1,
                {c->out_tt, shape, 1, NULL, 0, 1, &c->so, &c->zo, 0}};
    int32_t m;
    int s;
    r_mult((double)c->si / (double)c->so, &m, &s);
    int64_t want[16];
    for (int i = 0; i < 16; i++) {
      const int32_t x =
          (int32_t)(uint32_t)(t_load(buf, c->in_tt, (size_t)i) - c->zi);
      want[i] = clamp64((int64_t)r_mbqm(x, m, s) + c->zo, olo, ohi);
    }
    char label[64];
    snprintf(label, sizeof label, "requantize %d -> %d (case %zu)", c->in_tt,
             c->out_tt, k);
    oo_run r;
    check_ints(oo_run_op(&op, &r, label), c->out_tt, want, 16, label);
    oo_free(&r);
  }
}

static void test_quantize_refusals(void) {
  static const int shape[] = {4};
  const float good = 0.1f, zero = 0.0f, nan_s = NAN;
  const int64_t z0 = 0, z5 = 5, z300 = 300;
  oo_tensor fin = {TFLC_TT_FLOAT32, shape, 1, NULL, 0, 0, NULL, NULL, 0};
  oo_op op = {TFLC_OP_QUANTIZE,
              0,
              NULL,
              0,
              &fin,
              1,
              {TFLC_TT_INT8, shape, 1, NULL, 0, 1, &zero, &z0, 0}};
  oo_expect_error(&op, "tensor 'out' has an invalid quantization scale 0",
                  "QUANTIZE zero scale");
  oo_expect_error(&op, "operator 0 (QUANTIZE)", "QUANTIZE names the node");
  op.out.scales = &good;
  op.out.zero_points = &z300;
  oo_expect_error(&op, "zero point 300 outside [-128, 127]", "QUANTIZE zp");
  /* TensorFlow Lite demands INT16 zero points 0 only for INT16 -> INT16
   * (FLOAT32 -> INT16 and INT16 -> INT8 accept any zero point). */
  oo_tensor i16in = {TFLC_TT_INT16, shape, 1, NULL, 0, 1, &good, &z0, 0};
  oo_op op16 = {TFLC_OP_QUANTIZE,
                0,
                NULL,
                0,
                &i16in,
                1,
                {TFLC_TT_INT16, shape, 1, NULL, 0, 1, &good, &z5, 0}};
  oo_expect_error(&op16, "INT16 with zero point 5", "QUANTIZE int16 zp");
  oo_tensor qin = {TFLC_TT_INT8, shape, 1, NULL, 0, 1, &nan_s, &z0, 0};
  oo_op op2 = {TFLC_OP_QUANTIZE,
               0,
               NULL,
               0,
               &qin,
               1,
               {TFLC_TT_INT8, shape, 1, NULL, 0, 1, &good, &z0, 0}};
  oo_expect_error(&op2, "tensor 'in0' has an invalid quantization scale nan",
                  "QUANTIZE nan input scale");
  const float two[2] = {0.1f, 0.2f};
  const int64_t zz[2] = {0, 0};
  op.out.tt = TFLC_TT_INT8;
  op.out.n_quant = 2;
  op.out.scales = two;
  op.out.zero_points = zz;
  oo_expect_error(&op, "2 per-channel scales but dimension 0 has 4 entries",
                  "QUANTIZE channel count");
}

static void test_dequantize(void) {
  static const int shape[] = {2, 3};
  const int16_t q16[6] = {-32768, -1, 0, 1, 12345, 32767};
  const float s = 0.000921971456f;
  const int64_t z0 = 0;
  oo_tensor in = {TFLC_TT_INT16, shape, 2, q16, 0, 1, &s, &z0, 0};
  oo_op op = {TFLC_OP_DEQUANTIZE,
              0,
              NULL,
              0,
              &in,
              1,
              {TFLC_TT_FLOAT32, shape, 2, NULL, 0, 0, NULL, NULL, 0}};
  float want[6];
  for (int i = 0; i < 6; i++) want[i] = (float)((double)s * (q16[i] - 0));
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, "DEQUANTIZE int16");
  if (t) oo_check_bytes(t, want, sizeof want, "DEQUANTIZE int16 exact");
  oo_free(&r);
  /* Per channel (int8, dimension 0, zero points per channel). */
  const int8_t q8[6] = {-128, 0, 127, -7, 3, 99};
  const float sc[2] = {0.0123f, 3.1f};
  const int64_t zc[2] = {-3, 4};
  oo_tensor in8 = {TFLC_TT_INT8, shape, 2, q8, 1, 2, sc, zc, 0};
  oo_op op8 = {TFLC_OP_DEQUANTIZE,
               0,
               NULL,
               0,
               &in8,
               1,
               {TFLC_TT_FLOAT32, shape, 2, NULL, 0, 0, NULL, NULL, 0}};
  for (int i = 0; i < 6; i++)
    want[i] = (float)((double)sc[i / 3] * (q8[i] - zc[i / 3]));
  t = oo_run_op(&op8, &r, "DEQUANTIZE per channel");
  if (t) oo_check_bytes(t, want, sizeof want, "DEQUANTIZE per channel exact");
  oo_free(&r);
  const float neg = -1.0f;
  in.scales = &neg;
  oo_expect_error(&op, "tensor 'in0' has an invalid quantization scale -1",
                  "DEQUANTIZE negative scale");
}

static void test_concatenation(void) {
  static const int sa[] = {2, 2}, sb[] = {2, 3}, so[] = {2, 5};
  const uint8_t a[4] = {0, 128, 255, 7};
  const uint8_t b[6] = {0, 1, 2, 200, 201, 255};
  const float s_a = 0.02f, s_b = 0.013f, s_o = 0.03f;
  const int64_t z_a = 128, z_b = 3, z_o = 100;
  tflc_opt_field axis = tm_opt_int(0, TFLC_OPT_I32, 1);
  oo_tensor in[2] = {{TFLC_TT_UINT8, sa, 2, a, 0, 1, &s_a, &z_a, 0},
                     {TFLC_TT_UINT8, sb, 2, b, 0, 1, &s_b, &z_b, 0}};
  oo_op op = {TFLC_OP_CONCATENATION,
              TFLC_BO_CONCATENATION,
              &axis,
              1,
              in,
              2,
              {TFLC_TT_UINT8, so, 2, NULL, 0, 1, &s_o, &z_o, 0}};
  int64_t want[10];
  for (int row = 0; row < 2; row++)
    for (int j = 0; j < 5; j++) {
      const int from_a = j < 2;
      const uint8_t v = from_a ? a[row * 2 + j] : b[row * 3 + j - 2];
      const float sc = (from_a ? s_a : s_b) * (1.0f / s_o);
      const float bias = (float)(-(from_a ? z_a : z_b)) * sc;
      want[row * 5 + j] =
          clamp64((int64_t)roundf((float)v * sc + bias) + z_o, 0, 255);
    }
  oo_run r;
  check_ints(oo_run_op(&op, &r, "CONCAT uint8 rescale"), TFLC_TT_UINT8, want,
             10, "CONCAT uint8 rescale");
  oo_free(&r);
  /* INT8 inputs with other parameters: refused as in TensorFlow Lite. */
  in[0].tt = in[1].tt = op.out.tt = TFLC_TT_INT8;
  const int64_t zi8 = 0;
  in[0].zero_points = in[1].zero_points = op.out.zero_points = &zi8;
  oo_expect_error(&op, "INT8 inputs must share the output's quantization",
                  "CONCAT int8 mismatch");
  /* INT16: zero points 0, values copied unchanged even with other scales. */
  const int16_t a16[4] = {-32768, 5, 32767, -1};
  const int16_t b16[6] = {1, 2, 3, 4, 5, 6};
  in[0].tt = in[1].tt = op.out.tt = TFLC_TT_INT16;
  in[0].data = a16;
  in[1].data = b16;
  for (int row = 0; row < 2; row++)
    for (int j = 0; j < 5; j++)
      want[row * 5 + j] = j < 2 ? a16[row * 2 + j] : b16[row * 3 + j - 2];
  check_ints(oo_run_op(&op, &r, "CONCAT int16"), TFLC_TT_INT16, want, 10,
             "CONCAT int16");
  oo_free(&r);
  const int64_t z7 = 7;
  in[1].zero_points = &z7;
  oo_expect_error(&op, "must have zero point 0", "CONCAT int16 zp");
}

int main(void) {
  test_quantize_float();
  test_requantize();
  test_quantize_refusals();
  test_dequantize();
  test_concatenation();
  return CHECK_DONE();
}
