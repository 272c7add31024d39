/* `tflc inspect` helpers: operator and type names, and builtin option values
 * read by field id through the bounds-checked opt_* readers. */
#include <inttypes.h>
#include <stdio.h>

#include "inspect.h"
#include "json_writer.h"
#include "schema/options.h"
#include "schema/schema.h"

#define MAX_VEC_PRINT 16
#define OP_CUSTOM 32 /* BuiltinOperator CUSTOM */

const char *inspect_op_name(const tflc_model_def *def,
                            const tflc_operator_def *op, char *buf, size_t n) {
  if (op->opcode_index >= (uint32_t)def->n_opcodes) {
    snprintf(buf, n, "OPCODE_%u?", op->opcode_index);
    return buf;
  }
  const tflc_opcode_def *oc = &def->opcodes[op->opcode_index];
  if (oc->custom_code && oc->effective_code == OP_CUSTOM) {
    snprintf(buf, n, "CUSTOM(%s)", oc->custom_code);
    return buf;
  }
  const char *name = schema_builtin_name(oc->effective_code);
  if (name)
    snprintf(buf, n, "%s", name);
  else
    snprintf(buf, n, "BUILTIN_%d", (int)oc->effective_code);
  return buf;
}

const char *inspect_type_name(int8_t type, char *buf, size_t n) {
  const char *name = schema_tensor_type_name(type);
  if (name)
    snprintf(buf, n, "%s", name);
  else
    snprintf(buf, n, "TYPE_%d", (int)type);
  return buf;
}

static void print_vec_i32(FILE *out, const tflc_options_ref *o, int field) {
  int32_t v[MAX_VEC_PRINT];
  int32_t n = opt_vec_i32(o, field, v, MAX_VEC_PRINT);
  if (n < 0) {
    fputs("null", out);
    return;
  }
  fputc('[', out);
  for (int32_t i = 0; i < n && i < MAX_VEC_PRINT; i++)
    fprintf(out, "%s%" PRId32, i ? ", " : "", v[i]);
  if (n > MAX_VEC_PRINT) fprintf(out, ", \"... %" PRId32 " values\"", n);
  fputc(']', out);
}

static void print_vec_i64(FILE *out, const tflc_options_ref *o, int field) {
  int64_t v[MAX_VEC_PRINT];
  int32_t n = opt_vec_i64(o, field, v, MAX_VEC_PRINT);
  if (n < 0) {
    fputs("null", out);
    return;
  }
  fputc('[', out);
  for (int32_t i = 0; i < n && i < MAX_VEC_PRINT; i++)
    fprintf(out, "%s%" PRId64, i ? ", " : "", v[i]);
  if (n > MAX_VEC_PRINT) fprintf(out, ", \"... %" PRId32 " values\"", n);
  fputc(']', out);
}

void inspect_option_value(FILE *out, const tflc_options_ref *o, int field,
                          const tflc_opt_field_desc *f) {
  double d = f->dflt;
  switch (f->kind) {
    case TFLC_OPT_BOOL:
      fputs(opt_bool(o, field, d != 0) ? "true" : "false", out);
      break;
    case TFLC_OPT_I8:
      fprintf(out, "%d", (int)opt_i8(o, field, (int8_t)d));
      break;
    case TFLC_OPT_U8:
      fprintf(out, "%u", (unsigned)opt_u8(o, field, (uint8_t)d));
      break;
    case TFLC_OPT_I16:
      fprintf(out, "%d", (int)opt_i16(o, field, (int16_t)d));
      break;
    case TFLC_OPT_I32:
      fprintf(out, "%" PRId32, opt_i32(o, field, (int32_t)d));
      break;
    case TFLC_OPT_U32:
      fprintf(out, "%" PRIu32, opt_u32(o, field, (uint32_t)d));
      break;
    case TFLC_OPT_I64:
      fprintf(out, "%" PRId64, opt_i64(o, field, (int64_t)d));
      break;
    case TFLC_OPT_F32: {
      float v = opt_f32(o, field, (float)d);
      if (v != v || v - v != 0)
        fputs("null", out);
      else
        fprintf(out, "%.9g", (double)v);
      break;
    }
    case TFLC_OPT_VEC_I32: print_vec_i32(out, o, field); break;
    case TFLC_OPT_VEC_I64: print_vec_i64(out, o, field); break;
    case TFLC_OPT_STRING: {
      int32_t len = 0;
      const char *s = opt_string(o, field, &len);
      if (s && len >= 0)
        json_write_string(out, s, (size_t)len);
      else
        fputs("null", out);
      break;
    }
    default: /* TFLC_OPT_VEC_F32: options.h has no float-vector reader */
      fputs("null", out);
      break;
  }
}
