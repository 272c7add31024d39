/* UNIQUE: input x (1-D; FLOAT32, INT8, UINT8, INT16, INT32, INT64) -> y, the
 * distinct values of x in order of first appearance (a dynamic output,
 * shaped at invoke), and idx (INT32 or INT64, x's shape) with
 * x[i] == y[idx[i]]. UniqueOptions idx_out_type (field 0) must agree with
 * idx's type when present. Floats compare by value (-0 equals 0) and all NaNs
 * count as one value. O(n): a hash table in arena scratch planned at
 * prepare, nothing allocated at invoke. */
#include <math.h>
#include <string.h>

#include "kernels/internal/tensor_copy.h"

typedef struct unique_data {
  int scratch; /* first positions (n int32) then the table (cap int32) */
  size_t cap;  /* table slots, a power of two >= 2n (0 for n == 0) */
} unique_data;

KERN_ZEROED_INIT(unique_init, unique_data)

/* A 64-bit key per element: equal keys <=> equal values. */
static uint64_t unique_key(const TfLiteTensor *t, size_t i) {
  switch (t->type) {
    case kTfLiteFloat32: {
      float f = t->data.f[i];
      uint32_t bits;
      if (f == 0.0f) return 0;
      if (isnan(f)) return 0x7fc00000u;
      memcpy(&bits, &f, sizeof bits);
      return bits;
    }
    case kTfLiteInt8: return (uint64_t)(int64_t)t->data.int8[i];
    case kTfLiteUInt8: return t->data.uint8[i];
    case kTfLiteInt16: return (uint64_t)(int64_t)t->data.i16[i];
    case kTfLiteInt32: return (uint64_t)(int64_t)t->data.i32[i];
    default: return (uint64_t)t->data.i64[i];
  }
}

static size_t unique_hash(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  return (size_t)k;
}

static TfLiteStatus unique_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  unique_data *d = (unique_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 1, "expected 1 input, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 2,
              "expected 2 outputs (y, idx), got %d", kern_num_outputs(node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *y = kern_output(ctx, node, 0);
  TfLiteTensor *idx = kern_output(ctx, node, 1);
  KERN_ENSURE(ctx, in && y && idx, "the input or an output is missing");
  switch (in->type) {
    case kTfLiteFloat32:
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteInt16:
    case kTfLiteInt32:
    case kTfLiteInt64: break;
    default:
      KERN_ENSURE(ctx, 0,
                  "input type %s is not supported (FLOAT32, INT8, UINT8, "
                  "INT16, INT32, INT64)",
                  kern_type_name(in->type));
  }
  KERN_ENSURE(ctx, y->type == in->type, "y type %s differs from input type %s",
              kern_type_name(y->type), kern_type_name(in->type));
  KERN_ENSURE(ctx, idx->type == kTfLiteInt32 || idx->type == kTfLiteInt64,
              "idx type %s is not supported (INT32, INT64)",
              kern_type_name(idx->type));
  const tflc_options_ref *o = kern_options(node);
  if (opt_is(o, TFLC_BO_UNIQUE)) {
    int8_t t = opt_i8(o, 0, 2); /* schema TensorType: INT32 2, INT64 4 */
    KERN_ENSURE(ctx,
                (t == 2 && idx->type == kTfLiteInt32) ||
                    (t == 4 && idx->type == kTfLiteInt64),
                "idx_out_type %d does not match the idx output type %s", t,
                kern_type_name(idx->type));
  }
  KERN_ENSURE(ctx, kern_ndims(in) == 1, "input must be 1-D, got rank %d",
              kern_ndims(in));
  size_t n = kern_num_elements(in);
  d->cap = 0;
  if (n > 0) {
    size_t cap = 2;
    while (cap < 2 * n) cap *= 2;
    d->cap = cap;
    KERN_OK(ctx->RequestScratchBufferInArena(ctx, (n + cap) * sizeof(int32_t),
                                             &d->scratch));
  }
  KERN_OK(kern_resize_like(ctx, idx, in));
  kern_set_dynamic(y);
  return kTfLiteOk;
}

static TfLiteStatus unique_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const unique_data *d = (const unique_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *y = kern_output(ctx, node, 0);
  TfLiteTensor *idx = kern_output(ctx, node, 1);
  size_t n = kern_num_elements(in);
  int32_t count = 0;
  int32_t *first = NULL;
  if (n > 0) {
    first = ctx->GetScratchBuffer(ctx, d->scratch);
    KERN_ENSURE(ctx, first != NULL, "scratch buffer is missing");
    int32_t *table = first + n; /* ordinal + 1, 0 = empty */
    memset(table, 0, d->cap * sizeof(int32_t));
    size_t mask = d->cap - 1;
    for (size_t i = 0; i < n; i++) {
      uint64_t k = unique_key(in, i);
      size_t s = unique_hash(k) & mask;
      int32_t ord;
      for (;;) {
        if (table[s] == 0) {
          ord = count++;
          first[ord] = (int32_t)i;
          table[s] = ord + 1;
          break;
        }
        if (unique_key(in, (size_t)first[table[s] - 1]) == k) {
          ord = table[s] - 1;
          break;
        }
        s = (s + 1) & mask;
      }
      if (idx->type == kTfLiteInt64)
        idx->data.i64[i] = ord;
      else
        idx->data.i32[i] = ord;
    }
  }
  KERN_OK(kern_resize_output(ctx, y, &count, 1));
  size_t elem = kern_type_bytes(in->type);
  for (int32_t j = 0; j < count; j++) {
    /* Analyzer false positive: count > 0 only when the input is non-empty, and
     * then first is allocated */
    /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
    const size_t from = (size_t)first[j];
    memcpy(y->data.raw + (size_t)j * elem, in->data.raw_const + from * elem,
           elem);
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_unique = {
    .init = unique_init,
    .prepare = unique_prepare,
    .invoke = unique_invoke,
    .builtin_code = TFLC_OP_UNIQUE,
    .version = 1,
};
