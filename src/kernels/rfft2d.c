/* RFFT2D: the 2-D discrete Fourier transform of real input over its two
 * innermost dimensions. Inputs: input FLOAT32 [..., H, W] and fft_length
 * INT32 [2] = {fft_h, fft_w}; output COMPLEX64 [..., fft_h, fft_w / 2 + 1]
 * with X[u][v] = sum_{i,j} x[i][j] exp(-2 pi i (u i / fft_h + v j / fft_w)),
 * where the input is cropped or zero-padded to fft_h x fft_w (the
 * non-negative frequency half of the last axis, as tf.signal.rfft2d).
 *
 * TensorFlow Lite only accepts powers of two; tflc accepts any positive
 * length: powers of two use an iterative radix-2 FFT, other lengths a plain
 * DFT (O(n^2), exact table-driven twiddles). Everything is computed in
 * double and rounded to float at the end.
 *
 * With a constant fft_length the output is sized at prepare and the work
 * buffers (row results, one line, twiddles) are arena scratch. With a
 * non-constant fft_length the output is dynamic, sized at invoke, and the
 * transform is computed directly per output element (no scratch, slower). */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

enum { kInput = 0, kFftLength = 1 };

/* Upper bound on each fft length, so sizes stay far from overflow. */
#define RFFT_MAX_LEN (1 << 24)

typedef struct rfft2d_data {
  int scratch_idx; /* -1: non-constant fft_length, direct path */
  int fft_h, fft_w;
} rfft2d_data;

static void *rfft2d_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  rfft2d_data *d = ctx->AllocatePersistentBuffer(ctx, sizeof(rfft2d_data));
  if (d) {
    d->scratch_idx = -1;
    d->fft_h = d->fft_w = 0;
  }
  return d;
}

static int is_pow2(int n) { return n > 0 && (n & (n - 1)) == 0; }

/* Checks the fft lengths and sizes the output. */
static TfLiteStatus rfft2d_resize(TfLiteContext *ctx, const TfLiteTensor *in,
                                  const TfLiteTensor *len, TfLiteTensor *out,
                                  int *fft_h, int *fft_w) {
  const int32_t h = len->data.i32[0], w = len->data.i32[1];
  KERN_ENSURE(ctx, h >= 1 && w >= 1,
              "fft_length must be positive, got [%d, %d]", (int)h, (int)w);
  KERN_ENSURE(ctx, h <= RFFT_MAX_LEN && w <= RFFT_MAX_LEN,
              "fft_length [%d, %d] is above the supported %d", (int)h, (int)w,
              RFFT_MAX_LEN);
  const int rank = kern_ndims(in);
  int dims[KERN_MAX_DIMS];
  size_t count = 1;
  for (int i = 0; i < rank - 2; i++) {
    dims[i] = kern_dim(in, i);
    if (dims[i] != 0) {
      KERN_ENSURE(ctx, count <= SIZE_MAX / 8 / (size_t)dims[i],
                  "output size overflows");
      count *= (size_t)dims[i];
    }
  }
  dims[rank - 2] = (int)h;
  dims[rank - 1] = (int)(w / 2 + 1);
  KERN_ENSURE(
      ctx,
      (size_t)h * (size_t)dims[rank - 1] <= SIZE_MAX / 16 / (count ? count : 1),
      "output size overflows");
  *fft_h = (int)h;
  *fft_w = (int)w;
  return kern_resize_output(ctx, out, dims, rank);
}

static TfLiteStatus rfft2d_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  rfft2d_data *d = (rfft2d_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *in = kern_input(ctx, node, kInput);
  const TfLiteTensor *len = kern_input(ctx, node, kFftLength);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in != NULL, "input is missing");
  KERN_ENSURE(ctx, len != NULL, "fft_length is missing");
  KERN_ENSURE(ctx, out != NULL, "output is missing");
  KERN_ENSURE(ctx, in->type == kTfLiteFloat32,
              "input type %s is not supported (FLOAT32)",
              kern_type_name(in->type));
  KERN_ENSURE(ctx, kern_ndims(in) >= 2 && kern_ndims(in) <= KERN_MAX_DIMS,
              "input has %d dims, expected 2 to %d", kern_ndims(in),
              KERN_MAX_DIMS);
  KERN_ENSURE(ctx, len->type == kTfLiteInt32,
              "fft_length type %s is not supported (INT32)",
              kern_type_name(len->type));
  KERN_ENSURE(ctx, kern_ndims(len) == 1 && kern_dim(len, 0) == 2,
              "fft_length must have shape [2]");
  KERN_ENSURE(ctx, out->type == kTfLiteComplex64,
              "output type %s is not supported (COMPLEX64)",
              kern_type_name(out->type));
  d->scratch_idx = -1;
  if (!kern_is_constant(len)) {
    kern_set_dynamic(out);
    return kTfLiteOk;
  }
  KERN_OK(rfft2d_resize(ctx, in, len, out, &d->fft_h, &d->fft_w));
  /* Scratch, in doubles: grid 2*h*(w/2+1), line and tmp 2*max(h, w) each,
   * twiddles 2*w + 2*h. Lengths are <= 2^24, so nothing overflows. */
  const size_t h = (size_t)d->fft_h, w = (size_t)d->fft_w;
  const size_t mx = h > w ? h : w;
  const size_t grid = 2 * h * (w / 2 + 1);
  KERN_ENSURE(ctx, grid <= SIZE_MAX / 8 - 6 * mx - 2 * (h + w),
              "work buffer size overflows");
  const size_t doubles = grid + 4 * mx + 2 * (w + h);
  return ctx->RequestScratchBufferInArena(ctx, doubles * sizeof(double),
                                          &d->scratch_idx);
}

/* tw[2m], tw[2m+1] = cos, sin of 2 pi m / n, m < n. */
static void twiddles(double *tw, int n) {
  const double step = 2.0 * 3.14159265358979323846 / (double)n;
  for (int m = 0; m < n; m++) {
    tw[2 * m] = cos(step * m);
    tw[2 * m + 1] = sin(step * m);
  }
}

/* Forward complex DFT of x (n interleaved re/im pairs) in place. */
static void fft(double *x, int n, const double *tw, double *tmp) {
  if (n <= 1) return;
  if (is_pow2(n)) {
    for (int i = 1, j = 0; i < n; i++) { /* bit-reversal permutation */
      int bit = n >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j |= bit;
      if (i < j) {
        double t = x[2 * i];
        x[2 * i] = x[2 * j];
        x[2 * j] = t;
        t = x[2 * i + 1];
        x[2 * i + 1] = x[2 * j + 1];
        x[2 * j + 1] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      const int half = len >> 1, step = n / len;
      for (int s = 0; s < n; s += len) {
        for (int k = 0; k < half; k++) {
          const double c = tw[2 * k * step], sn = -tw[2 * k * step + 1];
          double *a = x + 2 * (s + k), *b = x + 2 * (s + k + half);
          const double vr = b[0] * c - b[1] * sn, vi = b[0] * sn + b[1] * c;
          b[0] = a[0] - vr;
          b[1] = a[1] - vi;
          a[0] += vr;
          a[1] += vi;
        }
      }
    }
    return;
  }
  for (int k = 0; k < n; k++) {
    double re = 0, im = 0;
    int idx = 0; /* (j * k) mod n */
    for (int j = 0; j < n; j++) {
      const double c = tw[2 * idx], s = tw[2 * idx + 1];
      re += x[2 * j] * c + x[2 * j + 1] * s;
      im += x[2 * j + 1] * c - x[2 * j] * s;
      idx += k;
      if (idx >= n) idx -= n;
    }
    tmp[2 * k] = re;
    tmp[2 * k + 1] = im;
  }
  memcpy(x, tmp, (size_t)n * 2 * sizeof(double));
}

/* One [in_h, in_w] slice -> one [fft_h, fft_w/2+1] complex slice. */
static void rfft2d_slice(const float *x, int in_h, int in_w, int fft_h,
                         int fft_w, float *y, double *work) {
  const int w2 = fft_w / 2 + 1, mx = fft_h > fft_w ? fft_h : fft_w;
  double *grid = work;
  double *line = grid + 2 * (size_t)fft_h * (size_t)w2;
  double *tmp = line + 2 * (size_t)mx;
  double *tw_w = tmp + 2 * (size_t)mx;
  double *tw_h = tw_w + 2 * (size_t)fft_w;
  const int rows = in_h < fft_h ? in_h : fft_h;
  const int cols = in_w < fft_w ? in_w : fft_w;
  for (int i = 0; i < fft_h; i++) {
    double *g = grid + 2 * (size_t)i * (size_t)w2;
    if (i >= rows) {
      memset(g, 0, 2 * (size_t)w2 * sizeof(double));
      continue;
    }
    const float *xr = x + (size_t)i * (size_t)in_w;
    for (int j = 0; j < fft_w; j++) {
      line[2 * j] = j < cols ? (double)xr[j] : 0.0;
      line[2 * j + 1] = 0.0;
    }
    fft(line, fft_w, tw_w, tmp);
    memcpy(g, line, 2 * (size_t)w2 * sizeof(double));
  }
  for (int v = 0; v < w2; v++) {
    for (int i = 0; i < fft_h; i++) {
      line[2 * i] = grid[2 * ((size_t)i * (size_t)w2 + (size_t)v)];
      line[2 * i + 1] = grid[2 * ((size_t)i * (size_t)w2 + (size_t)v) + 1];
    }
    fft(line, fft_h, tw_h, tmp);
    for (int u = 0; u < fft_h; u++) {
      float *o = y + 2 * ((size_t)u * (size_t)w2 + (size_t)v);
      o[0] = (float)line[2 * u];
      o[1] = (float)line[2 * u + 1];
    }
  }
}

/* Direct evaluation (no work memory): per output element, the double sum
 * with the phase factors advanced by complex rotation. */
static void rfft2d_slice_direct(const float *x, int in_h, int in_w, int fft_h,
                                int fft_w, float *y) {
  const double two_pi = 2.0 * 3.14159265358979323846;
  const int w2 = fft_w / 2 + 1;
  const int rows = in_h < fft_h ? in_h : fft_h;
  const int cols = in_w < fft_w ? in_w : fft_w;
  for (int u = 0; u < fft_h; u++) {
    const double au = -two_pi * (double)u / (double)fft_h;
    const double ru = cos(au), iu = sin(au);
    for (int v = 0; v < w2; v++) {
      const double av = -two_pi * (double)v / (double)fft_w;
      const double rv = cos(av), iv = sin(av);
      double sr = 0, si = 0;
      double pr = 1, pi = 0; /* exp(-2 pi i u row / fft_h) */
      for (int i = 0; i < rows; i++) {
        double rr = 0, ri = 0, qr = 1, qi = 0; /* exp(-2 pi i v j / fft_w) */
        const float *xr = x + (size_t)i * (size_t)in_w;
        for (int j = 0; j < cols; j++) {
          /* Analyzer false positive: x is NULL only for an empty input, and
           * then rows or cols is 0 */
          /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
          rr += xr[j] * qr;
          ri += xr[j] * qi;
          const double t = qr * rv - qi * iv;
          qi = qr * iv + qi * rv;
          qr = t;
        }
        sr += rr * pr - ri * pi;
        si += rr * pi + ri * pr;
        const double t = pr * ru - pi * iu;
        pi = pr * iu + pi * ru;
        pr = t;
      }
      float *o = y + 2 * ((size_t)u * (size_t)w2 + (size_t)v);
      o[0] = (float)sr;
      o[1] = (float)si;
    }
  }
}

static TfLiteStatus rfft2d_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  rfft2d_data *d = (rfft2d_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, kInput);
  const TfLiteTensor *len = kern_input(ctx, node, kFftLength);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int fft_h = d->fft_h, fft_w = d->fft_w;
  if (out->allocation_type == kTfLiteDynamic)
    KERN_OK(rfft2d_resize(ctx, in, len, out, &fft_h, &fft_w));
  const int rank = kern_ndims(in);
  const int in_w = kern_dim(in, rank - 1);
  /* an empty input slice reads nothing (the result is all zeros) */
  const int in_h = in_w == 0 ? 0 : kern_dim(in, rank - 2);
  size_t slices = 1;
  for (int i = 0; i < rank - 2; i++) slices *= (size_t)kern_dim(in, i);
  const size_t in_slice = (size_t)in_h * (size_t)in_w;
  const size_t out_slice = 2 * (size_t)fft_h * (size_t)(fft_w / 2 + 1);
  if (slices == 0 || out_slice == 0) return kTfLiteOk;
  double *work = NULL;
  if (d->scratch_idx >= 0) {
    work = (double *)ctx->GetScratchBuffer(ctx, d->scratch_idx);
    KERN_ENSURE(ctx, work != NULL, "scratch buffer is missing");
    const int mx = fft_h > fft_w ? fft_h : fft_w;
    double *tw_w =
        work + 2 * (size_t)fft_h * (size_t)(fft_w / 2 + 1) + 4 * (size_t)mx;
    twiddles(tw_w, fft_w);
    twiddles(tw_w + 2 * (size_t)fft_w, fft_h);
  }
  for (size_t s = 0; s < slices; s++) {
    const float *x = in_slice ? in->data.f + s * in_slice : NULL;
    float *y = out->data.f + s * out_slice;
    if (work)
      rfft2d_slice(x, in_h, in_w, fft_h, fft_w, y, work);
    else
      rfft2d_slice_direct(x, in_h, in_w, fft_h, fft_w, y);
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_rfft2d = {
    .init = rfft2d_init,
    .prepare = rfft2d_prepare,
    .invoke = rfft2d_invoke,
    .builtin_code = TFLC_OP_RFFT2D,
    .version = 1,
};
