/* Tensors <-> numpy for the tflc Python extension: the TfLiteType <-> numpy
 * type mapping (as TensorFlow Lite's Python API maps them), tensor details,
 * get_tensor (a copy; STRING tensors as object arrays of bytes), set_tensor
 * (type and shape checked, with TensorFlow Lite's messages; bytes/str arrays
 * into STRING tensors), tensor() views on tensor memory, and the view guard
 * that keeps the interpreter alive and counted while such a view exists. */
#include "_tflc.h"

#include <string.h>

/* ---- types ---- */

int tflcpy_numpy_type(TfLiteType type) {
  switch (type) {
    case kTfLiteFloat32: return NPY_FLOAT32;
    case kTfLiteFloat16: return NPY_FLOAT16;
    case kTfLiteFloat64: return NPY_FLOAT64;
    case kTfLiteInt8: return NPY_INT8;
    case kTfLiteInt16: return NPY_INT16;
    case kTfLiteInt32: return NPY_INT32;
    case kTfLiteInt64: return NPY_INT64;
    case kTfLiteUInt8: return NPY_UINT8;
    case kTfLiteUInt16: return NPY_UINT16;
    case kTfLiteUInt32: return NPY_UINT32;
    case kTfLiteUInt64: return NPY_UINT64;
    case kTfLiteBool: return NPY_BOOL;
    case kTfLiteComplex64: return NPY_COMPLEX64;
    case kTfLiteComplex128: return NPY_COMPLEX128;
    default: return -1;
  }
}

TfLiteType tflcpy_tflite_type(PyArray_Descr *d) {
  int size = (int)d->elsize;
  switch (d->kind) {
    case 'b': return kTfLiteBool;
    case 'i':
      return size == 1   ? kTfLiteInt8
             : size == 2 ? kTfLiteInt16
             : size == 4 ? kTfLiteInt32
             : size == 8 ? kTfLiteInt64
                         : kTfLiteNoType;
    case 'u':
      return size == 1   ? kTfLiteUInt8
             : size == 2 ? kTfLiteUInt16
             : size == 4 ? kTfLiteUInt32
             : size == 8 ? kTfLiteUInt64
                         : kTfLiteNoType;
    case 'f':
      return size == 2   ? kTfLiteFloat16
             : size == 4 ? kTfLiteFloat32
             : size == 8 ? kTfLiteFloat64
                         : kTfLiteNoType;
    case 'c':
      return size == 8    ? kTfLiteComplex64
             : size == 16 ? kTfLiteComplex128
                          : kTfLiteNoType;
    case 'S':
    case 'U':
    case 'O': return kTfLiteString;
    default: return kTfLiteNoType;
  }
}

static const char *tensor_name(const TfLiteTensor *t) {
  return t->name ? t->name : "";
}

/* Number of elements of t's shape; -1 on overflow or a negative dim. */
static Py_ssize_t tensor_elems(const TfLiteTensor *t) {
  Py_ssize_t n = 1;
  int rank = t->dims ? t->dims->size : 0;
  for (int i = 0; i < rank; i++) {
    int d = t->dims->data[i];
    if (d < 0) return -1;
    if (d != 0 && n > PY_SSIZE_T_MAX / d) return -1;
    n *= d;
  }
  return n;
}

static int fill_dims(const TfLiteTensor *t, npy_intp *dims) {
  int rank = t->dims ? t->dims->size : 0;
  for (int i = 0; i < rank; i++) dims[i] = t->dims->data[i];
  return rank;
}

/* Tensors a caller may always read: constants in the model. */
static int is_constant(const TfLiteTensor *t) {
  return t->allocation_type == kTfLiteMmapRo ||
         t->allocation_type == kTfLitePersistentRo;
}

/* ---- details ---- */

static PyObject *int_tuple(const int *v, int n) {
  PyObject *tup = PyTuple_New(n > 0 ? n : 0);
  if (!tup) return NULL;
  for (int i = 0; i < n; i++) {
    PyObject *x = PyLong_FromLong(v[i]);
    if (!x) {
      Py_DECREF(tup);
      return NULL;
    }
    PyTuple_SET_ITEM(tup, i, x);
  }
  return tup;
}

PyObject *tflcpy_tensor_info(const TfLiteTensor *t, int index) {
  PyObject *shape =
      t->dims ? int_tuple(t->dims->data, t->dims->size) : PyTuple_New(0);
  PyObject *sig = NULL, *scales = NULL, *zps = NULL;
  int qdim = 0;
  if (!shape) return NULL;
  if (t->dims_signature && t->dims_signature->size > 0) {
    sig = int_tuple(t->dims_signature->data, t->dims_signature->size);
  } else {
    sig = shape;
    Py_INCREF(sig);
  }
  if (!sig) goto fail;
  const TfLiteAffineQuantization *aq = NULL;
  if (t->quantization.type == kTfLiteAffineQuantization)
    aq = (const TfLiteAffineQuantization *)t->quantization.params;
  int ns = aq && aq->scale ? aq->scale->size : 0;
  int nz = aq && aq->zero_point ? aq->zero_point->size : 0;
  scales = PyTuple_New(ns);
  zps = PyTuple_New(nz);
  if (!scales || !zps) goto fail;
  for (int i = 0; i < ns; i++) {
    PyObject *x = PyFloat_FromDouble(aq->scale->data[i]);
    if (!x) goto fail;
    PyTuple_SET_ITEM(scales, i, x);
  }
  for (int i = 0; i < nz; i++) {
    PyObject *x = PyLong_FromLong(aq->zero_point->data[i]);
    if (!x) goto fail;
    PyTuple_SET_ITEM(zps, i, x);
  }
  if (aq) qdim = aq->quantized_dimension;
  /* (name, index, type, shape, shape_signature, scale, zero_point, scales,
   *  zero_points, quantized_dimension, is_sparse, is_variable) */
  return Py_BuildValue(
      "(siiNNdiNNiOO)", tensor_name(t), index, (int)t->type, shape, sig,
      (double)t->params.scale, (int)t->params.zero_point, scales, zps, qdim,
      t->sparsity ? Py_True : Py_False, t->is_variable ? Py_True : Py_False);
fail:
  Py_XDECREF(shape);
  Py_XDECREF(sig);
  Py_XDECREF(scales);
  Py_XDECREF(zps);
  return NULL;
}

/* ---- get_tensor ---- */

static int check_readable(const TfLiteTensor *t, int index, int ready) {
  if (!ready && !is_constant(t)) {
    PyErr_Format(PyExc_ValueError,
                 "Tensor data is null. Run allocate_tensors() first (tensor "
                 "%d, name: %s; after "
                 "resize_tensor_input(), call allocate_tensors() again)",
                 index, tensor_name(t));
    return -1;
  }
  if (!t->data.data && t->bytes > 0) {
    PyErr_Format(PyExc_ValueError,
                 "Tensor data is null. Run allocate_tensors() first (tensor "
                 "%d, name: %s)",
                 index, tensor_name(t));
    return -1;
  }
  return 0;
}

/* A STRING tensor as TensorFlow Lite's Python API returns it: an object
 * array of bytes with the tensor's shape (1-D when the shape does not match
 * the number of strings). */
static PyObject *string_tensor_copy(const TfLiteTensor *t, int index) {
  int n = TflcTensorStringCount(t);
  if (n < 0) {
    PyErr_Format(PyExc_ValueError,
                 "string tensor %d (%s) holds a malformed buffer", index,
                 tensor_name(t));
    return NULL;
  }
  npy_intp dims[16];
  int rank = t->dims ? t->dims->size : 0;
  if (rank > 16 || tensor_elems(t) != n) {
    rank = 1;
    dims[0] = n;
  } else {
    fill_dims(t, dims);
  }
  PyArrayObject *arr =
      (PyArrayObject *)PyArray_SimpleNew(rank, dims, NPY_OBJECT);
  if (!arr) return NULL;
  PyObject **items = (PyObject **)PyArray_DATA(arr);
  for (int i = 0; i < n; i++) {
    const char *p = NULL;
    size_t len = 0;
    if (TflcTensorGetString(t, i, &p, &len) != kTfLiteOk) {
      Py_DECREF(arr);
      PyErr_Format(PyExc_ValueError,
                   "string tensor %d (%s) holds a malformed buffer", index,
                   tensor_name(t));
      return NULL;
    }
    PyObject *str = PyBytes_FromStringAndSize(p, (Py_ssize_t)len);
    if (!str) {
      Py_DECREF(arr);
      return NULL;
    }
    Py_XSETREF(items[i], str);
  }
  return (PyObject *)arr;
}

static int numpy_type_for(const TfLiteTensor *t, int index) {
  int npy = tflcpy_numpy_type(t->type);
  if (npy < 0)
    PyErr_Format(PyExc_ValueError,
                 "tensor %d (%s) has type %s, which tflc's Python API does not "
                 "support yet",
                 index, tensor_name(t), TfLiteTypeGetName(t->type));
  return npy;
}

static int check_size(const TfLiteTensor *t, int index, int npy) {
  Py_ssize_t elems = tensor_elems(t);
  PyArray_Descr *d = PyArray_DescrFromType(npy);
  if (!d) return -1;
  size_t itemsize = (size_t)d->elsize;
  Py_DECREF(d);
  if (elems < 0 || (size_t)elems > SIZE_MAX / itemsize ||
      (size_t)elems * itemsize != t->bytes) {
    PyErr_Format(PyExc_ValueError,
                 "tensor %d (%s): its %zu bytes do not match its shape", index,
                 tensor_name(t), t->bytes);
    return -1;
  }
  return 0;
}

PyObject *tflcpy_tensor_copy(const TfLiteTensor *t, int index, int ready) {
  if (check_readable(t, index, ready) < 0) return NULL;
  if (t->type == kTfLiteString) return string_tensor_copy(t, index);
  int npy = numpy_type_for(t, index);
  if (npy < 0 || check_size(t, index, npy) < 0) return NULL;
  npy_intp dims[64];
  if (t->dims && t->dims->size > 64) {
    PyErr_Format(PyExc_ValueError, "tensor %d has too many dimensions", index);
    return NULL;
  }
  int rank = fill_dims(t, dims);
  PyArrayObject *arr = (PyArrayObject *)PyArray_SimpleNew(rank, dims, npy);
  if (!arr) return NULL;
  if (t->bytes) memcpy(PyArray_DATA(arr), t->data.raw_const, t->bytes);
  return (PyObject *)arr;
}

/* ---- set_tensor ---- */

/* Checks a value's type and shape against tensor t (TensorFlow Lite's
 * messages); 0 when they match, -1 with ValueError set. */
static int check_value(PyArrayObject *arr, const TfLiteTensor *t, int index) {
  TfLiteType got = tflcpy_tflite_type(PyArray_DESCR(arr));
  if (got != t->type) {
    PyObject *dstr = got == kTfLiteNoType
                         ? PyObject_Str((PyObject *)PyArray_DESCR(arr))
                         : NULL;
    const char *gname = dstr ? PyUnicode_AsUTF8(dstr) : TfLiteTypeGetName(got);
    PyErr_Format(PyExc_ValueError,
                 "Cannot set tensor: Got value of type %s but expected type %s "
                 "for input %d, name: %s ",
                 gname ? gname : "?", TfLiteTypeGetName(t->type), index,
                 tensor_name(t));
    Py_XDECREF(dstr);
    return -1;
  }
  int rank = t->dims ? t->dims->size : 0;
  if (PyArray_NDIM(arr) != rank) {
    PyErr_Format(PyExc_ValueError,
                 "Cannot set tensor: Dimension mismatch. Got %d but expected "
                 "%d for input %d.",
                 PyArray_NDIM(arr), rank, index);
    return -1;
  }
  for (int i = 0; i < rank; i++) {
    if (PyArray_DIM(arr, i) != t->dims->data[i]) {
      PyErr_Format(PyExc_ValueError,
                   "Cannot set tensor: Dimension mismatch. Got %ld but "
                   "expected %d for dimension %d of input %d.",
                   (long)PyArray_DIM(arr, i), t->dims->data[i], i, index);
      return -1;
    }
  }
  return 0;
}

/* The UTF-8 (str) or raw (bytes) contents of one element of a string
 * array; `item` must stay alive while *data is used. */
static int string_item(PyObject *item, Py_ssize_t i, int index,
                       const char **data, size_t *len) {
  Py_ssize_t n = 0;
  if (PyBytes_Check(item)) {
    *data = PyBytes_AS_STRING(item);
    n = PyBytes_GET_SIZE(item);
  } else if (PyUnicode_Check(item)) {
    *data = PyUnicode_AsUTF8AndSize(item, &n);
    if (!*data) return -1;
  } else {
    PyErr_Format(PyExc_ValueError,
                 "Cannot set tensor: element %zd of the value for string input "
                 "%d is %s; a string tensor takes "
                 "bytes or str elements",
                 i, index, Py_TYPE(item)->tp_name);
    return -1;
  }
  *len = (size_t)n;
  return 0;
}

/* Writes a numpy array of bytes/str (dtype object, S or U) into a STRING
 * tensor through the C API. */
static int set_strings(const tflcpy_dest *dest, const TfLiteTensor *t,
                       int index, PyArrayObject *arr) {
  int rank = PyArray_NDIM(arr);
  int dims[64];
  npy_intp n = PyArray_SIZE(arr);
  if (rank > 64 || n > INT32_MAX / 8) {
    PyErr_Format(PyExc_ValueError,
                 "Cannot set tensor: too many strings for input %d", index);
    return -1;
  }
  for (int d = 0; d < rank; d++) dims[d] = (int)PyArray_DIM(arr, d);
  PyObject *keep = PyList_New(n);
  const char **ptrs = PyMem_Calloc(n ? (size_t)n : 1, sizeof *ptrs);
  size_t *lens = PyMem_Calloc(n ? (size_t)n : 1, sizeof *lens);
  int rc = -1;
  if (!keep || !ptrs || !lens) {
    if (keep) PyErr_NoMemory();
    goto done;
  }
  {
    char *base = PyArray_BYTES(arr);
    npy_intp step = PyArray_ITEMSIZE(arr);
    for (npy_intp i = 0; i < n; i++) {
      PyObject *item = PyArray_GETITEM(arr, base + i * step);
      if (!item) goto done;
      PyList_SET_ITEM(keep, i, item);
      if (string_item(item, (Py_ssize_t)i, index, &ptrs[i], &lens[i]) < 0)
        goto done;
    }
  }
  TfLiteStatus s =
      dest->runner
          ? TflcSignatureRunnerSetInputStrings(dest->runner, dest->input_name,
                                               ptrs, lens, (int)n, dims, rank)
          : TflcInterpreterSetTensorStrings(dest->owner->interp, index, ptrs,
                                            lens, (int)n, dims, rank);
  if (s != kTfLiteOk) {
    const char *msg = TflcInterpreterGetLastError(dest->owner->interp);
    PyErr_Format(PyExc_ValueError, "Cannot set tensor: %s (input %d, name: %s)",
                 msg && msg[0] ? msg : "writing the strings failed", index,
                 tensor_name(t));
    goto done;
  }
  rc = 0;
done:
  PyMem_Free(ptrs);
  PyMem_Free(lens);
  Py_XDECREF(keep);
  return rc;
}

int tflcpy_tensor_set(const tflcpy_dest *dest, TfLiteTensor *t, int index,
                      PyObject *value, int ready) {
  if (is_constant(t)) {
    PyErr_Format(PyExc_ValueError,
                 "Cannot set tensor: tensor %d (name: %s) is a constant of the "
                 "model and is read-only",
                 index, tensor_name(t));
    return -1;
  }
  if (!ready || (!t->data.data && t->bytes > 0)) {
    PyErr_Format(PyExc_ValueError,
                 "Cannot set tensor: Tensor is unallocated. Try calling "
                 "allocate_tensors() first "
                 "(input %d, name: %s)",
                 index, tensor_name(t));
    return -1;
  }
  int npy = t->type == kTfLiteString ? NPY_OBJECT : numpy_type_for(t, index);
  if (npy < 0) return -1;
  PyArrayObject *arr = (PyArrayObject *)PyArray_FromAny(
      value, NULL, 0, 0, NPY_ARRAY_IN_ARRAY, NULL);
  if (!arr) return -1;
  if (!PyArray_ISNOTSWAPPED(arr)) {
    PyArray_Descr *native =
        PyArray_DescrNewByteorder(PyArray_DESCR(arr), NPY_NATIVE);
    PyArrayObject *conv = native ? (PyArrayObject *)PyArray_FromArray(
                                       arr, native, NPY_ARRAY_IN_ARRAY)
                                 : NULL;
    Py_DECREF(arr);
    if (!conv) return -1;
    arr = conv;
  }
  if (check_value(arr, t, index) < 0) {
    Py_DECREF(arr);
    return -1;
  }
  if (t->type == kTfLiteString) {
    int rc = set_strings(dest, t, index, arr);
    Py_DECREF(arr);
    return rc;
  }
  if ((size_t)PyArray_NBYTES(arr) != t->bytes) {
    PyErr_Format(PyExc_ValueError,
                 "Cannot set tensor: the value has %zd bytes but input %d (%s) "
                 "holds %zu",
                 (Py_ssize_t)PyArray_NBYTES(arr), index, tensor_name(t),
                 t->bytes);
    Py_DECREF(arr);
    return -1;
  }
  if (t->bytes) memcpy(t->data.data, PyArray_DATA(arr), t->bytes);
  Py_DECREF(arr);
  return 0;
}

/* ---- views ---- */

typedef struct {
  PyObject_HEAD TflcPyInterp *owner;
} TflcPyViewGuard;

static void guard_dealloc(PyObject *o) {
  TflcPyViewGuard *g = (TflcPyViewGuard *)o;
  if (g->owner) {
    g->owner->live_views--;
    Py_CLEAR(g->owner);
  }
  Py_TYPE(o)->tp_free(o);
}

PyTypeObject TflcPyViewGuard_Type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "tflc._tflc._TensorMemory",
    .tp_basicsize = sizeof(TflcPyViewGuard),
    .tp_dealloc = guard_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc =
        "Keeps an interpreter alive while a numpy view of its tensor memory "
        "exists.",
};

PyObject *tflcpy_tensor_view(TflcPyInterp *owner, TfLiteTensor *t, int index,
                             int ready) {
  if (check_readable(t, index, ready) < 0) return NULL;
  if (t->type == kTfLiteString) {
    PyErr_Format(
        PyExc_ValueError,
        "tensor(): string tensors have no numpy view; use get_tensor(%d)",
        index);
    return NULL;
  }
  int npy = numpy_type_for(t, index);
  if (npy < 0 || check_size(t, index, npy) < 0) return NULL;
  npy_intp dims[64];
  if (t->dims && t->dims->size > 64) {
    PyErr_Format(PyExc_ValueError, "tensor %d has too many dimensions", index);
    return NULL;
  }
  int rank = fill_dims(t, dims);
  if (!t->data.data) return PyArray_ZEROS(rank, dims, npy, 0); /* zero-size */
  PyArray_Descr *descr = PyArray_DescrFromType(npy);
  if (!descr) return NULL;
  int flags = is_constant(t) ? NPY_ARRAY_CARRAY_RO : NPY_ARRAY_CARRAY;
  PyObject *arr = PyArray_NewFromDescr(&PyArray_Type, descr, rank, dims, NULL,
                                       t->data.data, flags, NULL);
  if (!arr) return NULL;
  TflcPyViewGuard *g = PyObject_New(TflcPyViewGuard, &TflcPyViewGuard_Type);
  if (!g) {
    Py_DECREF(arr);
    return NULL;
  }
  Py_INCREF(owner);
  g->owner = owner;
  owner->live_views++;
  if (PyArray_SetBaseObject((PyArrayObject *)arr, (PyObject *)g) < 0) {
    Py_DECREF(g);
    Py_DECREF(arr);
    return NULL;
  }
  return arr;
}
