/* UNSORTED_SEGMENT_PROD: out[s] = the prod of every data slice whose
 * segment id is s; see kernels/internal/segment.h for the inputs, types,
 * identities of empty segments and the id rules. */
#include "kernels/internal/segment.h"

static TfLiteStatus unsorted_segment_prod_invoke(TfLiteContext *ctx,
                                                 TfLiteNode *node) {
  return kern_unsorted_segment_invoke(ctx, node, KERN_SEGMENT_PROD);
}

const TfLiteRegistration kern_unsorted_segment_prod = {
    .prepare = kern_unsorted_segment_prepare,
    .invoke = unsorted_segment_prod_invoke,
    .builtin_code = TFLC_OP_UNSORTED_SEGMENT_PROD,
    .version = 1,
};
