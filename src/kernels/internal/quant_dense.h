/* Quantized FULLY_CONNECTED and BATCH_MATMUL loops (int8, uint8, int16x8
 * FULLY_CONNECTED; int8 and int16 BATCH_MATMUL) with TensorFlow Lite's
 * reference integer formulas, and hybrid BATCH_MATMUL (float lhs, int8
 * constant rhs). Prepare-time parameters come from quant_prepare
 * (quant_conv.h). See docs/QUANTIZATION.md. */
#ifndef TFLC_KERNELS_INTERNAL_QUANT_DENSE_H
#define TFLC_KERNELS_INTERNAL_QUANT_DENSE_H

#include <stdbool.h>
#include <stddef.h>

#include "kernels/internal/quant_conv.h"
#include "kernels/internal/quant_hybrid.h"

/* out[b][u] = requant(sum_i (w[u][i] - zp_w) * (x[b][i] - zp_x) + bias[u]).
 * int8 / uint8: int8 or uint8 input, weights and output, int32 bias;
 * int16: int16 input/output, int8 weights, int64 (or int32) bias. */
typedef struct quant_fc_args {
  const quant_out_params *q;
  TfLiteType type; /* input / output type */
  size_t batch, units, depth;
  const void *input;         /* [batch, depth] */
  const void *weights;       /* [units, depth] */
  const void *bias;          /* [units] or NULL */
  void *output;              /* [batch, units] */
  const double *int16_scale; /* int16 only: per unit (double)s_in * s_w[u] /
                                s_out; the accumulator plus bias is then
                                rescaled as round(acc * scale) (half away
                                from zero) instead of with q's multipliers */
} quant_fc_args;

void quant_fc(TfLiteContext *ctx, const quant_fc_args *a);

/* One batch slice of BATCH_MATMUL: out[i][j] = requant(sum_k (lhs[i][k] -
 * zp_l) * (rhs[k][j] - zp_r)), lhs read as [k][m] when adj_x, rhs as [n][k]
 * when adj_y. int8: int32 accumulator; int16: int64 (zero points 0).
 * q->input_offset is -zp_l, q->filter_offset is -zp_r. */
typedef struct quant_bmm_args {
  const quant_out_params *q;
  TfLiteType type;
  size_t m, n, k;
  bool adj_x, adj_y;
  const void *lhs, *rhs; /* the slice's first elements */
  void *output;          /* m x n */
} quant_bmm_args;

void quant_bmm_slice(const quant_bmm_args *a);

/* Hybrid BATCH_MATMUL slice: lhs rows already quantized (r, rows starting
 * at row0, row_size k), rhs int8 with one scale; out[i][j] = scale[row] *
 * rhs_scale * (sum_k q[i][k] * rhs[k][j] - offset[row] * sum_k rhs[k][j]).
 * The caller quantizes the (adj_x-transposed) lhs rows first. */
typedef struct quant_hybrid_bmm_args {
  const quant_hybrid_rows *r;
  size_t row0;
  float rhs_scale;
  size_t m, n, k;
  bool adj_y;
  const int8_t *rhs;
  float *output;
} quant_hybrid_bmm_args;

void quant_hybrid_bmm_slice(const quant_hybrid_bmm_args *a);

#endif
