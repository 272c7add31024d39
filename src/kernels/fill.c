/* FILL: a tensor of the shape given by the first input (1-D int32 or int64)
 * with every element equal to the scalar second input; the output has the
 * value's type (float32, float16, int32, int64, int16, int8, bool). A
 * constant dims input sets the output shape at prepare; otherwise the output
 * is dynamic and shaped at invoke. Negative dimensions are an error. */
#include <stdint.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

/* Reads the dims input, checks it and resizes the output. */
static TfLiteStatus fill_resize(TfLiteContext *ctx, const TfLiteTensor *dims,
                                TfLiteTensor *out) {
  size_t n = kern_num_elements(dims);
  KERN_ENSURE(ctx, n <= KERN_MAX_DIMS,
              "dims has %zu elements, above the supported rank %d", n,
              KERN_MAX_DIMS);
  int shape[KERN_MAX_DIMS];
  for (size_t i = 0; i < n; i++) {
    int64_t v = kern_read_index(dims, i);
    KERN_ENSURE(ctx, v >= 0, "dimension %zu is negative (%lld)", i,
                (long long)v);
    KERN_ENSURE(ctx, v <= INT32_MAX, "dimension %zu (%lld) is too large", i,
                (long long)v);
    shape[i] = (int)v;
  }
  return kern_resize_output(ctx, out, shape, (int)n);
}

static TfLiteStatus fill_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *dims = kern_input(ctx, node, 0);
  const TfLiteTensor *value = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, dims != NULL, "dims input is missing");
  KERN_ENSURE(ctx, value != NULL, "value input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  KERN_ENSURE(ctx, dims->type == kTfLiteInt32 || dims->type == kTfLiteInt64,
              "dims type %s is not supported (INT32, INT64)",
              kern_type_name(dims->type));
  KERN_ENSURE(ctx, kern_ndims(dims) == 1, "dims must be 1-D, got rank %d",
              kern_ndims(dims));
  KERN_ENSURE(ctx, kern_ndims(value) == 0,
              "value must be a scalar, got rank %d", kern_ndims(value));
  switch (value->type) {
    case kTfLiteFloat32:
    case kTfLiteFloat16:
    case kTfLiteInt32:
    case kTfLiteInt64:
    case kTfLiteInt16:
    case kTfLiteInt8:
    case kTfLiteBool: break;
    default:
      KERN_ENSURE(ctx, 0,
                  "value type %s is not supported (FLOAT32, FLOAT16, INT32, "
                  "INT64, INT16, INT8, BOOL)",
                  kern_type_name(value->type));
  }
  KERN_ENSURE(ctx, out->type == value->type,
              "output type %s differs from value type %s",
              kern_type_name(out->type), kern_type_name(value->type));
  if (kern_is_constant(dims)) return fill_resize(ctx, dims, out);
  kern_set_dynamic(out);
  return kTfLiteOk;
}

static TfLiteStatus fill_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *dims = kern_input(ctx, node, 0);
  const TfLiteTensor *value = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic)
    KERN_OK(fill_resize(ctx, dims, out));
  kern_fill_elems(out->data.raw, value->data.raw_const,
                  kern_type_bytes(out->type), kern_num_elements(out));
  return kTfLiteOk;
}

const TfLiteRegistration kern_fill = {
    .prepare = fill_prepare,
    .invoke = fill_invoke,
    .builtin_code = TFLC_OP_FILL,
    .version = 1,
};
