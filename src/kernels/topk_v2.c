/* TOPK_V2: the k largest values along the last dimension of the input, in
 * decreasing order (output 0, the input's type), and their positions
 * (output 1, int32); equal values keep the lower index first. k is the
 * int32 scalar second input, 0 <= k <= last dimension. float32, int32,
 * int64, int8, uint8. A constant k sets the output shapes at prepare;
 * otherwise both outputs are dynamic and shaped at invoke. */
#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

static TfLiteStatus topk_resize(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *k_in = kern_input(ctx, node, 1);
  int rank = kern_ndims(in);
  int32_t k = k_in->data.i32[0];
  int last = kern_dim(in, rank - 1);
  KERN_ENSURE(ctx, k >= 0, "k %d is negative", (int)k);
  KERN_ENSURE(ctx, k <= last, "k %d is larger than the last dimension %d",
              (int)k, last);
  int dims[KERN_MAX_DIMS];
  for (int i = 0; i < rank - 1; i++) dims[i] = kern_dim(in, i);
  dims[rank - 1] = k;
  KERN_OK(kern_resize_output(ctx, kern_output(ctx, node, 0), dims, rank));
  return kern_resize_output(ctx, kern_output(ctx, node, 1), dims, rank);
}

static TfLiteStatus topk_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 2, "expected 2 outputs, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *k = kern_input(ctx, node, 1);
  TfLiteTensor *values = kern_output(ctx, node, 0);
  TfLiteTensor *indices = kern_output(ctx, node, 1);
  KERN_ENSURE(ctx, in != NULL, "input 0 is missing");
  KERN_ENSURE(ctx, k != NULL, "k input is missing");
  KERN_ENSURE(ctx, values != NULL, "values output is missing");
  KERN_ENSURE(ctx, indices != NULL, "indices output is missing");
  switch (in->type) {
    case kTfLiteFloat32:
    case kTfLiteInt32:
    case kTfLiteInt64:
    case kTfLiteInt8:
    case kTfLiteUInt8: break;
    default:
      KERN_ENSURE(ctx, 0,
                  "input type %s is not supported (FLOAT32, INT32, INT64, "
                  "INT8, UINT8)",
                  kern_type_name(in->type));
  }
  KERN_ENSURE(ctx, values->type == in->type,
              "values output type %s differs from input type %s",
              kern_type_name(values->type), kern_type_name(in->type));
  KERN_ENSURE(ctx, indices->type == kTfLiteInt32,
              "indices output type %s is not supported (INT32)",
              kern_type_name(indices->type));
  KERN_ENSURE(ctx, k->type == kTfLiteInt32,
              "k type %s is not supported (INT32)", kern_type_name(k->type));
  KERN_ENSURE(ctx, kern_num_elements(k) == 1,
              "k must have exactly one element, got %zu", kern_num_elements(k));
  KERN_ENSURE(ctx, kern_ndims(in) >= 1, "input must have rank >= 1");
  KERN_ENSURE(ctx, kern_ndims(in) <= KERN_MAX_DIMS,
              "input rank %d is above the supported %d", kern_ndims(in),
              KERN_MAX_DIMS);
  if (kern_is_constant(k)) return topk_resize(ctx, node);
  kern_set_dynamic(values);
  kern_set_dynamic(indices);
  return kTfLiteOk;
}

/* Per row: an insertion into the sorted top list kept in the outputs. A
 * later element enters before an existing one only when strictly larger,
 * so equal values keep the lower index first. */
#define TOPK_ROWS(T, DATA)                           \
  do {                                               \
    const T *x = (const T *)in->data.DATA;           \
    T *ov = (T *)values->data.DATA;                  \
    for (size_t r = 0; r < rows; r++) {              \
      const T *row = x + r * (size_t)n;              \
      T *rv = ov + r * (size_t)k;                    \
      int32_t *ri = oi + r * (size_t)k;              \
      int have = 0;                                  \
      for (int c = 0; c < n; c++) {                  \
        T v = row[c];                                \
        if (have == k && !(v > rv[k - 1])) continue; \
        int p = have < k ? have : k - 1;             \
        while (p > 0 && v > rv[p - 1]) {             \
          rv[p] = rv[p - 1];                         \
          ri[p] = ri[p - 1];                         \
          p--;                                       \
        }                                            \
        rv[p] = v;                                   \
        ri[p] = c;                                   \
        if (have < k) have++;                        \
      }                                              \
    }                                                \
  } while (0)

static TfLiteStatus topk_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *values = kern_output(ctx, node, 0);
  TfLiteTensor *indices = kern_output(ctx, node, 1);
  if (values->allocation_type == kTfLiteDynamic ||
      indices->allocation_type == kTfLiteDynamic)
    KERN_OK(topk_resize(ctx, node));
  int rank = kern_ndims(in);
  int n = kern_dim(in, rank - 1);
  int k = kern_dim(values, rank - 1);
  if (k == 0 || kern_num_elements(values) == 0) return kTfLiteOk;
  size_t rows = kern_num_elements(in) / (size_t)n;
  int32_t *oi = indices->data.i32;
  switch (in->type) {
    case kTfLiteFloat32: TOPK_ROWS(float, f); break;
    case kTfLiteInt32: TOPK_ROWS(int32_t, i32); break;
    case kTfLiteInt64: TOPK_ROWS(int64_t, i64); break;
    case kTfLiteInt8: TOPK_ROWS(int8_t, int8); break;
    default: TOPK_ROWS(uint8_t, uint8); break;
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_topk_v2 = {
    .prepare = topk_prepare,
    .invoke = topk_invoke,
    .builtin_code = TFLC_OP_TOPK_V2,
    .version = 1,
};
