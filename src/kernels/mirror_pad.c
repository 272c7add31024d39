/* MIRROR_PAD: pads each dimension with a mirror image of the input by the
 * paddings input (INT32 or INT64, [rank, 2], >= 0). MirrorPadOptions mode
 * (field 0): REFLECT (0) mirrors without repeating the edge (pads <= dim-1),
 * SYMMETRIC (1) repeats it (pads <= dim). A non-constant paddings input
 * makes the output dynamic. Any fixed-size type: bytes are copied. */
#include <string.h>

#include "kernels/internal/move_checks.h"

enum { MIRROR_PAD_OPT_MODE = 0 };
enum { MIRROR_REFLECT = 0, MIRROR_SYMMETRIC = 1 };

typedef struct mirror_pad_data {
  int offset; /* 1 for REFLECT, 0 for SYMMETRIC */
  int before[KERN_MAX_DIMS];
} mirror_pad_data;

KERN_OP_DATA_INIT(mirror_pad_init, mirror_pad_data)

static TfLiteStatus mirror_pad_shape(TfLiteContext *ctx, TfLiteNode *node) {
  mirror_pad_data *d = (mirror_pad_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *pt = kern_input(ctx, node, 1);
  int rank = kern_ndims(in);
  int dims[KERN_MAX_DIMS];
  for (int i = 0; i < rank; i++) {
    int64_t b = kern_read_index(pt, (size_t)i * 2);
    int64_t a = kern_read_index(pt, (size_t)i * 2 + 1);
    int64_t dim = kern_dim(in, i), limit = dim - d->offset;
    KERN_ENSURE(ctx, b >= 0 && a >= 0 && b <= limit && a <= limit,
                "paddings of dimension %d (%lld, %lld) must be in [0, %lld] "
                "for %s mode and size %lld",
                i, (long long)b, (long long)a,
                (long long)(limit < 0 ? 0 : limit),
                d->offset ? "REFLECT" : "SYMMETRIC", (long long)dim);
    KERN_ENSURE(ctx, dim + a + b <= 0x7fffffff,
                "padded dimension %d is too large", i);
    d->before[i] = (int)b;
    dims[i] = (int)(dim + a + b);
  }
  return kern_resize_output(ctx, kern_output(ctx, node, 0), dims, rank);
}

static TfLiteStatus mirror_pad_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  mirror_pad_data *d = (mirror_pad_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_OK(kern_check_arity(ctx, node, 2, 1));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *pt = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, in, out));
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank <= KERN_MAX_DIMS,
              "input rank %d is above the supported %d", rank, KERN_MAX_DIMS);
  KERN_ENSURE(ctx, pt->type == kTfLiteInt32 || pt->type == kTfLiteInt64,
              "paddings input has type %s (INT32 or INT64 expected)",
              kern_type_name(pt->type));
  KERN_ENSURE(
      ctx,
      kern_ndims(pt) == 2 && kern_dim(pt, 0) == rank && kern_dim(pt, 1) == 2,
      "paddings must have shape [%d, 2] for a rank-%d input", rank, rank);
  int mode = opt_i8(kern_options(node), MIRROR_PAD_OPT_MODE, 0);
  KERN_ENSURE(ctx, mode == MIRROR_REFLECT || mode == MIRROR_SYMMETRIC,
              "mode %d is not supported (REFLECT = 0, SYMMETRIC = 1)", mode);
  d->offset = mode == MIRROR_REFLECT ? 1 : 0;
  if (!kern_is_constant(pt)) {
    kern_set_dynamic(out);
    return kTfLiteOk;
  }
  return mirror_pad_shape(ctx, node);
}

typedef struct mp_walk {
  const mirror_pad_data *d;
  int rank;
  size_t elem;
  const int *in_dims, *out_dims;
  size_t in_stride[KERN_MAX_DIMS]; /* bytes */
  size_t out_stride[KERN_MAX_DIMS];
} mp_walk;

/* Input index along dim k for output index o. */
static int mp_source(const mp_walk *w, int k, int o) {
  int b = w->d->before[k], n = w->in_dims[k];
  if (o < b) return b - 1 - o + w->d->offset;
  o -= b;
  if (o < n) return o;
  return n - 1 - (o - n) - w->d->offset;
}

/* Fills the output block of dim k (and below) at dst from the input block
 * at src. */
static void mp_dim(const mp_walk *w, int k, const uint8_t *src, uint8_t *dst) {
  int on = w->out_dims[k];
  if (k == w->rank - 1) {
    int b = w->d->before[k], n = w->in_dims[k];
    for (int o = 0; o < b; o++)
      memcpy(dst + (size_t)o * w->elem,
             src + (size_t)mp_source(w, k, o) * w->elem, w->elem);
    memcpy(dst + (size_t)b * w->elem, src, (size_t)n * w->elem);
    for (int o = b + n; o < on; o++)
      memcpy(dst + (size_t)o * w->elem,
             src + (size_t)mp_source(w, k, o) * w->elem, w->elem);
    return;
  }
  for (int o = 0; o < on; o++)
    /* Analyzer false positive: in_stride is set for every k < rank (rank is
     * never negative) */
    /* NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult) */
    mp_dim(w, k + 1, src + (size_t)mp_source(w, k, o) * w->in_stride[k],
           dst + (size_t)o * w->out_stride[k]);
}

static TfLiteStatus mirror_pad_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const mirror_pad_data *d = (const mirror_pad_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic)
    KERN_OK(mirror_pad_shape(ctx, node));
  if (kern_num_elements(out) == 0) return kTfLiteOk;
  mp_walk w;
  w.d = d;
  w.rank = kern_ndims(in);
  w.elem = kern_type_bytes(in->type);
  if (w.rank == 0) {
    memcpy(out->data.raw, in->data.raw_const, w.elem);
    return kTfLiteOk;
  }
  w.in_dims = in->dims->data;
  w.out_dims = out->dims->data;
  size_t is = w.elem, os = w.elem;
  for (int k = w.rank - 1; k >= 0; k--) {
    w.in_stride[k] = is;
    w.out_stride[k] = os;
    is *= (size_t)w.in_dims[k];
    /* Analyzer false positive: the output was resized to the input's rank, so
     * out_dims is set */
    /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
    os *= (size_t)w.out_dims[k];
  }
  mp_dim(&w, 0, (const uint8_t *)in->data.raw_const, (uint8_t *)out->data.raw);
  return kTfLiteOk;
}

const TfLiteRegistration kern_mirror_pad = {
    .init = mirror_pad_init,
    .prepare = mirror_pad_prepare,
    .invoke = mirror_pad_invoke,
    .builtin_code = TFLC_OP_MIRROR_PAD,
    .version = 1,
};
