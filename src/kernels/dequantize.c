/* DEQUANTIZE: float16 -> float32, and INT8/UINT8/INT16 -> float32 as
 * scale * (q - zero_point), per tensor or per channel along
 * quantized_dimension (constant weights); bad parameters (scale <= 0, NaN,
 * inf, zero point out of range, wrong channel count) are refused. The float
 * products equal TensorFlow Lite's (double scale * int, rounded once to
 * float: the exact product fits a double). Computed at every invoke, also for
 * a constant input (the output is an arena tensor; converting once at
 * prepare would need a persistent output). */
#include "base/fp16.h"
#include "kernels/internal/quant_arith.h"
#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

typedef struct dequant_data {
  int per_channel;        /* 1: scales/zero points along qdim */
  const float *scales;    /* per_channel: one per channel (tensor-owned) */
  const int *zero_points; /* per_channel: one per channel or NULL (all 0) */
  int n_zero_points;
  float scale; /* per tensor */
  int32_t zero_point;
  size_t outer, channels, inner; /* per_channel layout around qdim */
} dequant_data;

KERN_OP_DATA_INIT(dequant_init, dequant_data)

static TfLiteStatus dequant_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  dequant_data *d = (dequant_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_OK(kern_check_single_io(ctx, node));
  TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx,
              in->type == kTfLiteFloat16 || in->type == kTfLiteInt8 ||
                  in->type == kTfLiteUInt8 || in->type == kTfLiteInt16,
              "input type %s is not supported (FLOAT16, INT8, UINT8, INT16)",
              kern_type_name(in->type));
  KERN_ENSURE(ctx, out->type == kTfLiteFloat32,
              "output type %s is not supported (FLOAT32)",
              kern_type_name(out->type));
  d->per_channel = 0;
  d->scales = NULL;
  d->zero_points = NULL;
  d->n_zero_points = 0;
  d->scale = 1.0f;
  d->zero_point = 0;
  if (in->type != kTfLiteFloat16) {
    int n = kern_quant_params(in, &d->scale, &d->zero_point);
    KERN_ENSURE(ctx, n > 0, "%s input has no quantization parameters",
                kern_type_name(in->type));
    {
      char msg[256];
      const TfLiteAffineQuantization *aq =
          (const TfLiteAffineQuantization *)in->quantization.params;
      const int dim = n > 1 && aq ? aq->quantized_dimension : -1;
      KERN_ENSURE(ctx, quant_check_params(in, dim, msg, (int)sizeof msg),
                  "input: %s", msg);
    }
    if (n > 1) {
      const TfLiteAffineQuantization *q =
          (const TfLiteAffineQuantization *)in->quantization.params;
      /* Analyzer false positive: n > 1 only with affine parameters
       * (kern_quant_params) */
      /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
      int qdim = q->quantized_dimension;
      KERN_ENSURE(ctx, qdim >= 0 && qdim < kern_ndims(in),
                  "quantized_dimension %d is out of range for rank %d", qdim,
                  kern_ndims(in));
      KERN_ENSURE(ctx, kern_dim(in, qdim) == n,
                  "%d scales for dimension %d of size %d", n, qdim,
                  kern_dim(in, qdim));
      int nz = q->zero_point ? q->zero_point->size : 0;
      KERN_ENSURE(ctx, nz == 0 || nz == 1 || nz == n,
                  "%d zero points for %d scales", nz, n);
      d->per_channel = 1;
      d->scales = q->scale->data;
      d->zero_points = nz > 0 ? q->zero_point->data : NULL;
      d->n_zero_points = nz;
      d->outer = 1;
      for (int i = 0; i < qdim; i++) d->outer *= (size_t)kern_dim(in, i);
      d->channels = (size_t)n;
      d->inner = 1;
      for (int i = qdim + 1; i < kern_ndims(in); i++)
        d->inner *= (size_t)kern_dim(in, i);
    }
  }
  return kern_resize_like(ctx, out, in);
}

static float dequant_read(const TfLiteTensor *in, size_t i) {
  switch (in->type) {
    case kTfLiteInt8: return (float)in->data.int8[i];
    case kTfLiteUInt8: return (float)in->data.uint8[i];
    default: return (float)in->data.i16[i];
  }
}

static TfLiteStatus dequant_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const dequant_data *d = (const dequant_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t n = kern_num_elements(in);
  float *y = out->data.f;
  if (n == 0) return kTfLiteOk;
  if (in->type == kTfLiteFloat16) {
    for (size_t i = 0; i < n; i++) y[i] = tflc_fp16_to_f32(in->data.f16[i]);
    return kTfLiteOk;
  }
  if (!d->per_channel) {
    for (size_t i = 0; i < n; i++)
      y[i] = d->scale * (dequant_read(in, i) - (float)d->zero_point);
    return kTfLiteOk;
  }
  size_t i = 0;
  for (size_t o = 0; o < d->outer; o++) {
    for (size_t c = 0; c < d->channels; c++) {
      float s = d->scales[c];
      int32_t z = d->zero_points == NULL  ? 0
                  : d->n_zero_points == 1 ? d->zero_points[0]
                                          : d->zero_points[c];
      for (size_t k = 0; k < d->inner; k++, i++)
        y[i] = s * (dequant_read(in, i) - (float)z);
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_dequantize = {
    .init = dequant_init,
    .prepare = dequant_prepare,
    .invoke = dequant_invoke,
    .builtin_code = TFLC_OP_DEQUANTIZE,
    .version = 1,
};
