/* Hybrid ops: float32 input and output, int8 constant weights (scale per
 * tensor or per output channel, zero point 0). As TensorFlow Lite does, the
 * input is quantized to int8 on the fly, one scale (and, asymmetric, one
 * zero point) per batch row; the integer dot products are scaled back to
 * float with input_scale[row] * weight_scale[channel], then the float bias
 * and the activation clamp are applied. Used by CONV_2D, DEPTHWISE_CONV_2D,
 * FULLY_CONNECTED and BATCH_MATMUL (see docs/QUANTIZATION.md). */
#ifndef TFLC_KERNELS_INTERNAL_QUANT_HYBRID_H
#define TFLC_KERNELS_INTERNAL_QUANT_HYBRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernels/internal/quant_conv.h"
#include "tflc/common.h"

/* TensorFlow Lite's SymmetricQuantizeFloats: scale = max|x| / 127,
 * q = round(x / scale) in [-127, 127]; all zeros give scale 1. */
void quant_symmetric_floats(const float *x, size_t n, int8_t *q, float *scale);

/* TensorFlow Lite's AsymmetricQuantizeFloats: the range [min(0, min x),
 * max(0, max x)] mapped onto [-128, 127] with a nudged zero point (*offset);
 * q = round(offset + x / scale). All zeros give scale 1, offset 0. */
void quant_asymmetric_floats(const float *x, size_t n, int8_t *q, float *scale,
                             int32_t *offset);

/* How the weight scales and the input quantization are chosen. */
enum {
  /* CONV_2D: per channel with asymmetric input when the filter's scales
   * differ; else per tensor with symmetric input. */
  kHybridPerChannelIfScalesDiffer = 0,
  /* Grouped CONV_2D, DEPTHWISE_CONV_2D: always per channel (a per-tensor
   * scale is repeated), asymmetric input. */
  kHybridForcePerChannel,
  /* FULLY_CONNECTED, BATCH_MATMUL: per channel when the weights have
   * several scales; input symmetric or asymmetric by the op's
   * asymmetric_quantize_inputs option. */
  kHybridDenseSymmetric,
  kHybridDenseAsymmetric,
};

typedef struct quant_hybrid_data {
  bool per_channel;           /* channel_scale[c] per output channel */
  bool asymmetric;            /* input rows quantized with a zero point */
  const float *channel_scale; /* the filter's scales (per_channel) */
  int n_scales;               /* 1 (repeated) or channels */
  float filter_scale;         /* the filter's scale (per tensor) */
  size_t rows, row_size;      /* input quantized as rows x row_size */
  int scratch_idx;            /* quantized input, row scales and offsets */
  int channels;
} quant_hybrid_data;

/* Checks the filter's quantization (zero points 0, per-channel scales along
 * filter_axis matching `channels`; filter_axis -1 requires one scale),
 * chooses the mode by policy, and requests scratch for the input quantized
 * as rows x row_size. */
TfLiteStatus quant_hybrid_prepare(TfLiteContext *ctx, const TfLiteTensor *input,
                                  const TfLiteTensor *filter, int filter_axis,
                                  int channels, int policy, size_t rows,
                                  size_t row_size, quant_hybrid_data *hy);

/* Quantizes every row of x into the scratch buffer; returns its parts. */
typedef struct quant_hybrid_rows {
  int8_t *q;       /* rows x row_size */
  float *scale;    /* [rows] */
  int32_t *offset; /* [rows], 0 when symmetric */
} quant_hybrid_rows;
TfLiteStatus quant_hybrid_quantize(TfLiteContext *ctx,
                                   const quant_hybrid_data *hy, const float *x,
                                   quant_hybrid_rows *r);

typedef struct quant_hybrid_conv_args {
  const quant_conv_geom *g;
  const quant_hybrid_data *hy;
  float lo, hi; /* activation clamp */
  const float *input;
  const int8_t *filter; /* as for quant_conv_args */
  const float *bias;    /* [out_c] or NULL */
  float *output;
} quant_hybrid_conv_args;

TfLiteStatus quant_hybrid_conv2d(TfLiteContext *ctx,
                                 const quant_hybrid_conv_args *a);
TfLiteStatus quant_hybrid_depthwise(TfLiteContext *ctx,
                                    const quant_hybrid_conv_args *a);

/* FULLY_CONNECTED: output[b][u] = clamp(bias[u] + dot_b_u * scale), rows =
 * batch. */
typedef struct quant_hybrid_fc_args {
  const quant_hybrid_data *hy;
  size_t batch, units, depth;
  float lo, hi;
  const float *input;
  const int8_t *weights; /* [units, depth] */
  const float *bias;     /* [units] or NULL */
  float *output;
} quant_hybrid_fc_args;

TfLiteStatus quant_hybrid_fc(TfLiteContext *ctx, const quant_hybrid_fc_args *a);

#endif
