/* Shared code of the StableHLO elementwise binary kernels (STABLEHLO_ADD,
 * STABLEHLO_MULTIPLY, STABLEHLO_MAXIMUM, STABLEHLO_MINIMUM, STABLEHLO_AND,
 * STABLEHLO_SHIFT_LEFT): two inputs of one type and the same shape (no
 * broadcasting: StableHLO requires equal shapes), one output of that type
 * and shape. Semantics follow TensorFlow Lite's stablehlo kernels:
 *  - integers wrap (two's complement), FLOAT16 computes in float and rounds
 *    back, MAXIMUM is (a < b ? b : a) and MINIMUM (b < a ? b : a);
 *  - BOOL: ADD and MAXIMUM are a logical or, MULTIPLY, MINIMUM and AND a
 *    logical and;
 *  - AND is a bitwise and on integers (floats refused);
 *  - SHIFT_LEFT (INT8, INT16, INT32): a shift by a negative amount or by at
 *    least the bit width gives 0.
 * Owned by the StableHLO kernels. */
#ifndef TFLC_KERNELS_INTERNAL_STABLEHLO_EW_H
#define TFLC_KERNELS_INTERNAL_STABLEHLO_EW_H

#include "kernels/kernel_util.h"

typedef enum shlo_ew_op {
  SHLO_EW_ADD,
  SHLO_EW_MUL,
  SHLO_EW_MAX,
  SHLO_EW_MIN,
  SHLO_EW_AND,
  SHLO_EW_SHL
} shlo_ew_op;

TfLiteStatus shlo_ew_prepare(TfLiteContext *ctx, TfLiteNode *node,
                             shlo_ew_op op);
TfLiteStatus shlo_ew_invoke(TfLiteContext *ctx, TfLiteNode *node,
                            shlo_ew_op op);

/* The types each op accepts, as listed in messages and op_types.c. */
#define SHLO_EW_ARITH_TYPES                                               \
  "FLOAT16, FLOAT32, FLOAT64, INT8, INT16, INT32, INT64, UINT8, UINT16, " \
  "UINT32, UINT64, BOOL"
#define SHLO_EW_AND_TYPES \
  "BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64"
#define SHLO_EW_SHL_TYPES "INT8, INT16, INT32"

#endif
