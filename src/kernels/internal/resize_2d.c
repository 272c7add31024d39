/* Shared prepare of the 2-D resize kernels (see resize_2d.h). */
#include "kernels/internal/resize_2d.h"

#include "kernels/internal/tensor_copy.h"

void *kern_resize2d_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  return ctx->AllocatePersistentBuffer(ctx, sizeof(kern_resize2d));
}

static float resize_scale(int in, int out, int align_corners) {
  if (out <= 0) return 0.0f;
  if (align_corners && out > 1) return (float)(in - 1) / (float)(out - 1);
  return (float)in / (float)out;
}

TfLiteStatus kern_resize2d_output(TfLiteContext *ctx, TfLiteNode *node,
                                  kern_resize2d *r) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *size = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int oh = size->data.i32[0], ow = size->data.i32[1];
  KERN_ENSURE(ctx, oh >= 0 && ow >= 0, "size [%d, %d] is negative", oh, ow);
  r->batches = kern_dim(in, 0);
  r->in_h = kern_dim(in, 1);
  r->in_w = kern_dim(in, 2);
  r->channels = kern_dim(in, 3);
  r->out_h = oh;
  r->out_w = ow;
  int dims[4] = {r->batches, oh, ow, r->channels};
  size_t out_count =
      (size_t)r->batches * (size_t)oh * (size_t)ow * (size_t)r->channels;
  KERN_ENSURE(ctx, out_count == 0 || (r->in_h > 0 && r->in_w > 0),
              "cannot resize an input of height %d and width %d to [%d, %d]",
              r->in_h, r->in_w, oh, ow);
  r->scale_h = resize_scale(r->in_h, oh, r->align_corners);
  r->scale_w = resize_scale(r->in_w, ow, r->align_corners);
  return kern_resize_output(ctx, out, dims, 4);
}

TfLiteStatus kern_resize2d_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                   kern_resize2d *r, const TfLiteType *allowed,
                                   int n, const char *allowed_names) {
  KERN_ENSURE(ctx, r != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *size = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in != NULL, "input 0 is missing");
  KERN_ENSURE(ctx, size != NULL, "size input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  KERN_ENSURE(ctx, kern_ndims(in) == 4, "input must be 4-D (NHWC), got rank %d",
              kern_ndims(in));
  int type_ok = 0;
  for (int i = 0; i < n; i++) type_ok |= in->type == allowed[i];
  if (!type_ok && kern_is_quantized_type(in->type)) {
    KERN_ENSURE(ctx, 0, "quantized %s input is not supported yet",
                kern_type_name(in->type));
  }
  KERN_ENSURE(ctx, type_ok, "input type %s is not supported (%s)",
              kern_type_name(in->type), allowed_names);
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  KERN_ENSURE(ctx, size->type == kTfLiteInt32,
              "size input type %s is not supported (INT32)",
              kern_type_name(size->type));
  KERN_ENSURE(ctx, kern_ndims(size) == 1 && kern_dim(size, 0) == 2,
              "size input must have shape [2]");
  r->elem = kern_type_bytes(in->type);
  r->dynamic = 0;
  if (kern_is_constant(size)) return kern_resize2d_output(ctx, node, r);
  /* Size known only at invoke: the output is dynamic. */
  r->dynamic = 1;
  kern_set_dynamic(out);
  return kTfLiteOk;
}
