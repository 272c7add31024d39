/* FLOOR: elementwise largest integer value <= x for FLOAT32. */
#include <math.h>

#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType floor_types[] = {kTfLiteFloat32};

static inline float floor_f32(float x) { return floorf(x); }

static TfLiteStatus floor_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare(ctx, node, floor_types, 1);
}

static TfLiteStatus floor_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32:
      kern_unary_map_f32(in, out, floor_f32);
      return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_floor = {.prepare = floor_prepare,
                                       .invoke = floor_invoke};
