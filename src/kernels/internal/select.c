/* SELECT / SELECT_V2: shape rules, three-operand iteration plan and the
 * per-element-size copy loops. */
#include "kernels/internal/select.h"

#include <string.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

void *kern_select_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  kern_select_data *d = ctx->AllocatePersistentBuffer(ctx, sizeof *d);
  if (d) memset(d, 0, sizeof *d);
  return d;
}

/* Builds the plan from the output dims and each operand's dims aligned to
 * them (rank r <= KERN_BCAST_MAX_RANK; an operand dim of 1 against a larger
 * output dim is broadcast). */
static void select_plan(kern_select_data *d, int r, const size_t *out,
                        const size_t *const view[3]) {
  size_t s[3][KERN_BCAST_MAX_RANK], acc[3] = {1, 1, 1}, count = 1;
  for (int i = r - 1; i >= 0; i--) {
    for (int k = 0; k < 3; k++) {
      size_t vd = view[k][i];
      s[k][i] = (vd == 1 && out[i] != 1) ? 0 : acc[k];
      acc[k] *= vd;
    }
    count *= out[i];
  }
  d->count = count;
  size_t *st[3] = {d->c_stride, d->x_stride, d->y_stride};
  int n = 0;
  for (int i = 0; i < r; i++) {
    size_t od = out[i];
    if (od == 1) continue;
    if (n > 0) {
      /* Merge into the previous kept dim when every operand either is
       * broadcast along both or is contiguous across both. */
      int ok = 1;
      for (int k = 0; k < 3 && ok; k++) {
        size_t prev = st[k][n - 1];
        ok = (prev == 0 && s[k][i] == 0) ||
             (s[k][i] != 0 && prev == s[k][i] * od);
      }
      if (ok) {
        d->dims[n - 1] *= od;
        for (int k = 0; k < 3; k++) st[k][n - 1] = s[k][i];
        continue;
      }
    }
    d->dims[n] = od;
    for (int k = 0; k < 3; k++) st[k][n] = s[k][i];
    n++;
  }
  if (n == 0) {
    /* Every dim is 1 (or a scalar): a single element. */
    d->dims[0] = 1;
    for (int k = 0; k < 3; k++) st[k][0] = 1;
    n = 1;
  }
  d->n = n;
}

static int select_same_shape(const TfLiteTensor *a, const TfLiteTensor *b) {
  return TfLiteIntArrayEqual(a->dims, b->dims) != 0;
}

/* SELECT (v1): the condition has x's shape, is a scalar, or is rank 1 with
 * x's first dimension; x and y have the same shape; the output has x's
 * shape. Seen as [outer, inner] (outer = x's first dim), so any rank works. */
static TfLiteStatus select_prepare_v1(TfLiteContext *ctx,
                                      const TfLiteTensor *cond,
                                      const TfLiteTensor *x,
                                      const TfLiteTensor *y,
                                      kern_select_data *d) {
  if (!select_same_shape(x, y)) {
    char sx[96], sy[96];
    kern_bcast_format_shape(sx, sizeof sx, x);
    kern_bcast_format_shape(sy, sizeof sy, y);
    ctx->ReportError(ctx, "x shape %s and y shape %s differ", sx, sy);
    return kTfLiteError;
  }
  int rx = kern_ndims(x);
  size_t outer = rx >= 1 ? (size_t)kern_dim(x, 0) : 1, inner = 1;
  for (int i = 1; i < rx; i++) inner *= (size_t)kern_dim(x, i);
  size_t out[2] = {outer, inner};
  size_t cview[2];
  if (select_same_shape(cond, x)) {
    cview[0] = outer;
    cview[1] = inner;
  } else if (kern_ndims(cond) == 0) {
    cview[0] = cview[1] = 1;
  } else if (kern_ndims(cond) == 1 && rx >= 1 &&
             (size_t)kern_dim(cond, 0) == outer) {
    /* cond[i] picks the whole slice x[i, ...] or y[i, ...]. */
    cview[0] = outer;
    cview[1] = 1;
  } else {
    char sc[96], sx[96];
    kern_bcast_format_shape(sc, sizeof sc, cond);
    kern_bcast_format_shape(sx, sizeof sx, x);
    ctx->ReportError(ctx,
                     "condition shape %s must equal the input shape %s, be a "
                     "scalar, or be rank 1 with the input's first dimension",
                     sc, sx);
    return kTfLiteError;
  }
  const size_t *view[3] = {cview, out, out};
  select_plan(d, 2, out, view);
  return kTfLiteOk;
}

/* SELECT_V2: numpy broadcasting of the three shapes. */
static TfLiteStatus select_prepare_v2(
    TfLiteContext *ctx, const TfLiteTensor *cond, const TfLiteTensor *x,
    const TfLiteTensor *y, kern_select_data *d, int *out_dims, int *out_rank) {
  const TfLiteTensor *t[3] = {cond, x, y};
  int r = 0;
  for (int k = 0; k < 3; k++) {
    KERN_ENSURE(ctx, kern_ndims(t[k]) <= KERN_BCAST_MAX_RANK,
                "%s has rank %d: at most %d dimensions are supported",
                k == 0 ? "the condition" : (k == 1 ? "x" : "y"),
                kern_ndims(t[k]), KERN_BCAST_MAX_RANK);
    if (kern_ndims(t[k]) > r) r = kern_ndims(t[k]);
  }
  size_t view[3][KERN_BCAST_MAX_RANK], out[KERN_BCAST_MAX_RANK];
  for (int i = 0; i < r; i++) {
    int o = 1;
    for (int k = 0; k < 3; k++) {
      int j = i - (r - kern_ndims(t[k]));
      int dk = j >= 0 ? kern_dim(t[k], j) : 1;
      view[k][i] = (size_t)dk;
      if (dk == o || dk == 1) continue;
      if (o == 1) {
        o = dk;
        continue;
      }
      char sc[96], sx[96], sy[96];
      kern_bcast_format_shape(sc, sizeof sc, cond);
      kern_bcast_format_shape(sx, sizeof sx, x);
      kern_bcast_format_shape(sy, sizeof sy, y);
      ctx->ReportError(ctx,
                       "condition shape %s, x shape %s and y shape %s are not "
                       "broadcastable (output dimension %d: %d vs %d)",
                       sc, sx, sy, i, o, dk);
      return kTfLiteError;
    }
    out_dims[i] = o;
    out[i] = (size_t)o;
  }
  *out_rank = r;
  const size_t *v[3] = {view[0], view[1], view[2]};
  select_plan(d, r, out, v);
  return kTfLiteOk;
}

TfLiteStatus kern_select_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                 kern_select_data *d, int version) {
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 3, "expected 3 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  TfLiteTensor *cond = kern_input(ctx, node, 0);
  TfLiteTensor *x = kern_input(ctx, node, 1);
  TfLiteTensor *y = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, cond != NULL && x != NULL && y != NULL,
              "an input is missing");
  KERN_ENSURE(ctx, out != NULL, "the output is missing");
  KERN_ENSURE(ctx, cond->type == kTfLiteBool,
              "condition type %s is not supported (BOOL)",
              kern_type_name(cond->type));
  d->elem = kern_type_bytes(x->type);
  KERN_ENSURE(ctx, d->elem > 0,
              "input type %s is not supported (fixed-size types only)",
              kern_type_name(x->type));
  KERN_ENSURE(ctx, y->type == x->type, "y type %s does not match x type %s",
              kern_type_name(y->type), kern_type_name(x->type));
  KERN_ENSURE(ctx, out->type == x->type,
              "output type %s does not match input type %s",
              kern_type_name(out->type), kern_type_name(x->type));
  if (version == 1) {
    KERN_OK(select_prepare_v1(ctx, cond, x, y, d));
    return kern_resize_like(ctx, out, x);
  }
  int dims[KERN_BCAST_MAX_RANK], rank = 0;
  KERN_OK(select_prepare_v2(ctx, cond, x, y, d, dims, &rank));
  return kern_resize_output(ctx, out, dims, rank);
}

/* One innermost run of n elements of type T; sc, sx, sy are 0 or 1. */
#define SELECT_ROW(NAME, T)                                                    \
  static void NAME(const uint8_t *c, const void *x_, const void *y_, void *o_, \
                   size_t n, size_t sc, size_t sx, size_t sy) {                \
    const T *x = (const T *)x_;                                                \
    const T *y = (const T *)y_;                                                \
    T *o = (T *)o_;                                                            \
    if (sc && sx && sy) {                                                      \
      for (size_t i = 0; i < n; i++) o[i] = c[i] ? x[i] : y[i];                \
    } else if (!sc) {                                                          \
      const T *src = c[0] ? x : y;                                             \
      size_t ss = c[0] ? sx : sy;                                              \
      if (ss) {                                                                \
        memcpy(o, src, n * sizeof(T));                                         \
      } else {                                                                 \
        for (size_t i = 0; i < n; i++) o[i] = src[0];                          \
      }                                                                        \
    } else {                                                                   \
      for (size_t i = 0; i < n; i++) o[i] = c[i] ? x[i * sx] : y[i * sy];      \
    }                                                                          \
  }

typedef struct select_b16 {
  uint8_t b[16];
} select_b16;

SELECT_ROW(select_row_1, uint8_t)
SELECT_ROW(select_row_2, uint16_t)
SELECT_ROW(select_row_4, uint32_t)
SELECT_ROW(select_row_8, uint64_t)
SELECT_ROW(select_row_16, select_b16)

typedef void (*select_row_fn)(const uint8_t *c, const void *x, const void *y,
                              void *o, size_t n, size_t sc, size_t sx,
                              size_t sy);

TfLiteStatus kern_select_invoke(TfLiteContext *ctx, TfLiteNode *node,
                                const kern_select_data *d) {
  const TfLiteTensor *cond = kern_input(ctx, node, 0);
  const TfLiteTensor *x = kern_input(ctx, node, 1);
  const TfLiteTensor *y = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  select_row_fn fn;
  switch (d->elem) {
    case 1: fn = select_row_1; break;
    case 2: fn = select_row_2; break;
    case 4: fn = select_row_4; break;
    case 8: fn = select_row_8; break;
    case 16: fn = select_row_16; break;
    default:
      ctx->ReportError(ctx, "input type %s is not supported",
                       kern_type_name(x->type));
      return kTfLiteError;
  }
  if (d->count == 0) return kTfLiteOk;
  /* Bool is stored as one byte; any non-zero byte is true. */
  const uint8_t *pc = (const uint8_t *)cond->data.raw_const;
  const char *px = x->data.raw_const, *py = y->data.raw_const;
  char *po = out->data.raw;
  const size_t e = d->elem;
  int n = d->n;
  size_t inner = d->dims[n - 1];
  size_t rows = d->count / inner;
  size_t idx[KERN_BCAST_MAX_RANK] = {0};
  size_t oc = 0, ox = 0, oy = 0;
  for (size_t row = 0; row < rows; row++) {
    fn(pc + oc, px + ox * e, py + oy * e, po + row * inner * e, inner,
       d->c_stride[n - 1], d->x_stride[n - 1], d->y_stride[n - 1]);
    for (int k = n - 2; k >= 0; k--) {
      if (++idx[k] < d->dims[k]) {
        oc += d->c_stride[k];
        ox += d->x_stride[k];
        oy += d->y_stride[k];
        break;
      }
      idx[k] = 0;
      oc -= d->c_stride[k] * (d->dims[k] - 1);
      ox -= d->x_stride[k] * (d->dims[k] - 1);
      oy -= d->y_stride[k] * (d->dims[k] - 1);
    }
  }
  return kTfLiteOk;
}
