/* What kernels may ask of the interpreter beyond TfLiteContext: other
 * subgraphs (for WHILE, IF, CALL_ONCE, STABLEHLO_COMPOSITE) and resource
 * variables (VAR_HANDLE, READ_VARIABLE, ASSIGN_VARIABLE). */
#ifndef TFLC_CORE_SUBGRAPH_API_H
#define TFLC_CORE_SUBGRAPH_API_H

#include <stdbool.h>
#include <stddef.h>

#include "tflc/common.h"

typedef struct tflc_subgraph tflc_subgraph;
struct tflc_allocator;

/* The subgraph a context belongs to, and another subgraph of the same
 * interpreter by index (NULL when out of range). */
tflc_subgraph *tflc_ctx_subgraph(TfLiteContext *ctx);
tflc_subgraph *tflc_ctx_other_subgraph(TfLiteContext *ctx, int index);
int tflc_subgraph_count(TfLiteContext *ctx);

int tflc_sg_input_count(const tflc_subgraph *sg);
int tflc_sg_output_count(const tflc_subgraph *sg);
TfLiteTensor *tflc_sg_input(tflc_subgraph *sg, int i);
TfLiteTensor *tflc_sg_output(tflc_subgraph *sg, int i);
/* Sets the shape of input i (re-plans on the next allocate). */
TfLiteStatus tflc_sg_resize_input(tflc_subgraph *sg, int i, const int *dims,
                                  int rank);
/* Prepares and plans the subgraph for its current input shapes (no-op when
 * already done). Errors are reported through the interpreter. */
TfLiteStatus tflc_sg_allocate(tflc_subgraph *sg);
TfLiteStatus tflc_sg_invoke(tflc_subgraph *sg);

/* True once TfLiteInterpreterCancel was called during this invoke (loops in
 * control-flow kernels check it so that a runaway loop can be stopped). */
bool tflc_ctx_cancelled(TfLiteContext *ctx);

/* Copies src's bytes into dst (same byte size required; reports otherwise). */
TfLiteStatus tflc_copy_tensor_data(TfLiteContext *ctx, TfLiteTensor *dst,
                                   const TfLiteTensor *src);

/* Resource variables, keyed by VAR_HANDLE's container/shared_name (or by
 * resource id). tflc_resource_id returns a stable id >= 0 for a key. */
int tflc_resource_id(TfLiteContext *ctx, const char *key);
/* Reads a resource: type, shape and data (NULL when never assigned). */
TfLiteStatus tflc_resource_get(TfLiteContext *ctx, int id, TfLiteType *type,
                               const int **dims, int *rank, const void **data,
                               size_t *bytes);
/* Assigns a resource from a tensor (allocates only when it grows). */
TfLiteStatus tflc_resource_assign(TfLiteContext *ctx, int id,
                                  const TfLiteTensor *value);

/* Resources that are objects of a kernel family (HASHTABLE): the object
 * held by resource id (NULL when none yet), and setting it once; the
 * interpreter frees it with object_free when it is deleted. Kernels
 * allocate such objects (and may at invoke) with the interpreter's
 * allocator. */
void *tflc_resource_object(TfLiteContext *ctx, int id);
TfLiteStatus tflc_resource_set_object(
    TfLiteContext *ctx, int id, void *object,
    void (*object_free)(void *object, const struct tflc_allocator *alloc));
const struct tflc_allocator *tflc_ctx_allocator(TfLiteContext *ctx);

#endif
