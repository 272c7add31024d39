/* Helpers shared by the `tflc` subcommands and the model tests (see
 * cli_util.h). */
#include "cli_util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "base/checked_math.h"
#include "base/fp16.h"

int cli_parse_long(const char *s, long long min, long long max,
                   long long *out) {
  if (!s || !*s) return -1;
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (errno || *end != '\0' || v < min || v > max) return -1;
  *out = v;
  return 0;
}

int cli_mkdirs(const char *path, char *err, size_t errlen) {
  size_t n = strlen(path);
  char *p = malloc(n + 1);
  if (!p) {
    snprintf(err, errlen, "%s: out of memory", path);
    return -1;
  }
  memcpy(p, path, n + 1);
  for (size_t i = 1; i <= n; i++) {
    if (p[i] != '/' && p[i] != '\0') continue;
    char saved = p[i];
    p[i] = '\0';
    struct stat st;
    if (stat(p, &st) != 0) {
      if (mkdir(p, 0777) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot create directory %s: %s", p,
                 strerror(errno));
        free(p);
        return -1;
      }
    } else if (!S_ISDIR(st.st_mode)) {
      snprintf(err, errlen, "%s exists and is not a directory", p);
      free(p);
      return -1;
    }
    p[i] = saved;
  }
  free(p);
  return 0;
}

int cli_read_file(const char *path, uint8_t **out, size_t *len, char *err,
                  size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    return -1;
  }
  size_t cap = 1 << 16, n = 0;
  uint8_t *buf = malloc(cap);
  while (buf) {
    if (n == cap) {
      size_t ncap;
      uint8_t *nb = NULL;
      if (tflc_mul_size(cap, 2, &ncap) == 0) nb = realloc(buf, ncap);
      if (!nb) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = nb;
      cap = ncap;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  int bad = ferror(f);
  fclose(f);
  if (!buf) {
    snprintf(err, errlen, "%s: out of memory reading the file", path);
    return -1;
  }
  if (bad) {
    free(buf);
    snprintf(err, errlen, "%s: read error", path);
    return -1;
  }
  *out = buf;
  *len = n;
  return 0;
}

void cli_shape_str(const int *dims, int rank, char *buf, size_t n) {
  size_t used = (size_t)snprintf(buf, n, "[");
  for (int i = 0; i < rank && used < n; i++)
    used +=
        (size_t)snprintf(buf + used, n - used, "%s%d", i ? ", " : "", dims[i]);
  if (used < n) snprintf(buf + used, n - used, "]");
}

double cli_elem_as_double(const void *data, TfLiteType type, size_t i) {
  switch (type) {
    case kTfLiteFloat32: return ((const float *)data)[i];
    case kTfLiteFloat64: return ((const double *)data)[i];
    case kTfLiteFloat16: return tflc_fp16_to_f32(((const uint16_t *)data)[i]);
    case kTfLiteBFloat16: return tflc_bf16_to_f32(((const uint16_t *)data)[i]);
    case kTfLiteComplex64: return ((const float *)data)[2 * i];
    case kTfLiteComplex128: return ((const double *)data)[2 * i];
    case kTfLiteInt8: return ((const int8_t *)data)[i];
    case kTfLiteUInt8: return ((const uint8_t *)data)[i];
    case kTfLiteBool: return ((const uint8_t *)data)[i] != 0;
    case kTfLiteInt16: return ((const int16_t *)data)[i];
    case kTfLiteUInt16: return ((const uint16_t *)data)[i];
    case kTfLiteInt32: return ((const int32_t *)data)[i];
    case kTfLiteUInt32: return ((const uint32_t *)data)[i];
    case kTfLiteInt64: return (double)((const int64_t *)data)[i];
    case kTfLiteUInt64: return (double)((const uint64_t *)data)[i];
    default: return 0;
  }
}

int cli_type_is_float(TfLiteType type) {
  return type == kTfLiteFloat32 || type == kTfLiteFloat64 ||
         type == kTfLiteFloat16 || type == kTfLiteBFloat16 ||
         type == kTfLiteComplex64 || type == kTfLiteComplex128;
}

const char *cli_type_name(TfLiteType type) {
  const char *n = TfLiteTypeGetName(type);
  return n ? n : "UNKNOWN";
}

const char *cli_opt_value(int argc, char **argv, int *i, const char *opt,
                          int *missing) {
  size_t n = strlen(opt);
  if (strncmp(argv[*i], opt, n) != 0) return NULL;
  if (argv[*i][n] == '=') return argv[*i] + n + 1;
  if (argv[*i][n] != '\0') return NULL;
  if (*i + 1 >= argc) {
    *missing = 1;
    return NULL;
  }
  return argv[++*i];
}
