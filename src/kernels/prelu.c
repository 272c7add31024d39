/* PRELU: parametric ReLU, x >= 0 ? x : alpha * x, where input 2 (alpha)
 * broadcasts numpy-style to input 1 (typically one alpha per channel, shared
 * over the other axes); the output has the input's shape and the broadcast
 * of the two must be exactly that shape. FLOAT32, and INT8 / UINT8 as
 * TensorFlow Lite's reference kernel: per-tensor input, alpha and output
 * parameters, two output multipliers computed in float as TensorFlow Lite
 * does, m1 = s_in / s_out for x - z_in >= 0 and m2 = s_in * s_alpha / s_out
 * otherwise:
 *   out = clamp(z_out + MulQ(x - z_in, m1))                      x >= z_in
 *   out = clamp(z_out + MulQ((x - z_in) * (alpha - z_alpha), m2)) otherwise
 * (see docs/QUANTIZATION.md). */
#include "kernels/internal/broadcast.h"
#include "kernels/internal/elementwise.h"
#include "kernels/internal/quant_act.h"
#include "kernels/kernel_util.h"

static const TfLiteType prelu_types[] = {kTfLiteFloat32, kTfLiteInt8,
                                         kTfLiteUInt8};

/* Op data: the broadcast plan first (kern_ew_binary_run reads it), then
 * the quantized parameters. */
typedef struct prelu_data {
  kern_ew_binary ew;
  int32_t in_zp, alpha_zp, out_zp;
  int32_t m1, m2;
  int s1, s2;
  int32_t qmin, qmax;
} prelu_data;

KERN_EW_ROW(prelu_row_f32, float, float, prelu_data, x >= 0.0f ? x : x * y)

static inline int32_t prelu_q(int32_t x, int32_t a, const prelu_data *p) {
  const int32_t v = x - p->in_zp;
  const int32_t r =
      v >= 0 ? quant_mul_by_multiplier(v, p->m1, p->s1)
             : quant_mul_by_multiplier(v * (a - p->alpha_zp), p->m2, p->s2);
  return quant_clamp(quant_sat_add(r, p->out_zp), p->qmin, p->qmax);
}

KERN_EW_ROW(prelu_row_i8, int8_t, int8_t, prelu_data, (int8_t)prelu_q(x, y, P))
KERN_EW_ROW(prelu_row_u8, uint8_t, uint8_t, prelu_data,
            (uint8_t)prelu_q(x, y, P))

KERN_ZEROED_INIT(prelu_init, prelu_data)

static TfLiteStatus prelu_prepare_quant(TfLiteContext *ctx, prelu_data *d,
                                        const TfLiteTensor *in,
                                        const TfLiteTensor *alpha,
                                        const TfLiteTensor *out) {
  KERN_OK(quant_act_check_io(ctx, in, out));
  KERN_OK(quant_act_check(ctx, alpha));
  d->in_zp = in->params.zero_point;
  d->alpha_zp = alpha->params.zero_point;
  d->out_zp = out->params.zero_point;
  quant_type_range(in->type, &d->qmin, &d->qmax);
  /* float quotients and products, then double, as TensorFlow Lite. */
  const double r1 = (double)(in->params.scale / out->params.scale);
  const double r2 =
      (double)(in->params.scale * alpha->params.scale / out->params.scale);
  KERN_ENSURE(ctx, quant_multiplier(r1, &d->m1, &d->s1),
              "multiplier %g cannot be represented", r1);
  KERN_ENSURE(ctx, quant_multiplier(r2, &d->m2, &d->s2),
              "multiplier %g cannot be represented", r2);
  return kTfLiteOk;
}

static TfLiteStatus prelu_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  prelu_data *d = (prelu_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *alpha = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in != NULL && alpha != NULL, "an input is missing");
  KERN_ENSURE(ctx, out != NULL, "the output is missing");
  KERN_OK(kern_ew_check_type(ctx, "input", in->type, prelu_types, 3));
  KERN_ENSURE(ctx, alpha->type == in->type,
              "alpha type %s does not match input type %s",
              kern_type_name(alpha->type), kern_type_name(in->type));
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s does not match input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  KERN_OK(kern_bcast_prepare(ctx, in, alpha, &d->ew.bc));
  int same = d->ew.bc.out_rank == kern_ndims(in);
  for (int i = 0; same && i < d->ew.bc.out_rank; i++)
    same = d->ew.bc.out_dims[i] == kern_dim(in, i);
  if (!same) {
    char si[96], sa[96];
    kern_bcast_format_shape(si, sizeof si, in);
    kern_bcast_format_shape(sa, sizeof sa, alpha);
    ctx->ReportError(
        ctx, "alpha shape %s does not broadcast to the input shape %s", sa, si);
    return kTfLiteError;
  }
  if (in->type != kTfLiteFloat32)
    KERN_OK(prelu_prepare_quant(ctx, d, in, alpha, out));
  return kern_resize_like(ctx, out, in);
}

static TfLiteStatus prelu_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const prelu_data *d = (const prelu_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *alpha = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32:
      kern_ew_binary_run(&d->ew, in, alpha, out, prelu_row_f32, d);
      return kTfLiteOk;
    case kTfLiteInt8:
      kern_ew_binary_run(&d->ew, in, alpha, out, prelu_row_i8, d);
      return kTfLiteOk;
    case kTfLiteUInt8:
      kern_ew_binary_run(&d->ew, in, alpha, out, prelu_row_u8, d);
      return kTfLiteOk;
    default:
      ctx->ReportError(ctx, "input type %s is not supported",
                       kern_type_name(in->type));
      return kTfLiteError;
  }
}

const TfLiteRegistration kern_prelu = {
    .init = prelu_init, .prepare = prelu_prepare, .invoke = prelu_invoke};
