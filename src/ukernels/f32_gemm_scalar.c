/* Portable scalar f32 GEMM (see f32_gemm.h): C = clamp(A * B^T + bias).
 * Works on 4x4 output tiles so that each loaded A and B element feeds four
 * multiply-adds; the edges use 4x1, 1x4 and 1x1 tiles. */
#include "ukernels/f32_gemm.h"

static inline float clampf(float x, float lo, float hi) {
  return x < lo ? lo : (x > hi ? hi : x);
}

/* One output element: the general edge case. */
static float dot1(const float *a, const float *b, size_t k, float init) {
  float s = init;
  for (size_t i = 0; i < k; i++) s += a[i] * b[i];
  return s;
}

/* Rows r..r+3 of A against columns j..j+3 of B. */
static void tile4x4(const f32_gemm_params *p, size_t r, size_t j) {
  const size_t k = p->k;
  const float *a0 = p->a + r * p->lda, *a1 = a0 + p->lda, *a2 = a1 + p->lda,
              *a3 = a2 + p->lda;
  const float *b0 = p->b + j * p->ldb, *b1 = b0 + p->ldb, *b2 = b1 + p->ldb,
              *b3 = b2 + p->ldb;
  float bi0 = 0, bi1 = 0, bi2 = 0, bi3 = 0;
  if (p->bias) {
    bi0 = p->bias[j];
    bi1 = p->bias[j + 1];
    bi2 = p->bias[j + 2];
    bi3 = p->bias[j + 3];
  }
  float c00 = bi0, c01 = bi1, c02 = bi2, c03 = bi3;
  float c10 = bi0, c11 = bi1, c12 = bi2, c13 = bi3;
  float c20 = bi0, c21 = bi1, c22 = bi2, c23 = bi3;
  float c30 = bi0, c31 = bi1, c32 = bi2, c33 = bi3;
  for (size_t i = 0; i < k; i++) {
    const float x0 = a0[i], x1 = a1[i], x2 = a2[i], x3 = a3[i];
    const float w0 = b0[i], w1 = b1[i], w2 = b2[i], w3 = b3[i];
    c00 += x0 * w0;
    c01 += x0 * w1;
    c02 += x0 * w2;
    c03 += x0 * w3;
    c10 += x1 * w0;
    c11 += x1 * w1;
    c12 += x1 * w2;
    c13 += x1 * w3;
    c20 += x2 * w0;
    c21 += x2 * w1;
    c22 += x2 * w2;
    c23 += x2 * w3;
    c30 += x3 * w0;
    c31 += x3 * w1;
    c32 += x3 * w2;
    c33 += x3 * w3;
  }
  const float lo = p->lo, hi = p->hi;
  float *o0 = p->c + r * p->ldc + j, *o1 = o0 + p->ldc, *o2 = o1 + p->ldc,
        *o3 = o2 + p->ldc;
  o0[0] = clampf(c00, lo, hi);
  o0[1] = clampf(c01, lo, hi);
  o0[2] = clampf(c02, lo, hi);
  o0[3] = clampf(c03, lo, hi);
  o1[0] = clampf(c10, lo, hi);
  o1[1] = clampf(c11, lo, hi);
  o1[2] = clampf(c12, lo, hi);
  o1[3] = clampf(c13, lo, hi);
  o2[0] = clampf(c20, lo, hi);
  o2[1] = clampf(c21, lo, hi);
  o2[2] = clampf(c22, lo, hi);
  o2[3] = clampf(c23, lo, hi);
  o3[0] = clampf(c30, lo, hi);
  o3[1] = clampf(c31, lo, hi);
  o3[2] = clampf(c32, lo, hi);
  o3[3] = clampf(c33, lo, hi);
}

/* One row of A against columns j..j+3 of B. */
static void tile1x4(const f32_gemm_params *p, size_t r, size_t j) {
  const size_t k = p->k;
  const float *a0 = p->a + r * p->lda;
  const float *b0 = p->b + j * p->ldb, *b1 = b0 + p->ldb, *b2 = b1 + p->ldb,
              *b3 = b2 + p->ldb;
  float c0 = 0, c1 = 0, c2 = 0, c3 = 0;
  if (p->bias) {
    c0 = p->bias[j];
    c1 = p->bias[j + 1];
    c2 = p->bias[j + 2];
    c3 = p->bias[j + 3];
  }
  for (size_t i = 0; i < k; i++) {
    const float x = a0[i];
    c0 += x * b0[i];
    c1 += x * b1[i];
    c2 += x * b2[i];
    c3 += x * b3[i];
  }
  float *o = p->c + r * p->ldc + j;
  o[0] = clampf(c0, p->lo, p->hi);
  o[1] = clampf(c1, p->lo, p->hi);
  o[2] = clampf(c2, p->lo, p->hi);
  o[3] = clampf(c3, p->lo, p->hi);
}

/* Rows r..r+3 of A against column j of B. */
static void tile4x1(const f32_gemm_params *p, size_t r, size_t j) {
  const size_t k = p->k;
  const float *a0 = p->a + r * p->lda, *a1 = a0 + p->lda, *a2 = a1 + p->lda,
              *a3 = a2 + p->lda;
  const float *b0 = p->b + j * p->ldb;
  const float init = p->bias ? p->bias[j] : 0.0f;
  float c0 = init, c1 = init, c2 = init, c3 = init;
  for (size_t i = 0; i < k; i++) {
    const float w = b0[i];
    c0 += a0[i] * w;
    c1 += a1[i] * w;
    c2 += a2[i] * w;
    c3 += a3[i] * w;
  }
  float *o = p->c + r * p->ldc + j;
  o[0] = clampf(c0, p->lo, p->hi);
  o[p->ldc] = clampf(c1, p->lo, p->hi);
  o[2 * p->ldc] = clampf(c2, p->lo, p->hi);
  o[3 * p->ldc] = clampf(c3, p->lo, p->hi);
}

void f32_gemm__scalar(const f32_gemm_params *p) {
  const size_t m = p->m, n = p->n;
  const size_t n4 = n - n % 4, m4 = m - m % 4;
  for (size_t r = 0; r < m4; r += 4) {
    for (size_t j = 0; j < n4; j += 4) tile4x4(p, r, j);
    for (size_t j = n4; j < n; j++) tile4x1(p, r, j);
  }
  for (size_t r = m4; r < m; r++) {
    for (size_t j = 0; j < n4; j += 4) tile1x4(p, r, j);
  }
  for (size_t r = m4; r < m; r++) {
    const float *a = p->a + r * p->lda;
    for (size_t j = n4; j < n; j++) {
      float init = p->bias ? p->bias[j] : 0.0f;
      p->c[r * p->ldc + j] =
          clampf(dot1(a, p->b + j * p->ldb, p->k, init), p->lo, p->hi);
    }
  }
}
