/* Shared code of PAD and PADV2 (see pad_nd.h). */
#include "kernels/internal/pad_nd.h"

#include <string.h>

#include "kernels/internal/tensor_copy.h"

void *kern_padnd_init(TfLiteContext *ctx, const char *buf, size_t len) {
  (void)buf;
  (void)len;
  return ctx->AllocatePersistentBuffer(ctx, sizeof(kern_padnd));
}

static int pad_type_ok(TfLiteType t) {
  return t == kTfLiteFloat32 || t == kTfLiteInt32 || t == kTfLiteInt64 ||
         t == kTfLiteInt8 || t == kTfLiteUInt8 || t == kTfLiteInt16;
}

/* Reads the paddings into p and sizes the output. */
static TfLiteStatus padnd_resize(TfLiteContext *ctx, kern_padnd *p,
                                 const TfLiteTensor *in,
                                 const TfLiteTensor *pads, TfLiteTensor *out) {
  int dims[KERN_PAD_MAX_RANK];
  for (int i = 0; i < p->rank; i++) {
    int64_t b = kern_read_index(pads, (size_t)i * 2);
    int64_t a = kern_read_index(pads, (size_t)i * 2 + 1);
    KERN_ENSURE(ctx, b >= 0 && a >= 0,
                "paddings of dimension %d are negative (%lld, %lld)", i,
                (long long)b, (long long)a);
    int64_t total = (int64_t)kern_dim(in, i) + b + a;
    KERN_ENSURE(ctx, total <= 0x7fffffff,
                "padded dimension %d is too large (%lld)", i, (long long)total);
    p->in_dims[i] = kern_dim(in, i);
    p->before[i] = (int)b;
    p->after[i] = (int)a;
    dims[i] = (int)total;
  }
  return kern_resize_output(ctx, out, dims, p->rank);
}

TfLiteStatus kern_padnd_prepare(TfLiteContext *ctx, TfLiteNode *node,
                                int allow_value) {
  kern_padnd *p = (kern_padnd *)node->user_data;
  KERN_ENSURE(ctx, p != NULL, "op data was not allocated");
  int n_in = kern_num_inputs(node);
  if (allow_value) {
    KERN_ENSURE(ctx, n_in == 2 || n_in == 3, "expected 2 or 3 inputs, got %d",
                n_in);
  } else {
    KERN_ENSURE(ctx, n_in == 2, "expected 2 inputs, got %d", n_in);
  }
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  TfLiteTensor *in = kern_input(ctx, node, 0);
  const TfLiteTensor *pads = kern_input(ctx, node, 1);
  const TfLiteTensor *value = allow_value ? kern_input(ctx, node, 2) : NULL;
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in != NULL, "input 0 is missing");
  KERN_ENSURE(ctx, pads != NULL, "paddings input is missing");
  KERN_ENSURE(ctx, out != NULL, "output 0 is missing");
  KERN_ENSURE(ctx, pad_type_ok(in->type),
              "input type %s is not supported (FLOAT32, INT32, INT64, INT8, "
              "UINT8, INT16)",
              kern_type_name(in->type));
  KERN_ENSURE(ctx, out->type == in->type,
              "output type %s differs from input type %s",
              kern_type_name(out->type), kern_type_name(in->type));
  int rank = kern_ndims(in);
  KERN_ENSURE(ctx, rank <= KERN_PAD_MAX_RANK,
              "input rank %d is above the supported %d", rank,
              KERN_PAD_MAX_RANK);

  /* Paddings: [rank, 2] of int32 or int64 (values read at prepare when
   * constant, else at invoke). */
  KERN_ENSURE(ctx, pads->type == kTfLiteInt32 || pads->type == kTfLiteInt64,
              "paddings type %s is not supported (INT32, INT64)",
              kern_type_name(pads->type));
  KERN_ENSURE(ctx,
              kern_ndims(pads) == 2 && kern_dim(pads, 0) == rank &&
                  kern_dim(pads, 1) == 2,
              "paddings must have shape [%d, 2] for a rank-%d input", rank,
              rank);
  p->rank = rank;
  p->elem = kern_type_bytes(in->type);
  p->dynamic = 0;
  if (kern_is_constant(pads) || rank == 0) {
    KERN_OK(padnd_resize(ctx, p, in, pads, out));
  } else {
    /* Paddings known only at invoke: the output is dynamic. */
    p->dynamic = 1;
    kern_set_dynamic(out);
  }

  /* Default pad value: 0, or the output zero point for quantized types. */
  memset(p->zero, 0, sizeof(p->zero));
  if (kern_is_quantized_type(in->type)) {
    KERN_ENSURE(ctx, kern_same_quant(in, out),
                "input and output quantization parameters differ: "
                "requantization is not supported");
    float scale;
    int32_t zp;
    kern_quant_params(out, &scale, &zp);
    if (in->type == kTfLiteInt8) {
      int8_t z = (int8_t)zp;
      memcpy(p->zero, &z, 1);
    } else if (in->type == kTfLiteUInt8) {
      uint8_t z = (uint8_t)zp;
      memcpy(p->zero, &z, 1);
    } else {
      int16_t z = (int16_t)zp;
      memcpy(p->zero, &z, 2);
    }
  }
  p->has_value_input = value != NULL;
  if (value != NULL) {
    KERN_ENSURE(ctx, value->type == in->type,
                "constant value type %s differs from input type %s",
                kern_type_name(value->type), kern_type_name(in->type));
    KERN_ENSURE(ctx, kern_num_elements(value) == 1,
                "constant value must have one element, got %zu",
                kern_num_elements(value));
    if (kern_is_quantized_type(in->type)) {
      KERN_ENSURE(ctx, kern_same_quant(value, out),
                  "constant value and output quantization parameters differ");
    }
  }
  return kTfLiteOk;
}

typedef struct pad_walk {
  const kern_padnd *p;
  const uint8_t *value;
  size_t in_stride[KERN_PAD_MAX_RANK];  /* bytes */
  size_t out_stride[KERN_PAD_MAX_RANK]; /* bytes */
} pad_walk;

/* Writes the output block of dimension d (and below) at dst from the input
 * block at src. */
static void pad_dim(const pad_walk *w, int d, const uint8_t *src,
                    uint8_t *dst) {
  const kern_padnd *p = w->p;
  /* Analyzer false positive: out_stride is set for every d < rank (rank is
   * never negative) */
  /* NOLINTNEXTLINE(clang-analyzer-core.uninitialized.Assign) */
  size_t os = w->out_stride[d];
  size_t elem = p->elem;
  kern_fill_elems(dst, w->value, elem, (size_t)p->before[d] * os / elem);
  dst += (size_t)p->before[d] * os;
  if (d == p->rank - 1) {
    memcpy(dst, src, (size_t)p->in_dims[d] * elem);
    dst += (size_t)p->in_dims[d] * elem;
  } else {
    for (int i = 0; i < p->in_dims[d]; i++) {
      pad_dim(w, d + 1, src, dst);
      src += w->in_stride[d];
      dst += os;
    }
  }
  kern_fill_elems(dst, w->value, elem, (size_t)p->after[d] * os / elem);
}

TfLiteStatus kern_padnd_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  kern_padnd *p = (kern_padnd *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (p->dynamic)
    KERN_OK(padnd_resize(ctx, p, in, kern_input(ctx, node, 1), out));
  size_t out_count = kern_num_elements(out);
  if (out_count == 0) return kTfLiteOk;
  pad_walk w;
  w.p = p;
  w.value = p->zero;
  if (p->has_value_input) {
    const TfLiteTensor *v = kern_input(ctx, node, 2);
    w.value = (const uint8_t *)v->data.raw_const;
  }
  if (p->rank == 0) {
    memcpy(out->data.raw, in->data.raw_const, p->elem);
    return kTfLiteOk;
  }
  size_t is = p->elem, os = p->elem;
  for (int d = p->rank - 1; d >= 0; d--) {
    w.in_stride[d] = is;
    w.out_stride[d] = os;
    is *= (size_t)p->in_dims[d];
    os *= (size_t)(p->before[d] + p->in_dims[d] + p->after[d]);
  }
  if (kern_num_elements(in) == 0) {
    kern_fill_elems(out->data.raw, w.value, p->elem, out_count);
    return kTfLiteOk;
  }
  pad_dim(&w, 0, (const uint8_t *)in->data.raw_const, (uint8_t *)out->data.raw);
  return kTfLiteOk;
}
