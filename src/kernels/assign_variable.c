/* ASSIGN_VARIABLE: stores input 1 into the resource variable whose handle
 * is input 0. */
#include "core/subgraph_api.h"
#include "kernels/kernel_util.h"

static TfLiteStatus assign_variable_prepare(TfLiteContext *ctx,
                                            TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2,
              "ASSIGN_VARIABLE takes 2 inputs");
  const TfLiteTensor *h = kern_input(ctx, node, 0);
  KERN_ENSURE(ctx, h && (h->type == kTfLiteResource || h->type == kTfLiteInt32),
              "ASSIGN_VARIABLE input 0 must be a RESOURCE handle");
  KERN_ENSURE(ctx, kern_input(ctx, node, 1) != NULL,
              "ASSIGN_VARIABLE needs a value");
  KERN_ENSURE(ctx, kern_input(ctx, node, 1)->type != kTfLiteString,
              "string variables are not supported yet");
  return kTfLiteOk;
}

static TfLiteStatus assign_variable_invoke(TfLiteContext *ctx,
                                           TfLiteNode *node) {
  int id = kern_input(ctx, node, 0)->data.i32[0];
  return tflc_resource_assign(ctx, id, kern_input(ctx, node, 1));
}

const TfLiteRegistration kern_assign_variable = {
    .prepare = assign_variable_prepare, .invoke = assign_variable_invoke};
