/* PACK: stacks values_count inputs of one shape along a new axis.
 * PackOptions: values_count (field 0, must equal the number of inputs), axis
 * (field 1, in [-rank-1, rank]; negative counts from the end of the output).
 * Any fixed-size type; quantized inputs must share the output's scale and
 * zero point (as TensorFlow Lite requires). */
#include "kernels/internal/move_checks.h"
#include "kernels/internal/strided_copy.h"

enum { PACK_OPT_VALUES_COUNT = 0, PACK_OPT_AXIS = 1 };

typedef struct pack_data {
  size_t outer; /* product of the input dims before axis */
  size_t inner; /* product of the input dims from axis on */
} pack_data;

KERN_OP_DATA_INIT(pack_init, pack_data)

static TfLiteStatus pack_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  pack_data *d = (pack_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  const tflc_options_ref *o = kern_options(node);
  int n = opt_i32(o, PACK_OPT_VALUES_COUNT, 0);
  KERN_ENSURE(ctx, n >= 1, "values_count must be at least 1, got %d", n);
  KERN_ENSURE(ctx, n <= 0x7fffffff / 2, "values_count %d is too large", n);
  KERN_OK(kern_check_arity(ctx, node, n, 1));
  const TfLiteTensor *first = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(kern_check_move_types(ctx, first, out));
  int rank = kern_ndims(first);
  KERN_ENSURE(ctx, rank < KERN_MAX_DIMS,
              "input rank %d is above the supported %d", rank,
              KERN_MAX_DIMS - 1);
  int axis = opt_i32(o, PACK_OPT_AXIS, 0);
  KERN_ENSURE(ctx, axis >= -rank - 1 && axis <= rank,
              "axis %d is out of range [%d, %d] for inputs of rank %d", axis,
              -rank - 1, rank, rank);
  if (axis < 0) axis += rank + 1;
  for (int k = 0; k < n; k++) {
    const TfLiteTensor *t = kern_input(ctx, node, k);
    KERN_ENSURE(ctx, t->type == first->type,
                "input %d has type %s, input 0 has %s", k,
                kern_type_name(t->type), kern_type_name(first->type));
    KERN_ENSURE(ctx, TfLiteIntArrayEqual(t->dims, first->dims),
                "input %d has another shape than input 0", k);
    if (kern_is_quantized_type(t->type))
      KERN_ENSURE(ctx, kern_same_quant(t, out),
                  "input %d and the output have different quantization "
                  "parameters",
                  k);
  }
  int dims[KERN_MAX_DIMS];
  d->outer = 1;
  d->inner = 1;
  for (int i = 0, k = 0; i <= rank; i++) {
    if (i == axis) {
      dims[i] = n;
      continue;
    }
    dims[i] = kern_dim(first, k++);
    if (i < axis)
      d->outer *= (size_t)dims[i];
    else
      d->inner *= (size_t)dims[i];
  }
  return kern_resize_output(ctx, out, dims, rank + 1);
}

static TfLiteStatus pack_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const pack_data *d = (const pack_data *)node->user_data;
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int n = kern_num_inputs(node);
  if (kern_num_elements(out) == 0) return kTfLiteOk;
  size_t elem = kern_type_bytes(out->type);
  /* Input k fills out[o, k, :] for every outer index o. */
  int dims[2] = {(int)d->outer, (int)d->inner};
  ptrdiff_t src_strides[2] = {(ptrdiff_t)d->inner, 1};
  ptrdiff_t dst_strides[2] = {(ptrdiff_t)(d->inner * (size_t)n), 1};
  for (int k = 0; k < n; k++) {
    const TfLiteTensor *t = kern_input(ctx, node, k);
    kern_strided_copy2((uint8_t *)out->data.raw + (size_t)k * d->inner * elem,
                       dst_strides, t->data.raw_const, src_strides, elem, 2,
                       dims);
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_pack = {
    .init = pack_init,
    .prepare = pack_prepare,
    .invoke = pack_invoke,
    .builtin_code = TFLC_OP_PACK,
    .version = 1,
};
