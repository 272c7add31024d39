/* STABLEHLO_SCATTER: a copy of the operand (rank <= 8, any fixed-size type)
 * in which windows of `updates` are combined into positions read from
 * scatter_indices (INT32 or INT64). StablehloScatterOptions
 * (builtin_options_2): indices_are_sorted 0 and unique_indices 5 (hints,
 * unused), update_window_dims 1, inserted_window_dims 2,
 * scatter_dims_to_operand_dims 3, index_vector_dim 4,
 * update_computation_subgraph_index 6.
 *
 * As in the StableHLO spec: the dimensions of updates not in
 * update_window_dims are the scatter dimensions, matching the batch
 * dimensions of scatter_indices (all but index_vector_dim) in order. For
 * each update element, the index vector at its scatter position gives the
 * start in operand dimension scatter_dims_to_operand_dims[k] (others start
 * at 0) and its window coordinates are added to the operand dimensions not
 * in inserted_window_dims, in order. Targets outside the operand are
 * skipped (as TensorFlow Lite and the StableHLO reference interpreter do).
 * Update elements are applied one by one in row-major order of updates:
 * result = computation(result, update), where the computation is the
 * subgraph update_computation_subgraph_index (two scalars in, one out), run
 * per element unless it simply returns its second input (replace). */
#include "kernels/internal/stablehlo_util.h"
#include "kernels/internal/strided_copy.h"
#include "kernels/internal/tensor_copy.h"

typedef struct shlo_scatter_data {
  shlo_body body;
  int r, ur, k;
  int op_dims[SHLO_MAX_RANK];
  ptrdiff_t op_stride[SHLO_MAX_RANK];
  int upd_dims[SHLO_MAX_RANK];
  /* per updates dim: window dims add to operand dim win_dim (>= 0); scatter
   * dims step idx_stride in scatter_indices (win_dim = -1) */
  int win_dim[SHLO_MAX_RANK];
  ptrdiff_t idx_stride[SHLO_MAX_RANK];
  int64_t map[SHLO_MAX_RANK];
  ptrdiff_t ivec_stride;
} shlo_scatter_data;

KERN_ZEROED_INIT(shlo_scatter_init, shlo_scatter_data)

static TfLiteStatus shlo_scatter_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  shlo_scatter_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 3,
              "expected 3 inputs (operand, scatter_indices, updates), got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *op = kern_input(ctx, node, 0);
  const TfLiteTensor *idx = kern_input(ctx, node, 1);
  const TfLiteTensor *upd = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, op && idx && upd && out,
              "an input or the output is missing");
  KERN_ENSURE(ctx, kern_type_bytes(op->type) > 0,
              "operand type %s is not supported (any fixed-size type)",
              kern_type_name(op->type));
  KERN_ENSURE(ctx, upd->type == op->type && out->type == op->type,
              "updates (%s) and output (%s) must have the operand type %s",
              kern_type_name(upd->type), kern_type_name(out->type),
              kern_type_name(op->type));
  KERN_ENSURE(ctx, idx->type == kTfLiteInt32 || idx->type == kTfLiteInt64,
              "scatter_indices type %s is not supported (INT32, INT64)",
              kern_type_name(idx->type));
  int r = kern_ndims(op), ir = kern_ndims(idx), ur = kern_ndims(upd);
  KERN_ENSURE(ctx,
              r <= SHLO_MAX_RANK && ir <= SHLO_MAX_RANK && ur <= SHLO_MAX_RANK,
              "operand, scatter_indices and updates ranks (%d, %d, %d) must be "
              "at most %d",
              r, ir, ur, SHLO_MAX_RANK);
  const tflc_options_ref *o = shlo_options(node, TFLC_BO2_STABLEHLO_SCATTER);
  int64_t uwd[SHLO_MAX_RANK], inserted[SHLO_MAX_RANK];
  int n_uwd, n_ins, n_map;
  KERN_OK(shlo_opt_dims(ctx, o, 1, "update_window_dims", uwd, SHLO_MAX_RANK,
                        &n_uwd));
  KERN_OK(shlo_opt_dims(ctx, o, 2, "inserted_window_dims", inserted,
                        SHLO_MAX_RANK, &n_ins));
  KERN_OK(shlo_opt_dims(ctx, o, 3, "scatter_dims_to_operand_dims", d->map,
                        SHLO_MAX_RANK, &n_map));
  int64_t ivd = o ? opt_i64(o, 4, 0) : 0;
  int body_index = o ? opt_i32(o, 6, -1) : -1;
  KERN_ENSURE(ctx, ivd >= 0 && ivd <= ir,
              "index_vector_dim %lld is not in [0, %d]", (long long)ivd, ir);
  d->k = ivd < ir ? kern_dim(idx, (int)ivd) : 1;
  KERN_ENSURE(
      ctx, n_map == d->k,
      "scatter_dims_to_operand_dims has %d entries, the index vectors have %d",
      n_map, d->k);
  KERN_OK(shlo_check_dims(ctx, "scatter_dims_to_operand_dims", d->map, n_map, r,
                          0));
  KERN_OK(shlo_check_dims(ctx, "update_window_dims", uwd, n_uwd, ur, 1));
  KERN_OK(shlo_check_dims(ctx, "inserted_window_dims", inserted, n_ins, r, 1));
  KERN_ENSURE(ctx, n_uwd + n_ins == r,
              "update_window_dims (%d) and inserted_window_dims (%d) must "
              "together cover the operand rank %d",
              n_uwd, n_ins, r);
  int nb = ir - (ivd < ir ? 1 : 0);
  KERN_ENSURE(ctx, ur - n_uwd == nb,
              "updates have %d scatter dimensions, scatter_indices has %d "
              "batch dimensions",
              ur - n_uwd, nb);
  ptrdiff_t idx_str[SHLO_MAX_RANK];
  kern_row_strides(idx->dims->data, ir, idx_str);
  kern_row_strides(op->dims->data, r, d->op_stride);
  int bi = 0, od = 0;
  for (int u = 0; u < ur; u++) {
    d->upd_dims[u] = kern_dim(upd, u);
    if (shlo_has_dim(uwd, n_uwd, u)) {
      while (shlo_has_dim(inserted, n_ins, od)) od++;
      KERN_ENSURE(
          ctx, kern_dim(upd, u) <= kern_dim(op, od),
          "updates dimension %d (%d) is larger than operand dimension %d (%d)",
          u, kern_dim(upd, u), od, kern_dim(op, od));
      d->win_dim[u] = od++;
      d->idx_stride[u] = 0;
    } else {
      if (bi == ivd) bi++;
      KERN_ENSURE(ctx, kern_dim(upd, u) == kern_dim(idx, bi),
                  "updates dimension %d (%d) must match scatter_indices "
                  "dimension %d (%d)",
                  u, kern_dim(upd, u), bi, kern_dim(idx, bi));
      d->win_dim[u] = -1;
      d->idx_stride[u] = idx_str[bi++];
    }
  }
  for (int i = 0; i < r; i++) d->op_dims[i] = kern_dim(op, i);
  d->r = r;
  d->ur = ur;
  d->ivec_stride = ivd < ir ? idx_str[ivd] : 0;
  KERN_OK(shlo_body_prepare(ctx, &d->body, body_index, op->type,
                            "STABLEHLO_SCATTER update computation"));
  return kern_resize_like(ctx, out, op);
}

static TfLiteStatus shlo_scatter_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const shlo_scatter_data *d = node->user_data;
  const TfLiteTensor *op = kern_input(ctx, node, 0);
  const TfLiteTensor *idx = kern_input(ctx, node, 1);
  const TfLiteTensor *upd = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t elem = d->body.elem;
  if (out->bytes) memcpy(out->data.raw, op->data.raw_const, out->bytes);
  size_t n = kern_num_elements(upd);
  if (n == 0 || kern_num_elements(op) == 0) return kTfLiteOk;
  shlo_body_run run;
  KERN_OK(shlo_body_begin(ctx, &d->body, &run));
  const int64_t lim = (int64_t)1 << 40; /* beyond any dimension */
  int c[SHLO_MAX_RANK] = {0};
  for (size_t e = 0; e < n; e++) {
    size_t ioff = 0;
    for (int u = 0; u < d->ur; u++)
      ioff += (size_t)c[u] * (size_t)d->idx_stride[u];
    int64_t t[SHLO_MAX_RANK] = {0};
    int ok = 1;
    for (int k = 0; k < d->k; k++) {
      int64_t s =
          kern_read_index(idx, ioff + (size_t)k * (size_t)d->ivec_stride);
      if (s < -lim || s > lim) ok = 0;
      t[d->map[k]] = s;
    }
    for (int u = 0; ok && u < d->ur; u++)
      if (d->win_dim[u] >= 0) t[d->win_dim[u]] += c[u];
    size_t off = 0;
    for (int i = 0; ok && i < d->r; i++) {
      if (t[i] < 0 || t[i] >= d->op_dims[i]) ok = 0;
      off += (size_t)t[i] * (size_t)d->op_stride[i];
    }
    if (ok)
      KERN_OK(shlo_body_apply(&run, out->data.raw + off * elem,
                              upd->data.raw_const + e * elem));
    for (int u = d->ur - 1; u >= 0; u--) {
      if (++c[u] < d->upd_dims[u]) break;
      c[u] = 0;
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_stablehlo_scatter = {
    .init = shlo_scatter_init,
    .prepare = shlo_scatter_prepare,
    .invoke = shlo_scatter_invoke,
    .builtin_code = TFLC_OP_STABLEHLO_SCATTER,
    .version = 1,
};
