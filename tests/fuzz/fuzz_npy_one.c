/* Body of the .npy parser fuzz target: npy_parse on the bytes; when they
 * parse, the array must be self-consistent, npy_encode must write it back,
 * and the written bytes must parse to the same array. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz_targets.h"
#include "npy.h"

static void fail(const char *what) {
  fprintf(stderr, "fuzz_npy: %s\n", what);
  abort();
}

int fuzz_npy_one(const uint8_t *data, size_t size) {
  npy_array a;
  char err[256];
  if (npy_parse(data, size, &a, err, sizeof err) != 0) {
    if (!err[0]) fail("npy_parse failed without a message");
    return 0;
  }
  if (!a.data) fail("parsed array without data");
  if (a.rank < 0 || a.rank > NPY_MAX_RANK) fail("rank out of range");
  size_t count = 1;
  for (int i = 0; i < a.rank; i++) {
    if (a.shape[i] < 0) fail("negative dimension");
    count *= (size_t)a.shape[i];
  }
  if (count != a.count || a.count * a.itemsize != a.bytes)
    fail("inconsistent sizes");
  /* Touch every byte: ASan reports a short copy. */
  volatile uint8_t sink = 0;
  for (size_t i = 0; i < a.bytes; i++) sink ^= ((const uint8_t *)a.data)[i];
  (void)sink;
  uint8_t *enc = NULL;
  size_t enc_len = 0;
  if (npy_encode(a.type, a.shape, a.rank, a.data, a.bytes, &enc, &enc_len, err,
                 sizeof err) == 0) {
    npy_array b;
    if (npy_parse(enc, enc_len, &b, err, sizeof err) != 0) fail(err);
    if (b.type != a.type || b.rank != a.rank || b.bytes != a.bytes ||
        memcmp(b.shape, a.shape, sizeof(int) * (size_t)a.rank) != 0 ||
        (a.bytes && memcmp(a.data, b.data, a.bytes) != 0))
      fail("encode + parse changed the array");
    npy_free(&b);
    free(enc);
  }
  npy_free(&a);
  return 0;
}
