/* Decoding and verifying one Tensor table: shape, type, buffer reference and
 * constant data size, quantization parameters and sparsity parameters. */
#include <stdio.h>
#include <string.h>

#include "schema/schema.h"
#include "schema/schema_decode_internal.h"

#define MAX_ELEMS ((size_t)0x7fffffff)

/* BlockwiseQuantization { scales:int; zero_points:int; block_size:int } and
 * MultiAxisQuantization { the same; quantized_dimensions:[int] }. The tensor
 * indices are checked once the subgraph's tensor count is known. */
static int decode_blockwise(sd_ctx *c, const fb_table *dt, tflc_quant_def *q) {
  uint32_t scales, zps, block;
  if (sd_u32(c, dt, 0, "quantization.details.scales", 0, &scales) ||
      sd_u32(c, dt, 1, "quantization.details.zero_points", 0, &zps) ||
      sd_u32(c, dt, 2, "quantization.details.block_size", 0, &block))
    return -1;
  q->details_scales = (int32_t)scales;
  q->details_zero_points = (int32_t)zps;
  q->details_block_size = (int32_t)block;
  if (q->details_block_size < 0)
    return sd_fail(c, "quantization block_size %d is negative",
                   q->details_block_size);
  if (q->details_type == 3 &&
      sd_vec_i32(c, dt, 3, "quantization.details.quantized_dimensions",
                 &q->quantized_dimensions, &q->n_quantized_dimensions, NULL))
    return -1;
  return 0;
}

static int decode_quant(sd_ctx *c, const fb_table *qt, tflc_tensor_def *td) {
  int ok;
  tflc_quant_def *q = sd_alloc(c, 1, sizeof *q, &ok);
  if (!ok) return -1;
  td->quant = q;
  uint32_t qdim;
  uint8_t dtype;
  if (sd_vec_f32(c, qt, 0, "quantization.min", &q->min, &q->n_min) ||
      sd_vec_f32(c, qt, 1, "quantization.max", &q->max, &q->n_max) ||
      sd_vec_f32(c, qt, 2, "quantization.scale", &q->scale, &q->n_scale) ||
      sd_vec_i64(c, qt, 3, "quantization.zero_point", &q->zero_point,
                 &q->n_zero_point) ||
      sd_u8(c, qt, 4, "quantization.details_type", 0, &dtype) ||
      sd_u32(c, qt, 6, "quantization.quantized_dimension", 0, &qdim))
    return -1;
  q->details_type = dtype;
  q->quantized_dimension = (int32_t)qdim;
  if (q->quantized_dimension < 0)
    return sd_fail(c, "quantized_dimension %d is negative",
                   q->quantized_dimension);
  if (q->n_zero_point != 0 && q->n_zero_point != 1 &&
      q->n_zero_point != q->n_scale)
    return sd_fail(c,
                   "quantization has %d zero points for %d scales (must be "
                   "0, 1 or as many as scales)",
                   q->n_zero_point, q->n_scale);
  fb_table dt;
  int rc = sd_table(c, qt, 5, "quantization.details", &dt);
  if (rc < 0) return -1;
  if (rc == 1 && dtype == 1) { /* CustomQuantization { custom:[ubyte] } */
    size_t size;
    if (sd_bytes(c, &dt, 0, "quantization.details.custom", &q->custom, &size))
      return -1;
    if (size > UINT32_MAX) return sd_fail(c, "custom quantization too large");
    q->custom_size = (uint32_t)size;
  }
  if (rc == 1 && (dtype == 2 || dtype == 3)) return decode_blockwise(c, &dt, q);
  return 0;
}

/* Reads a SparseIndexVector union (Int32Vector / Uint16Vector / Uint8Vector,
 * each { values:[...] }) widened to int32. */
static int decode_index_vec(sd_ctx *c, const fb_table *dm, int type_id,
                            const char *name, uint8_t *type_out, int32_t **out,
                            int32_t *n) {
  uint8_t type;
  fb_table vt;
  if (sd_u8(c, dm, type_id, name, 0, &type)) return -1;
  *type_out = type;
  int rc = sd_table(c, dm, type_id + 1, name, &vt);
  if (rc < 0) return -1;
  if (type == 0 || rc == 0) return 0;
  static const size_t widths[4] = {0, 4, 2, 1};
  if (type > 3) return sd_fail(c, "%s has unknown index type %u", name, type);
  fb_vector v;
  rc = sd_vec(c, &vt, 0, name, widths[type], &v);
  if (rc <= 0) return rc;
  int ok;
  int32_t *a = sd_alloc(c, v.len, 4, &ok);
  if (!ok) return -1;
  for (uint32_t i = 0; i < v.len; i++) {
    size_t pos = v.pos + (size_t)i * widths[type];
    a[i] = type == 1   ? (int32_t)fb_load_u32(&c->r, pos)
           : type == 2 ? (int32_t)fb_load_u16(&c->r, pos)
                       : (int32_t)fb_load_u8(&c->r, pos);
  }
  *out = a;
  *n = (int32_t)v.len;
  return 0;
}

static int decode_sparsity(sd_ctx *c, const fb_table *st, tflc_tensor_def *td) {
  int ok;
  tflc_sparsity_def *s = sd_alloc(c, 1, sizeof *s, &ok);
  if (!ok) return -1;
  td->sparsity = s;
  if (sd_vec_i32(c, st, 0, "sparsity.traversal_order", &s->traversal_order,
                 &s->n_traversal_order, NULL) ||
      sd_vec_i32(c, st, 1, "sparsity.block_map", &s->block_map, &s->n_block_map,
                 NULL))
    return -1;
  fb_vector v;
  int rc = sd_vec(c, st, 2, "sparsity.dim_metadata", 4, &v);
  if (rc <= 0) return rc;
  s->dim_metadata = sd_alloc(c, v.len, sizeof *s->dim_metadata, &ok);
  if (!ok) return -1;
  s->n_dim_metadata = (int32_t)v.len;
  for (uint32_t i = 0; i < v.len; i++) {
    tflc_dim_metadata_def *d = &s->dim_metadata[i];
    fb_table dm;
    uint8_t fmt;
    uint32_t dense;
    if (fb_vec_table(&c->r, &v, i, &dm) != 0)
      return sd_fail(c, "sparsity.dim_metadata[%u] is malformed", i);
    if (sd_u8(c, &dm, 0, "dim_metadata.format", 0, &fmt) ||
        sd_u32(c, &dm, 1, "dim_metadata.dense_size", 0, &dense) ||
        decode_index_vec(c, &dm, 2, "dim_metadata.array_segments",
                         &d->segments_type, &d->segments, &d->n_segments) ||
        decode_index_vec(c, &dm, 4, "dim_metadata.array_indices",
                         &d->indices_type, &d->indices, &d->n_indices))
      return -1;
    d->format = (int8_t)fmt;
    d->dense_size = (int32_t)dense;
  }
  return 0;
}

/* "[8,3,3,3]" into buf. */
static void format_shape(const tflc_tensor_def *td, char *buf, size_t size) {
  size_t n = 0;
  buf[0] = 0;
  n += (size_t)snprintf(buf, size, "[");
  for (int32_t i = 0; i < td->rank && n < size; i++)
    n += (size_t)snprintf(buf + n, size - n, i ? ",%d" : "%d", td->shape[i]);
  if (n < size) snprintf(buf + n, size - n, "]");
}

/* Element count and byte size of the tensor, overflow-checked. */
static int check_shape_and_data(sd_ctx *c, tflc_tensor_def *td) {
  char shape[96];
  size_t elems = 1;
  for (int32_t i = 0; i < td->rank; i++) {
    if (td->shape[i] < 0)
      return sd_fail(c, "shape dimension %d is %d (negative)", i, td->shape[i]);
    if (__builtin_mul_overflow(elems, (size_t)td->shape[i], &elems) ||
        elems > MAX_ELEMS) {
      format_shape(td, shape, sizeof shape);
      return sd_fail(c, "shape %s has more than 2^31-1 elements", shape);
    }
  }
  int esize = schema_tensor_type_size(td->type);
  if (esize < 0) return sd_fail(c, "unknown tensor type %d", td->type);
  if (c->def->n_buffers == 0) return 0;
  const tflc_buffer_def *b = &c->def->buffers[td->buffer];
  if (b->size == 0 || td->sparsity || td->type == TFLC_TT_STRING ||
      td->type == TFLC_TT_RESOURCE || td->type == TFLC_TT_VARIANT)
    return 0;
  size_t need;
  if (td->type == TFLC_TT_INT4 || td->type == TFLC_TT_UINT4)
    need = elems / 2 + (elems & 1);
  else if (td->type == TFLC_TT_INT2)
    need = elems / 4 + ((elems & 3) != 0);
  else
    need = elems * (size_t)esize; /* elems < 2^31, esize <= 16: no overflow */
  if (need != b->size) {
    format_shape(td, shape, sizeof shape);
    return sd_fail(c, "buffer %u holds %zu bytes but shape %s of %s needs %zu",
                   td->buffer, b->size, shape,
                   schema_tensor_type_name(td->type), need);
  }
  return 0;
}

int sd_decode_tensor(sd_ctx *c, const fb_table *t, int sg, int index,
                     tflc_tensor_def *td) {
  sd_where(c, "subgraph %d tensor %d", sg, index);
  if (sd_string(c, t, 3, "name", "", &td->name)) return -1;
  sd_where(c, "subgraph %d tensor %d (\"%.80s\")", sg, index, td->name);
  uint8_t type, is_var, has_rank;
  uint32_t buffer;
  if (sd_vec_i32(c, t, 0, "shape", &td->shape, &td->rank, NULL) ||
      sd_u8(c, t, 1, "type", 0, &type) ||
      sd_u32(c, t, 2, "buffer", 0, &buffer) ||
      sd_u8(c, t, 5, "is_variable", 0, &is_var) ||
      sd_vec_i32(c, t, 7, "shape_signature", &td->shape_signature,
                 &td->n_shape_signature, &td->has_shape_signature) ||
      sd_u8(c, t, 8, "has_rank", 0, &has_rank))
    return -1;
  td->type = (int8_t)type;
  td->buffer = buffer;
  td->is_variable = is_var != 0;
  td->has_rank = has_rank != 0;
  /* A model without buffers may still use buffer 0 (= no data). */
  if (buffer >= (uint32_t)c->def->n_buffers &&
      !(buffer == 0 && c->def->n_buffers == 0))
    return sd_fail(c, "buffer %u is out of range; the model has %d buffers",
                   buffer, c->def->n_buffers);
  for (int32_t i = 0; i < td->n_shape_signature; i++)
    if (td->shape_signature[i] < -1)
      return sd_fail(c, "shape_signature dimension %d is %d", i,
                     td->shape_signature[i]);
  fb_table sub;
  int rc = sd_table(c, t, 4, "quantization", &sub);
  if (rc < 0 || (rc == 1 && decode_quant(c, &sub, td))) return -1;
  rc = sd_table(c, t, 6, "sparsity", &sub);
  if (rc < 0 || (rc == 1 && decode_sparsity(c, &sub, td))) return -1;
  return check_shape_and_data(c, td);
}
