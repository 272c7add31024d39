/* Unit tests of the schema layer: FlatBuffers builder/reader, schema_write ->
 * schema_decode round trips of hand-built models (every field), options
 * reading, refusal of malformed models (with messages naming the place), a
 * byte-flip robustness loop, and decoding + re-serializing every real model
 * under /work/shared/models. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../support/check.h"
#include "schema/fb_builder.h"
#include "schema/fb_reader.h"
#include "schema/options.h"
#include "schema/options_desc.h"
#include "schema/schema.h"

#define MODELS_DIR "/work/shared/models"

/* ---------- a hand-built model covering every field ---------- */

static float k_w_data[4] = {1.5f, -2.0f, 3.25f, 0.0f};
static int8_t k_q_data[8] = {1, -2, 3, -4, 5, -6, 0, 0};
static uint8_t k_meta_data[3] = {'a', 'b', 'c'};
static uint8_t k_sparse_data[3] = {7, 8, 9};
static uint8_t k_custom[5] = {1, 2, 3, 4, 5};
static uint8_t k_attrs[3] = {9, 8, 7};
static int32_t k_new_shape[3] = {2, -1, 4};

typedef struct sample {
  tflc_model_def def;
  tflc_buffer_def buffers[6];
  tflc_opcode_def opcodes[5];
  tflc_subgraph_def subgraphs[3];
  tflc_tensor_def t0[6], t1[2], t2[2];
  int32_t shape_a[2], shape_q[2], shape_s[2], sig_a[2], shape_c[1];
  int32_t sg0_in[1], sg0_out[1], sg1_io[1], sg2_io[1];
  tflc_operator_def ops0[4], ops1[1];
  int32_t op0_in[3], op0_out[1], op1_in[2], op1_out[1], op2_in[1], op2_out[1];
  int32_t op3_in[1], op3_out[1], op3_inter[1], ops1_in[2], ops1_out[1];
  bool mut[2];
  tflc_opt_field add_opts[2], while_opts[2], comp_opts[3], resh_opts[1];
  tflc_quant_def q_axis, q_plain;
  float scales[2], qmin[1], qmax[1], pscale[1];
  int64_t zps[2], pzp[1];
  tflc_sparsity_def sp;
  tflc_dim_metadata_def dims[2];
  int32_t order[2], seg[2], idx[3];
  tflc_signature_def sigs[2];
  tflc_tensor_map_def sig_in[1], sig_out[1], sig2_in[1];
  tflc_metadata_def meta[1];
  int32_t meta_buf[1];
} sample;

static void make_tensor(tflc_tensor_def *t, const char *name, int8_t type,
                        int32_t *shape, int32_t rank, uint32_t buffer) {
  memset(t, 0, sizeof *t);
  t->name = name;
  t->type = type;
  t->shape = shape;
  t->rank = rank;
  t->buffer = buffer;
  t->has_rank = true;
}

static void build_sample_tensors(sample *s) {
  s->shape_a[0] = 2;
  s->shape_a[1] = 2;
  s->shape_q[0] = 2;
  s->shape_q[1] = 3;
  s->shape_s[0] = 1;
  s->shape_s[1] = 3;
  s->shape_c[0] = 1;
  s->sig_a[0] = -1;
  s->sig_a[1] = 2;
  make_tensor(&s->t0[0], "input", TFLC_TT_FLOAT32, s->shape_a, 2, 0);
  s->t0[0].has_shape_signature = true;
  s->t0[0].shape_signature = s->sig_a;
  s->t0[0].n_shape_signature = 2;
  make_tensor(&s->t0[1], "weights", TFLC_TT_FLOAT32, s->shape_a, 2, 1);
  make_tensor(&s->t0[2], "qweights", TFLC_TT_INT8, s->shape_q, 2, 2);
  s->scales[0] = 0.5f;
  s->scales[1] = 0.25f;
  s->zps[0] = 0;
  s->zps[1] = -3;
  s->q_axis = (tflc_quant_def){.scale = s->scales,
                               .n_scale = 2,
                               .zero_point = s->zps,
                               .n_zero_point = 2,
                               .quantized_dimension = 0};
  s->t0[2].quant = &s->q_axis;
  make_tensor(&s->t0[3], "output", TFLC_TT_FLOAT32, s->shape_a, 2, 0);
  s->qmin[0] = -1.0f;
  s->qmax[0] = 2.0f;
  s->pscale[0] = 0.125f;
  s->pzp[0] = 5;
  s->q_plain = (tflc_quant_def){.scale = s->pscale,
                                .n_scale = 1,
                                .zero_point = s->pzp,
                                .n_zero_point = 1,
                                .min = s->qmin,
                                .n_min = 1,
                                .max = s->qmax,
                                .n_max = 1,
                                .details_type = 1,
                                .custom = k_custom,
                                .custom_size = 5};
  s->t0[3].quant = &s->q_plain;
  s->t0[3].is_variable = true;
  make_tensor(&s->t0[4], "sparse", TFLC_TT_UINT8, s->shape_s, 2, 4);
  s->order[0] = 0;
  s->order[1] = 1;
  s->seg[0] = 0;
  s->seg[1] = 3;
  s->idx[0] = 0;
  s->idx[1] = 1;
  s->idx[2] = 2;
  s->dims[0] = (tflc_dim_metadata_def){.format = 0, .dense_size = 1};
  s->dims[1] = (tflc_dim_metadata_def){.format = 1,
                                       .segments = s->seg,
                                       .n_segments = 2,
                                       .segments_type = 2,
                                       .indices = s->idx,
                                       .n_indices = 3,
                                       .indices_type = 3};
  s->sp = (tflc_sparsity_def){.traversal_order = s->order,
                              .n_traversal_order = 2,
                              .dim_metadata = s->dims,
                              .n_dim_metadata = 2};
  s->t0[4].sparsity = &s->sp;
  make_tensor(&s->t0[5], "cond", TFLC_TT_BOOL, s->shape_c, 1, 0);
  make_tensor(&s->t1[0], "c_in", TFLC_TT_FLOAT32, s->shape_a, 2, 0);
  make_tensor(&s->t1[1], "c_out", TFLC_TT_BOOL, NULL, 0, 0);
  make_tensor(&s->t2[0], "b_in", TFLC_TT_FLOAT32, s->shape_a, 2, 0);
  make_tensor(&s->t2[1], "b_out", TFLC_TT_FLOAT32, s->shape_a, 2, 0);
  s->t2[1].has_rank = false;
}

static void set_opt(tflc_opt_field *f, uint16_t id, tflc_opt_kind k, int64_t i,
                    const void *vec, int32_t len) {
  memset(f, 0, sizeof *f);
  f->id = id;
  f->kind = k;
  f->i = i;
  f->vec = vec;
  f->vec_len = len;
}

static void build_sample_ops(sample *s) {
  tflc_operator_def *o = s->ops0;
  memset(s->ops0, 0, sizeof s->ops0);
  memset(s->ops1, 0, sizeof s->ops1);
  /* ADD(input, weights, -1) -> output, AddOptions{RELU6, pot false} */
  s->op0_in[0] = 0;
  s->op0_in[1] = 1;
  s->op0_in[2] = -1;
  s->op0_out[0] = 3;
  o[0] = (tflc_operator_def){.opcode_index = 0,
                             .inputs = s->op0_in,
                             .n_inputs = 3,
                             .outputs = s->op0_out,
                             .n_outputs = 1};
  set_opt(&s->add_opts[0], 0, TFLC_OPT_I8, TFLC_ACT_RELU6, NULL, 0);
  set_opt(&s->add_opts[1], 1, TFLC_OPT_BOOL, 0, NULL, 0);
  o[0].write_options_type = TFLC_BO_ADD;
  o[0].write_options = s->add_opts;
  o[0].n_write_options = 2;
  s->mut[0] = false;
  s->mut[1] = true;
  o[0].mutating_variable_inputs = s->mut;
  o[0].n_mutating_variable_inputs = 2;
  /* WHILE(output) -> output, cond 1, body 2 */
  s->op1_in[0] = 3;
  s->op1_in[1] = 5;
  s->op1_out[0] = 3;
  o[1] = (tflc_operator_def){.opcode_index = 1,
                             .inputs = s->op1_in,
                             .n_inputs = 2,
                             .outputs = s->op1_out,
                             .n_outputs = 1};
  set_opt(&s->while_opts[0], 0, TFLC_OPT_I32, 1, NULL, 0);
  set_opt(&s->while_opts[1], 1, TFLC_OPT_I32, 2, NULL, 0);
  o[1].write_options_type = TFLC_BO_WHILE;
  o[1].write_options = s->while_opts;
  o[1].n_write_options = 2;
  /* custom op with custom options */
  s->op2_in[0] = 4;
  s->op2_out[0] = 3;
  o[2] = (tflc_operator_def){.opcode_index = 2,
                             .inputs = s->op2_in,
                             .n_inputs = 1,
                             .outputs = s->op2_out,
                             .n_outputs = 1,
                             .custom_options = k_custom,
                             .custom_options_size = 5};
  /* STABLEHLO_COMPOSITE with BuiltinOptions2, intermediates */
  s->op3_in[0] = 3;
  s->op3_out[0] = 3;
  s->op3_inter[0] = 2;
  o[3] = (tflc_operator_def){.opcode_index = 3,
                             .inputs = s->op3_in,
                             .n_inputs = 1,
                             .outputs = s->op3_out,
                             .n_outputs = 1,
                             .intermediates = s->op3_inter,
                             .n_intermediates = 1};
  set_opt(&s->comp_opts[0], 0, TFLC_OPT_STRING, 0, "my.composite", 12);
  set_opt(&s->comp_opts[1], 1, TFLC_OPT_I32, 1, NULL, 0);
  set_opt(&s->comp_opts[2], 2, TFLC_OPT_VEC_U8, 0, k_attrs, 3);
  o[3].write_options_type = TFLC_BO2_STABLEHLO_COMPOSITE;
  o[3].write_options_is_options2 = true;
  o[3].write_options = s->comp_opts;
  o[3].n_write_options = 3;
  /* subgraph 1: RESHAPE with new_shape vector */
  s->ops1_in[0] = 0;
  s->ops1_in[1] = -1;
  s->ops1_out[0] = 1;
  s->ops1[0] = (tflc_operator_def){.opcode_index = 4,
                                   .inputs = s->ops1_in,
                                   .n_inputs = 2,
                                   .outputs = s->ops1_out,
                                   .n_outputs = 1};
  set_opt(&s->resh_opts[0], 0, TFLC_OPT_VEC_I32, 0, k_new_shape, 3);
  s->ops1[0].write_options_type = TFLC_BO_RESHAPE;
  s->ops1[0].write_options = s->resh_opts;
  s->ops1[0].n_write_options = 1;
}

static void build_sample(sample *s) {
  memset(s, 0, sizeof *s);
  tflc_model_def *d = &s->def;
  s->buffers[1] = (tflc_buffer_def){(const uint8_t *)k_w_data, 16, false};
  s->buffers[2] = (tflc_buffer_def){(const uint8_t *)k_q_data, 6, false};
  s->buffers[3] = (tflc_buffer_def){k_meta_data, 3, false};
  s->buffers[4] = (tflc_buffer_def){k_sparse_data, 3, false};
  s->opcodes[0] = (tflc_opcode_def){.builtin_code = TFLC_OP_ADD, .version = 2};
  s->opcodes[1] = (tflc_opcode_def){.builtin_code = TFLC_OP_WHILE,
                                    .deprecated_builtin_code = TFLC_OP_WHILE,
                                    .version = 1};
  s->opcodes[2] = (tflc_opcode_def){.builtin_code = TFLC_OP_CUSTOM,
                                    .deprecated_builtin_code = TFLC_OP_CUSTOM,
                                    .custom_code = "MyCustomOp",
                                    .version = 1};
  s->opcodes[3] = (tflc_opcode_def){.builtin_code = TFLC_OP_STABLEHLO_COMPOSITE,
                                    .deprecated_builtin_code = 127,
                                    .version = 1};
  s->opcodes[4] = (tflc_opcode_def){.builtin_code = TFLC_OP_RESHAPE,
                                    .deprecated_builtin_code = TFLC_OP_RESHAPE,
                                    .version = 1};
  for (int i = 0; i < 5; i++) {
    tflc_opcode_def *oc = &s->opcodes[i];
    oc->effective_code = oc->builtin_code > oc->deprecated_builtin_code
                             ? oc->builtin_code
                             : oc->deprecated_builtin_code;
  }
  build_sample_tensors(s);
  build_sample_ops(s);
  s->sg0_in[0] = 0;
  s->sg0_out[0] = 3;
  s->sg1_io[0] = 1;
  s->sg2_io[0] = 1;
  s->subgraphs[0] = (tflc_subgraph_def){s->t0,   6, s->sg0_in, 1, s->sg0_out, 1,
                                        s->ops0, 4, "main"};
  s->subgraphs[1] = (tflc_subgraph_def){s->t1,   2, s->sg0_in, 1, s->sg1_io, 1,
                                        s->ops1, 1, "cond"};
  s->subgraphs[2] = (tflc_subgraph_def){s->t2, 2, s->sg0_in, 1, s->sg2_io, 1,
                                        NULL,  0, "body"};
  s->sig_in[0] = (tflc_tensor_map_def){"x", 0};
  s->sig_out[0] = (tflc_tensor_map_def){"y", 3};
  s->sig2_in[0] = (tflc_tensor_map_def){"c", 1};
  s->sigs[0] = (tflc_signature_def){s->sig_in, 1, s->sig_out, 1, "serve", 0};
  s->sigs[1] = (tflc_signature_def){s->sig2_in, 1, NULL, 0, "cond_sig", 1};
  s->meta[0] = (tflc_metadata_def){"min_runtime_version", 3};
  s->meta_buf[0] = 3;
  d->version = 3;
  d->opcodes = s->opcodes;
  d->n_opcodes = 5;
  d->subgraphs = s->subgraphs;
  d->n_subgraphs = 3;
  d->description = "hand built";
  d->buffers = s->buffers;
  d->n_buffers = 5;
  d->metadata_buffer = s->meta_buf;
  d->n_metadata_buffer = 1;
  d->metadata = s->meta;
  d->n_metadata = 1;
  d->signatures = s->sigs;
  d->n_signatures = 2;
}

/* ---------- comparing defs ---------- */

static int g_diffs;
#define SAME(a, b)                                                          \
  do {                                                                      \
    if ((a) != (b)) {                                                       \
      g_diffs++;                                                            \
      fprintf(stderr, "  differs: %s (%lld vs %lld)\n", #a, (long long)(a), \
              (long long)(b));                                              \
    }                                                                       \
  } while (0)

static void same_str(const char *a, const char *b, const char *what) {
  if (!a) a = "";
  if (!b) b = "";
  if (strcmp(a, b) != 0) {
    g_diffs++;
    fprintf(stderr, "  differs: %s (\"%s\" vs \"%s\")\n", what, a, b);
  }
}

static void same_mem(const void *a, const void *b, size_t n, const char *what) {
  if (n && (!a || !b || memcmp(a, b, n) != 0)) {
    g_diffs++;
    fprintf(stderr, "  differs: %s\n", what);
  }
}

#define SAME_ARR(a, na, b, nb)                         \
  do {                                                 \
    SAME(na, nb);                                      \
    if ((na) == (nb) && (na) > 0)                      \
      same_mem(a, b, (size_t)(na) * sizeof(*(a)), #a); \
  } while (0)

static void same_quant(const tflc_quant_def *a, const tflc_quant_def *b) {
  SAME(a == NULL, b == NULL);
  if (!a || !b) return;
  SAME_ARR(a->scale, a->n_scale, b->scale, b->n_scale);
  SAME_ARR(a->zero_point, a->n_zero_point, b->zero_point, b->n_zero_point);
  SAME_ARR(a->min, a->n_min, b->min, b->n_min);
  SAME_ARR(a->max, a->n_max, b->max, b->n_max);
  SAME(a->quantized_dimension, b->quantized_dimension);
  SAME(a->details_type, b->details_type);
  SAME_ARR(a->custom, a->custom_size, b->custom, b->custom_size);
  SAME(a->details_scales, b->details_scales);
  SAME(a->details_zero_points, b->details_zero_points);
  SAME(a->details_block_size, b->details_block_size);
  SAME_ARR(a->quantized_dimensions, a->n_quantized_dimensions,
           b->quantized_dimensions, b->n_quantized_dimensions);
}

static void same_sparsity(const tflc_sparsity_def *a,
                          const tflc_sparsity_def *b) {
  SAME(a == NULL, b == NULL);
  if (!a || !b) return;
  SAME_ARR(a->traversal_order, a->n_traversal_order, b->traversal_order,
           b->n_traversal_order);
  SAME_ARR(a->block_map, a->n_block_map, b->block_map, b->n_block_map);
  SAME(a->n_dim_metadata, b->n_dim_metadata);
  for (int32_t i = 0; i < a->n_dim_metadata && i < b->n_dim_metadata; i++) {
    const tflc_dim_metadata_def *x = &a->dim_metadata[i],
                                *y = &b->dim_metadata[i];
    SAME(x->format, y->format);
    SAME(x->dense_size, y->dense_size);
    SAME(x->segments_type, y->segments_type);
    SAME(x->indices_type, y->indices_type);
    SAME_ARR(x->segments, x->n_segments, y->segments, y->n_segments);
    SAME_ARR(x->indices, x->n_indices, y->indices, y->n_indices);
  }
}

static void same_tensor(const tflc_tensor_def *a, const tflc_tensor_def *b) {
  same_str(a->name, b->name, "tensor name");
  SAME(a->type, b->type);
  SAME_ARR(a->shape, a->rank, b->shape, b->rank);
  SAME(a->has_shape_signature, b->has_shape_signature);
  SAME_ARR(a->shape_signature, a->n_shape_signature, b->shape_signature,
           b->n_shape_signature);
  SAME(a->buffer, b->buffer);
  SAME(a->is_variable, b->is_variable);
  SAME(a->has_rank, b->has_rank);
  same_quant(a->quant, b->quant);
  same_sparsity(a->sparsity, b->sparsity);
}

/* Options tables compared field by field through the opt_* readers. */
static void same_options(const tflc_options_ref *a, const tflc_options_ref *b) {
  SAME(a->type, b->type);
  SAME(a->table == 0, b->table == 0);
  const tflc_opt_table_desc *d = options_desc(a->type, a->is_options2);
  if (!d || !a->table || !b->table) return;
  for (int id = 0; id < d->n_fields; id++) {
    switch (d->fields[id].kind) {
      case TFLC_OPT_I64: SAME(opt_i64(a, id, 77), opt_i64(b, id, 77)); break;
      case TFLC_OPT_BOOL:
      case TFLC_OPT_I8:
      case TFLC_OPT_U8: SAME(opt_u8(a, id, 77), opt_u8(b, id, 77)); break;
      case TFLC_OPT_VEC_I32: {
        int32_t x[64], y[64];
        int32_t nx = opt_vec_i32(a, id, x, 64), ny = opt_vec_i32(b, id, y, 64);
        SAME_ARR(x, nx > 64 ? 64 : nx, y, ny > 64 ? 64 : ny);
        break;
      }
      case TFLC_OPT_VEC_I64: {
        int64_t x[64], y[64];
        int32_t nx = opt_vec_i64(a, id, x, 64), ny = opt_vec_i64(b, id, y, 64);
        SAME_ARR(x, nx > 64 ? 64 : nx, y, ny > 64 ? 64 : ny);
        break;
      }
      case TFLC_OPT_STRING: {
        int32_t la, lb;
        const char *sa = opt_string(a, id, &la), *sb = opt_string(b, id, &lb);
        SAME(sa == NULL, sb == NULL);
        SAME_ARR(sa, la, sb, lb);
        break;
      }
      case TFLC_OPT_VEC_F32:
      case TFLC_OPT_VEC_U32:
      case TFLC_OPT_VEC_U8:
      case TFLC_OPT_VEC_BOOL: {
        size_t w = d->fields[id].kind == TFLC_OPT_VEC_U8 ||
                           d->fields[id].kind == TFLC_OPT_VEC_BOOL
                       ? 1
                       : 4;
        fb_reader ra = {a->file, a->file_size}, rb = {b->file, b->file_size};
        fb_table ta, tb;
        fb_vector va = {0, 0}, vb = {0, 0};
        CHECK(fb_table_at(&ra, a->table, &ta) == 0 &&
              fb_table_at(&rb, b->table, &tb) == 0);
        int pa = fb_get_vector(&ra, &ta, id, w, &va);
        int pb = fb_get_vector(&rb, &tb, id, w, &vb);
        SAME(pa, pb);
        SAME_ARR(a->file + va.pos, va.len * w, b->file + vb.pos, vb.len * w);
        break;
      }
      default: SAME(opt_u32(a, id, 77), opt_u32(b, id, 77)); break;
    }
  }
}

static void same_operator(const tflc_operator_def *a,
                          const tflc_operator_def *b) {
  SAME(a->opcode_index, b->opcode_index);
  SAME_ARR(a->inputs, a->n_inputs, b->inputs, b->n_inputs);
  SAME_ARR(a->outputs, a->n_outputs, b->outputs, b->n_outputs);
  SAME_ARR(a->intermediates, a->n_intermediates, b->intermediates,
           b->n_intermediates);
  SAME_ARR(a->mutating_variable_inputs, a->n_mutating_variable_inputs,
           b->mutating_variable_inputs, b->n_mutating_variable_inputs);
  SAME(a->custom_options == NULL, b->custom_options == NULL);
  SAME_ARR(a->custom_options, a->custom_options_size, b->custom_options,
           b->custom_options_size);
  if (a->write_options_type != 0) return; /* hand-built: checked by hand */
  same_options(&a->options, &b->options);
  same_options(&a->options2, &b->options2);
}

/* Structural equality of two decoded defs (b may come from a re-write). */
static int defs_equal(const tflc_model_def *a, const tflc_model_def *b) {
  g_diffs = 0;
  SAME(a->version, b->version);
  same_str(a->description, b->description, "description");
  SAME(a->n_opcodes, b->n_opcodes);
  for (int32_t i = 0; i < a->n_opcodes && i < b->n_opcodes; i++) {
    SAME(a->opcodes[i].effective_code, b->opcodes[i].effective_code);
    SAME(a->opcodes[i].builtin_code, b->opcodes[i].builtin_code);
    SAME(a->opcodes[i].version, b->opcodes[i].version);
    same_str(a->opcodes[i].custom_code, b->opcodes[i].custom_code, "custom");
  }
  SAME(a->n_buffers, b->n_buffers);
  for (int32_t i = 0; i < a->n_buffers && i < b->n_buffers; i++) {
    SAME(a->buffers[i].data == NULL, b->buffers[i].data == NULL);
    SAME_ARR(a->buffers[i].data, a->buffers[i].size, b->buffers[i].data,
             b->buffers[i].size);
  }
  SAME(a->n_subgraphs, b->n_subgraphs);
  for (int32_t s = 0; s < a->n_subgraphs && s < b->n_subgraphs; s++) {
    const tflc_subgraph_def *x = &a->subgraphs[s], *y = &b->subgraphs[s];
    same_str(x->name, y->name, "subgraph name");
    SAME_ARR(x->inputs, x->n_inputs, y->inputs, y->n_inputs);
    SAME_ARR(x->outputs, x->n_outputs, y->outputs, y->n_outputs);
    SAME(x->n_tensors, y->n_tensors);
    for (int32_t t = 0; t < x->n_tensors && t < y->n_tensors; t++)
      same_tensor(&x->tensors[t], &y->tensors[t]);
    SAME(x->n_operators, y->n_operators);
    for (int32_t o = 0; o < x->n_operators && o < y->n_operators; o++)
      same_operator(&x->operators[o], &y->operators[o]);
  }
  SAME_ARR(a->metadata_buffer, a->n_metadata_buffer, b->metadata_buffer,
           b->n_metadata_buffer);
  SAME(a->n_metadata, b->n_metadata);
  for (int32_t i = 0; i < a->n_metadata && i < b->n_metadata; i++) {
    same_str(a->metadata[i].name, b->metadata[i].name, "metadata name");
    SAME(a->metadata[i].buffer, b->metadata[i].buffer);
  }
  SAME(a->n_signatures, b->n_signatures);
  for (int32_t i = 0; i < a->n_signatures && i < b->n_signatures; i++) {
    const tflc_signature_def *x = &a->signatures[i], *y = &b->signatures[i];
    same_str(x->key, y->key, "signature key");
    SAME(x->subgraph_index, y->subgraph_index);
    SAME(x->n_inputs, y->n_inputs);
    SAME(x->n_outputs, y->n_outputs);
    for (int32_t k = 0; k < x->n_inputs && k < y->n_inputs; k++) {
      same_str(x->inputs[k].name, y->inputs[k].name, "sig input");
      SAME(x->inputs[k].tensor_index, y->inputs[k].tensor_index);
    }
    for (int32_t k = 0; k < x->n_outputs && k < y->n_outputs; k++) {
      same_str(x->outputs[k].name, y->outputs[k].name, "sig output");
      SAME(x->outputs[k].tensor_index, y->outputs[k].tensor_index);
    }
  }
  return g_diffs == 0;
}

/* ---------- helpers ---------- */

static uint8_t *write_def(const tflc_model_def *def, size_t *size) {
  uint8_t *out = NULL;
  char err[256];
  int rc = schema_write(def, NULL, &out, size, err, sizeof err);
  CHECK_MSG(rc == 0, "schema_write: %s", err);
  return rc == 0 ? out : NULL;
}

static int decode(const uint8_t *data, size_t size, tflc_model_def *def,
                  char *err, size_t err_size) {
  return schema_decode(data, size, NULL, def, err, err_size);
}

/* ---------- (a) builder and reader ---------- */

static void test_builder_reader(void) {
  fb_builder b;
  fb_builder_init(&b, NULL);
  uint8_t bytes[5] = {1, 2, 3, 4, 5};
  int64_t longs[2] = {-1, 0x123456789LL};
  fb_ref data = fb_create_vector(&b, bytes, 5, 1, 16);
  fb_ref lv = fb_create_vector(&b, longs, 2, 8, 8);
  fb_ref s = fb_create_string(&b, "hello", 5);
  fb_start_table(&b);
  fb_add_ref(&b, 0, data);
  fb_add_i32(&b, 1, -7, 0);
  fb_add_i32(&b, 2, 5, 5); /* equal to default: left out */
  fb_add_f32(&b, 3, 2.5f, 0.0f);
  fb_add_ref(&b, 4, s);
  fb_add_i64(&b, 5, -9, 0);
  fb_add_ref(&b, 6, lv);
  fb_add_bool(&b, 7, true, false);
  fb_ref root = fb_end_table(&b);
  uint8_t *buf;
  size_t size;
  CHECK(fb_builder_finish(&b, root, "TFL3", &buf, &size) == 0);
  fb_builder_free(&b);
  if (!buf) return;
  CHECK(memcmp(buf + 4, "TFL3", 4) == 0);
  CHECK(size % 16 == 0 || size > 0);
  fb_reader r = {buf, size};
  fb_table t;
  CHECK(fb_root(&r, &t) == 0);
  fb_vector v;
  CHECK(fb_get_vector(&r, &t, 0, 1, &v) == 1);
  CHECK_EQ_INT(v.len, 5);
  CHECK_EQ_INT(v.pos % 16, 0); /* force_align 16 of buffer data */
  CHECK(memcmp(buf + v.pos, bytes, 5) == 0);
  uint32_t u;
  CHECK(fb_get_u32(&r, &t, 1, 0, &u) == 0 && (int32_t)u == -7);
  CHECK(fb_get_u32(&r, &t, 2, 5, &u) == 0 && u == 5);
  size_t pos;
  CHECK(fb_field(&r, &t, 2, 4, &pos) == 0); /* really absent */
  float f;
  CHECK(fb_get_f32(&r, &t, 3, 0, &f) == 0 && f == 2.5f);
  const char *str;
  uint32_t len;
  CHECK(fb_get_string(&r, &t, 4, &str, &len) == 1 && len == 5 &&
        strcmp(str, "hello") == 0);
  uint64_t q;
  CHECK(fb_get_u64(&r, &t, 5, 0, &q) == 0 && (int64_t)q == -9);
  CHECK(fb_get_vector(&r, &t, 6, 8, &v) == 1 && v.len == 2 && v.pos % 8 == 0);
  CHECK((int64_t)fb_load_u64(&r, v.pos + 8) == 0x123456789LL);
  uint8_t bv;
  CHECK(fb_get_u8(&r, &t, 7, 0, &bv) == 0 && bv == 1);
  CHECK(fb_get_u8(&r, &t, 40, 3, &bv) == 0 && bv == 3); /* beyond vtable */
  /* Reading past the end is refused, never performed. */
  fb_reader shortr = {buf, 6};
  CHECK(fb_root(&shortr, &t) != 0);
  free(buf);
}

/* ---------- (a) round trip of a hand-built model ---------- */

static void check_sample_options(const tflc_model_def *d) {
  const tflc_operator_def *ops = d->subgraphs[0].operators;
  CHECK(opt_is(&ops[0].options, TFLC_BO_ADD));
  CHECK(!opt_is(&ops[0].options, TFLC_BO_MUL));
  CHECK_EQ_INT(opt_i8(&ops[0].options, 0, 0), TFLC_ACT_RELU6);
  CHECK_EQ_INT(opt_bool(&ops[0].options, 1, true), 0); /* present: false */
  CHECK_EQ_INT(opt_i32(&ops[0].options, 5, 42), 42);   /* absent */
  CHECK_EQ_INT(opt_i32(&ops[1].options, 0, -1), 1);
  CHECK_EQ_INT(opt_i32(&ops[1].options, 1, -1), 2);
  CHECK_EQ_INT(ops[2].options.type, 0);
  CHECK_EQ_INT(opt_i32(&ops[2].options, 0, 9), 9); /* no table: default */
  CHECK(ops[3].options2.is_options2);
  CHECK(opt_is(&ops[3].options2, TFLC_BO2_STABLEHLO_COMPOSITE));
  int32_t len = 0;
  const char *name = opt_string(&ops[3].options2, 0, &len);
  CHECK(name && len == 12 && memcmp(name, "my.composite", 12) == 0);
  CHECK_EQ_INT(opt_i32(&ops[3].options2, 1, -1), 1);
  CHECK_EQ_INT(opt_i32(&ops[3].options2, 4, 0), 0); /* version absent */
  const tflc_operator_def *r = &d->subgraphs[1].operators[0];
  int32_t shape[2];
  CHECK_EQ_INT(opt_vec_i32(&r->options, 0, shape, 2), 3); /* full length */
  CHECK(shape[0] == 2 && shape[1] == -1);
  CHECK_EQ_INT(opt_vec_i32(&r->options, 1, shape, 2), 0); /* absent */
  CHECK(opt_string(&r->options, 0, &len) == NULL || len >= 0);
}

static void test_roundtrip(void) {
  sample s;
  build_sample(&s);
  size_t size;
  uint8_t *bytes = write_def(&s.def, &size);
  if (!bytes) return;
  CHECK(memcmp(bytes + 4, "TFL3", 4) == 0);
  tflc_model_def d1, d2;
  char err[512];
  int rc = decode(bytes, size, &d1, err, sizeof err);
  CHECK_MSG(rc == 0, "decode: %s", err);
  if (rc != 0) {
    free(bytes);
    return;
  }
  CHECK_MSG(defs_equal(&s.def, &d1), "hand-built def != decoded def");
  CHECK_EQ_INT(d1.opcodes[3].effective_code, TFLC_OP_STABLEHLO_COMPOSITE);
  CHECK_EQ_INT(d1.opcodes[0].effective_code, TFLC_OP_ADD);
  CHECK_EQ_INT(d1.opcodes[0].version, 2);
  CHECK(d1.opcodes[0].custom_code == NULL);
  CHECK_EQ_INT(((uintptr_t)d1.buffers[1].data - (uintptr_t)bytes) % 16, 0);
  CHECK(!d1.buffers[1].external);
  CHECK(d1.buffers[0].size == 0);
  CHECK(d1.subgraphs[0].tensors[3].quant->custom_size == 5);
  check_sample_options(&d1);
  uint8_t *bytes2 = write_def(&d1, &size);
  if (bytes2) {
    rc = decode(bytes2, size, &d2, err, sizeof err);
    CHECK_MSG(rc == 0, "re-decode: %s", err);
    if (rc == 0) {
      CHECK_MSG(defs_equal(&d1, &d2), "decode -> write -> decode differs");
      check_sample_options(&d2);
      schema_def_free(&d2, NULL);
    }
    free(bytes2);
  }
  schema_def_free(&d1, NULL);
  CHECK(d1.storage == NULL && d1.subgraphs == NULL);
  /* An absent identifier (zero bytes) is accepted when all else verifies. */
  memset(bytes + 4, 0, 4);
  CHECK(decode(bytes, size, &d1, err, sizeof err) == 0);
  schema_def_free(&d1, NULL);
  free(bytes);
}

/* ---------- (b) malformed models ---------- */

typedef struct bad_case {
  const char *what;
  void (*mutate)(sample *s);
  const char *keyword; /* must appear in the message, NULL: any */
} bad_case;

static int32_t g_big_shape[2] = {65536, 65536};
static int32_t g_neg_shape[2] = {2, -3};
static int32_t g_ovf_shape[4] = {2147483647, 2147483647, 2147483647, 8};
static int32_t g_bad_sig[2] = {-5, 2};
static int32_t g_bad_idx[1] = {999};
static int32_t g_neg_idx[1] = {-1};
static int32_t g_branches[2] = {1, 7};

static void m_input(sample *s) { s->op0_in[1] = 999; }
static void m_input_neg(sample *s) { s->op0_in[0] = -2; }
static void m_output(sample *s) { s->op0_out[0] = -1; }
static void m_inter(sample *s) { s->op3_inter[0] = 6; }
static void m_buffer(sample *s) { s->t0[1].buffer = 40; }
static void m_opcode(sample *s) { s->ops0[2].opcode_index = 5; }
static void m_sg_in(sample *s) { s->sg0_in[0] = 6; }
static void m_sg_out(sample *s) { s->subgraphs[2].outputs = g_bad_idx; }
static void m_sig_tensor(sample *s) { s->sig2_in[0].tensor_index = 2; }
static void m_sig_sg(sample *s) { s->sigs[1].subgraph_index = 3; }
static void m_meta(sample *s) { s->meta[0].buffer = 5; }
static void m_meta_buf(sample *s) { s->meta_buf[0] = -1; }
static void m_neg_shape(sample *s) { s->t0[0].shape = g_neg_shape; }
static void m_big_shape(sample *s) { s->t0[0].shape = g_big_shape; }
static void m_ovf_shape(sample *s) {
  s->t0[5].shape = g_ovf_shape;
  s->t0[5].rank = 4;
}
static void m_small_buf(sample *s) { s->buffers[1].size = 12; }
static void m_big_buf(sample *s) { s->buffers[2].size = 7; }
static void m_while_body(sample *s) { s->while_opts[1].i = 3; }
static void m_while_cond(sample *s) { s->while_opts[0].i = -1; }
static void m_if(sample *s) {
  s->ops0[1].write_options_type = TFLC_BO_IF; /* then 1, else 2 ... */
  s->while_opts[1].i = 9;                     /* ... else 9 */
}
static void m_call_once(sample *s) {
  s->ops0[1].write_options_type = TFLC_BO_CALL_ONCE;
  s->while_opts[0].i = 3;
}
static void m_call(sample *s) {
  s->ops0[1].write_options_type = TFLC_BO_CALL;
  s->while_opts[0].i = 0x7fffffff;
}
static void m_composite(sample *s) { s->comp_opts[1].i = 3; }
static void m_case(sample *s) {
  s->ops0[3].write_options_type = TFLC_BO2_STABLEHLO_CASE;
  set_opt(&s->comp_opts[0], 0, TFLC_OPT_VEC_I32, 0, g_branches, 2);
  s->ops0[3].n_write_options = 1;
}
static void m_zero_points(sample *s) {
  s->scales[1] = 1.0f;
  s->q_plain.scale = s->scales;
  s->q_plain.n_scale = 2;
  s->q_plain.n_zero_point = 1;
  s->q_axis.n_zero_point = 2;
  s->q_axis.n_scale = 1; /* 2 zero points for 1 scale */
}
static void m_no_subgraph(sample *s) {
  s->def.n_subgraphs = 0;
  s->def.n_signatures = 0;
  s->ops0[1].write_options_type = 0;
}
static void m_qdim(sample *s) { s->q_axis.quantized_dimension = -1; }
static void m_type(sample *s) { s->t0[3].type = 99; }
static void m_shape_sig(sample *s) { s->t0[0].shape_signature = g_bad_sig; }
static void m_int4(sample *s) {
  s->t0[2].type = TFLC_TT_INT4; /* 6 elements: 3 bytes, buffer has 6 */
}
static void m_bool_wrong(sample *s) {
  s->t0[1].type = TFLC_TT_BOOL; /* 4 elements: 4 bytes, buffer has 16 */
}
static void m_intermediate_neg(sample *s) {
  s->ops0[3].intermediates = g_neg_idx;
}
static void m_negative_code(sample *s) {
  s->opcodes[4].builtin_code = -3;
  s->opcodes[4].deprecated_builtin_code = -3;
}

static void m_blockwise(sample *s) {
  s->q_axis.details_type = 2;
  s->q_axis.details_scales = 50;
}

static const bad_case k_bad_defs[] = {
    {"blockwise scales tensor out of range", m_blockwise,
     "scales refer to tensor 50"},
    {"input out of range", m_input,
     "input 1 refers to tensor 999; the subgraph has 6 tensors"},
    {"input below -1", m_input_neg, "refers to tensor -2"},
    {"output -1", m_output, "output 0 refers to tensor -1"},
    {"intermediate out of range", m_inter, "intermediate 0"},
    {"negative intermediate", m_intermediate_neg, "intermediate"},
    {"tensor buffer out of range", m_buffer, "buffer 40"},
    {"opcode index out of range", m_opcode, "opcode_index 5"},
    {"subgraph input out of range", m_sg_in, "subgraph 0"},
    {"subgraph output out of range", m_sg_out, "subgraph 2"},
    {"signature tensor out of range", m_sig_tensor, "signature 1"},
    {"signature subgraph out of range", m_sig_sg, "subgraph_index 3"},
    {"metadata buffer out of range", m_meta, "metadata 0"},
    {"metadata_buffer negative", m_meta_buf, "metadata_buffer"},
    {"negative shape", m_neg_shape, "negative"},
    {"shape product too big", m_big_shape, "2^31-1"},
    {"shape product overflow", m_ovf_shape, "2^31-1"},
    {"buffer too small", m_small_buf,
     "buffer 1 holds 12 bytes but shape [2,2] of FLOAT32 needs 16"},
    {"buffer too big", m_big_buf, "needs 6"},
    {"WHILE body out of range", m_while_body,
     "body_subgraph_index refers to subgraph 3"},
    {"WHILE cond negative", m_while_cond, "cond_subgraph_index"},
    {"IF else out of range", m_if, "else_subgraph_index"},
    {"CALL_ONCE init out of range", m_call_once, "init_subgraph_index"},
    {"CALL subgraph out of range", m_call, "CallOptions.subgraph"},
    {"composite decomposition out of range", m_composite,
     "decomposition_subgraph_index"},
    {"stablehlo case branch out of range", m_case, "branch_subgraph_indices"},
    {"zero point count", m_zero_points, "zero points"},
    {"no subgraph", m_no_subgraph, "no subgraph"},
    {"negative quantized_dimension", m_qdim, "quantized_dimension"},
    {"unknown tensor type", m_type, "unknown tensor type 99"},
    {"shape_signature below -1", m_shape_sig, "shape_signature"},
    {"INT4 packed size", m_int4, "needs 3"},
    {"BOOL size", m_bool_wrong, "needs 4"},
    {"negative builtin code", m_negative_code, "negative"},
};

static void test_bad_defs(void) {
  for (size_t i = 0; i < sizeof k_bad_defs / sizeof k_bad_defs[0]; i++) {
    sample s;
    build_sample(&s);
    k_bad_defs[i].mutate(&s);
    size_t size;
    uint8_t *bytes = write_def(&s.def, &size);
    if (!bytes) continue;
    tflc_model_def d;
    char err[512] = "";
    int rc = decode(bytes, size, &d, err, sizeof err);
    CHECK_MSG(rc != 0, "accepted: %s", k_bad_defs[i].what);
    if (rc == 0) schema_def_free(&d, NULL);
    CHECK_MSG(err[0] != 0, "no message: %s", k_bad_defs[i].what);
    if (k_bad_defs[i].keyword) CHECK_CONTAINS(err, k_bad_defs[i].keyword);
    CHECK(d.storage == NULL && d.subgraphs == NULL);
    free(bytes);
  }
}

static void store_u32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t load_u32(const uint8_t *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
         ((uint32_t)p[3] << 24);
}

/* Position of a byte pattern, or -1. */
static long find_bytes(const uint8_t *hay, size_t n, const void *needle,
                       size_t m) {
  for (size_t i = 0; i + m <= n; i++)
    if (memcmp(hay + i, needle, m) == 0) return (long)i;
  return -1;
}

static void expect_refused(const uint8_t *bytes, size_t size, const char *what,
                           const char *keyword) {
  tflc_model_def d;
  char err[512] = "";
  int rc = decode(bytes, size, &d, err, sizeof err);
  CHECK_MSG(rc != 0, "accepted: %s", what);
  if (rc == 0) schema_def_free(&d, NULL);
  CHECK_MSG(err[0] != 0, "no message: %s", what);
  if (keyword) CHECK_CONTAINS(err, keyword);
}

static void test_bad_bytes(void) {
  sample s;
  build_sample(&s);
  size_t size;
  uint8_t *good = write_def(&s.def, &size);
  if (!good) return;
  uint8_t *b = malloc(size);
  /* Truncations at every length. */
  int truncations_refused = 1;
  for (size_t n = 0; n < size; n++) {
    tflc_model_def d;
    char err[256] = "";
    uint8_t *cut = malloc(n ? n : 1); /* exact size: ASan sees overreads */
    memcpy(cut, good, n);
    if (decode(cut, n, &d, err, sizeof err) == 0) {
      truncations_refused = 0;
      schema_def_free(&d, NULL);
    } else if (!err[0]) {
      truncations_refused = 0;
    }
    free(cut);
  }
  CHECK_MSG(truncations_refused, "a truncated model was accepted");
  expect_refused(good, 7, "7-byte file", "file too small");
  expect_refused(NULL, 0, "empty file", "file too small");
  memcpy(b, good, size);
  memcpy(b + 4, "ABCD", 4);
  expect_refused(b, size, "bad identifier", "identifier \"ABCD\"");
  memcpy(b, good, size);
  store_u32(b, 0xfffffff0u);
  expect_refused(b, size, "root offset past the end", "root offset");
  store_u32(b, 0);
  expect_refused(b, size, "root offset 0", "root offset");
  store_u32(b, (uint32_t)size - 2);
  expect_refused(b, size, "root table at the last bytes", "root");
  /* Root table soffset pointing outside, then a vtable entry outside. */
  uint32_t root = load_u32(good);
  memcpy(b, good, size);
  store_u32(b + root, 0x80000000u);
  expect_refused(b, size, "root vtable outside", "root");
  memcpy(b, good, size);
  int32_t soff = (int32_t)load_u32(good + root);
  size_t vt = (size_t)((long)root - soff);
  b[vt + 4 + 2 * 2] = 0xff; /* subgraphs field offset beyond the object */
  b[vt + 4 + 2 * 2 + 1] = 0x7f;
  expect_refused(b, size, "field offset outside the table", "subgraphs");
  memcpy(b, good, size);
  b[vt] = 5; /* odd vtable size */
  b[vt + 1] = 0;
  expect_refused(b, size, "odd vtable size", NULL);
  memcpy(b, good, size);
  b[vt + 2] = 0xf0; /* object size beyond the file */
  b[vt + 3] = 0xff;
  expect_refused(b, size, "object size too big", NULL);
  /* Huge vector length: the shape [-1, 2] of shape_signature. */
  int32_t sig_pat[3] = {2, -1, 2};
  long at = find_bytes(good, size, sig_pat, sizeof sig_pat);
  CHECK(at >= 0);
  if (at >= 0) {
    memcpy(b, good, size);
    store_u32(b + at, 0x7fffffffu);
    expect_refused(b, size, "huge vector length", "shape_signature");
    store_u32(b + at, 0x40000001u); /* len * 4 overflows 32 bits */
    expect_refused(b, size, "vector length * 4 overflows", "shape_signature");
  }
  /* Unterminated strings. */
  long name_at = find_bytes(good, size, "qweights", 9);
  CHECK(name_at >= 0);
  if (name_at >= 0) {
    memcpy(b, good, size);
    b[name_at + 8] = 'X';
    expect_refused(b, size, "unterminated tensor name", "name");
  }
  long key_at = find_bytes(good, size, "MyCustomOp", 11);
  if (key_at >= 0) {
    memcpy(b, good, size);
    store_u32(b + key_at - 4, (uint32_t)(size - (size_t)key_at)); /* to EOF */
    expect_refused(b, size, "string running to the end", "custom_code");
  }
  /* A string length that runs to exactly the last byte (no NUL inside). */
  long desc_at = find_bytes(good, size, "hand built", 11);
  if (desc_at >= 0) {
    memcpy(b, good, size);
    store_u32(b + desc_at - 4, 0xfffffff0u);
    expect_refused(b, size, "huge string length", "description");
  }
  free(b);
  free(good);
}

/* Every byte position, several values: decode must never crash (ASan). */
static void test_byte_flips(void) {
  sample s;
  build_sample(&s);
  size_t size;
  uint8_t *good = write_def(&s.def, &size);
  if (!good) return;
  uint8_t *b = malloc(size);
  int accepted = 0, refused = 0, silent = 0;
  for (size_t i = 0; i < size; i++) {
    uint8_t values[6] = {
        0x00, 0xff, 0x80, 0x7f, (uint8_t)(good[i] ^ 1), (uint8_t)(good[i] + 4)};
    for (int k = 0; k < 6; k++) {
      if (values[k] == good[i]) continue;
      memcpy(b, good, size);
      b[i] = values[k];
      tflc_model_def d;
      char err[256] = "";
      if (decode(b, size, &d, err, sizeof err) == 0) {
        accepted++;
        /* Whatever was accepted must also re-serialize. */
        uint8_t *again;
        size_t again_size;
        char werr[256];
        if (schema_write(&d, NULL, &again, &again_size, werr, sizeof werr) == 0)
          free(again);
        schema_def_free(&d, NULL);
      } else {
        refused++;
        if (!err[0]) silent++;
      }
    }
  }
  printf("byte flips over %zu bytes: %d accepted, %d refused\n", size, accepted,
         refused);
  CHECK(refused > 0 && accepted > 0);
  CHECK_EQ_INT(silent, 0);
  free(b);
  free(good);
}

/* ---------- (c) real models ---------- */

static uint8_t *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *d = malloc(n > 0 ? (size_t)n : 1);
  if (d && n > 0 && fread(d, 1, (size_t)n, f) != (size_t)n) {
    free(d);
    d = NULL;
  }
  fclose(f);
  *size = n > 0 ? (size_t)n : 0;
  return d;
}

/* Same counts, shapes, types and constant bytes after write -> decode. */
static void check_reserialized(const char *path, const tflc_model_def *a) {
  size_t size;
  uint8_t *bytes = write_def(a, &size);
  if (!bytes) return;
  tflc_model_def b;
  char err[512];
  int rc = decode(bytes, size, &b, err, sizeof err);
  CHECK_MSG(rc == 0, "%s re-serialized: %s", path, err);
  if (rc == 0) {
    CHECK_MSG(defs_equal(a, &b), "%s: re-serialized model differs", path);
    for (int32_t s = 0; s < a->n_subgraphs && s < b.n_subgraphs; s++)
      for (int32_t t = 0; a->n_buffers > 0 && t < a->subgraphs[s].n_tensors;
           t++) {
        const tflc_tensor_def *x = &a->subgraphs[s].tensors[t];
        const tflc_buffer_def *bx = &a->buffers[x->buffer];
        const tflc_buffer_def *by = &b.buffers[x->buffer];
        CHECK(bx->size == by->size &&
              (bx->size == 0 || memcmp(bx->data, by->data, bx->size) == 0));
        if (by->size)
          CHECK_EQ_INT(((uintptr_t)by->data - (uintptr_t)bytes) % 16, 0);
      }
    schema_def_free(&b, NULL);
  }
  free(bytes);
}

static int g_models, g_refused_ok;

static void test_model_file(const char *path) {
  size_t size;
  uint8_t *data = read_file(path, &size);
  CHECK_MSG(data != NULL, "cannot read %s", path);
  if (!data) return;
  bool must_fail = strstr(path, "flutter-tflite/bad_model.tflite") != NULL;
  tflc_model_def d;
  char err[512] = "";
  int rc = decode(data, size, &d, err, sizeof err);
  g_models++;
  if (must_fail) {
    CHECK_MSG(rc != 0, "%s should be refused", path);
    CHECK(err[0] != 0);
    printf("  %s: refused as expected: %s\n", path + strlen(MODELS_DIR) + 1,
           err);
    if (rc == 0) schema_def_free(&d, NULL);
    g_refused_ok += rc != 0;
    free(data);
    return;
  }
  CHECK_MSG(rc == 0, "%s: %s", path, err);
  if (rc == 0) {
    int nt = 0, no = 0;
    for (int32_t s = 0; s < d.n_subgraphs; s++) {
      nt += d.subgraphs[s].n_tensors;
      no += d.subgraphs[s].n_operators;
    }
    printf("  %s: %d subgraphs, %d tensors, %d operators\n",
           path + strlen(MODELS_DIR) + 1, d.n_subgraphs, nt, no);
    check_reserialized(path, &d);
    schema_def_free(&d, NULL);
  }
  free(data);
}

static void walk_models(const char *dir) {
  DIR *dh = opendir(dir);
  if (!dh) return;
  struct dirent *e;
  char **names = NULL;
  size_t n = 0;
  while ((e = readdir(dh)) != NULL) {
    if (e->d_name[0] == '.') continue;
    names = realloc(names, (n + 1) * sizeof *names);
    names[n++] = strdup(e->d_name);
  }
  closedir(dh);
  for (size_t i = 0; i < n; i++) { /* sorted, for stable output */
    for (size_t j = i + 1; j < n; j++)
      if (strcmp(names[j], names[i]) < 0) {
        char *t = names[i];
        names[i] = names[j];
        names[j] = t;
      }
  }
  for (size_t i = 0; i < n; i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      walk_models(path);
    } else {
      size_t len = strlen(names[i]);
      if (len > 7 && strcmp(names[i] + len - 7, ".tflite") == 0)
        test_model_file(path);
    }
    free(names[i]);
  }
  free(names);
}

/* Facts of two real models checked by hand (see add.ref/meta.json). */
static void test_known_models(void) {
  size_t size;
  uint8_t *data = read_file(MODELS_DIR "/litert/add.tflite", &size);
  if (data) {
    tflc_model_def d;
    char err[512];
    CHECK(decode(data, size, &d, err, sizeof err) == 0);
    CHECK_EQ_INT(d.n_opcodes, 1);
    CHECK_EQ_INT(d.opcodes[0].effective_code, TFLC_OP_ADD);
    CHECK_EQ_INT(d.n_subgraphs, 1);
    const tflc_subgraph_def *g = &d.subgraphs[0];
    CHECK_EQ_INT(g->n_tensors, 3);
    CHECK_EQ_INT(g->n_operators, 2);
    CHECK(strcmp(g->tensors[1].name, "input") == 0);
    CHECK(strcmp(g->tensors[2].name, "output") == 0);
    for (int t = 0; t < 3; t++) {
      CHECK_EQ_INT(g->tensors[t].type, TFLC_TT_FLOAT32);
      CHECK(g->tensors[t].rank == 4 && g->tensors[t].shape[0] == 1 &&
            g->tensors[t].shape[1] == 8 && g->tensors[t].shape[2] == 8 &&
            g->tensors[t].shape[3] == 3);
    }
    CHECK(opt_is(&g->operators[0].options, TFLC_BO_ADD));
    CHECK_EQ_INT(d.n_signatures, 1);
    CHECK(strcmp(d.signatures[0].key, "serving_default") == 0);
    CHECK(strcmp(d.signatures[0].inputs[0].name, "a") == 0);
    CHECK_EQ_INT(d.signatures[0].inputs[0].tensor_index, 1);
    CHECK(strcmp(d.signatures[0].outputs[0].name, "x") == 0);
    CHECK_EQ_INT(d.signatures[0].outputs[0].tensor_index, 2);
    schema_def_free(&d, NULL);
    free(data);
  }
  data = read_file(MODELS_DIR "/litert/simple_group_norm_op.tflite", &size);
  if (data) {
    tflc_model_def d;
    char err[512];
    CHECK(decode(data, size, &d, err, sizeof err) == 0);
    int external = 0;
    for (int32_t i = 0; i < d.n_buffers; i++)
      if (d.buffers[i].external) {
        external++;
        CHECK(d.buffers[i].data >= data &&
              d.buffers[i].data + d.buffers[i].size <= data + size);
      }
    CHECK(external > 0);
    CHECK_EQ_INT(d.opcodes[0].effective_code, TFLC_OP_STABLEHLO_COMPOSITE);
    /* A constant tensor with external data: its bytes match its shape. */
    CHECK_EQ_INT(d.buffers[2].size, 8);
    schema_def_free(&d, NULL);
    free(data);
  }
}

static void test_names(void) {
  CHECK(strcmp(schema_builtin_name(TFLC_OP_CONV_2D), "CONV_2D") == 0);
  CHECK(strcmp(schema_builtin_name(TFLC_OP_STABLEHLO_CASE), "STABLEHLO_CASE") ==
        0);
  CHECK(schema_builtin_name(210) == NULL && schema_builtin_name(-1) == NULL);
  CHECK(strcmp(schema_tensor_type_name(TFLC_TT_BFLOAT16), "BFLOAT16") == 0);
  CHECK(strcmp(schema_tensor_type_name(22), "FLOAT8_E5M2") == 0);
  CHECK(schema_tensor_type_name(23) == NULL);
  CHECK(strcmp(schema_options_name(TFLC_BO_CONV_2D, 0), "Conv2DOptions") == 0);
  CHECK(strcmp(schema_options_name(TFLC_BO_RIGHT_SHIFT, 0),
               "RightShiftOptions") == 0);
  CHECK(strcmp(schema_options_name(TFLC_BO2_STABLEHLO_COMPOSITE, 1),
               "StableHLOCompositeOptions") == 0);
  CHECK(schema_options_name(0, 0) == NULL &&
        schema_options_name(127, 0) == NULL);
  CHECK_EQ_INT(schema_tensor_type_size(TFLC_TT_FLOAT32), 4);
  CHECK_EQ_INT(schema_tensor_type_size(TFLC_TT_COMPLEX128), 16);
  CHECK_EQ_INT(schema_tensor_type_size(TFLC_TT_INT4), 0);
  CHECK_EQ_INT(schema_tensor_type_size(TFLC_TT_STRING), 0);
  CHECK_EQ_INT(schema_tensor_type_size(99), -1);
  /* Every options union member has a description. */
  for (int t = 1; t < TFLC_BO_COUNT_; t++)
    CHECK(options_desc((uint8_t)t, false));
  for (int t = 1; t < TFLC_BO2_COUNT_; t++)
    CHECK(options_desc((uint8_t)t, true));
  const tflc_opt_table_desc *c = options_desc(TFLC_BO_CONV_2D, false);
  CHECK(c && c->n_fields == 7 && c->fields[4].dflt == 1.0 &&
        c->fields[3].kind == TFLC_OPT_I8 &&
        strcmp(c->fields[1].name, "stride_w") == 0);
  const tflc_opt_table_desc *a = options_desc(TFLC_BO_ADD, false);
  CHECK(a && a->fields[1].kind == TFLC_OPT_BOOL && a->fields[1].dflt == 1.0);
}

int main(void) {
  test_builder_reader();
  test_names();
  test_roundtrip();
  test_bad_defs();
  test_bad_bytes();
  test_byte_flips();
  struct stat st;
  if (stat(MODELS_DIR, &st) != 0) {
    printf("skipped: %s not found\n", MODELS_DIR);
  } else {
    walk_models(MODELS_DIR);
    printf("%d real models, bad_model refused: %d\n", g_models, g_refused_ok);
    CHECK(g_models > 0);
    CHECK_EQ_INT(g_refused_ok, 1);
    test_known_models();
  }
  return CHECK_DONE();
}
