/* NON_MAX_SUPPRESSION_V4 / _V5 kernels (see nms_kernel.h), float32, with
 * TensorFlow Lite's contract: inputs boxes [n, 4] (y1, x1, y2, x2), scores
 * [n], max_output_size (INT32 scalar), iou_threshold and score_threshold
 * (FLOAT32 scalars), and for V5 soft_nms_sigma (FLOAT32 scalar, >= 0).
 * selected_indices (INT32) and, for V5, selected_scores (FLOAT32) always
 * have max_output_size elements: the first valid_outputs are the
 * selections, the rest are zeros. valid_outputs is an INT32 scalar. With a
 * constant max_output_size the outputs are sized at prepare; otherwise they
 * are dynamic and sized at invoke. The heap of candidates is arena scratch
 * (n entries). */
#include "kernels/internal/nms_kernel.h"

#include <string.h>

#include "kernels/internal/nms.h"

enum {
  kBoxes = 0,
  kScores = 1,
  kMaxOut = 2,
  kIou = 3,
  kScoreThr = 4,
  kSigma = 5
};

typedef struct nms_data {
  int scratch_idx; /* -1 when there are no boxes */
} nms_data;

void *kern_nms_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  nms_data *d = ctx->AllocatePersistentBuffer(ctx, sizeof(nms_data));
  if (d) d->scratch_idx = -1;
  return d;
}

static TfLiteStatus check_scalar(TfLiteContext *ctx, const TfLiteTensor *t,
                                 TfLiteType type, const char *what) {
  KERN_ENSURE(ctx, t != NULL, "%s is missing", what);
  KERN_ENSURE(ctx, t->type == type, "%s type %s is not supported (%s)", what,
              kern_type_name(t->type), kern_type_name(type));
  KERN_ENSURE(ctx, kern_num_elements(t) == 1,
              "%s must be a scalar, it has %zu elements", what,
              kern_num_elements(t));
  return kTfLiteOk;
}

TfLiteStatus kern_nms_prepare(TfLiteContext *ctx, TfLiteNode *node, int soft) {
  nms_data *d = (nms_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  const int want_in = soft ? 6 : 5, want_out = soft ? 3 : 2;
  KERN_ENSURE(ctx, kern_num_inputs(node) == want_in,
              "expected %d inputs, got %d", want_in, kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == want_out,
              "expected %d outputs, got %d", want_out, kern_num_outputs(node));
  const TfLiteTensor *boxes = kern_input(ctx, node, kBoxes);
  const TfLiteTensor *scores = kern_input(ctx, node, kScores);
  const TfLiteTensor *max_out = kern_input(ctx, node, kMaxOut);
  KERN_ENSURE(ctx, boxes != NULL, "boxes input is missing");
  KERN_ENSURE(ctx, scores != NULL, "scores input is missing");
  KERN_ENSURE(ctx, boxes->type == kTfLiteFloat32,
              "boxes type %s is not supported (FLOAT32)",
              kern_type_name(boxes->type));
  KERN_ENSURE(ctx, kern_ndims(boxes) == 2 && kern_dim(boxes, 1) == 4,
              "boxes must have shape [num_boxes, 4]");
  const int n = kern_dim(boxes, 0);
  KERN_ENSURE(ctx, scores->type == kTfLiteFloat32,
              "scores type %s is not supported (FLOAT32)",
              kern_type_name(scores->type));
  KERN_ENSURE(ctx, kern_ndims(scores) == 1 && kern_dim(scores, 0) == n,
              "scores must have shape [%d] (one per box)", n);
  KERN_OK(check_scalar(ctx, max_out, kTfLiteInt32, "max_output_size"));
  KERN_OK(check_scalar(ctx, kern_input(ctx, node, kIou), kTfLiteFloat32,
                       "iou_threshold"));
  KERN_OK(check_scalar(ctx, kern_input(ctx, node, kScoreThr), kTfLiteFloat32,
                       "score_threshold"));
  if (soft) {
    const TfLiteTensor *sigma = kern_input(ctx, node, kSigma);
    KERN_OK(check_scalar(ctx, sigma, kTfLiteFloat32, "soft_nms_sigma"));
    if (kern_is_constant(sigma))
      KERN_ENSURE(ctx, sigma->data.f[0] >= 0.0f,
                  "soft_nms_sigma %g is negative", (double)sigma->data.f[0]);
  }
  TfLiteTensor *sel = kern_output(ctx, node, 0);
  TfLiteTensor *sel_scores = soft ? kern_output(ctx, node, 1) : NULL;
  TfLiteTensor *valid = kern_output(ctx, node, soft ? 2 : 1);
  KERN_ENSURE(ctx, sel != NULL && valid != NULL && (!soft || sel_scores),
              "an output is missing");
  KERN_ENSURE(ctx, sel->type == kTfLiteInt32,
              "selected_indices type %s is not supported (INT32)",
              kern_type_name(sel->type));
  KERN_ENSURE(ctx, valid->type == kTfLiteInt32,
              "valid_outputs type %s is not supported (INT32)",
              kern_type_name(valid->type));
  if (soft)
    KERN_ENSURE(ctx, sel_scores->type == kTfLiteFloat32,
                "selected_scores type %s is not supported (FLOAT32)",
                kern_type_name(sel_scores->type));
  KERN_OK(kern_resize_output(ctx, valid, NULL, 0));
  if (kern_is_constant(max_out)) {
    const int32_t m = max_out->data.i32[0];
    KERN_ENSURE(ctx, m >= 0, "max_output_size %d is negative", (int)m);
    const int dims[1] = {(int)m};
    KERN_OK(kern_resize_output(ctx, sel, dims, 1));
    if (soft) KERN_OK(kern_resize_output(ctx, sel_scores, dims, 1));
  } else {
    kern_set_dynamic(sel);
    if (soft) kern_set_dynamic(sel_scores);
  }
  d->scratch_idx = -1;
  if (n > 0)
    KERN_OK(ctx->RequestScratchBufferInArena(
        ctx, (size_t)n * sizeof(kern_nms_cand), &d->scratch_idx));
  return kTfLiteOk;
}

TfLiteStatus kern_nms_invoke(TfLiteContext *ctx, TfLiteNode *node, int soft) {
  nms_data *d = (nms_data *)node->user_data;
  const TfLiteTensor *boxes = kern_input(ctx, node, kBoxes);
  const TfLiteTensor *scores = kern_input(ctx, node, kScores);
  const int32_t m = kern_input(ctx, node, kMaxOut)->data.i32[0];
  const float iou = kern_input(ctx, node, kIou)->data.f[0];
  const float score_thr = kern_input(ctx, node, kScoreThr)->data.f[0];
  float sigma = 0.0f;
  TfLiteTensor *sel = kern_output(ctx, node, 0);
  TfLiteTensor *sel_scores = soft ? kern_output(ctx, node, 1) : NULL;
  TfLiteTensor *valid = kern_output(ctx, node, soft ? 2 : 1);
  KERN_ENSURE(ctx, m >= 0, "max_output_size %d is negative", (int)m);
  if (soft) {
    sigma = kern_input(ctx, node, kSigma)->data.f[0];
    KERN_ENSURE(ctx, sigma >= 0.0f, "soft_nms_sigma %g is negative",
                (double)sigma);
  }
  const int dims[1] = {(int)m};
  if (sel->allocation_type == kTfLiteDynamic)
    KERN_OK(kern_resize_output(ctx, sel, dims, 1));
  if (soft && sel_scores->allocation_type == kTfLiteDynamic)
    KERN_OK(kern_resize_output(ctx, sel_scores, dims, 1));
  KERN_ENSURE(ctx,
              kern_num_elements(sel) == (size_t)m &&
                  (!soft || kern_num_elements(sel_scores) == (size_t)m),
              "selected outputs do not have max_output_size (%d) elements",
              (int)m);
  const int n = kern_dim(boxes, 0);
  int count = 0;
  if (n > 0 && m > 0) {
    kern_nms_cand *heap =
        (kern_nms_cand *)ctx->GetScratchBuffer(ctx, d->scratch_idx);
    KERN_ENSURE(ctx, heap != NULL, "scratch buffer is missing");
    count = kern_nms_soft(boxes->data.f, n, scores->data.f, (int)m, iou,
                          score_thr, sigma, heap, sel->data.i32,
                          soft ? sel_scores->data.f : NULL);
  }
  for (int i = count; i < (int)m; i++) {
    sel->data.i32[i] = 0;
    if (soft) sel_scores->data.f[i] = 0.0f;
  }
  valid->data.i32[0] = count;
  return kTfLiteOk;
}
