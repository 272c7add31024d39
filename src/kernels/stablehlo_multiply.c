/* STABLEHLO_MULTIPLY: elementwise product of two tensors of the same
 * type and shape (no options; semantics and types in
 * internal/stablehlo_ew.h). */
#include "kernels/internal/stablehlo_ew.h"

static TfLiteStatus shlo_multiply_prepare(TfLiteContext *ctx,
                                          TfLiteNode *node) {
  return shlo_ew_prepare(ctx, node, SHLO_EW_MUL);
}

static TfLiteStatus shlo_multiply_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return shlo_ew_invoke(ctx, node, SHLO_EW_MUL);
}

const TfLiteRegistration kern_stablehlo_multiply = {
    .prepare = shlo_multiply_prepare,
    .invoke = shlo_multiply_invoke,
    .builtin_code = TFLC_OP_STABLEHLO_MULTIPLY,
    .version = 1,
};
