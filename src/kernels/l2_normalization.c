/* L2_NORMALIZATION: each vector along the last dimension divided by its L2
 * norm, out = x / max(sqrt(sum x^2), 1e-6) (TensorFlow Lite's epsilon).
 * float32, rank 1 to 4; L2NormOptions fused_activation_function (field 0)
 * must be NONE, as in TensorFlow Lite. INT8 / UINT8 as TensorFlow Lite's
 * reference kernels: output scale 1/128 with zero point 0 (INT8) or 128
 * (UINT8); the inverse square root of the integer sum of squares as a
 * fixed-point multiplier (docs/QUANTIZATION.md). */
#include <math.h>

#include "kernels/internal/lstm_int_ops.h"
#include "kernels/internal/quant_act.h"
#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

enum { L2NORM_OPT_ACTIVATION = 0 };

static TfLiteStatus l2norm_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_check_single_io(ctx, node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx,
              in->type == kTfLiteFloat32 || in->type == kTfLiteInt8 ||
                  in->type == kTfLiteUInt8,
              "input type %s is not supported (FLOAT32, INT8, UINT8)",
              kern_type_name(in->type));
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  if (in->type != kTfLiteFloat32) {
    KERN_OK(quant_act_check_io(ctx, in, out));
    KERN_OK(quant_act_fixed_output(ctx, out, "L2_NORMALIZATION", 1.0 / 128,
                                   in->type == kTfLiteUInt8 ? 128 : 0, false));
  }
  KERN_ENSURE(ctx, kern_ndims(in) >= 1 && kern_ndims(in) <= 4,
              "input rank %d is not supported (1 to 4)", kern_ndims(in));
  int act = opt_i8(kern_options(node), L2NORM_OPT_ACTIVATION, 0);
  KERN_ENSURE(ctx, act == TFLC_ACT_NONE,
              "fused activation %d is not supported (NONE)", act);
  return kern_resize_like(ctx, out, in);
}

/* One row of INT8 (u8 false) or UINT8 values: sum of squares in int32,
 * its inverse square root as multiplier m * 2^s (s <= 0); INT8 out =
 * clamp(MulQ(x - zp, m, s + 7)), UINT8 out = clamp(128 + MulQ(128 (x - zp),
 * m, s)). */
static void l2norm_row_q(const void *in, void *out, size_t depth, int32_t zp,
                         bool u8) {
  uint32_t acc = 0; /* int32 arithmetic, wrapping as TensorFlow Lite's */
  for (size_t i = 0; i < depth; i++) {
    const int32_t d =
        (u8 ? ((const uint8_t *)in)[i] : ((const int8_t *)in)[i]) - zp;
    acc += (uint32_t)(d * d);
  }
  int32_t m;
  int s;
  lstm_inv_sqrt_multiplier((int32_t)acc, -1, &m, &s);
  for (size_t i = 0; i < depth; i++) {
    const int32_t d =
        (u8 ? ((const uint8_t *)in)[i] : ((const int8_t *)in)[i]) - zp;
    if (u8)
      ((uint8_t *)out)[i] = (uint8_t)quant_clamp(
          128 + quant_mul_by_multiplier(128 * d, m, s), 0, 255);
    else
      ((int8_t *)out)[i] =
          (int8_t)quant_clamp(quant_mul_by_multiplier(d, m, s + 7), -128, 127);
  }
}

static TfLiteStatus l2norm_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  (void)ctx;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t depth = (size_t)kern_dim(in, kern_ndims(in) - 1);
  if (depth == 0) return kTfLiteOk;
  size_t rows = kern_num_elements(in) / depth;
  if (in->type != kTfLiteFloat32) {
    for (size_t r = 0; r < rows; r++)
      l2norm_row_q(in->data.uint8 + r * depth, out->data.uint8 + r * depth,
                   depth, in->params.zero_point, in->type == kTfLiteUInt8);
    return kTfLiteOk;
  }
  const float epsilon = 1e-6f;
  for (size_t r = 0; r < rows; r++) {
    const float *x = in->data.f + r * depth;
    float *y = out->data.f + r * depth;
    float sq = 0.0f;
    for (size_t i = 0; i < depth; i++) sq += x[i] * x[i];
    float norm = sqrtf(sq);
    if (norm < epsilon) norm = epsilon;
    for (size_t i = 0; i < depth; i++) y[i] = x[i] / norm;
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_l2_normalization = {
    .prepare = l2norm_prepare,
    .invoke = l2norm_invoke,
    .builtin_code = TFLC_OP_L2_NORMALIZATION,
    .version = 1,
};
