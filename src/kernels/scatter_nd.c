/* SCATTER_ND: a zero tensor of the shape given by the third input (int32,
 * like the indices) into which the slices of `updates` are added at the
 * positions named by the last dimension of `indices` (int32); duplicate
 * indices accumulate (bool: logical or). With n = indices.shape[-1],
 * updates.shape must be indices.shape[:-1] + shape[n:]. float32, int32,
 * int64, int8, uint8, bool. A constant shape input sets the output shape at
 * prepare; otherwise the output is dynamic and shaped at invoke. An index
 * out of range is an error at invoke. */
#include <string.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

typedef struct scatter_nd_data {
  int nd;                        /* indices.shape[-1] */
  size_t n_slices;               /* product of indices.shape[:-1] */
  size_t slice_size;             /* elements: product of shape[nd:] */
  int dims[KERN_MAX_DIMS];       /* shape[0, nd) */
  size_t strides[KERN_MAX_DIMS]; /* in slices */
} scatter_nd_data;

KERN_OP_DATA_INIT(scatter_nd_init, scatter_nd_data)

/* Reads the shape input, checks indices/updates against it, fills the plan
 * and resizes the output. */
static TfLiteStatus scatter_nd_shape(TfLiteContext *ctx, TfLiteNode *node,
                                     scatter_nd_data *d) {
  const TfLiteTensor *indices = kern_input(ctx, node, 0);
  const TfLiteTensor *updates = kern_input(ctx, node, 1);
  const TfLiteTensor *shape = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int n_shape = (int)kern_num_elements(shape);
  KERN_ENSURE(ctx, n_shape <= KERN_MAX_DIMS,
              "shape has %d dimensions, above the supported %d", n_shape,
              KERN_MAX_DIMS);
  int dims[KERN_MAX_DIMS];
  for (int i = 0; i < n_shape; i++) {
    int32_t v = shape->data.i32[i];
    KERN_ENSURE(ctx, v >= 0, "shape dimension %d is negative (%d)", i, (int)v);
    dims[i] = v;
  }
  int irank = kern_ndims(indices);
  int nd = kern_dim(indices, irank - 1);
  KERN_ENSURE(ctx, nd <= n_shape,
              "indices last dimension %d is larger than the output rank %d", nd,
              n_shape);
  int urank = kern_ndims(updates);
  KERN_ENSURE(ctx, urank == irank - 1 + n_shape - nd,
              "updates rank %d differs from the expected %d (indices rank "
              "%d - 1 + output rank %d - %d)",
              urank, irank - 1 + n_shape - nd, irank, n_shape, nd);
  for (int i = 0; i < irank - 1; i++) {
    KERN_ENSURE(ctx, kern_dim(updates, i) == kern_dim(indices, i),
                "updates dimension %d is %d but indices dimension %d is %d", i,
                kern_dim(updates, i), i, kern_dim(indices, i));
  }
  for (int i = nd; i < n_shape; i++) {
    int u = irank - 1 + i - nd;
    KERN_ENSURE(ctx, kern_dim(updates, u) == dims[i],
                "updates dimension %d is %d but output dimension %d is %d", u,
                kern_dim(updates, u), i, dims[i]);
  }
  d->nd = nd;
  d->n_slices = 1;
  for (int i = 0; i < irank - 1; i++)
    d->n_slices *= (size_t)kern_dim(indices, i);
  d->slice_size = 1;
  /* Analyzer false positive: dims[0..n_shape) were read above (nd <= n_shape is
   * checked) */
  /* NOLINTNEXTLINE(clang-analyzer-core.uninitialized.Assign) */
  for (int i = nd; i < n_shape; i++) d->slice_size *= (size_t)dims[i];
  size_t stride = 1;
  for (int i = nd - 1; i >= 0; i--) {
    d->dims[i] = dims[i];
    d->strides[i] = stride;
    stride *= (size_t)dims[i];
  }
  return kern_resize_output(ctx, out, dims, n_shape);
}

static TfLiteStatus scatter_nd_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  scatter_nd_data *d = (scatter_nd_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 3, "expected 3 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *indices = kern_input(ctx, node, 0);
  const TfLiteTensor *updates = kern_input(ctx, node, 1);
  const TfLiteTensor *shape = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, indices != NULL, "indices input is missing");
  KERN_ENSURE(ctx, updates != NULL, "updates input is missing");
  KERN_ENSURE(ctx, shape != NULL, "shape input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  switch (updates->type) {
    case kTfLiteFloat32:
    case kTfLiteInt32:
    case kTfLiteInt64:
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteBool: break;
    default:
      KERN_ENSURE(ctx, 0,
                  "updates type %s is not supported (FLOAT32, INT32, INT64, "
                  "INT8, UINT8, BOOL)",
                  kern_type_name(updates->type));
  }
  KERN_ENSURE(ctx, out->type == updates->type,
              "output type %s differs from updates type %s",
              kern_type_name(out->type), kern_type_name(updates->type));
  KERN_ENSURE(ctx, indices->type == kTfLiteInt32,
              "indices type %s is not supported (INT32)",
              kern_type_name(indices->type));
  KERN_ENSURE(ctx, shape->type == indices->type,
              "shape type %s differs from indices type %s",
              kern_type_name(shape->type), kern_type_name(indices->type));
  KERN_ENSURE(ctx, kern_ndims(shape) == 1, "shape must be 1-D, got rank %d",
              kern_ndims(shape));
  KERN_ENSURE(ctx, kern_ndims(indices) >= 1,
              "indices must have rank >= 1, got a scalar");
  if (kern_is_constant(shape)) return scatter_nd_shape(ctx, node, d);
  kern_set_dynamic(out);
  return kTfLiteOk;
}

#define SCATTER_ADD(T, EXPR)                                         \
  do {                                                               \
    const T *u = (const T *)updates->data.raw_const;                 \
    T *y = (T *)out->data.raw;                                       \
    for (size_t s = 0; s < d->n_slices; s++) {                       \
      T *dst = y + scatter_nd_offset(d, indices, s) * d->slice_size; \
      const T *src = u + s * d->slice_size;                          \
      for (size_t j = 0; j < d->slice_size; j++) EXPR;               \
    }                                                                \
  } while (0)

static size_t scatter_nd_offset(const scatter_nd_data *d,
                                const TfLiteTensor *indices, size_t s) {
  size_t off = 0;
  for (int j = 0; j < d->nd; j++)
    off += (size_t)indices->data.i32[s * (size_t)d->nd + (size_t)j] *
           d->strides[j];
  return off;
}

static TfLiteStatus scatter_nd_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  scatter_nd_data *d = (scatter_nd_data *)node->user_data;
  const TfLiteTensor *indices = kern_input(ctx, node, 0);
  const TfLiteTensor *updates = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic)
    KERN_OK(scatter_nd_shape(ctx, node, d));
  for (size_t s = 0; s < d->n_slices; s++) {
    for (int j = 0; j < d->nd; j++) {
      int32_t v = indices->data.i32[s * (size_t)d->nd + (size_t)j];
      KERN_ENSURE(ctx, v >= 0 && v < d->dims[j],
                  "index %d of slice %zu (dimension %d) is out of range "
                  "[0, %d)",
                  (int)v, s, j, d->dims[j]);
    }
  }
  if (out->bytes > 0) memset(out->data.raw, 0, out->bytes);
  if (d->slice_size == 0) return kTfLiteOk;
  switch (out->type) {
    case kTfLiteFloat32: SCATTER_ADD(float, dst[j] += src[j]); break;
    case kTfLiteInt32:
      SCATTER_ADD(int32_t,
                  dst[j] = (int32_t)((uint32_t)dst[j] + (uint32_t)src[j]));
      break;
    case kTfLiteInt64:
      SCATTER_ADD(int64_t,
                  dst[j] = (int64_t)((uint64_t)dst[j] + (uint64_t)src[j]));
      break;
    case kTfLiteInt8:
      SCATTER_ADD(int8_t, dst[j] = (int8_t)(uint8_t)(dst[j] + src[j]));
      break;
    case kTfLiteUInt8:
      SCATTER_ADD(uint8_t, dst[j] = (uint8_t)(dst[j] + src[j]));
      break;
    case kTfLiteBool: SCATTER_ADD(bool, dst[j] = dst[j] || src[j]); break;
    default:
      KERN_ENSURE(ctx, 0, "output type %s is not supported",
                  kern_type_name(out->type));
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_scatter_nd = {
    .init = scatter_nd_init,
    .prepare = scatter_nd_prepare,
    .invoke = scatter_nd_invoke,
    .builtin_code = TFLC_OP_SCATTER_ND,
    .version = 1,
};
