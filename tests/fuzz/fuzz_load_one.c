/* Body of the model loader fuzz target: the bytes go through
 * TfLiteModelCreate (verify + decode), then the decoded def is written back
 * with schema_write, the written bytes must decode again, and writing that
 * second def must give the same bytes (the writer is deterministic and
 * decode/write round-trips). Aborts when one of these invariants breaks. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/allocator.h"
#include "fuzz/fuzz_targets.h"
#include "schema/schema.h"
#include "tflc/tflc.h"

static void quiet(void *user, const char *format, va_list args) {
  (void)user;
  (void)format;
  (void)args;
}

static void fail(const char *what, const char *err) {
  fprintf(stderr, "fuzz_load: %s: %s\n", what, err ? err : "");
  abort();
}

int fuzz_load_one(const uint8_t *data, size_t size) {
  TfLiteModel *model =
      TfLiteModelCreateWithErrorReporter(data, size, quiet, NULL);
  tflc_model_def def;
  char err[512];
  int rc = schema_decode(data, size, NULL, &def, err, sizeof err);
  /* TfLiteModelCreate is schema_decode plus a small allocation. */
  if ((rc == 0) != (model != NULL))
    fail("TfLiteModelCreate and schema_decode disagree", err);
  TfLiteModelDelete(model);
  if (rc != 0) return 0;

  uint8_t *out = NULL, *out2 = NULL;
  size_t out_size = 0, out2_size = 0;
  if (schema_write(&def, NULL, &out, &out_size, err, sizeof err) != 0) {
    /* The writer may refuse a def it cannot represent; it must say why. */
    if (!err[0]) fail("schema_write failed without a message", NULL);
    schema_def_free(&def, NULL);
    tflc_free(NULL, out);
    return 0;
  }
  tflc_model_def def2;
  if (schema_decode(out, out_size, NULL, &def2, err, sizeof err) != 0)
    fail("the written model does not decode", err);
  if (def2.n_subgraphs != def.n_subgraphs || def2.n_buffers != def.n_buffers ||
      def2.n_opcodes != def.n_opcodes)
    fail("the written model differs from the decoded one", "counts");
  for (int s = 0; s < def.n_subgraphs; s++) {
    const tflc_subgraph_def *a = &def.subgraphs[s], *b = &def2.subgraphs[s];
    if (a->n_tensors != b->n_tensors || a->n_operators != b->n_operators ||
        a->n_inputs != b->n_inputs || a->n_outputs != b->n_outputs)
      fail("the written model differs from the decoded one", "subgraph counts");
  }
  if (schema_write(&def2, NULL, &out2, &out2_size, err, sizeof err) != 0)
    fail("re-writing the written model failed", err);
  if (out2_size != out_size || memcmp(out, out2, out_size) != 0)
    fail("writing is not idempotent", "write(decode(write(x))) != write(x)");
  schema_def_free(&def2, NULL);
  schema_def_free(&def, NULL);
  tflc_free(NULL, out);
  tflc_free(NULL, out2);
  return 0;
}
