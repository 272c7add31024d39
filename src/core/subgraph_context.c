/* The TfLiteContext of a subgraph: the callbacks kernels call (error
 * reports prefixed with the failing node, resizes, scratch memory, persistent
 * buffers, the thread pool, constant outputs, byte-sized dynamic tensors). */
#include <stdio.h>
#include <string.h>

#include "base/checked_math.h"
#include "core/subgraph_internal.h"

static TfLiteInterpreter *sg_interp(const TfLiteContext *ctx) {
  return ((tflc_subgraph *)ctx->impl_)->interp;
}

static void ctx_report_error(TfLiteContext *ctx, const char *format, ...) {
  tflc_subgraph *sg = ctx->impl_;
  char msg[768];
  va_list args;
  va_start(args, format);
  vsnprintf(msg, sizeof msg, format, args);
  va_end(args);
  if (sg->current_node >= 0 && sg->current_node < sg->n_nodes) {
    const tflc_node_info *n = &sg->nodes[sg->current_node];
    tflc_interp_error(sg->interp, "subgraph %d operator %d (%s): %s", sg->index,
                      sg->current_node, n->name, msg);
  } else {
    tflc_interp_error(sg->interp, "subgraph %d: %s", sg->index, msg);
  }
}

static TfLiteStatus ctx_resize_dims(TfLiteContext *ctx, TfLiteTensor *t,
                                    const int *dims, int rank) {
  tflc_subgraph *sg = ctx->impl_;
  if (!t || t < sg->tensors || t >= sg->tensors + sg->n_tensors) {
    ctx_report_error(ctx, "resize of a tensor that is not in this subgraph");
    return kTfLiteError;
  }
  return tflc_subgraph_resize_tensor(sg, (int)(t - sg->tensors), dims, rank);
}

static TfLiteStatus ctx_resize_tensor(TfLiteContext *ctx, TfLiteTensor *t,
                                      TfLiteIntArray *new_size) {
  if (!new_size) return kTfLiteError;
  TfLiteStatus s = ctx_resize_dims(ctx, t, new_size->data, new_size->size);
  TfLiteIntArrayFree(new_size);
  return s;
}

static TfLiteStatus ctx_add_tensors(TfLiteContext *ctx, int n, int *first) {
  (void)n;
  (void)first;
  ctx_report_error(ctx,
                   "AddTensors is not supported by tflc; use "
                   "RequestScratchBufferInArena for temporary memory");
  return kTfLiteError;
}

static TfLiteStatus ctx_get_node(TfLiteContext *ctx, int node_index,
                                 TfLiteNode **node, TfLiteRegistration **reg) {
  tflc_subgraph *sg = ctx->impl_;
  if (node_index < 0 || node_index >= sg->n_nodes) return kTfLiteError;
  *node = &sg->nodes[node_index].node;
  *reg = (TfLiteRegistration *)sg->nodes[node_index].reg;
  return kTfLiteOk;
}

static void *ctx_persistent(TfLiteContext *ctx, size_t bytes) {
  return tflc_interp_persistent_alloc(sg_interp(ctx), bytes);
}

static TfLiteTensor *ctx_get_tensor(const TfLiteContext *ctx, int index) {
  const tflc_subgraph *sg = ctx->impl_;
  if (index < 0 || index >= sg->n_tensors) return NULL;
  return &sg->tensors[index];
}

#define DYN_SCRATCH_BASE 1000000

/* Scratch for a node prepared at invoke: offsets in the dynamic block, which
 * grows (allocation at invoke: only graphs with data-dependent shapes). */
static TfLiteStatus request_dyn_scratch(tflc_subgraph *sg, size_t bytes,
                                        int *idx) {
  if (sg->n_dyn_scratch >= 16) {
    ctx_report_error(&sg->ctx,
                     "too many scratch buffers for one node (max 16)");
    return kTfLiteError;
  }
  size_t start = 0;
  if (sg->n_dyn_scratch) {
    int last = sg->n_dyn_scratch - 1;
    start =
        (sg->dyn_scratch_offsets[last] + sg->dyn_scratch_bytes[last] + 63u) &
        ~(size_t)63u;
  }
  size_t need;
  if (tflc_add_size(start, bytes, &need) != 0) return kTfLiteError;
  if (need > sg->dyn_scratch_capacity) {
    uint8_t *block = sg_alloc(sg, need);
    if (!block) {
      tflc_interp_oom(sg->interp, "scratch memory", need);
      return kTfLiteError;
    }
    sg_free(sg, sg->dyn_scratch);
    sg->dyn_scratch = block;
    sg->dyn_scratch_capacity = need;
  }
  sg->dyn_scratch_offsets[sg->n_dyn_scratch] = start;
  sg->dyn_scratch_bytes[sg->n_dyn_scratch] = bytes;
  *idx = DYN_SCRATCH_BASE + sg->n_dyn_scratch++;
  return kTfLiteOk;
}

static TfLiteStatus ctx_request_scratch(TfLiteContext *ctx, size_t bytes,
                                        int *idx) {
  tflc_subgraph *sg = ctx->impl_;
  if (sg->invoke_phase && sg->current_node >= 0 &&
      sg->nodes[sg->current_node].deferred)
    return request_dyn_scratch(sg, bytes, idx);
  if (sg->invoke_phase || sg->current_node < 0) {
    ctx_report_error(ctx, "scratch buffers can only be requested in prepare");
    return kTfLiteError;
  }
  if (sg->n_scratch == sg->cap_scratch) {
    int cap = sg->cap_scratch ? sg->cap_scratch * 2 : 16;
    tflc_scratch *s = sg_alloc(sg, sizeof(tflc_scratch) * (size_t)cap);
    if (!s) {
      tflc_interp_oom(sg->interp, "the scratch buffer list",
                      sizeof(tflc_scratch) * (size_t)cap);
      return kTfLiteError;
    }
    if (sg->n_scratch)
      memcpy(s, sg->scratch, sizeof(tflc_scratch) * (size_t)sg->n_scratch);
    sg_free(sg, sg->scratch);
    sg->scratch = s;
    sg->cap_scratch = cap;
  }
  sg->scratch[sg->n_scratch] = (tflc_scratch){bytes, sg->current_node, 0};
  *idx = sg->n_scratch++;
  return kTfLiteOk;
}

static void *ctx_get_scratch(TfLiteContext *ctx, int idx) {
  tflc_subgraph *sg = ctx->impl_;
  if (idx >= DYN_SCRATCH_BASE && idx < DYN_SCRATCH_BASE + sg->n_dyn_scratch)
    return sg->dyn_scratch + sg->dyn_scratch_offsets[idx - DYN_SCRATCH_BASE];
  if (idx < 0 || idx >= sg->n_scratch || !sg->arena) return NULL;
  return sg->arena + sg->scratch[idx].offset;
}

static void ctx_parallel_for(TfLiteContext *ctx, int n_tasks,
                             void (*fn)(void *arg, int task), void *arg) {
  tflc_pool_run(sg_interp(ctx)->pool, fn, arg, n_tasks);
}

static TfLiteStatus ctx_resize_bytes(TfLiteContext *ctx, TfLiteTensor *t,
                                     const int *dims, int rank, size_t bytes) {
  tflc_subgraph *sg = ctx->impl_;
  if (!t || t < sg->tensors || t >= sg->tensors + sg->n_tensors) {
    ctx_report_error(ctx, "resize of a tensor that is not in this subgraph");
    return kTfLiteError;
  }
  return tflc_subgraph_resize_bytes(sg, (int)(t - sg->tensors), dims, rank,
                                    bytes);
}

static TfLiteStatus ctx_make_output_constant(TfLiteContext *ctx,
                                             TfLiteTensor *t) {
  tflc_subgraph *sg = ctx->impl_;
  if (sg->invoke_phase || !t || t < sg->tensors ||
      t >= sg->tensors + sg->n_tensors)
    return kTfLiteError;
  if (t->type == kTfLiteString) return kTfLiteError;
  if (t->allocation_type != kTfLiteArenaRw &&
      t->allocation_type != kTfLitePersistentRo)
    return kTfLiteError;
  t->allocation_type = kTfLitePersistentRo;
  return tflc_subgraph_ensure_heap(sg, (int)(t - sg->tensors));
}

void tflc_subgraph_init_context(tflc_subgraph *sg) {
  TfLiteInterpreter *interp = sg->interp;
  int nt = sg->n_tensors;
  TfLiteContext *ctx = &sg->ctx;
  ctx->tensors_size = (size_t)nt;
  ctx->tensors = sg->tensors;
  ctx->impl_ = sg;
  ctx->ResizeTensor = ctx_resize_tensor;
  ctx->ReportError = ctx_report_error;
  ctx->AddTensors = ctx_add_tensors;
  ctx->GetNodeAndRegistration = ctx_get_node;
  ctx->AllocatePersistentBuffer = ctx_persistent;
  ctx->GetTensor = ctx_get_tensor;
  ctx->RequestScratchBufferInArena = ctx_request_scratch;
  ctx->GetScratchBuffer = ctx_get_scratch;
  ctx->TflcResizeTensorDims = ctx_resize_dims;
  ctx->TflcParallelFor = ctx_parallel_for;
  ctx->TflcMakeOutputConstant = ctx_make_output_constant;
  ctx->TflcResizeTensorBytes = ctx_resize_bytes;
  ctx->recommended_num_threads = interp->num_threads;
  ctx->TflcQuantizedRounding = interp->quantized_rounding;
}
