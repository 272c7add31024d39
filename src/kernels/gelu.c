/* GELU: Gaussian error linear unit for FLOAT32. GeluOptions approximate
 * (field 0, default false): false gives the exact form
 * 0.5 * x * (1 + erf(x / sqrt(2))), true the tanh approximation
 * 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))). INT8 and
 * UINT8 (any per-tensor parameters) through a 256-entry table built at
 * prepare in float as TensorFlow Lite's LUTPopulate does, with TensorFlow
 * Lite's own float forms of the two functions (the exact one written with
 * erfc: 0.5 * x * erfc(-x / sqrt(2))). */
#include <math.h>
#include "kernels/internal/quant_act.h"
#include "kernels/internal/quant_lut.h"
#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

enum { GELU_OPT_APPROXIMATE = 0 };

typedef struct gelu_data {
  bool approximate;
  uint8_t lut[256]; /* INT8 / UINT8 */
} gelu_data;

static const TfLiteType gelu_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                        kTfLiteUInt8};

/* TensorFlow Lite's GeluTransform / GeluTransformApproximate (the table
 * builders; float arithmetic, constants rounded to float as there). */
static float gelu_lut_exact(float x) {
  return 0.5f * x * erfcf(x * (float)-0.70710678118654752440);
}

static float gelu_lut_tanh(float x) {
  const float k = (float)(1.12837916709551257390 * 0.70710678118654752440);
  return 0.5f * x * (1.f + tanhf(k * (x + 0.044715f * x * x * x)));
}

static inline float gelu_exact_f32(float x) {
  return 0.5f * x * (1.0f + erff(x * 0.70710678118654752f));
}

static inline float gelu_tanh_f32(float x) {
  const float k = 0.79788456080286536f; /* sqrt(2 / pi) */
  return 0.5f * x * (1.0f + tanhf(k * (x + 0.044715f * x * x * x)));
}

KERN_ZEROED_INIT(gelu_init, gelu_data)

static TfLiteStatus gelu_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  gelu_data *d = (gelu_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_OK(kern_unary_prepare(ctx, node, gelu_types, 3));
  const tflc_options_ref *o = kern_options(node);
  d->approximate = (o && opt_is(o, TFLC_BO_GELU))
                       ? opt_bool(o, GELU_OPT_APPROXIMATE, false)
                       : false;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *out = kern_output(ctx, node, 0);
  if (in->type != kTfLiteFloat32) {
    KERN_OK(quant_act_check_io(ctx, in, out));
    quant_lut8_build(in->type, in->params.scale, in->params.zero_point,
                     out->params.scale, out->params.zero_point,
                     d->approximate ? gelu_lut_tanh : gelu_lut_exact, d->lut);
  }
  return kTfLiteOk;
}

static TfLiteStatus gelu_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const gelu_data *d = (const gelu_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32:
      kern_unary_map_f32(in, out,
                         d->approximate ? gelu_tanh_f32 : gelu_exact_f32);
      return kTfLiteOk;
    case kTfLiteInt8:
    case kTfLiteUInt8:
      quant_lut8_apply(d->lut, (const uint8_t *)in->data.raw_const,
                       (uint8_t *)out->data.raw, kern_num_elements(in));
      return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_gelu = {
    .init = gelu_init, .prepare = gelu_prepare, .invoke = gelu_invoke};
