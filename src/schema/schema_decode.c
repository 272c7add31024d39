/* schema_decode(): verifies untrusted .tflite bytes and decodes the whole
 * Model (buffers, operator codes, subgraphs, metadata, signatures) into a
 * tflc_model_def whose memory is one arena freed by schema_def_free. */
#include <stdio.h>
#include <string.h>

#include "schema/schema.h"
#include "schema/schema_decode_internal.h"

static int decode_buffers(sd_ctx *c, const fb_table *root) {
  fb_vector v;
  int ok;
  sd_where(c, "model");
  int rc = sd_vec(c, root, 4, "buffers", 4, &v);
  if (rc <= 0) return rc;
  tflc_model_def *def = c->def;
  def->buffers = sd_alloc(c, v.len, sizeof *def->buffers, &ok);
  if (!ok) return -1;
  def->n_buffers = (int32_t)v.len;
  for (uint32_t i = 0; i < v.len; i++) {
    tflc_buffer_def *b = &def->buffers[i];
    fb_table bt;
    uint64_t off, size;
    sd_where(c, "buffer %u", i);
    if (fb_vec_table(&c->r, &v, i, &bt) != 0)
      return sd_fail(c, "table is malformed (bad offset or vtable)");
    if (sd_bytes(c, &bt, 0, "data", &b->data, &b->size) ||
        sd_u64(c, &bt, 1, "offset", 0, &off) ||
        sd_u64(c, &bt, 2, "size", 0, &size))
      return -1;
    if (b->size > 0 || off <= 1) continue; /* offset is only valid when > 1 */
    if (off > c->r.size || size > c->r.size - off)
      return sd_fail(c,
                     "external data [%llu, +%llu) lies outside the "
                     "%zu-byte file",
                     (unsigned long long)off, (unsigned long long)size,
                     c->r.size);
    b->data = c->r.data + off;
    b->size = (size_t)size;
    b->external = true;
  }
  return 0;
}

static int decode_opcodes(sd_ctx *c, const fb_table *root) {
  fb_vector v;
  int ok;
  sd_where(c, "model");
  int rc = sd_vec(c, root, 1, "operator_codes", 4, &v);
  if (rc <= 0) return rc;
  tflc_model_def *def = c->def;
  def->opcodes = sd_alloc(c, v.len, sizeof *def->opcodes, &ok);
  if (!ok) return -1;
  def->n_opcodes = (int32_t)v.len;
  for (uint32_t i = 0; i < v.len; i++) {
    tflc_opcode_def *oc = &def->opcodes[i];
    fb_table t;
    uint8_t dep;
    uint32_t version, code;
    sd_where(c, "operator code %u", i);
    if (fb_vec_table(&c->r, &v, i, &t) != 0)
      return sd_fail(c, "table is malformed (bad offset or vtable)");
    if (sd_u8(c, &t, 0, "deprecated_builtin_code", 0, &dep) ||
        sd_string(c, &t, 1, "custom_code", NULL, &oc->custom_code) ||
        sd_u32(c, &t, 2, "version", 1, &version) ||
        sd_u32(c, &t, 3, "builtin_code", 0, &code))
      return -1;
    oc->deprecated_builtin_code = (int8_t)dep;
    oc->builtin_code = (int32_t)code;
    oc->version = (int32_t)version;
    oc->effective_code = oc->builtin_code > oc->deprecated_builtin_code
                             ? oc->builtin_code
                             : oc->deprecated_builtin_code;
    if (oc->effective_code < 0)
      return sd_fail(c, "builtin code %d is negative", oc->effective_code);
  }
  return 0;
}

static int decode_subgraphs(sd_ctx *c, const fb_table *root) {
  fb_vector v;
  int ok;
  sd_where(c, "model");
  int rc = sd_vec(c, root, 2, "subgraphs", 4, &v);
  if (rc < 0) return -1;
  if (rc == 0 || v.len == 0) return sd_fail(c, "the model has no subgraph");
  tflc_model_def *def = c->def;
  def->subgraphs = sd_alloc(c, v.len, sizeof *def->subgraphs, &ok);
  if (!ok) return -1;
  def->n_subgraphs = (int32_t)v.len;
  for (uint32_t i = 0; i < v.len; i++) {
    fb_table t;
    if (fb_vec_table(&c->r, &v, i, &t) != 0) {
      sd_where(c, "subgraph %u", i);
      return sd_fail(c, "table is malformed (bad offset or vtable)");
    }
    if (sd_decode_subgraph(c, &t, (int)i, &def->subgraphs[i])) return -1;
  }
  return 0;
}

static int decode_metadata(sd_ctx *c, const fb_table *root) {
  tflc_model_def *def = c->def;
  fb_vector v;
  int ok;
  sd_where(c, "model");
  if (sd_vec_i32(c, root, 5, "metadata_buffer", &def->metadata_buffer,
                 &def->n_metadata_buffer, NULL))
    return -1;
  for (int32_t i = 0; i < def->n_metadata_buffer; i++)
    if (def->metadata_buffer[i] < 0 ||
        def->metadata_buffer[i] >= def->n_buffers)
      return sd_fail(c,
                     "metadata_buffer %d refers to buffer %d; the model "
                     "has %d buffers",
                     i, def->metadata_buffer[i], def->n_buffers);
  int rc = sd_vec(c, root, 6, "metadata", 4, &v);
  if (rc <= 0) return rc;
  def->metadata = sd_alloc(c, v.len, sizeof *def->metadata, &ok);
  if (!ok) return -1;
  def->n_metadata = (int32_t)v.len;
  for (uint32_t i = 0; i < v.len; i++) {
    tflc_metadata_def *m = &def->metadata[i];
    fb_table t;
    sd_where(c, "metadata %u", i);
    if (fb_vec_table(&c->r, &v, i, &t) != 0)
      return sd_fail(c, "table is malformed (bad offset or vtable)");
    if (sd_string(c, &t, 0, "name", "", &m->name) ||
        sd_u32(c, &t, 1, "buffer", 0, &m->buffer))
      return -1;
    if (m->buffer >= (uint32_t)def->n_buffers)
      return sd_fail(c,
                     "(\"%.64s\") refers to buffer %u; the model has %d "
                     "buffers",
                     m->name, m->buffer, def->n_buffers);
  }
  return 0;
}

static int decode_tensor_maps(sd_ctx *c, const fb_table *st, int id,
                              const char *what, const tflc_subgraph_def *sg,
                              tflc_tensor_map_def **out, int32_t *n) {
  fb_vector v;
  int ok;
  int rc = sd_vec(c, st, id, what, 4, &v);
  if (rc <= 0) return rc;
  tflc_tensor_map_def *maps = sd_alloc(c, v.len, sizeof *maps, &ok);
  if (!ok) return -1;
  *out = maps;
  *n = (int32_t)v.len;
  for (uint32_t i = 0; i < v.len; i++) {
    fb_table t;
    if (fb_vec_table(&c->r, &v, i, &t) != 0)
      return sd_fail(c, "%s %u is malformed", what, i);
    if (sd_string(c, &t, 0, "name", "", &maps[i].name) ||
        sd_u32(c, &t, 1, "tensor_index", 0, &maps[i].tensor_index))
      return -1;
    if (maps[i].tensor_index >= (uint32_t)sg->n_tensors)
      return sd_fail(c,
                     "%s %u (\"%.64s\") refers to tensor %u; its subgraph "
                     "has %d tensors",
                     what, i, maps[i].name, maps[i].tensor_index,
                     sg->n_tensors);
  }
  return 0;
}

static int decode_signatures(sd_ctx *c, const fb_table *root) {
  tflc_model_def *def = c->def;
  fb_vector v;
  int ok;
  sd_where(c, "model");
  int rc = sd_vec(c, root, 7, "signature_defs", 4, &v);
  if (rc <= 0) return rc;
  def->signatures = sd_alloc(c, v.len, sizeof *def->signatures, &ok);
  if (!ok) return -1;
  def->n_signatures = (int32_t)v.len;
  for (uint32_t i = 0; i < v.len; i++) {
    tflc_signature_def *s = &def->signatures[i];
    fb_table t;
    sd_where(c, "signature %u", i);
    if (fb_vec_table(&c->r, &v, i, &t) != 0)
      return sd_fail(c, "table is malformed (bad offset or vtable)");
    if (sd_string(c, &t, 2, "signature_key", "", &s->key) ||
        sd_u32(c, &t, 4, "subgraph_index", 0, &s->subgraph_index))
      return -1;
    sd_where(c, "signature %u (\"%.64s\")", i, s->key);
    if (s->subgraph_index >= (uint32_t)def->n_subgraphs)
      return sd_fail(c,
                     "subgraph_index %u is out of range; the model has %d "
                     "subgraphs",
                     s->subgraph_index, def->n_subgraphs);
    const tflc_subgraph_def *sg = &def->subgraphs[s->subgraph_index];
    if (decode_tensor_maps(c, &t, 0, "input", sg, &s->inputs, &s->n_inputs) ||
        decode_tensor_maps(c, &t, 1, "output", sg, &s->outputs, &s->n_outputs))
      return -1;
  }
  return 0;
}

/* File size, identifier and root table. */
static int check_header(sd_ctx *c, fb_table *root) {
  sd_where(c, "model");
  if (c->r.size < 8)
    return sd_fail(c, "not a TFLite FlatBuffer (file too small: %zu bytes)",
                   c->r.size);
  const uint8_t *id = c->r.data + 4;
  bool zero_id = id[0] == 0 && id[1] == 0 && id[2] == 0 && id[3] == 0;
  if (memcmp(id, "TFL3", 4) != 0 && !zero_id) {
    char shown[5];
    for (int i = 0; i < 4; i++)
      shown[i] = (id[i] >= 32 && id[i] < 127) ? (char)id[i] : '?';
    shown[4] = 0;
    return sd_fail(c,
                   "not a TFLite FlatBuffer (identifier \"%s\", expected "
                   "\"TFL3\")",
                   shown);
  }
  if (fb_root(&c->r, root) != 0)
    return sd_fail(c,
                   "not a TFLite FlatBuffer (bad root offset or root "
                   "vtable)");
  return 0;
}

static int decode_model(sd_ctx *c) {
  fb_table root;
  tflc_model_def *def = c->def;
  if (check_header(c, &root)) return -1;
  if (sd_u32(c, &root, 0, "version", 0, &def->version) ||
      sd_string(c, &root, 3, "description", NULL, &def->description))
    return -1;
  if (decode_buffers(c, &root) || decode_opcodes(c, &root) ||
      decode_subgraphs(c, &root) || decode_metadata(c, &root) ||
      decode_signatures(c, &root))
    return -1;
  return 0;
}

int schema_decode(const uint8_t *data, size_t size, const tflc_allocator *alloc,
                  tflc_model_def *out, char *err, size_t err_size) {
  sd_ctx c;
  memset(&c, 0, sizeof c);
  memset(out, 0, sizeof *out);
  if (err && err_size) err[0] = 0;
  c.r.data = data;
  c.r.size = data ? size : 0;
  c.alloc = alloc;
  c.err = err;
  c.err_size = err_size;
  c.def = out;
  /* Bounded memory even when many tables share one big vector. */
  c.budget = (c.r.size > (SIZE_MAX / 4 - (1u << 20)) / 64)
                 ? SIZE_MAX / 4
                 : c.r.size * 64 + (1u << 20);
  out->file = data;
  out->file_size = c.r.size;
  if (decode_model(&c) != 0) {
    if (err && err_size && !err[0]) snprintf(err, err_size, "model: invalid");
    sd_arena_free(alloc, c.chunks);
    memset(out, 0, sizeof *out);
    return -1;
  }
  out->storage = c.chunks;
  return 0;
}

void schema_def_free(tflc_model_def *def, const tflc_allocator *alloc) {
  if (!def) return;
  sd_arena_free(alloc, (struct sd_chunk *)def->storage);
  memset(def, 0, sizeof *def);
}
