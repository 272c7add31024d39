/* RESHAPE: the same elements with a new shape. The shape comes from the
 * second input (int32 or int64, 1-D) -- read at prepare when it is constant,
 * else at invoke (the output is then dynamic) --, else from ReshapeOptions
 * new_shape (field 0), else the output keeps its shape from the model; one
 * dimension may be -1 (inferred). A legacy new_shape of [0] means a scalar.
 * Any fixed-size type: only bytes are copied; STRING: the buffer is copied
 * whole (its offsets do not depend on the shape). */
#include <string.h>

#include "kernels/internal/string_util.h"
#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

enum { RESHAPE_OPT_NEW_SHAPE = 0 };

/* Resolves the one -1 of shape[0..rank) against `count` input elements and
 * checks that the element counts match. */
static TfLiteStatus reshape_resolve(TfLiteContext *ctx, int *shape, int rank,
                                    size_t count, const char *source) {
  int stretch = -1;
  size_t known = 1;
  for (int i = 0; i < rank; i++) {
    if (shape[i] == -1) {
      KERN_ENSURE(ctx, stretch < 0,
                  "%s has more than one -1 dimension (%d and %d)", source,
                  stretch, i);
      stretch = i;
    } else {
      KERN_ENSURE(ctx, shape[i] >= 0, "%s: dimension %d is %d", source, i,
                  shape[i]);
      known *= (size_t)shape[i];
    }
  }
  if (stretch >= 0) {
    KERN_ENSURE(ctx, known != 0,
                "%s: cannot infer the -1 dimension when the other dimensions "
                "have zero elements",
                source);
    KERN_ENSURE(ctx, count % known == 0,
                "%s: cannot reshape %zu elements: not a multiple of %zu",
                source, count, known);
    KERN_ENSURE(ctx, count / known <= 0x7fffffff,
                "%s: inferred dimension is too large", source);
    shape[stretch] = (int)(count / known);
    known = count;
  }
  KERN_ENSURE(ctx, known == count,
              "%s asks for %zu elements but the input has %zu", source, known,
              count);
  return kTfLiteOk;
}

typedef struct reshape_data {
  int dynamic; /* 1: the shape input is read at invoke */
} reshape_data;

KERN_OP_DATA_INIT(reshape_init, reshape_data)

/* Output shape from the values of the 1-D shape input. */
static TfLiteStatus reshape_from_tensor(TfLiteContext *ctx,
                                        const TfLiteTensor *shape_t,
                                        size_t count, TfLiteTensor *out) {
  int shape[KERN_MAX_DIMS];
  size_t n = kern_num_elements(shape_t);
  KERN_ENSURE(ctx, n <= KERN_MAX_DIMS,
              "shape input has %zu dimensions, at most %d are supported", n,
              KERN_MAX_DIMS);
  for (size_t i = 0; i < n; i++) {
    int64_t v = kern_read_index(shape_t, i);
    KERN_ENSURE(ctx, v >= -1 && v <= 0x7fffffff,
                "shape input: dimension %zu is %lld", i, (long long)v);
    shape[i] = (int)v;
  }
  KERN_OK(reshape_resolve(ctx, shape, (int)n, count, "shape input"));
  return kern_resize_output(ctx, out, shape, (int)n);
}

static TfLiteStatus reshape_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  reshape_data *d = (reshape_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  d->dynamic = 0;
  int n_in = kern_num_inputs(node);
  KERN_ENSURE(ctx, n_in == 1 || n_in == 2, "expected 1 or 2 inputs, got %d",
              n_in);
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in != NULL, "input 0 is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  KERN_ENSURE(ctx, kern_type_bytes(in->type) > 0 || in->type == kTfLiteString,
              "input type %s is not supported", kern_type_name(in->type));
  size_t count = kern_num_elements(in);

  const TfLiteTensor *shape_t = kern_input(ctx, node, 1);
  int shape_is_vector =
      shape_t != NULL && kern_ndims(shape_t) == 1 &&
      (shape_t->type == kTfLiteInt32 || shape_t->type == kTfLiteInt64);
  if (shape_is_vector) {
    KERN_ENSURE(ctx, kern_num_elements(shape_t) <= KERN_MAX_DIMS,
                "shape input has %zu dimensions, at most %d are supported",
                kern_num_elements(shape_t), KERN_MAX_DIMS);
    /* A zero-element shape (a scalar) is known even when the model stores
     * it without data. */
    if (kern_is_constant(shape_t) || kern_num_elements(shape_t) == 0)
      return reshape_from_tensor(ctx, shape_t, count, out);
    /* Known only at invoke. */
    d->dynamic = 1;
    kern_set_dynamic(out);
    return kTfLiteOk;
  }

  /* No usable shape input: ReshapeOptions new_shape. */
  int shape[KERN_MAX_DIMS];
  int32_t opt[KERN_MAX_DIMS];
  int32_t n = opt_vec_i32(kern_options(node), RESHAPE_OPT_NEW_SHAPE, opt,
                          KERN_MAX_DIMS);
  KERN_ENSURE(ctx, n >= 0, "new_shape option is malformed");
  KERN_ENSURE(ctx, n <= KERN_MAX_DIMS,
              "new_shape has %d dimensions, at most %d are supported", n,
              KERN_MAX_DIMS);
  if (n == 0) {
    /* Neither given: keep the model's output shape. */
    KERN_ENSURE(ctx, kern_num_elements(out) == count,
                "output shape has %zu elements but the input has %zu",
                kern_num_elements(out), count);
    return kTfLiteOk;
  }
  if (n == 1 && opt[0] == 0) n = 0; /* legacy: [0] means a scalar */
  for (int i = 0; i < n; i++) shape[i] = opt[i];
  KERN_OK(reshape_resolve(ctx, shape, n, count, "new_shape option"));
  return kern_resize_output(ctx, out, shape, n);
}

static TfLiteStatus reshape_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const reshape_data *d = (const reshape_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t count = kern_num_elements(in);
  if (d->dynamic)
    KERN_OK(reshape_from_tensor(ctx, kern_input(ctx, node, 1), count, out));
  if (in->type == kTfLiteString) {
    str_view v;
    KERN_OK(str_view_init(ctx, in, "input", &v));
    if (out->data.raw == in->data.raw && out->bytes == in->bytes)
      return kTfLiteOk;
    KERN_ENSURE(ctx, ctx->TflcResizeTensorBytes != NULL,
                "this interpreter cannot size STRING outputs");
    KERN_OK(ctx->TflcResizeTensorBytes(ctx, out, out->dims->data,
                                       kern_ndims(out), in->bytes));
    if (in->bytes) memcpy(out->data.raw, in->data.raw_const, in->bytes);
    return kTfLiteOk;
  }
  size_t bytes = count * kern_type_bytes(in->type);
  if (bytes > 0 && out->data.raw != in->data.raw)
    memmove(out->data.raw, in->data.raw_const, bytes);
  return kTfLiteOk;
}

const TfLiteRegistration kern_reshape = {
    .init = reshape_init,
    .prepare = reshape_prepare,
    .invoke = reshape_invoke,
    .builtin_code = TFLC_OP_RESHAPE,
    .version = 1,
};
