/* LOG_SOFTMAX: x - max - log(sum(exp(x - max))) over the last axis (the max
 * is subtracted for numerical stability; LogSoftmaxOptions has no fields).
 * FLOAT32, and INT8 / UINT8 with TensorFlow Lite's reference fixed-point
 * arithmetic (internal/quant_log_softmax.c); the quantized output must have
 * scale 16/256 and zero point 127 (INT8) or 255 (UINT8), as TensorFlow Lite
 * demands. */
#include <math.h>

#include "kernels/internal/elementwise.h"
#include "kernels/internal/quant_act.h"
#include "kernels/internal/quant_log_softmax.h"
#include "kernels/kernel_util.h"

typedef struct log_softmax_data {
  size_t rows;         /* product of all dims but the last */
  size_t depth;        /* last dim */
  quant_log_softmax q; /* INT8 / UINT8 */
} log_softmax_data;

static const TfLiteType log_softmax_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                               kTfLiteUInt8};

KERN_OP_DATA_INIT(log_softmax_init, log_softmax_data)

static TfLiteStatus log_softmax_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  log_softmax_data *d = (log_softmax_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 1, "expected 1 input, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in != NULL, "the input is missing");
  KERN_ENSURE(ctx, out != NULL, "the output is missing");
  KERN_OK(kern_ew_check_type(ctx, "input", in->type, log_softmax_types, 3));
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s does not match input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  KERN_ENSURE(ctx, kern_ndims(in) >= 1, "input must have rank >= 1, got %d",
              kern_ndims(in));
  d->depth = (size_t)kern_dim(in, kern_ndims(in) - 1);
  d->rows = 1;
  for (int i = 0; i < kern_ndims(in) - 1; i++)
    d->rows *= (size_t)kern_dim(in, i);
  if (in->type != kTfLiteFloat32) {
    const bool u8 = in->type == kTfLiteUInt8;
    KERN_OK(quant_act_check_io(ctx, in, out));
    KERN_OK(quant_act_fixed_output(ctx, out, "LOG_SOFTMAX", 16.0 / 256,
                                   u8 ? 255 : 127, false));
    KERN_ENSURE(ctx, quant_log_softmax_prepare(in->params.scale, u8, &d->q),
                "input scale %g gives no usable fixed-point multiplier",
                (double)in->params.scale);
  }
  return kern_resize_like(ctx, out, in);
}

static TfLiteStatus log_softmax_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const log_softmax_data *d = (const log_softmax_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (d->depth == 0 || d->rows == 0) return kTfLiteOk;
  if (in->type != kTfLiteFloat32) {
    const bool u8 = in->type == kTfLiteUInt8;
    const uint8_t *qx = (const uint8_t *)in->data.raw_const;
    uint8_t *qy = (uint8_t *)out->data.raw;
    for (size_t r = 0; r < d->rows; r++)
      quant_log_softmax_row(&d->q, u8, qx + r * d->depth, qy + r * d->depth,
                            d->depth);
    return kTfLiteOk;
  }
  const float *x = in->data.f;
  float *y = out->data.f;
  for (size_t r = 0; r < d->rows; r++, x += d->depth, y += d->depth) {
    float m = x[0];
    for (size_t i = 1; i < d->depth; i++)
      if (x[i] > m) m = x[i];
    float sum = 0.0f;
    for (size_t i = 0; i < d->depth; i++) sum += expf(x[i] - m);
    const float log_sum = logf(sum);
    for (size_t i = 0; i < d->depth; i++) y[i] = (x[i] - m) - log_sum;
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_log_softmax = {.init = log_softmax_init,
                                             .prepare = log_softmax_prepare,
                                             .invoke = log_softmax_invoke};
