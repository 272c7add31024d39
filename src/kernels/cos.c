/* COS: elementwise cosine (radians) for FLOAT32. */
#include <math.h>

#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType cos_types[] = {kTfLiteFloat32};

static inline float cos_f32(float x) { return cosf(x); }

static TfLiteStatus cos_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare(ctx, node, cos_types, 1);
}

static TfLiteStatus cos_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32: kern_unary_map_f32(in, out, cos_f32); return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_cos = {.prepare = cos_prepare,
                                     .invoke = cos_invoke};
