/* STABLEHLO_COMPOSITE: a named composite op whose meaning is its
 * decomposition subgraph (StableHLOCompositeOptions, builtin_options_2:
 * name 0, decomposition_subgraph_index 1, composite_attributes 2,
 * composite_attributes_format 3, version 4). tflc runs the decomposition:
 * the node's inputs go to that subgraph's inputs, its outputs come back. */
#include "kernels/internal/control_flow.h"
#include "kernels/kernel_util.h"

typedef struct composite_data {
  int subgraph;
  int n_in, n_out;
  TfLiteTensor **inputs;
  TfLiteTensor **outputs;
} composite_data;

KERN_OP_DATA_INIT(composite_init, composite_data)

static TfLiteStatus composite_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  composite_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "out of memory");
  const tflc_options_ref *o = kern_options(node);
  KERN_ENSURE(ctx, o->is_options2 && o->type == TFLC_BO2_STABLEHLO_COMPOSITE,
              "StableHLOCompositeOptions are missing");
  d->subgraph = opt_i32(o, 1, -1);
  int ni = kern_num_inputs(node), no = kern_num_outputs(node);
  KERN_OK(cf_reserve_lists(ctx, &d->inputs, d->n_in, ni, &d->outputs, d->n_out,
                           no));
  d->n_in = ni;
  d->n_out = no;
  for (int i = 0; i < ni; i++) {
    d->inputs[i] = kern_input(ctx, node, i);
    KERN_ENSURE(ctx, d->inputs[i] != NULL, "input %d is missing", i);
  }
  tflc_subgraph *callee = tflc_ctx_other_subgraph(ctx, d->subgraph);
  KERN_OK(cf_prepare_callee(ctx, callee, d->subgraph,
                            "STABLEHLO_COMPOSITE decomposition", d->inputs,
                            ni));
  KERN_ENSURE(ctx, tflc_sg_output_count(callee) == no,
              "decomposition subgraph %d gives %d outputs, the node has %d",
              d->subgraph, tflc_sg_output_count(callee), no);
  for (int i = 0; i < no; i++) {
    d->outputs[i] = kern_output(ctx, node, i);
    KERN_OK(kern_resize_like(ctx, d->outputs[i], tflc_sg_output(callee, i)));
  }
  return cf_check_outputs(ctx, callee, "STABLEHLO_COMPOSITE decomposition",
                          d->outputs, no);
}

static TfLiteStatus composite_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  composite_data *d = node->user_data;
  tflc_subgraph *callee = tflc_ctx_other_subgraph(ctx, d->subgraph);
  KERN_OK(cf_copy_in(ctx, callee, d->inputs, d->n_in));
  KERN_OK(tflc_sg_invoke(callee));
  return cf_copy_out(ctx, callee, d->outputs, d->n_out);
}

const TfLiteRegistration kern_stablehlo_composite = {
    .init = composite_init,
    .prepare = composite_prepare,
    .invoke = composite_invoke};
