/* Bounds-checked FlatBuffers reading primitives (see fb_reader.h). */
#include "schema/fb_reader.h"

#include <string.h>

uint8_t fb_load_u8(const fb_reader *r, size_t pos) { return r->data[pos]; }

uint16_t fb_load_u16(const fb_reader *r, size_t pos) {
  const uint8_t *p = r->data + pos;
  return (uint16_t)(p[0] | (p[1] << 8));
}

uint32_t fb_load_u32(const fb_reader *r, size_t pos) {
  const uint8_t *p = r->data + pos;
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
         ((uint32_t)p[3] << 24);
}

uint64_t fb_load_u64(const fb_reader *r, size_t pos) {
  return (uint64_t)fb_load_u32(r, pos) |
         ((uint64_t)fb_load_u32(r, pos + 4) << 32);
}

float fb_load_f32(const fb_reader *r, size_t pos) {
  uint32_t bits = fb_load_u32(r, pos);
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

bool fb_in_bounds(const fb_reader *r, size_t pos, size_t len) {
  return pos <= r->size && len <= r->size - pos;
}

int fb_table_at(const fb_reader *r, size_t pos, fb_table *out) {
  if (!fb_in_bounds(r, pos, 4)) return -1;
  /* The table starts with a signed offset: vtable = pos - soffset. */
  int32_t soff = (int32_t)fb_load_u32(r, pos);
  int64_t vt = (int64_t)pos - (int64_t)soff;
  if (vt < 0 || (uint64_t)vt > (uint64_t)r->size) return -1;
  size_t vtable = (size_t)vt;
  if (!fb_in_bounds(r, vtable, 4)) return -1;
  uint16_t vt_size = fb_load_u16(r, vtable);
  uint16_t obj_size = fb_load_u16(r, vtable + 2);
  if (vt_size < 4 || (vt_size & 1) != 0) return -1;
  if (!fb_in_bounds(r, vtable, vt_size)) return -1;
  if (obj_size < 4 || !fb_in_bounds(r, pos, obj_size)) return -1;
  out->pos = pos;
  out->vtable = vtable;
  out->vt_size = vt_size;
  out->obj_size = obj_size;
  return 0;
}

int fb_root(const fb_reader *r, fb_table *out) {
  if (!fb_in_bounds(r, 0, 4)) return -1;
  uint32_t off = fb_load_u32(r, 0);
  if (off < 4) return -1; /* would point into the root offset itself */
  return fb_table_at(r, off, out);
}

int fb_field(const fb_reader *r, const fb_table *t, int id, size_t width,
             size_t *pos) {
  if (id < 0) return 0;
  size_t slot = 4 + (size_t)id * 2;
  if (slot + 2 > t->vt_size) return 0; /* beyond the vtable: absent */
  uint16_t off = fb_load_u16(r, t->vtable + slot);
  if (off == 0) return 0;
  if (off < 4 || width > t->obj_size || off > t->obj_size - width) return -1;
  *pos = t->pos + off;
  return 1;
}

#define FB_GET_SCALAR(name, type, width, load)                       \
  int name(const fb_reader *r, const fb_table *t, int id, type dflt, \
           type *out) {                                              \
    size_t pos;                                                      \
    int rc = fb_field(r, t, id, width, &pos);                        \
    if (rc < 0) return -1;                                           \
    *out = rc ? load(r, pos) : dflt;                                 \
    return 0;                                                        \
  }

FB_GET_SCALAR(fb_get_u8, uint8_t, 1, fb_load_u8)
FB_GET_SCALAR(fb_get_u16, uint16_t, 2, fb_load_u16)
FB_GET_SCALAR(fb_get_u32, uint32_t, 4, fb_load_u32)
FB_GET_SCALAR(fb_get_u64, uint64_t, 8, fb_load_u64)
FB_GET_SCALAR(fb_get_f32, float, 4, fb_load_f32)

int fb_get_offset(const fb_reader *r, const fb_table *t, int id,
                  size_t *target) {
  size_t pos;
  int rc = fb_field(r, t, id, 4, &pos);
  if (rc <= 0) return rc;
  uint32_t off = fb_load_u32(r, pos);
  if (off == 0 || off > r->size - pos) return -1;
  *target = pos + off;
  return 1;
}

int fb_get_table(const fb_reader *r, const fb_table *t, int id, fb_table *out) {
  size_t target;
  int rc = fb_get_offset(r, t, id, &target);
  if (rc <= 0) return rc;
  return fb_table_at(r, target, out) == 0 ? 1 : -1;
}

int fb_vector_at(const fb_reader *r, size_t pos, size_t elem_size,
                 fb_vector *out) {
  if (!fb_in_bounds(r, pos, 4)) return -1;
  uint32_t len = fb_load_u32(r, pos);
  size_t bytes;
  if (__builtin_mul_overflow((size_t)len, elem_size, &bytes)) return -1;
  if (!fb_in_bounds(r, pos + 4, bytes)) return -1;
  out->pos = pos + 4;
  out->len = len;
  return 0;
}

int fb_string_at(const fb_reader *r, size_t pos, const char **s,
                 uint32_t *len) {
  fb_vector v;
  if (fb_vector_at(r, pos, 1, &v) != 0) return -1;
  /* The terminating NUL must lie inside the buffer too. */
  if (!fb_in_bounds(r, v.pos + v.len, 1) || r->data[v.pos + v.len] != 0)
    return -1;
  *s = (const char *)(r->data + v.pos);
  *len = v.len;
  return 0;
}

int fb_get_string(const fb_reader *r, const fb_table *t, int id, const char **s,
                  uint32_t *len) {
  size_t target;
  int rc = fb_get_offset(r, t, id, &target);
  if (rc <= 0) return rc;
  return fb_string_at(r, target, s, len) == 0 ? 1 : -1;
}

int fb_get_vector(const fb_reader *r, const fb_table *t, int id,
                  size_t elem_size, fb_vector *out) {
  size_t target;
  int rc = fb_get_offset(r, t, id, &target);
  if (rc <= 0) return rc;
  return fb_vector_at(r, target, elem_size, out) == 0 ? 1 : -1;
}

static int vec_elem_target(const fb_reader *r, const fb_vector *v, uint32_t i,
                           size_t *target) {
  if (i >= v->len) return -1;
  size_t pos = v->pos + (size_t)i * 4; /* inside: the vector was verified */
  uint32_t off = fb_load_u32(r, pos);
  if (off == 0 || off > r->size - pos) return -1;
  *target = pos + off;
  return 0;
}

int fb_vec_table(const fb_reader *r, const fb_vector *v, uint32_t i,
                 fb_table *out) {
  size_t target;
  if (vec_elem_target(r, v, i, &target) != 0) return -1;
  return fb_table_at(r, target, out);
}

int fb_vec_string(const fb_reader *r, const fb_vector *v, uint32_t i,
                  const char **s, uint32_t *len) {
  size_t target;
  if (vec_elem_target(r, v, i, &target) != 0) return -1;
  return fb_string_at(r, target, s, len);
}
