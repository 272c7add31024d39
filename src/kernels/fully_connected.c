/* FULLY_CONNECTED: output[b][u] = act(sum_i input[b][i] * weights[u][i] +
 * bias[u]). The input is read as [batch, input_size] with input_size =
 * weights dim 1 and batch = elements / input_size; the output is
 * [batch, units], or with keep_num_dims the input's shape with its last dim
 * replaced by units (FullyConnectedOptions). Float32 as one GEMM. Quantized
 * int8 (weights per tensor or per channel on axis 0), uint8 and int16x8 use
 * TensorFlow Lite's reference integer formulas (internal/quant_dense.c);
 * hybrid (float input, int8 weights) quantizes each input row on the fly,
 * symmetric or asymmetric by asymmetric_quantize_inputs
 * (internal/quant_hybrid.c). Shuffled weights are refused. In the XNNPACK
 * rounding mode a hybrid FULLY_CONNECTED always quantizes its input rows
 * asymmetrically, as XNNPACK's dynamically quantized (qd8) fully connected
 * operator that LiteRT's delegate runs it with. */
#include "kernels/internal/parallel_gemm.h"
#include "kernels/internal/quant_dense.h"
#include "kernels/internal/quant_int4.h"
#include "kernels/internal/quant_xnn.h"
#include "kernels/kernel_util.h"

#include <string.h>

enum { kInput = 0, kWeights = 1, kBias = 2 };

/* FullyConnectedOptions field ids. */
enum {
  kOptActivation = 0,
  kOptWeightsFormat = 1,
  kOptKeepNumDims = 2,
  kOptAsymmetricQuantizeInputs = 3
};

#define FC_MAX_RANK 8

enum { kModeF32 = 0, kModeQuant, kModeHybrid };

typedef struct fc_data {
  int mode;
  quant_out_params q;   /* kModeQuant */
  quant_hybrid_data hy; /* kModeHybrid */
  size_t batch, units, input_size;
  float lo, hi;
  double *int16_scale; /* int16: per unit (double)s_in * s_w / s_out */
  size_t int16_cap;    /* entries allocated (persistent memory) */
} fc_data;

static void *fc_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  fc_data *d = ctx->AllocatePersistentBuffer(ctx, sizeof(fc_data));
  if (d) memset(d, 0, sizeof(*d));
  return d;
}

/* INT16: the double scales of TensorFlow Lite's current reference
 * FULLY_CONNECTED, (double)s_in * (double)s_w[u] / (double)s_out per unit
 * (a per-tensor weight scale repeated); see quant_fc_args.int16_scale. */
static TfLiteStatus fc_int16_scales(TfLiteContext *ctx, fc_data *d,
                                    const TfLiteTensor *input,
                                    const TfLiteTensor *weights,
                                    const TfLiteTensor *output) {
  const TfLiteAffineQuantization *wq =
      (const TfLiteAffineQuantization *)weights->quantization.params;
  const int n_scales = wq && wq->scale ? wq->scale->size : 0;
  KERN_ENSURE(ctx, n_scales == 1 || (size_t)n_scales == d->units,
              "weights have %d scales for %zu units", n_scales, d->units);
  if (d->int16_cap < d->units) {
    d->int16_scale =
        ctx->AllocatePersistentBuffer(ctx, sizeof(double) * d->units);
    KERN_ENSURE(ctx, d->int16_scale != NULL, "out of memory");
    d->int16_cap = d->units;
  }
  for (size_t u = 0; u < d->units; u++) {
    const float sw = wq->scale->data[n_scales == 1 ? 0 : u];
    d->int16_scale[u] =
        (double)input->params.scale * (double)sw / (double)output->params.scale;
  }
  return kTfLiteOk;
}

static TfLiteStatus fc_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  fc_data *d = (fc_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  const int nin = kern_num_inputs(node);
  KERN_ENSURE(ctx, nin == 2 || nin == 3, "has %d inputs, expected 2 or 3", nin);
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "has %d outputs, expected 1",
              kern_num_outputs(node));
  /* INT4 weights: unpacked to INT8 once (internal/quant_int4.h). */
  KERN_OK(quant_int4_unpack_input(ctx, node, kWeights));
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *weights = kern_input(ctx, node, kWeights);
  const TfLiteTensor *bias = kern_input(ctx, node, kBias);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, input != NULL, "input is missing");
  KERN_ENSURE(ctx, weights != NULL, "weights are missing");
  KERN_ENSURE(ctx, output != NULL, "output is missing");
  KERN_ENSURE(ctx, kern_ndims(weights) == 2, "weights have %d dims, expected 2",
              kern_ndims(weights));

  const tflc_options_ref *o = kern_options(node);
  const int act = opt_i8(o, kOptActivation, TFLC_ACT_NONE);
  const int format = opt_i8(o, kOptWeightsFormat, 0);
  const bool keep_num_dims = opt_bool(o, kOptKeepNumDims, false);
  KERN_ENSURE(ctx, format == 0,
              "weights_format %d is not supported (only DEFAULT)", format);

  switch (input->type) {
    case kTfLiteFloat32:
      d->mode = weights->type == kTfLiteInt8 ? kModeHybrid : kModeF32;
      KERN_ENSURE(
          ctx, weights->type == kTfLiteFloat32 || weights->type == kTfLiteInt8,
          "weights type %s with FLOAT32 input is not supported",
          kern_type_name(weights->type));
      KERN_ENSURE(ctx, output->type == kTfLiteFloat32,
                  "output type %s, expected FLOAT32",
                  kern_type_name(output->type));
      KERN_ENSURE(ctx, bias == NULL || bias->type == kTfLiteFloat32,
                  "bias type %s, expected FLOAT32", kern_type_name(bias->type));
      KERN_ENSURE(ctx, kern_act_range_f32(act, &d->lo, &d->hi) == 0,
                  "fused activation %d is not supported", act);
      break;
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteInt16: d->mode = kModeQuant; break;
    default:
      KERN_ENSURE(ctx, 0, "input type %s is not supported",
                  kern_type_name(input->type));
  }

  const int units = kern_dim(weights, 0), input_size = kern_dim(weights, 1);
  const int rank = kern_ndims(input);
  const size_t total = kern_num_elements(input);
  size_t batch;
  if (input_size > 0) {
    KERN_ENSURE(ctx, total % (size_t)input_size == 0,
                "input has %zu elements, not a multiple of the weights' input "
                "size %d",
                total, input_size);
    batch = total / (size_t)input_size;
  } else {
    KERN_ENSURE(ctx, total == 0,
                "weights have input size 0 but the input has %zu elements",
                total);
    batch = 1;
    for (int i = 0; i + 1 < rank; i++) batch *= (size_t)kern_dim(input, i);
  }
  if (bias) {
    KERN_ENSURE(ctx, kern_num_elements(bias) == (size_t)units,
                "bias has %zu elements, expected %d (units)",
                kern_num_elements(bias), units);
  }

  int out_dims[FC_MAX_RANK];
  int out_rank;
  if (keep_num_dims) {
    KERN_ENSURE(ctx, rank >= 1 && rank <= FC_MAX_RANK,
                "input has %d dims, keep_num_dims needs 1 to %d", rank,
                FC_MAX_RANK);
    KERN_ENSURE(ctx, kern_dim(input, rank - 1) == input_size,
                "input's last dim is %d, expected %d (weights' input size) "
                "with keep_num_dims",
                kern_dim(input, rank - 1), input_size);
    for (int i = 0; i < rank; i++) out_dims[i] = kern_dim(input, i);
    out_dims[rank - 1] = units;
    out_rank = rank;
  } else {
    KERN_ENSURE(ctx, batch <= (size_t)0x7fffffff, "batch %zu is too large",
                batch);
    out_dims[0] = (int)batch;
    out_dims[1] = units;
    out_rank = 2;
  }
  KERN_OK(kern_resize_output(ctx, output, out_dims, out_rank));
  d->batch = batch;
  d->units = (size_t)units;
  d->input_size = (size_t)input_size;
  if (d->mode == kModeQuant) {
    const quant_prepare_spec qs = {.input = input,
                                   .filter = weights,
                                   .bias = bias,
                                   .output = output,
                                   .filter_axis = 0,
                                   .channels = units,
                                   .activation = act,
                                   .filter_zp_allowed = true,
                                   .legacy_multiplier = true,
                                   .xnn_form = QUANT_XNN_ALWAYS};
    KERN_OK(quant_prepare(ctx, &qs, &d->q));
    if (input->type == kTfLiteInt16)
      KERN_OK(fc_int16_scales(ctx, d, input, weights, output));
    return kTfLiteOk;
  }
  if (d->mode == kModeHybrid) {
    /* LiteRT's XNNPACK delegate takes a hybrid FULLY_CONNECTED with a
     * NONE / RELU / RELU_N1_TO_1 / RELU6 activation and quantizes each input
     * row asymmetrically whatever asymmetric_quantize_inputs says. */
    const bool xnn = quant_xnn_mode(ctx) &&
                     (act == TFLC_ACT_NONE || act == TFLC_ACT_RELU ||
                      act == TFLC_ACT_RELU_N1_TO_1 || act == TFLC_ACT_RELU6);
    const bool asym = xnn || opt_bool(o, kOptAsymmetricQuantizeInputs, false);
    return quant_hybrid_prepare(
        ctx, input, weights, 0, units,
        asym ? kHybridDenseAsymmetric : kHybridDenseSymmetric, batch,
        (size_t)input_size, &d->hy);
  }
  return kTfLiteOk;
}

static TfLiteStatus fc_eval_f32(TfLiteContext *ctx, TfLiteNode *node,
                                const fc_data *d) {
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *weights = kern_input(ctx, node, kWeights);
  const TfLiteTensor *bias_t = kern_input(ctx, node, kBias);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  const float *bias = bias_t ? bias_t->data.f : NULL;
  if (d->batch == 0 || d->units == 0) return kTfLiteOk;
  /* Analyzer false positive: fc_prepare checked input and output exist */
  /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
  float *out = output->data.f;
  /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
  const float *in = input->data.f;
  if (d->input_size == 0) {
    for (size_t b = 0; b < d->batch; b++) {
      for (size_t u = 0; u < d->units; u++) {
        out[b * d->units + u] =
            kern_clamp_f32(bias ? bias[u] : 0.0f, d->lo, d->hi);
      }
    }
    return kTfLiteOk;
  }
  const f32_gemm_params gp = {.m = d->batch,
                              .n = d->units,
                              .k = d->input_size,
                              .a = in,
                              .lda = d->input_size,
                              .b = weights->data.f,
                              .ldb = d->input_size,
                              .bias = bias,
                              .c = out,
                              .ldc = d->units,
                              .lo = d->lo,
                              .hi = d->hi};
  kern_gemm_f32(ctx, &gp);
  return kTfLiteOk;
}

static TfLiteStatus fc_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const fc_data *d = (const fc_data *)node->user_data;
  if (d->mode == kModeF32) return fc_eval_f32(ctx, node, d);
  const TfLiteTensor *input = kern_input(ctx, node, kInput);
  const TfLiteTensor *weights = kern_input(ctx, node, kWeights);
  const TfLiteTensor *bias = kern_input(ctx, node, kBias);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  if (d->mode == kModeQuant) {
    const quant_fc_args a = {
        .q = &d->q,
        .type = input->type,
        .batch = d->batch,
        .units = d->units,
        .depth = d->input_size,
        .input = input->data.data,
        .weights = weights->data.data,
        .bias = bias ? bias->data.data : NULL,
        .output = output->data.data,
        .int16_scale = input->type == kTfLiteInt16 ? d->int16_scale : NULL};
    quant_fc(ctx, &a);
    return kTfLiteOk;
  }
  const quant_hybrid_fc_args a = {.hy = &d->hy,
                                  .batch = d->batch,
                                  .units = d->units,
                                  .depth = d->input_size,
                                  .lo = d->lo,
                                  .hi = d->hi,
                                  .input = input->data.f,
                                  .weights = weights->data.int8,
                                  .bias = bias ? bias->data.f : NULL,
                                  .output = output->data.f};
  return quant_hybrid_fc(ctx, &a);
}

const TfLiteRegistration kern_fully_connected = {
    .init = fc_init,
    .prepare = fc_prepare,
    .invoke = fc_invoke,
    .builtin_code = TFLC_OP_FULLY_CONNECTED,
    .version = 1,
};
