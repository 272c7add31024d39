/* Integer loops of quantized FULLY_CONNECTED and BATCH_MATMUL and of hybrid
 * BATCH_MATMUL (quant_dense.h). FULLY_CONNECTED runs blocks of batch rows
 * (or of units when there is one row) on the interpreter's threads; every
 * output element is computed the same way whatever the split. */
#include "kernels/internal/quant_dense.h"

#include <math.h>

/* sum_i (w[i] + wo) * (x[i] + xo) for the op's types. */
static int64_t dense_dot(TfLiteType type, const void *xv, const void *wv,
                         size_t n, int32_t xo, int32_t wo) {
  switch (type) {
    case kTfLiteInt8: {
      const int8_t *x = xv, *w = wv;
      int32_t acc = 0;
      for (size_t i = 0; i < n; i++)
        acc += ((int32_t)w[i] + wo) * ((int32_t)x[i] + xo);
      return acc;
    }
    case kTfLiteUInt8: {
      const uint8_t *x = xv, *w = wv;
      int32_t acc = 0;
      for (size_t i = 0; i < n; i++)
        acc += ((int32_t)w[i] + wo) * ((int32_t)x[i] + xo);
      return acc;
    }
    default: {
      const int16_t *x = xv;
      const int8_t *w = wv;
      int64_t acc = 0;
      for (size_t i = 0; i < n; i++)
        acc += ((int64_t)w[i] + wo) * ((int64_t)x[i] + xo);
      return acc;
    }
  }
}

/* INT16 FULLY_CONNECTED as TensorFlow Lite's current reference kernel
 * (FullyConnected / FullyConnectedPerChannel with float scales, which its
 * int16 FULLY_CONNECTED calls for every kernel type): acc (+ bias; int64, or
 * int32 wrapping when q->wide is false) times the double scale, rounded half
 * away from zero, plus the output zero point, clamped. */
static int32_t fc_finish_int16(int64_t acc, const quant_fc_args *a, size_t u) {
  const quant_out_params *q = a->q;
  double v;
  if (q->wide) {
    if (a->bias) acc += ((const int64_t *)a->bias)[u];
    v = (double)acc;
  } else {
    uint32_t w = (uint32_t)acc;
    if (a->bias) w += (uint32_t)((const int32_t *)a->bias)[u];
    v = (double)(int32_t)w;
  }
  double r = round(v * a->int16_scale[u]);
  r = r < -2147483648.0 ? -2147483648.0 : (r > 2147483647.0 ? 2147483647.0 : r);
  int64_t o = (int64_t)r + q->output_offset;
  o = o < q->act_min ? q->act_min : (o > q->act_max ? q->act_max : o);
  return (int32_t)o;
}

static size_t elem_size(TfLiteType type) {
  return type == kTfLiteInt16 ? 2 : 1;
}

typedef struct fc_split {
  const quant_fc_args *a;
  size_t block;
  bool by_rows;
} fc_split;

static void fc_block(const quant_fc_args *a, size_t b0, size_t b1, size_t u0,
                     size_t u1) {
  const size_t xs = elem_size(a->type);
  for (size_t b = b0; b < b1; b++) {
    const char *x = (const char *)a->input + b * a->depth * xs;
    for (size_t u = u0; u < u1; u++) {
      const char *w = (const char *)a->weights + u * a->depth;
      int64_t acc = dense_dot(a->type, x, w, a->depth, a->q->input_offset,
                              a->q->filter_offset);
      quant_store(a->output, a->type, b * a->units + u,
                  a->int16_scale
                      ? fc_finish_int16(acc, a, u)
                      : quant_finish(acc, a->bias, a->q, a->type, (int)u));
    }
  }
}

static void fc_task(void *arg, int task) {
  const fc_split *s = arg;
  const quant_fc_args *a = s->a;
  const size_t start = (size_t)task * s->block;
  const size_t extent = s->by_rows ? a->batch : a->units;
  if (start >= extent) return;
  const size_t end = extent - start < s->block ? extent : start + s->block;
  if (s->by_rows)
    fc_block(a, start, end, 0, a->units);
  else
    fc_block(a, 0, a->batch, start, end);
}

void quant_fc(TfLiteContext *ctx, const quant_fc_args *a) {
  if (a->batch == 0 || a->units == 0) return;
  const int threads = ctx->recommended_num_threads;
  const double work = (double)a->batch * (double)a->units * (double)a->depth;
  if (threads < 2 || !ctx->TflcParallelFor || work < 32768) {
    fc_block(a, 0, a->batch, 0, a->units);
    return;
  }
  fc_split s = {a, 0, a->batch >= (size_t)threads * 4};
  const size_t extent = s.by_rows ? a->batch : a->units;
  size_t tasks = (size_t)threads * 4;
  if (tasks > extent) tasks = extent;
  s.block = (extent + tasks - 1) / tasks;
  ctx->TflcParallelFor(ctx, (int)((extent + s.block - 1) / s.block), fc_task,
                       &s);
}

static inline int32_t load(TfLiteType type, const void *p, size_t i) {
  switch (type) {
    case kTfLiteInt8: return ((const int8_t *)p)[i];
    case kTfLiteUInt8: return ((const uint8_t *)p)[i];
    default: return ((const int16_t *)p)[i];
  }
}

void quant_bmm_slice(const quant_bmm_args *a) {
  const int32_t lo = a->q->input_offset, ro = a->q->filter_offset;
  for (size_t i = 0; i < a->m; i++) {
    for (size_t j = 0; j < a->n; j++) {
      int64_t acc = 0;
      for (size_t t = 0; t < a->k; t++) {
        const size_t li = a->adj_x ? t * a->m + i : i * a->k + t;
        const size_t ri = a->adj_y ? j * a->k + t : t * a->n + j;
        acc += (int64_t)(load(a->type, a->lhs, li) + lo) *
               (int64_t)(load(a->type, a->rhs, ri) + ro);
      }
      int32_t v;
      if (a->type == kTfLiteInt16) {
        v = quant_requant64(acc, a->q, 0);
      } else {
        v = quant_requant32((int32_t)(uint32_t)acc, a->q, 0);
      }
      quant_store(a->output, a->type, i * a->n + j, v);
    }
  }
}

void quant_hybrid_bmm_slice(const quant_hybrid_bmm_args *a) {
  for (size_t i = 0; i < a->m; i++) {
    const size_t row = a->row0 + i;
    const int8_t *x = a->r->q + row * a->k;
    const float s = a->r->scale[row] * a->rhs_scale;
    const int32_t off = a->r->offset[row];
    for (size_t j = 0; j < a->n; j++) {
      int32_t dot = 0, col_sum = 0;
      for (size_t t = 0; t < a->k; t++) {
        const int32_t w = a->rhs[a->adj_y ? j * a->k + t : t * a->n + j];
        dot += w * (int32_t)x[t];
        col_sum += w;
      }
      dot -= col_sum * off;
      a->output[i * a->n + j] = s * (float)dot;
    }
  }
}
