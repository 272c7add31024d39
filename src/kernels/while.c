/* WHILE: runs the body subgraph while the cond subgraph returns true, on
 * loop-carried values (WhileOptions: cond_subgraph_index 0,
 * body_subgraph_index 1). The node's outputs hold the loop state; values
 * keep their shapes across iterations (dynamic shapes are refused). */
#include "kernels/internal/control_flow.h"
#include "kernels/kernel_util.h"

typedef struct while_data {
  int cond_index, body_index;
  int n;
  TfLiteTensor **inputs;
  TfLiteTensor **outputs;
} while_data;

KERN_OP_DATA_INIT(while_init, while_data)

static TfLiteStatus while_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  while_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "out of memory");
  const tflc_options_ref *o = kern_options(node);
  d->cond_index = opt_i32(o, 0, -1);
  d->body_index = opt_i32(o, 1, -1);
  int n = kern_num_inputs(node);
  KERN_ENSURE(ctx, kern_num_outputs(node) == n,
              "WHILE has %d inputs but %d outputs", n, kern_num_outputs(node));
  KERN_OK(cf_reserve_lists(ctx, &d->inputs, d->n, n, &d->outputs, d->n, n));
  d->n = n;
  for (int i = 0; i < n; i++) {
    d->inputs[i] = kern_input(ctx, node, i);
    d->outputs[i] = kern_output(ctx, node, i);
    KERN_ENSURE(ctx, d->inputs[i] && d->outputs[i],
                "WHILE input or output %d is missing", i);
    KERN_ENSURE(ctx, d->inputs[i]->type == d->outputs[i]->type,
                "WHILE input %d is %s but output %d is %s", i,
                kern_type_name(d->inputs[i]->type), i,
                kern_type_name(d->outputs[i]->type));
    KERN_OK(kern_resize_like(ctx, d->outputs[i], d->inputs[i]));
  }
  tflc_subgraph *cond = tflc_ctx_other_subgraph(ctx, d->cond_index);
  tflc_subgraph *body = tflc_ctx_other_subgraph(ctx, d->body_index);
  KERN_OK(
      cf_prepare_callee(ctx, cond, d->cond_index, "WHILE cond", d->inputs, n));
  KERN_ENSURE(ctx, tflc_sg_output_count(cond) == 1,
              "WHILE cond subgraph must have 1 output, has %d",
              tflc_sg_output_count(cond));
  const TfLiteTensor *c = tflc_sg_output(cond, 0);
  KERN_ENSURE(ctx, c->type == kTfLiteBool && kern_num_elements(c) == 1,
              "WHILE cond subgraph output must be a single BOOL, is %s with "
              "%zu elements",
              kern_type_name(c->type), kern_num_elements(c));
  KERN_OK(
      cf_prepare_callee(ctx, body, d->body_index, "WHILE body", d->inputs, n));
  KERN_OK(cf_check_outputs(ctx, body, "WHILE body", d->outputs, n));
  return kTfLiteOk;
}

static TfLiteStatus while_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  while_data *d = node->user_data;
  tflc_subgraph *cond = tflc_ctx_other_subgraph(ctx, d->cond_index);
  tflc_subgraph *body = tflc_ctx_other_subgraph(ctx, d->body_index);
  for (int i = 0; i < d->n; i++)
    KERN_OK(tflc_copy_tensor_data(ctx, d->outputs[i], d->inputs[i]));
  for (;;) {
    KERN_ENSURE(ctx, !tflc_ctx_cancelled(ctx), "WHILE loop cancelled");
    KERN_OK(cf_copy_in(ctx, cond, d->outputs, d->n));
    KERN_OK(tflc_sg_invoke(cond));
    if (!tflc_sg_output(cond, 0)->data.b[0]) break;
    KERN_OK(cf_copy_in(ctx, body, d->outputs, d->n));
    KERN_OK(tflc_sg_invoke(body));
    KERN_OK(cf_copy_out(ctx, body, d->outputs, d->n));
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_while = {
    .init = while_init, .prepare = while_prepare, .invoke = while_invoke};
