/* Op tests of UNIQUE, ONE_HOT, SPARSE_TO_DENSE, REVERSE_SEQUENCE,
 * MATRIX_DIAG, MATRIX_SET_DIAG, BUCKETIZE, BITWISE_XOR, RIGHT_SHIFT, DILATE,
 * REDUCE_WINDOW and FAKE_QUANT: one-op models built with the project's writer,
 * compared with plain references written here (per-element coordinate
 * arithmetic, linear searches), over options, types, constant and dynamic
 * (value-dependent) outputs, zero-size tensors, and the errors prepare and
 * invoke must report. */
#include "support/op_test.h"

#define F32 TFLC_TT_FLOAT32
#define F64 TFLC_TT_FLOAT64
#define I32 TFLC_TT_INT32
#define I64 TFLC_TT_INT64
#define I16 TFLC_TT_INT16
#define U16 TFLC_TT_UINT16
#define U32 TFLC_TT_UINT32
#define I8 TFLC_TT_INT8
#define U8 TFLC_TT_UINT8
#define BOOL TFLC_TT_BOOL

/* ---- UNIQUE ------------------------------------------------------------ */

static int f_same(float a, float b) { return a == b || (isnan(a) && isnan(b)); }

/* Reference: quadratic search in first-appearance order. */
static int ref_unique_f32(const float *x, int n, float *y, int32_t *idx) {
  int k = 0;
  for (int i = 0; i < n; i++) {
    int j = 0;
    while (j < k && !f_same(y[j], x[i])) j++;
    if (j == k) y[k++] = x[i];
    idx[i] = j;
  }
  return k;
}

static int ref_unique_i64(const int64_t *x, int n, int64_t *y, int64_t *idx) {
  int k = 0;
  for (int i = 0; i < n; i++) {
    int j = 0;
    while (j < k && y[j] != x[i]) j++;
    if (j == k) y[k++] = x[i];
    idx[i] = j;
  }
  return k;
}

static void test_unique(void) {
  /* float, idx int32, -0/0 and NaNs, invoked twice with different data. */
  float x[9] = {1, 2, 1, 3, 2, -0.0f, 0.0f, NAN, NAN};
  int n = 9, shape[1] = {9};
  oo_tensor ins[1] = {oo_in(F32, shape, 1, x)};
  int zero[1] = {0};
  oo_tensor outs[2] = {oo_out_t(F32, zero, 1), oo_out_t(I32, shape, 1)};
  oo_op op = {.op = TFLC_OP_UNIQUE, .inputs = ins, .n_inputs = 1};
  for (int round = 0; round < 2; round++) {
    oo_run r;
    if (round == 1) {
      for (int i = 0; i < n; i++) x[i] = (float)((i * 7) % 4);
    }
    if (oo_build_ext(&op, OO_OUTS(outs, 2), &r) != 0) {
      CHECK_MSG(0, "unique build: %s", r.err);
      oo_free(&r);
      continue;
    }
    CHECK(oo_invoke(&op, &r) == kTfLiteOk);
    float y[9];
    int32_t idx[9];
    int k = ref_unique_f32(x, n, y, idx);
    const TfLiteTensor *ty = TfLiteInterpreterGetOutputTensor(r.it, 0);
    const TfLiteTensor *ti = TfLiteInterpreterGetOutputTensor(r.it, 1);
    int ks[1] = {k};
    if (oo_check_shape(ty, ks, 1, "unique y")) {
      const float *gy = TfLiteTensorData(ty);
      for (int j = 0; j < k; j++) CHECK(f_same(gy[j], y[j]));
      if (round == 0) CHECK(signbit(gy[3])); /* -0 came first */
    }
    oo_check_bytes(ti, idx, sizeof idx, "unique idx");
    /* A second invoke with other values resizes y again. */
    for (int i = 0; i < n; i++) x[i] = (float)(i % 2);
    TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(r.it, 0), x,
                               sizeof x);
    CHECK(TfLiteInterpreterInvoke(r.it) == kTfLiteOk);
    ty = TfLiteInterpreterGetOutputTensor(r.it, 0);
    CHECK_EQ_INT(TfLiteTensorDim(ty, 0), 2);
    oo_free(&r);
    x[0] = 1; /* restore a varied input for round 1 (rewritten above) */
  }
  /* int64 values, idx int64, many repeats (table collisions). */
  {
    int64_t v[200], y[200], idx[200];
    for (int i = 0; i < 200; i++)
      v[i] = ((int64_t)(i * 37) % 23 - 11) * 1000003;
    int s[1] = {200};
    int k = ref_unique_i64(v, 200, y, idx);
    oo_tensor i2[1] = {oo_in(I64, s, 1, v)};
    tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, TFLC_TT_INT64);
    oo_tensor o2[2] = {oo_out_t(I64, zero, 1), oo_out_t(I64, s, 1)};
    oo_op op2 = {.op = TFLC_OP_UNIQUE,
                 .bo = TFLC_BO_UNIQUE,
                 .fields = &f,
                 .n_fields = 1,
                 .inputs = i2,
                 .n_inputs = 1};
    oo_run r;
    if (oo_build_ext(&op2, OO_OUTS(o2, 2), &r) == 0 &&
        oo_invoke(&op2, &r) == kTfLiteOk) {
      int ks[1] = {k};
      const TfLiteTensor *ty = TfLiteInterpreterGetOutputTensor(r.it, 0);
      if (oo_check_shape(ty, ks, 1, "unique i64"))
        oo_check_bytes(ty, y, (size_t)k * 8, "unique i64 y");
      oo_check_bytes(TfLiteInterpreterGetOutputTensor(r.it, 1), idx, sizeof idx,
                     "unique i64 idx");
    } else {
      CHECK_MSG(0, "unique i64: %s", r.err);
    }
    oo_free(&r);
    /* idx_out_type disagreeing with the idx tensor. */
    o2[1] = oo_out_t(I32, s, 1);
    CHECK(oo_build_ext(&op2, OO_OUTS(o2, 2), &r) != 0);
    CHECK_CONTAINS(r.err, "idx_out_type");
    oo_free(&r);
  }
  /* int8, and an empty input. */
  {
    int8_t v[6] = {-3, 5, -3, 5, 0, -128};
    int8_t want_y[4] = {-3, 5, 0, -128};
    int32_t want_idx[6] = {0, 1, 0, 1, 2, 3};
    int s[1] = {6};
    oo_tensor i3[1] = {oo_in(I8, s, 1, v)};
    oo_tensor o3[2] = {oo_out_t(I8, zero, 1), oo_out_t(I32, s, 1)};
    oo_op op3 = {.op = TFLC_OP_UNIQUE, .inputs = i3, .n_inputs = 1};
    oo_run r;
    if (oo_build_ext(&op3, OO_OUTS(o3, 2), &r) == 0 &&
        oo_invoke(&op3, &r) == kTfLiteOk) {
      oo_check_bytes(TfLiteInterpreterGetOutputTensor(r.it, 0), want_y, 4,
                     "unique i8 y");
      oo_check_bytes(TfLiteInterpreterGetOutputTensor(r.it, 1), want_idx,
                     sizeof want_idx, "unique i8 idx");
    } else {
      CHECK_MSG(0, "unique i8: %s", r.err);
    }
    oo_free(&r);
    i3[0] = oo_in(I8, zero, 1, NULL);
    o3[1] = oo_out_t(I32, zero, 1);
    if (oo_build_ext(&op3, OO_OUTS(o3, 2), &r) == 0 &&
        oo_invoke(&op3, &r) == kTfLiteOk) {
      CHECK_EQ_INT(
          TfLiteTensorDim(TfLiteInterpreterGetOutputTensor(r.it, 0), 0), 0);
    } else {
      CHECK_MSG(0, "unique empty: %s", r.err);
    }
    oo_free(&r);
  }
  /* Errors: 2-D input, float idx, bool input. */
  {
    int s2[2] = {2, 2};
    float v[4] = {0};
    oo_tensor i4[1] = {oo_in(F32, s2, 2, v)};
    oo_tensor o4[2] = {oo_out_t(F32, zero, 1), oo_out_t(I32, s2, 2)};
    oo_op op4 = {.op = TFLC_OP_UNIQUE, .inputs = i4, .n_inputs = 1};
    oo_run r;
    CHECK(oo_build_ext(&op4, OO_OUTS(o4, 2), &r) != 0);
    CHECK_CONTAINS(r.err, "1-D");
    oo_free(&r);
    int s1[1] = {4};
    i4[0] = oo_in(F32, s1, 1, v);
    o4[1] = oo_out_t(F32, s1, 1);
    CHECK(oo_build_ext(&op4, OO_OUTS(o4, 2), &r) != 0);
    CHECK_CONTAINS(r.err, "idx type FLOAT32 is not supported");
    oo_free(&r);
    i4[0] = oo_in(BOOL, s1, 1, v);
    o4[0] = oo_out_t(BOOL, zero, 1);
    o4[1] = oo_out_t(I32, s1, 1);
    CHECK(oo_build_ext(&op4, OO_OUTS(o4, 2), &r) != 0);
    CHECK_CONTAINS(r.err, "input type BOOL is not supported");
    oo_free(&r);
  }
}

/* ---- ONE_HOT ----------------------------------------------------------- */

static void ref_one_hot(const int64_t *idx, const int *is, int ir, int depth,
                        int axis, float on, float off, float *out, int *os) {
  int orank = ir + 1;
  for (int i = 0, k = 0; i < orank; i++) os[i] = i == axis ? depth : is[k++];
  size_t n = oo_count(os, orank);
  for (size_t e = 0; e < n; e++) {
    int oc[8], ic[8];
    ot_unravel(e, os, orank, oc);
    for (int i = 0, k = 0; i < orank; i++)
      if (i != axis) ic[k++] = oc[i];
    out[e] = idx[ot_ravel(ic, is, ir)] == oc[axis] ? on : off;
  }
}

static void test_one_hot(void) {
  int is[2] = {2, 3};
  int64_t idx64[6] = {0, 3, -1, 2, 5, 1};
  int32_t idx32[6];
  for (int i = 0; i < 6; i++) idx32[i] = (int32_t)idx64[i];
  int32_t depth = 4;
  float on = 2.5f, off = -1.0f;
  int sc[1] = {1};
  for (int axis = -1; axis <= 2; axis++) {
    int ax = axis == -1 ? 2 : axis;
    float want[64];
    int os[3];
    ref_one_hot(idx64, is, 2, depth, ax, on, off, want, os);
    tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I32, axis);
    oo_tensor ins[4] = {oo_in(I32, is, 2, idx32),
                        oo_const(I32, NULL, 0, &depth),
                        oo_in(F32, NULL, 0, &on), oo_in(F32, NULL, 0, &off)};
    oo_op op = {.op = TFLC_OP_ONE_HOT,
                .bo = TFLC_BO_ONE_HOT,
                .fields = &f,
                .n_fields = 1,
                .inputs = ins,
                .n_inputs = 4,
                .out = oo_out_t(F32, os, 3)};
    oo_run_expect(&op, os, 3, want, oo_count(os, 3) * 4, "one_hot f32");
    /* int64 indices, non-constant depth (dynamic output). */
    ins[0] = oo_in(I64, is, 2, idx64);
    ins[1] = oo_in(I32, sc, 1, &depth);
    oo_run_expect(&op, os, 3, want, oo_count(os, 3) * 4, "one_hot dynamic");
  }
  /* bool output, scalar index, default axis (no options). */
  {
    int32_t i0 = 1, d = 3;
    bool t = true, f = false;
    bool want[3] = {false, true, false};
    int os[1] = {3};
    oo_tensor ins[4] = {oo_in(I32, NULL, 0, &i0), oo_const(I32, NULL, 0, &d),
                        oo_in(BOOL, NULL, 0, &t), oo_in(BOOL, NULL, 0, &f)};
    oo_op op = {.op = TFLC_OP_ONE_HOT,
                .inputs = ins,
                .n_inputs = 4,
                .out = oo_out_t(BOOL, os, 1)};
    oo_run_expect(&op, os, 1, want, 3, "one_hot bool");
    /* int8 output, depth 0. */
    int8_t on8 = 7, off8 = 0;
    int32_t d0 = 0;
    int os0[1] = {0};
    oo_tensor i8s[4] = {oo_in(I32, NULL, 0, &i0), oo_const(I32, NULL, 0, &d0),
                        oo_in(I8, NULL, 0, &on8), oo_in(I8, NULL, 0, &off8)};
    oo_op op8 = {.op = TFLC_OP_ONE_HOT,
                 .inputs = i8s,
                 .n_inputs = 4,
                 .out = oo_out_t(I8, os0, 1)};
    oo_run_expect(&op8, os0, 1, NULL, 0, "one_hot depth 0");
  }
  /* Errors. */
  {
    int32_t i0[2] = {1, 2}, neg = -2, huge = 1 << 30;
    float o1 = 1, o0 = 0;
    int s1[1] = {2}, os[2] = {2, 1};
    int8_t o8 = 1;
    oo_tensor ins[4] = {oo_in(I32, s1, 1, i0), oo_const(I32, NULL, 0, &neg),
                        oo_in(F32, NULL, 0, &o1), oo_in(F32, NULL, 0, &o0)};
    oo_op op = {.op = TFLC_OP_ONE_HOT,
                .inputs = ins,
                .n_inputs = 4,
                .out = oo_out_t(F32, os, 2)};
    oo_expect_error(&op, "depth is negative", "one_hot negative depth");
    ins[1] = oo_const(I32, NULL, 0, &huge);
    oo_expect_error(&op, "exceed", "one_hot huge depth");
    ins[1] = oo_in(I32, NULL, 0, &huge);
    oo_expect_invoke_error(&op, "exceed", "one_hot huge dynamic depth");
    ins[1] = oo_const(I32, NULL, 0, &neg);
    ins[2] = oo_in(I8, NULL, 0, &o8);
    oo_expect_error(&op, "must have the output type", "one_hot value type");
    ins[2] = oo_in(F32, NULL, 0, &o1);
    tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I32, 3);
    op.bo = TFLC_BO_ONE_HOT;
    op.fields = &f;
    op.n_fields = 1;
    oo_expect_error(&op, "axis 3 is out of range", "one_hot axis");
  }
}

/* ---- SPARSE_TO_DENSE -------------------------------------------------- */

static void test_sparse_to_dense(void) {
  /* 2-D indices into [3, 4], one value each, default 9. */
  int32_t idx[6] = {0, 1, 1, 3, 2, 0};
  int is[2] = {3, 2}, ss[1] = {2}, vs[1] = {3}, os[2] = {3, 4};
  int32_t shape[2] = {3, 4};
  float vals[3] = {1.5f, -2.0f, 3.0f}, dflt = 9.0f;
  float want[12];
  for (int i = 0; i < 12; i++) want[i] = dflt;
  for (int i = 0; i < 3; i++) want[idx[2 * i] * 4 + idx[2 * i + 1]] = vals[i];
  oo_tensor ins[4] = {oo_in(I32, is, 2, idx), oo_const(I32, ss, 1, shape),
                      oo_in(F32, vs, 1, vals), oo_in(F32, NULL, 0, &dflt)};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_BOOL, 1);
  oo_op op = {.op = TFLC_OP_SPARSE_TO_DENSE,
              .bo = TFLC_BO_SPARSE_TO_DENSE,
              .fields = &f,
              .n_fields = 1,
              .inputs = ins,
              .n_inputs = 4,
              .out = oo_out_t(F32, os, 2)};
  oo_run_expect(&op, os, 2, want, sizeof want, "sparse_to_dense");
  /* Non-constant output_shape: dynamic output. */
  ins[1] = oo_in(I32, ss, 1, shape);
  oo_run_expect(&op, os, 2, want, sizeof want, "sparse_to_dense dynamic");
  /* Out of range index: invoke error naming it. */
  int32_t bad[6] = {0, 1, 3, 0, 2, 0};
  ins[0] = oo_in(I32, is, 2, bad);
  oo_expect_invoke_error(&op, "index 3 (index 1, dimension 0) is out of range",
                         "sparse_to_dense range");
  /* Unsorted with validate_indices: error; without: accepted. */
  int32_t uns[6] = {2, 0, 0, 1, 1, 3};
  ins[0] = oo_in(I32, is, 2, uns);
  oo_expect_invoke_error(&op, "strictly increasing", "sparse_to_dense order");
  op.n_fields = 0;
  float want2[12];
  for (int i = 0; i < 12; i++) want2[i] = dflt;
  for (int i = 0; i < 3; i++) want2[uns[2 * i] * 4 + uns[2 * i + 1]] = vals[i];
  oo_run_expect(&op, os, 2, want2, sizeof want2, "sparse_to_dense unsorted");
  /* 1-D int64 indices, scalar int64 value, int64 output. */
  {
    int64_t i1[3] = {4, 0, 2}, sh[1] = {6}, v = -7, d = 1;
    int s3[1] = {3}, s1[1] = {1}, o6[1] = {6};
    int64_t w[6] = {-7, 1, -7, 1, -7, 1};
    oo_tensor in2[4] = {oo_in(I64, s3, 1, i1), oo_const(I64, s1, 1, sh),
                        oo_in(I64, NULL, 0, &v), oo_in(I64, NULL, 0, &d)};
    oo_op op2 = {.op = TFLC_OP_SPARSE_TO_DENSE,
                 .inputs = in2,
                 .n_inputs = 4,
                 .out = oo_out_t(I64, o6, 1)};
    oo_run_expect(&op2, o6, 1, w, sizeof w, "sparse_to_dense 1-D");
    /* Huge output_shape refused. */
    int64_t big[1] = {(int64_t)1 << 40};
    in2[1] = oo_const(I64, s1, 1, big);
    oo_expect_error(&op2, "too large", "sparse_to_dense huge");
    /* Values count mismatch. */
    int s2[1] = {2};
    int64_t v2[2] = {1, 2};
    in2[1] = oo_const(I64, s1, 1, sh);
    in2[2] = oo_in(I64, s2, 1, v2);
    oo_expect_error(&op2, "values must be a scalar or have 3 elements",
                    "sparse_to_dense values");
  }
}

/* ---- REVERSE_SEQUENCE ------------------------------------------------- */

static void rs_case(int seq, int batch, const int *shape, const int64_t *len,
                    const char *label) {
  float x[120], want[120];
  size_t n = oo_count(shape, 3);
  for (size_t i = 0; i < n; i++) x[i] = (float)i;
  for (size_t e = 0; e < n; e++) {
    int c[3];
    ot_unravel(e, shape, 3, c);
    int l = (int)len[c[batch]];
    if (c[seq] < l) c[seq] = l - 1 - c[seq];
    want[e] = x[ot_ravel(c, shape, 3)];
  }
  int ls[1] = {shape[batch]};
  tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_I32, seq),
                         tm_opt_int(1, TFLC_OPT_I32, batch)};
  oo_tensor ins[2] = {oo_in(F32, shape, 3, x), oo_in(I64, ls, 1, len)};
  oo_op op = {.op = TFLC_OP_REVERSE_SEQUENCE,
              .bo = TFLC_BO_REVERSE_SEQUENCE,
              .fields = f,
              .n_fields = 2,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, shape, 3)};
  oo_run_expect(&op, shape, 3, want, n * 4, label);
}

static void test_reverse_sequence(void) {
  int s[3] = {2, 3, 4};
  int64_t l0[2] = {2, 3};
  rs_case(1, 0, s, l0, "reverse_sequence seq1 batch0");
  int64_t l1[2] = {4, 0};
  rs_case(2, 0, s, l1, "reverse_sequence seq2 batch0");
  int64_t l2[4] = {1, 2, 0, 2};
  rs_case(0, 2, s, l2, "reverse_sequence seq0 batch2");
  int64_t l3[3] = {3, 1, 4};
  rs_case(2, 1, s, l3, "reverse_sequence seq2 batch1");
  /* int8 with int32 lengths, negative dims in the options. */
  {
    int s2[2] = {2, 3};
    int8_t x[6] = {1, 2, 3, 4, 5, 6}, want[6] = {2, 1, 3, 6, 5, 4};
    int32_t len[2] = {2, 3};
    int ls[1] = {2};
    tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_I32, -1),
                           tm_opt_int(1, TFLC_OPT_I32, -2)};
    oo_tensor ins[2] = {oo_in(I8, s2, 2, x), oo_in(I32, ls, 1, len)};
    oo_op op = {.op = TFLC_OP_REVERSE_SEQUENCE,
                .bo = TFLC_BO_REVERSE_SEQUENCE,
                .fields = f,
                .n_fields = 2,
                .inputs = ins,
                .n_inputs = 2,
                .out = oo_out_t(I8, s2, 2)};
    oo_run_expect(&op, s2, 2, want, 6, "reverse_sequence int8");
    int32_t bad[2] = {2, 4};
    ins[1] = oo_in(I32, ls, 1, bad);
    oo_expect_invoke_error(&op, "seq_lengths[1] = 4 is out of range",
                           "reverse_sequence length");
    f[0] = tm_opt_int(0, TFLC_OPT_I32, 0);
    f[1] = tm_opt_int(1, TFLC_OPT_I32, 0);
    oo_expect_error(&op, "must differ", "reverse_sequence same dims");
  }
}

/* ---- MATRIX_DIAG / MATRIX_SET_DIAG ------------------------------------ */

static void test_matrix_diag(void) {
  int s[2] = {2, 3}, os[3] = {2, 3, 3};
  float x[6] = {1, 2, 3, 4, 5, 6}, want[18] = {0};
  for (int b = 0; b < 2; b++)
    for (int i = 0; i < 3; i++) want[(b * 3 + i) * 3 + i] = x[b * 3 + i];
  oo_tensor ins[1] = {oo_in(F32, s, 2, x)};
  oo_op op = {.op = TFLC_OP_MATRIX_DIAG,
              .inputs = ins,
              .n_inputs = 1,
              .out = oo_out_t(F32, os, 3)};
  oo_run_expect(&op, os, 3, want, sizeof want, "matrix_diag");
  int8_t x8[2] = {-1, 9}, w8[4] = {-1, 0, 0, 9};
  int s1[1] = {2}, o2[2] = {2, 2};
  oo_tensor i8s[1] = {oo_in(I8, s1, 1, x8)};
  oo_op op8 = {.op = TFLC_OP_MATRIX_DIAG,
               .inputs = i8s,
               .n_inputs = 1,
               .out = oo_out_t(I8, o2, 2)};
  oo_run_expect(&op8, o2, 2, w8, 4, "matrix_diag int8");
  i8s[0] = oo_in(I8, NULL, 0, x8);
  oo_expect_error(&op8, "input rank 0 is not supported", "matrix_diag scalar");
}

static void set_diag_case(int b, int m, int n, const char *label) {
  int s[3] = {b, m, n}, k = m < n ? m : n, ds[2] = {b, k};
  float x[120], d[40], want[120];
  for (int i = 0; i < b * m * n; i++) want[i] = x[i] = (float)i;
  for (int i = 0; i < b * k; i++) d[i] = -1.0f - (float)i;
  for (int bb = 0; bb < b; bb++)
    for (int i = 0; i < k; i++) want[(bb * m + i) * n + i] = d[bb * k + i];
  oo_tensor ins[2] = {oo_in(F32, s, 3, x), oo_in(F32, ds, 2, d)};
  oo_op op = {.op = TFLC_OP_MATRIX_SET_DIAG,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, s, 3)};
  oo_run_expect(&op, s, 3, want, (size_t)(b * m * n) * 4, label);
}

static void test_matrix_set_diag(void) {
  set_diag_case(2, 3, 4, "set_diag wide");
  set_diag_case(2, 4, 3, "set_diag tall");
  set_diag_case(1, 2, 2, "set_diag square");
  set_diag_case(0, 2, 2, "set_diag empty batch");
  int s[2] = {2, 3}, ds[1] = {3};
  float x[6] = {0}, d[3] = {0};
  oo_tensor ins[2] = {oo_in(F32, s, 2, x), oo_in(F32, ds, 1, d)};
  oo_op op = {.op = TFLC_OP_MATRIX_SET_DIAG,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, s, 2)};
  oo_expect_error(&op, "diagonal length 3 must be min(2, 3)", "set_diag len");
}

/* ---- BUCKETIZE --------------------------------------------------------- */

static tflc_opt_field vec_f32(uint16_t id, const float *v, int n) {
  tflc_opt_field f;
  memset(&f, 0, sizeof f);
  f.id = id;
  f.kind = TFLC_OPT_VEC_F32;
  f.vec = v;
  f.vec_len = n;
  return f;
}

static void test_bucketize(void) {
  float bnd[3] = {0.0f, 10.0f, 100.0f};
  tflc_opt_field f = vec_f32(0, bnd, 3);
  int s[1] = {7};
  float x[7] = {-5, 0, 5, 10, 150, 100, NAN};
  int32_t want[7] = {0, 1, 1, 2, 3, 3, 3};
  oo_tensor ins[1] = {oo_in(F32, s, 1, x)};
  oo_op op = {.op = TFLC_OP_BUCKETIZE,
              .bo = TFLC_BO_BUCKETIZE,
              .fields = &f,
              .n_fields = 1,
              .inputs = ins,
              .n_inputs = 1,
              .out = oo_out_t(I32, s, 1)};
  oo_run_expect(&op, s, 1, want, sizeof want, "bucketize f32");
  double xd[7] = {-5, 0, 5, 10, 150, 100, 99.999};
  int32_t wd[7] = {0, 1, 1, 2, 3, 3, 2};
  ins[0] = oo_in(F64, s, 1, xd);
  oo_run_expect(&op, s, 1, wd, sizeof wd, "bucketize f64");
  int32_t xi[7] = {-5, 0, 5, 10, 150, 100, 99};
  ins[0] = oo_in(I32, s, 1, xi);
  oo_run_expect(&op, s, 1, wd, sizeof wd, "bucketize i32");
  int64_t xl[7] = {-5, 0, 5, 10, 150, 100, 99};
  ins[0] = oo_in(I64, s, 1, xl);
  oo_run_expect(&op, s, 1, wd, sizeof wd, "bucketize i64");
  /* No boundaries: everything in bucket 0. */
  int32_t zeros[7] = {0};
  op.n_fields = 0;
  oo_run_expect(&op, s, 1, zeros, sizeof zeros, "bucketize empty");
  /* Unsorted boundaries, bad types. */
  float uns[3] = {1.0f, 0.0f, 2.0f};
  f = vec_f32(0, uns, 3);
  op.n_fields = 1;
  oo_expect_error(&op, "boundaries must be sorted", "bucketize unsorted");
  f = vec_f32(0, bnd, 3);
  ins[0] = oo_in(I8, s, 1, xi);
  oo_expect_error(&op, "input type INT8 is not supported", "bucketize int8");
}

/* ---- BITWISE_XOR / RIGHT_SHIFT ---------------------------------------- */

static int64_t ref_rshift(int64_t x, int64_t y, int bits) {
  int64_t s = y < 0 ? 0 : (y > bits - 1 ? bits - 1 : y);
  /* floor division by 2^s is the arithmetic shift */
  int64_t p = (int64_t)1 << s;
  int64_t q = x / p;
  if ((x % p) != 0 && x < 0) q -= 1;
  return q;
}

static void test_bitwise(void) {
  /* int32 XOR with broadcasting [2,3] ^ [3]. */
  int sa[2] = {2, 3}, sb[1] = {3};
  int32_t a[6] = {1, -2, 0x7fffffff, 5, 6, INT32_MIN}, b[3] = {3, -1, 0x0f0f};
  int32_t want[6];
  for (int i = 0; i < 6; i++) want[i] = a[i] ^ b[i % 3];
  oo_tensor ins[2] = {oo_in(I32, sa, 2, a), oo_in(I32, sb, 1, b)};
  oo_op op = {.op = TFLC_OP_BITWISE_XOR,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(I32, sa, 2)};
  oo_run_expect(&op, sa, 2, want, sizeof want, "xor i32");
  uint16_t a16[6] = {1, 65535, 300, 0, 7, 8}, b16[3] = {65535, 1, 2};
  uint16_t w16[6];
  for (int i = 0; i < 6; i++) w16[i] = (uint16_t)(a16[i] ^ b16[i % 3]);
  ins[0] = oo_in(U16, sa, 2, a16);
  ins[1] = oo_in(U16, sb, 1, b16);
  op.out = oo_out_t(U16, sa, 2);
  oo_run_expect(&op, sa, 2, w16, sizeof w16, "xor u16");
  int8_t a8[6] = {-128, 127, 0, 1, -1, 5}, b8[3] = {-1, 1, 0};
  int8_t w8[6];
  for (int i = 0; i < 6; i++) w8[i] = (int8_t)(a8[i] ^ b8[i % 3]);
  ins[0] = oo_in(I8, sa, 2, a8);
  ins[1] = oo_in(I8, sb, 1, b8);
  op.out = oo_out_t(I8, sa, 2);
  oo_run_expect(&op, sa, 2, w8, sizeof w8, "xor i8");
  float fa[6] = {0}, fb[3] = {0};
  ins[0] = oo_in(F32, sa, 2, fa);
  ins[1] = oo_in(F32, sb, 1, fb);
  op.out = oo_out_t(F32, sa, 2);
  oo_expect_error(&op, "input type FLOAT32 is not supported", "xor float");

  /* RIGHT_SHIFT: signed values with every kind of shift amount. */
  int s8[1] = {8};
  int8_t x8[8] = {-128, -7, -1, 100, 127, -100, 64, -3};
  int8_t y8[8] = {1, 2, 7, 3, 8, 100, -1, 0};
  int8_t r8[8];
  for (int i = 0; i < 8; i++) r8[i] = (int8_t)ref_rshift(x8[i], y8[i], 8);
  oo_tensor rin[2] = {oo_in(I8, s8, 1, x8), oo_in(I8, s8, 1, y8)};
  oo_op rop = {.op = TFLC_OP_RIGHT_SHIFT,
               .inputs = rin,
               .n_inputs = 2,
               .out = oo_out_t(I8, s8, 1)};
  oo_run_expect(&rop, s8, 1, r8, sizeof r8, "rshift i8");
  int32_t x32[8] = {INT32_MIN, -5, -1, 1 << 30, INT32_MAX, -100000, 9, 0};
  int32_t y32[8] = {31, 1, 40, 30, 0, -3, 2, 5};
  int32_t r32[8];
  for (int i = 0; i < 8; i++) r32[i] = (int32_t)ref_rshift(x32[i], y32[i], 32);
  rin[0] = oo_in(I32, s8, 1, x32);
  rin[1] = oo_in(I32, s8, 1, y32);
  rop.out = oo_out_t(I32, s8, 1);
  oo_run_expect(&rop, s8, 1, r32, sizeof r32, "rshift i32");
  uint32_t ux[8] = {0xffffffffu, 0x80000000u, 5, 6, 7, 8, 9, 10};
  uint32_t uy[8] = {31, 31, 1, 2, 32, 1000, 0, 3};
  uint32_t ur[8];
  for (int i = 0; i < 8; i++) ur[i] = ux[i] >> (uy[i] > 31 ? 31 : uy[i]);
  rin[0] = oo_in(U32, s8, 1, ux);
  rin[1] = oo_in(U32, s8, 1, uy);
  rop.out = oo_out_t(U32, s8, 1);
  oo_run_expect(&rop, s8, 1, ur, sizeof ur, "rshift u32");
  /* int16 with a broadcast scalar shift. */
  int16_t x16[8] = {-32768, -1, 32767, 1000, -1000, 3, -3, 0}, y16 = 4;
  int16_t r16[8];
  for (int i = 0; i < 8; i++) r16[i] = (int16_t)ref_rshift(x16[i], y16, 16);
  rin[0] = oo_in(I16, s8, 1, x16);
  rin[1] = oo_in(I16, NULL, 0, &y16);
  rop.out = oo_out_t(I16, s8, 1);
  oo_run_expect(&rop, s8, 1, r16, sizeof r16, "rshift i16 broadcast");
  uint8_t u8x[8] = {255, 128, 1, 2, 3, 4, 5, 6},
          u8y[8] = {7, 8, 0, 1, 2, 3, 200, 1};
  uint8_t u8r[8];
  for (int i = 0; i < 8; i++)
    u8r[i] = (uint8_t)(u8x[i] >> (u8y[i] > 7 ? 7 : u8y[i]));
  rin[0] = oo_in(U8, s8, 1, u8x);
  rin[1] = oo_in(U8, s8, 1, u8y);
  rop.out = oo_out_t(U8, s8, 1);
  oo_run_expect(&rop, s8, 1, u8r, sizeof u8r, "rshift u8");
  rin[1] = oo_in(I8, s8, 1, y8);
  oo_expect_error(&rop, "does not match", "rshift mixed types");
}

/* ---- DILATE ------------------------------------------------------------ */

static void test_dilate(void) {
  /* The example of TensorFlow Lite's documentation: 3x3 dilated by 2x3. */
  int s[2] = {3, 3}, ds[1] = {2}, os[2] = {5, 7};
  float x[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, pad = 0.0f;
  int32_t dil[2] = {2, 3};
  float want[35] = {0};
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) want[(i * 2) * 7 + j * 3] = x[i * 3 + j];
  oo_tensor ins[3] = {oo_in(F32, s, 2, x), oo_const(I32, ds, 1, dil),
                      oo_in(F32, NULL, 0, &pad)};
  oo_op op = {.op = TFLC_OP_DILATE,
              .inputs = ins,
              .n_inputs = 3,
              .out = oo_out_t(F32, os, 2)};
  oo_run_expect(&op, os, 2, want, sizeof want, "dilate");
  ins[1] = oo_in(I32, ds, 1, dil);
  oo_run_expect(&op, os, 2, want, sizeof want, "dilate dynamic");
  /* int8, 3-D, padding value 7, a factor of 1 and a zero dimension. */
  {
    int s3[3] = {2, 1, 3}, o3[3] = {3, 1, 5};
    int8_t x8[6] = {1, 2, 3, 4, 5, 6}, p8 = 7;
    int64_t d3[3] = {2, 5, 2};
    int d3s[1] = {3};
    int8_t w8[15];
    for (int i = 0; i < 15; i++) w8[i] = 7;
    for (int a = 0; a < 2; a++)
      for (int c = 0; c < 3; c++) w8[(a * 2) * 5 + c * 2] = x8[a * 3 + c];
    oo_tensor i8s[3] = {oo_in(I8, s3, 3, x8), oo_const(I64, d3s, 1, d3),
                        oo_in(I8, NULL, 0, &p8)};
    oo_op op8 = {.op = TFLC_OP_DILATE,
                 .inputs = i8s,
                 .n_inputs = 3,
                 .out = oo_out_t(I8, o3, 3)};
    oo_run_expect(&op8, o3, 3, w8, sizeof w8, "dilate int8");
    int sz[3] = {2, 0, 3}, oz[3] = {3, 0, 5};
    i8s[0] = oo_in(I8, sz, 3, x8);
    op8.out = oo_out_t(I8, oz, 3);
    oo_run_expect(&op8, oz, 3, NULL, 0, "dilate zero dim");
  }
  /* Errors: a factor of 0 (constant: prepare; dynamic: invoke). */
  int32_t bad[2] = {2, 0};
  ins[1] = oo_const(I32, ds, 1, bad);
  oo_expect_error(&op, "dilation 1 is 0", "dilate zero factor");
  ins[1] = oo_in(I32, ds, 1, bad);
  oo_expect_invoke_error(&op, "dilation 1 is 0", "dilate zero factor dynamic");
  int8_t p8 = 0;
  ins[1] = oo_const(I32, ds, 1, dil);
  ins[2] = oo_in(I8, NULL, 0, &p8);
  oo_expect_error(&op, "padding_value type INT8 differs", "dilate pad type");
}

/* ---- REDUCE_WINDOW ----------------------------------------------------- */

enum {
  RWF_ADD = 1,
  RWF_MUL = 2,
  RWF_MIN = 3,
  RWF_MAX = 4,
  RWF_ALL = 5,
  RWF_ANY = 6
};

/* Reference over doubles: out[o] = fold over window taps. */
static void ref_reduce_window(const double *x, const int *xs, int r,
                              const int64_t *w, const int64_t *st,
                              const int64_t *dl, double init, int fn,
                              double *out, int *os) {
  for (int i = 0; i < r; i++) {
    int64_t span = (w[i] - 1) * dl[i] + 1;
    os[i] = xs[i] < span ? 0 : (int)((xs[i] - span) / st[i] + 1);
  }
  size_t n = oo_count(os, r);
  int wsh[6];
  for (int i = 0; i < r; i++) wsh[i] = (int)w[i];
  size_t taps = oo_count(wsh, r);
  for (size_t e = 0; e < n; e++) {
    int oc[6], wc[6], xc[6];
    ot_unravel(e, os, r, oc);
    double acc = init;
    for (size_t t = 0; t < taps; t++) {
      ot_unravel(t, wsh, r, wc);
      for (int i = 0; i < r; i++)
        xc[i] = oc[i] * (int)st[i] + wc[i] * (int)dl[i];
      double v = x[ot_ravel(xc, xs, r)];
      switch (fn) {
        case RWF_ADD: acc += v; break;
        case RWF_MUL: acc *= v; break;
        case RWF_MIN: acc = v < acc ? v : acc; break;
        case RWF_MAX: acc = v > acc ? v : acc; break;
        case RWF_ALL: acc = (acc != 0 && v != 0); break;
        default: acc = (acc != 0 || v != 0); break;
      }
    }
    out[e] = acc;
  }
}

static void rw_case(int8_t tt, const int *xs, int r, const int64_t *w,
                    const int64_t *st, const int64_t *dl, double init, int fn,
                    const char *label) {
  double xd[256], wd[256];
  size_t n = oo_count(xs, r);
  for (size_t i = 0; i < n; i++)
    xd[i] = tt == BOOL ? (double)((i * 5) % 3 == 0)
                       : (double)((int)((i * 7) % 11) - 4);
  int os[6];
  ref_reduce_window(xd, xs, r, w, st, dl, init, fn, wd, os);
  size_t no = oo_count(os, r);
  uint8_t xb[2048], wb[2048], ib[8];
  size_t elem = oo_tt_size(tt);
  for (size_t i = 0; i < n + no + 1; i++) {
    double v = i < n ? xd[i] : i < n + no ? wd[i - n] : init;
    uint8_t *dst = i < n        ? xb + i * elem
                   : i < n + no ? wb + (i - n) * elem
                                : ib;
    switch (tt) {
      case F32: {
        float f = (float)v;
        memcpy(dst, &f, 4);
        break;
      }
      case I32: {
        int32_t q = (int32_t)v;
        memcpy(dst, &q, 4);
        break;
      }
      case I64: {
        int64_t q = (int64_t)v;
        memcpy(dst, &q, 8);
        break;
      }
      case I8: {
        int8_t q = (int8_t)v;
        memcpy(dst, &q, 1);
        break;
      }
      default: {
        bool q = v != 0;
        memcpy(dst, &q, 1);
        break;
      }
    }
  }
  int vs[1] = {r};
  oo_tensor ins[5] = {oo_in(tt, xs, r, xb), oo_in(tt, NULL, 0, ib),
                      oo_const(I64, vs, 1, w), oo_const(I64, vs, 1, st),
                      oo_const(I64, vs, 1, dl)};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I32, fn);
  oo_op op = {.op = TFLC_OP_REDUCE_WINDOW,
              .bo = TFLC_BO2_REDUCE_WINDOW,
              .fields = &f,
              .n_fields = 1,
              .inputs = ins,
              .n_inputs = 5};
  oo_tensor out = oo_out_t(tt, os, r);
  const oo_ext x2 = {.outputs = &out, .n_outputs = 1, .options2 = 1};
  oo_run run;
  if (oo_build_ext(&op, &x2, &run) != 0 || oo_invoke(&op, &run) != kTfLiteOk) {
    CHECK_MSG(0, "%s: %s", label, run.err);
  } else {
    const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(run.it, 0);
    if (oo_check_shape(t, os, r, label))
      oo_check_bytes(t, wb, no * elem, label);
  }
  oo_free(&run);
}

static void test_reduce_window(void) {
  int xs[2] = {4, 5};
  int64_t w[2] = {2, 3}, st[2] = {1, 2}, d1[2] = {1, 1}, d2[2] = {2, 1};
  rw_case(F32, xs, 2, w, st, d1, 0.0, RWF_ADD, "rw f32 add");
  rw_case(F32, xs, 2, w, st, d2, -1e9, RWF_MAX, "rw f32 max dilated");
  rw_case(F32, xs, 2, w, st, d1, 1e9, RWF_MIN, "rw f32 min");
  rw_case(I32, xs, 2, w, st, d1, 1.0, RWF_MUL, "rw i32 mul");
  rw_case(I64, xs, 2, w, st, d2, 3.0, RWF_ADD, "rw i64 add");
  rw_case(I8, xs, 2, w, st, d1, 1.0, RWF_ALL, "rw i8 all");
  rw_case(BOOL, xs, 2, w, st, d1, 0.0, RWF_ANY, "rw bool any");
  rw_case(BOOL, xs, 2, w, st, d1, 1.0, RWF_ALL, "rw bool all");
  int x3[3] = {3, 4, 5};
  int64_t w3[3] = {1, 2, 2}, s3[3] = {2, 1, 3}, dl3[3] = {1, 2, 1};
  rw_case(F32, x3, 3, w3, s3, dl3, 0.0, RWF_ADD, "rw 3-D");
  int64_t big[2] = {5, 1};
  rw_case(F32, xs, 2, big, st, d1, 0.0, RWF_ADD, "rw window too large");
  /* Errors: unsupported function, zero stride. */
  float x[20] = {0}, init = 0;
  int vs[1] = {2};
  int64_t zs[2] = {1, 0};
  oo_tensor ins[5] = {oo_in(F32, xs, 2, x), oo_in(F32, NULL, 0, &init),
                      oo_const(I64, vs, 1, w), oo_const(I64, vs, 1, st),
                      oo_const(I64, vs, 1, d1)};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I32, 0);
  oo_op op = {.op = TFLC_OP_REDUCE_WINDOW,
              .bo = TFLC_BO2_REDUCE_WINDOW,
              .fields = &f,
              .n_fields = 1,
              .inputs = ins,
              .n_inputs = 5};
  oo_tensor out = oo_out_t(F32, xs, 2);
  const oo_ext x2 = {.outputs = &out, .n_outputs = 1, .options2 = 1};
  oo_run r;
  CHECK(oo_build_ext(&op, &x2, &r) != 0);
  CHECK_CONTAINS(r.err, "reduce_function 0 is not supported");
  oo_free(&r);
  f = tm_opt_int(0, TFLC_OPT_I32, RWF_ADD);
  ins[3] = oo_const(I64, vs, 1, zs);
  CHECK(oo_build_ext(&op, &x2, &r) != 0);
  CHECK_CONTAINS(r.err, "window_strides[1] = 0 must be at least 1");
  oo_free(&r);
  ins[3] = oo_in(I64, vs, 1, st);
  CHECK(oo_build_ext(&op, &x2, &r) != 0);
  CHECK_CONTAINS(r.err, "window_strides must be constant");
  oo_free(&r);
}

/* ---- FAKE_QUANT -------------------------------------------------------- */

/* Reference: TensorFlow's FakeQuantWithMinMaxArgs nudging and rounding, in
 * float as TensorFlow Lite computes it. */
static void ref_fake_quant(const float *x, int n, float mn, float mx, int bits,
                           int narrow, float *y) {
  float qmin = narrow ? 1.0f : 0.0f, qmax = (float)((1 << bits) - 1);
  float scale = (mx - mn) / (qmax - qmin);
  float zpm = qmin - mn / scale;
  float zp = zpm < qmin ? qmin : zpm > qmax ? qmax : roundf(zpm);
  float nmin = (qmin - zp) * scale, nmax = (qmax - zp) * scale;
  for (int i = 0; i < n; i++) {
    float c = x[i] < nmin ? nmin : x[i] > nmax ? nmax : x[i];
    y[i] = roundf((c - nmin) * (1.0f / scale)) * scale + nmin;
  }
}

static void fq_case(float mn, float mx, int bits, int narrow,
                    const char *label) {
  float x[64], want[64];
  int s[1] = {64};
  for (int i = 0; i < 64; i++) x[i] = -3.0f + 0.0937f * (float)i;
  ref_fake_quant(x, 64, mn, mx, bits, narrow, want);
  tflc_opt_field f[4] = {tm_opt_f32(0, mn), tm_opt_f32(1, mx),
                         tm_opt_int(2, TFLC_OPT_I32, bits),
                         tm_opt_int(3, TFLC_OPT_BOOL, narrow)};
  oo_tensor ins[1] = {oo_in(F32, s, 1, x)};
  oo_op op = {.op = TFLC_OP_FAKE_QUANT,
              .bo = TFLC_BO_FAKE_QUANT,
              .fields = f,
              .n_fields = 4,
              .inputs = ins,
              .n_inputs = 1,
              .out = oo_out_t(F32, s, 1)};
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, label);
  if (t) oo_check_f32(t, want, 64, 1e-5, label);
  oo_free(&r);
}

static void test_fake_quant(void) {
  fq_case(-1.0f, 1.0f, 8, 0, "fake_quant 8 bit");
  fq_case(-1.0f, 1.0f, 8, 1, "fake_quant narrow");
  fq_case(0.5f, 2.0f, 4, 0, "fake_quant min above 0");
  fq_case(-6.0f, -0.25f, 3, 0, "fake_quant max below 0");
  fq_case(-2.5f, 1.7f, 16, 0, "fake_quant 16 bit");
  float x[1] = {0};
  int s[1] = {1};
  tflc_opt_field f[3] = {tm_opt_f32(0, 1.0f), tm_opt_f32(1, 1.0f),
                         tm_opt_int(2, TFLC_OPT_I32, 8)};
  oo_tensor ins[1] = {oo_in(F32, s, 1, x)};
  oo_op op = {.op = TFLC_OP_FAKE_QUANT,
              .bo = TFLC_BO_FAKE_QUANT,
              .fields = f,
              .n_fields = 3,
              .inputs = ins,
              .n_inputs = 1,
              .out = oo_out_t(F32, s, 1)};
  oo_expect_error(&op, "min 1 must be below max 1", "fake_quant range");
  f[1] = tm_opt_f32(1, 2.0f);
  f[2] = tm_opt_int(2, TFLC_OPT_I32, 1);
  oo_expect_error(&op, "num_bits 1 is not supported", "fake_quant bits");
}

int main(void) {
  test_fake_quant();
  test_unique();
  test_one_hot();
  test_sparse_to_dense();
  test_reverse_sequence();
  test_matrix_diag();
  test_matrix_set_diag();
  test_bucketize();
  test_bitwise();
  test_dilate();
  test_reduce_window();
  return CHECK_DONE();
}
