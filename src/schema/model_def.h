/* The decoded, verified form of a .tflite model: plain C structs filled by
 * schema_decode() (reader side) and consumed by schema_write() (writer side).
 *
 * Ownership: every array and string here lives in the model_def's own memory
 * block (freed by schema_def_free). Constant buffer bytes
 * (tflc_buffer_def.data) and custom options point INTO the model file bytes
 * (zero-copy); the file must outlive the def. Builtin options stay in the file
 * as a verified table reference (tflc_options_ref) read through
 * src/schema/options.h. */
#ifndef TFLC_SCHEMA_MODEL_DEF_H
#define TFLC_SCHEMA_MODEL_DEF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schema/schema_enums.h"

/* A reference to a builtin options table inside the model bytes. type is the
 * BuiltinOptions (or BuiltinOptions2) union type id; table is the absolute byte
 * position of the table in the file, 0 when absent. */
typedef struct tflc_options_ref {
  const uint8_t *file; /* model bytes the position refers to */
  size_t file_size;
  uint32_t table;   /* 0 = no options table */
  uint8_t type;     /* union type id, 0 = NONE */
  bool is_options2; /* true: type is a BuiltinOptions2 id */
} tflc_options_ref;

/* One option field for the writer (tests, converter): a field id of the
 * options table and its value, with the width the schema gives it. */
typedef enum tflc_opt_kind {
  TFLC_OPT_BOOL,
  TFLC_OPT_I8, /* byte enums: Padding, ActivationFunctionType, TensorType */
  TFLC_OPT_U8,
  TFLC_OPT_I16,
  TFLC_OPT_I32,
  TFLC_OPT_U32,
  TFLC_OPT_I64,
  TFLC_OPT_F32,
  TFLC_OPT_VEC_I32, /* [int] */
  TFLC_OPT_VEC_I64, /* [long] */
  TFLC_OPT_VEC_F32, /* [float] */
  TFLC_OPT_STRING,
  TFLC_OPT_VEC_U8,   /* [ubyte] (e.g. composite_attributes) */
  TFLC_OPT_VEC_BOOL, /* [bool] */
  TFLC_OPT_VEC_U32   /* [uint] enums (StablehloPrecisionConfig) */
} tflc_opt_kind;

typedef struct tflc_opt_field {
  uint16_t id; /* field id in the options table (0-based, declaration order) */
  tflc_opt_kind kind;
  int64_t i;       /* integer / bool / enum value */
  double f;        /* float value */
  const void *vec; /* vector elements (int32_t/int64_t/float) or string bytes */
  int32_t vec_len; /* element count, or string length */
} tflc_opt_field;

typedef struct tflc_quant_def {
  float *scale;
  int32_t n_scale;
  int64_t *zero_point;
  int32_t n_zero_point;
  float *min;
  int32_t n_min;
  float *max;
  int32_t n_max;
  int32_t quantized_dimension;
  uint8_t details_type; /* QuantizationDetails union type, 0 = none */
  /* CustomQuantization.custom bytes (into the file) when details_type == 1 */
  const uint8_t *custom;
  uint32_t custom_size;
  /* BlockwiseQuantization (details_type 2) and MultiAxisQuantization (3):
   * indices of the tensors holding the scales and zero points (-1 = none)
   * in the same subgraph, and the block size (0 = per-channel). */
  int32_t details_scales;
  int32_t details_zero_points;
  int32_t details_block_size;
  int32_t *quantized_dimensions; /* MultiAxisQuantization only */
  int32_t n_quantized_dimensions;
} tflc_quant_def;

typedef struct tflc_dim_metadata_def {
  int8_t format; /* 0 DENSE, 1 SPARSE_CSR */
  int32_t dense_size;
  /* array_segments / array_indices widened to int32 (Int32Vector,
   * Uint16Vector or Uint8Vector in the file). */
  int32_t *segments;
  int32_t n_segments;
  int32_t *indices;
  int32_t n_indices;
  uint8_t segments_type; /* SparseIndexVector union type as in the file */
  uint8_t indices_type;
} tflc_dim_metadata_def;

typedef struct tflc_sparsity_def {
  int32_t *traversal_order;
  int32_t n_traversal_order;
  int32_t *block_map;
  int32_t n_block_map;
  tflc_dim_metadata_def *dim_metadata;
  int32_t n_dim_metadata;
} tflc_sparsity_def;

typedef struct tflc_tensor_def {
  const char *name; /* NUL-terminated, "" when absent */
  int8_t type;      /* schema TensorType (TFLC_TT_*) */
  int32_t *shape;
  int32_t rank;
  bool has_shape_signature;
  int32_t *shape_signature;
  int32_t n_shape_signature;
  uint32_t buffer; /* index into model buffers; 0 = no data */
  bool is_variable;
  bool has_rank;
  tflc_quant_def *quant;       /* NULL when absent */
  tflc_sparsity_def *sparsity; /* NULL when absent */
} tflc_tensor_def;

typedef struct tflc_operator_def {
  uint32_t opcode_index;
  int32_t *inputs; /* -1 = optional input omitted */
  int32_t n_inputs;
  int32_t *outputs;
  int32_t n_outputs;
  int32_t *intermediates;
  int32_t n_intermediates;
  tflc_options_ref options;      /* builtin_options (reader side) */
  tflc_options_ref options2;     /* builtin_options_2 (reader side) */
  const uint8_t *custom_options; /* into the file, NULL when absent */
  size_t custom_options_size;
  bool *mutating_variable_inputs;
  int32_t n_mutating_variable_inputs;
  /* Writer side only: when write_options_type != 0 the writer emits these
   * fields as the builtin_options table (schema_decode leaves them zero). */
  uint8_t write_options_type;
  bool write_options_is_options2;
  const tflc_opt_field *write_options;
  int32_t n_write_options;
} tflc_operator_def;

typedef struct tflc_subgraph_def {
  tflc_tensor_def *tensors;
  int32_t n_tensors;
  int32_t *inputs;
  int32_t n_inputs;
  int32_t *outputs;
  int32_t n_outputs;
  tflc_operator_def *operators;
  int32_t n_operators;
  const char *name; /* "" when absent */
} tflc_subgraph_def;

typedef struct tflc_opcode_def {
  int32_t builtin_code;           /* field 3 (0 when absent) */
  int8_t deprecated_builtin_code; /* field 0 */
  int32_t effective_code;         /* max of the two: what the op really is */
  const char *custom_code;        /* NULL when absent */
  int32_t version;                /* default 1 */
} tflc_opcode_def;

typedef struct tflc_buffer_def {
  /* Into the file (inline vector, or offset/size). NULL when the buffer has
   * no data vector; non-NULL with size 0 for a present, empty one (TensorFlow
   * Lite then treats the tensor as a zero-sized constant). */
  const uint8_t *data;
  size_t size;
  bool external; /* true: came from Buffer.offset/size, after the FlatBuffer */
} tflc_buffer_def;

typedef struct tflc_tensor_map_def {
  const char *name;
  uint32_t tensor_index;
} tflc_tensor_map_def;

typedef struct tflc_signature_def {
  tflc_tensor_map_def *inputs;
  int32_t n_inputs;
  tflc_tensor_map_def *outputs;
  int32_t n_outputs;
  const char *key;
  uint32_t subgraph_index;
} tflc_signature_def;

typedef struct tflc_metadata_def {
  const char *name;
  uint32_t buffer;
} tflc_metadata_def;

typedef struct tflc_model_def {
  uint32_t version;
  tflc_opcode_def *opcodes;
  int32_t n_opcodes;
  tflc_subgraph_def *subgraphs;
  int32_t n_subgraphs;
  const char *description;
  tflc_buffer_def *buffers;
  int32_t n_buffers;
  int32_t *metadata_buffer;
  int32_t n_metadata_buffer;
  tflc_metadata_def *metadata;
  int32_t n_metadata;
  tflc_signature_def *signatures;
  int32_t n_signatures;
  const uint8_t *file; /* the bytes this def was decoded from */
  size_t file_size;
  void *storage; /* owned memory block (internal) */
} tflc_model_def;

#endif
