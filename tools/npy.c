/* .npy reader and writer: the preamble (magic, version, header length), the
 * header dictionary ('descr', 'fortran_order', 'shape') parsed as a small,
 * bounded Python-literal grammar, and the data block checked against the
 * file size. See npy.h. */
#include "npy.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/checked_math.h"

static const uint8_t kMagic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};

typedef struct dtype_entry {
  TfLiteType type;
  const char *code; /* descr without the byte-order character */
  size_t size;
} dtype_entry;

static const dtype_entry kDtypes[] = {
    {kTfLiteFloat32, "f4", 4},   {kTfLiteFloat16, "f2", 2},
    {kTfLiteFloat64, "f8", 8},   {kTfLiteInt8, "i1", 1},
    {kTfLiteUInt8, "u1", 1},     {kTfLiteInt16, "i2", 2},
    {kTfLiteUInt16, "u2", 2},    {kTfLiteInt32, "i4", 4},
    {kTfLiteUInt32, "u4", 4},    {kTfLiteInt64, "i8", 8},
    {kTfLiteUInt64, "u8", 8},    {kTfLiteBool, "b1", 1},
    {kTfLiteComplex64, "c8", 8}, {kTfLiteComplex128, "c16", 16},
};
#define N_DTYPES (sizeof(kDtypes) / sizeof(kDtypes[0]))

static int fail(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t errlen, const char *fmt, ...) {
  if (err && errlen) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
  }
  return -1;
}

static int host_is_little_endian(void) {
  const uint16_t one = 1;
  return *(const uint8_t *)&one == 1;
}

size_t npy_type_size(TfLiteType type) {
  for (size_t i = 0; i < N_DTYPES; i++)
    if (kDtypes[i].type == type) return kDtypes[i].size;
  return 0;
}

const char *npy_descr_for_type(TfLiteType type) {
  switch (type) {
    case kTfLiteFloat32: return "<f4";
    case kTfLiteFloat16: return "<f2";
    case kTfLiteFloat64: return "<f8";
    case kTfLiteInt8: return "|i1";
    case kTfLiteUInt8: return "|u1";
    case kTfLiteInt16: return "<i2";
    case kTfLiteUInt16: return "<u2";
    case kTfLiteInt32: return "<i4";
    case kTfLiteUInt32: return "<u4";
    case kTfLiteInt64: return "<i8";
    case kTfLiteUInt64: return "<u8";
    case kTfLiteBool: return "|b1";
    case kTfLiteComplex64: return "<c8";
    case kTfLiteComplex128: return "<c16";
    default: return NULL;
  }
}

int npy_type_for_descr(const char *descr, TfLiteType *type, char *err,
                       size_t errlen) {
  char order = descr[0];
  if (order != '<' && order != '>' && order != '|' && order != '=')
    return fail(err, errlen,
                "dtype '%s' has no byte-order character ('<', '|' or '=')",
                descr);
  for (size_t i = 0; i < N_DTYPES; i++) {
    if (strcmp(descr + 1, kDtypes[i].code) != 0) continue;
    if (kDtypes[i].size > 1 && order == '>')
      return fail(err, errlen,
                  "big-endian dtype '%s' is not supported (save it as '<%s')",
                  descr, kDtypes[i].code);
    if (kDtypes[i].size > 1 && order == '|')
      return fail(err, errlen,
                  "dtype '%s': '|' (no byte order) is only valid for one-byte "
                  "types",
                  descr);
    *type = kDtypes[i].type;
    return 0;
  }
  return fail(err, errlen,
              "unsupported dtype '%s' (supported: f2 f4 f8 i1 i2 i4 i8 u1 u2 "
              "u4 u8 b1 c8 c16, little-endian)",
              descr);
}

/* ---- header dictionary parsing ---------------------------------------- */

typedef struct hdr_cursor {
  const char *p;
  const char *end;
} hdr_cursor;

static void skip_ws(hdr_cursor *c) {
  while (c->p < c->end &&
         (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

/* Describes the character at the cursor for messages. */
static const char *describe_here(const hdr_cursor *c, char *buf, size_t n) {
  if (c->p >= c->end) {
    snprintf(buf, n, "end of header");
  } else {
    unsigned char ch = (unsigned char)*c->p;
    if (ch >= 0x20 && ch < 0x7f)
      snprintf(buf, n, "'%c'", ch);
    else
      snprintf(buf, n, "byte 0x%02x", ch);
  }
  return buf;
}

static int expect_char(hdr_cursor *c, char ch, const char *what, char *err,
                       size_t errlen) {
  char here[32];
  skip_ws(c);
  if (c->p < c->end && *c->p == ch) {
    c->p++;
    return 0;
  }
  return fail(err, errlen, "header: expected '%c' %s, found %s", ch, what,
              describe_here(c, here, sizeof here));
}

/* A quoted string without escapes, copied into out (at most cap-1 chars). */
static int parse_string(hdr_cursor *c, char *out, size_t cap, const char *what,
                        char *err, size_t errlen) {
  char here[32];
  skip_ws(c);
  if (c->p >= c->end || (*c->p != '\'' && *c->p != '"'))
    return fail(err, errlen, "header: expected a quoted %s, found %s", what,
                describe_here(c, here, sizeof here));
  char quote = *c->p++;
  size_t n = 0;
  while (c->p < c->end && *c->p != quote) {
    if (*c->p == '\\')
      return fail(err, errlen, "header: escape sequence in %s not supported",
                  what);
    if (n + 1 >= cap) return fail(err, errlen, "header: %s is too long", what);
    unsigned char ch = (unsigned char)*c->p;
    if (ch < 0x20 || ch >= 0x7f)
      return fail(err, errlen,
                  "header: byte 0x%02x in %s is not printable "
                  "ASCII",
                  ch, what);
    out[n++] = *c->p++;
  }
  if (c->p >= c->end)
    return fail(err, errlen, "header: unterminated string in %s", what);
  c->p++;
  out[n] = '\0';
  return 0;
}

static int parse_bool(hdr_cursor *c, bool *out, char *err, size_t errlen) {
  char here[32];
  skip_ws(c);
  size_t left = (size_t)(c->end - c->p);
  if (left >= 4 && memcmp(c->p, "True", 4) == 0) {
    c->p += 4;
    *out = true;
    return 0;
  }
  if (left >= 5 && memcmp(c->p, "False", 5) == 0) {
    c->p += 5;
    *out = false;
    return 0;
  }
  return fail(err, errlen,
              "header: 'fortran_order' must be True or False, found %s",
              describe_here(c, here, sizeof here));
}

static int parse_dim(hdr_cursor *c, int *out, char *err, size_t errlen) {
  char here[32];
  skip_ws(c);
  if (c->p < c->end && *c->p == '-')
    return fail(err, errlen, "header: negative dimension in 'shape'");
  if (c->p >= c->end || *c->p < '0' || *c->p > '9')
    return fail(err, errlen,
                "header: expected a dimension in 'shape', found %s",
                describe_here(c, here, sizeof here));
  long long v = 0;
  while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
    v = v * 10 + (*c->p - '0');
    if (v > INT_MAX)
      return fail(err, errlen, "header: dimension in 'shape' exceeds %d",
                  INT_MAX);
    c->p++;
  }
  if (c->p < c->end && *c->p == 'L') c->p++; /* Python 2 long suffix */
  *out = (int)v;
  return 0;
}

/* "()" "(5,)" "(2, 3)" "(2, 3,)" */
static int parse_shape(hdr_cursor *c, npy_array *a, char *err, size_t errlen) {
  char here[32];
  if (expect_char(c, '(', "to start 'shape'", err, errlen)) return -1;
  a->rank = 0;
  for (;;) {
    skip_ws(c);
    if (c->p < c->end && *c->p == ')') {
      c->p++;
      return 0;
    }
    if (a->rank >= NPY_MAX_RANK)
      return fail(err, errlen, "header: 'shape' has more than %d dimensions",
                  NPY_MAX_RANK);
    if (parse_dim(c, &a->shape[a->rank], err, errlen)) return -1;
    a->rank++;
    skip_ws(c);
    if (c->p < c->end && *c->p == ',') {
      c->p++;
      continue;
    }
    if (c->p < c->end && *c->p == ')') {
      if (a->rank == 1)
        return fail(err, errlen,
                    "header: one-dimensional 'shape' needs a trailing comma: "
                    "(%d,)",
                    a->shape[0]);
      c->p++;
      return 0;
    }
    return fail(err, errlen, "header: expected ',' or ')' in 'shape', found %s",
                describe_here(c, here, sizeof here));
  }
}

/* Parses the dictionary into a (type, rank, shape); checks keys. */
static int parse_header_dict(const char *text, size_t n, npy_array *a,
                             char *err, size_t errlen) {
  hdr_cursor c = {text, text + n};
  char here[32], key[32], descr[32];
  bool have_descr = false, have_fortran = false, have_shape = false;
  bool fortran = false;
  if (expect_char(&c, '{', "at the start of the header", err, errlen))
    return -1;
  for (;;) {
    skip_ws(&c);
    if (c.p < c.end && *c.p == '}') {
      c.p++;
      break;
    }
    if (parse_string(&c, key, sizeof key, "key", err, errlen)) return -1;
    if (expect_char(&c, ':', "after a key", err, errlen)) return -1;
    if (strcmp(key, "descr") == 0) {
      if (have_descr) return fail(err, errlen, "header: duplicate 'descr'");
      skip_ws(&c);
      if (c.p < c.end && *c.p == '[')
        return fail(err, errlen, "header: structured dtypes are not supported");
      if (parse_string(&c, descr, sizeof descr, "'descr'", err, errlen))
        return -1;
      have_descr = true;
    } else if (strcmp(key, "fortran_order") == 0) {
      if (have_fortran)
        return fail(err, errlen, "header: duplicate 'fortran_order'");
      if (parse_bool(&c, &fortran, err, errlen)) return -1;
      have_fortran = true;
    } else if (strcmp(key, "shape") == 0) {
      if (have_shape) return fail(err, errlen, "header: duplicate 'shape'");
      if (parse_shape(&c, a, err, errlen)) return -1;
      have_shape = true;
    } else {
      return fail(err, errlen, "header: unexpected key '%s'", key);
    }
    skip_ws(&c);
    if (c.p < c.end && *c.p == ',') {
      c.p++;
      continue;
    }
    if (c.p < c.end && *c.p == '}') {
      c.p++;
      break;
    }
    return fail(err, errlen, "header: expected ',' or '}', found %s",
                describe_here(&c, here, sizeof here));
  }
  skip_ws(&c);
  if (c.p != c.end)
    return fail(err, errlen, "header: unexpected %s after the dictionary",
                describe_here(&c, here, sizeof here));
  if (!have_descr) return fail(err, errlen, "header: missing key 'descr'");
  if (!have_fortran)
    return fail(err, errlen, "header: missing key 'fortran_order'");
  if (!have_shape) return fail(err, errlen, "header: missing key 'shape'");
  if (npy_type_for_descr(descr, &a->type, err, errlen)) return -1;
  a->itemsize = npy_type_size(a->type);
  if (fortran) {
    int big = 0;
    for (int i = 0; i < a->rank; i++) big += a->shape[i] > 1;
    if (big > 1)
      return fail(err, errlen,
                  "fortran_order=True is not supported (save a C-ordered "
                  "array)");
  }
  return 0;
}

static void shape_text(const int *shape, int rank, char *buf, size_t n) {
  size_t used = 0;
  buf[0] = '\0';
  used += (size_t)snprintf(buf, n, "(");
  for (int i = 0; i < rank && used < n; i++)
    used +=
        (size_t)snprintf(buf + used, n - used, "%s%d", i ? ", " : "", shape[i]);
  if (used < n) snprintf(buf + used, n - used, "%s)", rank == 1 ? "," : "");
}

/* Element count of a shape; -1 on overflow. */
static int shape_count(const int *shape, int rank, size_t *count) {
  size_t c = 1;
  for (int i = 0; i < rank; i++)
    if (shape[i] == 0) {
      *count = 0;
      return 0;
    }
  for (int i = 0; i < rank; i++)
    if (tflc_mul_size(c, (size_t)shape[i], &c)) return -1;
  *count = c;
  return 0;
}

/* Checks the preamble and header; on success sets *data_off and fills a
 * (everything except data). */
static int parse_layout(const uint8_t *buf, size_t len, npy_array *a,
                        size_t *data_off, char *err, size_t errlen) {
  if (len < 10)
    return fail(err, errlen,
                "truncated: %zu bytes, shorter than the 10-byte .npy preamble",
                len);
  if (memcmp(buf, kMagic, sizeof kMagic) != 0)
    return fail(err, errlen, "not a .npy file (bad magic)");
  unsigned major = buf[6], minor = buf[7];
  size_t pre, hlen;
  if (major == 1 && minor == 0) {
    pre = 10;
    hlen = (size_t)buf[8] | (size_t)buf[9] << 8;
  } else if ((major == 2 || major == 3) && minor == 0) {
    if (len < 12)
      return fail(err, errlen,
                  "truncated: %zu bytes, shorter than the 12-byte .npy %u.0 "
                  "preamble",
                  len, major);
    pre = 12;
    hlen = (size_t)buf[8] | (size_t)buf[9] << 8 | (size_t)buf[10] << 16 |
           (size_t)buf[11] << 24;
  } else {
    return fail(err, errlen, "unsupported .npy format version %u.%u", major,
                minor);
  }
  if (hlen > NPY_MAX_HEADER)
    return fail(err, errlen, "header length %zu exceeds the limit of %d bytes",
                hlen, NPY_MAX_HEADER);
  if (hlen > len - pre)
    return fail(err, errlen,
                "header length %zu runs past the end of the file (%zu bytes)",
                hlen, len);
  if (parse_header_dict((const char *)buf + pre, hlen, a, err, errlen))
    return -1;
  if (a->itemsize > 1 && !host_is_little_endian())
    return fail(err, errlen, "big-endian hosts are not supported");
  char st[64];
  shape_text(a->shape, a->rank, st, sizeof st);
  if (shape_count(a->shape, a->rank, &a->count) ||
      tflc_mul_size(a->count, a->itemsize, &a->bytes))
    return fail(err, errlen, "shape %s is too large (size overflows)", st);
  size_t avail = len - pre - hlen;
  if (avail < a->bytes)
    return fail(err, errlen,
                "data is %zu bytes but shape %s of %s needs %zu (truncated?)",
                avail, st, npy_descr_for_type(a->type), a->bytes);
  if (avail > a->bytes)
    return fail(err, errlen,
                "%zu unexpected bytes after the data (shape %s of %s needs "
                "%zu)",
                avail - a->bytes, st, npy_descr_for_type(a->type), a->bytes);
  *data_off = pre + hlen;
  return 0;
}

int npy_parse(const uint8_t *buf, size_t len, npy_array *out, char *err,
              size_t errlen) {
  npy_array a;
  size_t off = 0;
  memset(out, 0, sizeof *out);
  memset(&a, 0, sizeof a);
  if (!buf) return fail(err, errlen, "no data");
  if (parse_layout(buf, len, &a, &off, err, errlen)) return -1;
  a.data = malloc(a.bytes ? a.bytes : 1);
  if (!a.data)
    return fail(err, errlen, "out of memory for %zu bytes of data", a.bytes);
  if (a.bytes) memcpy(a.data, buf + off, a.bytes);
  *out = a;
  return 0;
}

/* Reads a whole file into a malloc'd buffer. */
static int read_file(const char *path, uint8_t **out, size_t *outlen, char *err,
                     size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) return fail(err, errlen, "%s: %s", path, strerror(errno));
  size_t cap = 1 << 16, n = 0;
  uint8_t *buf = malloc(cap);
  if (!buf) {
    fclose(f);
    return fail(err, errlen, "%s: out of memory", path);
  }
  for (;;) {
    if (n == cap) {
      size_t ncap;
      uint8_t *nb;
      if (tflc_mul_size(cap, 2, &ncap) || !(nb = realloc(buf, ncap))) {
        free(buf);
        fclose(f);
        return fail(err, errlen, "%s: out of memory reading the file", path);
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
  if (bad) {
    free(buf);
    return fail(err, errlen, "%s: read error", path);
  }
  *out = buf;
  *outlen = n;
  return 0;
}

int npy_read(const char *path, npy_array *out, char *err, size_t errlen) {
  uint8_t *buf = NULL;
  size_t len = 0, off = 0;
  char msg[256];
  npy_array a;
  memset(out, 0, sizeof *out);
  memset(&a, 0, sizeof a);
  if (read_file(path, &buf, &len, err, errlen)) return -1;
  if (parse_layout(buf, len, &a, &off, msg, sizeof msg)) {
    free(buf);
    return fail(err, errlen, "%s: %s", path, msg);
  }
  /* Keep the file buffer: move the data to its start and shrink it. */
  if (a.bytes) memmove(buf, buf + off, a.bytes);
  uint8_t *shrunk = realloc(buf, a.bytes ? a.bytes : 1);
  a.data = shrunk ? shrunk : buf;
  *out = a;
  return 0;
}

void npy_free(npy_array *a) {
  if (!a) return;
  free(a->data);
  memset(a, 0, sizeof *a);
}

/* ---- writing ----------------------------------------------------------- */

/* Builds the 1.0 preamble + header (padded to 64 bytes) into hdr. */
static int build_header(TfLiteType type, const int *shape, int rank,
                        size_t bytes, char *hdr, size_t cap, size_t *hdr_len,
                        char *err, size_t errlen) {
  const char *descr = npy_descr_for_type(type);
  if (!descr)
    return fail(err, errlen, "type %d cannot be stored in a .npy file",
                (int)type);
  if (rank < 0 || rank > NPY_MAX_RANK || (rank > 0 && !shape))
    return fail(err, errlen, "rank %d is out of range 0..%d", rank,
                NPY_MAX_RANK);
  for (int i = 0; i < rank; i++)
    if (shape[i] < 0)
      return fail(err, errlen, "dimension %d is negative (%d)", i, shape[i]);
  size_t count, need;
  if (shape_count(shape, rank, &count) ||
      tflc_mul_size(count, npy_type_size(type), &need))
    return fail(err, errlen, "shape is too large (size overflows)");
  if (need != bytes)
    return fail(err, errlen, "%zu bytes of data given, the shape needs %zu",
                bytes, need);
  char st[NPY_MAX_RANK * 13 + 8];
  shape_text(shape, rank, st, sizeof st);
  int n = snprintf(hdr + 10, cap - 10,
                   "{'descr': '%s', 'fortran_order': False, 'shape': %s, }",
                   descr, st);
  if (n < 0 || (size_t)n + 10 + 64 > cap)
    return fail(err, errlen, "header too long");
  size_t total = 10 + (size_t)n + 1; /* + '\n' */
  size_t padded = (total + 63) / 64 * 64;
  memset(hdr + 10 + n, ' ', padded - total);
  hdr[padded - 1] = '\n';
  size_t hlen = padded - 10;
  memcpy(hdr, kMagic, sizeof kMagic);
  hdr[6] = 1;
  hdr[7] = 0;
  hdr[8] = (char)(hlen & 0xff);
  hdr[9] = (char)(hlen >> 8);
  *hdr_len = padded;
  return 0;
}

#define HDR_CAP 1024

int npy_encode(TfLiteType type, const int *shape, int rank, const void *data,
               size_t bytes, uint8_t **out, size_t *outlen, char *err,
               size_t errlen) {
  char hdr[HDR_CAP];
  size_t hl, total;
  *out = NULL;
  *outlen = 0;
  if (bytes && !data) return fail(err, errlen, "no data");
  if (build_header(type, shape, rank, bytes, hdr, sizeof hdr, &hl, err, errlen))
    return -1;
  if (tflc_add_size(hl, bytes, &total))
    return fail(err, errlen, "array too large");
  uint8_t *buf = malloc(total);
  if (!buf) return fail(err, errlen, "out of memory (%zu bytes)", total);
  memcpy(buf, hdr, hl);
  if (bytes) memcpy(buf + hl, data, bytes);
  *out = buf;
  *outlen = total;
  return 0;
}

int npy_write(const char *path, TfLiteType type, const int *shape, int rank,
              const void *data, size_t bytes, char *err, size_t errlen) {
  char hdr[HDR_CAP], msg[256];
  size_t hl = 0;
  if (bytes && !data) return fail(err, errlen, "%s: no data", path);
  if (build_header(type, shape, rank, bytes, hdr, sizeof hdr, &hl, msg,
                   sizeof msg))
    return fail(err, errlen, "%s: %s", path, msg);
  FILE *f = fopen(path, "wb");
  if (!f) return fail(err, errlen, "%s: %s", path, strerror(errno));
  int ok = fwrite(hdr, 1, hl, f) == hl;
  if (ok && bytes) ok = fwrite(data, 1, bytes, f) == bytes;
  if (fclose(f) != 0) ok = 0;
  if (!ok) {
    remove(path);
    return fail(err, errlen, "%s: write failed", path);
  }
  return 0;
}
