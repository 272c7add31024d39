/* Test-side model builder: fills a tflc_model_def by hand (growing arrays
 * with malloc) and serializes it with the project's writer, schema_write. */
#include "support/test_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema/schema.h"

#define TM_MAX_SUBGRAPHS 16

typedef struct tm_sub {
  tflc_tensor_def *tensors;
  int n_tensors, cap_tensors;
  tflc_operator_def *ops;
  int n_ops, cap_ops;
  int32_t *inputs, *outputs;
  int n_inputs, n_outputs;
} tm_sub;

struct tm_model {
  tm_sub subs[TM_MAX_SUBGRAPHS];
  int n_subs;
  int cur;
  tflc_buffer_def *buffers;
  int n_buffers, cap_buffers;
  tflc_opcode_def *opcodes;
  int n_opcodes, cap_opcodes;
  tflc_signature_def *sigs;
  int n_sigs;
  /* everything malloc'd for the def, freed at tm_free */
  void **owned;
  int n_owned, cap_owned;
};

static void *own(tm_model *m, void *p) {
  if (m->n_owned == m->cap_owned) {
    m->cap_owned = m->cap_owned ? m->cap_owned * 2 : 64;
    m->owned = realloc(m->owned, sizeof(void *) * (size_t)m->cap_owned);
  }
  m->owned[m->n_owned++] = p;
  return p;
}

static void *own_copy(tm_model *m, const void *src, size_t bytes) {
  void *p = malloc(bytes ? bytes : 1);
  if (bytes) memcpy(p, src, bytes);
  return own(m, p);
}

static char *own_str(tm_model *m, const char *s) {
  return own_copy(m, s ? s : "", strlen(s ? s : "") + 1);
}

#define GROW(arr, n, cap)                                     \
  do {                                                        \
    if ((n) == (cap)) {                                       \
      (cap) = (cap) ? (cap)*2 : 8;                            \
      (arr) = realloc((arr), sizeof(*(arr)) * (size_t)(cap)); \
    }                                                         \
  } while (0)

tm_model *tm_create(void) {
  tm_model *m = calloc(1, sizeof *m);
  m->n_subs = 1;
  GROW(m->buffers, m->n_buffers, m->cap_buffers);
  memset(&m->buffers[0], 0, sizeof m->buffers[0]);
  m->n_buffers = 1; /* buffer 0: the empty sentinel */
  return m;
}

void tm_free(tm_model *m) {
  if (!m) return;
  for (int s = 0; s < m->n_subs; s++) {
    free(m->subs[s].tensors);
    free(m->subs[s].ops);
  }
  free(m->buffers);
  free(m->opcodes);
  free(m->sigs);
  for (int i = 0; i < m->n_owned; i++) free(m->owned[i]);
  free(m->owned);
  free(m);
}

int tm_subgraph(tm_model *m) {
  if (m->n_subs >= TM_MAX_SUBGRAPHS) return -1;
  m->cur = m->n_subs++;
  return m->cur;
}

static int add_tensor(tm_model *m, int8_t type, const int *shape, int rank,
                      const char *name, uint32_t buffer) {
  tm_sub *s = &m->subs[m->cur];
  GROW(s->tensors, s->n_tensors, s->cap_tensors);
  tflc_tensor_def *t = &s->tensors[s->n_tensors];
  memset(t, 0, sizeof *t);
  t->name = own_str(m, name);
  t->type = type;
  t->shape = own_copy(m, shape, sizeof(int32_t) * (size_t)rank);
  t->rank = rank;
  t->buffer = buffer;
  t->has_rank = true;
  return s->n_tensors++;
}

int tm_tensor(tm_model *m, int8_t type, const int *shape, int rank,
              const char *name) {
  return add_tensor(m, type, shape, rank, name, 0);
}

int tm_const(tm_model *m, int8_t type, const int *shape, int rank,
             const void *data, size_t bytes, const char *name) {
  GROW(m->buffers, m->n_buffers, m->cap_buffers);
  tflc_buffer_def *b = &m->buffers[m->n_buffers];
  memset(b, 0, sizeof *b);
  b->data = own_copy(m, data, bytes);
  b->size = bytes;
  uint32_t index = (uint32_t)m->n_buffers++;
  return add_tensor(m, type, shape, rank, name, index);
}

void tm_variable(tm_model *m, int tensor) {
  m->subs[m->cur].tensors[tensor].is_variable = true;
}

void tm_signature_shape(tm_model *m, int tensor, const int *sig, int rank) {
  tflc_tensor_def *t = &m->subs[m->cur].tensors[tensor];
  t->has_shape_signature = true;
  t->shape_signature = own_copy(m, sig, sizeof(int32_t) * (size_t)rank);
  t->n_shape_signature = rank;
}

void tm_sparsity(tm_model *m, int tensor, const tflc_sparsity_def *sp) {
  tflc_sparsity_def *c = own(m, calloc(1, sizeof *c));
  *c = *sp;
  c->traversal_order = own_copy(
      m, sp->traversal_order, sizeof(int32_t) * (size_t)sp->n_traversal_order);
  c->block_map =
      own_copy(m, sp->block_map, sizeof(int32_t) * (size_t)sp->n_block_map);
  c->dim_metadata =
      own_copy(m, sp->dim_metadata,
               sizeof(tflc_dim_metadata_def) * (size_t)sp->n_dim_metadata);
  for (int32_t i = 0; i < sp->n_dim_metadata; i++) {
    tflc_dim_metadata_def *d = &c->dim_metadata[i];
    d->segments =
        own_copy(m, d->segments, sizeof(int32_t) * (size_t)d->n_segments);
    d->indices =
        own_copy(m, d->indices, sizeof(int32_t) * (size_t)d->n_indices);
  }
  m->subs[m->cur].tensors[tensor].sparsity = c;
}

void tm_quant(tm_model *m, int tensor, const float *scales,
              const int64_t *zero_points, int n, int qdim) {
  tflc_quant_def *q = own(m, calloc(1, sizeof *q));
  q->scale = own_copy(m, scales, sizeof(float) * (size_t)n);
  q->n_scale = n;
  q->zero_point = own_copy(m, zero_points, sizeof(int64_t) * (size_t)n);
  q->n_zero_point = n;
  q->quantized_dimension = qdim;
  m->subs[m->cur].tensors[tensor].quant = q;
}

static uint32_t opcode_for(tm_model *m, int32_t code, const char *custom) {
  for (int i = 0; i < m->n_opcodes; i++) {
    tflc_opcode_def *o = &m->opcodes[i];
    if (o->builtin_code != code) continue;
    if (code != TFLC_OP_CUSTOM) return (uint32_t)i;
    if (custom && o->custom_code && strcmp(custom, o->custom_code) == 0)
      return (uint32_t)i;
  }
  GROW(m->opcodes, m->n_opcodes, m->cap_opcodes);
  tflc_opcode_def *o = &m->opcodes[m->n_opcodes];
  memset(o, 0, sizeof *o);
  o->builtin_code = code;
  o->deprecated_builtin_code = (int8_t)(code < 127 ? code : 127);
  o->effective_code = code;
  o->custom_code = custom ? own_str(m, custom) : NULL;
  o->version = 1;
  return (uint32_t)m->n_opcodes++;
}

int tm_op(tm_model *m, int32_t builtin_code, const char *custom_code,
          const int *inputs, int n_inputs, const int *outputs, int n_outputs,
          uint8_t options_type, const tflc_opt_field *fields, int n_fields) {
  tm_sub *s = &m->subs[m->cur];
  GROW(s->ops, s->n_ops, s->cap_ops);
  tflc_operator_def *op = &s->ops[s->n_ops];
  memset(op, 0, sizeof *op);
  op->opcode_index = opcode_for(m, builtin_code, custom_code);
  op->inputs = own_copy(m, inputs, sizeof(int32_t) * (size_t)n_inputs);
  op->n_inputs = n_inputs;
  op->outputs = own_copy(m, outputs, sizeof(int32_t) * (size_t)n_outputs);
  op->n_outputs = n_outputs;
  op->write_options_type = options_type;
  if (n_fields > 0) {
    tflc_opt_field *copy =
        own_copy(m, fields, sizeof(tflc_opt_field) * (size_t)n_fields);
    for (int i = 0; i < n_fields; i++) {
      if (copy[i].vec && copy[i].vec_len > 0) {
        size_t elem = copy[i].kind == TFLC_OPT_VEC_I64  ? 8
                      : copy[i].kind == TFLC_OPT_STRING ? 1
                                                        : 4;
        copy[i].vec = own_copy(m, copy[i].vec, elem * (size_t)copy[i].vec_len);
      }
    }
    op->write_options = copy;
    op->n_write_options = n_fields;
  }
  return s->n_ops++;
}

int tm_op_custom_options(tm_model *m, int op, const void *bytes, size_t size) {
  tflc_operator_def *o = &m->subs[m->cur].ops[op];
  o->custom_options = own_copy(m, bytes, size);
  o->custom_options_size = size;
  return 0;
}

void tm_op_options2(tm_model *m, int op) {
  m->subs[m->cur].ops[op].write_options_is_options2 = true;
}

void tm_op_version(tm_model *m, int op, int version) {
  tflc_operator_def *o = &m->subs[m->cur].ops[op];
  /* Give the op its own opcode entry with that version. */
  tflc_opcode_def base = m->opcodes[o->opcode_index];
  GROW(m->opcodes, m->n_opcodes, m->cap_opcodes);
  base.version = version;
  m->opcodes[m->n_opcodes] = base;
  o->opcode_index = (uint32_t)m->n_opcodes++;
}

void tm_io(tm_model *m, const int *inputs, int n_inputs, const int *outputs,
           int n_outputs) {
  tm_sub *s = &m->subs[m->cur];
  s->inputs = own_copy(m, inputs, sizeof(int32_t) * (size_t)n_inputs);
  s->n_inputs = n_inputs;
  s->outputs = own_copy(m, outputs, sizeof(int32_t) * (size_t)n_outputs);
  s->n_outputs = n_outputs;
}

static tflc_tensor_map_def *own_maps(tm_model *m, const char *const *names,
                                     const int *tensors, int n) {
  tflc_tensor_map_def *maps = own(m, calloc((size_t)(n ? n : 1), sizeof *maps));
  for (int i = 0; i < n; i++) {
    maps[i].name = own_str(m, names[i]);
    maps[i].tensor_index = (uint32_t)tensors[i];
  }
  return maps;
}

void tm_add_signature(tm_model *m, const char *key, int subgraph,
                      const char *const *input_names, const int *inputs,
                      int n_inputs, const char *const *output_names,
                      const int *outputs, int n_outputs) {
  m->sigs = realloc(m->sigs, sizeof(*m->sigs) * (size_t)(m->n_sigs + 1));
  tflc_signature_def *s = &m->sigs[m->n_sigs++];
  memset(s, 0, sizeof *s);
  s->key = own_str(m, key);
  s->subgraph_index = (uint32_t)subgraph;
  s->inputs = own_maps(m, input_names, inputs, n_inputs);
  s->n_inputs = n_inputs;
  s->outputs = own_maps(m, output_names, outputs, n_outputs);
  s->n_outputs = n_outputs;
}

uint8_t *tm_finish(tm_model *m, size_t *size) {
  tflc_subgraph_def subs[TM_MAX_SUBGRAPHS];
  memset(subs, 0, sizeof subs);
  for (int i = 0; i < m->n_subs; i++) {
    tm_sub *s = &m->subs[i];
    subs[i].tensors = s->tensors;
    subs[i].n_tensors = s->n_tensors;
    subs[i].operators = s->ops;
    subs[i].n_operators = s->n_ops;
    subs[i].inputs = s->inputs;
    subs[i].n_inputs = s->n_inputs;
    subs[i].outputs = s->outputs;
    subs[i].n_outputs = s->n_outputs;
    subs[i].name = "";
  }
  tflc_model_def def;
  memset(&def, 0, sizeof def);
  def.version = 3;
  def.opcodes = m->opcodes;
  def.n_opcodes = m->n_opcodes;
  def.subgraphs = subs;
  def.n_subgraphs = m->n_subs;
  def.description = "tflc test model";
  def.buffers = m->buffers;
  def.n_buffers = m->n_buffers;
  def.signatures = m->sigs;
  def.n_signatures = m->n_sigs;
  uint8_t *bytes = NULL;
  char err[512];
  if (schema_write(&def, NULL, &bytes, size, err, sizeof err) != 0) {
    fprintf(stderr, "tm_finish: schema_write failed: %s\n", err);
    return NULL;
  }
  /* schema_write allocated with the default allocator (malloc unless a
   * test replaced it); hand back a malloc'd copy the caller frees. */
  uint8_t *copy = malloc(*size);
  memcpy(copy, bytes, *size);
  tflc_free(NULL, bytes);
  return copy;
}

tflc_opt_field tm_opt_int(uint16_t id, tflc_opt_kind kind, int64_t value) {
  tflc_opt_field f;
  memset(&f, 0, sizeof f);
  f.id = id;
  f.kind = kind;
  f.i = value;
  return f;
}

tflc_opt_field tm_opt_f32(uint16_t id, float value) {
  tflc_opt_field f;
  memset(&f, 0, sizeof f);
  f.id = id;
  f.kind = TFLC_OPT_F32;
  f.f = value;
  return f;
}

tflc_opt_field tm_opt_vec_i32(uint16_t id, const int32_t *values, int n) {
  tflc_opt_field f;
  memset(&f, 0, sizeof f);
  f.id = id;
  f.kind = TFLC_OPT_VEC_I32;
  f.vec = values;
  f.vec_len = n;
  return f;
}

/* Interpreters made by tm_interpreter keep their model bytes and model here
 * until tm_interpreter_delete. */
typedef struct tm_owned_interp {
  TfLiteInterpreter *interp;
  TfLiteModel *model;
  uint8_t *bytes;
} tm_owned_interp;

static tm_owned_interp owned_interps[64];

static void capture_error(void *user, const char *format, va_list args) {
  char *buf = user;
  size_t used = strlen(buf);
  if (used >= 1000) return;
  if (used) buf[used++] = '\n';
  vsnprintf(buf + used, 1024 - used, format, args);
}

static char last_errors[1024];

TfLiteInterpreter *tm_interpreter(const uint8_t *bytes, size_t size, char *err,
                                  size_t err_size) {
  last_errors[0] = '\0';
  if (err && err_size) err[0] = '\0';
  uint8_t *copy = malloc(size ? size : 1);
  memcpy(copy, bytes, size);
  TfLiteModel *model = TfLiteModelCreateWithErrorReporter(
      copy, size, capture_error, last_errors);
  TfLiteInterpreter *interp = NULL;
  if (model) {
    TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
    TfLiteInterpreterOptionsSetErrorReporter(opts, capture_error, last_errors);
    interp = TfLiteInterpreterCreate(model, opts);
    TfLiteInterpreterOptionsDelete(opts);
    if (interp && TfLiteInterpreterAllocateTensors(interp) != kTfLiteOk) {
      TfLiteInterpreterDelete(interp);
      interp = NULL;
    }
  }
  if (!interp) {
    if (err && err_size) snprintf(err, err_size, "%s", last_errors);
    TfLiteModelDelete(model);
    free(copy);
    return NULL;
  }
  for (int i = 0; i < 64; i++) {
    if (!owned_interps[i].interp) {
      owned_interps[i] = (tm_owned_interp){interp, model, copy};
      return interp;
    }
  }
  fprintf(stderr, "tm_interpreter: more than 64 live interpreters\n");
  TfLiteInterpreterDelete(interp);
  TfLiteModelDelete(model);
  free(copy);
  return NULL;
}

void tm_interpreter_delete(TfLiteInterpreter *interp) {
  if (!interp) return;
  for (int i = 0; i < 64; i++) {
    if (owned_interps[i].interp == interp) {
      TfLiteInterpreterDelete(interp);
      TfLiteModelDelete(owned_interps[i].model);
      free(owned_interps[i].bytes);
      owned_interps[i].interp = NULL;
      return;
    }
  }
  TfLiteInterpreterDelete(interp);
}
