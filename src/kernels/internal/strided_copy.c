/* Strided N-D copies (see strided_copy.h). */
#include "kernels/internal/strided_copy.h"

#include <stdint.h>
#include <string.h>

void kern_row_strides(const int *dims, int rank, ptrdiff_t *strides) {
  ptrdiff_t s = 1;
  for (int i = rank - 1; i >= 0; i--) {
    strides[i] = s;
    s *= (ptrdiff_t)dims[i];
  }
}

/* One innermost run of n elements with element steps ss and ds (elements),
 * specialised by element size so the moves are single loads and stores. */
#define RUN_LOOP(T)                                                        \
  do {                                                                     \
    const T *s_ = (const T *)src;                                          \
    T *d_ = (T *)dst;                                                      \
    for (size_t k_ = 0; k_ < n; k_++)                                      \
      memcpy(d_ + (ptrdiff_t)k_ * ds, s_ + (ptrdiff_t)k_ * ss, sizeof(T)); \
  } while (0)

static void copy_run(uint8_t *dst, ptrdiff_t ds, const uint8_t *src,
                     ptrdiff_t ss, size_t elem, size_t n) {
  if (ss == 1 && ds == 1) {
    memcpy(dst, src, n * elem);
    return;
  }
  switch (elem) {
    case 1: RUN_LOOP(uint8_t); break;
    case 2: RUN_LOOP(uint16_t); break;
    case 4: RUN_LOOP(uint32_t); break;
    case 8: RUN_LOOP(uint64_t); break;
    default:
      for (size_t k = 0; k < n; k++)
        memcpy(dst + (ptrdiff_t)k * ds * (ptrdiff_t)elem,
               src + (ptrdiff_t)k * ss * (ptrdiff_t)elem, elem);
      break;
  }
}
#undef RUN_LOOP

void kern_strided_copy2(void *dst, const ptrdiff_t *dst_strides,
                        const void *src, const ptrdiff_t *src_strides,
                        size_t elem, int rank, const int *dims) {
  size_t d[KERN_STRIDED_MAX_RANK];
  ptrdiff_t ss[KERN_STRIDED_MAX_RANK], ds[KERN_STRIDED_MAX_RANK];
  int n = 0;
  if (rank < 0 || rank > KERN_STRIDED_MAX_RANK || elem == 0) return;
  /* Drop size-1 dims; merge a dim into the previous one when both strides
   * continue it. */
  for (int i = 0; i < rank; i++) {
    if (dims[i] <= 0) return; /* nothing to copy */
    if (dims[i] == 1) continue;
    if (n > 0 && ss[n - 1] == src_strides[i] * dims[i] &&
        ds[n - 1] == dst_strides[i] * dims[i]) {
      d[n - 1] *= (size_t)dims[i];
      ss[n - 1] = src_strides[i];
      ds[n - 1] = dst_strides[i];
      continue;
    }
    d[n] = (size_t)dims[i];
    ss[n] = src_strides[i];
    ds[n] = dst_strides[i];
    n++;
  }
  const uint8_t *s = (const uint8_t *)src;
  uint8_t *o = (uint8_t *)dst;
  if (n == 0) {
    memcpy(o, s, elem);
    return;
  }
  /* Odometer over the outer n-1 dims; the innermost is one run. */
  size_t idx[KERN_STRIDED_MAX_RANK] = {0};
  ptrdiff_t e = (ptrdiff_t)elem;
  for (;;) {
    copy_run(o, ds[n - 1], s, ss[n - 1], elem, d[n - 1]);
    int k = n - 2;
    for (; k >= 0; k--) {
      if (idx[k] + 1 < d[k]) {
        idx[k]++;
        s += ss[k] * e;
        o += ds[k] * e;
        break;
      }
      s -= ss[k] * e * (ptrdiff_t)(d[k] - 1);
      o -= ds[k] * e * (ptrdiff_t)(d[k] - 1);
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}

void kern_strided_copy(void *dst, const void *src, const ptrdiff_t *src_strides,
                       size_t elem, int rank, const int *dims) {
  ptrdiff_t ds[KERN_STRIDED_MAX_RANK];
  if (rank < 0 || rank > KERN_STRIDED_MAX_RANK) return;
  kern_row_strides(dims, rank, ds);
  kern_strided_copy2(dst, ds, src, src_strides, elem, rank, dims);
}

void kern_transpose_copy(void *dst, const void *src, size_t elem, int rank,
                         const int *in_dims, const int *perm) {
  ptrdiff_t in_strides[KERN_STRIDED_MAX_RANK], ss[KERN_STRIDED_MAX_RANK];
  int out_dims[KERN_STRIDED_MAX_RANK];
  if (rank < 0 || rank > KERN_STRIDED_MAX_RANK) return;
  kern_row_strides(in_dims, rank, in_strides);
  for (int i = 0; i < rank; i++) {
    out_dims[i] = in_dims[perm[i]];
    ss[i] = in_strides[perm[i]];
  }
  kern_strided_copy(dst, src, ss, elem, rank, out_dims);
}
