/* Building a subgraph from the model def: its tensors (types, shapes,
 * quantization, constants pointing into the model bytes, variables) and its
 * nodes (inputs/outputs, options); and freeing it all. */
#include <limits.h>
#include <string.h>

#include "base/checked_math.h"
#include "core/subgraph_internal.h"
#include "schema/schema.h"

static TfLiteStatus init_quantization(tflc_subgraph *sg, int index,
                                      TfLiteTensor *t,
                                      const tflc_quant_def *q) {
  if (!q || q->n_scale == 0) return kTfLiteOk;
  int32_t qdim = q->quantized_dimension;
  int rank = t->dims ? t->dims->size : 0;
  if (q->n_scale > 1 && (qdim < 0 || qdim >= rank)) {
    if (rank == 1 && t->dims->data[0] == q->n_scale) {
      /* Seen in TFLite Micro's person_detect: per-channel biases that say
       * quantized_dimension=3. TensorFlow Lite refuses the model; TensorFlow
       * Lite Micro ignores the field. A rank-1 tensor has one axis, so the
       * scales can only be along it: run, and say so. */
      tflc_warnf(&sg->interp->err,
                 "subgraph %d tensor %d ('%s'): quantized_dimension %d is out "
                 "of range for a rank-1 tensor "
                 "with %d scales; using dimension 0 (TensorFlow Lite refuses "
                 "this model, TensorFlow Lite "
                 "Micro runs it)",
                 sg->index, index, t->name, (int)qdim, (int)q->n_scale);
      qdim = 0;
    } else {
      tflc_interp_error(sg->interp,
                        "subgraph %d tensor %d ('%s'): quantized_dimension %d "
                        "is out of range for rank %d",
                        sg->index, index, t->name, (int)qdim, rank);
      return kTfLiteError;
    }
  }
  t->params.scale = q->scale[0];
  t->params.zero_point = q->n_zero_point ? (int32_t)q->zero_point[0] : 0;
  TfLiteAffineQuantization *aq = sg_alloc(sg, sizeof *aq);
  TfLiteFloatArray *scale = sg_alloc(
      sg, sizeof(TfLiteFloatArray) + sizeof(float) * (size_t)q->n_scale);
  TfLiteIntArray *zp =
      sg_alloc(sg, sizeof(TfLiteIntArray) + sizeof(int) * (size_t)q->n_scale);
  if (!aq || !scale || !zp) {
    sg_free(sg, aq);
    sg_free(sg, scale);
    sg_free(sg, zp);
    return kTfLiteError;
  }
  scale->size = q->n_scale;
  zp->size = q->n_scale;
  for (int i = 0; i < q->n_scale; i++) {
    scale->data[i] = q->scale[i];
    int64_t z = q->n_zero_point == q->n_scale ? q->zero_point[i]
                : q->n_zero_point             ? q->zero_point[0]
                                              : 0;
    zp->data[i] = (int)(z < INT_MIN ? INT_MIN : z > INT_MAX ? INT_MAX : z);
  }
  aq->scale = scale;
  aq->zero_point = zp;
  aq->quantized_dimension = qdim;
  t->quantization.type = kTfLiteAffineQuantization;
  t->quantization.params = aq;
  return kTfLiteOk;
}

static TfLiteStatus init_tensor(tflc_subgraph *sg, int i) {
  TfLiteInterpreter *interp = sg->interp;
  const tflc_tensor_def *td = &sg->def->tensors[i];
  TfLiteTensor *t = &sg->tensors[i];
  t->type = tflc_type_from_schema(td->type);
  t->name = td->name;
  sg->dims_cap[i] = td->rank > 4 ? td->rank : 4;
  t->dims = sg_int_array(sg, td->shape, td->rank, sg->dims_cap[i]);
  if (!t->dims) return kTfLiteError;
  if (td->has_shape_signature) {
    t->dims_signature =
        sg_int_array(sg, td->shape_signature, td->n_shape_signature, 0);
    if (!t->dims_signature) return kTfLiteError;
  }
  if (init_quantization(sg, i, t, td->quant) != kTfLiteOk) return kTfLiteError;
  t->is_variable = td->is_variable;
  t->buffer_handle = -1;
  sg->arena_offset[i] = -1;
  size_t elems = 0;
  if (tflc_shape_elems(td->shape, td->rank, (size_t)INT32_MAX, &elems) != 0) {
    tflc_interp_error(interp, "subgraph %d tensor %d ('%s'): invalid shape",
                      sg->index, i, t->name);
    return kTfLiteError;
  }
  size_t esize = tflc_type_size(t->type);
  t->bytes = t->type == kTfLiteInt4 ? (elems + 1) / 2 : elems * esize;
  const tflc_buffer_def *b = td->buffer < (uint32_t)interp->def->n_buffers
                                 ? &interp->def->buffers[td->buffer]
                                 : NULL;
  if (td->is_variable) {
    t->allocation_type = kTfLiteArenaRwPersistent;
  } else if (b && (b->size > 0 || (td->sparsity && b->data))) {
    /* A sparse constant holds only its values (possibly none): its bytes are
     * the buffer's, its shape the dense one; `sparsity` points at the
     * decoded tflc_sparsity_def (kernels/internal/sparse_tensor.h). */
    t->sparsity = (TfLiteSparsity *)(void *)td->sparsity;
    t->allocation_type = kTfLiteMmapRo;
    t->bytes = b->size;
    uintptr_t addr = (uintptr_t)b->data;
    if (addr % 16 != 0) {
      /* Misaligned constant: copy once into aligned persistent memory. */
      void *copy = tflc_interp_persistent_alloc(interp, b->size);
      if (!copy) return kTfLiteError;
      memcpy(copy, b->data, b->size);
      t->data.data = copy;
    } else {
      t->data.raw_const = (const char *)b->data;
    }
    t->allocation = b->data;
  } else if (t->type == kTfLiteString) {
    t->allocation_type = kTfLiteDynamic;
    t->bytes = 0;
  } else {
    t->allocation_type = kTfLiteArenaRw;
  }
  return kTfLiteOk;
}

static TfLiteStatus init_node(tflc_subgraph *sg, int i) {
  TfLiteInterpreter *interp = sg->interp;
  const tflc_operator_def *od = &sg->def->operators[i];
  tflc_node_info *n = &sg->nodes[i];
  const tflc_opcode_def *oc = &interp->def->opcodes[od->opcode_index];
  n->code = oc->effective_code;
  if (n->code == 32 /* CUSTOM */) {
    n->name = oc->custom_code ? oc->custom_code : "custom op without a name";
  } else {
    const char *name = schema_builtin_name(n->code);
    n->name = name ? name : "unknown builtin";
  }
  /* An op carries builtin_options or builtin_options_2 (StableHLO ops). */
  n->options =
      od->options.table || !od->options2.table ? od->options : od->options2;
  n->node.inputs = sg_int_array(sg, od->inputs, od->n_inputs, 0);
  n->node.outputs = sg_int_array(sg, od->outputs, od->n_outputs, 0);
  n->node.intermediates =
      sg_int_array(sg, od->intermediates, od->n_intermediates, 0);
  n->node.temporaries = sg_int_array(sg, NULL, 0, 0);
  if (!n->node.inputs || !n->node.outputs || !n->node.intermediates ||
      !n->node.temporaries)
    return kTfLiteError;
  n->node.builtin_data = &n->options;
  n->node.custom_initial_data = od->custom_options;
  n->node.custom_initial_data_size = (int)od->custom_options_size;
  return kTfLiteOk;
}

TfLiteStatus tflc_subgraph_init(TfLiteInterpreter *interp, int index) {
  tflc_subgraph *sg = &interp->subgraphs[index];
  memset(sg, 0, sizeof *sg);
  sg->interp = interp;
  sg->index = index;
  sg->def = &interp->def->subgraphs[index];
  sg->current_node = -1;
  int nt = sg->def->n_tensors;
  sg->n_tensors = nt;
  sg->tensors =
      tflc_calloc(interp->alloc, (size_t)(nt ? nt : 1), sizeof(TfLiteTensor));
  sg->dims_cap = tflc_calloc(interp->alloc, (size_t)(nt ? nt : 1), sizeof(int));
  sg->arena_offset =
      tflc_calloc(interp->alloc, (size_t)(nt ? nt : 1), sizeof(int64_t));
  sg->heap_capacity =
      tflc_calloc(interp->alloc, (size_t)(nt ? nt : 1), sizeof(size_t));
  int nn = sg->def->n_operators;
  sg->n_nodes = nn;
  sg->nodes =
      tflc_calloc(interp->alloc, (size_t)(nn ? nn : 1), sizeof(tflc_node_info));
  sg->n_inputs = sg->def->n_inputs;
  sg->inputs = sg->def->inputs;
  sg->n_outputs = sg->def->n_outputs;
  sg->outputs = sg->def->outputs;
  if (!sg->tensors || !sg->dims_cap || !sg->arena_offset ||
      !sg->heap_capacity || !sg->nodes) {
    /* destroy() walks n_tensors/n_nodes: only over arrays that exist. */
    if (!sg->tensors || !sg->dims_cap || !sg->heap_capacity) sg->n_tensors = 0;
    if (!sg->nodes) sg->n_nodes = 0;
    tflc_interp_oom(interp, "creating a subgraph",
                    sizeof(TfLiteTensor) * (size_t)nt);
    return kTfLiteError;
  }
  tflc_subgraph_init_context(sg);
  for (int i = 0; i < nt; i++) {
    if (init_tensor(sg, i) != kTfLiteOk) {
      if (!interp->err.msg[0])
        tflc_interp_oom(interp, "creating tensors",
                        sizeof(TfLiteIntArray) + 4 * sizeof(int));
      return kTfLiteError;
    }
  }
  for (int i = 0; i < nn; i++) {
    if (init_node(sg, i) != kTfLiteOk) {
      tflc_interp_oom(interp, "creating operators", sizeof(TfLiteIntArray) * 4);
      return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

void tflc_subgraph_destroy(tflc_subgraph *sg) {
  if (!sg->interp) return;
  for (int i = 0; i < sg->n_nodes; i++) {
    tflc_node_info *n = &sg->nodes[i];
    if (n->initialized && n->reg && n->reg->free)
      n->reg->free(&sg->ctx, n->node.user_data);
    sg_free(sg, n->node.inputs);
    sg_free(sg, n->node.outputs);
    sg_free(sg, n->node.intermediates);
    sg_free(sg, n->node.temporaries);
  }
  for (int i = 0; i < sg->n_tensors; i++) {
    TfLiteTensor *t = &sg->tensors[i];
    sg_free(sg, t->dims);
    sg_free(sg, (void *)t->dims_signature);
    if (t->quantization.type == kTfLiteAffineQuantization) {
      TfLiteAffineQuantization *aq = t->quantization.params;
      sg_free(sg, aq->scale);
      sg_free(sg, aq->zero_point);
      sg_free(sg, aq);
    }
    if ((t->allocation_type == kTfLiteDynamic ||
         t->allocation_type == kTfLiteArenaRwPersistent ||
         t->allocation_type == kTfLitePersistentRo) &&
        sg->heap_capacity[i])
      sg_free(sg, t->data.data);
  }
  sg_free(sg, sg->nodes);
  sg_free(sg, sg->tensors);
  sg_free(sg, sg->dims_cap);
  sg_free(sg, sg->arena_offset);
  sg_free(sg, sg->heap_capacity);
  sg_free(sg, sg->scratch);
  sg_free(sg, sg->dyn_scratch);
  sg_free(sg, sg->arena_block);
  memset(sg, 0, sizeof *sg);
}
