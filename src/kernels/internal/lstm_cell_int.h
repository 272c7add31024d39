/* The integer (8x8_16) LSTM cell of LSTM and UNIDIRECTIONAL_SEQUENCE_LSTM,
 * bit-exact with TensorFlow Lite's builtin integer kernel: int8 input,
 * output, weights and hidden state, int16 cell state (power-of-two scale),
 * int32 biases, int16 peephole and layer-norm weights, gate pre-activations
 * requantized to int16 (Q3.12 without layer norm, the scales of the node's
 * intermediates 0-3 with it), sigmoid / tanh in gemmlowp 16-bit fixed point,
 * the hidden state requantized with intermediate 4. Prepare computes the
 * multipliers and the zero-point-folded biases (lstm_int_params, persistent
 * memory); the step is integer-only. See docs/QUANTIZATION.md (LSTM). Owned
 * by the LSTM kernels. */
#ifndef TFLC_KERNELS_INTERNAL_LSTM_CELL_INT_H
#define TFLC_KERNELS_INTERNAL_LSTM_CELL_INT_H

#include <stdint.h>

#include "kernels/internal/lstm_cell.h"

typedef struct lstm_int_params {
  /* Per gate (i, f, c, o): input and recurrent multipliers, peephole
   * multipliers (i, f, o at 0, 1, 3), layer-norm multipliers. */
  int32_t x_m[4], h_m[4], p_m[4], ln_m[4];
  int x_s[4], h_s[4], p_s[4], ln_s[4];
  int32_t variance_guard[4];
  int32_t hidden_m, proj_m;
  int hidden_s, proj_s;
  int32_t hidden_zp, output_state_zp;
  int cell_scale;    /* log2 of the cell state's scale */
  int16_t cell_clip; /* 0: none */
  int8_t proj_clip;  /* 0: none */
  /* Zero-point-folded biases: x_bias[g] = bias (no layer norm) - z_in *
   * rowsum(W_x), h_bias[g] = -z_h * rowsum(W_h) ([n_cell] each), proj_bias
   * = bias + hidden_zp * rowsum(W_p) ([n_output]). */
  int32_t *x_bias[4], *h_bias[4], *proj_bias;
  int32_t *storage;
  size_t storage_cap; /* int32s */
} lstm_int_params;

/* Checks the integer cell's quantization (cell state scale a power of two
 * in [2^-15, 2^-9], intermediate 4 quantized, intermediates 0-3 with layer
 * norm) and fills *p (its storage is reused across prepares when large
 * enough). Call after lstm_cell_prepare with cell->kind == LSTM_KIND_INT8.
 * `output` is the op's output (its scale quantizes proj_clip). */
TfLiteStatus lstm_int_prepare(TfLiteContext *ctx, TfLiteNode *node,
                              const lstm_cell *cell, const TfLiteTensor *input,
                              const TfLiteTensor *output, lstm_int_params *p);

/* Bytes of scratch one step needs. */
size_t lstm_int_scratch_bytes(const lstm_cell *cell);

/* Runs the integer cell over the sequence (pass->input/output are int8; no
 * aux input, forward only), updating the state variables. */
void lstm_int_run(TfLiteContext *ctx, TfLiteNode *node, const lstm_cell *cell,
                  const lstm_int_params *p, const int8_t *input, int8_t *output,
                  int max_time, bool time_major, void *scratch);

#endif
