/* Unit test of the bounds-checked FlexBuffers reader (src/schema/
 * flexbuffers.h): hand-built byte buffers for every scalar kind and width,
 * strings, keys, blobs, indirect values, typed / fixed / untyped vectors and
 * maps (built here by a tiny writer with every slot width); malformed
 * buffers (truncations, bad widths, unknown types, offsets out of range,
 * missing terminators, self-referencing offsets); and a byte-flip loop over
 * valid buffers that walks everything the reader offers and must never read
 * outside the buffer (run under ASan in the sanitizer build). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema/flexbuffers.h"
#include "support/check.h"

/* ---- a tiny writer for test buffers ------------------------------------- */

typedef struct wbuf {
  uint8_t b[4096];
  size_t n;
} wbuf;

static void put_uint(wbuf *w, uint64_t v, unsigned width) {
  for (unsigned i = 0; i < width; i++) w->b[w->n++] = (uint8_t)(v >> (8 * i));
}

static void align(wbuf *w, unsigned width) {
  while (w->n % width) w->b[w->n++] = 0;
}

static unsigned log2w(unsigned w) {
  return w == 1 ? 0 : w == 2 ? 1 : w == 4 ? 2 : 3;
}

/* One map entry of the test writer. */
typedef struct entry {
  const char *key;
  int kind; /* 0 int, 1 uint, 2 float, 3 bool, 4 string, 5 indirect float,
               6 typed int vector, 7 null */
  int64_t i;
  double f;
  const char *s;
} entry;

/* Writes a map (keys must be given sorted) with every slot `w` bytes wide;
 * strings' length prefixes and vectors are `w` wide too. The root offset is
 * `rw` bytes wide. Returns the buffer size. */
static size_t build_map(wbuf *out, const entry *e, int n, unsigned w,
                        unsigned rw) {
  wbuf *b = out;
  b->n = 0;
  size_t key_pos[16], data_pos[16];
  for (int i = 0; i < n; i++) {
    key_pos[i] = b->n;
    size_t l = strlen(e[i].key);
    memcpy(b->b + b->n, e[i].key, l + 1);
    b->n += l + 1;
  }
  for (int i = 0; i < n; i++) {
    data_pos[i] = 0;
    if (e[i].kind == 4) {
      align(b, w);
      put_uint(b, strlen(e[i].s), w);
      data_pos[i] = b->n;
      size_t l = strlen(e[i].s);
      memcpy(b->b + b->n, e[i].s, l + 1);
      b->n += l + 1;
    } else if (e[i].kind == 5) {
      align(b, 8);
      data_pos[i] = b->n;
      double d = e[i].f;
      uint64_t u;
      memcpy(&u, &d, 8);
      put_uint(b, u, 8);
    } else if (e[i].kind == 6) {
      align(b, w);
      put_uint(b, 3, w);
      data_pos[i] = b->n;
      for (int k = 0; k < 3; k++) put_uint(b, (uint64_t)(e[i].i + k), w);
    }
  }
  align(b, w);
  put_uint(b, (uint64_t)n, w);
  size_t keys = b->n;
  for (int i = 0; i < n; i++) put_uint(b, b->n - key_pos[i], w);
  size_t slot = b->n;
  put_uint(b, slot - keys, w);
  put_uint(b, w, w);
  put_uint(b, (uint64_t)n, w);
  size_t map = b->n;
  for (int i = 0; i < n; i++) {
    switch (e[i].kind) {
      case 0: put_uint(b, (uint64_t)e[i].i, w); break;
      case 1: put_uint(b, (uint64_t)e[i].i, w); break;
      case 2:
        if (w == 4) {
          float f = (float)e[i].f;
          uint32_t u;
          memcpy(&u, &f, 4);
          put_uint(b, u, 4);
        } else {
          uint64_t u;
          memcpy(&u, &e[i].f, 8);
          put_uint(b, u, 8);
        }
        break;
      case 3: put_uint(b, e[i].i != 0, w); break;
      case 7: put_uint(b, 0, w); break;
      default: put_uint(b, b->n - data_pos[i], w); break;
    }
  }
  static const uint8_t types[] = {
      FLX_INT,    FLX_UINT,           FLX_FLOAT,      FLX_BOOL,
      FLX_STRING, FLX_INDIRECT_FLOAT, FLX_VECTOR_INT, FLX_NULL};
  for (int i = 0; i < n; i++) {
    unsigned cw = e[i].kind == 5 ? 8 : w;
    b->b[b->n++] = (uint8_t)((types[e[i].kind] << 2) | log2w(cw));
  }
  align(b, rw);
  put_uint(b, b->n - map, rw);
  b->b[b->n++] = (uint8_t)((FLX_MAP << 2) | log2w(w));
  b->b[b->n++] = (uint8_t)rw;
  return b->n;
}

/* ---- scalars and strings ------------------------------------------------- */

static void test_scalars(void) {
  flx_ref r;
  int64_t i;
  uint64_t u;
  double d;
  bool b;
  {
    const uint8_t buf[] = {42, FLX_INT << 2, 1};
    CHECK_EQ_INT(flx_root(buf, sizeof buf, &r), 0);
    CHECK_EQ_INT(flx_get_type(&r), FLX_INT);
    CHECK(flx_as_i64(&r, &i) == 0 && i == 42);
    CHECK(flx_as_f64(&r, &d) == 0 && d == 42.0);
    CHECK(flx_as_bool(&r, &b) == 0 && b);
  }
  {
    const uint8_t buf[] = {0xFF, FLX_INT << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_i64(&r, &i) == 0);
    CHECK_EQ_INT(i, -1);
    CHECK(flx_as_u64(&r, &u) == 0 && u == 0); /* saturates */
  }
  {
    const uint8_t buf[] = {0x34, 0x12, FLX_UINT << 2 | 1, 2};
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_u64(&r, &u) == 0);
    CHECK_EQ_INT(u, 0x1234);
  }
  {
    const uint8_t buf[] = {0xFE, 0xFF, 0xFF, 0xFF, FLX_INT << 2 | 2, 4};
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_i64(&r, &i) == 0);
    CHECK_EQ_INT(i, -2);
  }
  {
    const uint8_t buf[] = {1, 0, 0, 0, 0, 0, 0, 0x80, FLX_INT << 2 | 3, 8};
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_i64(&r, &i) == 0);
    CHECK(i == INT64_MIN + 1);
  }
  {
    float f = 1.5f;
    uint8_t buf[6];
    memcpy(buf, &f, 4);
    buf[4] = FLX_FLOAT << 2 | 2;
    buf[5] = 4;
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_f64(&r, &d) == 0);
    CHECK(d == 1.5);
    CHECK(flx_as_i64(&r, &i) == 0 && i == 1);
  }
  {
    double v = -2.25;
    uint8_t buf[10];
    memcpy(buf, &v, 8);
    buf[8] = FLX_FLOAT << 2 | 3;
    buf[9] = 8;
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_f64(&r, &d) == 0);
    CHECK(d == -2.25);
    CHECK(flx_as_i64(&r, &i) == 0 && i == -2);
  }
  {
    const uint8_t buf[] = {0x00, 0x3C, FLX_FLOAT << 2 | 1,
                           2}; /* no 2-byte floats */
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK_EQ_INT(flx_as_f64(&r, &d), -1);
  }
  {
    const uint8_t buf[] = {1, FLX_BOOL << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_bool(&r, &b) == 0 && b);
    CHECK(flx_as_i64(&r, &i) == 0 && i == 1);
  }
  {
    const uint8_t buf[] = {0, FLX_NULL << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_i64(&r, &i) == 0);
    CHECK_EQ_INT(i, 0);
  }
  { /* indirect int of width 4 */
    const uint8_t buf[] = {0x78, 0x56, 0x34, 0x12, 4, FLX_INDIRECT_INT << 2 | 2,
                           1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_i64(&r, &i) == 0);
    CHECK_EQ_INT(i, 0x12345678);
  }
  { /* indirect uint of width 2 */
    const uint8_t buf[] = {0xFF, 0xFF, 2, FLX_INDIRECT_UINT << 2 | 1, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_u64(&r, &u) == 0);
    CHECK_EQ_INT(u, 0xFFFF);
  }
  { /* indirect float 4 */
    float f = 0.25f;
    uint8_t buf[7];
    memcpy(buf, &f, 4);
    buf[4] = 4;
    buf[5] = FLX_INDIRECT_FLOAT << 2 | 2;
    buf[6] = 1;
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_f64(&r, &d) == 0);
    CHECK(d == 0.25);
  }
  { /* float -> int saturation, NaN -> 0 */
    double v = 1e300;
    uint8_t buf[10];
    memcpy(buf, &v, 8);
    buf[8] = FLX_FLOAT << 2 | 3;
    buf[9] = 8;
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_i64(&r, &i) == 0);
    CHECK(i == INT64_MAX);
    v = NAN;
    memcpy(buf, &v, 8);
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_i64(&r, &i) == 0);
    CHECK(i == 0);
  }
  {
    const uint8_t buf[] = {
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, FLX_UINT << 2 | 3, 8};
    CHECK(flx_root(buf, sizeof buf, &r) == 0 && flx_as_i64(&r, &i) == 0);
    CHECK(i == INT64_MAX);
  }
}

static void test_strings(void) {
  flx_ref r;
  const char *s;
  size_t len;
  int64_t i;
  {
    const uint8_t buf[] = {3, 'a', 'b', 'c', 0, 4, FLX_STRING << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK(flx_as_string(&r, &s, &len) == 0 && len == 3 &&
          strcmp(s, "abc") == 0);
    CHECK_EQ_INT(flx_as_i64(&r, &i), -1); /* not a number */
  }
  { /* 2-byte length prefix */
    const uint8_t buf[] = {2, 0, 'h', 'i', 0, 3, FLX_STRING << 2 | 1, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK(flx_as_string(&r, &s, &len) == 0 && len == 2 && strcmp(s, "hi") == 0);
  }
  { /* missing terminator */
    const uint8_t buf[] = {3, 'a', 'b', 'c', 'd', 4, FLX_STRING << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK_EQ_INT(flx_as_string(&r, &s, &len), -1);
  }
  { /* length past the end */
    const uint8_t buf[] = {200, 'a', 'b', 'c', 0, 4, FLX_STRING << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK_EQ_INT(flx_as_string(&r, &s, &len), -1);
  }
  { /* offset before the start of the buffer */
    const uint8_t buf[] = {3, 'a', 'b', 'c', 0, 9, FLX_STRING << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK_EQ_INT(flx_as_string(&r, &s, &len), -1);
  }
  { /* offset to position 0: no room for the length prefix */
    const uint8_t buf[] = {'a', 0, 2, FLX_STRING << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK_EQ_INT(flx_as_string(&r, &s, &len), -1);
  }
  { /* key */
    const uint8_t buf[] = {'k', 'e', 'y', 0, 4, FLX_KEY << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK(flx_as_string(&r, &s, &len) == 0 && len == 3 &&
          strcmp(s, "key") == 0);
  }
  { /* key with no NUL before the end of the buffer */
    const uint8_t buf[] = {'k', 1, FLX_KEY << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK_EQ_INT(flx_as_string(&r, &s, &len), -1);
  }
  { /* blob */
    const uint8_t buf[] = {2, 0xAA, 0xBB, 2, FLX_BLOB << 2, 1};
    const uint8_t *data;
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK(flx_as_blob(&r, &data, &len) == 0 && len == 2 && data[0] == 0xAA &&
          data[1] == 0xBB);
    CHECK_EQ_INT(flx_as_string(&r, &s, &len), -1);
  }
}

/* ---- vectors --------------------------------------------------------------
 */

static void test_vectors(void) {
  flx_ref r, e;
  size_t n;
  int64_t i;
  double d;
  { /* untyped vector [int 1, uint 2, bool true] */
    const uint8_t buf[] = {3,
                           1,
                           2,
                           3,
                           FLX_INT << 2,
                           FLX_UINT << 2,
                           FLX_BOOL << 2,
                           6,
                           FLX_VECTOR << 2,
                           1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK(flx_vector_size(&r, &n) == 0 && n == 3);
    CHECK(flx_vector_at(&r, 0, &e) == 0 && flx_get_type(&e) == FLX_INT);
    CHECK(flx_as_i64(&e, &i) == 0 && i == 1);
    CHECK(flx_vector_at(&r, 1, &e) == 0 && flx_get_type(&e) == FLX_UINT);
    CHECK(flx_vector_at(&r, 2, &e) == 0 && flx_get_type(&e) == FLX_BOOL);
    CHECK_EQ_INT(flx_vector_at(&r, 3, &e), -1);
    CHECK_EQ_INT(flx_as_i64(&r, &i), -1);
  }
  { /* typed int vector of width 2 */
    const uint8_t buf[] = {
        2, 0, 0xFF, 0xFF, 0x10, 0x00, 4, FLX_VECTOR_INT << 2 | 1, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK(flx_vector_size(&r, &n) == 0 && n == 2);
    CHECK(flx_vector_at(&r, 0, &e) == 0 && flx_as_i64(&e, &i) == 0 && i == -1);
    CHECK(flx_vector_at(&r, 1, &e) == 0 && flx_as_i64(&e, &i) == 0 && i == 16);
  }
  { /* fixed float3 of width 4 (no length prefix) */
    float v[3] = {1.0f, -2.0f, 0.5f};
    uint8_t buf[15];
    memcpy(buf, v, 12);
    buf[12] = 12;
    buf[13] = FLX_VECTOR_FLOAT3 << 2 | 2;
    buf[14] = 1;
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK(flx_vector_size(&r, &n) == 0 && n == 3);
    CHECK(flx_vector_at(&r, 1, &e) == 0 && flx_as_f64(&e, &d) == 0 &&
          d == -2.0);
    CHECK(flx_vector_at(&r, 2, &e) == 0 && flx_as_f64(&e, &d) == 0 && d == 0.5);
  }
  { /* vector of keys */
    const uint8_t buf[] = {'a', 0, 'b', 0, 2, 5, 4, 2, FLX_VECTOR_KEY << 2, 1};
    const char *s;
    size_t len;
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK(flx_vector_size(&r, &n) == 0 && n == 2);
    CHECK(flx_vector_at(&r, 0, &e) == 0 && flx_as_string(&e, &s, &len) == 0 &&
          strcmp(s, "a") == 0);
    CHECK(flx_vector_at(&r, 1, &e) == 0 && flx_as_string(&e, &s, &len) == 0 &&
          strcmp(s, "b") == 0);
  }
  { /* bool vector */
    const uint8_t buf[] = {2, 1, 0, 2, FLX_VECTOR_BOOL << 2, 1};
    bool b;
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK(flx_vector_at(&r, 0, &e) == 0 && flx_as_bool(&e, &b) == 0 && b);
    CHECK(flx_vector_at(&r, 1, &e) == 0 && flx_as_bool(&e, &b) == 0 && !b);
  }
  { /* length past the end */
    const uint8_t buf[] = {100, 1, 2, 2, FLX_VECTOR_INT << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK_EQ_INT(flx_vector_size(&r, &n), -1);
    CHECK_EQ_INT(flx_vector_at(&r, 0, &e), -1);
  }
  { /* huge 8-byte length (overflow of n * width) */
    const uint8_t buf[] = {
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F, 0,
        0,    0,    0,    0,    0,    0,    0,    8,    FLX_VECTOR_INT << 2 | 3,
        1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK_EQ_INT(flx_vector_size(&r, &n), -1);
  }
  { /* element with an unknown type byte */
    const uint8_t buf[] = {1, 7, 27 << 2, 2, FLX_VECTOR << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    CHECK(flx_vector_size(&r, &n) == 0 && n == 1);
    CHECK_EQ_INT(flx_vector_at(&r, 0, &e), -1);
  }
  { /* self-referencing vector: offset 0, the slot is its own data */
    const uint8_t buf[] = {1, 0, FLX_VECTOR << 2, 1};
    CHECK(flx_root(buf, sizeof buf, &r) == 0);
    /* length 1 at pos 0, element = the offset slot itself, type byte =
     * the packed root type (a vector): following it loops back here. */
    flx_ref cur = r;
    int steps = 0;
    while (steps < 100 && flx_vector_at(&cur, 0, &e) == 0) {
      cur = e;
      steps++;
    }
    CHECK(steps == 100); /* each step is bounded work; no hang, no crash */
  }
}

/* ---- maps -----------------------------------------------------------------
 */

static void test_maps(void) {
  static const entry es[] = {
      {"a_float", 2, 0, 0.5, NULL}, {"b_int", 0, -7, 0, NULL},
      {"c_uint", 1, 200, 0, NULL},  {"d_bool", 3, 1, 0, NULL},
      {"e_str", 4, 0, 0, "hello"},  {"f_ind", 5, 0, 3.75, NULL},
      {"g_vec", 6, 10, 0, NULL},    {"h_null", 7, 0, 0, NULL},
  };
  const int n = (int)(sizeof es / sizeof es[0]);
  const unsigned widths[] = {4, 8};
  for (int wi = 0; wi < 2; wi++) {
    for (unsigned rw = 1; rw <= 8; rw *= 2) {
      wbuf b;
      size_t size = build_map(&b, es, n, widths[wi], rw);
      flx_ref m, v;
      CHECK(flx_root(b.b, size, &m) == 0 && flx_get_type(&m) == FLX_MAP);
      size_t cnt;
      CHECK(flx_vector_size(&m, &cnt) == 0 && cnt == (size_t)n);
      for (int k = 0; k < n; k++) {
        const char *key;
        size_t len;
        CHECK(flx_map_key_at(&m, (size_t)k, &key, &len) == 0 &&
              strcmp(key, es[k].key) == 0);
        CHECK_EQ_INT(flx_map_lookup(&m, es[k].key, &v), 1);
      }
      double d;
      int64_t i;
      bool bl;
      const char *s;
      size_t len;
      CHECK(flx_map_f64(&m, "a_float", 0, &d) == 0 && d == 0.5);
      CHECK(flx_map_i64(&m, "b_int", 0, &i) == 0 && i == -7);
      CHECK(flx_map_i64(&m, "c_uint", 0, &i) == 0 && i == 200);
      CHECK(flx_map_bool(&m, "d_bool", false, &bl) == 0 && bl);
      CHECK(flx_map_lookup(&m, "e_str", &v) == 1 &&
            flx_as_string(&v, &s, &len) == 0 && strcmp(s, "hello") == 0);
      CHECK(flx_map_f64(&m, "f_ind", 0, &d) == 0 && d == 3.75);
      CHECK(flx_map_lookup(&m, "g_vec", &v) == 1 &&
            flx_vector_size(&v, &len) == 0 && len == 3);
      flx_ref e;
      CHECK(flx_vector_at(&v, 2, &e) == 0 && flx_as_i64(&e, &i) == 0 &&
            i == 12);
      CHECK(flx_map_i64(&m, "h_null", 99, &i) == 0 && i == 99); /* null: dflt */
      CHECK(flx_map_i64(&m, "zzz", 5, &i) == 0 && i == 5);      /* absent */
      CHECK(flx_map_i64(&m, "", 6, &i) == 0 && i == 6);
      CHECK(flx_map_i64(&m, "b", 6, &i) == 0 && i == 6);
      CHECK_EQ_INT(flx_map_lookup(&m, "a", &v), 0);
      CHECK_EQ_INT(flx_map_i64(&m, "e_str", 0, &i), -1); /* not a number */
      CHECK_EQ_INT(flx_map_lookup(&v, "x", &e), -1);     /* not a map */
      /* every truncation is refused or read in bounds */
      for (size_t cut = 0; cut < size; cut++) {
        uint8_t *t = malloc(cut ? cut : 1);
        memcpy(t, b.b, cut);
        flx_ref tm;
        if (flx_root(t, cut, &tm) == 0) {
          (void)flx_map_lookup(&tm, "b_int", &v);
          (void)flx_vector_size(&tm, &len);
        }
        free(t);
      }
    }
  }
  /* one-byte slots for small values */
  {
    static const entry small[] = {{"x", 0, 3, 0, NULL}, {"y", 3, 0, 0, NULL}};
    wbuf b;
    size_t size = build_map(&b, small, 2, 1, 1);
    flx_ref m;
    int64_t i;
    bool bl = true;
    CHECK(flx_root(b.b, size, &m) == 0);
    CHECK(flx_map_i64(&m, "x", 0, &i) == 0 && i == 3);
    CHECK(flx_map_bool(&m, "y", true, &bl) == 0 && !bl);
  }
  { /* 2-byte slots */
    static const entry small[] = {{"big", 0, -300, 0, NULL},
                                  {"s", 4, 0, 0, "ok"}};
    wbuf b;
    size_t size = build_map(&b, small, 2, 2, 2);
    flx_ref m, v;
    int64_t i;
    const char *s;
    size_t len;
    CHECK(flx_root(b.b, size, &m) == 0);
    CHECK(flx_map_i64(&m, "big", 0, &i) == 0 && i == -300);
    CHECK(flx_map_lookup(&m, "s", &v) == 1 &&
          flx_as_string(&v, &s, &len) == 0 && strcmp(s, "ok") == 0);
  }
}

/* Malformed maps built by editing a valid one. */
static void test_bad_maps(void) {
  static const entry es[] = {{"k1", 0, 1, 0, NULL}, {"k2", 0, 2, 0, NULL}};
  wbuf b;
  size_t size = build_map(&b, es, 2, 4, 1);
  /* layout: keys "k1\0k2\0" (6), pad to 8, keys vec [size][o][o] at 8..19,
   * map header at 20..31, values at 32..39, types 40..41, root 42..44 */
  flx_ref m, v;
  int64_t i;
  CHECK(flx_root(b.b, size, &m) == 0 && flx_map_i64(&m, "k2", 0, &i) == 0 &&
        i == 2);
  wbuf t;
  /* keys offset out of range */
  t = b;
  t.b[20] = 0xFF;
  CHECK(flx_root(t.b, size, &m) == 0);
  CHECK_EQ_INT(flx_map_lookup(&m, "k1", &v), -1);
  /* keys byte width 3 */
  t = b;
  t.b[24] = 3;
  CHECK(flx_root(t.b, size, &m) == 0);
  CHECK_EQ_INT(flx_map_lookup(&m, "k1", &v), -1);
  /* keys byte width huge */
  t = b;
  t.b[27] = 1;
  CHECK(flx_root(t.b, size, &m) == 0);
  CHECK_EQ_INT(flx_map_lookup(&m, "k1", &v), -1);
  /* keys count differs from the values count */
  t = b;
  t.b[8] = 3;
  CHECK(flx_root(t.b, size, &m) == 0);
  CHECK_EQ_INT(flx_map_lookup(&m, "k1", &v), -1);
  /* a key offset pointing before the buffer */
  t = b;
  t.b[12] = 0xF0;
  CHECK(flx_root(t.b, size, &m) == 0);
  CHECK_EQ_INT(flx_map_lookup(&m, "k1", &v), -1);
  /* map header points to itself (keys offset 0 = the slot) */
  t = b;
  memset(t.b + 20, 0, 4);
  CHECK(flx_root(t.b, size, &m) == 0);
  CHECK(flx_map_lookup(&m, "k1", &v) <= 0);
  /* root offset beyond the start */
  t = b;
  t.b[42] = 0xFF;
  CHECK(flx_root(t.b, size, &m) == 0);
  CHECK_EQ_INT(flx_map_lookup(&m, "k1", &v), -1);
  /* unsorted keys: lookups may miss but never fail */
  static const entry unsorted[] = {
      {"zz", 0, 1, 0, NULL}, {"aa", 0, 2, 0, NULL}, {"mm", 0, 3, 0, NULL}};
  size_t us = build_map(&t, unsorted, 3, 4, 1);
  CHECK(flx_root(t.b, us, &m) == 0);
  CHECK(flx_map_lookup(&m, "mm", &v) >= 0);
  CHECK(flx_map_lookup(&m, "aa", &v) >= 0);
}

static void test_bad_roots(void) {
  flx_ref r;
  const uint8_t one[] = {1};
  CHECK_EQ_INT(flx_root(NULL, 0, &r), -1);
  CHECK_EQ_INT(flx_root(one, 1, &r), -1);
  const uint8_t w3[] = {0, 0, 0, FLX_INT << 2, 3};
  CHECK_EQ_INT(flx_root(w3, sizeof w3, &r), -1);
  const uint8_t w0[] = {0, FLX_INT << 2, 0};
  CHECK_EQ_INT(flx_root(w0, sizeof w0, &r), -1);
  const uint8_t trunc[] = {0, 0, FLX_INT << 2, 8};
  CHECK_EQ_INT(flx_root(trunc, sizeof trunc, &r), -1);
  const uint8_t unknown[] = {0, 30 << 2, 1};
  CHECK_EQ_INT(flx_root(unknown, sizeof unknown, &r), -1);
  const uint8_t vb[] = {0, FLX_VECTOR_BOOL << 2, 1};
  CHECK_EQ_INT(flx_root(vb, sizeof vb, &r), 0);
  CHECK(strcmp(flx_type_name(FLX_MAP), "MAP") == 0);
  CHECK(strcmp(flx_type_name(99), "?") == 0);
}

/* ---- byte flips -----------------------------------------------------------
 */

static uint32_t rng = 0x9E3779B9u;
static uint32_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return rng;
}

/* Walks a value and its children (bounded depth and breadth). */
static size_t walk(const flx_ref *r, int depth) {
  size_t work = 1;
  int64_t i;
  uint64_t u;
  double d;
  bool b;
  const char *s;
  const uint8_t *blob;
  size_t len, n;
  (void)flx_as_i64(r, &i);
  (void)flx_as_u64(r, &u);
  (void)flx_as_f64(r, &d);
  (void)flx_as_bool(r, &b);
  if (flx_as_string(r, &s, &len) == 0) work += strlen(s) == len;
  if (flx_as_blob(r, &blob, &len) == 0 && len) work += blob[len - 1] & 1;
  if (depth > 3 || flx_vector_size(r, &n) != 0) return work;
  for (size_t k = 0; k < n && k < 16; k++) {
    flx_ref e;
    if (flx_vector_at(r, k, &e) == 0) work += walk(&e, depth + 1);
    if (flx_map_key_at(r, k, &s, &len) == 0) {
      work += strlen(s) == len;
      flx_ref v;
      if (flx_map_lookup(r, s, &v) == 1) work += walk(&v, depth + 1);
    }
  }
  return work;
}

static void test_byte_flips(void) {
  static const entry es[] = {
      {"a_float", 2, 0, 0.5, NULL}, {"b_int", 0, -7, 0, NULL},
      {"c_uint", 1, 200, 0, NULL},  {"d_bool", 3, 1, 0, NULL},
      {"e_str", 4, 0, 0, "hello"},  {"f_ind", 5, 0, 3.75, NULL},
      {"g_vec", 6, 10, 0, NULL},
  };
  size_t total = 0;
  int iters = 0;
  for (unsigned w = 4; w <= 8; w *= 2) {
    wbuf b;
    size_t size = build_map(&b, es, 7, w, 1);
    for (int it = 0; it < 20000; it++) {
      /* exact-size heap copy so ASan sees any read past the end */
      uint8_t *t = malloc(size);
      memcpy(t, b.b, size);
      int flips = 1 + (int)(next_rand() % 4);
      for (int f = 0; f < flips; f++) {
        size_t at = next_rand() % size;
        if (next_rand() & 1)
          t[at] ^= (uint8_t)(1u << (next_rand() % 8));
        else
          t[at] = (uint8_t)next_rand();
      }
      size_t cut = (next_rand() % 8 == 0) ? next_rand() % (size + 1) : size;
      /* a truncation keeps the trailer: drop bytes at the front, into an
       * exact-size copy so that reads before it are caught too */
      uint8_t *c = malloc(cut ? cut : 1);
      memcpy(c, t + (size - cut), cut);
      flx_ref r;
      if (flx_root(c, cut, &r) == 0) total += walk(&r, 0);
      free(c);
      free(t);
      iters++;
    }
  }
  CHECK(iters == 40000);
  CHECK(total > 0);
}

int main(void) {
  test_scalars();
  test_strings();
  test_vectors();
  test_maps();
  test_bad_maps();
  test_bad_roots();
  test_byte_flips();
  return CHECK_DONE();
}
