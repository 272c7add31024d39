/* Op tests of the data-movement kernels SQUEEZE, EXPAND_DIMS, TRANSPOSE,
 * SPLIT, SPLIT_V, PACK, UNPACK, SLICE, TILE, BROADCAST_TO, BROADCAST_ARGS,
 * REVERSE_V2, DEPTH_TO_SPACE, SPACE_TO_DEPTH, BATCH_TO_SPACE_ND,
 * SPACE_TO_BATCH_ND and MIRROR_PAD (STRIDED_SLICE has test_strided_slice.c).
 * One-op models built with the project's writer, compared with plain
 * references written here (explicit coordinate loops, byte-generic so every
 * element size is covered) and hand-computed values: options, ranks 1..6,
 * negative axes, int32/int64 index inputs, non-constant index inputs (the
 * dynamic-output path), zero-size tensors, and the errors prepare (or
 * invoke, for values only known then) must report. */
#include "support/op_test.h"

#define F32 TFLC_TT_FLOAT32
#define I32 TFLC_TT_INT32
#define I64 TFLC_TT_INT64
#define I8 TFLC_TT_INT8
#define I16 TFLC_TT_INT16
#define U8 TFLC_TT_UINT8

/* ---- helpers ------------------------------------------------------------ */

/* An index input, constant or not. */
static oo_tensor idx_t(int8_t tt, const int *shape, int rank, const void *data,
                       int is_const) {
  oo_tensor t = oo_in(tt, shape, rank, data);
  t.is_const = is_const;
  return t;
}

/* Distinct values of each type: element k. */
static void fill(int8_t tt, void *buf, size_t n) {
  for (size_t k = 0; k < n; k++) {
    switch (tt) {
      case F32: ((float *)buf)[k] = (float)k * 0.25f - 3.0f; break;
      case I32: ((int32_t *)buf)[k] = (int32_t)(k * 1000003u) - 7; break;
      case I64: ((int64_t *)buf)[k] = (int64_t)k * 10000000019LL - 5; break;
      case I16: ((int16_t *)buf)[k] = (int16_t)(k * 257u + 1); break;
      default: ((uint8_t *)buf)[k] = (uint8_t)(k * 37u + 11u); break;
    }
  }
}

/* Runs a multi-output op; output k must have shape shapes[k] (rank
 * ranks[k]) and bytes want[k]. */
static void mo_expect(const oo_op *c, const oo_tensor *outs, int n_out,
                      const int *const *shapes, const int *ranks,
                      const void *const *want, size_t elem, const char *label) {
  oo_run r;
  if (oo_build_ext(c, OO_OUTS(outs, n_out), &r) != 0) {
    CHECK_MSG(0, "%s: build failed: %s", label, r.err);
    oo_free(&r);
    return;
  }
  TfLiteStatus s = oo_invoke(c, &r);
  CHECK_MSG(s == kTfLiteOk, "%s: invoke failed: %s", label, r.err);
  for (int k = 0; s == kTfLiteOk && k < n_out; k++) {
    const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(r.it, k);
    if (oo_check_shape(t, shapes[k], ranks[k], label))
      oo_check_bytes(t, want[k], oo_count(shapes[k], ranks[k]) * elem, label);
  }
  oo_free(&r);
}

/* ---- references (byte-generic) ------------------------------------------ */

/* out[c] = in[begin + c * step] over the box cnt (rank r). */
static void ref_box(const uint8_t *in, const int *in_dims, int r,
                    const int *begin, const int *step, const int *cnt,
                    size_t elem, uint8_t *out) {
  size_t n = oo_count(cnt, r);
  int c[8], ic[8];
  for (size_t k = 0; k < n; k++) {
    ot_unravel(k, cnt, r, c);
    for (int i = 0; i < r; i++) ic[i] = begin[i] + c[i] * step[i];
    memcpy(out + k * elem, in + ot_ravel(ic, in_dims, r) * elem, elem);
  }
}

static void ref_transpose(const uint8_t *in, const int *in_dims, int r,
                          const int *perm, size_t elem, uint8_t *out) {
  int od[8], c[8], ic[8];
  for (int i = 0; i < r; i++) od[i] = in_dims[perm[i]];
  size_t n = oo_count(in_dims, r);
  for (size_t k = 0; k < n; k++) {
    ot_unravel(k, od, r, c);
    for (int i = 0; i < r; i++) ic[perm[i]] = c[i];
    memcpy(out + k * elem, in + ot_ravel(ic, in_dims, r) * elem, elem);
  }
}

/* ---- SQUEEZE ------------------------------------------------------------ */

static void test_squeeze(void) {
  float x[12];
  fill(F32, x, 12);
  static const int s1312[4] = {1, 3, 1, 4}, s34[2] = {3, 4};
  static const int s314[3] = {3, 1, 4}, s134[3] = {1, 3, 4};
  oo_tensor in = oo_in(F32, s1312, 4, x);
  oo_op op = {.op = TFLC_OP_SQUEEZE,
              .bo = TFLC_BO_SQUEEZE,
              .inputs = &in,
              .n_inputs = 1,
              .out = oo_out_t(F32, s34, 2)};
  oo_run_expect(&op, s34, 2, x, sizeof x, "squeeze all");
  op.bo = 0; /* no options table: same */
  oo_run_expect(&op, s34, 2, x, sizeof x, "squeeze no options");
  op.bo = TFLC_BO_SQUEEZE;
  static const int32_t d0[1] = {0}, dm2[1] = {-2}, d02[2] = {0, -2};
  tflc_opt_field f = tm_opt_vec_i32(0, d0, 1);
  op.fields = &f;
  op.n_fields = 1;
  op.out = oo_out_t(F32, s314, 3);
  oo_run_expect(&op, s314, 3, x, sizeof x, "squeeze dim 0");
  f = tm_opt_vec_i32(0, dm2, 1);
  oo_run_expect(&op, s134, 3, x, sizeof x, "squeeze dim -2");
  f = tm_opt_vec_i32(0, d02, 2);
  oo_run_expect(&op, s34, 2, x, sizeof x, "squeeze dims 0,-2");

  /* rank 6, int16 */
  int16_t y[6];
  fill(I16, y, 6);
  static const int s6d[6] = {1, 2, 1, 1, 3, 1}, s23[2] = {2, 3};
  oo_tensor in6 = oo_in(I16, s6d, 6, y);
  oo_op op6 = {.op = TFLC_OP_SQUEEZE,
               .inputs = &in6,
               .n_inputs = 1,
               .out = oo_out_t(I16, s23, 2)};
  oo_run_expect(&op6, s23, 2, y, sizeof y, "squeeze rank 6");

  /* zero-size */
  static const int s012[3] = {0, 1, 2}, s02[2] = {0, 2};
  oo_tensor z = oo_in(F32, s012, 3, NULL);
  oo_op opz = {.op = TFLC_OP_SQUEEZE,
               .inputs = &z,
               .n_inputs = 1,
               .out = oo_out_t(F32, s02, 2)};
  oo_run_expect(&opz, s02, 2, NULL, 0, "squeeze zero-size");

  /* errors */
  static const int32_t d1[1] = {1}, d4[1] = {4};
  f = tm_opt_vec_i32(0, d1, 1);
  oo_expect_error(&op, "cannot squeeze dimension 1 of size 3",
                  "squeeze size 3");
  f = tm_opt_vec_i32(0, d4, 1);
  oo_expect_error(&op, "squeeze_dims[0] = 4 is out of range", "squeeze range");
}

/* ---- EXPAND_DIMS -------------------------------------------------------- */

static void test_expand_dims(void) {
  float x[6];
  fill(F32, x, 6);
  static const int s23[2] = {2, 3}, s1[1] = {1};
  static const int s123[3] = {1, 2, 3}, s213[3] = {2, 1, 3};
  static const int s231[3] = {2, 3, 1};
  struct {
    int64_t axis;
    const int *want;
  } cases[] = {{0, s123}, {1, s213}, {2, s231}, {-1, s231}, {-3, s123}};
  for (int k = 0; k < 5; k++) {
    for (int tt64 = 0; tt64 < 2; tt64++) {
      for (int is_const = 0; is_const < 2; is_const++) {
        int32_t a32 = (int32_t)cases[k].axis;
        int64_t a64 = cases[k].axis;
        oo_tensor ins[2] = {
            oo_in(F32, s23, 2, x),
            idx_t(tt64 ? I64 : I32, s1, 1,
                  tt64 ? (const void *)&a64 : (const void *)&a32, is_const)};
        oo_op op = {.op = TFLC_OP_EXPAND_DIMS,
                    .inputs = ins,
                    .n_inputs = 2,
                    .out = oo_out_t(F32, s23, 2)};
        char label[64];
        snprintf(label, sizeof label, "expand_dims axis %lld %s %s",
                 (long long)a64, tt64 ? "i64" : "i32",
                 is_const ? "const" : "dynamic");
        oo_run_expect(&op, cases[k].want, 3, x, sizeof x, label);
      }
    }
  }
  /* scalar axis, scalar input -> [1] */
  int32_t a0 = 0;
  float v = 5.0f;
  oo_tensor ins[2] = {oo_in(F32, s1, 0, &v), oo_const(I32, s1, 0, &a0)};
  oo_op op = {.op = TFLC_OP_EXPAND_DIMS,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, s1, 1)};
  oo_run_expect(&op, s1, 1, &v, 4, "expand_dims scalar");
  /* zero-size */
  static const int s03[2] = {0, 3}, s013[3] = {0, 1, 3};
  int32_t a1 = 1;
  oo_tensor zi[2] = {oo_in(F32, s03, 2, NULL), oo_const(I32, s1, 1, &a1)};
  oo_op opz = {.op = TFLC_OP_EXPAND_DIMS,
               .inputs = zi,
               .n_inputs = 2,
               .out = oo_out_t(F32, s013, 3)};
  oo_run_expect(&opz, s013, 3, NULL, 0, "expand_dims zero-size");
  /* errors */
  int32_t a3 = 3, am4 = -4;
  oo_tensor e[2] = {oo_in(F32, s23, 2, x), oo_const(I32, s1, 1, &a3)};
  oo_op ope = {.op = TFLC_OP_EXPAND_DIMS,
               .inputs = e,
               .n_inputs = 2,
               .out = oo_out_t(F32, s23, 2)};
  oo_expect_error(&ope, "axis 3 is out of range [-3, 2]", "expand_dims 3");
  e[1] = oo_const(I32, s1, 1, &am4);
  oo_expect_error(&ope, "axis -4 is out of range", "expand_dims -4");
  e[1] = oo_in(I32, s1, 1, &a3);
  oo_expect_invoke_error(&ope, "axis 3 is out of range", "expand_dims dyn 3");
  float fa = 0;
  e[1] = oo_const(F32, s1, 1, &fa);
  oo_expect_error(&ope, "axis input has type FLOAT32", "expand_dims type");
  int32_t two[2] = {0, 1};
  static const int s2[1] = {2};
  e[1] = oo_const(I32, s2, 1, two);
  oo_expect_error(&ope, "axis input must have one element", "expand_dims n");
}

/* ---- TRANSPOSE ---------------------------------------------------------- */

static void test_transpose(void) {
  static const int8_t tts[4] = {F32, I8, I16, I64};
  static const int dims6[6] = {2, 3, 1, 4, 2, 3};
  uint8_t in[144 * 8], want[144 * 8];
  for (int rank = 1; rank <= 6; rank++) {
    for (int v = 0; v < 3; v++) {
      int8_t tt = tts[(rank + v) % 4];
      size_t elem = oo_tt_size(tt);
      int dims[6], perm[6];
      for (int i = 0; i < rank; i++) dims[i] = dims6[(i + v) % 6];
      /* perm: reversal, rotation, or a swap of the first and last */
      for (int i = 0; i < rank; i++) {
        if (v == 0)
          perm[i] = rank - 1 - i;
        else if (v == 1)
          perm[i] = (i + 1) % rank;
        else
          perm[i] = i;
      }
      if (v == 2 && rank > 1) {
        perm[0] = rank - 1;
        perm[rank - 1] = 0;
      }
      size_t n = oo_count(dims, rank);
      fill(tt, in, n);
      ref_transpose(in, dims, rank, perm, elem, want);
      int od[6];
      for (int i = 0; i < rank; i++) od[i] = dims[perm[i]];
      int32_t p32[6];
      int64_t p64[6];
      for (int i = 0; i < rank; i++) p32[i] = p64[i] = perm[i];
      int plen[1] = {rank};
      for (int dyn = 0; dyn < 2; dyn++) {
        int use64 = (rank + dyn) % 2;
        oo_tensor ins[2] = {
            oo_in(tt, dims, rank, in),
            idx_t(use64 ? I64 : I32, plen, 1,
                  use64 ? (const void *)p64 : (const void *)p32, !dyn)};
        oo_op op = {.op = TFLC_OP_TRANSPOSE,
                    .inputs = ins,
                    .n_inputs = 2,
                    .out = oo_out_t(tt, dims, rank)};
        char label[64];
        snprintf(label, sizeof label, "transpose rank %d v%d %s", rank, v,
                 dyn ? "dynamic" : "const");
        oo_run_expect(&op, od, rank, want, n * elem, label);
      }
    }
  }
  /* 2-D hand check */
  static const float x[6] = {1, 2, 3, 4, 5, 6}, xt[6] = {1, 4, 2, 5, 3, 6};
  static const int s23[2] = {2, 3}, s32[2] = {3, 2}, s2[1] = {2};
  static const int32_t p10[2] = {1, 0};
  oo_tensor ins[2] = {oo_in(F32, s23, 2, x), oo_const(I32, s2, 1, p10)};
  oo_op op = {.op = TFLC_OP_TRANSPOSE,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, s32, 2)};
  oo_run_expect(&op, s32, 2, xt, sizeof xt, "transpose 2x3");
  /* quantized int8 keeps its bytes */
  static const int8_t q[6] = {-128, -1, 0, 1, 2, 127},
                      qt[6] = {-128, 1, -1, 2, 0, 127};
  float sc = 0.1f;
  int64_t zp = 3;
  oo_tensor qi[2] = {oo_in(I8, s23, 2, q), oo_const(I32, s2, 1, p10)};
  oo_quant1(&qi[0], &sc, &zp);
  oo_op opq = {.op = TFLC_OP_TRANSPOSE,
               .inputs = qi,
               .n_inputs = 2,
               .out = oo_out_t(I8, s32, 2)};
  oo_quant1(&opq.out, &sc, &zp);
  oo_run_expect(&opq, s32, 2, qt, 6, "transpose int8");
  /* zero-size */
  static const int s03[2] = {0, 3}, s30[2] = {3, 0};
  oo_tensor zi[2] = {oo_in(F32, s03, 2, NULL), oo_const(I32, s2, 1, p10)};
  oo_op opz = {.op = TFLC_OP_TRANSPOSE,
               .inputs = zi,
               .n_inputs = 2,
               .out = oo_out_t(F32, s30, 2)};
  oo_run_expect(&opz, s30, 2, NULL, 0, "transpose zero-size");
  /* errors */
  static const int32_t p00[2] = {0, 0}, p12[2] = {1, 2}, p3[3] = {0, 1, 2};
  static const int s3[1] = {3};
  ins[1] = oo_const(I32, s2, 1, p00);
  oo_expect_error(&op, "perm is not a permutation", "transpose repeat");
  ins[1] = oo_const(I32, s2, 1, p12);
  oo_expect_error(&op, "perm[1] = 2 is out of range", "transpose range");
  ins[1] = oo_const(I32, s3, 1, p3);
  oo_expect_error(&op, "perm input has 3 elements, expected 2",
                  "transpose len");
  ins[1] = oo_in(I32, s2, 1, p00);
  oo_expect_invoke_error(&op, "perm is not a permutation",
                         "transpose dyn repeat");
}

/* ---- SPLIT / SPLIT_V / UNPACK ------------------------------------------- */

/* Reference: piece of `in` [outer, axis, inner] from start, len along axis. */
static void ref_piece(const uint8_t *in, size_t outer, int axis_dim,
                      size_t inner, int start, int len, size_t elem,
                      uint8_t *out) {
  for (size_t o = 0; o < outer; o++)
    for (int a = 0; a < len; a++)
      memcpy(out + (o * (size_t)len + (size_t)a) * inner * elem,
             in + (o * (size_t)axis_dim + (size_t)(start + a)) * inner * elem,
             inner * elem);
}

static void test_split(void) {
  static const int s263[3] = {2, 6, 3}, s1[1] = {1};
  float x[36];
  fill(F32, x, 36);
  for (int k = 0; k < 4; k++) {
    int num = k < 2 ? 3 : 2;
    int axis = k == 0 ? 1 : (k == 1 ? -2 : 0); /* k 3: axis 0 dynamic */
    int a = axis < 0 ? axis + 3 : axis;
    int32_t ax = axis;
    oo_tensor ins[2] = {idx_t(I32, s1, 0, &ax, k != 3), oo_in(F32, s263, 3, x)};
    tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I32, num);
    oo_op op = {.op = TFLC_OP_SPLIT,
                .bo = TFLC_BO_SPLIT,
                .fields = &f,
                .n_fields = 1,
                .inputs = ins,
                .n_inputs = 2};
    int od[3] = {2, 6, 3};
    od[a] /= num;
    oo_tensor outs[3];
    const int *shapes[3];
    int ranks[3];
    float want[3][36];
    const void *wp[3];
    size_t outer = 1, inner = 1;
    for (int i = 0; i < a; i++) outer *= (size_t)s263[i];
    for (int i = a + 1; i < 3; i++) inner *= (size_t)s263[i];
    for (int j = 0; j < num; j++) {
      outs[j] = oo_out_t(F32, s263, 3);
      shapes[j] = od;
      ranks[j] = 3;
      ref_piece((const uint8_t *)x, outer, s263[a], inner, j * od[a], od[a], 4,
                (uint8_t *)want[j]);
      wp[j] = want[j];
    }
    char label[48];
    snprintf(label, sizeof label, "split case %d", k);
    mo_expect(&op, outs, num, shapes, ranks, wp, 4, label);
  }
  /* int8, 1-D, int64 axis */
  int8_t b[4] = {1, 2, 3, 4};
  static const int s4[1] = {4}, s2[1] = {2};
  int64_t a0 = 0;
  oo_tensor bi[2] = {oo_const(I64, s1, 1, &a0), oo_in(I8, s4, 1, b)};
  tflc_opt_field f2 = tm_opt_int(0, TFLC_OPT_I32, 2);
  oo_op opb = {.op = TFLC_OP_SPLIT,
               .bo = TFLC_BO_SPLIT,
               .fields = &f2,
               .n_fields = 1,
               .inputs = bi,
               .n_inputs = 2};
  oo_tensor bo[2] = {oo_out_t(I8, s4, 1), oo_out_t(I8, s4, 1)};
  const int *bs[2] = {s2, s2};
  int br[2] = {1, 1};
  const void *bw[2] = {b, b + 2};
  mo_expect(&opb, bo, 2, bs, br, bw, 1, "split int8");
  /* zero-size input */
  static const int s04[2] = {0, 4}, s02[2] = {0, 2};
  int32_t a1 = 1;
  oo_tensor zi[2] = {oo_const(I32, s1, 1, &a1), oo_in(F32, s04, 2, NULL)};
  opb.inputs = zi;
  oo_tensor zo[2] = {oo_out_t(F32, s04, 2), oo_out_t(F32, s04, 2)};
  const int *zs[2] = {s02, s02};
  int zr[2] = {2, 2};
  const void *zw[2] = {NULL, NULL};
  mo_expect(&opb, zo, 2, zs, zr, zw, 4, "split zero-size");
  /* errors */
  tflc_opt_field f4 = tm_opt_int(0, TFLC_OPT_I32, 4);
  int32_t ax1 = 1, ax3 = 3;
  oo_tensor ei[2] = {oo_const(I32, s1, 1, &ax1), oo_in(F32, s263, 3, x)};
  oo_op ope = {.op = TFLC_OP_SPLIT,
               .bo = TFLC_BO_SPLIT,
               .fields = &f4,
               .n_fields = 1,
               .inputs = ei,
               .n_inputs = 2};
  oo_tensor eo[4] = {oo_out_t(F32, s263, 3), oo_out_t(F32, s263, 3),
                     oo_out_t(F32, s263, 3), oo_out_t(F32, s263, 3)};
  oo_expect_error_ext(&ope, OO_OUTS(eo, 4),
                      "cannot be split into 4 equal pieces", "split divisible");
  oo_expect_error_ext(&ope, OO_OUTS(eo, 3), "expected 4 outputs, got 3",
                      "split outputs");
  ope.fields = &f2;
  ei[0] = oo_const(I32, s1, 1, &ax3);
  oo_expect_error_ext(&ope, OO_OUTS(eo, 2), "axis 3 is out of range",
                      "split axis");
  tflc_opt_field f0 = tm_opt_int(0, TFLC_OPT_I32, 0);
  ope.fields = &f0;
  oo_expect_error_ext(&ope, OO_OUTS(eo, 1), "num_splits must be at least 1",
                      "split 0");
}

static void test_split_v(void) {
  static const int s25[2] = {2, 5}, s1[1] = {1}, s3[1] = {3};
  int16_t x[10];
  fill(I16, x, 10);
  static const int32_t sz[3] = {1, -1, 2};
  static const int64_t sz64[3] = {2, 0, 3};
  for (int k = 0; k < 4; k++) {
    int dyn = k >= 2;
    int use64 = k % 2;
    int32_t ax = -1;
    oo_tensor ins[3] = {
        oo_in(I16, s25, 2, x),
        idx_t(use64 ? I64 : I32, s3, 1,
              use64 ? (const void *)sz64 : (const void *)sz, !dyn),
        idx_t(I32, s1, 0, &ax, 1)};
    tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I32, 3);
    oo_op op = {.op = TFLC_OP_SPLIT_V,
                .bo = TFLC_BO_SPLIT_V,
                .fields = &f,
                .n_fields = 1,
                .inputs = ins,
                .n_inputs = 3};
    int lens[3] = {1, 2, 2};
    if (use64) {
      lens[0] = 2;
      lens[1] = 0;
      lens[2] = 3;
    }
    int od[3][2];
    oo_tensor outs[3];
    const int *shapes[3];
    int ranks[3];
    int16_t want[3][10];
    const void *wp[3];
    int start = 0;
    for (int j = 0; j < 3; j++) {
      od[j][0] = 2;
      od[j][1] = lens[j];
      outs[j] = oo_out_t(I16, s25, 2);
      shapes[j] = od[j];
      ranks[j] = 2;
      ref_piece((const uint8_t *)x, 2, 5, 1, start, lens[j], 2,
                (uint8_t *)want[j]);
      wp[j] = want[j];
      start += lens[j];
    }
    char label[48];
    snprintf(label, sizeof label, "split_v case %d", k);
    mo_expect(&op, outs, 3, shapes, ranks, wp, 2, label);
  }
  /* errors */
  static const int32_t two_m1[3] = {-1, -1, 1}, bad_sum[3] = {1, 1, 1};
  int32_t ax0 = 0, ax1 = 1;
  oo_tensor ei[3] = {oo_in(I16, s25, 2, x), oo_const(I32, s3, 1, two_m1),
                     oo_const(I32, s1, 1, &ax1)};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I32, 3);
  oo_op ope = {.op = TFLC_OP_SPLIT_V,
               .bo = TFLC_BO_SPLIT_V,
               .fields = &f,
               .n_fields = 1,
               .inputs = ei,
               .n_inputs = 3};
  oo_tensor eo[3] = {oo_out_t(I16, s25, 2), oo_out_t(I16, s25, 2),
                     oo_out_t(I16, s25, 2)};
  oo_expect_error_ext(&ope, OO_OUTS(eo, 3), "more than one -1",
                      "split_v two -1");
  ei[1] = oo_const(I32, s3, 1, bad_sum);
  oo_expect_error_ext(&ope, OO_OUTS(eo, 3),
                      "size_splits sum to 3 but dimension 1 has size 5",
                      "split_v sum");
  ei[2] = oo_const(I32, s1, 1, &ax0);
  oo_expect_error_ext(&ope, OO_OUTS(eo, 3),
                      "size_splits sum to 3 but dimension 0 has size 2",
                      "split_v sum axis 0");
  static const int s2[1] = {2};
  ei[1] = oo_const(I32, s2, 1, bad_sum);
  oo_expect_error_ext(&ope, OO_OUTS(eo, 3),
                      "size_splits input has 2 elements, expected 3",
                      "split_v len");
}

static void test_pack_unpack(void) {
  /* PACK: 3 inputs of [2,3], every axis. */
  float a[6], b[6], c[6];
  fill(F32, a, 6);
  for (int i = 0; i < 6; i++) {
    b[i] = a[i] + 100;
    c[i] = a[i] + 200;
  }
  const float *src[3] = {a, b, c};
  static const int s23[2] = {2, 3};
  for (int axis = -3; axis <= 2; axis++) {
    int ax = axis < 0 ? axis + 3 : axis;
    int od[3], k = 0;
    for (int i = 0; i < 3; i++) od[i] = i == ax ? 3 : s23[k++];
    float want[18];
    int cc[3];
    for (size_t e = 0; e < 18; e++) {
      ot_unravel(e, od, 3, cc);
      int which = cc[ax], ic[2], m = 0;
      for (int i = 0; i < 3; i++)
        if (i != ax) ic[m++] = cc[i];
      want[e] = src[which][ot_ravel(ic, s23, 2)];
    }
    oo_tensor ins[3] = {oo_in(F32, s23, 2, a), oo_in(F32, s23, 2, b),
                        oo_in(F32, s23, 2, c)};
    tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_I32, 3),
                           tm_opt_int(1, TFLC_OPT_I32, axis)};
    oo_op op = {.op = TFLC_OP_PACK,
                .bo = TFLC_BO_PACK,
                .fields = f,
                .n_fields = 2,
                .inputs = ins,
                .n_inputs = 3,
                .out = oo_out_t(F32, od, 3)};
    char label[32];
    snprintf(label, sizeof label, "pack axis %d", axis);
    oo_run_expect(&op, od, 3, want, sizeof want, label);

    /* UNPACK the packed tensor back along the same axis. */
    oo_tensor pin = oo_in(F32, od, 3, want);
    tflc_opt_field uf[2] = {tm_opt_int(0, TFLC_OPT_I32, 3),
                            tm_opt_int(1, TFLC_OPT_I32, axis)};
    oo_op uop = {.op = TFLC_OP_UNPACK,
                 .bo = TFLC_BO_UNPACK,
                 .fields = uf,
                 .n_fields = 2,
                 .inputs = &pin,
                 .n_inputs = 1};
    oo_tensor uo[3] = {oo_out_t(F32, s23, 2), oo_out_t(F32, s23, 2),
                       oo_out_t(F32, s23, 2)};
    const int *us[3] = {s23, s23, s23};
    int ur[3] = {2, 2, 2};
    const void *uw[3] = {a, b, c};
    snprintf(label, sizeof label, "unpack axis %d", axis);
    mo_expect(&uop, uo, 3, us, ur, uw, 4, label);
  }
  /* PACK of scalars, int64 */
  int64_t p = 5, q = -7, pq[2] = {5, -7};
  static const int s1[1] = {1}, s2[1] = {2};
  oo_tensor si[2] = {oo_in(I64, s1, 0, &p), oo_in(I64, s1, 0, &q)};
  tflc_opt_field f2[1] = {tm_opt_int(0, TFLC_OPT_I32, 2)};
  oo_op ops = {.op = TFLC_OP_PACK,
               .bo = TFLC_BO_PACK,
               .fields = f2,
               .n_fields = 1,
               .inputs = si,
               .n_inputs = 2,
               .out = oo_out_t(I64, s2, 1)};
  oo_run_expect(&ops, s2, 1, pq, sizeof pq, "pack scalars");
  /* quantized: equal params pass, different ones fail */
  int8_t qa[2] = {1, 2}, qb[2] = {3, 4}, qab[4] = {1, 2, 3, 4};
  static const int s22[2] = {2, 2};
  float sc = 0.5f, sc2 = 0.25f;
  int64_t zp = 1;
  oo_tensor qi[2] = {oo_in(I8, s2, 1, qa), oo_in(I8, s2, 1, qb)};
  oo_quant1(&qi[0], &sc, &zp);
  oo_quant1(&qi[1], &sc, &zp);
  oo_op opq = {.op = TFLC_OP_PACK,
               .bo = TFLC_BO_PACK,
               .fields = f2,
               .n_fields = 1,
               .inputs = qi,
               .n_inputs = 2,
               .out = oo_out_t(I8, s22, 2)};
  oo_quant1(&opq.out, &sc, &zp);
  oo_run_expect(&opq, s22, 2, qab, 4, "pack int8");
  oo_quant1(&qi[1], &sc2, &zp);
  oo_expect_error(&opq, "input 1 and the output have different quantization",
                  "pack quant");
  /* PACK errors */
  static const int s3[1] = {3};
  float z3[3] = {0};
  oo_tensor ei[2] = {oo_in(F32, s2, 1, a), oo_in(F32, s3, 1, z3)};
  oo_op ope = {.op = TFLC_OP_PACK,
               .bo = TFLC_BO_PACK,
               .fields = f2,
               .n_fields = 1,
               .inputs = ei,
               .n_inputs = 2,
               .out = oo_out_t(F32, s22, 2)};
  oo_expect_error(&ope, "input 1 has another shape", "pack shapes");
  ei[1] = oo_in(F32, s2, 1, a);
  tflc_opt_field fbad[2] = {tm_opt_int(0, TFLC_OPT_I32, 2),
                            tm_opt_int(1, TFLC_OPT_I32, 2)};
  ope.fields = fbad;
  ope.n_fields = 2;
  oo_expect_error(&ope, "axis 2 is out of range [-2, 1]", "pack axis");
  tflc_opt_field f3[1] = {tm_opt_int(0, TFLC_OPT_I32, 3)};
  ope.fields = f3;
  ope.n_fields = 1;
  oo_expect_error(&ope, "expected 3 inputs, got 2", "pack count");

  /* UNPACK: zero-size and errors */
  static const int s203[3] = {2, 0, 3}, s03[2] = {0, 3};
  oo_tensor zin = oo_in(F32, s203, 3, NULL);
  tflc_opt_field uf[2] = {tm_opt_int(0, TFLC_OPT_I32, 2),
                          tm_opt_int(1, TFLC_OPT_I32, 0)};
  oo_op uz = {.op = TFLC_OP_UNPACK,
              .bo = TFLC_BO_UNPACK,
              .fields = uf,
              .n_fields = 2,
              .inputs = &zin,
              .n_inputs = 1};
  oo_tensor zo[2] = {oo_out_t(F32, s03, 2), oo_out_t(F32, s03, 2)};
  const int *zs[2] = {s03, s03};
  int zr[2] = {2, 2};
  const void *zw[2] = {NULL, NULL};
  mo_expect(&uz, zo, 2, zs, zr, zw, 4, "unpack zero-size");
  tflc_opt_field ub[2] = {tm_opt_int(0, TFLC_OPT_I32, 2),
                          tm_opt_int(1, TFLC_OPT_I32, 2)};
  uz.fields = ub;
  oo_expect_error_ext(&uz, OO_OUTS(zo, 2),
                      "num is 2 but dimension 2 has size 3", "unpack num");
  tflc_opt_field ua[2] = {tm_opt_int(0, TFLC_OPT_I32, 2),
                          tm_opt_int(1, TFLC_OPT_I32, 3)};
  uz.fields = ua;
  oo_expect_error_ext(&uz, OO_OUTS(zo, 2), "axis 3 is out of range",
                      "unpack axis");
}

/* ---- SLICE -------------------------------------------------------------- */

static void test_slice(void) {
  static const int dims6[6] = {3, 4, 2, 3, 2, 2};
  uint8_t in[288 * 8], want[288 * 8];
  for (int rank = 1; rank <= 6; rank++) {
    for (int v = 0; v < 3; v++) {
      int8_t tt = v == 0 ? F32 : (v == 1 ? I8 : I64);
      size_t elem = oo_tt_size(tt);
      int dims[6], begin[6], size[6], cnt[6], step[6];
      for (int i = 0; i < rank; i++) {
        dims[i] = dims6[i];
        begin[i] = (i + v) % dims[i];
        size[i] = (i + v) % 3 == 0 ? -1 : (dims[i] - begin[i] + v) / 2;
        cnt[i] = size[i] < 0 ? dims[i] - begin[i] : size[i];
        step[i] = 1;
      }
      size_t n = oo_count(dims, rank);
      fill(tt, in, n);
      ref_box(in, dims, rank, begin, step, cnt, elem, want);
      int32_t b32[6], s32[6];
      int64_t b64[6], s64[6];
      for (int i = 0; i < rank; i++) {
        b32[i] = b64[i] = begin[i];
        s32[i] = s64[i] = size[i];
      }
      int len[1] = {rank};
      for (int dyn = 0; dyn < 2; dyn++) {
        int use64 = (v + dyn) % 2;
        oo_tensor ins[3] = {
            oo_in(tt, dims, rank, in),
            idx_t(use64 ? I64 : I32, len, 1,
                  use64 ? (const void *)b64 : (const void *)b32, !dyn),
            idx_t(use64 ? I64 : I32, len, 1,
                  use64 ? (const void *)s64 : (const void *)s32, 1)};
        oo_op op = {.op = TFLC_OP_SLICE,
                    .bo = TFLC_BO_SLICE,
                    .inputs = ins,
                    .n_inputs = 3,
                    .out = oo_out_t(tt, dims, rank)};
        char label[64];
        snprintf(label, sizeof label, "slice rank %d v%d %s", rank, v,
                 dyn ? "dynamic" : "const");
        oo_run_expect(&op, cnt, rank, want, oo_count(cnt, rank) * elem, label);
      }
    }
  }
  /* hand check: [[1,2,3],[4,5,6]] begin [0,1] size [2,-1] */
  static const float x[6] = {1, 2, 3, 4, 5, 6}, w[4] = {2, 3, 5, 6};
  static const int s23[2] = {2, 3}, s22[2] = {2, 2}, s2[1] = {2};
  static const int32_t b01[2] = {0, 1}, sm1[2] = {2, -1};
  oo_tensor ins[3] = {oo_in(F32, s23, 2, x), oo_const(I32, s2, 1, b01),
                      oo_const(I32, s2, 1, sm1)};
  oo_op op = {.op = TFLC_OP_SLICE,
              .inputs = ins,
              .n_inputs = 3,
              .out = oo_out_t(F32, s22, 2)};
  oo_run_expect(&op, s22, 2, w, sizeof w, "slice hand");
  /* empty slice at the end */
  static const int32_t b03[2] = {0, 3}, s2m1[2] = {2, -1};
  static const int s20[2] = {2, 0};
  ins[1] = oo_const(I32, s2, 1, b03);
  ins[2] = oo_const(I32, s2, 1, s2m1);
  oo_run_expect(&op, s20, 2, NULL, 0, "slice empty");
  /* errors */
  static const int32_t b04[2] = {0, 4}, bneg[2] = {-1, 0}, s03[2] = {2, 3};
  static const int32_t s0m2[2] = {1, -2};
  ins[1] = oo_const(I32, s2, 1, b04);
  oo_expect_error(&op, "begin[1] = 4 is out of range [0, 3]", "slice begin");
  ins[1] = oo_const(I32, s2, 1, bneg);
  oo_expect_error(&op, "begin[0] = -1 is out of range", "slice neg begin");
  ins[1] = oo_const(I32, s2, 1, b01);
  ins[2] = oo_const(I32, s2, 1, s03);
  oo_expect_error(&op, "begin[1] + size[1] = 4 exceeds the dimension size 3",
                  "slice size");
  ins[2] = oo_const(I32, s2, 1, s0m2);
  oo_expect_error(&op, "size[1] = -2 is invalid", "slice neg size");
  ins[2] = oo_in(I32, s2, 1, s03);
  oo_expect_invoke_error(&op, "exceeds the dimension size 3", "slice dyn size");
  static const int64_t l2[2] = {2, 2};
  ins[2] = oo_const(I64, s2, 1, l2);
  oo_expect_error(&op, "begin (INT32) and size (INT64) have different types",
                  "slice types");
}

/* ---- TILE / BROADCAST_TO / BROADCAST_ARGS ------------------------------- */

static void test_tile(void) {
  static const int dims4[4] = {2, 3, 1, 2};
  static const int mult4[4] = {2, 1, 3, 2};
  uint8_t in[12 * 8], want[12 * 8 * 24];
  for (int rank = 1; rank <= 4; rank++) {
    int8_t tt = rank % 2 ? F32 : I16;
    size_t elem = oo_tt_size(tt);
    int dims[4], od[4], c[4], ic[4];
    int32_t m32[4];
    int64_t m64[4];
    for (int i = 0; i < rank; i++) {
      dims[i] = dims4[i];
      m32[i] = m64[i] = mult4[(i + rank) % 4];
      od[i] = dims[i] * m32[i];
    }
    size_t n = oo_count(dims, rank), on = oo_count(od, rank);
    fill(tt, in, n);
    for (size_t k = 0; k < on; k++) {
      ot_unravel(k, od, rank, c);
      for (int i = 0; i < rank; i++) ic[i] = c[i] % dims[i];
      memcpy(want + k * elem, in + ot_ravel(ic, dims, rank) * elem, elem);
    }
    int len[1] = {rank};
    for (int dyn = 0; dyn < 2; dyn++) {
      int use64 = dyn;
      oo_tensor ins[2] = {
          oo_in(tt, dims, rank, in),
          idx_t(use64 ? I64 : I32, len, 1,
                use64 ? (const void *)m64 : (const void *)m32, !dyn)};
      oo_op op = {.op = TFLC_OP_TILE,
                  .inputs = ins,
                  .n_inputs = 2,
                  .out = oo_out_t(tt, dims, rank)};
      char label[48];
      snprintf(label, sizeof label, "tile rank %d %s", rank,
               dyn ? "dynamic" : "const");
      oo_run_expect(&op, od, rank, want, on * elem, label);
    }
  }
  /* hand check [1,2] x [2] -> [1,2,1,2]; multiple 0 -> empty */
  static const int32_t v[2] = {1, 2}, w[4] = {1, 2, 1, 2}, m2[1] = {2};
  static const int32_t m0[1] = {0};
  static const int s2[1] = {2}, s4[1] = {4}, s1[1] = {1}, s0[1] = {0};
  oo_tensor ins[2] = {oo_in(I32, s2, 1, v), oo_const(I32, s1, 1, m2)};
  oo_op op = {.op = TFLC_OP_TILE,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(I32, s4, 1)};
  oo_run_expect(&op, s4, 1, w, sizeof w, "tile hand");
  ins[1] = oo_const(I32, s1, 1, m0);
  oo_run_expect(&op, s0, 1, NULL, 0, "tile zero multiple");
  static const int32_t mneg[1] = {-1};
  ins[1] = oo_const(I32, s1, 1, mneg);
  oo_expect_error(&op, "multiples[0] = -1 is negative", "tile negative");
  ins[1] = oo_const(I32, s2, 1, v);
  oo_expect_error(&op, "multiples input has 2 elements, expected 1",
                  "tile len");
}

static void test_broadcast_to(void) {
  struct {
    int in[4], in_rank;
    int32_t shape[6];
    int out_rank;
  } cases[] = {
      {{3}, 1, {2, 3}, 2},
      {{2, 1}, 2, {2, 4}, 2},
      {{1, 3, 1}, 3, {2, 2, 3, 4}, 4},
      {{1}, 1, {2, 1, 3, 1, 2, 2}, 6},
      {{2, 1, 3}, 3, {2, 0, 3}, 3},
      {{1}, 0, {3}, 1},
  };
  for (int k = 0; k < 6; k++) {
    int8_t tt = k % 2 ? I8 : F32;
    size_t elem = oo_tt_size(tt);
    int r = cases[k].in_rank, ro = cases[k].out_rank;
    int od[6], c[6], ic[4];
    for (int i = 0; i < ro; i++) od[i] = cases[k].shape[i];
    uint8_t in[64], want[512 * 4];
    size_t n = oo_count(cases[k].in, r), on = oo_count(od, ro);
    fill(tt, in, n);
    for (size_t e = 0; e < on; e++) {
      ot_unravel(e, od, ro, c);
      for (int i = 0; i < r; i++)
        ic[i] = cases[k].in[i] == 1 ? 0 : c[ro - r + i];
      memcpy(want + e * elem, in + ot_ravel(ic, cases[k].in, r) * elem, elem);
    }
    int len[1] = {ro};
    int64_t s64[6];
    for (int i = 0; i < ro; i++) s64[i] = cases[k].shape[i];
    for (int dyn = 0; dyn < 2; dyn++) {
      oo_tensor ins[2] = {
          oo_in(tt, cases[k].in, r, in),
          idx_t(dyn ? I64 : I32, len, 1,
                dyn ? (const void *)s64 : (const void *)cases[k].shape, !dyn)};
      oo_op op = {.op = TFLC_OP_BROADCAST_TO,
                  .inputs = ins,
                  .n_inputs = 2,
                  .out = oo_out_t(tt, od, ro)};
      char label[48];
      snprintf(label, sizeof label, "broadcast_to case %d %s", k,
               dyn ? "dynamic" : "const");
      oo_run_expect(&op, od, ro, want, on * elem, label);
    }
  }
  /* errors */
  static const int s23[2] = {2, 3}, s2[1] = {2}, s1[1] = {1}, s9[1] = {9};
  static const int32_t sh24[2] = {2, 4}, sh3[1] = {3};
  static const int32_t sh9[9] = {1, 1, 1, 1, 1, 1, 1, 2, 3};
  float x[6] = {0};
  oo_tensor ins[2] = {oo_in(F32, s23, 2, x), oo_const(I32, s2, 1, sh24)};
  oo_op op = {.op = TFLC_OP_BROADCAST_TO,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, s23, 2)};
  oo_expect_error(&op, "input shape [2,3] cannot be broadcast",
                  "broadcast_to incompatible");
  ins[1] = oo_const(I32, s1, 1, sh3);
  oo_expect_error(&op, "shape has 1 dimensions, fewer than the input's 2",
                  "broadcast_to rank");
  ins[1] = oo_const(I32, s9, 1, sh9);
  oo_expect_error(&op, "at most 8 are supported", "broadcast_to 9-D");
  ins[1] = oo_in(I32, s2, 1, sh24);
  oo_expect_invoke_error(&op, "cannot be broadcast",
                         "broadcast_to dynamic bad");
}

static void test_broadcast_args(void) {
  static const int s3[1] = {3}, s2[1] = {2}, s0[1] = {0};
  static const int32_t a[3] = {2, 1, 3}, b[2] = {4, 1}, w[3] = {2, 4, 3};
  for (int dyn = 0; dyn < 2; dyn++) {
    oo_tensor ins[2] = {idx_t(I32, s3, 1, a, !dyn), idx_t(I32, s2, 1, b, 1)};
    oo_op op = {.op = TFLC_OP_BROADCAST_ARGS,
                .inputs = ins,
                .n_inputs = 2,
                .out = oo_out_t(I32, s3, 1)};
    oo_run_expect(&op, s3, 1, w, sizeof w,
                  dyn ? "broadcast_args dynamic" : "broadcast_args const");
  }
  static const int64_t a64[2] = {5, 1}, b64[3] = {1, 1, 7}, w64[3] = {1, 5, 7};
  oo_tensor i64[2] = {oo_in(I64, s2, 1, a64), oo_in(I64, s3, 1, b64)};
  oo_op op64 = {.op = TFLC_OP_BROADCAST_ARGS,
                .inputs = i64,
                .n_inputs = 2,
                .out = oo_out_t(I64, s3, 1)};
  oo_run_expect(&op64, s3, 1, w64, sizeof w64, "broadcast_args int64");
  /* empty shape (a scalar) with [2] -> [2] */
  static const int32_t e2[2] = {0, 6};
  oo_tensor ie[2] = {oo_in(I32, s0, 1, NULL), oo_in(I32, s2, 1, e2)};
  oo_op ope = {.op = TFLC_OP_BROADCAST_ARGS,
               .inputs = ie,
               .n_inputs = 2,
               .out = oo_out_t(I32, s2, 1)};
  oo_run_expect(&ope, s2, 1, e2, sizeof e2, "broadcast_args scalar");
  /* errors */
  static const int32_t bad[2] = {4, 2};
  oo_tensor ib[2] = {oo_in(I32, s3, 1, a), oo_in(I32, s2, 1, bad)};
  oo_op opb = {.op = TFLC_OP_BROADCAST_ARGS,
               .inputs = ib,
               .n_inputs = 2,
               .out = oo_out_t(I32, s3, 1)};
  oo_expect_invoke_error(&opb, "shapes are not broadcastable: entry 2 is 3",
                         "broadcast_args incompatible");
  ib[1] = oo_in(I64, s2, 1, b64);
  oo_expect_error(&opb, "inputs have different types", "broadcast_args types");
}

/* ---- REVERSE_V2 --------------------------------------------------------- */

static void test_reverse(void) {
  static const int dims6[6] = {2, 3, 2, 1, 3, 2};
  uint8_t in[72 * 8], want[72 * 8];
  for (int rank = 1; rank <= 6; rank++) {
    for (int v = 0; v < 3; v++) {
      int8_t tt = v == 0 ? F32 : (v == 1 ? U8 : I64);
      size_t elem = oo_tt_size(tt);
      int dims[6], begin[6], step[6];
      int32_t ax[6];
      int n_ax = 0;
      for (int i = 0; i < rank; i++) {
        dims[i] = dims6[i];
        int rev = v == 0 ? (i == rank - 1) : (v == 1 ? (i % 2 == 0) : 1);
        begin[i] = rev ? dims[i] - 1 : 0;
        step[i] = rev ? -1 : 1;
        /* list axes negative for odd dims */
        if (rev) ax[n_ax++] = i % 2 ? i - rank : i;
      }
      size_t n = oo_count(dims, rank);
      fill(tt, in, n);
      ref_box(in, dims, rank, begin, step, dims, elem, want);
      int len[1] = {n_ax};
      for (int dyn = 0; dyn < 2; dyn++) {
        oo_tensor ins[2] = {oo_in(tt, dims, rank, in),
                            idx_t(I32, len, 1, ax, !dyn)};
        oo_op op = {.op = TFLC_OP_REVERSE_V2,
                    .inputs = ins,
                    .n_inputs = 2,
                    .out = oo_out_t(tt, dims, rank)};
        char label[48];
        snprintf(label, sizeof label, "reverse rank %d v%d %s", rank, v,
                 dyn ? "dynamic" : "const");
        oo_run_expect(&op, dims, rank, want, n * elem, label);
      }
    }
  }
  /* hand check, int64 axis */
  static const int32_t x[6] = {1, 2, 3, 4, 5, 6}, w[6] = {3, 2, 1, 6, 5, 4};
  static const int s23[2] = {2, 3}, s1[1] = {1}, s2[1] = {2}, s0[1] = {0};
  static const int64_t a1[1] = {1};
  oo_tensor ins[2] = {oo_in(I32, s23, 2, x), oo_const(I64, s1, 1, a1)};
  oo_op op = {.op = TFLC_OP_REVERSE_V2,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(I32, s23, 2)};
  oo_run_expect(&op, s23, 2, w, sizeof w, "reverse hand");
  ins[1] = oo_const(I32, s0, 1, NULL);
  oo_run_expect(&op, s23, 2, x, sizeof x, "reverse no axes");
  /* zero-size */
  static const int s03[2] = {0, 3};
  oo_tensor zi[2] = {oo_in(I32, s03, 2, NULL), oo_const(I64, s1, 1, a1)};
  oo_op opz = {.op = TFLC_OP_REVERSE_V2,
               .inputs = zi,
               .n_inputs = 2,
               .out = oo_out_t(I32, s03, 2)};
  oo_run_expect(&opz, s03, 2, NULL, 0, "reverse zero-size");
  /* errors */
  static const int32_t dup[2] = {1, -1}, big[1] = {2};
  ins[1] = oo_const(I32, s2, 1, dup);
  oo_expect_error(&op, "axis 1 is listed more than once", "reverse dup");
  ins[1] = oo_const(I32, s1, 1, big);
  oo_expect_error(&op, "axis[0] = 2 is out of range", "reverse range");
  ins[1] = oo_in(I32, s1, 1, big);
  oo_expect_invoke_error(&op, "axis[0] = 2 is out of range",
                         "reverse dyn range");
}

/* ---- DEPTH_TO_SPACE / SPACE_TO_DEPTH ------------------------------------ */

static void test_depth_space(void) {
  struct {
    int n, h, w, c, bs;
  } cases[] = {{1, 1, 1, 4, 2},
               {2, 2, 3, 8, 2},
               {1, 2, 1, 18, 3},
               {1, 3, 2, 1, 1},
               {0, 2, 2, 4, 2}};
  for (int k = 0; k < 5; k++) {
    int n = cases[k].n, h = cases[k].h, w = cases[k].w, c = cases[k].c;
    int bs = cases[k].bs, co = c / (bs * bs);
    int8_t tt = k % 2 ? I8 : F32;
    size_t elem = oo_tt_size(tt);
    int in_dims[4] = {n, h, w, c}, out_dims[4] = {n, h * bs, w * bs, co};
    size_t cnt = oo_count(in_dims, 4);
    uint8_t in[256 * 4], want[256 * 4];
    fill(tt, in, cnt);
    /* DCR: out[b, y*bs+dy, x*bs+dx, ch] = in[b, y, x, (dy*bs+dx)*co+ch] */
    for (int b = 0; b < n; b++)
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          for (int dy = 0; dy < bs; dy++)
            for (int dx = 0; dx < bs; dx++)
              for (int ch = 0; ch < co; ch++) {
                int oc[4] = {b, y * bs + dy, x * bs + dx, ch};
                int ic[4] = {b, y, x, (dy * bs + dx) * co + ch};
                memcpy(want + ot_ravel(oc, out_dims, 4) * elem,
                       in + ot_ravel(ic, in_dims, 4) * elem, elem);
              }
    oo_tensor ti = oo_in(tt, in_dims, 4, in);
    tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I32, bs);
    oo_op op = {.op = TFLC_OP_DEPTH_TO_SPACE,
                .bo = TFLC_BO_DEPTH_TO_SPACE,
                .fields = &f,
                .n_fields = 1,
                .inputs = &ti,
                .n_inputs = 1,
                .out = oo_out_t(tt, out_dims, 4)};
    char label[48];
    snprintf(label, sizeof label, "depth_to_space case %d", k);
    oo_run_expect(&op, out_dims, 4, want, cnt * elem, label);
    /* SPACE_TO_DEPTH is the inverse. */
    oo_tensor si = oo_in(tt, out_dims, 4, want);
    oo_op op2 = {.op = TFLC_OP_SPACE_TO_DEPTH,
                 .bo = TFLC_BO_SPACE_TO_DEPTH,
                 .fields = &f,
                 .n_fields = 1,
                 .inputs = &si,
                 .n_inputs = 1,
                 .out = oo_out_t(tt, in_dims, 4)};
    snprintf(label, sizeof label, "space_to_depth case %d", k);
    oo_run_expect(&op2, in_dims, 4, in, cnt * elem, label);
  }
  /* hand check: [1,1,1,4] bs 2 -> [1,2,2,1] = 1,2,3,4 */
  static const float x[4] = {1, 2, 3, 4};
  static const int s1114[4] = {1, 1, 1, 4}, s1221[4] = {1, 2, 2, 1};
  oo_tensor ti = oo_in(F32, s1114, 4, x);
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I32, 2);
  oo_op op = {.op = TFLC_OP_DEPTH_TO_SPACE,
              .bo = TFLC_BO_DEPTH_TO_SPACE,
              .fields = &f,
              .n_fields = 1,
              .inputs = &ti,
              .n_inputs = 1,
              .out = oo_out_t(F32, s1221, 4)};
  oo_run_expect(&op, s1221, 4, x, sizeof x, "depth_to_space hand");
  /* errors */
  tflc_opt_field f0 = tm_opt_int(0, TFLC_OPT_I32, 0);
  op.fields = &f0;
  oo_expect_error(&op, "block_size 0 is invalid", "depth_to_space bs 0");
  tflc_opt_field f3 = tm_opt_int(0, TFLC_OPT_I32, 3);
  op.fields = &f3;
  oo_expect_error(&op, "depth 4 is not a multiple of block_size^2 = 9",
                  "depth_to_space depth");
  static const int s3[3] = {1, 1, 4};
  ti = oo_in(F32, s3, 3, x);
  op.fields = &f;
  oo_expect_error(&op, "input must be 4-D", "depth_to_space rank");
  oo_tensor si = oo_in(F32, s1114, 4, x);
  oo_op op2 = {.op = TFLC_OP_SPACE_TO_DEPTH,
               .bo = TFLC_BO_SPACE_TO_DEPTH,
               .fields = &f,
               .n_fields = 1,
               .inputs = &si,
               .n_inputs = 1,
               .out = oo_out_t(F32, s1114, 4)};
  oo_expect_error(&op2,
                  "height 1 and width 1 must be multiples of block_size 2",
                  "space_to_depth divisible");
  op2.fields = &f0;
  oo_expect_error(&op2, "block_size 0 is invalid", "space_to_depth bs 0");
}

/* ---- SPACE_TO_BATCH_ND / BATCH_TO_SPACE_ND ------------------------------ */

/* Reference in TensorFlow's terms, 4-D: batch[(oy*bw+ox)*N + n, y, x, c] =
 * padded_space[n, y*bh + oy, x*bw + ox, c]. */
static void ref_s2b(uint8_t *space, const int *sd, uint8_t *batch,
                    const int *bd, const int *block, const int *before,
                    size_t elem, const uint8_t *pad, int to_batch) {
  int n = sd[0];
  for (int b = 0; b < bd[0]; b++) {
    int blk = b / n, sn = b % n;
    int oy = blk / block[1], ox = blk % block[1];
    for (int y = 0; y < bd[1]; y++)
      for (int x = 0; x < bd[2]; x++)
        for (int ch = 0; ch < bd[3]; ch++) {
          int sy = y * block[0] + oy - before[0];
          int sx = x * block[1] + ox - before[1];
          int bc[4] = {b, y, x, ch};
          uint8_t *bp = batch + ot_ravel(bc, bd, 4) * elem;
          int inside = sy >= 0 && sy < sd[1] && sx >= 0 && sx < sd[2];
          int sc[4] = {sn, sy, sx, ch};
          if (to_batch) {
            if (inside)
              memcpy(bp, space + ot_ravel(sc, sd, 4) * elem, elem);
            else
              memcpy(bp, pad, elem);
          } else if (inside) {
            memcpy(space + ot_ravel(sc, sd, 4) * elem, bp, elem);
          }
        }
  }
}

static void test_space_batch(void) {
  struct {
    int rank;
    int sd[4]; /* space (unpadded) dims, 4-D form */
    int block[2];
    int pads[4]; /* top, bottom, left, right */
  } cases[] = {
      {4, {1, 4, 4, 1}, {2, 2}, {0, 0, 0, 0}},
      {4, {2, 3, 5, 2}, {2, 3}, {1, 0, 0, 1}},
      {4, {1, 2, 2, 3}, {1, 1}, {0, 0, 0, 0}},
      {4, {1, 1, 3, 1}, {2, 2}, {1, 2, 2, 1}},
      {3, {2, 5, 1, 3}, {3, 1}, {2, 2, 0, 0}},
      {3, {1, 4, 1, 2}, {2, 1}, {0, 0, 0, 0}},
      {4, {0, 2, 2, 1}, {2, 2}, {0, 0, 0, 0}},
  };
  for (int k = 0; k < 7; k++) {
    int r = cases[k].rank;
    const int *sd = cases[k].sd;
    int bh = cases[k].block[0], bw = cases[k].block[1];
    const int *p = cases[k].pads;
    int bd[4] = {sd[0] * bh * bw, (sd[1] + p[0] + p[1]) / bh,
                 (sd[2] + p[2] + p[3]) / bw, sd[3]};
    int8_t tt = k % 3 == 0 ? F32 : (k % 3 == 1 ? I8 : I64);
    size_t elem = oo_tt_size(tt);
    size_t sn = oo_count(sd, 4), bn = oo_count(bd, 4);
    uint8_t space[512 * 8], batch[512 * 8], back[512 * 8];
    uint8_t pad[8] = {0};
    int64_t zp = -5;
    float sc = 0.5f;
    if (tt == I8) pad[0] = (uint8_t)(int8_t)zp;
    fill(tt, space, sn);
    int before[2] = {p[0], p[2]};
    ref_s2b(space, sd, batch, bd, cases[k].block, before, elem, pad, 1);
    /* the shapes as the op sees them */
    int in_s[4], in_b[4];
    if (r == 4) {
      memcpy(in_s, sd, sizeof in_s);
      memcpy(in_b, bd, sizeof in_b);
    } else {
      int t1[3] = {sd[0], sd[1], sd[3]}, t2[3] = {bd[0], bd[1], bd[3]};
      memcpy(in_s, t1, sizeof t1);
      memcpy(in_b, t2, sizeof t2);
    }
    int32_t blk32[2] = {bh, bw}, pad32[4] = {p[0], p[1], p[2], p[3]};
    int64_t blk64[2] = {bh, bw}, pad64[4] = {p[0], p[1], p[2], p[3]};
    int ns = r - 2, bl[1] = {ns}, pl[2] = {ns, 2};
    for (int dyn = 0; dyn < 2; dyn++) {
      int use64 = (k + dyn) % 2;
      oo_tensor ins[3] = {
          oo_in(tt, in_s, r, space),
          idx_t(use64 ? I64 : I32, bl, 1,
                use64 ? (const void *)blk64 : (const void *)blk32, !dyn),
          idx_t(use64 ? I64 : I32, pl, 2,
                use64 ? (const void *)pad64 : (const void *)pad32, 1)};
      if (tt == I8) oo_quant1(&ins[0], &sc, &zp);
      oo_op op = {.op = TFLC_OP_SPACE_TO_BATCH_ND,
                  .inputs = ins,
                  .n_inputs = 3,
                  .out = oo_out_t(tt, in_s, r)};
      if (tt == I8) oo_quant1(&op.out, &sc, &zp);
      char label[48];
      snprintf(label, sizeof label, "space_to_batch case %d %s", k,
               dyn ? "dynamic" : "const");
      oo_run_expect(&op, in_b, r, batch, bn * elem, label);

      /* BATCH_TO_SPACE_ND with crops = paddings gives the space back. */
      memset(back, 0, sizeof back);
      ref_s2b(back, sd, batch, bd, cases[k].block, before, elem, pad, 0);
      CHECK(memcmp(back, space, sn * elem) == 0); /* reference round trip */
      oo_tensor bins[3] = {oo_in(tt, in_b, r, batch), ins[1], ins[2]};
      if (tt == I8) oo_quant1(&bins[0], &sc, &zp);
      oo_op op2 = {.op = TFLC_OP_BATCH_TO_SPACE_ND,
                   .inputs = bins,
                   .n_inputs = 3,
                   .out = oo_out_t(tt, in_b, r)};
      if (tt == I8) oo_quant1(&op2.out, &sc, &zp);
      snprintf(label, sizeof label, "batch_to_space case %d %s", k,
               dyn ? "dynamic" : "const");
      oo_run_expect(&op2, in_s, r, space, sn * elem, label);
    }
  }
  /* hand check: [1,2,2,1] block 2 -> [4,1,1,1] */
  static const float x[4] = {1, 2, 3, 4};
  static const int s1221[4] = {1, 2, 2, 1}, s4111[4] = {4, 1, 1, 1};
  static const int s2[1] = {2}, s22[2] = {2, 2};
  static const int32_t b22[2] = {2, 2}, p0[4] = {0, 0, 0, 0};
  oo_tensor ins[3] = {oo_in(F32, s1221, 4, x), oo_const(I32, s2, 1, b22),
                      oo_const(I32, s22, 2, p0)};
  oo_op op = {.op = TFLC_OP_SPACE_TO_BATCH_ND,
              .inputs = ins,
              .n_inputs = 3,
              .out = oo_out_t(F32, s1221, 4)};
  oo_run_expect(&op, s4111, 4, x, sizeof x, "space_to_batch hand");
  /* errors */
  static const int32_t b0[2] = {0, 2}, pneg[4] = {0, -1, 0, 0};
  static const int32_t p1[4] = {1, 0, 0, 0};
  ins[1] = oo_const(I32, s2, 1, b0);
  oo_expect_error(&op, "block_shape[0] = 0 is invalid", "space_to_batch bs 0");
  ins[1] = oo_const(I32, s2, 1, b22);
  ins[2] = oo_const(I32, s22, 2, pneg);
  oo_expect_error(&op, "paddings of spatial dimension 0 (0, -1) are invalid",
                  "space_to_batch neg pad");
  ins[2] = oo_const(I32, s22, 2, p1);
  oo_expect_error(&op, "padded spatial dimension 0 (3) is not a multiple",
                  "space_to_batch divisible");
  static const int s1[1] = {1};
  ins[2] = oo_const(I32, s22, 2, p0);
  ins[1] = oo_const(I32, s1, 1, b22);
  oo_expect_error(&op, "block_shape input has 1 elements, expected 2",
                  "space_to_batch block len");
  static const int s3d[3] = {1, 2, 2};
  ins[0] = oo_in(F32, s3d, 3, x);
  ins[1] = oo_const(I32, s1, 1, b22);
  oo_expect_error(&op, "paddings input must have shape [1, 2]",
                  "space_to_batch 3-D pads");
  static const int s2d[2] = {2, 2};
  ins[0] = oo_in(F32, s2d, 2, x);
  oo_expect_error(&op, "input must be 3-D or 4-D", "space_to_batch rank");
  /* quantization must match */
  int8_t q[4] = {1, 2, 3, 4};
  float sc = 0.5f, sc2 = 1.0f;
  int64_t zp = 0;
  oo_tensor qi[3] = {oo_in(I8, s1221, 4, q), oo_const(I32, s2, 1, b22),
                     oo_const(I32, s22, 2, p0)};
  oo_quant1(&qi[0], &sc, &zp);
  oo_op opq = {.op = TFLC_OP_SPACE_TO_BATCH_ND,
               .inputs = qi,
               .n_inputs = 3,
               .out = oo_out_t(I8, s4111, 4)};
  oo_quant1(&opq.out, &sc2, &zp);
  oo_expect_error(&opq, "quantization parameters differ",
                  "space_to_batch quant");
  /* BATCH_TO_SPACE_ND errors */
  oo_tensor bi[3] = {oo_in(F32, s1221, 4, x), oo_const(I32, s2, 1, b22),
                     oo_const(I32, s22, 2, p0)};
  oo_op opb = {.op = TFLC_OP_BATCH_TO_SPACE_ND,
               .inputs = bi,
               .n_inputs = 3,
               .out = oo_out_t(F32, s1221, 4)};
  oo_expect_error(&opb,
                  "batch 1 is not a multiple of the block_shape product 4",
                  "batch_to_space batch");
  static const int32_t crop_big[4] = {1, 2, 0, 0}, b11[2] = {1, 1};
  bi[1] = oo_const(I32, s2, 1, b11);
  bi[2] = oo_const(I32, s22, 2, crop_big);
  oo_expect_error(&opb,
                  "crops of spatial dimension 0 (1 + 2) exceed its size 2",
                  "batch_to_space crops");
  bi[2] = oo_in(I32, s22, 2, crop_big);
  oo_expect_invoke_error(&opb, "exceed its size 2", "batch_to_space dyn crops");
}

/* ---- MIRROR_PAD --------------------------------------------------------- */

static int ref_mirror(int o, int before, int n, int reflect) {
  int j = o - before;
  if (j < 0) return reflect ? -j : -j - 1;
  if (j >= n) return reflect ? 2 * n - 2 - j : 2 * n - 1 - j;
  return j;
}

static void test_mirror_pad(void) {
  static const int dims5[5] = {3, 2, 4, 2, 3};
  uint8_t in[144 * 8], want[4096 * 8];
  for (int rank = 1; rank <= 5; rank++) {
    for (int mode = 0; mode < 2; mode++) {
      int8_t tt = mode ? I16 : F32;
      size_t elem = oo_tt_size(tt);
      int dims[5], od[5], before[5], c[5], ic[5];
      int32_t p32[10];
      int64_t p64[10];
      for (int i = 0; i < rank; i++) {
        dims[i] = dims5[i];
        int lim = dims[i] - (mode == 0);
        before[i] = (i + rank) % (lim + 1);
        int after = lim - (i % 2);
        if (after < 0) after = 0;
        p32[2 * i] = p64[2 * i] = before[i];
        p32[2 * i + 1] = p64[2 * i + 1] = after;
        od[i] = dims[i] + before[i] + after;
      }
      size_t n = oo_count(dims, rank), on = oo_count(od, rank);
      fill(tt, in, n);
      for (size_t k = 0; k < on; k++) {
        ot_unravel(k, od, rank, c);
        for (int i = 0; i < rank; i++)
          ic[i] = ref_mirror(c[i], before[i], dims[i], mode == 0);
        memcpy(want + k * elem, in + ot_ravel(ic, dims, rank) * elem, elem);
      }
      int pl[2] = {rank, 2};
      for (int dyn = 0; dyn < 2; dyn++) {
        int use64 = (rank + dyn) % 2;
        oo_tensor ins[2] = {
            oo_in(tt, dims, rank, in),
            idx_t(use64 ? I64 : I32, pl, 2,
                  use64 ? (const void *)p64 : (const void *)p32, !dyn)};
        tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, mode);
        oo_op op = {.op = TFLC_OP_MIRROR_PAD,
                    .bo = TFLC_BO_MIRROR_PAD,
                    .fields = &f,
                    .n_fields = 1,
                    .inputs = ins,
                    .n_inputs = 2,
                    .out = oo_out_t(tt, dims, rank)};
        char label[64];
        snprintf(label, sizeof label, "mirror_pad rank %d %s %s", rank,
                 mode ? "SYMMETRIC" : "REFLECT", dyn ? "dynamic" : "const");
        oo_run_expect(&op, od, rank, want, on * elem, label);
      }
    }
  }
  /* hand check: [1,2,3] pads (2,2): REFLECT 3,2,1,2,3,2,1; SYMMETRIC
   * 2,1,1,2,3,3,2 */
  static const float x[3] = {1, 2, 3};
  static const float wr[7] = {3, 2, 1, 2, 3, 2, 1},
                     ws[7] = {2, 1, 1, 2, 3, 3, 2};
  static const int s3[1] = {3}, s7[1] = {7}, s12[2] = {1, 2};
  static const int32_t p22[2] = {2, 2}, p32[2] = {3, 0};
  oo_tensor ins[2] = {oo_in(F32, s3, 1, x), oo_const(I32, s12, 2, p22)};
  tflc_opt_field f = tm_opt_int(0, TFLC_OPT_I8, 0);
  oo_op op = {.op = TFLC_OP_MIRROR_PAD,
              .bo = TFLC_BO_MIRROR_PAD,
              .fields = &f,
              .n_fields = 1,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, s7, 1)};
  oo_run_expect(&op, s7, 1, wr, sizeof wr, "mirror_pad reflect hand");
  f = tm_opt_int(0, TFLC_OPT_I8, 1);
  oo_run_expect(&op, s7, 1, ws, sizeof ws, "mirror_pad symmetric hand");
  /* errors: REFLECT pad must be < size, SYMMETRIC <= size */
  ins[1] = oo_const(I32, s12, 2, p32);
  static const float w6[6] = {3, 2, 1, 1, 2, 3};
  static const int s6[1] = {6};
  oo_run_expect(&op, s6, 1, w6, sizeof w6, "mirror_pad symmetric full");
  f = tm_opt_int(0, TFLC_OPT_I8, 0);
  oo_expect_error(&op,
                  "paddings of dimension 0 (3, 0) must be in [0, 2] for "
                  "REFLECT mode",
                  "mirror_pad reflect too big");
  f = tm_opt_int(0, TFLC_OPT_I8, 2);
  oo_expect_error(&op, "mode 2 is not supported", "mirror_pad mode");
  static const int s22[2] = {2, 2};
  static const int32_t p4[4] = {0, 0, 0, 0};
  ins[1] = oo_const(I32, s22, 2, p4);
  f = tm_opt_int(0, TFLC_OPT_I8, 0);
  oo_expect_error(&op, "paddings must have shape [1, 2]", "mirror_pad shape");
  static const int32_t pn[2] = {-1, 0};
  ins[1] = oo_in(I32, s12, 2, pn);
  oo_expect_invoke_error(&op, "paddings of dimension 0 (-1, 0)",
                         "mirror_pad dynamic negative");
}

int main(void) {
  test_squeeze();
  test_expand_dims();
  test_transpose();
  test_split();
  test_split_v();
  test_pack_unpack();
  test_slice();
  test_tile();
  test_broadcast_to();
  test_broadcast_args();
  test_reverse();
  test_depth_space();
  test_space_batch();
  test_mirror_pad();
  return CHECK_DONE();
}
