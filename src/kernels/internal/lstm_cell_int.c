/* The integer 8x8_16 LSTM cell (see lstm_cell_int.h): prepare-time
 * multipliers and folded biases, and the integer time step, following
 * TensorFlow Lite's PopulateQuantizedLstmParams8x8_16 and
 * LstmStepInteger8x8_16 (the arithmetic is in lstm_int_ops.c). */
#include "kernels/internal/lstm_cell_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kernels/internal/lstm_int_ops.h"
#include "kernels/internal/quant_arith.h"
#include "kernels/internal/quant_fixed.h"
#include "kernels/kernel_util.h"

static const char *const gate_names[4] = {"input", "forget", "cell", "output"};

static const TfLiteTensor *in_at(TfLiteContext *ctx, const TfLiteNode *node,
                                 int pos) {
  return pos < 0 ? NULL : kern_input(ctx, node, pos);
}

/* The first scale / zero point of an affine-quantized tensor, or false. */
static bool qparams(const TfLiteTensor *t, float *scale, int32_t *zp) {
  if (!t || t->quantization.type != kTfLiteAffineQuantization) return false;
  const TfLiteAffineQuantization *aq =
      (const TfLiteAffineQuantization *)t->quantization.params;
  if (!aq || !aq->scale || aq->scale->size < 1) return false;
  *scale = aq->scale->data[0];
  *zp =
      aq->zero_point && aq->zero_point->size > 0 ? aq->zero_point->data[0] : 0;
  return true;
}

static TfLiteStatus multiplier(TfLiteContext *ctx, double real, int32_t *m,
                               int *s, const char *what) {
  KERN_ENSURE(ctx, quant_multiplier(real, m, s),
              "the %s scale %g is not a valid multiplier", what, real);
  return kTfLiteOk;
}

/* Scale of a present tensor (1 when absent, as TensorFlow Lite's default). */
static float scale_of(const TfLiteTensor *t) {
  return t ? t->params.scale : 1.0f;
}

/* out[r] = (bias ? bias[r] : 0) + zp * rowsum(w[r]) over rows x cols. */
static void fold_bias(const TfLiteTensor *w, const TfLiteTensor *bias,
                      int32_t zp, int32_t *out) {
  const int rows = kern_dim(w, 0), cols = kern_dim(w, 1);
  for (int r = 0; r < rows; r++) {
    uint32_t acc = bias ? (uint32_t)bias->data.i32[r] : 0u;
    int32_t sum = 0;
    for (int c = 0; c < cols; c++)
      sum += w->data.int8[(size_t)r * (size_t)cols + (size_t)c];
    acc += (uint32_t)sum * (uint32_t)zp;
    out[r] = (int32_t)acc;
  }
}

TfLiteStatus lstm_int_prepare(TfLiteContext *ctx, TfLiteNode *node,
                              const lstm_cell *cell, const TfLiteTensor *input,
                              const TfLiteTensor *output, lstm_int_params *p) {
  const lstm_cell_inputs *in = &cell->in;
  const TfLiteTensor *h_state = in_at(ctx, node, in->h_state);
  const TfLiteTensor *c_state = in_at(ctx, node, in->c_state);
  float s_in, s_h, s_c, s_out;
  int32_t z_in, z_h, z_c, z_out;
  KERN_ENSURE(ctx, qparams(input, &s_in, &z_in), "input 0 is not quantized");
  KERN_ENSURE(ctx, qparams(output, &s_out, &z_out),
              "the output is not quantized");
  KERN_ENSURE(ctx, qparams(h_state, &s_h, &z_h),
              "input %d (output state) is not quantized", in->h_state);
  KERN_ENSURE(ctx, qparams(c_state, &s_c, &z_c),
              "input %d (cell state) is not quantized", in->c_state);
  KERN_ENSURE(ctx, s_in > 0.0f && s_h > 0.0f && s_out > 0.0f,
              "input, output state and output scales must be > 0");
  /* Scales finite and positive, zero points inside their types (a crafted
   * zero point must not reach the arithmetic below). */
  const TfLiteTensor *checked[4] = {input, output, h_state, c_state};
  for (int k = 0; k < 4; k++) {
    char msg[256];
    KERN_ENSURE(ctx, quant_check_params(checked[k], -1, msg, (int)sizeof msg),
                "%s", msg);
  }
  int cell_log2 = 0;
  KERN_ENSURE(ctx, s_c > 0.0f && quant_checked_log2(s_c, &cell_log2),
              "input %d (cell state) has scale %g; the integer LSTM needs a "
              "power of two",
              in->c_state, (double)s_c);
  KERN_ENSURE(ctx, cell_log2 >= -15 && cell_log2 <= -9,
              "input %d (cell state) has scale 2^%d; the integer LSTM supports "
              "2^-15 .. 2^-9",
              in->c_state, cell_log2);
  p->cell_scale = cell_log2;

  /* Intermediates: 0-3 the gate scales (layer norm only), 4 the hidden. */
  const TfLiteIntArray *im = node->intermediates;
  KERN_ENSURE(ctx, im && im->size == 5,
              "the integer LSTM needs 5 intermediate tensors (gate and hidden "
              "scales), the node has %d",
              im ? im->size : 0);
  float inter_s[5];
  int32_t inter_z[5];
  for (int i = 0; i < 5; i++) {
    inter_s[i] = 1.0f / 4096.0f; /* Q3.12 without layer norm */
    inter_z[i] = 0;
    if (i < 4 && !cell->layer_norm) continue;
    const int t = im->data[i];
    KERN_ENSURE(ctx, t >= 0 && (size_t)t < ctx->tensors_size,
                "intermediate %d refers to tensor %d", i, t);
    KERN_ENSURE(ctx,
                qparams(&ctx->tensors[t], &inter_s[i], &inter_z[i]) &&
                    inter_s[i] > 0.0f,
                "intermediate %d (tensor %d) has no valid quantization; the "
                "integer LSTM reads %s from it",
                i, t, i == 4 ? "the hidden state's scale" : "a gate's scale");
    KERN_ENSURE(ctx, isfinite(inter_s[i]),
                "intermediate %d (tensor %d) has a non-finite scale", i, t);
  }
  /* The hidden state is int8: its zero point is subtracted from and folded
   * into int32 sums, so it must be an int8 value. */
  KERN_ENSURE(ctx, inter_z[4] >= INT8_MIN && inter_z[4] <= INT8_MAX,
              "intermediate 4 (the hidden state) has zero point %d, outside "
              "the int8 range [-128, 127]",
              (int)inter_z[4]);

  /* Effective scales, in float as TensorFlow Lite computes them. */
  const TfLiteTensor *w_x[4], *w_h[4], *peep[4] = {NULL, NULL, NULL, NULL};
  for (int g = 0; g < 4; g++) {
    w_x[g] = in_at(ctx, node, in->w_x[g]);
    w_h[g] = in_at(ctx, node, in->w_h[g]);
  }
  if (cell->peephole) {
    peep[LSTM_GATE_I] = cell->cifg ? NULL : in_at(ctx, node, in->peep[0]);
    peep[LSTM_GATE_F] = in_at(ctx, node, in->peep[1]);
    peep[LSTM_GATE_O] = in_at(ctx, node, in->peep[2]);
  }
  char what[64];
  const double two_cell = ldexp(1.0, cell_log2);
  for (int g = 0; g < 4; g++) {
    const bool used = !(g == LSTM_GATE_I && cell->cifg);
    const float ex = used ? scale_of(w_x[g]) * s_in / inter_s[g] : 1.0f;
    const float eh = used ? scale_of(w_h[g]) * s_h / inter_s[g] : 1.0f;
    snprintf(what, sizeof what, "input-to-%s", gate_names[g]);
    KERN_OK(multiplier(ctx, ex, &p->x_m[g], &p->x_s[g], what));
    snprintf(what, sizeof what, "recurrent-to-%s", gate_names[g]);
    KERN_OK(multiplier(ctx, eh, &p->h_m[g], &p->h_s[g], what));
    const float ep = peep[g]
                         ? (float)(two_cell * (double)peep[g]->params.scale /
                                   (double)inter_s[g])
                         : 1.0f;
    snprintf(what, sizeof what, "cell-to-%s", gate_names[g]);
    KERN_OK(multiplier(ctx, ep, &p->p_m[g], &p->p_s[g], what));
    const TfLiteTensor *ln =
        cell->layer_norm && used ? in_at(ctx, node, in->ln[g]) : NULL;
    const float ls = scale_of(ln);
    snprintf(what, sizeof what, "%s layer-norm", gate_names[g]);
    KERN_OK(multiplier(ctx, ls, &p->ln_m[g], &p->ln_s[g], what));
    /* The variance guard is an int32, and the layer norm shifts by the
     * scale's exponent + 12 (at most 31): both hold below 2^31 / 10000. */
    KERN_ENSURE(ctx, 10000.0f * ls < 2147483648.0f,
                "the %s gate's layer-norm weights have scale %g (input %d); "
                "the integer LSTM needs 10000 * scale (its variance guard) "
                "below 2^31",
                gate_names[g], (double)ls, in->ln[g]);
    const int32_t guard = (int32_t)(10000.0f * ls);
    p->variance_guard[g] = guard > 1 ? guard : 1;
  }
  const float hidden =
      (float)(ldexp(1.0, -15) / (double)inter_s[4] * ldexp(1.0, -15));
  KERN_OK(multiplier(ctx, hidden, &p->hidden_m, &p->hidden_s, "hidden"));
  const TfLiteTensor *proj_w =
      cell->projection ? in_at(ctx, node, in->proj_w) : NULL;
  const float eproj = scale_of(proj_w) * inter_s[4] / s_h;
  KERN_OK(multiplier(ctx, eproj, &p->proj_m, &p->proj_s, "projection"));
  p->hidden_zp = inter_z[4];
  p->output_state_zp = z_h;

  /* Clips, quantized as TensorFlow Lite (float quotient, truncated). */
  p->cell_clip = 0;
  if (cell->cell_clip > 0.0f) {
    float q = cell->cell_clip / s_c;
    q = q < -32768.0f ? -32768.0f : (q > 32767.0f ? 32767.0f : q);
    p->cell_clip = (int16_t)q;
  }
  p->proj_clip = 0;
  if (cell->proj_clip > 0.0f) {
    float q = cell->proj_clip / s_out;
    q = q < -128.0f ? -128.0f : (q > 127.0f ? 127.0f : q);
    p->proj_clip = (int8_t)q;
  }

  /* Folded biases (weights must be readable now: constant tensors). */
  const size_t nc = (size_t)cell->n_cell, no = (size_t)cell->n_output;
  const size_t need = 8 * nc + no;
  if (p->storage_cap < need) {
    p->storage = ctx->AllocatePersistentBuffer(ctx, need * sizeof(int32_t));
    KERN_ENSURE(ctx, p->storage != NULL, "out of memory for the LSTM biases");
    p->storage_cap = need;
  }
  memset(p->storage, 0, need * sizeof(int32_t));
  for (int g = 0; g < 4; g++) {
    p->x_bias[g] = p->storage + (size_t)g * nc;
    p->h_bias[g] = p->storage + (size_t)(4 + g) * nc;
    if (g == LSTM_GATE_I && cell->cifg) continue;
    KERN_ENSURE(ctx, w_x[g]->data.raw && w_h[g]->data.raw,
                "the %s gate's weights have no data at prepare", gate_names[g]);
    const TfLiteTensor *bias =
        cell->layer_norm ? NULL : in_at(ctx, node, in->bias[g]);
    fold_bias(w_x[g], bias, -z_in, p->x_bias[g]);
    fold_bias(w_h[g], NULL, -z_h, p->h_bias[g]);
  }
  p->proj_bias = p->storage + 8 * nc;
  if (proj_w) {
    KERN_ENSURE(ctx, proj_w->data.raw,
                "projection_weights have no data at prepare");
    fold_bias(proj_w, in_at(ctx, node, in->proj_b), p->hidden_zp, p->proj_bias);
  }
  (void)z_c;
  (void)z_out;
  return kTfLiteOk;
}

size_t lstm_int_scratch_bytes(const lstm_cell *cell) {
  const size_t n = (size_t)cell->n_batch * (size_t)cell->n_cell;
  return 4 * n * sizeof(int16_t) + n;
}

/* Tensors one step reads. */
typedef struct int_ptrs {
  const int8_t *w_x[4], *w_h[4], *proj_w;
  const int16_t *peep[4], *ln[4];
  const int32_t *bias[4];
} int_ptrs;

typedef struct int_scratch {
  int16_t *gate[4];
  int8_t *hidden;
} int_scratch;

/* One gate for n_batch rows (TensorFlow Lite's CalculateLstmGateInteger8x8_16).
 */
static void gate_step(const lstm_cell *cell, const lstm_int_params *p,
                      const int_ptrs *w, int g, const int8_t *x,
                      const int8_t *h, const int16_t *c, int n_batch,
                      int16_t *out) {
  const int nc = cell->n_cell;
  memset(out, 0, (size_t)n_batch * (size_t)nc * sizeof(int16_t));
  lstm_matmul_acc16(x, p->x_bias[g], w->w_x[g], p->x_m[g], p->x_s[g], n_batch,
                    cell->n_input, nc, out);
  lstm_matmul_acc16(h, p->h_bias[g], w->w_h[g], p->h_m[g], p->h_s[g], n_batch,
                    cell->n_output, nc, out);
  /* TensorFlow Lite passes n_output as the peephole vector size (it equals
   * n_cell unless there is a projection to another size). */
  if (w->peep[g])
    lstm_peephole_acc16(w->peep[g], cell->n_output, c, n_batch, p->p_m[g],
                        p->p_s[g], out);
  if (w->ln[g])
    lstm_layer_norm16(out, w->ln[g], w->bias[g], p->ln_m[g], p->ln_s[g],
                      p->variance_guard[g], n_batch, nc, out);
  const size_t n = (size_t)n_batch * (size_t)nc;
  if (g == LSTM_GATE_C) {
    for (size_t i = 0; i < n; i++) out[i] = lstm_tanh16(out[i], 3);
  } else {
    for (size_t i = 0; i < n; i++) out[i] = lstm_logistic16(out[i], 3);
  }
}

static int16_t clamp16(int32_t v, int32_t lo, int32_t hi) {
  return (int16_t)(v < lo ? lo : (v > hi ? hi : v));
}

/* One step for n_batch rows; h (n_batch x n_output) and c (n_batch x
 * n_cell) are updated, the output rows are written to out. */
static void step_int(const lstm_cell *cell, const lstm_int_params *p,
                     const int_ptrs *w, const int8_t *x, int8_t *h, int16_t *c,
                     int8_t *out, int n_batch, const int_scratch *s) {
  const size_t n = (size_t)n_batch * (size_t)cell->n_cell;
  for (int g = 0; g < 3; g++)
    if (!(g == LSTM_GATE_I && cell->cifg))
      gate_step(cell, p, w, g, x, h, c, n_batch, s->gate[g]);
  const int16_t *ig = s->gate[LSTM_GATE_I], *fg = s->gate[LSTM_GATE_F];
  const int16_t *cg = s->gate[LSTM_GATE_C];
  const int ishift = 30 + p->cell_scale;
  for (size_t i = 0; i < n; i++) {
    const int32_t kept =
        quant_rounding_divide_by_pot((int32_t)fg[i] * c[i], 15);
    const int32_t in_gate = cell->cifg ? 32767 - fg[i] : ig[i];
    const int16_t add =
        (int16_t)quant_rounding_divide_by_pot(in_gate * cg[i], ishift);
    int16_t v = clamp16((int32_t)(int16_t)kept + add, INT16_MIN, INT16_MAX);
    if (p->cell_clip > 0) v = clamp16(v, -p->cell_clip, p->cell_clip);
    c[i] = v;
  }
  gate_step(cell, p, w, LSTM_GATE_O, x, h, c, n_batch, s->gate[LSTM_GATE_O]);

  /* Hidden: o .* tanh(c), requantized with intermediate 4. TensorFlow Lite
   * subtracts the hidden zero point here (and adds it back through the
   * projection bias). */
  const int16_t *og = s->gate[LSTM_GATE_O];
  const int tanh_bits = 15 + p->cell_scale;
  for (size_t i = 0; i < n; i++) {
    const int32_t t = lstm_tanh16(c[i], tanh_bits);
    int32_t v =
        quant_mul_by_multiplier((int32_t)og[i] * t, p->hidden_m, p->hidden_s);
    v = quant_sat_add(v, -p->hidden_zp); /* hidden_zp: an int8 (prepare) */
    s->hidden[i] = (int8_t)(v < -128 ? -128 : (v > 127 ? 127 : v));
  }
  const size_t no = (size_t)n_batch * (size_t)cell->n_output;
  if (cell->projection) {
    memset(h, 0, no);
    lstm_matmul_acc8(s->hidden, p->proj_bias, w->proj_w, p->proj_m, p->proj_s,
                     n_batch, cell->n_cell, cell->n_output, p->output_state_zp,
                     h);
    if (p->proj_clip > 0)
      for (size_t i = 0; i < no; i++)
        h[i] = (int8_t)clamp16(h[i], -p->proj_clip, p->proj_clip);
  } else {
    memcpy(h, s->hidden, no);
  }
  memcpy(out, h, no);
}

static const void *data_at(TfLiteContext *ctx, const TfLiteNode *node,
                           int pos) {
  const TfLiteTensor *t = in_at(ctx, node, pos);
  return t ? t->data.raw_const : NULL;
}

void lstm_int_run(TfLiteContext *ctx, TfLiteNode *node, const lstm_cell *cell,
                  const lstm_int_params *p, const int8_t *input, int8_t *output,
                  int max_time, bool time_major, void *scratch) {
  const lstm_cell_inputs *in = &cell->in;
  int_ptrs w;
  memset(&w, 0, sizeof w);
  static const int peep_pos[4] = {0, 1, -1, 2};
  for (int g = 0; g < 4; g++) {
    w.w_x[g] = data_at(ctx, node, in->w_x[g]);
    w.w_h[g] = data_at(ctx, node, in->w_h[g]);
    w.bias[g] = data_at(ctx, node, in->bias[g]);
    if (cell->layer_norm) w.ln[g] = data_at(ctx, node, in->ln[g]);
    if (cell->peephole && peep_pos[g] >= 0 && !(g == LSTM_GATE_I && cell->cifg))
      w.peep[g] = data_at(ctx, node, in->peep[peep_pos[g]]);
  }
  if (cell->projection) w.proj_w = data_at(ctx, node, in->proj_w);
  int8_t *h = in_at(ctx, node, in->h_state)->data.int8;
  int16_t *c = in_at(ctx, node, in->c_state)->data.i16;

  const size_t nb = (size_t)cell->n_batch, nc = (size_t)cell->n_cell;
  const size_t ni = (size_t)cell->n_input, no = (size_t)cell->n_output;
  int_scratch s;
  int16_t *base = (int16_t *)scratch;
  for (int g = 0; g < 4; g++) s.gate[g] = base + (size_t)g * nb * nc;
  s.hidden = (int8_t *)(base + 4 * nb * nc);
  if (nb == 0 || max_time <= 0) return;

  if (time_major) {
    for (int t = 0; t < max_time; t++)
      step_int(cell, p, &w, input + (size_t)t * nb * ni, h, c,
               output + (size_t)t * nb * no, (int)nb, &s);
    return;
  }
  /* Batch major: one row at a time, as TensorFlow Lite. */
  for (size_t b = 0; b < nb; b++)
    for (int t = 0; t < max_time; t++) {
      const size_t r = b * (size_t)max_time + (size_t)t;
      step_int(cell, p, &w, input + r * ni, h + b * no, c + b * nc,
               output + r * no, 1, &s);
    }
}
