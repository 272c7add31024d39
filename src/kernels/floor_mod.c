/* FLOOR_MOD: elementwise remainder of floor division, a - floor(a / b) * b,
 * with numpy-style broadcasting (up to 6-D): a non-zero result has the sign
 * of the divisor b, as in TensorFlow. FLOAT32 (fmod, then shifted by b when
 * the signs differ; a zero divisor gives NaN), INT32 and INT64 (a zero
 * divisor makes invoke fail with an error; MIN mod -1 is 0). Quantized types
 * are refused for now. */
#include <math.h>

#include "kernels/internal/elementwise.h"
#include "kernels/kernel_util.h"

static const TfLiteType floor_mod_types[] = {kTfLiteFloat32, kTfLiteInt32,
                                             kTfLiteInt64};

static inline float floor_mod_f32(float x, float y) {
  float r = fmodf(x, y);
  return (r != 0.0f && ((r < 0.0f) != (y < 0.0f))) ? r + y : r;
}

/* y != 0 (checked before the run). */
static inline int32_t floor_mod_i32(int32_t x, int32_t y) {
  if (y == -1) return 0; /* avoids the overflowing MIN % -1 */
  int32_t r = x % y;
  return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r;
}

static inline int64_t floor_mod_i64(int64_t x, int64_t y) {
  if (y == -1) return 0;
  int64_t r = x % y;
  return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r;
}

KERN_EW_ROW(floor_mod_row_f32, float, float, kern_ew_binary,
            floor_mod_f32(x, y))
KERN_EW_ROW(floor_mod_row_i32, int32_t, int32_t, kern_ew_binary,
            floor_mod_i32(x, y))
KERN_EW_ROW(floor_mod_row_i64, int64_t, int64_t, kern_ew_binary,
            floor_mod_i64(x, y))

static TfLiteStatus floor_mod_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  kern_ew_binary *d = (kern_ew_binary *)node->user_data;
  return kern_ew_binary_prepare(ctx, node, d, floor_mod_types, 3,
                                kTfLiteNoType);
}

static TfLiteStatus floor_mod_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_ew_floor_div_invoke(ctx, node, floor_mod_row_f32,
                                  floor_mod_row_i32, floor_mod_row_i64);
}

const TfLiteRegistration kern_floor_mod = {.init = kern_ew_binary_init,
                                           .prepare = floor_mod_prepare,
                                           .invoke = floor_mod_invoke};
