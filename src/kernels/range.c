/* RANGE: the sequence start, start + delta, ... up to but excluding limit,
 * from three scalar inputs of one type (int32, int64 or float32; the output
 * has that type). Length: integers ceil(|limit - start| / |delta|), float32
 * ceil(|(limit - start) / delta|) computed in float; float values accumulate
 * (value += delta) as TensorFlow Lite's kernel does. delta 0, a delta that
 * moves away from limit, non-finite values and lengths above INT32_MAX are
 * errors. Constant inputs set the output shape at prepare; otherwise the
 * output is dynamic and shaped at invoke. */
#include <math.h>
#include <stdint.h>

#include "kernels/kernel_util.h"

/* Computes the output length from the three inputs. */
static TfLiteStatus range_length(TfLiteContext *ctx, const TfLiteTensor *s,
                                 const TfLiteTensor *l, const TfLiteTensor *d,
                                 int *n) {
  uint64_t count = 0;
  if (s->type == kTfLiteFloat32) {
    float start = s->data.f[0], limit = l->data.f[0], delta = d->data.f[0];
    KERN_ENSURE(ctx, isfinite(start) && isfinite(limit) && isfinite(delta),
                "start, limit and delta must be finite");
    KERN_ENSURE(ctx, delta != 0.0f, "delta must not be zero");
    KERN_ENSURE(
        ctx,
        !(start > limit && delta > 0.0f) && !(start < limit && delta < 0.0f),
        "delta %g moves away from limit %g (start %g)", (double)delta,
        (double)limit, (double)start);
    float c = ceilf(fabsf((limit - start) / delta));
    KERN_ENSURE(ctx, isfinite(c) && c <= (float)INT32_MAX,
                "the range has too many elements (%g)", (double)c);
    count = (uint64_t)c;
  } else {
    int64_t start, limit, delta;
    if (s->type == kTfLiteInt64) {
      start = s->data.i64[0];
      limit = l->data.i64[0];
      delta = d->data.i64[0];
    } else {
      start = s->data.i32[0];
      limit = l->data.i32[0];
      delta = d->data.i32[0];
    }
    KERN_ENSURE(ctx, delta != 0, "delta must not be zero");
    KERN_ENSURE(ctx,
                !(start > limit && delta > 0) && !(start < limit && delta < 0),
                "delta %lld moves away from limit %lld (start %lld)",
                (long long)delta, (long long)limit, (long long)start);
    uint64_t span = start <= limit ? (uint64_t)limit - (uint64_t)start
                                   : (uint64_t)start - (uint64_t)limit;
    uint64_t step = delta > 0 ? (uint64_t)delta : 0 - (uint64_t)delta;
    count = span / step + (span % step != 0);
    KERN_ENSURE(ctx, count <= (uint64_t)INT32_MAX,
                "the range has too many elements (%llu)",
                (unsigned long long)count);
  }
  *n = (int)count;
  return kTfLiteOk;
}

static TfLiteStatus range_resize(TfLiteContext *ctx, TfLiteNode *node) {
  int n = 0;
  KERN_OK(range_length(ctx, kern_input(ctx, node, 0), kern_input(ctx, node, 1),
                       kern_input(ctx, node, 2), &n));
  return kern_resize_output(ctx, kern_output(ctx, node, 0), &n, 1);
}

static TfLiteStatus range_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 3, "expected 3 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  static const char *names[3] = {"start", "limit", "delta"};
  const TfLiteTensor *in[3];
  for (int i = 0; i < 3; i++) {
    in[i] = kern_input(ctx, node, i);
    KERN_ENSURE(ctx, in[i] != NULL, "%s input is missing", names[i]);
    KERN_ENSURE(ctx, kern_num_elements(in[i]) == 1 && kern_ndims(in[i]) <= 1,
                "%s must be a scalar", names[i]);
  }
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  TfLiteType t = in[0]->type;
  KERN_ENSURE(ctx,
              t == kTfLiteInt32 || t == kTfLiteInt64 || t == kTfLiteFloat32,
              "start type %s is not supported (INT32, INT64, FLOAT32)",
              kern_type_name(t));
  for (int i = 1; i < 3; i++)
    KERN_ENSURE(ctx, in[i]->type == t, "%s type %s differs from start type %s",
                names[i], kern_type_name(in[i]->type), kern_type_name(t));
  KERN_ENSURE(ctx, out->type == t, "output type %s differs from start type %s",
              kern_type_name(out->type), kern_type_name(t));
  if (kern_is_constant(in[0]) && kern_is_constant(in[1]) &&
      kern_is_constant(in[2]))
    return range_resize(ctx, node);
  kern_set_dynamic(out);
  return kTfLiteOk;
}

static TfLiteStatus range_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *s = kern_input(ctx, node, 0);
  const TfLiteTensor *d = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic) KERN_OK(range_resize(ctx, node));
  size_t n = kern_num_elements(out);
  switch (out->type) {
    case kTfLiteFloat32: {
      float v = s->data.f[0], delta = d->data.f[0];
      for (size_t i = 0; i < n; i++, v += delta) out->data.f[i] = v;
      break;
    }
    case kTfLiteInt32: {
      uint32_t v = (uint32_t)s->data.i32[0], delta = (uint32_t)d->data.i32[0];
      for (size_t i = 0; i < n; i++, v += delta) out->data.i32[i] = (int32_t)v;
      break;
    }
    default: {
      uint64_t v = (uint64_t)s->data.i64[0], delta = (uint64_t)d->data.i64[0];
      for (size_t i = 0; i < n; i++, v += delta) out->data.i64[i] = (int64_t)v;
      break;
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_range = {
    .prepare = range_prepare,
    .invoke = range_invoke,
    .builtin_code = TFLC_OP_RANGE,
    .version = 1,
};
