/* FLOOR_DIV: elementwise floor(a / b) with numpy-style broadcasting (up to
 * 6-D). FLOAT32 (the quotient is formed in double and floored; x/0 gives
 * inf or NaN as IEEE division does), INT32 and INT64 (exact integer floor
 * division rounding toward negative infinity; a zero divisor makes invoke
 * fail with an error, MIN / -1 wraps to MIN). Quantized types are refused
 * for now. */
#include <math.h>

#include "kernels/internal/elementwise.h"
#include "kernels/kernel_util.h"

static const TfLiteType floor_div_types[] = {kTfLiteFloat32, kTfLiteInt32,
                                             kTfLiteInt64};

static inline float floor_div_f32(float x, float y) {
  return (float)floor((double)x / (double)y);
}

/* Integer floor division; y != 0 (checked before the run). */
static inline int32_t floor_div_i32(int32_t x, int32_t y) {
  if (y == -1) return (int32_t)(0u - (uint32_t)x); /* MIN / -1 wraps */
  int32_t q = x / y;
  if (x % y != 0 && ((x < 0) != (y < 0))) q--;
  return q;
}

static inline int64_t floor_div_i64(int64_t x, int64_t y) {
  if (y == -1) return (int64_t)(0u - (uint64_t)x);
  int64_t q = x / y;
  if (x % y != 0 && ((x < 0) != (y < 0))) q--;
  return q;
}

KERN_EW_ROW(floor_div_row_f32, float, float, kern_ew_binary,
            floor_div_f32(x, y))
KERN_EW_ROW(floor_div_row_i32, int32_t, int32_t, kern_ew_binary,
            floor_div_i32(x, y))
KERN_EW_ROW(floor_div_row_i64, int64_t, int64_t, kern_ew_binary,
            floor_div_i64(x, y))

static TfLiteStatus floor_div_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  kern_ew_binary *d = (kern_ew_binary *)node->user_data;
  return kern_ew_binary_prepare(ctx, node, d, floor_div_types, 3,
                                kTfLiteNoType);
}

static TfLiteStatus floor_div_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_ew_floor_div_invoke(ctx, node, floor_div_row_f32,
                                  floor_div_row_i32, floor_div_row_i64);
}

const TfLiteRegistration kern_floor_div = {.init = kern_ew_binary_init,
                                           .prepare = floor_div_prepare,
                                           .invoke = floor_div_invoke};
