/* SIGN: elementwise -1, 0 or 1 by the sign of x for FLOAT32 and INT32
 * (FLOAT32: -0 and NaN give 0). */
#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType sign_types[] = {kTfLiteFloat32, kTfLiteInt32};

static inline float sign_f32(float x) {
  return (float)((0.0f < x) - (x < 0.0f));
}

static inline int32_t sign_i32(int32_t x) { return (0 < x) - (x < 0); }

static TfLiteStatus sign_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare(ctx, node, sign_types, 2);
}

static TfLiteStatus sign_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32:
      kern_unary_map_f32(in, out, sign_f32);
      return kTfLiteOk;
    case kTfLiteInt32: kern_unary_map_i32(in, out, sign_i32); return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_sign = {.prepare = sign_prepare,
                                      .invoke = sign_invoke};
