/* The float transposed-convolution core shared by TRANSPOSE_CONV, MediaPipe's
 * custom Convolution2DTransposeBias and CONV_3D_TRANSPOSE.
 *
 * 3-D form (the 2-D one is the case depth = 1, dilation 1): every input voxel
 * (iz, iy, ix) adds input[iz][iy][ix][:] . filter[kz][ky][kx][oc][:] to output
 * voxel (iz*stride_d - pad_front + kz*dil_d, iy*stride_h - pad_top +
 * ky*dil_h, ix*stride_w - pad_left + kx*dil_w), channel oc, when that voxel
 * lies inside the output; the output starts at the bias (or 0) and is
 * clamped to [lo, hi] at the end.
 *
 * Computed as a GEMM of input pixels against the filter rows
 * [kz][ky][kx][oc] (each of in_c weights), followed by a scatter-add
 * (col2im). The caller provides scratch memory (requested at prepare):
 * kern_tconv_scratch_floats() / kern_tconv3d_scratch_floats() floats. */
#ifndef TFLC_KERNELS_INTERNAL_TRANSPOSE_CONV_CORE_H
#define TFLC_KERNELS_INTERNAL_TRANSPOSE_CONV_CORE_H

#include <stddef.h>

/* ---- 2-D, filter [out_c, k_h, k_w, in_c] (TRANSPOSE_CONV layout) ---- */

typedef struct kern_tconv_geom {
  int batch;
  int in_h, in_w, in_c;
  int out_h, out_w, out_c;
  int k_h, k_w;
  int stride_h, stride_w;
  int pad_top, pad_left;
} kern_tconv_geom;

/* Input pixels handled per GEMM tile. */
size_t kern_tconv_tile(const kern_tconv_geom *g);

/* Scratch floats needed (0 when there is nothing to compute): the filter
 * re-ordered to [ky][kx][oc][in_c] plus one GEMM tile. */
size_t kern_tconv_scratch_floats(const kern_tconv_geom *g);

typedef struct kern_tconv_f32_args {
  const kern_tconv_geom *g;
  const float *input;  /* [batch, in_h, in_w, in_c] */
  const float *filter; /* [out_c, k_h, k_w, in_c] */
  const float *bias;   /* [out_c] or NULL */
  float *output;       /* [batch, out_h, out_w, out_c] */
  float lo, hi;        /* activation clamp */
  float *scratch;      /* kern_tconv_scratch_floats(g) floats */
} kern_tconv_f32_args;

void kern_tconv_f32(const kern_tconv_f32_args *a);

/* ---- 3-D with dilation, filter [k_d, k_h, k_w, out_c, in_c] ---- */

typedef struct kern_tconv3d_geom {
  int batch;
  int in_d, in_h, in_w, in_c;
  int out_d, out_h, out_w, out_c;
  int k_d, k_h, k_w;
  int stride_d, stride_h, stride_w; /* > 0 */
  int dil_d, dil_h, dil_w;          /* > 0 */
  int pad_front, pad_top, pad_left;
} kern_tconv3d_geom;

/* Input voxels handled per GEMM tile. */
size_t kern_tconv3d_tile(const kern_tconv3d_geom *g);

/* Scratch floats needed (one GEMM tile; 0 when there is nothing to
 * compute). The size does not depend on the output's spatial size, except
 * that an empty output needs none. */
size_t kern_tconv3d_scratch_floats(const kern_tconv3d_geom *g);

typedef struct kern_tconv3d_f32_args {
  const kern_tconv3d_geom *g;
  const float *input;  /* [batch, in_d, in_h, in_w, in_c] */
  const float *filter; /* [k_d, k_h, k_w, out_c, in_c] */
  const float *bias;   /* [out_c] or NULL */
  float *output;       /* [batch, out_d, out_h, out_w, out_c] */
  float lo, hi;        /* activation clamp */
  float *scratch;      /* kern_tconv3d_scratch_floats(g) floats */
} kern_tconv3d_f32_args;

void kern_tconv3d_f32(const kern_tconv3d_f32_args *a);

#endif
