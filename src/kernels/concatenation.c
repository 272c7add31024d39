/* CONCATENATION: joins its inputs along one axis. ConcatenationOptions:
 * axis (field 0, negative counts from the end), fused_activation_function
 * (field 1, float32 only). Any fixed-size type with no activation.
 * Quantized inputs as TensorFlow Lite: INT8 inputs must share the output's
 * scale and zero point; INT16 zero points must be 0 and values are copied
 * unchanged (TensorFlow Lite does not rescale INT16); UINT8 inputs with
 * other parameters are rescaled in float (quant_concat_rescale_u8). */
#include <string.h>

#include "kernels/internal/quant_arith.h"
#include "kernels/internal/quant_requant.h"
#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

enum { CONCAT_OPT_AXIS = 0, CONCAT_OPT_ACTIVATION = 1 };

typedef struct concat_data {
  int axis;
  int act;
  float act_lo, act_hi;
  size_t outer; /* product of the dims before the axis */
  size_t inner; /* product of the dims after the axis */
  size_t elem;  /* bytes per element */
} concat_data;

KERN_OP_DATA_INIT(concat_init, concat_data)

/* Quantization rules of input k (see the file comment). */
static TfLiteStatus concat_check_quant(TfLiteContext *ctx,
                                       const TfLiteTensor *t,
                                       const TfLiteTensor *out, int k) {
  char msg[256];
  if (t->quantization.type != kTfLiteAffineQuantization &&
      out->quantization.type != kTfLiteAffineQuantization)
    return kTfLiteOk; /* plain integers: copied */
  KERN_ENSURE(ctx, quant_check_params(out, -1, msg, (int)sizeof msg),
              "output: %s", msg);
  KERN_ENSURE(ctx, quant_check_params(t, -1, msg, (int)sizeof msg),
              "input %d: %s", k, msg);
  float s_in, s_out;
  int32_t z_in, z_out;
  kern_quant_params(t, &s_in, &z_in);
  kern_quant_params(out, &s_out, &z_out);
  if (t->type == kTfLiteInt8)
    KERN_ENSURE(ctx, s_in == s_out && z_in == z_out,
                "INT8 input %d ('%s') has scale %g / zero point %d, the "
                "output %g / %d: INT8 inputs must share the output's "
                "quantization (as in TensorFlow Lite)",
                k, t->name ? t->name : "", (double)s_in, (int)z_in,
                (double)s_out, (int)z_out);
  if (t->type == kTfLiteInt16)
    KERN_ENSURE(ctx, z_in == 0 && z_out == 0,
                "INT16 input %d and the output must have zero point 0 (got "
                "%d and %d)",
                k, (int)z_in, (int)z_out);
  return kTfLiteOk;
}

static TfLiteStatus concat_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  concat_data *d = (concat_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  int n_in = kern_num_inputs(node);
  KERN_ENSURE(ctx, n_in >= 1, "expected at least 1 input");
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  const TfLiteTensor *first = kern_input(ctx, node, 0);
  KERN_ENSURE(ctx, first != NULL, "input 0 is missing");
  TfLiteType type = first->type;
  int rank = kern_ndims(first);
  KERN_ENSURE(ctx, rank >= 1, "inputs must have rank >= 1, got a scalar");
  KERN_ENSURE(ctx, rank <= KERN_MAX_DIMS, "rank %d is above the supported %d",
              rank, KERN_MAX_DIMS);
  KERN_ENSURE(ctx, kern_type_bytes(type) > 0, "input type %s is not supported",
              kern_type_name(type));
  KERN_ENSURE(ctx, out->type == type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(type));

  const tflc_options_ref *o = kern_options(node);
  int axis = opt_i32(o, CONCAT_OPT_AXIS, 0);
  d->act = opt_i8(o, CONCAT_OPT_ACTIVATION, 0);
  KERN_ENSURE(ctx, axis >= -rank && axis < rank,
              "axis %d is out of range for rank %d", axis, rank);
  if (axis < 0) axis += rank;
  d->axis = axis;
  if (d->act != TFLC_ACT_NONE) {
    KERN_ENSURE(ctx, type == kTfLiteFloat32,
                "fused activation %d on %s is not supported (FLOAT32 only)",
                d->act, kern_type_name(type));
    KERN_ENSURE(ctx, kern_act_range_f32(d->act, &d->act_lo, &d->act_hi) == 0,
                "fused activation %d is not supported (NONE, RELU, "
                "RELU_N1_TO_1, RELU6)",
                d->act);
  }

  int dims[KERN_MAX_DIMS];
  for (int i = 0; i < rank; i++) dims[i] = kern_dim(first, i);
  int64_t axis_total = 0;
  for (int k = 0; k < n_in; k++) {
    const TfLiteTensor *t = kern_input(ctx, node, k);
    KERN_ENSURE(ctx, t != NULL, "input %d is missing", k);
    KERN_ENSURE(ctx, t->type == type, "input %d has type %s, input 0 has %s", k,
                kern_type_name(t->type), kern_type_name(type));
    KERN_ENSURE(ctx, kern_ndims(t) == rank,
                "input %d has rank %d, input 0 has %d", k, kern_ndims(t), rank);
    for (int i = 0; i < rank; i++) {
      if (i == axis) continue;
      KERN_ENSURE(ctx, kern_dim(t, i) == dims[i],
                  "input %d has dimension %d of size %d, input 0 has %d "
                  "(only axis %d may differ)",
                  k, i, kern_dim(t, i), dims[i], axis);
    }
    if (kern_is_quantized_type(type))
      KERN_OK(concat_check_quant(ctx, t, out, k));
    axis_total += kern_dim(t, axis);
  }
  KERN_ENSURE(ctx, axis_total <= 0x7fffffff, "concatenated axis is too large");
  dims[axis] = (int)axis_total;
  d->elem = kern_type_bytes(type);
  d->outer = 1;
  for (int i = 0; i < axis; i++) d->outer *= (size_t)dims[i];
  d->inner = 1;
  for (int i = axis + 1; i < rank; i++) d->inner *= (size_t)dims[i];
  return kern_resize_output(ctx, out, dims, rank);
}

static TfLiteStatus concat_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const concat_data *d = (const concat_data *)node->user_data;
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int n_in = kern_num_inputs(node);
  size_t out_count = kern_num_elements(out);
  if (out_count == 0) return kTfLiteOk;
  uint8_t *dst = (uint8_t *)out->data.raw;
  for (size_t o = 0; o < d->outer; o++) {
    for (int k = 0; k < n_in; k++) {
      const TfLiteTensor *t = kern_input(ctx, node, k);
      size_t chunk = (size_t)kern_dim(t, d->axis) * d->inner * d->elem;
      if (chunk == 0) continue;
      const uint8_t *src = (const uint8_t *)t->data.raw_const + o * chunk;
      float s_in, s_out;
      int32_t z_in, z_out;
      if (t->type == kTfLiteUInt8 && kern_quant_params(t, &s_in, &z_in) > 0 &&
          kern_quant_params(out, &s_out, &z_out) > 0 &&
          (s_in != s_out || z_in != z_out))
        quant_concat_rescale_u8(src, dst, chunk, s_in, z_in, s_out, z_out);
      else
        memcpy(dst, src, chunk);
      dst += chunk;
    }
  }
  if (d->act != TFLC_ACT_NONE) {
    float *y = out->data.f;
    for (size_t i = 0; i < out_count; i++)
      y[i] = kern_clamp_f32(y[i], d->act_lo, d->act_hi);
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_concatenation = {
    .init = concat_init,
    .prepare = concat_prepare,
    .invoke = concat_invoke,
    .builtin_code = TFLC_OP_CONCATENATION,
    .version = 1,
};
