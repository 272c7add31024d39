/* The shared helpers of the operator tests: one-op model building and
 * running over test_model.h and the C API, output checks, seeded random
 * numbers, and the quantized reference arithmetic. See op_test.h. */
#include "support/op_test.h"

#include "schema/schema_enums.h"
#include "tflc/tflc.h"

/* ---- sizes, indices, typed values -----------------------------------------
 */

size_t oo_tt_size(int8_t tt) {
  switch (tt) {
    case TFLC_TT_FLOAT32:
    case TFLC_TT_INT32:
    case TFLC_TT_UINT32: return 4;
    case TFLC_TT_INT64:
    case TFLC_TT_FLOAT64:
    case TFLC_TT_UINT64:
    case TFLC_TT_COMPLEX64: return 8;
    case TFLC_TT_COMPLEX128: return 16;
    case TFLC_TT_INT16:
    case TFLC_TT_FLOAT16:
    case TFLC_TT_UINT16: return 2;
    case TFLC_TT_BOOL:
    case TFLC_TT_INT8:
    case TFLC_TT_UINT8: return 1;
    default: return 0;
  }
}

size_t oo_count(const int *shape, int rank) {
  size_t n = 1;
  for (int i = 0; i < rank; i++) n *= (size_t)shape[i];
  return n;
}

void ot_unravel(size_t k, const int *shape, int rank, int *coord) {
  for (int i = rank - 1; i >= 0; i--) {
    coord[i] = (int)(k % (size_t)shape[i]);
    k /= (size_t)shape[i];
  }
}

size_t ot_ravel(const int *coord, const int *shape, int rank) {
  size_t k = 0;
  for (int i = 0; i < rank; i++) k = k * (size_t)shape[i] + (size_t)coord[i];
  return k;
}

size_t ot_bcast_index(size_t flat, const int *so, int ro, const int *s, int r) {
  int coord[8];
  for (int i = ro - 1; i >= 0; i--) {
    coord[i] = (int)(flat % (size_t)so[i]);
    flat /= (size_t)so[i];
  }
  size_t idx = 0;
  for (int i = 0; i < r; i++) {
    int c = coord[ro - r + i];
    idx = idx * (size_t)s[i] + (size_t)(s[i] == 1 ? 0 : c);
  }
  return idx;
}

int64_t ot_load_int(int8_t tt, const void *p, size_t i) {
  switch (tt) {
    case TFLC_TT_INT8: return ((const int8_t *)p)[i];
    case TFLC_TT_UINT8:
    case TFLC_TT_BOOL: return ((const uint8_t *)p)[i];
    case TFLC_TT_INT16: return ((const int16_t *)p)[i];
    case TFLC_TT_UINT16: return ((const uint16_t *)p)[i];
    case TFLC_TT_UINT32: return ((const uint32_t *)p)[i];
    case TFLC_TT_INT64: return ((const int64_t *)p)[i];
    default: return ((const int32_t *)p)[i];
  }
}

void ot_store_int(int8_t tt, void *p, size_t i, int64_t v) {
  switch (tt) {
    case TFLC_TT_INT8: ((int8_t *)p)[i] = (int8_t)v; break;
    case TFLC_TT_UINT8:
    case TFLC_TT_BOOL: ((uint8_t *)p)[i] = (uint8_t)v; break;
    case TFLC_TT_INT16: ((int16_t *)p)[i] = (int16_t)v; break;
    case TFLC_TT_UINT16: ((uint16_t *)p)[i] = (uint16_t)v; break;
    case TFLC_TT_UINT32: ((uint32_t *)p)[i] = (uint32_t)v; break;
    case TFLC_TT_INT64: ((int64_t *)p)[i] = v; break;
    default: ((int32_t *)p)[i] = (int32_t)v; break;
  }
}

double ot_ref_act(double v, int act) {
  switch (act) {
    case TFLC_ACT_RELU: return v < 0 ? 0 : v;
    case TFLC_ACT_RELU_N1_TO_1: return v < -1 ? -1 : (v > 1 ? 1 : v);
    case TFLC_ACT_RELU6: return v < 0 ? 0 : (v > 6 ? 6 : v);
    case TFLC_ACT_TANH: return tanh(v);
    case TFLC_ACT_SIGN_BIT: return signbit(v) ? 1.0 : 0.0;
    default: return v;
  }
}

int ot_ref_out_size(int padding, int in, int k, int s, int d) {
  int eff = (k - 1) * d + 1;
  if (padding == TFLC_PADDING_SAME) return (in + s - 1) / s;
  int span = in - eff + 1;
  return span <= 0 ? 0 : (span + s - 1) / s;
}

int ot_ref_pad_before(int in, int k, int s, int d, int out) {
  int eff = (k - 1) * d + 1;
  int total = (out - 1) * s + eff - in;
  if (out <= 0 || total < 0) total = 0;
  return total / 2;
}

/* ---- seeded pseudo-random numbers -----------------------------------------
 */

uint32_t ot_lcg(uint32_t *state) {
  *state = *state * 1664525u + 1013904223u;
  return *state >> 8;
}

int32_t ot_lcg_int(uint32_t *state, int32_t lo, int32_t hi) {
  return lo + (int32_t)(ot_lcg(state) % (uint32_t)(hi - lo + 1));
}

float ot_lcg_unit(uint32_t *state) {
  return (float)(ot_lcg(state) & 0xffff) / 32768.0f - 1.0f;
}

float *ot_lcg_floats(uint32_t *state, size_t n, float scale) {
  float *p = malloc((n ? n : 1) * sizeof(float));
  for (size_t i = 0; i < n; i++) p[i] = ot_lcg_unit(state) * scale;
  return p;
}

uint32_t ot_xorshift(uint32_t *state) {
  *state ^= *state << 13;
  *state ^= *state >> 17;
  *state ^= *state << 5;
  return *state;
}

float ot_xorshift_f(uint32_t *state, float lo, float hi) {
  return lo + (hi - lo) * (float)(ot_xorshift(state) >> 8) / 16777216.0f;
}

static uint32_t oo_rng_state = 2463534242u;

float oo_randf(float lo, float hi) {
  return ot_xorshift_f(&oo_rng_state, lo, hi);
}

void oo_fill_f32(float *x, size_t n, float lo, float hi) {
  for (size_t i = 0; i < n; i++) x[i] = oo_randf(lo, hi);
}

float *oo_rand_buf(size_t n, float lo, float hi) {
  float *p = malloc((n ? n : 1) * sizeof(float));
  oo_fill_f32(p, n, lo, hi);
  return p;
}

/* ---- one-operator models ---------------------------------------------------
 */

static void append_message(char *buf, size_t cap, const char *format,
                           va_list args) {
  size_t used = strlen(buf);
  if (used + 2 >= cap) return;
  if (used) {
    buf[used++] = '\n';
    buf[used] = '\0';
  }
  vsnprintf(buf + used, cap - used, format, args);
}

void oo_report(void *user, const char *format, va_list args) {
  append_message((char *)user, 2048, format, args);
}

/* The reporter of oo_run: user is the oo_run. */
static void run_report(void *user, const char *format, va_list args) {
  oo_run *r = (oo_run *)user;
  append_message(r->err, sizeof r->err, format, args);
}

oo_tensor oo_in(int8_t tt, const int *shape, int rank, const void *data) {
  oo_tensor t = {.tt = tt, .shape = shape, .rank = rank, .data = data};
  return t;
}

oo_tensor oo_const(int8_t tt, const int *shape, int rank, const void *data) {
  oo_tensor t = oo_in(tt, shape, rank, data);
  t.is_const = 1;
  return t;
}

oo_tensor oo_out_t(int8_t tt, const int *shape, int rank) {
  oo_tensor t = {.tt = tt, .shape = shape, .rank = rank};
  return t;
}

void oo_quant1(oo_tensor *t, const float *scale, const int64_t *zero_point) {
  t->n_quant = 1;
  t->scales = scale;
  t->zero_points = zero_point;
}

int oo_add_tensor(tm_model *m, const oo_tensor *t, const char *name) {
  int idx;
  if (t->is_const) {
    idx = tm_const(m, t->tt, t->shape, t->rank, t->data,
                   oo_count(t->shape, t->rank) * oo_tt_size(t->tt), name);
  } else {
    idx = tm_tensor(m, t->tt, t->shape, t->rank, name);
  }
  if (t->n_quant > 0) {
    tm_quant(m, idx, t->scales, t->zero_points, t->n_quant, t->qdim);
  }
  return idx;
}

int oo_open(uint8_t *bytes, size_t size, const oo_options *o, oo_run *r) {
  memset(r, 0, sizeof *r);
  r->bytes = bytes;
  if (!bytes) {
    snprintf(r->err, sizeof r->err, "tm_finish failed");
    return -1;
  }
  r->model = TfLiteModelCreateWithErrorReporter(bytes, size, run_report, r);
  if (!r->model) return -1;
  TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(opts, run_report, r);
  if (o && o->rounding)
    TflcInterpreterOptionsSetQuantizedRounding(
        opts, (TflcQuantizedRounding)o->rounding);
  if (o && o->num_threads > 0)
    TfLiteInterpreterOptionsSetNumThreads(opts, o->num_threads);
  if (o && o->custom_reg)
    TfLiteInterpreterOptionsAddCustomOp(opts, o->custom_name, o->custom_reg, 1,
                                        1);
  r->it = TfLiteInterpreterCreate(r->model, opts);
  TfLiteInterpreterOptionsDelete(opts);
  if (r->it && TfLiteInterpreterAllocateTensors(r->it) != kTfLiteOk) {
    TfLiteInterpreterDelete(r->it);
    r->it = NULL;
  }
  return r->it ? 0 : -1;
}

int oo_finish(tm_model *m, const oo_options *o, oo_run *r) {
  size_t size = 0;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  return oo_open(bytes, size, o, r);
}

int oo_build(const oo_op *c, oo_run *r) { return oo_build_ext(c, NULL, r); }

int oo_build_ext(const oo_op *c, const oo_ext *x, oo_run *r) {
  static const oo_ext none;
  if (!x) x = &none;
  tm_model *m = tm_create();
  int ins[16], outs[16], graph_ins[16], n_graph = 0;
  for (int i = 0; i < c->n_inputs && i < 16; i++) {
    if (c->inputs[i].tt < 0) {
      ins[i] = -1;
      continue;
    }
    char name[16];
    snprintf(name, sizeof name, "in%d", i);
    ins[i] = oo_add_tensor(m, &c->inputs[i], name);
    if (!c->inputs[i].is_const) graph_ins[n_graph++] = ins[i];
  }
  int n_out = 1;
  if (x->n_outputs > 0) {
    n_out = x->n_outputs < 16 ? x->n_outputs : 16;
    for (int i = 0; i < n_out; i++) {
      char name[16];
      snprintf(name, sizeof name, "out%d", i);
      outs[i] = oo_add_tensor(m, &x->outputs[i], name);
    }
  } else {
    outs[0] = oo_add_tensor(m, &c->out, "out");
  }
  int op = tm_op(m, c->op, x->custom, ins, c->n_inputs, outs, n_out, c->bo,
                 c->fields, c->n_fields);
  if (x->custom_options)
    tm_op_custom_options(m, op, x->custom_options, x->custom_options_size);
  if (x->options2) tm_op_options2(m, op);
  tm_io(m, graph_ins, n_graph, outs, n_out);
  return oo_finish(m, &x->opts, r);
}

void oo_free(oo_run *r) {
  if (r->it) TfLiteInterpreterDelete(r->it);
  if (r->model) TfLiteModelDelete(r->model);
  free(r->bytes);
  memset(r, 0, sizeof *r);
}

TfLiteStatus oo_invoke(const oo_op *c, oo_run *r) {
  int k = 0;
  for (int i = 0; i < c->n_inputs; i++) {
    const oo_tensor *t = &c->inputs[i];
    if (t->tt < 0 || t->is_const) continue;
    TfLiteTensor *in = TfLiteInterpreterGetInputTensor(r->it, k++);
    size_t bytes = oo_count(t->shape, t->rank) * oo_tt_size(t->tt);
    if (t->data && bytes > 0) {
      if (TfLiteTensorCopyFromBuffer(in, t->data, bytes) != kTfLiteOk)
        return kTfLiteError;
    } else if (bytes > 0) {
      memset(TfLiteTensorData(in), 0, bytes);
    }
  }
  return TfLiteInterpreterInvoke(r->it);
}

const TfLiteTensor *oo_run_op(const oo_op *c, oo_run *r, const char *label) {
  return oo_run_op_ext(c, NULL, r, label);
}

const TfLiteTensor *oo_run_op_ext(const oo_op *c, const oo_ext *x, oo_run *r,
                                  const char *label) {
  if (oo_build_ext(c, x, r) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r->err);
    return NULL;
  }
  TfLiteStatus s = oo_invoke(c, r);
  CHECK_MSG(s == kTfLiteOk, "%s: invoke failed: %s", label, r->err);
  if (s != kTfLiteOk) return NULL;
  return TfLiteInterpreterGetOutputTensor(r->it, 0);
}

const TfLiteTensor *oo_out(const oo_run *r, int i) {
  return TfLiteInterpreterGetOutputTensor(r->it, i);
}

void oo_expect_error(const oo_op *c, const char *needle, const char *label) {
  oo_expect_error_ext(c, NULL, needle, label);
}

void oo_expect_error_ext(const oo_op *c, const oo_ext *x, const char *needle,
                         const char *label) {
  oo_run r;
  int rc = oo_build_ext(c, x, &r);
  CHECK_MSG(rc != 0, "%s: expected an error containing \"%s\"", label, needle);
  if (rc != 0) CHECK_CONTAINS(r.err, needle);
  oo_free(&r);
}

void oo_expect_invoke_error(const oo_op *c, const char *needle,
                            const char *label) {
  oo_expect_invoke_error_ext(c, NULL, needle, label);
}

void oo_expect_invoke_error_ext(const oo_op *c, const oo_ext *x,
                                const char *needle, const char *label) {
  oo_run r;
  if (oo_build_ext(c, x, &r) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r.err);
  } else {
    CHECK_MSG(oo_invoke(c, &r) != kTfLiteOk,
              "%s: expected invoke to fail with \"%s\"", label, needle);
    CHECK_CONTAINS(r.err, needle);
  }
  oo_free(&r);
}

/* ---- checks on outputs -----------------------------------------------------
 */

int oo_shape_is(const TfLiteTensor *t, const int *shape, int rank) {
  if (TfLiteTensorNumDims(t) != rank) return 0;
  for (int i = 0; i < rank; i++)
    if (TfLiteTensorDim(t, i) != shape[i]) return 0;
  return 1;
}

int oo_check_shape(const TfLiteTensor *t, const int *shape, int rank,
                   const char *label) {
  int ok = oo_shape_is(t, shape, rank);
  if (!ok) {
    char got[128] = "", want[128] = "";
    for (int i = 0; i < TfLiteTensorNumDims(t) && i < 16; i++)
      snprintf(got + strlen(got), sizeof got - strlen(got), "%d,",
               TfLiteTensorDim(t, i));
    for (int i = 0; i < rank && i < 16; i++)
      snprintf(want + strlen(want), sizeof want - strlen(want), "%d,",
               shape[i]);
    CHECK_MSG(ok, "%s: output shape [%s], want [%s]", label, got, want);
  } else {
    CHECK(ok);
  }
  return ok;
}

void oo_check_f32(const TfLiteTensor *t, const float *want, size_t n,
                  double tol, const char *label) {
  CHECK_EQ_INT(TfLiteTensorByteSize(t), n * sizeof(float));
  const float *got = (const float *)TfLiteTensorData(t);
  int bad = 0;
  for (size_t i = 0; i < n && got; i++) {
    double w = want[i], g = got[i];
    double lim = tol * (fabs(w) > 1 ? fabs(w) : 1);
    int ok =
        (isnan(w) && isnan(g)) || (isinf(w) && g == w) || fabs(g - w) <= lim;
    if (!ok && bad++ < 5)
      CHECK_MSG(ok, "%s: element %zu = %.9g, want %.9g", label, i, g, w);
  }
  CHECK_MSG(bad == 0, "%s: %d wrong elements", label, bad);
}

void oo_check_bytes(const TfLiteTensor *t, const void *want, size_t bytes,
                    const char *label) {
  CHECK_EQ_INT(TfLiteTensorByteSize(t), bytes);
  const void *got = TfLiteTensorData(t);
  CHECK_MSG(bytes == 0 || (got && memcmp(got, want, bytes) == 0),
            "%s: output bytes differ", label);
}

void ot_check_f32_tol(const char *label, const TfLiteTensor *o, const int *ws,
                      int wr, const double *want, const double *tol) {
  CHECK_MSG(TfLiteTensorNumDims(o) == wr, "%s: rank %d, want %d", label,
            (int)TfLiteTensorNumDims(o), wr);
  if (TfLiteTensorNumDims(o) != wr) return;
  for (int i = 0; i < wr; i++)
    CHECK_MSG(TfLiteTensorDim(o, i) == ws[i], "%s: dim %d is %d, want %d",
              label, i, (int)TfLiteTensorDim(o, i), ws[i]);
  size_t n = oo_count(ws, wr);
  CHECK_EQ_INT(TfLiteTensorByteSize(o), n * sizeof(float));
  const float *got = TfLiteTensorData(o);
  int bad = 0;
  for (size_t i = 0; i < n && got; i++) {
    if (fabs((double)got[i] - want[i]) > tol[i]) {
      if (bad++ < 5)
        CHECK_MSG(0, "%s: element %zu is %.9g, want %.9g", label, i,
                  (double)got[i], want[i]);
    }
  }
  CHECK_MSG(bad == 0, "%s: %d wrong elements of %zu", label, bad, n);
}

void ot_check_ints(const TfLiteTensor *t, int8_t tt, const int64_t *want,
                   size_t n, const char *label) {
  if (!t) return;
  const void *got = TfLiteTensorData(t);
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    const int64_t g = ot_load_int(tt, got, i);
    if (g != want[i] && bad++ < 5)
      CHECK_MSG(0, "%s: element %zu = %lld, want %lld", label, i, (long long)g,
                (long long)want[i]);
  }
  CHECK_MSG(bad == 0, "%s: %d wrong elements of %zu", label, bad, n);
}

void oo_run_expect(const oo_op *op, const int *shape, int rank,
                   const void *want, size_t bytes, const char *label) {
  oo_run r;
  const TfLiteTensor *out = oo_run_op(op, &r, label);
  if (out && oo_check_shape(out, shape, rank, label))
    oo_check_bytes(out, want, bytes, label);
  oo_free(&r);
}

void oo_run_expect_f32(const oo_op *op, const int *shape, int rank,
                       const float *want, size_t n, double tol,
                       const char *label) {
  oo_run r;
  const TfLiteTensor *out = oo_run_op(op, &r, label);
  if (out && oo_check_shape(out, shape, rank, label))
    oo_check_f32(out, want, n, tol, label);
  oo_free(&r);
}

/* ---- TensorFlow Lite's integer arithmetic ----------------------------------
 */

static uint32_t qr_state = 12345u;

int32_t qr_rand(int32_t lo, int32_t hi) {
  qr_state = qr_state * 1103515245u + 12345u;
  return lo + (int32_t)((qr_state >> 8) % (uint32_t)(hi - lo + 1));
}

float qr_frand(void) { return (float)qr_rand(-10000, 10000) / 10000.0f; }

void qr_multiplier(double real, int32_t *m, int *e) {
  if (real == 0.0) {
    *m = 0;
    *e = 0;
    return;
  }
  int ex;
  double frac = frexp(real, &ex);
  double scaled = frac * 2147483648.0;
  int64_t q = (int64_t)(scaled + 0.5); /* positive: half away from zero */
  if (q == INT64_C(2147483648)) {
    q /= 2;
    ex++;
  }
  if (ex < -31) {
    q = 0;
    ex = 0;
  }
  *m = (int32_t)q;
  *e = ex;
}

/* gemmlowp's nudge then truncating division gives exactly floor(x + 1/2). */
int32_t qr_high_mul(int32_t a, int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  int64_t p = (int64_t)a * b + (INT64_C(1) << 30);
  int64_t d = INT64_C(1) << 31;
  int64_t r = p >= 0 ? p / d : -((-p + d - 1) / d); /* floor */
  return (int32_t)r;
}

int32_t qr_div_pot(int32_t x, int e) {
  if (e == 0) return x;
  int64_t v = x, half = INT64_C(1) << (e - 1);
  return (int32_t)(v >= 0 ? (v + half) >> e : -((-v + half) >> e));
}

int32_t qr_mul(int32_t x, int32_t m, int shift) {
  int32_t shifted = shift > 0 ? (int32_t)((uint32_t)x << shift) : x;
  return qr_div_pot(qr_high_mul(shifted, m), shift > 0 ? 0 : -shift);
}

int32_t qr_mul64(int64_t x, int32_t m, int shift) {
  int64_t m15 = m < 0x7FFF0000 ? ((int64_t)m + (1 << 15)) / 65536 : 0x7FFF;
  int total = 15 - shift;
  int64_t r = x * m15 + (INT64_C(1) << (total - 1));
  r = r >= 0 ? r / (INT64_C(1) << total)
             : -((-r + (INT64_C(1) << total) - 1) / (INT64_C(1) << total));
  return (int32_t)r;
}

void qr_type_range(TfLiteType t, int32_t *lo, int32_t *hi) {
  switch (t) {
    case kTfLiteInt8:
      *lo = -128;
      *hi = 127;
      break;
    case kTfLiteUInt8:
      *lo = 0;
      *hi = 255;
      break;
    default:
      *lo = -32768;
      *hi = 32767;
      break;
  }
}

void qr_act_range(int act, float scale, int32_t zp, TfLiteType t, int32_t *lo,
                  int32_t *hi) {
  qr_type_range(t, lo, hi);
  float a = 0, b = 0;
  int has_lo = 0, has_hi = 0;
  if (act == TFLC_ACT_RELU) {
    a = 0;
    has_lo = 1;
  }
  if (act == TFLC_ACT_RELU6) {
    a = 0;
    b = 6;
    has_lo = has_hi = 1;
  }
  if (act == TFLC_ACT_RELU_N1_TO_1) {
    a = -1;
    b = 1;
    has_lo = has_hi = 1;
  }
  if (has_lo) {
    int32_t q = zp + (int32_t)roundf(a / scale);
    if (q > *lo) *lo = q;
  }
  if (has_hi) {
    int32_t q = zp + (int32_t)roundf(b / scale);
    if (q < *hi) *hi = q;
  }
}

int32_t qr_clamp(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

int8_t qr_tt(TfLiteType t) {
  switch (t) {
    case kTfLiteInt8: return TFLC_TT_INT8;
    case kTfLiteUInt8: return TFLC_TT_UINT8;
    case kTfLiteInt16: return TFLC_TT_INT16;
    case kTfLiteInt32: return TFLC_TT_INT32;
    case kTfLiteInt64: return TFLC_TT_INT64;
    default: return TFLC_TT_FLOAT32;
  }
}

size_t qr_size(TfLiteType t) {
  switch (t) {
    case kTfLiteInt8:
    case kTfLiteUInt8: return 1;
    case kTfLiteInt16: return 2;
    case kTfLiteInt64: return 8;
    default: return 4;
  }
}

void *qr_pack(TfLiteType t, const int64_t *v, size_t n) {
  void *p = malloc((n ? n : 1) * qr_size(t));
  for (size_t i = 0; i < n; i++) {
    switch (t) {
      case kTfLiteInt8: ((int8_t *)p)[i] = (int8_t)v[i]; break;
      case kTfLiteUInt8: ((uint8_t *)p)[i] = (uint8_t)v[i]; break;
      case kTfLiteInt16: ((int16_t *)p)[i] = (int16_t)v[i]; break;
      case kTfLiteInt32: ((int32_t *)p)[i] = (int32_t)v[i]; break;
      default: ((int64_t *)p)[i] = v[i]; break;
    }
  }
  return p;
}

int64_t qr_get(TfLiteType t, const void *p, size_t i) {
  switch (t) {
    case kTfLiteInt8: return ((const int8_t *)p)[i];
    case kTfLiteUInt8: return ((const uint8_t *)p)[i];
    case kTfLiteInt16: return ((const int16_t *)p)[i];
    case kTfLiteInt32: return ((const int32_t *)p)[i];
    default: return ((const int64_t *)p)[i];
  }
}

int64_t *qr_random(size_t n, int32_t lo, int32_t hi) {
  int64_t *v = malloc((n ? n : 1) * sizeof(int64_t));
  for (size_t i = 0; i < n; i++) v[i] = qr_rand(lo, hi);
  return v;
}

void qr_quant_sym(const float *x, size_t n, int32_t *q, float *scale) {
  float big = 0;
  for (size_t i = 0; i < n; i++) big = fabsf(x[i]) > big ? fabsf(x[i]) : big;
  if (big == 0) {
    for (size_t i = 0; i < n; i++) q[i] = 0;
    *scale = 1;
    return;
  }
  *scale = big / 127.0f;
  for (size_t i = 0; i < n; i++) {
    int32_t v = (int32_t)roundf(x[i] * (127.0f / big));
    q[i] = qr_clamp(v, -127, 127);
  }
}

void qr_quant_asym(const float *x, size_t n, int32_t *q, float *scale,
                   int32_t *zp) {
  float lo = 0, hi = 0;
  for (size_t i = 0; i < n; i++) {
    lo = x[i] < lo ? x[i] : lo;
    hi = x[i] > hi ? x[i] : hi;
  }
  if (lo == hi) {
    for (size_t i = 0; i < n; i++) q[i] = 0;
    *scale = 1;
    *zp = 0;
    return;
  }
  double s = ((double)hi - (double)lo) / 255.0;
  double zl = -128.0 - (double)lo / s, zh = 127.0 - (double)hi / s;
  double z =
      (128.0 + fabs((double)lo / s)) < (127.0 + fabs((double)hi / s)) ? zl : zh;
  *zp = z <= -128 ? -128 : (z >= 127 ? 127 : (int32_t)round(z));
  *scale = (float)s;
  for (size_t i = 0; i < n; i++) {
    int32_t v = (int32_t)roundf((float)*zp + x[i] * (1.0f / *scale));
    q[i] = qr_clamp(v, -128, 127);
  }
}
