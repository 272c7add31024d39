/* Shared code of PAD and PADV2: checks the input, the paddings tensor
 * (int32 or int64, shape [rank, 2], non-negative; read at prepare when
 * constant, else at invoke with a dynamic output) and the optional
 * constant-value input, sizes the output, and pads an N-D tensor (rank 0..6)
 * with one value. Owned by the PAD/PADV2 kernels. */
#ifndef TFLC_KERNELS_INTERNAL_PAD_ND_H
#define TFLC_KERNELS_INTERNAL_PAD_ND_H

#include <stddef.h>
#include <stdint.h>

#include "kernels/kernel_util.h"

#define KERN_PAD_MAX_RANK 6

typedef struct kern_padnd {
  int rank;
  int in_dims[KERN_PAD_MAX_RANK];
  int before[KERN_PAD_MAX_RANK];
  int after[KERN_PAD_MAX_RANK];
  size_t elem;         /* bytes per element */
  uint8_t zero[8];     /* default pad value (0, or the zero point) */
  int has_value_input; /* PADV2 with a constant-value input */
  int dynamic;         /* paddings not constant: read at invoke */
} kern_padnd;

void *kern_padnd_init(TfLiteContext *ctx, const char *buf, size_t len);

/* Prepare of PAD (allow_value = 0: 2 inputs) and PADV2 (allow_value = 1: 2
 * or 3 inputs, the third the pad value). */
TfLiteStatus kern_padnd_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                int allow_value);

/* Invoke of both. */
TfLiteStatus kern_padnd_invoke(TfLiteContext *ctx, TfLiteNode *node);

#endif
