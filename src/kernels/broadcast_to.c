/* BROADCAST_TO: broadcasts the input to the shape input (INT32 or INT64,
 * 1-D, non-negative; at least the input's rank, up to 8-D) by numpy rules:
 * aligned from the right, each input dim equals the target dim or is 1. A
 * non-constant shape makes the output dynamic. Any fixed-size type: one
 * strided copy whose broadcast dims have stride 0. */
#include "kernels/internal/broadcast.h"
#include "kernels/internal/move_checks.h"
#include "kernels/internal/strided_copy.h"

#define BROADCAST_TO_MAX_RANK 8

static TfLiteStatus broadcast_to_shape(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *st = kern_input(ctx, node, 1);
  int rank = kern_ndims(in);
  int out_rank = (int)kern_num_elements(st);
  KERN_ENSURE(ctx, out_rank >= rank,
              "shape has %d dimensions, fewer than the input's %d", out_rank,
              rank);
  int dims[BROADCAST_TO_MAX_RANK];
  for (int i = 0; i < out_rank; i++) {
    int64_t v = kern_read_index(st, (size_t)i);
    KERN_ENSURE(ctx, v >= 0 && v <= 0x7fffffff, "shape[%d] = %lld is invalid",
                i, (long long)v);
    dims[i] = (int)v;
    int k = i - (out_rank - rank);
    if (k >= 0) {
      int di = kern_dim(in, k);
      if (di != dims[i] && di != 1) {
        char buf[128];
        kern_bcast_format_shape(buf, sizeof buf, in);
        KERN_ENSURE(ctx, 0,
                    "input shape %s cannot be broadcast to the shape input: "
                    "dimension %d is %d, target %d",
                    buf, k, di, dims[i]);
      }
    }
  }
  return kern_resize_output(ctx, kern_output(ctx, node, 0), dims, out_rank);
}

static TfLiteStatus broadcast_to_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_check_arity(ctx, node, 2, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *st = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  KERN_OK(kern_check_index_vector(ctx, st, "shape input", 0, -1));
  KERN_ENSURE(ctx, kern_num_elements(st) <= BROADCAST_TO_MAX_RANK,
              "shape has %zu dimensions, at most %d are supported",
              kern_num_elements(st), BROADCAST_TO_MAX_RANK);
  if (!kern_is_constant(st)) {
    kern_set_dynamic(out);
    return kTfLiteOk;
  }
  return broadcast_to_shape(ctx, node);
}

static TfLiteStatus broadcast_to_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic)
    KERN_OK(broadcast_to_shape(ctx, node));
  if (kern_num_elements(out) == 0) return kTfLiteOk;
  int rank = kern_ndims(in), out_rank = kern_ndims(out);
  ptrdiff_t row[BROADCAST_TO_MAX_RANK], strides[BROADCAST_TO_MAX_RANK];
  kern_row_strides(in->dims->data, rank, row);
  for (int i = 0; i < out_rank; i++) {
    int k = i - (out_rank - rank);
    strides[i] = (k >= 0 && kern_dim(in, k) != 1) ? row[k] : 0;
  }
  kern_strided_copy(out->data.raw, in->data.raw_const, strides,
                    kern_type_bytes(in->type), out_rank, out->dims->data);
  return kTfLiteOk;
}

const TfLiteRegistration kern_broadcast_to = {
    .prepare = broadcast_to_prepare,
    .invoke = broadcast_to_invoke,
    .builtin_code = TFLC_OP_BROADCAST_TO,
    .version = 1,
};
