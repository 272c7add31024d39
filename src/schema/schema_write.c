/* schema_write(): serializes a tflc_model_def into .tflite bytes (file
 * identifier "TFL3"), buffers inline as 16-byte aligned data vectors. Field
 * ids are those of schema.fbs (Model, SubGraph, Tensor, Operator, ...). */
#include <stdio.h>
#include <string.h>

#include "schema/schema.h"
#include "schema/schema_write_internal.h"

typedef struct sw_ctx {
  fb_builder b;
  const tflc_allocator *alloc;
  char *err;
  size_t err_size;
  bool failed; /* err holds a message */
} sw_ctx;

static fb_ref str(sw_ctx *w, const char *s) {
  return s ? fb_create_string(&w->b, s, strlen(s)) : 0;
}

static fb_ref vec_i32(sw_ctx *w, const int32_t *a, int32_t n) {
  return fb_create_vector(&w->b, a, n > 0 ? (size_t)n : 0, 4, 4);
}

/* A vector of n tables, each made by make(w, ctx, i). */
typedef fb_ref (*make_fn)(sw_ctx *w, const void *ctx, int32_t i);

static fb_ref table_vec(sw_ctx *w, int32_t n, make_fn make, const void *ctx) {
  if (n <= 0) return fb_create_ref_vector(&w->b, NULL, 0);
  fb_ref *refs = tflc_calloc(w->alloc, (size_t)n, sizeof *refs);
  if (!refs) {
    if (!w->failed) snprintf(w->err, w->err_size, "out of memory writing");
    w->failed = true;
    return 0;
  }
  for (int32_t i = 0; i < n && !w->failed && !fb_builder_failed(&w->b); i++)
    refs[i] = make(w, ctx, i);
  fb_ref r = w->failed ? 0 : fb_create_ref_vector(&w->b, refs, (size_t)n);
  tflc_free(w->alloc, refs);
  return r;
}

static fb_ref make_quant(sw_ctx *w, const tflc_quant_def *q) {
  fb_builder *b = &w->b;
  fb_ref mn =
      q->n_min > 0 ? fb_create_vector(b, q->min, (size_t)q->n_min, 4, 4) : 0;
  fb_ref mx =
      q->n_max > 0 ? fb_create_vector(b, q->max, (size_t)q->n_max, 4, 4) : 0;
  fb_ref sc = q->n_scale > 0
                  ? fb_create_vector(b, q->scale, (size_t)q->n_scale, 4, 4)
                  : 0;
  fb_ref zp =
      q->n_zero_point > 0
          ? fb_create_vector(b, q->zero_point, (size_t)q->n_zero_point, 8, 8)
          : 0;
  fb_ref details = 0;
  if (q->details_type == 2 || q->details_type == 3) {
    fb_ref dims = q->details_type == 3 ? vec_i32(w, q->quantized_dimensions,
                                                 q->n_quantized_dimensions)
                                       : 0;
    fb_start_table(b);
    fb_add_i32(b, 0, q->details_scales, 0);
    fb_add_i32(b, 1, q->details_zero_points, 0);
    fb_add_i32(b, 2, q->details_block_size, 0);
    fb_add_ref(b, 3, dims);
    details = fb_end_table(b);
  }
  if (q->details_type == 1) {
    fb_ref custom =
        fb_create_vector(b, q->custom, q->custom ? q->custom_size : 0, 1, 16);
    fb_start_table(b);
    fb_add_ref(b, 0, custom);
    details = fb_end_table(b);
  }
  fb_start_table(b);
  fb_add_ref(b, 0, mn);
  fb_add_ref(b, 1, mx);
  fb_add_ref(b, 2, sc);
  fb_add_ref(b, 3, zp);
  if (details) {
    fb_add_u8(b, 4, q->details_type, 0);
    fb_add_ref(b, 5, details);
  }
  fb_add_i32(b, 6, q->quantized_dimension, 0);
  return fb_end_table(b);
}

/* SparseIndexVector: type 1 Int32Vector, 2 Uint16Vector, 3 Uint8Vector. */
static fb_ref make_index_vec(sw_ctx *w, uint8_t *type, const int32_t *a,
                             int32_t n) {
  if (*type == 0 && n == 0) return 0;
  if (*type == 0 || *type > 3) *type = 1;
  size_t count = n > 0 ? (size_t)n : 0;
  static const size_t widths[4] = {0, 4, 2, 1};
  size_t wd = widths[*type];
  uint8_t *tmp = count ? tflc_alloc(w->alloc, count * wd) : NULL;
  if (count && !tmp) {
    snprintf(w->err, w->err_size, "out of memory writing sparsity");
    w->failed = true;
    return 0;
  }
  for (size_t i = 0; i < count; i++) {
    if (wd == 2) {
      uint16_t v = (uint16_t)a[i];
      memcpy(tmp + i * 2, &v, 2);
    } else if (wd == 1) {
      tmp[i] = (uint8_t)a[i];
    } else {
      memcpy(tmp + i * 4, &a[i], 4);
    }
  }
  fb_ref v = fb_create_vector(&w->b, tmp, count, wd, 4);
  tflc_free(w->alloc, tmp);
  fb_start_table(&w->b);
  fb_add_ref(&w->b, 0, v);
  return fb_end_table(&w->b);
}

static fb_ref make_dim(sw_ctx *w, const void *ctx, int32_t i) {
  const tflc_dim_metadata_def *d =
      &((const tflc_sparsity_def *)ctx)->dim_metadata[i];
  uint8_t st = d->segments_type, it = d->indices_type;
  fb_ref seg = make_index_vec(w, &st, d->segments, d->n_segments);
  fb_ref idx = make_index_vec(w, &it, d->indices, d->n_indices);
  fb_builder *b = &w->b;
  fb_start_table(b);
  fb_add_i8(b, 0, d->format, 0);
  fb_add_i32(b, 1, d->dense_size, 0);
  if (seg) {
    fb_add_u8(b, 2, st, 0);
    fb_add_ref(b, 3, seg);
  }
  if (idx) {
    fb_add_u8(b, 4, it, 0);
    fb_add_ref(b, 5, idx);
  }
  return fb_end_table(b);
}

static fb_ref make_sparsity(sw_ctx *w, const tflc_sparsity_def *s) {
  fb_ref order = vec_i32(w, s->traversal_order, s->n_traversal_order);
  fb_ref bmap =
      s->n_block_map > 0 ? vec_i32(w, s->block_map, s->n_block_map) : 0;
  fb_ref dims = table_vec(w, s->n_dim_metadata, make_dim, s);
  fb_builder *b = &w->b;
  fb_start_table(b);
  fb_add_ref(b, 0, order);
  fb_add_ref(b, 1, bmap);
  fb_add_ref(b, 2, dims);
  return fb_end_table(b);
}

static fb_ref make_tensor(sw_ctx *w, const void *ctx, int32_t i) {
  const tflc_tensor_def *t = &((const tflc_subgraph_def *)ctx)->tensors[i];
  fb_ref shape = vec_i32(w, t->shape, t->rank);
  fb_ref sig = t->has_shape_signature
                   ? vec_i32(w, t->shape_signature, t->n_shape_signature)
                   : 0;
  fb_ref name = str(w, t->name);
  fb_ref quant = t->quant ? make_quant(w, t->quant) : 0;
  fb_ref sparsity = t->sparsity ? make_sparsity(w, t->sparsity) : 0;
  fb_builder *b = &w->b;
  fb_start_table(b);
  fb_add_ref(b, 0, shape);
  fb_add_i8(b, 1, t->type, 0);
  fb_add_u32(b, 2, t->buffer, 0);
  fb_add_ref(b, 3, name);
  fb_add_ref(b, 4, quant);
  fb_add_bool(b, 5, t->is_variable, false);
  fb_add_ref(b, 6, sparsity);
  fb_add_ref(b, 7, sig);
  fb_add_bool(b, 8, t->has_rank, false);
  return fb_end_table(b);
}

static fb_ref make_operator(sw_ctx *w, const void *ctx, int32_t i) {
  const tflc_operator_def *op = &((const tflc_subgraph_def *)ctx)->operators[i];
  fb_builder *b = &w->b;
  uint8_t t1, t2;
  fb_ref o1, o2;
  if (sw_options(b, op, false, &t1, &o1, w->err, w->err_size) ||
      sw_options(b, op, true, &t2, &o2, w->err, w->err_size)) {
    w->failed = true;
    return 0;
  }
  fb_ref in = vec_i32(w, op->inputs, op->n_inputs);
  fb_ref out = vec_i32(w, op->outputs, op->n_outputs);
  fb_ref inter = op->n_intermediates > 0
                     ? vec_i32(w, op->intermediates, op->n_intermediates)
                     : 0;
  fb_ref custom = op->custom_options
                      ? fb_create_vector(b, op->custom_options,
                                         op->custom_options_size, 1, 4)
                      : 0;
  fb_ref mut = 0;
  if (op->n_mutating_variable_inputs > 0) {
    size_t n = (size_t)op->n_mutating_variable_inputs;
    uint8_t *tmp = tflc_alloc(w->alloc, n);
    if (!tmp) {
      snprintf(w->err, w->err_size, "out of memory writing an operator");
      w->failed = true;
      return 0;
    }
    for (size_t k = 0; k < n; k++) tmp[k] = op->mutating_variable_inputs[k];
    mut = fb_create_vector(b, tmp, n, 1, 4);
    tflc_free(w->alloc, tmp);
  }
  fb_start_table(b);
  fb_add_u32(b, 0, op->opcode_index, 0);
  fb_add_ref(b, 1, in);
  fb_add_ref(b, 2, out);
  fb_add_u8(b, 3, t1, 0);
  fb_add_ref(b, 4, o1);
  fb_add_ref(b, 5, custom);
  fb_add_ref(b, 7, mut);
  fb_add_ref(b, 8, inter);
  fb_add_u8(b, 11, t2, 0);
  fb_add_ref(b, 12, o2);
  return fb_end_table(b);
}

static fb_ref make_subgraph(sw_ctx *w, const void *ctx, int32_t i) {
  const tflc_subgraph_def *sg = &((const tflc_model_def *)ctx)->subgraphs[i];
  fb_ref tensors = table_vec(w, sg->n_tensors, make_tensor, sg);
  fb_ref ops = table_vec(w, sg->n_operators, make_operator, sg);
  fb_ref in = vec_i32(w, sg->inputs, sg->n_inputs);
  fb_ref out = vec_i32(w, sg->outputs, sg->n_outputs);
  fb_ref name = str(w, sg->name);
  fb_builder *b = &w->b;
  fb_start_table(b);
  fb_add_ref(b, 0, tensors);
  fb_add_ref(b, 1, in);
  fb_add_ref(b, 2, out);
  fb_add_ref(b, 3, ops);
  fb_add_ref(b, 4, name);
  return fb_end_table(b);
}

static fb_ref make_opcode(sw_ctx *w, const void *ctx, int32_t i) {
  const tflc_opcode_def *oc = &((const tflc_model_def *)ctx)->opcodes[i];
  int8_t dep = oc->deprecated_builtin_code;
  /* Old runtimes only read the byte field: fill it when left at 0. */
  if (dep == 0 && oc->builtin_code > 0)
    dep = (int8_t)(oc->builtin_code < 127 ? oc->builtin_code : 127);
  fb_ref custom = str(w, oc->custom_code);
  fb_builder *b = &w->b;
  fb_start_table(b);
  fb_add_i8(b, 0, dep, 0);
  fb_add_ref(b, 1, custom);
  fb_add_i32(b, 2, oc->version, 1);
  fb_add_i32(b, 3, oc->builtin_code, 0);
  return fb_end_table(b);
}

static fb_ref make_buffer(sw_ctx *w, const void *ctx, int32_t i) {
  const tflc_buffer_def *buf = &((const tflc_model_def *)ctx)->buffers[i];
  /* A present but empty data vector is kept: TensorFlow Lite treats its
   * tensor as a (zero-sized) constant, unlike a buffer without data. */
  fb_ref data =
      buf->data ? fb_create_vector(&w->b, buf->data, buf->size, 1, 16) : 0;
  fb_start_table(&w->b);
  fb_add_ref(&w->b, 0, data);
  return fb_end_table(&w->b);
}

static fb_ref make_metadata(sw_ctx *w, const void *ctx, int32_t i) {
  const tflc_metadata_def *m = &((const tflc_model_def *)ctx)->metadata[i];
  fb_ref name = str(w, m->name);
  fb_start_table(&w->b);
  fb_add_ref(&w->b, 0, name);
  fb_add_u32(&w->b, 1, m->buffer, 0);
  return fb_end_table(&w->b);
}

static fb_ref make_tensor_map(sw_ctx *w, const void *ctx, int32_t i) {
  const tflc_tensor_map_def *m = &((const tflc_tensor_map_def *)ctx)[i];
  fb_ref name = str(w, m->name);
  fb_start_table(&w->b);
  fb_add_ref(&w->b, 0, name);
  fb_add_u32(&w->b, 1, m->tensor_index, 0);
  return fb_end_table(&w->b);
}

static fb_ref make_signature(sw_ctx *w, const void *ctx, int32_t i) {
  const tflc_signature_def *s = &((const tflc_model_def *)ctx)->signatures[i];
  fb_ref in = table_vec(w, s->n_inputs, make_tensor_map, s->inputs);
  fb_ref out = table_vec(w, s->n_outputs, make_tensor_map, s->outputs);
  fb_ref key = str(w, s->key);
  fb_start_table(&w->b);
  fb_add_ref(&w->b, 0, in);
  fb_add_ref(&w->b, 1, out);
  fb_add_ref(&w->b, 2, key);
  fb_add_u32(&w->b, 4, s->subgraph_index, 0);
  return fb_end_table(&w->b);
}

static fb_ref make_model(sw_ctx *w, const tflc_model_def *def) {
  fb_ref buffers = table_vec(w, def->n_buffers, make_buffer, def);
  fb_ref opcodes = table_vec(w, def->n_opcodes, make_opcode, def);
  fb_ref subgraphs = table_vec(w, def->n_subgraphs, make_subgraph, def);
  fb_ref desc = str(w, def->description);
  fb_ref mbuf = def->n_metadata_buffer > 0
                    ? vec_i32(w, def->metadata_buffer, def->n_metadata_buffer)
                    : 0;
  fb_ref meta = def->n_metadata > 0
                    ? table_vec(w, def->n_metadata, make_metadata, def)
                    : 0;
  fb_ref sigs = def->n_signatures > 0
                    ? table_vec(w, def->n_signatures, make_signature, def)
                    : 0;
  if (w->failed) return 0;
  fb_builder *b = &w->b;
  fb_start_table(b);
  fb_add_scalar(b, 0, 4, def->version, 0, true);
  fb_add_ref(b, 1, opcodes);
  fb_add_ref(b, 2, subgraphs);
  fb_add_ref(b, 3, desc);
  fb_add_ref(b, 4, buffers);
  fb_add_ref(b, 5, mbuf);
  fb_add_ref(b, 6, meta);
  fb_add_ref(b, 7, sigs);
  return fb_end_table(b);
}

int schema_write(const tflc_model_def *def, const tflc_allocator *alloc,
                 uint8_t **out, size_t *out_size, char *err, size_t err_size) {
  char local[256];
  sw_ctx w;
  memset(&w, 0, sizeof w);
  w.alloc = alloc;
  w.err = err && err_size ? err : local;
  w.err_size = err && err_size ? err_size : sizeof local;
  w.err[0] = 0;
  *out = NULL;
  *out_size = 0;
  fb_builder_init(&w.b, alloc);
  fb_ref root = make_model(&w, def);
  int rc = -1;
  if (!w.failed) rc = fb_builder_finish(&w.b, root, "TFL3", out, out_size);
  if (rc != 0 && !w.failed)
    snprintf(w.err, w.err_size, "schema_write: %s", w.b.err);
  else if (rc != 0) {
    char tmp[256];
    snprintf(tmp, sizeof tmp, "schema_write: %s", w.err);
    snprintf(w.err, w.err_size, "%s", tmp);
  }
  fb_builder_free(&w.b);
  return rc;
}
