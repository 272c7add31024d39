/* Checks and the RELU-family clamp of the quantized activations (see
 * quant_act.h). */
#include "kernels/internal/quant_act.h"

#include <math.h>

TfLiteStatus quant_act_check(TfLiteContext *ctx, const TfLiteTensor *t) {
  char msg[256];
  if (!quant_check_params(t, -1, msg, (int)sizeof msg)) {
    ctx->ReportError(ctx, "%s", msg);
    return kTfLiteError;
  }
  KERN_ENSURE(ctx, t->type != kTfLiteInt16 || t->params.zero_point == 0,
              "tensor '%s' is int16 with zero point %d (int16 must be "
              "symmetric, zero point 0)",
              t->name ? t->name : "", (int)t->params.zero_point);
  return kTfLiteOk;
}

TfLiteStatus quant_act_check_io(TfLiteContext *ctx, const TfLiteTensor *in,
                                const TfLiteTensor *out) {
  KERN_OK(quant_act_check(ctx, in));
  return quant_act_check(ctx, out);
}

TfLiteStatus quant_act_fixed_output(TfLiteContext *ctx, const TfLiteTensor *out,
                                    const char *op, double scale, int32_t zp,
                                    bool near) {
  const double s = out->params.scale;
  const bool scale_ok =
      near ? fabs(s - scale) <= 0.001 * scale : (float)s == (float)scale;
  KERN_ENSURE(ctx, scale_ok && out->params.zero_point == zp,
              "%s %s output '%s' must have scale %g and zero point %d, got "
              "scale %g and zero point %d",
              op, kern_type_name(out->type), out->name ? out->name : "", scale,
              (int)zp, s, (int)out->params.zero_point);
  return kTfLiteOk;
}

TfLiteStatus quant_relu_prepare(TfLiteContext *ctx, const TfLiteTensor *in,
                                const TfLiteTensor *out, float act_min,
                                float act_max, quant_relu *r) {
  KERN_OK(quant_act_check_io(ctx, in, out));
  int32_t qmin = 0, qmax = 0;
  quant_type_range(out->type, &qmin, &qmax);
  const double real = (double)in->params.scale / (double)out->params.scale;
  KERN_ENSURE(ctx, quant_multiplier(real, &r->multiplier, &r->shift),
              "input/output scale ratio %g cannot be represented", real);
  r->in_zp = in->params.zero_point;
  r->out_zp = out->params.zero_point;
  r->lo = quant_quantize_clamped(act_min, out->params.scale,
                                 out->params.zero_point, qmin, qmax);
  r->hi = isinf(act_max)
              ? qmax
              : quant_quantize_clamped(act_max, out->params.scale,
                                       out->params.zero_point, qmin, qmax);
  return kTfLiteOk;
}

void quant_relu_eval(const quant_relu *r, const TfLiteTensor *in,
                     TfLiteTensor *out) {
  QUANT_ACT_LOOP(
      in, out,
      quant_clamp(
          quant_sat_add(r->out_zp, quant_mul_by_multiplier(
                                       x - r->in_zp, r->multiplier, r->shift)),
          r->lo, r->hi));
}
