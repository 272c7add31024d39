/* Shared code of the reduction kernels (see reduce.h). Sums and means
 * accumulate float32 in double and integers in 64 bits (wrapping); the mean
 * of integers truncates toward zero; empty reductions give 0 (SUM, integer
 * MEAN), NaN (float MEAN), 1 (PROD), the lowest value (MAX) and the highest
 * value (MIN), as TensorFlow Lite's initial values. */
#include "kernels/internal/reduce.h"

#include <float.h>
#include <stdint.h>

#include <math.h>

#include "kernels/internal/quant_act.h"
#include "kernels/internal/quant_xnn.h"
#include "kernels/internal/tensor_copy.h"

enum { REDUCER_OPT_KEEP_DIMS = 0 };

void *kern_reduce_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  return ctx->AllocatePersistentBuffer(ctx, sizeof(kern_reduce));
}

static int reduce_is_logical(kern_reduce_kind kind) {
  return kind == KERN_REDUCE_ANY || kind == KERN_REDUCE_ALL;
}

static const char *reduce_types(kern_reduce_kind kind) {
  return reduce_is_logical(kind) ? "BOOL" : "FLOAT32, INT32, INT64";
}

static void reverse_dims(size_t *size, size_t *stride, int n) {
  for (int i = 0, j = n - 1; i < j; i++, j--) {
    size_t t = size[i];
    size[i] = size[j];
    size[j] = t;
    t = stride[i];
    stride[i] = stride[j];
    stride[j] = t;
  }
}

/* The requantization of SUM, MEAN and PROD for this plan's count. MEAN
 * folds 1/count into the multiplier: shift by floor(log2(count)) (at most
 * 32 and 31 + shift) and divide the multiplier by count (truncating), as
 * TensorFlow Lite's QuantizedMeanOrSum. PROD scales each step by
 * in_scale / out_scale^(1/count). */
static void reduce_quant_scaling(kern_reduce *r) {
  r->multiplier = r->base_multiplier;
  r->shift = r->base_shift;
  const int64_t n = (int64_t)r->red_count;
  if (n <= 0) return;
  if (r->xnn) {
    r->xnn_scale = quant_xnn_mean_scale((float)r->in_scale, (float)r->out_scale,
                                        (size_t)n);
    r->xnn_bias =
        quant_xnn_mean_bias(r->xnn_scale, (size_t)n, r->in_zp, r->out_zp);
  }
  if (r->kind == KERN_REDUCE_MEAN) {
    int s = 63 - __builtin_clzll((unsigned long long)n);
    if (s > 32) s = 32;
    if (s > 31 + r->shift) s = 31 + r->shift;
    r->multiplier = (int32_t)(((int64_t)r->multiplier << s) / n);
    r->shift -= s;
  } else if (r->kind == KERN_REDUCE_PROD) {
    const double scaling = r->in_scale / pow(r->out_scale, 1.0 / (double)n);
    quant_multiplier(scaling, &r->multiplier, &r->shift);
  }
}

/* Output shape and walking plan from the axes values; sizes the output. */
static TfLiteStatus reduce_plan(TfLiteContext *ctx, kern_reduce *r,
                                const TfLiteTensor *in,
                                const TfLiteTensor *axes, TfLiteTensor *out) {
  int rank = kern_ndims(in);
  int reduced[KERN_REDUCE_MAX_RANK] = {0};
  size_t n_axes = kern_num_elements(axes);
  for (size_t i = 0; i < n_axes; i++) {
    int64_t a = kern_read_index(axes, i);
    KERN_ENSURE(ctx, a >= -rank && a < rank,
                "axis %lld is out of range for rank %d", (long long)a, rank);
    if (a < 0) a += rank;
    reduced[a] = 1;
  }

  int out_dims[KERN_REDUCE_MAX_RANK];
  int out_rank = 0;
  for (int i = 0; i < rank; i++) {
    if (!reduced[i])
      out_dims[out_rank++] = kern_dim(in, i);
    else if (r->keep_dims)
      out_dims[out_rank++] = 1;
  }

  /* Plan: strides in elements, dims of size 1 dropped, adjacent dims of the
   * same kind merged. */
  r->n_kept = 0;
  r->n_red = 0;
  r->out_count = 1;
  r->red_count = 1;
  size_t stride = 1;
  int last = -1; /* kind of the last dim added: 0 kept, 1 reduced */
  for (int i = rank - 1; i >= 0; i--) {
    size_t size = (size_t)kern_dim(in, i);
    if (reduced[i])
      r->red_count *= size;
    else
      r->out_count *= size;
    if (size == 1) continue;
    if (reduced[i]) {
      if (last == 1) {
        r->red_size[r->n_red - 1] *= size;
      } else {
        r->red_size[r->n_red] = size;
        r->red_stride[r->n_red] = stride;
        r->n_red++;
      }
      last = 1;
    } else {
      if (last == 0) {
        r->kept_size[r->n_kept - 1] *= size;
      } else {
        r->kept_size[r->n_kept] = size;
        r->kept_stride[r->n_kept] = stride;
        r->n_kept++;
      }
      last = 0;
    }
    stride *= size;
  }
  /* Built innermost first: reverse to outermost first. */
  reverse_dims(r->kept_size, r->kept_stride, r->n_kept);
  reverse_dims(r->red_size, r->red_stride, r->n_red);
  if (r->quant) reduce_quant_scaling(r);
  return kern_resize_output(ctx, out, out_dims, out_rank);
}

/* Checks and base multiplier of a quantized reduction. */
static TfLiteStatus reduce_quant_prepare(TfLiteContext *ctx, kern_reduce *r,
                                         kern_reduce_kind kind,
                                         const TfLiteTensor *in,
                                         const TfLiteTensor *out) {
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  KERN_OK(quant_act_check_io(ctx, in, out));
  r->in_zp = in->params.zero_point;
  r->out_zp = out->params.zero_point;
  r->in_scale = in->params.scale;
  r->out_scale = out->params.scale;
  if (kind == KERN_REDUCE_MAX || kind == KERN_REDUCE_MIN) {
    KERN_ENSURE(ctx,
                in->params.scale == out->params.scale &&
                    in->params.zero_point == out->params.zero_point,
                "quantized input and output must have the same scale and "
                "zero point (got %g/%d and %g/%d)",
                (double)in->params.scale, (int)in->params.zero_point,
                (double)out->params.scale, (int)out->params.zero_point);
  }
  if (kind == KERN_REDUCE_PROD)
    KERN_ENSURE(ctx, in->type != kTfLiteUInt8,
                "quantized UINT8 input is not supported (INT8, INT16)");
  r->xnn = kind == KERN_REDUCE_MEAN && quant_xnn_mode(ctx) &&
           (in->type == kTfLiteInt8 || in->type == kTfLiteUInt8);
  const double real = r->in_scale / r->out_scale;
  KERN_ENSURE(ctx, quant_multiplier(real, &r->base_multiplier, &r->base_shift),
              "input/output scale ratio %g cannot be represented", real);
  return kTfLiteOk;
}

TfLiteStatus kern_reduce_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                 kern_reduce_kind kind) {
  kern_reduce *r = (kern_reduce *)node->user_data;
  KERN_ENSURE(ctx, r != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 2, "expected 2 inputs, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *axes = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in != NULL, "input 0 is missing");
  KERN_ENSURE(ctx, axes != NULL, "axes input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  r->quant = !reduce_is_logical(kind) && quant_act_is_quantized(in->type);
  if (r->quant) KERN_OK(reduce_quant_prepare(ctx, r, kind, in, out));
  KERN_ENSURE(ctx,
              reduce_is_logical(kind)
                  ? in->type == kTfLiteBool
                  : (in->type == kTfLiteFloat32 || in->type == kTfLiteInt32 ||
                     in->type == kTfLiteInt64 || r->quant),
              "input type %s is not supported (%s)", kern_type_name(in->type),
              reduce_types(kind));
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank <= KERN_REDUCE_MAX_RANK,
              "input rank %d is above the supported %d", rank,
              KERN_REDUCE_MAX_RANK);
  KERN_ENSURE(ctx, axes->type == kTfLiteInt32 || axes->type == kTfLiteInt64,
              "axes type %s is not supported (INT32, INT64)",
              kern_type_name(axes->type));
  KERN_ENSURE(ctx, kern_ndims(axes) <= 1,
              "axes must be a scalar or 1-D, got rank %d", kern_ndims(axes));
  r->kind = kind;
  r->keep_dims = opt_bool(kern_options(node), REDUCER_OPT_KEEP_DIMS, false);
  r->dynamic = 0;
  /* Empty axes are known even when the model stores them without data. */
  if (kern_is_constant(axes) || kern_num_elements(axes) == 0)
    return reduce_plan(ctx, r, in, axes, out);
  /* Axes known only at invoke: the output is dynamic. */
  r->dynamic = 1;
  kern_set_dynamic(out);
  return kTfLiteOk;
}

/* Offsets (in elements) of the reduced elements are walked with a counter
 * over the reduced dims; the innermost reduced dim is a strided run. */
#define REDUCE_WALK(T, ACC, INIT, STEP, FINISH)                     \
  do {                                                              \
    const T *x = (const T *)in->data.raw_const;                     \
    T *y = (T *)out->data.raw;                                      \
    size_t kidx[KERN_REDUCE_MAX_RANK] = {0};                        \
    size_t base = 0;                                                \
    for (size_t o = 0; o < r->out_count; o++) {                     \
      ACC acc = (INIT);                                             \
      if (r->red_count > 0) {                                       \
        size_t ridx[KERN_REDUCE_MAX_RANK] = {0};                    \
        size_t off = base;                                          \
        size_t run = r->n_red > 0 ? r->red_size[r->n_red - 1] : 1;  \
        size_t rs = r->n_red > 0 ? r->red_stride[r->n_red - 1] : 0; \
        for (;;) {                                                  \
          const T *p = x + off;                                     \
          for (size_t k = 0; k < run; k++) {                        \
            T v = p[k * rs];                                        \
            STEP;                                                   \
          }                                                         \
          int d = r->n_red - 2;                                     \
          for (; d >= 0; d--) {                                     \
            off += r->red_stride[d];                                \
            if (++ridx[d] < r->red_size[d]) break;                  \
            off -= r->red_stride[d] * r->red_size[d];               \
            ridx[d] = 0;                                            \
          }                                                         \
          if (d < 0) break;                                         \
        }                                                           \
      }                                                             \
      y[o] = (FINISH);                                              \
      for (int e = r->n_kept - 1; e >= 0; e--) {                    \
        base += r->kept_stride[e];                                  \
        if (++kidx[e] < r->kept_size[e]) break;                     \
        base -= r->kept_stride[e] * r->kept_size[e];                \
        kidx[e] = 0;                                                \
      }                                                             \
    }                                                               \
  } while (0)

static void reduce_f32(const kern_reduce *r, const TfLiteTensor *in,
                       TfLiteTensor *out) {
  switch (r->kind) {
    case KERN_REDUCE_SUM:
      REDUCE_WALK(float, double, 0.0, acc += v, (float)acc);
      break;
    case KERN_REDUCE_MEAN:
      REDUCE_WALK(float, double, 0.0, acc += v,
                  (float)(acc / (double)r->red_count));
      break;
    case KERN_REDUCE_PROD:
      REDUCE_WALK(float, double, 1.0, acc *= v, (float)acc);
      break;
    case KERN_REDUCE_MAX:
      REDUCE_WALK(float, float, -FLT_MAX, if (v > acc) acc = v, acc);
      break;
    case KERN_REDUCE_MIN:
      REDUCE_WALK(float, float, FLT_MAX, if (v < acc) acc = v, acc);
      break;
    default: break;
  }
}

/* Integers: wrapping 64-bit arithmetic in uint64_t (no undefined overflow). */
#define REDUCE_INT(T, TMIN, TMAX)                                             \
  do {                                                                        \
    switch (r->kind) {                                                        \
      case KERN_REDUCE_SUM:                                                   \
        REDUCE_WALK(T, uint64_t, 0u, acc += (uint64_t)(int64_t)v,             \
                    (T)(int64_t)acc);                                         \
        break;                                                                \
      case KERN_REDUCE_MEAN:                                                  \
        REDUCE_WALK(                                                          \
            T, uint64_t, 0u, acc += (uint64_t)(int64_t)v,                     \
            r->red_count ? (T)((int64_t)acc / (int64_t)r->red_count) : (T)0); \
        break;                                                                \
      case KERN_REDUCE_PROD:                                                  \
        REDUCE_WALK(T, uint64_t, 1u, acc *= (uint64_t)(int64_t)v,             \
                    (T)(int64_t)acc);                                         \
        break;                                                                \
      case KERN_REDUCE_MAX:                                                   \
        REDUCE_WALK(T, T, TMIN, if (v > acc) acc = v, acc);                   \
        break;                                                                \
      case KERN_REDUCE_MIN:                                                   \
        REDUCE_WALK(T, T, TMAX, if (v < acc) acc = v, acc);                   \
        break;                                                                \
      default: break;                                                         \
    }                                                                         \
  } while (0)

static void reduce_i32(const kern_reduce *r, const TfLiteTensor *in,
                       TfLiteTensor *out) {
  REDUCE_INT(int32_t, INT32_MIN, INT32_MAX);
}

static void reduce_i64(const kern_reduce *r, const TfLiteTensor *in,
                       TfLiteTensor *out) {
  REDUCE_INT(int64_t, INT64_MIN, INT64_MAX);
}

/* ANY: true when some reduced element is true (false when empty); ALL: true
 * when every one is (true when empty). */
static void reduce_bool(const kern_reduce *r, const TfLiteTensor *in,
                        TfLiteTensor *out) {
  if (r->kind == KERN_REDUCE_ANY)
    REDUCE_WALK(bool, bool, false, acc = acc || v, acc);
  else
    REDUCE_WALK(bool, bool, true, acc = acc && v, acc);
}

/* Quantized reductions on raw values of type T in [TMIN, TMAX]. */
#define REDUCE_QUANT(T, TMIN, TMAX)                                        \
  do {                                                                     \
    switch (r->kind) {                                                     \
      case KERN_REDUCE_SUM:                                                \
      case KERN_REDUCE_MEAN:                                               \
        REDUCE_WALK(T, uint32_t, 0u, acc += (uint32_t)(int32_t)v,          \
                    (T)reduce_q_finish_sum(r, (int32_t)acc, TMIN, TMAX));  \
        break;                                                             \
      case KERN_REDUCE_PROD:                                               \
        REDUCE_WALK(T, int64_t, INT64_MIN,                                 \
                    acc = acc == INT64_MIN ? (int64_t)(v - r->in_zp)       \
                                           : quant_mul_by_multiplier_i64(  \
                                                 acc * (v - r->in_zp),     \
                                                 r->multiplier, r->shift), \
                    (T)reduce_q_finish_prod(r, acc, TMIN, TMAX));          \
        break;                                                             \
      case KERN_REDUCE_MAX:                                                \
        REDUCE_WALK(T, T, TMIN, if (v > acc) acc = v, acc);                \
        break;                                                             \
      case KERN_REDUCE_MIN:                                                \
        REDUCE_WALK(T, T, TMAX, if (v < acc) acc = v, acc);                \
        break;                                                             \
      default: break;                                                      \
    }                                                                      \
  } while (0)

/* (sum - zp_in * count) requantized, plus zp_out, clamped. */
static int32_t reduce_q_finish_sum(const kern_reduce *r, int32_t sum,
                                   int32_t lo, int32_t hi) {
  if (r->red_count == 0) return 0;
  if (r->xnn)
    return quant_xnn_mean_requant(sum, r->xnn_scale, r->xnn_bias, lo, hi);
  const int32_t shifted =
      (int32_t)(uint32_t)((int64_t)sum -
                          (int64_t)r->in_zp * (int64_t)r->red_count);
  return quant_clamp(
      quant_sat_add(quant_mul_by_multiplier(shifted, r->multiplier, r->shift),
                    r->out_zp),
      lo, hi);
}

static int32_t reduce_q_finish_prod(const kern_reduce *r, int64_t prod,
                                    int32_t lo, int32_t hi) {
  if (prod == INT64_MIN) return quant_clamp(r->out_zp, lo, hi);
  return quant_clamp(
      quant_sat_add(quant_mul_by_multiplier_i64(prod, r->multiplier, r->shift),
                    r->out_zp),
      lo, hi);
}

static void reduce_quant(const kern_reduce *r, const TfLiteTensor *in,
                         TfLiteTensor *out) {
  switch (in->type) {
    case kTfLiteInt8: REDUCE_QUANT(int8_t, -128, 127); break;
    case kTfLiteUInt8: REDUCE_QUANT(uint8_t, 0, 255); break;
    default: REDUCE_QUANT(int16_t, -32768, 32767); break;
  }
}

TfLiteStatus kern_reduce_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  kern_reduce *r = (kern_reduce *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (r->dynamic)
    KERN_OK(reduce_plan(ctx, r, in, kern_input(ctx, node, 1), out));
  if (r->out_count == 0) return kTfLiteOk;
  if (r->quant) {
    reduce_quant(r, in, out);
    return kTfLiteOk;
  }
  switch (in->type) {
    case kTfLiteFloat32: reduce_f32(r, in, out); break;
    case kTfLiteInt32: reduce_i32(r, in, out); break;
    case kTfLiteInt64: reduce_i64(r, in, out); break;
    case kTfLiteBool: reduce_bool(r, in, out); break;
    default:
      KERN_ENSURE(ctx, 0, "input type %s is not supported",
                  kern_type_name(in->type));
  }
  return kTfLiteOk;
}
