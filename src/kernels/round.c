/* ROUND: elementwise rounding to the nearest integer, halfway cases to
 * the even neighbour (banker's rounding, as TensorFlow Lite), for FLOAT32.
 * Independent of the floating-point environment's rounding mode. */
#include <math.h>

#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType round_types[] = {kTfLiteFloat32};

/* floorf is exact; the halfway test compares the exact difference. */
static inline float round_f32(float x) {
  float f = floorf(x);
  float diff = x - f; /* exact for every finite float */
  if (diff > 0.5f) return f + 1.0f;
  if (diff < 0.5f) return f;
  /* Exactly halfway: pick the even one of f and f + 1. */
  return fmodf(f, 2.0f) == 0.0f ? f : f + 1.0f;
}

static TfLiteStatus round_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare(ctx, node, round_types, 1);
}

static TfLiteStatus round_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32:
      kern_unary_map_f32(in, out, round_f32);
      return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_round = {.prepare = round_prepare,
                                       .invoke = round_invoke};
