/* The bounds-checked FlexBuffers reader (see flexbuffers.h for the format
 * facts it relies on). Positions are absolute byte offsets into the buffer;
 * every read goes through rd_uint / rd_int / rd_float, which check the
 * width and the bounds first. */
#include "schema/flexbuffers.h"

#include <math.h>
#include <string.h>

static int width_ok(unsigned w) { return w == 1 || w == 2 || w == 4 || w == 8; }

static int in_bounds(const flx_ref *r, size_t pos, size_t len) {
  return pos <= r->size && len <= r->size - pos;
}

static int rd_uint(const flx_ref *r, size_t pos, unsigned w, uint64_t *v) {
  if (!width_ok(w) || !in_bounds(r, pos, w)) return -1;
  uint64_t x = 0;
  for (unsigned i = 0; i < w; i++) x |= (uint64_t)r->buf[pos + i] << (8 * i);
  *v = x;
  return 0;
}

static int rd_int(const flx_ref *r, size_t pos, unsigned w, int64_t *v) {
  uint64_t u;
  if (rd_uint(r, pos, w, &u) != 0) return -1;
  if (w == 1 || w == 2 || w == 4) { /* widths checked by rd_uint */
    const uint64_t sign = (uint64_t)1 << (8 * w - 1);
    if (u & sign) u |= ~((sign << 1) - 1); /* sign-extend */
  }
  int64_t s;
  memcpy(&s, &u, sizeof s);
  *v = s;
  return 0;
}

static int rd_float(const flx_ref *r, size_t pos, unsigned w, double *v) {
  uint64_t u;
  if ((w != 4 && w != 8) || rd_uint(r, pos, w, &u) != 0) return -1;
  if (w == 4) {
    const uint32_t u32 = (uint32_t)u;
    float f;
    memcpy(&f, &u32, sizeof f);
    *v = f;
  } else {
    memcpy(v, &u, sizeof *v);
  }
  return 0;
}

static int type_known(unsigned t) {
  return t <= FLX_BOOL || t == FLX_VECTOR_BOOL;
}

/* Position of the data an offset slot points to. */
static int deref(const flx_ref *r, size_t *data) {
  uint64_t off;
  if (rd_uint(r, r->pos, r->slot_width, &off) != 0) return -1;
  if (off > r->pos) return -1;
  *data = r->pos - (size_t)off;
  return 0;
}

/* Makes a ref from a stored slot and its packed type byte. */
static int make_ref(const flx_ref *parent, size_t pos, unsigned slot_width,
                    uint8_t packed, flx_ref *out) {
  const unsigned t = packed >> 2;
  if (!type_known(t) || !width_ok(slot_width)) return -1;
  out->buf = parent->buf;
  out->size = parent->size;
  out->pos = pos;
  out->slot_width = (uint8_t)slot_width;
  out->child_width = (uint8_t)(1u << (packed & 3u));
  out->type = (uint8_t)t;
  return 0;
}

int flx_root(const uint8_t *buf, size_t size, flx_ref *out) {
  if (!buf || !out || size < 3) return -1;
  const unsigned w = buf[size - 1];
  if (!width_ok(w) || size < 2 + (size_t)w) return -1;
  flx_ref base = {buf, size, 0, 1, 1, FLX_NULL};
  return make_ref(&base, size - 2 - w, w, buf[size - 2], out);
}

/* ---- scalars ------------------------------------------------------------ */

static int64_t f64_to_i64(double d) {
  if (isnan(d)) return 0;
  if (d >= 9223372036854775807.0) return INT64_MAX;
  if (d <= -9223372036854775808.0) return INT64_MIN;
  return (int64_t)d;
}

static uint64_t f64_to_u64(double d) {
  if (isnan(d) || d <= 0) return 0;
  if (d >= 18446744073709551615.0) return UINT64_MAX;
  return (uint64_t)d;
}

/* A numeric value read as one of three kinds: 0 signed (i), 1 unsigned (u),
 * 2 float (d); the other fields stay 0. */
typedef struct flx_number {
  int kind;
  int64_t i;
  uint64_t u;
  double d;
} flx_number;

static int read_number(const flx_ref *r, flx_number *n) {
  size_t data;
  *n = (flx_number){0, 0, 0, 0.0};
  switch (r->type) {
    case FLX_NULL: return 0;
    case FLX_INT: return rd_int(r, r->pos, r->slot_width, &n->i);
    case FLX_UINT:
    case FLX_BOOL: n->kind = 1; return rd_uint(r, r->pos, r->slot_width, &n->u);
    case FLX_FLOAT:
      n->kind = 2;
      return rd_float(r, r->pos, r->slot_width, &n->d);
    case FLX_INDIRECT_INT:
      return deref(r, &data) != 0 ? -1 : rd_int(r, data, r->child_width, &n->i);
    case FLX_INDIRECT_UINT:
      n->kind = 1;
      return deref(r, &data) != 0 ? -1
                                  : rd_uint(r, data, r->child_width, &n->u);
    case FLX_INDIRECT_FLOAT:
      n->kind = 2;
      return deref(r, &data) != 0 ? -1
                                  : rd_float(r, data, r->child_width, &n->d);
    default: return -1;
  }
}

int flx_as_i64(const flx_ref *r, int64_t *out) {
  flx_number n;
  if (read_number(r, &n) != 0) return -1;
  if (n.kind == 0)
    *out = n.i;
  else if (n.kind == 1)
    *out = n.u > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n.u;
  else
    *out = f64_to_i64(n.d);
  return 0;
}

int flx_as_u64(const flx_ref *r, uint64_t *out) {
  flx_number n;
  if (read_number(r, &n) != 0) return -1;
  if (n.kind == 0)
    *out = n.i < 0 ? 0 : (uint64_t)n.i;
  else if (n.kind == 1)
    *out = n.u;
  else
    *out = f64_to_u64(n.d);
  return 0;
}

int flx_as_f64(const flx_ref *r, double *out) {
  flx_number n;
  if (read_number(r, &n) != 0) return -1;
  *out = n.kind == 0 ? (double)n.i : (n.kind == 1 ? (double)n.u : n.d);
  return 0;
}

int flx_as_bool(const flx_ref *r, bool *out) {
  flx_number n;
  if (read_number(r, &n) != 0) return -1;
  *out = n.kind == 0 ? n.i != 0 : (n.kind == 1 ? n.u != 0 : n.d != 0.0);
  return 0;
}

/* ---- strings, keys, blobs ----------------------------------------------- */

/* A NUL-terminated key at pos: its length. */
static int key_at(const flx_ref *r, size_t pos, const char **s, size_t *len) {
  if (pos >= r->size) return -1;
  const uint8_t *nul = memchr(r->buf + pos, 0, r->size - pos);
  if (!nul) return -1;
  *s = (const char *)(r->buf + pos);
  *len = (size_t)(nul - (r->buf + pos));
  return 0;
}

/* Length-prefixed bytes at data (prefix of width w); with_nul requires the
 * terminator after them. */
static int sized_at(const flx_ref *r, size_t data, unsigned w, int with_nul,
                    size_t *len) {
  uint64_t n;
  if (data < w || rd_uint(r, data - w, w, &n) != 0) return -1;
  if (n > r->size || !in_bounds(r, data, (size_t)n + (with_nul ? 1 : 0)))
    return -1;
  if (with_nul && r->buf[data + n] != 0) return -1;
  *len = (size_t)n;
  return 0;
}

int flx_as_string(const flx_ref *r, const char **s, size_t *len) {
  size_t data;
  if (r->type != FLX_STRING && r->type != FLX_KEY) return -1;
  if (deref(r, &data) != 0) return -1;
  if (r->type == FLX_KEY) return key_at(r, data, s, len);
  if (sized_at(r, data, r->child_width, 1, len) != 0) return -1;
  *s = (const char *)(r->buf + data);
  return 0;
}

int flx_as_blob(const flx_ref *r, const uint8_t **data_out, size_t *len) {
  size_t data;
  if (r->type != FLX_BLOB || deref(r, &data) != 0) return -1;
  if (sized_at(r, data, r->child_width, 0, len) != 0) return -1;
  *data_out = r->buf + data;
  return 0;
}

/* ---- vectors and maps --------------------------------------------------- */

/* A resolved vector: element 0's position, width, count, and either the
 * element type (typed) or the position of the per-element type bytes. */
typedef struct flx_vec {
  size_t data;
  unsigned w;
  size_t n;
  int untyped; /* type bytes follow the elements */
  unsigned elem_type;
  unsigned elem_child_width;
} flx_vec;

static int resolve_vector(const flx_ref *r, flx_vec *v) {
  const unsigned t = r->type;
  v->w = r->child_width;
  v->untyped = 0;
  v->elem_child_width = 1;
  if (deref(r, &v->data) != 0) return -1;
  if (t >= FLX_VECTOR_INT2 && t <= FLX_VECTOR_FLOAT4) {
    v->n = (t - FLX_VECTOR_INT2) / 3 + 2;
    v->elem_type = FLX_INT + (t - FLX_VECTOR_INT2) % 3;
  } else {
    switch (t) {
      case FLX_MAP:
      case FLX_VECTOR:
        v->untyped = 1;
        v->elem_type = FLX_NULL;
        break;
      case FLX_VECTOR_INT: v->elem_type = FLX_INT; break;
      case FLX_VECTOR_UINT: v->elem_type = FLX_UINT; break;
      case FLX_VECTOR_FLOAT: v->elem_type = FLX_FLOAT; break;
      case FLX_VECTOR_KEY: v->elem_type = FLX_KEY; break;
      case FLX_VECTOR_STRING_DEPRECATED:
        v->elem_type = FLX_STRING;
        v->elem_child_width = v->w; /* length prefix as wide as the vector */
        break;
      case FLX_VECTOR_BOOL: v->elem_type = FLX_BOOL; break;
      default: return -1;
    }
    uint64_t n;
    if (v->data < v->w || rd_uint(r, v->data - v->w, v->w, &n) != 0) return -1;
    if (n > r->size) return -1;
    v->n = (size_t)n;
  }
  /* The elements (and type bytes) must lie inside the buffer. */
  const size_t per = v->w + (v->untyped ? 1u : 0u);
  if (v->n > r->size / per || !in_bounds(r, v->data, v->n * per)) return -1;
  return 0;
}

int flx_vector_size(const flx_ref *r, size_t *n) {
  flx_vec v;
  if (resolve_vector(r, &v) != 0) return -1;
  *n = v.n;
  return 0;
}

int flx_vector_at(const flx_ref *r, size_t i, flx_ref *out) {
  flx_vec v;
  if (resolve_vector(r, &v) != 0 || i >= v.n) return -1;
  const size_t pos = v.data + i * v.w;
  if (v.untyped)
    return make_ref(r, pos, v.w, r->buf[v.data + v.n * v.w + i], out);
  uint8_t packed = (uint8_t)(v.elem_type << 2);
  switch (v.elem_child_width) {
    case 2: packed |= 1; break;
    case 4: packed |= 2; break;
    case 8: packed |= 3; break;
    default: break;
  }
  return make_ref(r, pos, v.w, packed, out);
}

/* The keys vector of a map: first key slot position, slot width, count. */
static int map_keys(const flx_ref *r, size_t *keys, unsigned *kw, size_t *n) {
  flx_vec v;
  if (r->type != FLX_MAP || resolve_vector(r, &v) != 0) return -1;
  if (v.data < 3 * (size_t)v.w) return -1;
  const size_t off_pos = v.data - 3 * (size_t)v.w;
  uint64_t off, width, nk;
  if (rd_uint(r, off_pos, v.w, &off) != 0 || off > off_pos) return -1;
  if (rd_uint(r, v.data - 2 * (size_t)v.w, v.w, &width) != 0) return -1;
  if (!width_ok((unsigned)width) || width > 8) return -1;
  const size_t kpos = off_pos - (size_t)off;
  *kw = (unsigned)width;
  if (kpos < *kw || rd_uint(r, kpos - *kw, *kw, &nk) != 0) return -1;
  if (nk != v.n) return -1;
  if (!in_bounds(r, kpos, v.n * *kw))
    return -1; /* v.n * kw <= size: v.n <= size */
  *keys = kpos;
  *n = v.n;
  return 0;
}

static int key_of(const flx_ref *r, size_t keys, unsigned kw, size_t i,
                  const char **key, size_t *len) {
  const size_t slot = keys + i * kw;
  uint64_t off;
  if (rd_uint(r, slot, kw, &off) != 0 || off > slot) return -1;
  return key_at(r, slot - (size_t)off, key, len);
}

int flx_map_key_at(const flx_ref *r, size_t i, const char **key, size_t *len) {
  size_t keys, n;
  unsigned kw;
  if (map_keys(r, &keys, &kw, &n) != 0 || i >= n) return -1;
  return key_of(r, keys, kw, i, key, len);
}

int flx_map_lookup(const flx_ref *r, const char *key, flx_ref *out) {
  size_t keys, n;
  unsigned kw;
  if (!key || map_keys(r, &keys, &kw, &n) != 0) return -1;
  size_t lo = 0, hi = n;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const char *k;
    size_t klen;
    if (key_of(r, keys, kw, mid, &k, &klen) != 0) return -1;
    const int c = strcmp(key, k); /* k is NUL-terminated inside the buffer */
    if (c == 0) return flx_vector_at(r, mid, out) == 0 ? 1 : -1;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return 0;
}

/* ---- option-map convenience ---------------------------------------------- */

static int map_get(const flx_ref *map, const char *key, flx_ref *v) {
  const int found = flx_map_lookup(map, key, v);
  if (found < 0) return -1;
  return found == 1 && v->type != FLX_NULL;
}

int flx_map_i64(const flx_ref *map, const char *key, int64_t dflt,
                int64_t *out) {
  flx_ref v;
  const int g = map_get(map, key, &v);
  if (g < 0) return -1;
  if (g == 0) {
    *out = dflt;
    return 0;
  }
  return flx_as_i64(&v, out);
}

int flx_map_f64(const flx_ref *map, const char *key, double dflt, double *out) {
  flx_ref v;
  const int g = map_get(map, key, &v);
  if (g < 0) return -1;
  if (g == 0) {
    *out = dflt;
    return 0;
  }
  return flx_as_f64(&v, out);
}

int flx_map_bool(const flx_ref *map, const char *key, bool dflt, bool *out) {
  flx_ref v;
  const int g = map_get(map, key, &v);
  if (g < 0) return -1;
  if (g == 0) {
    *out = dflt;
    return 0;
  }
  return flx_as_bool(&v, out);
}

const char *flx_type_name(int type) {
  static const char *const names[] = {
      "NULL",          "INT",           "UINT",
      "FLOAT",         "KEY",           "STRING",
      "INDIRECT_INT",  "INDIRECT_UINT", "INDIRECT_FLOAT",
      "MAP",           "VECTOR",        "VECTOR_INT",
      "VECTOR_UINT",   "VECTOR_FLOAT",  "VECTOR_KEY",
      "VECTOR_STRING", "VECTOR_INT2",   "VECTOR_UINT2",
      "VECTOR_FLOAT2", "VECTOR_INT3",   "VECTOR_UINT3",
      "VECTOR_FLOAT3", "VECTOR_INT4",   "VECTOR_UINT4",
      "VECTOR_FLOAT4", "BLOB",          "BOOL"};
  if (type >= 0 && type < (int)(sizeof names / sizeof names[0]))
    return names[type];
  if (type == FLX_VECTOR_BOOL) return "VECTOR_BOOL";
  return "?";
}
