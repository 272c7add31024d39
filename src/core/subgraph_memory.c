/* A subgraph's memory: tensor shapes and byte sizes (resize), heap-held
 * tensors (variables, dynamic and constant outputs), the arena plan over
 * tensor and scratch lifetimes, and variable initial values. */
#include <limits.h>
#include <string.h>

#include "base/checked_math.h"
#include "core/subgraph_internal.h"

TfLiteIntArray *sg_int_array(tflc_subgraph *sg, const int32_t *v, int n,
                             int capacity) {
  if (capacity < n) capacity = n;
  TfLiteIntArray *a =
      sg_alloc(sg, sizeof(TfLiteIntArray) + sizeof(int) * (size_t)capacity);
  if (!a) return NULL;
  a->size = n;
  for (int i = 0; i < n; i++) a->data[i] = v[i];
  return a;
}

static TfLiteStatus tensor_bytes(const TfLiteTensor *t, const int *dims,
                                 int rank, size_t *bytes) {
  size_t elems;
  if (tflc_shape_elems(dims, rank, (size_t)INT32_MAX, &elems) != 0)
    return kTfLiteError;
  if (t->type == kTfLiteInt4) {
    *bytes = (elems + 1) / 2;
    return kTfLiteOk;
  }
  return tflc_mul_size(elems, tflc_type_size(t->type), bytes) == 0
             ? kTfLiteOk
             : kTfLiteError;
}

/* Makes sure a heap-held tensor (dynamic or persistent) has room. */
TfLiteStatus tflc_subgraph_ensure_heap(tflc_subgraph *sg, int i) {
  TfLiteTensor *t = &sg->tensors[i];
  if (t->bytes <= sg->heap_capacity[i] && (t->data.data || t->bytes == 0))
    return kTfLiteOk;
  if (sg->invoke_phase && t->allocation_type != kTfLiteDynamic) {
    tflc_interp_error(sg->interp,
                      "subgraph %d tensor %d ('%s'): cannot grow at invoke",
                      sg->index, i, t->name);
    return kTfLiteError;
  }
  void *p = sg_alloc(sg, t->bytes ? t->bytes : 1);
  if (!p) {
    tflc_interp_oom(sg->interp, "a variable or dynamic tensor", t->bytes);
    return kTfLiteError;
  }
  if (sg->heap_capacity[i]) sg_free(sg, t->data.data);
  memset(p, 0, t->bytes ? t->bytes : 1);
  t->data.data = p;
  sg->heap_capacity[i] = t->bytes ? t->bytes : 1;
  return kTfLiteOk;
}

TfLiteStatus tflc_subgraph_resize_tensor(tflc_subgraph *sg, int i,
                                         const int *dims, int rank) {
  TfLiteTensor *t = &sg->tensors[i];
  if (rank < 0 || rank > TFLC_MAX_RANK || (rank > 0 && !dims)) {
    tflc_interp_error(
        sg->interp,
        "subgraph %d tensor %d ('%s'): rank %d is not supported (max %d)",
        sg->index, i, t->name, rank, TFLC_MAX_RANK);
    return kTfLiteError;
  }
  for (int d = 0; d < rank; d++) {
    if (dims[d] < 0) {
      tflc_interp_error(
          sg->interp,
          "subgraph %d tensor %d ('%s'): dimension %d is negative (%d)",
          sg->index, i, t->name, d, dims[d]);
      return kTfLiteError;
    }
  }
  if (TfLiteIntArrayEqualsArray(t->dims, rank, dims)) return kTfLiteOk;
  size_t bytes = 0;
  if (t->type != kTfLiteString &&
      tensor_bytes(t, dims, rank, &bytes) != kTfLiteOk) {
    tflc_interp_error(sg->interp,
                      "subgraph %d tensor %d ('%s'): shape is too large",
                      sg->index, i, t->name);
    return kTfLiteError;
  }
  if (t->allocation_type == kTfLiteMmapRo) {
    tflc_interp_error(
        sg->interp,
        "subgraph %d tensor %d ('%s'): a constant tensor cannot be resized",
        sg->index, i, t->name);
    return kTfLiteError;
  }
  if (sg->invoke_phase && t->allocation_type != kTfLiteDynamic) {
    tflc_interp_error(sg->interp,
                      "subgraph %d tensor %d ('%s'): shape changed during "
                      "invoke but the tensor is not dynamic",
                      sg->index, i, t->name);
    return kTfLiteError;
  }
  if (rank > sg->dims_cap[i]) {
    TfLiteIntArray *a = sg_int_array(sg, dims, rank, rank);
    if (!a) {
      tflc_interp_oom(sg->interp, "resizing a tensor",
                      sizeof(int) * (size_t)rank);
      return kTfLiteError;
    }
    sg_free(sg, t->dims);
    t->dims = a;
    sg->dims_cap[i] = rank;
  } else {
    t->dims->size = rank;
    for (int d = 0; d < rank; d++) t->dims->data[d] = dims[d];
  }
  if (t->type != kTfLiteString) t->bytes = bytes;
  if (t->allocation_type == kTfLiteDynamic && t->type != kTfLiteString)
    return tflc_subgraph_ensure_heap(sg, i);
  /* A new shape outside prepare/invoke means the plan must be redone; a
   * dynamic tensor resized while invoking does not touch the plan. */
  if (!sg->preparing && !sg->invoke_phase) sg->prepared = false;
  return kTfLiteOk;
}

TfLiteStatus tflc_subgraph_resize_bytes(tflc_subgraph *sg, int i,
                                        const int *dims, int rank,
                                        size_t bytes) {
  TfLiteTensor *t = &sg->tensors[i];
  if (t->allocation_type != kTfLiteDynamic) {
    tflc_interp_error(sg->interp,
                      "subgraph %d tensor %d ('%s'): only dynamic (e.g. "
                      "STRING) tensors take a byte size",
                      sg->index, i, t->name);
    return kTfLiteError;
  }
  bool was_invoke = sg->invoke_phase;
  TfLiteStatus s = tflc_subgraph_resize_tensor(sg, i, dims, rank);
  if (s != kTfLiteOk) return s;
  sg->invoke_phase = false; /* dynamic tensors may grow at any time */
  t->bytes = bytes;
  s = tflc_subgraph_ensure_heap(sg, i);
  sg->invoke_phase = was_invoke;
  return s;
}

static void widen(int *first, int *last, int t, int pos) {
  if (pos < first[t]) first[t] = pos;
  if (pos > last[t]) last[t] = pos;
}

TfLiteStatus tflc_subgraph_plan_arena(tflc_subgraph *sg) {
  TfLiteInterpreter *interp = sg->interp;
  int nt = sg->n_tensors, nn = sg->n_nodes;
  int n_items_max = nt + sg->n_scratch;
  int *first = tflc_alloc(interp->alloc, sizeof(int) * (size_t)(nt ? nt : 1));
  int *last = tflc_alloc(interp->alloc, sizeof(int) * (size_t)(nt ? nt : 1));
  tflc_plan_item *items =
      tflc_alloc(interp->alloc, sizeof(tflc_plan_item) *
                                    (size_t)(n_items_max ? n_items_max : 1));
  int *owner = tflc_alloc(
      interp->alloc, sizeof(int) * (size_t)(n_items_max ? n_items_max : 1));
  int *order = tflc_alloc(
      interp->alloc, sizeof(int) * (size_t)(n_items_max ? n_items_max : 1));
  TfLiteStatus status = kTfLiteError;
  if (!first || !last || !items || !owner || !order) {
    tflc_interp_oom(interp, "planning the arena",
                    sizeof(tflc_plan_item) * (size_t)n_items_max);
    goto done;
  }
  for (int t = 0; t < nt; t++) {
    first[t] = INT_MAX;
    last[t] = -1;
  }
  for (int k = 0; k < sg->n_inputs; k++) {
    int t = sg->inputs[k];
    widen(first, last, t, 0);
    widen(first, last, t, nn);
  }
  for (int i = 0; i < nn; i++) {
    const TfLiteNode *node = &sg->nodes[i].node;
    for (int k = 0; k < node->inputs->size; k++)
      if (node->inputs->data[k] >= 0)
        widen(first, last, node->inputs->data[k], i);
    for (int k = 0; k < node->outputs->size; k++)
      widen(first, last, node->outputs->data[k], i);
    for (int k = 0; k < node->intermediates->size; k++)
      widen(first, last, node->intermediates->data[k], i);
  }
  for (int k = 0; k < sg->n_outputs; k++)
    widen(first, last, sg->outputs[k], nn);
  int n_items = 0;
  for (int t = 0; t < nt; t++) {
    sg->arena_offset[t] = -1;
    if (sg->tensors[t].allocation_type != kTfLiteArenaRw || last[t] < 0)
      continue;
    items[n_items] =
        (tflc_plan_item){sg->tensors[t].bytes, first[t], last[t], 0};
    owner[n_items++] = t;
  }
  for (int s = 0; s < sg->n_scratch; s++) {
    items[n_items] = (tflc_plan_item){sg->scratch[s].bytes, sg->scratch[s].node,
                                      sg->scratch[s].node, 0};
    owner[n_items++] = -1 - s;
  }
  size_t total = tflc_plan_greedy(items, n_items, TFLC_ARENA_ALIGN, order);
  if (total > sg->arena_capacity || !sg->arena_block) {
    size_t block_size;
    if (tflc_add_size(total, TFLC_ARENA_ALIGN, &block_size) != 0) {
      tflc_interp_error(interp, "subgraph %d: arena size overflows", sg->index);
      goto done;
    }
    sg_free(sg, sg->arena_block);
    sg->arena_block = NULL;
    sg->arena = NULL;
    sg->arena_capacity = 0;
    uint8_t *block = sg_alloc(sg, block_size);
    if (!block) {
      if (interp->caller_arena)
        tflc_interp_error(interp,
                          "subgraph %d: the caller-supplied arena (%zu bytes) "
                          "is too small: this model needs "
                          "%zu bytes (%zu for the interpreter and kernel data, "
                          "then %zu for the tensor arena)",
                          sg->index, interp->bump.size + interp->bump.skip,
                          tflc_bump_needed(&interp->bump, block_size),
                          interp->bump.used, block_size);
      else
        tflc_interp_error(
            interp,
            "subgraph %d: out of memory allocating a %zu-byte tensor arena",
            sg->index, block_size);
      goto done;
    }
    /* Zeroed once, so that a tensor read before anything wrote it (an input
     * the caller did not set, an operator reading a later operator's output)
     * reads zeros, never earlier heap or caller-arena contents. */
    memset(block, 0, block_size);
    sg->arena_block = block;
    uintptr_t a = ((uintptr_t)block + TFLC_ARENA_ALIGN - 1) &
                  ~(uintptr_t)(TFLC_ARENA_ALIGN - 1);
    sg->arena = (uint8_t *)a;
    sg->arena_capacity = total;
  }
  sg->arena_size = total;
  for (int k = 0; k < n_items; k++) {
    if (owner[k] >= 0) {
      int t = owner[k];
      sg->arena_offset[t] = (int64_t)items[k].offset;
      sg->tensors[t].data.data = sg->arena + items[k].offset;
    } else {
      sg->scratch[-1 - owner[k]].offset = items[k].offset;
    }
  }
  status = kTfLiteOk;
done:
  tflc_free(interp->alloc, first);
  tflc_free(interp->alloc, last);
  tflc_free(interp->alloc, items);
  tflc_free(interp->alloc, owner);
  tflc_free(interp->alloc, order);
  return status;
}

/* A variable without an initial value starts at its real zero: the zero
 * point for 8-bit quantized state (as TensorFlow Lite does), 0 otherwise. */
static void fill_variable_zero(TfLiteTensor *t) {
  int byte = 0;
  if ((t->type == kTfLiteInt8 || t->type == kTfLiteUInt8) &&
      t->quantization.type == kTfLiteAffineQuantization)
    byte = t->params.zero_point;
  if (t->data.data)
    memset(t->data.data, byte, t->bytes); /* NULL when 0 bytes */
}

/* Variables and dynamic tensors live on the heap (persistent region). */
TfLiteStatus tflc_subgraph_allocate_heap_tensors(tflc_subgraph *sg) {
  for (int i = 0; i < sg->n_tensors; i++) {
    TfLiteTensor *t = &sg->tensors[i];
    if (t->allocation_type == kTfLiteArenaRwPersistent) {
      bool fresh = sg->heap_capacity[i] < t->bytes || !t->data.data;
      if (tflc_subgraph_ensure_heap(sg, i) != kTfLiteOk) return kTfLiteError;
      if (fresh) {
        const tflc_tensor_def *td = &sg->def->tensors[i];
        /* no &buffers[0] when the model has no buffers (NULL array) */
        const tflc_buffer_def *b =
            td->buffer ? &sg->interp->def->buffers[td->buffer] : NULL;
        /* no memcpy of 0 bytes: data (and b->data) are NULL when empty */
        if (td->buffer && b->size == t->bytes && b->size > 0 && t->data.data)
          memcpy(t->data.data, b->data, b->size);
        else
          fill_variable_zero(t);
      }
    } else if (t->allocation_type == kTfLiteDynamic &&
               t->type != kTfLiteString) {
      if (tflc_subgraph_ensure_heap(sg, i) != kTfLiteOk) return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

void tflc_subgraph_reset_variables(tflc_subgraph *sg) {
  for (int i = 0; i < sg->n_tensors; i++) {
    TfLiteTensor *t = &sg->tensors[i];
    if (t->allocation_type != kTfLiteArenaRwPersistent || !t->data.data)
      continue;
    const tflc_tensor_def *td = &sg->def->tensors[i];
    /* no &buffers[0] when the model has no buffers (NULL array) */
    const tflc_buffer_def *b =
        td->buffer ? &sg->interp->def->buffers[td->buffer] : NULL;
    if (td->buffer && b->size == t->bytes && b->size > 0)
      memcpy(t->data.data, b->data, b->size);
    else
      fill_variable_zero(t);
  }
}
