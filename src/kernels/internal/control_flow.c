/* Helpers of the control-flow kernels: the lists of values passed to a
 * called subgraph, preparing it for the shapes it is given, and copying
 * tensors in and out of it. */
#include "kernels/internal/control_flow.h"

#include "kernels/kernel_util.h"

TfLiteStatus cf_prepare_callee(TfLiteContext *ctx, tflc_subgraph *callee,
                               int callee_index, const char *what,
                               TfLiteTensor *const *args, int n) {
  KERN_ENSURE(ctx, callee != NULL,
              "%s subgraph %d does not exist (the model has %d subgraphs)",
              what, callee_index, tflc_subgraph_count(ctx));
  KERN_ENSURE(ctx, callee != tflc_ctx_subgraph(ctx),
              "%s subgraph %d is the calling subgraph itself", what,
              callee_index);
  KERN_ENSURE(ctx, tflc_sg_input_count(callee) == n,
              "%s subgraph %d takes %d inputs but is given %d", what,
              callee_index, tflc_sg_input_count(callee), n);
  for (int i = 0; i < n; i++) {
    TfLiteTensor *in = tflc_sg_input(callee, i);
    KERN_ENSURE(ctx, in->type == args[i]->type,
                "%s subgraph %d input %d is %s but is given %s", what,
                callee_index, i, kern_type_name(in->type),
                kern_type_name(args[i]->type));
    KERN_OK(tflc_sg_resize_input(callee, i, args[i]->dims->data,
                                 args[i]->dims->size));
  }
  TfLiteStatus s = tflc_sg_allocate(callee);
  KERN_ENSURE(ctx, s == kTfLiteOk, "preparing %s subgraph %d failed", what,
              callee_index);
  return kTfLiteOk;
}

TfLiteStatus cf_copy_in(TfLiteContext *ctx, tflc_subgraph *callee,
                        TfLiteTensor *const *args, int n) {
  for (int i = 0; i < n; i++)
    KERN_OK(tflc_copy_tensor_data(ctx, tflc_sg_input(callee, i), args[i]));
  return kTfLiteOk;
}

TfLiteStatus cf_check_outputs(TfLiteContext *ctx, tflc_subgraph *callee,
                              const char *what, TfLiteTensor *const *dst,
                              int n) {
  KERN_ENSURE(ctx, tflc_sg_output_count(callee) == n,
              "%s subgraph gives %d outputs, expected %d", what,
              tflc_sg_output_count(callee), n);
  for (int i = 0; i < n; i++) {
    const TfLiteTensor *o = tflc_sg_output(callee, i);
    KERN_ENSURE(ctx, o->type == dst[i]->type, "%s output %d is %s, expected %s",
                what, i, kern_type_name(o->type), kern_type_name(dst[i]->type));
    KERN_ENSURE(ctx, TfLiteIntArrayEqual(o->dims, dst[i]->dims),
                "%s output %d changes shape between iterations or branches; "
                "dynamic shapes in control flow "
                "are not supported yet",
                what, i);
  }
  return kTfLiteOk;
}

TfLiteStatus cf_copy_out(TfLiteContext *ctx, tflc_subgraph *callee,
                         TfLiteTensor *const *dst, int n) {
  for (int i = 0; i < n; i++)
    KERN_OK(tflc_copy_tensor_data(ctx, dst[i], tflc_sg_output(callee, i)));
  return kTfLiteOk;
}

TfLiteStatus cf_reserve_lists(TfLiteContext *ctx, TfLiteTensor ***args,
                              int have_args, int na, TfLiteTensor ***outs,
                              int have_outs, int no) {
  if (!*args || have_args < na || have_outs < no) {
    *args = ctx->AllocatePersistentBuffer(
        ctx, sizeof(TfLiteTensor *) * (size_t)(na ? na : 1));
    *outs = ctx->AllocatePersistentBuffer(
        ctx, sizeof(TfLiteTensor *) * (size_t)(no ? no : 1));
    KERN_ENSURE(ctx, *args && *outs, "out of memory");
  }
  return kTfLiteOk;
}
