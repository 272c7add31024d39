/* Unit test of tflc.h's introspection for bindings (what the Python package
 * uses instead of the interpreter's internals): the subgraph count, whether
 * a subgraph is allocated, a signature runner's subgraph and the tensor
 * indices behind its input/output names, and STRING inputs written through
 * a signature runner on a subgraph other than 0. The model is built here:
 * subgraph 0 reshapes a float vector (signature "main"), subgraph 1 a STRING
 * vector (signature "echo", its input at tensor 1). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "support/check.h"
#include "support/test_model.h"
#include "tflc/tflc.h"

static uint8_t *build_model(size_t *size) {
  tm_model *m = tm_create();
  const int vec3[] = {3}, mat13[] = {1, 3}, two[] = {2};
  const int32_t to_row[] = {1, -1};
  /* subgraph 0: x[3] float -> RESHAPE [1, -1] -> y[1, 3] */
  int x = tm_tensor(m, TFLC_TT_FLOAT32, vec3, 1, "x");
  int shape0 =
      tm_const(m, TFLC_TT_INT32, two, 1, to_row, sizeof to_row, "shape");
  int y = tm_tensor(m, TFLC_TT_FLOAT32, mat13, 2, "y");
  tm_op(m, TFLC_OP_RESHAPE, NULL, (int[]){x, shape0}, 2, &y, 1, 0, NULL, 0);
  tm_io(m, &x, 1, &y, 1);
  /* subgraph 1: words[3] STRING (tensor 1) -> RESHAPE -> joined[1, 3] */
  int sg1 = tm_subgraph(m);
  int shape1 =
      tm_const(m, TFLC_TT_INT32, two, 1, to_row, sizeof to_row, "shape");
  int words = tm_tensor(m, TFLC_TT_STRING, vec3, 1, "words");
  int joined = tm_tensor(m, TFLC_TT_STRING, mat13, 2, "joined");
  tm_op(m, TFLC_OP_RESHAPE, NULL, (int[]){words, shape1}, 2, &joined, 1, 0,
        NULL, 0);
  tm_io(m, &words, 1, &joined, 1);
  const char *in0[] = {"x"}, *out0[] = {"y"}, *in1[] = {"words"},
             *out1[] = {"joined"};
  tm_add_signature(m, "main", 0, in0, &x, 1, out0, &y, 1);
  tm_add_signature(m, "echo", sg1, in1, &words, 1, out1, &joined, 1);
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
}

static void check_strings(const TfLiteTensor *t, const char *const *want,
                          const size_t *lens, int n) {
  CHECK_EQ_INT(TflcTensorStringCount(t), n);
  for (int i = 0; i < n; i++) {
    const char *p = NULL;
    size_t len = 0;
    CHECK(TflcTensorGetString(t, i, &p, &len) == kTfLiteOk);
    CHECK_MSG(len == lens[i] && (len == 0 || memcmp(p, want[i], len) == 0),
              "string %d", i);
  }
}

int main(void) {
  size_t size = 0;
  uint8_t *bytes = build_model(&size);
  CHECK(bytes != NULL);
  if (!bytes) return CHECK_DONE();
  TfLiteModel *model = TfLiteModelCreate(bytes, size);
  CHECK(model != NULL);
  TfLiteInterpreter *it = model ? TfLiteInterpreterCreate(model, NULL) : NULL;
  CHECK(it != NULL);
  if (!it) {
    TfLiteModelDelete(model);
    free(bytes);
    return CHECK_DONE();
  }

  /* NULL and out-of-range arguments */
  CHECK_EQ_INT(TflcInterpreterGetSubgraphCount(NULL), 0);
  CHECK_EQ_INT(TflcInterpreterIsSubgraphAllocated(NULL, 0), 0);
  CHECK_EQ_INT(TflcSignatureRunnerGetSubgraphIndex(NULL), -1);
  CHECK_EQ_INT(TflcSignatureRunnerGetInputTensorIndex(NULL, 0), -1);
  CHECK_EQ_INT(TflcSignatureRunnerGetOutputTensorIndex(NULL, 0), -1);
  CHECK(TflcSignatureRunnerSetInputStrings(NULL, "words", NULL, NULL, 0, NULL,
                                           0) == kTfLiteError);
  CHECK_EQ_INT(TflcInterpreterIsSubgraphAllocated(it, -1), 0);
  CHECK_EQ_INT(TflcInterpreterIsSubgraphAllocated(it, 2), 0);

  /* subgraphs and their allocation state */
  CHECK_EQ_INT(TflcInterpreterGetSubgraphCount(it), 2);
  CHECK_EQ_INT(TflcInterpreterIsSubgraphAllocated(it, 0), 0);
  CHECK_EQ_INT(TflcInterpreterIsSubgraphAllocated(it, 1), 0);
  CHECK(TfLiteInterpreterAllocateTensors(it) == kTfLiteOk);
  CHECK_EQ_INT(TflcInterpreterIsSubgraphAllocated(it, 0), 1);
  CHECK_EQ_INT(TflcInterpreterIsSubgraphAllocated(it, 1), 0);

  /* runners: subgraph and tensor indices behind the names */
  TfLiteSignatureRunner *main_r =
      TfLiteInterpreterGetSignatureRunner(it, "main");
  TfLiteSignatureRunner *echo = TfLiteInterpreterGetSignatureRunner(it, "echo");
  CHECK(main_r != NULL && echo != NULL);
  if (!main_r || !echo) goto done;
  CHECK_EQ_INT(TflcSignatureRunnerGetSubgraphIndex(main_r), 0);
  CHECK_EQ_INT(TflcSignatureRunnerGetSubgraphIndex(echo), 1);
  CHECK_EQ_INT(TflcSignatureRunnerGetInputTensorIndex(main_r, 0), 0);
  CHECK_EQ_INT(TflcSignatureRunnerGetOutputTensorIndex(main_r, 0), 2);
  CHECK_EQ_INT(TflcSignatureRunnerGetInputTensorIndex(echo, 0), 1);
  CHECK_EQ_INT(TflcSignatureRunnerGetOutputTensorIndex(echo, 0), 2);
  CHECK_EQ_INT(TflcSignatureRunnerGetInputTensorIndex(echo, 1), -1);
  CHECK_EQ_INT(TflcSignatureRunnerGetInputTensorIndex(echo, -1), -1);
  CHECK_EQ_INT(TflcSignatureRunnerGetOutputTensorIndex(echo, 1), -1);
  /* the same tensors as by name */
  CHECK(TfLiteSignatureRunnerGetInputTensor(main_r, "x") ==
        TfLiteInterpreterGetTensor(it, 0));
  CHECK(TfLiteSignatureRunnerGetOutputTensor(main_r, "y") ==
        TfLiteInterpreterGetTensor(it, 2));

  CHECK(TfLiteSignatureRunnerAllocateTensors(echo) == kTfLiteOk);
  CHECK_EQ_INT(TflcInterpreterIsSubgraphAllocated(it, 1), 1);

  /* STRING input of subgraph 1 through the runner */
  {
    const char *s[] = {"a", "b\0c", ""};
    const size_t lens[] = {1, 3, 0};
    const int dims[] = {3};
    CHECK(TflcSignatureRunnerSetInputStrings(echo, "words", s, lens, 3, dims,
                                             1) == kTfLiteOk);
    CHECK(TfLiteSignatureRunnerInvoke(echo) == kTfLiteOk);
    CHECK_EQ_INT(TflcInterpreterIsSubgraphAllocated(it, 1), 1);
    const TfLiteTensor *out =
        TfLiteSignatureRunnerGetOutputTensor(echo, "joined");
    CHECK(out != NULL && out->dims->size == 2 && out->dims->data[1] == 3);
    if (out) check_strings(out, s, lens, 3);
    check_strings(TfLiteSignatureRunnerGetInputTensor(echo, "words"), s, lens,
                  3);
    /* again, longer strings (the buffer grows) */
    const char *l[] = {"a longer first string", "second", "third string here"};
    const size_t llens[] = {strlen(l[0]), strlen(l[1]), strlen(l[2])};
    CHECK(TflcSignatureRunnerSetInputStrings(echo, "words", l, llens, 3, dims,
                                             1) == kTfLiteOk);
    CHECK(TfLiteSignatureRunnerInvoke(echo) == kTfLiteOk);
    if (out) check_strings(out, l, llens, 3);
    /* errors say what is wrong and change nothing */
    CHECK(TflcSignatureRunnerSetInputStrings(echo, "nope", s, lens, 3, dims,
                                             1) == kTfLiteError);
    CHECK_CONTAINS(TflcInterpreterGetLastError(it), "no input named 'nope'");
    CHECK(TflcSignatureRunnerSetInputStrings(echo, "words", s, lens, 2, dims,
                                             1) == kTfLiteError);
    CHECK_CONTAINS(TflcInterpreterGetLastError(it), "do not fill");
    CHECK(TflcSignatureRunnerSetInputStrings(echo, "words", NULL, NULL, 3, dims,
                                             1) == kTfLiteError);
    CHECK(TflcSignatureRunnerSetInputStrings(echo, "words", s, lens, 3, NULL,
                                             1) == kTfLiteError);
    CHECK(TflcSignatureRunnerSetInputStrings(main_r, "x", s, lens, 3, dims,
                                             1) == kTfLiteError);
    CHECK_CONTAINS(TflcInterpreterGetLastError(it), "not STRING");
    if (out) check_strings(out, l, llens, 3);
  }

  /* a resize to a new shape un-allocates subgraph 0 until AllocateTensors */
  {
    const int four[] = {4};
    CHECK(TfLiteInterpreterResizeInputTensor(it, 0, four, 1) == kTfLiteOk);
    CHECK_EQ_INT(TflcInterpreterIsSubgraphAllocated(it, 0), 0);
    CHECK(TfLiteInterpreterAllocateTensors(it) == kTfLiteOk);
    CHECK_EQ_INT(TflcInterpreterIsSubgraphAllocated(it, 0), 1);
  }

done:
  TfLiteInterpreterDelete(it);
  TfLiteModelDelete(model);
  free(bytes);
  return CHECK_DONE();
}
