/* Op tests of STRIDED_SLICE: every mask (begin, end, ellipsis, new_axis,
 * shrink_axis) alone and combined, the ellipsis at the start, middle and
 * end, negative strides, clamping of out-of-range begin/end, offset = true,
 * fewer spec entries than input dims, ranks 1..6, int32 and int64 index
 * inputs, constant and non-constant (dynamic output) begin/end/strides,
 * zero-size results and inputs, every element size, and the errors. The
 * expected values come from hand-computed cases and from a plain reference
 * written here: TensorFlow's sparse-to-dense expansion of the spec, then
 * Python-style slice bounds per dimension, enumerating each index list. */
#include "support/op_test.h"

#define I32 TFLC_TT_INT32
#define I64 TFLC_TT_INT64
#define F32 TFLC_TT_FLOAT32

typedef struct ss_case {
  int n; /* spec entries */
  int64_t b[8], e[8], s[8];
  int bm, em, elm, nam, sam;
  int offset;
} ss_case;

static size_t count(const int *s, int r) { return oo_count(s, r); }

/* ---- reference ---------------------------------------------------------- */

/* Index list of one dense dim; returns its length. */
static int ref_range(int d, int64_t b, int64_t e, int64_t s, int bmask,
                     int emask, int offset, int *idx) {
  int64_t lo = s > 0 ? 0 : -1, hi = s > 0 ? d : d - 1;
  int64_t start, stop;
  if (bmask)
    start = s > 0 ? lo : hi;
  else if (b < 0)
    start = b + d < lo ? lo : b + d;
  else
    start = b > hi ? hi : b;
  if (offset) e += start;
  if (emask)
    stop = s > 0 ? hi : lo;
  else if (e < 0)
    stop = e + d < lo ? lo : e + d;
  else
    stop = e > hi ? hi : e;
  int n = 0;
  for (int64_t i = start; s > 0 ? i < stop : i > stop; i += s)
    idx[n++] = (int)i;
  return n;
}

/* Returns 0 and the output (shape, bytes) or -1 when the spec is invalid
 * (a shrink index out of range). */
static int ref_ss(const uint8_t *in, const int *dims, int rank, size_t elem,
                  const ss_case *c, int *od, int *orank, uint8_t *out) {
  int lists[8][64], lens[8];
  int r = 0, full = 0;
  for (int i = 0; i < c->n; i++) {
    int bit = 1 << i;
    if (c->elm & bit) {
      int after = 0;
      for (int j = i + 1; j < c->n; j++)
        if (!(c->nam & (1 << j))) after++;
      while (full < rank - after) {
        lens[full] = dims[full];
        for (int k = 0; k < dims[full]; k++) lists[full][k] = k;
        od[r++] = dims[full];
        full++;
      }
    } else if (c->nam & bit) {
      od[r++] = 1;
    } else {
      if (full >= rank) return -1;
      int d = dims[full];
      if (c->sam & bit) {
        int64_t x = c->b[i] < 0 ? c->b[i] + d : c->b[i];
        if (x < 0 || x >= d || c->s[i] <= 0) return -1;
        lists[full][0] = (int)x;
        lens[full] = 1;
      } else {
        lens[full] = ref_range(d, c->b[i], c->e[i], c->s[i], c->bm & bit,
                               c->em & bit, c->offset, lists[full]);
        od[r++] = lens[full];
      }
      full++;
    }
  }
  while (full < rank) {
    lens[full] = dims[full];
    for (int k = 0; k < dims[full]; k++) lists[full][k] = k;
    od[r++] = dims[full];
    full++;
  }
  *orank = r;
  size_t n = count(lens, rank);
  for (size_t k = 0; k < n; k++) {
    size_t rem = k, src = 0, mul = 1;
    for (int i = rank - 1; i >= 0; i--) {
      int ci = (int)(rem % (size_t)lens[i]);
      rem /= (size_t)lens[i];
      src += (size_t)lists[i][ci] * mul;
      mul *= (size_t)dims[i];
    }
    memcpy(out + k * elem, in + src * elem, elem);
  }
  return 0;
}

/* ---- running ------------------------------------------------------------ */

static void fill(int8_t tt, void *buf, size_t n) {
  for (size_t k = 0; k < n; k++) {
    switch (tt) {
      case F32: ((float *)buf)[k] = (float)k * 0.5f - 1.0f; break;
      case I32: ((int32_t *)buf)[k] = (int32_t)k; break;
      case I64: ((int64_t *)buf)[k] = (int64_t)k * 3000000007LL; break;
      case TFLC_TT_INT16: ((int16_t *)buf)[k] = (int16_t)(k * 131u); break;
      default: ((uint8_t *)buf)[k] = (uint8_t)(k * 7u + 1u); break;
    }
  }
}

/* Builds the op: index inputs of type itt, constant or not. */
static oo_op make_op(int8_t tt, const int *dims, int rank, const void *data,
                     const ss_case *c, int8_t itt, int is_const, oo_tensor *ins,
                     tflc_opt_field *f, void *idx_store, int *len) {
  *len = c->n;
  uint8_t *store = (uint8_t *)idx_store;
  size_t isz = itt == I64 ? 8 : 4;
  for (int k = 0; k < 3; k++) {
    const int64_t *src = k == 0 ? c->b : (k == 1 ? c->e : c->s);
    uint8_t *dst = store + (size_t)k * 8 * 8;
    for (int i = 0; i < c->n; i++) {
      if (itt == I64) {
        memcpy(dst + (size_t)i * isz, &src[i], 8);
      } else {
        int32_t v = (int32_t)src[i];
        memcpy(dst + (size_t)i * isz, &v, 4);
      }
    }
    oo_tensor t = {
        .tt = itt, .shape = len, .rank = 1, .data = dst, .is_const = is_const};
    ins[1 + k] = t;
  }
  oo_tensor t0 = {.tt = tt, .shape = dims, .rank = rank, .data = data};
  ins[0] = t0;
  f[0] = tm_opt_int(0, TFLC_OPT_I32, c->bm);
  f[1] = tm_opt_int(1, TFLC_OPT_I32, c->em);
  f[2] = tm_opt_int(2, TFLC_OPT_I32, c->elm);
  f[3] = tm_opt_int(3, TFLC_OPT_I32, c->nam);
  f[4] = tm_opt_int(4, TFLC_OPT_I32, c->sam);
  f[5] = tm_opt_int(5, TFLC_OPT_BOOL, c->offset);
  oo_tensor o = {.tt = tt, .shape = dims, .rank = rank};
  oo_op op = {.op = TFLC_OP_STRIDED_SLICE,
              .bo = TFLC_BO_STRIDED_SLICE,
              .fields = f,
              .n_fields = 6,
              .inputs = ins,
              .n_inputs = 4,
              .out = o};
  return op;
}

/* Runs one case (const and dynamic, int32 and int64 indices) against the
 * reference, and against `want` (shape and values) when given. */
static void run_case(int8_t tt, const int *dims, int rank, const ss_case *c,
                     const int *want_shape, int want_rank,
                     const void *want_vals, const char *label) {
  size_t elem = oo_tt_size(tt);
  uint8_t in[4096 * 8], ref[4096 * 8];
  fill(tt, in, count(dims, rank));
  int od[16], orank = 0;
  int rc = ref_ss(in, dims, rank, elem, c, od, &orank, ref);
  CHECK_MSG(rc == 0, "%s: reference rejects the case", label);
  if (rc != 0) return;
  if (want_shape) {
    int same = orank == want_rank;
    for (int i = 0; same && i < orank; i++) same = od[i] == want_shape[i];
    CHECK_MSG(same, "%s: reference shape differs from the hand value", label);
    if (want_vals)
      CHECK_MSG(memcmp(ref, want_vals, count(od, orank) * elem) == 0,
                "%s: reference values differ from the hand values", label);
  }
  for (int v = 0; v < 4; v++) {
    int8_t itt = v % 2 ? I64 : I32;
    int is_const = v < 2;
    oo_tensor ins[4];
    tflc_opt_field f[6];
    uint8_t store[3 * 8 * 8];
    int len;
    oo_op op =
        make_op(tt, dims, rank, in, c, itt, is_const, ins, f, store, &len);
    char lab[128];
    snprintf(lab, sizeof lab, "%s [%s %s]", label, itt == I64 ? "i64" : "i32",
             is_const ? "const" : "dynamic");
    oo_run r;
    const TfLiteTensor *out = oo_run_op(&op, &r, lab);
    if (out && oo_check_shape(out, od, orank, lab))
      oo_check_bytes(out, ref, count(od, orank) * elem, lab);
    oo_free(&r);
  }
}

static void expect_error(const int *dims, int rank, const ss_case *c,
                         const char *needle, const char *label) {
  float in[256];
  fill(F32, in, count(dims, rank));
  oo_tensor ins[4];
  tflc_opt_field f[6];
  uint8_t store[3 * 8 * 8];
  int len;
  oo_op op = make_op(F32, dims, rank, in, c, I32, 1, ins, f, store, &len);
  oo_expect_error(&op, needle, label);
  /* The same spec given at run time fails at invoke. */
  op = make_op(F32, dims, rank, in, c, I32, 0, ins, f, store, &len);
  oo_run r;
  if (oo_build(&op, &r) == 0) {
    CHECK_MSG(oo_invoke(&op, &r) != kTfLiteOk, "%s: dynamic invoke succeeded",
              label);
    CHECK_CONTAINS(r.err, needle);
  } else {
    /* Errors that do not depend on values are caught at prepare. */
    CHECK_CONTAINS(r.err, needle);
  }
  oo_free(&r);
}

/* ---- cases -------------------------------------------------------------- */

static const int D345[3] = {3, 4, 5}; /* x[i,j,k] = 20i + 5j + k (int32) */

static void test_hand(void) {
  {
    ss_case c = {.n = 3, .b = {1, 0, 1}, .e = {3, 4, 5}, .s = {1, 2, 1}};
    static const int ws[3] = {2, 2, 4};
    static const int32_t w[16] = {21, 22, 23, 24, 31, 32, 33, 34,
                                  41, 42, 43, 44, 51, 52, 53, 54};
    run_case(I32, D345, 3, &c, ws, 3, w, "basic ranges");
  }
  {
    ss_case c = {.n = 3,
                 .b = {1, 0, 3},
                 .e = {2, 0, 4},
                 .s = {1, 1, 1},
                 .em = 2,
                 .sam = 5};
    static const int ws[1] = {4};
    static const int32_t w[4] = {23, 28, 33, 38};
    run_case(I32, D345, 3, &c, ws, 1, w, "shrink 0 and 2");
  }
  {
    /* x[-1, -1:, ::-2] */
    ss_case c = {.n = 3,
                 .b = {-1, -1, 0},
                 .e = {0, 0, 0},
                 .s = {1, 1, -2},
                 .bm = 4,
                 .em = 6,
                 .sam = 1};
    static const int ws[2] = {1, 3};
    static const int32_t w[3] = {59, 57, 55};
    run_case(I32, D345, 3, &c, ws, 2, w, "negative stride + shrink");
  }
  {
    /* x[..., 1] */
    ss_case c = {
        .n = 2, .b = {0, 1}, .e = {0, 2}, .s = {1, 1}, .elm = 1, .sam = 2};
    static const int ws[2] = {3, 4};
    static const int32_t w[12] = {1, 6, 11, 16, 21, 26, 31, 36, 41, 46, 51, 56};
    run_case(I32, D345, 3, &c, ws, 2, w, "ellipsis then shrink");
  }
  {
    /* x[newaxis, 2, ..., newaxis] */
    ss_case c = {.n = 4,
                 .b = {0, 2, 0, 0},
                 .e = {0, 3, 0, 0},
                 .s = {1, 1, 1, 1},
                 .elm = 4,
                 .nam = 9,
                 .sam = 2};
    static const int ws[4] = {1, 4, 5, 1};
    int32_t w[20];
    for (int i = 0; i < 20; i++) w[i] = 40 + i;
    run_case(I32, D345, 3, &c, ws, 4, w, "new axes around ellipsis");
  }
  {
    /* 1-D offset: begin 1, end 2 -> x[1:3] */
    static const int d5[1] = {5};
    ss_case c = {.n = 1, .b = {1}, .e = {2}, .s = {1}, .offset = 1};
    static const int ws[1] = {2};
    static const int32_t w[2] = {1, 2};
    run_case(I32, d5, 1, &c, ws, 1, w, "offset");
    ss_case c2 = {.n = 1, .b = {-2}, .e = {1}, .s = {1}, .offset = 1};
    static const int ws2[1] = {1};
    static const int32_t w2[1] = {3};
    run_case(I32, d5, 1, &c2, ws2, 1, w2, "offset negative begin");
    ss_case c3 = {.n = 1, .b = {4}, .e = {-3}, .s = {-1}, .offset = 1};
    static const int ws3[1] = {3};
    static const int32_t w3[3] = {4, 3, 2};
    run_case(I32, d5, 1, &c3, ws3, 1, w3, "offset negative stride");
    ss_case c4 = {.n = 1, .b = {1}, .e = {100}, .s = {2}, .offset = 1, .em = 0};
    static const int ws4[1] = {2};
    static const int32_t w4[2] = {1, 3};
    run_case(I32, d5, 1, &c4, ws4, 1, w4, "offset clamped");
    ss_case c5 = {.n = 1, .b = {3}, .e = {0}, .s = {1}, .offset = 1, .em = 1};
    static const int ws5[1] = {2};
    static const int32_t w5[2] = {3, 4};
    run_case(I32, d5, 1, &c5, ws5, 1, w5, "offset with end_mask");
  }
  {
    static const int d5[1] = {5};
    ss_case c = {.n = 1, .b = {-10}, .e = {100}, .s = {1}};
    static const int ws[1] = {5};
    static const int32_t w[5] = {0, 1, 2, 3, 4};
    run_case(I32, d5, 1, &c, ws, 1, w, "clamped");
    ss_case c2 = {.n = 1, .b = {100}, .e = {-100}, .s = {-2}};
    static const int32_t w2[3] = {4, 2, 0};
    static const int ws2[1] = {3};
    run_case(I32, d5, 1, &c2, ws2, 1, w2, "clamped backward");
    ss_case c3 = {.n = 1, .b = {4}, .e = {0}, .s = {-2}};
    static const int32_t w3[2] = {4, 2};
    static const int ws3[1] = {2};
    run_case(I32, d5, 1, &c3, ws3, 1, w3, "4:0:-2");
    ss_case c4 = {.n = 1, .b = {-2}, .e = {-1}, .s = {1}};
    static const int32_t w4[1] = {3};
    static const int ws4[1] = {1};
    run_case(I32, d5, 1, &c4, ws4, 1, w4, "-2:-1");
    ss_case c5 = {.n = 1, .b = {0}, .e = {0}, .s = {-1}, .bm = 1, .em = 1};
    static const int32_t w5[5] = {4, 3, 2, 1, 0};
    run_case(I32, d5, 1, &c5, ws, 1, w5, "::-1");
    ss_case c6 = {.n = 1, .b = {3}, .e = {1}, .s = {1}};
    static const int ws6[1] = {0};
    run_case(I32, d5, 1, &c6, ws6, 1, NULL, "empty 3:1");
    ss_case c7 = {.n = 1, .b = {4}, .e = {2}, .s = {1}, .bm = 1};
    static const int32_t w7[2] = {0, 1};
    static const int ws7[1] = {2};
    run_case(I32, d5, 1, &c7, ws7, 1, w7, "begin_mask :2");
    ss_case c8 = {.n = 1, .b = {2}, .e = {0}, .s = {1}, .em = 1};
    static const int32_t w8[3] = {2, 3, 4};
    static const int ws8[1] = {3};
    run_case(I32, d5, 1, &c8, ws8, 1, w8, "end_mask 2:");
    ss_case c9 = {.n = 1, .b = {-1}, .e = {0}, .s = {1}, .sam = 1};
    static const int32_t w9[1] = {4};
    run_case(I32, d5, 1, &c9, NULL, 0, w9, "shrink -1 to a scalar");
  }
}

static void test_masks(void) {
  /* Every mask alone and in pairs on a 4-D input, several element types. */
  static const int d[4] = {2, 3, 4, 5};
  static const int8_t tts[4] = {F32, TFLC_TT_INT8, TFLC_TT_INT16, I64};
  const ss_case cases[] = {
      {.n = 4,
       .b = {1, 2, 3, 4},
       .e = {0, 0, 0, 0},
       .s = {1, -1, 2, -2},
       .bm = 5},
      {.n = 4,
       .b = {0, 2, 1, 4},
       .e = {1, 0, 3, 1},
       .s = {1, -1, 1, -1},
       .em = 10},
      {.n = 3, .b = {1, 0, 2}, .e = {2, 0, 5}, .s = {1, 1, 2}, .elm = 2},
      {.n = 2, .b = {0, 1}, .e = {0, 3}, .s = {1, 1}, .elm = 1},
      {.n = 2, .b = {1, 0}, .e = {2, 0}, .s = {1, 1}, .elm = 2},
      {.n = 3, .b = {0, 1, 0}, .e = {0, 2, 0}, .s = {1, 1, 1}, .nam = 5},
      {.n = 4,
       .b = {1, -1, 2, 0},
       .e = {2, 0, 3, 5},
       .s = {1, 1, 1, 2},
       .sam = 7},
      {.n = 4,
       .b = {-1, 0, 0, -2},
       .e = {0, 0, 0, 0},
       .s = {1, 1, -1, 1},
       .bm = 6,
       .em = 6,
       .sam = 9},
      {.n = 5,
       .b = {0, 1, 0, 0, 3},
       .e = {0, 0, 0, 0, 4},
       .s = {1, 1, 1, 1, 1},
       .nam = 1,
       .elm = 4,
       .sam = 2,
       .em = 8},
      {.n = 4,
       .b = {0, 0, 1, 0},
       .e = {0, 0, 3, 0},
       .s = {1, 1, 1, 1},
       .elm = 2,
       .nam = 9},
      {.n = 3, .b = {-5, 1, 9}, .e = {7, -9, -9}, .s = {3, -1, -3}},
      {.n = 4,
       .b = {0, 0, 0, 0},
       .e = {5, 5, 5, 5},
       .s = {1, 1, 1, 1},
       .bm = 15,
       .em = 15},
      {.n = 2, .b = {1, 1}, .e = {1, 2}, .s = {1, 2}, .offset = 1, .elm = 0},
      {.n = 3,
       .b = {1, 0, -3},
       .e = {0, 0, 2},
       .s = {1, 1, 1},
       .offset = 1,
       .elm = 2,
       .sam = 1},
      {.n = 1, .b = {0}, .e = {0}, .s = {1}, .elm = 1},
      {.n = 0},
  };
  int nc = (int)(sizeof cases / sizeof cases[0]);
  for (int k = 0; k < nc; k++) {
    char label[48];
    snprintf(label, sizeof label, "masks case %d", k);
    run_case(tts[k % 4], d, 4, &cases[k], NULL, 0, NULL, label);
  }
}

static void test_ranks(void) {
  /* Ranks 1..6 with a spec per dim mixing positive/negative strides. */
  static const int d6[6] = {3, 4, 2, 5, 2, 3};
  for (int rank = 1; rank <= 6; rank++) {
    for (int v = 0; v < 3; v++) {
      ss_case c = {.n = rank};
      for (int i = 0; i < rank; i++) {
        int sgn = (i + v) % 3 == 1 ? -1 : 1;
        c.s[i] = sgn * (1 + (i + v) % 2);
        c.b[i] = sgn > 0 ? (i + v) % 2 : -1 - (i % 2);
        c.e[i] = sgn > 0 ? d6[i] - (v % 2) : -d6[i] - 1;
      }
      if (v == 1) {
        c.sam = 1 << (rank - 1); /* shrinking needs a positive stride */
        c.s[rank - 1] = 1;
        c.b[rank - 1] = -1;
      }
      if (v == 2) c.nam = rank > 2 ? 2 : 0;
      if (v == 2 && rank > 2) {
        /* with a new axis entry the spec covers one dim fewer */
        c.b[1] = 0;
      }
      char label[48];
      snprintf(label, sizeof label, "rank %d v%d", rank, v);
      run_case(v == 1 ? I64 : F32, d6, rank, &c, NULL, 0, NULL, label);
    }
  }
}

static void test_zero_size(void) {
  static const int d[3] = {2, 0, 3};
  ss_case c = {.n = 3, .b = {0, 0, 1}, .e = {2, 5, 3}, .s = {1, 1, 1}};
  run_case(F32, d, 3, &c, NULL, 0, NULL, "zero-size input");
  ss_case c2 = {.n = 3,
                .b = {1, 0, 0},
                .e = {2, 0, 0},
                .s = {1, -1, 1},
                .bm = 2,
                .em = 6,
                .sam = 1};
  run_case(F32, d, 3, &c2, NULL, 0, NULL, "zero-size input backward");
  static const int d2[2] = {3, 4};
  ss_case c3 = {.n = 2, .b = {2, 0}, .e = {1, 4}, .s = {1, 1}};
  static const int ws[2] = {0, 4};
  run_case(F32, d2, 2, &c3, ws, 2, NULL, "empty result");
}

static void test_errors(void) {
  ss_case c = {.n = 3, .b = {0, 0, 0}, .e = {1, 1, 1}, .s = {1, 0, 1}};
  expect_error(D345, 3, &c, "strides[1] is zero", "stride zero");
  ss_case c2 = {
      .n = 3, .b = {0, 0, 0}, .e = {1, 1, 1}, .s = {1, 1, 1}, .elm = 5};
  expect_error(D345, 3, &c2, "ellipsis_mask 0x5 has more than one bit",
               "two ellipses");
  ss_case c3 = {.n = 2, .b = {3, 0}, .e = {4, 1}, .s = {1, 1}, .sam = 1};
  expect_error(D345, 3, &c3,
               "begin[0] = 3 is out of range for shrinking dimension 0",
               "shrink out of range");
  ss_case c3b = {.n = 2, .b = {0, -5}, .e = {4, 1}, .s = {1, 1}, .sam = 2};
  expect_error(D345, 3, &c3b, "begin[1] = -5 is out of range",
               "shrink negative out of range");
  ss_case c4 = {
      .n = 4, .b = {0, 0, 0, 0}, .e = {1, 1, 1, 1}, .s = {1, 1, 1, 1}};
  expect_error(D345, 3, &c4, "indexes more dimensions than the input's 3",
               "too many entries");
  ss_case c5 = {.n = 1, .b = {1}, .e = {0}, .s = {-1}, .sam = 1};
  expect_error(D345, 3, &c5, "a shrunk axis needs a positive stride",
               "shrink negative stride");
  /* end with another length */
  float in[60];
  fill(F32, in, 60);
  static const int s2[1] = {2}, s3[1] = {3};
  static const int32_t v2[2] = {0, 0}, v3[3] = {1, 1, 1};
  oo_tensor ins[4] = {
      {.tt = F32, .shape = D345, .rank = 3, .data = in},
      {.tt = I32, .shape = s2, .rank = 1, .data = v2, .is_const = 1},
      {.tt = I32, .shape = s3, .rank = 1, .data = v3, .is_const = 1},
      {.tt = I32, .shape = s2, .rank = 1, .data = v3, .is_const = 1}};
  oo_op op = {.op = TFLC_OP_STRIDED_SLICE,
              .bo = TFLC_BO_STRIDED_SLICE,
              .inputs = ins,
              .n_inputs = 4,
              .out = {.tt = F32, .shape = D345, .rank = 3}};
  oo_expect_error(&op, "end input has 3 elements, expected 2", "end length");
  ins[2] = ins[3];
  float fb[2] = {0, 0};
  ins[1].tt = F32;
  ins[1].data = fb;
  oo_expect_error(&op, "begin input has type FLOAT32", "begin type");
  ins[1].tt = I32;
  ins[1].data = v2;
  op.out.tt = I32;
  oo_expect_error(&op, "output type INT32 differs from input type FLOAT32",
                  "output type");
  op.out.tt = F32;
  oo_run r;
  const TfLiteTensor *t = oo_run_op(&op, &r, "no options table");
  static const int ws[3] = {1, 1, 5};
  if (t && oo_check_shape(t, ws, 3, "no options table"))
    CHECK_NEAR(((const float *)TfLiteTensorData(t))[0], in[0], 0);
  oo_free(&r);
}

/* A dynamic spec whose values change between invokes gives a new shape. */
static void test_reinvoke(void) {
  int32_t x[60];
  fill(I32, x, 60);
  ss_case c = {.n = 1, .b = {0}, .e = {1}, .s = {1}};
  oo_tensor ins[4];
  tflc_opt_field f[6];
  uint8_t store[3 * 8 * 8];
  int len;
  oo_op op = make_op(I32, D345, 3, x, &c, I32, 0, ins, f, store, &len);
  oo_run r;
  if (oo_build(&op, &r) != 0) {
    CHECK_MSG(0, "reinvoke: build failed: %s", r.err);
    return;
  }
  CHECK_EQ_INT(oo_invoke(&op, &r), kTfLiteOk);
  static const int s1[3] = {1, 4, 5}, s2[3] = {2, 4, 5};
  const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(r.it, 0);
  if (oo_check_shape(o, s1, 3, "reinvoke 1"))
    oo_check_bytes(o, x, 20 * 4, "reinvoke 1");
  int32_t e2 = 3;
  int32_t b2 = 1;
  memcpy(TfLiteTensorData(TfLiteInterpreterGetInputTensor(r.it, 1)), &b2, 4);
  memcpy(TfLiteTensorData(TfLiteInterpreterGetInputTensor(r.it, 2)), &e2, 4);
  CHECK_EQ_INT(TfLiteInterpreterInvoke(r.it), kTfLiteOk);
  o = TfLiteInterpreterGetOutputTensor(r.it, 0);
  if (oo_check_shape(o, s2, 3, "reinvoke 2"))
    oo_check_bytes(o, x + 20, 40 * 4, "reinvoke 2");
  int32_t s0 = 0;
  memcpy(TfLiteTensorData(TfLiteInterpreterGetInputTensor(r.it, 3)), &s0, 4);
  CHECK_EQ_INT(TfLiteInterpreterInvoke(r.it), kTfLiteError);
  CHECK_CONTAINS(r.err, "strides[0] is zero");
  oo_free(&r);
}

int main(void) {
  test_hand();
  test_masks();
  test_ranks();
  test_zero_size();
  test_errors();
  test_reinvoke();
  return CHECK_DONE();
}
