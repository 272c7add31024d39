/* Philox-4x32-10 and the float / double / normal conversions described in
 * philox.h. */
#include "kernels/internal/philox.h"

#include <math.h>
#include <string.h>
#include <time.h>

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

void kern_philox_seed(kern_philox *g, uint64_t seed, uint64_t seed2) {
  g->key[0] = (uint32_t)seed;
  g->key[1] = (uint32_t)(seed >> 32);
  g->counter[0] = 0;
  g->counter[1] = 0;
  g->counter[2] = (uint32_t)seed2;
  g->counter[3] = (uint32_t)(seed2 >> 32);
}

static void philox_round(uint32_t c[4], const uint32_t k[2]) {
  uint64_t p0 = (uint64_t)PHILOX_M0 * c[0];
  uint64_t p1 = (uint64_t)PHILOX_M1 * c[2];
  uint32_t hi0 = (uint32_t)(p0 >> 32), lo0 = (uint32_t)p0;
  uint32_t hi1 = (uint32_t)(p1 >> 32), lo1 = (uint32_t)p1;
  uint32_t r0 = hi1 ^ c[1] ^ k[0];
  uint32_t r2 = hi0 ^ c[3] ^ k[1];
  c[0] = r0;
  c[1] = lo1;
  c[2] = r2;
  c[3] = lo0;
}

void kern_philox_next(kern_philox *g, uint32_t out[4]) {
  uint32_t c[4] = {g->counter[0], g->counter[1], g->counter[2], g->counter[3]};
  uint32_t k[2] = {g->key[0], g->key[1]};
  for (int r = 0; r < 10; r++) {
    if (r > 0) {
      k[0] += PHILOX_W0;
      k[1] += PHILOX_W1;
    }
    philox_round(c, k);
  }
  memcpy(out, c, sizeof c);
  kern_philox_skip(g, 1);
}

void kern_philox_skip(kern_philox *g, uint64_t n) {
  /* 128-bit counter += n */
  uint64_t low = (uint64_t)g->counter[0] | ((uint64_t)g->counter[1] << 32);
  uint64_t sum = low + n;
  g->counter[0] = (uint32_t)sum;
  g->counter[1] = (uint32_t)(sum >> 32);
  if (sum < low && ++g->counter[2] == 0) ++g->counter[3];
}

float kern_philox_u32_to_float(uint32_t x) {
  uint32_t bits = (127u << 23) | (x & 0x7fffffu);
  float f;
  memcpy(&f, &bits, sizeof f);
  return f - 1.0f;
}

double kern_philox_u64_to_double(uint32_t hi, uint32_t lo) {
  uint64_t bits =
      ((uint64_t)1023 << 52) | ((uint64_t)(hi & 0xfffffu) << 32) | lo;
  double d;
  memcpy(&d, &bits, sizeof d);
  return d - 1.0;
}

void kern_philox_uniform(kern_philox *g, float *out, size_t n) {
  uint32_t w[4];
  for (size_t i = 0; i < n; i += 4) {
    kern_philox_next(g, w);
    for (size_t j = 0; j < 4 && i + j < n; j++)
      out[i + j] = kern_philox_u32_to_float(w[j]);
  }
}

static void box_muller(uint32_t x0, uint32_t x1, float *f0, float *f1) {
  const float eps = 1.0e-7f;
  float u1 = kern_philox_u32_to_float(x0);
  if (u1 < eps) u1 = eps;
  float v1 = 2.0f * 3.14159265358979323846f * kern_philox_u32_to_float(x1);
  float u2 = sqrtf(-2.0f * logf(u1));
  *f0 = sinf(v1) * u2;
  *f1 = cosf(v1) * u2;
}

void kern_philox_normal(kern_philox *g, float *out, size_t n) {
  uint32_t w[4];
  for (size_t i = 0; i < n; i += 4) {
    kern_philox_next(g, w);
    for (size_t j = 0; j < 4 && i + j < n; j += 2) {
      float a, b;
      box_muller(w[j], w[j + 1], &a, &b);
      out[i + j] = a;
      if (i + j + 1 < n) out[i + j + 1] = b;
    }
  }
}

void *kern_random_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  kern_random_data *d = ctx->AllocatePersistentBuffer(ctx, sizeof *d);
  if (d) memset(d, 0, sizeof *d);
  return d;
}

/* splitmix64 finalizer: spreads clock and address bits over the seed. */
static uint64_t mix64(uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void kern_random_reseed(TfLiteNode *node) {
  kern_random_data *d = (kern_random_data *)node->user_data;
  const tflc_options_ref *o = kern_options(node);
  int64_t seed = opt_i64(o, 0, 0), seed2 = opt_i64(o, 1, 0);
  if (seed == 0 && seed2 == 0) {
    struct timespec ts = {0, 0};
    timespec_get(&ts, TIME_UTC);
    uint64_t t = ((uint64_t)ts.tv_sec << 30) ^ (uint64_t)ts.tv_nsec ^
                 ((uint64_t)clock() << 17);
    uint64_t a = (uint64_t)(uintptr_t)d;
    seed = (int64_t)mix64(t ^ a);
    seed2 = (int64_t)mix64(t + 0x5851F42D4C957F2Dull * (a | 1));
  }
  kern_philox_seed(&d->rng, (uint64_t)seed, (uint64_t)seed2);
}
