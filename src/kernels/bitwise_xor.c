/* BITWISE_XOR: elementwise x ^ y with numpy-style broadcasting (up to 6-D)
 * on INT8, UINT8, INT16, UINT16, INT32 and UINT32 (both inputs and the
 * output of one type), as TensorFlow Lite. */
#include "kernels/internal/elementwise.h"
#include "kernels/internal/tensor_copy.h"

static const TfLiteType bitwise_xor_types[] = {kTfLiteInt8,  kTfLiteUInt8,
                                               kTfLiteInt16, kTfLiteUInt16,
                                               kTfLiteInt32, kTfLiteUInt32};

/* XOR only depends on the bits: one row function per width. */
KERN_EW_ROW(xor_row_8, uint8_t, uint8_t, kern_ew_binary, (uint8_t)(x ^ y))
KERN_EW_ROW(xor_row_16, uint16_t, uint16_t, kern_ew_binary, (uint16_t)(x ^ y))
KERN_EW_ROW(xor_row_32, uint32_t, uint32_t, kern_ew_binary, x ^ y)

static TfLiteStatus bitwise_xor_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_ew_binary_prepare(ctx, node, (kern_ew_binary *)node->user_data,
                                bitwise_xor_types, 6, kTfLiteNoType);
}

static TfLiteStatus bitwise_xor_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const kern_ew_binary *d = (const kern_ew_binary *)node->user_data;
  const TfLiteTensor *a = kern_input(ctx, node, 0);
  const TfLiteTensor *b = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t elem = kern_type_bytes(a->type);
  kern_bcast_row_fn fn = elem == 1   ? xor_row_8
                         : elem == 2 ? xor_row_16
                                     : xor_row_32;
  kern_bcast_run(&d->bc, a->data.raw_const, elem, b->data.raw_const, elem,
                 out->data.raw, elem, fn, d);
  return kTfLiteOk;
}

const TfLiteRegistration kern_bitwise_xor = {
    .init = kern_ew_binary_init,
    .prepare = bitwise_xor_prepare,
    .invoke = bitwise_xor_invoke,
    .builtin_code = TFLC_OP_BITWISE_XOR,
    .version = 1,
};
