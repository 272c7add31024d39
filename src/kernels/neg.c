/* NEG: elementwise -x for FLOAT32, INT32 and INT64 (the most negative integer
 * wraps to itself). */
#include "kernels/internal/unary.h"
#include "kernels/kernel_util.h"

static const TfLiteType neg_types[] = {kTfLiteFloat32, kTfLiteInt32,
                                       kTfLiteInt64};

static inline float neg_f32(float x) { return -x; }

static inline int32_t neg_i32(int32_t x) { return (int32_t)(0u - (uint32_t)x); }

static inline int64_t neg_i64(int64_t x) {
  return (int64_t)((uint64_t)0 - (uint64_t)x);
}

static TfLiteStatus neg_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_unary_prepare(ctx, node, neg_types, 3);
}

static TfLiteStatus neg_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  switch (in->type) {
    case kTfLiteFloat32: kern_unary_map_f32(in, out, neg_f32); return kTfLiteOk;
    case kTfLiteInt32: kern_unary_map_i32(in, out, neg_i32); return kTfLiteOk;
    case kTfLiteInt64: kern_unary_map_i64(in, out, neg_i64); return kTfLiteOk;
    default: return kern_unary_bad_type(ctx, in);
  }
}

const TfLiteRegistration kern_neg = {.prepare = neg_prepare,
                                     .invoke = neg_invoke};
