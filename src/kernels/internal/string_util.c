/* STRING tensor reading and writing for kernels; see string_util.h. */
#include "kernels/internal/string_util.h"

#include "tflc/tflc.h"

TfLiteStatus str_view_init(TfLiteContext *ctx, const TfLiteTensor *t,
                           const char *what, str_view *v) {
  v->buf = NULL;
  v->count = 0;
  if (t->type != kTfLiteString) {
    ctx->ReportError(ctx, "%s is %s, not STRING", what,
                     TfLiteTypeGetName(t->type));
    return kTfLiteError;
  }
  size_t elems = 1;
  for (int i = 0; t->dims && i < t->dims->size; i++)
    elems *= (size_t)t->dims->data[i];
  if (elems == 0 && (t->bytes == 0 || !t->data.raw_const)) return kTfLiteOk;
  int n = TflcTensorStringCount(t);
  if (n < 0) {
    ctx->ReportError(ctx,
                     "%s ('%s') holds a malformed string buffer (%zu bytes)",
                     what, t->name ? t->name : "", t->bytes);
    return kTfLiteError;
  }
  if ((size_t)n != elems) {
    ctx->ReportError(
        ctx, "%s ('%s') holds %d strings but its shape has %zu elements", what,
        t->name ? t->name : "", n, elems);
    return kTfLiteError;
  }
  v->buf = (const uint8_t *)t->data.raw_const;
  v->count = n;
  return kTfLiteOk;
}

size_t str_buffer_bytes(size_t count, size_t total_len) {
  if (count > (size_t)INT32_MAX / 4 - 2) return 0;
  size_t head = 4 * (count + 2);
  if (total_len > (size_t)INT32_MAX - head) return 0;
  return head + total_len;
}

static void put_i32(uint8_t *p, size_t v) {
  int32_t x = (int32_t)v;
  memcpy(p, &x, 4);
}

TfLiteStatus str_alloc(TfLiteContext *ctx, TfLiteTensor *out, const int *dims,
                       int rank, int count, size_t total_len, str_writer *w) {
  memset(w, 0, sizeof *w);
  size_t bytes = count < 0 ? 0 : str_buffer_bytes((size_t)count, total_len);
  if (bytes == 0) {
    ctx->ReportError(ctx, "output of %d strings (%zu bytes) is too large",
                     count, total_len);
    return kTfLiteError;
  }
  if (!ctx->TflcResizeTensorBytes) {
    ctx->ReportError(ctx, "this interpreter cannot size STRING outputs");
    return kTfLiteError;
  }
  TfLiteStatus s = ctx->TflcResizeTensorBytes(ctx, out, dims, rank, bytes);
  if (s != kTfLiteOk) return s;
  w->buf = (uint8_t *)out->data.raw;
  w->size = bytes;
  w->count = count;
  w->pos = 4 * ((size_t)count + 2);
  put_i32(w->buf, (size_t)count);
  put_i32(w->buf + 4 + 4 * (size_t)count, bytes); /* end of the last string */
  for (int i = 0; i < count; i++) put_i32(w->buf + 4 + 4 * (size_t)i, bytes);
  return kTfLiteOk;
}

void str_begin(str_writer *w) {
  if (w->next < w->count) put_i32(w->buf + 4 + 4 * (size_t)w->next, w->pos);
}

void str_append(str_writer *w, const char *p, size_t len) {
  if (len > w->size - w->pos) len = w->size - w->pos; /* never past the end */
  if (len) memcpy(w->buf + w->pos, p, len);
  w->pos += len;
}

void str_end(str_writer *w) {
  if (w->next < w->count) w->next++;
}

void str_bcast_equal(const kern_bcast *bc, const str_view *a, const str_view *b,
                     bool *out, bool want_equal) {
  size_t idx[KERN_BCAST_MAX_RANK] = {0};
  size_t ai = 0, bi = 0;
  for (size_t o = 0; o < bc->count; o++) {
    size_t la, lb;
    const char *pa = str_get(a, (int)ai, &la);
    const char *pb = str_get(b, (int)bi, &lb);
    bool eq = la == lb && (la == 0 || memcmp(pa, pb, la) == 0);
    out[o] = eq == want_equal;
    for (int d = bc->n - 1; d >= 0; d--) {
      ai += bc->a_stride[d];
      bi += bc->b_stride[d];
      if (++idx[d] < bc->dims[d]) break;
      ai -= bc->a_stride[d] * bc->dims[d];
      bi -= bc->b_stride[d] * bc->dims[d];
      idx[d] = 0;
    }
  }
}
