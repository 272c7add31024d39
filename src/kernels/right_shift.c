/* RIGHT_SHIFT: elementwise x >> y with numpy-style broadcasting (up to 6-D)
 * on INT8, UINT8, INT16, UINT16, INT32 and UINT32 (both inputs and the
 * output of one type). As TensorFlow Lite, the shift amount is clamped to
 * [0, bits - 1] and signed values shift arithmetically (the sign fills). */
#include "kernels/internal/elementwise.h"
#include "kernels/internal/tensor_copy.h"

static const TfLiteType right_shift_types[] = {kTfLiteInt8,  kTfLiteUInt8,
                                               kTfLiteInt16, kTfLiteUInt16,
                                               kTfLiteInt32, kTfLiteUInt32};

/* Shift amount clamped to [0, bits - 1]. */
static inline int rs_amount(int64_t y, int bits) {
  return y < 0 ? 0 : (y > bits - 1 ? bits - 1 : (int)y);
}

/* Arithmetic shift without relying on implementation-defined >> of
 * negative values: shift the complement and complement back. */
static inline int64_t rs_signed(int64_t x, int s) {
  return x < 0 ? ~((~x) >> s) : x >> s;
}

KERN_EW_ROW(rs_row_i8, int8_t, int8_t, kern_ew_binary,
            (int8_t)rs_signed(x, rs_amount(y, 8)))
KERN_EW_ROW(rs_row_u8, uint8_t, uint8_t, kern_ew_binary,
            (uint8_t)(x >> rs_amount(y, 8)))
KERN_EW_ROW(rs_row_i16, int16_t, int16_t, kern_ew_binary,
            (int16_t)rs_signed(x, rs_amount(y, 16)))
KERN_EW_ROW(rs_row_u16, uint16_t, uint16_t, kern_ew_binary,
            (uint16_t)(x >> rs_amount(y, 16)))
KERN_EW_ROW(rs_row_i32, int32_t, int32_t, kern_ew_binary,
            (int32_t)rs_signed(x, rs_amount(y, 32)))
KERN_EW_ROW(rs_row_u32, uint32_t, uint32_t, kern_ew_binary,
            x >> rs_amount(y, 32))

static TfLiteStatus right_shift_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_ew_binary_prepare(ctx, node, (kern_ew_binary *)node->user_data,
                                right_shift_types, 6, kTfLiteNoType);
}

static TfLiteStatus right_shift_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const kern_ew_binary *d = (const kern_ew_binary *)node->user_data;
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  kern_bcast_row_fn fn;
  switch (a->type) {
    case kTfLiteInt8: fn = rs_row_i8; break;
    case kTfLiteUInt8: fn = rs_row_u8; break;
    case kTfLiteInt16: fn = rs_row_i16; break;
    case kTfLiteUInt16: fn = rs_row_u16; break;
    case kTfLiteInt32: fn = rs_row_i32; break;
    case kTfLiteUInt32: fn = rs_row_u32; break;
    default:
      KERN_ENSURE(ctx, 0, "input type %s is not supported",
                  kern_type_name(a->type));
  }
  size_t elem = kern_type_bytes(a->type);
  kern_bcast_run(&d->bc, a->data.raw_const, elem, b->data.raw_const, elem,
                 out->data.raw, elem, fn, d);
  return kTfLiteOk;
}

const TfLiteRegistration kern_right_shift = {
    .init = kern_ew_binary_init,
    .prepare = right_shift_prepare,
    .invoke = right_shift_invoke,
    .builtin_code = TFLC_OP_RIGHT_SHIFT,
    .version = 1,
};
