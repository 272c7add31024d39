/* Shared prepare and invoke of the 2-D pooling kernels (see pool2d.h). */
#include "kernels/internal/pool2d.h"

#include "kernels/internal/padding.h"
#include "kernels/internal/quant_act.h"

/* Pool2DOptions field ids (schema.fbs declaration order). */
enum {
  POOL_OPT_PADDING = 0,
  POOL_OPT_STRIDE_W = 1,
  POOL_OPT_STRIDE_H = 2,
  POOL_OPT_FILTER_W = 3,
  POOL_OPT_FILTER_H = 4,
  POOL_OPT_ACTIVATION = 5
};

void *kern_pool2d_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  return ctx->AllocatePersistentBuffer(ctx, sizeof(kern_pool2d));
}

TfLiteStatus kern_pool2d_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                 kern_pool2d *p) {
  KERN_ENSURE(ctx, p != NULL, "op data was not allocated");
  KERN_OK(kern_check_single_io(ctx, node));
  TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, kern_ndims(in) == 4, "input must be 4-D (NHWC), got rank %d",
              kern_ndims(in));
  KERN_ENSURE(ctx, in->type == out->type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  KERN_ENSURE(ctx,
              in->type == kTfLiteFloat32 || quant_act_is_quantized(in->type),
              "input type %s is not supported (FLOAT32, INT8, UINT8, INT16)",
              kern_type_name(in->type));
  if (in->type != kTfLiteFloat32) KERN_OK(quant_act_check_io(ctx, in, out));

  const tflc_options_ref *o = kern_options(node);
  int padding = opt_i8(o, POOL_OPT_PADDING, 0);
  p->stride_w = opt_i32(o, POOL_OPT_STRIDE_W, 0);
  p->stride_h = opt_i32(o, POOL_OPT_STRIDE_H, 0);
  p->filter_w = opt_i32(o, POOL_OPT_FILTER_W, 0);
  p->filter_h = opt_i32(o, POOL_OPT_FILTER_H, 0);
  int act = opt_i8(o, POOL_OPT_ACTIVATION, 0);
  KERN_OK(
      kern_check_window_options(ctx, padding, p->stride_h, p->stride_w, 1, 1));
  KERN_ENSURE(ctx, p->filter_h > 0, "filter_height %d is invalid", p->filter_h);
  KERN_ENSURE(ctx, p->filter_w > 0, "filter_width %d is invalid", p->filter_w);
  KERN_ENSURE(ctx, kern_act_range_f32(act, &p->act_lo, &p->act_hi) == 0,
              "fused activation %d is not supported (NONE, RELU, "
              "RELU_N1_TO_1, RELU6)",
              act);
  if (in->type != kTfLiteFloat32) {
    int32_t qmin = 0, qmax = 0;
    quant_type_range(out->type, &qmin, &qmax);
    quant_activation_range(act, out->params.scale, out->params.zero_point, qmin,
                           qmax, &p->q_lo, &p->q_hi);
  }

  p->batches = kern_dim(in, 0);
  p->in_h = kern_dim(in, 1);
  p->in_w = kern_dim(in, 2);
  p->channels = kern_dim(in, 3);
  kern_pad_dim h = {p->in_h, p->filter_h, p->stride_h, 1, 0, 0, 0};
  kern_pad_dim w = {p->in_w, p->filter_w, p->stride_w, 1, 0, 0, 0};
  KERN_OK(kern_pad_compute(ctx, padding, "height", &h));
  KERN_OK(kern_pad_compute(ctx, padding, "width", &w));
  p->out_h = h.out;
  p->out_w = w.out;
  p->pad_top = h.before;
  p->pad_left = w.before;
  int dims[4] = {p->batches, p->out_h, p->out_w, p->channels};
  return kern_resize_output(ctx, out, dims, 4);
}

TfLiteStatus kern_pool2d_invoke(TfLiteContext *ctx, TfLiteNode *node,
                                kern_pool2d_f32_fn f32, kern_pool2d_q_fn q) {
  const kern_pool2d *p = (const kern_pool2d *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (kern_num_elements(out) == 0) return kTfLiteOk;
  if (q != NULL && in->type != kTfLiteFloat32) {
    q(p, in, out);
    return kTfLiteOk;
  }
  f32(p, in->data.f, out->data.f);
  return kTfLiteOk;
}
