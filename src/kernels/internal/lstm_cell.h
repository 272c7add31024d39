/* The LSTM cell shared by LSTM, UNIDIRECTIONAL_SEQUENCE_LSTM and
 * BIDIRECTIONAL_SEQUENCE_LSTM: validating one cell's tensors at prepare
 * (which optional tensors are present, their shapes against n_input, n_cell
 * and n_output, their types, the state variables) and running it over a
 * sequence at invoke, one time step for the whole batch at a time.
 *
 * The cell (TensorFlow Lite's LSTM semantics, float32):
 *   i = sigmoid(LN_i(W_xi x + W_ai aux + W_hi h + p_i .* c) [+ b_i])
 *       (CIFG, no input-gate tensors: i = 1 - f)
 *   f = sigmoid(LN_f(W_xf x + W_af aux + W_hf h + p_f .* c) [+ b_f])
 *   g = act(LN_g(W_xc x + W_ac aux + W_hc h) [+ b_c])
 *   c' = clip(f .* c + i .* g, cell_clip)            (cell_clip 0: none)
 *   o = sigmoid(LN_o(W_xo x + W_ao aux + W_ho h + p_o .* c') [+ b_o])
 *   m = o .* act(c')
 *   h' = out = projection ? clip(W_p m + b_p, proj_clip) : m
 * Without layer norm the gate biases are added before the sigmoid; with it,
 * LN(v) = coeff .* (v - mean(v)) / sqrt(var(v) + 1e-8) and the bias is added
 * after the normalization. act is the op's fused activation; with NONE,
 * TensorFlow Lite leaves the cell-gate values where act(c') would go, so m =
 * o .* g: reproduced here.
 *
 * Three kinds of cell (lstm_cell_kind): float32; hybrid (float32 input,
 * states and output, int8 weights with one scale each, the input, aux input,
 * output state and projection input quantized on the fly per batch row:
 * lstm_cell_hybrid.c); integer 8x8_16 (int8 input/output/weights, int16
 * cell state: lstm_cell_int.h). lstm_cell_prepare checks the tensor types
 * of the kind; the float and hybrid steps share the element-wise part.
 *
 * Owned by the LSTM kernels. */
#ifndef TFLC_KERNELS_INTERNAL_LSTM_CELL_H
#define TFLC_KERNELS_INTERNAL_LSTM_CELL_H

#include <stdbool.h>
#include <stddef.h>

#include "tflc/common.h"

enum { LSTM_GATE_I = 0, LSTM_GATE_F = 1, LSTM_GATE_C = 2, LSTM_GATE_O = 3 };

/* Positions, among the node's inputs, of one cell's tensors (-1: the op has
 * no such input, e.g. no layer norm in BIDIRECTIONAL_SEQUENCE_LSTM, no aux
 * weights in LSTM). Gates are in the order i, f, c (cell), o; peepholes
 * i, f, o. */
typedef struct lstm_cell_inputs {
  int w_x[4];   /* input_to_*_weights [n_cell, n_input] */
  int w_h[4];   /* recurrent_to_*_weights [n_cell, n_output] */
  int peep[3];  /* cell_to_*_weights [n_cell] */
  int bias[4];  /* *_gate_bias [n_cell] */
  int proj_w;   /* [n_output, n_cell] */
  int proj_b;   /* [n_output] */
  int h_state;  /* output (activation) state variable, n_batch * n_output */
  int c_state;  /* cell state variable, n_batch * n_cell */
  int ln[4];    /* *_layer_norm_coefficients [n_cell] */
  int w_aux[4]; /* aux_input_to_*_weights [n_cell, n_aux] */
} lstm_cell_inputs;

/* The layout of LSTM and UNIDIRECTIONAL_SEQUENCE_LSTM: 0 input, 1-4
 * input_to_{input,forget,cell,output}_weights, 5-8 recurrent_to_*_weights,
 * 9-11 cell_to_{input,forget,output}_weights, 12-15 *_gate_bias, 16
 * projection_weights, 17 projection_bias, 18 output state, 19 cell state,
 * 20-23 *_layer_norm_coefficients (only when the node has 24 inputs). No aux
 * input. */
void lstm_cell_inputs_standard(lstm_cell_inputs *in, int n_node_inputs);

typedef enum lstm_cell_kind {
  LSTM_KIND_FLOAT = 0, /* everything float32 */
  LSTM_KIND_HYBRID,    /* float32 activations, int8 weights */
  LSTM_KIND_INT8,      /* integer 8x8_16 */
} lstm_cell_kind;

/* The kind from the op's input and input_to_output_weights types (FLOAT32 +
 * FLOAT32: float; FLOAT32 + INT8: hybrid; INT8 + INT8: integer). Returns
 * false, with a message, for other combinations. */
TfLiteStatus lstm_cell_kind_of(TfLiteContext *ctx, const TfLiteTensor *input,
                               const TfLiteTensor *w_xo, lstm_cell_kind *kind);

/* One cell as prepared. */
typedef struct lstm_cell {
  const char *label;   /* "" or "forward " / "backward " for messages */
  lstm_cell_kind kind; /* set by the caller before lstm_cell_prepare */
  bool asymmetric;     /* hybrid: asymmetric_quantize_inputs */
  lstm_cell_inputs in;
  int n_batch, n_input, n_aux, n_cell, n_output;
  bool cifg, peephole, layer_norm, projection, use_aux;
  int act; /* schema ActivationFunctionType */
  float cell_clip, proj_clip;
} lstm_cell;

/* Validates the cell's tensors and fills the rest of *cell. On entry the
 * caller sets cell->label, cell->in, cell->n_batch, cell->n_input,
 * cell->n_aux (0: no aux input; the aux weights must then be absent),
 * act, cell_clip and proj_clip. Checks: required tensors present, CIFG all
 * or none (input-to-input weights, recurrent-to-input weights, input gate
 * bias, input layer norm), peepholes all or none, projection bias only with
 * projection weights, layer norm all or none, every shape, float32 types
 * (int8/uint8/int16 weights or states are refused as not supported yet),
 * the states being variables of n_batch * n_output and n_batch * n_cell
 * elements, the activation, clips >= 0. */
TfLiteStatus lstm_cell_prepare(TfLiteContext *ctx, TfLiteNode *node,
                               lstm_cell *cell);

/* The op's input, aux input or output: FLOAT32 for float and hybrid cells,
 * INT8 for the integer cell. `what` names it. */
TfLiteStatus lstm_check_io_tensor(TfLiteContext *ctx, const TfLiteTensor *t,
                                  const char *what, lstm_cell_kind kind);

/* Bytes of scratch one step of this cell needs (float and hybrid). */
size_t lstm_cell_scratch_bytes(const lstm_cell *cell);

/* Where one pass over a sequence reads and writes. Input and output are
 * [max_time, n_batch, *] when time_major, else [n_batch, max_time, *]. The
 * cell's output goes to columns [out_offset, out_offset + n_output) of rows
 * of out_width floats (bidirectional merge_outputs writes both directions
 * into one output). aux may be NULL (no aux input). */
typedef struct lstm_pass {
  const float *input;
  const float *aux;
  float *output;
  int max_time;
  bool time_major;
  bool forward; /* false: t runs from max_time - 1 down to 0 */
  int out_width;
  int out_offset;
  void *scratch; /* lstm_cell_scratch_bytes(cell) bytes */
} lstm_pass;

/* Runs the float or hybrid cell over the sequence, updating its state
 * variables. */
void lstm_cell_run_f32(TfLiteContext *ctx, TfLiteNode *node,
                       const lstm_cell *cell, const lstm_pass *pass);

#endif
