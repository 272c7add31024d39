/* CEIL: elementwise smallest integer value >= x for FLOAT32. */
#include <math.h>

#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType ceil_types[] = {kTfLiteFloat32};

static inline float ceil_f32(float x) { return ceilf(x); }

static TfLiteStatus ceil_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare(ctx, node, ceil_types, 1);
}

static TfLiteStatus ceil_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32:
      kern_unary_map_f32(in, out, ceil_f32);
      return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_ceil = {.prepare = ceil_prepare,
                                      .invoke = ceil_invoke};
