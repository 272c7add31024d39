/* Custom op "TFLite_Detection_PostProcess" (SSD-style detection heads):
 * decodes box encodings against anchors, then runs multi-class
 * non-max-suppression, with TensorFlow Lite's semantics.
 *
 * Options: a FlexBuffers map in custom_options (schema/flexbuffers.h):
 * max_detections, max_classes_per_detection, detections_per_class (absent:
 * 100), use_regular_nms (absent: false), nms_score_threshold,
 * nms_iou_threshold, num_classes, y_scale, x_scale, h_scale, w_scale
 * (absent numbers read as 0, as FlexBuffers' null does).
 *
 * Inputs: box_encodings [1, n, >= 4] (y, x, h, w first), class_predictions
 * [1, n, num_classes (+1 with a leading background class)], anchors [n, 4]
 * (y, x, h, w); each FLOAT32 or UINT8 (dequantized with its scale and zero
 * point). Outputs (FLOAT32): detection_boxes [1, D, 4] (ymin, xmin, ymax,
 * xmax), detection_classes [1, D], detection_scores [1, D], num_detections
 * [1], D = max_detections * max_classes_per_detection.
 *
 * Decoding (in double, rounded to float): ycenter = y / y_scale * ah + ay,
 * xcenter = x / x_scale * aw + ax, half_h = 0.5 * exp(h / h_scale) * ah,
 * half_w likewise; a decoded box with ymin > ymax or xmin > xmax is an error.
 * Single-class NMS: scores >= nms_score_threshold, sorted decreasing (ties:
 * lower anchor first), greedy, a box is dropped when its IoU with a kept
 * box is > nms_iou_threshold.
 *  - fast (default): each anchor's top max_classes_per_detection classes
 *    (TensorFlow Lite's partial sort order; the first maximum when 1), NMS
 *    on each anchor's best score, max_detections anchors kept; entries of
 *    an anchor with fewer classes than max_classes_per_detection stay 0.
 *  - regular: NMS per class (min(detections_per_class, max_detections)
 *    per class), merged by decreasing score into one list (ties: earlier
 *    class first, then NMS order), max_detections kept.
 * Outputs past num_detections are zeros. Work memory is arena scratch.
 * Beyond TensorFlow Lite: anchors are checked to be [n, 4], UINT8 inputs to
 * have a valid per-tensor quantization (scale finite and > 0, zero point in
 * [0, 255]), and at most DP_MAX_ROWS output rows are accepted. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kernels/internal/nms.h"
#include "kernels/internal/quant_arith.h"
#include "kernels/kernel_util.h"
#include "schema/flexbuffers.h"

enum { kBoxEnc = 0, kClassPred = 1, kAnchors = 2 };

/* At most this many output rows (real models use a few hundred), so that
 * options cannot ask for gigabytes of output. */
#define DP_MAX_ROWS (1 << 20)
enum { kOutBoxes = 0, kOutClasses = 1, kOutScores = 2, kOutNum = 3 };

typedef struct dp_entry {
  int32_t index; /* anchor * classes_with_background + class + offset */
  float score;
} dp_entry;

/* Byte offsets of the work areas inside the scratch buffer. */
typedef struct dp_layout {
  size_t decoded, scores, keep_idx, keep_sc, sorted, tmp, active, selected;
  size_t class_scores, list, merge_tmp;  /* regular */
  size_t max_scores, class_idx, row_tmp; /* fast */
  size_t total;
} dp_layout;

typedef struct dp_data {
  char parse_error[128]; /* empty when the options parsed */
  int32_t max_detections, max_classes_per_detection, detections_per_class;
  int32_t num_classes;
  bool use_regular_nms;
  float score_threshold, iou_threshold;
  float y_scale, x_scale, h_scale, w_scale;
  int scratch_idx;
  dp_layout lay;
} dp_data;

static int32_t clamp_i32(int64_t v) {
  return v > INT32_MAX ? INT32_MAX : (v < INT32_MIN ? INT32_MIN : (int32_t)v);
}

/* Parses the options map; a failure is recorded for prepare to report. */
static void dp_parse(dp_data *d, const uint8_t *buf, size_t len) {
  flx_ref root;
  if (!buf || flx_root(buf, len, &root) != 0) {
    snprintf(d->parse_error, sizeof d->parse_error,
             "custom options (%zu bytes) are not a FlexBuffer", len);
    return;
  }
  if (flx_get_type(&root) != FLX_MAP) {
    snprintf(d->parse_error, sizeof d->parse_error,
             "custom options are a FlexBuffers %s, expected a map",
             flx_type_name(flx_get_type(&root)));
    return;
  }
  static const char *const int_keys[] = {"max_detections",
                                         "max_classes_per_detection",
                                         "detections_per_class", "num_classes"};
  int32_t *int_dst[] = {&d->max_detections, &d->max_classes_per_detection,
                        &d->detections_per_class, &d->num_classes};
  const int64_t int_dflt[] = {0, 0, 100, 0};
  for (int i = 0; i < 4; i++) {
    int64_t v;
    if (flx_map_i64(&root, int_keys[i], int_dflt[i], &v) != 0) {
      snprintf(d->parse_error, sizeof d->parse_error,
               "custom option %s is malformed or not a number", int_keys[i]);
      return;
    }
    *int_dst[i] = clamp_i32(v);
  }
  static const char *const f_keys[] = {"nms_score_threshold",
                                       "nms_iou_threshold",
                                       "y_scale",
                                       "x_scale",
                                       "h_scale",
                                       "w_scale"};
  float *f_dst[] = {&d->score_threshold, &d->iou_threshold, &d->y_scale,
                    &d->x_scale,         &d->h_scale,       &d->w_scale};
  for (int i = 0; i < 6; i++) {
    double v;
    if (flx_map_f64(&root, f_keys[i], 0.0, &v) != 0) {
      snprintf(d->parse_error, sizeof d->parse_error,
               "custom option %s is malformed or not a number", f_keys[i]);
      return;
    }
    *f_dst[i] = (float)v;
  }
  if (flx_map_bool(&root, "use_regular_nms", false, &d->use_regular_nms) != 0)
    snprintf(d->parse_error, sizeof d->parse_error,
             "custom option use_regular_nms is malformed");
}

static void *dp_init(TfLiteContext *ctx, const char *buf, size_t len) {
  dp_data *d = ctx->AllocatePersistentBuffer(ctx, sizeof(dp_data));
  if (!d) return NULL;
  memset(d, 0, sizeof *d);
  d->scratch_idx = -1;
  dp_parse(d, (const uint8_t *)buf, len);
  return d;
}

/* Appends `bytes` (8-aligned) to the layout; 0 on overflow. */
static int lay_add(size_t *total, size_t *at, size_t count, size_t elem) {
  if (count > (SIZE_MAX / 2) / (elem ? elem : 1)) return 0;
  size_t bytes = (count * elem + 7) & ~(size_t)7;
  if (*total > SIZE_MAX / 2 - bytes) return 0;
  *at = *total;
  *total += bytes;
  return 1;
}

static int dp_make_layout(const dp_data *d, size_t n, size_t ncb,
                          int quant_scores, dp_layout *l) {
  memset(l, 0, sizeof *l);
  size_t t = 0;
  int ok = n <= SIZE_MAX / 16 && lay_add(&t, &l->decoded, n * 4, sizeof(float));
  ok = ok && (!quant_scores || (ncb == 0 || n <= SIZE_MAX / 4 / ncb));
  ok = ok && lay_add(&t, &l->scores, quant_scores ? n * ncb : 0, sizeof(float));
  ok = ok && lay_add(&t, &l->keep_idx, n, sizeof(int32_t));
  ok = ok && lay_add(&t, &l->keep_sc, n, sizeof(float));
  ok = ok && lay_add(&t, &l->sorted, n, sizeof(int32_t));
  ok = ok && lay_add(&t, &l->tmp, n, sizeof(int32_t));
  ok = ok && lay_add(&t, &l->active, n, 1);
  ok = ok && lay_add(&t, &l->selected, n, sizeof(int32_t));
  if (d->use_regular_nms) {
    const size_t md = (size_t)d->max_detections;
    size_t per = (size_t)d->detections_per_class;
    if (per > md) per = md;
    ok = ok && lay_add(&t, &l->class_scores, n, sizeof(float));
    ok = ok && lay_add(&t, &l->list, md + per, sizeof(dp_entry));
    ok = ok && lay_add(&t, &l->merge_tmp, md, sizeof(dp_entry));
  } else {
    size_t k = (size_t)d->max_classes_per_detection;
    if (k > (size_t)d->num_classes) k = (size_t)d->num_classes;
    ok = ok && lay_add(&t, &l->max_scores, n, sizeof(float));
    ok = ok && (k == 0 || n <= SIZE_MAX / 8 / k);
    ok = ok && lay_add(&t, &l->class_idx, n * k, sizeof(int32_t));
    ok =
        ok && lay_add(&t, &l->row_tmp, (size_t)d->num_classes, sizeof(int32_t));
  }
  l->total = t;
  return ok;
}

static TfLiteStatus check_input(TfLiteContext *ctx, const TfLiteTensor *t,
                                const char *what) {
  KERN_ENSURE(ctx, t != NULL, "%s input is missing", what);
  KERN_ENSURE(ctx, t->type == kTfLiteFloat32 || t->type == kTfLiteUInt8,
              "%s type %s is not supported (FLOAT32, UINT8)", what,
              kern_type_name(t->type));
  /* UINT8 values are dequantized as (q - zero_point) * scale, the
   * subtraction in int32: the parameters must be a valid per-tensor UINT8
   * quantization. */
  if (t->type == kTfLiteUInt8) {
    char msg[256];
    KERN_ENSURE(ctx, quant_check_params(t, -1, msg, (int)sizeof msg), "%s: %s",
                what, msg);
  }
  return kTfLiteOk;
}

static TfLiteStatus dp_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  dp_data *d = (dp_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, d->parse_error[0] == '\0', "%s", d->parse_error);
  KERN_ENSURE(ctx, kern_num_inputs(node) == 3, "expected 3 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 4, "expected 4 outputs, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *enc = kern_input(ctx, node, kBoxEnc);
  const TfLiteTensor *cls = kern_input(ctx, node, kClassPred);
  const TfLiteTensor *anc = kern_input(ctx, node, kAnchors);
  KERN_OK(check_input(ctx, enc, "box_encodings"));
  KERN_OK(check_input(ctx, cls, "class_predictions"));
  KERN_OK(check_input(ctx, anc, "anchors"));
  KERN_ENSURE(
      ctx,
      kern_ndims(enc) == 3 && kern_dim(enc, 0) == 1 && kern_dim(enc, 2) >= 4,
      "box_encodings must have shape [1, num_boxes, >= 4]");
  const int n = kern_dim(enc, 1);
  KERN_ENSURE(
      ctx,
      kern_ndims(cls) == 3 && kern_dim(cls, 0) == 1 && kern_dim(cls, 1) == n,
      "class_predictions must have shape [1, %d, num_classes(+1)]", n);
  KERN_ENSURE(
      ctx,
      kern_ndims(anc) == 2 && kern_dim(anc, 0) == n && kern_dim(anc, 1) == 4,
      "anchors must have shape [%d, 4]", n);
  const int ncb = kern_dim(cls, 2);
  KERN_ENSURE(ctx, d->num_classes >= 1, "num_classes %d must be positive",
              (int)d->num_classes);
  KERN_ENSURE(ctx, ncb == d->num_classes || ncb == d->num_classes + 1,
              "class_predictions have %d classes, expected num_classes (%d) "
              "or num_classes + 1 (with background)",
              ncb, (int)d->num_classes);
  KERN_ENSURE(ctx, d->max_detections >= 0, "max_detections %d is negative",
              (int)d->max_detections);
  KERN_ENSURE(ctx, d->iou_threshold > 0.0f && d->iou_threshold <= 1.0f,
              "nms_iou_threshold %g must be in (0, 1]",
              (double)d->iou_threshold);
  if (d->use_regular_nms) {
    KERN_ENSURE(ctx, d->detections_per_class > 0,
                "detections_per_class %d must be positive",
                (int)d->detections_per_class);
  }
  KERN_ENSURE(ctx, d->max_classes_per_detection > 0,
              "max_classes_per_detection %d must be positive",
              (int)d->max_classes_per_detection);
  const int64_t total =
      (int64_t)d->max_detections * (int64_t)d->max_classes_per_detection;
  KERN_ENSURE(ctx, total <= DP_MAX_ROWS,
              "max_detections * max_classes_per_detection (%lld) is above "
              "the supported %d",
              (long long)total, DP_MAX_ROWS);
  /* Both paths size the outputs with max_detections *
   * max_classes_per_detection rows (the regular one fills at most
   * max_detections of them), as TensorFlow Lite does. */
  const int rows = (int)total;
  TfLiteTensor *out[4];
  static const char *const names[] = {"detection_boxes", "detection_classes",
                                      "detection_scores", "num_detections"};
  for (int i = 0; i < 4; i++) {
    out[i] = kern_output(ctx, node, i);
    KERN_ENSURE(ctx, out[i] != NULL, "%s output is missing", names[i]);
    KERN_ENSURE(ctx, out[i]->type == kTfLiteFloat32,
                "%s type %s is not supported (FLOAT32)", names[i],
                kern_type_name(out[i]->type));
  }
  const int box_dims[3] = {1, rows, 4}, row_dims[2] = {1, rows}, one[1] = {1};
  KERN_OK(kern_resize_output(ctx, out[kOutBoxes], box_dims, 3));
  KERN_OK(kern_resize_output(ctx, out[kOutClasses], row_dims, 2));
  KERN_OK(kern_resize_output(ctx, out[kOutScores], row_dims, 2));
  KERN_OK(kern_resize_output(ctx, out[kOutNum], one, 1));
  KERN_ENSURE(ctx,
              dp_make_layout(d, (size_t)n, (size_t)ncb,
                             cls->type == kTfLiteUInt8, &d->lay),
              "work memory size overflows");
  d->scratch_idx = -1;
  if (d->lay.total > 0)
    KERN_OK(
        ctx->RequestScratchBufferInArena(ctx, d->lay.total, &d->scratch_idx));
  return kTfLiteOk;
}

/* ---- decoding -------------------------------------------------------------
 */

/* Four values of row `row` (of `stride` elements) as float. */
static void load4(const TfLiteTensor *t, size_t row, size_t stride, float *v) {
  if (t->type == kTfLiteUInt8) {
    const uint8_t *q = t->data.uint8 + row * stride;
    const float zp = (float)t->params.zero_point, s = t->params.scale;
    for (int i = 0; i < 4; i++) v[i] = ((float)q[i] - zp) * s;
  } else {
    memcpy(v, t->data.f + row * stride, 4 * sizeof(float));
  }
}

static void dp_decode(const dp_data *d, const TfLiteTensor *enc,
                      const TfLiteTensor *anc, int n, float *decoded) {
  const size_t stride = (size_t)kern_dim(enc, 2);
  for (int i = 0; i < n; i++) {
    float e[4], a[4]; /* y, x, h, w */
    load4(enc, (size_t)i, stride, e);
    load4(anc, (size_t)i, 4, a);
    const float yc = (float)((double)e[0] / (double)d->y_scale * (double)a[2] +
                             (double)a[0]);
    const float xc = (float)((double)e[1] / (double)d->x_scale * (double)a[3] +
                             (double)a[1]);
    const float hh =
        (float)(0.5 * exp((double)e[2] / (double)d->h_scale) * (double)a[2]);
    const float hw =
        (float)(0.5 * exp((double)e[3] / (double)d->w_scale) * (double)a[3]);
    float *b = decoded + 4 * (size_t)i;
    b[0] = yc - hh;
    b[1] = xc - hw;
    b[2] = yc + hh;
    b[3] = xc + hw;
  }
}

/* ---- single-class NMS ------------------------------------------------------
 */

static inline float smin(float a, float b) { return b < a ? b : a; }
static inline float smax(float a, float b) { return a < b ? b : a; }

/* IoU of decoded boxes (ymin, xmin, ymax, xmax); 0 when an area is <= 0. */
static float dp_iou(const float *boxes, int i, int j) {
  const float *a = boxes + 4 * (size_t)i, *b = boxes + 4 * (size_t)j;
  const float area_a = (a[2] - a[0]) * (a[3] - a[1]);
  const float area_b = (b[2] - b[0]) * (b[3] - b[1]);
  if (area_a <= 0 || area_b <= 0) return 0.0f;
  const float inter = smax(smin(a[2], b[2]) - smax(a[0], b[0]), 0.0f) *
                      smax(smin(a[3], b[3]) - smax(a[1], b[1]), 0.0f);
  return inter / (area_a + area_b - inter);
}

typedef struct dp_work {
  uint8_t *base;
  const dp_layout *lay;
} dp_work;

#define WORK(w, field, T) ((T *)(void *)((w)->base + (w)->lay->field))

/* Greedy NMS over scores[n]; writes the selected anchors to selected and
 * returns how many (at most max_det). */
static int dp_nms_single(const dp_data *d, const dp_work *w,
                         const float *decoded, const float *scores, int n,
                         int max_det, int32_t *selected) {
  int32_t *keep_idx = WORK(w, keep_idx, int32_t);
  float *keep_sc = WORK(w, keep_sc, float);
  int32_t *sorted = WORK(w, sorted, int32_t);
  uint8_t *active = WORK(w, active, uint8_t);
  int kept = 0;
  for (int i = 0; i < n; i++) {
    if (scores[i] >= d->score_threshold) {
      keep_idx[kept] = i;
      keep_sc[kept] = scores[i];
      kept++;
    }
  }
  kern_argsort_desc_stable(keep_sc, kept, sorted, WORK(w, tmp, int32_t));
  const int out_size = kept < max_det ? kept : max_det;
  int num_active = kept, nsel = 0;
  memset(active, 1, (size_t)kept);
  for (int i = 0; i < kept; i++) {
    if (num_active == 0 || nsel >= out_size) break;
    if (!active[i]) continue;
    const int bi = keep_idx[sorted[i]];
    selected[nsel++] = bi;
    active[i] = 0;
    num_active--;
    for (int j = i + 1; j < kept; j++) {
      if (active[j] &&
          dp_iou(decoded, bi, keep_idx[sorted[j]]) > d->iou_threshold) {
        active[j] = 0;
        num_active--;
      }
    }
  }
  return nsel;
}

/* ---- multi-class -----------------------------------------------------------
 */

static void put_row(TfLiteTensor *const *out, int row, const float *box,
                    float cls, float score) {
  memcpy(out[kOutBoxes]->data.f + 4 * (size_t)row, box, 4 * sizeof(float));
  out[kOutClasses]->data.f[row] = cls;
  out[kOutScores]->data.f[row] = score;
}

static int dp_regular(const dp_data *d, const dp_work *w, const float *decoded,
                      const float *scores, int n, int ncb,
                      TfLiteTensor *const *out) {
  const int off = ncb - d->num_classes;
  const int md = d->max_detections;
  const int per = d->detections_per_class < md ? d->detections_per_class : md;
  float *class_scores = WORK(w, class_scores, float);
  int32_t *selected = WORK(w, selected, int32_t);
  dp_entry *list = WORK(w, list, dp_entry);
  dp_entry *tmp = WORK(w, merge_tmp, dp_entry);
  int size = 0;
  for (int c = 0; per > 0 && c < d->num_classes; c++) {
    for (int r = 0; r < n; r++)
      class_scores[r] = scores[(size_t)r * ncb + c + off];
    const int nsel =
        dp_nms_single(d, w, decoded, class_scores, n, per, selected);
    if (nsel == 0) continue;
    /* stable merge of list[0..size) and this class's selections (already in
     * decreasing score order): equal scores keep the earlier entry first */
    memcpy(tmp, list, (size_t)size * sizeof(dp_entry));
    dp_entry *fresh = list + size;
    for (int i = 0; i < nsel; i++) {
      fresh[i].index = selected[i] * ncb + c + off;
      fresh[i].score = class_scores[selected[i]];
    }
    /* fresh lies after the write position at every step, so merging
     * forward into list is safe */
    int a = 0, b = 0, o = 0;
    const int keep = size + nsel < md ? size + nsel : md;
    while (o < keep && (a < size || b < nsel)) {
      if (b < nsel && (a >= size || fresh[b].score > tmp[a].score))
        list[o++] = fresh[b++];
      else
        list[o++] = tmp[a++];
    }
    size = keep;
  }
  for (int i = 0; i < size; i++) {
    const int anchor = list[i].index / ncb;
    const int cls = list[i].index - anchor * ncb - off;
    put_row(out, i, decoded + 4 * (size_t)anchor, (float)cls, list[i].score);
  }
  return size;
}

static int dp_fast(const dp_data *d, const dp_work *w, const float *decoded,
                   const float *scores, int n, int ncb,
                   TfLiteTensor *const *out) {
  const int off = ncb - d->num_classes;
  const int mc = d->max_classes_per_detection;
  const int k = mc < d->num_classes ? mc : d->num_classes;
  float *max_scores = WORK(w, max_scores, float);
  int32_t *class_idx = WORK(w, class_idx, int32_t);
  int32_t *row_tmp = WORK(w, row_tmp, int32_t);
  int32_t *selected = WORK(w, selected, int32_t);
  for (int r = 0; r < n; r++) {
    const float *bs = scores + (size_t)r * ncb + off;
    kern_partial_argsort_desc(bs, d->num_classes, k, row_tmp);
    memcpy(class_idx + (size_t)r * k, row_tmp, (size_t)k * sizeof(int32_t));
    max_scores[r] = bs[row_tmp[0]];
  }
  const int nsel =
      dp_nms_single(d, w, decoded, max_scores, n, d->max_detections, selected);
  for (int o = 0; o < nsel; o++) {
    const int a = selected[o];
    const float *bs = scores + (size_t)a * ncb + off;
    for (int c = 0; c < k; c++) {
      const int cls = class_idx[(size_t)a * k + c];
      put_row(out, mc * o + c, decoded + 4 * (size_t)a, (float)cls, bs[cls]);
    }
  }
  return nsel;
}

static TfLiteStatus dp_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  dp_data *d = (dp_data *)node->user_data;
  const TfLiteTensor *enc = kern_input(ctx, node, kBoxEnc);
  const TfLiteTensor *cls = kern_input(ctx, node, kClassPred);
  const TfLiteTensor *anc = kern_input(ctx, node, kAnchors);
  TfLiteTensor *out[4];
  for (int i = 0; i < 4; i++) {
    out[i] = kern_output(ctx, node, i);
    if (out[i]->bytes) memset(out[i]->data.raw, 0, out[i]->bytes);
  }
  const int n = kern_dim(enc, 1), ncb = kern_dim(cls, 2);
  if (n == 0 || d->scratch_idx < 0) return kTfLiteOk;
  dp_work w = {(uint8_t *)ctx->GetScratchBuffer(ctx, d->scratch_idx), &d->lay};
  KERN_ENSURE(ctx, w.base != NULL, "scratch buffer is missing");
  float *decoded = WORK(&w, decoded, float);
  dp_decode(d, enc, anc, n, decoded);
  for (int i = 0; i < n; i++) {
    const float *b = decoded + 4 * (size_t)i;
    KERN_ENSURE(ctx, !(b[0] > b[2] || b[1] > b[3]),
                "decoded box %d is inverted (ymin %g ymax %g xmin %g xmax %g)",
                i, (double)b[0], (double)b[2], (double)b[1], (double)b[3]);
  }
  const float *scores = cls->data.f;
  if (cls->type == kTfLiteUInt8) {
    float *deq = WORK(&w, scores, float);
    const size_t count = (size_t)n * (size_t)ncb;
    const int32_t zp = cls->params.zero_point;
    const float s = cls->params.scale;
    for (size_t i = 0; i < count; i++)
      deq[i] = s * (float)((int32_t)cls->data.uint8[i] - zp);
    scores = deq;
  }
  const int num = d->use_regular_nms
                      ? dp_regular(d, &w, decoded, scores, n, ncb, out)
                      : dp_fast(d, &w, decoded, scores, n, ncb, out);
  out[kOutNum]->data.f[0] = (float)num;
  return kTfLiteOk;
}

const TfLiteRegistration kern_detection_postprocess = {
    .init = dp_init,
    .prepare = dp_prepare,
    .invoke = dp_invoke,
    .builtin_code = TFLC_OP_CUSTOM,
    .custom_name = "TFLite_Detection_PostProcess",
    .version = 1,
};
