/* `tflc inspect` human-readable output: model header, subgraphs with their
 * tensors and operators (options by field name), signatures, metadata and
 * the arena plan of subgraph 0. */
#include <inttypes.h>
#include <stdio.h>

#include "inspect.h"
#include "schema/schema.h"

#define MAX_QUANT_PRINT 4

static void print_i32_list(FILE *out, const int32_t *v, int32_t n) {
  fputc('[', out);
  for (int32_t i = 0; i < n; i++)
    fprintf(out, "%s%" PRId32, i ? ", " : "", v[i]);
  fputc(']', out);
}

static void print_quant(FILE *out, const tflc_quant_def *q) {
  fprintf(out, "      quantization: scale [");
  for (int32_t i = 0; i < q->n_scale && i < MAX_QUANT_PRINT; i++)
    fprintf(out, "%s%.9g", i ? ", " : "", (double)q->scale[i]);
  if (q->n_scale > MAX_QUANT_PRINT) fprintf(out, ", ...");
  fprintf(out, "] (%" PRId32 ") zero_point [", q->n_scale);
  for (int32_t i = 0; i < q->n_zero_point && i < MAX_QUANT_PRINT; i++)
    fprintf(out, "%s%" PRId64, i ? ", " : "", q->zero_point[i]);
  if (q->n_zero_point > MAX_QUANT_PRINT) fprintf(out, ", ...");
  fprintf(out, "] (%" PRId32 ") quantized_dimension %" PRId32, q->n_zero_point,
          q->quantized_dimension);
  if (q->n_min || q->n_max)
    fprintf(out, " min/max %" PRId32 "/%" PRId32 " values", q->n_min, q->n_max);
  if (q->details_type) fprintf(out, " details type %u", q->details_type);
  fprintf(out, "\n");
}

static void print_tensor(FILE *out, const tflc_model_def *def, int32_t i,
                         const tflc_tensor_def *t) {
  char tn[32];
  fprintf(out, "    %4" PRId32 " \"%s\" %s ", i, t->name,
          inspect_type_name(t->type, tn, sizeof tn));
  print_i32_list(out, t->shape, t->rank);
  if (t->has_shape_signature) {
    fprintf(out, " signature ");
    print_i32_list(out, t->shape_signature, t->n_shape_signature);
  }
  if (t->buffer) {
    size_t bytes =
        t->buffer < (uint32_t)def->n_buffers ? def->buffers[t->buffer].size : 0;
    fprintf(out, " buffer %u (%zu bytes)", t->buffer, bytes);
  }
  if (t->is_variable) fprintf(out, " variable");
  if (t->sparsity) fprintf(out, " sparse");
  fprintf(out, "\n");
  const tflc_quant_def *q = t->quant;
  if (q && (q->n_scale || q->n_zero_point || q->n_min || q->n_max ||
            q->details_type))
    print_quant(out, q);
}

static void print_options(FILE *out, const tflc_options_ref *o) {
  if (!o->type) return;
  const tflc_opt_table_desc *d = options_desc(o->type, o->is_options2);
  const char *name = schema_options_name(o->type, o->is_options2);
  if (!d) {
    fprintf(out, "      options: %s (type %u, fields unknown)\n",
            name ? name : "?", o->type);
    return;
  }
  fprintf(out, "      %s:", d->name);
  for (int f = 0; f < d->n_fields; f++) {
    fprintf(out, " %s=", d->fields[f].name);
    inspect_option_value(out, o, f, &d->fields[f]);
  }
  fprintf(out, "\n");
}

static void print_operator(FILE *out, const tflc_model_def *def, int32_t i,
                           const tflc_operator_def *op) {
  char name[160];
  int version = op->opcode_index < (uint32_t)def->n_opcodes
                    ? (int)def->opcodes[op->opcode_index].version
                    : 0;
  fprintf(out, "    %4" PRId32 " %s v%d inputs ", i,
          inspect_op_name(def, op, name, sizeof name), version);
  print_i32_list(out, op->inputs, op->n_inputs);
  fprintf(out, " outputs ");
  print_i32_list(out, op->outputs, op->n_outputs);
  if (op->n_intermediates) {
    fprintf(out, " intermediates ");
    print_i32_list(out, op->intermediates, op->n_intermediates);
  }
  if (op->custom_options)
    fprintf(out, " custom_options %zu bytes", op->custom_options_size);
  fprintf(out, "\n");
  print_options(out, &op->options);
  print_options(out, &op->options2);
}

static void print_plan(FILE *out, const tflc_model_def *def,
                       const inspect_plan *p) {
  if (!p->ok) {
    fprintf(out, "arena plan: not available: %s\n", p->error);
    return;
  }
  fprintf(out, "arena plan (subgraph 0): %zu bytes arena, %zu bytes in all\n",
          p->arena_size, p->memory_used);
  const tflc_subgraph_def *sg = def->n_subgraphs ? &def->subgraphs[0] : NULL;
  for (int i = 0; i < p->n_tensors; i++) {
    if (p->offsets[i] < 0) continue;
    fprintf(out, "    %4d \"%s\" offset %" PRId64 " size %zu\n", i,
            sg && i < sg->n_tensors ? sg->tensors[i].name : "", p->offsets[i],
            p->bytes[i]);
  }
}

void inspect_print_text(FILE *out, const inspect_input *in) {
  const tflc_model_def *def = in->def;
  fprintf(out, "model: %s (%zu bytes)\n", in->path, in->file_size);
  fprintf(out, "version: %u\n", def->version);
  if (def->description && *def->description)
    fprintf(out, "description: %s\n", def->description);
  fprintf(out, "buffers: %" PRId32 "  operator codes: %" PRId32 "\n",
          def->n_buffers, def->n_opcodes);
  for (int32_t s = 0; s < def->n_subgraphs; s++) {
    const tflc_subgraph_def *sg = &def->subgraphs[s];
    fprintf(out,
            "subgraph %" PRId32 " \"%s\": %" PRId32 " tensors, %" PRId32
            " operators\n  inputs ",
            s, sg->name ? sg->name : "", sg->n_tensors, sg->n_operators);
    print_i32_list(out, sg->inputs, sg->n_inputs);
    fprintf(out, " outputs ");
    print_i32_list(out, sg->outputs, sg->n_outputs);
    fprintf(out, "\n  tensors:\n");
    for (int32_t i = 0; i < sg->n_tensors; i++)
      print_tensor(out, def, i, &sg->tensors[i]);
    fprintf(out, "  operators:\n");
    for (int32_t i = 0; i < sg->n_operators; i++)
      print_operator(out, def, i, &sg->operators[i]);
  }
  for (int32_t s = 0; s < def->n_signatures; s++) {
    const tflc_signature_def *sig = &def->signatures[s];
    fprintf(out, "signature \"%s\" -> subgraph %u\n", sig->key ? sig->key : "",
            sig->subgraph_index);
    for (int32_t i = 0; i < sig->n_inputs; i++)
      fprintf(out, "  input \"%s\" -> tensor %u\n", sig->inputs[i].name,
              sig->inputs[i].tensor_index);
    for (int32_t i = 0; i < sig->n_outputs; i++)
      fprintf(out, "  output \"%s\" -> tensor %u\n", sig->outputs[i].name,
              sig->outputs[i].tensor_index);
  }
  for (int32_t m = 0; m < def->n_metadata; m++)
    fprintf(out, "metadata \"%s\" (buffer %u)\n", def->metadata[m].name,
            def->metadata[m].buffer);
  print_plan(out, def, in->plan);
}
