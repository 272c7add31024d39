/* Non-max-suppression helpers (see nms.h). The heaps below follow the
 * classic binary-heap algorithms of the C++ standard library as libstdc++
 * implements them (push: sift the new value up from the end; pop: move the
 * last value out, walk the hole from the root down to a leaf always taking
 * the larger child, then sift the saved value up from there), because the
 * order in which equal keys come out of a heap depends on exactly these
 * steps and TensorFlow Lite's results depend on that order. */
#include "kernels/internal/nms.h"

#include <math.h>
#include <string.h>

/* ---- V4/V5 candidate max-heap (ordered by score) ------------------------ */

static void cand_sift_up(kern_nms_cand *h, int hole, int top,
                         kern_nms_cand value) {
  int parent = (hole - 1) / 2;
  while (hole > top && h[parent].score < value.score) {
    h[hole] = h[parent];
    hole = parent;
    parent = (hole - 1) / 2;
  }
  h[hole] = value;
}

static void cand_push(kern_nms_cand *h, int *len, kern_nms_cand c) {
  const int hole = (*len)++;
  cand_sift_up(h, hole, 0, c);
}

/* Re-seats `value` into the heap h[0..len) whose slot `hole` is free. */
static void cand_adjust(kern_nms_cand *h, int hole, int len,
                        kern_nms_cand value) {
  const int top = hole;
  int child = hole;
  while (child < (len - 1) / 2) {
    child = 2 * (child + 1);
    if (h[child].score < h[child - 1].score) child--;
    h[hole] = h[child];
    hole = child;
  }
  if ((len & 1) == 0 && child == (len - 2) / 2) {
    child = 2 * (child + 1);
    h[hole] = h[child - 1];
    hole = child - 1;
  }
  cand_sift_up(h, hole, top, value);
}

static kern_nms_cand cand_pop(kern_nms_cand *h, int *len) {
  const kern_nms_cand top = h[0];
  const int n = *len;
  if (n > 1) {
    const kern_nms_cand value = h[n - 1];
    h[n - 1] = h[0];
    cand_adjust(h, 0, n - 1, value);
  }
  *len = n - 1;
  return top;
}

/* std::min / std::max (NaN operands behave as they do there). */
static inline float smin(float a, float b) { return b < a ? b : a; }
static inline float smax(float a, float b) { return a < b ? b : a; }

float kern_nms_iou_corners(const float *boxes, int i, int j) {
  const float *a = boxes + 4 * (size_t)i, *b = boxes + 4 * (size_t)j;
  const float ay0 = smin(a[0], a[2]), ay1 = smax(a[0], a[2]);
  const float ax0 = smin(a[1], a[3]), ax1 = smax(a[1], a[3]);
  const float by0 = smin(b[0], b[2]), by1 = smax(b[0], b[2]);
  const float bx0 = smin(b[1], b[3]), bx1 = smax(b[1], b[3]);
  const float area_a = (ay1 - ay0) * (ax1 - ax0);
  const float area_b = (by1 - by0) * (bx1 - bx0);
  if (area_a <= 0.0f || area_b <= 0.0f) return 0.0f;
  const float inter = smax(smin(ay1, by1) - smax(ay0, by0), 0.0f) *
                      smax(smin(ax1, bx1) - smax(ax0, bx0), 0.0f);
  const float uni = area_a + area_b - inter;
  if (uni == 0.0f) return 0.0f;
  return inter / uni;
}

int kern_nms_soft(const float *boxes, int n, const float *scores,
                  int max_output, float iou_threshold, float score_threshold,
                  float soft_nms_sigma, kern_nms_cand *heap,
                  int32_t *sel_indices, float *sel_scores) {
  int len = 0;
  for (int i = 0; i < n; i++) {
    if (scores[i] > score_threshold) {
      const kern_nms_cand c = {i, scores[i], 0};
      cand_push(heap, &len, c);
    }
  }
  const int num_outputs = len < max_output ? len : max_output;
  int count = 0;
  if (num_outputs <= 0) return 0;
  const float scale = soft_nms_sigma > 0.0f ? -0.5f / soft_nms_sigma : 0.0f;
  while (count < num_outputs && len > 0) {
    kern_nms_cand c = cand_pop(heap, &len);
    const float original = c.score;
    int hard = 0;
    for (int j = count - 1; j >= c.suppress_begin; j--) {
      const float iou = kern_nms_iou_corners(boxes, c.index, sel_indices[j]);
      if (iou >= iou_threshold) {
        hard = 1;
        break;
      }
      if (soft_nms_sigma > 0.0f) c.score = c.score * expf(scale * iou * iou);
      if (c.score <= score_threshold) break;
    }
    c.suppress_begin = count;
    if (hard) continue;
    if (c.score == original) {
      sel_indices[count] = c.index;
      if (sel_scores) sel_scores[count] = c.score;
      count++;
    }
    /* As TensorFlow Lite does, a candidate still above the threshold goes
     * back into the queue, a just-selected one included (it is then met
     * again and suppressed by its own selection). The heap never holds more
     * than n entries: one was popped before this push. */
    if (c.score > score_threshold) cand_push(heap, &len, c);
  }
  return count;
}

/* ---- sorting ------------------------------------------------------------- */

void kern_argsort_desc_stable(const float *v, int n, int32_t *idx,
                              int32_t *tmp) {
  for (int i = 0; i < n; i++) idx[i] = i;
  /* bottom-up merge sort; the right run's element goes first only when
   * strictly greater, so equal values keep their order */
  int32_t *src = idx, *dst = tmp;
  for (int width = 1; width < n; width *= 2) {
    for (int lo = 0; lo < n; lo += 2 * width) {
      const int mid = lo + width < n ? lo + width : n;
      const int hi = lo + 2 * width < n ? lo + 2 * width : n;
      int a = lo, b = mid, o = lo;
      while (a < mid && b < hi)
        dst[o++] = v[src[b]] > v[src[a]] ? src[b++] : src[a++];
      while (a < mid) dst[o++] = src[a++];
      while (b < hi) dst[o++] = src[b++];
    }
    int32_t *t = src;
    src = dst;
    dst = t;
  }
  if (src != idx) memcpy(idx, src, (size_t)n * sizeof(int32_t));
}

/* Heap over indices with "less" = v[a] > v[b] (so the root holds the
 * smallest value): the same steps as the candidate heap above. */
static int idx_less(const float *v, int32_t a, int32_t b) {
  return v[a] > v[b];
}

static void idx_sift_up(const float *v, int32_t *h, int hole, int top,
                        int32_t value) {
  int parent = (hole - 1) / 2;
  while (hole > top && idx_less(v, h[parent], value)) {
    h[hole] = h[parent];
    hole = parent;
    parent = (hole - 1) / 2;
  }
  h[hole] = value;
}

static void idx_adjust(const float *v, int32_t *h, int hole, int len,
                       int32_t value) {
  const int top = hole;
  int child = hole;
  while (child < (len - 1) / 2) {
    child = 2 * (child + 1);
    if (idx_less(v, h[child], h[child - 1])) child--;
    h[hole] = h[child];
    hole = child;
  }
  if ((len & 1) == 0 && child == (len - 2) / 2) {
    child = 2 * (child + 1);
    h[hole] = h[child - 1];
    hole = child - 1;
  }
  idx_sift_up(v, h, hole, top, value);
}

void kern_partial_argsort_desc(const float *v, int n, int k, int32_t *idx) {
  if (n <= 0 || k <= 0) return;
  if (k == 1) {
    int best = 0;
    for (int i = 1; i < n; i++)
      if (v[i] > v[best]) best = i;
    idx[0] = best;
    return;
  }
  for (int i = 0; i < n; i++) idx[i] = i;
  /* make a heap of the first k */
  if (k >= 2) {
    for (int parent = (k - 2) / 2;; parent--) {
      idx_adjust(v, idx, parent, k, idx[parent]);
      if (parent == 0) break;
    }
  }
  /* select: an element better than the heap's worst replaces it */
  for (int i = k; i < n; i++) {
    if (idx_less(v, idx[i], idx[0])) {
      const int32_t value = idx[i];
      idx[i] = idx[0];
      idx_adjust(v, idx, 0, k, value);
    }
  }
  /* sort the heap */
  for (int last = k - 1; last > 0; last--) {
    const int32_t value = idx[last];
    idx[last] = idx[0];
    idx_adjust(v, idx, 0, last, value);
  }
}
