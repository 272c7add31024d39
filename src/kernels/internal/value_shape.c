/* Checked output shapes from input values (see value_shape.h). */
#include "kernels/internal/value_shape.h"

#include "kernels/internal/tensor_copy.h"

TfLiteStatus kern_value_shape_check(TfLiteContext *ctx, const char *what,
                                    const int64_t *dims, int rank, size_t elem,
                                    int *out) {
  KERN_ENSURE(ctx, rank >= 0 && rank <= KERN_MAX_DIMS,
              "%s: rank %d is above the supported %d", what, rank,
              KERN_MAX_DIMS);
  size_t bytes = elem ? elem : 1;
  int zero = 0;
  for (int i = 0; i < rank; i++) {
    KERN_ENSURE(ctx, dims[i] >= 0, "%s: dimension %d is negative (%lld)", what,
                i, (long long)dims[i]);
    KERN_ENSURE(ctx, dims[i] <= INT32_MAX,
                "%s: dimension %d (%lld) is too large", what, i,
                (long long)dims[i]);
    if (dims[i] == 0) zero = 1;
    out[i] = (int)dims[i];
  }
  if (zero) return kTfLiteOk;
  for (int i = 0; i < rank; i++) {
    KERN_ENSURE(ctx, bytes <= KERN_VALUE_SHAPE_MAX_BYTES / (size_t)dims[i],
                "%s: the output would exceed %zu bytes", what,
                (size_t)KERN_VALUE_SHAPE_MAX_BYTES);
    bytes *= (size_t)dims[i];
  }
  return kTfLiteOk;
}

TfLiteStatus kern_value_shape_resize(TfLiteContext *ctx, TfLiteTensor *t,
                                     const char *what, const int64_t *dims,
                                     int rank) {
  int shape[KERN_MAX_DIMS];
  KERN_OK(kern_value_shape_check(ctx, what, dims, rank,
                                 kern_type_bytes(t->type), shape));
  return kern_resize_output(ctx, t, shape, rank);
}
