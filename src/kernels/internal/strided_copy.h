/* Strided N-D copies for the data-movement kernels (TRANSPOSE, SLICE,
 * STRIDED_SLICE, TILE, BROADCAST_TO, REVERSE_V2, DEPTH_TO_SPACE,
 * SPACE_TO_DEPTH, BATCH_TO_SPACE_ND, SPACE_TO_BATCH_ND, SPLIT, UNPACK, ...):
 * one element-size-generic walker that copies a box of `dims` from a source
 * with arbitrary (negative or zero) element strides to a destination with
 * arbitrary strides. Dimensions of size 1 are dropped and adjacent
 * contiguous dimensions merged first, so plain copies become one memcpy.
 * Nothing is allocated; callers guarantee every address stays in bounds.
 * Owned by the data-movement kernels group. */
#ifndef TFLC_KERNELS_INTERNAL_STRIDED_COPY_H
#define TFLC_KERNELS_INTERNAL_STRIDED_COPY_H

#include <stddef.h>

#include "kernels/internal/tensor_copy.h"

/* Most dimensions a strided copy takes. */
#define KERN_STRIDED_MAX_RANK 16

/* Copies the box dims[0..rank) of `elem`-byte elements: the element at
 * coordinate c goes from src + sum(c[i] * src_strides[i]) * elem to
 * dst + sum(c[i] * dst_strides[i]) * elem. Strides are in elements; src and
 * dst point at coordinate 0. rank 0 copies one element; a zero dim copies
 * nothing. Source and destination must not overlap. */
void kern_strided_copy2(void *dst, const ptrdiff_t *dst_strides,
                        const void *src, const ptrdiff_t *src_strides,
                        size_t elem, int rank, const int *dims);

/* Same, with a contiguous row-major destination of shape dims. */
void kern_strided_copy(void *dst, const void *src, const ptrdiff_t *src_strides,
                       size_t elem, int rank, const int *dims);

/* Row-major element strides of a shape: strides[rank-1] = 1. */
void kern_row_strides(const int *dims, int rank, ptrdiff_t *strides);

/* out = transpose(in, perm): out dim i is in dim perm[i] (perm checked by
 * the caller). in_dims has `rank` entries. */
void kern_transpose_copy(void *dst, const void *src, size_t elem, int rank,
                         const int *in_dims, const int *perm);

#endif
