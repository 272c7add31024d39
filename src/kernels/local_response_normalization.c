/* LOCAL_RESPONSE_NORMALIZATION: across channels of a 4-D float32 NHWC
 * tensor, out = x / (bias + alpha * sum of x^2 over channels
 * [c - radius, c + radius] clipped to the tensor) ^ beta.
 * LocalResponseNormalizationOptions: radius (field 0, int), bias (1), alpha
 * (2), beta (3) (floats). Quantized forms are refused, as in TensorFlow
 * Lite. */
#include <math.h>

#include "kernels/kernel_util.h"

enum {
  LRN_OPT_RADIUS = 0,
  LRN_OPT_BIAS = 1,
  LRN_OPT_ALPHA = 2,
  LRN_OPT_BETA = 3
};

typedef struct lrn_data {
  int radius;
  float bias, alpha, beta;
} lrn_data;

KERN_OP_DATA_INIT(lrn_init, lrn_data)

static TfLiteStatus lrn_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  lrn_data *d = (lrn_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_OK(kern_check_single_io(ctx, node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in->type == kTfLiteFloat32,
              "input type %s is not supported (FLOAT32)",
              kern_type_name(in->type));
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  KERN_ENSURE(ctx, kern_ndims(in) == 4, "input must be 4-D, got rank %d",
              kern_ndims(in));
  const tflc_options_ref *o = kern_options(node);
  d->radius = opt_i32(o, LRN_OPT_RADIUS, 0);
  d->bias = opt_f32(o, LRN_OPT_BIAS, 0.0f);
  d->alpha = opt_f32(o, LRN_OPT_ALPHA, 0.0f);
  d->beta = opt_f32(o, LRN_OPT_BETA, 0.0f);
  KERN_ENSURE(ctx, d->radius >= 0, "radius %d is negative", d->radius);
  return kern_resize_like(ctx, out, in);
}

static TfLiteStatus lrn_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  (void)ctx;
  const lrn_data *d = (const lrn_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int depth = kern_dim(in, 3);
  if (depth == 0) return kTfLiteOk;
  size_t rows = kern_num_elements(in) / (size_t)depth;
  for (size_t r = 0; r < rows; r++) {
    const float *x = in->data.f + r * (size_t)depth;
    float *y = out->data.f + r * (size_t)depth;
    for (int c = 0; c < depth; c++) {
      int lo = c > d->radius ? c - d->radius : 0;
      int hi = depth - 1 - c > d->radius ? c + d->radius : depth - 1;
      float sq = 0.0f;
      for (int j = lo; j <= hi; j++) sq += x[j] * x[j];
      y[c] = x[c] * powf(d->bias + d->alpha * sq, -d->beta);
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_local_response_normalization = {
    .init = lrn_init,
    .prepare = lrn_prepare,
    .invoke = lrn_invoke,
    .builtin_code = TFLC_OP_LOCAL_RESPONSE_NORMALIZATION,
    .version = 1,
};
