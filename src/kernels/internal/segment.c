/* UNSORTED_SEGMENT_* and the type checks SEGMENT_SUM shares (see
 * segment.h). */
#include "kernels/internal/segment.h"

#include <float.h>
#include <stdint.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/internal/value_shape.h"

/* Reads num_segments, checks the ids against it and sizes the output. */
static TfLiteStatus seg_resize(TfLiteContext *ctx, const TfLiteTensor *data,
                               const TfLiteTensor *ids, const TfLiteTensor *ns,
                               TfLiteTensor *out) {
  int64_t n = kern_read_index(ns, 0);
  KERN_ENSURE(ctx, n >= 0, "num_segments is negative (%lld)", (long long)n);
  size_t count = kern_num_elements(ids);
  for (size_t i = 0; i < count; i++) {
    int64_t id = kern_read_index(ids, i);
    KERN_ENSURE(ctx, id < n,
                "segment id %lld (element %zu of segment_ids) is out of range "
                "for num_segments %lld",
                (long long)id, i, (long long)n);
  }
  int rank = kern_ndims(data) - kern_ndims(ids) + 1;
  int64_t dims[KERN_MAX_DIMS];
  dims[0] = n;
  for (int i = 1; i < rank; i++)
    dims[i] = kern_dim(data, kern_ndims(ids) + i - 1);
  return kern_value_shape_resize(ctx, out, "num_segments", dims, rank);
}

TfLiteStatus kern_segment_check_types(TfLiteContext *ctx,
                                      const TfLiteTensor *data,
                                      const TfLiteTensor *ids,
                                      const TfLiteTensor *out) {
  KERN_ENSURE(ctx, data->type == kTfLiteFloat32 || data->type == kTfLiteInt32,
              "data type %s is not supported (FLOAT32, INT32)",
              kern_type_name(data->type));
  KERN_ENSURE(ctx, out->type == data->type,
              "output type %s differs from data type %s",
              kern_type_name(out->type), kern_type_name(data->type));
  KERN_ENSURE(ctx, ids->type == kTfLiteInt32 || ids->type == kTfLiteInt64,
              "segment_ids type %s is not supported (INT32, INT64)",
              kern_type_name(ids->type));
  return kTfLiteOk;
}

TfLiteStatus kern_unsorted_segment_prepare(TfLiteContext *ctx,
                                           TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 3, "expected 3 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *data = kern_input(ctx, node, 0);
  const TfLiteTensor *ids = kern_input(ctx, node, 1);
  const TfLiteTensor *ns = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, data && ids && ns && out,
              "an input or the output is missing");
  KERN_OK(kern_segment_check_types(ctx, data, ids, out));
  KERN_ENSURE(ctx, ns->type == kTfLiteInt32 || ns->type == kTfLiteInt64,
              "num_segments type %s is not supported (INT32, INT64)",
              kern_type_name(ns->type));
  KERN_ENSURE(
      ctx, kern_ndims(ns) == 0 || (kern_ndims(ns) == 1 && kern_dim(ns, 0) == 1),
      "num_segments must be a scalar or have one element");
  int ir = kern_ndims(ids), dr = kern_ndims(data);
  KERN_ENSURE(ctx, ir >= 1 && ir <= dr,
              "segment_ids rank %d must be between 1 and the data rank %d", ir,
              dr);
  KERN_ENSURE(ctx, dr <= KERN_MAX_DIMS,
              "data rank %d is above the supported %d", dr, KERN_MAX_DIMS);
  for (int i = 0; i < ir; i++)
    KERN_ENSURE(ctx, kern_dim(ids, i) == kern_dim(data, i),
                "segment_ids dimension %d is %d, data has %d", i,
                kern_dim(ids, i), kern_dim(data, i));
  if (kern_is_constant(ids) && kern_is_constant(ns))
    return seg_resize(ctx, data, ids, ns, out);
  kern_set_dynamic(out);
  return kTfLiteOk;
}

#define SEG_LOOP(T, INIT, COMBINE)                    \
  do {                                                \
    const T *x = (const T *)data->data.raw_const;     \
    T *y = (T *)out->data.raw;                        \
    for (size_t k = 0; k < total; k++) y[k] = (INIT); \
    for (size_t i = 0; i < count; i++) {              \
      int64_t id = kern_read_index(ids, i);           \
      if (id < 0) continue;                           \
      T *row = y + (size_t)id * inner;                \
      const T *src = x + i * inner;                   \
      for (size_t j = 0; j < inner; j++) {            \
        T a = row[j], b = src[j];                     \
        row[j] = (COMBINE);                           \
      }                                               \
    }                                                 \
  } while (0)

/* int32 sum/product wrap like two's complement hardware (no UB). */
static inline int32_t wrap_add(int32_t a, int32_t b) {
  return (int32_t)((uint32_t)a + (uint32_t)b);
}
static inline int32_t wrap_mul(int32_t a, int32_t b) {
  return (int32_t)((uint32_t)a * (uint32_t)b);
}

TfLiteStatus kern_unsorted_segment_invoke(TfLiteContext *ctx, TfLiteNode *node,
                                          kern_segment_op op) {
  const TfLiteTensor *data = kern_input(ctx, node, 0);
  const TfLiteTensor *ids = kern_input(ctx, node, 1);
  const TfLiteTensor *ns = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic)
    KERN_OK(seg_resize(ctx, data, ids, ns, out));
  size_t count = kern_num_elements(ids);
  size_t total = kern_num_elements(out);
  size_t inner = kern_dim(out, 0) > 0 ? total / (size_t)kern_dim(out, 0) : 0;
  int64_t n = kern_dim(out, 0);
  for (size_t i = 0; i < count; i++) {
    int64_t id = kern_read_index(ids, i);
    KERN_ENSURE(ctx, id < n,
                "segment id %lld (element %zu of segment_ids) is out of range "
                "for num_segments %lld",
                (long long)id, i, (long long)n);
  }
  if (inner == 0) {
    /* Nothing to combine; still set the (empty or identity) rows. */
    count = 0;
  }
  if (data->type == kTfLiteFloat32) {
    switch (op) {
      case KERN_SEGMENT_SUM: SEG_LOOP(float, 0.0f, a + b); break;
      case KERN_SEGMENT_PROD: SEG_LOOP(float, 1.0f, a *b); break;
      case KERN_SEGMENT_MAX: SEG_LOOP(float, -FLT_MAX, b > a ? b : a); break;
      case KERN_SEGMENT_MIN: SEG_LOOP(float, FLT_MAX, b < a ? b : a); break;
    }
  } else {
    switch (op) {
      case KERN_SEGMENT_SUM: SEG_LOOP(int32_t, 0, wrap_add(a, b)); break;
      case KERN_SEGMENT_PROD: SEG_LOOP(int32_t, 1, wrap_mul(a, b)); break;
      case KERN_SEGMENT_MAX: SEG_LOOP(int32_t, INT32_MIN, b > a ? b : a); break;
      case KERN_SEGMENT_MIN: SEG_LOOP(int32_t, INT32_MAX, b < a ? b : a); break;
    }
  }
  return kTfLiteOk;
}
