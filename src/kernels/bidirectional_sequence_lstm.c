/* BIDIRECTIONAL_SEQUENCE_LSTM: two LSTM cells over one sequence, the
 * forward one from the first time step to the last, the backward one from
 * the last to the first. 48 inputs (-1 = omitted optional tensor):
 *   0 input [max_time, n_batch, n_input] (time_major) or [n_batch, max_time,
 *     n_input];
 *   1-17 the forward cell: 1-4 input_to_{input,forget,cell,output}_weights,
 *     5-8 recurrent_to_*_weights, 9-11 cell_to_{input,forget,output}_weights,
 *     12-15 *_gate_bias, 16 projection_weights, 17 projection_bias;
 *   18-34 the backward cell, same order;
 *   35 forward output state, 36 forward cell state, 37 backward output
 *     state, 38 backward cell state (variables, kept between invokes);
 *   39 aux input (optional, same time and batch dims as the input);
 *   40-43 forward aux_input_to_{input,forget,cell,output}_weights, 44-47
 *     backward ones (optional, all or none).
 * With aux weights both cells read input and aux input; with an aux input
 * but no aux weights the backward cell reads the aux input instead of the
 * input (stacked bidirectional layers without cross links).
 * Outputs: forward [.., n_fw_output] and backward [.., n_bw_output], or with
 * merge_outputs one output [.., n_fw_output + n_bw_output] holding the
 * forward then the backward values. BidirectionalSequenceLSTMOptions:
 * fused_activation_function 0, cell_clip 1, proj_clip 2, merge_outputs 3,
 * time_major 4 (default true), asymmetric_quantize_inputs 5 (hybrid only).
 * No layer norm. Float32 or hybrid (float32 input, int8 weights; the
 * integer LSTM does not exist for this op in TensorFlow Lite); the cells are
 * in internal/lstm_cell.c and lstm_cell_hybrid.c. */
#include <string.h>

#include "kernels/internal/lstm_cell.h"
#include "kernels/kernel_util.h"

enum {
  kOptActivation = 0,
  kOptCellClip = 1,
  kOptProjClip = 2,
  kOptMergeOutputs = 3,
  kOptTimeMajor = 4,
  kOptAsymmetricQuantizeInputs = 5
};

enum {
  kInput = 0,
  kFwFirst = 1,
  kBwFirst = 18,
  kFwOutputState = 35,
  kFwCellState = 36,
  kBwOutputState = 37,
  kBwCellState = 38,
  kAuxInput = 39,
  kFwAuxFirst = 40,
  kBwAuxFirst = 44,
  kNumInputs = 48
};

typedef struct bidi_lstm_data {
  lstm_cell fw, bw;
  int max_time;
  bool time_major, merge, bw_reads_aux;
  int scratch;
} bidi_lstm_data;

KERN_ZEROED_INIT(bidi_lstm_init, bidi_lstm_data)

/* One direction's positions: first = 1 (forward) or 18 (backward). */
static void cell_inputs(lstm_cell_inputs *in, int first, int h_state,
                        int c_state, int aux_first) {
  for (int g = 0; g < 4; g++) {
    in->w_x[g] = first + g;
    in->w_h[g] = first + 4 + g;
    in->bias[g] = first + 11 + g;
    in->ln[g] = -1;
    in->w_aux[g] = aux_first + g;
  }
  for (int i = 0; i < 3; i++) in->peep[i] = first + 8 + i;
  in->proj_w = first + 15;
  in->proj_b = first + 16;
  in->h_state = h_state;
  in->c_state = c_state;
}

static TfLiteStatus bidi_lstm_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  bidi_lstm_data *d = (bidi_lstm_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  const tflc_options_ref *o = kern_options(node);
  KERN_ENSURE(ctx, kern_num_inputs(node) == kNumInputs,
              "has %d inputs, expected %d", kern_num_inputs(node), kNumInputs);
  d->merge = opt_bool(o, kOptMergeOutputs, false);
  d->time_major = opt_bool(o, kOptTimeMajor, true);
  KERN_ENSURE(ctx, kern_num_outputs(node) == (d->merge ? 1 : 2),
              "has %d outputs, expected %d (merge_outputs is %s)",
              kern_num_outputs(node), d->merge ? 1 : 2,
              d->merge ? "true" : "false");

  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  KERN_ENSURE(ctx, input != NULL, "input 0 (input) is missing");
  lstm_cell_kind kind;
  KERN_OK(lstm_cell_kind_of(ctx, input, kern_input(ctx, node, kFwFirst + 3),
                            &kind));
  KERN_ENSURE(ctx, kind != LSTM_KIND_INT8,
              "input 0 is INT8: BIDIRECTIONAL_SEQUENCE_LSTM has no integer "
              "kernel (TensorFlow Lite has none either); use float or hybrid");
  KERN_OK(lstm_check_io_tensor(ctx, input, "input 0", kind));
  KERN_ENSURE(ctx, kern_ndims(input) == 3,
              "input 0 has %d dims, expected 3 (%s)", kern_ndims(input),
              d->time_major ? "[max_time, n_batch, n_input] with time_major"
                            : "[n_batch, max_time, n_input]");
  const int n_batch = kern_dim(input, d->time_major ? 1 : 0);
  d->max_time = kern_dim(input, d->time_major ? 0 : 1);

  /* Aux input: with aux weights (decided by the forward forget gate's), both
   * cells use it; without, the backward cell reads it as its input. */
  const TfLiteTensor *aux = kern_input(ctx, node, kAuxInput);
  const bool aux_weights = kern_input(ctx, node, kFwAuxFirst + 1) != NULL;
  KERN_ENSURE(ctx, !aux_weights || aux != NULL,
              "aux input weights are present but input %d (aux input) is "
              "omitted",
              kAuxInput);
  int n_aux = 0;
  if (aux) {
    KERN_OK(lstm_check_io_tensor(ctx, aux, "input 39 (aux input)", kind));
    KERN_ENSURE(ctx,
                kern_ndims(aux) == 3 &&
                    kern_dim(aux, 0) == kern_dim(input, 0) &&
                    kern_dim(aux, 1) == kern_dim(input, 1),
                "input 39 (aux input) must have 3 dims with the input's first "
                "two (%d, %d)",
                kern_dim(input, 0), kern_dim(input, 1));
    n_aux = kern_dim(aux, 2);
  }
  KERN_ENSURE(ctx, !aux_weights || n_aux > 0,
              "input 39 (aux input) has an empty last dim but aux weights are "
              "present");
  d->bw_reads_aux = aux != NULL && !aux_weights;

  const int act = opt_i8(o, kOptActivation, TFLC_ACT_NONE);
  const float cell_clip = opt_f32(o, kOptCellClip, 0.0f);
  const float proj_clip = opt_f32(o, kOptProjClip, 0.0f);
  lstm_cell *cells[2] = {&d->fw, &d->bw};
  for (int k = 0; k < 2; k++) {
    lstm_cell *cell = cells[k];
    memset(cell, 0, sizeof(*cell));
    cell->label = k == 0 ? "forward cell: " : "backward cell: ";
    cell->kind = kind;
    cell->asymmetric = opt_bool(o, kOptAsymmetricQuantizeInputs, false);
    if (k == 0)
      cell_inputs(&cell->in, kFwFirst, kFwOutputState, kFwCellState,
                  kFwAuxFirst);
    else
      cell_inputs(&cell->in, kBwFirst, kBwOutputState, kBwCellState,
                  kBwAuxFirst);
    cell->n_batch = n_batch;
    cell->n_input = (k == 1 && d->bw_reads_aux) ? n_aux : kern_dim(input, 2);
    cell->n_aux = aux_weights ? n_aux : 0;
    cell->act = act;
    cell->cell_clip = cell_clip;
    cell->proj_clip = proj_clip;
    KERN_OK(lstm_cell_prepare(ctx, node, cell));
  }

  TfLiteTensor *fw_out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, fw_out != NULL, "output 0 is missing");
  KERN_OK(lstm_check_io_tensor(ctx, fw_out, "output 0", kind));
  int dims[3] = {kern_dim(input, 0), kern_dim(input, 1),
                 d->fw.n_output + (d->merge ? d->bw.n_output : 0)};
  KERN_OK(kern_resize_output(ctx, fw_out, dims, 3));
  if (!d->merge) {
    TfLiteTensor *bw_out = kern_output(ctx, node, 1);
    KERN_ENSURE(ctx, bw_out != NULL, "output 1 is missing");
    KERN_OK(lstm_check_io_tensor(ctx, bw_out, "output 1", kind));
    dims[2] = d->bw.n_output;
    KERN_OK(kern_resize_output(ctx, bw_out, dims, 3));
  }
  size_t bytes = lstm_cell_scratch_bytes(&d->fw);
  if (lstm_cell_scratch_bytes(&d->bw) > bytes)
    bytes = lstm_cell_scratch_bytes(&d->bw);
  return ctx->RequestScratchBufferInArena(ctx, bytes, &d->scratch);
}

static TfLiteStatus bidi_lstm_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const bidi_lstm_data *d = (const bidi_lstm_data *)node->user_data;
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *aux = kern_input(ctx, node, kAuxInput);
  TfLiteTensor *fw_out = kern_output(ctx, node, 0);
  TfLiteTensor *bw_out = d->merge ? fw_out : kern_output(ctx, node, 1);
  void *scratch = ctx->GetScratchBuffer(ctx, d->scratch);
  KERN_ENSURE(ctx, scratch != NULL || d->fw.n_batch == 0,
              "scratch buffer is missing");
  const int width = d->fw.n_output + (d->merge ? d->bw.n_output : 0);
  const lstm_pass fw = {.input = input->data.f,
                        .aux = d->fw.use_aux ? aux->data.f : NULL,
                        .output = fw_out->data.f,
                        .max_time = d->max_time,
                        .time_major = d->time_major,
                        .forward = true,
                        .out_width = width,
                        .out_offset = 0,
                        .scratch = scratch};
  lstm_cell_run_f32(ctx, node, &d->fw, &fw);
  const lstm_pass bw = {.input = d->bw_reads_aux ? aux->data.f : input->data.f,
                        .aux = d->bw.use_aux ? aux->data.f : NULL,
                        .output = bw_out->data.f,
                        .max_time = d->max_time,
                        .time_major = d->time_major,
                        .forward = false,
                        .out_width = d->merge ? width : d->bw.n_output,
                        .out_offset = d->merge ? d->fw.n_output : 0,
                        .scratch = scratch};
  lstm_cell_run_f32(ctx, node, &d->bw, &bw);
  return kTfLiteOk;
}

const TfLiteRegistration kern_bidirectional_sequence_lstm = {
    .init = bidi_lstm_init,
    .prepare = bidi_lstm_prepare,
    .invoke = bidi_lstm_invoke,
    .builtin_code = TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM,
    .version = 1,
};
