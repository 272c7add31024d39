/* A subgraph at run time: resolving and preparing its nodes (those reading
 * data-dependent shapes are prepared at invoke), AllocateTensors (prepare,
 * heap tensors, arena plan) and Invoke. Building it is in subgraph_build.c,
 * its memory in subgraph_memory.c, its TfLiteContext in subgraph_context.c. */
#include <string.h>

#include "core/subgraph_internal.h"
#include "schema/schema.h"

static TfLiteStatus resolve_and_init(tflc_subgraph *sg, int i) {
  tflc_node_info *n = &sg->nodes[i];
  if (n->initialized) return kTfLiteOk;
  const tflc_operator_def *od = &sg->def->operators[i];
  const tflc_opcode_def *oc = &sg->interp->def->opcodes[od->opcode_index];
  n->reg =
      tflc_interp_find_op(sg->interp, n->code, oc->custom_code, oc->version);
  if (!n->reg) {
    if (n->code == 32)
      tflc_interp_error(
          sg->interp,
          "subgraph %d operator %d: unresolved custom op '%s': it is not "
          "registered "
          "(register it with TfLiteInterpreterOptionsAddCustomOp)%s",
          sg->index, i, n->name,
          strcmp(n->name, "edgetpu-custom-op") == 0
              ? "; this model was compiled for the Edge TPU and runs only with "
                "its delegate"
              : "");
    else
      tflc_interp_error(sg->interp,
                        "subgraph %d operator %d (%s, version %d): this "
                        "operator is not supported by tflc yet",
                        sg->index, i, n->name, oc->version);
    return kTfLiteError;
  }
  if (!n->reg->invoke) {
    tflc_interp_error(
        sg->interp,
        "subgraph %d operator %d (%s): registration has no invoke function",
        sg->index, i, n->name);
    return kTfLiteError;
  }
  sg->current_node = i;
  if (n->reg->init) {
    if (n->code == 32)
      n->node.user_data = n->reg->init(
          &sg->ctx, (const char *)od->custom_options, od->custom_options_size);
    else
      n->node.user_data = n->reg->init(&sg->ctx, (const char *)&n->options, 0);
  }
  sg->current_node = -1;
  n->initialized = true;
  return kTfLiteOk;
}

/* Only DENSIFY (or a custom op, which gets what it asked for) reads a
 * sparse constant; any other builtin would take its values for the dense
 * tensor and read past them. */
static TfLiteStatus check_sparse_inputs(tflc_subgraph *sg, int i) {
  const tflc_node_info *n = &sg->nodes[i];
  if (n->code == 124 /* DENSIFY */ || n->code == 32 /* CUSTOM */)
    return kTfLiteOk;
  for (int k = 0; k < n->node.inputs->size; k++) {
    int t = n->node.inputs->data[k];
    if (t >= 0 && sg->tensors[t].sparsity) {
      tflc_interp_error(sg->interp,
                        "subgraph %d operator %d (%s): input %d (tensor %d "
                        "'%s') is a sparse constant; only "
                        "DENSIFY reads sparse tensors in tflc",
                        sg->index, i, n->name, k, t, sg->tensors[t].name);
      return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

/* Blockwise-quantized inputs (QuantizationDetails BlockwiseQuantization):
 * no tflc kernel reads them, and TensorFlow Lite's builtin kernels do not
 * either (its XNNPACK delegate does, for FULLY_CONNECTED): refuse, naming
 * the tensor, instead of a kernel's "no quantization parameters". */
static TfLiteStatus check_blockwise_inputs(tflc_subgraph *sg, int i) {
  const tflc_node_info *n = &sg->nodes[i];
  if (n->code == 32 /* CUSTOM */) return kTfLiteOk;
  for (int k = 0; k < n->node.inputs->size; k++) {
    int t = n->node.inputs->data[k];
    if (t < 0 || t >= sg->def->n_tensors) continue;
    const tflc_quant_def *q = sg->def->tensors[t].quant;
    if (q && q->details_type == 2) {
      tflc_interp_error(sg->interp,
                        "subgraph %d operator %d (%s): input %d (tensor %d "
                        "'%s') is quantized blockwise "
                        "(BlockwiseQuantization, block size %d), which tflc "
                        "does not run; TensorFlow Lite's "
                        "builtin kernels do not read it either (only its "
                        "XNNPACK delegate does)",
                        sg->index, i, n->name, k, t, sg->tensors[t].name,
                        (int)q->details_block_size);
      return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

static TfLiteStatus check_node_tensors(tflc_subgraph *sg, int i) {
  const TfLiteNode *node = &sg->nodes[i].node;
  for (int k = 0; k < node->outputs->size; k++) {
    int o = node->outputs->data[k];
    if (sg->tensors[o].allocation_type == kTfLiteMmapRo) {
      tflc_interp_error(
          sg->interp,
          "subgraph %d operator %d (%s): output %d (tensor %d) is a constant",
          sg->index, i, sg->nodes[i].name, k, o);
      return kTfLiteError;
    }
    for (int j = 0; j < node->inputs->size; j++) {
      if (node->inputs->data[j] == o) {
        tflc_interp_error(sg->interp,
                          "subgraph %d operator %d (%s): tensor %d is both "
                          "input %d and output %d",
                          sg->index, i, sg->nodes[i].name, o, j, k);
        return kTfLiteError;
      }
    }
  }
  return kTfLiteOk;
}

/* A node whose input has a data-dependent shape (a dynamic tensor) cannot
 * be prepared before invoke: its outputs become dynamic too. */
static bool has_dynamic_input(const tflc_subgraph *sg, const TfLiteNode *node) {
  for (int k = 0; k < node->inputs->size; k++) {
    int t = node->inputs->data[k];
    if (t >= 0 && sg->tensors[t].allocation_type == kTfLiteDynamic) return true;
  }
  return false;
}

static TfLiteStatus prepare_one(tflc_subgraph *sg, int i) {
  tflc_node_info *n = &sg->nodes[i];
  sg->current_node = i;
  TfLiteStatus s =
      n->reg->prepare ? n->reg->prepare(&sg->ctx, &n->node) : kTfLiteOk;
  sg->current_node = -1;
  if (s != kTfLiteOk && !sg->interp->err.msg[0])
    tflc_interp_error(sg->interp,
                      "subgraph %d operator %d (%s): prepare failed", sg->index,
                      i, n->name);
  return s;
}

static TfLiteStatus prepare_nodes(tflc_subgraph *sg) {
  sg->n_scratch = 0;
  for (int i = 0; i < sg->n_nodes; i++) {
    tflc_node_info *n = &sg->nodes[i];
    if (check_node_tensors(sg, i) != kTfLiteOk) return kTfLiteError;
    if (resolve_and_init(sg, i) != kTfLiteOk) return kTfLiteError;
    if (check_sparse_inputs(sg, i) != kTfLiteOk) return kTfLiteError;
    if (check_blockwise_inputs(sg, i) != kTfLiteOk) return kTfLiteError;
    n->first_scratch = sg->n_scratch;
    n->deferred = has_dynamic_input(sg, &n->node);
    if (n->deferred) {
      for (int k = 0; k < n->node.outputs->size; k++)
        sg->tensors[n->node.outputs->data[k]].allocation_type = kTfLiteDynamic;
      n->n_scratch = 0;
      continue;
    }
    TfLiteStatus s = prepare_one(sg, i);
    n->n_scratch = sg->n_scratch - n->first_scratch;
    if (s != kTfLiteOk) return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus tflc_subgraph_allocate(tflc_subgraph *sg) {
  if (sg->prepared) return kTfLiteOk;
  if (sg->preparing) {
    tflc_interp_error(sg->interp,
                      "subgraph %d is used by one of its own operators (a "
                      "control-flow cycle); refusing to recurse",
                      sg->index);
    return kTfLiteError;
  }
  sg->preparing = true;
  TfLiteStatus s = prepare_nodes(sg);
  if (s == kTfLiteOk) s = tflc_subgraph_allocate_heap_tensors(sg);
  if (s == kTfLiteOk) s = tflc_subgraph_plan_arena(sg);
  sg->preparing = false;
  sg->prepared = (s == kTfLiteOk);
  return s;
}

TfLiteStatus tflc_subgraph_invoke(tflc_subgraph *sg) {
  TfLiteInterpreter *interp = sg->interp;
  if (!sg->prepared) {
    tflc_interp_error(interp,
                      "subgraph %d: Invoke called before AllocateTensors (or "
                      "after a resize without AllocateTensors)",
                      sg->index);
    return kTfLiteError;
  }
  if (sg->invoking > 0) {
    tflc_interp_error(interp,
                      "subgraph %d is invoked by one of its own operators; "
                      "refusing to recurse",
                      sg->index);
    return kTfLiteError;
  }
  for (int k = 0; k < sg->n_inputs; k++) {
    const TfLiteTensor *t = &sg->tensors[sg->inputs[k]];
    if (t->type == kTfLiteString) continue;
    if (t->bytes && !t->data.data) {
      tflc_interp_error(interp, "subgraph %d: input %d has no data", sg->index,
                        k);
      return kTfLiteError;
    }
  }
  sg->invoking++;
  sg->invoke_phase = true;
  TfLiteStatus status = kTfLiteOk;
  for (int i = 0; i < sg->n_nodes; i++) {
    if (atomic_load(&interp->cancelled)) {
      tflc_interp_error(interp, "invoke cancelled");
      status = kTfLiteCancelled;
      break;
    }
    tflc_node_info *n = &sg->nodes[i];
    if (n->deferred) {
      sg->n_dyn_scratch = 0;
      status = prepare_one(sg, i);
      if (status != kTfLiteOk) break;
    }
    sg->current_node = i;
    status = n->reg->invoke(&sg->ctx, &n->node);
    sg->current_node = -1;
    if (status != kTfLiteOk) {
      if (!interp->err.msg[0])
        tflc_interp_error(interp, "subgraph %d operator %d (%s): invoke failed",
                          sg->index, i, n->name);
      break;
    }
  }
  sg->invoke_phase = false;
  sg->invoking--;
  return status;
}
