/* DIV: elementwise a / b with numpy-style broadcasting (up to 6-D) and the
 * fused activation of DivOptions (fused_activation_function, field 0).
 * FLOAT32 (IEEE division: x/0 gives inf or NaN), INT32 (truncating
 * division; a zero divisor makes invoke fail with an error instead of
 * crashing, INT32_MIN / -1 wraps to INT32_MIN), and quantized UINT8
 * (TensorFlow Lite's reference kernel) and INT8 (TensorFlow Lite Micro's,
 * the same arithmetic) with per-tensor parameters: fixed-point reciprocal
 * of the divisor and one multiplier s1 / (s2 * s_out), see
 * internal/quant_div.h. A divisor equal to its zero point fails at invoke. */
#include "kernels/internal/elementwise.h"
#include "kernels/internal/quant_act.h"
#include "kernels/internal/quant_div.h"
#include "kernels/kernel_util.h"

static const TfLiteType div_types[] = {kTfLiteFloat32, kTfLiteInt32,
                                       kTfLiteUInt8, kTfLiteInt8};

/* Op data: the broadcast plan and activation first (kern_ew_binary_run
 * reads them), then the quantized parameters. */
typedef struct div_data {
  kern_ew_binary ew;
  quant_div q;
} div_data;

static inline int32_t div_i32(int32_t x, int32_t y) {
  /* The only overflowing quotient: -2^31 / -1 (wraps). */
  if (y == -1) return (int32_t)(0u - (uint32_t)x);
  return x / y;
}

KERN_EW_ROW(div_row_f32, float, float, kern_ew_act,
            kern_clamp_f32(x / y, P->lo, P->hi))
KERN_EW_ROW(div_row_i32, int32_t, int32_t, kern_ew_act,
            (int32_t)kern_ew_clamp_i64(div_i32(x, y), P->ilo, P->ihi))
KERN_EW_ROW(div_row_u8, uint8_t, uint8_t, quant_div,
            (uint8_t)quant_div_one(P, x, y))
KERN_EW_ROW(div_row_i8, int8_t, int8_t, quant_div,
            (int8_t)quant_div_one(P, x, y))

KERN_ZEROED_INIT(div_init, div_data)

static TfLiteStatus div_prepare_quant(TfLiteContext *ctx, TfLiteNode *node,
                                      div_data *d, int act) {
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  const TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(quant_act_check(ctx, a));
  KERN_OK(quant_act_check(ctx, b));
  KERN_OK(quant_act_check(ctx, out));
  quant_div *q = &d->q;
  int32_t qmin = 0, qmax = 0;
  quant_type_range(out->type, &qmin, &qmax);
  KERN_ENSURE(
      ctx,
      quant_activation_range(act, out->params.scale, out->params.zero_point,
                             qmin, qmax, &q->act_min, &q->act_max),
      "fused activation %d is not supported with quantized types", act);
  /* In float, then widened, as TensorFlow Lite. */
  const double real =
      (double)(a->params.scale / (b->params.scale * out->params.scale));
  KERN_ENSURE(ctx, quant_multiplier(real, &q->multiplier, &q->shift),
              "output multiplier %g cannot be represented", real);
  q->in1_zp = a->params.zero_point;
  q->in2_zp = b->params.zero_point;
  q->out_zp = out->params.zero_point;
  return kTfLiteOk;
}

static TfLiteStatus div_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  div_data *d = (div_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_OK(
      kern_ew_binary_prepare(ctx, node, &d->ew, div_types, 4, kTfLiteNoType));
  const int act = kern_ew_fused_act(node, TFLC_BO_DIV);
  const TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->type == kTfLiteUInt8 || out->type == kTfLiteInt8)
    return div_prepare_quant(ctx, node, d, act);
  return kern_ew_act_range(ctx, act, &d->ew.act);
}

/* Every divisor element is used when the output is not empty. */
static TfLiteStatus check_divisor(TfLiteContext *ctx, const div_data *d,
                                  const TfLiteTensor *b) {
  if (d->ew.bc.count == 0) return kTfLiteOk;
  const size_t nb = kern_num_elements(b);
  for (size_t i = 0; i < nb; i++) {
    int32_t v;
    switch (b->type) {
      case kTfLiteInt32: v = b->data.i32[i]; break;
      case kTfLiteUInt8: v = (int32_t)b->data.uint8[i] - d->q.in2_zp; break;
      default: v = (int32_t)b->data.int8[i] - d->q.in2_zp; break;
    }
    KERN_ENSURE(ctx, v != 0,
                "division by zero: element %zu of input 2 (the divisor) is 0",
                i);
  }
  return kTfLiteOk;
}

static TfLiteStatus div_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const div_data *d = (const div_data *)node->user_data;
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (out->type) {
    case kTfLiteFloat32:
      kern_ew_binary_run(&d->ew, a, b, out, div_row_f32, &d->ew.act);
      return kTfLiteOk;
    case kTfLiteInt32:
      KERN_OK(check_divisor(ctx, d, b));
      kern_ew_binary_run(&d->ew, a, b, out, div_row_i32, &d->ew.act);
      return kTfLiteOk;
    case kTfLiteUInt8:
      KERN_OK(check_divisor(ctx, d, b));
      kern_ew_binary_run(&d->ew, a, b, out, div_row_u8, &d->q);
      return kTfLiteOk;
    case kTfLiteInt8:
      KERN_OK(check_divisor(ctx, d, b));
      kern_ew_binary_run(&d->ew, a, b, out, div_row_i8, &d->q);
      return kTfLiteOk;
    default:
      ctx->ReportError(ctx, "output type %s is not supported",
                       kern_type_name(out->type));
      return kTfLiteError;
  }
}

const TfLiteRegistration kern_div = {
    .init = div_init, .prepare = div_prepare, .invoke = div_invoke};
