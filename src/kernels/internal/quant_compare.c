/* Quantized comparisons (EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER,
 * GREATER_EQUAL) on INT8 / UINT8: both inputs are rescaled to a common
 * fixed-point scale, v' = MulQ((v - zp) * 2^8, m(scale)), then compared, as
 * TensorFlow Lite's reference ComparisonWithScaling does. */
#include "kernels/internal/quant_arith.h"
#include "kernels/internal/quant_binary.h"

static inline int32_t qc_in1(const quant_binary *q, int32_t v) {
  return quant_mul_by_multiplier((v + q->in1_offset) * (1 << q->left_shift),
                                 q->in1_mult, q->in1_shift);
}

static inline int32_t qc_in2(const quant_binary *q, int32_t v) {
  return quant_mul_by_multiplier((v + q->in2_offset) * (1 << q->left_shift),
                                 q->in2_mult, q->in2_shift);
}

#define QC_ROWS(OP, NAME)                                  \
  KERN_EW_ROW(qc_##NAME##_i8, int8_t, bool, quant_binary,  \
              qc_in1(P, x) OP qc_in2(P, y))                \
  KERN_EW_ROW(qc_##NAME##_u8, uint8_t, bool, quant_binary, \
              qc_in1(P, x) OP qc_in2(P, y))

QC_ROWS(==, eq)
QC_ROWS(!=, ne)
QC_ROWS(<, lt)
QC_ROWS(<=, le)
QC_ROWS(>, gt)
QC_ROWS(>=, ge)

void quant_compare_run(const quant_binary *q, const TfLiteTensor *a,
                       const TfLiteTensor *b, TfLiteTensor *out) {
  /* [op][0: INT8, 1: UINT8], ops in quant_cmp_op order. */
  static const kern_bcast_row_fn rows[6][2] = {
      {qc_eq_i8, qc_eq_u8}, {qc_ne_i8, qc_ne_u8}, {qc_lt_i8, qc_lt_u8},
      {qc_le_i8, qc_le_u8}, {qc_gt_i8, qc_gt_u8}, {qc_ge_i8, qc_ge_u8}};
  const int t = q->type == kTfLiteUInt8 ? 1 : 0;
  if ((int)q->cmp < 0 || (int)q->cmp > 5) return;
  kern_ew_binary_run(&q->ew, a, b, out, rows[q->cmp][t], q);
}
