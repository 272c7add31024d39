/* STABLEHLO_CASE: runs one of several branch subgraphs, chosen by input 0
 * (INT32 scalar); the other inputs are passed to the branch, its outputs
 * become the node's. StablehloCaseOptions (builtin_options_2):
 * branch_subgraph_indices 0. An index outside [0, branches) selects the
 * last branch (StableHLO spec). Every branch is prepared with the node's
 * inputs and must give outputs of the same types and shapes. */
#include "kernels/internal/control_flow.h"
#include "kernels/internal/stablehlo_util.h"

#define SHLO_CASE_MAX_BRANCHES 64

typedef struct shlo_case_data {
  int n_branches;
  int32_t branches[SHLO_CASE_MAX_BRANCHES];
  int n_args, n_out;
  TfLiteTensor **args;
  TfLiteTensor **outputs;
} shlo_case_data;

KERN_ZEROED_INIT(shlo_case_init, shlo_case_data)

static TfLiteStatus shlo_case_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  shlo_case_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  const tflc_options_ref *o = shlo_options(node, TFLC_BO2_STABLEHLO_CASE);
  int32_t n = o ? opt_vec_i32(o, 0, d->branches, SHLO_CASE_MAX_BRANCHES) : 0;
  KERN_ENSURE(ctx, n >= 0, "branch_subgraph_indices is malformed");
  KERN_ENSURE(ctx, n >= 1, "branch_subgraph_indices is empty");
  KERN_ENSURE(ctx, n <= SHLO_CASE_MAX_BRANCHES,
              "%d branches, at most %d are supported", (int)n,
              SHLO_CASE_MAX_BRANCHES);
  d->n_branches = (int)n;
  KERN_ENSURE(ctx, kern_num_inputs(node) >= 1,
              "STABLEHLO_CASE needs an index input");
  const TfLiteTensor *index = kern_input(ctx, node, 0);
  KERN_ENSURE(
      ctx,
      index && index->type == kTfLiteInt32 && kern_num_elements(index) == 1,
      "the branch index (input 0) must be a single INT32");
  int na = kern_num_inputs(node) - 1, no = kern_num_outputs(node);
  KERN_OK(cf_reserve_lists(ctx, &d->args, d->n_args, na, &d->outputs, d->n_out,
                           no));
  d->n_args = na;
  d->n_out = no;
  for (int i = 0; i < na; i++) {
    d->args[i] = kern_input(ctx, node, i + 1);
    KERN_ENSURE(ctx, d->args[i] != NULL, "input %d is missing", i + 1);
  }
  for (int i = 0; i < no; i++) {
    d->outputs[i] = kern_output(ctx, node, i);
    KERN_ENSURE(ctx, d->outputs[i] != NULL, "output %d is missing", i);
  }
  for (int b = 0; b < d->n_branches; b++) {
    tflc_subgraph *sg = tflc_ctx_other_subgraph(ctx, d->branches[b]);
    KERN_OK(cf_prepare_callee(ctx, sg, d->branches[b], "STABLEHLO_CASE branch",
                              d->args, na));
    KERN_ENSURE(ctx, tflc_sg_output_count(sg) == no,
                "branch subgraph %d gives %d outputs, the node has %d",
                d->branches[b], tflc_sg_output_count(sg), no);
    if (b == 0)
      for (int i = 0; i < no; i++)
        KERN_OK(kern_resize_like(ctx, d->outputs[i], tflc_sg_output(sg, i)));
    KERN_OK(cf_check_outputs(ctx, sg, "STABLEHLO_CASE branch", d->outputs, no));
  }
  return kTfLiteOk;
}

static TfLiteStatus shlo_case_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const shlo_case_data *d = node->user_data;
  int32_t i = kern_input(ctx, node, 0)->data.i32[0];
  if (i < 0 || i >= d->n_branches) i = d->n_branches - 1;
  tflc_subgraph *sg = tflc_ctx_other_subgraph(ctx, d->branches[i]);
  KERN_ENSURE(ctx, sg != NULL, "branch subgraph %d does not exist",
              d->branches[i]);
  KERN_OK(cf_copy_in(ctx, sg, d->args, d->n_args));
  KERN_OK(tflc_sg_invoke(sg));
  return cf_copy_out(ctx, sg, d->outputs, d->n_out);
}

const TfLiteRegistration kern_stablehlo_case = {
    .init = shlo_case_init,
    .prepare = shlo_case_prepare,
    .invoke = shlo_case_invoke,
    .builtin_code = TFLC_OP_STABLEHLO_CASE,
    .version = 1,
};
