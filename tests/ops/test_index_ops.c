/* Op tests of the index kernels: GATHER_ND, SCATTER_ND,
 * DYNAMIC_UPDATE_SLICE, WHERE, TOPK_V2, ARG_MAX, ARG_MIN and CUMSUM.
 * One-op models built with the project's writer, compared with plain
 * references written here (coordinate arithmetic per element, selection by
 * repeated search), over options, negative axes, types, constant and
 * non-constant (dynamic output) inputs, zero-size tensors, and the errors
 * prepare and invoke must report (indices out of range). */
#include "support/op_test.h"

#define F32 TFLC_TT_FLOAT32
#define I32 TFLC_TT_INT32
#define I64 TFLC_TT_INT64
#define I16 TFLC_TT_INT16
#define I8 TFLC_TT_INT8
#define U8 TFLC_TT_UINT8
#define BOOL TFLC_TT_BOOL

/* ---- GATHER_ND ---------------------------------------------------------- */

/* Reference: output element at coord = params[idx[coord[:ir-1]], coord[ir-1:]].
 */
static void ref_gather_nd(const float *p, const int *ps, int pr,
                          const int32_t *idx, const int *is, int ir, float *out,
                          int *os, int *orank) {
  int nd = is[ir - 1];
  int k = 0;
  for (int i = 0; i < ir - 1; i++) os[k++] = is[i];
  for (int i = nd; i < pr; i++) os[k++] = ps[i];
  *orank = k;
  size_t n = oo_count(os, k);
  for (size_t e = 0; e < n; e++) {
    int oc[16], pc[16];
    ot_unravel(e, os, k, oc);
    size_t slice = ot_ravel(oc, is, ir - 1);
    for (int j = 0; j < nd; j++) pc[j] = idx[slice * (size_t)nd + (size_t)j];
    for (int j = nd; j < pr; j++) pc[j] = oc[ir - 1 + j - nd];
    out[e] = p[ot_ravel(pc, ps, pr)];
  }
}

static void gather_nd_case(const int *ps, int pr, const int32_t *idx,
                           const int *is, int ir, const char *label) {
  float p[256];
  size_t np = oo_count(ps, pr);
  for (size_t i = 0; i < np; i++) p[i] = (float)i * 1.5f - 7.0f;
  float want[256];
  int os[16], orank;
  ref_gather_nd(p, ps, pr, idx, is, ir, want, os, &orank);
  oo_tensor ins[2] = {oo_in(F32, ps, pr, p), oo_in(I32, is, ir, idx)};
  oo_op op = {.op = TFLC_OP_GATHER_ND,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, os, orank)};
  oo_run_expect(&op, os, orank, want, oo_count(os, orank) * 4, label);
  /* Same indices as int64 and int16, constant. */
  int64_t idx64[64];
  int16_t idx16[64];
  size_t ni = oo_count(is, ir);
  for (size_t i = 0; i < ni; i++) {
    idx64[i] = idx[i];
    idx16[i] = (int16_t)idx[i];
  }
  ins[1] = oo_const(I64, is, ir, idx64);
  oo_run_expect(&op, os, orank, want, oo_count(os, orank) * 4, label);
  ins[1] = oo_in(I16, is, ir, idx16);
  oo_run_expect(&op, os, orank, want, oo_count(os, orank) * 4, label);
}

static void test_gather_nd(void) {
  static const int p234[3] = {2, 3, 4};
  static const int i32_[2] = {3, 2}, i3_3[2] = {2, 3}, i1[1] = {1};
  static const int i2_1[2] = {2, 1}, i0[2] = {4, 0}, i221[3] = {2, 2, 1};
  static const int32_t a[6] = {0, 1, 1, 2, 1, 0};
  gather_nd_case(p234, 3, a, i32_, 2, "gather_nd slices of rows");
  static const int32_t b[6] = {0, 1, 3, 1, 2, 0};
  gather_nd_case(p234, 3, b, i3_3, 2, "gather_nd elements");
  static const int32_t c[1] = {1};
  gather_nd_case(p234, 3, c, i1, 1, "gather_nd 1-D indices");
  static const int32_t d[2] = {1, 0};
  gather_nd_case(p234, 3, d, i2_1, 2, "gather_nd batch of 2");
  gather_nd_case(p234, 3, NULL, i0, 2, "gather_nd nd 0 (whole params)");
  static const int32_t e[4] = {1, 0, 0, 1};
  gather_nd_case(p234, 3, e, i221, 3, "gather_nd rank-3 indices");
  /* Zero slices. */
  static const int iz[2] = {0, 2}, oz[2] = {0, 4};
  float p[24] = {0};
  oo_tensor ins[2] = {oo_in(F32, p234, 3, p), oo_in(I32, iz, 2, NULL)};
  oo_op op = {.op = TFLC_OP_GATHER_ND,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, oz, 2)};
  oo_run_expect(&op, oz, 2, NULL, 0, "gather_nd zero slices");
  /* int8 and bool params. */
  static const int s4[1] = {4}, s21[2] = {2, 1}, s2[1] = {2};
  static const int8_t p8[4] = {-1, 5, 7, -128};
  static const int32_t i8i[2] = {3, 1};
  static const int8_t w8[2] = {-128, 5};
  oo_tensor q[2] = {oo_in(I8, s4, 1, p8), oo_in(I32, s21, 2, i8i)};
  oo_op op8 = {.op = TFLC_OP_GATHER_ND,
               .inputs = q,
               .n_inputs = 2,
               .out = oo_out_t(I8, s2, 1)};
  oo_run_expect(&op8, s2, 1, w8, 2, "gather_nd int8");
  /* Errors: out of range at invoke, shapes at prepare. */
  static const int32_t bad[2] = {4, 0};
  q[1] = oo_in(I32, s21, 2, bad);
  oo_expect_invoke_error(&op8,
                         "index 4 of slice 0 (dimension 0) is out of range",
                         "gather_nd index too big");
  static const int32_t negi[2] = {0, -1};
  q[1] = oo_in(I32, s21, 2, negi);
  oo_expect_invoke_error(&op8, "index -1 of slice 1",
                         "gather_nd negative index");
  static const int s1_2[2] = {1, 2};
  q[1] = oo_in(I32, s1_2, 2, negi);
  oo_expect_error(&op8,
                  "indices last dimension 2 is larger than the params rank 1",
                  "gather_nd nd > rank");
  q[1] = oo_in(F32, s21, 2, NULL);
  oo_expect_error(&op8, "indices type FLOAT32 is not supported",
                  "gather_nd idx type");
  q[1] = oo_in(I32, s21, 2, i8i);
  op8.out = oo_out_t(U8, s2, 1);
  oo_expect_error(&op8, "output type UINT8 differs from params type INT8",
                  "gather_nd out type");
}

/* ---- SCATTER_ND --------------------------------------------------------- */

static void test_scatter_nd(void) {
  /* shape [4, 3], indices [[1], [3], [1]] (duplicate), updates [3, 3]. */
  static const int s31[2] = {3, 1}, s33[2] = {3, 3}, s2[1] = {2};
  static const int s43[2] = {4, 3};
  static const int32_t idx[3] = {1, 3, 1};
  static const float up[9] = {1, 2, 3, 4, 5, 6, 10, 20, 30};
  static const int32_t shp[2] = {4, 3};
  float want[12] = {0};
  for (int s = 0; s < 3; s++)
    for (int j = 0; j < 3; j++) want[idx[s] * 3 + j] += up[s * 3 + j];
  oo_tensor ins[3] = {oo_in(I32, s31, 2, idx), oo_in(F32, s33, 2, up),
                      oo_const(I32, s2, 1, shp)};
  oo_op op = {.op = TFLC_OP_SCATTER_ND,
              .inputs = ins,
              .n_inputs = 3,
              .out = oo_out_t(F32, s43, 2)};
  oo_run_expect(&op, s43, 2, want, sizeof want, "scatter_nd duplicates");
  /* Non-constant shape: dynamic output. */
  ins[2] = oo_in(I32, s2, 1, shp);
  oo_run_expect(&op, s43, 2, want, sizeof want, "scatter_nd dynamic shape");
  /* Element indices into int32, [2, 2] -> scalar updates. */
  static const int s22[2] = {2, 2}, s3[1] = {3};
  static const int32_t eidx[6] = {0, 2, 3, 0, 0, 2};
  static const int32_t eup[3] = {5, 7, -1};
  static const int s32[2] = {3, 2};
  int32_t wi[12] = {0};
  wi[0 * 3 + 2] += 5;
  wi[3 * 3 + 0] += 7;
  wi[0 * 3 + 2] += -1;
  oo_tensor e[3] = {oo_in(I32, s32, 2, eidx), oo_in(I32, s3, 1, eup),
                    oo_const(I32, s2, 1, shp)};
  oo_op eop = {.op = TFLC_OP_SCATTER_ND,
               .inputs = e,
               .n_inputs = 3,
               .out = oo_out_t(I32, s43, 2)};
  oo_run_expect(&eop, s43, 2, wi, sizeof wi, "scatter_nd int32 elements");
  /* bool: or. */
  static const uint8_t bup[3] = {1, 0, 0};
  uint8_t wb[12] = {0};
  wb[2] = 1;
  e[1] = oo_in(BOOL, s3, 1, bup);
  eop.out = oo_out_t(BOOL, s43, 2);
  oo_run_expect(&eop, s43, 2, wb, sizeof wb, "scatter_nd bool");
  (void)s22;
  /* Zero updates: all zeros. */
  static const int s01[2] = {0, 1}, s03[2] = {0, 3};
  float zeros[12] = {0};
  oo_tensor z[3] = {oo_in(I32, s01, 2, NULL), oo_in(F32, s03, 2, NULL),
                    oo_const(I32, s2, 1, shp)};
  oo_op zop = {.op = TFLC_OP_SCATTER_ND,
               .inputs = z,
               .n_inputs = 3,
               .out = oo_out_t(F32, s43, 2)};
  oo_run_expect(&zop, s43, 2, zeros, sizeof zeros, "scatter_nd no updates");
  /* Errors. */
  static const int32_t bad[3] = {1, 4, 0};
  ins[0] = oo_in(I32, s31, 2, bad);
  ins[2] = oo_const(I32, s2, 1, shp);
  oo_expect_invoke_error(&op,
                         "index 4 of slice 1 (dimension 0) is out of range",
                         "scatter_nd out of range");
  ins[0] = oo_in(I32, s31, 2, idx);
  static const int32_t shp_bad[2] = {4, 5};
  ins[2] = oo_const(I32, s2, 1, shp_bad);
  oo_expect_error(&op, "updates dimension 1 is 3 but output dimension 1 is 5",
                  "scatter_nd shape mismatch");
  ins[2] = oo_in(I32, s2, 1, shp_bad);
  oo_expect_invoke_error(&op, "updates dimension 1 is 3",
                         "scatter_nd dynamic shape mismatch");
  static const int64_t shp64[2] = {4, 3};
  ins[2] = oo_const(I64, s2, 1, shp64);
  oo_expect_error(&op, "shape type INT64 differs from indices type INT32",
                  "scatter_nd shape type");
  static const int32_t negs[2] = {-4, 3};
  ins[2] = oo_const(I32, s2, 1, negs);
  oo_expect_error(&op, "shape dimension 0 is negative", "scatter_nd neg shape");
  ins[2] = oo_const(I32, s2, 1, shp);
  op.out = oo_out_t(I32, s43, 2);
  oo_expect_error(&op, "output type INT32 differs from updates type FLOAT32",
                  "scatter_nd out type");
}

/* ---- DYNAMIC_UPDATE_SLICE ----------------------------------------------- */

static void dus_case(const int *os, const int *us, int rank,
                     const int32_t *start, int start_const, const char *label) {
  float operand[256], update[256], want[256];
  size_t no = oo_count(os, rank), nu = oo_count(us, rank);
  for (size_t i = 0; i < no; i++) operand[i] = (float)i;
  for (size_t i = 0; i < nu; i++) update[i] = -1.0f - (float)i;
  memcpy(want, operand, no * sizeof(float));
  int begin[8];
  for (int d = 0; d < rank; d++) {
    int hi = os[d] - us[d];
    begin[d] = start[d] < 0 ? 0 : (start[d] > hi ? hi : start[d]);
  }
  for (size_t i = 0; i < nu; i++) {
    int c[8];
    ot_unravel(i, us, rank, c);
    for (int d = 0; d < rank; d++) c[d] += begin[d];
    want[ot_ravel(c, os, rank)] = update[i];
  }
  int sr[1] = {rank};
  oo_tensor ins[3] = {
      oo_in(F32, os, rank, operand), oo_in(F32, us, rank, update),
      start_const ? oo_const(I32, sr, 1, start) : oo_in(I32, sr, 1, start)};
  oo_op op = {.op = TFLC_OP_DYNAMIC_UPDATE_SLICE,
              .inputs = ins,
              .n_inputs = 3,
              .out = oo_out_t(F32, os, rank)};
  oo_run_expect(&op, os, rank, want, no * 4, label);
}

static void test_dus(void) {
  static const int o34[2] = {3, 4}, u22[2] = {2, 2}, u34[2] = {3, 4};
  static const int o234[3] = {2, 3, 4}, u121[3] = {1, 2, 1};
  static const int u02[2] = {0, 2};
  static const int32_t s11[2] = {1, 1}, s_clamp[2] = {5, -3};
  static const int32_t s000[3] = {1, 1, 3}, s_big[3] = {7, 100, -100};
  dus_case(o34, u22, 2, s11, 0, "dus 2-D");
  dus_case(o34, u22, 2, s_clamp, 1, "dus clamped");
  dus_case(o34, u34, 2, s_clamp, 0, "dus whole");
  dus_case(o234, u121, 3, s000, 0, "dus 3-D");
  dus_case(o234, u121, 3, s_big, 0, "dus 3-D clamped");
  dus_case(o34, u02, 2, s11, 0, "dus empty update");
  /* int64 start indices, int8 data. */
  static const int s4[1] = {4}, s2[1] = {2}, s1[1] = {1};
  static const int8_t op8[4] = {1, 2, 3, 4}, up8[2] = {-9, -8};
  static const int64_t st64[1] = {3};
  static const int8_t w8[4] = {1, 2, -9, -8};
  oo_tensor ins[3] = {oo_in(I8, s4, 1, op8), oo_in(I8, s2, 1, up8),
                      oo_in(I64, s1, 1, st64)};
  oo_op op = {.op = TFLC_OP_DYNAMIC_UPDATE_SLICE,
              .inputs = ins,
              .n_inputs = 3,
              .out = oo_out_t(I8, s4, 1)};
  oo_run_expect(&op, s4, 1, w8, 4, "dus int8 int64 start");
  /* Errors. */
  static const int s5[1] = {5};
  ins[1] = oo_in(I8, s5, 1, NULL);
  oo_expect_error(&op,
                  "update dimension 0 (5) is larger than the operand's (4)",
                  "dus update too big");
  ins[1] = oo_in(I32, s2, 1, NULL);
  oo_expect_error(&op, "update type INT32 differs from operand type INT8",
                  "dus type");
  ins[1] = oo_in(I8, s2, 1, up8);
  ins[2] = oo_in(I64, s2, 1, NULL);
  oo_expect_error(&op,
                  "start_indices has 2 elements but the operand has rank 1",
                  "dus start size");
  ins[2] = oo_in(F32, s1, 1, NULL);
  oo_expect_error(&op, "start_indices type FLOAT32 is not supported",
                  "dus start type");
}

/* ---- WHERE -------------------------------------------------------------- */

static void test_where(void) {
  static const int s23[2] = {2, 3}, s32[2] = {3, 2}, s00[2] = {0, 2};
  static const uint8_t c[6] = {1, 0, 1, 0, 0, 1};
  static const int64_t want[6] = {0, 0, 0, 2, 1, 2};
  oo_tensor in = oo_in(BOOL, s23, 2, c);
  oo_op op = {.op = TFLC_OP_WHERE,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(I64, s32, 2)};
  oo_run_expect(&op, s32, 2, want, sizeof want, "where bool dynamic");
  in = oo_const(BOOL, s23, 2, c);
  oo_run_expect(&op, s32, 2, want, sizeof want, "where bool const");
  static const float cf[6] = {0.0f, 0.0f, 0.5f, 0.0f, -1.0f, 0.0f};
  static const int64_t wantf[4] = {0, 2, 1, 1};
  static const int s22[2] = {2, 2};
  in = oo_in(F32, s23, 2, cf);
  oo_run_expect(&op, s22, 2, wantf, sizeof wantf, "where float");
  static const int32_t ci[6] = {0};
  in = oo_in(I32, s23, 2, ci);
  oo_run_expect(&op, s00, 2, NULL, 0, "where none true");
  static const int s0[1] = {0}, s01[2] = {0, 1};
  in = oo_in(BOOL, s0, 1, NULL);
  oo_run_expect(&op, s01, 2, NULL, 0, "where zero-size");
  /* Errors. */
  in = oo_in(BOOL, s23, 2, c);
  op.out = oo_out_t(I32, s32, 2);
  oo_expect_error(&op, "output type INT32 is not supported (INT64)",
                  "where out type");
  in = oo_in(I16, s23, 2, NULL);
  op.out = oo_out_t(I64, s32, 2);
  oo_expect_error(&op, "condition type INT16 is not supported",
                  "where in type");
}

/* ---- TOPK_V2 (two outputs: a model built here) -------------------------- */

static int topk_build(int8_t tt, const int *shape, int rank, int32_t k,
                      int k_const, int8_t idx_tt, oo_run *r) {
  memset(r, 0, sizeof *r);
  tm_model *m = tm_create();
  int in = tm_tensor(m, tt, shape, rank, "in");
  static const int s1[1] = {1};
  int kt = k_const ? tm_const(m, I32, s1, 0, &k, 4, "k")
                   : tm_tensor(m, I32, s1, 0, "k");
  int ov = tm_tensor(m, tt, shape, rank, "values");
  int oi = tm_tensor(m, idx_tt, shape, rank, "indices");
  int ins[2] = {in, kt}, outs[2] = {ov, oi};
  tm_op(m, TFLC_OP_TOPK_V2, NULL, ins, 2, outs, 2, 0, NULL, 0);
  int gins[2] = {in, kt};
  tm_io(m, gins, k_const ? 1 : 2, outs, 2);
  size_t size = 0;
  r->bytes = tm_finish(m, &size);
  tm_free(m);
  if (!r->bytes) return -1;
  r->model =
      TfLiteModelCreateWithErrorReporter(r->bytes, size, oo_report, r->err);
  if (!r->model) return -1;
  TfLiteInterpreterOptions *o = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(o, oo_report, r->err);
  r->it = TfLiteInterpreterCreate(r->model, o);
  TfLiteInterpreterOptionsDelete(o);
  if (r->it && TfLiteInterpreterAllocateTensors(r->it) != kTfLiteOk) {
    TfLiteInterpreterDelete(r->it);
    r->it = NULL;
  }
  return r->it ? 0 : -1;
}

static void topk_case(const float *x, const int *shape, int rank, int32_t k,
                      int k_const, const char *label) {
  oo_run r;
  if (topk_build(F32, shape, rank, k, k_const, I32, &r) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r.err);
    oo_free(&r);
    return;
  }
  size_t n = oo_count(shape, rank);
  TfLiteTensor *in = TfLiteInterpreterGetInputTensor(r.it, 0);
  if (n) TfLiteTensorCopyFromBuffer(in, x, n * 4);
  if (!k_const)
    TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(r.it, 1), &k, 4);
  CHECK_MSG(TfLiteInterpreterInvoke(r.it) == kTfLiteOk, "%s: %s", label, r.err);
  const TfLiteTensor *v = TfLiteInterpreterGetOutputTensor(r.it, 0);
  const TfLiteTensor *ix = TfLiteInterpreterGetOutputTensor(r.it, 1);
  int os[8];
  for (int i = 0; i < rank; i++) os[i] = shape[i];
  os[rank - 1] = k;
  if (oo_check_shape(v, os, rank, label) &&
      oo_check_shape(ix, os, rank, label)) {
    int last = shape[rank - 1];
    size_t rows = last ? n / (size_t)last : 0;
    float wv[256];
    int32_t wi[256];
    for (size_t row = 0; row < rows; row++) {
      int used[64] = {0};
      for (int j = 0; j < k; j++) {
        int best = -1;
        for (int c = 0; c < last; c++) {
          if (used[c]) continue;
          if (best < 0 || x[row * last + c] > x[row * last + best]) best = c;
        }
        used[best] = 1;
        wv[row * k + j] = x[row * last + best];
        wi[row * k + j] = best;
      }
    }
    oo_check_bytes(v, wv, rows * (size_t)k * 4, label);
    oo_check_bytes(ix, wi, rows * (size_t)k * 4, label);
  }
  oo_free(&r);
}

static void test_topk(void) {
  static const int s26[2] = {2, 6}, s5[1] = {5}, s30[2] = {3, 0};
  static const float x[12] = {1, 5, 3, 5, 2, 0, -1, -1, -2, 7, -1, 7};
  topk_case(x, s26, 2, 3, 1, "topk const k ties");
  topk_case(x, s26, 2, 6, 0, "topk dynamic k all");
  topk_case(x, s26, 2, 0, 0, "topk k 0");
  topk_case(x, s5, 1, 2, 0, "topk 1-D");
  topk_case(x, s30, 2, 0, 1, "topk zero-size");
  /* int8 values. */
  oo_run r;
  static const int s4[1] = {4};
  static const int8_t q[4] = {-5, 100, -128, 100};
  if (topk_build(I8, s4, 1, 3, 1, I32, &r) == 0) {
    TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(r.it, 0), q, 4);
    CHECK(TfLiteInterpreterInvoke(r.it) == kTfLiteOk);
    static const int8_t wv[3] = {100, 100, -5};
    static const int32_t wi[3] = {1, 3, 0};
    oo_check_bytes(TfLiteInterpreterGetOutputTensor(r.it, 0), wv, 3,
                   "topk int8");
    oo_check_bytes(TfLiteInterpreterGetOutputTensor(r.it, 1), wi, 12,
                   "topk int8 idx");
  } else {
    CHECK_MSG(0, "topk int8 build: %s", r.err);
  }
  oo_free(&r);
  /* Errors. */
  CHECK(topk_build(F32, s5, 1, 6, 1, I32, &r) != 0);
  CHECK_CONTAINS(r.err, "k 6 is larger than the last dimension 5");
  oo_free(&r);
  CHECK(topk_build(F32, s5, 1, -1, 1, I32, &r) != 0);
  CHECK_CONTAINS(r.err, "k -1 is negative");
  oo_free(&r);
  CHECK(topk_build(F32, s5, 1, 2, 1, I64, &r) != 0);
  CHECK_CONTAINS(r.err, "indices output type INT64 is not supported");
  oo_free(&r);
  CHECK(topk_build(BOOL, s5, 1, 2, 1, I32, &r) != 0);
  CHECK_CONTAINS(r.err, "input type BOOL is not supported");
  oo_free(&r);
  /* Dynamic k too large: invoke error. */
  if (topk_build(F32, s5, 1, 0, 0, I32, &r) == 0) {
    int32_t k = 9;
    TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(r.it, 1), &k, 4);
    CHECK(TfLiteInterpreterInvoke(r.it) != kTfLiteOk);
    CHECK_CONTAINS(r.err, "k 9 is larger than the last dimension 5");
  } else {
    CHECK_MSG(0, "topk dynamic build: %s", r.err);
  }
  oo_free(&r);
}

/* ---- ARG_MAX / ARG_MIN -------------------------------------------------- */

static void arg_case(int is_max, int8_t tt, const void *x, const int *shape,
                     int rank, int32_t axis, int axis_const, int8_t out_tt,
                     int with_opt, const char *label) {
  int a = axis < 0 ? axis + rank : axis;
  int os[8], k = 0;
  for (int i = 0; i < rank; i++)
    if (i != a) os[k++] = shape[i];
  size_t outer = 1, inner = 1;
  for (int i = 0; i < a; i++) outer *= (size_t)shape[i];
  for (int i = a + 1; i < rank; i++) inner *= (size_t)shape[i];
  int64_t want64[256];
  int32_t want32[256];
  for (size_t o = 0; o < outer; o++) {
    for (size_t i = 0; i < inner; i++) {
      int best = 0;
      double bv = 0;
      for (int j = 0; j < shape[a]; j++) {
        size_t p = (o * (size_t)shape[a] + (size_t)j) * inner + i;
        double v;
        switch (tt) {
          case F32: v = ((const float *)x)[p]; break;
          case I32: v = ((const int32_t *)x)[p]; break;
          case I8: v = ((const int8_t *)x)[p]; break;
          default: v = ((const uint8_t *)x)[p]; break;
        }
        if (j == 0 || (is_max ? v > bv : v < bv)) {
          bv = v;
          best = j;
        }
      }
      want64[o * inner + i] = best;
      want32[o * inner + i] = best;
    }
  }
  static const int s1[1] = {1};
  oo_tensor ins[2] = {
      oo_in(tt, shape, rank, x),
      axis_const ? oo_const(I32, s1, 1, &axis) : oo_in(I32, s1, 1, &axis)};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, out_tt);
  oo_op op = {.op = is_max ? TFLC_OP_ARG_MAX : TFLC_OP_ARG_MIN,
              .bo = with_opt ? (is_max ? TFLC_BO_ARG_MAX : TFLC_BO_ARG_MIN) : 0,
              .fields = with_opt ? &f : NULL,
              .n_fields = with_opt ? 1 : 0,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(out_tt, os, k)};
  size_t n = outer * inner;
  if (out_tt == I64)
    oo_run_expect(&op, os, k, want64, n * 8, label);
  else
    oo_run_expect(&op, os, k, want32, n * 4, label);
}

static void test_arg(void) {
  static const int s234[3] = {2, 3, 4}, s6[1] = {6};
  float x[24];
  for (int i = 0; i < 24; i++) x[i] = (float)((i * 7) % 11) - 5.0f;
  for (int mx = 0; mx <= 1; mx++) {
    arg_case(mx, F32, x, s234, 3, 0, 1, I64, 1, "arg f32 axis 0");
    arg_case(mx, F32, x, s234, 3, 1, 0, I32, 1, "arg f32 axis 1 dynamic");
    arg_case(mx, F32, x, s234, 3, -1, 1, I32, 0, "arg f32 axis -1 no opt");
    arg_case(mx, F32, x, s234, 3, -3, 0, I64, 0, "arg f32 axis -3");
  }
  static const int32_t ti[6] = {3, 9, 9, -4, -4, 1};
  arg_case(1, I32, ti, s6, 1, 0, 1, I32, 1, "argmax ties first");
  arg_case(0, I32, ti, s6, 1, 0, 1, I32, 1, "argmin ties first");
  static const int8_t t8[6] = {-128, 127, 0, 127, -128, 5};
  arg_case(1, I8, t8, s6, 1, 0, 1, I64, 1, "argmax int8");
  arg_case(0, I8, t8, s6, 1, 0, 1, I64, 1, "argmin int8");
  static const uint8_t tu[6] = {3, 255, 0, 255, 0, 1};
  arg_case(1, U8, tu, s6, 1, 0, 1, I32, 1, "argmax uint8");
  static const uint8_t tb[6] = {0, 0, 1, 1, 0, 1};
  arg_case(1, BOOL, tb, s6, 1, 0, 1, I32, 1, "argmax bool");
  arg_case(0, BOOL, tb, s6, 1, 0, 1, I32, 1, "argmin bool");
  static const int s04[2] = {0, 4};
  arg_case(1, F32, NULL, s04, 2, 1, 1, I32, 1, "argmax zero-size");
  /* Errors. */
  static const int s1[1] = {1}, s23[2] = {2, 3}, s2[1] = {2};
  int32_t ax = 2;
  oo_tensor ins[2] = {oo_in(F32, s23, 2, x), oo_const(I32, s1, 1, &ax)};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, TFLC_TT_INT64);
  oo_op op = {.op = TFLC_OP_ARG_MAX,
              .bo = TFLC_BO_ARG_MAX,
              .fields = &f,
              .n_fields = 1,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(I64, s2, 1)};
  oo_expect_error(&op, "axis 2 is out of range for rank 2", "arg axis range");
  ins[1] = oo_in(I32, s1, 1, &ax);
  oo_expect_invoke_error(&op, "axis 2 is out of range for rank 2",
                         "arg axis range dynamic");
  ax = 0;
  ins[1] = oo_const(I32, s1, 1, &ax);
  op.out = oo_out_t(I32, s2, 1);
  oo_expect_error(&op, "output_type INT64 differs from the output type INT32",
                  "arg output_type");
  op.out = oo_out_t(F32, s2, 1);
  oo_expect_error(&op, "output type FLOAT32 is not supported", "arg out float");
  ins[0] = oo_in(I64, s23, 2, NULL);
  op.out = oo_out_t(I64, s2, 1);
  oo_expect_error(&op, "input type INT64 is not supported", "arg int64 input");
  static const int s20[2] = {2, 0};
  ins[0] = oo_in(F32, s20, 2, NULL);
  ax = 1;
  oo_expect_error(&op, "dimension 1 (the axis) is empty", "arg empty axis");
}

/* ---- CUMSUM ------------------------------------------------------------- */

static void cumsum_case(const int *shape, int rank, int32_t axis,
                        int axis_const, int exclusive, int reverse,
                        const char *label) {
  float x[256], want[256];
  size_t n = oo_count(shape, rank);
  for (size_t i = 0; i < n; i++) x[i] = (float)((int)(i * 5 % 9) - 4) * 0.5f;
  int a = axis < 0 ? axis + rank : axis;
  size_t outer = 1, inner = 1, len = (size_t)shape[a];
  for (int i = 0; i < a; i++) outer *= (size_t)shape[i];
  for (int i = a + 1; i < rank; i++) inner *= (size_t)shape[i];
  for (size_t o = 0; o < outer; o++)
    for (size_t i = 0; i < inner; i++) {
      float acc = 0.0f;
      for (size_t j = 0; j < len; j++) {
        size_t k = reverse ? len - 1 - j : j;
        size_t p = (o * len + k) * inner + i;
        if (exclusive) {
          want[p] = acc;
          acc += x[p];
        } else {
          acc += x[p];
          want[p] = acc;
        }
      }
    }
  static const int s0[1] = {0};
  oo_tensor ins[2] = {
      oo_in(F32, shape, rank, x),
      axis_const ? oo_const(I32, s0, 0, &axis) : oo_in(I32, s0, 0, &axis)};
  tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_BOOL, exclusive),
                         tm_opt_int(1, TFLC_OPT_BOOL, reverse)};
  oo_op op = {.op = TFLC_OP_CUMSUM,
              .bo = TFLC_BO_CUMSUM,
              .fields = f,
              .n_fields = 2,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, shape, rank)};
  oo_run_expect(&op, shape, rank, want, n * 4, label);
}

static void test_cumsum(void) {
  static const int s234[3] = {2, 3, 4}, s5[1] = {5}, s03[2] = {0, 3};
  for (int ex = 0; ex <= 1; ex++)
    for (int rv = 0; rv <= 1; rv++) {
      char label[64];
      snprintf(label, sizeof label, "cumsum ex %d rev %d", ex, rv);
      cumsum_case(s234, 3, 1, 1, ex, rv, label);
      cumsum_case(s234, 3, -1, 0, ex, rv, label);
      cumsum_case(s234, 3, 0, 1, ex, rv, label);
      cumsum_case(s5, 1, 0, 1, ex, rv, label);
    }
  cumsum_case(s03, 2, 1, 1, 0, 0, "cumsum zero-size");
  /* int32 and int64, hand-computed. */
  static const int s4[1] = {4}, s0[1] = {0};
  static const int32_t xi[4] = {1, 2, 3, 4};
  static const int32_t wi[4] = {9, 7, 4, 0}; /* exclusive, reverse */
  int32_t ax = 0;
  oo_tensor ins[2] = {oo_in(I32, s4, 1, xi), oo_const(I32, s0, 0, &ax)};
  tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_BOOL, 1),
                         tm_opt_int(1, TFLC_OPT_BOOL, 1)};
  oo_op op = {.op = TFLC_OP_CUMSUM,
              .bo = TFLC_BO_CUMSUM,
              .fields = f,
              .n_fields = 2,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(I32, s4, 1)};
  oo_run_expect(&op, s4, 1, wi, sizeof wi, "cumsum int32");
  static const int64_t xl[4] = {5000000000LL, 1, -2, 3};
  static const int64_t wl[4] = {5000000000LL, 5000000001LL, 4999999999LL,
                                5000000002LL};
  ins[0] = oo_in(I64, s4, 1, xl);
  op.n_fields = 0;
  op.out = oo_out_t(I64, s4, 1);
  oo_run_expect(&op, s4, 1, wl, sizeof wl, "cumsum int64 no options");
  /* Errors. */
  ax = 1;
  oo_expect_error(&op, "axis 1 is out of range for rank 1", "cumsum axis");
  ins[1] = oo_in(I32, s0, 0, &ax);
  oo_expect_invoke_error(&op, "axis 1 is out of range for rank 1",
                         "cumsum axis dynamic");
  ins[1] = oo_const(I64, s0, 0, xl);
  oo_expect_error(&op, "axis type INT64 is not supported", "cumsum axis type");
  ax = 0;
  ins[1] = oo_const(I32, s0, 0, &ax);
  ins[0] = oo_in(I8, s4, 1, NULL);
  op.out = oo_out_t(I8, s4, 1);
  oo_expect_error(&op, "input type INT8 is not supported", "cumsum int8");
}

int main(void) {
  test_gather_nd();
  test_scatter_nd();
  test_dus();
  test_where();
  test_topk();
  test_arg();
  test_cumsum();
  return CHECK_DONE();
}
