/* Op tests of NON_MAX_SUPPRESSION_V4 and _V5 against a plain reference
 * written here: the same greedy (soft-)NMS, with the best remaining
 * candidate found by a linear scan (the cases use distinct scores, where
 * that equals TensorFlow Lite's priority queue), outputs padded to
 * max_output_size with zeros. Also: a hand-worked tie case whose order
 * comes from the priority queue's heap (libstdc++ order), TensorFlow Lite's
 * re-selection of zero-area boxes, constant and non-constant
 * max_output_size (dynamic outputs), empty inputs, and prepare errors. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"

/* ---- reference ------------------------------------------------------------
 */

static float rmin(float a, float b) { return b < a ? b : a; }
static float rmax(float a, float b) { return a < b ? b : a; }

static float ref_iou(const float *bx, int i, int j) {
  const float *a = bx + 4 * i, *b = bx + 4 * j;
  float ay0 = rmin(a[0], a[2]), ay1 = rmax(a[0], a[2]);
  float ax0 = rmin(a[1], a[3]), ax1 = rmax(a[1], a[3]);
  float by0 = rmin(b[0], b[2]), by1 = rmax(b[0], b[2]);
  float bx0 = rmin(b[1], b[3]), bx1 = rmax(b[1], b[3]);
  float aa = (ay1 - ay0) * (ax1 - ax0), ab = (by1 - by0) * (bx1 - bx0);
  if (aa <= 0 || ab <= 0) return 0;
  float ih = rmax(rmin(ay1, by1) - rmax(ay0, by0), 0);
  float iw = rmax(rmin(ax1, bx1) - rmax(ax0, bx0), 0);
  float inter = ih * iw, uni = aa + ab - inter;
  return uni == 0 ? 0 : inter / uni;
}

typedef struct rcand {
  int index;
  float score;
  int begin;
  int live;
} rcand;

/* Returns the number selected; sel/sel_sc have max_out entries (padded). */
static int ref_nms(const float *boxes, const float *scores, int n, int max_out,
                   float iou_thr, float score_thr, float sigma, int32_t *sel,
                   float *sel_sc) {
  rcand *c = calloc((size_t)n + 1, sizeof *c);
  int live = 0;
  for (int i = 0; i < n; i++) {
    c[i].index = i;
    c[i].score = scores[i];
    c[i].live = scores[i] > score_thr;
    live += c[i].live;
  }
  int count = 0, outputs = live < max_out ? live : max_out;
  const float scale = sigma > 0 ? -0.5f / sigma : 0;
  while (count < outputs && live > 0) {
    int best = -1;
    for (int i = 0; i < n; i++)
      if (c[i].live && (best < 0 || c[i].score > c[best].score)) best = i;
    rcand *b = &c[best];
    b->live = 0;
    live--;
    const float orig = b->score;
    int hard = 0;
    for (int j = count - 1; j >= b->begin; j--) {
      float iou = ref_iou(boxes, b->index, sel[j]);
      if (iou >= iou_thr) {
        hard = 1;
        break;
      }
      if (sigma > 0) b->score = b->score * expf(scale * iou * iou);
      if (b->score <= score_thr) break;
    }
    b->begin = count;
    if (hard) continue;
    if (b->score == orig) {
      sel[count] = b->index;
      sel_sc[count] = b->score;
      count++;
    }
    if (b->score > score_thr) {
      b->live = 1; /* back into the queue, as TensorFlow Lite does */
      live++;
    }
  }
  for (int i = count; i < max_out; i++) {
    sel[i] = 0;
    sel_sc[i] = 0;
  }
  free(c);
  return count;
}

/* ---- running the op
 * ---------------------------------------------------------- */

typedef struct nms_case {
  const float *boxes;
  const float *scores;
  int n;
  int max_out;
  float iou, score_thr, sigma;
  int soft;      /* V5 */
  int const_max; /* max_output_size constant */
} nms_case;

/* Runs the op; fills got_idx / got_sc (max_out entries) and *valid. */
static int run_nms(const nms_case *k, int32_t *got_idx, float *got_sc,
                   int *valid, const char *label) {
  const int bshape[2] = {k->n, 4}, sshape[1] = {k->n}, oshape[1] = {k->max_out};
  const int32_t mo = k->max_out;
  oo_tensor in[6] = {
      {TFLC_TT_FLOAT32, bshape, 2, k->boxes, 0, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, sshape, 1, k->scores, 0, 0, NULL, NULL, 0},
      {TFLC_TT_INT32, NULL, 0, &mo, k->const_max, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, NULL, 0, &k->iou, 1, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, NULL, 0, &k->score_thr, 0, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, NULL, 0, &k->sigma, 1, 0, NULL, NULL, 0},
  };
  oo_tensor out[3] = {
      {TFLC_TT_INT32, oshape, 1, NULL, 0, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, oshape, 1, NULL, 0, 0, NULL, NULL, 0},
      {TFLC_TT_INT32, NULL, 0, NULL, 0, 0, NULL, NULL, 0},
  };
  oo_tensor out4[2] = {out[0], out[2]};
  oo_op op = {.op = k->soft ? TFLC_OP_NON_MAX_SUPPRESSION_V5
                            : TFLC_OP_NON_MAX_SUPPRESSION_V4,
              .inputs = in,
              .n_inputs = k->soft ? 6 : 5};
  oo_ext opx = {.outputs = k->soft ? out : out4, .n_outputs = k->soft ? 3 : 2};
  oo_run r;
  int ok = 0;
  if (oo_run_op_ext(&op, &opx, &r, label)) {
    const TfLiteTensor *ti = oo_out(&r, 0);
    const TfLiteTensor *tv = oo_out(&r, k->soft ? 2 : 1);
    CHECK_MSG(oo_shape_is(ti, oshape, 1), "%s: indices shape", label);
    CHECK_MSG(TfLiteTensorNumDims(tv) == 0, "%s: valid_outputs is a scalar",
              label);
    if (TfLiteTensorByteSize(ti) == (size_t)k->max_out * 4) {
      if (k->max_out)
        memcpy(got_idx, TfLiteTensorData(ti), (size_t)k->max_out * 4);
      *valid = *(const int32_t *)TfLiteTensorData(tv);
      if (k->soft) {
        const TfLiteTensor *ts = oo_out(&r, 1);
        CHECK(oo_shape_is(ts, oshape, 1));
        if (k->max_out)
          memcpy(got_sc, TfLiteTensorData(ts), (size_t)k->max_out * 4);
      }
      ok = 1;
    }
  }
  oo_free(&r);
  return ok;
}

static void check_case(const nms_case *k, const char *label) {
  int32_t *want = calloc((size_t)k->max_out + 1, 4),
          *got = calloc((size_t)k->max_out + 1, 4);
  float *want_sc = calloc((size_t)k->max_out + 1, 4),
        *got_sc = calloc((size_t)k->max_out + 1, 4);
  const int nw = ref_nms(k->boxes, k->scores, k->n, k->max_out, k->iou,
                         k->score_thr, k->soft ? k->sigma : 0, want, want_sc);
  int valid = -1;
  if (run_nms(k, got, got_sc, &valid, label)) {
    CHECK_MSG(valid == nw, "%s: valid_outputs %d, want %d", label, valid, nw);
    int bad = 0;
    for (int i = 0; i < k->max_out; i++) {
      if (got[i] != want[i]) bad++;
      if (k->soft &&
          fabsf(got_sc[i] - want_sc[i]) > 1e-6f * (fabsf(want_sc[i]) + 1))
        bad++;
    }
    CHECK_MSG(bad == 0, "%s: %d differences (first selected %d vs %d)", label,
              bad, k->max_out ? got[0] : -1, k->max_out ? want[0] : -1);
  }
  free(want);
  free(got);
  free(want_sc);
  free(got_sc);
}

/* The random stream of these cases (xorshift, seed 88172645). */
static uint32_t mo_rng = 88172645u;
static float mo_rand(float lo, float hi) {
  return ot_xorshift_f(&mo_rng, lo, hi);
}

/* Random boxes in a small area (so they overlap), distinct scores. */
static void random_boxes(float *boxes, float *scores, int n) {
  for (int i = 0; i < n; i++) {
    float y = mo_rand(0, 10), x = mo_rand(0, 10);
    float h = mo_rand(0.5f, 4), w = mo_rand(0.5f, 4);
    int flip = i % 3 == 0; /* some boxes given as (y2, x2, y1, x1) */
    boxes[4 * i + 0] = flip ? y + h : y;
    boxes[4 * i + 1] = flip ? x + w : x;
    boxes[4 * i + 2] = flip ? y : y + h;
    boxes[4 * i + 3] = flip ? x : x + w;
    scores[i] = (float)(i * 7919 % n) / (float)n + 0.001f; /* distinct */
  }
}

static void test_random(void) {
  enum { N = 60 };
  float boxes[4 * N], scores[N];
  random_boxes(boxes, scores, N);
  char label[128];
  const float ious[] = {0.0f, 0.3f, 0.5f, 0.7f, 1.0f};
  const float thrs[] = {-1.0f, 0.2f, 0.6f};
  const int maxes[] = {0, 1, 5, 20, 100};
  for (int a = 0; a < 5; a++)
    for (int b = 0; b < 3; b++)
      for (int m = 0; m < 5; m++)
        for (int v = 0; v < 2; v++) {
          nms_case k = {boxes,   scores, N, maxes[m], ious[a],
                        thrs[b], 0.0f,   0, v};
          snprintf(label, sizeof label, "V4 iou %.1f thr %.1f max %d %s",
                   (double)ious[a], (double)thrs[b], maxes[m],
                   v ? "const" : "dynamic");
          check_case(&k, label);
        }
  const float sigmas[] = {0.0f, 0.1f, 0.5f, 2.0f};
  for (int s = 0; s < 4; s++)
    for (int a = 0; a < 5; a += 2)
      for (int m = 1; m < 5; m++) {
        nms_case k = {boxes, scores,    N, maxes[m], ious[a],
                      0.05f, sigmas[s], 1, m % 2};
        snprintf(label, sizeof label, "V5 sigma %.1f iou %.1f max %d",
                 (double)sigmas[s], (double)ious[a], maxes[m]);
        check_case(&k, label);
      }
}

static void test_hand_cases(void) {
  /* disjoint unit boxes */
  const float boxes[16] = {0, 0, 1, 1, 0, 2, 1, 3, 0, 4, 1, 5, 0, 6, 1, 7};
  int32_t got[8];
  float sc[8];
  int valid;
  { /* the classic example: overlapping boxes, IoU 0.5 */
    const float b2[24] = {0, 0,  1, 1,  0, 0.1f,  1, 1.1f,  0, -0.1f, 1, 0.9f,
                          0, 10, 1, 11, 0, 10.1f, 1, 11.1f, 0, 100,   1, 101};
    const float s2[6] = {0.9f, 0.75f, 0.6f, 0.95f, 0.5f, 0.3f};
    nms_case k = {b2, s2, 6, 3, 0.5f, 0.0f, 0, 0, 1};
    if (run_nms(&k, got, sc, &valid, "classic")) {
      CHECK_EQ_INT(valid, 3);
      CHECK(got[0] == 3 && got[1] == 0 && got[2] == 5);
    }
    nms_case k2 = {b2, s2, 6, 6, 0.5f, 0.4f, 0, 0, 1};
    if (run_nms(&k2, got, sc, &valid, "classic thr 0.4")) {
      CHECK_EQ_INT(valid, 2);
      CHECK(got[0] == 3 && got[1] == 0 && got[2] == 0 && got[5] == 0);
    }
  }
  { /* equal scores: the order the priority queue's heap gives */
    const float s[4] = {0.5f, 0.5f, 0.5f, 0.5f};
    nms_case k = {boxes, s, 4, 4, 0.5f, 0.0f, 0, 0, 1};
    if (run_nms(&k, got, sc, &valid, "ties")) {
      CHECK_EQ_INT(valid, 4);
      CHECK_MSG(got[0] == 0 && got[1] == 2 && got[2] == 3 && got[3] == 1,
                "tie order %d %d %d %d, want 0 2 3 1", got[0], got[1], got[2],
                got[3]);
    }
  }
  { /* a zero-area box is never suppressed by its own selection: TensorFlow
     * Lite selects it again while selections are left */
    const float b0[8] = {1, 1, 1, 3, 0, 4, 1, 5};
    const float s[2] = {0.9f, 0.8f};
    nms_case k = {b0, s, 2, 3, 0.5f, 0.0f, 0, 0, 1};
    if (run_nms(&k, got, sc, &valid, "zero area")) {
      /* at most min(candidates, max_output_size) = 2 selections */
      CHECK_EQ_INT(valid, 2);
      CHECK(got[0] == 0 && got[1] == 0 && got[2] == 0);
    }
    check_case(&k, "zero area vs reference");
  }
  { /* soft-NMS: decayed score reported */
    const float b3[8] = {0, 0, 2, 2, 0, 1, 2, 3};
    const float s[2] = {0.9f, 0.8f};
    nms_case k = {b3, s, 2, 2, 1.0f, 0.0f, 0.5f, 1, 1};
    if (run_nms(&k, got, sc, &valid, "soft decay")) {
      CHECK_EQ_INT(valid, 2);
      CHECK(got[0] == 0 && got[1] == 1);
      const float iou = 1.0f / 3.0f;
      CHECK_NEAR(sc[0], 0.9f, 1e-7);
      CHECK_NEAR(sc[1], 0.8f * expf(-1.0f * iou * iou), 1e-6);
    }
  }
  { /* no boxes */
    nms_case k = {boxes, boxes, 0, 3, 0.5f, 0.0f, 0, 1, 1};
    if (run_nms(&k, got, sc, &valid, "no boxes")) {
      CHECK_EQ_INT(valid, 0);
      CHECK(got[0] == 0 && got[1] == 0 && got[2] == 0 && sc[2] == 0);
    }
  }
  { /* NaN score is never a candidate */
    const float s[4] = {NAN, 0.4f, NAN, 0.2f};
    nms_case k = {boxes, s, 4, 4, 0.5f, 0.0f, 0, 0, 0};
    if (run_nms(&k, got, sc, &valid, "nan scores")) {
      CHECK_EQ_INT(valid, 2);
      CHECK(got[0] == 1 && got[1] == 3);
    }
  }
}

static void test_errors(void) {
  const float boxes[8] = {0, 0, 1, 1, 0, 0, 1, 1}, scores[2] = {1, 1};
  const int bs[2] = {2, 4}, bad_bs[2] = {2, 3}, ss[1] = {2}, s3[1] = {3};
  const int os[1] = {2};
  const int32_t mo = 2, neg = -1;
  const float half = 0.5f, zero = 0.0f, nsig = -1.0f;
  oo_tensor out[3] = {{TFLC_TT_INT32, os, 1, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, os, 1, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_INT32, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
  oo_tensor out4[2] = {out[0], out[2]};
  oo_tensor good[6] = {{TFLC_TT_FLOAT32, bs, 2, boxes, 0, 0, NULL, NULL, 0},
                       {TFLC_TT_FLOAT32, ss, 1, scores, 0, 0, NULL, NULL, 0},
                       {TFLC_TT_INT32, NULL, 0, &mo, 1, 0, NULL, NULL, 0},
                       {TFLC_TT_FLOAT32, NULL, 0, &half, 1, 0, NULL, NULL, 0},
                       {TFLC_TT_FLOAT32, NULL, 0, &zero, 1, 0, NULL, NULL, 0},
                       {TFLC_TT_FLOAT32, NULL, 0, &zero, 1, 0, NULL, NULL, 0}};
  oo_tensor in[6];
  oo_op op = {
      .op = TFLC_OP_NON_MAX_SUPPRESSION_V4, .inputs = in, .n_inputs = 5};
  oo_ext opx = {.outputs = out4, .n_outputs = 2};
  memcpy(in, good, sizeof in);
  in[0].shape = bad_bs;
  oo_expect_error_ext(&op, &opx, "boxes must have shape [num_boxes, 4]",
                      "box shape");
  memcpy(in, good, sizeof in);
  in[1].shape = s3;
  oo_expect_error_ext(&op, &opx, "scores must have shape [2]", "score shape");
  memcpy(in, good, sizeof in);
  in[2].data = &neg;
  oo_expect_error_ext(&op, &opx, "max_output_size -1 is negative",
                      "negative max");
  memcpy(in, good, sizeof in);
  in[2].is_const = 0;
  in[2].data = &neg;
  oo_expect_invoke_error_ext(&op, &opx, "max_output_size -1 is negative",
                             "negative max at invoke");
  memcpy(in, good, sizeof in);
  in[3].tt = TFLC_TT_INT32;
  oo_expect_error_ext(&op, &opx, "iou_threshold type INT32 is not supported",
                      "iou type");
  memcpy(in, good, sizeof in);
  op.n_inputs = 6;
  oo_expect_error_ext(&op, &opx, "expected 5 inputs, got 6",
                      "V4 with 6 inputs");
  /* V5 */
  memcpy(in, good, sizeof in);
  oo_op op5 = {
      .op = TFLC_OP_NON_MAX_SUPPRESSION_V5, .inputs = in, .n_inputs = 6};
  oo_ext op5x = {.outputs = out, .n_outputs = 3};
  in[5].data = &nsig;
  oo_expect_error_ext(&op5, &op5x, "soft_nms_sigma -1 is negative",
                      "neg sigma");
  in[5].is_const = 0;
  oo_expect_invoke_error_ext(&op5, &op5x, "soft_nms_sigma -1 is negative",
                             "neg sigma at invoke");
  memcpy(in, good, sizeof in);
  op5x.n_outputs = 2;
  oo_expect_error_ext(&op5, &op5x, "expected 3 outputs, got 2", "V5 outputs");
}

int main(void) {
  test_random();
  test_hand_cases();
  test_errors();
  return CHECK_DONE();
}
