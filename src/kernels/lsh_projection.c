/* LSH_PROJECTION: locality-sensitive hashing of the rows of input 1 (rank
 * >= 1, any type: each of its dim-0 items is hashed as raw bytes) with the
 * FLOAT32 seeds of input 0 ([num_hash, num_bits], num_bits <= 32) and
 * optional FLOAT32 weights (input 2, one per item). Bit (h, b) is the sign
 * of sum_i w_i * (double)(int64)Fingerprint64(seed[h][b] bytes ++ item i
 * bytes) (> 0 gives 1), as TensorFlow Lite computes it (FarmHash, see
 * internal/farmhash.h). LSHProjectionOptions type (field 0): SPARSE (1)
 * gives [num_hash] INT32 signatures (bits packed high to low, plus
 * h * 2^num_bits, modulo 2^32), DENSE (2) gives [num_hash * num_bits] 0/1
 * values. */
#include <string.h>

#include "kernels/internal/farmhash.h"
#include "kernels/kernel_util.h"

enum { LSH_OPT_TYPE = 0 };
enum { LSH_SPARSE = 1, LSH_DENSE = 2 };

typedef struct lsh_data {
  int type;
  int scratch; /* key buffer: 4 seed bytes + one item */
  size_t key_bytes;
} lsh_data;

KERN_OP_DATA_INIT(lsh_init, lsh_data)

static TfLiteStatus lsh_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  lsh_data *d = (lsh_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  int n_in = kern_num_inputs(node);
  KERN_ENSURE(ctx, n_in == 2 || n_in == 3, "expected 2 or 3 inputs, got %d",
              n_in);
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *hash = kern_input(ctx, node, 0);
  const TfLiteTensor *in = kern_input(ctx, node, 1);
  const TfLiteTensor *weight = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, hash && in, "an input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  KERN_ENSURE(ctx, hash->type == kTfLiteFloat32 && kern_ndims(hash) == 2,
              "hash seeds must be a rank-2 FLOAT32 tensor");
  int num_hash = kern_dim(hash, 0), num_bits = kern_dim(hash, 1);
  KERN_ENSURE(ctx, num_bits <= 32,
              "%d bits per hash function; at most 32 are supported", num_bits);
  KERN_ENSURE(ctx, kern_ndims(in) >= 1, "input must have rank >= 1");
  KERN_ENSURE(ctx, in->type != kTfLiteResource && in->type != kTfLiteVariant,
              "input type %s is not supported", kern_type_name(in->type));
  if (weight) {
    KERN_ENSURE(ctx, weight->type == kTfLiteFloat32 && kern_ndims(weight) == 1,
                "weights must be a rank-1 FLOAT32 tensor");
    KERN_ENSURE(ctx, kern_dim(weight, 0) == kern_dim(in, 0),
                "%d weights for %d input items", kern_dim(weight, 0),
                kern_dim(in, 0));
  }
  KERN_ENSURE(ctx, out->type == kTfLiteInt32, "output type %s must be INT32",
              kern_type_name(out->type));
  d->type = opt_i8(kern_options(node), LSH_OPT_TYPE, 0);
  KERN_ENSURE(ctx, d->type == LSH_SPARSE || d->type == LSH_DENSE,
              "projection type %d is not supported (SPARSE 1, DENSE 2)",
              d->type);
  int items = kern_dim(in, 0);
  d->key_bytes = 4 + (items > 0 ? in->bytes / (size_t)items : 0);
  KERN_OK(ctx->RequestScratchBufferInArena(ctx, d->key_bytes, &d->scratch));
  int dims[1] = {d->type == LSH_SPARSE ? num_hash : num_hash * num_bits};
  return kern_resize_output(ctx, out, dims, 1);
}

/* Sign bit of the weighted sum of the items' fingerprints under seed. */
static int lsh_bit(const TfLiteTensor *in, const TfLiteTensor *weight,
                   float seed, uint8_t *key, size_t key_bytes) {
  double score = 0.0;
  int items = kern_dim(in, 0);
  size_t item = key_bytes - 4;
  const uint8_t *p = (const uint8_t *)in->data.raw_const;
  memcpy(key, &seed, 4);
  for (int i = 0; i < items; i++) {
    if (item) memcpy(key + 4, p + (size_t)i * item, item);
    double v = (double)(int64_t)farmhash_fingerprint64(key, key_bytes);
    score += weight ? weight->data.f[i] * v : v;
  }
  return score > 0 ? 1 : 0;
}

static TfLiteStatus lsh_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const lsh_data *d = (const lsh_data *)node->user_data;
  const TfLiteTensor *hash = kern_input(ctx, node, 0);
  const TfLiteTensor *in = kern_input(ctx, node, 1);
  const TfLiteTensor *weight = kern_input(ctx, node, 2);
  int32_t *out = kern_output(ctx, node, 0)->data.i32;
  uint8_t *key = (uint8_t *)ctx->GetScratchBuffer(ctx, d->scratch);
  KERN_ENSURE(ctx, key != NULL, "scratch buffer is missing");
  int num_hash = kern_dim(hash, 0), num_bits = kern_dim(hash, 1);
  for (int h = 0; h < num_hash; h++) {
    uint32_t sig = 0;
    for (int b = 0; b < num_bits; b++) {
      int bit = lsh_bit(in, weight,
                        hash->data.f[(size_t)h * (size_t)num_bits + (size_t)b],
                        key, d->key_bytes);
      if (d->type == LSH_DENSE)
        *out++ = bit;
      else
        sig = (sig << 1) | (uint32_t)bit;
    }
    if (d->type == LSH_SPARSE)
      *out++ = (int32_t)(uint32_t)(sig + ((uint64_t)h << num_bits));
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_lsh_projection = {
    .init = lsh_init,
    .prepare = lsh_prepare,
    .invoke = lsh_invoke,
    .builtin_code = TFLC_OP_LSH_PROJECTION,
    .version = 1,
};
