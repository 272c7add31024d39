/* REVERSE_V2: reverses the input along every dimension listed in the axis
 * input (INT32 or INT64, 1-D; negative counts from the end; no repeats).
 * The output has the input's shape, so a non-constant axis input is read
 * (and checked) at invoke. Any fixed-size type: one strided copy with
 * negative strides on the reversed dims. */
#include "kernels/internal/move_checks.h"
#include "kernels/internal/strided_copy.h"

/* Marks the reversed dims in rev[0..rank). */
static TfLiteStatus reverse_axes(TfLiteContext *ctx, const TfLiteTensor *at,
                                 int rank, int *rev) {
  for (int i = 0; i < rank; i++) rev[i] = 0;
  size_t n = kern_num_elements(at);
  for (size_t k = 0; k < n; k++) {
    int64_t a = kern_read_index(at, k);
    KERN_ENSURE(ctx, a >= -rank && a < rank,
                "axis[%zu] = %lld is out of range for an input of rank %d", k,
                (long long)a, rank);
    if (a < 0) a += rank;
    KERN_ENSURE(ctx, !rev[a], "axis %lld is listed more than once",
                (long long)a);
    rev[a] = 1;
  }
  return kTfLiteOk;
}

static TfLiteStatus reverse_v2_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_check_arity(ctx, node, 2, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *at = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank <= KERN_STRIDED_MAX_RANK,
              "input rank %d is above the supported %d", rank,
              KERN_STRIDED_MAX_RANK);
  KERN_OK(kern_check_index_vector(ctx, at, "axis input", 0, -1));
  KERN_ENSURE(ctx, kern_num_elements(at) <= (size_t)rank,
              "axis input has %zu entries, more than the input's rank %d",
              kern_num_elements(at), rank);
  if (kern_is_constant(at)) {
    int rev[KERN_STRIDED_MAX_RANK];
    KERN_OK(reverse_axes(ctx, at, rank, rev));
  }
  return kern_resize_like(ctx, out, in);
}

static TfLiteStatus reverse_v2_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *at = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int rank = kern_ndims(in);
  int rev[KERN_STRIDED_MAX_RANK];
  KERN_OK(reverse_axes(ctx, at, rank, rev));
  if (kern_num_elements(in) == 0) return kTfLiteOk;
  size_t elem = kern_type_bytes(in->type);
  ptrdiff_t strides[KERN_STRIDED_MAX_RANK];
  kern_row_strides(in->dims->data, rank, strides);
  ptrdiff_t offset = 0; /* the element at output coordinate 0 */
  for (int i = 0; i < rank; i++) {
    if (!rev[i]) continue;
    offset += (ptrdiff_t)(kern_dim(in, i) - 1) * strides[i];
    strides[i] = -strides[i];
  }
  kern_strided_copy(
      out->data.raw,
      (const uint8_t *)in->data.raw_const + offset * (ptrdiff_t)elem, strides,
      elem, rank, in->dims->data);
  return kTfLiteOk;
}

const TfLiteRegistration kern_reverse_v2 = {
    .prepare = reverse_v2_prepare,
    .invoke = reverse_v2_invoke,
    .builtin_code = TFLC_OP_REVERSE_V2,
    .version = 1,
};
