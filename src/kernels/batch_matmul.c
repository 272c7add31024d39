/* BATCH_MATMUL: out[..., i, j] = sum_k X[..., i, k] * Y[..., k, j] for inputs
 * of rank 2..5 whose batch dims (all but the last two) broadcast against each
 * other (equal or 1, missing leading dims count as 1); adj_x / adj_y
 * transpose the last two dims of X / Y first (BatchMatMulOptions). The output
 * has the larger rank. Float32: one GEMM per batch, with the operand that is
 * not already in GEMM layout transposed into scratch memory. Quantized int8
 * and int16 (all three tensors of that type, per-tensor parameters) use
 * TensorFlow Lite's reference integer formula; hybrid (float lhs, int8 rhs
 * with one scale) quantizes each lhs row on the fly, symmetric or
 * asymmetric by asymmetric_quantize_inputs (internal/quant_dense.c); in
 * the XNNPACK rounding mode always asymmetrically, as XNNPACK's dynamically
 * quantized (qd8) batch matrix multiply that LiteRT's delegate runs it
 * with. */
#include "kernels/internal/parallel_gemm.h"
#include "kernels/internal/quant_dense.h"
#include "kernels/internal/quant_xnn.h"
#include "kernels/kernel_util.h"

#include <string.h>

enum { kLhs = 0, kRhs = 1 };

/* BatchMatMulOptions field ids. */
enum { kOptAdjX = 0, kOptAdjY = 1, kOptAsymmetricQuantizeInputs = 2 };

#define BMM_MAX_RANK 5
#define BMM_BATCH_DIMS (BMM_MAX_RANK - 2)

enum { kModeF32 = 0, kModeQuant, kModeHybrid };

typedef struct bmm_data {
  int mode;
  quant_out_params q; /* kModeQuant (one multiplier, in mult/shift) */
  int32_t mult;
  int shift;
  quant_hybrid_data hy; /* kModeHybrid */
  bool adj_x, adj_y;
  size_t m, n, k;
  /* Output batch dims, left-padded to BMM_BATCH_DIMS with 1s, and the
   * element stride of each operand along them (0 where broadcast). */
  int batch_dims[BMM_BATCH_DIMS];
  size_t lhs_stride[BMM_BATCH_DIMS], rhs_stride[BMM_BATCH_DIMS];
  size_t batches;
  int lhs_scratch, rhs_scratch; /* -1 when not needed */
} bmm_data;

static void *bmm_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  bmm_data *d = ctx->AllocatePersistentBuffer(ctx, sizeof(bmm_data));
  if (d) memset(d, 0, sizeof(*d));
  return d;
}

/* Batch dim i (0 .. BMM_BATCH_DIMS-1, left-padded) of t, 1 when padded. */
static int padded_batch_dim(const TfLiteTensor *t, int i) {
  const int lead = BMM_BATCH_DIMS - (kern_ndims(t) - 2);
  return i < lead ? 1 : kern_dim(t, i - lead);
}

/* Fills per-dim element strides of t's batch dims (0 where padded or 1). */
static void batch_strides(const TfLiteTensor *t, size_t slice, size_t *out) {
  size_t s = slice;
  for (int i = BMM_BATCH_DIMS - 1; i >= 0; i--) {
    const int dim = padded_batch_dim(t, i);
    out[i] = dim == 1 ? 0 : s;
    s *= (size_t)dim;
  }
}

/* Quantized lhs/rhs/output of one type, per-tensor parameters; the
 * multiplier from the float product of the input scales as TensorFlow
 * Lite's GetQuantizedConvolutionMultipler; no fused activation. */
static TfLiteStatus bmm_prepare_quant(TfLiteContext *ctx,
                                      const TfLiteTensor *lhs,
                                      const TfLiteTensor *rhs,
                                      const TfLiteTensor *output, bmm_data *d) {
  KERN_ENSURE(ctx, rhs->type == lhs->type && output->type == lhs->type,
              "lhs %s, rhs %s and output %s: mixed types are not supported "
              "(quantized inputs and output must have one type)",
              kern_type_name(lhs->type), kern_type_name(rhs->type),
              kern_type_name(output->type));
  const TfLiteTensor *ts[3] = {lhs, rhs, output};
  for (int i = 0; i < 3; i++) {
    char msg[256];
    if (!quant_check_params(ts[i], -1, msg, (int)sizeof msg)) {
      ctx->ReportError(ctx, "%s", msg);
      return kTfLiteError;
    }
    KERN_ENSURE(ctx, lhs->type != kTfLiteInt16 || ts[i]->params.zero_point == 0,
                "INT16 tensor '%s' has zero point %d, expected 0 (symmetric)",
                ts[i]->name ? ts[i]->name : "", (int)ts[i]->params.zero_point);
  }
  const double real = (double)(lhs->params.scale * rhs->params.scale) /
                      (double)output->params.scale;
  KERN_ENSURE(ctx, quant_multiplier(real, &d->mult, &d->shift),
              "output multiplier %g is not representable", real);
  quant_out_params *q = &d->q;
  q->multiplier = &d->mult;
  q->shift = &d->shift;
  q->channels = q->cap = 1;
  q->input_offset = -lhs->params.zero_point;
  q->filter_offset = -rhs->params.zero_point;
  q->output_offset = output->params.zero_point;
  quant_type_range(lhs->type, &q->act_min, &q->act_max);
  q->wide = lhs->type == kTfLiteInt16;
  return kTfLiteOk;
}

static TfLiteStatus bmm_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  bmm_data *d = (bmm_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "has %d inputs, expected 2",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "has %d outputs, expected 1",
              kern_num_outputs(node));
  const TfLiteTensor *lhs = kern_input(ctx, node, kLhs);
  const TfLiteTensor *rhs = kern_input(ctx, node, kRhs);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, lhs != NULL && rhs != NULL, "an input is missing");
  KERN_ENSURE(ctx, output != NULL, "output is missing");
  const int lr = kern_ndims(lhs), rr = kern_ndims(rhs);
  KERN_ENSURE(ctx, lr >= 2 && lr <= BMM_MAX_RANK,
              "lhs has %d dims, expected 2 to %d", lr, BMM_MAX_RANK);
  KERN_ENSURE(ctx, rr >= 2 && rr <= BMM_MAX_RANK,
              "rhs has %d dims, expected 2 to %d", rr, BMM_MAX_RANK);

  switch (lhs->type) {
    case kTfLiteFloat32:
      d->mode = rhs->type == kTfLiteInt8 ? kModeHybrid : kModeF32;
      KERN_ENSURE(ctx, rhs->type == kTfLiteFloat32 || rhs->type == kTfLiteInt8,
                  "rhs type %s with FLOAT32 lhs is not supported",
                  kern_type_name(rhs->type));
      KERN_ENSURE(ctx, output->type == kTfLiteFloat32,
                  "output type %s, expected FLOAT32",
                  kern_type_name(output->type));
      break;
    case kTfLiteInt8:
    case kTfLiteInt16:
      d->mode = kModeQuant;
      KERN_OK(bmm_prepare_quant(ctx, lhs, rhs, output, d));
      break;
    default:
      KERN_ENSURE(ctx, 0, "input type %s is not supported",
                  kern_type_name(lhs->type));
  }

  const tflc_options_ref *o = kern_options(node);
  d->adj_x = opt_bool(o, kOptAdjX, false);
  d->adj_y = opt_bool(o, kOptAdjY, false);

  const int l_rows = kern_dim(lhs, lr - 2), l_cols = kern_dim(lhs, lr - 1);
  const int r_rows = kern_dim(rhs, rr - 2), r_cols = kern_dim(rhs, rr - 1);
  const int m = d->adj_x ? l_cols : l_rows;
  const int kl = d->adj_x ? l_rows : l_cols;
  const int kr = d->adj_y ? r_cols : r_rows;
  const int n = d->adj_y ? r_rows : r_cols;
  KERN_ENSURE(ctx, kl == kr,
              "lhs contracts over %d elements, rhs over %d (adj_x %d, adj_y "
              "%d)",
              kl, kr, (int)d->adj_x, (int)d->adj_y);

  const int out_rank = lr > rr ? lr : rr;
  int out_dims[BMM_MAX_RANK];
  d->batches = 1;
  for (int i = 0; i < BMM_BATCH_DIMS; i++) {
    const int a = padded_batch_dim(lhs, i), b = padded_batch_dim(rhs, i);
    KERN_ENSURE(ctx, a == b || a == 1 || b == 1,
                "batch dims do not broadcast: lhs %d vs rhs %d", a, b);
    d->batch_dims[i] = a == 1 ? b : a;
    d->batches *= (size_t)d->batch_dims[i];
  }
  for (int i = 0; i < out_rank - 2; i++) {
    out_dims[i] = d->batch_dims[BMM_BATCH_DIMS - (out_rank - 2) + i];
  }
  out_dims[out_rank - 2] = m;
  out_dims[out_rank - 1] = n;
  KERN_OK(kern_resize_output(ctx, output, out_dims, out_rank));

  d->m = (size_t)m;
  d->n = (size_t)n;
  d->k = (size_t)kl;
  batch_strides(lhs, d->m * d->k, d->lhs_stride);
  batch_strides(rhs, d->n * d->k, d->rhs_stride);

  d->lhs_scratch = -1;
  d->rhs_scratch = -1;
  const int work = d->batches > 0 && d->m > 0 && d->n > 0 && d->k > 0;
  if (d->mode == kModeQuant) return kTfLiteOk;
  if (d->mode == kModeHybrid) {
    /* lhs rows (of the adj_x-transposed lhs) quantized one batch slice at a
     * time; a transposed slice is staged in lhs_scratch. */
    const bool asym =
        quant_xnn_mode(ctx) || opt_bool(o, kOptAsymmetricQuantizeInputs, false);
    KERN_OK(quant_hybrid_prepare(
        ctx, lhs, rhs, -1, 1,
        asym ? kHybridDenseAsymmetric : kHybridDenseSymmetric, work ? d->m : 0,
        d->k, &d->hy));
    if (work && d->adj_x) {
      KERN_OK(ctx->RequestScratchBufferInArena(ctx, d->m * d->k * sizeof(float),
                                               &d->lhs_scratch));
    }
    return kTfLiteOk;
  }
  if (work && d->adj_x) {
    KERN_OK(ctx->RequestScratchBufferInArena(ctx, d->m * d->k * sizeof(float),
                                             &d->lhs_scratch));
  }
  if (work && !d->adj_y) {
    KERN_OK(ctx->RequestScratchBufferInArena(ctx, d->n * d->k * sizeof(float),
                                             &d->rhs_scratch));
  }
  return kTfLiteOk;
}

/* dst[c][r] = src[r][c] for a rows x cols matrix. */
static void transpose_f32(const float *src, size_t rows, size_t cols,
                          float *dst) {
  for (size_t r = 0; r < rows; r++) {
    /* Analyzer false positive: callers pass the scratch prepare requested for a
     * non-empty product */
    /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
    for (size_t c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
  }
}

static TfLiteStatus bmm_eval_f32(TfLiteContext *ctx, TfLiteNode *node,
                                 const bmm_data *d) {
  const TfLiteTensor *lhs = kern_input(ctx, node, kLhs);
  const TfLiteTensor *rhs = kern_input(ctx, node, kRhs);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  const size_t slice = d->m * d->n;
  if (d->batches == 0 || slice == 0) return kTfLiteOk;
  if (d->k == 0) {
    memset(output->data.f, 0, d->batches * slice * sizeof(float));
    return kTfLiteOk;
  }
  float *lhs_t = NULL, *rhs_t = NULL;
  if (d->lhs_scratch >= 0) {
    lhs_t = (float *)ctx->GetScratchBuffer(ctx, d->lhs_scratch);
    KERN_ENSURE(ctx, lhs_t != NULL, "scratch buffer is missing");
  }
  if (d->rhs_scratch >= 0) {
    rhs_t = (float *)ctx->GetScratchBuffer(ctx, d->rhs_scratch);
    KERN_ENSURE(ctx, rhs_t != NULL, "scratch buffer is missing");
  }
  size_t last_rhs = (size_t)-1; /* rhs slice held in rhs_t */
  for (size_t bi = 0; bi < d->batches; bi++) {
    size_t rem = bi, lo = 0, ro = 0;
    for (int i = BMM_BATCH_DIMS - 1; i >= 0; i--) {
      const size_t dim = (size_t)d->batch_dims[i];
      const size_t idx = rem % dim;
      rem /= dim;
      lo += idx * d->lhs_stride[i];
      ro += idx * d->rhs_stride[i];
    }
    const float *a = lhs->data.f + lo;
    const float *b = rhs->data.f + ro;
    if (d->adj_x) { /* stored [k][m] */
      transpose_f32(a, d->k, d->m, lhs_t);
      a = lhs_t;
    }
    if (!d->adj_y) { /* stored [k][n] */
      if (ro != last_rhs) transpose_f32(b, d->k, d->n, rhs_t);
      last_rhs = ro;
      b = rhs_t;
    }
    const f32_gemm_params gp = {.m = d->m,
                                .n = d->n,
                                .k = d->k,
                                .a = a,
                                .lda = d->k,
                                .b = b,
                                .ldb = d->k,
                                .bias = NULL,
                                .c = output->data.f + bi * slice,
                                .ldc = d->n,
                                .lo = -__builtin_inff(),
                                .hi = __builtin_inff()};
    kern_gemm_f32(ctx, &gp);
  }
  return kTfLiteOk;
}

/* Element offsets of batch bi's lhs and rhs slices. */
static void slice_offsets(const bmm_data *d, size_t bi, size_t *lo,
                          size_t *ro) {
  size_t rem = bi;
  *lo = 0;
  *ro = 0;
  for (int i = BMM_BATCH_DIMS - 1; i >= 0; i--) {
    const size_t dim = (size_t)d->batch_dims[i];
    const size_t idx = rem % dim;
    rem /= dim;
    *lo += idx * d->lhs_stride[i];
    *ro += idx * d->rhs_stride[i];
  }
}

static TfLiteStatus bmm_eval_quant(TfLiteContext *ctx, TfLiteNode *node,
                                   const bmm_data *d) {
  const TfLiteTensor *lhs = kern_input(ctx, node, kLhs);
  const TfLiteTensor *rhs = kern_input(ctx, node, kRhs);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  const size_t es = lhs->type == kTfLiteInt16 ? 2 : 1;
  for (size_t bi = 0; bi < d->batches; bi++) {
    size_t lo, ro;
    slice_offsets(d, bi, &lo, &ro);
    const quant_bmm_args a = {
        .q = &d->q,
        .type = lhs->type,
        .m = d->m,
        .n = d->n,
        .k = d->k,
        .adj_x = d->adj_x,
        .adj_y = d->adj_y,
        .lhs = (const char *)lhs->data.data + lo * es,
        .rhs = (const char *)rhs->data.data + ro * es,
        .output = (char *)output->data.data + bi * d->m * d->n * es};
    quant_bmm_slice(&a);
  }
  return kTfLiteOk;
}

static TfLiteStatus bmm_eval_hybrid(TfLiteContext *ctx, TfLiteNode *node,
                                    const bmm_data *d) {
  const TfLiteTensor *lhs = kern_input(ctx, node, kLhs);
  const TfLiteTensor *rhs = kern_input(ctx, node, kRhs);
  TfLiteTensor *output = kern_output(ctx, node, 0);
  const size_t slice = d->m * d->n;
  if (d->batches == 0 || slice == 0) return kTfLiteOk;
  if (d->k == 0) {
    memset(output->data.f, 0, d->batches * slice * sizeof(float));
    return kTfLiteOk;
  }
  float *lhs_t = NULL;
  if (d->lhs_scratch >= 0) {
    lhs_t = (float *)ctx->GetScratchBuffer(ctx, d->lhs_scratch);
    KERN_ENSURE(ctx, lhs_t != NULL, "scratch buffer is missing");
  }
  for (size_t bi = 0; bi < d->batches; bi++) {
    size_t lo, ro;
    slice_offsets(d, bi, &lo, &ro);
    const float *a = lhs->data.f + lo;
    if (d->adj_x) { /* stored [k][m] */
      transpose_f32(a, d->k, d->m, lhs_t);
      a = lhs_t;
    }
    quant_hybrid_rows r;
    KERN_OK(quant_hybrid_quantize(ctx, &d->hy, a, &r));
    KERN_ENSURE(ctx, r.q != NULL, "scratch buffer is missing");
    const quant_hybrid_bmm_args h = {.r = &r,
                                     .row0 = 0,
                                     .rhs_scale = d->hy.filter_scale,
                                     .m = d->m,
                                     .n = d->n,
                                     .k = d->k,
                                     .adj_y = d->adj_y,
                                     .rhs = rhs->data.int8 + ro,
                                     .output = output->data.f + bi * slice};
    quant_hybrid_bmm_slice(&h);
  }
  return kTfLiteOk;
}

static TfLiteStatus bmm_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const bmm_data *d = (const bmm_data *)node->user_data;
  switch (d->mode) {
    case kModeF32: return bmm_eval_f32(ctx, node, d);
    case kModeQuant: return bmm_eval_quant(ctx, node, d);
    default: return bmm_eval_hybrid(ctx, node, d);
  }
}

const TfLiteRegistration kern_batch_matmul = {
    .init = bmm_init,
    .prepare = bmm_prepare,
    .invoke = bmm_invoke,
    .builtin_code = TFLC_OP_BATCH_MATMUL,
    .version = 1,
};
