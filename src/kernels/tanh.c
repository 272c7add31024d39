/* TANH: elementwise hyperbolic tangent. FLOAT32; INT8/UINT8 by a
 * 256-entry table built at prepare in float (TensorFlow Lite's LUTPopulate);
 * INT16 by the interpolated sigmoid table, tanh(x) = 2 sigmoid(2x) - 1. Fixed
 * output parameters: int8 (1/128, 0), uint8 (1/128, 128), int16 (1/32768, 0).
 */
#include <math.h>

#include "kernels/internal/quant_act.h"
#include "kernels/internal/quant_fixed.h"
#include "kernels/internal/quant_lut.h"
#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

typedef struct tanh_data {
  uint8_t lut[256];      /* int8 / uint8 */
  uint16_t sigmoid[256]; /* int16 */
  int32_t multiplier;    /* int16 input rescale (0: power-of-two scale) */
  int shift;
} tanh_data;

static const TfLiteType tanh_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                        kTfLiteUInt8, kTfLiteInt16};

static inline float tanh_f32(float x) { return tanhf(x); }

static void *tanh_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  return ctx->AllocatePersistentBuffer(ctx, sizeof(tanh_data));
}

static TfLiteStatus tanh_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_unary_prepare(ctx, node, tanh_types, 4));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *out = kern_output(ctx, node, 0);
  if (in->type == kTfLiteFloat32) return kTfLiteOk;
  tanh_data *d = (tanh_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_OK(quant_act_check_io(ctx, in, out));
  if (in->type == kTfLiteInt16) {
    KERN_OK(quant_act_fixed_output(ctx, out, "TANH", 1.0 / 32768, 0, false));
    KERN_ENSURE(ctx,
                quant_sigmoid_i16_params(in->params.scale, true, &d->multiplier,
                                         &d->shift),
                "int16 input scale %g is not supported",
                (double)in->params.scale);
    quant_sigmoid_table(d->sigmoid);
    return kTfLiteOk;
  }
  KERN_OK(quant_act_fixed_output(ctx, out, "TANH", 1.0 / 128,
                                 in->type == kTfLiteInt8 ? 0 : 128, false));
  quant_lut8_build(in->type, in->params.scale, in->params.zero_point,
                   out->params.scale, out->params.zero_point, tanh_f32, d->lut);
  return kTfLiteOk;
}

static TfLiteStatus tanh_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const tanh_data *d = (const tanh_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32:
      kern_unary_map_f32(in, out, tanh_f32);
      return kTfLiteOk;
    case kTfLiteInt8:
    case kTfLiteUInt8:
      quant_lut8_apply(d->lut, in->data.uint8, out->data.uint8,
                       kern_num_elements(in));
      return kTfLiteOk;
    case kTfLiteInt16:
      quant_tanh_i16(d->sigmoid, d->multiplier, d->shift, in->data.i16,
                     out->data.i16, kern_num_elements(in));
      return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_tanh = {
    .init = tanh_init, .prepare = tanh_prepare, .invoke = tanh_invoke};
