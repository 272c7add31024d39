/* TfLiteModel: the model bytes (caller's buffer, or a file mapped with mmap)
 * and their decoded, verified def. Reference counted so that interpreters
 * keep it alive after TfLiteModelDelete. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/interp_internal.h"
#include "schema/schema.h"

static _Thread_local char last_model_error[1024];

const char *TflcGetLastModelError(void) { return last_model_error; }

static void model_error(TfLiteErrorReporterCallback reporter, void *user,
                        const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void model_error(TfLiteErrorReporterCallback reporter, void *user,
                        const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  tflc_err e;
  tflc_err_init(&e, reporter, user);
  tflc_verrorf(&e, fmt, args);
  va_end(args);
  snprintf(last_model_error, sizeof last_model_error, "%s", e.msg);
}

static TfLiteModel *model_from_bytes(const uint8_t *bytes, size_t size,
                                     TfLiteErrorReporterCallback reporter,
                                     void *user) {
  const tflc_allocator *alloc = tflc_default_allocator();
  last_model_error[0] = '\0';
  if (!bytes) {
    model_error(reporter, user, "model data is NULL");
    return NULL;
  }
  TfLiteModel *m = tflc_calloc(alloc, 1, sizeof *m);
  if (!m) {
    model_error(reporter, user, "out of memory creating the model");
    return NULL;
  }
  m->alloc = alloc;
  m->bytes = bytes;
  m->size = size;
  atomic_init(&m->refcount, 1);
  tflc_err_init(&m->err, reporter, user);
  char err[512];
  if (schema_decode(bytes, size, alloc, &m->def, err, sizeof err) != 0) {
    model_error(reporter, user, "invalid model: %s", err);
    tflc_free(alloc, m);
    return NULL;
  }
  return m;
}

TfLiteModel *TfLiteModelCreate(const void *data, size_t size) {
  return model_from_bytes(data, size, NULL, NULL);
}

TfLiteModel *TfLiteModelCreateWithErrorReporter(
    const void *data, size_t size, TfLiteErrorReporterCallback reporter,
    void *user) {
  return model_from_bytes(data, size, reporter, user);
}

TfLiteModel *TfLiteModelCreateFromFileWithErrorReporter(
    const char *path, TfLiteErrorReporterCallback reporter, void *user) {
  last_model_error[0] = '\0';
  if (!path) {
    model_error(reporter, user, "model path is NULL");
    return NULL;
  }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    model_error(reporter, user, "cannot open model file '%s': %s", path,
                strerror(errno));
    return NULL;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    model_error(reporter, user, "model path '%s' is not a regular file", path);
    close(fd);
    return NULL;
  }
  size_t size = (size_t)st.st_size;
  if (size == 0) {
    model_error(reporter, user, "model file '%s' is empty", path);
    close(fd);
    return NULL;
  }
  void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) {
    model_error(reporter, user, "cannot map model file '%s': %s", path,
                strerror(errno));
    return NULL;
  }
  TfLiteModel *m = model_from_bytes(map, size, reporter, user);
  if (!m) {
    munmap(map, size);
    if (strncmp(last_model_error, "invalid model", 13) == 0) {
      char msg[sizeof last_model_error];
      memcpy(msg, last_model_error, sizeof msg);
      snprintf(last_model_error, sizeof last_model_error, "%.300s: %.700s",
               path, msg);
    }
    return NULL;
  }
  m->mapping = map;
  m->mapping_size = size;
  return m;
}

TfLiteModel *TfLiteModelCreateFromFile(const char *path) {
  return TfLiteModelCreateFromFileWithErrorReporter(path, NULL, NULL);
}

void tflc_model_retain(TfLiteModel *m) { atomic_fetch_add(&m->refcount, 1); }

void tflc_model_release(TfLiteModel *m) {
  if (!m) return;
  if (atomic_fetch_sub(&m->refcount, 1) != 1) return;
  schema_def_free(&m->def, m->alloc);
  if (m->mapping) munmap(m->mapping, m->mapping_size);
  tflc_free(m->alloc, m->owned_bytes);
  tflc_free(m->alloc, m);
}

void TfLiteModelDelete(TfLiteModel *m) { tflc_model_release(m); }
