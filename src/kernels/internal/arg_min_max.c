/* Shared code of ARG_MAX and ARG_MIN (see arg_min_max.h). */
#include "kernels/internal/arg_min_max.h"

#include "kernels/internal/tensor_copy.h"

enum { ARG_OPT_OUTPUT_TYPE = 0 };

/* Validates the axis value and resizes the output; *axis gets the
 * non-negative axis. */
static TfLiteStatus arg_resize(TfLiteContext *ctx, TfLiteNode *node,
                               int *axis_out) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *axis_t = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int rank = kern_ndims(in);
  int64_t axis = kern_read_index(axis_t, 0);
  KERN_ENSURE(ctx, axis >= -rank && axis < rank,
              "axis %lld is out of range for rank %d", (long long)axis, rank);
  if (axis < 0) axis += rank;
  KERN_ENSURE(ctx, kern_dim(in, (int)axis) > 0,
              "dimension %d (the axis) is empty", (int)axis);
  int dims[KERN_MAX_DIMS];
  int k = 0;
  for (int i = 0; i < rank; i++)
    if (i != axis) dims[k++] = kern_dim(in, i);
  *axis_out = (int)axis;
  return kern_resize_output(ctx, out, dims, k);
}

TfLiteStatus kern_arg_prepare(TfLiteContext *ctx, TfLiteNode *node) {
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
  switch (in->type) {
    case kTfLiteFloat32:
    case kTfLiteInt32:
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteBool: break;
    default:
      KERN_ENSURE(ctx, 0,
                  "input type %s is not supported (FLOAT32, INT32, INT8, "
                  "UINT8, BOOL)",
                  kern_type_name(in->type));
  }
  KERN_ENSURE(ctx, axis->type == kTfLiteInt32 || axis->type == kTfLiteInt64,
              "axis type %s is not supported (INT32, INT64)",
              kern_type_name(axis->type));
  KERN_ENSURE(ctx, kern_num_elements(axis) == 1,
              "axis must have exactly one element, got %zu",
              kern_num_elements(axis));
  KERN_ENSURE(ctx, out->type == kTfLiteInt32 || out->type == kTfLiteInt64,
              "output type %s is not supported (INT32, INT64)",
              kern_type_name(out->type));
  /* Schema TensorType: INT32 = 2, INT64 = 4; 0 (FLOAT32, also an absent
   * field) leaves the choice to the output tensor's type. */
  int ot = opt_i8(kern_options(node), ARG_OPT_OUTPUT_TYPE, 0);
  KERN_ENSURE(ctx, ot == 0 || ot == 2 || ot == 4,
              "output_type %d is not supported (INT32, INT64)", ot);
  KERN_ENSURE(ctx, ot == 0 || (ot == 2) == (out->type == kTfLiteInt32),
              "output_type %s differs from the output type %s",
              ot == 2 ? "INT32" : "INT64", kern_type_name(out->type));
  KERN_ENSURE(ctx, kern_ndims(in) >= 1, "input must have rank >= 1");
  KERN_ENSURE(ctx, kern_ndims(in) <= KERN_MAX_DIMS,
              "input rank %d is above the supported %d", kern_ndims(in),
              KERN_MAX_DIMS);
  if (kern_is_constant(axis)) {
    int a;
    return arg_resize(ctx, node, &a);
  }
  kern_set_dynamic(out);
  return kTfLiteOk;
}

#define ARG_SEARCH(T, DATA)                           \
  do {                                                \
    const T *x = (const T *)in->data.DATA;            \
    for (size_t o = 0; o < outer; o++) {              \
      for (size_t i = 0; i < inner; i++) {            \
        const T *p = x + o * axis_size * inner + i;   \
        T best = p[0];                                \
        size_t bi = 0;                                \
        for (size_t j = 1; j < axis_size; j++) {      \
          T v = p[j * inner];                         \
          if (is_max ? v > best : v < best) {         \
            best = v;                                 \
            bi = j;                                   \
          }                                           \
        }                                             \
        if (out->type == kTfLiteInt64)                \
          out->data.i64[o * inner + i] = (int64_t)bi; \
        else                                          \
          out->data.i32[o * inner + i] = (int32_t)bi; \
      }                                               \
    }                                                 \
  } while (0)

TfLiteStatus kern_arg_invoke(TfLiteContext *ctx, TfLiteNode *node, int is_max) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int axis;
  /* Validates the axis value (also when it is constant: cheap). */
  KERN_OK(arg_resize(ctx, node, &axis));
  size_t outer = 1, inner = 1, axis_size = (size_t)kern_dim(in, axis);
  for (int i = 0; i < axis; i++) outer *= (size_t)kern_dim(in, i);
  for (int i = axis + 1; i < kern_ndims(in); i++)
    inner *= (size_t)kern_dim(in, i);
  switch (in->type) {
    case kTfLiteFloat32: ARG_SEARCH(float, f); break;
    case kTfLiteInt32: ARG_SEARCH(int32_t, i32); break;
    case kTfLiteInt8: ARG_SEARCH(int8_t, int8); break;
    default: ARG_SEARCH(uint8_t, uint8); break; /* UINT8, BOOL */
  }
  return kTfLiteOk;
}
