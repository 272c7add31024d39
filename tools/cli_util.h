/* Small helpers shared by the `tflc` subcommands and the model tests:
 * number parsing, directory creation, whole-file reading, shapes as text and
 * reading tensor elements as double. */
#ifndef TFLC_TOOLS_CLI_UTIL_H
#define TFLC_TOOLS_CLI_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "tflc/common.h"

/* Exit codes of the `tflc` command. */
enum { CLI_EXIT_OK = 0, CLI_EXIT_RUNTIME = 1, CLI_EXIT_USAGE = 2 };

/* Parses a whole decimal integer in [min, max]; 0 on success, -1 otherwise. */
int cli_parse_long(const char *s, long long min, long long max, long long *out);

/* Creates a directory and its parents (like mkdir -p). 0 or -1 + message. */
int cli_mkdirs(const char *path, char *err, size_t errlen);

/* Reads a whole file into a malloc'd buffer. 0 or -1 + message. */
int cli_read_file(const char *path, uint8_t **out, size_t *len, char *err,
                  size_t errlen);

/* "[1, 8, 8, 3]"; "[]" for a scalar. */
void cli_shape_str(const int *dims, int rank, char *buf, size_t n);

/* Element i of a tensor buffer as double (complex: the real part; float16
 * converted). Returns 0 for types without numbers (string, ...). */
double cli_elem_as_double(const void *data, TfLiteType type, size_t i);

/* True for the floating types (float16/32/64, complex). */
int cli_type_is_float(TfLiteType type);

/* Type name ("FLOAT32") that never returns NULL. */
const char *cli_type_name(TfLiteType type);

/* Value of "--opt VALUE" or "--opt=VALUE" at argv[*i]; NULL when argv[*i] is
 * not that option. *missing is set when the value is absent. */
const char *cli_opt_value(int argc, char **argv, int *i, const char *opt,
                          int *missing);

#endif
