/* SLICE: extracts the box that starts at the begin input and has the size
 * input's extent (both INT32 or INT64, 1-D, one entry per input dimension;
 * a size of -1 means "to the end of the dimension"). begin must lie in
 * [0, dim] and begin + size within the dimension. A non-constant begin or
 * size makes the output dynamic. Any fixed-size type: bytes are copied. */
#include "kernels/internal/move_checks.h"
#include "kernels/internal/strided_copy.h"

typedef struct slice_data {
  int begin[KERN_MAX_DIMS];
} slice_data;

KERN_OP_DATA_INIT(slice_init, slice_data)

static TfLiteStatus slice_shape(TfLiteContext *ctx, TfLiteNode *node) {
  slice_data *d = (slice_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *begin_t = kern_input(ctx, node, 1);
  const TfLiteTensor *size_t_ = kern_input(ctx, node, 2);
  int rank = kern_ndims(in);
  int dims[KERN_MAX_DIMS];
  for (int i = 0; i < rank; i++) {
    int64_t dim = kern_dim(in, i);
    int64_t b = kern_read_index(begin_t, (size_t)i);
    int64_t s = kern_read_index(size_t_, (size_t)i);
    KERN_ENSURE(ctx, b >= 0 && b <= dim,
                "begin[%d] = %lld is out of range [0, %lld]", i, (long long)b,
                (long long)dim);
    if (s == -1) s = dim - b;
    KERN_ENSURE(ctx, s >= 0, "size[%d] = %lld is invalid (must be >= 0 or -1)",
                i, (long long)s);
    KERN_ENSURE(ctx, b + s <= dim,
                "begin[%d] + size[%d] = %lld exceeds the dimension size %lld",
                i, i, (long long)(b + s), (long long)dim);
    d->begin[i] = (int)b;
    dims[i] = (int)s;
  }
  return kern_resize_output(ctx, kern_output(ctx, node, 0), dims, rank);
}

static TfLiteStatus slice_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_ENSURE(ctx, node->user_data != NULL, "op data was not allocated");
  KERN_OK(kern_check_arity(ctx, node, 3, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *begin_t = kern_input(ctx, node, 1);
  const TfLiteTensor *size_t_ = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank <= KERN_MAX_DIMS,
              "input rank %d is above the supported %d", rank, KERN_MAX_DIMS);
  KERN_OK(kern_check_index_vector(ctx, begin_t, "begin input", 0, rank));
  KERN_OK(kern_check_index_vector(ctx, size_t_, "size input", 0, rank));
  KERN_ENSURE(ctx, begin_t->type == size_t_->type,
              "begin (%s) and size (%s) have different types",
              kern_type_name(begin_t->type), kern_type_name(size_t_->type));
  if (!kern_is_constant(begin_t) || !kern_is_constant(size_t_)) {
    kern_set_dynamic(out);
    return kTfLiteOk;
  }
  return slice_shape(ctx, node);
}

static TfLiteStatus slice_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const slice_data *d = (const slice_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic) KERN_OK(slice_shape(ctx, node));
  if (kern_num_elements(out) == 0) return kTfLiteOk;
  int rank = kern_ndims(in);
  size_t elem = kern_type_bytes(in->type);
  ptrdiff_t strides[KERN_MAX_DIMS];
  kern_row_strides(in->dims->data, rank, strides);
  ptrdiff_t offset = 0;
  for (int i = 0; i < rank; i++) offset += d->begin[i] * strides[i];
  kern_strided_copy(
      out->data.raw,
      (const uint8_t *)in->data.raw_const + offset * (ptrdiff_t)elem, strides,
      elem, rank, out->dims->data);
  return kTfLiteOk;
}

const TfLiteRegistration kern_slice = {
    .init = slice_init,
    .prepare = slice_prepare,
    .invoke = slice_invoke,
    .builtin_code = TFLC_OP_SLICE,
    .version = 1,
};
