/* Signature runners: a SignatureDef's named inputs/outputs over the
 * subgraph it names, with their own allocate and invoke; tflc.h's subgraph
 * and tensor indices behind a runner's names and its STRING inputs. */
#include <stdio.h>
#include <string.h>

#include "base/checked_math.h"
#include "core/interp_internal.h"

int32_t TfLiteInterpreterGetSignatureCount(const TfLiteInterpreter *interp) {
  return interp ? interp->def->n_signatures : 0;
}

const char *TfLiteInterpreterGetSignatureKey(const TfLiteInterpreter *interp,
                                             int32_t i) {
  if (!interp || i < 0 || i >= interp->def->n_signatures) return NULL;
  return interp->def->signatures[i].key;
}

TfLiteSignatureRunner *TfLiteInterpreterGetSignatureRunner(
    const TfLiteInterpreter *interp_c, const char *key) {
  TfLiteInterpreter *interp = (TfLiteInterpreter *)interp_c;
  if (!interp) return NULL;
  const tflc_model_def *def = interp->def;
  for (int i = 0; i < def->n_signatures; i++) {
    const tflc_signature_def *s = &def->signatures[i];
    bool match = key ? strcmp(s->key, key) == 0 : def->n_signatures == 1;
    if (!match) continue;
    TfLiteSignatureRunner *r = &interp->runners[i];
    r->interp = interp;
    r->signature_index = i;
    r->sig = s;
    r->sg = &interp->subgraphs[s->subgraph_index];
    return r;
  }
  tflc_interp_error(interp,
                    "no signature named '%s' (the model has %d signatures)",
                    key ? key : "(null)", def->n_signatures);
  return NULL;
}

size_t TfLiteSignatureRunnerGetInputCount(const TfLiteSignatureRunner *r) {
  return r ? (size_t)r->sig->n_inputs : 0;
}

const char *TfLiteSignatureRunnerGetInputName(const TfLiteSignatureRunner *r,
                                              int32_t i) {
  if (!r || i < 0 || i >= r->sig->n_inputs) return NULL;
  return r->sig->inputs[i].name;
}

size_t TfLiteSignatureRunnerGetOutputCount(const TfLiteSignatureRunner *r) {
  return r ? (size_t)r->sig->n_outputs : 0;
}

const char *TfLiteSignatureRunnerGetOutputName(const TfLiteSignatureRunner *r,
                                               int32_t i) {
  if (!r || i < 0 || i >= r->sig->n_outputs) return NULL;
  return r->sig->outputs[i].name;
}

static int find_map(const tflc_tensor_map_def *maps, int n, const char *name) {
  if (!name) return -1;
  for (int i = 0; i < n; i++)
    if (strcmp(maps[i].name, name) == 0) return (int)maps[i].tensor_index;
  return -1;
}

TfLiteTensor *TfLiteSignatureRunnerGetInputTensor(TfLiteSignatureRunner *r,
                                                  const char *name) {
  if (!r) return NULL;
  int t = find_map(r->sig->inputs, r->sig->n_inputs, name);
  if (t < 0) {
    tflc_interp_error(r->interp, "signature '%s' has no input named '%s'",
                      r->sig->key, name ? name : "(null)");
    return NULL;
  }
  return &r->sg->tensors[t];
}

const TfLiteTensor *TfLiteSignatureRunnerGetOutputTensor(
    const TfLiteSignatureRunner *r, const char *name) {
  if (!r) return NULL;
  int t = find_map(r->sig->outputs, r->sig->n_outputs, name);
  if (t < 0) {
    tflc_interp_error(r->interp, "signature '%s' has no output named '%s'",
                      r->sig->key, name ? name : "(null)");
    return NULL;
  }
  return &r->sg->tensors[t];
}

TfLiteStatus TfLiteSignatureRunnerResizeInputTensor(TfLiteSignatureRunner *r,
                                                    const char *name,
                                                    const int *dims,
                                                    int32_t rank) {
  if (!r) return kTfLiteError;
  r->interp->err.msg[0] = '\0';
  int t = find_map(r->sig->inputs, r->sig->n_inputs, name);
  if (t < 0) {
    tflc_interp_error(r->interp, "signature '%s' has no input named '%s'",
                      r->sig->key, name ? name : "(null)");
    return kTfLiteError;
  }
  if (rank < 0 || (rank > 0 && !dims)) {
    tflc_interp_error(r->interp, "invalid dims for input '%s'", name);
    return kTfLiteError;
  }
  return tflc_subgraph_resize_tensor(r->sg, t, dims, rank);
}

TfLiteStatus TfLiteSignatureRunnerAllocateTensors(TfLiteSignatureRunner *r) {
  if (!r) return kTfLiteError;
  r->interp->err.msg[0] = '\0';
  r->sg->prepared = false;
  TfLiteStatus s = tflc_subgraph_allocate(r->sg);
  if (r->sg->index == 0) r->interp->allocated = (s == kTfLiteOk);
  return s;
}

TfLiteStatus TfLiteSignatureRunnerInvoke(TfLiteSignatureRunner *r) {
  if (!r) return kTfLiteError;
  r->interp->err.msg[0] = '\0';
  atomic_store(&r->interp->cancelled, 0);
  if (!r->sg->prepared) {
    TfLiteStatus s = tflc_subgraph_allocate(r->sg);
    if (s != kTfLiteOk) return s;
  }
  return tflc_subgraph_invoke(r->sg);
}

void TfLiteSignatureRunnerDelete(TfLiteSignatureRunner *r) {
  (void)r; /* runners are owned by their interpreter */
}

/* ---- tflc.h additions: indices behind the names, STRING inputs ---- */

int32_t TflcSignatureRunnerGetSubgraphIndex(const TfLiteSignatureRunner *r) {
  return r && r->sig ? (int32_t)r->sig->subgraph_index : -1;
}

int32_t TflcSignatureRunnerGetInputTensorIndex(const TfLiteSignatureRunner *r,
                                               int32_t i) {
  if (!r || !r->sig || i < 0 || i >= r->sig->n_inputs) return -1;
  return (int32_t)r->sig->inputs[i].tensor_index;
}

int32_t TflcSignatureRunnerGetOutputTensorIndex(const TfLiteSignatureRunner *r,
                                                int32_t i) {
  if (!r || !r->sig || i < 0 || i >= r->sig->n_outputs) return -1;
  return (int32_t)r->sig->outputs[i].tensor_index;
}

TfLiteStatus TflcSignatureRunnerSetInputStrings(
    TfLiteSignatureRunner *r, const char *name, const char *const *strings,
    const size_t *lengths, int count, const int *dims, int rank) {
  if (!r) return kTfLiteError;
  TfLiteInterpreter *interp = r->interp;
  interp->err.msg[0] = '\0';
  int ti = find_map(r->sig->inputs, r->sig->n_inputs, name);
  if (ti < 0) {
    tflc_interp_error(interp, "signature '%s' has no input named '%s'",
                      r->sig->key, name ? name : "(null)");
    return kTfLiteError;
  }
  char what[160];
  snprintf(what, sizeof what, "signature '%.60s' input '%.60s'", r->sig->key,
           name);
  return tflc_subgraph_write_strings(r->sg, ti, what, strings, lengths, count,
                                     dims, rank);
}
