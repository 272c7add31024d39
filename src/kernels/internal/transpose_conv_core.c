/* Float transposed convolution as GEMM + scatter-add (see
 * transpose_conv_core.h). The 2-D entry re-orders its filter and runs the
 * 3-D core with depth 1. */
#include "kernels/internal/transpose_conv_core.h"

#include <stdint.h>

#include "ukernels/f32_gemm.h"

/* Target size of one column tile, in floats (128 KiB). */
#define TCONV_TILE_FLOATS 32768

/* Floats of one GEMM output row: every (kz, ky, kx, oc) of one input voxel. */
static size_t row_floats(const kern_tconv3d_geom *g) {
  return (size_t)g->k_d * (size_t)g->k_h * (size_t)g->k_w * (size_t)g->out_c;
}

static size_t in_voxels(const kern_tconv3d_geom *g) {
  return (size_t)g->batch * (size_t)g->in_d * (size_t)g->in_h * (size_t)g->in_w;
}

size_t kern_tconv3d_tile(const kern_tconv3d_geom *g) {
  const size_t n = row_floats(g), voxels = in_voxels(g);
  if (n == 0 || voxels == 0) return 0;
  size_t tile = TCONV_TILE_FLOATS / n;
  if (tile > 4) tile -= tile % 4;
  if (tile < 1) tile = 1;
  if (tile > voxels) tile = voxels;
  return tile;
}

size_t kern_tconv3d_scratch_floats(const kern_tconv3d_geom *g) {
  if (g->in_c == 0 ||
      (size_t)g->out_d * (size_t)g->out_h * (size_t)g->out_w == 0)
    return 0;
  return kern_tconv3d_tile(g) * row_floats(g);
}

/* Adds one GEMM row (every tap of input voxel p) into the output. */
static void scatter_row(const kern_tconv3d_geom *g, size_t p, const float *src,
                        float *out) {
  const size_t oc = (size_t)g->out_c;
  const size_t in_hw = (size_t)g->in_h * (size_t)g->in_w;
  const size_t in_dhw = (size_t)g->in_d * in_hw;
  const size_t out_hw = (size_t)g->out_h * (size_t)g->out_w;
  const size_t b = p / in_dhw, rem = p % in_dhw;
  const int64_t iz = (int64_t)(rem / in_hw);
  const int64_t iy = (int64_t)(rem % in_hw / (size_t)g->in_w);
  const int64_t ix = (int64_t)(rem % (size_t)g->in_w);
  /* 64-bit positions: untrusted strides/dilations must not overflow. */
  const int64_t oz0 = iz * g->stride_d - g->pad_front;
  const int64_t oy0 = iy * g->stride_h - g->pad_top;
  const int64_t ox0 = ix * g->stride_w - g->pad_left;
  float *out_b = out + b * (size_t)g->out_d * out_hw * oc;
  for (int kz = 0; kz < g->k_d; kz++) {
    const int64_t oz = oz0 + (int64_t)kz * g->dil_d;
    if (oz < 0 || oz >= g->out_d) continue;
    for (int ky = 0; ky < g->k_h; ky++) {
      const int64_t oy = oy0 + (int64_t)ky * g->dil_h;
      if (oy < 0 || oy >= g->out_h) continue;
      for (int kx = 0; kx < g->k_w; kx++) {
        const int64_t ox = ox0 + (int64_t)kx * g->dil_w;
        if (ox < 0 || ox >= g->out_w) continue;
        const size_t tap =
            ((size_t)kz * (size_t)g->k_h + (size_t)ky) * (size_t)g->k_w +
            (size_t)kx;
        const float *s = src + tap * oc;
        float *dst = out_b + (((size_t)oz * (size_t)g->out_h + (size_t)oy) *
                                  (size_t)g->out_w +
                              (size_t)ox) *
                                 oc;
        /* Analyzer false positive: a non-empty product has the scratch prepare
         * requested */
        /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
        for (size_t c = 0; c < oc; c++) dst[c] += s[c];
      }
    }
  }
}

void kern_tconv3d_f32(const kern_tconv3d_f32_args *a) {
  const kern_tconv3d_geom *g = a->g;
  const size_t oc = (size_t)g->out_c, ic = (size_t)g->in_c;
  const size_t out_total = (size_t)g->batch * (size_t)g->out_d *
                           (size_t)g->out_h * (size_t)g->out_w * oc;
  if (out_total == 0) return;
  float *out = a->output;
  for (size_t p = 0; p < out_total; p += oc) {
    for (size_t c = 0; c < oc; c++) out[p + c] = a->bias ? a->bias[c] : 0.0f;
  }

  const size_t n = row_floats(g), voxels = in_voxels(g);
  const size_t tile = kern_tconv3d_tile(g);
  if (ic > 0 && tile > 0) {
    float *col = a->scratch;
    for (size_t p0 = 0; p0 < voxels; p0 += tile) {
      const size_t count = voxels - p0 < tile ? voxels - p0 : tile;
      const f32_gemm_params gp = {.m = count,
                                  .n = n,
                                  .k = ic,
                                  .a = a->input + p0 * ic,
                                  .lda = ic,
                                  .b = a->filter,
                                  .ldb = ic,
                                  .bias = NULL,
                                  .c = col,
                                  .ldc = n,
                                  .lo = -__builtin_inff(),
                                  .hi = __builtin_inff()};
      f32_gemm(&gp);
      for (size_t r = 0; r < count; r++)
        scatter_row(g, p0 + r, col + r * n, out);
    }
  }

  if (a->lo > -__builtin_inff() || a->hi < __builtin_inff()) {
    for (size_t i = 0; i < out_total; i++) {
      const float v = out[i];
      out[i] = v < a->lo ? a->lo : (v > a->hi ? a->hi : v);
    }
  }
}

/* ---- 2-D entry ---- */

static kern_tconv3d_geom as_3d(const kern_tconv_geom *g) {
  return (kern_tconv3d_geom){.batch = g->batch,
                             .in_d = 1,
                             .in_h = g->in_h,
                             .in_w = g->in_w,
                             .in_c = g->in_c,
                             .out_d = 1,
                             .out_h = g->out_h,
                             .out_w = g->out_w,
                             .out_c = g->out_c,
                             .k_d = 1,
                             .k_h = g->k_h,
                             .k_w = g->k_w,
                             .stride_d = 1,
                             .stride_h = g->stride_h,
                             .stride_w = g->stride_w,
                             .dil_d = 1,
                             .dil_h = 1,
                             .dil_w = 1,
                             .pad_front = 0,
                             .pad_top = g->pad_top,
                             .pad_left = g->pad_left};
}

size_t kern_tconv_tile(const kern_tconv_geom *g) {
  const kern_tconv3d_geom g3 = as_3d(g);
  return kern_tconv3d_tile(&g3);
}

size_t kern_tconv_scratch_floats(const kern_tconv_geom *g) {
  const kern_tconv3d_geom g3 = as_3d(g);
  const size_t col = kern_tconv3d_scratch_floats(&g3);
  if (col == 0) return 0;
  return row_floats(&g3) * (size_t)g->in_c + col;
}

void kern_tconv_f32(const kern_tconv_f32_args *a) {
  const kern_tconv3d_geom g3 = as_3d(a->g);
  const size_t oc = (size_t)g3.out_c, ic = (size_t)g3.in_c;
  const size_t n = row_floats(&g3);
  float *wt = a->scratch;
  const int work = kern_tconv3d_scratch_floats(&g3) > 0;
  if (work) {
    /* Filter [oc][ky][kx][ic] -> [ky][kx][oc][ic]: GEMM rows grouped by tap. */
    const size_t taps = (size_t)g3.k_h * (size_t)g3.k_w;
    for (size_t o = 0; o < oc; o++) {
      for (size_t t = 0; t < taps; t++) {
        const float *src = a->filter + (o * taps + t) * ic;
        float *dst = wt + (t * oc + o) * ic;
        for (size_t i = 0; i < ic; i++) dst[i] = src[i];
      }
    }
  }
  const kern_tconv3d_f32_args a3 = {.g = &g3,
                                    .input = a->input,
                                    .filter = work ? wt : NULL,
                                    .bias = a->bias,
                                    .output = a->output,
                                    .lo = a->lo,
                                    .hi = a->hi,
                                    .scratch = work ? wt + n * ic : NULL};
  kern_tconv3d_f32(&a3);
}
