/* The tensor types each registered kernel accepts, as one line per op for
 * `tflc inspect --ops` (kern_list_supported in registry.c) and
 * docs/OPERATORS.md. Read from the kernels' prepare checks (their
 * "type T is not supported (A, B)" messages and type arrays); keep an entry
 * in step with its kernel. tests/unit/test_op_table.c fails when a
 * registered op has no entry or an entry names an op that is not
 * registered. "any fixed-size type" = every type except STRING, RESOURCE,
 * VARIANT and the packed INT4/INT2. */
#include "kernels/registry.h"

#include "schema/schema_enums.h"

#define FIXED "any fixed-size type"
#define FIQ "FLOAT32, INT8, UINT8, INT16"
#define FII "FLOAT32, INT32, INT64"
#define BIN_Q "FLOAT32, INT32, INT64, INT8, UINT8, INT16"
#define CMP "FLOAT32, INT32, INT64, INT8, UINT8 (quantized: rescaled)"
#define CONVQ                                                                  \
  "FLOAT32, INT8 (per-channel weights), UINT8, INT16 (16x8), hybrid (FLOAT32 " \
  "input, INT8 weights)"
#define SHLO_ARITH                                                        \
  "FLOAT16, FLOAT32, FLOAT64, INT8, INT16, INT32, INT64, UINT8, UINT16, " \
  "UINT32, UINT64, BOOL"
#define B(op, types) {TFLC_OP_##op, NULL, types},

/* One entry per line (no separators between the macros): */
/* clang-format off */
static const kern_op_types op_types[] = {
    B(ABS, "FLOAT32, INT32, INT8, INT16 (quantized; INT16 also raw)")
    B(ADD, BIN_Q)
    B(ADD_N, "FLOAT32, INT32")
    B(ARG_MAX, "FLOAT32, INT32, INT8, UINT8, BOOL (output INT32, INT64)")
    B(ARG_MIN, "FLOAT32, INT32, INT8, UINT8, BOOL (output INT32, INT64)")
    B(ASSIGN_VARIABLE, "RESOURCE handle; values of any fixed-size type")
    B(ATAN2, "FLOAT32")
    B(AVERAGE_POOL_2D, FIQ)
    B(BATCH_MATMUL, "FLOAT32, INT8, INT16, hybrid (FLOAT32 lhs, INT8 rhs)")
    B(BATCH_TO_SPACE_ND, FIXED)
    B(BIDIRECTIONAL_SEQUENCE_LSTM, "FLOAT32, hybrid (INT8 weights)")
    B(BIDIRECTIONAL_SEQUENCE_RNN, "FLOAT32, hybrid (INT8 weights)")
    B(BITCAST, FIXED)
    B(BITWISE_XOR, "INT8, UINT8, INT16, UINT16, INT32, UINT32")
    B(BROADCAST_ARGS, "INT32, INT64")
    B(BROADCAST_TO, FIXED)
    B(BUCKETIZE, "FLOAT32, FLOAT64, INT32, INT64 (output INT32)")
    B(CALL_ONCE, "(control flow)")
    B(CAST, "FLOAT32, FLOAT16, FLOAT64, INT64, INT32, INT16, INT8, UINT8, "
            "UINT16, UINT32, BOOL")
    B(CEIL, "FLOAT32")
    B(COMPLEX_ABS, "COMPLEX64, COMPLEX128")
    B(CONCATENATION, FIXED " (INT8, UINT8, INT16 quantized)")
    B(CONV_2D, CONVQ)
    B(CONV_3D, "FLOAT32")
    B(CONV_3D_TRANSPOSE, "FLOAT32")
    B(COS, "FLOAT32")
    B(CUMSUM, FII)
    B(DENSIFY, FIXED)
    B(DEPTH_TO_SPACE, FIXED)
    B(DEPTHWISE_CONV_2D, CONVQ)
    B(DEQUANTIZE, "FLOAT16, INT8, UINT8, INT16 (output FLOAT32)")
    B(DILATE, FIXED)
    B(DIV, "FLOAT32, INT32")
    B(DYNAMIC_UPDATE_SLICE, FIXED)
    B(ELU, "FLOAT32, INT8")
    B(EMBEDDING_LOOKUP, FIXED ", hybrid INT8/UINT8 table (FLOAT32 output)")
    B(EMBEDDING_LOOKUP_SPARSE, "FLOAT32")
    B(EQUAL, "FLOAT32, INT32, INT64, BOOL, INT8, UINT8, STRING, INT16 (raw)")
    B(EXP, "FLOAT32, INT8, INT16")
    B(EXPAND_DIMS, FIXED)
    B(FAKE_QUANT, "FLOAT32")
    B(FILL, "FLOAT32, FLOAT16, INT32, INT64, INT16, INT8, BOOL")
    B(FLOOR, "FLOAT32")
    B(FLOOR_DIV, FII)
    B(FLOOR_MOD, FII)
    B(FULLY_CONNECTED, CONVQ)
    B(GATHER, FIXED ", STRING")
    B(GATHER_ND, FIXED)
    B(GELU, "FLOAT32, INT8, UINT8")
    B(GREATER, CMP)
    B(GREATER_EQUAL, CMP ", INT16 (raw)")
    B(HARD_SWISH, "FLOAT32, INT8, UINT8")
    B(HASHTABLE, "keys INT64, STRING; values INT64, STRING, FLOAT32")
    B(HASHTABLE_FIND, "keys INT64, STRING; values INT64, STRING, FLOAT32")
    B(HASHTABLE_IMPORT, "keys INT64, STRING; values INT64, STRING, FLOAT32")
    B(HASHTABLE_LOOKUP, FIXED ", STRING (INT32 keys)")
    B(HASHTABLE_SIZE, "RESOURCE handle (output INT64)")
    B(IF, "(control flow)")
    B(IMAG, "COMPLEX64, COMPLEX128")
    B(L2_NORMALIZATION, "FLOAT32, INT8, UINT8")
    B(L2_POOL_2D, "FLOAT32")
    B(LEAKY_RELU, FIQ)
    B(LESS, CMP ", INT16 (raw)")
    B(LESS_EQUAL, CMP)
    B(LOCAL_RESPONSE_NORMALIZATION, "FLOAT32")
    B(LOG, "FLOAT32, INT8, INT16")
    B(LOG_SOFTMAX, "FLOAT32, INT8, UINT8")
    B(LOGICAL_AND, "BOOL")
    B(LOGICAL_NOT, "BOOL")
    B(LOGICAL_OR, "BOOL")
    B(LOGISTIC, FIQ)
    B(LSH_PROJECTION, "FLOAT32 seeds and weights, any input type")
    B(LSTM, "FLOAT32, INT8 (integer 8x8_16), hybrid (INT8 weights)")
    B(MATRIX_DIAG, FIXED)
    B(MATRIX_SET_DIAG, FIXED)
    B(MAX_POOL_2D, FIQ)
    B(MAXIMUM, BIN_Q)
    B(MEAN, FII ", INT8, UINT8, INT16")
    B(MINIMUM, BIN_Q)
    B(MIRROR_PAD, FIXED)
    B(MUL, BIN_Q)
    B(MULTINOMIAL, "FLOAT32 logits (output INT32, INT64)")
    B(NEG, FII)
    B(NON_MAX_SUPPRESSION_V4, "FLOAT32")
    B(NON_MAX_SUPPRESSION_V5, "FLOAT32")
    B(NOT_EQUAL, "FLOAT32, INT32, INT64, BOOL, INT8, UINT8, STRING")
    B(ONE_HOT, "FLOAT32, INT16, INT32, INT64, INT8, UINT8, BOOL "
               "(INT32, INT64 indices)")
    B(PACK, FIXED)
    B(PAD, "FLOAT32, INT32, INT64, INT8, UINT8, INT16")
    B(PADV2, "FLOAT32, INT32, INT64, INT8, UINT8, INT16")
    B(POW, "FLOAT32, INT32")
    B(PRELU, "FLOAT32, INT8, UINT8")
    B(QUANTIZE, "FLOAT32 -> INT8, UINT8, INT16; INT8, UINT8, INT16, INT32 "
                "-> INT8, UINT8, INT16, INT32")
    B(RANDOM_STANDARD_NORMAL, "FLOAT32 (INT32, INT64 shape)")
    B(RANDOM_UNIFORM, "FLOAT32 (INT32, INT64 shape)")
    B(RANGE, "INT32, INT64, FLOAT32")
    B(RANK, "any type (output INT32)")
    B(READ_VARIABLE, "RESOURCE handle; values of any fixed-size type")
    B(REAL, "COMPLEX64, COMPLEX128")
    B(REDUCE_ALL, "BOOL")
    B(REDUCE_ANY, "BOOL")
    B(REDUCE_MAX, FII ", INT8, UINT8, INT16")
    B(REDUCE_MIN, FII ", INT8, UINT8, INT16")
    B(REDUCE_PROD, FII ", INT8, INT16")
    B(REDUCE_WINDOW, "BOOL, INT8, INT16, INT32, INT64, UINT8, FLOAT32, FLOAT64")
    B(RELU, FIQ)
    B(RELU6, FIQ)
    B(RELU_0_TO_1, "FLOAT32, INT8, UINT8")
    B(RELU_N1_TO_1, "FLOAT32, INT8, UINT8")
    B(RESHAPE, FIXED ", STRING")
    B(RESIZE_BILINEAR, "FLOAT32, UINT8, INT8, INT16")
    B(RESIZE_NEAREST_NEIGHBOR, FIQ)
    B(REVERSE_SEQUENCE, FIXED)
    B(REVERSE_V2, FIXED)
    B(RFFT2D, "FLOAT32 (output COMPLEX64)")
    B(RIGHT_SHIFT, "INT8, UINT8, INT16, UINT16, INT32, UINT32")
    B(RNN, "FLOAT32, hybrid (INT8 weights)")
    B(ROUND, "FLOAT32")
    B(RSQRT, "FLOAT32, INT8, INT16")
    B(SCATTER_ND, "FLOAT32, INT32, INT64, INT8, UINT8, BOOL")
    B(SEGMENT_SUM, "FLOAT32, INT32")
    B(SELECT, FIXED)
    B(SELECT_V2, FIXED)
    B(SHAPE, "any type (output INT32, INT64)")
    B(SIGN, "FLOAT32, INT32")
    B(SIN, "FLOAT32")
    B(SKIP_GRAM, "STRING")
    B(SLICE, FIXED)
    B(SOFTMAX, FIQ)
    B(SPACE_TO_BATCH_ND, FIXED)
    B(SPACE_TO_DEPTH, FIXED)
    B(SPARSE_TO_DENSE, "FLOAT32, INT32, INT64, INT8, UINT8")
    B(SPLIT, FIXED)
    B(SPLIT_V, FIXED)
    B(SQRT, "FLOAT32, INT8, INT16")
    B(SQUARE, "FLOAT32")
    B(SQUARED_DIFFERENCE, "FLOAT32, INT32, INT8")
    B(SQUEEZE, FIXED)
    B(STABLEHLO_ADD, SHLO_ARITH)
    B(STABLEHLO_AND, "BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, "
                     "UINT64")
    B(STABLEHLO_CASE, "(control flow: INT32 branch index)")
    B(STABLEHLO_COMPOSITE, "(control flow: runs the decomposition)")
    B(STABLEHLO_GATHER, FIXED " (INT32, INT64 indices)")
    B(STABLEHLO_MAXIMUM, SHLO_ARITH)
    B(STABLEHLO_MINIMUM, SHLO_ARITH)
    B(STABLEHLO_MULTIPLY, SHLO_ARITH)
    B(STABLEHLO_PAD, FIXED)
    B(STABLEHLO_REDUCE_WINDOW, FIXED " (body subgraph run per element)")
    B(STABLEHLO_RNG_BIT_GENERATOR, "UINT64 state; INT32, UINT32, INT64, UINT64 "
                                   "output (DEFAULT, PHILOX, THREEFRY)")
    B(STABLEHLO_SCATTER, FIXED " (INT32, INT64 indices; update subgraph run "
                         "per element)")
    B(STABLEHLO_SHIFT_LEFT, "INT8, INT16, INT32")
    B(STRIDED_SLICE, FIXED)
    B(SUB, BIN_Q)
    B(SUM, FII ", INT8, UINT8, INT16")
    B(SVDF, "FLOAT32, INT8 (integer), hybrid (INT8 weights)")
    B(TANH, FIQ)
    B(TILE, FIXED)
    B(TOPK_V2, "FLOAT32, INT32, INT64, INT8, UINT8")
    B(TRANSPOSE, FIXED)
    B(TRANSPOSE_CONV, "FLOAT32, INT8, UINT8, INT16 (16x8)")
    B(UNIDIRECTIONAL_SEQUENCE_LSTM, "FLOAT32, INT8 (integer 8x8_16), hybrid (INT8 weights)")
    B(UNIDIRECTIONAL_SEQUENCE_RNN, "FLOAT32, hybrid (INT8 weights)")
    B(UNIQUE, "FLOAT32, INT8, UINT8, INT16, INT32, INT64 (idx INT32, INT64)")
    B(UNPACK, FIXED)
    B(UNSORTED_SEGMENT_MAX, "FLOAT32, INT32")
    B(UNSORTED_SEGMENT_MIN, "FLOAT32, INT32")
    B(UNSORTED_SEGMENT_PROD, "FLOAT32, INT32")
    B(UNSORTED_SEGMENT_SUM, "FLOAT32, INT32")
    B(VAR_HANDLE, "RESOURCE")
    B(WHERE, "BOOL, FLOAT32, INT32, INT64, INT8, UINT8 (output INT64)")
    B(WHILE, "(control flow)")
    B(ZEROS_LIKE, FII)
    {TFLC_OP_CUSTOM, "Convolution2DTransposeBias", "FLOAT32"},
    {TFLC_OP_CUSTOM, "TFLite_Detection_PostProcess",
     "FLOAT32, UINT8 (quantized inputs)"},
};
/* clang-format on */

const kern_op_types *kern_op_type_table(int *count) {
  *count = (int)(sizeof op_types / sizeof op_types[0]);
  return op_types;
}
