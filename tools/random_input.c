/* Seeded random input data for `tflc run` (see random_input.h). The
 * generator is splitmix64. */
#include "random_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/checked_math.h"
#include "base/fp16.h"

static uint64_t next_u64(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* Uniform in [-1, 1) with 24 random bits (exact in float). */
static float next_f32(uint64_t *s) {
  return (float)(next_u64(s) >> 40) * (1.0f / 8388608.0f) - 1.0f;
}

/* Uniform in [-1, 1) with 53 random bits. */
static double next_f64(uint64_t *s) {
  return (double)(next_u64(s) >> 11) * (1.0 / 4503599627370496.0) - 1.0;
}

int random_input_make(TfLiteType type, const int *shape, int rank,
                      uint64_t *state, npy_array *out, char *err,
                      size_t errlen) {
  memset(out, 0, sizeof *out);
  size_t item = npy_type_size(type);
  if (!item) {
    snprintf(err, errlen, "cannot make random data of this type");
    return -1;
  }
  if (rank < 0 || rank > NPY_MAX_RANK) {
    snprintf(err, errlen, "rank %d not supported", rank);
    return -1;
  }
  size_t count = 1;
  for (int i = 0; i < rank; i++) {
    if (shape[i] < 0 || tflc_mul_size(count, (size_t)shape[i], &count)) {
      snprintf(err, errlen, "bad or too large shape");
      return -1;
    }
  }
  size_t bytes;
  if (tflc_mul_size(count, item, &bytes)) {
    snprintf(err, errlen, "shape too large");
    return -1;
  }
  uint8_t *d = malloc(bytes ? bytes : 1);
  if (!d) {
    snprintf(err, errlen, "out of memory (%zu bytes)", bytes);
    return -1;
  }
  for (size_t i = 0; i < count; i++) {
    uint8_t *p = d + i * item;
    switch (type) {
      case kTfLiteFloat32: {
        float v = next_f32(state);
        memcpy(p, &v, 4);
        break;
      }
      case kTfLiteComplex64: {
        float v[2] = {next_f32(state), next_f32(state)};
        memcpy(p, v, 8);
        break;
      }
      case kTfLiteFloat64: {
        double v = next_f64(state);
        memcpy(p, &v, 8);
        break;
      }
      case kTfLiteComplex128: {
        double v[2] = {next_f64(state), next_f64(state)};
        memcpy(p, v, 16);
        break;
      }
      case kTfLiteFloat16: {
        uint16_t h = tflc_f32_to_fp16(next_f32(state));
        memcpy(p, &h, 2);
        break;
      }
      case kTfLiteBool: *p = (uint8_t)(next_u64(state) & 1); break;
      default: { /* integers: the low `item` bytes of a random word */
        uint64_t v = next_u64(state);
        for (size_t k = 0; k < item; k++) p[k] = (uint8_t)(v >> (8 * k));
        break;
      }
    }
  }
  out->type = type;
  out->rank = rank;
  if (rank) memcpy(out->shape, shape, sizeof(int) * (size_t)rank);
  out->count = count;
  out->itemsize = item;
  out->bytes = bytes;
  out->data = d;
  return 0;
}
