/* Node-level prepare and invoke of LSTM and UNIDIRECTIONAL_SEQUENCE_LSTM
 * (see lstm_node.h). */
#include "kernels/internal/lstm_node.h"

#include <string.h>

/* Field ids common to LSTMOptions and UnidirectionalSequenceLSTMOptions. */
enum {
  kOptActivation = 0,
  kOptCellClip = 1,
  kOptProjClip = 2,
  kOptAsymmetricQuantizeInputs = 4
};

void *lstm_node_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  lstm_node_data *d =
      ctx->AllocatePersistentBuffer(ctx, sizeof(lstm_node_data));
  if (d) memset(d, 0, sizeof(*d));
  return d;
}

TfLiteStatus lstm_node_check_counts(TfLiteContext *ctx,
                                    const TfLiteNode *node) {
  const int nin = kern_num_inputs(node);
  KERN_ENSURE(ctx, nin == 20 || nin == 24,
              "has %d inputs, expected 24 (or 20 without layer norm)", nin);
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "has %d outputs, expected 1",
              kern_num_outputs(node));
  return kTfLiteOk;
}

TfLiteStatus lstm_node_check_io(TfLiteContext *ctx, TfLiteNode *node,
                                lstm_cell_kind *kind) {
  const TfLiteTensor *input = kern_input(ctx, node, 0);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, input != NULL, "input 0 (input) is missing");
  KERN_ENSURE(ctx, output != NULL, "output is missing");
  KERN_OK(lstm_cell_kind_of(ctx, input, kern_input(ctx, node, 4), kind));
  KERN_OK(lstm_check_io_tensor(ctx, input, "input 0", *kind));
  KERN_OK(lstm_check_io_tensor(ctx, output, "the output", *kind));
  return kTfLiteOk;
}

TfLiteStatus lstm_node_prepare_cell(TfLiteContext *ctx, TfLiteNode *node,
                                    lstm_node_data *d, lstm_cell_kind kind,
                                    int n_batch, int n_input, int *out_dims,
                                    int rank) {
  const tflc_options_ref *o = kern_options(node);
  const TfLiteTensor *input = kern_input(ctx, node, 0);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  lstm_cell *cell = &d->cell;
  memset(cell, 0, sizeof(*cell));
  cell->label = "";
  cell->kind = kind;
  cell->asymmetric = opt_bool(o, kOptAsymmetricQuantizeInputs, false);
  lstm_cell_inputs_standard(&cell->in, kern_num_inputs(node));
  cell->n_batch = n_batch;
  cell->n_input = n_input;
  cell->n_aux = 0;
  cell->act = opt_i8(o, kOptActivation, TFLC_ACT_NONE);
  cell->cell_clip = opt_f32(o, kOptCellClip, 0.0f);
  cell->proj_clip = opt_f32(o, kOptProjClip, 0.0f);
  KERN_OK(lstm_cell_prepare(ctx, node, cell));

  out_dims[rank - 1] = cell->n_output;
  KERN_OK(kern_resize_output(ctx, output, out_dims, rank));
  size_t bytes = lstm_cell_scratch_bytes(cell);
  if (kind == LSTM_KIND_INT8) {
    KERN_OK(lstm_int_prepare(ctx, node, cell, input, output, &d->q));
    bytes = lstm_int_scratch_bytes(cell);
  }
  return ctx->RequestScratchBufferInArena(ctx, bytes, &d->scratch);
}

TfLiteStatus lstm_node_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const lstm_node_data *d = (const lstm_node_data *)node->user_data;
  const TfLiteTensor *input = kern_input(ctx, node, 0);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  void *scratch = ctx->GetScratchBuffer(ctx, d->scratch);
  KERN_ENSURE(ctx, scratch != NULL || d->cell.n_batch == 0,
              "scratch buffer is missing");
  if (d->cell.kind == LSTM_KIND_INT8) {
    lstm_int_run(ctx, node, &d->cell, &d->q, input->data.int8,
                 output->data.int8, d->max_time, d->time_major, scratch);
    return kTfLiteOk;
  }
  const lstm_pass pass = {.input = input->data.f,
                          .aux = NULL,
                          .output = output->data.f,
                          .max_time = d->max_time,
                          .time_major = d->time_major,
                          .forward = true,
                          .out_width = d->cell.n_output,
                          .out_offset = 0,
                          .scratch = scratch};
  lstm_cell_run_f32(ctx, node, &d->cell, &pass);
  return kTfLiteOk;
}
