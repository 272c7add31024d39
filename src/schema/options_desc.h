/* What each builtin options table holds (field names, kinds and defaults from
 * schema.fbs), as data: used by the writer to re-serialize options read from
 * a file, by the verifier, and by `tflc inspect` to print options by name. */
#ifndef TFLC_SCHEMA_OPTIONS_DESC_H
#define TFLC_SCHEMA_OPTIONS_DESC_H

#include <stdbool.h>

#include "schema/model_def.h"

typedef struct tflc_opt_field_desc {
  const char *name;   /* "stride_w" */
  tflc_opt_kind kind; /* width as the schema declares it */
  double dflt;        /* schema default for scalars (0 unless stated) */
} tflc_opt_field_desc;

typedef struct tflc_opt_table_desc {
  const char *name;                  /* "Conv2DOptions" */
  const tflc_opt_field_desc *fields; /* index = field id */
  int n_fields;
} tflc_opt_table_desc;

/* NULL for NONE or an unknown type id. */
const tflc_opt_table_desc *options_desc(uint8_t type, bool is_options2);

#endif
