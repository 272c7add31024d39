/* SHAPE: the dimensions of the input as a 1-D int32 or int64 tensor
 * (ShapeOptions out_type, field 0; the output tensor's type when the field
 * is absent). Works for any input type; only the input's shape is read. */
#include "kernels/kernel_util.h"

enum { SHAPE_OPT_OUT_TYPE = 0 };

static void write_shape(const TfLiteTensor *in, TfLiteTensor *out) {
  for (int i = 0; i < kern_ndims(in); i++) {
    if (out->type == kTfLiteInt64)
      out->data.i64[i] = kern_dim(in, i);
    else
      out->data.i32[i] = kern_dim(in, i);
  }
}

static TfLiteStatus shape_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_check_single_io(ctx, node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, out->type == kTfLiteInt32 || out->type == kTfLiteInt64,
              "output type %s is not supported (INT32, INT64)",
              kern_type_name(out->type));
  /* Schema TensorType: INT32 = 2, INT64 = 4 (FLOAT32 = 0, the default, is
   * what an absent field reads as: the output tensor's type decides). */
  int out_type = opt_i8(kern_options(node), SHAPE_OPT_OUT_TYPE, 0);
  KERN_ENSURE(ctx, out_type == 0 || out_type == 2 || out_type == 4,
              "out_type %d is not supported (INT32, INT64)", out_type);
  KERN_ENSURE(ctx,
              out_type == 0 || (out_type == 2) == (out->type == kTfLiteInt32),
              "out_type %s differs from the output type %s",
              out_type == 2 ? "INT32" : "INT64", kern_type_name(out->type));
  int dims[1] = {kern_ndims(in)};
  KERN_OK(kern_resize_output(ctx, out, dims, 1));
  /* The shape is known now: make the output a constant so that the nodes
   * using it (RESHAPE, FILL, ...) can size their outputs in prepare. */
  if (kern_make_output_constant(ctx, out)) write_shape(in, out);
  return kTfLiteOk;
}

static TfLiteStatus shape_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type != kTfLitePersistentRo)
    write_shape(kern_input(ctx, node, 0), out);
  return kTfLiteOk;
}

const TfLiteRegistration kern_shape = {
    .prepare = shape_prepare,
    .invoke = shape_invoke,
    .builtin_code = TFLC_OP_SHAPE,
    .version = 1,
};
