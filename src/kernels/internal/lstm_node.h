/* The node-level prepare and invoke shared by LSTM and
 * UNIDIRECTIONAL_SEQUENCE_LSTM (one direction, standard input layout: 20 or
 * 24 inputs, output 0): counting and checking the node's tensors, setting
 * up the cell from the options (fused_activation_function 0, cell_clip 1,
 * proj_clip 2, asymmetric_quantize_inputs 4: the same field ids in
 * LSTMOptions and UnidirectionalSequenceLSTMOptions), preparing the float /
 * hybrid / integer cell and running it over max_time steps. Each kernel
 * keeps its own option checks and its input rank / layout. Owned by the
 * LSTM kernels. */
#ifndef TFLC_KERNELS_INTERNAL_LSTM_NODE_H
#define TFLC_KERNELS_INTERNAL_LSTM_NODE_H

#include <stdbool.h>

#include "kernels/internal/lstm_cell.h"
#include "kernels/internal/lstm_cell_int.h"
#include "kernels/kernel_util.h"

typedef struct lstm_node_data {
  lstm_cell cell;
  lstm_int_params q; /* integer cell */
  int scratch;
  int max_time;    /* LSTM: 1 */
  bool time_major; /* LSTM: true */
} lstm_node_data;

/* init: a zeroed lstm_node_data in persistent memory. */
void *lstm_node_init(TfLiteContext *ctx, const char *buf, size_t len);

/* 20 or 24 inputs and 1 output. */
TfLiteStatus lstm_node_check_counts(TfLiteContext *ctx, const TfLiteNode *node);

/* Input 0 and output 0 present, the cell kind (from the input and
 * input_to_forget_weights) and both tensors' types for it. */
TfLiteStatus lstm_node_check_io(TfLiteContext *ctx, TfLiteNode *node,
                                lstm_cell_kind *kind);

/* Sets up d->cell (kind, n_batch, n_input, the options), prepares it,
 * resizes output 0 to out_dims[0..rank) (its last dim: n_output, filled in
 * here), prepares the integer cell and requests the scratch. */
TfLiteStatus lstm_node_prepare_cell(TfLiteContext *ctx, TfLiteNode *node,
                                    lstm_node_data *d, lstm_cell_kind kind,
                                    int n_batch, int n_input, int *out_dims,
                                    int rank);

/* Runs the prepared cell over d->max_time steps. */
TfLiteStatus lstm_node_invoke(TfLiteContext *ctx, TfLiteNode *node);

#endif
