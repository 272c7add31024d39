/* Internal structures of the interpreter: the model (bytes + decoded def),
 * subgraphs (tensors, nodes, arena plan), the interpreter, resource
 * variables. Shared by the files of src/core only; kernels use
 * src/core/subgraph_api.h. */
#ifndef TFLC_CORE_INTERP_INTERNAL_H
#define TFLC_CORE_INTERP_INTERNAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/allocator.h"
#include "base/error.h"
#include "core/thread_pool.h"
#include "schema/model_def.h"
#include "tflc/c_api.h"
#include "tflc/tflc.h"

struct TfLiteModel {
  const tflc_allocator *alloc;
  const uint8_t *bytes;
  size_t size;
  void *mapping; /* mmap'd region (CreateFromFile), NULL otherwise */
  size_t mapping_size;
  uint8_t *owned_bytes; /* read into memory when mmap was not possible */
  tflc_model_def def;
  atomic_int refcount;
  tflc_err err;
};

struct TfLiteInterpreterOptions {
  int32_t num_threads;
  int quantized_rounding; /* TflcQuantizedRounding */
  TfLiteErrorReporterCallback reporter;
  void *reporter_user;
  void *arena;
  size_t arena_size;
  struct tflc_custom_op *custom_ops;
  int n_custom_ops;
  int cap_custom_ops;
};

typedef struct tflc_custom_op {
  char name[128]; /* "" for AddOperator registrations matched by builtin */
  const TfLiteRegistration *reg;
  int32_t min_version, max_version;
} tflc_custom_op;

typedef struct tflc_node_info {
  TfLiteNode node;
  const TfLiteRegistration *reg;
  int32_t code;     /* effective builtin code */
  const char *name; /* op name or custom code, for messages */
  tflc_options_ref options;
  bool initialized;  /* init() ran */
  bool deferred;     /* an input has a data-dependent shape: prepared at
                        invoke, just before it runs */
  int first_scratch; /* scratch buffers requested by this node */
  int n_scratch;
} tflc_node_info;

typedef struct tflc_scratch {
  size_t bytes;
  int node;
  size_t offset;
} tflc_scratch;

typedef struct tflc_subgraph tflc_subgraph;

struct tflc_subgraph {
  struct TfLiteInterpreter *interp;
  int index;
  const tflc_subgraph_def *def;
  TfLiteContext ctx;
  TfLiteTensor *tensors;
  int n_tensors;
  int *dims_cap;         /* capacity of each tensor's dims array */
  int64_t *arena_offset; /* per tensor, -1 when not in the arena */
  size_t *heap_capacity; /* per tensor: bytes held for dynamic/persistent */
  tflc_node_info *nodes;
  int n_nodes;
  int *inputs;
  int n_inputs;
  int *outputs;
  int n_outputs;
  tflc_scratch *scratch;
  int n_scratch;
  int cap_scratch;
  uint8_t *arena_block; /* allocation holding the arena */
  uint8_t *arena;       /* 64-aligned start */
  size_t arena_size;    /* planned bytes */
  size_t arena_capacity;
  int current_node;  /* node being prepared/invoked, -1 otherwise */
  bool prepared;     /* prepare + plan done for the current shapes */
  bool preparing;    /* guard against a subgraph that calls itself */
  int invoking;      /* guard against recursion at invoke */
  bool invoke_phase; /* resizes of non-dynamic tensors are refused */
  /* Scratch of deferred nodes (prepared at invoke): one heap block reused
   * by each such node in turn. */
  uint8_t *dyn_scratch;
  size_t dyn_scratch_capacity;
  size_t dyn_scratch_offsets[16];
  size_t dyn_scratch_bytes[16];
  int n_dyn_scratch;
};

typedef struct tflc_resource {
  char *key; /* "container/shared_name" or "#<id>" */
  int32_t id;
  TfLiteType type;
  int rank;
  int dims[8];
  void *data;
  size_t bytes;
  size_t capacity;
  bool initialized;
  /* A resource that is not a variable (a HASHTABLE): the kernel's object
   * and how to free it (subgraph_api.h). */
  void *object;
  void (*object_free)(void *object, const tflc_allocator *alloc);
} tflc_resource;

typedef struct tflc_persistent_block {
  struct tflc_persistent_block *next;
} tflc_persistent_block;

struct TfLiteSignatureRunner {
  struct TfLiteInterpreter *interp;
  int signature_index;
  const tflc_signature_def *sig;
  tflc_subgraph *sg;
};

struct TfLiteInterpreter {
  const tflc_allocator *alloc;
  tflc_bump bump; /* used when the caller supplied an arena */
  bool caller_arena;
  TfLiteModel *model;
  const tflc_model_def *def;
  tflc_subgraph *subgraphs;
  int n_subgraphs;
  tflc_err err;
  int num_threads;
  int quantized_rounding;
  tflc_thread_pool *pool; /* NULL with one thread */
  tflc_custom_op *custom_ops;
  int n_custom_ops;
  tflc_resource *resources;
  int n_resources;
  int cap_resources;
  tflc_persistent_block *persistent; /* list of AllocatePersistentBuffer */
  size_t persistent_bytes;
  TfLiteSignatureRunner *runners; /* one per signature, lazily set up */
  atomic_int cancelled;
  bool allocated; /* AllocateTensors succeeded for subgraph 0 */
};

/* model.c */
void tflc_model_retain(TfLiteModel *m);
void tflc_model_release(TfLiteModel *m);

/* subgraph.c */
TfLiteStatus tflc_subgraph_init(struct TfLiteInterpreter *interp, int index);
void tflc_subgraph_destroy(tflc_subgraph *sg);
TfLiteStatus tflc_subgraph_allocate(tflc_subgraph *sg);
TfLiteStatus tflc_subgraph_invoke(tflc_subgraph *sg);
TfLiteStatus tflc_subgraph_resize_tensor(tflc_subgraph *sg, int tensor,
                                         const int *dims, int rank);
void tflc_subgraph_reset_variables(tflc_subgraph *sg);
/* Writes `count` strings (TensorFlow Lite's STRING buffer format) into a
 * STRING tensor of sg with the given shape; `what` names the tensor in
 * errors. */
TfLiteStatus tflc_subgraph_write_strings(tflc_subgraph *sg, int tensor,
                                         const char *what,
                                         const char *const *strings,
                                         const size_t *lengths, int count,
                                         const int *dims, int rank);
/* Shape + raw byte size of a dynamic (e.g. STRING) tensor, heap-allocated. */
TfLiteStatus tflc_subgraph_resize_bytes(tflc_subgraph *sg, int tensor,
                                        const int *dims, int rank,
                                        size_t bytes);

/* planner.c: greedy-by-size offsets for buffers with lifetimes [first,last].
 * Writes offsets (aligned to `align`) and returns the total size. */
typedef struct tflc_plan_item {
  size_t bytes;
  int first;
  int last;
  size_t offset; /* out */
} tflc_plan_item;
size_t tflc_plan_greedy(tflc_plan_item *items, int n, size_t align,
                        int *order_scratch);

/* interpreter.c */
void *tflc_interp_persistent_alloc(struct TfLiteInterpreter *interp,
                                   size_t bytes);
/* Reports an allocation failure of `bytes` for `what`; in caller-arena mode
 * the message says the arena is too small. */
void tflc_interp_oom(struct TfLiteInterpreter *interp, const char *what,
                     size_t bytes);
void tflc_interp_error(struct TfLiteInterpreter *interp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
const TfLiteRegistration *tflc_interp_find_op(struct TfLiteInterpreter *interp,
                                              int32_t code, const char *custom,
                                              int version);

/* The builtin op resolver (src/kernels/registry.c): the registration of a
 * builtin code, or of a custom op tflc implements itself (code CUSTOM with
 * custom_name). NULL when this build has none. */
const TfLiteRegistration *tflc_builtin_resolver(int32_t code,
                                                const char *custom_name,
                                                int version);

/* tensor_util.c */
size_t tflc_type_size(TfLiteType type); /* 0 for string/resource/variant */
TfLiteType tflc_type_from_schema(int8_t schema_type);

#endif
