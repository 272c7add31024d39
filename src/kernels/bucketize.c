/* BUCKETIZE: for each input element, the index of its bucket among the
 * sorted BucketizeOptions boundaries (field 0, a float vector): the number of
 * boundaries <= x (so x < b[0] gives 0 and x >= b[n-1] gives n; NaN gives n).
 * Inputs FLOAT32, FLOAT64, INT32, INT64 (integers compared as float, like
 * TensorFlow Lite's comparison of an integer with a float boundary); INT32
 * output of the input's shape. Unsorted boundaries are refused at prepare. */
#include "kernels/internal/unary.h"

typedef struct bucketize_data {
  float *boundaries; /* persistent, read at prepare */
  int32_t count, cap;
} bucketize_data;

KERN_ZEROED_INIT(bucketize_init, bucketize_data)

static TfLiteStatus bucketize_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  bucketize_data *d = (bucketize_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 1, "expected 1 input, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in && out, "the input or the output is missing");
  switch (in->type) {
    case kTfLiteFloat32:
    case kTfLiteFloat64:
    case kTfLiteInt32:
    case kTfLiteInt64: break;
    default:
      KERN_ENSURE(ctx, 0,
                  "input type %s is not supported (FLOAT32, FLOAT64, INT32, "
                  "INT64)",
                  kern_type_name(in->type));
  }
  KERN_ENSURE(ctx, out->type == kTfLiteInt32,
              "output type %s is not supported (INT32)",
              kern_type_name(out->type));
  const tflc_options_ref *o = kern_options(node);
  int32_t n = opt_vec_f32(o, 0, NULL, 0);
  KERN_ENSURE(ctx, n >= 0, "BucketizeOptions boundaries are malformed");
  if (n > d->cap) {
    d->boundaries =
        ctx->AllocatePersistentBuffer(ctx, (size_t)n * sizeof(float));
    KERN_ENSURE(ctx, d->boundaries != NULL, "could not allocate %d boundaries",
                (int)n);
    d->cap = n;
  }
  d->count = n;
  if (n > 0) opt_vec_f32(o, 0, d->boundaries, n);
  for (int32_t i = 1; i < n; i++)
    KERN_ENSURE(ctx, d->boundaries[i - 1] <= d->boundaries[i],
                "boundaries must be sorted: boundaries[%d] = %g > "
                "boundaries[%d] = %g",
                (int)i - 1, (double)d->boundaries[i - 1], (int)i,
                (double)d->boundaries[i]);
  return kern_resize_like(ctx, out, in);
}

/* First i with x < b[i] (n when none); LESS(x, b) compares one element. */
#define BUCKET_SEARCH(LESS)             \
  do {                                  \
    int32_t lo = 0, hi = n;             \
    while (lo < hi) {                   \
      int32_t mid = lo + (hi - lo) / 2; \
      if (LESS)                         \
        hi = mid;                       \
      else                              \
        lo = mid + 1;                   \
    }                                   \
    y[i] = lo;                          \
  } while (0)

static TfLiteStatus bucketize_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const bucketize_data *d = (const bucketize_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t count = kern_num_elements(in);
  const float *b = d->boundaries;
  int32_t n = d->count;
  int32_t *y = out->data.i32;
  switch (in->type) {
    case kTfLiteFloat32:
      for (size_t i = 0; i < count; i++) BUCKET_SEARCH(in->data.f[i] < b[mid]);
      break;
    case kTfLiteFloat64:
      for (size_t i = 0; i < count; i++)
        BUCKET_SEARCH(in->data.f64[i] < (double)b[mid]);
      break;
    case kTfLiteInt32:
      for (size_t i = 0; i < count; i++)
        BUCKET_SEARCH((float)in->data.i32[i] < b[mid]);
      break;
    case kTfLiteInt64:
      for (size_t i = 0; i < count; i++)
        BUCKET_SEARCH((float)in->data.i64[i] < b[mid]);
      break;
    default: return kern_unary_bad_type(ctx, in);
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_bucketize = {
    .init = bucketize_init,
    .prepare = bucketize_prepare,
    .invoke = bucketize_invoke,
    .builtin_code = TFLC_OP_BUCKETIZE,
    .version = 1,
};
