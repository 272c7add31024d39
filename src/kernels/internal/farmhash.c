/* FarmHash Fingerprint64; see farmhash.h. */
#include "kernels/internal/farmhash.h"

static const uint64_t K0 = 0xc3a5c85c97cb3127ull;
static const uint64_t K1 = 0xb492b66fbe98f273ull;
static const uint64_t K2 = 0x9ae16a3b2f90404full;

static uint64_t ld64(const uint8_t *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; i--) v = (v << 8) | p[i];
  return v;
}

static uint32_t ld32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

static uint64_t rot(uint64_t v, int s) {
  return s == 0 ? v : (v >> s) | (v << (64 - s));
}

static uint64_t shift_mix(uint64_t v) { return v ^ (v >> 47); }

static uint64_t mix16(uint64_t u, uint64_t v, uint64_t mul) {
  uint64_t a = (u ^ v) * mul;
  a ^= a >> 47;
  uint64_t b = (v ^ a) * mul;
  b ^= b >> 47;
  return b * mul;
}

static uint64_t len_0_to_16(const uint8_t *s, size_t len) {
  if (len >= 8) {
    uint64_t mul = K2 + len * 2;
    uint64_t a = ld64(s) + K2;
    uint64_t b = ld64(s + len - 8);
    uint64_t c = rot(b, 37) * mul + a;
    uint64_t d = (rot(a, 25) + b) * mul;
    return mix16(c, d, mul);
  }
  if (len >= 4) {
    uint64_t mul = K2 + len * 2;
    uint64_t a = ld32(s);
    return mix16(len + (a << 3), ld32(s + len - 4), mul);
  }
  if (len > 0) {
    uint8_t a = s[0], b = s[len >> 1], c = s[len - 1];
    uint32_t y = (uint32_t)a + ((uint32_t)b << 8);
    uint32_t z = (uint32_t)len + ((uint32_t)c << 2);
    return shift_mix(y * K2 ^ z * K0) * K2;
  }
  return K2;
}

static uint64_t len_17_to_32(const uint8_t *s, size_t len) {
  uint64_t mul = K2 + len * 2;
  uint64_t a = ld64(s) * K1;
  uint64_t b = ld64(s + 8);
  uint64_t c = ld64(s + len - 8) * mul;
  uint64_t d = ld64(s + len - 16) * K2;
  return mix16(rot(a + b, 43) + rot(c, 30) + d, a + rot(b + K2, 18) + c, mul);
}

static uint64_t len_33_to_64(const uint8_t *s, size_t len) {
  uint64_t mul = K2 + len * 2;
  uint64_t a = ld64(s) * K2;
  uint64_t b = ld64(s + 8);
  uint64_t c = ld64(s + len - 8) * mul;
  uint64_t d = ld64(s + len - 16) * K2;
  uint64_t y = rot(a + b, 43) + rot(c, 30) + d;
  uint64_t z = mix16(y, a + rot(b + K2, 18) + c, mul);
  uint64_t e = ld64(s + 16) * mul;
  uint64_t f = ld64(s + 24);
  uint64_t g = (y + ld64(s + len - 32)) * mul;
  uint64_t h = (z + ld64(s + len - 24)) * mul;
  return mix16(rot(e + f, 43) + rot(g, 30) + h, e + rot(f + a, 18) + g, mul);
}

typedef struct pair64 {
  uint64_t first, second;
} pair64;

/* 32 bytes at s mixed into seeds a and b. */
static pair64 weak32(const uint8_t *s, uint64_t a, uint64_t b) {
  uint64_t w = ld64(s), x = ld64(s + 8), y = ld64(s + 16), z = ld64(s + 24);
  a += w;
  b = rot(b + a + z, 21);
  uint64_t c = a;
  a += x;
  a += y;
  b += rot(a, 44);
  pair64 r = {a + z, b + c};
  return r;
}

uint64_t farmhash_fingerprint64(const void *data, size_t len) {
  const uint8_t *s = (const uint8_t *)data;
  if (len <= 16) return len_0_to_16(s, len);
  if (len <= 32) return len_17_to_32(s, len);
  if (len <= 64) return len_33_to_64(s, len);
  const uint64_t seed = 81;
  uint64_t x = seed, y = seed * K1 + 113, z = shift_mix(y * K2 + 113) * K2;
  pair64 v = {0, 0}, w = {0, 0};
  x = x * K2 + ld64(s);
  const uint8_t *end = s + ((len - 1) / 64) * 64;
  const uint8_t *last64 = end + ((len - 1) & 63) - 63;
  do {
    x = rot(x + y + v.first + ld64(s + 8), 37) * K1;
    y = rot(y + v.second + ld64(s + 48), 42) * K1;
    x ^= w.second;
    y += v.first + ld64(s + 40);
    z = rot(z + w.first, 33) * K1;
    v = weak32(s, v.second * K1, x + w.first);
    w = weak32(s + 32, z + w.second, y + ld64(s + 16));
    uint64_t t = z;
    z = x;
    x = t;
    s += 64;
  } while (s != end);
  uint64_t mul = K1 + ((z & 0xff) << 1);
  s = last64;
  w.first += ((len - 1) & 63);
  v.first += w.first;
  w.first += v.first;
  x = rot(x + y + v.first + ld64(s + 8), 37) * mul;
  y = rot(y + v.second + ld64(s + 48), 42) * mul;
  x ^= w.second * 9;
  y += v.first * 9 + ld64(s + 40);
  z = rot(z + w.first, 33) * mul;
  v = weak32(s, v.second * mul, x + w.first);
  w = weak32(s + 32, z + w.second, y + ld64(s + 16));
  uint64_t t = z;
  z = x;
  x = t;
  return mix16(mix16(v.first, w.first, mul) + shift_mix(y) * K0 + z,
               mix16(v.second, w.second, mul) + x, mul);
}
