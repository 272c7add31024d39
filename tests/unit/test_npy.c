/* Tests of tools/npy.c: round trips for every dtype and ranks 0..6,
 * hand-written v1/v2/v3 headers, malformed files refused with a message,
 * and a real reference file from the shared models folder when present. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../support/check.h"
#include "npy.h"

static const TfLiteType kTypes[] = {
    kTfLiteFloat32,   kTfLiteFloat16,   kTfLiteFloat64, kTfLiteInt8,
    kTfLiteUInt8,     kTfLiteInt16,     kTfLiteUInt16,  kTfLiteInt32,
    kTfLiteUInt32,    kTfLiteInt64,     kTfLiteUInt64,  kTfLiteBool,
    kTfLiteComplex64, kTfLiteComplex128};

/* Builds preamble (version major.0) + header text (padded with spaces and a
 * newline to a multiple of 16) + data into a malloc'd buffer. When
 * hlen_override is not -1 it is written as the header length instead of the
 * real one. */
static uint8_t *make_file(int major, const char *header, const void *data,
                          size_t data_len, long hlen_override, size_t *len) {
  size_t pre = major == 1 ? 10 : 12;
  size_t h = strlen(header) + 1;
  while ((pre + h) % 16) h++;
  *len = pre + h + data_len;
  uint8_t *b = malloc(*len);
  memcpy(b, "\x93NUMPY", 6);
  b[6] = (uint8_t)major;
  b[7] = 0;
  unsigned long hl = hlen_override >= 0 ? (unsigned long)hlen_override : h;
  b[8] = (uint8_t)hl;
  b[9] = (uint8_t)(hl >> 8);
  if (major != 1) {
    b[10] = (uint8_t)(hl >> 16);
    b[11] = (uint8_t)(hl >> 24);
  }
  memset(b + pre, ' ', h);
  memcpy(b + pre, header, strlen(header));
  b[pre + h - 1] = '\n';
  if (data_len) memcpy(b + pre + h, data, data_len);
  return b;
}

static void test_round_trips(void) {
  for (size_t t = 0; t < sizeof kTypes / sizeof kTypes[0]; t++) {
    for (int rank = 0; rank <= 6; rank++) {
      int shape[6];
      size_t count = 1;
      for (int i = 0; i < rank; i++) {
        shape[i] = 1 + (i + rank) % 3;
        count *= (size_t)shape[i];
      }
      size_t bytes = count * npy_type_size(kTypes[t]);
      uint8_t *data = malloc(bytes);
      for (size_t i = 0; i < bytes; i++) data[i] = (uint8_t)(i * 7 + t);
      uint8_t *file;
      size_t flen;
      char err[256] = "";
      CHECK_EQ_INT(npy_encode(kTypes[t], shape, rank, data, bytes, &file, &flen,
                              err, sizeof err),
                   0);
      CHECK_EQ_INT(flen % 64, bytes % 64);
      npy_array a;
      int rc = npy_parse(file, flen, &a, err, sizeof err);
      CHECK_MSG(rc == 0, "type %d rank %d: %s", (int)kTypes[t], rank, err);
      if (rc == 0) {
        CHECK_EQ_INT(a.type, kTypes[t]);
        CHECK_EQ_INT(a.rank, rank);
        CHECK_EQ_INT(a.count, count);
        CHECK_EQ_INT(a.bytes, bytes);
        CHECK(memcmp(a.shape, shape, sizeof(int) * (size_t)rank) == 0);
        CHECK(memcmp(a.data, data, bytes) == 0);
        npy_free(&a);
      }
      free(file);
      free(data);
    }
  }
}

static void test_file_round_trip(void) {
  char path[] = "/tmp/tflc_test_npy_XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0) return;
  close(fd);
  float v[6] = {1.5f, -2, 3, 4, 5, 6.25f};
  int shape[2] = {2, 3};
  char err[256] = "";
  CHECK_EQ_INT(
      npy_write(path, kTfLiteFloat32, shape, 2, v, sizeof v, err, sizeof err),
      0);
  npy_array a;
  CHECK_EQ_INT(npy_read(path, &a, err, sizeof err), 0);
  CHECK_EQ_INT(a.rank, 2);
  CHECK_EQ_INT(a.shape[1], 3);
  CHECK(a.data && memcmp(a.data, v, sizeof v) == 0);
  npy_free(&a);
  /* Writing with the wrong byte count is refused. */
  CHECK_EQ_INT(
      npy_write(path, kTfLiteFloat32, shape, 2, v, 20, err, sizeof err), -1);
  CHECK_CONTAINS(err, "bytes");
  remove(path);
  CHECK_EQ_INT(npy_read(path, &a, err, sizeof err), -1);
  CHECK_CONTAINS(err, path);
}

static void test_hand_written(void) {
  char err[256] = "";
  npy_array a;
  size_t len;
  /* v1.0, double quotes, keys in another order, '=' byte order. */
  int32_t iv[3] = {1, -2, 3};
  uint8_t *f = make_file(1,
                         "{\"shape\": (3,), \"fortran_order\": False, "
                         "\"descr\": \"=i4\"}",
                         iv, sizeof iv, -1, &len);
  CHECK_EQ_INT(npy_parse(f, len, &a, err, sizeof err), 0);
  CHECK_EQ_INT(a.type, kTfLiteInt32);
  CHECK_EQ_INT(a.rank, 1);
  CHECK_EQ_INT(a.shape[0], 3);
  CHECK(a.data && ((int32_t *)a.data)[1] == -2);
  npy_free(&a);
  free(f);
  /* v2.0 with a scalar. */
  double d = 2.5;
  f = make_file(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }",
                &d, sizeof d, -1, &len);
  CHECK_EQ_INT(npy_parse(f, len, &a, err, sizeof err), 0);
  CHECK_EQ_INT(a.rank, 0);
  CHECK_EQ_INT(a.count, 1);
  CHECK(a.data && *(double *)a.data == 2.5);
  npy_free(&a);
  free(f);
  /* v3.0, Python 2 long suffixes, zero-size array. */
  f = make_file(3, "{'descr':'|u1','fortran_order':False,'shape':(2L,0L)}",
                NULL, 0, -1, &len);
  CHECK_EQ_INT(npy_parse(f, len, &a, err, sizeof err), 0);
  CHECK_EQ_INT(a.count, 0);
  CHECK_EQ_INT(a.shape[0], 2);
  CHECK(a.data != NULL);
  npy_free(&a);
  free(f);
  /* fortran_order True is fine when only one dimension exceeds 1. */
  uint8_t bv[4] = {1, 0, 1, 1};
  f = make_file(1, "{'descr': '|b1', 'fortran_order': True, 'shape': (1, 4)}",
                bv, sizeof bv, -1, &len);
  CHECK_EQ_INT(npy_parse(f, len, &a, err, sizeof err), 0);
  CHECK_EQ_INT(a.type, kTfLiteBool);
  npy_free(&a);
  free(f);
  /* '|i1' and '<i1' both mean int8; '>i1' too (one byte has no order). */
  TfLiteType t;
  CHECK_EQ_INT(npy_type_for_descr("<i1", &t, err, sizeof err), 0);
  CHECK_EQ_INT(t, kTfLiteInt8);
  CHECK_EQ_INT(npy_type_for_descr(">u1", &t, err, sizeof err), 0);
  CHECK_EQ_INT(t, kTfLiteUInt8);
  CHECK_EQ_INT(npy_type_for_descr("<f2", &t, err, sizeof err), 0);
  CHECK_EQ_INT(t, kTfLiteFloat16);
  CHECK(npy_descr_for_type(kTfLiteString) == NULL);
}

typedef struct bad_case {
  int major;
  const char *header;
  size_t data_len;
  long hlen_override;
  const char *expect; /* substring of the message */
} bad_case;

static void test_malformed(void) {
  static const bad_case cases[] = {
      {1, "{'descr': '<x9', 'fortran_order': False, 'shape': (2,)}", 8, -1,
       "unsupported dtype"},
      {1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,)}", 8, -1,
       "big-endian"},
      {1, "{'descr': '|f4', 'fortran_order': False, 'shape': (2,)}", 8, -1,
       "one-byte"},
      {1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3)}", 24, -1,
       "fortran_order"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)}", 20, -1,
       "needs 24"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)}", 28, -1,
       "unexpected bytes"},
      {1,
       "{'descr': '<f4', 'fortran_order': False, "
       "'shape': (2147483647, 2147483647, 2147483647, 2147483647, 16)}",
       8, -1, "overflow"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999,)}",
       8, -1, "exceeds"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-2,)}", 8, -1,
       "negative"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", 8, 60000,
       "past the end"},
      {2, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", 8,
       0x7fffffff, "limit"},
      {1, "{'fortran_order': False, 'shape': (2,)}", 8, -1,
       "missing key 'descr'"},
      {1, "{'descr': '<f4', 'shape': (2,)}", 8, -1,
       "missing key 'fortran_order'"},
      {1, "{'descr': '<f4', 'fortran_order': False}", 8, -1,
       "missing key 'shape'"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}", 8,
       -1, "unexpected key"},
      {1, "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2,)}", 8, -1,
       "True or False"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2)}", 8, -1,
       "trailing comma"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': [2]}", 8, -1,
       "expected '('"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,)", 8, -1,
       "expected ',' or '}'"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,)} xyz", 8, -1,
       "after the dictionary"},
      {1, "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False}", 8, -1,
       "duplicate"},
      {1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,)}", 8,
       -1, "structured"},
      {1, "{'descr': '<f4, 'fortran_order': False, 'shape': (2,)}", 8, -1,
       "header"},
      {1,
       "{'descr': '<f4', 'fortran_order': False, 'shape': "
       "(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)}",
       4, -1, "more than"},
      {1, "garbage", 0, -1, "expected '{'"},
      {1, "", 0, -1, "expected '{'"},
  };
  uint8_t zeros[64] = {0};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const bad_case *c = &cases[i];
    size_t len;
    uint8_t *f = make_file(c->major, c->header, zeros, c->data_len,
                           c->hlen_override, &len);
    char err[256] = "";
    npy_array a;
    int rc = npy_parse(f, len, &a, err, sizeof err);
    CHECK_MSG(rc == -1, "case %zu accepted", i);
    CHECK_MSG(strstr(err, c->expect) != NULL, "case %zu: \"%s\" lacks \"%s\"",
              i, err, c->expect);
    CHECK(a.data == NULL);
    free(f);
  }
  /* Preamble problems. */
  char err[256] = "";
  npy_array a;
  const uint8_t short_file[] = {0x93, 'N', 'U'};
  CHECK_EQ_INT(npy_parse(short_file, sizeof short_file, &a, err, sizeof err),
               -1);
  CHECK_CONTAINS(err, "truncated");
  const uint8_t bad_magic[16] = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0};
  CHECK_EQ_INT(npy_parse(bad_magic, sizeof bad_magic, &a, err, sizeof err), -1);
  CHECK_CONTAINS(err, "bad magic");
  const uint8_t bad_version[16] = {0x93, 'N', 'U', 'M', 'P', 'Y', 4, 0, 2, 0};
  CHECK_EQ_INT(npy_parse(bad_version, sizeof bad_version, &a, err, sizeof err),
               -1);
  CHECK_CONTAINS(err, "version 4.0");
  const uint8_t v2_short[11] = {0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 2, 0};
  CHECK_EQ_INT(npy_parse(v2_short, sizeof v2_short, &a, err, sizeof err), -1);
  CHECK_CONTAINS(err, "truncated");
  CHECK_EQ_INT(npy_parse(NULL, 0, &a, err, sizeof err), -1);
  /* Every prefix of a good file is refused without crashing. */
  float v[5] = {1, 2, 3, 4, 5};
  int shape[1] = {5};
  uint8_t *good;
  size_t glen;
  CHECK_EQ_INT(npy_encode(kTfLiteFloat32, shape, 1, v, sizeof v, &good, &glen,
                          err, sizeof err),
               0);
  int refused = 0;
  for (size_t n = 0; n < glen; n++)
    refused += npy_parse(good, n, &a, err, sizeof err) == -1;
  CHECK_EQ_INT(refused, glen);
  free(good);
}

static void test_real_reference(void) {
  const char *path = "/work/shared/models/litert/add.ref/input_0.npy";
  FILE *f = fopen(path, "rb");
  if (!f) {
    printf("skipped: %s not found\n", path);
    return;
  }
  fclose(f);
  npy_array a;
  char err[256] = "";
  int rc = npy_read(path, &a, err, sizeof err);
  CHECK_MSG(rc == 0, "%s", err);
  if (rc) return;
  /* meta.json: run.inputs[0] "a", float32, shape [1, 8, 8, 3], first value
   * 0.2541479, min -0.9945285. */
  CHECK_EQ_INT(a.type, kTfLiteFloat32);
  CHECK_EQ_INT(a.rank, 4);
  CHECK_EQ_INT(a.shape[0], 1);
  CHECK_EQ_INT(a.shape[1], 8);
  CHECK_EQ_INT(a.shape[2], 8);
  CHECK_EQ_INT(a.shape[3], 3);
  CHECK_EQ_INT(a.count, 192);
  CHECK_NEAR(((float *)a.data)[0], 0.2541479, 1e-6);
  CHECK_NEAR(((float *)a.data)[1], -0.9945285, 1e-6);
  npy_free(&a);
}

int main(void) {
  test_round_trips();
  test_file_round_trip();
  test_hand_written();
  test_malformed();
  test_real_reference();
  return CHECK_DONE();
}
