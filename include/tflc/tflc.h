/* tflc's own extensions to the TensorFlow Lite C API (prefix Tflc): a
 * caller-supplied arena, the memory plan, the last error message. */
#ifndef TFLC_TFLC_H
#define TFLC_TFLC_H

#include "tflc/c_api.h"

#ifdef __cplusplus
extern "C" {
#endif

/* All interpreter memory (structures, tensors, arena, kernel data) comes
 * from this caller-owned block; the library never calls malloc for that
 * interpreter. If it is too small, AllocateTensors (or Create) fails with a
 * message naming the size needed. The block must outlive the interpreter. */
TFL_CAPI_EXPORT extern void TflcInterpreterOptionsSetArena(
    TfLiteInterpreterOptions *options, void *arena, size_t arena_size);

/* How quantized kernels requantize their accumulators. */
typedef enum TflcQuantizedRounding {
  /* TensorFlow Lite's reference kernels: integer multiplier and shift,
   * double rounding. Bit-exact with TensorFlow Lite without XNNPACK. */
  kTflcRoundingReference = 0,
  /* XNNPACK's: accumulator * float scale, round to nearest even. What
   * TensorFlow Lite gives with its default XNNPACK delegate (and what the
   * LiteRT oracle computes). Ops without an XNNPACK form use the reference
   * rounding. */
  kTflcRoundingXnnpack = 1,
} TflcQuantizedRounding;

TFL_CAPI_EXPORT extern void TflcInterpreterOptionsSetQuantizedRounding(
    TfLiteInterpreterOptions *options, TflcQuantizedRounding rounding);

/* Bytes of the planned tensor arena of subgraph 0 (after AllocateTensors). */
TFL_CAPI_EXPORT extern size_t TflcInterpreterGetArenaSize(
    const TfLiteInterpreter *interpreter);
/* Offset of a subgraph-0 tensor in the arena, -1 when not planned there. */
TFL_CAPI_EXPORT extern int64_t TflcInterpreterGetTensorArenaOffset(
    const TfLiteInterpreter *interpreter, int tensor_index);
/* Bytes held by the interpreter in all (arena, persistent, structures). */
TFL_CAPI_EXPORT extern size_t TflcInterpreterGetMemoryUsed(
    const TfLiteInterpreter *interpreter);
/* The last error message of this interpreter ("" when none). */
TFL_CAPI_EXPORT extern const char *TflcInterpreterGetLastError(
    const TfLiteInterpreter *interpreter);
/* The last error message of a failed model load on this thread. */
TFL_CAPI_EXPORT extern const char *TflcGetLastModelError(void);

/* STRING tensors (TensorFlow Lite's buffer format: int32 count N, N + 1
 * int32 offsets from the buffer start, then the bytes). Sets tensor
 * `tensor_index` of subgraph 0 (an input, usually) to `count` strings with
 * the given shape (whose element count must be `count`). */
TFL_CAPI_EXPORT extern TfLiteStatus TflcInterpreterSetTensorStrings(
    TfLiteInterpreter *interpreter, int tensor_index,
    const char *const *strings, const size_t *lengths, int count,
    const int *dims, int rank);
/* Number of strings in a STRING tensor (-1 when the buffer is malformed). */
TFL_CAPI_EXPORT extern int TflcTensorStringCount(const TfLiteTensor *tensor);
/* String i of a STRING tensor: pointer into the tensor and its length;
 * kTfLiteError when i is out of range or the buffer is malformed. */
TFL_CAPI_EXPORT extern TfLiteStatus TflcTensorGetString(
    const TfLiteTensor *tensor, int index, const char **data, size_t *length);

/* Introspection for language bindings (the Python package uses these). */

/* Number of subgraphs of the model (0 for NULL). */
TFL_CAPI_EXPORT extern int32_t TflcInterpreterGetSubgraphCount(
    const TfLiteInterpreter *interpreter);
/* 1 when the non-constant tensors of subgraph `subgraph_index` have valid
 * memory for their current shapes (AllocateTensors, a signature runner's
 * AllocateTensors/Invoke or a control-flow op prepared it, and no resize
 * happened since), 0 otherwise (also for a bad index). Reading or writing
 * such a tensor's data is only meaningful when this is 1. */
TFL_CAPI_EXPORT extern int TflcInterpreterIsSubgraphAllocated(
    const TfLiteInterpreter *interpreter, int32_t subgraph_index);
/* The subgraph a signature runner runs (-1 for NULL). */
TFL_CAPI_EXPORT extern int32_t TflcSignatureRunnerGetSubgraphIndex(
    const TfLiteSignatureRunner *runner);
/* Tensor index, in the runner's subgraph, of its input (output) number
 * `input_index` (`output_index`), in the order of
 * TfLiteSignatureRunnerGetInputName (OutputName); -1 when out of range. */
TFL_CAPI_EXPORT extern int32_t TflcSignatureRunnerGetInputTensorIndex(
    const TfLiteSignatureRunner *runner, int32_t input_index);
TFL_CAPI_EXPORT extern int32_t TflcSignatureRunnerGetOutputTensorIndex(
    const TfLiteSignatureRunner *runner, int32_t output_index);
/* TflcInterpreterSetTensorStrings for the STRING input named `input_name`
 * of a signature runner (whose subgraph need not be subgraph 0). */
TFL_CAPI_EXPORT extern TfLiteStatus TflcSignatureRunnerSetInputStrings(
    TfLiteSignatureRunner *runner, const char *input_name,
    const char *const *strings, const size_t *lengths, int count,
    const int *dims, int rank);

#ifdef __cplusplus
}
#endif

#endif
