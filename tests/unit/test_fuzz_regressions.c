/* Replays every input that ever crashed a fuzz target
 * (tests/fuzz/regressions/<target>/) and the committed seed corpora
 * (tests/fuzz/corpus/<target>/) through the same target bodies the
 * libFuzzer programs use (tests/fuzz/fuzz_*_one.c), without libFuzzer: in
 * the normal build each must return, in the ASan build each must also be
 * free of memory errors and leaks. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz_targets.h"
#include "support/check.h"

#ifndef TFLC_FUZZ_DIR
#error "TFLC_FUZZ_DIR (the tests/fuzz folder) must be defined by the build"
#endif

typedef int (*fuzz_fn)(const uint8_t *, size_t);

static uint8_t *read_all(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  uint8_t *buf = malloc(cap);
  while (buf) {
    if (n == cap) {
      uint8_t *nb = realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = nb;
      cap *= 2;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  fclose(f);
  *size = n;
  return buf;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs fn over every regular file of dir (sorted). Returns the count. */
static int replay_dir(const char *dir, fuzz_fn fn) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  char *names[4096];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL && n < 4096) {
    if (e->d_name[0] == '.') continue;
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, (size_t)n, sizeof names[0], cmp_names);
  int count = 0;
  for (int i = 0; i < n; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    size_t size = 0;
    uint8_t *bytes = read_all(path, &size);
    CHECK_MSG(bytes != NULL, "cannot read %s", path);
    if (bytes) {
      /* An exact-size copy so that reads past the end are caught. */
      uint8_t *exact = malloc(size ? size : 1);
      memcpy(exact, bytes, size);
      CHECK_EQ_INT(fn(exact, size), 0);
      free(exact);
      free(bytes);
      count++;
    }
    free(names[i]);
  }
  return count;
}

int main(void) {
  static const struct {
    const char *name;
    fuzz_fn fn;
  } targets[] = {
      {"fuzz_load", fuzz_load_one},
      {"fuzz_invoke", fuzz_invoke_one},
      {"fuzz_npy", fuzz_npy_one},
      {"fuzz_flexbuffers", fuzz_flexbuffers_one},
  };
  for (size_t t = 0; t < sizeof targets / sizeof targets[0]; t++) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/regressions/%s", TFLC_FUZZ_DIR,
             targets[t].name);
    int regressions = replay_dir(dir, targets[t].fn);
    snprintf(dir, sizeof dir, "%s/corpus/%s", TFLC_FUZZ_DIR, targets[t].name);
    int seeds = replay_dir(dir, targets[t].fn);
    printf("%s: %d regression inputs, %d corpus inputs replayed\n",
           targets[t].name, regressions, seeds);
  }
  return CHECK_DONE();
}
