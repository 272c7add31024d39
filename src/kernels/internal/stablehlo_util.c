/* Options, dimension lists and scalar body subgraphs of the StableHLO
 * kernels (see stablehlo_util.h). */
#include "kernels/internal/stablehlo_util.h"

#include "kernels/internal/tensor_copy.h"

const tflc_options_ref *shlo_options(const TfLiteNode *node, uint8_t type2) {
  const tflc_options_ref *o = kern_options(node);
  return o && o->is_options2 && o->type == type2 && o->table ? o : NULL;
}

TfLiteStatus shlo_opt_dims(TfLiteContext *ctx, const tflc_options_ref *o,
                           int field, const char *name, int64_t *out, int max,
                           int *n) {
  *n = 0;
  if (!o) return kTfLiteOk;
  int32_t len = opt_vec_i64(o, field, out, max);
  KERN_ENSURE(ctx, len >= 0, "%s is malformed", name);
  KERN_ENSURE(ctx, len <= max, "%s has %d entries, at most %d are supported",
              name, (int)len, max);
  *n = (int)len;
  return kTfLiteOk;
}

TfLiteStatus shlo_check_dims(TfLiteContext *ctx, const char *name,
                             const int64_t *v, int n, int64_t bound,
                             int sorted) {
  for (int i = 0; i < n; i++) {
    KERN_ENSURE(ctx, v[i] >= 0 && v[i] < bound,
                "%s[%d] = %lld is not a dimension in [0, %lld)", name, i,
                (long long)v[i], (long long)bound);
    for (int j = 0; j < i; j++)
      KERN_ENSURE(ctx, v[j] != v[i], "%s repeats dimension %lld", name,
                  (long long)v[i]);
    KERN_ENSURE(ctx, !sorted || i == 0 || v[i - 1] < v[i], "%s must be sorted",
                name);
  }
  return kTfLiteOk;
}

TfLiteStatus shlo_body_prepare(TfLiteContext *ctx, shlo_body *b, int index,
                               TfLiteType type, const char *what) {
  tflc_subgraph *sg = tflc_ctx_other_subgraph(ctx, index);
  KERN_ENSURE(ctx, sg != NULL,
              "%s subgraph %d does not exist (the model has %d subgraphs)",
              what, index, tflc_subgraph_count(ctx));
  KERN_ENSURE(ctx, sg != tflc_ctx_subgraph(ctx),
              "%s subgraph %d is the calling subgraph itself", what, index);
  KERN_ENSURE(
      ctx, tflc_sg_input_count(sg) == 2 && tflc_sg_output_count(sg) == 1,
      "%s subgraph %d must take 2 inputs and give 1 output (it has %d and %d)",
      what, index, tflc_sg_input_count(sg), tflc_sg_output_count(sg));
  for (int i = 0; i < 2; i++) {
    TfLiteTensor *in = tflc_sg_input(sg, i);
    KERN_ENSURE(ctx, in->type == type,
                "%s subgraph %d input %d is %s, expected %s", what, index, i,
                kern_type_name(in->type), kern_type_name(type));
    KERN_OK(tflc_sg_resize_input(sg, i, NULL, 0));
  }
  TfLiteStatus s = tflc_sg_allocate(sg);
  KERN_ENSURE(ctx, s == kTfLiteOk, "preparing %s subgraph %d failed", what,
              index);
  const TfLiteTensor *out = tflc_sg_output(sg, 0);
  KERN_ENSURE(
      ctx, out->type == type && kern_num_elements(out) == 1,
      "%s subgraph %d must give one %s value (it gives %s with %zu elements)",
      what, index, kern_type_name(type), kern_type_name(out->type),
      kern_num_elements(out));
  b->index = index;
  b->elem = kern_type_bytes(type);
  KERN_ENSURE(ctx, b->elem > 0, "type %s is not supported",
              kern_type_name(type));
  b->kind = out == tflc_sg_input(sg, 0)   ? SHLO_BODY_LHS
            : out == tflc_sg_input(sg, 1) ? SHLO_BODY_RHS
                                          : SHLO_BODY_RUN;
  return kTfLiteOk;
}

TfLiteStatus shlo_body_begin(TfLiteContext *ctx, const shlo_body *b,
                             shlo_body_run *r) {
  r->kind = b->kind;
  r->elem = b->elem;
  r->sg = tflc_ctx_other_subgraph(ctx, b->index);
  KERN_ENSURE(ctx, r->sg != NULL, "body subgraph %d does not exist", b->index);
  r->in0 = tflc_sg_input(r->sg, 0)->data.raw;
  r->in1 = tflc_sg_input(r->sg, 1)->data.raw;
  KERN_ENSURE(ctx, r->kind != SHLO_BODY_RUN || (r->in0 && r->in1),
              "body subgraph %d has no input memory", b->index);
  return kTfLiteOk;
}
