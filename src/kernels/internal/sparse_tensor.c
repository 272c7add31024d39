/* Sparse constant tensors: metadata checks and densification; see
 * sparse_tensor.h. */
#include "kernels/internal/sparse_tensor.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int fail(char *err, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, size, fmt, ap);
  va_end(ap);
  return -1;
}

int sparse_check(const tflc_sparsity_def *s, const int *shape, int rank,
                 size_t elem, size_t value_bytes, sparse_plan *p, char *err,
                 size_t err_size) {
  memset(p, 0, sizeof *p);
  if (!s) return fail(err, err_size, "tensor has no sparsity parameters");
  int n = rank, levels = s->n_traversal_order, k = s->n_block_map;
  if (n < 1) return fail(err, err_size, "a sparse tensor needs rank >= 1");
  if (levels != n + k || levels > SPARSE_MAX_LEVELS)
    return fail(err, err_size,
                "traversal_order has %d entries; rank %d with %d block "
                "dimensions needs %d (at most %d)",
                levels, n, k, n + k, SPARSE_MAX_LEVELS);
  if (s->n_dim_metadata != levels)
    return fail(err, err_size,
                "dim_metadata has %d entries, traversal_order %d",
                s->n_dim_metadata, levels);
  p->n_orig = n;
  p->n_levels = levels;
  /* traversal_order: a permutation of the n dimensions, then of the k
   * block dimensions. */
  int seen[SPARSE_MAX_LEVELS] = {0};
  for (int l = 0; l < levels; l++) {
    int d = s->traversal_order[l];
    int lo = l < n ? 0 : n, hi = l < n ? n : n + k;
    if (d < lo || d >= hi || seen[d])
      return fail(err, err_size,
                  "traversal_order[%d] = %d: not a permutation of the %s "
                  "dimensions [%d, %d)",
                  l, d, l < n ? "tensor" : "block", lo, hi);
    seen[d] = 1;
  }
  /* block_map: the original dimension of each block dimension, increasing. */
  int blocked[SPARSE_MAX_LEVELS];
  for (int d = 0; d < n; d++) blocked[d] = -1;
  for (int b = 0; b < k; b++) {
    int d = s->block_map[b];
    if (d < 0 || d >= n || (b > 0 && d <= s->block_map[b - 1]))
      return fail(err, err_size,
                  "block_map[%d] = %d: must name tensor dimensions in "
                  "increasing order, below %d",
                  b, d, n);
    blocked[d] = b;
  }
  /* Block sizes: the dense_size of the level traversing block dim n+b. */
  int expanded[SPARSE_MAX_LEVELS];
  for (int l = n; l < levels; l++) {
    int b = s->traversal_order[l] - n;
    const tflc_dim_metadata_def *dm = &s->dim_metadata[l];
    if (dm->format != 0 || dm->dense_size <= 0)
      return fail(err, err_size,
                  "dim_metadata[%d] (block dimension %d) must be DENSE with "
                  "a positive dense_size",
                  l, b);
    p->block_size[b] = dm->dense_size;
    expanded[n + b] = dm->dense_size;
  }
  for (int d = 0; d < n; d++) {
    if (shape[d] < 0) return fail(err, err_size, "dimension %d is negative", d);
    p->dense_shape[d] = shape[d];
    expanded[d] = shape[d];
    if (blocked[d] >= 0) {
      int bs = p->block_size[blocked[d]];
      if (shape[d] % bs != 0)
        return fail(err, err_size,
                    "dimension %d (%d) is not a multiple of its block size %d",
                    d, shape[d], bs);
      expanded[d] = shape[d] / bs;
    }
  }
  /* Walk the levels: P = number of parent positions of the level. Every
   * position is visited once (CSR segments start at 0 and never go back),
   * so the leaves are the positions after the last level. */
  size_t positions = 1;
  for (int l = 0; l < levels; l++) {
    const tflc_dim_metadata_def *dm = &s->dim_metadata[l];
    int size = expanded[s->traversal_order[l]];
    p->level_size[l] = size;
    if (dm->format == 0) {
      if (dm->dense_size != size)
        return fail(err, err_size,
                    "dim_metadata[%d] is DENSE of size %d but dimension %d "
                    "has %d",
                    l, dm->dense_size, s->traversal_order[l], size);
      if (size != 0 && positions > SIZE_MAX / (size_t)size)
        return fail(err, err_size, "too many positions at level %d", l);
      positions *= (size_t)size;
    } else if (dm->format == 1) {
      if (!dm->segments || (size_t)dm->n_segments < positions + 1)
        return fail(err, err_size,
                    "dim_metadata[%d]: array_segments has %d entries, %zu "
                    "needed",
                    l, dm->segments ? dm->n_segments : 0, positions + 1);
      if (dm->segments[0] != 0)
        return fail(err, err_size,
                    "dim_metadata[%d]: array_segments starts at %d, not 0", l,
                    dm->segments[0]);
      for (size_t i = 1; i <= positions; i++)
        if (dm->segments[i] < dm->segments[i - 1])
          return fail(err, err_size,
                      "dim_metadata[%d]: array_segments decreases at %zu "
                      "(%d after %d)",
                      l, i, dm->segments[i], dm->segments[i - 1]);
      int32_t used = dm->segments[positions];
      if (used > dm->n_indices)
        return fail(err, err_size,
                    "dim_metadata[%d]: segments use %d indices, array_indices "
                    "has %d",
                    l, used, dm->n_indices);
      for (int32_t i = 0; i < used; i++)
        if (dm->indices[i] < 0 || dm->indices[i] >= size)
          return fail(err, err_size,
                      "dim_metadata[%d]: array_indices[%d] = %d is out of "
                      "range [0, %d)",
                      l, i, dm->indices[i], size);
      positions = (size_t)used;
    } else {
      return fail(err, err_size, "dim_metadata[%d] has unknown format %d", l,
                  dm->format);
    }
  }
  p->n_values = positions;
  if (elem == 0 || positions > SIZE_MAX / elem ||
      positions * elem != value_bytes)
    return fail(err, err_size,
                "the sparsity metadata implies %zu values (%zu bytes) but the "
                "buffer holds %zu bytes",
                positions, positions * elem, value_bytes);
  return 0;
}

typedef struct walk_ctx {
  const sparse_plan *p;
  const tflc_sparsity_def *s;
  const uint8_t *values;
  uint8_t *dense;
  size_t elem;
  size_t next; /* next value */
  int idx[SPARSE_MAX_LEVELS];
} walk_ctx;

static void leaf(walk_ctx *c) {
  const sparse_plan *p = c->p;
  int orig[SPARSE_MAX_LEVELS];
  for (int l = 0; l < p->n_orig; l++)
    orig[c->s->traversal_order[l]] = c->idx[l];
  for (int l = p->n_orig; l < p->n_levels; l++) {
    int b = c->s->traversal_order[l] - p->n_orig;
    int d = c->s->block_map[b];
    orig[d] = orig[d] * p->block_size[b] + c->idx[l];
  }
  size_t flat = 0;
  for (int d = 0; d < p->n_orig; d++)
    flat = flat * (size_t)p->dense_shape[d] + (size_t)orig[d];
  memcpy(c->dense + flat * c->elem, c->values + c->next * c->elem, c->elem);
  c->next++;
}

static void walk(walk_ctx *c, int level, size_t parent) {
  if (level == c->p->n_levels) {
    leaf(c);
    return;
  }
  const tflc_dim_metadata_def *dm = &c->s->dim_metadata[level];
  if (dm->format == 0) {
    size_t size = (size_t)c->p->level_size[level];
    for (size_t i = 0; i < size; i++) {
      c->idx[level] = (int)i;
      walk(c, level + 1, parent * size + i);
    }
  } else {
    for (int32_t q = dm->segments[parent]; q < dm->segments[parent + 1]; q++) {
      c->idx[level] = dm->indices[q];
      walk(c, level + 1, (size_t)q);
    }
  }
}

void sparse_densify(const sparse_plan *p, const tflc_sparsity_def *s,
                    const void *values, size_t elem, void *dense) {
  size_t total = 1;
  for (int d = 0; d < p->n_orig; d++) total *= (size_t)p->dense_shape[d];
  if (total) memset(dense, 0, total * elem);
  walk_ctx c = {p, s, (const uint8_t *)values, (uint8_t *)dense, elem, 0, {0}};
  if (total) walk(&c, 0, 0);
}
