/* DYNAMIC_UPDATE_SLICE: a copy of the operand with the `update` tensor
 * written at the start indices of the third input (int32 or int64, one per
 * operand dimension), as XLA's DynamicUpdateSlice: each start index is
 * clamped to [0, operand_dim - update_dim] so the update always fits. The
 * update has the operand's rank and type, and no dimension larger than the
 * operand's. Any fixed-size type (bytes are copied). */
#include <string.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

#define DUS_MAX_RANK 8

typedef struct dus_data {
  int rank;
  size_t elem;
  int op_dims[DUS_MAX_RANK];
  int up_dims[DUS_MAX_RANK];
} dus_data;

KERN_OP_DATA_INIT(dus_init, dus_data)

static TfLiteStatus dus_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  dus_data *d = (dus_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 3, "expected 3 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *operand = kern_input(ctx, node, 0);
  const TfLiteTensor *update = kern_input(ctx, node, 1);
  const TfLiteTensor *start = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, operand != NULL, "operand input is missing");
  KERN_ENSURE(ctx, update != NULL, "update input is missing");
  KERN_ENSURE(ctx, start != NULL, "start_indices input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  d->elem = kern_type_bytes(operand->type);
  KERN_ENSURE(ctx, d->elem > 0, "operand type %s is not supported",
              kern_type_name(operand->type));
  KERN_ENSURE(ctx, update->type == operand->type,
              "update type %s differs from operand type %s",
              kern_type_name(update->type), kern_type_name(operand->type));
  KERN_ENSURE(ctx, out->type == operand->type,
              "output type %s differs from operand type %s",
              kern_type_name(out->type), kern_type_name(operand->type));
  KERN_ENSURE(ctx, start->type == kTfLiteInt32 || start->type == kTfLiteInt64,
              "start_indices type %s is not supported (INT32, INT64)",
              kern_type_name(start->type));
  int rank = kern_ndims(operand);
  KERN_ENSURE(ctx, rank <= DUS_MAX_RANK,
              "operand rank %d is above the supported %d", rank, DUS_MAX_RANK);
  KERN_ENSURE(ctx, kern_ndims(start) == 1,
              "start_indices must be 1-D, got rank %d", kern_ndims(start));
  KERN_ENSURE(ctx, kern_dim(start, 0) == rank,
              "start_indices has %d elements but the operand has rank %d",
              kern_dim(start, 0), rank);
  KERN_ENSURE(ctx, kern_ndims(update) == rank,
              "update rank %d differs from operand rank %d", kern_ndims(update),
              rank);
  d->rank = rank;
  for (int i = 0; i < rank; i++) {
    KERN_ENSURE(ctx, kern_dim(update, i) <= kern_dim(operand, i),
                "update dimension %d (%d) is larger than the operand's (%d)", i,
                kern_dim(update, i), kern_dim(operand, i));
    d->op_dims[i] = kern_dim(operand, i);
    d->up_dims[i] = kern_dim(update, i);
  }
  return kern_resize_like(ctx, out, operand);
}

static TfLiteStatus dus_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const dus_data *d = (const dus_data *)node->user_data;
  const TfLiteTensor *operand = kern_input(ctx, node, 0);
  const TfLiteTensor *update = kern_input(ctx, node, 1);
  const TfLiteTensor *start = kern_input(ctx, node, 2);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (out->data.raw != operand->data.raw_const && out->bytes > 0)
    memcpy(out->data.raw, operand->data.raw_const, out->bytes);
  size_t n_up = kern_num_elements(update);
  if (n_up == 0) return kTfLiteOk;
  int rank = d->rank;
  /* Clamped start and output strides (elements). */
  size_t begin[DUS_MAX_RANK], ostride[DUS_MAX_RANK];
  size_t s = 1;
  for (int i = rank - 1; i >= 0; i--) {
    int64_t v = kern_read_index(start, (size_t)i);
    int64_t hi = (int64_t)d->op_dims[i] - d->up_dims[i];
    begin[i] = (size_t)(v < 0 ? 0 : (v > hi ? hi : v));
    ostride[i] = s;
    s *= (size_t)d->op_dims[i];
  }
  const uint8_t *src = (const uint8_t *)update->data.raw_const;
  uint8_t *dst = (uint8_t *)out->data.raw;
  if (rank == 0) {
    memcpy(dst, src, d->elem);
    return kTfLiteOk;
  }
  /* Copy rows of the innermost dimension; a counter walks the outer ones. */
  size_t row_bytes = (size_t)d->up_dims[rank - 1] * d->elem;
  size_t rows = n_up / (size_t)d->up_dims[rank - 1];
  size_t idx[DUS_MAX_RANK] = {0};
  for (size_t r = 0; r < rows; r++) {
    size_t off = 0;
    for (int i = 0; i < rank; i++) off += (begin[i] + idx[i]) * ostride[i];
    memcpy(dst + off * d->elem, src + r * row_bytes, row_bytes);
    for (int i = rank - 2; i >= 0; i--) {
      if (++idx[i] < (size_t)d->up_dims[i]) break;
      idx[i] = 0;
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_dynamic_update_slice = {
    .init = dus_init,
    .prepare = dus_prepare,
    .invoke = dus_invoke,
    .builtin_code = TFLC_OP_DYNAMIC_UPDATE_SLICE,
    .version = 1,
};
