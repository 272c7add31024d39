/* WHERE (one input): the coordinates of the true (non-zero) elements of the
 * condition input, in row-major order, as an int64 tensor [count, rank].
 * bool, float32, int32, int64, int8, uint8 conditions. A constant condition
 * sets the output shape at prepare; otherwise the output is dynamic and
 * shaped at invoke. */
#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

static int where_true(const TfLiteTensor *c, size_t i) {
  switch (c->type) {
    case kTfLiteBool: return c->data.b[i];
    case kTfLiteFloat32: return c->data.f[i] != 0.0f;
    case kTfLiteInt32: return c->data.i32[i] != 0;
    case kTfLiteInt64: return c->data.i64[i] != 0;
    case kTfLiteInt8: return c->data.int8[i] != 0;
    default: return c->data.uint8[i] != 0;
  }
}

static TfLiteStatus where_resize(TfLiteContext *ctx, const TfLiteTensor *c,
                                 TfLiteTensor *out) {
  size_t n = kern_num_elements(c), count = 0;
  for (size_t i = 0; i < n; i++) count += (size_t)where_true(c, i);
  KERN_ENSURE(ctx, count <= (size_t)INT32_MAX, "%zu true elements are too many",
              count);
  int dims[2] = {(int)count, kern_ndims(c)};
  return kern_resize_output(ctx, out, dims, 2);
}

static TfLiteStatus where_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 1,
              "expected 1 input (the condition form), got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *c = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, c != NULL, "condition input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  switch (c->type) {
    case kTfLiteBool:
    case kTfLiteFloat32:
    case kTfLiteInt32:
    case kTfLiteInt64:
    case kTfLiteInt8:
    case kTfLiteUInt8: break;
    default:
      KERN_ENSURE(ctx, 0,
                  "condition type %s is not supported (BOOL, FLOAT32, INT32, "
                  "INT64, INT8, UINT8)",
                  kern_type_name(c->type));
  }
  KERN_ENSURE(ctx, out->type == kTfLiteInt64,
              "output type %s is not supported (INT64)",
              kern_type_name(out->type));
  KERN_ENSURE(ctx, kern_ndims(c) <= KERN_MAX_DIMS,
              "condition rank %d is above the supported %d", kern_ndims(c),
              KERN_MAX_DIMS);
  if (kern_is_constant(c)) return where_resize(ctx, c, out);
  kern_set_dynamic(out);
  return kTfLiteOk;
}

static TfLiteStatus where_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *c = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic)
    KERN_OK(where_resize(ctx, c, out));
  int rank = kern_ndims(c);
  size_t n = kern_num_elements(c);
  int64_t coord[KERN_MAX_DIMS] = {0};
  int64_t *y = out->data.i64;
  for (size_t i = 0; i < n; i++) {
    if (where_true(c, i)) {
      for (int d = 0; d < rank; d++) *y++ = coord[d];
    }
    for (int d = rank - 1; d >= 0; d--) {
      if (++coord[d] < kern_dim(c, d)) break;
      coord[d] = 0;
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_where = {
    .prepare = where_prepare,
    .invoke = where_invoke,
    .builtin_code = TFLC_OP_WHERE,
    .version = 1,
};
