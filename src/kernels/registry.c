/* The builtin op resolver: maps builtin codes (and the names of custom ops
 * tflc implements) to kernel registrations. Every kernel file defines one
 * `kern_<op>` registration; this table is the only place they are listed.
 * kern_list_supported prints them with the types of op_types.c. */
#include "kernels/registry.h"

#include <string.h>

#include "core/interp_internal.h"
#include "schema/schema.h"
#include "schema/schema_enums.h"

#include "kernels/kernel_list.h"

#define CUSTOM_KERNELS(X)                                             \
  X("Convolution2DTransposeBias", kern_convolution_2d_transpose_bias) \
  X("TFLite_Detection_PostProcess", kern_detection_postprocess)

#define DECLARE(op, reg) extern const TfLiteRegistration reg;
#define DECLARE_CUSTOM(name, reg) extern const TfLiteRegistration reg;
KERNELS(DECLARE)
CUSTOM_KERNELS(DECLARE_CUSTOM)

#define ENTRY(op, reg) {TFLC_OP_##op, NULL, &reg},
#define ENTRY_CUSTOM(name, reg) {TFLC_OP_CUSTOM, name, &reg},
static const kern_entry entries[] = {KERNELS(ENTRY)
                                         CUSTOM_KERNELS(ENTRY_CUSTOM)};

const kern_entry *kern_registry(int *count) {
  *count = (int)(sizeof entries / sizeof entries[0]);
  return entries;
}

const TfLiteRegistration *tflc_builtin_resolver(int32_t code,
                                                const char *custom_name,
                                                int version) {
  (void)version;
  int n = (int)(sizeof entries / sizeof entries[0]);
  for (int i = 0; i < n; i++) {
    if (entries[i].code != code) continue;
    if (code == TFLC_OP_CUSTOM &&
        (!custom_name || strcmp(custom_name, entries[i].custom_name) != 0))
      continue;
    return entries[i].reg;
  }
  return NULL;
}

const char *kern_op_types_of(int32_t code, const char *custom_name) {
  int n = 0;
  const kern_op_types *t = kern_op_type_table(&n);
  for (int i = 0; i < n; i++) {
    if (t[i].code != code) continue;
    if (code == TFLC_OP_CUSTOM && (!custom_name || !t[i].custom_name ||
                                   strcmp(custom_name, t[i].custom_name) != 0))
      continue;
    return t[i].types;
  }
  return NULL;
}

void kern_list_supported(FILE *out) {
  int n = (int)(sizeof entries / sizeof entries[0]);
  for (int i = 0; i < n; i++) {
    const char *types =
        kern_op_types_of(entries[i].code, entries[i].custom_name);
    if (!types) types = "types not listed";
    if (entries[i].code == TFLC_OP_CUSTOM) {
      fprintf(out, "CUSTOM(%s): %s\n", entries[i].custom_name, types);
    } else {
      const char *name = schema_builtin_name(entries[i].code);
      fprintf(out, "%s: %s\n", name ? name : "?", types);
    }
  }
}
