/* TfLiteIntArray / TfLiteFloatArray helpers, type names and sizes, and the
 * TfLiteTensor accessors of the C API. */
#include <string.h>

#include "base/allocator.h"
#include "core/interp_internal.h"
#include "schema/schema_enums.h"

TfLiteIntArray *TfLiteIntArrayCreate(int size) {
  if (size < 0) return NULL;
  TfLiteIntArray *a =
      tflc_alloc(NULL, sizeof(TfLiteIntArray) + sizeof(int) * (size_t)size);
  if (a) a->size = size;
  return a;
}

TfLiteIntArray *TfLiteIntArrayCopy(const TfLiteIntArray *src) {
  if (!src) return NULL;
  TfLiteIntArray *a = TfLiteIntArrayCreate(src->size);
  if (a) memcpy(a->data, src->data, sizeof(int) * (size_t)src->size);
  return a;
}

void TfLiteIntArrayFree(TfLiteIntArray *a) { tflc_free(NULL, a); }

int TfLiteIntArrayEqual(const TfLiteIntArray *a, const TfLiteIntArray *b) {
  if (a == b) return 1;
  if (!a || !b) return 0;
  return TfLiteIntArrayEqualsArray(a, b->size, b->data);
}

int TfLiteIntArrayEqualsArray(const TfLiteIntArray *a, int b_size,
                              const int b_data[]) {
  if (!a) return b_size == 0;
  if (a->size != b_size) return 0;
  for (int i = 0; i < b_size; i++)
    if (a->data[i] != b_data[i]) return 0;
  return 1;
}

TfLiteFloatArray *TfLiteFloatArrayCreate(int size) {
  if (size < 0) return NULL;
  TfLiteFloatArray *a =
      tflc_alloc(NULL, sizeof(TfLiteFloatArray) + sizeof(float) * (size_t)size);
  if (a) a->size = size;
  return a;
}

void TfLiteFloatArrayFree(TfLiteFloatArray *a) { tflc_free(NULL, a); }

const char *TfLiteTypeGetName(TfLiteType type) {
  switch (type) {
    case kTfLiteNoType: return "NOTYPE";
    case kTfLiteFloat32: return "FLOAT32";
    case kTfLiteInt32: return "INT32";
    case kTfLiteUInt8: return "UINT8";
    case kTfLiteInt64: return "INT64";
    case kTfLiteString: return "STRING";
    case kTfLiteBool: return "BOOL";
    case kTfLiteInt16: return "INT16";
    case kTfLiteComplex64: return "COMPLEX64";
    case kTfLiteInt8: return "INT8";
    case kTfLiteFloat16: return "FLOAT16";
    case kTfLiteFloat64: return "FLOAT64";
    case kTfLiteComplex128: return "COMPLEX128";
    case kTfLiteUInt64: return "UINT64";
    case kTfLiteResource: return "RESOURCE";
    case kTfLiteVariant: return "VARIANT";
    case kTfLiteUInt32: return "UINT32";
    case kTfLiteUInt16: return "UINT16";
    case kTfLiteInt4: return "INT4";
    case kTfLiteBFloat16: return "BFLOAT16";
  }
  return "UNKNOWN";
}

size_t tflc_type_size(TfLiteType type) {
  switch (type) {
    case kTfLiteFloat32:
    case kTfLiteInt32:
    case kTfLiteUInt32: return 4;
    case kTfLiteUInt8:
    case kTfLiteInt8:
    case kTfLiteBool: return 1;
    case kTfLiteInt64:
    case kTfLiteUInt64:
    case kTfLiteFloat64:
    case kTfLiteComplex64: return 8;
    case kTfLiteComplex128: return 16;
    case kTfLiteInt16:
    case kTfLiteUInt16:
    case kTfLiteFloat16:
    case kTfLiteBFloat16: return 2;
    case kTfLiteResource: return 4; /* resource handles are int32 ids */
    default: return 0;
  }
}

TfLiteType tflc_type_from_schema(int8_t t) {
  switch (t) {
    case TFLC_TT_FLOAT32: return kTfLiteFloat32;
    case TFLC_TT_FLOAT16: return kTfLiteFloat16;
    case TFLC_TT_INT32: return kTfLiteInt32;
    case TFLC_TT_UINT8: return kTfLiteUInt8;
    case TFLC_TT_INT64: return kTfLiteInt64;
    case TFLC_TT_STRING: return kTfLiteString;
    case TFLC_TT_BOOL: return kTfLiteBool;
    case TFLC_TT_INT16: return kTfLiteInt16;
    case TFLC_TT_COMPLEX64: return kTfLiteComplex64;
    case TFLC_TT_INT8: return kTfLiteInt8;
    case TFLC_TT_FLOAT64: return kTfLiteFloat64;
    case TFLC_TT_COMPLEX128: return kTfLiteComplex128;
    case TFLC_TT_UINT64: return kTfLiteUInt64;
    case TFLC_TT_RESOURCE: return kTfLiteResource;
    case TFLC_TT_VARIANT: return kTfLiteVariant;
    case TFLC_TT_UINT32: return kTfLiteUInt32;
    case TFLC_TT_UINT16: return kTfLiteUInt16;
    case TFLC_TT_INT4: return kTfLiteInt4;
    case TFLC_TT_BFLOAT16: return kTfLiteBFloat16;
    default: return kTfLiteNoType;
  }
}

TfLiteType TfLiteTensorType(const TfLiteTensor *t) {
  return t ? t->type : kTfLiteNoType;
}

int32_t TfLiteTensorNumDims(const TfLiteTensor *t) {
  if (!t || !t->dims) return -1;
  return t->dims->size;
}

int32_t TfLiteTensorDim(const TfLiteTensor *t, int32_t i) {
  if (!t || !t->dims || i < 0 || i >= t->dims->size) return -1;
  return t->dims->data[i];
}

size_t TfLiteTensorByteSize(const TfLiteTensor *t) { return t ? t->bytes : 0; }

void *TfLiteTensorData(const TfLiteTensor *t) {
  return t ? t->data.data : NULL;
}

const char *TfLiteTensorName(const TfLiteTensor *t) {
  return t && t->name ? t->name : "";
}

TfLiteQuantizationParams TfLiteTensorQuantizationParams(const TfLiteTensor *t) {
  TfLiteQuantizationParams p = {0.0f, 0};
  if (t) p = t->params;
  return p;
}

TfLiteStatus TfLiteTensorCopyFromBuffer(TfLiteTensor *t, const void *data,
                                        size_t size) {
  if (!t || (!data && size)) return kTfLiteError;
  if (t->bytes != size) return kTfLiteError;
  if (t->allocation_type == kTfLiteMmapRo) return kTfLiteError;
  if (size && !t->data.data) return kTfLiteError;
  if (size) memcpy(t->data.data, data, size);
  return kTfLiteOk;
}

TfLiteStatus TfLiteTensorCopyToBuffer(const TfLiteTensor *t, void *data,
                                      size_t size) {
  if (!t || (!data && size)) return kTfLiteError;
  if (t->bytes != size) return kTfLiteError;
  if (size && !t->data.data) return kTfLiteError;
  if (size) memcpy(data, t->data.data, size);
  return kTfLiteOk;
}
