/* Writing an operator's builtin options table: either from the writer-side
 * field list (tflc_opt_field) or by re-serializing, field by field with
 * options_desc, an options table read from a model file. */
#include <stdio.h>
#include <string.h>

#include "schema/fb_reader.h"
#include "schema/options_desc.h"
#include "schema/schema_write_internal.h"

static size_t elem_width(tflc_opt_kind k) {
  switch (k) {
    case TFLC_OPT_VEC_I64: return 8;
    case TFLC_OPT_VEC_U8:
    case TFLC_OPT_VEC_BOOL:
    case TFLC_OPT_STRING: return 1;
    default: return 4;
  }
}

static bool is_vec_or_string(tflc_opt_kind k) {
  return k == TFLC_OPT_VEC_I32 || k == TFLC_OPT_VEC_I64 ||
         k == TFLC_OPT_VEC_F32 || k == TFLC_OPT_VEC_U8 ||
         k == TFLC_OPT_VEC_BOOL || k == TFLC_OPT_VEC_U32 ||
         k == TFLC_OPT_STRING;
}

static size_t scalar_width(tflc_opt_kind k) {
  switch (k) {
    case TFLC_OPT_BOOL:
    case TFLC_OPT_I8:
    case TFLC_OPT_U8: return 1;
    case TFLC_OPT_I16: return 2;
    case TFLC_OPT_I64: return 8;
    default: return 4;
  }
}

static uint64_t scalar_bits(const tflc_opt_field *f) {
  if (f->kind == TFLC_OPT_F32) {
    float v = (float)f->f;
    uint32_t bits;
    memcpy(&bits, &v, 4);
    return bits;
  }
  if (f->kind == TFLC_OPT_BOOL) return f->i != 0;
  return (uint64_t)f->i;
}

/* From the writer-side field list. */
static int from_fields(fb_builder *b, const tflc_opt_field *fields, int n,
                       fb_ref *out, char *err, size_t err_size) {
  fb_ref refs[FB_MAX_FIELDS] = {0};
  if (n < 0 || (n > 0 && !fields)) {
    snprintf(err, err_size, "bad write_options list");
    return -1;
  }
  for (int i = 0; i < n; i++) {
    const tflc_opt_field *f = &fields[i];
    if (f->id >= FB_MAX_FIELDS) {
      snprintf(err, err_size, "option field id %u is too large", f->id);
      return -1;
    }
    if (!is_vec_or_string(f->kind)) continue;
    size_t len = f->vec_len > 0 ? (size_t)f->vec_len : 0;
    if (len && !f->vec) {
      snprintf(err, err_size, "option field %u has no data", f->id);
      return -1;
    }
    refs[f->id] =
        f->kind == TFLC_OPT_STRING
            ? fb_create_string(b, len ? f->vec : "", len)
            : fb_create_vector(b, f->vec, len, elem_width(f->kind), 4);
  }
  fb_start_table(b);
  for (int i = 0; i < n; i++) {
    const tflc_opt_field *f = &fields[i];
    if (is_vec_or_string(f->kind))
      fb_add_ref(b, f->id, refs[f->id]);
    else
      fb_add_scalar(b, f->id, scalar_width(f->kind), scalar_bits(f), 0, true);
  }
  *out = fb_end_table(b);
  return 0;
}

/* Copies a vector / string field of the file's table into the builder. */
static fb_ref copy_vector(fb_builder *b, const fb_reader *r, const fb_table *t,
                          int id, tflc_opt_kind k, bool *malformed) {
  if (k == TFLC_OPT_STRING) {
    const char *s;
    uint32_t len;
    int rc = fb_get_string(r, t, id, &s, &len);
    if (rc < 0) *malformed = true;
    return rc == 1 ? fb_create_string(b, s, len) : 0;
  }
  fb_vector v;
  size_t w = elem_width(k);
  int rc = fb_get_vector(r, t, id, w, &v);
  if (rc < 0) *malformed = true;
  if (rc != 1) return 0;
  if (w == 1) return fb_create_vector(b, r->data + v.pos, v.len, 1, 4);
  /* Elements in the file are little-endian: convert to host order. */
  size_t n = v.len;
  uint8_t tmp[256];
  uint8_t *host = n * w <= sizeof tmp ? tmp : tflc_alloc(b->alloc, n * w);
  if (!host) {
    *malformed = true;
    return 0;
  }
  for (size_t i = 0; i < n; i++) {
    size_t pos = v.pos + i * w;
    if (w == 4) {
      uint32_t x = fb_load_u32(r, pos);
      memcpy(host + i * 4, &x, 4);
    } else {
      uint64_t x = fb_load_u64(r, pos);
      memcpy(host + i * 8, &x, 8);
    }
  }
  fb_ref ref = fb_create_vector(b, host, n, w, 4);
  if (host != tmp) tflc_free(b->alloc, host);
  return ref;
}

/* Re-serializes an options table read from a file. */
static int from_file(fb_builder *b, const tflc_options_ref *o, fb_ref *out,
                     char *err, size_t err_size) {
  const tflc_opt_table_desc *d = options_desc(o->type, o->is_options2);
  if (!d) {
    snprintf(err, err_size, "options type %u%s is unknown: cannot write it",
             o->type, o->is_options2 ? " (BuiltinOptions2)" : "");
    return -1;
  }
  fb_reader r = {o->file, o->file_size};
  fb_table t;
  if (!o->file || fb_table_at(&r, o->table, &t) != 0 ||
      d->n_fields > FB_MAX_FIELDS) {
    snprintf(err, err_size, "%s table is malformed", d->name);
    return -1;
  }
  fb_ref refs[FB_MAX_FIELDS] = {0};
  bool malformed = false;
  for (int id = 0; id < d->n_fields; id++)
    if (is_vec_or_string(d->fields[id].kind))
      refs[id] = copy_vector(b, &r, &t, id, d->fields[id].kind, &malformed);
  fb_start_table(b);
  for (int id = 0; id < d->n_fields; id++) {
    tflc_opt_kind k = d->fields[id].kind;
    size_t pos;
    if (is_vec_or_string(k)) {
      fb_add_ref(b, id, refs[id]);
      continue;
    }
    size_t w = scalar_width(k);
    int rc = fb_field(&r, &t, id, w, &pos);
    if (rc < 0) malformed = true;
    if (rc != 1) continue;
    uint64_t bits = w == 1   ? fb_load_u8(&r, pos)
                    : w == 2 ? fb_load_u16(&r, pos)
                    : w == 4 ? fb_load_u32(&r, pos)
                             : fb_load_u64(&r, pos);
    fb_add_scalar(b, id, w, bits, 0, true);
  }
  *out = fb_end_table(b);
  if (malformed) {
    snprintf(err, err_size, "%s table is malformed", d->name);
    return -1;
  }
  return 0;
}

int sw_options(fb_builder *b, const tflc_operator_def *op, bool is2,
               uint8_t *type, fb_ref *table, char *err, size_t err_size) {
  *type = 0;
  *table = 0;
  if (op->write_options_type != 0 && op->write_options_is_options2 == is2) {
    *type = op->write_options_type;
    return from_fields(b, op->write_options, op->n_write_options, table, err,
                       err_size);
  }
  const tflc_options_ref *o = is2 ? &op->options2 : &op->options;
  *type = o->type;
  if (o->type == 0 || o->table == 0) return 0;
  return from_file(b, o, table, err, err_size);
}
