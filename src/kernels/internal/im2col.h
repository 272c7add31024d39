/* im2col for NHWC convolutions: gathers, for a run of consecutive output
 * pixels, the receptive field of each pixel into one row
 * [ky][kx][channel] (padding taps read as zero), so that a convolution becomes
 * a GEMM against filter rows [out_c][ky][kx][in_c]. Used by CONV_2D and
 * CONV_3D (float; quantized variants fill padding with the input zero point
 * instead), with the tile size and geometry helpers below. */
#ifndef TFLC_KERNELS_INTERNAL_IM2COL_H
#define TFLC_KERNELS_INTERNAL_IM2COL_H

#include <stddef.h>

#include "kernels/internal/padding.h"

typedef struct kern_im2col_geom {
  int in_h, in_w, in_c; /* input tensor [N, in_h, in_w, in_c] */
  int out_h, out_w;     /* output spatial size */
  int k_h, k_w;         /* filter size */
  int stride_h, stride_w;
  int dil_h, dil_w;
  int pad_top, pad_left;
  int ch_offset, ch_count; /* channel slice copied (a group) */
} kern_im2col_geom;

/* Fills rows [0, count) of col (row length k_h*k_w*ch_count) for the output
 * pixels first .. first+count-1, numbered over [N, out_h, out_w]. */
void kern_im2col_f32(const kern_im2col_geom *g, const float *input,
                     size_t first, size_t count, float *col);

/* Target size of one im2col tile, in floats (128 KiB). */
#define KERN_IM2COL_TILE_FLOATS 32768

/* Output pixels per im2col tile for rows of k floats (k > 0): about
 * KERN_IM2COL_TILE_FLOATS / k, a multiple of 4 when above 4, at least 1, at
 * most limit. */
static inline size_t kern_im2col_tile(size_t k, size_t limit) {
  size_t tile = KERN_IM2COL_TILE_FLOATS / k;
  if (tile > 4) tile -= tile % 4;
  if (tile < 1) tile = 1;
  if (tile > limit) tile = limit;
  return tile;
}

/* The geometry of a 2-D convolution plane from its height and width
 * (kern_pad_compute results) and in_c input channels; channel slice
 * [0, ch_count). */
static inline kern_im2col_geom kern_im2col_geom_of(const kern_pad_dim *h,
                                                   const kern_pad_dim *w,
                                                   int in_c, int ch_count) {
  const kern_im2col_geom g = {.in_h = h->in,
                              .in_w = w->in,
                              .in_c = in_c,
                              .out_h = h->out,
                              .out_w = w->out,
                              .k_h = h->filter,
                              .k_w = w->filter,
                              .stride_h = h->stride,
                              .stride_w = w->stride,
                              .dil_h = h->dilation,
                              .dil_w = w->dilation,
                              .pad_top = h->before,
                              .pad_left = w->before,
                              .ch_offset = 0,
                              .ch_count = ch_count};
  return g;
}

#endif
