/* Kernel-facing access to other subgraphs (control flow) and to resource
 * variables; see subgraph_api.h. */
#include "core/subgraph_api.h"

#include <string.h>

#include "core/interp_internal.h"

tflc_subgraph *tflc_ctx_subgraph(TfLiteContext *ctx) { return ctx->impl_; }

tflc_subgraph *tflc_ctx_other_subgraph(TfLiteContext *ctx, int index) {
  tflc_subgraph *sg = ctx->impl_;
  if (index < 0 || index >= sg->interp->n_subgraphs) return NULL;
  return &sg->interp->subgraphs[index];
}

int tflc_subgraph_count(TfLiteContext *ctx) {
  return ((tflc_subgraph *)ctx->impl_)->interp->n_subgraphs;
}

int tflc_sg_input_count(const tflc_subgraph *sg) { return sg->n_inputs; }
int tflc_sg_output_count(const tflc_subgraph *sg) { return sg->n_outputs; }

TfLiteTensor *tflc_sg_input(tflc_subgraph *sg, int i) {
  if (i < 0 || i >= sg->n_inputs) return NULL;
  return &sg->tensors[sg->inputs[i]];
}

TfLiteTensor *tflc_sg_output(tflc_subgraph *sg, int i) {
  if (i < 0 || i >= sg->n_outputs) return NULL;
  return &sg->tensors[sg->outputs[i]];
}

TfLiteStatus tflc_sg_resize_input(tflc_subgraph *sg, int i, const int *dims,
                                  int rank) {
  if (i < 0 || i >= sg->n_inputs) return kTfLiteError;
  return tflc_subgraph_resize_tensor(sg, sg->inputs[i], dims, rank);
}

TfLiteStatus tflc_sg_allocate(tflc_subgraph *sg) {
  return tflc_subgraph_allocate(sg);
}

TfLiteStatus tflc_sg_invoke(tflc_subgraph *sg) {
  return tflc_subgraph_invoke(sg);
}

static TfLiteInterpreter *ctx_interp(TfLiteContext *ctx) {
  return ((tflc_subgraph *)ctx->impl_)->interp;
}

int tflc_resource_id(TfLiteContext *ctx, const char *key) {
  TfLiteInterpreter *interp = ctx_interp(ctx);
  for (int i = 0; i < interp->n_resources; i++)
    if (strcmp(interp->resources[i].key, key) == 0) return i;
  if (interp->n_resources == interp->cap_resources) {
    int cap = interp->cap_resources ? interp->cap_resources * 2 : 8;
    tflc_resource *r = tflc_calloc(interp->alloc, (size_t)cap, sizeof *r);
    if (!r) return -1;
    if (interp->n_resources)
      memcpy(r, interp->resources, sizeof *r * (size_t)interp->n_resources);
    tflc_free(interp->alloc, interp->resources);
    interp->resources = r;
    interp->cap_resources = cap;
  }
  tflc_resource *r = &interp->resources[interp->n_resources];
  memset(r, 0, sizeof *r);
  r->key = tflc_strdup(interp->alloc, key);
  if (!r->key) return -1;
  r->id = interp->n_resources;
  return interp->n_resources++;
}

TfLiteStatus tflc_resource_get(TfLiteContext *ctx, int id, TfLiteType *type,
                               const int **dims, int *rank, const void **data,
                               size_t *bytes) {
  TfLiteInterpreter *interp = ctx_interp(ctx);
  if (id < 0 || id >= interp->n_resources) return kTfLiteError;
  tflc_resource *r = &interp->resources[id];
  *type = r->type;
  *dims = r->dims;
  *rank = r->rank;
  *data = r->initialized ? r->data : NULL;
  *bytes = r->bytes;
  return kTfLiteOk;
}

TfLiteStatus tflc_resource_assign(TfLiteContext *ctx, int id,
                                  const TfLiteTensor *value) {
  TfLiteInterpreter *interp = ctx_interp(ctx);
  if (id < 0 || id >= interp->n_resources) return kTfLiteError;
  tflc_resource *r = &interp->resources[id];
  int rank = value->dims ? value->dims->size : 0;
  if (rank > 8) {
    ctx->ReportError(ctx, "resource variable rank %d is not supported (max 8)",
                     rank);
    return kTfLiteError;
  }
  if (value->bytes > r->capacity) {
    void *p = tflc_alloc(interp->alloc, value->bytes);
    if (!p) {
      tflc_interp_oom(interp, "a resource variable", value->bytes);
      return kTfLiteError;
    }
    tflc_free(interp->alloc, r->data);
    r->data = p;
    r->capacity = value->bytes;
  }
  if (value->bytes) memcpy(r->data, value->data.data, value->bytes);
  r->bytes = value->bytes;
  r->type = value->type;
  r->rank = rank;
  for (int i = 0; i < rank; i++) r->dims[i] = value->dims->data[i];
  r->initialized = true;
  return kTfLiteOk;
}

bool tflc_ctx_cancelled(TfLiteContext *ctx) {
  return atomic_load(&ctx_interp(ctx)->cancelled) != 0;
}

TfLiteStatus tflc_copy_tensor_data(TfLiteContext *ctx, TfLiteTensor *dst,
                                   const TfLiteTensor *src) {
  if (dst == src || (dst->data.data == src->data.data &&
                     (dst->type != kTfLiteString || dst->bytes == src->bytes)))
    return kTfLiteOk;
  if (dst->type == kTfLiteString && dst->allocation_type == kTfLiteDynamic) {
    /* A STRING value takes the source's shape and bytes (its size is data). */
    TfLiteInterpreter *interp = ctx_interp(ctx);
    for (int g = 0; g < interp->n_subgraphs; g++) {
      tflc_subgraph *sg = &interp->subgraphs[g];
      if (dst < sg->tensors || dst >= sg->tensors + sg->n_tensors) continue;
      if (tflc_subgraph_resize_bytes(
              sg, (int)(dst - sg->tensors), src->dims ? src->dims->data : NULL,
              src->dims ? src->dims->size : 0, src->bytes) != kTfLiteOk)
        return kTfLiteError;
      if (src->bytes) memcpy(dst->data.data, src->data.data, src->bytes);
      return kTfLiteOk;
    }
  }
  if (dst->bytes != src->bytes) {
    ctx->ReportError(
        ctx, "cannot copy tensor '%s' (%zu bytes) into '%s' (%zu bytes)",
        src->name ? src->name : "", src->bytes, dst->name ? dst->name : "",
        dst->bytes);
    return kTfLiteError;
  }
  if (src->bytes) memcpy(dst->data.data, src->data.data, src->bytes);
  return kTfLiteOk;
}

void *tflc_resource_object(TfLiteContext *ctx, int id) {
  TfLiteInterpreter *interp = ctx_interp(ctx);
  if (id < 0 || id >= interp->n_resources) return NULL;
  return interp->resources[id].object;
}

TfLiteStatus tflc_resource_set_object(
    TfLiteContext *ctx, int id, void *object,
    void (*object_free)(void *object, const tflc_allocator *alloc)) {
  TfLiteInterpreter *interp = ctx_interp(ctx);
  if (id < 0 || id >= interp->n_resources || interp->resources[id].object)
    return kTfLiteError;
  interp->resources[id].object = object;
  interp->resources[id].object_free = object_free;
  return kTfLiteOk;
}

const tflc_allocator *tflc_ctx_allocator(TfLiteContext *ctx) {
  return ctx_interp(ctx)->alloc;
}
