/* STRING tensors for kernels (TensorFlow Lite's buffer format: int32 count
 * N, N + 1 int32 offsets from the buffer start, then the bytes). Reading:
 * str_view checks the whole buffer once (TflcTensorStringCount: offsets in
 * bounds and non-decreasing) and that it holds one string per element of
 * the shape; str_get is then O(1). Writing: str_alloc sizes the output
 * through TflcResizeTensorBytes (STRING outputs are dynamic), then the
 * strings are added in order. */
#ifndef TFLC_KERNELS_INTERNAL_STRING_UTIL_H
#define TFLC_KERNELS_INTERNAL_STRING_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kernels/internal/broadcast.h"
#include "tflc/common.h"

typedef struct str_view {
  const uint8_t *buf;
  int count;
} str_view;

/* Checks t (a STRING tensor) and fills v. Reports through ctx (naming
 * `what`) and returns kTfLiteError for a malformed buffer or a string count
 * that differs from the shape's element count. */
TfLiteStatus str_view_init(TfLiteContext *ctx, const TfLiteTensor *t,
                           const char *what, str_view *v);

/* String i (0 <= i < v->count) of a checked view. */
static inline const char *str_get(const str_view *v, int i, size_t *len) {
  int32_t a, b;
  /* Analyzer false positive: buf is NULL only for an empty view, which has no
   * string i */
  /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker) */
  memcpy(&a, v->buf + 4 + 4 * (size_t)i, 4);
  memcpy(&b, v->buf + 8 + 4 * (size_t)i, 4);
  *len = (size_t)(b - a);
  return (const char *)v->buf + a;
}

/* Buffer bytes for count strings of total_len bytes, or 0 when it does
 * not fit in int32 offsets. */
size_t str_buffer_bytes(size_t count, size_t total_len);

typedef struct str_writer {
  uint8_t *buf;
  size_t size;
  int count;
  int next; /* index of the string being written */
  size_t pos;
} str_writer;

/* Gives out the shape [dims, rank] and room for count strings of total_len
 * bytes in all; then add exactly count strings. */
TfLiteStatus str_alloc(TfLiteContext *ctx, TfLiteTensor *out, const int *dims,
                       int rank, int count, size_t total_len, str_writer *w);

/* A string made of pieces: str_begin, str_append..., str_end. */
void str_begin(str_writer *w);
void str_append(str_writer *w, const char *p, size_t len);
void str_end(str_writer *w);

static inline void str_add(str_writer *w, const char *p, size_t len) {
  str_begin(w);
  str_append(w, p, len);
  str_end(w);
}

/* EQUAL / NOT_EQUAL of two checked views over a broadcast plan: out[i] is
 * (a == b) == want_equal, byte-wise. */
void str_bcast_equal(const kern_bcast *bc, const str_view *a, const str_view *b,
                     bool *out, bool want_equal);

#endif
