/* CONV_3D: 3-D convolution of an NDHWC input with a filter
 * [k_d, k_h, k_w, in_c, out_c] (TensorFlow's conv3d layout) plus an optional
 * bias [out_c] and a fused clamp activation (Conv3DOptions: padding, strides
 * and dilations per depth/height/width). Float32. Each output depth plane is
 * the sum, over the filter's depth taps that land inside the input, of a 2-D
 * convolution of one input plane: im2col tiles of that plane (the shared
 * 2-D im2col) times the filter slice of that tap (the shared GEMM), with the
 * filter transposed to [out_c][k_d][k_h][k_w][in_c] in scratch at invoke. */
#include <stdint.h>
#include "kernels/internal/conv_prep.h"
#include "kernels/internal/im2col.h"
#include "kernels/internal/padding.h"
#include "kernels/kernel_util.h"
#include "ukernels/f32_gemm.h"

enum { kInput = 0, kFilter = 1, kBias = 2 };

typedef struct conv_3d_data {
  kern_pad_dim d, h, w;
  float lo, hi;
  int direct;      /* 1x1 in height/width, stride 1: GEMM on the input plane */
  size_t tile_m;   /* output pixels (of one plane) per tile */
  int scratch_idx; /* -1 when there is nothing to compute */
  /* Offsets (floats) in the scratch buffer. */
  size_t off_col, off_acc;
} conv_3d_data;

KERN_ZEROED_INIT(conv_3d_init, conv_3d_data)

static TfLiteStatus conv_3d_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  conv_3d_data *d = (conv_3d_data *)node->user_data;
  kern_conv_io io;
  KERN_OK(kern_conv_get_io(ctx, node, d, 5, 0, &io));
  const TfLiteTensor *input = io.input, *filter = io.filter, *bias = io.bias;
  TfLiteTensor *output = io.output;
  KERN_OK(kern_conv_check_f32(ctx, &io));

  kern_conv_opts opts;
  KERN_OK(kern_conv3d_options(ctx, node, &opts));
  const int padding = opts.padding;
  const int stride_d = opts.stride[0], stride_h = opts.stride[1],
            stride_w = opts.stride[2];
  const int dil_d = opts.dil[0], dil_h = opts.dil[1], dil_w = opts.dil[2];
  d->lo = opts.lo;
  d->hi = opts.hi;

  const int batch = kern_dim(input, 0), in_c = kern_dim(input, 4);
  const int f_in = kern_dim(filter, 3), out_c = kern_dim(filter, 4);
  KERN_ENSURE(ctx, f_in == in_c, "filter has %d input channels, input has %d",
              f_in, in_c);
  KERN_OK(kern_conv_check_bias(ctx, bias, out_c));

  d->d = (kern_pad_dim){.in = kern_dim(input, 1),
                        .filter = kern_dim(filter, 0),
                        .stride = stride_d,
                        .dilation = dil_d};
  d->h = (kern_pad_dim){.in = kern_dim(input, 2),
                        .filter = kern_dim(filter, 1),
                        .stride = stride_h,
                        .dilation = dil_h};
  d->w = (kern_pad_dim){.in = kern_dim(input, 3),
                        .filter = kern_dim(filter, 2),
                        .stride = stride_w,
                        .dilation = dil_w};
  KERN_OK(kern_pad_compute(ctx, padding, "depth", &d->d));
  KERN_OK(kern_pad_compute(ctx, padding, "height", &d->h));
  KERN_OK(kern_pad_compute(ctx, padding, "width", &d->w));

  const int out_dims[5] = {batch, d->d.out, d->h.out, d->w.out, out_c};
  KERN_OK(kern_resize_output(ctx, output, out_dims, 5));

  d->direct =
      d->h.filter == 1 && d->w.filter == 1 && stride_h == 1 && stride_w == 1;
  d->scratch_idx = -1;
  d->tile_m = 0;
  /* k2: one depth tap's receptive field; k: the whole filter per output. */
  const size_t k2 = (size_t)d->h.filter * (size_t)d->w.filter * (size_t)in_c;
  const size_t k = (size_t)d->d.filter * k2;
  const size_t plane = (size_t)d->h.out * (size_t)d->w.out;
  const size_t outputs = (size_t)batch * (size_t)d->d.out * plane;
  if (k2 > 0 && outputs > 0 && out_c > 0) {
    const size_t tile = kern_im2col_tile(k2, plane);
    d->tile_m = tile;
    /* [transposed filter][im2col tile][partial sums tile] */
    size_t floats = (size_t)out_c * k;
    d->off_col = floats;
    if (!d->direct) floats += tile * k2;
    d->off_acc = floats;
    if (d->d.filter > 1) floats += tile * (size_t)out_c;
    KERN_ENSURE(ctx, floats <= SIZE_MAX / sizeof(float),
                "scratch size overflows");
    KERN_OK(ctx->RequestScratchBufferInArena(ctx, floats * sizeof(float),
                                             &d->scratch_idx));
  }
  return kTfLiteOk;
}

/* Output for an empty receptive field: the bias, clamped. */
static void fill_bias(float *out, size_t pixels, int out_c, const float *bias,
                      float lo, float hi) {
  for (size_t p = 0; p < pixels; p++) {
    for (int c = 0; c < out_c; c++) {
      out[p * (size_t)out_c + (size_t)c] =
          kern_clamp_f32(bias ? bias[c] : 0.0f, lo, hi);
    }
  }
}

static TfLiteStatus conv_3d_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const conv_3d_data *d = (const conv_3d_data *)node->user_data;
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *filter = kern_input(ctx, node, kFilter);
  const TfLiteTensor *bias_t = kern_input(ctx, node, kBias);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  const float *bias = bias_t ? bias_t->data.f : NULL;
  /* Analyzer false positive: prepare checked (kern_conv_get_io) that output 0
   * exists */
  /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
  float *out = output->data.f;
  const int batch = kern_dim(input, 0), in_c = kern_dim(input, 4);
  const int out_c = kern_dim(filter, 4);
  const size_t oc = (size_t)out_c;
  const size_t plane = (size_t)d->h.out * (size_t)d->w.out;
  const size_t outputs = (size_t)batch * (size_t)d->d.out * plane;
  if (outputs == 0 || out_c == 0) return kTfLiteOk;
  if (d->scratch_idx < 0) { /* empty receptive field */
    fill_bias(out, outputs, out_c, bias, d->lo, d->hi);
    return kTfLiteOk;
  }

  float *scratch = (float *)ctx->GetScratchBuffer(ctx, d->scratch_idx);
  KERN_ENSURE(ctx, scratch != NULL, "scratch buffer is missing");
  const size_t k2 = (size_t)d->h.filter * (size_t)d->w.filter * (size_t)in_c;
  const size_t k = (size_t)d->d.filter * k2;
  /* Filter [k][out_c] -> [out_c][k]: one GEMM row of weights per channel. */
  float *wt = scratch;
  const float *f = filter->data.f;
  for (size_t i = 0; i < k; i++) {
    for (size_t o = 0; o < oc; o++) wt[o * k + i] = f[i * oc + o];
  }
  float *col = scratch + d->off_col;
  float *acc = scratch + d->off_acc;

  const size_t in_plane = (size_t)d->h.in * (size_t)d->w.in * (size_t)in_c;
  const kern_im2col_geom geom = kern_im2col_geom_of(&d->h, &d->w, in_c, in_c);
  const float no_lo = -__builtin_inff(), no_hi = __builtin_inff();
  for (int b = 0; b < batch; b++) {
    for (int oz = 0; oz < d->d.out; oz++) {
      /* Depth taps whose input plane exists (64-bit: untrusted options). */
      const int64_t z0 = (int64_t)oz * d->d.stride - d->d.before;
      int first = -1, last = -1;
      for (int kz = 0; kz < d->d.filter; kz++) {
        const int64_t iz = z0 + (int64_t)kz * d->d.dilation;
        if (iz < 0 || iz >= d->d.in) continue;
        if (first < 0) first = kz;
        last = kz;
      }
      float *out_plane =
          out + (((size_t)b * (size_t)d->d.out + (size_t)oz) * plane) * oc;
      if (first < 0) {
        fill_bias(out_plane, plane, out_c, bias, d->lo, d->hi);
        continue;
      }
      for (size_t p0 = 0; p0 < plane; p0 += d->tile_m) {
        const size_t count = plane - p0 < d->tile_m ? plane - p0 : d->tile_m;
        float *dst = out_plane + p0 * oc;
        for (int kz = first; kz <= last; kz++) {
          const int64_t iz = z0 + (int64_t)kz * d->d.dilation;
          if (iz < 0 || iz >= d->d.in) continue;
          const float *in_p =
              input->data.f +
              ((size_t)b * (size_t)d->d.in + (size_t)iz) * in_plane;
          const float *a = in_p + p0 * (size_t)in_c;
          size_t lda = (size_t)in_c;
          if (!d->direct) {
            kern_im2col_f32(&geom, in_p, p0, count, col);
            a = col;
            lda = k2;
          }
          /* The first tap writes bias + partial sum into the output, later
           * ones add theirs; the clamp comes with the last tap. */
          const int is_first = kz == first, is_last = kz == last;
          f32_gemm_params gp = {.m = count,
                                .n = oc,
                                .k = k2,
                                .a = a,
                                .lda = lda,
                                .b = wt + (size_t)kz * k2,
                                .ldb = k,
                                .bias = is_first ? bias : NULL,
                                .c = is_first ? dst : acc,
                                .ldc = oc,
                                .lo = is_first && is_last ? d->lo : no_lo,
                                .hi = is_first && is_last ? d->hi : no_hi};
          f32_gemm(&gp);
          if (is_first) continue;
          const size_t n = count * oc;
          if (is_last) {
            for (size_t i = 0; i < n; i++)
              dst[i] = kern_clamp_f32(dst[i] + acc[i], d->lo, d->hi);
          } else {
            for (size_t i = 0; i < n; i++) dst[i] += acc[i];
          }
        }
      }
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_conv_3d = {
    .init = conv_3d_init,
    .prepare = conv_3d_prepare,
    .invoke = conv_3d_invoke,
    .builtin_code = TFLC_OP_CONV_3D,
    .version = 1,
};
