/* UNSORTED_SEGMENT_MAX: out[s] = the max of every data slice whose
 * segment id is s; see kernels/internal/segment.h for the inputs, types,
 * identities of empty segments and the id rules. */
#include "kernels/internal/segment.h"

static TfLiteStatus unsorted_segment_max_invoke(TfLiteContext *ctx,
                                                TfLiteNode *node) {
  return kern_unsorted_segment_invoke(ctx, node, KERN_SEGMENT_MAX);
}

const TfLiteRegistration kern_unsorted_segment_max = {
    .prepare = kern_unsorted_segment_prepare,
    .invoke = unsorted_segment_max_invoke,
    .builtin_code = TFLC_OP_UNSORTED_SEGMENT_MAX,
    .version = 1,
};
