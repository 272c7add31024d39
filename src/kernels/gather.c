/* GATHER: picks slices of the params input along `axis` by the indices
 * input (int32 or int64). GatherOptions: axis (field 0), batch_dims (field
 * 1); both may be negative. Output shape: params[:axis] +
 * indices[batch_dims:] + params[axis+1:]. Any fixed-size type (bytes are
 * copied) and STRING (the output buffer is rebuilt at invoke); an index out
 * of range is an error at invoke. */
#include <string.h>

#include "kernels/internal/move_checks.h"
#include "kernels/internal/string_util.h"
#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

enum { GATHER_OPT_AXIS = 0, GATHER_OPT_BATCH_DIMS = 1 };

typedef struct gather_data {
  size_t batches; /* product of params dims [0, batch_dims) */
  size_t outer;   /* product of params dims [batch_dims, axis) */
  int axis_size;  /* params dim at axis */
  size_t inner;   /* bytes of one slice: params dims after axis * elem */
  size_t coords;  /* indices per batch: product of indices dims from
                     batch_dims */
} gather_data;

KERN_OP_DATA_INIT(gather_init, gather_data)

static TfLiteStatus gather_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  gather_data *d = (gather_data *)node->user_data;
  KERN_OK(kern_gather_check_node(ctx, node));
  const TfLiteTensor *params = kern_input(ctx, node, 0);
  const TfLiteTensor *indices = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  /* STRING: the plan counts elements (elem 1), copied string by string. */
  size_t elem =
      params->type == kTfLiteString ? 1 : kern_type_bytes(params->type);
  KERN_ENSURE(ctx, elem > 0, "params type %s is not supported",
              kern_type_name(params->type));
  KERN_ENSURE(ctx, out->type == params->type,
              "output type %s differs from params type %s",
              kern_type_name(out->type), kern_type_name(params->type));
  KERN_ENSURE(ctx,
              indices->type == kTfLiteInt32 || indices->type == kTfLiteInt64,
              "indices type %s is not supported (INT32, INT64)",
              kern_type_name(indices->type));
  const tflc_options_ref *o = kern_options(node);
  int axis = opt_i32(o, GATHER_OPT_AXIS, 0);
  int batch_dims = opt_i32(o, GATHER_OPT_BATCH_DIMS, 0);
  int prank = kern_ndims(params), irank = kern_ndims(indices);
  KERN_ENSURE(ctx, prank >= 1, "params must have rank >= 1, got a scalar");
  KERN_ENSURE(ctx, axis >= -prank && axis < prank,
              "axis %d is out of range for params of rank %d", axis, prank);
  if (axis < 0) axis += prank;
  KERN_ENSURE(ctx, batch_dims >= -irank && batch_dims <= irank,
              "batch_dims %d is out of range for indices of rank %d",
              batch_dims, irank);
  if (batch_dims < 0) batch_dims += irank;
  KERN_ENSURE(ctx, batch_dims <= axis, "batch_dims %d must not exceed axis %d",
              batch_dims, axis);
  for (int i = 0; i < batch_dims; i++) {
    KERN_ENSURE(ctx, kern_dim(params, i) == kern_dim(indices, i),
                "batch dimension %d differs: params %d, indices %d", i,
                kern_dim(params, i), kern_dim(indices, i));
  }
  int out_rank = prank - 1 + irank - batch_dims;
  KERN_ENSURE(ctx, out_rank <= KERN_MAX_DIMS,
              "output rank %d is above the supported %d", out_rank,
              KERN_MAX_DIMS);
  int dims[KERN_MAX_DIMS];
  int k = 0;
  for (int i = 0; i < axis; i++) dims[k++] = kern_dim(params, i);
  for (int i = batch_dims; i < irank; i++) dims[k++] = kern_dim(indices, i);
  for (int i = axis + 1; i < prank; i++) dims[k++] = kern_dim(params, i);

  d->batches = 1;
  for (int i = 0; i < batch_dims; i++)
    d->batches *= (size_t)kern_dim(params, i);
  d->outer = 1;
  for (int i = batch_dims; i < axis; i++)
    d->outer *= (size_t)kern_dim(params, i);
  d->axis_size = kern_dim(params, axis);
  d->inner = elem;
  for (int i = axis + 1; i < prank; i++)
    d->inner *= (size_t)kern_dim(params, i);
  d->coords = 1;
  for (int i = batch_dims; i < irank; i++)
    d->coords *= (size_t)kern_dim(indices, i);
  return kern_resize_output(ctx, out, dims, out_rank);
}

/* STRING params: the same walk over element indices, twice (sizes, then
 * bytes). */
static TfLiteStatus gather_strings(TfLiteContext *ctx, const gather_data *d,
                                   const TfLiteTensor *params,
                                   const TfLiteTensor *indices,
                                   TfLiteTensor *out) {
  str_view v;
  KERN_OK(str_view_init(ctx, params, "params", &v));
  size_t total = 0, count = 0;
  str_writer w;
  memset(&w, 0, sizeof w);
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1)
      KERN_OK(str_alloc(ctx, out, out->dims->data, kern_ndims(out), (int)count,
                        total, &w));
    for (size_t b = 0; b < d->batches; b++) {
      for (size_t o = 0; o < d->outer; o++) {
        size_t block = (b * d->outer + o) * (size_t)d->axis_size * d->inner;
        for (size_t c = 0; c < d->coords; c++) {
          size_t base =
              block +
              (size_t)kern_read_index(indices, b * d->coords + c) * d->inner;
          for (size_t e = 0; e < d->inner; e++) {
            size_t len;
            const char *p = str_get(&v, (int)(base + e), &len);
            if (pass == 0) {
              total += len;
              count++;
            } else {
              str_add(&w, p, len);
            }
          }
        }
      }
    }
  }
  return kTfLiteOk;
}

static TfLiteStatus gather_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const gather_data *d = (const gather_data *)node->user_data;
  const TfLiteTensor *params = kern_input(ctx, node, 0);
  const TfLiteTensor *indices = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  /* Check every index first so a bad one leaves no partial result. */
  size_t n_idx = kern_num_elements(indices);
  for (size_t i = 0; i < n_idx; i++) {
    int64_t v = kern_read_index(indices, i);
    KERN_ENSURE(ctx, v >= 0 && v < d->axis_size,
                "index %lld at position %zu is out of range [0, %d)",
                (long long)v, i, d->axis_size);
  }
  if (params->type == kTfLiteString)
    return gather_strings(ctx, d, params, indices, out);
  if (kern_num_elements(out) == 0 || d->inner == 0) return kTfLiteOk;
  const uint8_t *src = (const uint8_t *)params->data.raw_const;
  uint8_t *dst = (uint8_t *)out->data.raw;
  size_t axis_bytes = (size_t)d->axis_size * d->inner;
  for (size_t b = 0; b < d->batches; b++) {
    for (size_t o = 0; o < d->outer; o++) {
      const uint8_t *block = src + (b * d->outer + o) * axis_bytes;
      for (size_t c = 0; c < d->coords; c++) {
        int64_t v = kern_read_index(indices, b * d->coords + c);
        memcpy(dst, block + (size_t)v * d->inner, d->inner);
        dst += d->inner;
      }
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_gather = {
    .init = gather_init,
    .prepare = gather_prepare,
    .invoke = gather_invoke,
    .builtin_code = TFLC_OP_GATHER,
    .version = 1,
};
