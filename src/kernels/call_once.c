/* CALL_ONCE: runs the init subgraph (CallOnceOptions init_subgraph_index 0)
 * the first time the node is invoked; later invokes do nothing. Used to
 * initialize resource variables. */
#include "kernels/internal/control_flow.h"
#include "kernels/kernel_util.h"

typedef struct call_once_data {
  int init_index;
  bool done;
} call_once_data;

KERN_OP_DATA_INIT(call_once_init, call_once_data)

static TfLiteStatus call_once_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  call_once_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "out of memory");
  d->init_index = opt_i32(kern_options(node), 0, -1);
  KERN_ENSURE(ctx, kern_num_inputs(node) == 0 && kern_num_outputs(node) == 0,
              "CALL_ONCE takes no inputs and no outputs");
  tflc_subgraph *init = tflc_ctx_other_subgraph(ctx, d->init_index);
  KERN_OK(
      cf_prepare_callee(ctx, init, d->init_index, "CALL_ONCE init", NULL, 0));
  KERN_ENSURE(ctx, tflc_sg_output_count(init) == 0,
              "CALL_ONCE init subgraph must have no outputs, has %d",
              tflc_sg_output_count(init));
  return kTfLiteOk;
}

static TfLiteStatus call_once_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  call_once_data *d = node->user_data;
  if (d->done) return kTfLiteOk;
  KERN_OK(tflc_sg_invoke(tflc_ctx_other_subgraph(ctx, d->init_index)));
  d->done = true;
  return kTfLiteOk;
}

const TfLiteRegistration kern_call_once = {.init = call_once_init,
                                           .prepare = call_once_prepare,
                                           .invoke = call_once_invoke};
