/* Quantized ADD / SUB / MUL / SQUARED_DIFFERENCE: prepare-time checks and
 * multipliers, and the integer loops (see quant_binary.h for the formulas
 * and docs/QUANTIZATION.md for the rounding). */
#include "kernels/internal/quant_binary.h"

#include <math.h>
#include <string.h>

#include "kernels/internal/quant_arith.h"
#include "kernels/kernel_util.h"

void *quant_binary_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  quant_binary *q = ctx->AllocatePersistentBuffer(ctx, sizeof *q);
  if (q) memset(q, 0, sizeof *q);
  return q;
}

void quant_binary_adopt_output_type(TfLiteContext *ctx, TfLiteNode *node) {
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (!a || !b || !out || a->type != b->type || !quant_binary_is_quant(a->type))
    return;
  if (out->type != kTfLiteFloat32 || kern_is_constant(out) ||
      out->quantization.type != kTfLiteAffineQuantization)
    return;
  out->type = a->type;
  const size_t bytes = kern_num_elements(out) * kern_ew_type_size(a->type);
  if (bytes < out->bytes) out->bytes = bytes;
}

bool quant_scale_log2(float scale, int *log2) {
  const float l = logf(scale) * (1.0f / logf(2.0f));
  const float r = roundf(l);
  *log2 = (int)r;
  return fabsf(l - r) < 1e-3f;
}

/* Scale and zero point of a tensor already checked per tensor. */
static float q_scale(const TfLiteTensor *t) {
  return ((const TfLiteAffineQuantization *)t->quantization.params)
      ->scale->data[0];
}

static int32_t q_zp(const TfLiteTensor *t) {
  const TfLiteAffineQuantization *a = t->quantization.params;
  return a->zero_point && a->zero_point->size > 0 ? a->zero_point->data[0] : 0;
}

static TfLiteStatus check_tensor(TfLiteContext *ctx, const TfLiteTensor *t,
                                 const char *what) {
  char msg[256];
  KERN_ENSURE(ctx, quant_check_params(t, -1, msg, (int)sizeof msg), "%s: %s",
              what, msg);
  if (t->type == kTfLiteInt16)
    KERN_ENSURE(ctx, q_zp(t) == 0,
                "%s: tensor '%s' is INT16 with zero point %d (INT16 is "
                "quantized symmetrically: the zero point must be 0)",
                what, t->name ? t->name : "", (int)q_zp(t));
  return kTfLiteOk;
}

/* Checks the three tensors of a quantized binary op and records the type
 * and offsets. */
static TfLiteStatus check_io(TfLiteContext *ctx, TfLiteNode *node,
                             quant_binary *q, bool check_out) {
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  const TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(check_tensor(ctx, a, "input 1"));
  KERN_OK(check_tensor(ctx, b, "input 2"));
  if (check_out) KERN_OK(check_tensor(ctx, out, "output"));
  q->type = a->type;
  q->in1_offset = -q_zp(a);
  q->in2_offset = -q_zp(b);
  q->out_offset = check_out ? q_zp(out) : 0;
  return kTfLiteOk;
}

static TfLiteStatus set_mult(TfLiteContext *ctx, double real, int32_t *m,
                             int *shift, const char *what) {
  KERN_ENSURE(ctx, quant_multiplier(real, m, shift),
              "%s multiplier %g cannot be represented", what, real);
  return kTfLiteOk;
}

static TfLiteStatus set_act(TfLiteContext *ctx, quant_binary *q,
                            const TfLiteTensor *out, int activation) {
  int32_t qmin = 0, qmax = 0;
  quant_type_range(out->type, &qmin, &qmax);
  KERN_ENSURE(ctx,
              quant_activation_range(activation, q_scale(out), q_zp(out), qmin,
                                     qmax, &q->act_min, &q->act_max),
              "fused activation %d is not supported on quantized outputs "
              "(NONE, RELU, RELU_N1_TO_1, RELU6)",
              activation);
  return kTfLiteOk;
}

/* Input multipliers s_i / (2 max(s_1, s_2)) for the inputs shifted left by
 * left_shift; returns 2 max(s_1, s_2) (computed as TensorFlow Lite does:
 * a float doubled, exact). */
static TfLiteStatus rescale_inputs(TfLiteContext *ctx, quant_binary *q,
                                   const TfLiteTensor *a, const TfLiteTensor *b,
                                   double *twice_max) {
  const float s1 = q_scale(a), s2 = q_scale(b);
  *twice_max = (double)(2.0f * (s1 > s2 ? s1 : s2));
  KERN_OK(set_mult(ctx, (double)s1 / *twice_max, &q->in1_mult, &q->in1_shift,
                   "input 1"));
  KERN_OK(set_mult(ctx, (double)s2 / *twice_max, &q->in2_mult, &q->in2_shift,
                   "input 2"));
  return kTfLiteOk;
}

/* XNNPACK rounding mode (quant_xnn_binary.h): switches an int8/uint8 ADD,
 * SUB (sign_b -1) or MUL (sign_b 0) that XNNPACK would take to its
 * arithmetic; everything else keeps the reference kind. */
static TfLiteStatus xnn_setup(TfLiteContext *ctx, quant_binary *q,
                              const TfLiteTensor *a, const TfLiteTensor *b,
                              const TfLiteTensor *out, int activation,
                              int sign_b) {
  if (!quant_xnn_mode(ctx) ||
      (q->type != kTfLiteInt8 && q->type != kTfLiteUInt8) ||
      b->type != q->type || out->type != q->type)
    return kTfLiteOk;
  int32_t qmin = 0, qmax = 0, lo = 0, hi = 0;
  quant_type_range(q->type, &qmin, &qmax);
  if (!quant_xnn_act_range(activation, q_scale(out), q_zp(out), qmin, qmax, &lo,
                           &hi))
    return kTfLiteOk;
  if (sign_b == 0) {
    if (quant_xnn_mul_setup(&q->xnn, q_scale(a), q_zp(a), q_scale(b), q_zp(b),
                            q_scale(out), q_zp(out), lo, hi))
      q->kind = QB_XNN_MUL;
  } else if (quant_xnn_add_setup(&q->xnn, q_scale(a), q_zp(a), q_scale(b),
                                 q_zp(b), q_scale(out), q_zp(out), sign_b, lo,
                                 hi)) {
    q->kind = QB_XNN_ADD;
  }
  return kTfLiteOk;
}

TfLiteStatus quant_add_prepare(TfLiteContext *ctx, TfLiteNode *node,
                               quant_binary *q, int activation,
                               bool pot_scale_int16, bool is_sub) {
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  const TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(check_io(ctx, node, q, true));
  KERN_OK(set_act(ctx, q, out, activation));
  int l1 = 0, l2 = 0, lo = 0;
  if (q->type == kTfLiteInt16 && pot_scale_int16 &&
      quant_scale_log2(q_scale(a), &l1) && quant_scale_log2(q_scale(b), &l2) &&
      quant_scale_log2(q_scale(out), &lo)) {
    /* The LSTM-style path: power-of-two scales, one input shifted right. */
    q->kind = is_sub ? QB_SUB_POT16 : QB_ADD_POT16;
    q->in1_shift = l1 - lo;
    q->in2_shift = l2 - lo;
    KERN_ENSURE(ctx, q->in1_shift == 0 || q->in2_shift == 0,
                "INT16 power-of-two scales: one input must have the output's "
                "scale (input scales 2^%d and 2^%d, output 2^%d)",
                l1, l2, lo);
    KERN_ENSURE(ctx, q->in1_shift <= 0 && q->in2_shift <= 0,
                "INT16 power-of-two scales: an input scale (2^%d, 2^%d) is "
                "larger than the output scale 2^%d",
                l1, l2, lo);
    KERN_ENSURE(ctx, q->in1_shift >= -31 && q->in2_shift >= -31,
                "INT16 power-of-two scales: an input scale (2^%d, 2^%d) is "
                "more than 2^31 times smaller than the output scale 2^%d",
                l1, l2, lo);
    return kTfLiteOk;
  }
  q->kind = QB_ADD;
  q->left_shift = q->type == kTfLiteInt16 ? 15 : 20;
  double twice_max;
  KERN_OK(rescale_inputs(ctx, q, a, b, &twice_max));
  const float shifted_out = (float)(1 << q->left_shift) * q_scale(out);
  KERN_OK(set_mult(ctx, twice_max / (double)shifted_out, &q->out_mult,
                   &q->out_shift, "output"));
  /* SUB is ADD with the second input's multiplier negated, as TensorFlow
   * Lite computes it (this matters for ties of the rounding). */
  if (is_sub) q->in2_mult = -q->in2_mult;
  return xnn_setup(ctx, q, a, b, out, activation, is_sub ? -1 : 1);
}

TfLiteStatus quant_mul_prepare(TfLiteContext *ctx, TfLiteNode *node,
                               quant_binary *q, int activation) {
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  const TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_OK(check_io(ctx, node, q, true));
  KERN_OK(set_act(ctx, q, out, activation));
  q->kind = QB_MUL;
  const double real =
      (double)q_scale(a) * (double)q_scale(b) / (double)q_scale(out);
  KERN_OK(set_mult(ctx, real, &q->out_mult, &q->out_shift, "output"));
  return xnn_setup(ctx, q, a, b, out, activation, 0);
}

TfLiteStatus quant_sqdiff_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                  quant_binary *q) {
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  const TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, a->type == kTfLiteInt8,
              "quantized input type %s is not supported (INT8)",
              kern_type_name(a->type));
  KERN_OK(check_io(ctx, node, q, true));
  q->kind = QB_SQDIFF;
  q->left_shift = 7;
  double twice_max;
  KERN_OK(rescale_inputs(ctx, q, a, b, &twice_max));
  const float shifted_out = (float)(1 << (2 * q->left_shift)) * q_scale(out);
  KERN_OK(set_mult(ctx, twice_max * twice_max / (double)shifted_out,
                   &q->out_mult, &q->out_shift, "output"));
  q->act_min = -128;
  q->act_max = 127;
  return kTfLiteOk;
}

TfLiteStatus quant_compare_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                   quant_binary *q, quant_cmp_op op) {
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  KERN_ENSURE(ctx, a->type == kTfLiteInt8 || a->type == kTfLiteUInt8,
              "quantized input type %s is not supported (INT8, UINT8)",
              kern_type_name(a->type));
  KERN_OK(check_io(ctx, node, q, false));
  q->kind = QB_COMPARE;
  q->cmp = op;
  q->left_shift = 8;
  KERN_OK(set_mult(ctx, (double)q_scale(a), &q->in1_mult, &q->in1_shift,
                   "input 1"));
  return set_mult(ctx, (double)q_scale(b), &q->in2_mult, &q->in2_shift,
                  "input 2");
}

static inline int32_t qb_clamp(const quant_binary *q, int32_t r) {
  return r < q->act_min ? q->act_min : (r > q->act_max ? q->act_max : r);
}

/* (v + offset) * 2^left_shift rescaled by an input multiplier. */
static inline int32_t qb_in1(const quant_binary *q, int32_t v) {
  return quant_mul_by_multiplier((v + q->in1_offset) * (1 << q->left_shift),
                                 q->in1_mult, q->in1_shift);
}

static inline int32_t qb_in2(const quant_binary *q, int32_t v) {
  return quant_mul_by_multiplier((v + q->in2_offset) * (1 << q->left_shift),
                                 q->in2_mult, q->in2_shift);
}

static inline int32_t qb_add(const quant_binary *q, int32_t x, int32_t y) {
  const int32_t sum = qb_in1(q, x) + qb_in2(q, y);
  return qb_clamp(
      q, quant_sat_add(quant_mul_by_multiplier(sum, q->out_mult, q->out_shift),
                       q->out_offset));
}

static inline int32_t qb_pot16(const quant_binary *q, int32_t x, int32_t y,
                               int sign) {
  const int32_t a = quant_rounding_divide_by_pot(x, -q->in1_shift);
  const int32_t b = quant_rounding_divide_by_pot(y, -q->in2_shift);
  int32_t r = sign > 0 ? a + b : a - b;
  r = r < -32768 ? -32768 : (r > 32767 ? 32767 : r);
  return qb_clamp(q, r);
}

static inline int32_t qb_mul(const quant_binary *q, int32_t x, int32_t y) {
  const int32_t p = (x + q->in1_offset) * (y + q->in2_offset);
  return qb_clamp(
      q, quant_sat_add(quant_mul_by_multiplier(p, q->out_mult, q->out_shift),
                       q->out_offset));
}

static inline int32_t qb_sqdiff(const quant_binary *q, int32_t x, int32_t y) {
  const int32_t d = qb_in1(q, x) - qb_in2(q, y);
  return qb_clamp(q, quant_sat_add(quant_mul_by_multiplier(d * d, q->out_mult,
                                                           q->out_shift),
                                   q->out_offset));
}

KERN_EW_ROW(qb_add_i8, int8_t, int8_t, quant_binary, (int8_t)qb_add(P, x, y))
KERN_EW_ROW(qb_add_u8, uint8_t, uint8_t, quant_binary, (uint8_t)qb_add(P, x, y))
KERN_EW_ROW(qb_add_i16, int16_t, int16_t, quant_binary,
            (int16_t)qb_add(P, x, y))
KERN_EW_ROW(qb_addpot_i16, int16_t, int16_t, quant_binary,
            (int16_t)qb_pot16(P, x, y, 1))
KERN_EW_ROW(qb_subpot_i16, int16_t, int16_t, quant_binary,
            (int16_t)qb_pot16(P, x, y, -1))
KERN_EW_ROW(qb_mul_i8, int8_t, int8_t, quant_binary, (int8_t)qb_mul(P, x, y))
KERN_EW_ROW(qb_mul_u8, uint8_t, uint8_t, quant_binary, (uint8_t)qb_mul(P, x, y))
KERN_EW_ROW(qb_mul_i16, int16_t, int16_t, quant_binary,
            (int16_t)qb_mul(P, x, y))
KERN_EW_ROW(qb_sqdiff_i8, int8_t, int8_t, quant_binary,
            (int8_t)qb_sqdiff(P, x, y))

/* Row function of (kind, type); NULL when there is none. */
static kern_bcast_row_fn pick(const quant_binary *q) {
  const int t = q->type == kTfLiteInt8 ? 0 : q->type == kTfLiteUInt8 ? 1 : 2;
  static const kern_bcast_row_fn add[3] = {qb_add_i8, qb_add_u8, qb_add_i16};
  static const kern_bcast_row_fn mul[3] = {qb_mul_i8, qb_mul_u8, qb_mul_i16};
  switch (q->kind) {
    case QB_ADD: return add[t];
    case QB_ADD_POT16: return qb_addpot_i16;
    case QB_SUB_POT16: return qb_subpot_i16;
    case QB_MUL: return mul[t];
    case QB_SQDIFF: return qb_sqdiff_i8;
    case QB_XNN_ADD:
    case QB_XNN_MUL: return quant_xnn_binary_row(q);
    default: return NULL;
  }
}

void quant_binary_run(const quant_binary *q, const TfLiteTensor *a,
                      const TfLiteTensor *b, TfLiteTensor *out) {
  if (q->kind == QB_COMPARE) {
    quant_compare_run(q, a, b, out);
    return;
  }
  kern_bcast_row_fn fn = pick(q);
  if (fn) kern_ew_binary_run(&q->ew, a, b, out, fn, q);
}
