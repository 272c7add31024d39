/* CAST: converts every element between FLOAT32, FLOAT16, FLOAT64, INT64,
 * INT32, INT16, INT8, UINT8, UINT16, UINT32 and BOOL (the tensor types
 * decide; CastOptions are informational). Float to integer truncates toward
 * zero and saturates to the destination's range (NaN gives 0); integer to
 * integer wraps modulo 2^bits as a C cast does; to BOOL is x != 0; from BOOL
 * is 0 or 1. */
#include <string.h>

#include "base/fp16.h"
#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

static int cast_type_ok(TfLiteType t) {
  switch (t) {
    case kTfLiteFloat32:
    case kTfLiteFloat16:
    case kTfLiteFloat64:
    case kTfLiteInt64:
    case kTfLiteInt32:
    case kTfLiteInt16:
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteUInt16:
    case kTfLiteUInt32:
    case kTfLiteBool: return 1;
    default: return 0;
  }
}

static int cast_is_float(TfLiteType t) {
  return t == kTfLiteFloat32 || t == kTfLiteFloat16 || t == kTfLiteFloat64;
}

static TfLiteStatus cast_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_check_single_io(ctx, node));
  TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  static const char *names =
      "FLOAT32, FLOAT16, FLOAT64, INT64, INT32, INT16, INT8, UINT8, UINT16, "
      "UINT32, BOOL";
  KERN_ENSURE(ctx, cast_type_ok(in->type),
              "input type %s is not supported (%s)", kern_type_name(in->type),
              names);
  KERN_ENSURE(ctx, cast_type_ok(out->type),
              "output type %s is not supported (%s)", kern_type_name(out->type),
              names);
  return kern_resize_like(ctx, out, in);
}

static double cast_read_float(const TfLiteTensor *t, size_t i) {
  switch (t->type) {
    case kTfLiteFloat16: return (double)tflc_fp16_to_f32(t->data.f16[i]);
    case kTfLiteFloat64: return t->data.f64[i];
    default: return (double)t->data.f[i];
  }
}

static int64_t cast_read_int(const TfLiteTensor *t, size_t i) {
  switch (t->type) {
    case kTfLiteInt64: return t->data.i64[i];
    case kTfLiteInt32: return t->data.i32[i];
    case kTfLiteInt16: return t->data.i16[i];
    case kTfLiteInt8: return t->data.int8[i];
    case kTfLiteUInt8: return t->data.uint8[i];
    case kTfLiteUInt16: return t->data.ui16[i];
    case kTfLiteUInt32: return t->data.u32[i];
    default: return t->data.b[i] ? 1 : 0; /* bool */
  }
}

/* Range of an integer destination type. */
static void cast_int_range(TfLiteType t, double *lo, double *hi) {
  switch (t) {
    case kTfLiteInt32:
      *lo = -2147483648.0;
      *hi = 2147483647.0;
      break;
    case kTfLiteInt16:
      *lo = -32768.0;
      *hi = 32767.0;
      break;
    case kTfLiteInt8:
      *lo = -128.0;
      *hi = 127.0;
      break;
    case kTfLiteUInt8:
      *lo = 0.0;
      *hi = 255.0;
      break;
    case kTfLiteUInt16:
      *lo = 0.0;
      *hi = 65535.0;
      break;
    case kTfLiteUInt32:
      *lo = 0.0;
      *hi = 4294967295.0;
      break;
    default:
      *lo = -9223372036854775808.0;
      *hi = 9223372036854775807.0;
      break;
  }
}

/* Truncation toward zero, saturated to [lo, hi]; NaN gives 0. */
static int64_t cast_f2i(double v, double lo, double hi) {
  if (v != v) return 0;
  if (v <= lo) return lo < -9.2e18 ? INT64_MIN : (int64_t)lo;
  if (v >= hi) return hi > 9.2e18 ? INT64_MAX : (int64_t)hi;
  return (int64_t)v;
}

static void cast_write_int(TfLiteTensor *t, size_t i, int64_t v) {
  uint64_t u = (uint64_t)v;
  switch (t->type) {
    case kTfLiteInt64: t->data.i64[i] = v; break;
    case kTfLiteInt32: t->data.i32[i] = (int32_t)(uint32_t)u; break;
    case kTfLiteInt16: t->data.i16[i] = (int16_t)(uint16_t)u; break;
    case kTfLiteInt8: t->data.int8[i] = (int8_t)(uint8_t)u; break;
    case kTfLiteUInt8: t->data.uint8[i] = (uint8_t)u; break;
    case kTfLiteUInt16: t->data.ui16[i] = (uint16_t)u; break;
    case kTfLiteUInt32: t->data.u32[i] = (uint32_t)u; break;
    default: t->data.b[i] = v != 0; break;
  }
}

static void cast_write_float(TfLiteTensor *t, size_t i, double v) {
  switch (t->type) {
    case kTfLiteFloat16: t->data.f16[i] = tflc_f32_to_fp16((float)v); break;
    case kTfLiteFloat64: t->data.f64[i] = v; break;
    default: t->data.f[i] = (float)v; break;
  }
}

static TfLiteStatus cast_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t n = kern_num_elements(in);
  if (n == 0) return kTfLiteOk;
  if (in->type == out->type) {
    memcpy(out->data.raw, in->data.raw_const, n * kern_type_bytes(in->type));
    return kTfLiteOk;
  }
  int in_f = cast_is_float(in->type), out_f = cast_is_float(out->type);
  if (in_f && out_f) {
    for (size_t i = 0; i < n; i++)
      cast_write_float(out, i, cast_read_float(in, i));
  } else if (in_f) {
    if (out->type == kTfLiteBool) {
      for (size_t i = 0; i < n; i++)
        out->data.b[i] = cast_read_float(in, i) != 0.0;
    } else {
      double lo, hi;
      cast_int_range(out->type, &lo, &hi);
      for (size_t i = 0; i < n; i++)
        cast_write_int(out, i, cast_f2i(cast_read_float(in, i), lo, hi));
    }
  } else if (out_f) {
    if (out->type == kTfLiteFloat32) {
      /* Directly, so int64 -> float32 rounds once. */
      for (size_t i = 0; i < n; i++)
        out->data.f[i] = (float)cast_read_int(in, i);
    } else {
      for (size_t i = 0; i < n; i++)
        cast_write_float(out, i, (double)cast_read_int(in, i));
    }
  } else {
    for (size_t i = 0; i < n; i++) cast_write_int(out, i, cast_read_int(in, i));
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_cast = {
    .prepare = cast_prepare,
    .invoke = cast_invoke,
    .builtin_code = TFLC_OP_CAST,
    .version = 1,
};
