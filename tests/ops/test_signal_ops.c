/* Op tests of RFFT2D and the complex-to-real ops REAL, IMAG and
 * COMPLEX_ABS. RFFT2D is compared with a plain 2-D DFT written here (double
 * sums, angles reduced exactly with integer modular arithmetic) over
 * power-of-two and other lengths, cropping and zero-padding, batches, the
 * constant-fft_length path (arena scratch) and the non-constant one
 * (dynamic output), and the errors prepare reports. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"

/* ---- RFFT2D ----------------------------------------------------------------
 */

/* Reference: X[u][v] = sum x[i][j] e^{-2 pi i (u i / H + v j / W)} over
 * the cropped / zero-padded input, for one [h, w] slice. */
static void ref_rfft2d(const float *x, int h, int w, int fh, int fw,
                       double *out) {
  const int w2 = fw / 2 + 1;
  const double two_pi = 6.283185307179586476925286766559;
  for (int u = 0; u < fh; u++) {
    for (int v = 0; v < w2; v++) {
      double re = 0, im = 0;
      for (int i = 0; i < h && i < fh; i++) {
        for (int j = 0; j < w && j < fw; j++) {
          /* angle = 2 pi (u i W + v j H) / (H W), reduced exactly */
          const long long num =
              ((long long)u * i % fh) * fw + ((long long)v * j % fw) * fh;
          const double a = two_pi * (double)(num % ((long long)fh * fw)) /
                           (double)((long long)fh * fw);
          re += x[i * w + j] * cos(a);
          im -= x[i * w + j] * sin(a);
        }
      }
      out[2 * (u * w2 + v)] = re;
      out[2 * (u * w2 + v) + 1] = im;
    }
  }
}

/* The random stream of these cases (xorshift, seed 88172645). */
static uint32_t mo_rng = 88172645u;
static float mo_rand(float lo, float hi) {
  return ot_xorshift_f(&mo_rng, lo, hi);
}

static void rfft_case(const int *shape, int rank, int fh, int fw, int const_len,
                      const char *label) {
  size_t n = 1;
  for (int i = 0; i < rank; i++) n *= (size_t)shape[i];
  float *x = malloc((n ? n : 1) * sizeof(float));
  for (size_t i = 0; i < n; i++) x[i] = mo_rand(-2.0f, 2.0f);
  const int32_t len[2] = {fh, fw};
  const int len_shape[1] = {2};
  int oshape[8];
  for (int i = 0; i < rank - 2; i++) oshape[i] = shape[i];
  oshape[rank - 2] = fh;
  oshape[rank - 1] = fw / 2 + 1;
  oo_tensor in[2] = {
      {TFLC_TT_FLOAT32, shape, rank, x, 0, 0, NULL, NULL, 0},
      {TFLC_TT_INT32, len_shape, 1, len, const_len, 0, NULL, NULL, 0},
  };
  oo_tensor out = {TFLC_TT_COMPLEX64, oshape, rank, NULL, 0, 0, NULL, NULL, 0};
  oo_op op = {.op = TFLC_OP_RFFT2D, .inputs = in, .n_inputs = 2};
  oo_ext opx = {.outputs = &out, .n_outputs = 1};
  oo_run r;
  if (oo_run_op_ext(&op, &opx, &r, label)) {
    const TfLiteTensor *t = oo_out(&r, 0);
    CHECK_MSG(oo_shape_is(t, oshape, rank), "%s: output shape", label);
    const int h = shape[rank - 2], w = shape[rank - 1], w2 = fw / 2 + 1;
    size_t slices = 1;
    for (int i = 0; i < rank - 2; i++) slices *= (size_t)shape[i];
    const size_t oslice = (size_t)fh * (size_t)w2;
    CHECK_EQ_INT(TfLiteTensorByteSize(t), slices * oslice * 8);
    double *want = malloc(oslice * 2 * sizeof(double));
    const float *got = (const float *)TfLiteTensorData(t);
    int bad = 0;
    for (size_t s = 0; s < slices && got; s++) {
      ref_rfft2d(x + s * (size_t)h * (size_t)w, h, w, fh, fw, want);
      const double scale = sqrt((double)(h * w)) + 1.0; /* typical magnitude */
      for (size_t k = 0; k < oslice * 2; k++) {
        const double g = got[s * oslice * 2 + k], e = want[k];
        if (fabs(g - e) > 2e-6 * scale + 1e-6 * fabs(e)) {
          if (bad++ < 4)
            CHECK_MSG(0, "%s: slice %zu element %zu = %.9g, want %.9g", label,
                      s, k, g, e);
        }
      }
    }
    CHECK_MSG(bad == 0, "%s: %d wrong values", label, bad);
    free(want);
  }
  oo_free(&r);
  free(x);
}

static void test_rfft2d(void) {
  const int s44[] = {4, 4}, s35[] = {3, 5}, s88[] = {8, 8}, s11[] = {1, 1};
  const int b[] = {2, 3, 4, 6}, s1632[] = {16, 32}, s77[] = {7, 9};
  rfft_case(s44, 2, 4, 4, 1, "4x4 fft 4x4");
  rfft_case(s35, 2, 4, 8, 1, "3x5 zero-padded to 4x8");
  rfft_case(s88, 2, 4, 4, 1, "8x8 cropped to 4x4");
  rfft_case(s11, 2, 1, 1, 1, "1x1");
  rfft_case(s11, 2, 2, 2, 1, "1x1 padded to 2x2");
  rfft_case(b, 4, 4, 6, 1, "batch 2x3 of 4x6 (width 6: DFT path)");
  rfft_case(s77, 2, 5, 7, 1, "7x9 to 5x7 (odd lengths)");
  rfft_case(s77, 2, 12, 10, 1, "7x9 to 12x10 (mixed)");
  rfft_case(s1632, 2, 16, 32, 1, "16x32 radix-2");
  rfft_case(s1632, 2, 32, 64, 1, "16x32 padded to 32x64");
  /* non-constant fft_length: dynamic output, direct evaluation */
  rfft_case(s44, 2, 4, 4, 0, "4x4 non-constant fft_length");
  rfft_case(b, 4, 4, 6, 0, "batch non-constant fft_length");
  rfft_case(s35, 2, 6, 3, 0, "3x5 to 6x3 non-constant");
  /* empty batch */
  const int e[] = {0, 4, 4};
  rfft_case(e, 3, 4, 4, 1, "empty batch");
}

static void test_rfft2d_errors(void) {
  const int s44[] = {4, 4}, s4[] = {4}, len_shape[1] = {2}, len3[1] = {3};
  float x[16] = {0};
  int32_t xi[16] = {0};
  const int32_t good[2] = {4, 4}, zero[3] = {0, 4, 4};
  const int os[] = {4, 3};
  oo_tensor out_c = {TFLC_TT_COMPLEX64, os, 2, NULL, 0, 0, NULL, NULL, 0};
  oo_tensor out_f = {TFLC_TT_FLOAT32, os, 2, NULL, 0, 0, NULL, NULL, 0};
  {
    oo_tensor in[2] = {
        {TFLC_TT_FLOAT32, s44, 2, x, 0, 0, NULL, NULL, 0},
        {TFLC_TT_INT32, len_shape, 1, zero, 1, 0, NULL, NULL, 0}};
    oo_op op = {.op = TFLC_OP_RFFT2D, .inputs = in, .n_inputs = 2};
    oo_ext opx = {.outputs = &out_c, .n_outputs = 1};
    oo_expect_error_ext(&op, &opx, "fft_length must be positive",
                        "zero length");
  }
  {
    oo_tensor in[2] = {
        {TFLC_TT_INT32, s44, 2, xi, 0, 0, NULL, NULL, 0},
        {TFLC_TT_INT32, len_shape, 1, good, 1, 0, NULL, NULL, 0}};
    oo_op op = {.op = TFLC_OP_RFFT2D, .inputs = in, .n_inputs = 2};
    oo_ext opx = {.outputs = &out_c, .n_outputs = 1};
    oo_expect_error_ext(&op, &opx, "input type INT32 is not supported",
                        "int input");
  }
  {
    oo_tensor in[2] = {{TFLC_TT_FLOAT32, s44, 2, x, 0, 0, NULL, NULL, 0},
                       {TFLC_TT_INT32, len3, 1, zero, 1, 0, NULL, NULL, 0}};
    oo_op op = {.op = TFLC_OP_RFFT2D, .inputs = in, .n_inputs = 2};
    oo_ext opx = {.outputs = &out_c, .n_outputs = 1};
    oo_expect_error_ext(&op, &opx, "fft_length must have shape [2]",
                        "len shape");
  }
  {
    oo_tensor in[2] = {
        {TFLC_TT_FLOAT32, s44, 2, x, 0, 0, NULL, NULL, 0},
        {TFLC_TT_INT32, len_shape, 1, good, 1, 0, NULL, NULL, 0}};
    oo_op op = {.op = TFLC_OP_RFFT2D, .inputs = in, .n_inputs = 2};
    oo_ext opx = {.outputs = &out_f, .n_outputs = 1};
    oo_expect_error_ext(&op, &opx, "output type FLOAT32 is not supported",
                        "float output");
  }
  {
    oo_tensor in[2] = {
        {TFLC_TT_FLOAT32, s4, 1, x, 0, 0, NULL, NULL, 0},
        {TFLC_TT_INT32, len_shape, 1, good, 1, 0, NULL, NULL, 0}};
    oo_op op = {.op = TFLC_OP_RFFT2D, .inputs = in, .n_inputs = 2};
    oo_ext opx = {.outputs = &out_c, .n_outputs = 1};
    oo_expect_error_ext(&op, &opx, "input has 1 dims", "rank 1");
  }
  { /* non-constant fft_length with a bad value: invoke fails */
    oo_tensor in[2] = {
        {TFLC_TT_FLOAT32, s44, 2, x, 0, 0, NULL, NULL, 0},
        {TFLC_TT_INT32, len_shape, 1, zero, 0, 0, NULL, NULL, 0}};
    oo_op op = {.op = TFLC_OP_RFFT2D, .inputs = in, .n_inputs = 2};
    oo_ext opx = {.outputs = &out_c, .n_outputs = 1};
    oo_expect_invoke_error_ext(&op, &opx, "fft_length must be positive",
                               "non-constant zero length");
  }
}

/* ---- REAL / IMAG / COMPLEX_ABS ---------------------------------------------
 */

static void test_complex_parts(void) {
  enum { N = 12 };
  float z[2 * N];
  for (int i = 0; i < 2 * N; i++) z[i] = mo_rand(-10.0f, 10.0f);
  z[0] = 3e30f; /* hypot must not overflow */
  z[1] = 4e30f;
  z[2] = -0.0f;
  z[3] = 0.0f;
  z[4] = NAN;
  z[5] = 1.0f;
  z[6] = INFINITY;
  z[7] = NAN; /* |inf + nan i| = inf */
  const int shape[] = {3, 4};
  const int32_t ops[3] = {TFLC_OP_REAL, TFLC_OP_IMAG, TFLC_OP_COMPLEX_ABS};
  const char *names[3] = {"REAL", "IMAG", "COMPLEX_ABS"};
  for (int k = 0; k < 3; k++) {
    oo_tensor in = {TFLC_TT_COMPLEX64, shape, 2, z, 0, 0, NULL, NULL, 0};
    oo_tensor out = {TFLC_TT_FLOAT32, shape, 2, NULL, 0, 0, NULL, NULL, 0};
    oo_op op = {.op = ops[k], .inputs = &in, .n_inputs = 1};
    oo_ext opx = {.outputs = &out, .n_outputs = 1};
    oo_run r;
    if (oo_run_op_ext(&op, &opx, &r, names[k])) {
      const TfLiteTensor *t = oo_out(&r, 0);
      CHECK(oo_shape_is(t, shape, 2));
      CHECK_EQ_INT(TfLiteTensorByteSize(t), N * sizeof(float));
      const float *y = (const float *)TfLiteTensorData(t);
      int bad = 0;
      for (int i = 0; i < N; i++) {
        const double re = z[2 * i], im = z[2 * i + 1];
        double want = k == 0 ? re : k == 1 ? im : hypot(re, im);
        const int ok = (isnan(want) && isnan(y[i])) ||
                       (isinf(want) && y[i] == (float)want) ||
                       fabs(y[i] - want) <= 1e-6 * (fabs(want) + 1);
        if (!ok && bad++ < 3)
          CHECK_MSG(ok, "%s element %d = %g, want %g", names[k], i, y[i], want);
      }
      CHECK_MSG(bad == 0, "%s: %d wrong", names[k], bad);
      if (k == 0) CHECK(signbit(y[1])); /* -0 kept */
      if (k == 2) CHECK(isinf(y[3]));
    }
    oo_free(&r);
  }
  /* complex128 -> float64 */
  double zd[8] = {3, 4, -1.5, 2, 0, -7, 1e300, 1e300};
  const int s4[] = {4};
  for (int k = 0; k < 3; k++) {
    oo_tensor in = {TFLC_TT_COMPLEX128, s4, 1, zd, 0, 0, NULL, NULL, 0};
    oo_tensor out = {TFLC_TT_FLOAT64, s4, 1, NULL, 0, 0, NULL, NULL, 0};
    oo_op op = {.op = ops[k], .inputs = &in, .n_inputs = 1};
    oo_ext opx = {.outputs = &out, .n_outputs = 1};
    oo_run r;
    if (oo_run_op_ext(&op, &opx, &r, names[k])) {
      const double *y = (const double *)TfLiteTensorData(oo_out(&r, 0));
      for (int i = 0; i < 4; i++) {
        const double want = k == 0   ? zd[2 * i]
                            : k == 1 ? zd[2 * i + 1]
                                     : hypot(zd[2 * i], zd[2 * i + 1]);
        CHECK_NEAR(y[i], want, 1e-12 * (fabs(want) + 1));
      }
    }
    oo_free(&r);
  }
  /* errors */
  float f[4] = {0};
  {
    oo_tensor in = {TFLC_TT_FLOAT32, s4, 1, f, 0, 0, NULL, NULL, 0};
    oo_tensor out = {TFLC_TT_FLOAT32, s4, 1, NULL, 0, 0, NULL, NULL, 0};
    oo_op op = {.op = TFLC_OP_REAL, .inputs = &in, .n_inputs = 1};
    oo_ext opx = {.outputs = &out, .n_outputs = 1};
    oo_expect_error_ext(&op, &opx, "input type FLOAT32 is not supported",
                        "REAL f32");
  }
  {
    oo_tensor in = {TFLC_TT_COMPLEX64, s4, 1, z, 0, 0, NULL, NULL, 0};
    oo_tensor out = {TFLC_TT_FLOAT64, s4, 1, NULL, 0, 0, NULL, NULL, 0};
    oo_op op = {.op = TFLC_OP_COMPLEX_ABS, .inputs = &in, .n_inputs = 1};
    oo_ext opx = {.outputs = &out, .n_outputs = 1};
    oo_expect_error_ext(&op, &opx, "does not match input type COMPLEX64",
                        "ABS c64->f64");
  }
  { /* empty */
    const int s0[] = {0, 3};
    oo_tensor in = {TFLC_TT_COMPLEX64, s0, 2, NULL, 0, 0, NULL, NULL, 0};
    oo_tensor out = {TFLC_TT_FLOAT32, s0, 2, NULL, 0, 0, NULL, NULL, 0};
    oo_op op = {.op = TFLC_OP_IMAG, .inputs = &in, .n_inputs = 1};
    oo_ext opx = {.outputs = &out, .n_outputs = 1};
    oo_run r;
    if (oo_run_op_ext(&op, &opx, &r, "IMAG empty"))
      CHECK_EQ_INT(TfLiteTensorByteSize(oo_out(&r, 0)), 0);
    oo_free(&r);
  }
}

int main(void) {
  test_rfft2d();
  test_rfft2d_errors();
  test_complex_parts();
  return CHECK_DONE();
}
