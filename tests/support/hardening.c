/* Helpers of the hardening tests (tests/unit/test_hardening_*.c): run a
 * writer-made model through load, create, AllocateTensors and Invoke and
 * check how it ends. See hardening.h. */
#include "support/hardening.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/check.h"
#include "tflc/c_api.h"

const char *const hz_stage_name[] = {"load", "create", "AllocateTensors",
                                     "Invoke", "success"};

int hz_skipped;

/* Loads, creates, allocates and invokes `bytes` with every graph input
 * filled from `input` (repeated) or zeros. Returns the stage that failed
 * (HZ_ST_OK when everything succeeded); err gets every reported message. With
 * out (may be NULL) and success, output out->index is copied into it. */
hz_stage hz_run_model_out(const uint8_t *bytes, size_t size, const void *input,
                          size_t input_bytes, char *err, hz_out_copy *out) {
  err[0] = '\0';
  hz_stage st = HZ_ST_LOAD;
  TfLiteModel *model =
      TfLiteModelCreateWithErrorReporter(bytes, size, oo_report, err);
  if (!model) return HZ_ST_LOAD;
  TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(opts, oo_report, err);
  TfLiteInterpreter *it = TfLiteInterpreterCreate(model, opts);
  TfLiteInterpreterOptionsDelete(opts);
  if (!it) {
    st = HZ_ST_CREATE;
  } else if (TfLiteInterpreterAllocateTensors(it) != kTfLiteOk) {
    st = HZ_ST_ALLOCATE;
  } else {
    for (int i = 0; i < TfLiteInterpreterGetInputTensorCount(it); i++) {
      TfLiteTensor *t = TfLiteInterpreterGetInputTensor(it, i);
      uint8_t *d = TfLiteTensorData(t);
      size_t n = TfLiteTensorByteSize(t);
      for (size_t k = 0; d && k < n; k++)
        d[k] = input && input_bytes ? ((const uint8_t *)input)[k % input_bytes]
                                    : 0;
    }
    st = TfLiteInterpreterInvoke(it) == kTfLiteOk ? HZ_ST_OK : HZ_ST_INVOKE;
    if (st == HZ_ST_OK && out &&
        out->index < TfLiteInterpreterGetOutputTensorCount(it)) {
      const TfLiteTensor *t = TfLiteInterpreterGetOutputTensor(it, out->index);
      out->rank = TfLiteTensorNumDims(t);
      for (int i = 0; i < out->rank && i < 8; i++)
        out->shape[i] = TfLiteTensorDim(t, i);
      out->size = TfLiteTensorByteSize(t);
      const void *d = TfLiteTensorData(t);
      if (d && out->size) {
        out->bytes = malloc(out->size);
        if (out->bytes) memcpy(out->bytes, d, out->size);
      }
    }
  }
  TfLiteInterpreterDelete(it);
  TfLiteModelDelete(model);
  return st;
}

hz_stage hz_run_model(const uint8_t *bytes, size_t size, const void *input,
                      size_t input_bytes, char *err) {
  return hz_run_model_out(bytes, size, input, input_bytes, err, NULL);
}

/* The model must fail (at any stage) with `keyword` in the message. When
 * op_may_be_missing and the failure says the op is not supported, the case
 * is skipped with a note. */
void hz_expect_refused(const char *label, uint8_t *bytes, size_t size,
                       const void *input, size_t input_bytes,
                       const char *keyword, int op_may_be_missing) {
  char err[2048];
  CHECK_MSG(bytes != NULL, "%s: the writer failed", label);
  if (!bytes) return;
  hz_stage st = hz_run_model(bytes, size, input, input_bytes, err);
  free(bytes);
  if (op_may_be_missing && st == HZ_ST_ALLOCATE &&
      strstr(err, "not supported by tflc yet")) {
    printf("SKIP %s: operator not implemented yet (%s)\n", label, err);
    hz_skipped++;
    return;
  }
  CHECK_MSG(st != HZ_ST_OK,
            "%s: the model ran; it must be refused (keyword \"%s\")", label,
            keyword);
  if (st != HZ_ST_OK) {
    CHECK_MSG(strstr(err, keyword) != NULL,
              "%s: refused at %s with \"%s\", lacking \"%s\"", label,
              hz_stage_name[st], err, keyword);
    printf("ok %s: refused at %s: %.200s\n", label, hz_stage_name[st], err);
  }
}

/* The model may run or be refused (both are safe); it must not crash. */
void hz_expect_safe(const char *label, uint8_t *bytes, size_t size,
                    const void *input, size_t input_bytes) {
  char err[2048];
  CHECK_MSG(bytes != NULL, "%s: the writer failed", label);
  if (!bytes) return;
  hz_stage st = hz_run_model(bytes, size, input, input_bytes, err);
  free(bytes);
  CHECK(st == HZ_ST_OK || err[0] != '\0'); /* a failure always says why */
  printf("ok %s: %s%s%.200s\n", label, st == HZ_ST_OK ? "ran" : "refused at ",
         st == HZ_ST_OK ? "" : hz_stage_name[st], st == HZ_ST_OK ? "" : err);
}

/* The model must run (a valid model, e.g. with zero-size tensors); its
 * output out_index must have the shape (shape, rank) and, when want is not
 * NULL, exactly the bytes want (want_bytes). */
void hz_expect_ran(const char *label, uint8_t *bytes, size_t size,
                   const void *input, size_t input_bytes, int out_index,
                   const int *shape, int rank, const void *want,
                   size_t want_bytes) {
  char err[2048];
  CHECK_MSG(bytes != NULL, "%s: the writer failed", label);
  if (!bytes) return;
  hz_out_copy out = {.index = out_index, .rank = -1};
  hz_stage st = hz_run_model_out(bytes, size, input, input_bytes, err, &out);
  free(bytes);
  CHECK_MSG(st == HZ_ST_OK, "%s: failed at %s: %s", label, hz_stage_name[st],
            err);
  if (st == HZ_ST_OK) {
    int same = out.rank == rank;
    for (int i = 0; same && i < rank && i < 8; i++)
      same = out.shape[i] == shape[i];
    CHECK_MSG(same, "%s: output %d has rank %d (first dims %d, %d), want %d",
              label, out_index, out.rank, out.rank > 0 ? out.shape[0] : -1,
              out.rank > 1 ? out.shape[1] : -1, rank);
    if (want) {
      CHECK_MSG(out.size == want_bytes &&
                    (want_bytes == 0 ||
                     (out.bytes && !memcmp(out.bytes, want, want_bytes))),
                "%s: output %d differs from the expected %zu bytes (got %zu)",
                label, out_index, want_bytes, out.size);
    }
    printf("ok %s: ran, output %d has %zu bytes\n", label, out_index, out.size);
  }
  free(out.bytes);
}

/* A one-operator model from an oo_op description (tests/ops/one_op.h). */
uint8_t *hz_one_op_bytes(const oo_op *c, size_t *size) {
  tm_model *m = tm_create();
  int ins[16], graph_ins[16], n_graph = 0;
  for (int i = 0; i < c->n_inputs && i < 16; i++) {
    if (c->inputs[i].tt < 0) {
      ins[i] = -1;
      continue;
    }
    char name[16];
    snprintf(name, sizeof name, "in%d", i);
    ins[i] = oo_add_tensor(m, &c->inputs[i], name);
    if (!c->inputs[i].is_const) graph_ins[n_graph++] = ins[i];
  }
  int out = oo_add_tensor(m, &c->out, "out");
  tm_op(m, c->op, NULL, ins, c->n_inputs, &out, 1, c->bo, c->fields,
        c->n_fields);
  tm_io(m, graph_ins, n_graph, &out, 1);
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
}

/* One operator with any number of outputs (outs; n_outs may be 0) and,
 * when var_input >= 0, that input made a variable tensor (then not a graph
 * input). The graph outputs are the operator's outputs. */
uint8_t *hz_op_bytes(const oo_op *c, const oo_tensor *outs, int n_outs,
                     int var_input, size_t *size) {
  tm_model *m = tm_create();
  int ins[16], graph_ins[16], n_graph = 0, out_idx[8];
  for (int i = 0; i < c->n_inputs && i < 16; i++) {
    if (c->inputs[i].tt < 0) {
      ins[i] = -1;
      continue;
    }
    char name[16];
    snprintf(name, sizeof name, "in%d", i);
    ins[i] = oo_add_tensor(m, &c->inputs[i], name);
    if (i == var_input)
      tm_variable(m, ins[i]);
    else if (!c->inputs[i].is_const)
      graph_ins[n_graph++] = ins[i];
  }
  for (int i = 0; i < n_outs && i < 8; i++) {
    char name[16];
    snprintf(name, sizeof name, "out%d", i);
    out_idx[i] = oo_add_tensor(m, &outs[i], name);
  }
  tm_op(m, c->op, NULL, ins, c->n_inputs, out_idx, n_outs, c->bo, c->fields,
        c->n_fields);
  tm_io(m, graph_ins, n_graph, out_idx, n_outs);
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
}

const float hz_weights[64] = {
    0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2,
    0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2,
    0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2,
    0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2, 0.5f, 1, -1, 2};
