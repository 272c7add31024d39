/* IF: runs the then or else subgraph on inputs 1..n according to the BOOL
 * input 0 (IfOptions: then_subgraph_index 0, else_subgraph_index 1). Both
 * branches must give outputs of the node's static shapes. */
#include "kernels/internal/control_flow.h"
#include "kernels/kernel_util.h"

typedef struct if_data {
  int then_index, else_index;
  int n_args, n_out;
  TfLiteTensor **args;
  TfLiteTensor **outputs;
} if_data;

KERN_OP_DATA_INIT(if_init, if_data)

static TfLiteStatus if_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  if_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "out of memory");
  const tflc_options_ref *o = kern_options(node);
  d->then_index = opt_i32(o, 0, -1);
  d->else_index = opt_i32(o, 1, -1);
  KERN_ENSURE(ctx, kern_num_inputs(node) >= 1, "IF needs a condition input");
  const TfLiteTensor *cond = kern_input(ctx, node, 0);
  KERN_ENSURE(ctx,
              cond && cond->type == kTfLiteBool && kern_num_elements(cond) == 1,
              "IF condition must be a single BOOL");
  int na = kern_num_inputs(node) - 1, no = kern_num_outputs(node);
  KERN_OK(cf_reserve_lists(ctx, &d->args, d->n_args, na, &d->outputs, d->n_out,
                           no));
  d->n_args = na;
  d->n_out = no;
  for (int i = 0; i < na; i++) {
    d->args[i] = kern_input(ctx, node, i + 1);
    KERN_ENSURE(ctx, d->args[i] != NULL, "IF input %d is missing", i + 1);
  }
  for (int i = 0; i < no; i++) d->outputs[i] = kern_output(ctx, node, i);
  int idx[2] = {d->then_index, d->else_index};
  const char *names[2] = {"IF then", "IF else"};
  for (int b = 0; b < 2; b++) {
    tflc_subgraph *branch = tflc_ctx_other_subgraph(ctx, idx[b]);
    KERN_OK(cf_prepare_callee(ctx, branch, idx[b], names[b], d->args, na));
    KERN_ENSURE(ctx, tflc_sg_output_count(branch) == no,
                "%s subgraph gives %d outputs, the node has %d", names[b],
                tflc_sg_output_count(branch), no);
    for (int i = 0; i < no; i++) {
      const TfLiteTensor *bo = tflc_sg_output(branch, i);
      if (b == 0) KERN_OK(kern_resize_like(ctx, d->outputs[i], bo));
    }
    KERN_OK(cf_check_outputs(ctx, branch, names[b], d->outputs, no));
  }
  return kTfLiteOk;
}

static TfLiteStatus if_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  if_data *d = node->user_data;
  bool cond = kern_input(ctx, node, 0)->data.b[0];
  tflc_subgraph *branch =
      tflc_ctx_other_subgraph(ctx, cond ? d->then_index : d->else_index);
  KERN_OK(cf_copy_in(ctx, branch, d->args, d->n_args));
  KERN_OK(tflc_sg_invoke(branch));
  return cf_copy_out(ctx, branch, d->outputs, d->n_out);
}

const TfLiteRegistration kern_if = {
    .init = if_init, .prepare = if_prepare, .invoke = if_invoke};
