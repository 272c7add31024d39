/* Bounds-checked FlatBuffers reading primitives over untrusted bytes: root
 * table, vtables, table fields (scalars, offsets, strings, vectors, unions).
 * Every accessor checks that what it reads lies inside the buffer and reports
 * failure (-1) instead of reading outside. Values are read little-endian with
 * memcpy, so the buffer may have any alignment. Nothing here recurses. */
#ifndef TFLC_SCHEMA_FB_READER_H
#define TFLC_SCHEMA_FB_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The bytes being read. Positions are absolute byte offsets from data. */
typedef struct fb_reader {
  const uint8_t *data;
  size_t size;
} fb_reader;

/* A verified table: its position, its vtable position and sizes. */
typedef struct fb_table {
  size_t pos;        /* table start (where the soffset to the vtable sits) */
  size_t vtable;     /* vtable start */
  uint16_t vt_size;  /* vtable size in bytes (>= 4, even) */
  uint16_t obj_size; /* table object size in bytes (>= 4) */
} fb_table;

/* A verified vector: position of element 0 and element count. The elements
 * (len * elem_size bytes) lie inside the buffer. */
typedef struct fb_vector {
  size_t pos;
  uint32_t len;
} fb_vector;

/* Raw little-endian loads; the caller guarantees pos + width <= size (use
 * fb_in_bounds first). */
uint8_t fb_load_u8(const fb_reader *r, size_t pos);
uint16_t fb_load_u16(const fb_reader *r, size_t pos);
uint32_t fb_load_u32(const fb_reader *r, size_t pos);
uint64_t fb_load_u64(const fb_reader *r, size_t pos);
float fb_load_f32(const fb_reader *r, size_t pos);

/* True when [pos, pos+len) lies inside the buffer (overflow-safe). */
bool fb_in_bounds(const fb_reader *r, size_t pos, size_t len);

/* Verifies the table at pos (its vtable and object size). 0 or -1. */
int fb_table_at(const fb_reader *r, size_t pos, fb_table *out);
/* The root table: uoffset at byte 0. 0 or -1. */
int fb_root(const fb_reader *r, fb_table *out);

/* Locates field `id` of width `width` bytes: 1 present (*pos set), 0 absent,
 * -1 malformed (the field does not fit in the table object). */
int fb_field(const fb_reader *r, const fb_table *t, int id, size_t width,
             size_t *pos);

/* Scalars: the value, or dflt when absent. Return 0, or -1 when malformed. */
int fb_get_u8(const fb_reader *r, const fb_table *t, int id, uint8_t dflt,
              uint8_t *out);
int fb_get_u16(const fb_reader *r, const fb_table *t, int id, uint16_t dflt,
               uint16_t *out);
int fb_get_u32(const fb_reader *r, const fb_table *t, int id, uint32_t dflt,
               uint32_t *out);
int fb_get_u64(const fb_reader *r, const fb_table *t, int id, uint64_t dflt,
               uint64_t *out);
int fb_get_f32(const fb_reader *r, const fb_table *t, int id, float dflt,
               float *out);

/* Offset fields: 1 present (*target = absolute position), 0 absent, -1 bad. */
int fb_get_offset(const fb_reader *r, const fb_table *t, int id,
                  size_t *target);
/* Sub-table field: 1 present (*out verified), 0 absent, -1 malformed. */
int fb_get_table(const fb_reader *r, const fb_table *t, int id, fb_table *out);
/* String field: 1 present (*s points into the buffer, NUL-terminated inside
 * it, *len excludes the NUL), 0 absent, -1 malformed. */
int fb_get_string(const fb_reader *r, const fb_table *t, int id, const char **s,
                  uint32_t *len);
/* Vector field with elements of elem_size bytes: 1 / 0 / -1 as above. */
int fb_get_vector(const fb_reader *r, const fb_table *t, int id,
                  size_t elem_size, fb_vector *out);

/* The vector (or string) whose length prefix sits at pos. 0 or -1. */
int fb_vector_at(const fb_reader *r, size_t pos, size_t elem_size,
                 fb_vector *out);
/* String at pos (length prefix), NUL-terminated inside the buffer. 0 / -1. */
int fb_string_at(const fb_reader *r, size_t pos, const char **s, uint32_t *len);

/* Element i of a vector of offsets, as a table / string. 0 or -1. */
int fb_vec_table(const fb_reader *r, const fb_vector *v, uint32_t i,
                 fb_table *out);
int fb_vec_string(const fb_reader *r, const fb_vector *v, uint32_t i,
                  const char **s, uint32_t *len);

#endif
