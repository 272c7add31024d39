/* SVDF: a fully connected layer factored into rank-1 filters with a memory
 * of past activations (singular value decomposition filter).
 * Inputs: 0 input [batch, input_size]; 1 weights_feature [num_filters,
 * input_size]; 2 weights_time [num_filters, memory_size]; 3 bias
 * [num_units] (optional); 4 activation state [batch, memory_size *
 * num_filters] (variable: kept between invokes, reset by
 * TfLiteInterpreterResetVariableTensors). num_units = num_filters / rank.
 * Output 0: [batch, num_units]. SVDFOptions: rank (0),
 * fused_activation_function (1), asymmetric_quantize_inputs (2).
 *
 * Each invoke, per batch row b (state row = num_filters blocks of
 * memory_size values, oldest first):
 *  1. the whole state shifts left by one value (each filter's memory loses
 *     its oldest entry);
 *  2. the newest entry of filter f becomes weights_feature[f] . input[b];
 *  3. s[f] = weights_time[f] . state[f] (over the memory);
 *  4. output[u] = act(bias[u] + sum_{r < rank} s[u * rank + r]).
 * So the state holds, between invokes, the last memory_size feature
 * activations of each filter, newest last (as TensorFlow Lite keeps it).
 *
 * Types:
 *  - float32;
 *  - hybrid: float input, bias, state and output, INT8 weights_feature and
 *    weights_time (per-tensor scales): the input is quantized per batch row
 *    (symmetric, or asymmetric with asymmetric_quantize_inputs) for step 2,
 *    weights_time is dequantized for step 3;
 *  - integer: INT8 input and output, INT8 weights_feature, INT16
 *    weights_time, INT32 bias, INT16 state (zero point 0), with TensorFlow
 *    Lite's reference formulas: step 2 rescales the int32 dot product (input
 *    zero point subtracted) by input_scale * weights_feature_scale /
 *    state_scale and saturates to int16; step 4 rescales the int32 sum by
 *    state_scale * weights_time_scale / output_scale, adds the output zero
 *    point and saturates to int8. Like TensorFlow Lite, only the RELU fused
 *    activation is accepted there (NONE too) and the result is not clamped
 *    further (TensorFlow Lite does not apply the RELU in this kernel; tflc
 *    keeps its results bit for bit).
 *    An INT8 activation state (tflite-micro's keyword_scrambled_8bit) is
 *    refused: TensorFlow Lite's kernel reads such a state as INT16, out of
 *    bounds, so there are no results to match. */
#include <string.h>

#include "kernels/internal/quant_arith.h"
#include "kernels/internal/rnn_cell.h"
#include "kernels/kernel_util.h"

enum { kInput = 0, kWeightsFeature, kWeightsTime, kBias, kState };
enum { kOptRank = 0, kOptActivation = 1, kOptAsymmetric = 2 };

typedef enum { SVDF_FLOAT, SVDF_HYBRID, SVDF_INTEGER } svdf_kind;

typedef struct svdf_data {
  svdf_kind kind;
  int scratch;
  int batch, input_size, filters, units, memory, rank, act;
  bool asymmetric;
  int32_t mult1, mult2; /* integer: feature and output rescales */
  int shift1, shift2;
  int32_t input_zp, output_zp;
} svdf_data;

KERN_ZEROED_INIT(svdf_init, svdf_data)

static size_t align16(size_t n) { return (n + 15) / 16 * 16; }

static float tensor_scale(const TfLiteTensor *t) {
  const TfLiteAffineQuantization *q = t->quantization.params;
  return q->scale->data[0];
}

static int32_t tensor_zp(const TfLiteTensor *t) {
  const TfLiteAffineQuantization *q = t->quantization.params;
  return q->zero_point && q->zero_point->size > 0 ? q->zero_point->data[0] : 0;
}

/* Per-tensor quantization present and valid; symmetric when asked. */
static TfLiteStatus check_quant(TfLiteContext *ctx, const TfLiteTensor *t,
                                const char *what, bool symmetric) {
  char msg[160];
  KERN_ENSURE(ctx, quant_check_params(t, -1, msg, (int)sizeof msg), "%s: %s",
              what, msg);
  KERN_ENSURE(ctx, !symmetric || tensor_zp(t) == 0,
              "%s must have zero point 0, has %d", what, (int)tensor_zp(t));
  return kTfLiteOk;
}

static TfLiteStatus prepare_integer(
    TfLiteContext *ctx, svdf_data *d, const TfLiteTensor *input,
    const TfLiteTensor *wf, const TfLiteTensor *wt, const TfLiteTensor *bias,
    const TfLiteTensor *state, const TfLiteTensor *output) {
  KERN_ENSURE(ctx, state->type == kTfLiteInt16,
              "activation state (input 4) has type %s; with INT8 input the "
              "state must be INT16 (TensorFlow Lite's integer SVDF reads it "
              "as INT16 whatever its declared type, so an INT8 state cannot "
              "be run faithfully)",
              kern_type_name(state->type));
  const int wf_dims[2] = {d->filters, d->input_size};
  KERN_OK(rnn_expect(ctx, wf, "weights_feature (input 1)", kTfLiteInt8, 2,
                     wf_dims));
  const int wt_dims[2] = {d->filters, d->memory};
  KERN_OK(
      rnn_expect(ctx, wt, "weights_time (input 2)", kTfLiteInt16, 2, wt_dims));
  if (bias) {
    const int b_dims[1] = {d->units};
    KERN_OK(rnn_expect(ctx, bias, "bias (input 3)", kTfLiteInt32, 1, b_dims));
  }
  KERN_ENSURE(ctx, output->type == kTfLiteInt8,
              "output has type %s, expected INT8 with INT8 input",
              kern_type_name(output->type));
  KERN_ENSURE(ctx, d->act == TFLC_ACT_RELU || d->act == TFLC_ACT_NONE,
              "fused activation %d is not supported by the integer SVDF "
              "(RELU or NONE)",
              d->act);
  KERN_OK(check_quant(ctx, input, "input (input 0)", false));
  KERN_OK(check_quant(ctx, wf, "weights_feature (input 1)", true));
  KERN_OK(check_quant(ctx, wt, "weights_time (input 2)", true));
  KERN_OK(check_quant(ctx, state, "activation state (input 4)", true));
  KERN_OK(check_quant(ctx, output, "output", false));
  const double s_in = tensor_scale(input), s_wf = tensor_scale(wf);
  const double s_wt = tensor_scale(wt), s_state = tensor_scale(state);
  const double s_out = tensor_scale(output);
  KERN_ENSURE(ctx,
              quant_multiplier(s_in * s_wf / s_state, &d->mult1, &d->shift1),
              "invalid feature rescale %g", s_in * s_wf / s_state);
  KERN_ENSURE(ctx,
              quant_multiplier(s_state * s_wt / s_out, &d->mult2, &d->shift2),
              "invalid output rescale %g", s_state * s_wt / s_out);
  d->input_zp = tensor_zp(input);
  d->output_zp = tensor_zp(output);
  return kTfLiteOk;
}

static TfLiteStatus svdf_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  svdf_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 5, "has %d inputs, expected 5",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "has %d outputs, expected 1",
              kern_num_outputs(node));
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *wf = kern_input(ctx, node, kWeightsFeature);
  const TfLiteTensor *wt = kern_input(ctx, node, kWeightsTime);
  const TfLiteTensor *bias = kern_input(ctx, node, kBias);
  const TfLiteTensor *state = kern_input(ctx, node, kState);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, input != NULL, "input (input 0) is missing");
  KERN_ENSURE(ctx, wf != NULL, "weights_feature (input 1) is missing");
  KERN_ENSURE(ctx, wt != NULL, "weights_time (input 2) is missing");
  KERN_ENSURE(ctx, state != NULL, "activation state (input 4) is missing");
  KERN_ENSURE(ctx, output != NULL, "output is missing");
  KERN_ENSURE(ctx, kern_ndims(input) == 2, "input has %d dims, expected 2",
              kern_ndims(input));
  KERN_ENSURE(ctx, kern_ndims(wf) == 2,
              "weights_feature has %d dims, expected 2", kern_ndims(wf));
  KERN_ENSURE(ctx, kern_ndims(wt) == 2, "weights_time has %d dims, expected 2",
              kern_ndims(wt));

  const tflc_options_ref *o = kern_options(node);
  d->rank = opt_i32(o, kOptRank, 0);
  d->act = opt_i8(o, kOptActivation, TFLC_ACT_NONE);
  d->asymmetric = opt_bool(o, kOptAsymmetric, false);
  d->batch = kern_dim(input, 0);
  d->input_size = kern_dim(input, 1);
  d->filters = kern_dim(wf, 0);
  d->memory = kern_dim(wt, 1);
  KERN_ENSURE(ctx, d->rank > 0, "rank is %d, expected > 0", d->rank);
  KERN_ENSURE(ctx, d->filters % d->rank == 0,
              "weights_feature has %d filters, not a multiple of rank %d",
              d->filters, d->rank);
  KERN_ENSURE(ctx, d->memory > 0,
              "weights_time has memory size %d, "
              "expected > 0",
              d->memory);
  KERN_ENSURE(ctx, rnn_act_supported(d->act),
              "fused activation %d is not supported", d->act);
  d->units = d->filters / d->rank;
  KERN_ENSURE(ctx, (int64_t)d->memory * d->filters <= INT32_MAX,
              "state size %d * %d is too large", d->memory, d->filters);
  const int s_dims[2] = {d->batch, d->memory * d->filters};

  if (input->type == kTfLiteInt8) {
    d->kind = SVDF_INTEGER;
    KERN_OK(rnn_expect_state(ctx, state, "activation state (input 4)",
                             state->type, 2, s_dims));
    KERN_OK(prepare_integer(ctx, d, input, wf, wt, bias, state, output));
  } else {
    KERN_ENSURE(ctx, input->type == kTfLiteFloat32,
                "input type %s is not supported (FLOAT32, or INT8 with "
                "INT8/INT16 weights)",
                kern_type_name(input->type));
    d->kind = wf->type == kTfLiteInt8 ? SVDF_HYBRID : SVDF_FLOAT;
    const bool hybrid = d->kind == SVDF_HYBRID;
    KERN_OK(rnn_weights_check(ctx, wf, "weights_feature (input 1)", d->filters,
                              d->input_size, hybrid));
    KERN_OK(rnn_weights_check(ctx, wt, "weights_time (input 2)", d->filters,
                              d->memory, hybrid));
    if (bias) {
      const int b_dims[1] = {d->units};
      KERN_OK(
          rnn_expect(ctx, bias, "bias (input 3)", kTfLiteFloat32, 1, b_dims));
    }
    KERN_OK(rnn_expect_state(ctx, state, "activation state (input 4)",
                             kTfLiteFloat32, 2, s_dims));
    KERN_ENSURE(ctx, output->type == kTfLiteFloat32,
                "output has type %s, expected FLOAT32",
                kern_type_name(output->type));
  }
  const int out_dims[2] = {d->batch, d->units};
  KERN_OK(kern_resize_output(ctx, output, out_dims, 2));
  if (d->kind == SVDF_INTEGER) return kTfLiteOk;
  size_t bytes = align16((size_t)d->batch * (size_t)d->filters * sizeof(float));
  if (d->kind == SVDF_HYBRID)
    bytes += align16((size_t)d->filters * sizeof(int32_t)) +
             rnn_hybrid_scratch_bytes(d->batch, d->input_size);
  return ctx->RequestScratchBufferInArena(ctx, bytes, &d->scratch);
}

/* Step 1: the whole state moves left by one value. */
static void shift_state(void *state, size_t n, size_t elem) {
  if (n > 1) memmove(state, (char *)state + elem, (n - 1) * elem);
}

static void eval_float(TfLiteContext *ctx, TfLiteNode *node,
                       const svdf_data *d) {
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *wf_t = kern_input(ctx, node, kWeightsFeature);
  const TfLiteTensor *wt_t = kern_input(ctx, node, kWeightsTime);
  const TfLiteTensor *bias_t = kern_input(ctx, node, kBias);
  TfLiteTensor *state_t = kern_input(ctx, node, kState);
  float *out = kern_output(ctx, node, 0)->data.f;
  const size_t batch = (size_t)d->batch, filters = (size_t)d->filters;
  const size_t memory = (size_t)d->memory, units = (size_t)d->units;
  const size_t rank = (size_t)d->rank;
  if (batch == 0 || filters == 0) return;
  float *state = state_t->data.f;
  char *p = ctx->GetScratchBuffer(ctx, d->scratch);
  float *tmp = (float *)(void *)p;
  p += align16(batch * filters * sizeof(float));

  shift_state(state, batch * filters * memory, sizeof(float));
  /* Step 2: features into tmp, then into the newest state slots. */
  rnn_weights wf;
  rnn_weights_from(&wf, wf_t);
  rnn_hybrid_scratch hs;
  if (d->kind == SVDF_HYBRID) {
    wf.row_sums = (int32_t *)(void *)p;
    p += align16(filters * sizeof(int32_t));
    if (d->asymmetric) rnn_row_sums(&wf);
    rnn_hybrid_scratch_init(&hs, p, d->batch, d->input_size, d->asymmetric);
  }
  const rnn_matmul_args m = {.w = &wf,
                             .x = input->data.f,
                             .ldx = (size_t)d->input_size,
                             .batch = d->batch,
                             .out = tmp,
                             .ldo = filters,
                             .bias = NULL,
                             .accumulate = false,
                             .tmp = NULL,
                             .hs = d->kind == SVDF_HYBRID ? &hs : NULL};
  rnn_matmul(ctx, &m);
  for (size_t i = 0; i < batch * filters; i++)
    state[i * memory + memory - 1] = tmp[i];
  /* Step 3: time weights (hybrid: dequantized INT8). */
  const float *wt = wt_t->type == kTfLiteFloat32 ? wt_t->data.f : NULL;
  const int8_t *wtq = wt ? NULL : wt_t->data.int8;
  const float wt_scale = wt ? 1.0f : tensor_scale(wt_t);
  for (size_t i = 0; i < batch * filters; i++) {
    const float *s = state + i * memory;
    const size_t f = i % filters;
    float acc = 0.0f;
    if (wt) {
      for (size_t k = 0; k < memory; k++) acc += s[k] * wt[f * memory + k];
    } else {
      for (size_t k = 0; k < memory; k++)
        acc += s[k] * ((float)wtq[f * memory + k] * wt_scale);
    }
    tmp[i] = acc;
  }
  /* Step 4: sum over rank, bias, activation. */
  const float *bias = bias_t ? bias_t->data.f : NULL;
  for (size_t b = 0; b < batch; b++) {
    for (size_t u = 0; u < units; u++) {
      float acc = 0.0f;
      const float *s = tmp + b * filters + u * rank;
      for (size_t r = 0; r < rank; r++) acc += s[r];
      out[b * units + u] = acc + (bias ? bias[u] : 0.0f);
    }
  }
  rnn_act_apply_f32(out, batch * units, d->act);
}

static int32_t clamp_i32(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

static void eval_integer(TfLiteContext *ctx, TfLiteNode *node,
                         const svdf_data *d) {
  const int8_t *in = kern_input(ctx, node, kInput)->data.int8;
  const int8_t *wf = kern_input(ctx, node, kWeightsFeature)->data.int8;
  const int16_t *wt = kern_input(ctx, node, kWeightsTime)->data.i16;
  const TfLiteTensor *bias_t = kern_input(ctx, node, kBias);
  const int32_t *bias = bias_t ? bias_t->data.i32 : NULL;
  int16_t *state = kern_input(ctx, node, kState)->data.i16;
  int8_t *out = kern_output(ctx, node, 0)->data.int8;
  const size_t batch = (size_t)d->batch, filters = (size_t)d->filters;
  const size_t memory = (size_t)d->memory, units = (size_t)d->units;
  const size_t rank = (size_t)d->rank, n_in = (size_t)d->input_size;
  if (batch == 0 || filters == 0) return;

  shift_state(state, batch * filters * memory, sizeof(int16_t));
  for (size_t b = 0; b < batch; b++) {
    const int8_t *x = in + b * n_in;
    int16_t *srow = state + b * filters * memory;
    for (size_t f = 0; f < filters; f++) {
      const int8_t *w = wf + f * n_in;
      uint32_t dot = 0; /* int32 sums wrap, as below */
      for (size_t i = 0; i < n_in; i++)
        dot += (uint32_t)((int32_t)w[i] * ((int32_t)x[i] - d->input_zp));
      const int32_t scaled =
          quant_mul_by_multiplier((int32_t)dot, d->mult1, d->shift1);
      srow[f * memory + memory - 1] =
          (int16_t)clamp_i32(scaled, INT16_MIN, INT16_MAX);
    }
    for (size_t u = 0; u < units; u++) {
      /* int32 sums wrap like the hardware TensorFlow Lite runs on. */
      uint32_t acc = bias ? (uint32_t)bias[u] : 0u;
      for (size_t r = 0; r < rank; r++) {
        const size_t f = u * rank + r;
        const int16_t *s = srow + f * memory;
        const int16_t *w = wt + f * memory;
        for (size_t k = 0; k < memory; k++)
          acc += (uint32_t)((int32_t)s[k] * (int32_t)w[k]);
      }
      int32_t v = quant_mul_by_multiplier((int32_t)acc, d->mult2, d->shift2);
      v = clamp_i32(quant_sat_add(v, d->output_zp), INT8_MIN, INT8_MAX);
      out[b * units + u] = (int8_t)v;
    }
  }
}

static TfLiteStatus svdf_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const svdf_data *d = node->user_data;
  if (d->kind == SVDF_INTEGER)
    eval_integer(ctx, node, d);
  else
    eval_float(ctx, node, d);
  return kTfLiteOk;
}

const TfLiteRegistration kern_svdf = {
    .init = svdf_init,
    .prepare = svdf_prepare,
    .invoke = svdf_invoke,
    .builtin_code = TFLC_OP_SVDF,
    .version = 1,
};
