/* The TensorFlow Lite C types shared by the public API and by kernels:
 * status codes, tensor types, TfLiteTensor, TfLiteNode, TfLiteContext and
 * TfLiteRegistration. Names and enum values follow TensorFlow Lite's
 * documented C API so that programs (and custom ops) written for it compile. */
#ifndef TFLC_COMMON_H
#define TFLC_COMMON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define TFL_CAPI_EXPORT __declspec(dllexport)
#else
#define TFL_CAPI_EXPORT __attribute__((visibility("default")))
#endif

typedef enum TfLiteStatus {
  kTfLiteOk = 0,
  kTfLiteError = 1,
  kTfLiteDelegateError = 2,
  kTfLiteApplicationError = 3,
  kTfLiteDelegateDataNotFound = 4,
  kTfLiteDelegateDataWriteError = 5,
  kTfLiteDelegateDataReadError = 6,
  kTfLiteUnresolvedOps = 7,
  kTfLiteCancelled = 8,
} TfLiteStatus;

typedef enum TfLiteType {
  kTfLiteNoType = 0,
  kTfLiteFloat32 = 1,
  kTfLiteInt32 = 2,
  kTfLiteUInt8 = 3,
  kTfLiteInt64 = 4,
  kTfLiteString = 5,
  kTfLiteBool = 6,
  kTfLiteInt16 = 7,
  kTfLiteComplex64 = 8,
  kTfLiteInt8 = 9,
  kTfLiteFloat16 = 10,
  kTfLiteFloat64 = 11,
  kTfLiteComplex128 = 12,
  kTfLiteUInt64 = 13,
  kTfLiteResource = 14,
  kTfLiteVariant = 15,
  kTfLiteUInt32 = 16,
  kTfLiteUInt16 = 17,
  kTfLiteInt4 = 18,
  kTfLiteBFloat16 = 19,
} TfLiteType;

/* Name of a type ("FLOAT32", "INT8", ...). */
TFL_CAPI_EXPORT extern const char *TfLiteTypeGetName(TfLiteType type);

typedef struct TfLiteIntArray {
  int size;
  int data[];
} TfLiteIntArray;

typedef struct TfLiteFloatArray {
  int size;
  float data[];
} TfLiteFloatArray;

/* Legacy single scale / zero point. */
typedef struct TfLiteQuantizationParams {
  float scale;
  int32_t zero_point;
} TfLiteQuantizationParams;

typedef enum TfLiteQuantizationType {
  kTfLiteNoQuantization = 0,
  kTfLiteAffineQuantization = 1,
} TfLiteQuantizationType;

typedef struct TfLiteAffineQuantization {
  TfLiteFloatArray *scale;
  TfLiteIntArray *zero_point;
  int32_t quantized_dimension;
} TfLiteAffineQuantization;

typedef struct TfLiteQuantization {
  TfLiteQuantizationType type;
  void *params; /* TfLiteAffineQuantization* when type is affine */
} TfLiteQuantization;

typedef union TfLitePtrUnion {
  int32_t *i32;
  uint32_t *u32;
  int64_t *i64;
  uint64_t *u64;
  float *f;
  uint16_t *f16; /* IEEE half, raw bits */
  double *f64;
  char *raw;
  const char *raw_const;
  uint8_t *uint8;
  bool *b;
  int16_t *i16;
  uint16_t *ui16;
  int8_t *int8;
  void *data;
} TfLitePtrUnion;

typedef enum TfLiteAllocationType {
  kTfLiteMemNone = 0,
  kTfLiteMmapRo,            /* constant, points into the model bytes */
  kTfLiteArenaRw,           /* planned in the arena */
  kTfLiteArenaRwPersistent, /* own region, lives as long as the interpreter */
  kTfLiteDynamic,           /* heap, resized at run time */
  kTfLitePersistentRo,      /* computed once at prepare, then read only */
  kTfLiteCustom,
  kTfLiteVariantObject,
} TfLiteAllocationType;

typedef struct TfLiteSparsity TfLiteSparsity;

typedef struct TfLiteTensor {
  TfLiteType type;
  TfLitePtrUnion data;
  TfLiteIntArray *dims;
  TfLiteQuantizationParams params;
  TfLiteAllocationType allocation_type;
  size_t bytes;
  const void *allocation;
  const char *name;
  void *delegate;
  int buffer_handle;
  bool data_is_stale;
  bool is_variable;
  TfLiteQuantization quantization;
  TfLiteSparsity *sparsity;
  const TfLiteIntArray *dims_signature;
} TfLiteTensor;

typedef struct TfLiteNode {
  TfLiteIntArray *inputs; /* tensor indices, -1 = optional input omitted */
  TfLiteIntArray *outputs;
  TfLiteIntArray *intermediates;
  TfLiteIntArray *temporaries;
  void *user_data;    /* what the registration's init returned */
  void *builtin_data; /* builtins: const struct tflc_options_ref* */
  const void *custom_initial_data; /* custom ops: custom_options bytes */
  int custom_initial_data_size;
  void *delegate;
  bool might_have_side_effect;
} TfLiteNode;

typedef struct TfLiteRegistration TfLiteRegistration;

typedef struct TfLiteContext {
  size_t tensors_size;
  TfLiteTensor *tensors;
  void *impl_; /* the owning subgraph (internal) */
  /* Sets a tensor's shape (takes ownership of new_size) and re-plans. */
  TfLiteStatus (*ResizeTensor)(struct TfLiteContext *context,
                               TfLiteTensor *tensor, TfLiteIntArray *new_size);
  /* printf-style error report; the interpreter prefixes the failing node. */
  void (*ReportError)(struct TfLiteContext *context, const char *format, ...);
  /* Adds tensors_to_add tensors (for temporaries); first index in *first. */
  TfLiteStatus (*AddTensors)(struct TfLiteContext *context, int tensors_to_add,
                             int *first_new_tensor_index);
  TfLiteStatus (*GetNodeAndRegistration)(struct TfLiteContext *context,
                                         int node_index, TfLiteNode **node,
                                         TfLiteRegistration **registration);
  /* Memory that lives as long as the interpreter (init/prepare time only). */
  void *(*AllocatePersistentBuffer)(struct TfLiteContext *context,
                                    size_t bytes);
  TfLiteTensor *(*GetTensor)(const struct TfLiteContext *context,
                             int tensor_idx);
  int recommended_num_threads;
  bool allow_fp32_relax_to_fp16;
  /* Scratch memory for the node being prepared: planned in the arena, live
   * only while that node runs. Request in prepare, get in invoke. */
  TfLiteStatus (*RequestScratchBufferInArena)(struct TfLiteContext *context,
                                              size_t bytes, int *buffer_idx);
  void *(*GetScratchBuffer)(struct TfLiteContext *context, int buffer_idx);
  /* tflc: sets a tensor's shape from a plain array (no allocation by the
   * caller); what kernels use instead of ResizeTensor. */
  TfLiteStatus (*TflcResizeTensorDims)(struct TfLiteContext *context,
                                       TfLiteTensor *tensor, const int *dims,
                                       int rank);
  /* tflc: runs fn(arg, t) for t in [0, n_tasks) on the interpreter's
   * threads (SetNumThreads) and returns when all are done. Tasks must write
   * disjoint outputs so that results do not depend on the thread count. */
  void (*TflcParallelFor)(struct TfLiteContext *context, int n_tasks,
                          void (*fn)(void *arg, int task), void *arg);
  /* tflc: in prepare, turns an output (already sized) into a constant the
   * kernel fills right away (kTfLitePersistentRo), so that nodes reading it
   * can use its values in their own prepare (SHAPE, RANK). Returns
   * kTfLiteError, reporting nothing, when that is not possible (a node
   * prepared at invoke): the kernel then writes the output at invoke. */
  TfLiteStatus (*TflcMakeOutputConstant)(struct TfLiteContext *context,
                                         TfLiteTensor *tensor);
  /* tflc: gives a STRING (or other dynamic) tensor a shape and `bytes` bytes
   * of heap memory (contents undefined), e.g. to write a string buffer. */
  TfLiteStatus (*TflcResizeTensorBytes)(struct TfLiteContext *context,
                                        TfLiteTensor *tensor, const int *dims,
                                        int rank, size_t bytes);
  /* tflc: how quantized kernels round when they requantize
   * (TflcQuantizedRounding in tflc/tflc.h): 0 = TensorFlow Lite's reference
   * kernels (fixed-point multipliers, the default), 1 = XNNPACK's (float
   * scale, round to nearest even), which TensorFlow Lite uses by default on
   * CPUs. */
  int TflcQuantizedRounding;
} TfLiteContext;

struct TfLiteRegistration {
  void *(*init)(TfLiteContext *context, const char *buffer, size_t length);
  void (*free)(TfLiteContext *context, void *buffer);
  TfLiteStatus (*prepare)(TfLiteContext *context, TfLiteNode *node);
  TfLiteStatus (*invoke)(TfLiteContext *context, TfLiteNode *node);
  const char *(*profiling_string)(const TfLiteContext *context,
                                  const TfLiteNode *node);
  int32_t builtin_code;
  const char *custom_name;
  int version;
  void *registration_external;
  int32_t async_kernel;
  uint64_t inplace_operator;
};

typedef enum TfLiteFusedActivation {
  kTfLiteActNone = 0,
  kTfLiteActRelu,
  kTfLiteActReluN1To1,
  kTfLiteActRelu6,
  kTfLiteActTanh,
  kTfLiteActSignBit,
  kTfLiteActSigmoid,
} TfLiteFusedActivation;

typedef enum TfLitePadding {
  kTfLitePaddingUnknown = 0,
  kTfLitePaddingSame,
  kTfLitePaddingValid,
} TfLitePadding;

/* Helpers with TensorFlow Lite's names. */
TFL_CAPI_EXPORT extern TfLiteIntArray *TfLiteIntArrayCreate(int size);
TFL_CAPI_EXPORT extern TfLiteIntArray *TfLiteIntArrayCopy(
    const TfLiteIntArray *src);
TFL_CAPI_EXPORT extern void TfLiteIntArrayFree(TfLiteIntArray *a);
TFL_CAPI_EXPORT extern int TfLiteIntArrayEqual(const TfLiteIntArray *a,
                                               const TfLiteIntArray *b);
TFL_CAPI_EXPORT extern int TfLiteIntArrayEqualsArray(const TfLiteIntArray *a,
                                                     int b_size,
                                                     const int b_data[]);
TFL_CAPI_EXPORT extern TfLiteFloatArray *TfLiteFloatArrayCreate(int size);
TFL_CAPI_EXPORT extern void TfLiteFloatArrayFree(TfLiteFloatArray *a);

#ifdef __cplusplus
}
#endif

#endif
