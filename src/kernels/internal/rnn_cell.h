/* Shared code of the basic RNN family (RNN, UNIDIRECTIONAL_SEQUENCE_RNN,
 * BIDIRECTIONAL_SEQUENCE_RNN) and SVDF:
 *  - fused activations on float vectors (every ActivationFunctionType,
 *    including TANH and SIGN_BIT, as TensorFlow Lite's RNN kernels apply
 *    them);
 *  - prepare-time checks of shapes, types and state (variable) tensors, with
 *    messages naming the tensor;
 *  - "weights" that are either float32 or int8 with one scale (hybrid: the
 *    float activations are quantized per batch row, symmetric or asymmetric,
 *    multiplied in int32 and scaled back to float);
 *  - the RNN sequence loop: for each time step (forward or reversed)
 *      out[b] = act(bias + W x[b] + W_aux aux[b] + R h[b]);  h[b] = out[b]
 *    over all batch rows at once, with arbitrary row strides so that
 *    time-major, batch-major and merged bidirectional outputs share it;
 *  - prepare and invoke of the one-direction kernels RNN and
 *    UNIDIRECTIONAL_SEQUENCE_RNN (rnn_node_*).
 * The caller owns all memory: scratch comes from the arena (see
 * rnn_scratch_bytes), nothing here allocates. */
#ifndef TFLC_KERNELS_INTERNAL_RNN_CELL_H
#define TFLC_KERNELS_INTERNAL_RNN_CELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernels/kernel_util.h"

/* True for the schema's activations NONE, RELU, RELU_N1_TO_1, RELU6, TANH,
 * SIGN_BIT. */
bool rnn_act_supported(int act);
/* v[i] = act(v[i]) for i < n. SIGN_BIT gives 1 for a negative sign bit
 * (including -0 and negative NaN), else 0. */
void rnn_act_apply_f32(float *v, size_t n, int act);

/* Reports and fails unless t is present, of `type` and of rank `rank` with
 * dims[i] for every dims[i] >= 0. `what` names the tensor in the message. */
TfLiteStatus rnn_expect(TfLiteContext *ctx, const TfLiteTensor *t,
                        const char *what, TfLiteType type, int rank,
                        const int *dims);
/* As rnn_expect, and the tensor must be a variable (state kept between
 * invokes). */
TfLiteStatus rnn_expect_state(TfLiteContext *ctx, const TfLiteTensor *t,
                              const char *what, TfLiteType type, int rank,
                              const int *dims);

/* A weights matrix [rows][cols]: float32, or int8 with one scale (hybrid). */
typedef struct rnn_weights {
  const float *f;  /* float32 data, or NULL */
  const int8_t *q; /* int8 data (hybrid), or NULL */
  float scale;     /* of q */
  int rows, cols;
  int32_t *row_sums; /* hybrid asymmetric: [rows], filled by rnn_row_sums */
} rnn_weights;

/* Fills w->row_sums (when both q and row_sums are set). */
void rnn_row_sums(rnn_weights *w);

/* Checks a weights tensor (float32 with float activations, or int8 per
 * tensor, zero point 0, for hybrid) of shape [rows, cols] and fills w
 * (row_sums left NULL). `hybrid` says which of the two is expected. */
TfLiteStatus rnn_weights_check(TfLiteContext *ctx, const TfLiteTensor *t,
                               const char *what, int rows, int cols,
                               bool hybrid);
void rnn_weights_from(rnn_weights *w, const TfLiteTensor *t);

/* Hybrid scratch: a quantized copy of up to `batch` rows of `max_cols`
 * values, and per-row scaling factors and zero points. */
typedef struct rnn_hybrid_scratch {
  int8_t *q;            /* [batch * max_cols] */
  float *scales;        /* [batch] */
  int32_t *zero_points; /* [batch] */
  bool asymmetric;
} rnn_hybrid_scratch;

/* Bytes of a hybrid scratch block for batch rows of max_cols values (the
 * three arrays, each 16-byte aligned), and carving it. */
size_t rnn_hybrid_scratch_bytes(int batch, int max_cols);
void rnn_hybrid_scratch_init(rnn_hybrid_scratch *s, void *block, int batch,
                             int max_cols, bool asymmetric);

/* out[b][r] (+)= sum_c W[r][c] x[b][c] for b < batch, r < W.rows; rows of x
 * are ldx apart, rows of out ldo apart. accumulate: add to out, else
 * overwrite (bias: optional [rows], only when not accumulating). tmp is a
 * float scratch of batch * W.rows (used when accumulating with float
 * weights); hs is used for hybrid weights. */
typedef struct rnn_matmul_args {
  const rnn_weights *w;
  const float *x;
  size_t ldx;
  int batch;
  float *out;
  size_t ldo;
  const float *bias;
  bool accumulate;
  float *tmp;
  rnn_hybrid_scratch *hs;
} rnn_matmul_args;
void rnn_matmul(TfLiteContext *ctx, const rnn_matmul_args *a);

/* One direction of an RNN over a sequence. Element strides: input row for
 * (t, b) at input + t * in_t + b * in_b (same for aux and out). */
typedef struct rnn_seq_params {
  int batch, time, units;
  const float *input;
  size_t in_t, in_b;
  const float *aux; /* NULL: no aux input */
  size_t aux_t, aux_b;
  const rnn_weights *w, *aux_w, *rec_w;
  const float *bias; /* [units] */
  float *hidden;     /* [batch][units], read and updated */
  float *out;
  size_t out_t, out_b;
  int act;
  bool reverse;           /* walk time from last to first */
  float *tmp;             /* [batch * units] */
  rnn_hybrid_scratch *hs; /* for hybrid weights (else NULL) */
} rnn_seq_params;
void rnn_seq(TfLiteContext *ctx, const rnn_seq_params *p);

/* One direction of an RNN kernel, from its tensors: what prepare checks and
 * what invoke runs (rnn_seq over weights built from the tensors). */
typedef struct rnn_dir_args {
  const TfLiteTensor *w, *rec_w, *bias, *aux_w; /* aux_w: NULL when absent */
  TfLiteTensor *state; /* hidden state [batch, units] */
  int batch, time;
  const float *input;
  size_t in_t, in_b;
  const float *aux;
  size_t aux_t, aux_b;
  float *out;
  size_t out_t, out_b;
  int act;
  bool reverse, asymmetric;
  void *scratch; /* rnn_dir_scratch_bytes() */
} rnn_dir_args;

/* Checks a direction's tensors: weights [units, input_size] (units taken
 * from it), recurrent weights [units, units], bias [units] FLOAT32, state
 * [batch, units] FLOAT32 variable, aux weights [units, aux_size] when
 * present. Weights are all FLOAT32, or all INT8 (hybrid; *hybrid set).
 * idx[5] are the node input indices of w, rec_w, bias, state, aux_w (for
 * messages); prefix ("" / "forward " / "backward ") too. */
TfLiteStatus rnn_dir_check(TfLiteContext *ctx, const rnn_dir_args *a,
                           const char *prefix, const int *idx, int input_size,
                           int aux_size, int *units, bool *hybrid);
size_t rnn_dir_scratch_bytes(int batch, int units, int input_size, int aux_size,
                             bool hybrid);
void rnn_dir_run(TfLiteContext *ctx, const rnn_dir_args *a);

/* Op data of RNN and UNIDIRECTIONAL_SEQUENCE_RNN. Node inputs: 0 input,
 * 1 weights, 2 recurrent weights, 3 bias, 4 hidden state; output 0. */
typedef struct rnn_node_data {
  int scratch;
  int batch, time, input_size, act;
  bool time_major, asymmetric;
} rnn_node_data;

/* Options field ids of such a node; time_major is -1 for RNN (whose input
 * is [batch, input_size], one time step). */
typedef struct rnn_node_fields {
  int time_major, activation, asymmetric;
} rnn_node_fields;

/* init: a zeroed rnn_node_data in persistent memory. */
void *rnn_node_init(TfLiteContext *ctx, const char *buf, size_t len);

/* Checks the node (5 inputs, 1 output, a FLOAT32 input of rank 2 for RNN or
 * 3 for the sequence, the options, the direction's tensors), resizes the
 * output to the input's shape with input_size replaced by units and
 * requests the scratch. */
TfLiteStatus rnn_node_prepare(TfLiteContext *ctx, TfLiteNode *node,
                              const rnn_node_fields *f);

/* Runs the prepared node. */
TfLiteStatus rnn_node_invoke(TfLiteContext *ctx, TfLiteNode *node);

#endif
