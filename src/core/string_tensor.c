/* STRING tensors in TensorFlow Lite's buffer format (int32 count N, N + 1
 * int32 offsets from the start of the buffer, then the bytes): validated
 * reading, and writing a tensor of subgraph 0 through the C API. */
#include <stdio.h>
#include <string.h>

#include "base/checked_math.h"
#include "core/interp_internal.h"

static int32_t read_i32(const uint8_t *p) {
  int32_t v;
  memcpy(&v, p, 4);
  return v;
}

int TflcTensorStringCount(const TfLiteTensor *t) {
  if (!t || t->type != kTfLiteString || !t->data.raw_const || t->bytes < 4)
    return t && t->bytes == 0 ? 0 : -1;
  const uint8_t *b = (const uint8_t *)t->data.raw_const;
  int32_t n = read_i32(b);
  if (n < 0 || (size_t)n > (t->bytes - 4) / 4 - 1) return -1;
  /* Offsets must be non-decreasing, start after the table, end in bounds. */
  size_t table_end = 4 * ((size_t)n + 2);
  int32_t prev = read_i32(b + 4);
  if (prev < 0 || (size_t)prev < table_end || (size_t)prev > t->bytes)
    return -1;
  for (int32_t i = 1; i <= n; i++) {
    int32_t o = read_i32(b + 4 + 4 * (size_t)i);
    if (o < prev || (size_t)o > t->bytes) return -1;
    prev = o;
  }
  return n;
}

TfLiteStatus TflcTensorGetString(const TfLiteTensor *t, int index,
                                 const char **data, size_t *length) {
  int n = TflcTensorStringCount(t);
  if (n < 0 || index < 0 || index >= n || !data || !length) return kTfLiteError;
  const uint8_t *b = (const uint8_t *)t->data.raw_const;
  int32_t start = read_i32(b + 4 + 4 * (size_t)index);
  int32_t end = read_i32(b + 8 + 4 * (size_t)index);
  *data = (const char *)b + start;
  *length = (size_t)(end - start);
  return kTfLiteOk;
}

TfLiteStatus tflc_subgraph_write_strings(tflc_subgraph *sg, int tensor_index,
                                         const char *what,
                                         const char *const *strings,
                                         const size_t *lengths, int count,
                                         const int *dims, int rank) {
  TfLiteInterpreter *interp = sg->interp;
  TfLiteTensor *t = &sg->tensors[tensor_index];
  if (t->type != kTfLiteString) {
    tflc_interp_error(interp, "%s ('%s') is %s, not STRING", what, t->name,
                      TfLiteTypeGetName(t->type));
    return kTfLiteError;
  }
  size_t elems = 0;
  if (count < 0 || rank < 0 || (rank > 0 && !dims) ||
      tflc_shape_elems(dims, rank, (size_t)INT32_MAX, &elems) != 0 ||
      elems != (size_t)count || (count > 0 && (!strings || !lengths))) {
    tflc_interp_error(interp,
                      "%s ('%s'): %d strings do not fill the given shape", what,
                      t->name, count);
    return kTfLiteError;
  }
  size_t total = 4 * ((size_t)count + 2);
  for (int i = 0; i < count; i++) {
    if (tflc_add_size(total, lengths[i], &total) != 0 ||
        total > (size_t)INT32_MAX) {
      tflc_interp_error(interp, "%s ('%s'): strings are too large", what,
                        t->name);
      return kTfLiteError;
    }
  }
  if (tflc_subgraph_resize_bytes(sg, tensor_index, dims, rank, total) !=
      kTfLiteOk)
    return kTfLiteError;
  uint8_t *b = (uint8_t *)t->data.raw;
  int32_t v = count;
  memcpy(b, &v, 4);
  size_t off = 4 * ((size_t)count + 2);
  for (int i = 0; i <= count; i++) {
    v = (int32_t)off;
    memcpy(b + 4 + 4 * (size_t)i, &v, 4);
    if (i < count) {
      if (lengths[i]) memcpy(b + off, strings[i], lengths[i]);
      off += lengths[i];
    }
  }
  return kTfLiteOk;
}

TfLiteStatus TflcInterpreterSetTensorStrings(TfLiteInterpreter *interp,
                                             int tensor_index,
                                             const char *const *strings,
                                             const size_t *lengths, int count,
                                             const int *dims, int rank) {
  if (!interp || interp->n_subgraphs == 0) return kTfLiteError;
  interp->err.msg[0] = '\0';
  tflc_subgraph *sg = &interp->subgraphs[0];
  if (tensor_index < 0 || tensor_index >= sg->n_tensors) {
    tflc_interp_error(interp, "tensor index %d is out of range (%d tensors)",
                      tensor_index, sg->n_tensors);
    return kTfLiteError;
  }
  char what[32];
  snprintf(what, sizeof what, "tensor %d", tensor_index);
  return tflc_subgraph_write_strings(sg, tensor_index, what, strings, lengths,
                                     count, dims, rank);
}
