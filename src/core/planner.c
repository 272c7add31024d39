/* The arena planner: places buffers with known lifetimes [first, last] (node
 * positions) at offsets so that no two buffers alive at the same time
 * overlap. Greedy by size: largest first, each at the lowest offset that
 * does not collide with an already placed buffer whose lifetime intersects. */
#include <stdlib.h>

#include "core/interp_internal.h"

static size_t align_up(size_t v, size_t a) { return (v + a - 1) / a * a; }

static int lifetimes_intersect(const tflc_plan_item *a,
                               const tflc_plan_item *b) {
  return a->first <= b->last && b->first <= a->last;
}

/* Sort indices by size (descending), ties by first use, then index: stable
 * and deterministic. Insertion sort: n is the tensor count of a subgraph. */
static void order_by_size(const tflc_plan_item *items, int n, int *order) {
  for (int i = 0; i < n; i++) order[i] = i;
  for (int i = 1; i < n; i++) {
    int v = order[i];
    int j = i - 1;
    while (j >= 0) {
      const tflc_plan_item *a = &items[order[j]], *b = &items[v];
      int before =
          a->bytes > b->bytes ||
          (a->bytes == b->bytes &&
           (a->first < b->first || (a->first == b->first && order[j] < v)));
      if (before) break;
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = v;
  }
}

size_t tflc_plan_greedy(tflc_plan_item *items, int n, size_t align,
                        int *order) {
  if (align == 0) align = 1;
  order_by_size(items, n, order);
  size_t total = 0;
  for (int oi = 0; oi < n; oi++) {
    tflc_plan_item *it = &items[order[oi]];
    size_t need = align_up(it->bytes, align);
    size_t candidate = 0;
    /* Try candidate offsets; whenever a placed, overlapping-in-time buffer
     * collides in space, move just past it and re-check all. */
    int moved = 1;
    while (moved) {
      moved = 0;
      for (int pj = 0; pj < oi; pj++) {
        const tflc_plan_item *p = &items[order[pj]];
        if (p->bytes == 0 || !lifetimes_intersect(it, p)) continue;
        size_t p_end = p->offset + align_up(p->bytes, align);
        if (candidate < p_end && p->offset < candidate + need) {
          candidate = align_up(p_end, align);
          moved = 1;
        }
      }
    }
    it->offset = candidate;
    if (need && candidate + need > total) total = candidate + need;
  }
  return total;
}
