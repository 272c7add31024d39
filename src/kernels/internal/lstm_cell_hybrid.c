/* The hybrid LSTM step (float32 activations and states, int8 weights with
 * one scale each), as TensorFlow Lite's LstmStepHybrid: each step quantizes
 * the input, aux input and output-state rows to int8 (one scale per batch
 * row; symmetric, or asymmetric with a zero point when
 * asymmetric_quantize_inputs), each gate starts from its float bias (0 with
 * layer norm) and accumulates dot * (row_scale * weight_scale) per product
 * (the zero point removed with the weight row sums); peepholes use the
 * dequantized peephole weights; the element-wise part is the float one
 * (lstm_elementwise); the projection quantizes m per row the same way. */
#include <string.h>

#include "kernels/internal/lstm_cell_priv.h"
#include "kernels/internal/quant_hybrid.h"
#include "kernels/kernel_util.h"

/* One quantized block of rows. */
typedef struct qrows {
  int8_t *q;
  float *scale;
  int32_t *zp;
} qrows;

typedef struct hybrid_ptrs {
  const int8_t *w_x[4], *w_h[4], *w_aux[4], *proj_w;
  float s_x[4], s_h[4], s_aux[4], s_proj;
  const float *proj_b;
  float *h;
  lstm_elem_ptrs e;
} hybrid_ptrs;

typedef struct hybrid_scratch {
  float *gate[4], *m, *peep; /* peep: 3 x n_cell dequantized */
  qrows x, aux, h, mq;
} hybrid_scratch;

static size_t align16(size_t n) { return (n + 15) & ~(size_t)15; }

/* Layout of the scratch; with base NULL only computes the size. */
static size_t layout(const lstm_cell *cell, unsigned char *base,
                     hybrid_scratch *s) {
  const size_t nb = (size_t)cell->n_batch, nc = (size_t)cell->n_cell;
  size_t off = 0;
#define TAKE(ptr, type, count)                      \
  do {                                              \
    if (base) (ptr) = (type *)(void *)(base + off); \
    off += align16((size_t)(count) * sizeof(type)); \
  } while (0)
  for (int g = 0; g < 4; g++) TAKE(s->gate[g], float, nb *nc);
  TAKE(s->m, float, nb *nc);
  TAKE(s->peep, float, 3 * nc);
  qrows *rows[4] = {&s->x, &s->aux, &s->h, &s->mq};
  const size_t widths[4] = {(size_t)cell->n_input, (size_t)cell->n_aux,
                            (size_t)cell->n_output, nc};
  for (int i = 0; i < 4; i++) {
    TAKE(rows[i]->q, int8_t, nb * widths[i]);
    TAKE(rows[i]->scale, float, nb);
    TAKE(rows[i]->zp, int32_t, nb);
  }
#undef TAKE
  return off;
}

size_t lstm_hybrid_scratch_bytes(const lstm_cell *cell) {
  hybrid_scratch s;
  return layout(cell, NULL, &s);
}

static const TfLiteTensor *tin(TfLiteContext *ctx, const TfLiteNode *node,
                               int pos) {
  return pos < 0 ? NULL : kern_input(ctx, node, pos);
}

static const int8_t *qdata(const TfLiteTensor *t, float *scale) {
  *scale = t ? t->params.scale : 1.0f;
  return t ? t->data.int8 : NULL;
}

static void bind(TfLiteContext *ctx, const TfLiteNode *node,
                 const lstm_cell *cell, hybrid_ptrs *p, float *peep) {
  const lstm_cell_inputs *in = &cell->in;
  memset(p, 0, sizeof(*p));
  for (int g = 0; g < 4; g++) {
    if (g == LSTM_GATE_I && cell->cifg) continue;
    p->w_x[g] = qdata(tin(ctx, node, in->w_x[g]), &p->s_x[g]);
    p->w_h[g] = qdata(tin(ctx, node, in->w_h[g]), &p->s_h[g]);
    if (cell->use_aux)
      p->w_aux[g] = qdata(tin(ctx, node, in->w_aux[g]), &p->s_aux[g]);
    p->e.bias[g] = tin(ctx, node, in->bias[g])->data.f;
    if (cell->layer_norm) p->e.ln[g] = tin(ctx, node, in->ln[g])->data.f;
  }
  /* Peepholes: scale * w in float, as TensorFlow Lite recovers them. */
  const size_t nc = (size_t)cell->n_cell;
  for (int i = 0; cell->peephole && i < 3; i++) {
    if (i == 0 && cell->cifg) continue;
    float sc;
    const int8_t *w = qdata(tin(ctx, node, in->peep[i]), &sc);
    float *d = peep + (size_t)i * nc;
    for (size_t j = 0; j < nc; j++) d[j] = sc * (float)w[j];
    p->e.peep[i] = d;
  }
  if (cell->projection) {
    p->proj_w = qdata(tin(ctx, node, in->proj_w), &p->s_proj);
    const TfLiteTensor *b = tin(ctx, node, in->proj_b);
    p->proj_b = b ? b->data.f : NULL;
  }
  p->h = tin(ctx, node, in->h_state)->data.f;
  p->e.c = tin(ctx, node, in->c_state)->data.f;
}

/* Quantizes n_batch rows of n floats (row stride ld). */
static void quantize_rows(const lstm_cell *cell, const float *x, size_t ld,
                          size_t n, const qrows *r) {
  for (size_t b = 0; b < (size_t)cell->n_batch; b++) {
    if (cell->asymmetric) {
      quant_asymmetric_floats(x + b * ld, n, r->q + b * n, &r->scale[b],
                              &r->zp[b]);
    } else {
      quant_symmetric_floats(x + b * ld, n, r->q + b * n, &r->scale[b]);
      r->zp[b] = 0;
    }
  }
}

/* out[b][o] += (dot(w[o], q[b]) - rowsum(w[o]) * zp[b]) * (scale[b] * ws)
 * for rows of n inputs, n_out outputs, output rows of stride ldo. */
static void qmatmul_acc(const lstm_cell *cell, const qrows *r, size_t n,
                        const int8_t *w, float ws, size_t n_out, float *out,
                        size_t ldo) {
  for (size_t b = 0; b < (size_t)cell->n_batch; b++) {
    const int8_t *q = r->q + b * n;
    const float scale = r->scale[b] * ws;
    float *o = out + b * ldo;
    for (size_t u = 0; u < n_out; u++) {
      const int8_t *wr = w + u * n;
      int32_t dot = 0, sum = 0;
      for (size_t k = 0; k < n; k++) {
        dot += (int32_t)wr[k] * (int32_t)q[k];
        sum += wr[k];
      }
      if (cell->asymmetric) dot -= sum * r->zp[b];
      o[u] += (float)dot * scale;
    }
  }
}

static void step_hybrid(const lstm_cell *cell, const hybrid_ptrs *p,
                        const lstm_step_io *io, const hybrid_scratch *s) {
  const size_t nb = (size_t)cell->n_batch, nc = (size_t)cell->n_cell;
  const size_t no = (size_t)cell->n_output, ni = (size_t)cell->n_input;
  const size_t na = (size_t)cell->n_aux;
  quantize_rows(cell, io->x, io->ldx, ni, &s->x);
  if (cell->use_aux) quantize_rows(cell, io->aux, io->ldaux, na, &s->aux);
  quantize_rows(cell, p->h, no, no, &s->h);
  for (int g = 0; g < 4; g++) {
    if (g == LSTM_GATE_I && cell->cifg) continue;
    float *gv = s->gate[g];
    for (size_t b = 0; b < nb; b++) {
      if (cell->layer_norm) {
        memset(gv + b * nc, 0, nc * sizeof(float));
      } else {
        memcpy(gv + b * nc, p->e.bias[g], nc * sizeof(float));
      }
    }
    qmatmul_acc(cell, &s->x, ni, p->w_x[g], p->s_x[g], nc, gv, nc);
    if (cell->use_aux)
      qmatmul_acc(cell, &s->aux, na, p->w_aux[g], p->s_aux[g], nc, gv, nc);
    qmatmul_acc(cell, &s->h, no, p->w_h[g], p->s_h[g], nc, gv, nc);
  }
  lstm_elementwise(cell, &p->e, s->gate, s->m);

  if (cell->projection) {
    for (size_t b = 0; b < nb; b++) {
      float *o = io->out + b * io->ldo;
      if (p->proj_b) {
        memcpy(o, p->proj_b, no * sizeof(float));
      } else {
        memset(o, 0, no * sizeof(float));
      }
    }
    quantize_rows(cell, s->m, nc, nc, &s->mq);
    qmatmul_acc(cell, &s->mq, nc, p->proj_w, p->s_proj, no, io->out, io->ldo);
    if (cell->proj_clip > 0.0f) {
      for (size_t b = 0; b < nb; b++)
        for (size_t k = 0; k < no; k++) {
          float *v = io->out + b * io->ldo + k;
          *v = kern_clamp_f32(*v, -cell->proj_clip, cell->proj_clip);
        }
    }
  } else {
    for (size_t b = 0; b < nb; b++)
      memcpy(io->out + b * io->ldo, s->m + b * nc, no * sizeof(float));
  }
  for (size_t b = 0; b < nb; b++)
    memcpy(p->h + b * no, io->out + b * io->ldo, no * sizeof(float));
}

void lstm_hybrid_run(TfLiteContext *ctx, TfLiteNode *node,
                     const lstm_cell *cell, const lstm_pass *pass) {
  hybrid_scratch s;
  layout(cell, (unsigned char *)pass->scratch, &s);
  hybrid_ptrs p;
  bind(ctx, node, cell, &p, s.peep);
  for (size_t t = 0; t < (size_t)pass->max_time; t++) {
    lstm_step_io io;
    lstm_pass_rows(cell, pass, t, &io);
    step_hybrid(cell, &p, &io, &s);
  }
}
