/* AVERAGE_POOL_2D: the mean of each filter window of an NHWC tensor,
 * dividing by the number of in-bounds elements of the window (padding is not
 * counted, as in TensorFlow Lite), then the fused activation. float32;
 * int8, uint8, int16 as TensorFlow Lite's reference kernels: int32 sum of
 * the raw values, divided by the count rounding half away from zero
 * ((sum +- count / 2) / count, truncating), clamped to the quantized
 * activation range (output parameters equal the input's). */
#include "kernels/internal/pool2d.h"
#include "kernels/kernel_util.h"

static TfLiteStatus avg_pool_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_pool2d_prepare(ctx, node, (kern_pool2d *)node->user_data);
}

static void avg_pool_f32(const kern_pool2d *p, const float *in, float *out) {
  for (int b = 0; b < p->batches; b++) {
    const float *img = in + (size_t)b * p->in_h * p->in_w * p->channels;
    for (int oy = 0; oy < p->out_h; oy++) {
      int ys, ye;
      kern_pool2d_rows(p, oy, &ys, &ye);
      for (int ox = 0; ox < p->out_w; ox++) {
        int xs, xe;
        kern_pool2d_cols(p, ox, &xs, &xe);
        int count = (ye > ys && xe > xs) ? (ye - ys) * (xe - xs) : 0;
        for (int c = 0; c < p->channels; c++) {
          float sum = 0.0f;
          for (int y = ys; y < ye; y++) {
            const float *row = img + (size_t)y * p->in_w * p->channels;
            for (int x = xs; x < xe; x++)
              sum += row[(size_t)x * p->channels + c];
          }
          float avg = count > 0 ? sum / (float)count : 0.0f;
          *out++ = kern_clamp_f32(avg, p->act_lo, p->act_hi);
        }
      }
    }
  }
}

#define AVG_POOL_Q(T)                                                        \
  do {                                                                       \
    const T *in_ = (const T *)in->data.raw_const;                            \
    T *o = (T *)out->data.raw;                                               \
    for (int b = 0; b < p->batches; b++) {                                   \
      const T *img = in_ + (size_t)b * p->in_h * p->in_w * p->channels;      \
      for (int oy = 0; oy < p->out_h; oy++) {                                \
        int ys, ye;                                                          \
        kern_pool2d_rows(p, oy, &ys, &ye);                                   \
        for (int ox = 0; ox < p->out_w; ox++) {                              \
          int xs, xe;                                                        \
          kern_pool2d_cols(p, ox, &xs, &xe);                                 \
          int32_t count = (ye > ys && xe > xs) ? (ye - ys) * (xe - xs) : 0;  \
          for (int c = 0; c < p->channels; c++) {                            \
            int32_t acc = 0;                                                 \
            for (int y = ys; y < ye; y++) {                                  \
              const T *row = img + (size_t)y * p->in_w * p->channels;        \
              for (int x = xs; x < xe; x++)                                  \
                acc += row[(size_t)x * p->channels + c];                     \
            }                                                                \
            if (count > 0)                                                   \
              acc = acc > 0 ? (acc + count / 2) / count                      \
                            : (acc - count / 2) / count;                     \
            acc = acc < p->q_lo ? p->q_lo : (acc > p->q_hi ? p->q_hi : acc); \
            *o++ = (T)acc;                                                   \
          }                                                                  \
        }                                                                    \
      }                                                                      \
    }                                                                        \
  } while (0)

static void avg_pool_q(const kern_pool2d *p, const TfLiteTensor *in,
                       TfLiteTensor *out) {
  switch (in->type) {
    case kTfLiteInt8: AVG_POOL_Q(int8_t); break;
    case kTfLiteUInt8: AVG_POOL_Q(uint8_t); break;
    default: AVG_POOL_Q(int16_t); break;
  }
}

static TfLiteStatus avg_pool_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  return kern_pool2d_invoke(ctx, node, avg_pool_f32, avg_pool_q);
}

const TfLiteRegistration kern_average_pool_2d = {
    .init = kern_pool2d_init,
    .prepare = avg_pool_prepare,
    .invoke = avg_pool_invoke,
    .builtin_code = TFLC_OP_AVERAGE_POOL_2D,
    .version = 1,
};
