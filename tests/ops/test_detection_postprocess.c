/* Op tests of the custom op TFLite_Detection_PostProcess against a plain
 * reference written here: center-size box decoding (double, as TensorFlow
 * Lite), single-class greedy NMS over scores >= threshold sorted stably by
 * decreasing score, fast NMS (per-anchor top classes) and regular NMS
 * (per-class NMS, then the best max_detections by a stable sort over the
 * classes in order). Options are FlexBuffers maps built here. Float and
 * uint8 inputs (uint8 scores tie a lot, which exercises the tie order),
 * background class or not, max_classes_per_detection > 1, the option
 * defaults, malformed options, uint8 inputs with out-of-range quantization
 * (zero point INT32_MIN or 256, scale inf or negative) and the errors
 * prepare and invoke report. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"

/* ---- a FlexBuffers map writer (every slot 4 bytes wide) ------------------ */

typedef struct fx_opt {
  const char *key;
  int kind; /* 0 int, 1 float, 2 bool */
  double v;
} fx_opt;

static int fx_cmp(const void *a, const void *b) {
  return strcmp(((const fx_opt *)a)->key, ((const fx_opt *)b)->key);
}

static void fx_u32(uint8_t *b, size_t *n, uint32_t v) {
  for (int i = 0; i < 4; i++) b[(*n)++] = (uint8_t)(v >> (8 * i));
}

/* Writes the options as a FlexBuffers map into b; returns the size. */
static size_t fx_map(const fx_opt *opts_in, int count, uint8_t *b) {
  fx_opt opts[16];
  memcpy(opts, opts_in, (size_t)count * sizeof *opts);
  qsort(opts, (size_t)count, sizeof *opts, fx_cmp);
  size_t n = 0, key_pos[16];
  for (int i = 0; i < count; i++) {
    key_pos[i] = n;
    size_t l = strlen(opts[i].key) + 1;
    memcpy(b + n, opts[i].key, l);
    n += l;
  }
  while (n % 4) b[n++] = 0;
  fx_u32(b, &n, (uint32_t)count);
  const size_t keys = n;
  for (int i = 0; i < count; i++) fx_u32(b, &n, (uint32_t)(n - key_pos[i]));
  fx_u32(b, &n, (uint32_t)(n - keys)); /* offset to the keys vector */
  fx_u32(b, &n, 4);                    /* its byte width */
  fx_u32(b, &n, (uint32_t)count);
  const size_t map = n;
  for (int i = 0; i < count; i++) {
    if (opts[i].kind == 1) {
      float f = (float)opts[i].v;
      uint32_t u;
      memcpy(&u, &f, 4);
      fx_u32(b, &n, u);
    } else {
      fx_u32(b, &n, (uint32_t)(int32_t)opts[i].v);
    }
  }
  for (int i = 0; i < count; i++) /* INT 1, FLOAT 3, BOOL 26; width 4 */
    b[n++] = (uint8_t)(((opts[i].kind == 0   ? 1
                         : opts[i].kind == 1 ? 3
                                             : 26)
                        << 2) |
                       2);
  const size_t root_off = n - map;
  b[n++] = (uint8_t)root_off;       /* root offset, 1 byte */
  b[n++] = (uint8_t)((9 << 2) | 2); /* MAP, width 4 */
  b[n++] = 1;
  return n;
}

/* ---- reference ------------------------------------------------------------
 */

typedef struct dp_opts {
  int max_det, max_cpd, per_class, num_classes, regular;
  float score_thr, iou_thr, ys, xs, hs, ws;
} dp_opts;

static float fmn(float a, float b) { return b < a ? b : a; }
static float fmx(float a, float b) { return a < b ? b : a; }

static float ref_iou(const float *bx, int i, int j) {
  const float *a = bx + 4 * i, *b = bx + 4 * j;
  float aa = (a[2] - a[0]) * (a[3] - a[1]), ab = (b[2] - b[0]) * (b[3] - b[1]);
  if (aa <= 0 || ab <= 0) return 0;
  float inter = fmx(fmn(a[2], b[2]) - fmx(a[0], b[0]), 0) *
                fmx(fmn(a[3], b[3]) - fmx(a[1], b[1]), 0);
  return inter / (aa + ab - inter);
}

/* Greedy NMS; returns the number selected (anchor indices in sel). */
static int ref_single(const dp_opts *o, const float *bx, const float *sc, int n,
                      int max_det, int *sel) {
  int *order = malloc(sizeof(int) * (size_t)(n + 1)), kept = 0;
  for (int i = 0; i < n; i++)
    if (sc[i] >= o->score_thr) order[kept++] = i;
  for (int i = 1; i < kept; i++) { /* stable insertion sort, decreasing */
    int v = order[i], j = i;
    while (j > 0 && sc[v] > sc[order[j - 1]]) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = v;
  }
  char *dead = calloc((size_t)kept + 1, 1);
  int ns = 0;
  for (int i = 0; i < kept && ns < max_det; i++) {
    if (dead[i]) continue;
    sel[ns++] = order[i];
    for (int j = i + 1; j < kept; j++)
      if (!dead[j] && ref_iou(bx, order[i], order[j]) > o->iou_thr) dead[j] = 1;
  }
  free(order);
  free(dead);
  return ns;
}

/* Reference outputs: boxes [rows][4], classes, scores [rows]; returns num. */
static int ref_dp(const dp_opts *o, const float *enc, int enc_w,
                  const float *anc, const float *scores, int n, int ncb,
                  float *oboxes, float *ocls, float *osc) {
  const int rows = o->max_det * o->max_cpd, off = ncb - o->num_classes;
  memset(oboxes, 0, sizeof(float) * 4 * (size_t)rows);
  memset(ocls, 0, sizeof(float) * (size_t)rows);
  memset(osc, 0, sizeof(float) * (size_t)rows);
  float *bx = malloc(sizeof(float) * 4 * (size_t)(n + 1));
  for (int i = 0; i < n; i++) {
    const float *e = enc + i * enc_w, *a = anc + 4 * i;
    float yc = (float)((double)e[0] / o->ys * a[2] + a[0]);
    float xc = (float)((double)e[1] / o->xs * a[3] + a[1]);
    float hh = (float)(0.5 * exp((double)e[2] / o->hs) * a[2]);
    float hw = (float)(0.5 * exp((double)e[3] / o->ws) * a[3]);
    bx[4 * i] = yc - hh;
    bx[4 * i + 1] = xc - hw;
    bx[4 * i + 2] = yc + hh;
    bx[4 * i + 3] = xc + hw;
  }
  int *sel = malloc(sizeof(int) * (size_t)(n + 1));
  float *col = malloc(sizeof(float) * (size_t)(n + 1));
  int num = 0;
  if (!o->regular) {
    const int k = o->max_cpd < o->num_classes ? o->max_cpd : o->num_classes;
    int *top = malloc(sizeof(int) * (size_t)n * (size_t)k + 1);
    for (int r = 0; r < n; r++) {
      const float *s = scores + r * ncb + off;
      char used[256] = {0};
      for (int t = 0; t < k; t++) { /* repeated first maximum */
        int best = -1;
        for (int c = 0; c < o->num_classes; c++)
          if (!used[c] && (best < 0 || s[c] > s[best])) best = c;
        used[best] = 1;
        top[r * k + t] = best;
      }
      col[r] = s[top[r * k]];
    }
    num = ref_single(o, bx, col, n, o->max_det, sel);
    for (int i = 0; i < num; i++) {
      const float *s = scores + sel[i] * ncb + off;
      for (int t = 0; t < k; t++) {
        int row = o->max_cpd * i + t;
        memcpy(oboxes + 4 * row, bx + 4 * sel[i], 16);
        ocls[row] = (float)top[sel[i] * k + t];
        osc[row] = s[top[sel[i] * k + t]];
      }
    }
    free(top);
  } else {
    const int per = o->per_class < o->max_det ? o->per_class : o->max_det;
    int cap = o->num_classes * (per > 0 ? per : 1) + 1, cnt = 0;
    int *ea = malloc(sizeof(int) * (size_t)cap),
        *ec = malloc(sizeof(int) * (size_t)cap);
    float *es = malloc(sizeof(float) * (size_t)cap);
    for (int c = 0; per > 0 && c < o->num_classes; c++) {
      for (int r = 0; r < n; r++) col[r] = scores[r * ncb + c + off];
      int ns = ref_single(o, bx, col, n, per, sel);
      for (int i = 0; i < ns; i++) {
        ea[cnt] = sel[i];
        ec[cnt] = c;
        es[cnt] = col[sel[i]];
        cnt++;
      }
    }
    for (int i = 1; i < cnt; i++) { /* stable, decreasing score */
      int a = ea[i], c = ec[i], j = i;
      float s = es[i];
      while (j > 0 && s > es[j - 1]) {
        ea[j] = ea[j - 1];
        ec[j] = ec[j - 1];
        es[j] = es[j - 1];
        j--;
      }
      ea[j] = a;
      ec[j] = c;
      es[j] = s;
    }
    num = cnt < o->max_det ? cnt : o->max_det;
    for (int i = 0; i < num; i++) {
      memcpy(oboxes + 4 * i, bx + 4 * ea[i], 16);
      ocls[i] = (float)ec[i];
      osc[i] = es[i];
    }
    free(ea);
    free(ec);
    free(es);
  }
  free(sel);
  free(col);
  free(bx);
  return num;
}

/* ---- cases ------------------------------------------------------------------
 */

static size_t make_opts(const dp_opts *o, int omit_defaults, uint8_t *buf) {
  fx_opt f[11] = {
      {"max_detections", 0, o->max_det},
      {"max_classes_per_detection", 0, o->max_cpd},
      {"nms_score_threshold", 1, o->score_thr},
      {"nms_iou_threshold", 1, o->iou_thr},
      {"num_classes", 0, o->num_classes},
      {"y_scale", 1, o->ys},
      {"x_scale", 1, o->xs},
      {"h_scale", 1, o->hs},
      {"w_scale", 1, o->ws},
      {"detections_per_class", 0, o->per_class},
      {"use_regular_nms", 2, o->regular},
  };
  return fx_map(f, omit_defaults ? 9 : 11, buf);
}

typedef struct dp_case {
  dp_opts o;
  int n, ncb, enc_w;
  int quant; /* 1: uint8 box encodings, class predictions, anchors */
  int omit_defaults;
} dp_case;

static void quantize(const float *x, size_t n, float scale, int zp, uint8_t *q,
                     float *back) {
  for (size_t i = 0; i < n; i++) {
    long v = lroundf(x[i] / scale) + zp;
    v = v < 0 ? 0 : v > 255 ? 255 : v;
    q[i] = (uint8_t)v;
    back[i] = ((float)q[i] - (float)zp) * scale;
  }
}

/* The random stream of these cases (xorshift, seed 88172645). */
static uint32_t mo_rng = 88172645u;
static float mo_rand(float lo, float hi) {
  return ot_xorshift_f(&mo_rng, lo, hi);
}

static void run_case(const dp_case *k, const char *label) {
  const int n = k->n, ncb = k->ncb, ew = k->enc_w;
  float *enc = malloc(sizeof(float) * (size_t)(n * ew + 1));
  float *cls = malloc(sizeof(float) * (size_t)(n * ncb + 1));
  float *anc = malloc(sizeof(float) * (size_t)(4 * n + 1));
  for (int i = 0; i < n; i++) {
    anc[4 * i] = mo_rand(0.1f, 0.9f);
    anc[4 * i + 1] = mo_rand(0.1f, 0.9f);
    anc[4 * i + 2] = mo_rand(0.05f, 0.5f);
    anc[4 * i + 3] = mo_rand(0.05f, 0.5f);
    for (int j = 0; j < ew; j++) enc[i * ew + j] = mo_rand(-2.0f, 2.0f);
    for (int j = 0; j < ncb; j++) cls[i * ncb + j] = mo_rand(0.0f, 1.0f);
  }
  uint8_t *qenc = NULL, *qcls = NULL, *qanc = NULL;
  const float es = 0.02f, cs = 1.0f / 256, as = 0.004f;
  const int ez = 128, cz = 0, az = 0;
  if (k->quant) { /* the reference sees the dequantized values */
    qenc = malloc((size_t)(n * ew + 1));
    qcls = malloc((size_t)(n * ncb + 1));
    qanc = malloc((size_t)(4 * n + 1));
    quantize(enc, (size_t)(n * ew), es, ez, qenc, enc);
    quantize(cls, (size_t)(n * ncb), cs, cz, qcls, cls);
    quantize(anc, (size_t)(4 * n), as, az, qanc, anc);
  }
  uint8_t opts[1024];
  dp_opts o = k->o;
  if (k->omit_defaults) {
    o.per_class = 100;
    o.regular = 0;
  }
  const size_t opts_size = make_opts(&k->o, k->omit_defaults, opts);
  const int rows = o.max_det * o.max_cpd;
  float *wb = calloc((size_t)rows * 4 + 1, 4),
        *wc = calloc((size_t)rows + 1, 4);
  float *ws = calloc((size_t)rows + 1, 4);
  const int want_num = ref_dp(&o, enc, ew, anc, cls, n, ncb, wb, wc, ws);
  const int es_shape[3] = {1, n, ew}, cs_shape[3] = {1, n, ncb},
            as_shape[2] = {n, 4};
  const int8_t tt = k->quant ? TFLC_TT_UINT8 : TFLC_TT_FLOAT32;
  const int nq = k->quant ? 1 : 0;
  const int64_t ez64 = ez, cz64 = cz, az64 = az;
  oo_tensor in[3] = {
      {tt, es_shape, 3, k->quant ? (void *)qenc : (void *)enc, 0, nq, &es,
       &ez64, 0},
      {tt, cs_shape, 3, k->quant ? (void *)qcls : (void *)cls, 0, nq, &cs,
       &cz64, 0},
      {tt, as_shape, 2, k->quant ? (void *)qanc : (void *)anc, 1, nq, &as,
       &az64, 0},
  };
  const int ob[3] = {1, rows, 4}, oc[2] = {1, rows}, on[1] = {1};
  oo_tensor out[4] = {{TFLC_TT_FLOAT32, ob, 3, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, oc, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, oc, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, on, 1, NULL, 0, 0, NULL, NULL, 0}};
  oo_op op = {.op = TFLC_OP_CUSTOM, .inputs = in, .n_inputs = 3};
  oo_ext opx = {.outputs = out,
                .n_outputs = 4,
                .custom = "TFLite_Detection_PostProcess",
                .custom_options = opts,
                .custom_options_size = opts_size};
  oo_run r;
  if (oo_run_op_ext(&op, &opx, &r, label)) {
    const TfLiteTensor *t[4];
    for (int i = 0; i < 4; i++) t[i] = oo_out(&r, i);
    CHECK_MSG(oo_shape_is(t[0], ob, 3) && oo_shape_is(t[1], oc, 2) &&
                  oo_shape_is(t[2], oc, 2) && oo_shape_is(t[3], on, 1),
              "%s: output shapes", label);
    const float *gb = TfLiteTensorData(t[0]), *gc = TfLiteTensorData(t[1]);
    const float *gs = TfLiteTensorData(t[2]), *gn = TfLiteTensorData(t[3]);
    CHECK_MSG(gn[0] == (float)want_num, "%s: num_detections %g, want %d", label,
              (double)gn[0], want_num);
    int bad = 0;
    for (int i = 0; i < rows; i++) {
      if (gc[i] != wc[i] || gs[i] != ws[i]) bad++;
      for (int j = 0; j < 4; j++)
        if (gb[4 * i + j] != wb[4 * i + j]) bad++;
      if (bad && bad < 3)
        CHECK_MSG(0, "%s: row %d: class %g score %g, want class %g score %g",
                  label, i, (double)gc[i], (double)gs[i], (double)wc[i],
                  (double)ws[i]);
    }
    CHECK_MSG(bad == 0, "%s: %d differences", label, bad);
  }
  oo_free(&r);
  free(enc);
  free(cls);
  free(anc);
  free(qenc);
  free(qcls);
  free(qanc);
  free(wb);
  free(wc);
  free(ws);
}

static const dp_opts base = {10, 1, 100, 6, 0, 0.3f, 0.5f, 10, 10, 5, 5};

static void test_cases(void) {
  char label[128];
  for (int quant = 0; quant < 2; quant++) {
    for (int regular = 0; regular < 2; regular++) {
      for (int bg = 0; bg < 2; bg++) {
        dp_case k = {base, 80, 6 + bg, 4, quant, 0};
        k.o.regular = regular;
        snprintf(label, sizeof label, "%s %s %s", quant ? "uint8" : "float",
                 regular ? "regular" : "fast",
                 bg ? "background" : "no background");
        run_case(&k, label);
        k.o.score_thr = 0.0f; /* everything is a candidate */
        k.o.iou_thr = 0.3f;
        run_case(&k, label);
        k.o.max_det = 3;
        k.o.per_class = 2;
        run_case(&k, label);
        k.o.iou_thr = 1.0f;
        k.o.max_det = 40;
        run_case(&k, label);
      }
    }
  }
  /* several classes per detection (distinct float scores) */
  dp_case k = {base, 50, 7, 4, 0, 0};
  k.o.max_cpd = 3;
  run_case(&k, "fast, 3 classes per detection");
  k.o.max_cpd = 9; /* more than num_classes: the extra rows stay 0 */
  run_case(&k, "fast, 9 classes per detection of 6");
  k.o.regular = 1;
  k.o.max_cpd = 2;
  run_case(&k, "regular with max_classes_per_detection 2");
  /* key-point box encodings (width 10) */
  dp_case kp = {base, 30, 7, 10, 0, 0};
  run_case(&kp, "box encodings of width 10");
  /* options without detections_per_class / use_regular_nms */
  dp_case d = {base, 40, 7, 4, 1, 1};
  d.o.regular = 1; /* ignored: absent means fast */
  run_case(&d, "defaults");
  /* high threshold: nothing kept, all zeros */
  dp_case z = {base, 20, 7, 4, 0, 0};
  z.o.score_thr = 2.0f;
  run_case(&z, "nothing above threshold");
  z.o.regular = 1;
  run_case(&z, "regular, nothing above threshold");
  /* zero anchors */
  dp_case e = {base, 0, 7, 4, 0, 0};
  run_case(&e, "no anchors");
  /* max_detections 0 */
  dp_case m0 = {base, 10, 7, 4, 0, 0};
  m0.o.max_det = 0;
  run_case(&m0, "max_detections 0");
}

/* Builds the op with the given options bytes and inputs. */
static void error_case(const void *opts, size_t opts_size, int n_cls_bg,
                       int anchors_n, const float *anc_data, const char *needle,
                       int at_invoke, const char *label) {
  const int n = 4;
  float enc[16] = {0}, cls[4 * 8] = {0};
  float anc[16] = {0.5f, 0.5f, 0.2f, 0.2f, 0.5f, 0.5f, 0.2f, 0.2f,
                   0.5f, 0.5f, 0.2f, 0.2f, 0.5f, 0.5f, 0.2f, 0.2f};
  if (anc_data) memcpy(anc, anc_data, sizeof anc);
  const int es[3] = {1, n, 4}, cs[3] = {1, n, n_cls_bg}, as[2] = {anchors_n, 4};
  oo_tensor in[3] = {{TFLC_TT_FLOAT32, es, 3, enc, 0, 0, NULL, NULL, 0},
                     {TFLC_TT_FLOAT32, cs, 3, cls, 0, 0, NULL, NULL, 0},
                     {TFLC_TT_FLOAT32, as, 2, anc, 1, 0, NULL, NULL, 0}};
  const int ob[3] = {1, 10, 4}, oc[2] = {1, 10}, on[1] = {1};
  oo_tensor out[4] = {{TFLC_TT_FLOAT32, ob, 3, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, oc, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, oc, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, on, 1, NULL, 0, 0, NULL, NULL, 0}};
  oo_op op = {.op = TFLC_OP_CUSTOM, .inputs = in, .n_inputs = 3};
  oo_ext opx = {.outputs = out,
                .n_outputs = 4,
                .custom = "TFLite_Detection_PostProcess",
                .custom_options = opts,
                .custom_options_size = opts_size};
  if (at_invoke)
    oo_expect_invoke_error_ext(&op, &opx, needle, label);
  else
    oo_expect_error_ext(&op, &opx, needle, label);
}

/* UINT8 inputs whose quantization is out of range: the class predictions'
 * zero point is subtracted from each score in int32 (INT32_MIN overflowed
 * there at invoke), the box encodings' and anchors' scale multiplies. The
 * model must be refused at prepare, naming the tensor; invoked anyway when
 * it is not, so that a sanitizer sees what the arithmetic does. */
static void quant_error_case(int which, float scale, int64_t zp,
                             const char *needle, const char *label) {
  const int n = 4;
  uint8_t enc[16] = {0}, cls[4 * 7] = {0};
  const uint8_t anc[16] = {128, 128, 50, 50, 128, 128, 50, 50,
                           128, 128, 50, 50, 128, 128, 50, 50};
  const float good_s = 0.01f;
  const int64_t good_z = 0;
  float s[3] = {good_s, good_s, good_s};
  int64_t z[3] = {good_z, good_z, good_z};
  s[which] = scale;
  z[which] = zp;
  uint8_t opts[1024];
  const size_t opts_size = make_opts(&base, 0, opts);
  const int es[3] = {1, n, 4}, cs[3] = {1, n, 7}, as[2] = {n, 4};
  oo_tensor in[3] = {{TFLC_TT_UINT8, es, 3, enc, 0, 1, &s[0], &z[0], 0},
                     {TFLC_TT_UINT8, cs, 3, cls, 0, 1, &s[1], &z[1], 0},
                     {TFLC_TT_UINT8, as, 2, anc, 1, 1, &s[2], &z[2], 0}};
  const int ob[3] = {1, 10, 4}, oc[2] = {1, 10}, on[1] = {1};
  oo_tensor out[4] = {{TFLC_TT_FLOAT32, ob, 3, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, oc, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, oc, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, on, 1, NULL, 0, 0, NULL, NULL, 0}};
  oo_op op = {.op = TFLC_OP_CUSTOM, .inputs = in, .n_inputs = 3};
  oo_ext opx = {.outputs = out,
                .n_outputs = 4,
                .custom = "TFLite_Detection_PostProcess",
                .custom_options = opts,
                .custom_options_size = opts_size};
  oo_run r;
  const int rc = oo_build_ext(&op, &opx, &r);
  CHECK_MSG(rc != 0, "%s: expected an error containing \"%s\"", label, needle);
  if (rc != 0)
    CHECK_CONTAINS(r.err, needle);
  else
    (void)oo_invoke(&op, &r);
  oo_free(&r);
}

static void test_errors(void) {
  uint8_t opts[1024];
  dp_opts o = base;
  size_t sz = make_opts(&o, 0, opts);
  const uint8_t garbage[5] = {1, 2, 3, 4, 5};
  error_case(garbage, sizeof garbage, 7, 4, NULL, "are not a FlexBuffer", 0,
             "garbage options");
  const uint8_t an_int[3] = {7, 1 << 2, 1};
  error_case(an_int, sizeof an_int, 7, 4, NULL, "expected a map", 0,
             "int root");
  error_case(opts, sz, 9, 4, NULL, "class_predictions have 9 classes", 0,
             "class count");
  error_case(opts, sz, 7, 3, NULL, "anchors must have shape [4, 4]", 0,
             "anchor count");
  o.iou_thr = 0.0f;
  sz = make_opts(&o, 0, opts);
  error_case(opts, sz, 7, 4, NULL, "nms_iou_threshold 0 must be in (0, 1]", 0,
             "iou 0");
  o = base;
  o.num_classes = 0;
  sz = make_opts(&o, 0, opts);
  error_case(opts, sz, 1, 4, NULL, "num_classes 0 must be positive", 0,
             "no classes");
  o = base;
  o.max_cpd = 0;
  sz = make_opts(&o, 0, opts);
  error_case(opts, sz, 7, 4, NULL,
             "max_classes_per_detection 0 must be positive", 0, "max_cpd 0");
  o = base;
  o.regular = 1;
  o.per_class = 0;
  sz = make_opts(&o, 0, opts);
  error_case(opts, sz, 7, 4, NULL, "detections_per_class 0 must be positive", 0,
             "per class 0");
  /* an anchor with negative height decodes to an inverted box */
  const float bad_anc[16] = {0.5f, 0.5f, -0.2f, 0.2f, 0.5f, 0.5f, 0.2f, 0.2f,
                             0.5f, 0.5f, 0.2f,  0.2f, 0.5f, 0.5f, 0.2f, 0.2f};
  sz = make_opts(&base, 0, opts);
  error_case(opts, sz, 7, 4, bad_anc, "decoded box 0 is inverted", 1,
             "inverted box");
  /* a truncated options buffer */
  error_case(opts, sz - 1, 7, 4, NULL, "custom options", 0,
             "truncated options");
  /* out-of-range quantization of the UINT8 inputs */
  quant_error_case(1, 0.01f, INT32_MIN,
                   "has zero point -2147483648 outside [0, 255]",
                   "uint8 class predictions with zero point INT32_MIN");
  quant_error_case(1, 0.01f, 256, "has zero point 256 outside [0, 255]",
                   "uint8 class predictions with zero point 256");
  quant_error_case(0, INFINITY, 0, "invalid quantization scale inf",
                   "uint8 box encodings with an infinite scale");
  quant_error_case(2, -1.0f, 0, "invalid quantization scale -1",
                   "uint8 anchors with a negative scale");
  /* every truncation / byte flip of valid options: no crash */
  for (size_t cut = 0; cut < sz; cut += 7) {
    oo_run r;
    const int es[3] = {1, 2, 4}, cs[3] = {1, 2, 7}, as[2] = {2, 4};
    float z[16] = {0},
          anc[8] = {0.5f, 0.5f, 0.1f, 0.1f, 0.5f, 0.5f, 0.1f, 0.1f};
    uint8_t flipped[1024];
    memcpy(flipped, opts, sz);
    flipped[cut] ^= 0x5A;
    oo_tensor in[3] = {{TFLC_TT_FLOAT32, es, 3, z, 0, 0, NULL, NULL, 0},
                       {TFLC_TT_FLOAT32, cs, 3, z, 0, 0, NULL, NULL, 0},
                       {TFLC_TT_FLOAT32, as, 2, anc, 1, 0, NULL, NULL, 0}};
    const int ob[3] = {1, 10, 4}, oc[2] = {1, 10}, on[1] = {1};
    oo_tensor out[4] = {{TFLC_TT_FLOAT32, ob, 3, NULL, 0, 0, NULL, NULL, 0},
                        {TFLC_TT_FLOAT32, oc, 2, NULL, 0, 0, NULL, NULL, 0},
                        {TFLC_TT_FLOAT32, oc, 2, NULL, 0, 0, NULL, NULL, 0},
                        {TFLC_TT_FLOAT32, on, 1, NULL, 0, 0, NULL, NULL, 0}};
    oo_op op = {.op = TFLC_OP_CUSTOM, .inputs = in, .n_inputs = 3};
    oo_ext opx = {.outputs = out,
                  .n_outputs = 4,
                  .custom = "TFLite_Detection_PostProcess",
                  .custom_options = flipped,
                  .custom_options_size = sz};
    if (oo_build_ext(&op, &opx, &r) == 0) (void)oo_invoke(&op, &r);
    oo_free(&r);
    CHECK(1);
  }
}

int main(void) {
  test_cases();
  test_errors();
  return CHECK_DONE();
}
