/* Reading and writing NumPy .npy files (format versions 1.0, 2.0 and 3.0 read,
 * 1.0 written) for the `tflc` tools and tests, with the dtype <-> TfLiteType
 * mapping. Input bytes are untrusted: every length, shape and size is checked
 * and a failure returns -1 with a message naming what is wrong. */
#ifndef TFLC_TOOLS_NPY_H
#define TFLC_TOOLS_NPY_H

#include <stddef.h>
#include <stdint.h>

#include "tflc/common.h"

/* Most dimensions an array may have (NumPy's own limit is 32 or 64). */
#define NPY_MAX_RANK 32
/* Largest header dictionary accepted, in bytes. */
#define NPY_MAX_HEADER 65536

typedef struct npy_array {
  TfLiteType type;
  int rank; /* 0 for a scalar */
  int shape[NPY_MAX_RANK];
  size_t count;    /* number of elements (1 for a scalar) */
  size_t itemsize; /* bytes per element */
  size_t bytes;    /* count * itemsize */
  void *data;      /* owned, C order, little-endian; never NULL
                      after a successful read */
} npy_array;

/* Parses a whole .npy file held in memory (len bytes at buf). On success
 * returns 0 and fills *out with a copy of the data (free with npy_free). On
 * failure returns -1, writes a message into err and leaves *out empty. */
int npy_parse(const uint8_t *buf, size_t len, npy_array *out, char *err,
              size_t errlen);

/* Reads a .npy file. Messages start with the path. */
int npy_read(const char *path, npy_array *out, char *err, size_t errlen);

/* Writes a version 1.0 .npy file; bytes must equal the element count of shape
 * times the type's element size. rank 0 writes a scalar. */
int npy_write(const char *path, TfLiteType type, const int *shape, int rank,
              const void *data, size_t bytes, char *err, size_t errlen);

/* The same file as npy_write would write, in a malloc'd buffer (*out, *outlen;
 * free with free()). */
int npy_encode(TfLiteType type, const int *shape, int rank, const void *data,
               size_t bytes, uint8_t **out, size_t *outlen, char *err,
               size_t errlen);

void npy_free(npy_array *a);

/* "<f4", "|i1", ... for a type; NULL when .npy cannot hold it. */
const char *npy_descr_for_type(TfLiteType type);
/* Type of a dtype string ('<', '|', '=' byte orders; '>' only for one-byte
 * types). Returns 0, or -1 with a message. */
int npy_type_for_descr(const char *descr, TfLiteType *type, char *err,
                       size_t errlen);
/* Bytes per element of the types npy handles, 0 for others. */
size_t npy_type_size(TfLiteType type);

#endif
