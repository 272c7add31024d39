/* REDUCE_WINDOW (builtin 205, deprecated in the schema but registered by
 * TensorFlow Lite's resolver): inputs x (rank 1..6), init_value (a scalar of
 * x's type), window_shape, window_strides and window_dilations (constant
 * INT64 vectors with one entry >= 1 per dimension of x); ReduceWindowOptions
 * (builtin_options_2) reduce_function (field 0): ADD 1, MUL 2, MINIMUM 3,
 * MAXIMUM 4, ALL 5, ANY 6. No padding and no base dilation. Output
 * dimension i is (x_i - ((w_i - 1) * dil_i + 1)) / stride_i + 1, or 0 when
 * the dilated window is larger than x_i; each output element folds its
 * window into init_value in row-major window order. Types BOOL, INT8, INT16,
 * INT32, INT64, UINT8, FLOAT32, FLOAT64 (integer ADD/MUL wrap; on BOOL,
 * ADD/MAXIMUM/ANY are a logical or, MUL/MINIMUM/ALL a logical and). */
#include "kernels/internal/tensor_copy.h"

#define RW_MAX_RANK 6

enum { RW_ADD = 1, RW_MUL = 2, RW_MIN = 3, RW_MAX = 4, RW_ALL = 5, RW_ANY = 6 };

typedef struct reduce_window_data {
  int rank;
  int fn;
  int out_dims[RW_MAX_RANK];
  int win[RW_MAX_RANK];
  size_t step[RW_MAX_RANK];     /* input elements between output positions */
  size_t win_step[RW_MAX_RANK]; /* input elements between window taps */
} reduce_window_data;

KERN_ZEROED_INIT(reduce_window_init, reduce_window_data)

static TfLiteStatus rw_vector(TfLiteContext *ctx, const TfLiteTensor *t,
                              const char *what, int rank, int64_t *v) {
  KERN_ENSURE(ctx, t != NULL, "%s input is missing", what);
  KERN_ENSURE(ctx, t->type == kTfLiteInt64,
              "%s type %s is not supported (INT64)", what,
              kern_type_name(t->type));
  KERN_ENSURE(ctx, kern_is_constant(t), "%s must be constant", what);
  KERN_ENSURE(ctx, kern_ndims(t) == 1 && kern_dim(t, 0) == rank,
              "%s must be a vector of %d entries", what, rank);
  for (int i = 0; i < rank; i++) {
    v[i] = t->data.i64[i];
    KERN_ENSURE(ctx, v[i] >= 1 && v[i] <= INT32_MAX,
                "%s[%d] = %lld must be at least 1", what, i, (long long)v[i]);
  }
  return kTfLiteOk;
}

static TfLiteStatus reduce_window_prepare(TfLiteContext *ctx,
                                          TfLiteNode *node) {
  reduce_window_data *d = (reduce_window_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data could not be allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 5,
              "expected 5 inputs (input, init_value, window_shape, "
              "window_strides, window_dilations), got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *init = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in && init && out, "an input or the output is missing");
  switch (in->type) {
    case kTfLiteBool:
    case kTfLiteInt8:
    case kTfLiteInt16:
    case kTfLiteInt32:
    case kTfLiteInt64:
    case kTfLiteUInt8:
    case kTfLiteFloat32:
    case kTfLiteFloat64: break;
    default:
      KERN_ENSURE(ctx, 0,
                  "input type %s is not supported (BOOL, INT8, INT16, INT32, "
                  "INT64, UINT8, FLOAT32, FLOAT64)",
                  kern_type_name(in->type));
  }
  KERN_ENSURE(ctx, out->type == in->type && init->type == in->type,
              "init_value (%s) and output (%s) must have the input type %s",
              kern_type_name(init->type), kern_type_name(out->type),
              kern_type_name(in->type));
  KERN_ENSURE(ctx, kern_num_elements(init) == 1, "init_value must be a scalar");
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank >= 1 && rank <= RW_MAX_RANK,
              "input rank %d is not supported (1 to %d)", rank, RW_MAX_RANK);
  const tflc_options_ref *o = kern_options(node);
  int fn = o->is_options2 && o->type == TFLC_BO2_REDUCE_WINDOW
               ? opt_i32(o, 0, 0)
               : 0;
  KERN_ENSURE(ctx, fn >= RW_ADD && fn <= RW_ANY,
              "reduce_function %d is not supported (ADD 1, MUL 2, MINIMUM 3, "
              "MAXIMUM 4, ALL 5, ANY 6)",
              fn);
  int64_t win[RW_MAX_RANK], stride[RW_MAX_RANK], dil[RW_MAX_RANK];
  KERN_OK(rw_vector(ctx, kern_input(ctx, node, 2), "window_shape", rank, win));
  KERN_OK(
      rw_vector(ctx, kern_input(ctx, node, 3), "window_strides", rank, stride));
  KERN_OK(
      rw_vector(ctx, kern_input(ctx, node, 4), "window_dilations", rank, dil));
  d->rank = rank;
  d->fn = fn;
  size_t in_stride = 1;
  for (int i = rank - 1; i >= 0; i--) {
    int64_t x = kern_dim(in, i);
    int64_t span = (win[i] - 1) * dil[i] + 1;
    d->out_dims[i] = x < span ? 0 : (int)((x - span) / stride[i] + 1);
    d->win[i] = (int)win[i];
    d->step[i] = in_stride * (size_t)stride[i];
    d->win_step[i] = in_stride * (size_t)dil[i];
    in_stride *= (size_t)x;
  }
  return kern_resize_output(ctx, out, d->out_dims, rank);
}

/* Walks every output element and its window; COMBINE updates `acc` with
 * `v`. */
#define RW_RUN(T, COMBINE)                                                 \
  do {                                                                     \
    const T *x = (const T *)in->data.raw_const;                            \
    T *y = (T *)out->data.raw;                                             \
    const T init_v = *(const T *)init->data.raw_const;                     \
    int oc[RW_MAX_RANK] = {0};                                             \
    for (size_t e = 0; e < total; e++) {                                   \
      size_t base = 0;                                                     \
      for (int i = 0; i < r; i++) base += (size_t)oc[i] * d->step[i];      \
      T acc = init_v;                                                      \
      int wc[RW_MAX_RANK] = {0};                                           \
      for (size_t t = 0; t < taps; t++) {                                  \
        size_t off = base;                                                 \
        for (int i = 0; i < r; i++) off += (size_t)wc[i] * d->win_step[i]; \
        const T v = x[off];                                                \
        COMBINE;                                                           \
        for (int i = r - 1; i >= 0; i--) {                                 \
          if (++wc[i] < d->win[i]) break;                                  \
          wc[i] = 0;                                                       \
        }                                                                  \
      }                                                                    \
      y[e] = acc;                                                          \
      for (int i = r - 1; i >= 0; i--) {                                   \
        if (++oc[i] < d->out_dims[i]) break;                               \
        oc[i] = 0;                                                         \
      }                                                                    \
    }                                                                      \
  } while (0)

#define RW_NUMERIC(T, UT)                                        \
  do {                                                           \
    switch (d->fn) {                                             \
      case RW_ADD: RW_RUN(T, acc = (T)((UT)acc + (UT)v)); break; \
      case RW_MUL: RW_RUN(T, acc = (T)((UT)acc * (UT)v)); break; \
      case RW_MIN: RW_RUN(T, acc = v < acc ? v : acc); break;    \
      case RW_MAX: RW_RUN(T, acc = v > acc ? v : acc); break;    \
      case RW_ALL: RW_RUN(T, acc = (T)(acc && v)); break;        \
      default: RW_RUN(T, acc = (T)(acc || v)); break;            \
    }                                                            \
  } while (0)

#define RW_FLOAT(T)                                                 \
  do {                                                              \
    switch (d->fn) {                                                \
      case RW_ADD: RW_RUN(T, acc = acc + v); break;                 \
      case RW_MUL: RW_RUN(T, acc = acc * v); break;                 \
      case RW_MIN: RW_RUN(T, acc = acc <= v ? acc : v); break;      \
      case RW_MAX: RW_RUN(T, acc = acc >= v ? acc : v); break;      \
      case RW_ALL: RW_RUN(T, acc = (T)(acc != 0 && v != 0)); break; \
      default: RW_RUN(T, acc = (T)(acc != 0 || v != 0)); break;     \
    }                                                               \
  } while (0)

static TfLiteStatus reduce_window_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const reduce_window_data *d = (const reduce_window_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *init = kern_input(ctx, node, 1);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  int r = d->rank;
  size_t total = kern_num_elements(out);
  size_t taps = 1;
  for (int i = 0; i < r; i++) taps *= (size_t)d->win[i];
  switch (in->type) {
    case kTfLiteBool: {
      int and_op = d->fn == RW_MUL || d->fn == RW_MIN || d->fn == RW_ALL;
      if (and_op)
        RW_RUN(bool, acc = acc && v);
      else
        RW_RUN(bool, acc = acc || v);
      break;
    }
    case kTfLiteInt8: RW_NUMERIC(int8_t, uint32_t); break;
    case kTfLiteUInt8: RW_NUMERIC(uint8_t, uint32_t); break;
    case kTfLiteInt16: RW_NUMERIC(int16_t, uint32_t); break;
    case kTfLiteInt32: RW_NUMERIC(int32_t, uint32_t); break;
    case kTfLiteInt64: RW_NUMERIC(int64_t, uint64_t); break;
    case kTfLiteFloat32: RW_FLOAT(float); break;
    case kTfLiteFloat64: RW_FLOAT(double); break;
    default:
      KERN_ENSURE(ctx, 0, "input type %s is not supported",
                  kern_type_name(in->type));
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_reduce_window = {
    .init = reduce_window_init,
    .prepare = reduce_window_prepare,
    .invoke = reduce_window_invoke,
    .builtin_code = TFLC_OP_REDUCE_WINDOW,
    .version = 1,
};
