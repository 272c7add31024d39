/* Internal to the src/core/subgraph*.c files: memory helpers of a subgraph
 * and the steps its files share (context setup, heap tensors, planning). */
#ifndef TFLC_CORE_SUBGRAPH_INTERNAL_H
#define TFLC_CORE_SUBGRAPH_INTERNAL_H

#include "core/interp_internal.h"

#define TFLC_ARENA_ALIGN 64
#define TFLC_MAX_RANK 16

static inline void *sg_alloc(tflc_subgraph *sg, size_t bytes) {
  return tflc_alloc(sg->interp->alloc, bytes);
}

static inline void sg_free(tflc_subgraph *sg, void *p) {
  tflc_free(sg->interp->alloc, p);
}

/* An int array with room for `capacity` entries holding v[0..n). */
TfLiteIntArray *sg_int_array(tflc_subgraph *sg, const int32_t *v, int n,
                             int capacity);

/* subgraph_context.c: the TfLiteContext callbacks of sg. */
void tflc_subgraph_init_context(tflc_subgraph *sg);

/* subgraph_memory.c */
/* Makes sure a heap-held tensor (dynamic, persistent or constant output)
 * has room for its bytes. */
TfLiteStatus tflc_subgraph_ensure_heap(tflc_subgraph *sg, int tensor);
/* Variables and dynamic tensors get heap memory (initial values set). */
TfLiteStatus tflc_subgraph_allocate_heap_tensors(tflc_subgraph *sg);
/* Arena offsets for every arena tensor and scratch buffer; allocates the
 * arena when it must grow. */
TfLiteStatus tflc_subgraph_plan_arena(tflc_subgraph *sg);

#endif
