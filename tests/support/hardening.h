/* Helpers of the hardening tests (tests/unit/test_hardening_*.c): build a
 * one-operator model, run it through load, create, AllocateTensors and
 * Invoke, and check how it ends: refused with a keyword in the message, safe
 * either way, or ran with an expected output. */
#ifndef TFLC_TESTS_SUPPORT_HARDENING_H
#define TFLC_TESTS_SUPPORT_HARDENING_H

#include <stddef.h>
#include <stdint.h>

#include "support/op_test.h"

/* Where a model run ended (HZ_ST_OK: every stage succeeded). */
typedef enum hz_stage {
  HZ_ST_LOAD,
  HZ_ST_CREATE,
  HZ_ST_ALLOCATE,
  HZ_ST_INVOKE,
  HZ_ST_OK
} hz_stage;
extern const char *const hz_stage_name[];

/* Cases skipped because the operator is not implemented (printed at the
 * end of each test program). */
extern int hz_skipped;

/* 64 float weights (0.5, 1, -1, 2 repeated) for constant inputs. */
extern const float hz_weights[64];

#define OPT(id, kind, v) tm_opt_int(id, TFLC_OPT_##kind, v)

/* What hz_run_model_out copies out of one output after a successful Invoke. */
typedef struct hz_out_copy {
  int index;      /* which graph output */
  int rank;       /* -1 until copied */
  int shape[8];   /* the first 8 dimensions */
  uint8_t *bytes; /* malloc'd copy of the data (NULL when empty) */
  size_t size;
} hz_out_copy;

/* Loads, creates, allocates and invokes `bytes` with every graph input
 * filled from `input` (repeated) or zeros. Returns the stage that failed
 * (HZ_ST_OK when everything succeeded); err gets every reported message. With
 * out (may be NULL) and success, output out->index is copied into it. */
hz_stage hz_run_model_out(const uint8_t *bytes, size_t size, const void *input,
                          size_t input_bytes, char *err, hz_out_copy *out);

hz_stage hz_run_model(const uint8_t *bytes, size_t size, const void *input,
                      size_t input_bytes, char *err);

/* The model must fail (at any stage) with `keyword` in the message. When
 * op_may_be_missing and the failure says the op is not supported, the case
 * is skipped with a note. */
void hz_expect_refused(const char *label, uint8_t *bytes, size_t size,
                       const void *input, size_t input_bytes,
                       const char *keyword, int op_may_be_missing);

/* The model may run or be refused (both are safe); it must not crash. */
void hz_expect_safe(const char *label, uint8_t *bytes, size_t size,
                    const void *input, size_t input_bytes);

/* The model must run (a valid model, e.g. with zero-size tensors); its
 * output out_index must have the shape (shape, rank) and, when want is not
 * NULL, exactly the bytes want (want_bytes). */
void hz_expect_ran(const char *label, uint8_t *bytes, size_t size,
                   const void *input, size_t input_bytes, int out_index,
                   const int *shape, int rank, const void *want,
                   size_t want_bytes);

/* A one-operator model from an oo_op description (tests/ops/one_op.h). */
uint8_t *hz_one_op_bytes(const oo_op *c, size_t *size);

/* One operator with any number of outputs (outs; n_outs may be 0) and,
 * when var_input >= 0, that input made a variable tensor (then not a graph
 * input). The graph outputs are the operator's outputs. */
uint8_t *hz_op_bytes(const oo_op *c, const oo_tensor *outs, int n_outs,
                     int var_input, size_t *size);

#endif
