/* Helpers every kernel uses: fetching a node's inputs/outputs, its options,
 * shapes and element counts, resizing outputs, scratch memory, fused
 * activation ranges, and the error macro that reports and returns.
 *
 * Kernel contract (see docs/ARCHITECTURE.md):
 *  - a kernel file defines `const TfLiteRegistration kern_<op>` (e.g.
 *    kern_conv_2d) with init/free/prepare/invoke; registry.c maps builtin
 *    codes to them;
 *  - init: allocate op data with context->AllocatePersistentBuffer (freed with
 *    the interpreter; free may be NULL);
 *  - prepare: check types/ranks/shapes/options, report errors with
 *    KERN_ENSURE, set output shapes with kern_resize_output, request scratch,
 *    precompute; it may run several times (after ResizeInputTensor);
 *  - invoke: only computes; it must not allocate. */
#ifndef TFLC_KERNELS_KERNEL_UTIL_H
#define TFLC_KERNELS_KERNEL_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "schema/options.h"
#include "schema/schema_enums.h"
#include "tflc/common.h"

/* Reports "<message>" (the interpreter prefixes subgraph/node/op) and
 * returns kTfLiteError from the calling function when cond is false. */
#define KERN_ENSURE(ctx, cond, ...)           \
  do {                                        \
    if (!(cond)) {                            \
      (ctx)->ReportError((ctx), __VA_ARGS__); \
      return kTfLiteError;                    \
    }                                         \
  } while (0)

/* Returns the status of expr if it is not kTfLiteOk. */
#define KERN_OK(expr)               \
  do {                              \
    TfLiteStatus s_ = (expr);       \
    if (s_ != kTfLiteOk) return s_; \
  } while (0)

static inline int kern_num_inputs(const TfLiteNode *node) {
  return node->inputs ? node->inputs->size : 0;
}

static inline int kern_num_outputs(const TfLiteNode *node) {
  return node->outputs ? node->outputs->size : 0;
}

/* Input i, or NULL when i is past the end or the input is omitted (-1). */
static inline TfLiteTensor *kern_input(TfLiteContext *ctx,
                                       const TfLiteNode *node, int i) {
  if (i < 0 || i >= kern_num_inputs(node)) return NULL;
  int t = node->inputs->data[i];
  if (t < 0 || (size_t)t >= ctx->tensors_size) return NULL;
  return &ctx->tensors[t];
}

static inline TfLiteTensor *kern_output(TfLiteContext *ctx,
                                        const TfLiteNode *node, int i) {
  if (i < 0 || i >= kern_num_outputs(node)) return NULL;
  int t = node->outputs->data[i];
  if (t < 0 || (size_t)t >= ctx->tensors_size) return NULL;
  return &ctx->tensors[t];
}

/* Exactly 1 input and 1 output, both present ("expected 1 input, got N",
 * "expected 1 output, got N", "input 0 is missing", "output 0 is
 * missing"). */
static inline TfLiteStatus kern_check_single_io(TfLiteContext *ctx,
                                                const TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 1, "expected 1 input, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  KERN_ENSURE(ctx, kern_input(ctx, node, 0) != NULL, "input 0 is missing");
  KERN_ENSURE(ctx, kern_output(ctx, node, 0) != NULL, "output 0 is missing");
  return kTfLiteOk;
}

/* The builtin options of the node (never NULL for builtin ops; an absent
 * table reads every field as its default). */
static inline const tflc_options_ref *kern_options(const TfLiteNode *node) {
  return (const tflc_options_ref *)node->builtin_data;
}

static inline int kern_ndims(const TfLiteTensor *t) {
  return t->dims ? t->dims->size : 0;
}

static inline int kern_dim(const TfLiteTensor *t, int i) {
  return t->dims->data[i];
}

/* Number of elements (product of dims; 1 for a scalar). */
static inline size_t kern_num_elements(const TfLiteTensor *t) {
  size_t n = 1;
  for (int i = 0; i < kern_ndims(t); i++) n *= (size_t)t->dims->data[i];
  return n;
}

static inline int kern_is_constant(const TfLiteTensor *t) {
  return t->allocation_type == kTfLiteMmapRo ||
         t->allocation_type == kTfLitePersistentRo;
}

/* Sets an output's shape (does nothing when it is already that shape). */
static inline TfLiteStatus kern_resize_output(TfLiteContext *ctx,
                                              TfLiteTensor *t, const int *dims,
                                              int rank) {
  return ctx->TflcResizeTensorDims(ctx, t, dims, rank);
}

/* Output gets the shape of src. */
static inline TfLiteStatus kern_resize_like(TfLiteContext *ctx, TfLiteTensor *t,
                                            const TfLiteTensor *src) {
  return ctx->TflcResizeTensorDims(ctx, t, src->dims ? src->dims->data : NULL,
                                   kern_ndims(src));
}

/* Define `static void *NAME(TfLiteContext *, const char *, size_t)`, the
 * usual inits: a TYPE in persistent memory (NULL when that fails), as the
 * allocator gives it (KERN_OP_DATA_INIT) or zeroed (KERN_ZEROED_INIT). */
#define KERN_OP_DATA_INIT(NAME, TYPE)                                  \
  static void *NAME(TfLiteContext *ctx, const char *buf, size_t len) { \
    (void)buf;                                                         \
    (void)len;                                                         \
    return ctx->AllocatePersistentBuffer(ctx, sizeof(TYPE));           \
  }

#define KERN_ZEROED_INIT(NAME, TYPE)                                   \
  static void *NAME(TfLiteContext *ctx, const char *buf, size_t len) { \
    (void)buf;                                                         \
    (void)len;                                                         \
    TYPE *d = ctx->AllocatePersistentBuffer(ctx, sizeof(TYPE));        \
    if (d) memset(d, 0, sizeof(*d));                                   \
    return d;                                                          \
  }

/* Marks an output whose shape depends on input VALUES (known only at
 * invoke): it lives on the heap, the kernel sets its shape in invoke with
 * kern_resize_output, and the nodes that read it are prepared at invoke. */
static inline void kern_set_dynamic(TfLiteTensor *t) {
  t->allocation_type = kTfLiteDynamic;
}

/* In prepare: makes an already-sized output a constant that the kernel
 * fills now (downstream prepares can read it). Returns 1 when done, 0 when
 * the output must be written at invoke as usual. */
static inline int kern_make_output_constant(TfLiteContext *ctx,
                                            TfLiteTensor *t) {
  return ctx->TflcMakeOutputConstant &&
         ctx->TflcMakeOutputConstant(ctx, t) == kTfLiteOk;
}

/* Fused activation (schema ActivationFunctionType) as a float clamp range.
 * Returns 0, or -1 for an activation that is not a clamp (TANH, SIGN_BIT) or
 * unknown. */
static inline int kern_act_range_f32(int act, float *lo, float *hi) {
  switch (act) {
    case TFLC_ACT_NONE:
      *lo = -__builtin_inff();
      *hi = __builtin_inff();
      return 0;
    case TFLC_ACT_RELU:
      *lo = 0.0f;
      *hi = __builtin_inff();
      return 0;
    case TFLC_ACT_RELU_N1_TO_1:
      *lo = -1.0f;
      *hi = 1.0f;
      return 0;
    case TFLC_ACT_RELU6:
      *lo = 0.0f;
      *hi = 6.0f;
      return 0;
    default: return -1;
  }
}

static inline float kern_clamp_f32(float x, float lo, float hi) {
  return x < lo ? lo : (x > hi ? hi : x);
}

/* "FLOAT32", "INT8", ... for messages. */
#define kern_type_name(type) TfLiteTypeGetName(type)

#endif
