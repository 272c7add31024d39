/* Op tests of the data-movement kernels: RESHAPE, CONCATENATION, PAD, PADV2,
 * GATHER, RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR. One-op models built
 * with the project's writer, compared with hand-computed values and plain
 * references written here (coordinate arithmetic per output element), over
 * options, types, fused activations, zero-size tensors, and the errors that
 * prepare (and GATHER's invoke) must report. */
#include "support/op_test.h"

/* ---- small helpers ------------------------------------------------------ */

#define F32 TFLC_TT_FLOAT32
#define I32 TFLC_TT_INT32
#define I64 TFLC_TT_INT64

/* ---- RESHAPE ------------------------------------------------------------ */

static void test_reshape(void) {
  float data[24];
  for (int i = 0; i < 24; i++) data[i] = (float)i * 0.5f - 3.0f;
  static const int s234[3] = {2, 3, 4}, s2_12[2] = {2, 12}, s2[1] = {2};
  static const int s3[1] = {3}, s423[3] = {4, 2, 3}, s64[2] = {6, 4};

  /* Constant int32 shape input with -1. */
  static const int32_t shp[2] = {2, -1};
  oo_tensor ins[2] = {oo_in(F32, s234, 3, data), oo_const(I32, s2, 1, shp)};
  oo_op op = {.op = TFLC_OP_RESHAPE,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, s2_12, 2)};
  oo_run_expect(&op, s2_12, 2, data, sizeof data, "reshape const shape");

  /* The declared output shape is ignored in favour of the shape input. */
  op.out = oo_out_t(F32, s64, 2);
  oo_run_expect(&op, s2_12, 2, data, sizeof data, "reshape overrides output");

  /* int64 shape input. */
  static const int64_t shp64[3] = {4, 2, 3};
  ins[1] = oo_const(I64, s3, 1, shp64);
  op.out = oo_out_t(F32, s423, 3);
  oo_run_expect(&op, s423, 3, data, sizeof data, "reshape int64 shape");

  /* From ReshapeOptions new_shape, one input. */
  static const int32_t ns[3] = {4, -1, 3};
  tflc_opt_field f = tm_opt_vec_i32(0, ns, 3);
  oo_op op2 = {.op = TFLC_OP_RESHAPE,
               .bo = TFLC_BO_RESHAPE,
               .fields = &f,
               .n_fields = 1,
               .inputs = ins,
               .n_inputs = 1,
               .out = oo_out_t(F32, s423, 3)};
  oo_run_expect(&op2, s423, 3, data, sizeof data, "reshape new_shape");

  /* Non-constant shape input: read at invoke (dynamic output); its values
   * win over new_shape, as in TensorFlow Lite. */
  static const int32_t shp_rt[3] = {4, 2, 3};
  oo_tensor ins3[2] = {oo_in(F32, s234, 3, data), oo_in(I32, s3, 1, shp_rt)};
  oo_op op3 = op2;
  op3.inputs = ins3;
  op3.n_inputs = 2;
  oo_run_expect(&op3, s423, 3, data, sizeof data, "reshape runtime shape+opt");
  static const int32_t shp_rt2[2] = {3, -1};
  static const int s38[2] = {3, 8};
  ins3[1] = oo_in(I32, s2, 1, shp_rt2);
  oo_run_expect(&op3, s38, 2, data, sizeof data,
                "reshape runtime beats option");
  oo_op op3b = {.op = TFLC_OP_RESHAPE,
                .inputs = ins3,
                .n_inputs = 2,
                .out = oo_out_t(F32, s423, 3)};
  oo_run_expect(&op3b, s38, 2, data, sizeof data, "reshape dynamic");
  /* New values at the next invoke give a new shape; bad values fail there. */
  {
    oo_run r;
    if (oo_build(&op3b, &r) == 0) {
      TfLiteTensor *sh = TfLiteInterpreterGetInputTensor(r.it, 1);
      int32_t v1[2] = {-1, 6};
      int32_t v2[2] = {5, 5};
      CHECK_EQ_INT(oo_invoke(&op3b, &r), kTfLiteOk);
      memcpy(TfLiteTensorData(sh), v1, sizeof v1);
      CHECK_EQ_INT(TfLiteInterpreterInvoke(r.it), kTfLiteOk);
      static const int s46[2] = {4, 6};
      const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(r.it, 0);
      if (oo_check_shape(o, s46, 2, "reshape dynamic re-invoke"))
        oo_check_bytes(o, data, sizeof data, "reshape dynamic re-invoke");
      memcpy(TfLiteTensorData(sh), v2, sizeof v2);
      CHECK_EQ_INT(TfLiteInterpreterInvoke(r.it), kTfLiteError);
      CHECK_CONTAINS(r.err, "asks for 25 elements but the input has 24");
    } else {
      CHECK_MSG(0, "reshape dynamic re-invoke: build failed: %s", r.err);
    }
    oo_free(&r);
  }

  /* Neither: the model's output shape is kept. */
  oo_op op4 = {.op = TFLC_OP_RESHAPE,
               .inputs = ins,
               .n_inputs = 1,
               .out = oo_out_t(F32, s64, 2)};
  oo_run_expect(&op4, s64, 2, data, sizeof data, "reshape model shape");
  static const int s55[2] = {5, 5};
  op4.out = oo_out_t(F32, s55, 2);
  oo_expect_error(&op4, "output shape has 25 elements but the input has 24",
                  "reshape model shape mismatch");

  /* Other types: int8 (quantized), uint8, bool, int64. */
  static const int8_t i8[6] = {-128, -1, 0, 1, 2, 127};
  static const int s6[1] = {6}, s32[2] = {3, 2};
  static const int32_t shp32[2] = {3, 2};
  float sc = 0.5f;
  int64_t zp = -3;
  oo_tensor qi[2] = {oo_in(TFLC_TT_INT8, s6, 1, i8),
                     oo_const(I32, s2, 1, shp32)};
  oo_quant1(&qi[0], &sc, &zp);
  oo_op op5 = {.op = TFLC_OP_RESHAPE,
               .inputs = qi,
               .n_inputs = 2,
               .out = oo_out_t(TFLC_TT_INT8, s32, 2)};
  oo_quant1(&op5.out, &sc, &zp);
  oo_run_expect(&op5, s32, 2, i8, 6, "reshape int8");
  static const uint8_t u8[6] = {0, 1, 2, 3, 254, 255};
  qi[0] = oo_in(TFLC_TT_UINT8, s6, 1, u8);
  op5.out = oo_out_t(TFLC_TT_UINT8, s32, 2);
  oo_run_expect(&op5, s32, 2, u8, 6, "reshape uint8");
  static const uint8_t bl[6] = {1, 0, 0, 1, 1, 0};
  qi[0] = oo_in(TFLC_TT_BOOL, s6, 1, bl);
  op5.out = oo_out_t(TFLC_TT_BOOL, s32, 2);
  oo_run_expect(&op5, s32, 2, bl, 6, "reshape bool");
  static const int64_t l[6] = {-5000000000LL, 1, 2, 3, 4, 5000000000LL};
  qi[0] = oo_in(I64, s6, 1, l);
  op5.out = oo_out_t(I64, s32, 2);
  oo_run_expect(&op5, s32, 2, l, sizeof l, "reshape int64");

  /* Legacy new_shape [0]: a scalar. */
  static const int s1[1] = {1};
  static const int32_t zero_shape[1] = {0};
  float one = 42.0f;
  oo_tensor sc_in = oo_in(F32, s1, 1, &one);
  tflc_opt_field f0 = tm_opt_vec_i32(0, zero_shape, 1);
  oo_op op6 = {.op = TFLC_OP_RESHAPE,
               .bo = TFLC_BO_RESHAPE,
               .fields = &f0,
               .n_fields = 1,
               .inputs = &sc_in,
               .n_inputs = 1,
               .out = oo_out_t(F32, s1, 0)};
  oo_run_expect(&op6, s1, 0, &one, 4, "reshape legacy scalar");
  /* Empty shape input: also a scalar. */
  static const int s0[1] = {0};
  oo_tensor sc2[2] = {oo_in(F32, s1, 1, &one), oo_const(I32, s0, 1, NULL)};
  oo_op op7 = {.op = TFLC_OP_RESHAPE,
               .inputs = sc2,
               .n_inputs = 2,
               .out = oo_out_t(F32, s1, 0)};
  oo_run_expect(&op7, s1, 0, &one, 4, "reshape empty shape input");

  /* Zero-size. */
  static const int s03[2] = {0, 3}, s30[2] = {3, 0}, s0_3[2] = {0, 3};
  static const int32_t m13[2] = {-1, 3}, m1_0[2] = {-1, 0}, z05[2] = {0, 5};
  oo_tensor zi[2] = {oo_in(F32, s30, 2, NULL), oo_const(I32, s2, 1, m13)};
  oo_op op8 = {.op = TFLC_OP_RESHAPE,
               .inputs = zi,
               .n_inputs = 2,
               .out = oo_out_t(F32, s03, 2)};
  oo_run_expect(&op8, s0_3, 2, NULL, 0, "reshape zero-size -1");
  zi[1] = oo_const(I32, s2, 1, z05);
  static const int s05[2] = {0, 5};
  oo_run_expect(&op8, s05, 2, NULL, 0, "reshape zero-size explicit");
  zi[1] = oo_const(I32, s2, 1, m1_0);
  oo_expect_error(&op8, "cannot infer the -1 dimension", "reshape 0 and -1");

  /* Errors. */
  static const int32_t two_m1[2] = {-1, -1}, bad_cnt[2] = {5, 5},
                       neg[2] = {-2, -12};
  ins[1] = oo_const(I32, s2, 1, two_m1);
  op.out = oo_out_t(F32, s2_12, 2);
  oo_expect_error(&op, "more than one -1", "reshape two -1");
  ins[1] = oo_const(I32, s2, 1, bad_cnt);
  oo_expect_error(&op, "asks for 25 elements but the input has 24",
                  "reshape count");
  ins[1] = oo_const(I32, s2, 1, neg);
  oo_expect_error(&op, "dimension 0 is -2", "reshape negative");
  ins[1] = oo_const(I32, s2, 1, shp);
  op.out = oo_out_t(I32, s2_12, 2);
  oo_expect_error(&op, "output type INT32 differs", "reshape type");
  static const int32_t not_mult[2] = {5, -1};
  ins[1] = oo_const(I32, s2, 1, not_mult);
  op.out = oo_out_t(F32, s2_12, 2);
  oo_expect_error(&op, "not a multiple of 5", "reshape not multiple");
}

/* ---- CONCATENATION ------------------------------------------------------ */

/* Reference: output element at coord takes input k where coord[axis] falls. */
static void ref_concat(int n, const int *const *shapes, int rank, int axis,
                       const void *const *datas, size_t elem, void *out,
                       const int *oshape) {
  size_t total = oo_count(oshape, rank);
  for (size_t k = 0; k < total; k++) {
    int c[8];
    ot_unravel(k, oshape, rank, c);
    int a = c[axis], j = 0;
    while (a >= shapes[j][axis]) a -= shapes[j++][axis];
    c[axis] = a;
    memcpy((char *)out + k * elem,
           (const char *)datas[j] + ot_ravel(c, shapes[j], rank) * elem, elem);
  }
  (void)n;
}

static void concat_case(int8_t tt, int axis_opt, int act, int n_in,
                        const int *const *shapes, int rank, const char *label) {
  size_t elem = oo_tt_size(tt);
  int axis = axis_opt < 0 ? axis_opt + rank : axis_opt;
  int oshape[8];
  memcpy(oshape, shapes[0], sizeof(int) * (size_t)rank);
  oshape[axis] = 0;
  for (int k = 0; k < n_in; k++) oshape[axis] += shapes[k][axis];
  void *datas[4];
  oo_tensor ins[4];
  for (int k = 0; k < n_in; k++) {
    size_t cnt = oo_count(shapes[k], rank);
    datas[k] = malloc(cnt * elem + 1);
    for (size_t i = 0; i < cnt; i++) {
      float v = oo_randf(-4, 4);
      switch (tt) {
        case F32: ((float *)datas[k])[i] = v; break;
        case I32: ((int32_t *)datas[k])[i] = (int32_t)(v * 1000); break;
        case I64: ((int64_t *)datas[k])[i] = (int64_t)(v * 1e12); break;
        default: ((int8_t *)datas[k])[i] = (int8_t)(v * 30); break;
      }
    }
    ins[k] = oo_in(tt, shapes[k], rank, datas[k]);
    if (k == 1) ins[k].is_const = 1; /* a constant input too */
  }
  size_t ocnt = oo_count(oshape, rank);
  void *want = malloc(ocnt * elem + 1);
  ref_concat(n_in, shapes, rank, axis, (const void *const *)datas, elem, want,
             oshape);
  if (tt == F32 && act != TFLC_ACT_NONE) {
    float *w = want;
    for (size_t i = 0; i < ocnt; i++) {
      float lo = act == TFLC_ACT_RELU_N1_TO_1 ? -1.0f : 0.0f;
      float hi = act == TFLC_ACT_RELU6          ? 6.0f
                 : act == TFLC_ACT_RELU_N1_TO_1 ? 1.0f
                                                : INFINITY;
      w[i] = w[i] < lo ? lo : (w[i] > hi ? hi : w[i]);
    }
  }
  tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_I32, axis_opt),
                         tm_opt_int(1, TFLC_OPT_I8, act)};
  oo_op op = {.op = TFLC_OP_CONCATENATION,
              .bo = TFLC_BO_CONCATENATION,
              .fields = f,
              .n_fields = 2,
              .inputs = ins,
              .n_inputs = n_in,
              .out = oo_out_t(tt, oshape, rank)};
  oo_run_expect(&op, oshape, rank, want, ocnt * elem, label);
  for (int k = 0; k < n_in; k++) free(datas[k]);
  free(want);
}

static void test_concat(void) {
  static const int a[3] = {2, 1, 3}, b[3] = {2, 4, 3}, c[3] = {2, 0, 3},
                   d[3] = {2, 2, 3};
  const int *s1[4] = {a, b, c, d};
  concat_case(F32, 1, TFLC_ACT_NONE, 4, s1, 3, "concat f32 axis 1");
  concat_case(F32, -2, TFLC_ACT_RELU, 4, s1, 3, "concat f32 axis -2 relu");
  concat_case(F32, 1, TFLC_ACT_RELU6, 2, s1, 3, "concat relu6");
  concat_case(F32, 1, TFLC_ACT_RELU_N1_TO_1, 2, s1, 3, "concat relu_n1_to_1");
  concat_case(I32, 1, TFLC_ACT_NONE, 3, s1, 3, "concat int32");
  concat_case(I64, 1, TFLC_ACT_NONE, 3, s1, 3, "concat int64");
  concat_case(TFLC_TT_BOOL, 1, TFLC_ACT_NONE, 2, s1, 3, "concat bool");
  static const int e[3] = {3, 2, 1}, g[3] = {3, 2, 5};
  const int *s2[2] = {e, g};
  concat_case(F32, 2, TFLC_ACT_NONE, 2, s2, 3, "concat last axis");
  concat_case(F32, -1, TFLC_ACT_NONE, 2, s2, 3, "concat axis -1");
  static const int h[3] = {1, 2, 5}, k4[3] = {4, 2, 5};
  const int *s3[3] = {h, g, k4};
  concat_case(F32, 0, TFLC_ACT_NONE, 3, s3, 3, "concat axis 0");
  concat_case(F32, -3, TFLC_ACT_NONE, 1, s3, 3, "concat one input");
  static const int z1[2] = {0, 2}, z2[2] = {0, 3};
  const int *s4[2] = {z1, z2};
  concat_case(F32, 1, TFLC_ACT_RELU, 2, s4, 2, "concat zero-size");
  static const int v1[1] = {3}, v2[1] = {2};
  const int *s5[2] = {v1, v2};
  concat_case(I32, 0, TFLC_ACT_NONE, 2, s5, 1, "concat 1-D");

  /* int8 with equal quantization. */
  static const int8_t q1[3] = {1, 2, 3}, q2[2] = {-4, 5};
  static const int8_t qw[5] = {1, 2, 3, -4, 5};
  static const int so[1] = {5};
  float sc = 0.25f, sc2 = 0.5f;
  int64_t zp = 3;
  oo_tensor qi[2] = {oo_in(TFLC_TT_INT8, v1, 1, q1),
                     oo_in(TFLC_TT_INT8, v2, 1, q2)};
  oo_quant1(&qi[0], &sc, &zp);
  oo_quant1(&qi[1], &sc, &zp);
  oo_op op = {.op = TFLC_OP_CONCATENATION,
              .inputs = qi,
              .n_inputs = 2,
              .out = oo_out_t(TFLC_TT_INT8, so, 1)};
  oo_quant1(&op.out, &sc, &zp);
  oo_run_expect(&op, so, 1, qw, 5, "concat int8 same quant");
  oo_quant1(&qi[1], &sc2, &zp);
  oo_expect_error(&op, "INT8 inputs must share the output's quantization",
                  "concat int8 other quant");

  /* Errors. */
  float fa[6] = {0}, fb[6] = {0};
  static const int m23[2] = {2, 3}, m33[2] = {3, 3}, m43[2] = {4, 3},
                   m2_3[3] = {2, 3, 1};
  oo_tensor ei[2] = {oo_in(F32, m23, 2, fa), oo_in(F32, m23, 2, fb)};
  tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_I32, 2),
                         tm_opt_int(1, TFLC_OPT_I8, 0)};
  oo_op eop = {.op = TFLC_OP_CONCATENATION,
               .bo = TFLC_BO_CONCATENATION,
               .fields = f,
               .n_fields = 2,
               .inputs = ei,
               .n_inputs = 2,
               .out = oo_out_t(F32, m43, 2)};
  oo_expect_error(&eop, "axis 2 is out of range for rank 2", "concat axis");
  f[0] = tm_opt_int(0, TFLC_OPT_I32, -3);
  oo_expect_error(&eop, "axis -3 is out of range", "concat axis neg");
  f[0] = tm_opt_int(0, TFLC_OPT_I32, 1);
  ei[1] = oo_in(F32, m33, 2, fb);
  oo_expect_error(&eop, "input 1 has dimension 0 of size 3", "concat dims");
  ei[1] = oo_in(F32, m2_3, 3, fb);
  oo_expect_error(&eop, "input 1 has rank 3", "concat rank");
  ei[1] = oo_in(I32, m23, 2, fb);
  oo_expect_error(&eop, "input 1 has type INT32", "concat type");
  ei[0] = oo_in(I32, m23, 2, fa);
  eop.out = oo_out_t(I32, m43, 2);
  f[1] = tm_opt_int(1, TFLC_OPT_I8, TFLC_ACT_RELU);
  oo_expect_error(&eop, "FLOAT32 only", "concat int activation");
  ei[0] = oo_in(F32, m23, 2, fa);
  ei[1] = oo_in(F32, m23, 2, fb);
  eop.out = oo_out_t(F32, m43, 2);
  f[1] = tm_opt_int(1, TFLC_OPT_I8, TFLC_ACT_TANH);
  oo_expect_error(&eop, "fused activation 4 is not supported", "concat tanh");
  static const int sc0[1] = {1};
  oo_tensor scal[2] = {oo_in(F32, sc0, 0, fa), oo_in(F32, sc0, 0, fb)};
  f[1] = tm_opt_int(1, TFLC_OPT_I8, 0);
  f[0] = tm_opt_int(0, TFLC_OPT_I32, 0);
  oo_op sop = eop;
  sop.inputs = scal;
  sop.out = oo_out_t(F32, sc0, 1);
  oo_expect_error(&sop, "rank >= 1", "concat scalars");
}

/* ---- PAD / PADV2 -------------------------------------------------------- */

/* Reference: out[c] = in[c - before] when inside, else value. */
static void ref_pad(const int *ishape, int rank, const int64_t *pads,
                    const void *in, size_t elem, const void *value, void *out,
                    int *oshape) {
  for (int i = 0; i < rank; i++)
    oshape[i] = ishape[i] + (int)pads[2 * i] + (int)pads[2 * i + 1];
  size_t total = oo_count(oshape, rank);
  for (size_t k = 0; k < total; k++) {
    int c[8];
    ot_unravel(k, oshape, rank, c);
    int inside = 1;
    for (int i = 0; i < rank; i++) {
      c[i] -= (int)pads[2 * i];
      if (c[i] < 0 || c[i] >= ishape[i]) inside = 0;
    }
    const void *src =
        inside ? (const char *)in + ot_ravel(c, ishape, rank) * elem : value;
    memcpy((char *)out + k * elem, src, elem);
  }
}

typedef struct pad_case {
  int32_t op;
  int8_t tt;
  const int *shape;
  int rank;
  const int64_t *pads; /* [rank][2] */
  int pads64;          /* paddings tensor int64 (else int32) */
  const void *value;   /* PADV2 value (NULL: no third input) */
  float scale;         /* > 0: quantized with this scale and zero point */
  int64_t zp;
} pad_case;

static void check_pad(const pad_case *p, const char *label) {
  size_t elem = oo_tt_size(p->tt);
  size_t cnt = oo_count(p->shape, p->rank);
  uint8_t *in = malloc(cnt * elem + 1);
  for (size_t i = 0; i < cnt * elem; i++) in[i] = (uint8_t)(oo_randf(0, 256));
  if (p->tt == F32) oo_fill_f32((float *)in, cnt, -5, 5);
  int oshape[8];
  uint8_t dflt[8] = {0};
  if (p->scale > 0) {
    if (p->tt == TFLC_TT_INT16) {
      int16_t z = (int16_t)p->zp;
      memcpy(dflt, &z, 2);
    } else {
      dflt[0] = (uint8_t)p->zp;
    }
  }
  size_t ocnt = 1;
  for (int i = 0; i < p->rank; i++)
    ocnt *= (size_t)(p->shape[i] + p->pads[2 * i] + p->pads[2 * i + 1]);
  uint8_t *want = malloc(ocnt * elem + 1);
  ref_pad(p->shape, p->rank, p->pads, in, elem, p->value ? p->value : dflt,
          want, oshape);
  int32_t pads32[16];
  for (int i = 0; i < 2 * p->rank; i++) pads32[i] = (int32_t)p->pads[i];
  int pshape[2] = {p->rank, 2};
  static const int s1[1] = {1};
  oo_tensor ins[3] = {
      oo_in(p->tt, p->shape, p->rank, in),
      oo_const(p->pads64 ? I64 : I32, pshape, 2,
               p->pads64 ? (const void *)p->pads : (const void *)pads32),
      oo_in(p->tt, s1, 0, p->value)};
  oo_op op = {.op = p->op,
              .inputs = ins,
              .n_inputs = p->value ? 3 : 2,
              .out = oo_out_t(p->tt, oshape, p->rank)};
  float sc = p->scale;
  if (p->scale > 0) {
    oo_quant1(&ins[0], &sc, &p->zp);
    oo_quant1(&ins[2], &sc, &p->zp);
    oo_quant1(&op.out, &sc, &p->zp);
  }
  oo_run_expect(&op, oshape, p->rank, want, ocnt * elem, label);
  free(in);
  free(want);
}

static void test_pad(void) {
  /* Hand-computed 2-D. */
  static const float in[6] = {1, 2, 3, 4, 5, 6};
  static const int s23[2] = {2, 3}, s36[2] = {3, 6}, s22[2] = {2, 2};
  static const int32_t pads[4] = {1, 0, 2, 1};
  static const float want[18] = {0, 0, 0, 0, 0, 0, 0, 0, 1,
                                 2, 3, 0, 0, 0, 4, 5, 6, 0};
  oo_tensor ins[3] = {oo_in(F32, s23, 2, in), oo_const(I32, s22, 2, pads)};
  oo_op op = {.op = TFLC_OP_PAD,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, s36, 2)};
  oo_run_expect_f32(&op, s36, 2, want, 18, 0, "pad hand");
  /* PADV2 with value 9.5. */
  float v = 9.5f;
  static const int s1[1] = {1};
  ins[2] = oo_in(F32, s1, 1, &v);
  oo_op op2 = {.op = TFLC_OP_PADV2,
               .inputs = ins,
               .n_inputs = 3,
               .out = oo_out_t(F32, s36, 2)};
  float want2[18];
  for (int i = 0; i < 18; i++) want2[i] = want[i] == 0 ? 9.5f : want[i];
  oo_run_expect_f32(&op2, s36, 2, want2, 18, 0, "padv2 hand");
  /* The same value as a constant. */
  ins[2].is_const = 1;
  oo_run_expect_f32(&op2, s36, 2, want2, 18, 0, "padv2 constant value");
  /* PADV2 with only two inputs pads with 0. */
  op2.n_inputs = 2;
  oo_run_expect_f32(&op2, s36, 2, want, 18, 0, "padv2 two inputs");

  static const int s4[4] = {2, 3, 1, 4};
  static const int64_t p4[8] = {0, 1, 2, 0, 1, 1, 3, 2};
  pad_case c = {TFLC_OP_PAD, F32, s4, 4, p4, 0, NULL, 0, 0};
  check_pad(&c, "pad f32 4-D");
  c.pads64 = 1;
  check_pad(&c, "pad f32 4-D int64 paddings");
  c.tt = I32;
  check_pad(&c, "pad int32");
  c.tt = I64;
  check_pad(&c, "pad int64");
  c.tt = TFLC_TT_INT8;
  c.scale = 0.5f;
  c.zp = -7;
  check_pad(&c, "pad int8 zero point");
  c.tt = TFLC_TT_UINT8;
  c.zp = 128;
  check_pad(&c, "pad uint8 zero point");
  c.tt = TFLC_TT_INT16;
  c.zp = 0;
  check_pad(&c, "pad int16");
  static const int8_t v8 = 17;
  c.op = TFLC_OP_PADV2;
  c.tt = TFLC_TT_INT8;
  c.zp = 4;
  c.value = &v8;
  check_pad(&c, "padv2 int8 value");
  static const int64_t v64 = -123456789012LL;
  c.tt = I64;
  c.scale = 0;
  c.value = &v64;
  check_pad(&c, "padv2 int64 value");
  static const float vf = -2.5f;
  c.tt = F32;
  c.value = &vf;
  check_pad(&c, "padv2 f32 4-D");

  static const int s6[6] = {2, 1, 2, 1, 3, 2};
  static const int64_t p6[12] = {1, 0, 0, 1, 0, 0, 2, 1, 0, 1, 1, 0};
  pad_case c6 = {TFLC_OP_PAD, F32, s6, 6, p6, 0, NULL, 0, 0};
  check_pad(&c6, "pad 6-D");
  static const int s1d[1] = {5};
  static const int64_t p1[2] = {3, 0};
  pad_case c1 = {TFLC_OP_PAD, I32, s1d, 1, p1, 1, NULL, 0, 0};
  check_pad(&c1, "pad 1-D");
  static const int64_t pz[4] = {0, 0, 0, 0};
  pad_case cz = {TFLC_OP_PAD, F32, s23, 2, pz, 0, NULL, 0, 0};
  check_pad(&cz, "pad nothing");

  /* Zero-size input: all padding; and padding of a zero-size result. */
  static const int s02[2] = {0, 2}, s30[2] = {3, 0};
  static const int64_t pz1[4] = {1, 1, 0, 0}, pz2[4] = {0, 0, 0, 0};
  pad_case c0 = {TFLC_OP_PADV2, F32, s02, 2, pz1, 0, &vf, 0, 0};
  check_pad(&c0, "padv2 zero-size input");
  pad_case c0b = {TFLC_OP_PAD, F32, s30, 2, pz2, 0, NULL, 0, 0};
  check_pad(&c0b, "pad zero-size output");

  /* Errors. */
  static const int32_t negp[4] = {1, -1, 0, 0};
  ins[1] = oo_const(I32, s22, 2, negp);
  op.n_inputs = 2;
  oo_expect_error(&op, "paddings of dimension 0 are negative", "pad neg");
  static const int s32_[2] = {3, 2};
  static const int32_t p32[6] = {0};
  ins[1] = oo_const(I32, s32_, 2, p32);
  oo_expect_error(&op, "paddings must have shape [2, 2]", "pad shape");
  /* Paddings from a graph input: read at invoke (dynamic output). */
  ins[1] = oo_in(I32, s22, 2, pads);
  oo_run_expect_f32(&op, s36, 2, want, 18, 0, "pad runtime paddings");
  {
    oo_run r;
    if (oo_build(&op, &r) == 0) {
      CHECK_EQ_INT(oo_invoke(&op, &r), kTfLiteOk);
      TfLiteTensor *pt = TfLiteInterpreterGetInputTensor(r.it, 1);
      int32_t p2[4] = {0, 0, 0, 1};
      memcpy(TfLiteTensorData(pt), p2, sizeof p2);
      CHECK_EQ_INT(TfLiteInterpreterInvoke(r.it), kTfLiteOk);
      static const int s24[2] = {2, 4};
      static const float w24[8] = {1, 2, 3, 0, 4, 5, 6, 0};
      const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(r.it, 0);
      if (oo_check_shape(o, s24, 2, "pad runtime re-invoke"))
        oo_check_f32(o, w24, 8, 0, "pad runtime re-invoke");
      memcpy(TfLiteTensorData(pt), negp, sizeof negp);
      CHECK_EQ_INT(TfLiteInterpreterInvoke(r.it), kTfLiteError);
      CHECK_CONTAINS(r.err, "paddings of dimension 0 are negative");
    } else {
      CHECK_MSG(0, "pad runtime: build failed: %s", r.err);
    }
    oo_free(&r);
  }
  static const float fp[4] = {0};
  ins[1] = oo_const(F32, s22, 2, fp);
  oo_expect_error(&op, "paddings type FLOAT32 is not supported", "pad ptype");
  ins[1] = oo_const(I32, s22, 2, pads);
  ins[0] = oo_in(TFLC_TT_BOOL, s23, 2, NULL);
  op.out = oo_out_t(TFLC_TT_BOOL, s36, 2);
  oo_expect_error(&op, "input type BOOL is not supported", "pad bool");
  static const int s7[7] = {1, 1, 1, 1, 1, 1, 1}, s72[2] = {7, 2};
  static const int32_t p7[14] = {0};
  ins[0] = oo_in(F32, s7, 7, NULL);
  ins[1] = oo_const(I32, s72, 2, p7);
  op.out = oo_out_t(F32, s7, 7);
  oo_expect_error(&op, "input rank 7 is above the supported 6", "pad rank 7");
  ins[0] = oo_in(F32, s23, 2, in);
  ins[1] = oo_const(I32, s22, 2, pads);
  ins[2] = oo_in(I32, s1, 1, NULL);
  op2.n_inputs = 3;
  oo_expect_error(&op2, "constant value type INT32 differs", "padv2 vtype");
  static const int s2v[1] = {2};
  ins[2] = oo_in(F32, s2v, 1, NULL);
  oo_expect_error(&op2, "constant value must have one element", "padv2 n");
  oo_expect_error(&op2, "constant value must have one element", "padv2 n");
  op.op = TFLC_OP_PAD;
  op.n_inputs = 3;
  ins[2] = oo_in(F32, s1, 1, &v);
  op.out = oo_out_t(F32, s36, 2);
  oo_expect_error(&op, "expected 2 inputs, got 3", "pad 3 inputs");
}

/* ---- GATHER ------------------------------------------------------------- */

static void ref_gather(const int *ps, int pr, const void *params, size_t elem,
                       const int *is, int ir, const int64_t *idx, int axis,
                       int bd, void *out, int *os, int *orank) {
  int r = 0;
  for (int i = 0; i < axis; i++) os[r++] = ps[i];
  for (int i = bd; i < ir; i++) os[r++] = is[i];
  for (int i = axis + 1; i < pr; i++) os[r++] = ps[i];
  *orank = r;
  size_t total = oo_count(os, r);
  for (size_t k = 0; k < total; k++) {
    int c[16], pc[16], ic[16];
    ot_unravel(k, os, r, c);
    for (int i = 0; i < axis; i++) pc[i] = c[i];
    for (int i = 0; i < bd; i++) ic[i] = c[i];
    for (int i = bd; i < ir; i++) ic[i] = c[axis + i - bd];
    pc[axis] = (int)idx[ot_ravel(ic, is, ir)];
    for (int i = axis + 1; i < pr; i++)
      pc[i] = c[axis + (ir - bd) + i - axis - 1];
    memcpy((char *)out + k * elem,
           (const char *)params + ot_ravel(pc, ps, pr) * elem, elem);
  }
}

static void check_gather(int8_t tt, const int *ps, int pr, const int *is,
                         int ir, const int64_t *idx, int idx64, int axis_opt,
                         int bd_opt, const char *label) {
  size_t elem = oo_tt_size(tt);
  size_t pc = oo_count(ps, pr), ic = oo_count(is, ir);
  uint8_t *params = malloc(pc * elem + 1);
  for (size_t i = 0; i < pc * elem; i++) params[i] = (uint8_t)oo_randf(0, 256);
  if (tt == TFLC_TT_BOOL)
    for (size_t i = 0; i < pc; i++) params[i] &= 1;
  int32_t idx32[64];
  for (size_t i = 0; i < ic; i++) idx32[i] = (int32_t)idx[i];
  int axis = axis_opt < 0 ? axis_opt + pr : axis_opt;
  int bd = bd_opt < 0 ? bd_opt + ir : bd_opt;
  int os[16], orank;
  size_t ocnt = 1;
  for (int i = 0; i < pr; i++) ocnt *= i == axis ? 1 : (size_t)ps[i];
  for (int i = bd; i < ir; i++) ocnt *= (size_t)is[i];
  uint8_t *want = malloc(ocnt * elem + 1);
  ref_gather(ps, pr, params, elem, is, ir, idx, axis, bd, want, os, &orank);
  oo_tensor ins[2] = {oo_in(tt, ps, pr, params),
                      oo_in(idx64 ? I64 : I32, is, ir,
                            idx64 ? (const void *)idx : (const void *)idx32)};
  tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_I32, axis_opt),
                         tm_opt_int(1, TFLC_OPT_I32, bd_opt)};
  oo_op op = {.op = TFLC_OP_GATHER,
              .bo = TFLC_BO_GATHER,
              .fields = f,
              .n_fields = 2,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(tt, os, orank)};
  oo_run_expect(&op, os, orank, want, ocnt * elem, label);
  free(params);
  free(want);
}

static void test_gather(void) {
  /* Hand-computed. */
  static const float p[12] = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};
  static const int s34[2] = {3, 4}, s2[1] = {2}, s24[2] = {2, 4};
  static const int32_t idx[2] = {2, 0};
  static const float want[8] = {20, 21, 22, 23, 0, 1, 2, 3};
  oo_tensor ins[2] = {oo_in(F32, s34, 2, p), oo_in(I32, s2, 1, idx)};
  oo_op op = {.op = TFLC_OP_GATHER,
              .inputs = ins,
              .n_inputs = 2,
              .out = oo_out_t(F32, s24, 2)};
  oo_run_expect_f32(&op, s24, 2, want, 8, 0, "gather hand (no options)");
  /* Constant indices. */
  ins[1].is_const = 1;
  oo_run_expect_f32(&op, s24, 2, want, 8, 0, "gather constant indices");

  static const int ps[3] = {3, 4, 5}, is22[2] = {2, 2}, is3[1] = {3};
  static const int64_t i22[4] = {3, 0, 1, 3}, i3[3] = {2, 2, 0};
  check_gather(F32, ps, 3, is22, 2, i22, 0, 1, 0, "gather axis 1");
  check_gather(F32, ps, 3, is3, 1, i3, 1, 0, 0, "gather axis 0 int64 idx");
  static const int64_t i3b[3] = {4, 0, 2};
  check_gather(F32, ps, 3, is3, 1, i3b, 0, -1, 0, "gather axis -1");
  check_gather(I32, ps, 3, is3, 1, i3b, 0, 2, 0, "gather int32");
  check_gather(I64, ps, 3, is3, 1, i3b, 1, 2, 0, "gather int64");
  check_gather(TFLC_TT_INT8, ps, 3, is3, 1, i3b, 0, 2, 0, "gather int8");
  check_gather(TFLC_TT_UINT8, ps, 3, is3, 1, i3b, 0, 2, 0, "gather uint8");
  check_gather(TFLC_TT_BOOL, ps, 3, is3, 1, i3b, 0, 2, 0, "gather bool");
  /* batch_dims: params [3, 4, 5], indices [3, 2], axis 1 -> [3, 2, 5]. */
  static const int is32[2] = {3, 2};
  static const int64_t ib[6] = {0, 3, 2, 2, 1, 0};
  check_gather(F32, ps, 3, is32, 2, ib, 0, 1, 1, "gather batch_dims 1");
  check_gather(F32, ps, 3, is32, 2, ib, 1, 2 - 3 + 1 + 1, -1,
               "gather batch_dims -1");
  /* Scalar index: the axis disappears. */
  static const int isc[1] = {1};
  static const int64_t isv[1] = {2};
  check_gather(F32, ps, 3, isc, 0, isv, 0, 0, 0, "gather scalar index");
  /* Zero-size indices and params. */
  static const int is0[1] = {0}, ps0[2] = {0, 3};
  check_gather(F32, ps, 3, is0, 1, NULL, 0, 1, 0, "gather no indices");
  check_gather(F32, ps0, 2, is0, 1, NULL, 0, 0, 0, "gather zero-size params");
  static const int ps40[2] = {4, 0};
  check_gather(F32, ps40, 2, is3, 1, i3, 0, 0, 0, "gather zero-size slices");

  /* Out-of-range index at invoke: an error, not a crash. */
  static const int32_t bad[2] = {1, 3}, negi[2] = {-1, 0};
  ins[1] = oo_in(I32, s2, 1, bad);
  oo_run r;
  if (oo_build(&op, &r) == 0) {
    CHECK_EQ_INT(oo_invoke(&op, &r), kTfLiteError);
    CHECK_CONTAINS(r.err, "index 3 at position 1 is out of range [0, 3)");
  } else {
    CHECK_MSG(0, "gather range: build failed: %s", r.err);
  }
  oo_free(&r);
  ins[1] = oo_in(I32, s2, 1, negi);
  if (oo_build(&op, &r) == 0) {
    CHECK_EQ_INT(oo_invoke(&op, &r), kTfLiteError);
    CHECK_CONTAINS(r.err, "index -1 at position 0 is out of range");
  } else {
    CHECK_MSG(0, "gather negative: build failed: %s", r.err);
  }
  oo_free(&r);

  /* Prepare errors. */
  ins[1] = oo_in(I32, s2, 1, idx);
  tflc_opt_field f[2] = {tm_opt_int(0, TFLC_OPT_I32, 2),
                         tm_opt_int(1, TFLC_OPT_I32, 0)};
  op.bo = TFLC_BO_GATHER;
  op.fields = f;
  op.n_fields = 2;
  oo_expect_error(&op, "axis 2 is out of range for params of rank 2",
                  "gather axis");
  f[0] = tm_opt_int(0, TFLC_OPT_I32, 0);
  f[1] = tm_opt_int(1, TFLC_OPT_I32, 1);
  oo_expect_error(&op, "batch_dims 1 must not exceed axis 0", "gather bd");
  f[1] = tm_opt_int(1, TFLC_OPT_I32, 2);
  oo_expect_error(&op, "batch_dims 2 is out of range", "gather bd range");
  f[0] = tm_opt_int(0, TFLC_OPT_I32, 1);
  f[1] = tm_opt_int(1, TFLC_OPT_I32, 1);
  oo_expect_error(&op, "batch dimension 0 differs: params 3, indices 2",
                  "gather bd mismatch");
  f[0] = tm_opt_int(0, TFLC_OPT_I32, 0);
  f[1] = tm_opt_int(1, TFLC_OPT_I32, 0);
  static const float fi[2] = {0, 1};
  ins[1] = oo_in(F32, s2, 1, fi);
  oo_expect_error(&op, "indices type FLOAT32 is not supported", "gather ft");
  ins[1] = oo_in(I32, s2, 1, idx);
  op.out = oo_out_t(I32, s24, 2);
  oo_expect_error(&op, "output type INT32 differs", "gather out type");
}

/* ---- RESIZE_BILINEAR / RESIZE_NEAREST_NEIGHBOR -------------------------- */

/* Reference with TensorFlow Lite's documented coordinate rules. */
static float ref_scale(int in, int out, int align) {
  return (align && out > 1) ? (float)(in - 1) / (float)(out - 1)
                            : (float)in / (float)out;
}

static void ref_bilinear(const float *in, int n, int h, int w, int c, int oh,
                         int ow, int align, int half, float *out) {
  float sh = ref_scale(h, oh, align), sw = ref_scale(w, ow, align);
  for (int b = 0; b < n; b++)
    for (int y = 0; y < oh; y++)
      for (int x = 0; x < ow; x++)
        for (int ch = 0; ch < c; ch++) {
          float fy = half ? (y + 0.5f) * sh - 0.5f : y * sh;
          float fx = half ? (x + 0.5f) * sw - 0.5f : x * sw;
          int y0 = (int)floorf(fy), x0 = (int)floorf(fx);
          int y1 = (int)ceilf(fy), x1 = (int)ceilf(fx);
          if (y0 < 0) y0 = 0;
          if (x0 < 0) x0 = 0;
          if (y1 > h - 1) y1 = h - 1;
          if (x1 > w - 1) x1 = w - 1;
          float dy = fy - y0, dx = fx - x0;
#define AT(yy, xx) in[(((size_t)b * h + (yy)) * w + (xx)) * c + ch]
          out[(((size_t)b * oh + y) * ow + x) * c + ch] =
              AT(y0, x0) * (1 - dy) * (1 - dx) + AT(y1, x0) * dy * (1 - dx) +
              AT(y0, x1) * (1 - dy) * dx + AT(y1, x1) * dy * dx;
#undef AT
        }
}

static int ref_nearest_idx(int o, int in, int out, int align, int half) {
  float s = ref_scale(in, out, align);
  float v = (o + (half ? 0.5f : 0.0f)) * s;
  int i = align ? (int)roundf(v) : (int)floorf(v);
  if (i > in - 1) i = in - 1;
  if (half && i < 0) i = 0;
  return i;
}

static oo_op resize_op(int32_t opc, int8_t tt, oo_tensor *ins,
                       const int *ishape, const void *in, const int *size_shape,
                       const int32_t *size, tflc_opt_field *f, int align,
                       int half, const int *oshape) {
  ins[0] = oo_in(tt, ishape, 4, in);
  ins[1] = oo_const(I32, size_shape, 1, size);
  oo_op op = {
      .op = opc, .inputs = ins, .n_inputs = 2, .out = oo_out_t(tt, oshape, 4)};
  if (opc == TFLC_OP_RESIZE_BILINEAR) {
    f[0] = tm_opt_int(2, TFLC_OPT_BOOL, align);
    f[1] = tm_opt_int(3, TFLC_OPT_BOOL, half);
    op.bo = TFLC_BO_RESIZE_BILINEAR;
  } else {
    f[0] = tm_opt_int(0, TFLC_OPT_BOOL, align);
    f[1] = tm_opt_int(1, TFLC_OPT_BOOL, half);
    op.bo = TFLC_BO_RESIZE_NEAREST_NEIGHBOR;
  }
  op.fields = f;
  op.n_fields = 2;
  return op;
}

static void check_resize(int32_t opc, int n, int h, int w, int c, int oh,
                         int ow, int align, int half, const char *label) {
  int ishape[4] = {n, h, w, c}, oshape[4] = {n, oh, ow, c};
  static const int s2[1] = {2};
  int32_t size[2] = {oh, ow};
  size_t icnt = oo_count(ishape, 4), ocnt = oo_count(oshape, 4);
  float *in = malloc(icnt * 4 + 4), *want = malloc(ocnt * 4 + 4);
  oo_fill_f32(in, icnt, -10, 10);
  if (opc == TFLC_OP_RESIZE_BILINEAR) {
    ref_bilinear(in, n, h, w, c, oh, ow, align, half, want);
  } else {
    for (int b = 0; b < n; b++)
      for (int y = 0; y < oh; y++)
        for (int x = 0; x < ow; x++)
          for (int ch = 0; ch < c; ch++) {
            int sy = ref_nearest_idx(y, h, oh, align, half);
            int sx = ref_nearest_idx(x, w, ow, align, half);
            want[(((size_t)b * oh + y) * ow + x) * c + ch] =
                in[(((size_t)b * h + sy) * w + sx) * c + ch];
          }
  }
  oo_tensor ins[2];
  tflc_opt_field f[2];
  oo_op op =
      resize_op(opc, F32, ins, ishape, in, s2, size, f, align, half, oshape);
  oo_run_expect_f32(&op, oshape, 4, want, ocnt, 1e-5, label);
  free(in);
  free(want);
}

static void test_resize(void) {
  static const int32_t szneg_rt[2] = {2, -4};
  static const int s1221[4] = {1, 2, 2, 1}, s1331[4] = {1, 3, 3, 1},
                   s1441[4] = {1, 4, 4, 1}, s2[1] = {2};
  static const float in[4] = {0, 1, 2, 3};
  static const int32_t sz3[2] = {3, 3}, sz4[2] = {4, 4};
  oo_tensor ins[2];
  tflc_opt_field f[2];
  /* Bilinear, align_corners: the corners are kept. */
  static const float want_ac[9] = {0, 0.5f, 1, 1, 1.5f, 2, 2, 2.5f, 3};
  oo_op op = resize_op(TFLC_OP_RESIZE_BILINEAR, F32, ins, s1221, in, s2, sz3, f,
                       1, 0, s1331);
  oo_run_expect_f32(&op, s1331, 4, want_ac, 9, 1e-6, "bilinear align hand");
  /* Bilinear 2x upscale, default: scale 0.5 -> x = 0, 0.5, 1, 1.5. */
  static const float want_up[16] = {0, 0.5f, 1, 1, 1, 1.5f, 2, 2,
                                    2, 2.5f, 3, 3, 2, 2.5f, 3, 3};
  op = resize_op(TFLC_OP_RESIZE_BILINEAR, F32, ins, s1221, in, s2, sz4, f, 0, 0,
                 s1441);
  oo_run_expect_f32(&op, s1441, 4, want_up, 16, 1e-6, "bilinear 2x hand");
  /* half_pixel_centers 2x: x = -0.25 (clamped low), 0.25, 0.75, 1.25. */
  static const float want_hp[16] = {0,     0.25f, 0.75f, 1,     0.5f,  0.75f,
                                    1.25f, 1.5f,  1.5f,  1.75f, 2.25f, 2.5f,
                                    2,     2.25f, 2.75f, 3};
  op = resize_op(TFLC_OP_RESIZE_BILINEAR, F32, ins, s1221, in, s2, sz4, f, 0, 1,
                 s1441);
  oo_run_expect_f32(&op, s1441, 4, want_hp, 16, 1e-6,
                    "bilinear half-pixel hand");
  /* Nearest 2x: each pixel repeated. */
  static const float want_nn[16] = {0, 0, 1, 1, 0, 0, 1, 1,
                                    2, 2, 3, 3, 2, 2, 3, 3};
  op = resize_op(TFLC_OP_RESIZE_NEAREST_NEIGHBOR, F32, ins, s1221, in, s2, sz4,
                 f, 0, 0, s1441);
  oo_run_expect_f32(&op, s1441, 4, want_nn, 16, 0, "nearest 2x hand");
  /* Nearest align_corners 2->3: scale 0.5, round(0.5) = 1 (half away). */
  static const float want_nac[9] = {0, 1, 1, 2, 3, 3, 2, 3, 3};
  op = resize_op(TFLC_OP_RESIZE_NEAREST_NEIGHBOR, F32, ins, s1221, in, s2, sz3,
                 f, 1, 0, s1331);
  oo_run_expect_f32(&op, s1331, 4, want_nac, 9, 0, "nearest align hand");
  /* Nearest half-pixel 2->3: floor(0.33) = 0, floor(1.0) = 1, 1. */
  op = resize_op(TFLC_OP_RESIZE_NEAREST_NEIGHBOR, F32, ins, s1221, in, s2, sz3,
                 f, 0, 1, s1331);
  oo_run_expect_f32(&op, s1331, 4, want_nac, 9, 0, "nearest half-pixel hand");
  /* Nearest on int8 copies the values. */
  static const int8_t in8[4] = {-5, 7, 100, -128};
  static const int8_t want8[16] = {-5,  -5,  7,    7,    -5,  -5,  7,    7,
                                   100, 100, -128, -128, 100, 100, -128, -128};
  float sc = 0.1f;
  int64_t zp = 2;
  op = resize_op(TFLC_OP_RESIZE_NEAREST_NEIGHBOR, TFLC_TT_INT8, ins, s1221, in8,
                 s2, sz4, f, 0, 0, s1441);
  oo_quant1(&ins[0], &sc, &zp);
  oo_quant1(&op.out, &sc, &zp);
  oo_run_expect(&op, s1441, 4, want8, 16, "nearest int8");

  /* Against the reference, all option combinations. */
  char label[96];
  for (int opi = 0; opi < 2; opi++) {
    int32_t opc =
        opi ? TFLC_OP_RESIZE_NEAREST_NEIGHBOR : TFLC_OP_RESIZE_BILINEAR;
    for (int align = 0; align <= 1; align++)
      for (int half = 0; half <= 1; half++) {
        if (!opi && align && half) continue;
        snprintf(label, sizeof label, "%s align %d half %d up",
                 opi ? "nearest" : "bilinear", align, half);
        check_resize(opc, 2, 3, 5, 3, 7, 8, align, half, label);
        snprintf(label, sizeof label, "%s align %d half %d down",
                 opi ? "nearest" : "bilinear", align, half);
        check_resize(opc, 1, 9, 7, 2, 4, 3, align, half, label);
        snprintf(label, sizeof label, "%s align %d half %d to 1x1",
                 opi ? "nearest" : "bilinear", align, half);
        check_resize(opc, 1, 4, 4, 2, 1, 1, align, half, label);
      }
    check_resize(opc, 0, 3, 3, 2, 6, 6, 0, 0, "resize batch 0");
    check_resize(opc, 1, 3, 3, 2, 0, 6, 0, 0, "resize to height 0");
  }

  /* Errors. */
  op = resize_op(TFLC_OP_RESIZE_BILINEAR, F32, ins, s1221, in, s2, sz4, f, 1, 1,
                 s1441);
  oo_expect_error(&op, "align_corners and half_pixel_centers cannot both",
                  "bilinear both");
  op = resize_op(TFLC_OP_RESIZE_BILINEAR, F32, ins, s1221, in, s2, sz4, f, 0, 0,
                 s1441);
  /* A size from a graph input: read at invoke (dynamic output). */
  ins[1].is_const = 0;
  oo_run_expect_f32(&op, s1441, 4, want_up, 16, 1e-6, "bilinear runtime size");
  op = resize_op(TFLC_OP_RESIZE_NEAREST_NEIGHBOR, F32, ins, s1221, in, s2, sz4,
                 f, 0, 0, s1441);
  ins[1].is_const = 0;
  oo_run_expect_f32(&op, s1441, 4, want_nn, 16, 0, "nearest runtime size");
  ins[1].data = szneg_rt;
  {
    oo_run r;
    if (oo_build(&op, &r) == 0) {
      CHECK_EQ_INT(oo_invoke(&op, &r), kTfLiteError);
      CHECK_CONTAINS(r.err, "size [2, -4] is negative");
    } else {
      CHECK_MSG(0, "nearest runtime negative: build failed: %s", r.err);
    }
    oo_free(&r);
  }
  op = resize_op(TFLC_OP_RESIZE_BILINEAR, F32, ins, s1221, in, s2, sz4, f, 0, 0,
                 s1441);
  static const int s3[1] = {3};
  static const int32_t sz333[3] = {3, 3, 3};
  ins[1] = oo_const(I32, s3, 1, sz333);
  oo_expect_error(&op, "size input must have shape [2]", "resize size shape");
  static const int32_t szneg[2] = {-1, 3};
  ins[1] = oo_const(I32, s2, 1, szneg);
  oo_expect_error(&op, "is negative", "resize negative size");
  static const int64_t sz64[2] = {3, 3};
  ins[1] = oo_const(I64, s2, 1, sz64);
  oo_expect_error(&op, "size input type INT64 is not supported", "size type");
  static const int s3d[3] = {2, 2, 1};
  ins[1] = oo_const(I32, s2, 1, sz4);
  ins[0] = oo_in(F32, s3d, 3, in);
  oo_expect_error(&op, "input must be 4-D", "resize rank");
  /* Quantized RESIZE_BILINEAR runs now (tests/ops/test_quant_more.c). */
  op = resize_op(TFLC_OP_RESIZE_BILINEAR, TFLC_TT_BOOL, ins, s1221, NULL, s2,
                 sz4, f, 0, 0, s1441);
  oo_expect_error(&op, "input type BOOL is not supported", "bilinear bool");
  op = resize_op(TFLC_OP_RESIZE_NEAREST_NEIGHBOR, TFLC_TT_BOOL, ins, s1221,
                 NULL, s2, sz4, f, 0, 0, s1441);
  oo_expect_error(&op, "input type BOOL is not supported", "nearest bool");
  static const int s1001[4] = {1, 0, 0, 1};
  op = resize_op(TFLC_OP_RESIZE_NEAREST_NEIGHBOR, F32, ins, s1001, NULL, s2,
                 sz4, f, 0, 0, s1441);
  oo_expect_error(&op, "cannot resize an input of height 0", "resize empty");
}

int main(void) {
  test_reshape();
  test_concat();
  test_pad();
  test_gather();
  test_resize();
  return CHECK_DONE();
}
