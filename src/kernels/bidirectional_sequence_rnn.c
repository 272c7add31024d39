/* BIDIRECTIONAL_SEQUENCE_RNN: two basic RNN cells over one sequence, the
 * forward cell from t = 0 up, the backward cell from t = max_time - 1 down;
 * each writes its output at the time step it reads.
 * Inputs: 0 input [max_time, batch, input_size] (time_major) or
 * [batch, max_time, input_size]; forward cell 1 weights [fw_units,
 * input_size], 2 recurrent weights, 3 bias, 4 hidden state [batch, fw_units]
 * (variable); backward cell 5..8 likewise; optional 9 aux input (same
 * leading dims as the input), 10 forward aux weights [fw_units, aux_size],
 * 11 backward aux weights.
 * Aux input, as TensorFlow Lite defines it: with aux weights, both cells
 * add aux_input * aux_weights^T (stacking with cross links); without aux
 * weights, the aux input is the backward cell's input instead of input
 * (stacking after another bidirectional layer); the aux weights are given
 * both or neither.
 * Outputs: merge_outputs ? one output [.., fw_units + bw_units] (forward
 * then backward on the last dim) : forward output [.., fw_units] and
 * backward output [.., bw_units], in the input's layout.
 * BidirectionalSequenceRNNOptions: time_major (0), fused_activation_function
 * (1), merge_outputs (2), asymmetric_quantize_inputs (3).
 * Float32, or hybrid (INT8 weights). */
#include <string.h>

#include "kernels/internal/rnn_cell.h"
#include "kernels/kernel_util.h"

enum {
  kInput = 0,
  kFwWeights = 1, /* fw: 1..4, bw: 5..8 (w, rec_w, bias, state) */
  kBwWeights = 5,
  kAuxInput = 9,
  kFwAuxWeights = 10,
  kBwAuxWeights = 11
};
enum {
  kOptTimeMajor = 0,
  kOptActivation = 1,
  kOptMergeOutputs = 2,
  kOptAsymmetric = 3
};

typedef struct birnn_data {
  int scratch[2];
  int batch, time, input_size, aux_size, act;
  bool time_major, merge, asymmetric;
  bool cross_aux;   /* aux input with aux weights */
  bool bw_from_aux; /* aux input without weights: the backward cell's input */
} birnn_data;

KERN_ZEROED_INIT(birnn_init, birnn_data)

static void fill_dir(TfLiteContext *ctx, TfLiteNode *node, int dir,
                     rnn_dir_args *a) {
  const int base = dir == 0 ? kFwWeights : kBwWeights;
  memset(a, 0, sizeof *a);
  a->w = kern_input(ctx, node, base);
  a->rec_w = kern_input(ctx, node, base + 1);
  a->bias = kern_input(ctx, node, base + 2);
  a->state = kern_input(ctx, node, base + 3);
  a->aux_w = kern_input(ctx, node, dir == 0 ? kFwAuxWeights : kBwAuxWeights);
}

static TfLiteStatus birnn_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  birnn_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  const int nin = kern_num_inputs(node);
  KERN_ENSURE(ctx, nin == 9 || nin == 12,
              "has %d inputs, expected 12 (or 9 "
              "without the aux inputs)",
              nin);
  const tflc_options_ref *o = kern_options(node);
  d->time_major = opt_bool(o, kOptTimeMajor, false);
  d->act = opt_i8(o, kOptActivation, TFLC_ACT_NONE);
  d->merge = opt_bool(o, kOptMergeOutputs, false);
  d->asymmetric = opt_bool(o, kOptAsymmetric, false);
  KERN_ENSURE(ctx, rnn_act_supported(d->act),
              "fused activation %d is not supported", d->act);
  const int nout = d->merge ? 1 : 2;
  KERN_ENSURE(ctx, kern_num_outputs(node) == nout,
              "has %d outputs, expected %d (merge_outputs is %s)",
              kern_num_outputs(node), nout, d->merge ? "true" : "false");

  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const int any3[3] = {-1, -1, -1};
  KERN_OK(rnn_expect(ctx, input, "input (input 0)", kTfLiteFloat32, 3, any3));
  d->time = kern_dim(input, d->time_major ? 0 : 1);
  d->batch = kern_dim(input, d->time_major ? 1 : 0);
  d->input_size = kern_dim(input, 2);

  const TfLiteTensor *aux = kern_input(ctx, node, kAuxInput);
  const TfLiteTensor *fw_aux_w = kern_input(ctx, node, kFwAuxWeights);
  const TfLiteTensor *bw_aux_w = kern_input(ctx, node, kBwAuxWeights);
  KERN_ENSURE(ctx, (fw_aux_w == NULL) == (bw_aux_w == NULL),
              "the forward and backward aux weights (inputs 10 and 11) must "
              "be given both or neither");
  KERN_ENSURE(ctx, fw_aux_w == NULL || aux != NULL,
              "aux weights are given but the aux input (input 9) is missing");
  d->cross_aux = fw_aux_w != NULL;
  d->bw_from_aux = aux != NULL && fw_aux_w == NULL;
  d->aux_size = 0;
  if (aux) {
    const int adims[3] = {kern_dim(input, 0), kern_dim(input, 1), -1};
    KERN_OK(
        rnn_expect(ctx, aux, "aux input (input 9)", kTfLiteFloat32, 3, adims));
    d->aux_size = kern_dim(aux, 2);
  }

  int units[2] = {0, 0};
  bool hybrid[2] = {false, false};
  static const int idx[2][5] = {{1, 2, 3, 4, 10}, {5, 6, 7, 8, 11}};
  for (int dir = 0; dir < 2; dir++) {
    rnn_dir_args a;
    fill_dir(ctx, node, dir, &a);
    a.batch = d->batch;
    const int in_size =
        dir == 1 && d->bw_from_aux ? d->aux_size : d->input_size;
    KERN_OK(rnn_dir_check(ctx, &a, dir == 0 ? "forward " : "backward ",
                          idx[dir], in_size, d->aux_size, &units[dir],
                          &hybrid[dir]));
  }
  KERN_ENSURE(ctx, hybrid[0] == hybrid[1],
              "forward weights are %s but backward weights are %s",
              hybrid[0] ? "INT8" : "FLOAT32", hybrid[1] ? "INT8" : "FLOAT32");

  for (int i = 0; i < nout; i++) {
    TfLiteTensor *out = kern_output(ctx, node, i);
    KERN_ENSURE(ctx, out != NULL, "output %d is missing", i);
    KERN_ENSURE(ctx, out->type == kTfLiteFloat32,
                "output %d has type %s, expected FLOAT32", i,
                kern_type_name(out->type));
    const int last = d->merge ? units[0] + units[1] : units[i];
    const int dims[3] = {kern_dim(input, 0), kern_dim(input, 1), last};
    KERN_OK(kern_resize_output(ctx, out, dims, 3));
  }
  for (int dir = 0; dir < 2; dir++) {
    const int in_size =
        dir == 1 && d->bw_from_aux ? d->aux_size : d->input_size;
    KERN_OK(ctx->RequestScratchBufferInArena(
        ctx,
        rnn_dir_scratch_bytes(d->batch, units[dir], in_size,
                              d->cross_aux ? d->aux_size : 0, hybrid[dir]),
        &d->scratch[dir]));
  }
  return kTfLiteOk;
}

static TfLiteStatus birnn_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const birnn_data *d = node->user_data;
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *aux = kern_input(ctx, node, kAuxInput);
  const size_t fw_units =
      (size_t)kern_dim(kern_input(ctx, node, kFwWeights), 0);
  const size_t bw_units =
      (size_t)kern_dim(kern_input(ctx, node, kBwWeights), 0);
  const size_t batch = (size_t)d->batch, time = (size_t)d->time;
  for (int dir = 0; dir < 2; dir++) {
    rnn_dir_args a;
    fill_dir(ctx, node, dir, &a);
    const bool from_aux = dir == 1 && d->bw_from_aux;
    const TfLiteTensor *in = from_aux ? aux : input;
    const size_t in_size = (size_t)kern_dim(in, 2);
    const size_t aux_size = (size_t)d->aux_size;
    /* Merged: both cells write into output 0, rows of fw + bw units. */
    const size_t row =
        d->merge ? fw_units + bw_units : (dir == 0 ? fw_units : bw_units);
    float *out = kern_output(ctx, node, d->merge ? 0 : dir)->data.f;
    if (d->merge && dir == 1) out += fw_units;
    a.batch = d->batch;
    a.time = d->time;
    a.input = in->data.f;
    a.aux = d->cross_aux ? aux->data.f : NULL;
    a.out = out;
    if (d->time_major) {
      a.in_t = batch * in_size, a.in_b = in_size;
      a.aux_t = batch * aux_size, a.aux_b = aux_size;
      a.out_t = batch * row, a.out_b = row;
    } else {
      a.in_t = in_size, a.in_b = time * in_size;
      a.aux_t = aux_size, a.aux_b = time * aux_size;
      a.out_t = row, a.out_b = time * row;
    }
    a.act = d->act;
    a.reverse = dir == 1;
    a.asymmetric = d->asymmetric;
    a.scratch = ctx->GetScratchBuffer(ctx, d->scratch[dir]);
    rnn_dir_run(ctx, &a);
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_bidirectional_sequence_rnn = {
    .init = birnn_init,
    .prepare = birnn_prepare,
    .invoke = birnn_invoke,
    .builtin_code = TFLC_OP_BIDIRECTIONAL_SEQUENCE_RNN,
    .version = 1,
};
