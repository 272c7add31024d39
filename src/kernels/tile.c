/* TILE: repeats the input multiples[i] times along each dimension i (the
 * multiples input: INT32 or INT64, 1-D, one non-negative entry per input
 * dimension). A non-constant multiples makes the output dynamic. Up to 8-D.
 * Any fixed-size type: done as one strided copy of the 2N-D view
 * [m0, d0, m1, d1, ...] whose repeat dims have stride 0. */
#include "kernels/internal/move_checks.h"
#include "kernels/internal/strided_copy.h"

#define TILE_MAX_RANK (KERN_STRIDED_MAX_RANK / 2)

static TfLiteStatus tile_shape(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *mt = kern_input(ctx, node, 1);
  int rank = kern_ndims(in);
  int dims[TILE_MAX_RANK];
  for (int i = 0; i < rank; i++) {
    int64_t m = kern_read_index(mt, (size_t)i);
    KERN_ENSURE(ctx, m >= 0, "multiples[%d] = %lld is negative", i,
                (long long)m);
    int64_t total =
        (int64_t)kern_dim(in, i) * (m > 0x7fffffff ? 0x80000000LL : m);
    KERN_ENSURE(ctx, total <= 0x7fffffff,
                "tiled dimension %d is too large (%d x %lld)", i,
                kern_dim(in, i), (long long)m);
    dims[i] = (int)total;
  }
  return kern_resize_output(ctx, kern_output(ctx, node, 0), dims, rank);
}

static TfLiteStatus tile_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_check_arity(ctx, node, 2, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *mt = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank <= TILE_MAX_RANK,
              "input rank %d is above the supported %d", rank, TILE_MAX_RANK);
  KERN_OK(kern_check_index_vector(ctx, mt, "multiples input", 0, rank));
  if (!kern_is_constant(mt)) {
    kern_set_dynamic(out);
    return kTfLiteOk;
  }
  return tile_shape(ctx, node);
}

static TfLiteStatus tile_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic) KERN_OK(tile_shape(ctx, node));
  if (kern_num_elements(out) == 0) return kTfLiteOk;
  int rank = kern_ndims(in);
  ptrdiff_t row[TILE_MAX_RANK];
  kern_row_strides(in->dims->data, rank, row);
  int dims[KERN_STRIDED_MAX_RANK];
  ptrdiff_t strides[KERN_STRIDED_MAX_RANK];
  for (int i = 0; i < rank; i++) {
    int d = kern_dim(in, i);
    dims[2 * i] = kern_dim(out, i) / d; /* d > 0: out is not empty */
    strides[2 * i] = 0;
    dims[2 * i + 1] = d;
    strides[2 * i + 1] = row[i];
  }
  kern_strided_copy(out->data.raw, in->data.raw_const, strides,
                    kern_type_bytes(in->type), 2 * rank, dims);
  return kTfLiteOk;
}

const TfLiteRegistration kern_tile = {
    .prepare = tile_prepare,
    .invoke = tile_invoke,
    .builtin_code = TFLC_OP_TILE,
    .version = 1,
};
