/* STABLEHLO_RNG_BIT_GENERATOR: fills its second output with random bits
 * and gives the advanced generator state as its first output.
 * StablehloRngBitGeneratorOptions (builtin_options_2): algorithm 0
 * (DEFAULT 0 and PHILOX 1: Philox-4x32-10; THREEFRY 2: Threefry-2x32-20).
 * Input: initial_state, UINT64 [2] (THREEFRY) or [2] / [3] (PHILOX).
 * Outputs: output_state (UINT64, the shape of initial_state) and output
 * (INT32, UINT32, INT64 or UINT64, its static shape).
 *
 * The state is used as TensorFlow Lite's kernel does, so that equal states
 * give equal bits: key = the low and high words of state[0]; counter =
 * the words of state[1] (THREEFRY: 2 words; PHILOX: then the words of
 * state[2] for a 3-element state, else those of state[0] again). Each block
 * (4 words for Philox, 2 for Threefry) fills the next output words (64-bit
 * elements take two words, low word first) and increments the first two
 * counter words as one 64-bit number. The new state holds the key and the
 * advanced first two counter words in its first two elements; a third
 * element is passed through. */
#include "kernels/internal/philox.h"
#include "kernels/internal/stablehlo_util.h"
#include "kernels/internal/threefry.h"

enum { RNG_DEFAULT = 0, RNG_PHILOX = 1, RNG_THREEFRY = 2 };

typedef struct shlo_rng_data {
  int algorithm;
} shlo_rng_data;

KERN_ZEROED_INIT(shlo_rng_init, shlo_rng_data)

static TfLiteStatus shlo_rng_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  shlo_rng_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 1,
              "expected 1 input (initial_state), got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 2,
              "expected 2 outputs (output_state, output), got %d",
              kern_num_outputs(node));
  const TfLiteTensor *state = kern_input(ctx, node, 0);
  TfLiteTensor *new_state = kern_output(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 1);
  KERN_ENSURE(ctx, state && new_state && out,
              "the input or an output is missing");
  const tflc_options_ref *o =
      shlo_options(node, TFLC_BO2_STABLEHLO_RNG_BIT_GENERATOR);
  d->algorithm = o ? opt_i8(o, 0, RNG_DEFAULT) : RNG_DEFAULT;
  KERN_ENSURE(ctx, d->algorithm >= RNG_DEFAULT && d->algorithm <= RNG_THREEFRY,
              "algorithm %d is not supported (DEFAULT 0, PHILOX 1, THREEFRY 2)",
              d->algorithm);
  KERN_ENSURE(ctx, state->type == kTfLiteUInt64 && kern_ndims(state) == 1,
              "initial_state must be a UINT64 vector (it is %s of rank %d)",
              kern_type_name(state->type), kern_ndims(state));
  int n = kern_dim(state, 0);
  if (d->algorithm == RNG_THREEFRY)
    KERN_ENSURE(ctx, n == 2,
                "THREEFRY needs an initial_state of 2 elements, not %d", n);
  else
    KERN_ENSURE(ctx, n == 2 || n == 3,
                "PHILOX needs an initial_state of 2 or 3 elements, not %d", n);
  KERN_ENSURE(ctx, new_state->type == kTfLiteUInt64,
              "output_state must be UINT64, not %s",
              kern_type_name(new_state->type));
  KERN_ENSURE(ctx,
              out->type == kTfLiteInt32 || out->type == kTfLiteUInt32 ||
                  out->type == kTfLiteInt64 || out->type == kTfLiteUInt64,
              "output type %s is not supported (INT32, UINT32, INT64, UINT64)",
              kern_type_name(out->type));
  KERN_OK(kern_resize_like(ctx, new_state, state));
  return kern_resize_like(ctx, out, out);
}

static TfLiteStatus shlo_rng_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const shlo_rng_data *d = node->user_data;
  const TfLiteTensor *state = kern_input(ctx, node, 0);
  TfLiteTensor *new_state = kern_output(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 1);
  int n_state = kern_dim(state, 0);
  uint64_t s[3] = {0, 0, 0};
  memcpy(s, state->data.raw_const, (size_t)n_state * sizeof(uint64_t));
  uint32_t key[2] = {(uint32_t)s[0], (uint32_t)(s[0] >> 32)};
  uint32_t ctr[4] = {(uint32_t)s[1], (uint32_t)(s[1] >> 32), 0, 0};
  int philox = d->algorithm != RNG_THREEFRY;
  if (philox) {
    uint64_t hi = n_state == 3 ? s[2] : s[0];
    ctr[2] = (uint32_t)hi;
    ctr[3] = (uint32_t)(hi >> 32);
  }
  size_t words =
      kern_num_elements(out) *
      (out->type == kTfLiteInt64 || out->type == kTfLiteUInt64 ? 2 : 1);
  size_t block = philox ? 4 : 2;
  char *dst = out->data.raw;
  for (size_t i = 0; i < words; i += block) {
    uint32_t w[4];
    if (philox) {
      kern_philox g;
      memcpy(g.key, key, sizeof key);
      memcpy(g.counter, ctr, sizeof ctr);
      kern_philox_next(&g, w);
    } else {
      kern_threefry2x32(key, ctr, w);
    }
    size_t m = words - i < block ? words - i : block;
    memcpy(dst + i * sizeof(uint32_t), w, m * sizeof(uint32_t));
    if (++ctr[0] == 0) ++ctr[1];
  }
  s[0] = (uint64_t)key[0] | ((uint64_t)key[1] << 32);
  s[1] = (uint64_t)ctr[0] | ((uint64_t)ctr[1] << 32);
  memcpy(new_state->data.raw, s, (size_t)n_state * sizeof(uint64_t));
  return kTfLiteOk;
}

const TfLiteRegistration kern_stablehlo_rng_bit_generator = {
    .init = shlo_rng_init,
    .prepare = shlo_rng_prepare,
    .invoke = shlo_rng_invoke,
    .builtin_code = TFLC_OP_STABLEHLO_RNG_BIT_GENERATOR,
    .version = 1,
};
