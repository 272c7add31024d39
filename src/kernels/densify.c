/* DENSIFY: the dense form of a sparse constant input (SparsityParameters,
 * see internal/sparse_tensor.h). The metadata is checked in full at prepare
 * and the output is computed there once, as a constant (when the
 * interpreter allows it; otherwise at invoke). Any fixed-size element type
 * (TensorFlow Lite: FLOAT32, INT8, FLOAT16). No options. */
#include <string.h>

#include "kernels/internal/sparse_tensor.h"
#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

typedef struct densify_data {
  sparse_plan plan;
} densify_data;

KERN_OP_DATA_INIT(densify_init, densify_data)

static TfLiteStatus densify_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  densify_data *d = (densify_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_OK(kern_check_single_io(ctx, node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  const tflc_sparsity_def *s = sparse_def(in);
  KERN_ENSURE(ctx, s != NULL && kern_is_constant(in),
              "input '%s' must be a sparse constant tensor",
              in->name ? in->name : "");
  size_t elem = kern_type_bytes(in->type);
  KERN_ENSURE(ctx, elem > 0, "input type %s is not supported",
              kern_type_name(in->type));
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  char err[256];
  KERN_ENSURE(ctx,
              sparse_check(s, in->dims->data, kern_ndims(in), elem, in->bytes,
                           &d->plan, err, sizeof err) == 0,
              "sparse tensor '%s': %s", in->name ? in->name : "", err);
  KERN_OK(kern_resize_like(ctx, out, in));
  if (kern_make_output_constant(ctx, out))
    sparse_densify(&d->plan, s, in->data.raw_const, elem, out->data.raw);
  return kTfLiteOk;
}

static TfLiteStatus densify_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const densify_data *d = (const densify_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->allocation_type != kTfLitePersistentRo)
    sparse_densify(&d->plan, sparse_def(in), in->data.raw_const,
                   kern_type_bytes(in->type), out->data.raw);
  return kTfLiteOk;
}

const TfLiteRegistration kern_densify = {
    .init = densify_init,
    .prepare = densify_prepare,
    .invoke = densify_invoke,
    .builtin_code = TFLC_OP_DENSIFY,
    .version = 1,
};
