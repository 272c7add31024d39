/* STABLEHLO_GATHER: slices of an operand (rank <= 8, any fixed-size type)
 * at start positions read from start_indices (INT32 or INT64).
 * StablehloGatherOptions (builtin_options_2): offset_dims 0,
 * collapsed_slice_dims 1, start_index_map 2, index_vector_dim 3,
 * slice_sizes 4, indices_are_sorted 5 (a hint, unused).
 *
 * As in the StableHLO spec: the result has the batch dimensions of
 * start_indices (all but index_vector_dim, in order; index_vector_dim equal
 * to the rank of start_indices means index vectors of one element) at the
 * positions not in offset_dims, and the slice dimensions that are not
 * collapsed at offset_dims. The index vector of each batch position gives
 * the start in operand dimension start_index_map[k], clamped to
 * [0, operand_dim - slice_size] (so every read is in bounds); other
 * dimensions start at 0. Collapsed dimensions must have slice size 1. */
#include "kernels/internal/stablehlo_util.h"
#include "kernels/internal/strided_copy.h"
#include "kernels/internal/tensor_copy.h"

typedef struct shlo_gather_data {
  size_t elem;
  int nb; /* batch dims */
  int bsize[SHLO_MAX_RANK];
  ptrdiff_t bidx_stride[SHLO_MAX_RANK]; /* in start_indices */
  ptrdiff_t bout_stride[SHLO_MAX_RANK]; /* in the result */
  int k;                                /* index vector length */
  ptrdiff_t ivec_stride;
  int64_t map[SHLO_MAX_RANK];       /* start_index_map */
  int64_t max_start[SHLO_MAX_RANK]; /* per operand dim */
  ptrdiff_t op_stride[SHLO_MAX_RANK];
  int n_off; /* slice box: offset dims */
  int box[SHLO_MAX_RANK];
  ptrdiff_t box_src[SHLO_MAX_RANK];
  ptrdiff_t box_dst[SHLO_MAX_RANK];
} shlo_gather_data;

KERN_ZEROED_INIT(shlo_gather_init, shlo_gather_data)

static TfLiteStatus shlo_gather_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  shlo_gather_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2,
              "expected 2 inputs (operand, start_indices), got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *op = kern_input(ctx, node, 0);
  const TfLiteTensor *idx = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, op && idx && out, "an input or the output is missing");
  d->elem = kern_type_bytes(op->type);
  KERN_ENSURE(ctx, d->elem > 0,
              "operand type %s is not supported (any fixed-size type)",
              kern_type_name(op->type));
  KERN_ENSURE(ctx, out->type == op->type,
              "output type %s must be the operand type %s",
              kern_type_name(out->type), kern_type_name(op->type));
  KERN_ENSURE(ctx, idx->type == kTfLiteInt32 || idx->type == kTfLiteInt64,
              "start_indices type %s is not supported (INT32, INT64)",
              kern_type_name(idx->type));
  int r = kern_ndims(op), ir = kern_ndims(idx);
  KERN_ENSURE(ctx, r <= SHLO_MAX_RANK && ir <= SHLO_MAX_RANK,
              "operand rank %d or start_indices rank %d exceeds %d", r, ir,
              SHLO_MAX_RANK);
  const tflc_options_ref *o = shlo_options(node, TFLC_BO2_STABLEHLO_GATHER);
  int64_t offset_dims[SHLO_MAX_RANK], collapsed[SHLO_MAX_RANK],
      slice[SHLO_MAX_RANK];
  int n_offset, n_collapsed, n_map, n_slice;
  KERN_OK(shlo_opt_dims(ctx, o, 0, "offset_dims", offset_dims, SHLO_MAX_RANK,
                        &n_offset));
  KERN_OK(shlo_opt_dims(ctx, o, 1, "collapsed_slice_dims", collapsed,
                        SHLO_MAX_RANK, &n_collapsed));
  KERN_OK(shlo_opt_dims(ctx, o, 2, "start_index_map", d->map, SHLO_MAX_RANK,
                        &n_map));
  KERN_OK(
      shlo_opt_dims(ctx, o, 4, "slice_sizes", slice, SHLO_MAX_RANK, &n_slice));
  int64_t ivd = o ? opt_i64(o, 3, 0) : 0;
  KERN_ENSURE(ctx, ivd >= 0 && ivd <= ir,
              "index_vector_dim %lld is not in [0, %d]", (long long)ivd, ir);
  d->k = ivd < ir ? kern_dim(idx, (int)ivd) : 1;
  KERN_ENSURE(ctx, n_map == d->k,
              "start_index_map has %d entries, the index vectors have %d",
              n_map, d->k);
  KERN_OK(shlo_check_dims(ctx, "start_index_map", d->map, n_map, r, 0));
  KERN_ENSURE(ctx, n_slice == r,
              "slice_sizes has %d entries, the operand has rank %d", n_slice,
              r);
  for (int i = 0; i < r; i++)
    KERN_ENSURE(
        ctx, slice[i] >= 0 && slice[i] <= kern_dim(op, i),
        "slice_sizes[%d] = %lld is not in [0, %d] (the operand dimension)", i,
        (long long)slice[i], kern_dim(op, i));
  KERN_OK(shlo_check_dims(ctx, "collapsed_slice_dims", collapsed, n_collapsed,
                          r, 1));
  for (int i = 0; i < n_collapsed; i++)
    KERN_ENSURE(ctx, slice[collapsed[i]] == 1,
                "collapsed dimension %lld must have slice size 1, not %lld",
                (long long)collapsed[i], (long long)slice[collapsed[i]]);
  KERN_ENSURE(ctx, n_offset == r - n_collapsed,
              "offset_dims has %d entries; the operand rank %d minus %d "
              "collapsed dimensions is %d",
              n_offset, r, n_collapsed, r - n_collapsed);
  d->nb = ir - (ivd < ir ? 1 : 0);
  int rr = d->nb + n_offset;
  KERN_ENSURE(ctx, rr <= SHLO_MAX_RANK,
              "the result would have rank %d (at most %d)", rr, SHLO_MAX_RANK);
  KERN_OK(shlo_check_dims(ctx, "offset_dims", offset_dims, n_offset, rr, 1));

  ptrdiff_t op_str[SHLO_MAX_RANK], idx_str[SHLO_MAX_RANK],
      out_str[SHLO_MAX_RANK];
  kern_row_strides(op->dims->data, r, op_str);
  kern_row_strides(idx->dims->data, ir, idx_str);
  int out_dims[SHLO_MAX_RANK];
  int out_src[SHLO_MAX_RANK]; /* batch: indices dim; offset: operand dim */
  int bi = 0, si = 0;
  for (int i = 0; i < rr; i++) {
    if (shlo_has_dim(offset_dims, n_offset, i)) {
      while (shlo_has_dim(collapsed, n_collapsed, si)) si++;
      out_dims[i] = (int)slice[si];
      out_src[i] = si++;
    } else {
      if (bi == ivd) bi++;
      out_dims[i] = kern_dim(idx, bi);
      out_src[i] = bi++;
    }
  }
  kern_row_strides(out_dims, rr, out_str);
  int nb = 0, no = 0;
  for (int i = 0; i < rr; i++) {
    if (shlo_has_dim(offset_dims, n_offset, i)) {
      d->box[no] = out_dims[i];
      d->box_src[no] = op_str[out_src[i]];
      d->box_dst[no] = out_str[i];
      no++;
    } else {
      d->bsize[nb] = out_dims[i];
      d->bidx_stride[nb] = idx_str[out_src[i]];
      d->bout_stride[nb] = out_str[i];
      nb++;
    }
  }
  d->n_off = no;
  d->ivec_stride = ivd < ir ? idx_str[ivd] : 0;
  for (int i = 0; i < r; i++) {
    d->op_stride[i] = op_str[i];
    d->max_start[i] = kern_dim(op, i) - slice[i];
  }
  return kern_resize_output(ctx, out, out_dims, rr);
}

static TfLiteStatus shlo_gather_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const shlo_gather_data *d = node->user_data;
  const TfLiteTensor *op = kern_input(ctx, node, 0);
  const TfLiteTensor *idx = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (kern_num_elements(out) == 0) return kTfLiteOk;
  int c[SHLO_MAX_RANK] = {0};
  size_t n_batch = 1;
  for (int i = 0; i < d->nb; i++) n_batch *= (size_t)d->bsize[i];
  for (size_t b = 0; b < n_batch; b++) {
    size_t ioff = 0, ooff = 0;
    for (int i = 0; i < d->nb; i++) {
      ioff += (size_t)c[i] * (size_t)d->bidx_stride[i];
      ooff += (size_t)c[i] * (size_t)d->bout_stride[i];
    }
    size_t src = 0;
    for (int k = 0; k < d->k; k++) {
      int64_t dim = d->map[k];
      int64_t s =
          kern_read_index(idx, ioff + (size_t)k * (size_t)d->ivec_stride);
      if (s < 0) s = 0;
      if (s > d->max_start[dim]) s = d->max_start[dim];
      src += (size_t)s * (size_t)d->op_stride[dim];
    }
    kern_strided_copy2(out->data.raw + ooff * d->elem, d->box_dst,
                       op->data.raw_const + src * d->elem, d->box_src, d->elem,
                       d->n_off, d->box);
    for (int i = d->nb - 1; i >= 0; i--) {
      if (++c[i] < d->bsize[i]) break;
      c[i] = 0;
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_stablehlo_gather = {
    .init = shlo_gather_init,
    .prepare = shlo_gather_prepare,
    .invoke = shlo_gather_invoke,
    .builtin_code = TFLC_OP_STABLEHLO_GATHER,
    .version = 1,
};
