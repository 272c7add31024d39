/* `tflc inspect --json`: the same content as the text output, as one JSON
 * object (strings escaped, so untrusted names give valid JSON). */
#include <stdio.h>

#include "inspect.h"
#include "json_writer.h"
#include "schema/schema.h"

static void ints(json_writer *w, const char *key, const int32_t *v, int32_t n) {
  jw_array(w, key, 1);
  for (int32_t i = 0; i < n; i++) jw_int(w, NULL, v[i]);
  jw_end(w);
}

static void quant(json_writer *w, const tflc_quant_def *q) {
  jw_object(w, "quantization");
  jw_array(w, "scale", 1);
  for (int32_t i = 0; i < q->n_scale; i++) jw_double(w, NULL, q->scale[i]);
  jw_end(w);
  jw_array(w, "zero_point", 1);
  for (int32_t i = 0; i < q->n_zero_point; i++)
    jw_int(w, NULL, q->zero_point[i]);
  jw_end(w);
  jw_array(w, "min", 1);
  for (int32_t i = 0; i < q->n_min; i++) jw_double(w, NULL, q->min[i]);
  jw_end(w);
  jw_array(w, "max", 1);
  for (int32_t i = 0; i < q->n_max; i++) jw_double(w, NULL, q->max[i]);
  jw_end(w);
  jw_int(w, "quantized_dimension", q->quantized_dimension);
  jw_int(w, "details_type", q->details_type);
  jw_end(w);
}

static void tensor(json_writer *w, const tflc_model_def *def, int32_t i,
                   const tflc_tensor_def *t) {
  char tn[32];
  jw_object(w, NULL);
  jw_int(w, "index", i);
  jw_string(w, "name", t->name);
  jw_string(w, "type", inspect_type_name(t->type, tn, sizeof tn));
  ints(w, "shape", t->shape, t->rank);
  if (t->has_shape_signature)
    ints(w, "shape_signature", t->shape_signature, t->n_shape_signature);
  else
    jw_null(w, "shape_signature");
  jw_int(w, "buffer", t->buffer);
  jw_int(w, "constant_bytes",
         t->buffer && t->buffer < (uint32_t)def->n_buffers
             ? (long long)def->buffers[t->buffer].size
             : 0);
  jw_bool(w, "is_variable", t->is_variable);
  jw_bool(w, "sparsity", t->sparsity != NULL);
  const tflc_quant_def *q = t->quant;
  if (q && (q->n_scale || q->n_zero_point || q->n_min || q->n_max ||
            q->details_type))
    quant(w, q);
  else
    jw_null(w, "quantization");
  jw_end(w);
}

static void options(json_writer *w, const char *key,
                    const tflc_options_ref *o) {
  if (!o->type) return;
  const tflc_opt_table_desc *d = options_desc(o->type, o->is_options2);
  const char *name = schema_options_name(o->type, o->is_options2);
  jw_object(w, key);
  jw_string(w, "type", d ? d->name : name);
  jw_int(w, "type_id", o->type);
  if (d) {
    jw_object(w, "fields");
    for (int f = 0; f < d->n_fields; f++) {
      jw_key(w, d->fields[f].name);
      inspect_option_value(w->out, o, f, &d->fields[f]);
    }
    jw_end(w);
  }
  jw_end(w);
}

static void op(json_writer *w, const tflc_model_def *def, int32_t i,
               const tflc_operator_def *o) {
  char name[160];
  jw_object(w, NULL);
  jw_int(w, "index", i);
  jw_string(w, "op", inspect_op_name(def, o, name, sizeof name));
  jw_int(w, "version",
         o->opcode_index < (uint32_t)def->n_opcodes
             ? def->opcodes[o->opcode_index].version
             : 0);
  ints(w, "inputs", o->inputs, o->n_inputs);
  ints(w, "outputs", o->outputs, o->n_outputs);
  if (o->n_intermediates)
    ints(w, "intermediates", o->intermediates, o->n_intermediates);
  if (o->custom_options)
    jw_int(w, "custom_options_bytes", (long long)o->custom_options_size);
  options(w, "options", &o->options);
  options(w, "options2", &o->options2);
  jw_end(w);
}

static void tensor_maps(json_writer *w, const char *key,
                        const tflc_tensor_map_def *m, int32_t n) {
  jw_array(w, key, 0);
  for (int32_t i = 0; i < n; i++) {
    jw_object(w, NULL);
    jw_string(w, "name", m[i].name);
    jw_int(w, "tensor", m[i].tensor_index);
    jw_end(w);
  }
  jw_end(w);
}

static void plan(json_writer *w, const tflc_model_def *def,
                 const inspect_plan *p) {
  jw_object(w, "arena_plan");
  jw_bool(w, "ok", p->ok);
  if (!p->ok) {
    jw_string(w, "error", p->error);
    jw_end(w);
    return;
  }
  jw_int(w, "arena_bytes", (long long)p->arena_size);
  jw_int(w, "memory_used", (long long)p->memory_used);
  const tflc_subgraph_def *sg = def->n_subgraphs ? &def->subgraphs[0] : NULL;
  jw_array(w, "tensors", 0);
  for (int i = 0; i < p->n_tensors; i++) {
    if (p->offsets[i] < 0) continue;
    jw_object(w, NULL);
    jw_int(w, "index", i);
    jw_string(w, "name", sg && i < sg->n_tensors ? sg->tensors[i].name : "");
    jw_int(w, "offset", p->offsets[i]);
    jw_int(w, "bytes", (long long)p->bytes[i]);
    jw_end(w);
  }
  jw_end(w);
  jw_end(w);
}

void inspect_print_json(FILE *out, const inspect_input *in) {
  const tflc_model_def *def = in->def;
  json_writer w;
  jw_init(&w, out);
  jw_object(&w, NULL);
  jw_string(&w, "path", in->path);
  jw_int(&w, "file_bytes", (long long)in->file_size);
  jw_int(&w, "version", def->version);
  jw_string(&w, "description", def->description ? def->description : "");
  jw_int(&w, "buffers", def->n_buffers);
  jw_array(&w, "subgraphs", 0);
  for (int32_t s = 0; s < def->n_subgraphs; s++) {
    const tflc_subgraph_def *sg = &def->subgraphs[s];
    jw_object(&w, NULL);
    jw_int(&w, "index", s);
    jw_string(&w, "name", sg->name ? sg->name : "");
    ints(&w, "inputs", sg->inputs, sg->n_inputs);
    ints(&w, "outputs", sg->outputs, sg->n_outputs);
    jw_array(&w, "tensors", 0);
    for (int32_t i = 0; i < sg->n_tensors; i++)
      tensor(&w, def, i, &sg->tensors[i]);
    jw_end(&w);
    jw_array(&w, "operators", 0);
    for (int32_t i = 0; i < sg->n_operators; i++)
      op(&w, def, i, &sg->operators[i]);
    jw_end(&w);
    jw_end(&w);
  }
  jw_end(&w);
  jw_array(&w, "signatures", 0);
  for (int32_t s = 0; s < def->n_signatures; s++) {
    const tflc_signature_def *sig = &def->signatures[s];
    jw_object(&w, NULL);
    jw_string(&w, "key", sig->key ? sig->key : "");
    jw_int(&w, "subgraph", sig->subgraph_index);
    tensor_maps(&w, "inputs", sig->inputs, sig->n_inputs);
    tensor_maps(&w, "outputs", sig->outputs, sig->n_outputs);
    jw_end(&w);
  }
  jw_end(&w);
  jw_array(&w, "metadata", 0);
  for (int32_t m = 0; m < def->n_metadata; m++) {
    jw_object(&w, NULL);
    jw_string(&w, "name", def->metadata[m].name);
    jw_int(&w, "buffer", def->metadata[m].buffer);
    jw_end(&w);
  }
  jw_end(&w);
  plan(&w, def, in->plan);
  jw_end(&w);
}
