/* Output size and padding arithmetic of the 2-D windowed ops (see
 * padding.h for the formulas). */
#include "kernels/internal/padding.h"

#include <limits.h>

/* Effective filter size (k - 1) * dilation + 1, or -1 when it overflows. */
static int64_t effective_filter(int filter, int dilation) {
  if (filter <= 0) return filter == 0 ? 0 : -1;
  int64_t e = (int64_t)(filter - 1) * (int64_t)dilation + 1;
  return e > INT_MAX ? -1 : e;
}

int kern_conv_out_size(int padding, int in, int filter, int stride,
                       int dilation) {
  if (stride <= 0 || dilation <= 0 || in < 0 || filter < 0) return -1;
  int64_t e = effective_filter(filter, dilation);
  if (e < 0) return -1;
  if (padding == TFLC_PADDING_SAME) {
    return (int)(((int64_t)in + stride - 1) / stride);
  }
  if (padding == TFLC_PADDING_VALID) {
    int64_t span = (int64_t)in - e + 1; /* positions where the window fits */
    if (span <= 0) return 0;
    return (int)((span + stride - 1) / stride);
  }
  return -1;
}

int kern_conv_pad_before(int in, int filter, int stride, int dilation, int out,
                         int *offset) {
  int64_t e = effective_filter(filter, dilation);
  int64_t total = 0;
  if (out > 0 && e > 0) total = (int64_t)(out - 1) * stride + e - in;
  if (total < 0) total = 0;
  if (total > INT_MAX) total = INT_MAX;
  if (offset) *offset = (int)(total % 2);
  return (int)(total / 2);
}

TfLiteStatus kern_pad_compute(TfLiteContext *ctx, int padding, const char *what,
                              kern_pad_dim *d) {
  KERN_ENSURE(ctx, d->stride > 0, "%s stride %d is invalid", what, d->stride);
  KERN_ENSURE(ctx, d->dilation > 0, "%s dilation %d is invalid", what,
              d->dilation);
  KERN_ENSURE(ctx, d->in >= 0 && d->filter >= 0,
              "%s: negative input (%d) or filter (%d) size", what, d->in,
              d->filter);
  KERN_ENSURE(ctx, effective_filter(d->filter, d->dilation) >= 0,
              "%s: filter %d with dilation %d is too large", what, d->filter,
              d->dilation);
  int out =
      kern_conv_out_size(padding, d->in, d->filter, d->stride, d->dilation);
  KERN_ENSURE(ctx, out >= 0, "unknown padding %d", padding);
  int offset = 0;
  d->out = out;
  d->before = kern_conv_pad_before(d->in, d->filter, d->stride, d->dilation,
                                   out, &offset);
  d->after = d->before + offset;
  return kTfLiteOk;
}

TfLiteStatus kern_check_window_options(TfLiteContext *ctx, int padding,
                                       int stride_h, int stride_w, int dil_h,
                                       int dil_w) {
  KERN_ENSURE(ctx,
              padding == TFLC_PADDING_SAME || padding == TFLC_PADDING_VALID,
              "unknown padding %d", padding);
  KERN_ENSURE(ctx, stride_h > 0, "stride_h %d is invalid", stride_h);
  KERN_ENSURE(ctx, stride_w > 0, "stride_w %d is invalid", stride_w);
  KERN_ENSURE(ctx, dil_h > 0, "dilation_h %d is invalid", dil_h);
  KERN_ENSURE(ctx, dil_w > 0, "dilation_w %d is invalid", dil_w);
  return kTfLiteOk;
}
