/* Default (malloc) allocator, the replaceable process-wide default, and the
 * bump allocator over a caller-supplied arena. */
#include "base/allocator.h"

#include <stdlib.h>
#include <string.h>

static void *malloc_alloc(void *user, size_t size) {
  (void)user;
  return malloc(size ? size : 1);
}

static void malloc_free(void *user, void *ptr) {
  (void)user;
  free(ptr);
}

static const tflc_allocator malloc_allocator = {malloc_alloc, malloc_free,
                                                NULL};
static const tflc_allocator *current_default = &malloc_allocator;

const tflc_allocator *tflc_default_allocator(void) { return current_default; }

void tflc_set_default_allocator(const tflc_allocator *a) {
  current_default = a ? a : &malloc_allocator;
}

void *tflc_alloc(const tflc_allocator *a, size_t size) {
  if (!a) a = current_default;
  return a->alloc(a->user, size);
}

void *tflc_calloc(const tflc_allocator *a, size_t n, size_t size) {
  size_t total;
  if (__builtin_mul_overflow(n, size, &total)) return NULL;
  void *p = tflc_alloc(a, total);
  if (p) memset(p, 0, total);
  return p;
}

void tflc_free(const tflc_allocator *a, void *ptr) {
  if (!ptr) return;
  if (!a) a = current_default;
  a->free(a->user, ptr);
}

char *tflc_strdup(const tflc_allocator *a, const char *s) {
  size_t n = strlen(s) + 1;
  char *p = tflc_alloc(a, n);
  if (p) memcpy(p, s, n);
  return p;
}

static void *bump_alloc(void *user, size_t size) {
  tflc_bump *b = user;
  size_t start = (b->used + 15u) & ~(size_t)15u;
  if (start < b->used || size > b->size || start > b->size - size) {
    if (!b->failed_request) b->failed_request = size;
    return NULL;
  }
  b->used = start + size;
  if (b->used > b->high_water) b->high_water = b->used;
  return b->base + start;
}

static void bump_free(void *user, void *ptr) {
  (void)user;
  (void)ptr;
}

void tflc_bump_init(tflc_bump *b, void *base, size_t size) {
  uintptr_t p = (uintptr_t)base;
  uintptr_t aligned = (p + 15u) & ~(uintptr_t)15u;
  size_t skip = (size_t)(aligned - p);
  b->iface.alloc = bump_alloc;
  b->iface.free = bump_free;
  b->iface.user = b;
  b->base = (uint8_t *)aligned;
  b->size = size > skip ? size - skip : 0;
  b->used = 0;
  b->high_water = 0;
  b->failed_request = 0;
  b->skip = skip;
}

size_t tflc_bump_needed(const tflc_bump *b, size_t size) {
  size_t start = (b->used + 15u) & ~(size_t)15u;
  return b->skip + start + size;
}
