/* StableHLO elementwise binary kernels: prepare checks and the loops (see
 * stablehlo_ew.h). */
#include "kernels/internal/stablehlo_ew.h"

#include <stdbool.h>

#include "base/fp16.h"

static int ew_type_ok(shlo_ew_op op, TfLiteType t) {
  switch (t) {
    case kTfLiteInt8:
    case kTfLiteInt16:
    case kTfLiteInt32: return 1;
    case kTfLiteInt64:
    case kTfLiteUInt8:
    case kTfLiteUInt16:
    case kTfLiteUInt32:
    case kTfLiteUInt64:
    case kTfLiteBool: return op != SHLO_EW_SHL;
    case kTfLiteFloat16:
    case kTfLiteFloat32:
    case kTfLiteFloat64: return op != SHLO_EW_SHL && op != SHLO_EW_AND;
    default: return 0;
  }
}

static const char *ew_types(shlo_ew_op op) {
  return op == SHLO_EW_SHL   ? SHLO_EW_SHL_TYPES
         : op == SHLO_EW_AND ? SHLO_EW_AND_TYPES
                             : SHLO_EW_ARITH_TYPES;
}

TfLiteStatus shlo_ew_prepare(TfLiteContext *ctx, TfLiteNode *node,
                             shlo_ew_op op) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, a && b && out, "an input or the output is missing");
  KERN_ENSURE(ctx, ew_type_ok(op, a->type),
              "input type %s is not supported (%s)", kern_type_name(a->type),
              ew_types(op));
  KERN_ENSURE(ctx, b->type == a->type,
              "inputs must have the same type (%s and %s)",
              kern_type_name(a->type), kern_type_name(b->type));
  KERN_ENSURE(ctx, out->type == a->type,
              "output type %s must be the input type %s",
              kern_type_name(out->type), kern_type_name(a->type));
  int same = kern_ndims(a) == kern_ndims(b);
  for (int i = 0; same && i < kern_ndims(a); i++)
    same = kern_dim(a, i) == kern_dim(b, i);
  KERN_ENSURE(ctx, same,
              "inputs must have the same shape (StableHLO does not broadcast)");
  return kern_resize_like(ctx, out, a);
}

/* x << y in BITS-bit two's complement; 0 for y < 0 or y >= BITS (only
 * INT8, INT16 and INT32 reach it). */
static inline uint32_t ew_shl(int32_t x, int32_t y, int bits) {
  return y < 0 || y >= bits ? 0u : (uint32_t)x << y;
}

#define EW_LOOP(T, EXPR)                        \
  do {                                          \
    const T *x_ = (const T *)a->data.raw_const; \
    const T *y_ = (const T *)b->data.raw_const; \
    T *o_ = (T *)out->data.raw;                 \
    for (size_t i = 0; i < n; i++) {            \
      const T x = x_[i], y = y_[i];             \
      o_[i] = (EXPR);                           \
    }                                           \
  } while (0)

/* Integer ops with wrapping arithmetic in the unsigned type UT. */
#define EW_INT(T, UT, BITS)                                        \
  do {                                                             \
    switch (op) {                                                  \
      case SHLO_EW_ADD: EW_LOOP(T, (T)(UT)((UT)x + (UT)y)); break; \
      case SHLO_EW_MUL: EW_LOOP(T, (T)(UT)((UT)x * (UT)y)); break; \
      case SHLO_EW_MAX: EW_LOOP(T, x < y ? y : x); break;          \
      case SHLO_EW_MIN: EW_LOOP(T, y < x ? y : x); break;          \
      case SHLO_EW_AND: EW_LOOP(T, (T)(x & y)); break;             \
      case SHLO_EW_SHL:                                            \
        EW_LOOP(T, (T)ew_shl((int32_t)x, (int32_t)y, BITS));       \
        break;                                                     \
    }                                                              \
  } while (0)

#define EW_FLOAT(T)                                       \
  do {                                                    \
    switch (op) {                                         \
      case SHLO_EW_ADD: EW_LOOP(T, x + y); break;         \
      case SHLO_EW_MUL: EW_LOOP(T, x *y); break;          \
      case SHLO_EW_MAX: EW_LOOP(T, x < y ? y : x); break; \
      case SHLO_EW_MIN: EW_LOOP(T, y < x ? y : x); break; \
      default: break;                                     \
    }                                                     \
  } while (0)

static float ew_f32(shlo_ew_op op, float x, float y) {
  switch (op) {
    case SHLO_EW_ADD: return x + y;
    case SHLO_EW_MUL: return x * y;
    case SHLO_EW_MAX: return x < y ? y : x;
    default: return y < x ? y : x;
  }
}

TfLiteStatus shlo_ew_invoke(TfLiteContext *ctx, TfLiteNode *node,
                            shlo_ew_op op) {
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t n = kern_num_elements(out);
  switch (a->type) {
    case kTfLiteInt8: EW_INT(int8_t, uint32_t, 8); break;
    case kTfLiteInt16: EW_INT(int16_t, uint32_t, 16); break;
    case kTfLiteInt32: EW_INT(int32_t, uint32_t, 32); break;
    case kTfLiteInt64: EW_INT(int64_t, uint64_t, 64); break;
    case kTfLiteUInt8: EW_INT(uint8_t, uint32_t, 8); break;
    case kTfLiteUInt16: EW_INT(uint16_t, uint32_t, 16); break;
    case kTfLiteUInt32: EW_INT(uint32_t, uint32_t, 32); break;
    case kTfLiteUInt64: EW_INT(uint64_t, uint64_t, 64); break;
    case kTfLiteFloat32: EW_FLOAT(float); break;
    case kTfLiteFloat64: EW_FLOAT(double); break;
    case kTfLiteFloat16: {
      const uint16_t *x = a->data.f16, *y = b->data.f16;
      uint16_t *o = out->data.f16;
      for (size_t i = 0; i < n; i++)
        o[i] = tflc_f32_to_fp16(
            ew_f32(op, tflc_fp16_to_f32(x[i]), tflc_fp16_to_f32(y[i])));
      break;
    }
    case kTfLiteBool: {
      int is_or = op == SHLO_EW_ADD || op == SHLO_EW_MAX;
      if (is_or)
        EW_LOOP(bool, x || y);
      else
        EW_LOOP(bool, x &&y);
      break;
    }
    default:
      KERN_ENSURE(ctx, 0, "input type %s is not supported",
                  kern_type_name(a->type));
  }
  return kTfLiteOk;
}
