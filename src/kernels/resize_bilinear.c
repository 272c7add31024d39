/* RESIZE_BILINEAR: resizes NHWC images to the size input by
 * bilinear interpolation with TensorFlow Lite's coordinates:
 *   in = half_pixel_centers ? (out + 0.5) * scale - 0.5 : out * scale,
 *   lower = max(floor(in), 0), upper = min(ceil(in), size - 1).
 * ResizeBilinearOptions: new_height 0 and new_width 1 (deprecated, unused),
 * align_corners 2, half_pixel_centers 3 (not both). FLOAT32, and the
 * quantized types as TensorFlow Lite's reference kernel (values are
 * interpolated raw, the output keeps the input's parameters):
 *  - UINT8: the float formula above on the raw values, + 0.5, truncated;
 *  - INT8, INT16: all-integer, with 10-bit fixed-point coordinates
 *    scale_10 = (1024 * in + out / 2) / out (align_corners: in - 1 and
 *    out - 1), pos = y * scale_10 (half_pixel: + scale_10 / 2 - 512),
 *    lower = max(pos / 1024, 0), upper = min((pos + 1023) / 1024, in - 1),
 *    weights 1024 - (pos - 1024 * lower) and pos - 1024 * lower, the int64
 *    sum divided by 2^20 rounding half away from zero.
 * In the XNNPACK rounding mode, INT8/UINT8 with a constant size compute as
 * XNNPACK's resize (LiteRT's delegate takes them): see bilinear_xnn. */
#include <math.h>

#include "kernels/internal/quant_xnn.h"
#include "kernels/internal/resize_2d.h"
#include "kernels/kernel_util.h"

enum { BILINEAR_OPT_ALIGN_CORNERS = 2, BILINEAR_OPT_HALF_PIXEL = 3 };

static TfLiteStatus bilinear_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  kern_resize2d *r = (kern_resize2d *)node->user_data;
  KERN_ENSURE(ctx, r != NULL, "op data was not allocated");
  const tflc_options_ref *o = kern_options(node);
  r->align_corners = opt_bool(o, BILINEAR_OPT_ALIGN_CORNERS, false);
  r->half_pixel_centers = opt_bool(o, BILINEAR_OPT_HALF_PIXEL, false);
  KERN_ENSURE(ctx, !(r->align_corners && r->half_pixel_centers),
              "align_corners and half_pixel_centers cannot both be true");
  static const TfLiteType allowed[] = {kTfLiteFloat32, kTfLiteUInt8,
                                       kTfLiteInt8, kTfLiteInt16};
  KERN_OK(kern_resize2d_prepare(ctx, node, r, allowed, 4,
                                "FLOAT32, UINT8, INT8, INT16"));
  const TfLiteType t = kern_input(ctx, node, 0)->type;
  r->xnn = quant_xnn_mode(ctx) && !r->dynamic &&
           (t == kTfLiteInt8 || t == kTfLiteUInt8);
  return kTfLiteOk;
}

/* XNNPACK's source coordinate of output index o: scale = (in - a) / (out -
 * a) in float (a = 1 with align_corners and out > 1); align_corners or the
 * legacy mode (neither option) use o * scale, half-pixel centers o * scale +
 * (scale / 2 - 1/2) clamped to [0, in - 1]; lo = (int)v, hi = min(lo + 1,
 * in - 1), weight rint((v - lo) * 2048) (Q11). */
static void bilinear_xnn_coord(int o, int in, int out, int align, int legacy,
                               int *lo, int *hi, int32_t *w) {
  const int adj = align && out != 1;
  const float scale = (float)(in - adj) / (float)(out - adj);
  float v = (float)o * scale;
  if (!align && !legacy) {
    const float half = 0.5f * scale;
    const float offset = half - 0.5f;
    v += offset;
    v = v < 0.0f ? 0.0f : v;
    v = v > (float)(in - 1) ? (float)(in - 1) : v;
  }
  *lo = (int)v;
  *hi = *lo + 1 < in - 1 ? *lo + 1 : in - 1;
  const float frac = v - (float)*lo;
  *w = (int32_t)lrintf(frac * 2048.0f);
}

/* XNNPACK's s8/u8 bilinear kernel on raw values: t = tl * 2^11 + (tr - tl)
 * * wx, b likewise, out = (t * 2^11 + (b - t) * wy + 2^21) >> 22
 * (arithmetic shift: floor). */
static int32_t bilinear_xnn_pixel(int32_t tl, int32_t tr, int32_t bl,
                                  int32_t br, int32_t wx, int32_t wy) {
  const int32_t t = tl * 2048 + (tr - tl) * wx;
  const int32_t b = bl * 2048 + (br - bl) * wx;
  const int32_t acc = t * 2048 + (b - t) * wy + (1 << 21);
  return acc >= 0 ? acc >> 22 : -((-acc - 1) >> 22) - 1;
}

static void bilinear_xnn(const kern_resize2d *r, const void *src, void *dst,
                         bool is_u8) {
  const size_t C = (size_t)r->channels;
  const size_t row = (size_t)r->in_w * C;
  const int legacy = !r->align_corners && !r->half_pixel_centers;
  size_t o = 0;
  for (int b = 0; b < r->batches; b++) {
    const size_t img = (size_t)b * (size_t)r->in_h * row;
    for (int y = 0; y < r->out_h; y++) {
      int y0, y1;
      int32_t wy;
      bilinear_xnn_coord(y, r->in_h, r->out_h, r->align_corners, legacy, &y0,
                         &y1, &wy);
      for (int x = 0; x < r->out_w; x++) {
        int x0, x1;
        int32_t wx;
        bilinear_xnn_coord(x, r->in_w, r->out_w, r->align_corners, legacy, &x0,
                           &x1, &wx);
        const size_t i00 = img + (size_t)y0 * row + (size_t)x0 * C;
        const size_t i01 = img + (size_t)y0 * row + (size_t)x1 * C;
        const size_t i10 = img + (size_t)y1 * row + (size_t)x0 * C;
        const size_t i11 = img + (size_t)y1 * row + (size_t)x1 * C;
        for (size_t c = 0; c < C; c++, o++) {
          if (is_u8) {
            const uint8_t *s = (const uint8_t *)src;
            ((uint8_t *)dst)[o] = (uint8_t)bilinear_xnn_pixel(
                s[i00 + c], s[i01 + c], s[i10 + c], s[i11 + c], wx, wy);
          } else {
            const int8_t *s = (const int8_t *)src;
            ((int8_t *)dst)[o] = (int8_t)bilinear_xnn_pixel(
                s[i00 + c], s[i01 + c], s[i10 + c], s[i11 + c], wx, wy);
          }
        }
      }
    }
  }
}

static void bilinear_coord(int i, float scale, int half_pixel, int size,
                           float *pos, int *lo, int *hi);

/* UINT8: TensorFlow Lite's float reference on integer data (rounding offset
 * 0.5, then truncation), same order of operations as the float loop. */
static void bilinear_u8(const kern_resize2d *r, const uint8_t *src,
                        uint8_t *dst) {
  size_t C = (size_t)r->channels;
  size_t row = (size_t)r->in_w * C;
  for (int b = 0; b < r->batches; b++) {
    const uint8_t *img = src + (size_t)b * r->in_h * row;
    for (int y = 0; y < r->out_h; y++) {
      float fy;
      int y0, y1;
      bilinear_coord(y, r->scale_h, r->half_pixel_centers, r->in_h, &fy, &y0,
                     &y1);
      const float dy = fy - (float)y0;
      for (int x = 0; x < r->out_w; x++) {
        float fx;
        int x0, x1;
        bilinear_coord(x, r->scale_w, r->half_pixel_centers, r->in_w, &fx, &x0,
                       &x1);
        const float dx = fx - (float)x0;
        const uint8_t *p00 = img + (size_t)y0 * row + (size_t)x0 * C;
        const uint8_t *p01 = img + (size_t)y0 * row + (size_t)x1 * C;
        const uint8_t *p10 = img + (size_t)y1 * row + (size_t)x0 * C;
        const uint8_t *p11 = img + (size_t)y1 * row + (size_t)x1 * C;
        for (size_t c = 0; c < C; c++) {
          const float v = (float)p00[c] * (1.0f - dy) * (1.0f - dx) +
                          (float)p10[c] * dy * (1.0f - dx) +
                          (float)p01[c] * (1.0f - dy) * dx +
                          (float)p11[c] * dy * dx + 0.5f;
          *dst++ = (uint8_t)v;
        }
      }
    }
  }
}

/* 10-bit fixed-point scale of one axis. */
static int32_t scale_10(int in, int out, int align_corners) {
  if (align_corners && out > 1)
    return (int32_t)((1024 * (int64_t)(in - 1) + (out - 1) / 2) / (out - 1));
  return (int32_t)((1024 * (int64_t)in + out / 2) / out);
}

static void coord_10(int i, int32_t s10, int half_pixel, int size, int32_t *pos,
                     int *lo, int *hi) {
  const int32_t v = half_pixel ? i * s10 + s10 / 2 - (1 << 9) : i * s10;
  const int32_t l = v / 1024, h = (v + 1023) / 1024;
  *pos = v;
  *lo = l > 0 ? l : 0;
  *hi = h < size - 1 ? h : size - 1;
}

/* INT8 / INT16: TensorFlow Lite's ResizeBilinearInteger. */
static void bilinear_int(const kern_resize2d *r, const void *src, void *dst,
                         int is16) {
  const int32_t sh = scale_10(r->in_h, r->out_h, r->align_corners);
  const int32_t sw = scale_10(r->in_w, r->out_w, r->align_corners);
  const size_t C = (size_t)r->channels;
  const size_t row = (size_t)r->in_w * C;
  size_t o = 0;
  for (int b = 0; b < r->batches; b++) {
    const size_t img = (size_t)b * r->in_h * row;
    for (int y = 0; y < r->out_h; y++) {
      int32_t py;
      int y0, y1;
      coord_10(y, sh, r->half_pixel_centers, r->in_h, &py, &y0, &y1);
      const int64_t wy1 = py - 1024 * y0, wy0 = 1024 - wy1;
      for (int x = 0; x < r->out_w; x++) {
        int32_t px;
        int x0, x1;
        coord_10(x, sw, r->half_pixel_centers, r->in_w, &px, &x0, &x1);
        const int64_t wx1 = px - 1024 * x0, wx0 = 1024 - wx1;
        const size_t i00 = img + (size_t)y0 * row + (size_t)x0 * C;
        const size_t i01 = img + (size_t)y0 * row + (size_t)x1 * C;
        const size_t i10 = img + (size_t)y1 * row + (size_t)x0 * C;
        const size_t i11 = img + (size_t)y1 * row + (size_t)x1 * C;
        for (size_t c = 0; c < C; c++, o++) {
          int64_t v00, v01, v10, v11;
          if (is16) {
            const int16_t *s = (const int16_t *)src;
            v00 = s[i00 + c];
            v01 = s[i01 + c];
            v10 = s[i10 + c];
            v11 = s[i11 + c];
          } else {
            const int8_t *s = (const int8_t *)src;
            v00 = s[i00 + c];
            v01 = s[i01 + c];
            v10 = s[i10 + c];
            v11 = s[i11 + c];
          }
          const int64_t sum = v00 * wy0 * wx0 + v10 * wy1 * wx0 +
                              v01 * wy0 * wx1 + v11 * wy1 * wx1;
          const int64_t round = sum > 0 ? (1 << 19) : -(1 << 19);
          const int64_t q = (sum + round) / (1 << 20);
          if (is16)
            ((int16_t *)dst)[o] = (int16_t)q;
          else
            ((int8_t *)dst)[o] = (int8_t)q;
        }
      }
    }
  }
}

/* Source coordinate, lower and upper neighbours of output index i. */
static void bilinear_coord(int i, float scale, int half_pixel, int size,
                           float *pos, int *lo, int *hi) {
  float v = half_pixel ? ((float)i + 0.5f) * scale - 0.5f : (float)i * scale;
  int f = (int)floorf(v);
  int c = (int)ceilf(v);
  *pos = v;
  *lo = f < 0 ? 0 : f;
  *hi = c > size - 1 ? size - 1 : c;
}

static TfLiteStatus bilinear_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  kern_resize2d *r = (kern_resize2d *)node->user_data;
  if (r->dynamic) KERN_OK(kern_resize2d_output(ctx, node, r));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  if (kern_num_elements(out) == 0) return kTfLiteOk;
  if (r->xnn) {
    bilinear_xnn(r, in->data.raw_const, out->data.raw,
                 in->type == kTfLiteUInt8);
    return kTfLiteOk;
  }
  if (in->type == kTfLiteUInt8) {
    bilinear_u8(r, in->data.uint8, out->data.uint8);
    return kTfLiteOk;
  }
  if (in->type == kTfLiteInt8 || in->type == kTfLiteInt16) {
    bilinear_int(r, in->data.raw_const, out->data.raw,
                 in->type == kTfLiteInt16);
    return kTfLiteOk;
  }
  const float *src = in->data.f;
  float *dst = out->data.f;
  size_t C = (size_t)r->channels;
  size_t row = (size_t)r->in_w * C;
  for (int b = 0; b < r->batches; b++) {
    const float *img = src + (size_t)b * r->in_h * row;
    for (int y = 0; y < r->out_h; y++) {
      float fy;
      int y0, y1;
      bilinear_coord(y, r->scale_h, r->half_pixel_centers, r->in_h, &fy, &y0,
                     &y1);
      float dy = fy - (float)y0;
      for (int x = 0; x < r->out_w; x++) {
        float fx;
        int x0, x1;
        bilinear_coord(x, r->scale_w, r->half_pixel_centers, r->in_w, &fx, &x0,
                       &x1);
        float dx = fx - (float)x0;
        const float *p00 = img + (size_t)y0 * row + (size_t)x0 * C;
        const float *p01 = img + (size_t)y0 * row + (size_t)x1 * C;
        const float *p10 = img + (size_t)y1 * row + (size_t)x0 * C;
        const float *p11 = img + (size_t)y1 * row + (size_t)x1 * C;
        for (size_t c = 0; c < C; c++) {
          *dst++ = p00[c] * (1.0f - dy) * (1.0f - dx) +
                   p10[c] * dy * (1.0f - dx) + p01[c] * (1.0f - dy) * dx +
                   p11[c] * dy * dx;
        }
      }
    }
  }
  return kTfLiteOk;
}

const TfLiteRegistration kern_resize_bilinear = {
    .init = kern_resize2d_init,
    .prepare = bilinear_prepare,
    .invoke = bilinear_invoke,
    .builtin_code = TFLC_OP_RESIZE_BILINEAR,
    .version = 1,
};
