/* Shared declarations of the tflc Python extension (_tflc): the Interpreter
 * object over a TfLiteInterpreter, the numpy conversion helpers and the
 * view-guard type that keeps the interpreter alive while numpy views of its
 * tensor memory exist. Every .c file of the extension includes this header
 * first (it includes Python.h and the numpy C API with one shared table). */
#ifndef TFLC_PY_TFLC_H
#define TFLC_PY_TFLC_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#define PY_ARRAY_UNIQUE_SYMBOL tflc_py_ARRAY_API
#ifndef TFLC_PY_MAIN_FILE
#define NO_IMPORT_ARRAY
#endif
#include <numpy/arrayobject.h>

#include <stdint.h>

#include "tflc/c_api.h"
#include "tflc/tflc.h"

#define TFLC_PY_ERR_LEN 2048

/* The Python object owning one TfLiteInterpreter (and its model). */
typedef struct TflcPyInterp {
  PyObject_HEAD TfLiteModel *model;
  TfLiteInterpreter *interp;
  PyObject *model_bytes; /* model_content kept alive for the model */
  Py_ssize_t live_views; /* numpy views of tensor memory alive now */
  int busy;              /* invoke runs in another thread (GIL released) */
  uint64_t generation;   /* bumped by every successful (re)allocation */
  char report[TFLC_PY_ERR_LEN]; /* messages of the error reporter */
  PyObject *weakreflist;
} TflcPyInterp;

extern PyTypeObject TflcPyInterp_Type;
extern PyTypeObject TflcPyViewGuard_Type;

/* _tflc_interp.c: common checks. Each returns 0 when fine, -1 with a Python
 * exception set. */
int tflcpy_check_usable(TflcPyInterp *self);
int tflcpy_check_no_views(TflcPyInterp *self);
/* RuntimeError with the interpreter's last error (or `fallback`). */
void tflcpy_raise_runtime(TflcPyInterp *self, const char *fallback);
/* Reads a 1-D shape (sequence or array of integers) into dims; returns the
 * rank or -1 with ValueError/TypeError set. */
int tflcpy_read_shape(PyObject *shape, int *dims, int max_rank);

/* Where set_tensor writes: a tensor of subgraph 0 (runner NULL) or the
 * input `input_name` of a signature runner. STRING values go through the C
 * API (TflcInterpreterSetTensorStrings / TflcSignatureRunnerSetInputStrings),
 * which sizes the tensor's buffer. */
typedef struct tflcpy_dest {
  TflcPyInterp *owner;
  TfLiteSignatureRunner *runner;
  const char *input_name;
} tflcpy_dest;

/* _tflc_tensor.c: tensors <-> numpy. `what` names the tensor in messages
 * ("input 3" style numbering follows TensorFlow Lite: the tensor index). */
int tflcpy_numpy_type(TfLiteType type);          /* NPY_* or -1 */
TfLiteType tflcpy_tflite_type(PyArray_Descr *d); /* kTfLiteNoType if none */
PyObject *tflcpy_tensor_info(const TfLiteTensor *t, int index);
/* A copy: a numpy array, or for STRING an object array of bytes. */
PyObject *tflcpy_tensor_copy(const TfLiteTensor *t, int index, int ready);
int tflcpy_tensor_set(const tflcpy_dest *dest, TfLiteTensor *t, int index,
                      PyObject *value, int ready);
PyObject *tflcpy_tensor_view(TflcPyInterp *owner, TfLiteTensor *t, int index,
                             int ready);

/* _tflc_signature.c: methods of the Interpreter object for signatures. */
PyObject *tflcpy_signature_defs(PyObject *self, PyObject *noargs);
PyObject *tflcpy_runner_details(PyObject *self, PyObject *args);
PyObject *tflcpy_runner_resize(PyObject *self, PyObject *args);
PyObject *tflcpy_runner_allocate(PyObject *self, PyObject *args);
PyObject *tflcpy_runner_ready(PyObject *self, PyObject *args);
PyObject *tflcpy_runner_set(PyObject *self, PyObject *args);
PyObject *tflcpy_runner_invoke(PyObject *self, PyObject *args);
PyObject *tflcpy_runner_get(PyObject *self, PyObject *args);

#endif
