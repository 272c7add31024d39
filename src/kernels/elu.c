/* ELU: elementwise x for x >= 0 and exp(x) - 1 (computed with expm1f)
 * for x < 0. FLOAT32; INT8 by a 256-entry table built at prepare in float
 * (TensorFlow Lite's LUTPopulate, see docs/QUANTIZATION.md). */
#include <math.h>

#include "kernels/internal/quant_act.h"
#include "kernels/internal/quant_lut.h"
#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType elu_types[] = {kTfLiteFloat32, kTfLiteInt8};

static inline float elu_f32(float x) { return x < 0.0f ? expm1f(x) : x; }

static void *elu_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  return ctx->AllocatePersistentBuffer(ctx, 256);
}

static TfLiteStatus elu_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_unary_prepare(ctx, node, elu_types, 2));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *out = kern_output(ctx, node, 0);
  if (in->type == kTfLiteFloat32) return kTfLiteOk;
  KERN_ENSURE(ctx, node->user_data != NULL, "op data could not be allocated");
  KERN_OK(quant_act_check_io(ctx, in, out));
  quant_lut8_build(in->type, in->params.scale, in->params.zero_point,
                   out->params.scale, out->params.zero_point, elu_f32,
                   (uint8_t *)node->user_data);
  return kTfLiteOk;
}

static TfLiteStatus elu_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32: kern_unary_map_f32(in, out, elu_f32); return kTfLiteOk;
    case kTfLiteInt8:
      quant_lut8_apply((const uint8_t *)node->user_data, in->data.uint8,
                       out->data.uint8, kern_num_elements(in));
      return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_elu = {
    .init = elu_init, .prepare = elu_prepare, .invoke = elu_invoke};
