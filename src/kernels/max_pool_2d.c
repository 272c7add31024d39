/* MAX_POOL_2D: the maximum of each filter window of an NHWC tensor (only
 * in-bounds elements take part; SAME padding never contributes), then the
 * fused activation. float32; int8, uint8, int16 on the raw values (output
 * parameters equal the input's), clamped to the quantized activation
 * range, as TensorFlow Lite's reference kernels. */
#include "kernels/internal/pool2d.h"
#include "kernels/kernel_util.h"

static TfLiteStatus max_pool_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_pool2d_prepare(ctx, node, (kern_pool2d *)node->user_data);
}

static void max_pool_f32(const kern_pool2d *p, const float *in, float *out) {
  for (int b = 0; b < p->batches; b++) {
    const float *img = in + (size_t)b * p->in_h * p->in_w * p->channels;
    for (int oy = 0; oy < p->out_h; oy++) {
      int ys, ye;
      kern_pool2d_rows(p, oy, &ys, &ye);
      for (int ox = 0; ox < p->out_w; ox++) {
        int xs, xe;
        kern_pool2d_cols(p, ox, &xs, &xe);
        for (int c = 0; c < p->channels; c++) {
          float m = -__builtin_inff();
          for (int y = ys; y < ye; y++) {
            const float *row = img + (size_t)y * p->in_w * p->channels;
            for (int x = xs; x < xe; x++) {
              float v = row[(size_t)x * p->channels + c];
              if (v > m) m = v;
            }
          }
          *out++ = kern_clamp_f32(m, p->act_lo, p->act_hi);
        }
      }
    }
  }
}

/* Quantized: T element type, raw values compared, then the clamp. */
#define MAX_POOL_Q(T, TMIN)                                             \
  do {                                                                  \
    const T *in_ = (const T *)in->data.raw_const;                       \
    T *o = (T *)out->data.raw;                                          \
    for (int b = 0; b < p->batches; b++) {                              \
      const T *img = in_ + (size_t)b * p->in_h * p->in_w * p->channels; \
      for (int oy = 0; oy < p->out_h; oy++) {                           \
        int ys, ye;                                                     \
        kern_pool2d_rows(p, oy, &ys, &ye);                              \
        for (int ox = 0; ox < p->out_w; ox++) {                         \
          int xs, xe;                                                   \
          kern_pool2d_cols(p, ox, &xs, &xe);                            \
          for (int c = 0; c < p->channels; c++) {                       \
            int32_t m = TMIN;                                           \
            for (int y = ys; y < ye; y++) {                             \
              const T *row = img + (size_t)y * p->in_w * p->channels;   \
              for (int x = xs; x < xe; x++) {                           \
                int32_t v = row[(size_t)x * p->channels + c];           \
                if (v > m) m = v;                                       \
              }                                                         \
            }                                                           \
            m = m < p->q_lo ? p->q_lo : (m > p->q_hi ? p->q_hi : m);    \
            *o++ = (T)m;                                                \
          }                                                             \
        }                                                               \
      }                                                                 \
    }                                                                   \
  } while (0)

static void max_pool_q(const kern_pool2d *p, const TfLiteTensor *in,
                       TfLiteTensor *out) {
  switch (in->type) {
    case kTfLiteInt8: MAX_POOL_Q(int8_t, -128); break;
    case kTfLiteUInt8: MAX_POOL_Q(uint8_t, 0); break;
    default: MAX_POOL_Q(int16_t, -32768); break;
  }
}

static TfLiteStatus max_pool_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_pool2d_invoke(ctx, node, max_pool_f32, max_pool_q);
}

const TfLiteRegistration kern_max_pool_2d = {
    .init = kern_pool2d_init,
    .prepare = max_pool_prepare,
    .invoke = max_pool_invoke,
    .builtin_code = TFLC_OP_MAX_POOL_2D,
    .version = 1,
};
