/* GATHER_ND: gathers slices of params addressed by the last dimension of
 * indices (int16, int32 or int64): with n = indices.shape[-1] <= rank(params),
 * output shape = indices.shape[:-1] + params.shape[n:], and each output slice
 * is params[i0, ..., i(n-1)]. Any fixed-size type (bytes are copied); an
 * index out of range is an error at invoke, before anything is written. */
#include <string.h>

#include "kernels/internal/move_checks.h"
#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

typedef struct gather_nd_data {
  int nd;                        /* indices.shape[-1] */
  size_t n_slices;               /* product of indices.shape[:-1] */
  size_t slice_bytes;            /* params.shape[nd:] * element size */
  int dims[KERN_MAX_DIMS];       /* params dims [0, nd) */
  size_t strides[KERN_MAX_DIMS]; /* in slices */
} gather_nd_data;

KERN_OP_DATA_INIT(gather_nd_init, gather_nd_data)

static int64_t gather_nd_index(const TfLiteTensor *t, size_t i) {
  if (t->type == kTfLiteInt16) return t->data.i16[i];
  return kern_read_index(t, i);
}

static TfLiteStatus gather_nd_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  gather_nd_data *d = (gather_nd_data *)node->user_data;
  KERN_OK(kern_gather_check_node(ctx, node));
  const TfLiteTensor *params = kern_input(ctx, node, 0);
  const TfLiteTensor *indices = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t elem = kern_type_bytes(params->type);
  KERN_ENSURE(ctx, elem > 0, "params type %s is not supported",
              kern_type_name(params->type));
  KERN_ENSURE(ctx, out->type == params->type,
              "output type %s differs from params type %s",
              kern_type_name(out->type), kern_type_name(params->type));
  KERN_ENSURE(ctx,
              indices->type == kTfLiteInt16 || indices->type == kTfLiteInt32 ||
                  indices->type == kTfLiteInt64,
              "indices type %s is not supported (INT16, INT32, INT64)",
              kern_type_name(indices->type));
  int prank = kern_ndims(params), irank = kern_ndims(indices);
  KERN_ENSURE(ctx, prank >= 1, "params must have rank >= 1, got a scalar");
  KERN_ENSURE(ctx, irank >= 1, "indices must have rank >= 1, got a scalar");
  KERN_ENSURE(ctx, prank <= KERN_MAX_DIMS,
              "params rank %d is above the supported %d", prank, KERN_MAX_DIMS);
  int nd = kern_dim(indices, irank - 1);
  KERN_ENSURE(ctx, nd <= prank,
              "indices last dimension %d is larger than the params rank %d", nd,
              prank);
  int out_rank = irank - 1 + prank - nd;
  KERN_ENSURE(ctx, out_rank <= KERN_MAX_DIMS,
              "output rank %d is above the supported %d", out_rank,
              KERN_MAX_DIMS);
  int dims[KERN_MAX_DIMS];
  int k = 0;
  d->n_slices = 1;
  for (int i = 0; i < irank - 1; i++) {
    dims[k++] = kern_dim(indices, i);
    d->n_slices *= (size_t)kern_dim(indices, i);
  }
  d->slice_bytes = elem;
  for (int i = nd; i < prank; i++) {
    dims[k++] = kern_dim(params, i);
    d->slice_bytes *= (size_t)kern_dim(params, i);
  }
  d->nd = nd;
  size_t stride = 1;
  for (int i = nd - 1; i >= 0; i--) {
    d->dims[i] = kern_dim(params, i);
    d->strides[i] = stride;
    stride *= (size_t)kern_dim(params, i);
  }
  return kern_resize_output(ctx, out, dims, out_rank);
}

static TfLiteStatus gather_nd_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const gather_nd_data *d = (const gather_nd_data *)node->user_data;
  const TfLiteTensor *params = kern_input(ctx, node, 0);
  const TfLiteTensor *indices = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  /* Check every index first so a bad one leaves no partial result. */
  for (size_t s = 0; s < d->n_slices; s++) {
    for (int j = 0; j < d->nd; j++) {
      int64_t v = gather_nd_index(indices, s * (size_t)d->nd + (size_t)j);
      KERN_ENSURE(ctx, v >= 0 && v < d->dims[j],
                  "index %lld of slice %zu (dimension %d) is out of range "
                  "[0, %d)",
                  (long long)v, s, j, d->dims[j]);
    }
  }
  if (d->slice_bytes == 0 || d->n_slices == 0) return kTfLiteOk;
  const uint8_t *src = (const uint8_t *)params->data.raw_const;
  uint8_t *dst = (uint8_t *)out->data.raw;
  for (size_t s = 0; s < d->n_slices; s++) {
    size_t off = 0;
    for (int j = 0; j < d->nd; j++)
      off += (size_t)gather_nd_index(indices, s * (size_t)d->nd + (size_t)j) *
             d->strides[j];
    memcpy(dst + s * d->slice_bytes, src + off * d->slice_bytes,
           d->slice_bytes);
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_gather_nd = {
    .init = gather_nd_init,
    .prepare = gather_nd_prepare,
    .invoke = gather_nd_invoke,
    .builtin_code = TFLC_OP_GATHER_ND,
    .version = 1,
};
