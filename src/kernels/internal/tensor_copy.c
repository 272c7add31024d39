/* Helpers of the data-movement kernels (see tensor_copy.h). */
#include "kernels/internal/tensor_copy.h"

#include <string.h>

size_t kern_type_bytes(TfLiteType type) {
  switch (type) {
    case kTfLiteBool:
    case kTfLiteInt8:
    case kTfLiteUInt8: return 1;
    case kTfLiteInt16:
    case kTfLiteUInt16:
    case kTfLiteFloat16:
    case kTfLiteBFloat16: return 2;
    case kTfLiteFloat32:
    case kTfLiteInt32:
    case kTfLiteUInt32: return 4;
    case kTfLiteInt64:
    case kTfLiteUInt64:
    case kTfLiteFloat64:
    case kTfLiteComplex64: return 8;
    case kTfLiteComplex128: return 16;
    default: return 0;
  }
}

void kern_fill_elems(void *dst, const void *value, size_t elem, size_t n) {
  if (n == 0 || elem == 0) return;
  const uint8_t *v = (const uint8_t *)value;
  int uniform = 1;
  for (size_t i = 1; i < elem; i++) {
    if (v[i] != v[0]) {
      uniform = 0;
      break;
    }
  }
  if (uniform) {
    memset(dst, v[0], elem * n);
    return;
  }
  /* Copy the value once, then double the filled prefix. */
  uint8_t *d = (uint8_t *)dst;
  size_t total = elem * n;
  memcpy(d, v, elem);
  size_t done = elem;
  while (done < total) {
    size_t chunk = done < total - done ? done : total - done;
    memcpy(d + done, d, chunk);
    done += chunk;
  }
}

int64_t kern_read_index(const TfLiteTensor *t, size_t i) {
  if (t->type == kTfLiteInt64) return t->data.i64[i];
  return t->data.i32[i];
}

int kern_is_quantized_type(TfLiteType type) {
  return type == kTfLiteInt8 || type == kTfLiteUInt8 || type == kTfLiteInt16;
}

int kern_quant_params(const TfLiteTensor *t, float *scale,
                      int32_t *zero_point) {
  if (t->quantization.type == kTfLiteAffineQuantization &&
      t->quantization.params != NULL) {
    const TfLiteAffineQuantization *q =
        (const TfLiteAffineQuantization *)t->quantization.params;
    if (q->scale != NULL && q->scale->size > 0) {
      *scale = q->scale->data[0];
      *zero_point = (q->zero_point != NULL && q->zero_point->size > 0)
                        ? q->zero_point->data[0]
                        : 0;
      return q->scale->size;
    }
  }
  *scale = t->params.scale;
  *zero_point = t->params.zero_point;
  return t->params.scale != 0.0f ? 1 : 0;
}

int kern_same_quant(const TfLiteTensor *a, const TfLiteTensor *b) {
  float sa, sb;
  int32_t za, zb;
  kern_quant_params(a, &sa, &za);
  kern_quant_params(b, &sb, &zb);
  return sa == sb && za == zb;
}
