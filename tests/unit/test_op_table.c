/* Consistency of the op tables: every op the registry resolves has a type
 * entry in src/kernels/op_types.c and every entry names a registered op;
 * kern_list_supported prints one line per registered op; and
 * docs/OPERATORS.md has a row for every BuiltinOperator value whose status
 * is "supported" exactly for the registered ops (custom ops included). The
 * docs are found from this file's path (__FILE__ is absolute in the CMake
 * build). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernels/registry.h"
#include "schema/schema.h"
#include "schema/schema_enums.h"
#include "support/check.h"

static int is_registered(int32_t code, const char *custom) {
  int n = 0;
  const kern_entry *e = kern_registry(&n);
  for (int i = 0; i < n; i++) {
    if (e[i].code != code) continue;
    if (code != TFLC_OP_CUSTOM) return 1;
    if (custom && e[i].custom_name && strcmp(custom, e[i].custom_name) == 0)
      return 1;
  }
  return 0;
}

static void test_tables(void) {
  int n = 0, nt = 0;
  const kern_entry *e = kern_registry(&n);
  CHECK(n > 100);
  for (int i = 0; i < n; i++) {
    const char *t = kern_op_types_of(e[i].code, e[i].custom_name);
    CHECK_MSG(
        t != NULL && t[0] != '\0',
        "registered op %s%s%s has no entry in src/kernels/op_types.c",
        e[i].custom_name ? e[i].custom_name : schema_builtin_name(e[i].code),
        "", "");
    /* One registration per op. */
    for (int j = i + 1; j < n; j++)
      if (e[j].code == e[i].code && e[i].code != TFLC_OP_CUSTOM)
        CHECK_MSG(0, "op %s is registered twice",
                  schema_builtin_name(e[i].code));
  }
  const kern_op_types *t = kern_op_type_table(&nt);
  for (int i = 0; i < nt; i++) {
    CHECK_MSG(
        is_registered(t[i].code, t[i].custom_name),
        "op_types.c names %s, which is not registered",
        t[i].custom_name ? t[i].custom_name : schema_builtin_name(t[i].code));
    for (int j = i + 1; j < nt; j++)
      if (t[j].code == t[i].code &&
          (t[i].code != TFLC_OP_CUSTOM ||
           strcmp(t[i].custom_name, t[j].custom_name) == 0))
        CHECK_MSG(0, "op_types.c lists %s twice",
                  t[i].custom_name ? t[i].custom_name
                                   : schema_builtin_name(t[i].code));
  }
  CHECK_EQ_INT(nt, n);
}

static void test_list_supported(void) {
  char buf[65536];
  FILE *f = tmpfile();
  CHECK(f != NULL);
  if (!f) return;
  kern_list_supported(f);
  rewind(f);
  size_t len = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[len] = '\0';
  int n = 0, lines = 0;
  kern_registry(&n);
  for (size_t i = 0; i < len; i++) lines += buf[i] == '\n';
  CHECK_EQ_INT(lines, n);
  CHECK_CONTAINS(buf, "\nUNIQUE: FLOAT32, INT8, UINT8, INT16, INT32, INT64");
  CHECK_CONTAINS(buf, "CUSTOM(Convolution2DTransposeBias): FLOAT32");
  CHECK(strstr(buf, "types not listed") == NULL);
}

/* The row of `name` in the docs ("| NAME | code | status |"), or NULL. */
static const char *doc_row(const char *doc, const char *name) {
  char key[160];
  snprintf(key, sizeof key, "\n| %s |", name);
  return strstr(doc, key);
}

/* True when the status cell of a row starts with "supported". */
static int row_supported(const char *row) {
  const char *p = row + 1;
  for (int bars = 0; *p && *p != '\n' && bars < 3; p++)
    if (*p == '|') bars++;
  while (*p == ' ') p++;
  return strncmp(p, "supported", 9) == 0;
}

static void test_docs(void) {
  char path[4096];
  snprintf(path, sizeof path, "%s", __FILE__);
  char *cut = strstr(path, "tests/unit/test_op_table.c");
  CHECK_MSG(cut != NULL, "cannot locate the repository from %s", __FILE__);
  if (!cut) return;
  strcpy(cut, "docs/OPERATORS.md");
  FILE *f = fopen(path, "rb");
  CHECK_MSG(f != NULL, "cannot open %s", path);
  if (!f) return;
  static char doc[1 << 20];
  size_t len = fread(doc + 1, 1, sizeof doc - 2, f);
  fclose(f);
  doc[0] = '\n';
  doc[len + 1] = '\0';
  for (int32_t code = 0; code < TFLC_OP_COUNT_; code++) {
    const char *name = schema_builtin_name(code);
    if (!name) continue;
    const char *row = doc_row(doc, name);
    CHECK_MSG(row != NULL, "docs/OPERATORS.md has no row for %s (%d)", name,
              (int)code);
    if (!row) continue;
    int reg = code != TFLC_OP_CUSTOM && is_registered(code, NULL);
    CHECK_MSG(row_supported(row) == reg,
              "docs/OPERATORS.md says %s is %s, but it is %sregistered", name,
              row_supported(row) ? "supported" : "not supported",
              reg ? "" : "not ");
  }
  int n = 0;
  const kern_entry *e = kern_registry(&n);
  for (int i = 0; i < n; i++) {
    if (e[i].code != TFLC_OP_CUSTOM) continue;
    char name[160];
    snprintf(name, sizeof name, "CUSTOM(%s)", e[i].custom_name);
    const char *row = doc_row(doc, name);
    CHECK_MSG(row != NULL && row_supported(row),
              "docs/OPERATORS.md lacks a supported row for %s", name);
  }
}

int main(void) {
  test_tables();
  test_list_supported();
  test_docs();
  return CHECK_DONE();
}
