/* Shared code of SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND (see
 * space_batch.h). */
#include "kernels/internal/space_batch.h"

#include <stdint.h>

#include "kernels/internal/move_checks.h"
#include "kernels/internal/strided_copy.h"

TfLiteStatus kern_space_batch_check(TfLiteContext *ctx, const TfLiteNode *node,
                                    const char *pads_name) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *bt = kern_input(ctx, node, 1);
  const TfLiteTensor *pt = kern_input(ctx, node, 2);
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank == 3 || rank == 4,
              "input must be 3-D or 4-D, got rank %d", rank);
  int spatial = rank - 2;
  KERN_OK(kern_check_index_vector(ctx, bt, "block_shape input", 0, spatial));
  KERN_ENSURE(ctx, pt->type == kTfLiteInt32 || pt->type == kTfLiteInt64,
              "%s input has type %s (INT32 or INT64 expected)", pads_name,
              kern_type_name(pt->type));
  KERN_ENSURE(
      ctx,
      kern_ndims(pt) == 2 && kern_dim(pt, 0) == spatial && kern_dim(pt, 1) == 2,
      "%s input must have shape [%d, 2]", pads_name, spatial);
  return kTfLiteOk;
}

TfLiteStatus kern_space_batch_read(TfLiteContext *ctx, const TfLiteNode *node,
                                   const char *pads_name,
                                   kern_space_batch *sb) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *bt = kern_input(ctx, node, 1);
  const TfLiteTensor *pt = kern_input(ctx, node, 2);
  int spatial = kern_ndims(in) - 2;
  for (int i = 0; i < 2; i++) {
    sb->block[i] = 1;
    sb->before[i] = 0;
    sb->after[i] = 0;
  }
  for (int i = 0; i < spatial; i++) {
    int64_t b = kern_read_index(bt, (size_t)i);
    int64_t p0 = kern_read_index(pt, (size_t)i * 2);
    int64_t p1 = kern_read_index(pt, (size_t)i * 2 + 1);
    KERN_ENSURE(ctx, b >= 1 && b <= 0x7fffffff,
                "block_shape[%d] = %lld is invalid (must be >= 1)", i,
                (long long)b);
    KERN_ENSURE(ctx, p0 >= 0 && p1 >= 0 && p0 <= 0x3fffffff && p1 <= 0x3fffffff,
                "%s of spatial dimension %d (%lld, %lld) are invalid "
                "(must be >= 0)",
                pads_name, i, (long long)p0, (long long)p1);
    sb->block[i] = (int)b;
    sb->before[i] = (int)p0;
    sb->after[i] = (int)p1;
  }
  return kTfLiteOk;
}

/* First and one-past-last batch index t (in [0, nb)) whose space position
 * t*block + off - before lies in [0, ns). */
static void sb_range(int64_t nb, int64_t ns, int64_t block, int64_t off,
                     int64_t before, int64_t *lo, int64_t *hi) {
  int64_t a = before - off; /* need t*block >= a */
  *lo = a <= 0 ? 0 : (a + block - 1) / block;
  int64_t b = ns + before - off; /* need t*block < b */
  *hi = b <= 0 ? 0 : (b + block - 1) / block;
  if (*hi > nb) *hi = nb;
  if (*lo > *hi) *lo = *hi;
}

void kern_space_batch_copy(const kern_space_batch *sb, int to_batch,
                           void *space, const int *space_dims, void *batch,
                           const int *batch_dims, size_t elem) {
  int64_t n = space_dims[0], hs = space_dims[1], ws = space_dims[2];
  int64_t c = space_dims[3];
  int64_t hb = batch_dims[1], wb = batch_dims[2];
  int64_t bh = sb->block[0], bw = sb->block[1];
  ptrdiff_t s_str[4] = {(ptrdiff_t)(hs * ws * c), (ptrdiff_t)(bh * ws * c),
                        (ptrdiff_t)(bw * c), 1};
  ptrdiff_t b_str[4] = {(ptrdiff_t)(hb * wb * c), (ptrdiff_t)(wb * c),
                        (ptrdiff_t)c, 1};
  for (int64_t oy = 0; oy < bh; oy++) {
    int64_t y0, y1;
    sb_range(hb, hs, bh, oy, sb->before[0], &y0, &y1);
    for (int64_t ox = 0; ox < bw; ox++) {
      int64_t x0, x1;
      sb_range(wb, ws, bw, ox, sb->before[1], &x0, &x1);
      if (y1 <= y0 || x1 <= x0 || n == 0 || c == 0) continue;
      int64_t b0 = (oy * bw + ox) * n;
      int64_t sy = y0 * bh + oy - sb->before[0];
      int64_t sx = x0 * bw + ox - sb->before[1];
      uint8_t *sp = (uint8_t *)space + ((sy * ws + sx) * c) * (int64_t)elem;
      uint8_t *bp =
          (uint8_t *)batch + (((b0 * hb + y0) * wb + x0) * c) * (int64_t)elem;
      int dims[4] = {(int)n, (int)(y1 - y0), (int)(x1 - x0), (int)c};
      if (to_batch)
        kern_strided_copy2(bp, b_str, sp, s_str, elem, 4, dims);
      else
        kern_strided_copy2(sp, s_str, bp, b_str, elem, 4, dims);
    }
  }
}
