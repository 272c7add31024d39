/* Signature runners for the tflc Python extension: the list of SignatureDefs
 * and, per signature key, details of its named inputs/outputs, resize,
 * allocate, set, invoke (without the GIL) and get. tflc/interpreter.py
 * builds the SignatureRunner class of TensorFlow Lite's Python API on these. */
#include "_tflc.h"

#include <string.h>

#define TFLC_PY_MAX_RANK 16

static TfLiteSignatureRunner *runner_for(TflcPyInterp *self, const char *key) {
  int n = TfLiteInterpreterGetSignatureCount(self->interp);
  for (int i = 0; i < n; i++) {
    const char *k = TfLiteInterpreterGetSignatureKey(self->interp, i);
    if (k && strcmp(k, key) == 0) {
      TfLiteSignatureRunner *r =
          TfLiteInterpreterGetSignatureRunner(self->interp, key);
      if (r) return r;
      break;
    }
  }
  PyErr_Format(
      PyExc_ValueError,
      "Invalid signature_key provided: '%s' (the model has %d signatures)", key,
      n);
  return NULL;
}

/* Position of `name` among the runner's inputs (or outputs), -1 if absent. */
static int position_of(const TfLiteSignatureRunner *r, int is_input,
                       const char *name) {
  int n = (int)(is_input ? TfLiteSignatureRunnerGetInputCount(r)
                         : TfLiteSignatureRunnerGetOutputCount(r));
  for (int i = 0; i < n; i++) {
    const char *s = is_input ? TfLiteSignatureRunnerGetInputName(r, i)
                             : TfLiteSignatureRunnerGetOutputName(r, i);
    if (s && strcmp(s, name) == 0) return i;
  }
  return -1;
}

static PyObject *names(const TfLiteSignatureRunner *r, int is_input) {
  int n = (int)(is_input ? TfLiteSignatureRunnerGetInputCount(r)
                         : TfLiteSignatureRunnerGetOutputCount(r));
  PyObject *list = PyList_New(n);
  if (!list) return NULL;
  for (int i = 0; i < n; i++) {
    const char *s = is_input ? TfLiteSignatureRunnerGetInputName(r, i)
                             : TfLiteSignatureRunnerGetOutputName(r, i);
    PyObject *x = PyUnicode_FromString(s ? s : "");
    if (!x) {
      Py_DECREF(list);
      return NULL;
    }
    PyList_SET_ITEM(list, i, x);
  }
  return list;
}

PyObject *tflcpy_signature_defs(PyObject *o, PyObject *noargs) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  (void)noargs;
  if (tflcpy_check_usable(self) < 0) return NULL;
  int n = TfLiteInterpreterGetSignatureCount(self->interp);
  PyObject *list = PyList_New(0);
  if (!list) return NULL;
  for (int i = 0; i < n; i++) {
    const char *key = TfLiteInterpreterGetSignatureKey(self->interp, i);
    TfLiteSignatureRunner *r =
        key ? TfLiteInterpreterGetSignatureRunner(self->interp, key) : NULL;
    if (!r) continue;
    PyObject *item = Py_BuildValue("(sNNi)", key, names(r, 1), names(r, 0),
                                   TflcSignatureRunnerGetSubgraphIndex(r));
    if (!item || PyList_Append(list, item) < 0) {
      Py_XDECREF(item);
      Py_DECREF(list);
      return NULL;
    }
    Py_DECREF(item);
  }
  return list;
}

PyObject *tflcpy_runner_details(PyObject *o, PyObject *args) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  const char *key;
  int is_input;
  if (!PyArg_ParseTuple(args, "sp", &key, &is_input)) return NULL;
  if (tflcpy_check_usable(self) < 0) return NULL;
  TfLiteSignatureRunner *r = runner_for(self, key);
  if (!r) return NULL;
  int n = (int)(is_input ? TfLiteSignatureRunnerGetInputCount(r)
                         : TfLiteSignatureRunnerGetOutputCount(r));
  PyObject *list = PyList_New(0);
  if (!list) return NULL;
  for (int i = 0; i < n; i++) {
    const char *name = is_input ? TfLiteSignatureRunnerGetInputName(r, i)
                                : TfLiteSignatureRunnerGetOutputName(r, i);
    const TfLiteTensor *t = is_input
                                ? TfLiteSignatureRunnerGetInputTensor(r, name)
                                : TfLiteSignatureRunnerGetOutputTensor(r, name);
    if (!name || !t) continue;
    PyObject *info = tflcpy_tensor_info(
        t, is_input ? TflcSignatureRunnerGetInputTensorIndex(r, i)
                    : TflcSignatureRunnerGetOutputTensorIndex(r, i));
    PyObject *item = info ? Py_BuildValue("(sN)", name, info) : NULL;
    if (!item || PyList_Append(list, item) < 0) {
      Py_XDECREF(item);
      Py_DECREF(list);
      return NULL;
    }
    Py_DECREF(item);
  }
  return list;
}

PyObject *tflcpy_runner_resize(PyObject *o, PyObject *args) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  const char *key, *name;
  PyObject *shape;
  if (!PyArg_ParseTuple(args, "ssO", &key, &name, &shape)) return NULL;
  if (tflcpy_check_usable(self) < 0 || tflcpy_check_no_views(self) < 0)
    return NULL;
  TfLiteSignatureRunner *r = runner_for(self, key);
  if (!r) return NULL;
  if (position_of(r, 1, name) < 0) {
    PyErr_Format(PyExc_ValueError, "Invalid Input name (%s) for SignatureDef",
                 name);
    return NULL;
  }
  int dims[TFLC_PY_MAX_RANK];
  int rank = tflcpy_read_shape(shape, dims, TFLC_PY_MAX_RANK);
  if (rank < 0) return NULL;
  if (TfLiteSignatureRunnerResizeInputTensor(r, name, dims, rank) !=
      kTfLiteOk) {
    tflcpy_raise_runtime(self, "resizing a signature input failed");
    return NULL;
  }
  Py_RETURN_NONE;
}

PyObject *tflcpy_runner_allocate(PyObject *o, PyObject *args) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  const char *key;
  if (!PyArg_ParseTuple(args, "s", &key)) return NULL;
  if (tflcpy_check_usable(self) < 0 || tflcpy_check_no_views(self) < 0)
    return NULL;
  TfLiteSignatureRunner *r = runner_for(self, key);
  if (!r) return NULL;
  TfLiteStatus s;
  self->busy = 1;
  Py_BEGIN_ALLOW_THREADS s = TfLiteSignatureRunnerAllocateTensors(r);
  Py_END_ALLOW_THREADS self->busy = 0;
  self->generation++;
  if (s != kTfLiteOk) {
    tflcpy_raise_runtime(self, "allocating the signature's tensors failed");
    return NULL;
  }
  Py_RETURN_NONE;
}

PyObject *tflcpy_runner_ready(PyObject *o, PyObject *args) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  const char *key;
  if (!PyArg_ParseTuple(args, "s", &key)) return NULL;
  if (tflcpy_check_usable(self) < 0) return NULL;
  TfLiteSignatureRunner *r = runner_for(self, key);
  if (!r) return NULL;
  return PyBool_FromLong(TflcInterpreterIsSubgraphAllocated(
      self->interp, TflcSignatureRunnerGetSubgraphIndex(r)));
}

PyObject *tflcpy_runner_set(PyObject *o, PyObject *args) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  const char *key, *name;
  PyObject *value;
  if (!PyArg_ParseTuple(args, "ssO", &key, &name, &value)) return NULL;
  if (tflcpy_check_usable(self) < 0) return NULL;
  TfLiteSignatureRunner *r = runner_for(self, key);
  if (!r) return NULL;
  int pos = position_of(r, 1, name);
  TfLiteTensor *t =
      pos >= 0 ? TfLiteSignatureRunnerGetInputTensor(r, name) : NULL;
  if (!t) {
    PyErr_Format(PyExc_ValueError, "Invalid Input name (%s) for SignatureDef",
                 name);
    return NULL;
  }
  int ready = TflcInterpreterIsSubgraphAllocated(
      self->interp, TflcSignatureRunnerGetSubgraphIndex(r));
  tflcpy_dest dest = {self, r, name};
  if (tflcpy_tensor_set(&dest, t,
                        TflcSignatureRunnerGetInputTensorIndex(r, pos), value,
                        ready) < 0)
    return NULL;
  Py_RETURN_NONE;
}

PyObject *tflcpy_runner_invoke(PyObject *o, PyObject *args) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  const char *key;
  if (!PyArg_ParseTuple(args, "s", &key)) return NULL;
  if (tflcpy_check_usable(self) < 0 || tflcpy_check_no_views(self) < 0)
    return NULL;
  TfLiteSignatureRunner *r = runner_for(self, key);
  if (!r) return NULL;
  TfLiteStatus s;
  self->busy = 1;
  Py_BEGIN_ALLOW_THREADS s = TfLiteSignatureRunnerInvoke(r);
  Py_END_ALLOW_THREADS self->busy = 0;
  if (s != kTfLiteOk) {
    tflcpy_raise_runtime(self, "invoking the signature failed");
    return NULL;
  }
  Py_RETURN_NONE;
}

PyObject *tflcpy_runner_get(PyObject *o, PyObject *args) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  const char *key, *name;
  if (!PyArg_ParseTuple(args, "ss", &key, &name)) return NULL;
  if (tflcpy_check_usable(self) < 0) return NULL;
  TfLiteSignatureRunner *r = runner_for(self, key);
  if (!r) return NULL;
  int pos = position_of(r, 0, name);
  const TfLiteTensor *t =
      pos >= 0 ? TfLiteSignatureRunnerGetOutputTensor(r, name) : NULL;
  if (!t) {
    PyErr_Format(PyExc_ValueError, "Invalid Output name (%s) for SignatureDef",
                 name);
    return NULL;
  }
  int ready = TflcInterpreterIsSubgraphAllocated(
      self->interp, TflcSignatureRunnerGetSubgraphIndex(r));
  return tflcpy_tensor_copy(t, TflcSignatureRunnerGetOutputTensorIndex(r, pos),
                            ready);
}
