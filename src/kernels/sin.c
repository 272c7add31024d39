/* SIN: elementwise sine (radians) for FLOAT32. */
#include <math.h>

#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType sin_types[] = {kTfLiteFloat32};

static inline float sin_f32(float x) { return sinf(x); }

static TfLiteStatus sin_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare(ctx, node, sin_types, 1);
}

static TfLiteStatus sin_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32: kern_unary_map_f32(in, out, sin_f32); return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_sin = {.prepare = sin_prepare,
                                     .invoke = sin_invoke};
