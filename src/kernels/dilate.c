/* DILATE: inputs x, dilations (INT32 or INT64, 1-D, one factor >= 1 per
 * dimension of x) and padding_value (a scalar of x's type); the output
 * dimension i is (d_i - 1) * f_i + 1 (0 when d_i is 0): x's elements spread
 * f_i apart along each dimension, the gaps filled with padding_value. Any
 * fixed-size type. A constant dilations input sizes the output at prepare,
 * otherwise it is dynamic; factors below 1 are an error naming them. */
#include "kernels/internal/move_checks.h"
#include "kernels/internal/strided_copy.h"
#include "kernels/internal/value_shape.h"

static TfLiteStatus dilate_resize(TfLiteContext *ctx, const TfLiteTensor *in,
                                  const TfLiteTensor *dil, TfLiteTensor *out,
                                  int64_t *factors) {
  int rank = kern_ndims(in);
  int64_t dims[KERN_MAX_DIMS];
  kern_read_indices(dil, factors, rank);
  for (int i = 0; i < rank; i++) {
    KERN_ENSURE(ctx, factors[i] >= 1 && factors[i] <= INT32_MAX,
                "dilation %d is %lld; factors must be at least 1", i,
                (long long)factors[i]);
    int64_t d = kern_dim(in, i);
    dims[i] = d == 0 ? 0 : (d - 1) * factors[i] + 1;
  }
  return kern_value_shape_resize(ctx, out, "dilations", dims, rank);
}

static TfLiteStatus dilate_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_check_arity(ctx, node, 3, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *dil = kern_input(ctx, node, 1);
  const TfLiteTensor *pad = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank >= 1 && rank <= KERN_STRIDED_MAX_RANK,
              "input rank %d is not supported (1 to %d)", rank,
              KERN_STRIDED_MAX_RANK);
  KERN_ENSURE(ctx, pad->type == in->type,
              "padding_value type %s differs from input type %s",
              kern_type_name(pad->type), kern_type_name(in->type));
  KERN_ENSURE(ctx, kern_num_elements(pad) == 1,
              "padding_value must be a scalar");
  KERN_OK(kern_check_index_vector(ctx, dil, "dilations", 0, rank));
  if (kern_is_constant(dil)) {
    int64_t f[KERN_MAX_DIMS];
    return dilate_resize(ctx, in, dil, out, f);
  }
  kern_set_dynamic(out);
  return kTfLiteOk;
}

static TfLiteStatus dilate_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *dil = kern_input(ctx, node, 1);
  const TfLiteTensor *pad = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int64_t f[KERN_MAX_DIMS];
  if (out->allocation_type == kTfLiteDynamic) {
    KERN_OK(dilate_resize(ctx, in, dil, out, f));
  } else {
    kern_read_indices(dil, f, kern_ndims(in));
  }
  size_t elem = kern_type_bytes(in->type);
  size_t total = kern_num_elements(out);
  if (total == 0) return kTfLiteOk;
  kern_fill_elems(out->data.raw, pad->data.raw_const, elem, total);
  int rank = kern_ndims(in);
  ptrdiff_t src_strides[KERN_STRIDED_MAX_RANK],
      dst_strides[KERN_STRIDED_MAX_RANK];
  kern_row_strides(in->dims->data, rank, src_strides);
  kern_row_strides(out->dims->data, rank, dst_strides);
  for (int i = 0; i < rank; i++) dst_strides[i] *= (ptrdiff_t)f[i];
  kern_strided_copy2(out->data.raw, dst_strides, in->data.raw_const,
                     src_strides, elem, rank, in->dims->data);
  return kTfLiteOk;
}

const TfLiteRegistration kern_dilate = {
    .prepare = dilate_prepare,
    .invoke = dilate_invoke,
    .builtin_code = TFLC_OP_DILATE,
    .version = 1,
};
