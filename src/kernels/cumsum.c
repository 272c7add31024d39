/* CUMSUM: running sums of the input along the axis of the second input (an
 * int32 scalar, negative allowed). CumsumOptions exclusive (field 0): each
 * output excludes its own element (the first is 0); reverse (field 1): sums
 * run from the end. float32 (accumulated in float, in order), int32 and
 * int64 (wrapping). The axis is checked at prepare when constant and at
 * every invoke. */
#include <stdint.h>

#include "kernels/kernel_util.h"

enum { CUMSUM_OPT_EXCLUSIVE = 0, CUMSUM_OPT_REVERSE = 1 };

static TfLiteStatus cumsum_axis(TfLiteContext *ctx, const TfLiteTensor *in,
                                const TfLiteTensor *axis_t, int *axis) {
  int rank = kern_ndims(in);
  int32_t a = axis_t->data.i32[0];
  KERN_ENSURE(ctx, a >= -rank && a < rank,
              "axis %d is out of range for rank %d", (int)a, rank);
  *axis = a < 0 ? a + rank : a;
  return kTfLiteOk;
}

static TfLiteStatus cumsum_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *axis = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in != NULL, "input 0 is missing");
  KERN_ENSURE(ctx, axis != NULL, "axis input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  KERN_ENSURE(ctx,
              in->type == kTfLiteFloat32 || in->type == kTfLiteInt32 ||
                  in->type == kTfLiteInt64,
              "input type %s is not supported (FLOAT32, INT32, INT64)",
              kern_type_name(in->type));
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  KERN_ENSURE(ctx, axis->type == kTfLiteInt32,
              "axis type %s is not supported (INT32)",
              kern_type_name(axis->type));
  KERN_ENSURE(ctx, kern_ndims(axis) == 0, "axis must be a scalar, got rank %d",
              kern_ndims(axis));
  KERN_ENSURE(ctx, kern_ndims(in) >= 1, "input must have rank >= 1");
  if (kern_is_constant(axis)) {
    int a;
    KERN_OK(cumsum_axis(ctx, in, axis, &a));
  }
  return kern_resize_like(ctx, out, in);
}

#define CUMSUM_RUN(T, ACC, ADD)                 \
  do {                                          \
    const T *x = (const T *)in->data.raw_const; \
    T *y = (T *)out->data.raw;                  \
    for (size_t o = 0; o < outer; o++) {        \
      for (size_t i = 0; i < inner; i++) {      \
        size_t base = o * n * inner + i;        \
        ACC acc = 0;                            \
        for (size_t j = 0; j < n; j++) {        \
          size_t k = reverse ? n - 1 - j : j;   \
          size_t p = base + k * inner;          \
          if (exclusive) {                      \
            T v = x[p];                         \
            y[p] = (T)acc;                      \
            ADD(acc, v);                        \
          } else {                              \
            ADD(acc, x[p]);                     \
            y[p] = (T)acc;                      \
          }                                     \
        }                                       \
      }                                         \
    }                                           \
  } while (0)

#define ADD_PLAIN(acc, v) ((acc) += (v))
#define ADD_WRAP(acc, v) ((acc) += (uint64_t)(int64_t)(v))

static TfLiteStatus cumsum_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int axis;
  KERN_OK(cumsum_axis(ctx, in, kern_input(ctx, node, 1), &axis));
  const tflc_options_ref *opts = kern_options(node);
  int exclusive = opt_bool(opts, CUMSUM_OPT_EXCLUSIVE, false);
  int reverse = opt_bool(opts, CUMSUM_OPT_REVERSE, false);
  size_t outer = 1, inner = 1, n = (size_t)kern_dim(in, axis);
  for (int i = 0; i < axis; i++) outer *= (size_t)kern_dim(in, i);
  for (int i = axis + 1; i < kern_ndims(in); i++)
    inner *= (size_t)kern_dim(in, i);
  switch (in->type) {
    case kTfLiteFloat32: CUMSUM_RUN(float, float, ADD_PLAIN); break;
    case kTfLiteInt32: CUMSUM_RUN(int32_t, uint64_t, ADD_WRAP); break;
    default: CUMSUM_RUN(int64_t, uint64_t, ADD_WRAP); break;
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_cumsum = {
    .prepare = cumsum_prepare,
    .invoke = cumsum_invoke,
    .builtin_code = TFLC_OP_CUMSUM,
    .version = 1,
};
