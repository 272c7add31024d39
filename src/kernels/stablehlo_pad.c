/* STABLEHLO_PAD: pads an operand (rank 0..8, any fixed-size type) with the
 * scalar padding_value (input 1, same type). StablehloPadOptions
 * (builtin_options_2): edge_padding_low 0, edge_padding_high 1,
 * interior_padding 2, one [long] entry per dimension (an absent vector
 * means zeros). Negative edge padding crops; interior padding (>= 0)
 * inserts that many padding values between neighbouring elements. Output
 * dimension i: low + high + (d - 1) * (interior + 1) + 1 (low + high when
 * d = 0), which must not be negative. Input element j of a dimension lands
 * at low + j * (interior + 1) and is dropped when that is outside the
 * output. */
#include "kernels/internal/stablehlo_util.h"
#include "kernels/internal/strided_copy.h"
#include "kernels/internal/tensor_copy.h"

typedef struct shlo_pad_data {
  int rank;
  size_t elem;
  int empty;                           /* no input element is kept */
  int count[SHLO_MAX_RANK];            /* kept input elements per dim */
  ptrdiff_t src_stride[SHLO_MAX_RANK]; /* input strides (elements) */
  ptrdiff_t dst_stride[SHLO_MAX_RANK]; /* output step between kept ones */
  size_t src_offset, dst_offset;       /* first kept element (elements) */
} shlo_pad_data;

KERN_ZEROED_INIT(shlo_pad_init, shlo_pad_data)

static TfLiteStatus shlo_pad_vec(TfLiteContext *ctx, const tflc_options_ref *o,
                                 int field, const char *name, int rank,
                                 int64_t *v) {
  int n = 0;
  KERN_OK(shlo_opt_dims(ctx, o, field, name, v, SHLO_MAX_RANK, &n));
  if (n == 0) {
    for (int i = 0; i < rank; i++) v[i] = 0;
    return kTfLiteOk;
  }
  KERN_ENSURE(ctx, n == rank, "%s has %d entries, the operand has rank %d",
              name, n, rank);
  for (int i = 0; i < rank; i++)
    KERN_ENSURE(ctx, v[i] >= -INT32_MAX && v[i] <= INT32_MAX,
                "%s[%d] = %lld is out of range", name, i, (long long)v[i]);
  return kTfLiteOk;
}

static TfLiteStatus shlo_pad_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  shlo_pad_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2,
              "expected 2 inputs (operand, padding_value), got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *pv = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in && pv && out, "an input or the output is missing");
  size_t elem = kern_type_bytes(in->type);
  KERN_ENSURE(ctx, elem > 0,
              "operand type %s is not supported (any fixed-size type)",
              kern_type_name(in->type));
  KERN_ENSURE(
      ctx, pv->type == in->type && out->type == in->type,
      "padding_value (%s) and output (%s) must have the operand type %s",
      kern_type_name(pv->type), kern_type_name(out->type),
      kern_type_name(in->type));
  KERN_ENSURE(ctx, kern_num_elements(pv) == 1,
              "padding_value must be a single value");
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank <= SHLO_MAX_RANK,
              "operand rank %d is not supported (at most %d)", rank,
              SHLO_MAX_RANK);
  const tflc_options_ref *o = shlo_options(node, TFLC_BO2_STABLEHLO_PAD);
  int64_t lo[SHLO_MAX_RANK], hi[SHLO_MAX_RANK], interior[SHLO_MAX_RANK];
  KERN_OK(shlo_pad_vec(ctx, o, 0, "edge_padding_low", rank, lo));
  KERN_OK(shlo_pad_vec(ctx, o, 1, "edge_padding_high", rank, hi));
  KERN_OK(shlo_pad_vec(ctx, o, 2, "interior_padding", rank, interior));
  int out_dims[SHLO_MAX_RANK];
  int64_t first[SHLO_MAX_RANK], pos[SHLO_MAX_RANK];
  d->rank = rank;
  d->elem = elem;
  d->empty = 0;
  for (int i = 0; i < rank; i++) {
    KERN_ENSURE(ctx, interior[i] >= 0,
                "interior_padding[%d] = %lld must not be negative", i,
                (long long)interior[i]);
    int64_t dim = kern_dim(in, i), step = interior[i] + 1;
    int64_t size = lo[i] + hi[i] + (dim > 0 ? (dim - 1) * step + 1 : 0);
    KERN_ENSURE(ctx, size >= 0 && size <= INT32_MAX,
                "output dimension %d would have size %lld (operand %lld, low "
                "%lld, high %lld, interior %lld)",
                i, (long long)size, (long long)dim, (long long)lo[i],
                (long long)hi[i], (long long)interior[i]);
    out_dims[i] = (int)size;
    /* kept input elements j: 0 <= lo + j * step < size */
    int64_t j0 = lo[i] >= 0 ? 0 : (-lo[i] + step - 1) / step;
    int64_t j1 = size - 1 - lo[i] < 0 ? -1 : (size - 1 - lo[i]) / step;
    if (j1 > dim - 1) j1 = dim - 1;
    int64_t cnt = j1 >= j0 ? j1 - j0 + 1 : 0;
    if (cnt == 0) d->empty = 1;
    d->count[i] = (int)cnt;
    first[i] = j0;
    pos[i] = lo[i] + j0 * step;
  }
  ptrdiff_t in_str[SHLO_MAX_RANK], out_str[SHLO_MAX_RANK];
  kern_row_strides(in->dims->data, rank, in_str);
  kern_row_strides(out_dims, rank, out_str);
  d->src_offset = 0;
  d->dst_offset = 0;
  for (int i = 0; i < rank; i++) {
    d->src_stride[i] = in_str[i];
    d->dst_stride[i] = out_str[i] * (ptrdiff_t)(interior[i] + 1);
    if (!d->empty) {
      d->src_offset += (size_t)first[i] * (size_t)in_str[i];
      d->dst_offset += (size_t)pos[i] * (size_t)out_str[i];
    }
  }
  return kern_resize_output(ctx, out, out_dims, rank);
}

static TfLiteStatus shlo_pad_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const shlo_pad_data *d = node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *pv = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  size_t n = kern_num_elements(out);
  if (n == 0) return kTfLiteOk;
  kern_fill_elems(out->data.raw, pv->data.raw_const, d->elem, n);
  if (d->empty || kern_num_elements(in) == 0) return kTfLiteOk;
  kern_strided_copy2(out->data.raw + d->dst_offset * d->elem, d->dst_stride,
                     in->data.raw_const + d->src_offset * d->elem,
                     d->src_stride, d->elem, d->rank, d->count);
  return kTfLiteOk;
}

const TfLiteRegistration kern_stablehlo_pad = {
    .init = shlo_pad_init,
    .prepare = shlo_pad_prepare,
    .invoke = shlo_pad_invoke,
    .builtin_code = TFLC_OP_STABLEHLO_PAD,
    .version = 1,
};
