/* ONE_HOT: inputs indices (INT32 or INT64), depth (INT32 or INT64 scalar),
 * on_value and off_value (scalars of the output type); OneHotOptions axis
 * (field 0; -1 = last). The output has the indices' shape with a dimension
 * of size depth inserted at axis; element [.., i(axis), ..] is on_value when
 * the index at the other coordinates equals i, else off_value (indices
 * outside [0, depth) give a row of off_value, as TensorFlow). Output types
 * FLOAT32, INT16, INT32, INT64, INT8, UINT8, BOOL. A constant depth sizes the
 * output at prepare, otherwise it is dynamic; a negative or huge depth is
 * refused. */
#include <string.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/internal/value_shape.h"

/* The output axis (in [0, rank of indices]) of the node. */
static int one_hot_axis(const TfLiteNode *node, const TfLiteTensor *idx) {
  int axis = opt_i32(kern_options(node), 0, -1);
  return axis == -1 ? kern_ndims(idx) : axis;
}

static TfLiteStatus one_hot_resize(TfLiteContext *ctx, const TfLiteNode *node,
                                   const TfLiteTensor *idx,
                                   const TfLiteTensor *depth,
                                   TfLiteTensor *out) {
  int64_t dv = kern_read_index(depth, 0);
  KERN_ENSURE(ctx, dv >= 0, "depth is negative (%lld)", (long long)dv);
  int axis = one_hot_axis(node, idx);
  int64_t dims[KERN_MAX_DIMS];
  int rank = kern_ndims(idx) + 1;
  for (int i = 0, k = 0; i < rank; i++)
    dims[i] = i == axis ? dv : kern_dim(idx, k++);
  return kern_value_shape_resize(ctx, out, "depth", dims, rank);
}

static TfLiteStatus one_hot_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 4, "expected 4 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *idx = kern_input(ctx, node, 0);
  const TfLiteTensor *depth = kern_input(ctx, node, 1);
  const TfLiteTensor *on = kern_input(ctx, node, 2);
  const TfLiteTensor *off = kern_input(ctx, node, 3);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, idx && depth && on && off && out,
              "an input or the output is missing");
  KERN_ENSURE(ctx, idx->type == kTfLiteInt32 || idx->type == kTfLiteInt64,
              "indices type %s is not supported (INT32, INT64)",
              kern_type_name(idx->type));
  KERN_ENSURE(ctx, depth->type == kTfLiteInt32 || depth->type == kTfLiteInt64,
              "depth type %s is not supported (INT32, INT64)",
              kern_type_name(depth->type));
  KERN_ENSURE(ctx, kern_num_elements(depth) == 1 && kern_ndims(depth) <= 1,
              "depth must be a scalar");
  switch (out->type) {
    case kTfLiteFloat32:
    case kTfLiteInt16:
    case kTfLiteInt32:
    case kTfLiteInt64:
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteBool: break;
    default:
      KERN_ENSURE(ctx, 0,
                  "output type %s is not supported (FLOAT32, INT16, INT32, "
                  "INT64, INT8, UINT8, BOOL)",
                  kern_type_name(out->type));
  }
  KERN_ENSURE(ctx, on->type == out->type && off->type == out->type,
              "on_value (%s) and off_value (%s) must have the output type %s",
              kern_type_name(on->type), kern_type_name(off->type),
              kern_type_name(out->type));
  KERN_ENSURE(ctx, kern_num_elements(on) == 1 && kern_num_elements(off) == 1,
              "on_value and off_value must be scalars");
  int rank = kern_ndims(idx);
  KERN_ENSURE(ctx, rank + 1 <= KERN_MAX_DIMS,
              "indices rank %d is above the supported %d", rank,
              KERN_MAX_DIMS - 1);
  int axis = opt_i32(kern_options(node), 0, -1);
  KERN_ENSURE(ctx, axis >= -1 && axis <= rank,
              "axis %d is out of range [-1, %d]", axis, rank);
  if (kern_is_constant(depth))
    return one_hot_resize(ctx, node, idx, depth, out);
  kern_set_dynamic(out);
  return kTfLiteOk;
}

static TfLiteStatus one_hot_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *idx = kern_input(ctx, node, 0);
  const TfLiteTensor *depth = kern_input(ctx, node, 1);
  const TfLiteTensor *on = kern_input(ctx, node, 2);
  const TfLiteTensor *off = kern_input(ctx, node, 3);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic)
    KERN_OK(one_hot_resize(ctx, node, idx, depth, out));
  int axis = one_hot_axis(node, idx);
  size_t elem = kern_type_bytes(out->type);
  size_t d = (size_t)kern_dim(out, axis);
  size_t outer = 1, inner = 1; /* indices dims before / from axis */
  for (int i = 0; i < axis; i++) outer *= (size_t)kern_dim(idx, i);
  for (int i = axis; i < kern_ndims(idx); i++)
    inner *= (size_t)kern_dim(idx, i);
  kern_fill_elems(out->data.raw, off->data.raw_const, elem,
                  kern_num_elements(out));
  for (size_t o = 0; o < outer; o++) {
    for (size_t j = 0; j < inner; j++) {
      int64_t v = kern_read_index(idx, o * inner + j);
      if (v < 0 || (uint64_t)v >= d) continue;
      size_t pos = (o * d + (size_t)v) * inner + j;
      memcpy(out->data.raw + pos * elem, on->data.raw_const, elem);
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_one_hot = {
    .prepare = one_hot_prepare,
    .invoke = one_hot_invoke,
    .builtin_code = TFLC_OP_ONE_HOT,
    .version = 1,
};
