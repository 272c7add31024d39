/* STABLEHLO_REDUCE_WINDOW: reduces windows of an input (rank 1..8, any
 * fixed-size type) with a body subgraph, starting from init_value (input 1,
 * a scalar of the input type). StablehloReduceWindowOptions
 * (builtin_options_2): window_dimensions 0, window_strides 1,
 * base_dilations 2, window_dilations 3 (one entry >= 1 per dimension;
 * strides and dilations default to 1 when absent), padding 4 (low, high
 * pairs per dimension, default 0; negative crops), body_subgraph_index 5.
 *
 * As in the StableHLO spec: the input is first dilated by base_dilations
 * and padded, the holes and the padding holding init_value; output
 * dimension i is (padded_i - ((window_i - 1) * window_dilation_i + 1)) /
 * stride_i + 1, or 0 when the dilated window does not fit. Each output
 * element starts from init_value and folds its window taps in row-major
 * order: acc = body(acc, tap), the body being run per tap (two scalars in,
 * one out). Nothing is materialized: each tap maps back to an input
 * element or to init_value. */
#include "kernels/internal/stablehlo_util.h"
#include "kernels/internal/tensor_copy.h"

typedef struct shlo_rw_data {
  shlo_body body;
  int rank;
  int in_dims[SHLO_MAX_RANK];
  int out_dims[SHLO_MAX_RANK];
  int64_t win[SHLO_MAX_RANK], stride[SHLO_MAX_RANK], base_dil[SHLO_MAX_RANK];
  int64_t win_dil[SHLO_MAX_RANK], pad_lo[SHLO_MAX_RANK];
  size_t in_stride[SHLO_MAX_RANK];
} shlo_rw_data;

KERN_ZEROED_INIT(shlo_rw_init, shlo_rw_data)

/* A per-dimension attribute with entries >= 1 (default 1 when absent, or
 * required when `required`). */
static TfLiteStatus shlo_rw_attr(TfLiteContext *ctx, const tflc_options_ref *o,
                                 int field, const char *name, int rank,
                                 int required, int64_t *v) {
  int n = 0;
  KERN_OK(shlo_opt_dims(ctx, o, field, name, v, SHLO_MAX_RANK, &n));
  KERN_ENSURE(ctx, n == rank || (n == 0 && !required),
              "%s has %d entries, the input has rank %d", name, n, rank);
  for (int i = 0; i < rank; i++) {
    if (n == 0) v[i] = 1;
    KERN_ENSURE(ctx, v[i] >= 1 && v[i] <= INT32_MAX,
                "%s[%d] = %lld must be at least 1", name, i, (long long)v[i]);
  }
  return kTfLiteOk;
}

static TfLiteStatus shlo_rw_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  shlo_rw_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2,
              "expected 2 inputs (input, init_value), got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *init = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in && init && out, "an input or the output is missing");
  KERN_ENSURE(ctx, kern_type_bytes(in->type) > 0,
              "input type %s is not supported (any fixed-size type)",
              kern_type_name(in->type));
  KERN_ENSURE(ctx, init->type == in->type && out->type == in->type,
              "init_value (%s) and output (%s) must have the input type %s",
              kern_type_name(init->type), kern_type_name(out->type),
              kern_type_name(in->type));
  KERN_ENSURE(ctx, kern_num_elements(init) == 1,
              "init_value must be a single value");
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank >= 1 && rank <= SHLO_MAX_RANK,
              "input rank %d is not supported (1 to %d)", rank, SHLO_MAX_RANK);
  const tflc_options_ref *o =
      shlo_options(node, TFLC_BO2_STABLEHLO_REDUCE_WINDOW);
  KERN_OK(shlo_rw_attr(ctx, o, 0, "window_dimensions", rank, 1, d->win));
  KERN_OK(shlo_rw_attr(ctx, o, 1, "window_strides", rank, 0, d->stride));
  KERN_OK(shlo_rw_attr(ctx, o, 2, "base_dilations", rank, 0, d->base_dil));
  KERN_OK(shlo_rw_attr(ctx, o, 3, "window_dilations", rank, 0, d->win_dil));
  int64_t pad[2 * SHLO_MAX_RANK];
  int n_pad = 0;
  KERN_OK(shlo_opt_dims(ctx, o, 4, "padding", pad, 2 * SHLO_MAX_RANK, &n_pad));
  KERN_ENSURE(ctx, n_pad == 0 || n_pad == 2 * rank,
              "padding has %d entries, expected %d (low, high per dimension)",
              n_pad, 2 * rank);
  d->rank = rank;
  size_t s = 1;
  for (int i = rank - 1; i >= 0; i--) {
    int64_t lo = n_pad ? pad[2 * i] : 0, hi = n_pad ? pad[2 * i + 1] : 0;
    KERN_ENSURE(ctx,
                lo >= -INT32_MAX && lo <= INT32_MAX && hi >= -INT32_MAX &&
                    hi <= INT32_MAX,
                "padding of dimension %d is out of range", i);
    int64_t x = kern_dim(in, i);
    int64_t padded = lo + hi + (x > 0 ? (x - 1) * d->base_dil[i] + 1 : 0);
    KERN_ENSURE(ctx, padded >= 0,
                "padding crops dimension %d below zero elements", i);
    int64_t span = (d->win[i] - 1) * d->win_dil[i] + 1;
    int64_t od = padded < span ? 0 : (padded - span) / d->stride[i] + 1;
    KERN_ENSURE(ctx, od <= INT32_MAX, "output dimension %d is too large", i);
    d->out_dims[i] = (int)od;
    d->in_dims[i] = (int)x;
    d->pad_lo[i] = lo;
    d->in_stride[i] = s;
    s *= (size_t)x;
  }
  int body_index = o ? opt_i32(o, 5, -1) : -1;
  KERN_OK(shlo_body_prepare(ctx, &d->body, body_index, in->type,
                            "STABLEHLO_REDUCE_WINDOW body"));
  return kern_resize_output(ctx, out, d->out_dims, rank);
}

static TfLiteStatus shlo_rw_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const shlo_rw_data *d = node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *init = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t total = kern_num_elements(out);
  if (total == 0) return kTfLiteOk;
  shlo_body_run run;
  KERN_OK(shlo_body_begin(ctx, &d->body, &run));
  size_t elem = d->body.elem;
  int r = d->rank;
  size_t taps = 1;
  for (int i = 0; i < r; i++) taps *= (size_t)d->win[i];
  int oc[SHLO_MAX_RANK] = {0};
  for (size_t e = 0; e < total; e++) {
    char *acc = out->data.raw + e * elem;
    memcpy(acc, init->data.raw_const, elem);
    int64_t wc[SHLO_MAX_RANK] = {0};
    for (size_t t = 0; t < taps; t++) {
      /* padded coordinate -> dilated input coordinate -> input element */
      size_t off = 0;
      int inside = 1;
      for (int i = 0; i < r && inside; i++) {
        int64_t q = (int64_t)oc[i] * d->stride[i] + wc[i] * d->win_dil[i] -
                    d->pad_lo[i];
        if (q < 0 || q % d->base_dil[i] != 0 ||
            q / d->base_dil[i] >= d->in_dims[i])
          inside = 0;
        else
          off += (size_t)(q / d->base_dil[i]) * d->in_stride[i];
      }
      const char *v =
          inside ? in->data.raw_const + off * elem : init->data.raw_const;
      KERN_OK(shlo_body_apply(&run, acc, v));
      for (int i = r - 1; i >= 0; i--) {
        if (++wc[i] < d->win[i]) break;
        wc[i] = 0;
      }
    }
    for (int i = r - 1; i >= 0; i--) {
      if (++oc[i] < d->out_dims[i]) break;
      oc[i] = 0;
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_stablehlo_reduce_window = {
    .init = shlo_rw_init,
    .prepare = shlo_rw_prepare,
    .invoke = shlo_rw_invoke,
    .builtin_code = TFLC_OP_STABLEHLO_REDUCE_WINDOW,
    .version = 1,
};
