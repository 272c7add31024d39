/* Back-to-front FlatBuffers builder (see fb_builder.h). */
#include "schema/fb_builder.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define FB_MAX_SIZE ((size_t)0x7fffffff) /* FlatBuffers limit: 2 GiB - 1 */

static void fail(fb_builder *b, const char *fmt, ...) {
  if (b->err[0]) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(b->err, sizeof b->err, fmt, ap);
  va_end(ap);
  if (!b->err[0]) snprintf(b->err, sizeof b->err, "flatbuffer builder error");
}

void fb_builder_init(fb_builder *b, const tflc_allocator *alloc) {
  memset(b, 0, sizeof *b);
  b->alloc = alloc;
  b->max_align = 1;
}

void fb_builder_free(fb_builder *b) {
  tflc_free(b->alloc, b->buf);
  b->buf = NULL;
  b->cap = b->used = 0;
}

bool fb_builder_failed(const fb_builder *b) { return b->err[0] != 0; }

/* Makes room for n more bytes in front of the data. */
static bool reserve(fb_builder *b, size_t n) {
  if (b->err[0]) return false;
  if (n > FB_MAX_SIZE || b->used > FB_MAX_SIZE - n) {
    fail(b, "flatbuffer would exceed 2 GiB");
    return false;
  }
  if (b->cap - b->used >= n) return true;
  size_t need = b->used + n;
  size_t ncap = b->cap ? b->cap : 1024;
  while (ncap < need) ncap *= 2;
  uint8_t *nbuf = tflc_alloc(b->alloc, ncap);
  if (!nbuf) {
    fail(b, "out of memory building a flatbuffer of %zu bytes", ncap);
    return false;
  }
  if (b->used)
    memcpy(nbuf + ncap - b->used, b->buf + b->cap - b->used, b->used);
  tflc_free(b->alloc, b->buf);
  b->buf = nbuf;
  b->cap = ncap;
  return true;
}

/* NULL before the first allocation (a zero-length vector written first):
 * no arithmetic on a null pointer. */
static uint8_t *front(fb_builder *b) {
  return b->buf ? b->buf + b->cap - b->used : NULL;
}

static void push_bytes(fb_builder *b, const void *p, size_t n) {
  if (n == 0 || !reserve(b, n)) return;
  b->used += n;
  memcpy(front(b), p, n);
}

static void push_zeros(fb_builder *b, size_t n) {
  if (n == 0 || !reserve(b, n)) return;
  b->used += n;
  memset(front(b), 0, n);
}

static void store_le(uint8_t *dst, uint64_t v, size_t width) {
  for (size_t i = 0; i < width; i++) dst[i] = (uint8_t)(v >> (8 * i));
}

static void push_le(fb_builder *b, uint64_t v, size_t width) {
  if (!reserve(b, width)) return;
  b->used += width;
  store_le(front(b), v, width);
}

/* Pads so that after `extra` more bytes the data is aligned to `align`. */
static void prep(fb_builder *b, size_t align, size_t extra) {
  if (align > b->max_align) b->max_align = align;
  size_t pad = (align - ((b->used + extra) % align)) % align;
  push_zeros(b, pad);
}

/* Pushes a uoffset to ref (the offset is relative to where it is stored). */
static void push_ref(fb_builder *b, fb_ref ref) {
  prep(b, 4, 0);
  if (b->err[0]) return;
  if (ref == 0 || ref > b->used + 4) {
    fail(b, "flatbuffer builder: bad reference");
    return;
  }
  push_le(b, (uint64_t)(b->used + 4 - ref), 4);
}

static bool not_in_table(fb_builder *b, const char *what) {
  if (b->in_table) {
    fail(b, "flatbuffer builder: %s created inside a table", what);
    return false;
  }
  return !b->err[0];
}

fb_ref fb_create_string(fb_builder *b, const char *s, size_t len) {
  if (!not_in_table(b, "string")) return 0;
  if (len > FB_MAX_SIZE) {
    fail(b, "flatbuffer builder: string too long");
    return 0;
  }
  prep(b, 4, len + 1);
  push_zeros(b, 1);
  push_bytes(b, s, len);
  push_le(b, len, 4);
  return b->err[0] ? 0 : (fb_ref)b->used;
}

static uint64_t load_host(const uint8_t *p, size_t width) {
  uint8_t u8;
  uint16_t u16;
  uint32_t u32;
  uint64_t u64;
  switch (width) {
    case 1: memcpy(&u8, p, 1); return u8;
    case 2: memcpy(&u16, p, 2); return u16;
    case 4: memcpy(&u32, p, 4); return u32;
    default: memcpy(&u64, p, 8); return u64;
  }
}

fb_ref fb_create_vector(fb_builder *b, const void *elems, size_t n,
                        size_t elem_size, size_t align) {
  if (!not_in_table(b, "vector")) return 0;
  size_t bytes;
  if (!(elem_size == 1 || elem_size == 2 || elem_size == 4 || elem_size == 8) ||
      __builtin_mul_overflow(n, elem_size, &bytes) || bytes > FB_MAX_SIZE ||
      n > UINT32_MAX) {
    fail(b, "flatbuffer builder: bad vector (%zu x %zu bytes)", n, elem_size);
    return 0;
  }
  if (align < 4) align = 4;
  if (align < elem_size) align = elem_size;
  prep(b, align, bytes);
  if (!reserve(b, bytes)) return 0;
  b->used += bytes;
  uint8_t *dst = front(b);
  const uint8_t *src = elems;
  if (elem_size == 1) {
    if (n) memcpy(dst, src, n);
  } else {
    for (size_t i = 0; i < n; i++)
      store_le(dst + i * elem_size, load_host(src + i * elem_size, elem_size),
               elem_size);
  }
  push_le(b, n, 4);
  return b->err[0] ? 0 : (fb_ref)b->used;
}

fb_ref fb_create_ref_vector(fb_builder *b, const fb_ref *refs, size_t n) {
  if (!not_in_table(b, "vector")) return 0;
  if (n > FB_MAX_SIZE / 4) {
    fail(b, "flatbuffer builder: vector too long");
    return 0;
  }
  prep(b, 4, n * 4);
  for (size_t i = n; i-- > 0;) push_ref(b, refs[i]);
  push_le(b, n, 4);
  return b->err[0] ? 0 : (fb_ref)b->used;
}

void fb_start_table(fb_builder *b) {
  if (b->in_table) {
    fail(b, "flatbuffer builder: nested table");
    return;
  }
  b->in_table = true;
  b->table_start = b->used;
  b->n_fields = 0;
  memset(b->field_at, 0, sizeof b->field_at);
}

static bool field_ok(fb_builder *b, int id) {
  if (b->err[0]) return false;
  if (!b->in_table || id < 0 || id >= FB_MAX_FIELDS) {
    fail(b, "flatbuffer builder: field %d outside a table or out of range", id);
    return false;
  }
  return true;
}

static void mark_field(fb_builder *b, int id) {
  if (b->err[0]) return;
  b->field_at[id] = (uint32_t)b->used;
  if (id + 1 > b->n_fields) b->n_fields = id + 1;
}

void fb_add_scalar(fb_builder *b, int id, size_t width, uint64_t bits,
                   uint64_t dflt_bits, bool force) {
  if (!field_ok(b, id)) return;
  uint64_t mask =
      width >= 8 ? ~(uint64_t)0 : (((uint64_t)1 << (8 * width)) - 1);
  if (!force && (bits & mask) == (dflt_bits & mask)) return;
  prep(b, width, 0);
  push_le(b, bits & mask, width);
  mark_field(b, id);
}

void fb_add_bool(fb_builder *b, int id, bool v, bool dflt) {
  fb_add_scalar(b, id, 1, v ? 1 : 0, dflt ? 1 : 0, false);
}
void fb_add_i8(fb_builder *b, int id, int8_t v, int8_t dflt) {
  fb_add_scalar(b, id, 1, (uint8_t)v, (uint8_t)dflt, false);
}
void fb_add_u8(fb_builder *b, int id, uint8_t v, uint8_t dflt) {
  fb_add_scalar(b, id, 1, v, dflt, false);
}
void fb_add_i32(fb_builder *b, int id, int32_t v, int32_t dflt) {
  fb_add_scalar(b, id, 4, (uint32_t)v, (uint32_t)dflt, false);
}
void fb_add_u32(fb_builder *b, int id, uint32_t v, uint32_t dflt) {
  fb_add_scalar(b, id, 4, v, dflt, false);
}
void fb_add_i64(fb_builder *b, int id, int64_t v, int64_t dflt) {
  fb_add_scalar(b, id, 8, (uint64_t)v, (uint64_t)dflt, false);
}
void fb_add_u64(fb_builder *b, int id, uint64_t v, uint64_t dflt) {
  fb_add_scalar(b, id, 8, v, dflt, false);
}
void fb_add_f32(fb_builder *b, int id, float v, float dflt) {
  uint32_t vb, db;
  memcpy(&vb, &v, 4);
  memcpy(&db, &dflt, 4);
  fb_add_scalar(b, id, 4, vb, db, false);
}

void fb_add_ref(fb_builder *b, int id, fb_ref ref) {
  if (ref == 0 || !field_ok(b, id)) return;
  push_ref(b, ref);
  mark_field(b, id);
}

fb_ref fb_end_table(fb_builder *b) {
  if (b->err[0]) {
    b->in_table = false;
    return 0;
  }
  if (!b->in_table) {
    fail(b, "flatbuffer builder: end of a table never started");
    return 0;
  }
  /* The table begins with the soffset to its vtable (filled in below). */
  prep(b, 4, 0);
  push_zeros(b, 4);
  size_t table_ref = b->used;
  size_t obj_size = table_ref - b->table_start;
  if (obj_size > 0xffff) fail(b, "flatbuffer builder: table too large");
  /* vtable: [vt_size, obj_size, field offsets...], pushed back to front. */
  for (int id = b->n_fields - 1; id >= 0; id--) {
    uint32_t at = b->field_at[id];
    push_le(b, at ? (uint64_t)(table_ref - at) : 0, 2);
  }
  push_le(b, obj_size, 2);
  push_le(b, 4 + 2 * (uint64_t)b->n_fields, 2);
  b->in_table = false;
  if (b->err[0]) return 0;
  size_t vt_ref = b->used;
  /* soffset = table - vtable in absolute positions = vt_ref - table_ref. */
  store_le(b->buf + b->cap - table_ref, (uint64_t)(vt_ref - table_ref), 4);
  return (fb_ref)table_ref;
}

int fb_builder_finish(fb_builder *b, fb_ref root, const char *identifier,
                      uint8_t **out, size_t *out_size) {
  *out = NULL;
  *out_size = 0;
  if (!b->err[0] && (b->in_table || root == 0))
    fail(b, "flatbuffer builder: finish without a root table");
  size_t ident_len = identifier ? 4 : 0;
  prep(b, b->max_align > 4 ? b->max_align : 4, 4 + ident_len);
  if (identifier) push_bytes(b, identifier, 4);
  push_ref(b, root);
  if (b->err[0]) return -1;
  uint8_t *copy = tflc_alloc(b->alloc, b->used);
  if (!copy) {
    fail(b, "out of memory copying a flatbuffer of %zu bytes", b->used);
    return -1;
  }
  memcpy(copy, front(b), b->used);
  *out = copy;
  *out_size = b->used;
  return 0;
}
