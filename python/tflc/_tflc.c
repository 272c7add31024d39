/* Module entry of the tflc Python extension (tflc._tflc): initializes the
 * numpy C API, registers the Interpreter core type and the view-guard type,
 * and exposes the library's version. The Python-level API (detail
 * dictionaries, tensor(), signature runners) is in tflc/interpreter.py. */
#define TFLC_PY_MAIN_FILE
#include "_tflc.h"

static PyObject *library_version(PyObject *m, PyObject *noargs) {
  (void)m;
  (void)noargs;
  return PyUnicode_FromString(TfLiteVersion());
}

static PyObject *numpy_type_of(PyObject *m, PyObject *args) {
  (void)m;
  int type;
  if (!PyArg_ParseTuple(args, "i", &type)) return NULL;
  int npy = tflcpy_numpy_type((TfLiteType)type);
  if (npy < 0) Py_RETURN_NONE;
  return (PyObject *)PyArray_DescrFromType(npy);
}

static PyObject *type_name(PyObject *m, PyObject *args) {
  (void)m;
  int type;
  if (!PyArg_ParseTuple(args, "i", &type)) return NULL;
  return PyUnicode_FromString(TfLiteTypeGetName((TfLiteType)type));
}

static PyMethodDef module_methods[] = {
    {"library_version", library_version, METH_NOARGS,
     "Version string of the tflc C library."},
    {"numpy_type_of", numpy_type_of, METH_VARARGS,
     "numpy dtype of a TfLiteType value (None if none)."},
    {"type_name", type_name, METH_VARARGS,
     "Name of a TfLiteType value (\"FLOAT32\", ...)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    "_tflc",
    "tflc's C core: TensorFlow Lite models run by libtflc.",
    -1,
    module_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC PyInit__tflc(void) {
  import_array();
  if (PyType_Ready(&TflcPyInterp_Type) < 0 ||
      PyType_Ready(&TflcPyViewGuard_Type) < 0)
    return NULL;
  PyObject *m = PyModule_Create(&module_def);
  if (!m) return NULL;
  Py_INCREF(&TflcPyInterp_Type);
  if (PyModule_AddObject(m, "InterpreterBase", (PyObject *)&TflcPyInterp_Type) <
      0) {
    Py_DECREF(&TflcPyInterp_Type);
    Py_DECREF(m);
    return NULL;
  }
  return m;
}
