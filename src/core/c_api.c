/* The C API's interpreter accessors: version, input/output tensors of the
 * primary subgraph, tensors by index, ResizeInputTensor; and tflc.h's
 * subgraph count and allocation state (for bindings). */
#include <string.h>

#include "core/interp_internal.h"

const char *TfLiteVersion(void) { return "2.16.0 (tflc 0.1.0)"; }

int TfLiteSchemaVersion(void) { return 3; }

static const tflc_subgraph *primary(const TfLiteInterpreter *interp) {
  return interp && interp->n_subgraphs > 0 ? &interp->subgraphs[0] : NULL;
}

int32_t TfLiteInterpreterGetInputTensorCount(const TfLiteInterpreter *interp) {
  const tflc_subgraph *sg = primary(interp);
  return sg ? sg->n_inputs : 0;
}

const int *TfLiteInterpreterInputTensorIndices(
    const TfLiteInterpreter *interp) {
  const tflc_subgraph *sg = primary(interp);
  return sg ? sg->inputs : NULL;
}

TfLiteTensor *TfLiteInterpreterGetInputTensor(const TfLiteInterpreter *interp,
                                              int32_t i) {
  const tflc_subgraph *sg = primary(interp);
  if (!sg) return NULL;
  if (i < 0 || i >= sg->n_inputs) {
    tflc_interp_error(
        (TfLiteInterpreter *)interp,
        "input index %d is out of range (the model has %d inputs)", i,
        sg->n_inputs);
    return NULL;
  }
  return &sg->tensors[sg->inputs[i]];
}

int32_t TfLiteInterpreterGetOutputTensorCount(const TfLiteInterpreter *interp) {
  const tflc_subgraph *sg = primary(interp);
  return sg ? sg->n_outputs : 0;
}

const int *TfLiteInterpreterOutputTensorIndices(
    const TfLiteInterpreter *interp) {
  const tflc_subgraph *sg = primary(interp);
  return sg ? sg->outputs : NULL;
}

const TfLiteTensor *TfLiteInterpreterGetOutputTensor(
    const TfLiteInterpreter *interp, int32_t i) {
  const tflc_subgraph *sg = primary(interp);
  if (!sg) return NULL;
  if (i < 0 || i >= sg->n_outputs) {
    tflc_interp_error(
        (TfLiteInterpreter *)interp,
        "output index %d is out of range (the model has %d outputs)", i,
        sg->n_outputs);
    return NULL;
  }
  return &sg->tensors[sg->outputs[i]];
}

TfLiteTensor *TfLiteInterpreterGetTensor(const TfLiteInterpreter *interp,
                                         int index) {
  const tflc_subgraph *sg = primary(interp);
  if (!sg || index < 0 || index >= sg->n_tensors) return NULL;
  return &sg->tensors[index];
}

int32_t TfLiteInterpreterGetTensorCount(const TfLiteInterpreter *interp) {
  const tflc_subgraph *sg = primary(interp);
  return sg ? sg->n_tensors : 0;
}

TfLiteStatus TfLiteInterpreterResizeInputTensor(TfLiteInterpreter *interp,
                                                int32_t i, const int *dims,
                                                int32_t rank) {
  if (!interp) return kTfLiteError;
  interp->err.msg[0] = '\0';
  tflc_subgraph *sg = interp->n_subgraphs > 0 ? &interp->subgraphs[0] : NULL;
  if (!sg || i < 0 || i >= sg->n_inputs) {
    tflc_interp_error(interp,
                      "ResizeInputTensor: input index %d is out of range (the "
                      "model has %d inputs)",
                      i, sg ? sg->n_inputs : 0);
    return kTfLiteError;
  }
  if (rank < 0 || (rank > 0 && !dims)) {
    tflc_interp_error(interp, "ResizeInputTensor: invalid dims for input %d",
                      i);
    return kTfLiteError;
  }
  TfLiteStatus s = tflc_subgraph_resize_tensor(sg, sg->inputs[i], dims, rank);
  if (s == kTfLiteOk && !sg->prepared) interp->allocated = false;
  return s;
}

/* ---- introspection for bindings (tflc.h) ---- */

int32_t TflcInterpreterGetSubgraphCount(const TfLiteInterpreter *interp) {
  return interp ? interp->n_subgraphs : 0;
}

int TflcInterpreterIsSubgraphAllocated(const TfLiteInterpreter *interp,
                                       int32_t k) {
  if (!interp || k < 0 || k >= interp->n_subgraphs) return 0;
  /* Subgraph 0 also needs a successful AllocateTensors (a failed one may
   * leave it half planned). */
  if (k == 0 && !interp->allocated) return 0;
  return interp->subgraphs[k].prepared ? 1 : 0;
}
