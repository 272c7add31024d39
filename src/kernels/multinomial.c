/* MULTINOMIAL: draws num_samples class indices per row of logits
 * [batch, num_classes] (FLOAT32; non-finite logits have probability 0) into
 * an INT32 or INT64 output [batch, num_samples]. As TensorFlow Lite: the
 * cumulative sums of exp(logit - max) in double, one uniform double per
 * sample (two Philox words, kernels/internal/philox.h) scaled by the total,
 * the first class whose cumulative sum exceeds it (num_classes when every
 * logit is -inf); each invoke draws from a copy of the generator and then
 * skips the main one by batch * round4(num_samples) * 512 blocks. Seeds come
 * from RandomOptions (seed, seed2); 0, 0 is not reproducible. */
#include <math.h>
#include "kernels/internal/philox.h"
#include "kernels/internal/value_shape.h"

typedef struct multinomial_data {
  kern_random_data random; /* first: kern_random_reseed reads it */
  int cdf_scratch;         /* num_classes doubles */
} multinomial_data;

KERN_ZEROED_INIT(multinomial_init, multinomial_data)

static TfLiteStatus multinomial_resize(TfLiteContext *ctx,
                                       const TfLiteTensor *logits,
                                       const TfLiteTensor *ns,
                                       TfLiteTensor *out) {
  int64_t dims[2] = {kern_dim(logits, 0), ns->type == kTfLiteInt32
                                              ? ns->data.i32[0]
                                              : ns->data.i64[0]};
  KERN_ENSURE(ctx, dims[1] >= 0, "num_samples is negative (%lld)",
              (long long)dims[1]);
  return kern_value_shape_resize(ctx, out, "num_samples", dims, 2);
}

static TfLiteStatus multinomial_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  multinomial_data *d = (multinomial_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *logits = kern_input(ctx, node, 0);
  const TfLiteTensor *ns = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, logits && ns && out, "an input or the output is missing");
  KERN_ENSURE(ctx, logits->type == kTfLiteFloat32,
              "logits type %s is not supported (FLOAT32)",
              kern_type_name(logits->type));
  KERN_ENSURE(ctx, kern_ndims(logits) == 2,
              "logits must be 2-D [batch, num_classes], got rank %d",
              kern_ndims(logits));
  KERN_ENSURE(ctx, kern_dim(logits, 1) > 0, "logits has no classes");
  KERN_ENSURE(ctx, ns->type == kTfLiteInt32 || ns->type == kTfLiteInt64,
              "num_samples type %s is not supported (INT32, INT64)",
              kern_type_name(ns->type));
  KERN_ENSURE(ctx, kern_num_elements(ns) == 1 && kern_ndims(ns) <= 1,
              "num_samples must be a scalar");
  KERN_ENSURE(ctx, out->type == kTfLiteInt32 || out->type == kTfLiteInt64,
              "output type %s is not supported (INT32, INT64)",
              kern_type_name(out->type));
  kern_random_reseed(node);
  KERN_OK(ctx->RequestScratchBufferInArena(
      ctx, (size_t)kern_dim(logits, 1) * sizeof(double), &d->cdf_scratch));
  if (kern_is_constant(ns)) return multinomial_resize(ctx, logits, ns, out);
  kern_set_dynamic(out);
  return kTfLiteOk;
}

static TfLiteStatus multinomial_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  multinomial_data *d = (multinomial_data *)node->user_data;
  const TfLiteTensor *logits = kern_input(ctx, node, 0);
  const TfLiteTensor *ns = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type == kTfLiteDynamic)
    KERN_OK(multinomial_resize(ctx, logits, ns, out));
  double *cdf = ctx->GetScratchBuffer(ctx, d->cdf_scratch);
  KERN_ENSURE(ctx, cdf != NULL, "scratch buffer is missing");
  size_t batch = (size_t)kern_dim(logits, 0);
  size_t classes = (size_t)kern_dim(logits, 1);
  size_t samples = (size_t)kern_dim(out, 1);
  kern_philox rng = d->random.rng;
  kern_philox_skip(&d->random.rng,
                   (uint64_t)batch * ((samples + 3) / 4 * 4) * 2 * 256);
  uint32_t words[4];
  int used = 4;
  for (size_t b = 0; b < batch; b++) {
    const float *row = logits->data.f + b * classes;
    float max = -3.402823466e+38f;
    for (size_t i = 0; i < classes; i++)
      if (isfinite(row[i]) && row[i] > max) max = row[i];
    double total = 0.0;
    for (size_t i = 0; i < classes; i++) {
      if (isfinite(row[i])) total += exp((double)row[i] - (double)max);
      cdf[i] = total;
    }
    for (size_t s = 0; s < samples; s++) {
      if (used == 4) {
        kern_philox_next(&rng, words);
        used = 0;
      }
      double target =
          kern_philox_u64_to_double(words[used], words[used + 1]) * total;
      used += 2;
      size_t lo = 0, hi = classes; /* first i with cdf[i] > target */
      while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cdf[mid] > target)
          hi = mid;
        else
          lo = mid + 1;
      }
      if (out->type == kTfLiteInt64)
        out->data.i64[b * samples + s] = (int64_t)lo;
      else
        out->data.i32[b * samples + s] = (int32_t)lo;
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_multinomial = {
    .init = multinomial_init,
    .prepare = multinomial_prepare,
    .invoke = multinomial_invoke,
    .builtin_code = TFLC_OP_MULTINOMIAL,
    .version = 1,
};
