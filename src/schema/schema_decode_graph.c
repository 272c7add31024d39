/* Decoding and verifying SubGraph and Operator tables: tensor index ranges,
 * opcode indices, builtin options tables (checked field by field against
 * options_desc) and the subgraph indices that control-flow options hold. */
#include <string.h>

#include "schema/options_desc.h"
#include "schema/schema.h"
#include "schema/schema_decode_internal.h"

/* Options fields holding subgraph indices. vec: the field is [int]. */
typedef struct sg_ref {
  uint8_t type;
  bool is2;
  int8_t field;
  bool vec;
  const char *name;
} sg_ref;

static const sg_ref k_sg_refs[] = {
    {TFLC_BO_CALL, false, 0, false, "CallOptions.subgraph"},
    {TFLC_BO_IF, false, 0, false, "IfOptions.then_subgraph_index"},
    {TFLC_BO_IF, false, 1, false, "IfOptions.else_subgraph_index"},
    {TFLC_BO_WHILE, false, 0, false, "WhileOptions.cond_subgraph_index"},
    {TFLC_BO_WHILE, false, 1, false, "WhileOptions.body_subgraph_index"},
    {TFLC_BO_CALL_ONCE, false, 0, false, "CallOnceOptions.init_subgraph_index"},
    {TFLC_BO2_STABLEHLO_COMPOSITE, true, 1, false,
     "StableHLOCompositeOptions.decomposition_subgraph_index"},
    {TFLC_BO2_STABLEHLO_WHILE, true, 0, false,
     "StablehloWhileOptions.cond_subgraph_index"},
    {TFLC_BO2_STABLEHLO_WHILE, true, 1, false,
     "StablehloWhileOptions.body_subgraph_index"},
    {TFLC_BO2_STABLEHLO_REDUCE, true, 1, false,
     "StablehloReduceOptions.body_subgraph_index"},
    {TFLC_BO2_STABLEHLO_SORT, true, 2, false,
     "StablehloSortOptions.comparator_subgraph_index"},
    {TFLC_BO2_STABLEHLO_SCATTER, true, 6, false,
     "StablehloScatterOptions.update_computation_subgraph_index"},
    {TFLC_BO2_STABLEHLO_REDUCE_WINDOW, true, 5, false,
     "StablehloReduceWindowOptions.body_subgraph_index"},
    {TFLC_BO2_STABLEHLO_CASE, true, 0, true,
     "StablehloCaseOptions.branch_subgraph_indices"},
    {TFLC_BO2_STABLEHLO_CUSTOM_CALL, true, 4, true,
     "StablehloCustomCallOptions.called_computations"},
};

static size_t kind_width(tflc_opt_kind k) {
  switch (k) {
    case TFLC_OPT_BOOL:
    case TFLC_OPT_I8:
    case TFLC_OPT_U8:
    case TFLC_OPT_VEC_U8:
    case TFLC_OPT_VEC_BOOL:
    case TFLC_OPT_STRING: return 1;
    case TFLC_OPT_I16: return 2;
    case TFLC_OPT_I64:
    case TFLC_OPT_VEC_I64: return 8;
    default: return 4;
  }
}

static bool kind_is_vec(tflc_opt_kind k) {
  return k == TFLC_OPT_VEC_I32 || k == TFLC_OPT_VEC_I64 ||
         k == TFLC_OPT_VEC_F32 || k == TFLC_OPT_VEC_U8 ||
         k == TFLC_OPT_VEC_BOOL || k == TFLC_OPT_VEC_U32;
}

/* Every field the schema knows must have its declared width inside the
 * table, and vectors / strings must be in bounds. */
static int verify_options_fields(sd_ctx *c, const fb_table *t,
                                 const tflc_opt_table_desc *d) {
  for (int id = 0; id < d->n_fields; id++) {
    tflc_opt_kind k = d->fields[id].kind;
    int rc;
    if (k == TFLC_OPT_STRING) {
      const char *s;
      uint32_t len;
      rc = fb_get_string(&c->r, t, id, &s, &len);
    } else if (kind_is_vec(k)) {
      fb_vector v;
      rc = fb_get_vector(&c->r, t, id, kind_width(k), &v);
    } else {
      size_t pos;
      rc = fb_field(&c->r, t, id, kind_width(k), &pos);
    }
    if (rc < 0)
      return sd_fail(c, "%s.%s is malformed (out of bounds)", d->name,
                     d->fields[id].name);
  }
  return 0;
}

static int check_sg_index(sd_ctx *c, const char *name, int64_t v) {
  if (v < 0 || v >= c->def->n_subgraphs)
    return sd_fail(c, "%s refers to subgraph %lld; the model has %d subgraphs",
                   name, (long long)v, c->def->n_subgraphs);
  return 0;
}

static int check_options_subgraphs(sd_ctx *c, const fb_table *t, uint8_t type,
                                   bool is2) {
  for (size_t i = 0; i < sizeof k_sg_refs / sizeof k_sg_refs[0]; i++) {
    const sg_ref *s = &k_sg_refs[i];
    if (s->type != type || s->is2 != is2) continue;
    if (!s->vec) {
      uint32_t v;
      if (fb_get_u32(&c->r, t, s->field, 0, &v) != 0)
        return sd_fail(c, "%s is malformed", s->name);
      int64_t sv =
          s->type == TFLC_BO_CALL && !is2 ? (int64_t)v : (int64_t)(int32_t)v;
      if (check_sg_index(c, s->name, sv)) return -1;
      continue;
    }
    fb_vector v;
    int rc = fb_get_vector(&c->r, t, s->field, 4, &v);
    if (rc < 0) return sd_fail(c, "%s is malformed", s->name);
    for (uint32_t j = 0; rc == 1 && j < v.len; j++)
      if (check_sg_index(c, s->name,
                         (int32_t)fb_load_u32(&c->r, v.pos + (size_t)j * 4)))
        return -1;
  }
  return 0;
}

/* Union (type field, table field) of builtin options into ref. */
static int decode_options(sd_ctx *c, const fb_table *ot, int type_id, bool is2,
                          tflc_options_ref *ref) {
  const char *what = is2 ? "builtin_options_2" : "builtin_options";
  uint8_t type;
  fb_table t;
  ref->file = c->r.data;
  ref->file_size = c->r.size;
  ref->is_options2 = is2;
  if (sd_u8(c, ot, type_id, what, 0, &type)) return -1;
  ref->type = type;
  int rc = sd_table(c, ot, type_id + 1, what, &t);
  if (rc < 0) return -1;
  if (rc == 0 || type == 0) return 0;
  if (t.pos > UINT32_MAX) return sd_fail(c, "%s table beyond 4 GiB", what);
  ref->table = (uint32_t)t.pos;
  const tflc_opt_table_desc *d = options_desc(type, is2);
  if (!d) return 0; /* a newer schema's options: kept opaque */
  if (verify_options_fields(c, &t, d)) return -1;
  return check_options_subgraphs(c, &t, type, is2);
}

static int check_indices(sd_ctx *c, const char *what, const int32_t *idx,
                         int32_t n, int32_t lo, int32_t n_tensors) {
  for (int32_t i = 0; i < n; i++)
    if (idx[i] < lo || idx[i] >= n_tensors)
      return sd_fail(c,
                     "%s %d refers to tensor %d; the subgraph has %d tensors",
                     what, i, idx[i], n_tensors);
  return 0;
}

static const char *op_name(const tflc_model_def *def, uint32_t opcode_index) {
  if (opcode_index >= (uint32_t)def->n_opcodes) return "?";
  const tflc_opcode_def *oc = &def->opcodes[opcode_index];
  if (oc->effective_code == TFLC_OP_CUSTOM && oc->custom_code)
    return oc->custom_code;
  const char *n = schema_builtin_name(oc->effective_code);
  return n ? n : "unknown builtin";
}

static int decode_custom_options(sd_ctx *c, const fb_table *ot,
                                 tflc_operator_def *op) {
  uint64_t off, size;
  if (sd_bytes(c, ot, 5, "custom_options", &op->custom_options,
               &op->custom_options_size) ||
      sd_u64(c, ot, 9, "large_custom_options_offset", 0, &off) ||
      sd_u64(c, ot, 10, "large_custom_options_size", 0, &size))
    return -1;
  if (off <= 1) return 0; /* only valid when > 1 */
  if (off > c->r.size || size > c->r.size - off)
    return sd_fail(c,
                   "large custom options [%llu, +%llu) lie outside the "
                   "%zu-byte file",
                   (unsigned long long)off, (unsigned long long)size,
                   c->r.size);
  op->custom_options = c->r.data + off;
  op->custom_options_size = (size_t)size;
  return 0;
}

static int decode_operator(sd_ctx *c, const fb_table *ot, int sg, int index,
                           tflc_subgraph_def *sd, tflc_operator_def *op) {
  sd_where(c, "subgraph %d operator %d", sg, index);
  if (sd_u32(c, ot, 0, "opcode_index", 0, &op->opcode_index)) return -1;
  if (op->opcode_index >= (uint32_t)c->def->n_opcodes)
    return sd_fail(c,
                   "opcode_index %u is out of range; the model has %d "
                   "operator codes",
                   op->opcode_index, c->def->n_opcodes);
  sd_where(c, "subgraph %d operator %d (%.64s)", sg, index,
           op_name(c->def, op->opcode_index));
  fb_vector mv;
  int rc;
  int ok;
  if (sd_vec_i32(c, ot, 1, "inputs", &op->inputs, &op->n_inputs, NULL) ||
      sd_vec_i32(c, ot, 2, "outputs", &op->outputs, &op->n_outputs, NULL) ||
      sd_vec_i32(c, ot, 8, "intermediates", &op->intermediates,
                 &op->n_intermediates, NULL) ||
      check_indices(c, "input", op->inputs, op->n_inputs, -1, sd->n_tensors) ||
      check_indices(c, "output", op->outputs, op->n_outputs, 0,
                    sd->n_tensors) ||
      check_indices(c, "intermediate", op->intermediates, op->n_intermediates,
                    0, sd->n_tensors) ||
      decode_options(c, ot, 3, false, &op->options) ||
      decode_options(c, ot, 11, true, &op->options2) ||
      decode_custom_options(c, ot, op))
    return -1;
  rc = sd_vec(c, ot, 7, "mutating_variable_inputs", 1, &mv);
  if (rc < 0) return -1;
  if (rc == 1) {
    op->mutating_variable_inputs = sd_alloc(c, mv.len, sizeof(bool), &ok);
    if (!ok) return -1;
    for (uint32_t i = 0; i < mv.len; i++)
      op->mutating_variable_inputs[i] = c->r.data[mv.pos + i] != 0;
    op->n_mutating_variable_inputs = (int32_t)mv.len;
  }
  return 0;
}

int sd_decode_operators(sd_ctx *c, const fb_table *sgt, int sg,
                        tflc_subgraph_def *sd) {
  fb_vector v;
  int ok;
  int rc = sd_vec(c, sgt, 3, "operators", 4, &v);
  if (rc <= 0) return rc;
  sd->operators = sd_alloc(c, v.len, sizeof *sd->operators, &ok);
  if (!ok) return -1;
  sd->n_operators = (int32_t)v.len;
  for (uint32_t i = 0; i < v.len; i++) {
    fb_table ot;
    if (fb_vec_table(&c->r, &v, i, &ot) != 0) {
      sd_where(c, "subgraph %d operator %u", sg, i);
      return sd_fail(c, "table is malformed (bad offset or vtable)");
    }
    if (decode_operator(c, &ot, sg, (int)i, sd, &sd->operators[i])) return -1;
  }
  return 0;
}

/* Blockwise / multi-axis quantization refers to scale and zero point
 * tensors of the same subgraph. */
static int check_blockwise_indices(sd_ctx *c, int index,
                                   const tflc_subgraph_def *sg) {
  for (int32_t i = 0; i < sg->n_tensors; i++) {
    const tflc_quant_def *q = sg->tensors[i].quant;
    if (!q || (q->details_type != 2 && q->details_type != 3)) continue;
    sd_where(c, "subgraph %d tensor %d (\"%.80s\")", index, i,
             sg->tensors[i].name);
    if (q->details_scales < 0 || q->details_scales >= sg->n_tensors)
      return sd_fail(c,
                     "quantization scales refer to tensor %d; the subgraph "
                     "has %d tensors",
                     q->details_scales, sg->n_tensors);
    if (q->details_zero_points < -1 || q->details_zero_points >= sg->n_tensors)
      return sd_fail(c,
                     "quantization zero_points refer to tensor %d; the "
                     "subgraph has %d tensors",
                     q->details_zero_points, sg->n_tensors);
  }
  return 0;
}

int sd_decode_subgraph(sd_ctx *c, const fb_table *t, int index,
                       tflc_subgraph_def *sg) {
  sd_where(c, "subgraph %d", index);
  fb_vector v;
  int ok;
  if (sd_string(c, t, 4, "name", "", &sg->name)) return -1;
  int rc = sd_vec(c, t, 0, "tensors", 4, &v);
  if (rc < 0) return -1;
  if (rc == 1) {
    sg->tensors = sd_alloc(c, v.len, sizeof *sg->tensors, &ok);
    if (!ok) return -1;
    sg->n_tensors = (int32_t)v.len;
    for (uint32_t i = 0; i < v.len; i++) {
      fb_table tt;
      if (fb_vec_table(&c->r, &v, i, &tt) != 0) {
        sd_where(c, "subgraph %d tensor %u", index, i);
        return sd_fail(c, "table is malformed (bad offset or vtable)");
      }
      if (sd_decode_tensor(c, &tt, index, (int)i, &sg->tensors[i])) return -1;
    }
  }
  if (check_blockwise_indices(c, index, sg)) return -1;
  sd_where(c, "subgraph %d", index);
  if (sd_vec_i32(c, t, 1, "inputs", &sg->inputs, &sg->n_inputs, NULL) ||
      sd_vec_i32(c, t, 2, "outputs", &sg->outputs, &sg->n_outputs, NULL) ||
      check_indices(c, "input", sg->inputs, sg->n_inputs, 0, sg->n_tensors) ||
      check_indices(c, "output", sg->outputs, sg->n_outputs, 0, sg->n_tensors))
    return -1;
  return sd_decode_operators(c, t, index, sg);
}
