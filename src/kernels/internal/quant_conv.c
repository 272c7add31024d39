/* Integer loops of the quantized CONV_2D, DEPTHWISE_CONV_2D and
 * TRANSPOSE_CONV (quant_conv.h): output-centric, one output row per task,
 * the receptive field's valid taps summed exactly, then bias and
 * requantization per output channel. */
#include "kernels/internal/quant_conv.h"

#include <stddef.h>

/* sum over i < n of (w[i] + w_off) * (x[i] + x_off) for the op's types;
 * xi / wi are element offsets into the input / filter. */
static inline int64_t tap_dot(const quant_conv_args *a, size_t xi, size_t wi,
                              int n) {
  switch (a->type) {
    case kTfLiteInt8: {
      const int8_t *x = (const int8_t *)a->input + xi;
      const int8_t *w = (const int8_t *)a->filter + wi;
      const int32_t xo = a->q->input_offset;
      int32_t acc = 0;
      for (int i = 0; i < n; i++) acc += (int32_t)w[i] * ((int32_t)x[i] + xo);
      return acc;
    }
    case kTfLiteUInt8: {
      const uint8_t *x = (const uint8_t *)a->input + xi;
      const uint8_t *w = (const uint8_t *)a->filter + wi;
      const int32_t xo = a->q->input_offset, wo = a->q->filter_offset;
      int32_t acc = 0;
      for (int i = 0; i < n; i++)
        acc += ((int32_t)w[i] + wo) * ((int32_t)x[i] + xo);
      return acc;
    }
    default: {
      const int16_t *x = (const int16_t *)a->input + xi;
      const int8_t *w = (const int8_t *)a->filter + wi;
      int64_t acc = 0;
      for (int i = 0; i < n; i++) acc += (int64_t)w[i] * (int64_t)x[i];
      return acc;
    }
  }
}

/* ---- CONV_2D ------------------------------------------------------------ */

static void conv_row(const quant_conv_args *a, int b, int oy) {
  const quant_conv_geom *g = a->g;
  const int groups = g->f_in > 0 ? g->in_c / g->f_in : 1;
  const int per_group = g->out_c / (groups > 0 ? groups : 1);
  const int y0 = oy * g->stride_h - g->pad_top;
  size_t o = (((size_t)b * (size_t)g->out_h + (size_t)oy) * (size_t)g->out_w) *
             (size_t)g->out_c;
  for (int ox = 0; ox < g->out_w; ox++) {
    const int x0 = ox * g->stride_w - g->pad_left;
    for (int oc = 0; oc < g->out_c; oc++, o++) {
      const int grp = per_group > 0 ? oc / per_group : 0;
      int64_t acc = 0;
      for (int ky = 0; ky < g->k_h; ky++) {
        const int iy = y0 + ky * g->dil_h;
        if (iy < 0 || iy >= g->in_h) continue;
        for (int kx = 0; kx < g->k_w; kx++) {
          const int ix = x0 + kx * g->dil_w;
          if (ix < 0 || ix >= g->in_w) continue;
          const size_t xi =
              (((size_t)b * (size_t)g->in_h + (size_t)iy) * (size_t)g->in_w +
               (size_t)ix) *
                  (size_t)g->in_c +
              (size_t)grp * (size_t)g->f_in;
          const size_t wi =
              (((size_t)oc * (size_t)g->k_h + (size_t)ky) * (size_t)g->k_w +
               (size_t)kx) *
              (size_t)g->f_in;
          acc += tap_dot(a, xi, wi, g->f_in);
        }
      }
      quant_store(a->output, a->type, o,
                  quant_finish(acc, a->bias, a->q, a->type, oc));
    }
  }
}

/* ---- DEPTHWISE_CONV_2D -------------------------------------------------- */

static inline int32_t load_x(const quant_conv_args *a, size_t i) {
  switch (a->type) {
    case kTfLiteInt8:
      return (int32_t)((const int8_t *)a->input)[i] + a->q->input_offset;
    case kTfLiteUInt8:
      return (int32_t)((const uint8_t *)a->input)[i] + a->q->input_offset;
    default: return ((const int16_t *)a->input)[i];
  }
}

static inline int32_t load_w(const quant_conv_args *a, size_t i) {
  if (a->type == kTfLiteUInt8)
    return (int32_t)((const uint8_t *)a->filter)[i] + a->q->filter_offset;
  return ((const int8_t *)a->filter)[i];
}

static void depthwise_row(const quant_conv_args *a, int b, int oy) {
  const quant_conv_geom *g = a->g;
  const int m = g->multiplier > 0 ? g->multiplier : 1;
  const int y0 = oy * g->stride_h - g->pad_top;
  size_t o = (((size_t)b * (size_t)g->out_h + (size_t)oy) * (size_t)g->out_w) *
             (size_t)g->out_c;
  for (int ox = 0; ox < g->out_w; ox++) {
    const int x0 = ox * g->stride_w - g->pad_left;
    for (int oc = 0; oc < g->out_c; oc++, o++) {
      const int ic = oc / m;
      int64_t acc = 0;
      for (int ky = 0; ky < g->k_h; ky++) {
        const int iy = y0 + ky * g->dil_h;
        if (iy < 0 || iy >= g->in_h) continue;
        for (int kx = 0; kx < g->k_w; kx++) {
          const int ix = x0 + kx * g->dil_w;
          if (ix < 0 || ix >= g->in_w) continue;
          const size_t xi =
              (((size_t)b * (size_t)g->in_h + (size_t)iy) * (size_t)g->in_w +
               (size_t)ix) *
                  (size_t)g->in_c +
              (size_t)ic;
          const size_t wi =
              ((size_t)ky * (size_t)g->k_w + (size_t)kx) * (size_t)g->out_c +
              (size_t)oc;
          acc += (int64_t)load_w(a, wi) * (int64_t)load_x(a, xi);
        }
      }
      quant_store(a->output, a->type, o,
                  quant_finish(acc, a->bias, a->q, a->type, oc));
    }
  }
}

/* ---- TRANSPOSE_CONV ----------------------------------------------------- */

/* Input pixel i of a transposed convolution that reaches output o through
 * tap k: o = i * stride - pad + k. Returns -1 when there is none. */
static inline int source(int o, int k, int stride, int pad, int in) {
  const int t = o + pad - k;
  if (t < 0 || t % stride != 0) return -1;
  const int i = t / stride;
  return i < in ? i : -1;
}

static void tconv_row(const quant_conv_args *a, int b, int oy) {
  const quant_conv_geom *g = a->g;
  size_t o = (((size_t)b * (size_t)g->out_h + (size_t)oy) * (size_t)g->out_w) *
             (size_t)g->out_c;
  for (int ox = 0; ox < g->out_w; ox++) {
    for (int oc = 0; oc < g->out_c; oc++, o++) {
      int64_t acc = 0;
      for (int ky = 0; ky < g->k_h; ky++) {
        const int iy = source(oy, ky, g->stride_h, g->pad_top, g->in_h);
        if (iy < 0) continue;
        for (int kx = 0; kx < g->k_w; kx++) {
          const int ix = source(ox, kx, g->stride_w, g->pad_left, g->in_w);
          if (ix < 0) continue;
          const size_t xi =
              (((size_t)b * (size_t)g->in_h + (size_t)iy) * (size_t)g->in_w +
               (size_t)ix) *
              (size_t)g->in_c;
          const size_t wi =
              (((size_t)oc * (size_t)g->k_h + (size_t)ky) * (size_t)g->k_w +
               (size_t)kx) *
              (size_t)g->in_c;
          acc += tap_dot(a, xi, wi, g->in_c);
        }
      }
      quant_store(a->output, a->type, o,
                  quant_finish(acc, a->bias, a->q, a->type, oc));
    }
  }
}

/* ---- running rows on the thread pool ------------------------------------ */

typedef struct row_split {
  const quant_conv_args *a;
  void (*row)(const quant_conv_args *a, int b, int oy);
  int rows, block;
} row_split;

static void row_task(void *arg, int task) {
  const row_split *s = arg;
  const int begin = task * s->block;
  const int end = begin + s->block < s->rows ? begin + s->block : s->rows;
  for (int r = begin; r < end; r++)
    s->row(s->a, r / s->a->g->out_h, r % s->a->g->out_h);
}

static void run_rows(TfLiteContext *ctx, const quant_conv_args *a,
                     void (*row)(const quant_conv_args *, int, int)) {
  const quant_conv_geom *g = a->g;
  if (g->batch <= 0 || g->out_h <= 0 || g->out_w <= 0 || g->out_c <= 0) return;
  row_split s = {a, row, g->batch * g->out_h, 1};
  int threads = ctx->recommended_num_threads;
  if (threads < 2 || !ctx->TflcParallelFor || s.rows < 2) {
    s.block = s.rows;
    row_task(&s, 0);
    return;
  }
  int tasks = threads * 4 < s.rows ? threads * 4 : s.rows;
  s.block = (s.rows + tasks - 1) / tasks;
  ctx->TflcParallelFor(ctx, (s.rows + s.block - 1) / s.block, row_task, &s);
}

void quant_conv2d(TfLiteContext *ctx, const quant_conv_args *a) {
  run_rows(ctx, a, conv_row);
}

void quant_depthwise(TfLiteContext *ctx, const quant_conv_args *a) {
  run_rows(ctx, a, depthwise_row);
}

void quant_transpose_conv(TfLiteContext *ctx, const quant_conv_args *a) {
  run_rows(ctx, a, tconv_row);
}
