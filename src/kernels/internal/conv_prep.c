/* Shared prepare-time steps of the convolution kernels (see conv_prep.h). */
#include "kernels/internal/conv_prep.h"

#include "kernels/internal/quant_int4.h"

enum { kInput = 0, kFilter = 1, kBias = 2 };

TfLiteStatus kern_conv_get_io(TfLiteContext *ctx, TfLiteNode *node,
                              const void *op_data, int rank, int unpack_int4,
                              kern_conv_io *io) {
  KERN_ENSURE(ctx, op_data != NULL, "op data was not allocated");
  const int nin = kern_num_inputs(node);
  KERN_ENSURE(ctx, nin == 2 || nin == 3, "has %d inputs, expected 2 or 3", nin);
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "has %d outputs, expected 1",
              kern_num_outputs(node));
  /* INT4 weights: unpacked to INT8 once (internal/quant_int4.h). */
  if (unpack_int4) KERN_OK(quant_int4_unpack_input(ctx, node, kFilter));
  io->input = kern_input(ctx, node, kInput);
  io->filter = kern_input(ctx, node, kFilter);
  io->bias = kern_input(ctx, node, kBias);
  io->output = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, io->input != NULL, "input is missing");
  KERN_ENSURE(ctx, io->filter != NULL, "filter is missing");
  KERN_ENSURE(ctx, io->output != NULL, "output is missing");
  KERN_ENSURE(ctx, kern_ndims(io->input) == rank,
              "input has %d dims, expected %d", kern_ndims(io->input), rank);
  KERN_ENSURE(ctx, kern_ndims(io->filter) == rank,
              "filter has %d dims, expected %d", kern_ndims(io->filter), rank);
  return kTfLiteOk;
}

TfLiteStatus kern_tconv_get_io(TfLiteContext *ctx, TfLiteNode *node,
                               const void *op_data, int rank,
                               const kern_tconv_naming *names,
                               const TfLiteTensor **shape, kern_conv_io *io) {
  KERN_ENSURE(ctx, op_data != NULL, "op data was not allocated");
  const int nin = kern_num_inputs(node);
  KERN_ENSURE(ctx, nin == 3 || nin == 4, "has %d inputs, expected 3 or 4", nin);
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "has %d outputs, expected 1",
              kern_num_outputs(node));
  *shape = kern_input(ctx, node, 0);
  io->filter = kern_input(ctx, node, 1);
  io->input = kern_input(ctx, node, 2);
  io->bias = kern_input(ctx, node, 3);
  io->output = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, *shape != NULL, "output_shape is missing");
  KERN_ENSURE(ctx, io->filter != NULL, "%s missing", names->filter_is);
  KERN_ENSURE(ctx, io->input != NULL, "input is missing");
  KERN_ENSURE(ctx, io->output != NULL, "output is missing");
  KERN_OK(kern_conv_check_output_shape(ctx, *shape, rank));
  KERN_ENSURE(ctx, kern_ndims(io->input) == rank,
              "input has %d dims, expected %d", kern_ndims(io->input), rank);
  KERN_ENSURE(ctx, kern_ndims(io->filter) == rank, "%s %d dims, expected %d",
              names->filter_has, kern_ndims(io->filter), rank);
  return kTfLiteOk;
}

TfLiteStatus kern_conv_mode(TfLiteContext *ctx, const kern_conv_io *io,
                            int *mode) {
  const TfLiteTensor *filter = io->filter, *bias = io->bias;
  switch (io->input->type) {
    case kTfLiteFloat32:
      *mode = filter->type == kTfLiteInt8 ? KERN_CONV_HYBRID : KERN_CONV_F32;
      KERN_ENSURE(ctx,
                  filter->type == kTfLiteFloat32 || filter->type == kTfLiteInt8,
                  "filter type %s with FLOAT32 input is not supported",
                  kern_type_name(filter->type));
      KERN_ENSURE(ctx, io->output->type == kTfLiteFloat32,
                  "output type %s, expected FLOAT32",
                  kern_type_name(io->output->type));
      KERN_ENSURE(ctx, bias == NULL || bias->type == kTfLiteFloat32,
                  "bias type %s, expected FLOAT32", kern_type_name(bias->type));
      return kTfLiteOk;
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteInt16: *mode = KERN_CONV_QUANT; return kTfLiteOk;
    default:
      KERN_ENSURE(ctx, 0, "input type %s is not supported",
                  kern_type_name(io->input->type));
  }
  return kTfLiteOk;
}

TfLiteStatus kern_conv_check_f32(TfLiteContext *ctx, const kern_conv_io *io) {
  KERN_ENSURE(ctx, io->input->type == kTfLiteFloat32,
              "input type %s is not supported yet (FLOAT32 only)",
              kern_type_name(io->input->type));
  KERN_ENSURE(ctx, io->filter->type == kTfLiteFloat32,
              "filter type %s, expected FLOAT32",
              kern_type_name(io->filter->type));
  KERN_ENSURE(ctx, io->output->type == kTfLiteFloat32,
              "output type %s, expected FLOAT32",
              kern_type_name(io->output->type));
  KERN_ENSURE(ctx, io->bias == NULL || io->bias->type == kTfLiteFloat32,
              "bias type %s, expected FLOAT32", kern_type_name(io->bias->type));
  return kTfLiteOk;
}

TfLiteStatus kern_conv_check_bias(TfLiteContext *ctx, const TfLiteTensor *bias,
                                  int out_c) {
  if (bias) {
    KERN_ENSURE(ctx, kern_num_elements(bias) == (size_t)out_c,
                "bias has %zu elements, expected %d (output channels)",
                kern_num_elements(bias), out_c);
  }
  return kTfLiteOk;
}

TfLiteStatus kern_conv2d_options(TfLiteContext *ctx, const TfLiteNode *node,
                                 const kern_conv2d_fields *f,
                                 kern_conv_opts *o) {
  const tflc_options_ref *r = kern_options(node);
  o->padding = opt_i8(r, f->padding, TFLC_PADDING_SAME);
  o->stride[1] = opt_i32(r, f->stride_w, 0);
  o->stride[0] = opt_i32(r, f->stride_h, 0);
  o->activation = opt_i8(r, f->activation, TFLC_ACT_NONE);
  o->dil[1] = f->dil_w >= 0 ? opt_i32(r, f->dil_w, 1) : 1;
  o->dil[0] = f->dil_h >= 0 ? opt_i32(r, f->dil_h, 1) : 1;
  o->stride[2] = o->dil[2] = 1;
  KERN_OK(kern_check_window_options(ctx, o->padding, o->stride[0], o->stride[1],
                                    o->dil[0], o->dil[1]));
  KERN_ENSURE(ctx, kern_act_range_f32(o->activation, &o->lo, &o->hi) == 0,
              "fused activation %d is not supported", o->activation);
  return kTfLiteOk;
}

TfLiteStatus kern_conv2d_pad(TfLiteContext *ctx, const kern_conv_opts *o,
                             const TfLiteTensor *input,
                             const TfLiteTensor *filter, kern_pad_dim *h,
                             kern_pad_dim *w) {
  *h = (kern_pad_dim){.in = kern_dim(input, 1),
                      .filter = kern_dim(filter, 1),
                      .stride = o->stride[0],
                      .dilation = o->dil[0]};
  *w = (kern_pad_dim){.in = kern_dim(input, 2),
                      .filter = kern_dim(filter, 2),
                      .stride = o->stride[1],
                      .dilation = o->dil[1]};
  KERN_OK(kern_pad_compute(ctx, o->padding, "height", h));
  KERN_OK(kern_pad_compute(ctx, o->padding, "width", w));
  return kTfLiteOk;
}

/* Conv3DOptions field ids (schema.fbs declaration order). */
enum {
  kOpt3Padding = 0,
  kOpt3StrideD = 1,
  kOpt3StrideW = 2,
  kOpt3StrideH = 3,
  kOpt3Activation = 4,
  kOpt3DilationD = 5,
  kOpt3DilationW = 6,
  kOpt3DilationH = 7
};

TfLiteStatus kern_conv3d_options(TfLiteContext *ctx, const TfLiteNode *node,
                                 kern_conv_opts *o) {
  const tflc_options_ref *r = kern_options(node);
  o->padding = opt_i8(r, kOpt3Padding, TFLC_PADDING_SAME);
  o->stride[0] = opt_i32(r, kOpt3StrideD, 0);
  o->stride[1] = opt_i32(r, kOpt3StrideH, 0);
  o->stride[2] = opt_i32(r, kOpt3StrideW, 0);
  o->activation = opt_i8(r, kOpt3Activation, TFLC_ACT_NONE);
  o->dil[0] = opt_i32(r, kOpt3DilationD, 1);
  o->dil[1] = opt_i32(r, kOpt3DilationH, 1);
  o->dil[2] = opt_i32(r, kOpt3DilationW, 1);
  KERN_OK(kern_check_window_options(ctx, o->padding, o->stride[1], o->stride[2],
                                    o->dil[1], o->dil[2]));
  KERN_ENSURE(ctx, o->stride[0] > 0, "stride_d %d is invalid", o->stride[0]);
  KERN_ENSURE(ctx, o->dil[0] > 0, "dilation_d %d is invalid", o->dil[0]);
  KERN_ENSURE(ctx, kern_act_range_f32(o->activation, &o->lo, &o->hi) == 0,
              "fused activation %d is not supported", o->activation);
  return kTfLiteOk;
}

TfLiteStatus kern_conv_check_output_shape(TfLiteContext *ctx,
                                          const TfLiteTensor *shape, int rank) {
  KERN_ENSURE(ctx, shape->type == kTfLiteInt32,
              "output_shape is %s, expected INT32",
              kern_type_name(shape->type));
  KERN_ENSURE(
      ctx, kern_ndims(shape) == 1 && kern_num_elements(shape) == (size_t)rank,
      "output_shape must be a vector of %d elements", rank);
  return kTfLiteOk;
}
