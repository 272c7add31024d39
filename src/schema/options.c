/* Reading builtin options fields by id from the options table inside the
 * model bytes, with the schema default for absent (or malformed) fields. */
#include "schema/options.h"

#include <string.h>

#include "schema/fb_reader.h"

/* Opens the options table; false when there is none or it is malformed. */
static bool open_table(const tflc_options_ref *o, fb_reader *r, fb_table *t) {
  if (!o || !o->file || o->table == 0) return false;
  r->data = o->file;
  r->size = o->file_size;
  return fb_table_at(r, o->table, t) == 0;
}

bool opt_is(const tflc_options_ref *o, uint8_t type) {
  return o && o->table != 0 && o->type == type;
}

/* Reads a scalar field of `width` bytes as raw bits; false when absent. */
static bool read_bits(const tflc_options_ref *o, int field, size_t width,
                      uint64_t *bits) {
  fb_reader r;
  fb_table t;
  size_t pos;
  if (!open_table(o, &r, &t)) return false;
  if (fb_field(&r, &t, field, width, &pos) != 1) return false;
  switch (width) {
    case 1: *bits = fb_load_u8(&r, pos); break;
    case 2: *bits = fb_load_u16(&r, pos); break;
    case 4: *bits = fb_load_u32(&r, pos); break;
    default: *bits = fb_load_u64(&r, pos); break;
  }
  return true;
}

bool opt_bool(const tflc_options_ref *o, int field, bool dflt) {
  uint64_t v;
  return read_bits(o, field, 1, &v) ? v != 0 : dflt;
}

int8_t opt_i8(const tflc_options_ref *o, int field, int8_t dflt) {
  uint64_t v;
  return read_bits(o, field, 1, &v) ? (int8_t)(uint8_t)v : dflt;
}

uint8_t opt_u8(const tflc_options_ref *o, int field, uint8_t dflt) {
  uint64_t v;
  return read_bits(o, field, 1, &v) ? (uint8_t)v : dflt;
}

int16_t opt_i16(const tflc_options_ref *o, int field, int16_t dflt) {
  uint64_t v;
  return read_bits(o, field, 2, &v) ? (int16_t)(uint16_t)v : dflt;
}

int32_t opt_i32(const tflc_options_ref *o, int field, int32_t dflt) {
  uint64_t v;
  return read_bits(o, field, 4, &v) ? (int32_t)(uint32_t)v : dflt;
}

uint32_t opt_u32(const tflc_options_ref *o, int field, uint32_t dflt) {
  uint64_t v;
  return read_bits(o, field, 4, &v) ? (uint32_t)v : dflt;
}

int64_t opt_i64(const tflc_options_ref *o, int field, int64_t dflt) {
  uint64_t v;
  return read_bits(o, field, 8, &v) ? (int64_t)v : dflt;
}

float opt_f32(const tflc_options_ref *o, int field, float dflt) {
  fb_reader r;
  fb_table t;
  float f;
  if (!open_table(o, &r, &t)) return dflt;
  if (fb_get_f32(&r, &t, field, dflt, &f) != 0) return dflt;
  return f;
}

/* Locates a vector field: 1 present, 0 absent, -1 malformed. */
static int find_vec(const tflc_options_ref *o, int field, size_t elem_size,
                    fb_reader *r, fb_vector *v) {
  fb_table t;
  if (!open_table(o, r, &t)) return 0;
  int rc = fb_get_vector(r, &t, field, elem_size, v);
  if (rc == 1 && v->len > INT32_MAX) return -1;
  return rc;
}

/* Stores element i of a vector, read at pos, into out[i]. */
typedef void (*vec_store_fn)(void *out, uint32_t i, const fb_reader *r,
                             size_t pos);

static void store_i32(void *out, uint32_t i, const fb_reader *r, size_t pos) {
  ((int32_t *)out)[i] = (int32_t)fb_load_u32(r, pos);
}

static void store_i64(void *out, uint32_t i, const fb_reader *r, size_t pos) {
  ((int64_t *)out)[i] = (int64_t)fb_load_u64(r, pos);
}

static void store_f32(void *out, uint32_t i, const fb_reader *r, size_t pos) {
  uint32_t bits = fb_load_u32(r, pos);
  memcpy(&((float *)out)[i], &bits, sizeof bits);
}

/* The common body of opt_vec_*: the vector's length (0 absent, -1
 * malformed), its first `max` elements stored into out when out is set. */
static int32_t read_vec(const tflc_options_ref *o, int field, size_t elem_size,
                        void *out, int32_t max, vec_store_fn store) {
  fb_reader r;
  fb_vector v;
  int rc = find_vec(o, field, elem_size, &r, &v);
  if (rc <= 0) return rc;
  for (uint32_t i = 0; out && (int64_t)i < max && i < v.len; i++)
    store(out, i, &r, v.pos + (size_t)i * elem_size);
  return (int32_t)v.len;
}

int32_t opt_vec_i32(const tflc_options_ref *o, int field, int32_t *out,
                    int32_t max) {
  return read_vec(o, field, 4, out, max, store_i32);
}

int32_t opt_vec_i64(const tflc_options_ref *o, int field, int64_t *out,
                    int32_t max) {
  return read_vec(o, field, 8, out, max, store_i64);
}

int32_t opt_vec_f32(const tflc_options_ref *o, int field, float *out,
                    int32_t max) {
  return read_vec(o, field, 4, out, max, store_f32);
}

const char *opt_string(const tflc_options_ref *o, int field, int32_t *len) {
  fb_reader r;
  fb_table t;
  const char *s;
  uint32_t n;
  if (len) *len = 0;
  if (!open_table(o, &r, &t)) return NULL;
  if (fb_get_string(&r, &t, field, &s, &n) != 1 || n > INT32_MAX) return NULL;
  if (len) *len = (int32_t)n;
  return s;
}
