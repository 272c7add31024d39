/* QUANTIZE: float32 -> INT8/UINT8/INT16 with the output's scale and zero
 * point, q = clamp(round_half_away_from_zero(x / scale) + zp) (the division
 * in float, as TensorFlow Lite's reference AffineQuantize), per tensor or
 * per channel along the output's quantized_dimension; and requantization
 * of INT8/UINT8/INT16/INT32 to INT8/UINT8/INT16/INT32 (the combinations of
 * TensorFlow Lite and TensorFlow Lite Micro) with TensorFlow Lite's
 * fixed-point multiplier, q = clamp(MulQ(x - zp_in) + zp_out): bit-exact.
 * INT16 zero points must be 0 only for INT16 -> INT16 (as TensorFlow Lite's
 * prepare: INT16 -> INT8 and FLOAT32 -> INT16 accept any zero point in
 * range). Loops in internal/quant_requant.c. */
#include "kernels/internal/quant_arith.h"
#include "kernels/internal/quant_requant.h"
#include "kernels/kernel_util.h"

typedef struct quantize_data {
  quant_affine_params affine;   /* float input */
  quant_requant_params requant; /* quantized input */
} quantize_data;

KERN_OP_DATA_INIT(quantize_init, quantize_data)

static const TfLiteAffineQuantization *affine_of(const TfLiteTensor *t) {
  return (const TfLiteAffineQuantization *)t->quantization.params;
}

/* Checks t's parameters (per channel along its quantized_dimension when
 * allowed and it has several scales) and, when int16_symmetric, the INT16
 * zero point rule of INT16 -> INT16 requantization. */
static TfLiteStatus check_quant(TfLiteContext *ctx, const TfLiteTensor *t,
                                const char *what, int allow_per_channel,
                                int int16_symmetric) {
  char msg[256];
  int dim = -1;
  if (allow_per_channel && t->quantization.type == kTfLiteAffineQuantization &&
      affine_of(t) && affine_of(t)->scale && affine_of(t)->scale->size > 1)
    dim = affine_of(t)->quantized_dimension;
  KERN_ENSURE(ctx, quant_check_params(t, dim, msg, (int)sizeof msg), "%s: %s",
              what, msg);
  const TfLiteAffineQuantization *q = affine_of(t);
  if (int16_symmetric && t->type == kTfLiteInt16 && q->zero_point) {
    for (int i = 0; i < q->zero_point->size; i++)
      KERN_ENSURE(ctx, q->zero_point->data[i] == 0,
                  "%s: tensor '%s' is INT16 with zero point %d (INT16 -> "
                  "INT16 requantization needs 0)",
                  what, t->name ? t->name : "", (int)q->zero_point->data[i]);
  }
  return kTfLiteOk;
}

static int32_t zp0(const TfLiteTensor *t) {
  const TfLiteAffineQuantization *q = affine_of(t);
  return q->zero_point && q->zero_point->size > 0 ? q->zero_point->data[0] : 0;
}

static int types_ok(TfLiteType in, TfLiteType out) {
  const int out_q =
      out == kTfLiteInt8 || out == kTfLiteUInt8 || out == kTfLiteInt16;
  switch (in) {
    case kTfLiteFloat32: return out_q;
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteInt16: return out_q || out == kTfLiteInt32;
    case kTfLiteInt32: return out == kTfLiteInt8 || out == kTfLiteInt16;
    default: return 0;
  }
}

static TfLiteStatus prepare_float(TfLiteContext *ctx, quantize_data *d,
                                  const TfLiteTensor *out) {
  quant_affine_params *p = &d->affine;
  const TfLiteAffineQuantization *q = affine_of(out);
  const int n = q->scale->size;
  p->scales = q->scale->data;
  p->zero_points =
      q->zero_point && q->zero_point->size > 0 ? q->zero_point->data : NULL;
  p->n_zero_points = q->zero_point ? q->zero_point->size : 0;
  KERN_ENSURE(ctx, p->n_zero_points <= 1 || p->n_zero_points == n,
              "output: %d zero points for %d scales", p->n_zero_points, n);
  p->outer = 1;
  p->channels = 1;
  p->inner = kern_num_elements(out);
  if (n > 1) {
    const int dim = q->quantized_dimension;
    p->channels = (size_t)n;
    p->inner = 1;
    for (int i = 0; i < dim; i++) p->outer *= (size_t)kern_dim(out, i);
    for (int i = dim + 1; i < kern_ndims(out); i++)
      p->inner *= (size_t)kern_dim(out, i);
  }
  return kTfLiteOk;
}

static TfLiteStatus quantize_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  quantize_data *d = (quantize_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_OK(kern_check_single_io(ctx, node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, types_ok(in->type, out->type),
              "input type %s with output type %s is not supported (FLOAT32 "
              "-> INT8/UINT8/INT16, INT8/UINT8/INT16 -> INT8/UINT8/INT16/"
              "INT32, INT32 -> INT8/INT16)",
              kern_type_name(in->type), kern_type_name(out->type));
  KERN_OK(kern_resize_like(ctx, out, in));
  const int is_float = in->type == kTfLiteFloat32;
  const int i16_to_i16 = in->type == kTfLiteInt16 && out->type == kTfLiteInt16;
  KERN_OK(check_quant(ctx, out, "output", is_float, i16_to_i16));
  int32_t qmin = 0, qmax = 0;
  quant_type_range(out->type, &qmin, &qmax);
  if (is_float) {
    d->affine.qmin = qmin;
    d->affine.qmax = qmax;
    return prepare_float(ctx, d, out);
  }
  KERN_OK(check_quant(ctx, in, "input", 0, i16_to_i16));
  quant_requant_params *r = &d->requant;
  r->in_zp = zp0(in);
  r->out_zp = zp0(out);
  r->qmin = qmin;
  r->qmax = qmax;
  const double real = (double)affine_of(in)->scale->data[0] /
                      (double)affine_of(out)->scale->data[0];
  KERN_ENSURE(ctx, quant_multiplier(real, &r->multiplier, &r->shift),
              "requantization multiplier %g cannot be represented", real);
  return kTfLiteOk;
}

static TfLiteStatus quantize_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const quantize_data *d = (const quantize_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  (void)ctx;
  if (kern_num_elements(in) == 0) return kTfLiteOk;
  if (in->type == kTfLiteFloat32)
    quant_affine_quantize(in->data.f, out->data.data, out->type, &d->affine);
  else
    quant_requantize(in->data.data, in->type, out->data.data, out->type,
                     kern_num_elements(in), &d->requant);
  return kTfLiteOk;
}

const TfLiteRegistration kern_quantize = {
    .init = quantize_init,
    .prepare = quantize_prepare,
    .invoke = quantize_invoke,
    .builtin_code = TFLC_OP_QUANTIZE,
    .version = 1,
};
