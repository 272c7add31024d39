/* Sparse constant tensors (TensorFlow Lite SparsityParameters, decoded by
 * the schema layer into tflc_sparsity_def): checking the metadata against
 * the dense shape and the stored values -- nothing in it is trusted -- and
 * writing the dense tensor. Used by DENSIFY.
 *
 * The format: an n-D tensor, optionally cut into k-D dense blocks
 * (block_map[b] = the original dimension that block dimension n+b splits),
 * is traversed in traversal_order (n original dimensions, then the k block
 * dimensions); dim_metadata[l] describes level l of that traversal: DENSE
 * (every index 0..dense_size-1) or SPARSE_CSR (for parent position p, the
 * indices array_indices[array_segments[p] .. array_segments[p+1]); the next
 * level's parent position is the index into array_indices). The values are
 * stored in traversal order, one per leaf. */
#ifndef TFLC_KERNELS_INTERNAL_SPARSE_TENSOR_H
#define TFLC_KERNELS_INTERNAL_SPARSE_TENSOR_H

#include <stddef.h>

#include "schema/model_def.h"
#include "tflc/common.h"

#define SPARSE_MAX_LEVELS 16

/* The decoded sparsity of a constant tensor, NULL when it is dense. The
 * interpreter points TfLiteTensor.sparsity at the model's
 * tflc_sparsity_def. */
static inline const tflc_sparsity_def *sparse_def(const TfLiteTensor *t) {
  return (const tflc_sparsity_def *)(const void *)t->sparsity;
}

typedef struct sparse_plan {
  int n_orig;   /* dense rank n */
  int n_levels; /* n + k */
  int dense_shape[SPARSE_MAX_LEVELS];
  int level_size[SPARSE_MAX_LEVELS]; /* size of each traversal level */
  int block_size[SPARSE_MAX_LEVELS]; /* per block dimension b */
  size_t n_values;                   /* values the metadata implies */
} sparse_plan;

/* Checks the sparsity of a tensor of dense shape [shape, rank] whose values
 * buffer holds value_bytes bytes of elem-byte elements: traversal order and
 * block map, every level's size against the (blocked) dense shape, CSR
 * segments (start at 0, non-decreasing, within the indices), every index
 * below its level's size, and value_bytes == values implied * elem. Returns
 * 0, or -1 with a message in err. */
int sparse_check(const tflc_sparsity_def *s, const int *shape, int rank,
                 size_t elem, size_t value_bytes, sparse_plan *plan, char *err,
                 size_t err_size);

/* Writes the dense tensor (zeros where no value is stored) after a
 * successful sparse_check. dense holds the product of the shape elements. */
void sparse_densify(const sparse_plan *plan, const tflc_sparsity_def *s,
                    const void *values, size_t elem, void *dense);

#endif
