/* Checks shared by the data-movement kernels (SQUEEZE, EXPAND_DIMS,
 * TRANSPOSE, SPLIT, SLICE, STRIDED_SLICE, TILE, BROADCAST_TO, REVERSE_V2,
 * MIRROR_PAD, BATCH_TO_SPACE_ND, ...): node arity, an output of the input's
 * fixed-size type, index inputs (INT32 or INT64 vectors of a given length)
 * and reading them into int64 arrays; the common prepare steps of
 * DEPTH_TO_SPACE and SPACE_TO_DEPTH, and of GATHER and GATHER_ND. Each reports
 * a clear message through KERN_ENSURE. Owned by the data-movement kernels
 * group. */
#ifndef TFLC_KERNELS_INTERNAL_MOVE_CHECKS_H
#define TFLC_KERNELS_INTERNAL_MOVE_CHECKS_H

#include <stdint.h>

#include "kernels/internal/tensor_copy.h"
#include "kernels/kernel_util.h"

/* The node has exactly n_in inputs and n_out outputs, all present. */
TfLiteStatus kern_check_arity(TfLiteContext *ctx, const TfLiteNode *node,
                              int n_in, int n_out);

/* in has a fixed-size type and out has the same type. */
TfLiteStatus kern_check_move_types(TfLiteContext *ctx, const TfLiteTensor *in,
                                   const TfLiteTensor *out);

/* t is INT32 or INT64 of rank 1 (or a scalar when allow_scalar) with n
 * elements (n < 0: any count up to KERN_MAX_DIMS * 2). `what` names it in
 * messages ("perm input"). */
TfLiteStatus kern_check_index_vector(TfLiteContext *ctx, const TfLiteTensor *t,
                                     const char *what, int allow_scalar, int n);

/* Copies the first n values of an INT32/INT64 tensor into out. */
void kern_read_indices(const TfLiteTensor *t, int64_t *out, int n);

/* Op data of DEPTH_TO_SPACE and SPACE_TO_DEPTH. */
typedef struct kern_block_data {
  int bs; /* block_size */
} kern_block_data;

/* init: a kern_block_data in persistent memory. */
void *kern_block_init(TfLiteContext *ctx, const char *buf, size_t len);

/* Their first prepare checks: op data present, 1 input and 1 output of the
 * same fixed-size type, a 4-D (NHWC) input, block_size (option field 0)
 * from 1 to 65535, returned in *bs. */
TfLiteStatus kern_block_check_node(TfLiteContext *ctx, TfLiteNode *node,
                                   int *bs);

/* GATHER / GATHER_ND: op data present, 2 inputs (params, indices) and 1
 * output, all present. */
TfLiteStatus kern_gather_check_node(TfLiteContext *ctx, const TfLiteNode *node);

#endif
