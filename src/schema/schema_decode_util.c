/* The schema decoder's arena (all memory of a tflc_model_def) and its field
 * readers that report malformed fields with the place they were found. */
#include <stdio.h>
#include <string.h>

#include "schema/schema_decode_internal.h"

struct sd_chunk {
  sd_chunk *next;
  size_t size; /* usable bytes after the header */
  size_t used;
};

#define SD_HDR ((sizeof(sd_chunk) + 15u) & ~(size_t)15u)
#define SD_CHUNK (64u * 1024u)

void sd_where(sd_ctx *c, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(c->where, sizeof c->where, fmt, ap);
  va_end(ap);
}

int sd_fail(sd_ctx *c, const char *fmt, ...) {
  if (!c->err || c->err_size == 0) return -1;
  int n = snprintf(c->err, c->err_size, "%s: ", c->where);
  if (n < 0) n = 0;
  if ((size_t)n < c->err_size) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err + n, c->err_size - (size_t)n, fmt, ap);
    va_end(ap);
  }
  return -1;
}

void sd_arena_free(const tflc_allocator *alloc, sd_chunk *chunks) {
  while (chunks) {
    sd_chunk *next = chunks->next;
    tflc_free(alloc, chunks);
    chunks = next;
  }
}

static void *arena_take(sd_ctx *c, size_t bytes) {
  bytes = (bytes + 15u) & ~(size_t)15u;
  sd_chunk *h = c->chunks;
  if (!h || h->size - h->used < bytes) {
    size_t want = bytes > SD_CHUNK ? bytes : SD_CHUNK;
    if (c->total > c->budget || want > c->budget - c->total) {
      sd_fail(c,
              "decoding needs more than %zu bytes of memory (vectors shared "
              "by many tables?)",
              c->budget);
      return NULL;
    }
    sd_chunk *n = tflc_alloc(c->alloc, SD_HDR + want);
    if (!n) {
      sd_fail(c, "out of memory (%zu bytes)", SD_HDR + want);
      return NULL;
    }
    c->total += want;
    n->size = want;
    n->used = 0;
    if (h && want == bytes) { /* a big block: keep the current chunk open */
      n->next = h->next;
      h->next = n;
    } else {
      n->next = h;
      c->chunks = n;
    }
    h = n;
    c->def->storage = c->chunks;
  }
  void *p = (uint8_t *)h + SD_HDR + h->used;
  h->used += bytes;
  return p;
}

void *sd_alloc(sd_ctx *c, size_t n, size_t size, int *ok) {
  size_t bytes;
  *ok = 1;
  if (n == 0) return NULL;
  if (__builtin_mul_overflow(n, size, &bytes) || bytes > SIZE_MAX / 2) {
    *ok = 0;
    sd_fail(c, "array of %zu elements is too large", n);
    return NULL;
  }
  void *p = arena_take(c, bytes);
  if (!p) {
    *ok = 0;
    return NULL;
  }
  memset(p, 0, bytes);
  return p;
}

const char *sd_strdup(sd_ctx *c, const char *s, size_t len) {
  if (len >= SIZE_MAX / 2) return NULL;
  char *p = arena_take(c, len + 1);
  if (!p) return NULL;
  memcpy(p, s, len);
  p[len] = 0;
  return p;
}

static int bad(sd_ctx *c, const char *name) {
  return sd_fail(c, "field %s is malformed (out of bounds)", name);
}

int sd_u8(sd_ctx *c, const fb_table *t, int id, const char *name, uint8_t dflt,
          uint8_t *out) {
  return fb_get_u8(&c->r, t, id, dflt, out) == 0 ? 0 : bad(c, name);
}

int sd_u32(sd_ctx *c, const fb_table *t, int id, const char *name,
           uint32_t dflt, uint32_t *out) {
  return fb_get_u32(&c->r, t, id, dflt, out) == 0 ? 0 : bad(c, name);
}

int sd_u64(sd_ctx *c, const fb_table *t, int id, const char *name,
           uint64_t dflt, uint64_t *out) {
  return fb_get_u64(&c->r, t, id, dflt, out) == 0 ? 0 : bad(c, name);
}

int sd_string(sd_ctx *c, const fb_table *t, int id, const char *name,
              const char *dflt, const char **out) {
  const char *s;
  uint32_t len;
  int rc = fb_get_string(&c->r, t, id, &s, &len);
  if (rc < 0)
    return sd_fail(c,
                   "string %s is malformed (out of bounds or not "
                   "NUL-terminated)",
                   name);
  if (rc == 0) {
    *out = dflt;
    return 0;
  }
  *out = sd_strdup(c, s, len);
  return *out ? 0 : -1;
}

int sd_table(sd_ctx *c, const fb_table *t, int id, const char *name,
             fb_table *out) {
  int rc = fb_get_table(&c->r, t, id, out);
  if (rc < 0)
    return sd_fail(c, "table %s is malformed (bad offset or vtable)", name);
  return rc;
}

int sd_vec(sd_ctx *c, const fb_table *t, int id, const char *name,
           size_t elem_size, fb_vector *out) {
  int rc = fb_get_vector(&c->r, t, id, elem_size, out);
  if (rc < 0)
    return sd_fail(c, "vector %s is malformed (bad offset or length)", name);
  if (rc == 1 && out->len > INT32_MAX)
    return sd_fail(c, "vector %s has %u elements (too many)", name, out->len);
  return rc;
}

/* Stores element i of a vector, read at pos, into ((T *)a)[i]. */
typedef void (*sd_store_fn)(void *a, uint32_t i, const fb_reader *r,
                            size_t pos);

static void sd_store_i32(void *a, uint32_t i, const fb_reader *r, size_t pos) {
  ((int32_t *)a)[i] = (int32_t)fb_load_u32(r, pos);
}

static void sd_store_i64(void *a, uint32_t i, const fb_reader *r, size_t pos) {
  ((int64_t *)a)[i] = (int64_t)fb_load_u64(r, pos);
}

static void sd_store_f32(void *a, uint32_t i, const fb_reader *r, size_t pos) {
  ((float *)a)[i] = fb_load_f32(r, pos);
}

/* The common body of sd_vec_i32 / _i64 / _f32: the vector of elem-byte
 * elements copied into decoded memory (*out NULL, *n 0 when absent). */
static int sd_vec_copy(sd_ctx *c, const fb_table *t, int id, const char *name,
                       size_t elem, sd_store_fn store, void **out, int32_t *n,
                       bool *present) {
  fb_vector v;
  int ok;
  *out = NULL;
  *n = 0;
  int rc = sd_vec(c, t, id, name, elem, &v);
  if (present) *present = rc == 1;
  if (rc <= 0) return rc;
  void *a = sd_alloc(c, v.len, elem, &ok);
  if (!ok) return -1;
  for (uint32_t i = 0; i < v.len; i++)
    store(a, i, &c->r, v.pos + (size_t)i * elem);
  *out = a;
  *n = (int32_t)v.len;
  return 0;
}

int sd_vec_i32(sd_ctx *c, const fb_table *t, int id, const char *name,
               int32_t **out, int32_t *n, bool *present) {
  void *a;
  int rc = sd_vec_copy(c, t, id, name, 4, sd_store_i32, &a, n, present);
  *out = a;
  return rc;
}

int sd_vec_i64(sd_ctx *c, const fb_table *t, int id, const char *name,
               int64_t **out, int32_t *n) {
  void *a;
  int rc = sd_vec_copy(c, t, id, name, 8, sd_store_i64, &a, n, NULL);
  *out = a;
  return rc;
}

int sd_vec_f32(sd_ctx *c, const fb_table *t, int id, const char *name,
               float **out, int32_t *n) {
  void *a;
  int rc = sd_vec_copy(c, t, id, name, 4, sd_store_f32, &a, n, NULL);
  *out = a;
  return rc;
}

int sd_bytes(sd_ctx *c, const fb_table *t, int id, const char *name,
             const uint8_t **out, size_t *size) {
  fb_vector v;
  *out = NULL;
  *size = 0;
  int rc = fb_get_vector(&c->r, t, id, 1, &v);
  if (rc < 0)
    return sd_fail(c, "vector %s is malformed (bad offset or length)", name);
  if (rc == 1) {
    *out = c->r.data + v.pos;
    *size = v.len;
  }
  return 0;
}
