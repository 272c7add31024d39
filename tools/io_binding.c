/* Binding of the executed subgraph's inputs/outputs for the tools (see
 * io_binding.h): subgraph 0 through the interpreter API, or a signature
 * through its runner with names sorted into the subgraph's order. */
#include "io_binding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/allocator.h"
#include "cli_util.h"
#include "schema/schema.h"
#include "tflc/tflc.h"

static char *dup_str(const char *s) {
  if (!s) s = "";
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

static char **alloc_names(int n) {
  return calloc(n > 0 ? (size_t)n : 1, sizeof(char *));
}

static void free_names(char **names, int n) {
  if (!names) return;
  for (int i = 0; i < n; i++) free(names[i]);
  free(names);
}

/* Position of tensor t in list, or `fallback` when absent. */
static int position_in(const int32_t *list, int32_t n, uint32_t t,
                       int fallback) {
  for (int32_t i = 0; i < n; i++)
    if (list[i] >= 0 && (uint32_t)list[i] == t) return i;
  return fallback;
}

/* Fills names with the tensor-map names sorted by subgraph position. */
static int sorted_names(const tflc_tensor_map_def *maps, int32_t n_maps,
                        const int32_t *order, int32_t n_order, char **names) {
  int *pos = malloc((size_t)(n_maps > 0 ? n_maps : 1) * sizeof(int));
  int *idx = malloc((size_t)(n_maps > 0 ? n_maps : 1) * sizeof(int));
  if (!pos || !idx) {
    free(pos);
    free(idx);
    return -1;
  }
  for (int32_t j = 0; j < n_maps; j++) {
    pos[j] = position_in(order, n_order, maps[j].tensor_index, n_order + j);
    idx[j] = j;
  }
  /* Insertion sort: signatures are short. */
  for (int32_t j = 1; j < n_maps; j++) {
    int v = idx[j];
    int32_t k = j;
    while (k > 0 && pos[idx[k - 1]] > pos[v]) {
      idx[k] = idx[k - 1];
      k--;
    }
    idx[k] = v;
  }
  int rc = 0;
  for (int32_t j = 0; j < n_maps; j++)
    if (!(names[j] = dup_str(maps[idx[j]].name))) rc = -1;
  free(pos);
  free(idx);
  return rc;
}

/* Names in the signature's subgraph order, from the decoded model file.
 * Returns 0 when done, 1 when the model could not be decoded (caller falls
 * back to the runner's order), -1 on a missing signature or no memory. */
static int names_from_model(io_binding *b, const char *model_path,
                            const char *signature, char *err, size_t errlen) {
  uint8_t *bytes;
  size_t size;
  char msg[256];
  if (cli_read_file(model_path, &bytes, &size, msg, sizeof msg)) {
    snprintf(b->note, sizeof b->note, "numbered in signature order (%.120s)",
             msg);
    return 1;
  }
  tflc_model_def def;
  const tflc_allocator *al = tflc_default_allocator();
  if (schema_decode(bytes, size, al, &def, msg, sizeof msg)) {
    free(bytes);
    snprintf(b->note, sizeof b->note,
             "numbered in signature order (decode: %.100s)", msg);
    return 1;
  }
  int rc = -1;
  const tflc_signature_def *sig = NULL;
  for (int32_t s = 0; s < def.n_signatures; s++)
    if (def.signatures[s].key && strcmp(def.signatures[s].key, signature) == 0)
      sig = &def.signatures[s];
  if (!sig) {
    snprintf(err, errlen, "signature '%s' not found in the model", signature);
  } else if ((int32_t)sig->subgraph_index >= def.n_subgraphs) {
    snprintf(err, errlen, "signature '%s' refers to subgraph %u", signature,
             sig->subgraph_index);
  } else if (sig->n_inputs != b->n_inputs || sig->n_outputs != b->n_outputs) {
    snprintf(b->note, sizeof b->note,
             "numbered in signature order (runner and file disagree)");
    rc = 1;
  } else {
    const tflc_subgraph_def *sg = &def.subgraphs[sig->subgraph_index];
    b->in_names = alloc_names(b->n_inputs);
    b->out_names = alloc_names(b->n_outputs);
    if (b->in_names && b->out_names &&
        sorted_names(sig->inputs, sig->n_inputs, sg->inputs, sg->n_inputs,
                     b->in_names) == 0 &&
        sorted_names(sig->outputs, sig->n_outputs, sg->outputs, sg->n_outputs,
                     b->out_names) == 0)
      rc = 0;
    else
      snprintf(err, errlen, "out of memory");
  }
  schema_def_free(&def, al);
  free(bytes);
  return rc;
}

static int names_from_runner(io_binding *b) {
  b->in_names = alloc_names(b->n_inputs);
  b->out_names = alloc_names(b->n_outputs);
  if (!b->in_names || !b->out_names) return -1;
  for (int i = 0; i < b->n_inputs; i++)
    if (!(b->in_names[i] =
              dup_str(TfLiteSignatureRunnerGetInputName(b->runner, i))))
      return -1;
  for (int i = 0; i < b->n_outputs; i++)
    if (!(b->out_names[i] =
              dup_str(TfLiteSignatureRunnerGetOutputName(b->runner, i))))
      return -1;
  return 0;
}

static int bind_signature(io_binding *b, const char *model_path,
                          const char *signature, char *err, size_t errlen) {
  b->runner = TfLiteInterpreterGetSignatureRunner(b->interp, signature);
  if (!b->runner) {
    snprintf(err, errlen, "signature '%s' not found in the model", signature);
    return -1;
  }
  b->n_inputs = (int)TfLiteSignatureRunnerGetInputCount(b->runner);
  b->n_outputs = (int)TfLiteSignatureRunnerGetOutputCount(b->runner);
  int rc = names_from_model(b, model_path, signature, err, errlen);
  if (rc < 0) return -1;
  if (rc == 1) {
    free_names(b->in_names, b->n_inputs);
    free_names(b->out_names, b->n_outputs);
    b->in_names = b->out_names = NULL;
    if (names_from_runner(b)) {
      snprintf(err, errlen, "out of memory");
      return -1;
    }
  }
  for (int i = 0; i < b->n_inputs; i++)
    if (!io_input(b, i)) {
      snprintf(err, errlen, "signature '%s': no tensor for input '%s'",
               signature, b->in_names[i]);
      return -1;
    }
  return 0;
}

static int bind_subgraph0(io_binding *b, char *err, size_t errlen) {
  b->n_inputs = TfLiteInterpreterGetInputTensorCount(b->interp);
  b->n_outputs = TfLiteInterpreterGetOutputTensorCount(b->interp);
  b->in_names = alloc_names(b->n_inputs);
  b->out_names = alloc_names(b->n_outputs);
  if (!b->in_names || !b->out_names) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  for (int i = 0; i < b->n_inputs; i++) {
    const TfLiteTensor *t = TfLiteInterpreterGetInputTensor(b->interp, i);
    if (!(b->in_names[i] = dup_str(t ? TfLiteTensorName(t) : ""))) {
      snprintf(err, errlen, "out of memory");
      return -1;
    }
  }
  for (int i = 0; i < b->n_outputs; i++) {
    const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(b->interp, i);
    if (!(b->out_names[i] = dup_str(t ? TfLiteTensorName(t) : ""))) {
      snprintf(err, errlen, "out of memory");
      return -1;
    }
  }
  return 0;
}

int io_bind(io_binding *b, TfLiteInterpreter *interp, const char *model_path,
            const char *signature, char *err, size_t errlen) {
  memset(b, 0, sizeof *b);
  b->interp = interp;
  int rc = (signature && strcmp(signature, "-") != 0)
               ? bind_signature(b, model_path, signature, err, errlen)
               : bind_subgraph0(b, err, errlen);
  if (rc) io_unbind(b);
  return rc;
}

void io_unbind(io_binding *b) {
  if (b->runner) TfLiteSignatureRunnerDelete(b->runner);
  free_names(b->in_names, b->n_inputs);
  free_names(b->out_names, b->n_outputs);
  memset(b, 0, sizeof *b);
}

TfLiteTensor *io_input(const io_binding *b, int i) {
  if (i < 0 || i >= b->n_inputs) return NULL;
  if (b->runner)
    return TfLiteSignatureRunnerGetInputTensor(b->runner, b->in_names[i]);
  return TfLiteInterpreterGetInputTensor(b->interp, i);
}

const TfLiteTensor *io_output(const io_binding *b, int i) {
  if (i < 0 || i >= b->n_outputs) return NULL;
  if (b->runner)
    return TfLiteSignatureRunnerGetOutputTensor(b->runner, b->out_names[i]);
  return TfLiteInterpreterGetOutputTensor(b->interp, i);
}

int io_find_input(const io_binding *b, const char *name) {
  for (int i = 0; i < b->n_inputs; i++)
    if (strcmp(b->in_names[i], name) == 0) return i;
  for (int i = 0; i < b->n_inputs; i++) {
    const TfLiteTensor *t = io_input(b, i);
    const char *tn = t ? TfLiteTensorName(t) : NULL;
    if (tn && strcmp(tn, name) == 0) return i;
  }
  return -1;
}

TfLiteStatus io_resize(io_binding *b, int i, const int *dims, int rank) {
  if (b->runner)
    return TfLiteSignatureRunnerResizeInputTensor(b->runner, b->in_names[i],
                                                  dims, rank);
  return TfLiteInterpreterResizeInputTensor(b->interp, i, dims, rank);
}

TfLiteStatus io_allocate(io_binding *b) {
  if (b->runner) return TfLiteSignatureRunnerAllocateTensors(b->runner);
  return TfLiteInterpreterAllocateTensors(b->interp);
}

TfLiteStatus io_invoke(io_binding *b) {
  if (b->runner) return TfLiteSignatureRunnerInvoke(b->runner);
  return TfLiteInterpreterInvoke(b->interp);
}

const char *io_last_error(const io_binding *b) {
  const char *m = TflcInterpreterGetLastError(b->interp);
  return (m && *m) ? m : "(no message)";
}

const int *io_dims(const TfLiteTensor *t, int *rank) {
  if (!t || !t->dims) {
    *rank = 0;
    return NULL;
  }
  *rank = t->dims->size;
  return t->dims->data;
}

static int same_shape(const TfLiteTensor *t, const npy_array *a) {
  int rank;
  const int *dims = io_dims(t, &rank);
  if (!dims || rank != a->rank) return 0;
  return rank == 0 || memcmp(dims, a->shape, sizeof(int) * (size_t)rank) == 0;
}

int io_feed(io_binding *b, const npy_array *arrays, char *err, size_t errlen) {
  for (int i = 0; i < b->n_inputs; i++) {
    TfLiteTensor *t = io_input(b, i);
    if (!t) {
      snprintf(err, errlen, "input %d '%s': no tensor", i, b->in_names[i]);
      return -1;
    }
    TfLiteType want = TfLiteTensorType(t);
    if (arrays[i].type != want) {
      snprintf(err, errlen, "input %d '%s': expected %s, got %s (%s)", i,
               b->in_names[i], cli_type_name(want),
               cli_type_name(arrays[i].type),
               npy_descr_for_type(arrays[i].type));
      return -1;
    }
    if (!same_shape(t, &arrays[i])) {
      if (io_resize(b, i, arrays[i].shape, arrays[i].rank) != kTfLiteOk) {
        char s[128];
        cli_shape_str(arrays[i].shape, arrays[i].rank, s, sizeof s);
        snprintf(err, errlen, "input %d '%s': cannot resize to %s: %s", i,
                 b->in_names[i], s, io_last_error(b));
        return -1;
      }
    }
  }
  if (io_allocate(b) != kTfLiteOk) {
    snprintf(err, errlen, "AllocateTensors failed: %s", io_last_error(b));
    return -1;
  }
  for (int i = 0; i < b->n_inputs; i++) {
    TfLiteTensor *t = io_input(b, i);
    size_t need = t ? TfLiteTensorByteSize(t) : 0;
    if (!t || need != arrays[i].bytes) {
      char s[128];
      cli_shape_str(arrays[i].shape, arrays[i].rank, s, sizeof s);
      snprintf(err, errlen,
               "input %d '%s': tensor holds %zu bytes, the array %s has %zu", i,
               b->in_names[i], need, s, arrays[i].bytes);
      return -1;
    }
    if (need &&
        TfLiteTensorCopyFromBuffer(t, arrays[i].data, need) != kTfLiteOk) {
      snprintf(err, errlen, "input %d '%s': copy failed: %s", i, b->in_names[i],
               io_last_error(b));
      return -1;
    }
  }
  return 0;
}
