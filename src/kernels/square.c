/* SQUARE: elementwise x * x for FLOAT32 (TensorFlow Lite defines this
 * builtin for float only). */
#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType square_types[] = {kTfLiteFloat32};

static inline float square_f32(float x) { return x * x; }

static TfLiteStatus square_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare(ctx, node, square_types, 1);
}

static TfLiteStatus square_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32:
      kern_unary_map_f32(in, out, square_f32);
      return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_square = {.prepare = square_prepare,
                                        .invoke = square_invoke};
