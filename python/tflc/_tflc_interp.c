/* The Interpreter object of the tflc Python extension: loads a model (file
 * or bytes; num_threads and the quantized rounding as options), owns the
 * TfLiteInterpreter, and implements allocate_tensors,
 * invoke (without the GIL), get_tensor/set_tensor/tensor views,
 * resize_tensor_input (strict or not), reset_all_variables and the raw
 * tensor details that tflc/interpreter.py turns into TensorFlow Lite's
 * detail dictionaries. Misuse raises a Python exception, never crashes:
 * memory-moving calls are refused while numpy views exist, and every call is
 * refused while another thread runs invoke on the same interpreter. */
#include "_tflc.h"

#include <stdio.h>
#include <string.h>

static const char kViewsMessage[] =
    "There is at least 1 reference to internal data in the interpreter in the "
    "form of a numpy "
    "array or slice. Be sure to only hold the function returned from tensor() "
    "if you are using "
    "raw data access.";

/* ---- error reporter: keeps messages instead of printing them ---- */

static void capture_report(void *user, const char *format, va_list args) {
  TflcPyInterp *self = user;
  size_t used = strnlen(self->report, sizeof self->report);
  if (used + 2 >= sizeof self->report) return;
  if (used) self->report[used++] = '\n';
  vsnprintf(self->report + used, sizeof self->report - used, format, args);
}

/* ---- common checks ---- */

int tflcpy_check_usable(TflcPyInterp *self) {
  if (!self->interp) {
    PyErr_SetString(PyExc_RuntimeError,
                    "the interpreter was not created (its constructor failed "
                    "or was not called)");
    return -1;
  }
  if (self->busy) {
    PyErr_SetString(
        PyExc_RuntimeError,
        "the interpreter is busy: invoke() or allocate_tensors() is running in "
        "another thread. "
        "Use one interpreter per thread, or synchronize the calls.");
    return -1;
  }
  return 0;
}

int tflcpy_check_no_views(TflcPyInterp *self) {
  if (self->live_views > 0) {
    PyErr_SetString(PyExc_RuntimeError, kViewsMessage);
    return -1;
  }
  return 0;
}

void tflcpy_raise_runtime(TflcPyInterp *self, const char *fallback) {
  const char *msg =
      self->interp ? TflcInterpreterGetLastError(self->interp) : "";
  if (!msg || !msg[0]) msg = fallback;
  PyErr_SetString(PyExc_RuntimeError, msg);
}

int tflcpy_read_shape(PyObject *shape, int *dims, int max_rank) {
  PyArrayObject *arr = (PyArrayObject *)PyArray_FROMANY(
      shape, NPY_INT32, 0, 0, NPY_ARRAY_IN_ARRAY | NPY_ARRAY_FORCECAST);
  if (!arr) return -1;
  if (PyArray_NDIM(arr) != 1) {
    PyErr_Format(PyExc_ValueError, "Shape should be 1D instead of %d",
                 PyArray_NDIM(arr));
    Py_DECREF(arr);
    return -1;
  }
  npy_intp n = PyArray_DIM(arr, 0);
  if (n > max_rank) {
    PyErr_Format(PyExc_ValueError,
                 "Shape has %ld dimensions; tflc supports at most %d", (long)n,
                 max_rank);
    Py_DECREF(arr);
    return -1;
  }
  const int32_t *v = PyArray_DATA(arr);
  for (npy_intp i = 0; i < n; i++) {
    if (v[i] < 0) {
      PyErr_Format(PyExc_ValueError, "Shape dimension %ld is negative (%d)",
                   (long)i, (int)v[i]);
      Py_DECREF(arr);
      return -1;
    }
    dims[i] = v[i];
  }
  Py_DECREF(arr);
  return (int)n;
}

/* ---- lifetime ---- */

static void interp_release(TflcPyInterp *self) {
  if (self->interp) TfLiteInterpreterDelete(self->interp);
  if (self->model) TfLiteModelDelete(self->model);
  self->interp = NULL;
  self->model = NULL;
  Py_CLEAR(self->model_bytes);
}

static void interp_dealloc(PyObject *o) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  if (self->weakreflist) PyObject_ClearWeakRefs(o);
  interp_release(self);
  Py_TYPE(o)->tp_free(o);
}

static int read_num_threads(PyObject *obj, int *out) {
  *out = -1;
  if (!obj || obj == Py_None) return 0;
  if (!PyLong_Check(obj) || PyBool_Check(obj)) {
    PyErr_SetString(PyExc_ValueError, "type of num_threads should be int");
    return -1;
  }
  long v = PyLong_AsLong(obj);
  if (v == -1 && PyErr_Occurred()) return -1;
  if (v < -1 || v > 1024) {
    PyErr_SetString(PyExc_ValueError,
                    "num_threads should >= -1 (and at most 1024)");
    return -1;
  }
  *out = v == 0 ? 1 : (int)v;
  return 0;
}

/* Keeps model_content alive: immutable bytes as they are, anything else
 * with the buffer protocol copied into a new bytes object. */
static PyObject *model_bytes_from(PyObject *content) {
  if (PyBytes_CheckExact(content)) {
    Py_INCREF(content);
    return content;
  }
  Py_buffer view;
  if (PyObject_GetBuffer(content, &view, PyBUF_CONTIG_RO) < 0) {
    PyErr_Clear();
    PyErr_Format(PyExc_ValueError,
                 "model_content must be bytes (or a bytes-like object), not %s",
                 Py_TYPE(content)->tp_name);
    return NULL;
  }
  PyObject *copy = PyBytes_FromStringAndSize(view.buf, view.len);
  PyBuffer_Release(&view);
  return copy;
}

static int interp_init(PyObject *o, PyObject *args, PyObject *kwargs) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  static char *kwlist[] = {"model_path", "model_content", "num_threads",
                           "quantized_rounding", NULL};
  PyObject *path = Py_None, *content = Py_None, *threads = Py_None;
  int rounding = kTflcRoundingReference;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|OOOi", kwlist, &path,
                                   &content, &threads, &rounding))
    return -1;
  if (rounding != kTflcRoundingReference && rounding != kTflcRoundingXnnpack) {
    PyErr_Format(PyExc_ValueError,
                 "quantized_rounding %d is not a TflcQuantizedRounding",
                 rounding);
    return -1;
  }
  if (self->interp || self->busy) {
    PyErr_SetString(PyExc_RuntimeError,
                    "the interpreter is already initialized");
    return -1;
  }
  int num_threads;
  if (read_num_threads(threads, &num_threads) < 0) return -1;
  if (path != Py_None && content != Py_None) {
    PyErr_SetString(PyExc_ValueError,
                    "Can't both provide `model_path` and `model_content`");
    return -1;
  }
  if (path == Py_None && content == Py_None) {
    PyErr_SetString(
        PyExc_ValueError,
        "Can't create an interpreter without `model_path` or `model_content`");
    return -1;
  }
  self->report[0] = '\0';
  TfLiteModel *model = NULL;
  if (path != Py_None) {
    PyObject *fspath = NULL;
    if (!PyUnicode_FSConverter(path, &fspath)) return -1;
    const char *p = PyBytes_AS_STRING(fspath);
    Py_BEGIN_ALLOW_THREADS model =
        TfLiteModelCreateFromFileWithErrorReporter(p, capture_report, self);
    Py_END_ALLOW_THREADS if (!model) {
      const char *msg = TflcGetLastModelError();
      PyErr_Format(PyExc_ValueError, "Could not open '%s': %s", p,
                   msg && msg[0] ? msg : self->report);
    }
    Py_DECREF(fspath);
  } else {
    PyObject *bytes = model_bytes_from(content);
    if (!bytes) return -1;
    const char *data = PyBytes_AS_STRING(bytes);
    size_t size = (size_t)PyBytes_GET_SIZE(bytes);
    Py_BEGIN_ALLOW_THREADS model =
        TfLiteModelCreateWithErrorReporter(data, size, capture_report, self);
    Py_END_ALLOW_THREADS if (!model) {
      const char *msg = TflcGetLastModelError();
      PyErr_Format(PyExc_ValueError,
                   "Model provided has model identifier or content that tflc "
                   "cannot load: %s",
                   msg && msg[0] ? msg : self->report);
      Py_DECREF(bytes);
    }
    else {
      self->model_bytes = bytes;
    }
  }
  if (!model) return -1;
  self->model = model;
  TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
  if (!opts) {
    interp_release(self);
    PyErr_NoMemory();
    return -1;
  }
  TfLiteInterpreterOptionsSetNumThreads(opts, num_threads);
  TflcInterpreterOptionsSetQuantizedRounding(opts,
                                             (TflcQuantizedRounding)rounding);
  TfLiteInterpreterOptionsSetErrorReporter(opts, capture_report, self);
  self->report[0] = '\0';
  self->interp = TfLiteInterpreterCreate(model, opts);
  TfLiteInterpreterOptionsDelete(opts);
  if (!self->interp) {
    PyErr_Format(PyExc_ValueError, "Failed to create the interpreter: %s",
                 self->report[0] ? self->report : "unknown error");
    interp_release(self);
    return -1;
  }
  return 0;
}

/* ---- allocate / invoke ---- */

static PyObject *interp_allocate(PyObject *o, PyObject *noargs) {
  (void)noargs;
  TflcPyInterp *self = (TflcPyInterp *)o;
  if (tflcpy_check_usable(self) < 0 || tflcpy_check_no_views(self) < 0)
    return NULL;
  TfLiteStatus s;
  self->busy = 1;
  Py_BEGIN_ALLOW_THREADS s = TfLiteInterpreterAllocateTensors(self->interp);
  Py_END_ALLOW_THREADS self->busy = 0;
  self->generation++;
  if (s != kTfLiteOk) {
    tflcpy_raise_runtime(self, "allocate_tensors() failed");
    return NULL;
  }
  Py_RETURN_NONE;
}

static PyObject *interp_invoke(PyObject *o, PyObject *noargs) {
  (void)noargs;
  TflcPyInterp *self = (TflcPyInterp *)o;
  if (tflcpy_check_usable(self) < 0 || tflcpy_check_no_views(self) < 0)
    return NULL;
  TfLiteStatus s;
  self->busy = 1;
  Py_BEGIN_ALLOW_THREADS s = TfLiteInterpreterInvoke(self->interp);
  Py_END_ALLOW_THREADS self->busy = 0;
  if (s != kTfLiteOk) {
    tflcpy_raise_runtime(self, "invoke() failed");
    return NULL;
  }
  Py_RETURN_NONE;
}

/* ---- tensors ---- */

static TfLiteTensor *tensor_at(TflcPyInterp *self, int index) {
  int n = TfLiteInterpreterGetTensorCount(self->interp);
  TfLiteTensor *t = index >= 0 && index < n
                        ? TfLiteInterpreterGetTensor(self->interp, index)
                        : NULL;
  if (!t) {
    if (n == 0)
      PyErr_Format(PyExc_ValueError,
                   "Invalid tensor index %d: the model has no tensors", index);
    else
      PyErr_Format(PyExc_ValueError,
                   "Invalid tensor index %d exceeds max tensor index %d", index,
                   n - 1);
  }
  return t;
}

static int check_subgraph_arg(int subgraph_index) {
  if (subgraph_index != 0) {
    PyErr_Format(PyExc_ValueError,
                 "subgraph_index %d: tflc's Python API reads tensors of the "
                 "primary subgraph (0); use "
                 "get_signature_runner() for the other subgraphs",
                 subgraph_index);
    return -1;
  }
  return 0;
}

static PyObject *interp_get_tensor(PyObject *o, PyObject *args,
                                   PyObject *kwargs) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  static char *kwlist[] = {"tensor_index", "subgraph_index", NULL};
  int index, sg = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|i", kwlist, &index, &sg))
    return NULL;
  if (tflcpy_check_usable(self) < 0 || check_subgraph_arg(sg) < 0) return NULL;
  TfLiteTensor *t = tensor_at(self, index);
  if (!t) return NULL;
  return tflcpy_tensor_copy(
      t, index, TflcInterpreterIsSubgraphAllocated(self->interp, 0));
}

static PyObject *interp_set_tensor(PyObject *o, PyObject *args,
                                   PyObject *kwargs) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  static char *kwlist[] = {"tensor_index", "value", NULL};
  int index;
  PyObject *value;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "iO", kwlist, &index, &value))
    return NULL;
  if (tflcpy_check_usable(self) < 0) return NULL;
  TfLiteTensor *t = tensor_at(self, index);
  if (!t) return NULL;
  tflcpy_dest dest = {self, NULL, NULL};
  if (tflcpy_tensor_set(&dest, t, index, value,
                        TflcInterpreterIsSubgraphAllocated(self->interp, 0)) <
      0)
    return NULL;
  Py_RETURN_NONE;
}

static PyObject *interp_tensor_view(PyObject *o, PyObject *args) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  int index;
  if (!PyArg_ParseTuple(args, "i", &index)) return NULL;
  if (tflcpy_check_usable(self) < 0) return NULL;
  TfLiteTensor *t = tensor_at(self, index);
  if (!t) return NULL;
  return tflcpy_tensor_view(
      self, t, index, TflcInterpreterIsSubgraphAllocated(self->interp, 0));
}

static PyObject *interp_tensor_info(PyObject *o, PyObject *args) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  int index;
  if (!PyArg_ParseTuple(args, "i", &index)) return NULL;
  if (tflcpy_check_usable(self) < 0) return NULL;
  TfLiteTensor *t = tensor_at(self, index);
  return t ? tflcpy_tensor_info(t, index) : NULL;
}

static PyObject *interp_tensor_count(PyObject *o, PyObject *noargs) {
  (void)noargs;
  TflcPyInterp *self = (TflcPyInterp *)o;
  if (tflcpy_check_usable(self) < 0) return NULL;
  return PyLong_FromLong(TfLiteInterpreterGetTensorCount(self->interp));
}

static PyObject *index_list(const int *v, int n) {
  PyObject *list = PyList_New(n > 0 ? n : 0);
  if (!list) return NULL;
  for (int i = 0; i < n; i++) {
    PyObject *x = PyLong_FromLong(v[i]);
    if (!x) {
      Py_DECREF(list);
      return NULL;
    }
    PyList_SET_ITEM(list, i, x);
  }
  return list;
}

static PyObject *interp_input_indices(PyObject *o, PyObject *noargs) {
  (void)noargs;
  TflcPyInterp *self = (TflcPyInterp *)o;
  if (tflcpy_check_usable(self) < 0) return NULL;
  return index_list(TfLiteInterpreterInputTensorIndices(self->interp),
                    TfLiteInterpreterGetInputTensorCount(self->interp));
}

static PyObject *interp_output_indices(PyObject *o, PyObject *noargs) {
  (void)noargs;
  TflcPyInterp *self = (TflcPyInterp *)o;
  if (tflcpy_check_usable(self) < 0) return NULL;
  return index_list(TfLiteInterpreterOutputTensorIndices(self->interp),
                    TfLiteInterpreterGetOutputTensorCount(self->interp));
}

/* ---- resize / reset ---- */

#define TFLC_PY_MAX_RANK 16

static PyObject *interp_resize(PyObject *o, PyObject *args, PyObject *kwargs) {
  TflcPyInterp *self = (TflcPyInterp *)o;
  static char *kwlist[] = {"input_index", "tensor_size", "strict", NULL};
  int index, strict = 0;
  PyObject *shape;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "iO|p", kwlist, &index, &shape,
                                   &strict))
    return NULL;
  if (tflcpy_check_usable(self) < 0 || tflcpy_check_no_views(self) < 0)
    return NULL;
  int n_in = TfLiteInterpreterGetInputTensorCount(self->interp);
  const int *inputs = TfLiteInterpreterInputTensorIndices(self->interp);
  int position = -1;
  for (int i = 0; i < n_in; i++)
    if (inputs[i] == index) position = i;
  if (position < 0) {
    PyErr_Format(PyExc_ValueError,
                 "Invalid tensor index %d: resize_tensor_input() takes the "
                 "index of an input tensor "
                 "(get_input_details()[i]['index'])",
                 index);
    return NULL;
  }
  int dims[TFLC_PY_MAX_RANK];
  int rank = tflcpy_read_shape(shape, dims, TFLC_PY_MAX_RANK);
  if (rank < 0) return NULL;
  const TfLiteTensor *t = TfLiteInterpreterGetTensor(self->interp, index);
  if (strict) {
    const TfLiteIntArray *sig = t->dims_signature;
    int ok = t->dims && t->dims->size == rank;
    for (int d = 0; ok && d < rank; d++) {
      if (dims[d] == t->dims->data[d]) continue;
      ok = sig && sig->size == rank && sig->data[d] == -1;
    }
    if (!ok) {
      PyErr_Format(PyExc_RuntimeError,
                   "ResizeInputTensorStrict only allows mutating unknown "
                   "dimensions identified by -1 "
                   "(input tensor %d, name: %s)",
                   index, t->name ? t->name : "");
      return NULL;
    }
  }
  if (TfLiteInterpreterResizeInputTensor(self->interp, position, dims, rank) !=
      kTfLiteOk) {
    tflcpy_raise_runtime(self, "resize_tensor_input() failed");
    return NULL;
  }
  Py_RETURN_NONE;
}

static PyObject *interp_reset_variables(PyObject *o, PyObject *noargs) {
  (void)noargs;
  TflcPyInterp *self = (TflcPyInterp *)o;
  if (tflcpy_check_usable(self) < 0 || tflcpy_check_no_views(self) < 0)
    return NULL;
  if (TfLiteInterpreterResetVariableTensors(self->interp) != kTfLiteOk) {
    tflcpy_raise_runtime(self, "reset_all_variables() failed");
    return NULL;
  }
  Py_RETURN_NONE;
}

static PyObject *interp_state(PyObject *o, PyObject *noargs) {
  (void)noargs;
  TflcPyInterp *self = (TflcPyInterp *)o;
  /* (created, allocated, live views, generation, arena bytes) */
  return Py_BuildValue(
      "(OOnKn)", self->interp ? Py_True : Py_False,
      self->interp && TflcInterpreterIsSubgraphAllocated(self->interp, 0)
          ? Py_True
          : Py_False,
      self->live_views, (unsigned long long)self->generation,
      (Py_ssize_t)(self->interp ? TflcInterpreterGetArenaSize(self->interp)
                                : 0));
}

static PyMethodDef interp_methods[] = {
    {"allocate_tensors", interp_allocate, METH_NOARGS,
     "Plans and allocates the tensors (needed before invoke)."},
    {"invoke", interp_invoke, METH_NOARGS,
     "Runs the model (releases the GIL while it runs)."},
    {"get_tensor", (PyCFunction)(void (*)(void))interp_get_tensor,
     METH_VARARGS | METH_KEYWORDS,
     "get_tensor(tensor_index): a copy of the tensor's value as a numpy "
     "array."},
    {"set_tensor", (PyCFunction)(void (*)(void))interp_set_tensor,
     METH_VARARGS | METH_KEYWORDS,
     "set_tensor(tensor_index, value): copies value (same dtype and shape) "
     "into the tensor."},
    {"resize_tensor_input", (PyCFunction)(void (*)(void))interp_resize,
     METH_VARARGS | METH_KEYWORDS,
     "resize_tensor_input(input_index, tensor_size, strict=False): call "
     "allocate_tensors() after."},
    {"reset_all_variables", interp_reset_variables, METH_NOARGS,
     "Resets variable tensors to their initial values."},
    {"_tensor_view", interp_tensor_view, METH_VARARGS,
     "A numpy view on a tensor's memory."},
    {"_tensor_info", interp_tensor_info, METH_VARARGS,
     "Raw details of a tensor (a tuple)."},
    {"_tensor_count", interp_tensor_count, METH_NOARGS,
     "Number of tensors of the primary subgraph."},
    {"_input_indices", interp_input_indices, METH_NOARGS,
     "Tensor indices of the inputs."},
    {"_output_indices", interp_output_indices, METH_NOARGS,
     "Tensor indices of the outputs."},
    {"_state", interp_state, METH_NOARGS,
     "(created, allocated, live views, generation, arena bytes)."},
    {"_signature_defs", tflcpy_signature_defs, METH_NOARGS,
     "[(key, [input names], [output names], subgraph index)]."},
    {"_runner_details", tflcpy_runner_details, METH_VARARGS,
     "_runner_details(key, is_input): [(name, raw details)]."},
    {"_runner_resize", tflcpy_runner_resize, METH_VARARGS,
     "_runner_resize(key, name, shape)."},
    {"_runner_allocate", tflcpy_runner_allocate, METH_VARARGS,
     "_runner_allocate(key)."},
    {"_runner_ready", tflcpy_runner_ready, METH_VARARGS,
     "_runner_ready(key): allocated?"},
    {"_runner_set", tflcpy_runner_set, METH_VARARGS,
     "_runner_set(key, name, value)."},
    {"_runner_invoke", tflcpy_runner_invoke, METH_VARARGS,
     "_runner_invoke(key)."},
    {"_runner_get", tflcpy_runner_get, METH_VARARGS,
     "_runner_get(key, name): a copy."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject TflcPyInterp_Type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "tflc._tflc.InterpreterBase",
    .tp_basicsize = sizeof(TflcPyInterp),
    .tp_dealloc = interp_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "The C core of tflc.Interpreter (use tflc.Interpreter).",
    .tp_weaklistoffset = offsetof(TflcPyInterp, weakreflist),
    .tp_methods = interp_methods,
    .tp_init = interp_init,
    .tp_new = PyType_GenericNew,
};
