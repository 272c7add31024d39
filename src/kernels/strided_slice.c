/* STRIDED_SLICE: numpy-style slicing input[b0:e0:s0, ..., bn:en:sn] with
 * TensorFlow's strided-slice semantics. Inputs: input, begin, end, strides
 * (INT32 or INT64, 1-D, equal lengths: one entry per slice spec).
 * StridedSliceOptions (bit i refers to spec entry i):
 *  - begin_mask (field 0) / end_mask (field 1): ignore begin[i] / end[i] and
 *    use the fullest range in the stride's direction;
 *  - ellipsis_mask (field 2): entry i stands for as many full dims as needed
 *    (at most one bit); without one, missing trailing dims are full;
 *  - new_axis_mask (field 3): entry i inserts an output dim of size 1;
 *  - shrink_axis_mask (field 4): entry i picks the single index begin[i]
 *    (which must be in range; stride must be positive) and drops the dim;
 *  - offset (field 5): end[i] counts from the (resolved) begin[i].
 * Negative begin/end count from the end; out-of-range values are clamped;
 * strides may be negative but not zero. Non-constant begin/end/strides make
 * the output dynamic. Any fixed-size type: bytes are copied. */
#include "kernels/internal/move_checks.h"
#include "kernels/internal/strided_copy.h"

enum {
  SS_OPT_BEGIN_MASK = 0,
  SS_OPT_END_MASK = 1,
  SS_OPT_ELLIPSIS_MASK = 2,
  SS_OPT_NEW_AXIS_MASK = 3,
  SS_OPT_SHRINK_AXIS_MASK = 4,
  SS_OPT_OFFSET = 5
};

/* Values far outside any dimension are clamped to this first (keeps the
 * arithmetic below free of overflow; the result is the same). */
#define SS_BIG ((int64_t)1 << 40)

typedef struct ss_data {
  uint32_t begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_mask;
  int offset;
  /* Per input dim: first index, step, count (the copy plan). */
  int begin[KERN_MAX_DIMS];
  int64_t stride[KERN_MAX_DIMS];
  int size[KERN_MAX_DIMS];
} ss_data;

KERN_OP_DATA_INIT(ss_init, ss_data)

static int64_t ss_clip(int64_t v) {
  return v < -SS_BIG ? -SS_BIG : (v > SS_BIG ? SS_BIG : v);
}

/* Resolves one input dim `dim_idx` of size dim from spec entry i. */
static TfLiteStatus ss_dim(TfLiteContext *ctx, ss_data *d, int i, int dim_idx,
                           int64_t dim, int64_t b, int64_t e, int64_t s) {
  uint32_t bit = (uint32_t)1 << i;
  KERN_ENSURE(ctx, s != 0, "strides[%d] is zero", i);
  b = ss_clip(b);
  e = ss_clip(e);
  if (d->shrink_mask & bit) {
    KERN_ENSURE(ctx, s > 0,
                "strides[%d] = %lld: a shrunk axis needs a positive stride", i,
                (long long)s);
    int64_t x = b < 0 ? b + dim : b;
    KERN_ENSURE(ctx, x >= 0 && x < dim,
                "begin[%d] = %lld is out of range for shrinking dimension %d "
                "of size %lld",
                i, (long long)b, dim_idx, (long long)dim);
    d->begin[dim_idx] = (int)x;
    d->stride[dim_idx] = 1;
    d->size[dim_idx] = 1;
    return kTfLiteOk;
  }
  /* Valid range of a resolved index: [0, dim] forward, [-1, dim-1]
   * backward. */
  int64_t lo = s > 0 ? 0 : -1, hi = s > 0 ? dim : dim - 1;
  int64_t begin, end;
  if (d->begin_mask & bit) {
    begin = s > 0 ? lo : hi;
  } else {
    begin = b < 0 ? b + dim : b;
    begin = begin < lo ? lo : (begin > hi ? hi : begin);
  }
  if (d->end_mask & bit) {
    end = s > 0 ? hi : lo;
  } else {
    if (d->offset) e += begin;
    end = e < 0 ? e + dim : e;
    end = end < lo ? lo : (end > hi ? hi : end);
  }
  int64_t interval = end - begin, size;
  if (interval == 0 || (interval < 0) != (s < 0))
    size = 0;
  else
    size = interval / s + (interval % s != 0);
  d->begin[dim_idx] = size > 0 ? (int)begin : 0;
  d->stride[dim_idx] = s;
  d->size[dim_idx] = (int)size;
  return kTfLiteOk;
}

/* Expands the spec over the input dims and sets the output shape. */
static TfLiteStatus ss_plan(TfLiteContext *ctx, TfLiteNode *node) {
  ss_data *d = (ss_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *bt = kern_input(ctx, node, 1);
  const TfLiteTensor *et = kern_input(ctx, node, 2);
  const TfLiteTensor *st = kern_input(ctx, node, 3);
  int rank = kern_ndims(in);
  int n = (int)kern_num_elements(bt);
  int out_dims[KERN_MAX_DIMS];
  int out_rank = 0, full = 0;
  for (int i = 0; i < n; i++) {
    uint32_t bit = (uint32_t)1 << i;
    if (d->ellipsis_mask & bit) {
      /* Full dims up to where the entries after the ellipsis begin. */
      int after = 0;
      for (int j = i + 1; j < n; j++)
        if (!(d->new_axis_mask & ((uint32_t)1 << j))) after++;
      for (; full < rank - after; full++) {
        KERN_ENSURE(ctx, out_rank < KERN_MAX_DIMS,
                    "output rank is above the supported %d", KERN_MAX_DIMS);
        d->begin[full] = 0;
        d->stride[full] = 1;
        d->size[full] = kern_dim(in, full);
        out_dims[out_rank++] = kern_dim(in, full);
      }
    } else if (d->new_axis_mask & bit) {
      KERN_ENSURE(ctx, out_rank < KERN_MAX_DIMS,
                  "output rank is above the supported %d", KERN_MAX_DIMS);
      out_dims[out_rank++] = 1;
    } else {
      KERN_ENSURE(ctx, full < rank,
                  "the slice spec indexes more dimensions than the input's "
                  "%d",
                  rank);
      KERN_OK(ss_dim(
          ctx, d, i, full, kern_dim(in, full), kern_read_index(bt, (size_t)i),
          kern_read_index(et, (size_t)i), kern_read_index(st, (size_t)i)));
      if (!(d->shrink_mask & bit)) {
        KERN_ENSURE(ctx, out_rank < KERN_MAX_DIMS,
                    "output rank is above the supported %d", KERN_MAX_DIMS);
        out_dims[out_rank++] = d->size[full];
      }
      full++;
    }
  }
  for (; full < rank; full++) { /* implicit trailing full dims */
    KERN_ENSURE(ctx, out_rank < KERN_MAX_DIMS,
                "output rank is above the supported %d", KERN_MAX_DIMS);
    d->begin[full] = 0;
    d->stride[full] = 1;
    d->size[full] = kern_dim(in, full);
    out_dims[out_rank++] = kern_dim(in, full);
  }
  return kern_resize_output(ctx, kern_output(ctx, node, 0), out_dims, out_rank);
}

static TfLiteStatus ss_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  ss_data *d = (ss_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_OK(kern_check_arity(ctx, node, 4, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *bt = kern_input(ctx, node, 1);
  const TfLiteTensor *et = kern_input(ctx, node, 2);
  const TfLiteTensor *st = kern_input(ctx, node, 3);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank <= KERN_MAX_DIMS,
              "input rank %d is above the supported %d", rank, KERN_MAX_DIMS);
  KERN_OK(kern_check_index_vector(ctx, bt, "begin input", 0, -1));
  int n = (int)kern_num_elements(bt);
  KERN_ENSURE(ctx, n <= 32, "begin has %d entries, at most 32 are supported",
              n);
  KERN_OK(kern_check_index_vector(ctx, et, "end input", 0, n));
  KERN_OK(kern_check_index_vector(ctx, st, "strides input", 0, n));
  const tflc_options_ref *o = kern_options(node);
  /* Bits past the spec's length do not refer to anything. */
  uint32_t keep = n >= 32 ? 0xffffffffu : (((uint32_t)1 << n) - 1);
  d->begin_mask = (uint32_t)opt_i32(o, SS_OPT_BEGIN_MASK, 0) & keep;
  d->end_mask = (uint32_t)opt_i32(o, SS_OPT_END_MASK, 0) & keep;
  d->ellipsis_mask = (uint32_t)opt_i32(o, SS_OPT_ELLIPSIS_MASK, 0) & keep;
  d->new_axis_mask = (uint32_t)opt_i32(o, SS_OPT_NEW_AXIS_MASK, 0) & keep;
  d->shrink_mask = (uint32_t)opt_i32(o, SS_OPT_SHRINK_AXIS_MASK, 0) & keep;
  d->offset = opt_bool(o, SS_OPT_OFFSET, false);
  KERN_ENSURE(ctx, (d->ellipsis_mask & (d->ellipsis_mask - 1)) == 0,
              "ellipsis_mask 0x%x has more than one bit set",
              (unsigned)d->ellipsis_mask);
  if (!kern_is_constant(bt) || !kern_is_constant(et) || !kern_is_constant(st)) {
    kern_set_dynamic(out);
    return kTfLiteOk;
  }
  return ss_plan(ctx, node);
}

static TfLiteStatus ss_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const ss_data *d = (const ss_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic) KERN_OK(ss_plan(ctx, node));
  if (kern_num_elements(out) == 0) return kTfLiteOk;
  int rank = kern_ndims(in);
  size_t elem = kern_type_bytes(in->type);
  ptrdiff_t row[KERN_MAX_DIMS], strides[KERN_MAX_DIMS];
  kern_row_strides(in->dims->data, rank, row);
  ptrdiff_t offset = 0;
  for (int i = 0; i < rank; i++) {
    offset += (ptrdiff_t)d->begin[i] * row[i];
    /* A dim of size 1 takes no step: its stride never matters. */
    strides[i] = d->size[i] > 1 ? (ptrdiff_t)d->stride[i] * row[i] : 0;
  }
  kern_strided_copy(
      out->data.raw,
      (const uint8_t *)in->data.raw_const + offset * (ptrdiff_t)elem, strides,
      elem, rank, d->size);
  return kTfLiteOk;
}

const TfLiteRegistration kern_strided_slice = {
    .init = ss_init,
    .prepare = ss_prepare,
    .invoke = ss_invoke,
    .builtin_code = TFLC_OP_STRIDED_SLICE,
    .version = 1,
};
