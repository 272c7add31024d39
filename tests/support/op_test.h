/* The shared helpers of the operator tests (tests/ops/): describe a
 * one-operator model as data (oo_tensor, oo_op: any number of inputs and
 * outputs, builtin or custom, options, quantization), build it with the
 * project's writer (test_model.h), create an interpreter through the C API
 * that keeps every reported message, feed the non-constant inputs, invoke,
 * and check the outputs (shapes, float arrays within a tolerance naming the
 * first differing elements, raw bytes), or expect prepare / invoke to fail
 * with a message. Plus the small pieces every reference needs: element
 * counts and type sizes, index (un)raveling, typed loads and stores, seeded
 * random numbers, the fused activations, and TensorFlow Lite's integer
 * arithmetic written out again from its definitions (qr_*, see below).
 *
 * Every helper that checks counts into the program's check.h counters.
 * Prefixes: oo_ (one-op models), ot_ (shared pieces), qr_ (quantized
 * reference arithmetic). */
#ifndef TFLC_TESTS_SUPPORT_OP_TEST_H
#define TFLC_TESTS_SUPPORT_OP_TEST_H

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/check.h"
#include "support/test_model.h"
#include "tflc/common.h"

/* ---- sizes, indices, typed values -----------------------------------------
 */

/* Bytes of one element of schema type TFLC_TT_* (0: unknown, STRING). */
size_t oo_tt_size(int8_t tt);
/* Product of the dimensions (1 for rank 0). */
size_t oo_count(const int *shape, int rank);
/* Row-major flat index k <-> coordinates. */
void ot_unravel(size_t k, const int *shape, int rank, int *coord);
size_t ot_ravel(const int *coord, const int *shape, int rank);
/* Broadcasting: the flat index into an operand of shape s (rank r <= ro,
 * aligned to the right, size-1 dimensions repeated) for flat index `flat`
 * of an output of shape so (rank ro <= 8). */
size_t ot_bcast_index(size_t flat, const int *so, int ro, const int *s, int r);
/* Element i of an integer or bool buffer of schema type tt, and the store
 * (truncating to the type). Unknown types are read / written as int32. */
int64_t ot_load_int(int8_t tt, const void *p, size_t i);
void ot_store_int(int8_t tt, void *p, size_t i, int64_t v);
/* A fused activation (TFLC_ACT_NONE / RELU / RELU_N1_TO_1 / RELU6 / TANH /
 * SIGN_BIT) on a float value. */
double ot_ref_act(double v, int act);
/* TensorFlow Lite's windowed output size (TFLC_PADDING_SAME / VALID) and
 * the padding before, for an input of `in`, kernel k, stride s, dilation d. */
int ot_ref_out_size(int padding, int in, int k, int s, int d);
int ot_ref_pad_before(int in, int k, int s, int d, int out);

/* ---- seeded pseudo-random numbers -----------------------------------------
 */

/* Linear congruential (x * 1664525 + 1013904223): the new state >> 8. */
uint32_t ot_lcg(uint32_t *state);
/* An integer in [lo, hi] from ot_lcg. */
int32_t ot_lcg_int(uint32_t *state, int32_t lo, int32_t hi);
/* A float in [-1, 1) from the low 16 bits of ot_lcg. */
float ot_lcg_unit(uint32_t *state);
/* malloc'd n floats (at least one allocated), each ot_lcg_unit * scale. */
float *ot_lcg_floats(uint32_t *state, size_t n, float scale);
/* xorshift32 (13, 17, 5): the new state. */
uint32_t ot_xorshift(uint32_t *state);
/* A float in [lo, hi) from the top 24 bits of ot_xorshift. */
float ot_xorshift_f(uint32_t *state, float lo, float hi);

/* The op tests' shared stream (xorshift, seed 2463534242). */
float oo_randf(float lo, float hi);
void oo_fill_f32(float *x, size_t n, float lo, float hi);
/* malloc'd n floats (at least one allocated) from oo_fill_f32. */
float *oo_rand_buf(size_t n, float lo, float hi);

/* ---- one-operator models ---------------------------------------------------
 */

/* One tensor of the op. tt < 0 marks an omitted optional input (-1). */
typedef struct oo_tensor {
  int8_t tt; /* TFLC_TT_* */
  const int *shape;
  int rank;
  const void *data; /* input values (NULL: zeros); constant bytes */
  int is_const;
  int n_quant; /* 0: none; 1: per tensor; > 1: per channel */
  const float *scales;
  const int64_t *zero_points;
  int qdim;
} oo_tensor;

/* How the interpreter is created (all zero: the defaults). */
typedef struct oo_options {
  int rounding;    /* TflcQuantizedRounding */
  int num_threads; /* > 0: TfLiteInterpreterOptionsSetNumThreads */
  /* With custom_reg: registered with TfLiteInterpreterOptionsAddCustomOp
   * under custom_name (version 1). */
  const char *custom_name;
  const TfLiteRegistration *custom_reg;
} oo_options;

typedef struct oo_op {
  int32_t op; /* TFLC_OP_* */
  uint8_t bo; /* TFLC_BO_* (0: no options table) */
  const tflc_opt_field *fields;
  int n_fields;
  const oo_tensor *inputs;
  int n_inputs;
  oo_tensor out; /* type and declared shape (one output) */
} oo_op;

/* What a few ops need besides an oo_op (the *_ext functions; all zero or a
 * NULL pointer: nothing). Kept apart so that oo_op's positional
 * initializers stay complete. */
typedef struct oo_ext {
  const oo_tensor *outputs; /* n_outputs > 0: these instead of out */
  int n_outputs;
  const char *custom;         /* custom code (op == TFLC_OP_CUSTOM) */
  const void *custom_options; /* raw custom_options bytes */
  size_t custom_options_size;
  int options2; /* options in builtin_options_2 */
  oo_options opts;
} oo_ext;

typedef struct oo_run {
  TfLiteModel *model;
  TfLiteInterpreter *it;
  uint8_t *bytes;
  char err[4096]; /* every reported message, one a line */
} oo_run;

/* An oo_ext naming only the outputs (a pointer to a compound literal). */
#define OO_OUTS(outs, n) (&(oo_ext){.outputs = (outs), .n_outputs = (n)})

/* An error reporter appending each message, one a line, to user, a
 * char[2048]. */
void oo_report(void *user, const char *format, va_list args);

/* Tensor descriptions: a graph input, a constant, an output; oo_quant1
 * sets per-tensor quantization (the pointers are kept). */
oo_tensor oo_in(int8_t tt, const int *shape, int rank, const void *data);
oo_tensor oo_const(int8_t tt, const int *shape, int rank, const void *data);
oo_tensor oo_out_t(int8_t tt, const int *shape, int rank);
void oo_quant1(oo_tensor *t, const float *scale, const int64_t *zero_point);

/* Adds t (constant bytes sized from shape and type) to m; returns its index. */
int oo_add_tensor(tm_model *m, const oo_tensor *t, const char *name);

/* Serializes m (then freed) and opens it as oo_open does. */
int oo_finish(tm_model *m, const oo_options *o, oo_run *r);
/* Creates the model over bytes (malloc'd, now owned by r) and the
 * interpreter (options o, may be NULL) reporting into r->err, and
 * allocates tensors. 0 on success; else r->it is NULL and r->err says why. */
int oo_open(uint8_t *bytes, size_t size, const oo_options *o, oo_run *r);

/* Builds the model (inputs in0.., outputs out / out0..; graph inputs are
 * the non-constant inputs in order), the interpreter and allocates
 * tensors. Returns 0 on success; on failure r->err holds the messages and
 * r->it is NULL. */
int oo_build(const oo_op *c, oo_run *r);
int oo_build_ext(const oo_op *c, const oo_ext *x, oo_run *r);
void oo_free(oo_run *r);
/* Copies the non-constant inputs' data (NULL: zeros) and invokes. */
TfLiteStatus oo_invoke(const oo_op *c, oo_run *r);
/* Builds and invokes; reports failures with the label. Returns output 0
 * or NULL. */
const TfLiteTensor *oo_run_op(const oo_op *c, oo_run *r, const char *label);
const TfLiteTensor *oo_run_op_ext(const oo_op *c, const oo_ext *x, oo_run *r,
                                  const char *label);
const TfLiteTensor *oo_out(const oo_run *r, int i);

/* Expects building (AllocateTensors: prepare) to fail with `needle`. */
void oo_expect_error(const oo_op *c, const char *needle, const char *label);
void oo_expect_error_ext(const oo_op *c, const oo_ext *x, const char *needle,
                         const char *label);
/* Expects building to succeed and invoke to fail with `needle` (two checks
 * either way). */
void oo_expect_invoke_error(const oo_op *c, const char *needle,
                            const char *label);
void oo_expect_invoke_error_ext(const oo_op *c, const oo_ext *x,
                                const char *needle, const char *label);

/* ---- checks on outputs -----------------------------------------------------
 */

/* True when t has exactly this shape (no check). */
int oo_shape_is(const TfLiteTensor *t, const int *shape, int rank);
/* One check: t's shape; returns whether it matched. */
int oo_check_shape(const TfLiteTensor *t, const int *shape, int rank,
                   const char *label);
/* Compares float32 output values (|got - want| <= tol * max(1, |want|));
 * NaN matches NaN. Names the first 5 differing elements. */
void oo_check_f32(const TfLiteTensor *t, const float *want, size_t n,
                  double tol, const char *label);
/* Compares raw output bytes. */
void oo_check_bytes(const TfLiteTensor *t, const void *want, size_t bytes,
                    const char *label);
/* Compares a float32 output with want (shape ws, rank wr), element i
 * within tol[i]: checks the rank, each dimension, the byte size, names the
 * first 5 differing elements. */
void ot_check_f32_tol(const char *label, const TfLiteTensor *t, const int *ws,
                      int wr, const double *want, const double *tol);
/* Compares n integers of an INT8 / UINT8 / INT16 / INT32 output (type
 * given as TFLC_TT_*) with want, naming the first 5 differences. */
void ot_check_ints(const TfLiteTensor *t, int8_t tt, const int64_t *want,
                   size_t n, const char *label);

/* Runs op; output 0 must have this shape and these bytes / floats. */
void oo_run_expect(const oo_op *op, const int *shape, int rank,
                   const void *want, size_t bytes, const char *label);
void oo_run_expect_f32(const oo_op *op, const int *shape, int rank,
                       const float *want, size_t n, double tol,
                       const char *label);

/* ---- TensorFlow Lite's integer arithmetic, written out again ----------------
 * From its definitions, not calling the library, so the quantized op tests
 * compare the kernels with an independent reference:
 *  - a real multiplier as Q31 mantissa + exponent (round half away);
 *  - MultiplyByQuantizedMultiplier: saturating rounding doubling high
 *    multiply, then a right shift rounding half away from zero;
 *  - its int64 form: mantissa rounded to Q15, one rounding shift;
 *  - the fused-activation clamp range (f / scale in float, rounded);
 *  - the hybrid ops' per-row input quantization (symmetric / asymmetric).
 * Plus random integers (a stream of its own) and typed buffers. */

int32_t qr_rand(int32_t lo, int32_t hi); /* inclusive */
float qr_frand(void);                    /* [-1, 1] in steps of 1e-4 */
void qr_multiplier(double real, int32_t *m, int *e);
/* a * b / 2^31 rounded to nearest, halves upward, saturating. */
int32_t qr_high_mul(int32_t a, int32_t b);
/* x / 2^e rounded half away from zero. */
int32_t qr_div_pot(int32_t x, int e);
int32_t qr_mul(int32_t x, int32_t m, int shift);
int32_t qr_mul64(int64_t x, int32_t m, int shift);
void qr_type_range(TfLiteType t, int32_t *lo, int32_t *hi);
void qr_act_range(int act, float scale, int32_t zp, TfLiteType t, int32_t *lo,
                  int32_t *hi);
int32_t qr_clamp(int32_t v, int32_t lo, int32_t hi);
int8_t qr_tt(TfLiteType t);
size_t qr_size(TfLiteType t);
/* A typed copy of int64 values (malloc'd). */
void *qr_pack(TfLiteType t, const int64_t *v, size_t n);
int64_t qr_get(TfLiteType t, const void *p, size_t i);
/* malloc'd n values from qr_rand. */
int64_t *qr_random(size_t n, int32_t lo, int32_t hi);
/* Hybrid input quantization, one row. */
void qr_quant_sym(const float *x, size_t n, int32_t *q, float *scale);
void qr_quant_asym(const float *x, size_t n, int32_t *q, float *scale,
                   int32_t *zp);

#endif
