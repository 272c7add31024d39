/* Op tests of the quantized LSTMs: the integer 8x8_16 LSTM (LSTM and
 * UNIDIRECTIONAL_SEQUENCE_LSTM) and the hybrid LSTM (int8 weights, float32
 * activations; LSTM, UNIDIRECTIONAL_ and BIDIRECTIONAL_SEQUENCE_LSTM).
 *
 * Integer: each case builds a one-op model (random int8 weights, int32
 * biases, int16 peepholes and layer-norm weights, int8 / int16 state
 * variables, five intermediate tensors carrying the gate and hidden scales,
 * added to the operator by decoding and re-writing the model) and compares
 * every output integer, and the state variables, with TensorFlow Lite's
 * integer step written again here from its formulas (effective scales in
 * float, Q31 multipliers, folded zero points, gemmlowp 16-bit fixed-point
 * sigmoid/tanh, the integer layer norm, the cell update with shifts, the
 * hidden requantization): plain, CIFG, peepholes, layer norm, projection
 * (also to another size, where TensorFlow Lite's peephole covers n_output
 * values per row), clips, non-zero zero points, time-major and batch-major,
 * several invokes (state carried) and TfLiteInterpreterResetVariableTensors.
 *
 * Hybrid: the same cells with float activations against a reference that
 * quantizes the rows as TensorFlow Lite (symmetric or asymmetric) and
 * accumulates in double; float tolerance.
 *
 * Crafted quantization parameters: an integer LSTM whose layer-norm scale
 * makes the variance guard overflow int32, a hybrid LSTM whose weights have
 * an infinite scale; both refused at AllocateTensors.
 *
 * The real-model checks are in tests/models (trained_lstm_int8 and
 * unidirectional_sequence_lstm_quantized match TensorFlow Lite exactly);
 * trained_lstm_int8's reference saturates, so test_trained_lstm below also
 * runs that model with inputs in a non-saturating range and compares its
 * LSTM output with this file's reference. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema/schema.h"
#include "support/op_test.h"

/* ---- reference: 16-bit fixed point (gemmlowp semantics) --------------------
 */

static int32_t w16(int64_t v) { return (int16_t)(uint16_t)(uint64_t)v; }
static int32_t s16(int64_t v) {
  return v > 32767 ? 32767 : (v < -32768 ? -32768 : (int32_t)v);
}

/* a * b / 2^15, nearest with halves up, saturating -1 * -1. */
static int32_t fx_mul(int32_t a, int32_t b) {
  if (a == -32768 && b == -32768) return 32767;
  int64_t p = (int64_t)a * b + 16384;
  return (int32_t)(p >= 0 ? p / 32768 : -((-p + 32767) / 32768));
}
/* x * 2^e saturating (e > 0) or rounded half away (e < 0). */
static int32_t fpot(int32_t x, int e) {
  if (e < 0) return qr_div_pot(x, -e);
  int32_t lim = (1 << (15 - e)) - 1;
  if (x > lim) return 32767;
  if (x < -lim) return -32768;
  return x * (1 << e);
}
static int32_t fconst(int32_t raw32) { return qr_div_pot(raw32, 16); }

/* exp(a), a <= 0 with ib integer bits; Q0.15. */
static int32_t fexp(int32_t a, int ib) {
  int fb = 15 - ib;
  int32_t q = 1 << (fb - 2);
  int32_t r = w16((a & (q - 1)) - q);
  /* exp on [-1/4, 0): Taylor around -1/8 */
  int32_t x = w16(fpot(r, ib) + 4096);
  int32_t x2 = fx_mul(x, x), x3 = fx_mul(x2, x), x4 = fx_mul(x2, x2);
  int32_t t =
      fpot(w16(fx_mul(w16(fpot(x4, -2) + x3), fconst(715827883)) + x2), -1);
  int32_t e8 = fconst(1895147668);
  int32_t res = s16(e8 + fx_mul(e8, w16(x + t)));
  const int32_t k[7] = {1672461947, 1302514674, 790015084, 290630308,
                        39332535,   720401,     242};
  int32_t rem = w16(r - a);
  for (int j = 0; j < 7; j++) {
    int p = j - 2;
    if (ib > p && ((rem >> (fb + p)) & 1)) res = fx_mul(res, fconst(k[j]));
  }
  if (ib > 5 && a < fconst(-(1 << (36 - ib)))) res = 0;
  return a == 0 ? 32767 : res;
}
/* 1 / (1 + a) Newton iterations from the half denominator; Q2.13. */
static int32_t frecip(int32_t e) {
  int32_t sum = e + 32767;
  int32_t hd = (sum + (sum >= 0 ? 1 : -1)) / 2;
  int32_t x = w16(fconst(1515870810) + fx_mul(hd, fconst(-1010580540)));
  for (int i = 0; i < 3; i++)
    x = w16(x + fpot(fx_mul(x, w16(8192 - fx_mul(hd, x))), 2));
  return x;
}
static int32_t ref_sigmoid(int32_t a, int ib) {
  if (a == 0) return 16384;
  int32_t m = a > 0 ? a : w16(-a);
  int32_t pos = fpot(frecip(fexp(w16(-m), ib)), 1);
  return a > 0 ? pos : w16(32767 - pos);
}
static int32_t ref_tanh(int32_t a, int ib) {
  if (a == 0) return 0;
  int32_t n = a < 0 ? a : w16(-a);
  int32_t t = fpot(w16(frecip(fexp(n, ib + 1)) - 8192), 2);
  return a < 0 ? w16(-t) : t;
}

/* 1/sqrt(v) as Q31 multiplier + shift (reverse -1), 32-bit gemmlowp. */
static int32_t hm32(int32_t a, int32_t b) { return qr_high_mul(a, b); }
static int32_t pot32(int32_t x, int e) {
  if (e < 0) return qr_div_pot(x, -e);
  int64_t v = (int64_t)x * ((int64_t)1 << e);
  return v > INT32_MAX ? INT32_MAX : (v < INT32_MIN ? INT32_MIN : (int32_t)v);
}
static void ref_inv_sqrt(int32_t v, int32_t *m, int *s) {
  if (v <= 1) {
    *m = INT32_MAX;
    *s = 0;
    return;
  }
  int sh = 11;
  while (v >= (1 << 29)) {
    v /= 4;
    sh++;
  }
  int lz = 0; /* leading zeros of v */
  for (uint32_t u = (uint32_t)v; !(u & 0x80000000u); u <<= 1) lz++;
  int pairs = (lz - 1) / 2 - 1;
  sh -= pairs;
  v <<= 2 * pairs;
  int32_t hin = pot32(v >> 1, -1), x = 1 << 28;
  for (int i = 0; i < 5; i++) {
    int32_t x3 = pot32(hm32(hm32(x, x), x), 6);
    x = pot32((int32_t)((uint32_t)hm32((1 << 28) + (1 << 27), x) -
                        (uint32_t)hm32(hin, x3)),
              3);
  }
  x = hm32(x, 1518500250);
  if (sh < 0) {
    x = (int32_t)((uint32_t)x << -sh);
    sh = 0;
  }
  *m = x;
  *s = -sh;
}

/* ---- reference integer cell ------------------------------------------------
 */

typedef struct icell {
  int ni, nc, no, cifg, peep, ln, proj, proj_bias;
  int8_t *wx[4], *wh[4], *pw;
  int16_t *pe[4], *lnw[4];
  int32_t *b[4], *pb;
  float s_in, s_wx[4], s_wh[4], s_pe[4], s_ln[4], s_pw, s_h, s_out, s_im[5];
  int32_t z_in, z_h, z_out, z_im4;
  int cell_log2;
  float cell_clip, proj_clip;
} icell;

static void *rnd_i(size_t n, int bytes, int lo, int hi) {
  void *p = malloc(n * (size_t)bytes + 1);
  for (size_t i = 0; i < n; i++) {
    int32_t v = qr_rand(lo, hi);
    if (bytes == 1)
      ((int8_t *)p)[i] = (int8_t)v;
    else if (bytes == 2)
      ((int16_t *)p)[i] = (int16_t)v;
    else
      ((int32_t *)p)[i] = v;
  }
  return p;
}

static void icell_init(icell *c, int ni, int nc, int no, int cifg, int peep,
                       int ln, int proj) {
  memset(c, 0, sizeof(*c));
  c->ni = ni;
  c->nc = nc;
  c->no = no;
  c->cifg = cifg;
  c->peep = peep;
  c->ln = ln;
  c->proj = proj;
  c->proj_bias = proj;
  for (int g = 0; g < 4; g++) {
    if (cifg && g == 0) continue;
    c->wx[g] = rnd_i((size_t)nc * ni, 1, -127, 127);
    c->wh[g] = rnd_i((size_t)nc * no, 1, -127, 127);
    c->b[g] = rnd_i((size_t)nc, 4, -3000, 3000);
    c->s_wx[g] = 0.004f + 0.001f * (float)g;
    c->s_wh[g] = 0.003f + 0.0007f * (float)g;
    if (ln) {
      c->lnw[g] = rnd_i((size_t)nc, 2, 8000, 30000);
      c->s_ln[g] = 3.0e-5f + 1e-6f * (float)g;
    }
    if (peep && g != 2) {
      c->pe[g] = rnd_i((size_t)nc, 2, -20000, 20000);
      c->s_pe[g] = 2.0e-5f;
    }
  }
  if (proj) {
    c->pw = rnd_i((size_t)no * nc, 1, -127, 127);
    c->pb = rnd_i((size_t)no, 4, -500, 500);
    c->s_pw = 0.005f;
  }
  c->s_in = 0.02f;
  c->z_in = 5;
  c->s_h = 0.0075f;
  c->z_h = proj ? -7 : 0;
  c->s_out = c->s_h;
  c->z_out = c->z_h;
  for (int i = 0; i < 4; i++) c->s_im[i] = ln ? 2.5e-4f + 1e-5f * (float)i : 0;
  c->s_im[4] = proj ? 0.006f : c->s_h;
  c->z_im4 = proj ? 3 : c->z_h;
  c->cell_log2 = -11;
}

static void icell_free(icell *c) {
  for (int g = 0; g < 4; g++) {
    free(c->wx[g]);
    free(c->wh[g]);
    free(c->b[g]);
    free(c->pe[g]);
    free(c->lnw[g]);
  }
  free(c->pw);
  free(c->pb);
}

typedef struct imults {
  int32_t m;
  int s;
} imults;
static imults mq(double r) {
  imults q;
  qr_multiplier(r, &q.m, &q.s);
  return q;
}
static int32_t mulq(int32_t x, imults q) { return qr_mul(x, q.m, q.s); }

/* One step for `rows` batch rows (the peephole spans n_output values per row
 * over the flattened rows, as TensorFlow Lite). */
static void iref_step(const icell *c, int rows, const int8_t *x, int8_t *h,
                      int16_t *cs, int8_t *out) {
  const int nc = c->nc, no = c->no, n = rows * nc;
  int32_t *gate[4];
  for (int g = 0; g < 4; g++) gate[g] = calloc((size_t)n, sizeof(int32_t));
  const float q312 = 1.0f / 4096.0f;
  int16_t *newc = malloc((size_t)n * sizeof(int16_t));
  for (int pass = 0; pass < 2; pass++) {
    for (int g = pass ? 3 : 0; g < (pass ? 4 : 3); g++) {
      if (c->cifg && g == 0) continue;
      const float si = c->ln ? c->s_im[g] : q312;
      imults mx = mq((float)(c->s_wx[g] * c->s_in / si));
      imults mh = mq((float)(c->s_wh[g] * c->s_h / si));
      const int16_t *cref = pass ? newc : cs;
      for (int b = 0; b < rows; b++)
        for (int r = 0; r < nc; r++) {
          int32_t ax = c->ln ? 0 : c->b[g][r], ah = 0;
          for (int k = 0; k < c->ni; k++)
            ax += c->wx[g][r * c->ni + k] * (x[b * c->ni + k] - c->z_in);
          for (int k = 0; k < no; k++)
            ah += c->wh[g][r * no + k] * (h[b * no + k] - c->z_h);
          int32_t v = s16(mulq(ax, mx));
          gate[g][b * nc + r] = s16(mulq(ah, mh) + v);
        }
      if (c->peep && g != 2) {
        imults mp = mq((float)(ldexp(1.0, c->cell_log2) * c->s_pe[g] / si));
        for (int i = 0; i < rows * no; i++)
          gate[g][i] = s16(mulq(c->pe[g][i % no] * cref[i], mp) + gate[g][i]);
      }
      if (c->ln) {
        imults ml = mq(c->s_ln[g]);
        int32_t guard = (int32_t)(10000.0f * c->s_ln[g]);
        if (guard < 1) guard = 1;
        for (int b = 0; b < rows; b++) {
          int32_t *v = gate[g] + b * nc;
          int64_t sum = 0, sq = 0;
          for (int j = 0; j < nc; j++) {
            sum += v[j];
            sq += (int64_t)v[j] * v[j];
          }
          int32_t mean = (int32_t)(sum * 1024 / nc);
          int64_t var = sq * ((1 << 20) / nc) - (int64_t)mean * mean;
          int32_t var2 = (int32_t)(var / (1 << 20));
          if (var2 < 1) var2 = guard;
          imults inv;
          ref_inv_sqrt(var2, &inv.m, &inv.s);
          for (int j = 0; j < nc; j++) {
            int32_t r = mulq(1024 * v[j] - mean, inv);
            int64_t v3 = (int32_t)((uint32_t)r * (uint32_t)c->lnw[g][j] +
                                   (uint32_t)c->b[g][j]);
            int32_t v4 = (int32_t)((v3 > 0 ? v3 + 512 : v3 - 512) / 1024);
            v[j] = s16(qr_mul(v4, ml.m, ml.s + 12));
          }
        }
      }
      for (int i = 0; i < n; i++)
        gate[g][i] =
            g == 2 ? ref_tanh(gate[g][i], 3) : ref_sigmoid(gate[g][i], 3);
    }
    if (pass) break;
    /* cell update */
    int16_t clip = 0;
    if (c->cell_clip > 0) {
      float q = c->cell_clip / (float)ldexp(1.0, c->cell_log2);
      clip = (int16_t)(q > 32767.0f ? 32767.0f : q);
    }
    for (int i = 0; i < n; i++) {
      int32_t f = gate[1][i], ig = c->cifg ? 32767 - f : gate[0][i];
      int32_t kept = (int16_t)qr_div_pot(f * cs[i], 15);
      int32_t add = (int16_t)qr_div_pot(ig * gate[2][i], 30 + c->cell_log2);
      int32_t v = s16(kept + add);
      if (clip > 0) v = v > clip ? clip : (v < -clip ? -clip : v);
      newc[i] = (int16_t)v;
    }
  }
  imults mhid = mq((float)(ldexp(1.0, -15) / c->s_im[4] * ldexp(1.0, -15)));
  int8_t *hid = malloc((size_t)n);
  for (int i = 0; i < n; i++) {
    int32_t v = mulq(gate[3][i] * ref_tanh(newc[i], 15 + c->cell_log2), mhid) -
                c->z_im4;
    hid[i] = (int8_t)qr_clamp(v, -128, 127);
  }
  if (c->proj) {
    imults mp = mq((float)(c->s_pw * c->s_im[4] / c->s_h));
    int8_t pclip = 0;
    if (c->proj_clip > 0) {
      float q = c->proj_clip / c->s_out;
      pclip = (int8_t)(q > 127.0f ? 127.0f : q);
    }
    for (int b = 0; b < rows; b++)
      for (int r = 0; r < no; r++) {
        int32_t acc = c->pb ? c->pb[r] : 0;
        for (int k = 0; k < nc; k++)
          acc += c->pw[r * nc + k] * (hid[b * nc + k] + c->z_im4);
        int32_t v = qr_clamp(mulq(acc, mp) + c->z_h, -128, 127);
        if (pclip > 0) v = qr_clamp(v, -pclip, pclip);
        h[b * no + r] = (int8_t)v;
      }
  } else {
    memcpy(h, hid, (size_t)rows * no);
  }
  memcpy(out, h, (size_t)rows * no);
  memcpy(cs, newc, (size_t)n * sizeof(int16_t));
  free(hid);
  free(newc);
  for (int g = 0; g < 4; g++) free(gate[g]);
}

/* ---- building models -------------------------------------------------------
 */

static int qconst(tm_model *m, int8_t tt, const void *d, const int *shape,
                  int rank, size_t bytes, float s, int64_t z) {
  int t = tm_const(m, tt, shape, rank, d, bytes, "w");
  tm_quant(m, t, &s, &z, 1, 0);
  return t;
}

/* Adds intermediates to operator 0 by decoding and re-writing the model. */
static uint8_t *with_intermediates(uint8_t *bytes, size_t *size, int *im,
                                   int n) {
  tflc_model_def def;
  char err[256];
  if (schema_decode(bytes, *size, NULL, &def, err, sizeof err) != 0) {
    fprintf(stderr, "decode: %s\n", err);
    return NULL;
  }
  def.subgraphs[0].operators[0].intermediates = im;
  def.subgraphs[0].operators[0].n_intermediates = n;
  uint8_t *out = NULL;
  size_t out_size = 0;
  int rc = schema_write(&def, NULL, &out, &out_size, err, sizeof err);
  schema_def_free(&def, NULL);
  if (rc != 0) return NULL;
  uint8_t *copy = malloc(out_size);
  memcpy(copy, out, out_size);
  tflc_free(NULL, out);
  *size = out_size;
  return copy;
}

typedef struct icase {
  const char *label;
  int op; /* TFLC_OP_LSTM or TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM */
  int nb, T, time_major;
} icase;

static TfLiteInterpreter *build_int(const icase *k, const icell *c, char *err,
                                    size_t errsz, int *state_idx) {
  tm_model *m = tm_create();
  int ins[24];
  for (int i = 0; i < 24; i++) ins[i] = -1;
  const int nc = c->nc, no = c->no, ni = c->ni;
  int d[3], rank;
  if (k->op == TFLC_OP_LSTM) {
    d[0] = k->nb;
    d[1] = ni;
    rank = 2;
  } else {
    d[0] = k->time_major ? k->T : k->nb;
    d[1] = k->time_major ? k->nb : k->T;
    d[2] = ni;
    rank = 3;
  }
  ins[0] = tm_tensor(m, TFLC_TT_INT8, d, rank, "input");
  {
    float s = c->s_in;
    int64_t z = c->z_in;
    tm_quant(m, ins[0], &s, &z, 1, 0);
  }
  int wx[2] = {nc, ni}, wh[2] = {nc, no}, v1[1] = {nc}, pw[2] = {no, nc},
      pb[1] = {no};
  for (int g = 0; g < 4; g++) {
    if (!c->wx[g]) continue;
    ins[1 + g] = qconst(m, TFLC_TT_INT8, c->wx[g], wx, 2, (size_t)nc * ni,
                        c->s_wx[g], 0);
    ins[5 + g] = qconst(m, TFLC_TT_INT8, c->wh[g], wh, 2, (size_t)nc * no,
                        c->s_wh[g], 0);
    ins[12 + g] = qconst(m, TFLC_TT_INT32, c->b[g], v1, 1, (size_t)nc * 4,
                         c->s_in * c->s_wx[g], 0);
    if (c->ln)
      ins[20 + g] = qconst(m, TFLC_TT_INT16, c->lnw[g], v1, 1, (size_t)nc * 2,
                           c->s_ln[g], 0);
  }
  static const int peep_at[4] = {9, 10, -1, 11};
  for (int g = 0; g < 4; g++)
    if (c->pe[g])
      ins[peep_at[g]] = qconst(m, TFLC_TT_INT16, c->pe[g], v1, 1,
                               (size_t)nc * 2, c->s_pe[g], 0);
  if (c->proj) {
    ins[16] =
        qconst(m, TFLC_TT_INT8, c->pw, pw, 2, (size_t)no * nc, c->s_pw, 0);
    if (c->pb)
      ins[17] = qconst(m, TFLC_TT_INT32, c->pb, pb, 1, (size_t)no * 4,
                       c->s_pw * c->s_im[4], 0);
  }
  int hs[2] = {k->nb, no}, cs[2] = {k->nb, nc};
  ins[18] = tm_tensor(m, TFLC_TT_INT8, hs, 2, "h");
  ins[19] = tm_tensor(m, TFLC_TT_INT16, cs, 2, "c");
  {
    float s = c->s_h;
    int64_t z = c->z_h;
    tm_quant(m, ins[18], &s, &z, 1, 0);
  }
  {
    float s = (float)ldexp(1.0, c->cell_log2);
    int64_t z = 0;
    tm_quant(m, ins[19], &s, &z, 1, 0);
  }
  tm_variable(m, ins[18]);
  tm_variable(m, ins[19]);
  state_idx[0] = ins[18];
  state_idx[1] = ins[19];
  int od[1] = {1};
  int out = tm_tensor(m, TFLC_TT_INT8, od, 0, "out");
  {
    float s = c->s_out;
    int64_t z = c->z_out;
    tm_quant(m, out, &s, &z, 1, 0);
  }
  int im[5], z0[1] = {0};
  for (int i = 0; i < 5; i++) {
    im[i] = tm_tensor(
        m, i == 4 ? TFLC_TT_INT8 : (c->ln ? TFLC_TT_INT16 : TFLC_TT_FLOAT32),
        z0, 1, "im");
    if (i == 4 || c->ln) {
      float s = c->s_im[i];
      int64_t z = i == 4 ? c->z_im4 : 0;
      tm_quant(m, im[i], &s, &z, 1, 0);
    }
  }
  tflc_opt_field f[6];
  int nf = 0;
  f[nf++] = tm_opt_int(0, TFLC_OPT_I8, TFLC_ACT_TANH);
  f[nf++] = tm_opt_f32(1, c->cell_clip);
  f[nf++] = tm_opt_f32(2, c->proj_clip);
  uint8_t bo;
  if (k->op == TFLC_OP_LSTM) {
    bo = TFLC_BO_LSTM;
  } else {
    bo = TFLC_BO_UNIDIRECTIONAL_SEQUENCE_LSTM;
    f[nf++] = tm_opt_int(3, TFLC_OPT_BOOL, k->time_major);
  }
  tm_op(m, k->op, NULL, ins, 24, &out, 1, bo, f, nf);
  tm_io(m, &ins[0], 1, &out, 1);
  size_t size = 0;
  uint8_t *bytes = tm_finish(m, &size);
  tm_free(m);
  uint8_t *b2 = bytes ? with_intermediates(bytes, &size, im, 5) : NULL;
  free(bytes);
  if (!b2) {
    snprintf(err, errsz, "building the model failed");
    return NULL;
  }
  TfLiteInterpreter *it = tm_interpreter(b2, size, err, errsz);
  free(b2);
  return it;
}

/* Runs the reference over one invoke's sequence. */
static void iref_invoke(const icase *k, const icell *c, const int8_t *x,
                        int8_t *h, int16_t *cs, int8_t *out) {
  const int T = k->op == TFLC_OP_LSTM ? 1 : k->T;
  if (k->op == TFLC_OP_LSTM || k->time_major) {
    for (int t = 0; t < T; t++)
      iref_step(c, k->nb, x + (size_t)t * k->nb * c->ni, h, cs,
                out + (size_t)t * k->nb * c->no);
    return;
  }
  for (int b = 0; b < k->nb; b++)
    for (int t = 0; t < T; t++) {
      size_t r = (size_t)b * T + t;
      iref_step(c, 1, x + r * c->ni, h + (size_t)b * c->no,
                cs + (size_t)b * c->nc, out + r * c->no);
    }
}

/* Copies the interpreter's state variables into h and cs: the reference
 * starts from whatever the runtime initializes them to (TensorFlow Lite sets
 * an INT8 variable to its zero point; see docs/QUANTIZATION.md). */
static void read_state(TfLiteInterpreter *it, const int *idx, int8_t *h,
                       int16_t *cs) {
  const TfLiteTensor *th = TfLiteInterpreterGetTensor(it, idx[0]);
  const TfLiteTensor *tc = TfLiteInterpreterGetTensor(it, idx[1]);
  memcpy(h, th->data.raw, th->bytes);
  memcpy(cs, tc->data.raw, tc->bytes);
}

static void run_int_case(const icase *k, icell *c) {
  char err[2048];
  int idx[2];
  TfLiteInterpreter *it = build_int(k, c, err, sizeof err, idx);
  CHECK_MSG(it != NULL, "%s: %s", k->label, err);
  if (!it) return;
  const int T = k->op == TFLC_OP_LSTM ? 1 : k->T;
  const size_t nin = (size_t)k->nb * T * c->ni,
               nout = (size_t)k->nb * T * c->no;
  int8_t *h = calloc((size_t)k->nb * c->no, 1), *ref = malloc(nout);
  int16_t *cs = calloc((size_t)k->nb * c->nc, 2);
  read_state(it, idx, h, cs);
  for (int inv = 0; inv < 4; inv++) {
    if (inv == 3) { /* reset, then the reference restarts from the state */
      CHECK(TfLiteInterpreterResetVariableTensors(it) == kTfLiteOk);
      read_state(it, idx, h, cs);
    }
    int8_t *x = rnd_i(nin, 1, -128, 127);
    TfLiteTensor *in = TfLiteInterpreterGetInputTensor(it, 0);
    memcpy(in->data.raw, x, nin);
    CHECK(TfLiteInterpreterInvoke(it) == kTfLiteOk);
    iref_invoke(k, c, x, h, cs, ref);
    const TfLiteTensor *o = TfLiteInterpreterGetOutputTensor(it, 0);
    int bad = 0, first = -1;
    for (size_t i = 0; i < nout; i++)
      if (o->data.int8[i] != ref[i]) {
        bad++;
        if (first < 0) first = (int)i;
      }
    CHECK_MSG(bad == 0,
              "%s invoke %d: %d of %zu outputs differ (at %d: got %d want %d)",
              k->label, inv, bad, nout, first,
              first >= 0 ? o->data.int8[first] : 0,
              first >= 0 ? ref[first] : 0);
    const TfLiteTensor *tc = TfLiteInterpreterGetTensor(it, idx[1]);
    CHECK_MSG(memcmp(tc->data.raw, cs, tc->bytes) == 0,
              "%s invoke %d: cell state differs", k->label, inv);
    free(x);
  }
  free(h);
  free(cs);
  free(ref);
  tm_interpreter_delete(it);
}

static void test_integer(void) {
  struct {
    const char *label;
    int op, nb, T, tm, ni, nc, no, cifg, peep, ln, proj;
    float cclip, pclip;
    int log2;
  } cases[] = {
      {"uni plain batch-major", TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM, 2, 3, 0,
       5, 4, 4, 0, 0, 0, 0, 0, 0, -11},
      {"uni cifg peephole clip time-major",
       TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM, 3, 4, 1, 3, 8, 8, 1, 1, 0, 0, 0.5f,
       0, -12},
      {"uni layer norm projection", TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM, 2, 3,
       0, 4, 8, 5, 0, 0, 1, 1, 0, 0.3f, -11},
      {"uni everything time-major", TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM, 2, 3,
       1, 4, 8, 6, 0, 1, 1, 1, 1.0f, 0, -10},
      {"lstm peephole projection", TFLC_OP_LSTM, 3, 1, 1, 6, 8, 4, 0, 1, 0, 1,
       0, 0, -13},
      {"lstm cifg layer norm", TFLC_OP_LSTM, 2, 1, 1, 3, 4, 4, 1, 0, 1, 0, 0, 0,
       -15},
      {"uni cell scale 2^-9", TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM, 1, 5, 0, 2,
       4, 4, 0, 1, 0, 0, 0, 0, -9},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    icell c;
    icell_init(&c, cases[i].ni, cases[i].nc, cases[i].no, cases[i].cifg,
               cases[i].peep, cases[i].ln, cases[i].proj);
    c.cell_clip = cases[i].cclip;
    c.proj_clip = cases[i].pclip;
    c.cell_log2 = cases[i].log2;
    icase k = {cases[i].label, cases[i].op, cases[i].nb, cases[i].T,
               cases[i].tm};
    run_int_case(&k, &c);
    icell_free(&c);
  }
}

/* ---- hybrid ----------------------------------------------------------------
 */

typedef struct hcell {
  int ni, na, nc, no, cifg, peep, ln, proj;
  int8_t *wx[4], *wa[4], *wh[4], *pe[3], *pw;
  float sx[4], sa[4], sh[4], spe[3], spw;
  float *b[4], *lnc[4], *pb;
} hcell;

static float hrand(void) { return (float)qr_rand(-10000, 10000) / 10000.0f; }
static float *hfloats(size_t n, float scale) {
  float *p = malloc((n ? n : 1) * sizeof(float));
  for (size_t i = 0; i < n; i++) p[i] = hrand() * scale;
  return p;
}

static void hcell_init(hcell *c, int ni, int na, int nc, int no, int cifg,
                       int peep, int ln, int proj) {
  memset(c, 0, sizeof(*c));
  c->ni = ni;
  c->na = na;
  c->nc = nc;
  c->no = no;
  c->cifg = cifg;
  c->peep = peep;
  c->ln = ln;
  c->proj = proj;
  for (int g = 0; g < 4; g++) {
    if (cifg && g == 0) continue;
    c->wx[g] = rnd_i((size_t)nc * ni, 1, -127, 127);
    c->wh[g] = rnd_i((size_t)nc * no, 1, -127, 127);
    if (na) c->wa[g] = rnd_i((size_t)nc * na, 1, -127, 127);
    c->sx[g] = 0.005f;
    c->sh[g] = 0.004f;
    c->sa[g] = 0.003f;
    c->b[g] = hfloats((size_t)nc, 0.5f);
    if (ln) c->lnc[g] = hfloats((size_t)nc, 1.0f);
  }
  for (int q = 0; q < 3; q++)
    if (peep && !(cifg && q == 0)) {
      c->pe[q] = rnd_i((size_t)nc, 1, -127, 127);
      c->spe[q] = 0.004f;
    }
  if (proj) {
    c->pw = rnd_i((size_t)no * nc, 1, -127, 127);
    c->spw = 0.006f;
    c->pb = hfloats((size_t)no, 0.3f);
  }
}

static void hcell_free(hcell *c) {
  for (int g = 0; g < 4; g++) {
    free(c->wx[g]);
    free(c->wa[g]);
    free(c->wh[g]);
    free(c->b[g]);
    free(c->lnc[g]);
  }
  for (int q = 0; q < 3; q++) free(c->pe[q]);
  free(c->pw);
  free(c->pb);
}

/* sum_k w[r][k] * (q[k] - zp) in double, scaled by row scale * weight scale. */
static double hdot(const int8_t *w, int n, const int32_t *q, float sf,
                   int32_t zp, float ws) {
  int64_t acc = 0;
  for (int k = 0; k < n; k++) acc += (int64_t)w[k] * (q[k] - zp);
  return (double)acc * (double)(sf * ws);
}

static void hquant(const float *x, int n, int asym, int32_t *q, float *sf,
                   int32_t *zp) {
  if (asym)
    qr_quant_asym(x, (size_t)n, q, sf, zp);
  else {
    qr_quant_sym(x, (size_t)n, q, sf);
    *zp = 0;
  }
}

static double hsig(double x) { return 1.0 / (1.0 + exp(-x)); }

/* One step of one batch row (activation TANH). */
static void href_step(const hcell *c, int asym, float cclip, float pclip,
                      const float *x, const float *aux, float *h, float *cs,
                      float *out) {
  const int nc = c->nc, no = c->no;
  int32_t qx[64], qa[64], qh[64], qm[64], zx, za = 0, zh, zm;
  float sx, sa = 1, sh, sm;
  double z[4][64], m[64];
  hquant(x, c->ni, asym, qx, &sx, &zx);
  if (aux) hquant(aux, c->na, asym, qa, &sa, &za);
  hquant(h, no, asym, qh, &sh, &zh);
  for (int g = 0; g < 4; g++) {
    if (c->cifg && g == 0) continue;
    for (int j = 0; j < nc; j++) {
      double v = c->ln ? 0.0 : c->b[g][j];
      v += hdot(c->wx[g] + j * c->ni, c->ni, qx, sx, zx, c->sx[g]);
      if (aux) v += hdot(c->wa[g] + j * c->na, c->na, qa, sa, za, c->sa[g]);
      v += hdot(c->wh[g] + j * no, no, qh, sh, zh, c->sh[g]);
      z[g][j] = v;
    }
  }
  if (c->peep)
    for (int j = 0; j < nc; j++) {
      if (!c->cifg) z[0][j] += (double)(c->spe[0] * c->pe[0][j]) * cs[j];
      z[1][j] += (double)(c->spe[1] * c->pe[1][j]) * cs[j];
    }
  for (int g = c->cifg ? 1 : 0; g < 4; g++) {
    if (!c->ln || g == 3) continue;
    double mean = 0, var = 0;
    for (int j = 0; j < nc; j++) mean += z[g][j];
    mean /= nc;
    for (int j = 0; j < nc; j++) var += (z[g][j] - mean) * (z[g][j] - mean);
    var /= nc;
    for (int j = 0; j < nc; j++)
      z[g][j] = (z[g][j] - mean) / sqrt(var + 1e-8) * c->lnc[g][j] + c->b[g][j];
  }
  for (int j = 0; j < nc; j++) {
    double f = hsig(z[1][j]), i = c->cifg ? 1 - f : hsig(z[0][j]);
    double cn = f * cs[j] + i * tanh(z[2][j]);
    if (cclip > 0) cn = cn > cclip ? cclip : (cn < -cclip ? -cclip : cn);
    cs[j] = (float)cn;
  }
  if (c->peep)
    for (int j = 0; j < nc; j++)
      z[3][j] += (double)(c->spe[2] * c->pe[2][j]) * cs[j];
  if (c->ln) {
    double mean = 0, var = 0;
    for (int j = 0; j < nc; j++) mean += z[3][j];
    mean /= nc;
    for (int j = 0; j < nc; j++) var += (z[3][j] - mean) * (z[3][j] - mean);
    var /= nc;
    for (int j = 0; j < nc; j++)
      z[3][j] = (z[3][j] - mean) / sqrt(var + 1e-8) * c->lnc[3][j] + c->b[3][j];
  }
  for (int j = 0; j < nc; j++) m[j] = hsig(z[3][j]) * tanh(cs[j]);
  if (c->proj) {
    float mf[64];
    for (int j = 0; j < nc; j++) mf[j] = (float)m[j];
    hquant(mf, nc, asym, qm, &sm, &zm);
    for (int r = 0; r < no; r++) {
      double v = c->pb[r] + hdot(c->pw + r * nc, nc, qm, sm, zm, c->spw);
      if (pclip > 0) v = v > pclip ? pclip : (v < -pclip ? -pclip : v);
      out[r] = (float)v;
    }
  } else {
    for (int r = 0; r < no; r++) out[r] = (float)m[r];
  }
  memcpy(h, out, (size_t)no * sizeof(float));
}

typedef struct hpos {
  int wx, wh, pe, b, pw, pb, h, c, ln, aux;
} hpos;
static const hpos h_std = {1, 5, 9, 12, 16, 17, 18, 19, 20, -1};
static const hpos h_fw = {1, 5, 9, 12, 16, 17, 35, 36, -1, 40};
static const hpos h_bw = {18, 22, 26, 29, 33, 34, 37, 38, -1, 44};

static int fconst_t(tm_model *m, const float *d, const int *shape, int rank,
                    size_t n) {
  return tm_const(m, TFLC_TT_FLOAT32, shape, rank, d, n * sizeof(float), "f");
}

static void add_hcell(tm_model *m, const hcell *c, int nb, const hpos *p,
                      int *ins) {
  const int nc = c->nc, no = c->no;
  int wx[2] = {nc, c->ni}, wh[2] = {nc, no}, wa[2] = {nc, c->na}, v1[1] = {nc};
  int pw[2] = {no, nc}, pb[1] = {no};
  for (int g = 0; g < 4; g++) {
    if (!c->wx[g]) continue;
    ins[p->wx + g] = qconst(m, TFLC_TT_INT8, c->wx[g], wx, 2,
                            (size_t)nc * c->ni, c->sx[g], 0);
    ins[p->wh + g] =
        qconst(m, TFLC_TT_INT8, c->wh[g], wh, 2, (size_t)nc * no, c->sh[g], 0);
    ins[p->b + g] = fconst_t(m, c->b[g], v1, 1, (size_t)nc);
    if (c->wa[g] && p->aux >= 0)
      ins[p->aux + g] = qconst(m, TFLC_TT_INT8, c->wa[g], wa, 2,
                               (size_t)nc * c->na, c->sa[g], 0);
    if (c->lnc[g] && p->ln >= 0)
      ins[p->ln + g] = fconst_t(m, c->lnc[g], v1, 1, (size_t)nc);
  }
  for (int q = 0; q < 3; q++)
    if (c->pe[q])
      ins[p->pe + q] =
          qconst(m, TFLC_TT_INT8, c->pe[q], v1, 1, (size_t)nc, c->spe[q], 0);
  if (c->proj) {
    ins[p->pw] =
        qconst(m, TFLC_TT_INT8, c->pw, pw, 2, (size_t)no * nc, c->spw, 0);
    ins[p->pb] = fconst_t(m, c->pb, pb, 1, (size_t)no);
  }
  int hs[2] = {nb, no}, cs[2] = {nb, nc};
  ins[p->h] = tm_tensor(m, TFLC_TT_FLOAT32, hs, 2, "h");
  ins[p->c] = tm_tensor(m, TFLC_TT_FLOAT32, cs, 2, "c");
  tm_variable(m, ins[p->h]);
  tm_variable(m, ins[p->c]);
}

typedef struct hcase {
  const char *label;
  int op, nb, T, time_major, asym, merge;
  float cclip, pclip;
} hcase;

/* The model of a hybrid case (malloc'd bytes, NULL on failure). */
static uint8_t *hybrid_bytes(const hcase *k, const hcell *fw, const hcell *bw,
                             size_t *size) {
  const int bidi = k->op == TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM;
  const int T = k->op == TFLC_OP_LSTM ? 1 : k->T, na = fw->na;
  tm_model *m = tm_create();
  int ins[48];
  for (int i = 0; i < 48; i++) ins[i] = -1;
  int d[3], rank;
  if (k->op == TFLC_OP_LSTM) {
    d[0] = k->nb;
    d[1] = fw->ni;
    rank = 2;
  } else {
    d[0] = k->time_major ? T : k->nb;
    d[1] = k->time_major ? k->nb : T;
    d[2] = fw->ni;
    rank = 3;
  }
  ins[0] = tm_tensor(m, TFLC_TT_FLOAT32, d, rank, "input");
  int gin[2] = {ins[0], -1}, ngin = 1;
  if (bidi) {
    add_hcell(m, fw, k->nb, &h_fw, ins);
    add_hcell(m, bw, k->nb, &h_bw, ins);
    if (na) {
      int ad[3] = {d[0], d[1], na};
      ins[39] = tm_tensor(m, TFLC_TT_FLOAT32, ad, 3, "aux");
      gin[ngin++] = ins[39];
    }
  } else {
    add_hcell(m, fw, k->nb, &h_std, ins);
  }
  int n_out = bidi && !k->merge ? 2 : 1, outs[2], od[1] = {1};
  for (int i = 0; i < n_out; i++)
    outs[i] = tm_tensor(m, TFLC_TT_FLOAT32, od, 0, "out");
  tflc_opt_field f[6];
  int nf = 0;
  uint8_t bo;
  f[nf++] = tm_opt_int(0, TFLC_OPT_I8, TFLC_ACT_TANH);
  f[nf++] = tm_opt_f32(1, k->cclip);
  f[nf++] = tm_opt_f32(2, k->pclip);
  if (k->op == TFLC_OP_LSTM) {
    bo = TFLC_BO_LSTM;
    f[nf++] = tm_opt_int(4, TFLC_OPT_BOOL, k->asym);
  } else if (!bidi) {
    bo = TFLC_BO_UNIDIRECTIONAL_SEQUENCE_LSTM;
    f[nf++] = tm_opt_int(3, TFLC_OPT_BOOL, k->time_major);
    f[nf++] = tm_opt_int(4, TFLC_OPT_BOOL, k->asym);
  } else {
    bo = TFLC_BO_BIDIRECTIONAL_SEQUENCE_LSTM;
    f[nf++] = tm_opt_int(3, TFLC_OPT_BOOL, k->merge);
    f[nf++] = tm_opt_int(4, TFLC_OPT_BOOL, k->time_major);
    f[nf++] = tm_opt_int(5, TFLC_OPT_BOOL, k->asym);
  }
  tm_op(m, k->op, NULL, ins, bidi ? 48 : 24, outs, n_out, bo, f, nf);
  tm_io(m, gin, ngin, outs, n_out);
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
}

static void run_hybrid_case(const hcase *k, const hcell *fw, const hcell *bw) {
  const int bidi = k->op == TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM;
  const int T = k->op == TFLC_OP_LSTM ? 1 : k->T, na = fw->na;
  const int n_out = bidi && !k->merge ? 2 : 1;
  size_t size = 0;
  uint8_t *bytes = hybrid_bytes(k, fw, bw, &size);
  char err[2048];
  TfLiteInterpreter *it =
      bytes ? tm_interpreter(bytes, size, err, sizeof err) : NULL;
  free(bytes);
  CHECK_MSG(it != NULL, "%s: %s", k->label, err);
  if (!it) return;

  const int ncell = bidi ? 2 : 1;
  const hcell *cells[2] = {fw, bw};
  float *hs[2], *cs[2];
  for (int q = 0; q < ncell; q++) {
    hs[q] = calloc((size_t)k->nb * cells[q]->no, sizeof(float));
    cs[q] = calloc((size_t)k->nb * cells[q]->nc, sizeof(float));
  }
  const int width = bidi && k->merge ? fw->no + bw->no : fw->no;
  const size_t rows = (size_t)k->nb * T;
  for (int inv = 0; inv < 3; inv++) {
    if (inv == 2) {
      CHECK(TfLiteInterpreterResetVariableTensors(it) == kTfLiteOk);
      for (int q = 0; q < ncell; q++) {
        memset(hs[q], 0, (size_t)k->nb * cells[q]->no * sizeof(float));
        memset(cs[q], 0, (size_t)k->nb * cells[q]->nc * sizeof(float));
      }
    }
    float *x = hfloats(rows * fw->ni, 1.0f),
          *ax = na ? hfloats(rows * na, 1.0f) : NULL;
    memcpy(TfLiteInterpreterGetInputTensor(it, 0)->data.raw, x,
           rows * fw->ni * sizeof(float));
    if (na)
      memcpy(TfLiteInterpreterGetInputTensor(it, 1)->data.raw, ax,
             rows * na * sizeof(float));
    CHECK(TfLiteInterpreterInvoke(it) == kTfLiteOk);
    float *ref[2];
    ref[0] = calloc(rows * (size_t)width, sizeof(float));
    ref[1] = calloc(rows * (size_t)(bw ? bw->no : 1), sizeof(float));
    for (int q = 0; q < ncell; q++) {
      const hcell *c = cells[q];
      float *dst = q == 0 || k->merge ? ref[0] : ref[1];
      const int wdt = q == 0 || k->merge ? width : c->no,
                off = q == 1 && k->merge ? fw->no : 0;
      for (int b = 0; b < k->nb; b++)
        for (int s = 0; s < T; s++) {
          const int t = q == 0 ? s : T - 1 - s;
          const size_t r = k->op == TFLC_OP_LSTM ? (size_t)b
                           : k->time_major       ? (size_t)t * k->nb + b
                                                 : (size_t)b * T + t;
          float tmp[64];
          href_step(c, k->asym, k->cclip, k->pclip, x + r * c->ni,
                    na ? ax + r * na : NULL, hs[q] + (size_t)b * c->no,
                    cs[q] + (size_t)b * c->nc, tmp);
          memcpy(dst + r * wdt + off, tmp, (size_t)c->no * sizeof(float));
        }
    }
    for (int o = 0; o < n_out; o++) {
      const TfLiteTensor *ot = TfLiteInterpreterGetOutputTensor(it, o);
      const size_t n = ot->bytes / sizeof(float);
      double worst = 0;
      for (size_t i = 0; i < n; i++) {
        double e = fabs((double)ot->data.f[i] - ref[o][i]);
        worst = e > worst ? e : worst;
      }
      CHECK_MSG(worst < 2e-4, "%s invoke %d output %d: max error %g", k->label,
                inv, o, worst);
    }
    free(ref[0]);
    free(ref[1]);
    free(x);
    free(ax);
  }
  for (int q = 0; q < ncell; q++) {
    free(hs[q]);
    free(cs[q]);
  }
  tm_interpreter_delete(it);
}

static void test_hybrid(void) {
  hcell a, b;
  hcell_init(&a, 5, 0, 8, 8, 0, 0, 0, 0);
  run_hybrid_case(
      &(hcase){"hybrid uni plain sym", TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM, 2,
               3, 0, 0, 0, 0, 0},
      &a, NULL);
  run_hybrid_case(
      &(hcase){"hybrid uni plain asym time-major",
               TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM, 2, 3, 1, 1, 0, 0, 0},
      &a, NULL);
  hcell_free(&a);
  hcell_init(&a, 4, 0, 8, 5, 0, 1, 1, 1);
  run_hybrid_case(
      &(hcase){"hybrid uni peephole ln proj asym",
               TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM, 3, 4, 0, 1, 0, 0.8f, 0.4f},
      &a, NULL);
  run_hybrid_case(&(hcase){"hybrid lstm peephole ln proj sym", TFLC_OP_LSTM, 3,
                           1, 1, 0, 0, 0, 0},
                  &a, NULL);
  hcell_free(&a);
  hcell_init(&a, 3, 0, 6, 6, 1, 1, 0, 0);
  run_hybrid_case(&(hcase){"hybrid lstm cifg peephole asym", TFLC_OP_LSTM, 2, 1,
                           1, 1, 0, 0.5f, 0},
                  &a, NULL);
  hcell_free(&a);
  hcell_init(&a, 3, 2, 6, 6, 0, 0, 0, 0);
  hcell_init(&b, 3, 2, 4, 3, 1, 1, 0, 1);
  run_hybrid_case(
      &(hcase){"hybrid bidi aux merged asym",
               TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM, 2, 3, 1, 1, 1, 0, 0},
      &a, &b);
  run_hybrid_case(
      &(hcase){"hybrid bidi aux separate sym",
               TFLC_OP_BIDIRECTIONAL_SEQUENCE_LSTM, 2, 3, 0, 0, 0, 0, 0},
      &a, &b);
  hcell_free(&a);
  hcell_free(&b);
}

/* ---- trained_lstm_int8, non-saturating inputs ------------------------------
 */

static uint8_t *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *b = malloc((size_t)(n > 0 ? n : 1));
  *size = fread(b, 1, (size_t)n, f);
  fclose(f);
  return b;
}

static float tscale(const TfLiteTensor *t) { return t->params.scale; }

/* tflite-micro/trained_lstm_int8: its conformance reference saturates (the
 * final softmax is 127 / -128 for full-range noise), so here the model's
 * UNIDIRECTIONAL_SEQUENCE_LSTM alone (the model re-written with only that
 * operator, output = the LSTM output) runs on inputs in [-128, -64] (dark
 * image rows, which do not saturate) and every output integer is compared
 * with this file's reference built from the model's own weights and
 * scales. */
static void test_trained_lstm(const char *models) {
  char path[1024];
  snprintf(path, sizeof path, "%s/tflite-micro/trained_lstm_int8.tflite",
           models);
  size_t size = 0;
  uint8_t *bytes = read_file(path, &size);
  if (!bytes) {
    printf("SKIP: %s not found\n", path);
    return;
  }
  tflc_model_def def;
  char err[2048];
  int ok = schema_decode(bytes, size, NULL, &def, err, sizeof err) == 0;
  CHECK_MSG(ok, "decode %s: %s", path, err);
  if (!ok) {
    free(bytes);
    return;
  }
  tflc_subgraph_def *sg = &def.subgraphs[0];
  tflc_operator_def *op = &sg->operators[0];
  int32_t lstm_out = op->outputs[0];
  sg->n_operators = 1;
  sg->outputs = &lstm_out;
  sg->n_outputs = 1;
  def.n_signatures = 0;
  uint8_t *out = NULL;
  size_t out_size = 0;
  ok = schema_write(&def, NULL, &out, &out_size, err, sizeof err) == 0;
  CHECK_MSG(ok, "re-write: %s", err);
  int32_t pos[24];
  memcpy(pos, op->inputs, sizeof pos);
  const int32_t im4 = op->intermediates[4];
  schema_def_free(&def, NULL);
  free(bytes);
  if (!ok) return;
  TfLiteInterpreter *it = tm_interpreter(out, out_size, err, sizeof err);
  tflc_free(NULL, out);
  CHECK_MSG(it != NULL, "trained_lstm_int8 (LSTM only): %s", err);
  if (!it) return;

  /* The reference cell from the interpreter's tensors. */
  icell c;
  memset(&c, 0, sizeof c);
  const TfLiteTensor *x = TfLiteInterpreterGetTensor(it, pos[0]);
  const TfLiteTensor *wo = TfLiteInterpreterGetTensor(it, pos[4]);
  const TfLiteTensor *who = TfLiteInterpreterGetTensor(it, pos[8]);
  c.ni = x->dims->data[2];
  c.nc = wo->dims->data[0];
  c.no = who->dims->data[1];
  const int nb = x->dims->data[0], T = x->dims->data[1];
  for (int g = 0; g < 4; g++) {
    const TfLiteTensor *a = TfLiteInterpreterGetTensor(it, pos[1 + g]);
    const TfLiteTensor *b = TfLiteInterpreterGetTensor(it, pos[5 + g]);
    const TfLiteTensor *bias = TfLiteInterpreterGetTensor(it, pos[12 + g]);
    c.wx[g] = a->data.int8;
    c.s_wx[g] = tscale(a);
    c.wh[g] = b->data.int8;
    c.s_wh[g] = tscale(b);
    c.b[g] = bias->data.i32;
  }
  const TfLiteTensor *th = TfLiteInterpreterGetTensor(it, pos[18]);
  const TfLiteTensor *tc = TfLiteInterpreterGetTensor(it, pos[19]);
  const TfLiteTensor *ti = TfLiteInterpreterGetTensor(it, im4);
  c.s_in = tscale(x);
  c.z_in = x->params.zero_point;
  c.s_h = tscale(th);
  c.z_h = th->params.zero_point;
  c.s_out = c.s_h;
  c.z_out = c.z_h;
  c.s_im[4] = tscale(ti);
  c.z_im4 = ti->params.zero_point;
  int l2 = (int)lround(log2((double)tscale(tc)));
  c.cell_log2 = l2;
  c.cell_clip = 10.0f; /* the model's cell_clip */
  const TfLiteTensor *ot = TfLiteInterpreterGetOutputTensor(it, 0);
  int8_t *h = malloc((size_t)nb * c.no), *ref = malloc((size_t)nb * T * c.no);
  int16_t *cs = malloc((size_t)nb * c.nc * 2);
  memcpy(h, th->data.raw, th->bytes);
  memcpy(cs, tc->data.raw, tc->bytes);
  icase k = {"trained_lstm_int8", TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM, nb, T,
             0};
  int varied = 0;
  for (int inv = 0; inv < 3; inv++) {
    int8_t *in = rnd_i((size_t)nb * T * c.ni, 1, -128, -64);
    memcpy(TfLiteInterpreterGetInputTensor(it, 0)->data.raw, in,
           (size_t)nb * T * c.ni);
    CHECK(TfLiteInterpreterInvoke(it) == kTfLiteOk);
    iref_invoke(&k, &c, in, h, cs, ref);
    int bad = 0;
    for (int i = 0; i < nb * T * c.no; i++) {
      bad += ot->data.int8[i] != ref[i];
      varied += ref[i] != 127 && ref[i] != -128;
    }
    CHECK_MSG(bad == 0, "trained_lstm_int8 invoke %d: %d outputs differ", inv,
              bad);
    free(in);
  }
  CHECK_MSG(varied > nb * T * c.no,
            "trained_lstm_int8: the inputs saturate the LSTM");
  free(h);
  free(ref);
  free(cs);
  tm_interpreter_delete(it);
}

/* ---- crafted quantization parameters ---------------------------------------
 * Refused at prepare, naming the tensor; run anyway (three invokes) when not,
 * so that a sanitizer sees what the arithmetic does with them. */

static void run_anyway(TfLiteInterpreter *it) {
  for (int inv = 0; inv < 3; inv++) {
    TfLiteTensor *in = TfLiteInterpreterGetInputTensor(it, 0);
    if (in->type == kTfLiteFloat32) {
      for (size_t i = 0; i < in->bytes / sizeof(float); i++)
        in->data.f[i] = hrand();
    } else {
      for (size_t i = 0; i < in->bytes; i++)
        in->data.int8[i] = (int8_t)qr_rand(-128, 127);
    }
    (void)TfLiteInterpreterInvoke(it);
  }
  tm_interpreter_delete(it);
}

static void test_crafted_params(void) {
  char err[2048];
  /* Integer LSTM, layer-norm weights with scale 1e30: the variance guard
   * (int32)(10000 * scale) is not an int32. */
  {
    icell c;
    icell_init(&c, 3, 4, 4, 0, 0, 1, 0);
    c.s_ln[1] = 1e30f;
    icase k = {"integer LSTM layer-norm scale 1e30",
               TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM, 2, 3, 0};
    int idx[2];
    TfLiteInterpreter *it = build_int(&k, &c, err, sizeof err, idx);
    CHECK_MSG(it == NULL, "%s: expected an error", k.label);
    if (it)
      run_anyway(it);
    else
      CHECK_CONTAINS(err, "forget gate's layer-norm weights have scale 1e+30");
    icell_free(&c);
  }
  /* Hybrid LSTM, INT8 weights with an infinite scale: every gate is
   * inf or NaN, and the next step quantizes NaN activations. */
  {
    hcell c;
    hcell_init(&c, 5, 0, 8, 8, 0, 0, 0, 0);
    c.sh[2] = INFINITY;
    hcase k = {.label = "hybrid LSTM weight scale inf",
               .op = TFLC_OP_UNIDIRECTIONAL_SEQUENCE_LSTM,
               .nb = 2,
               .T = 3};
    size_t size = 0;
    uint8_t *bytes = hybrid_bytes(&k, &c, NULL, &size);
    TfLiteInterpreter *it =
        bytes ? tm_interpreter(bytes, size, err, sizeof err) : NULL;
    free(bytes);
    CHECK_MSG(it == NULL, "%s: expected an error", k.label);
    if (it)
      run_anyway(it);
    else
      CHECK_CONTAINS(err, "must have one finite positive scale");
    hcell_free(&c);
  }
}

int main(int argc, char **argv) {
  test_integer();
  test_hybrid();
  test_crafted_params();
  const char *models = argc > 1 ? argv[1] : getenv("TFLC_MODELS_DIR");
  test_trained_lstm(models ? models : "../shared/models");
  return CHECK_DONE();
}
