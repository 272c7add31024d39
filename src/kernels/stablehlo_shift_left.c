/* STABLEHLO_SHIFT_LEFT: elementwise left shift of input 0 by input 1 bits,
 * two tensors of the same type and shape (no options; semantics and types
 * in internal/stablehlo_ew.h). */
#include "kernels/internal/stablehlo_ew.h"

static TfLiteStatus shlo_shift_left_prepare(TfLiteContext *ctx,
                                            TfLiteNode *node) {
  return shlo_ew_prepare(ctx, node, SHLO_EW_SHL);
}

static TfLiteStatus shlo_shift_left_invoke(TfLiteContext *ctx,
                                           TfLiteNode *node) {
  return shlo_ew_invoke(ctx, node, SHLO_EW_SHL);
}

const TfLiteRegistration kern_stablehlo_shift_left = {
    .prepare = shlo_shift_left_prepare,
    .invoke = shlo_shift_left_invoke,
    .builtin_code = TFLC_OP_STABLEHLO_SHIFT_LEFT,
    .version = 1,
};
