/* REAL / IMAG / COMPLEX_ABS core (see complex_part.h). A complex element is
 * two consecutive floats (or doubles): real part, then imaginary part. The
 * magnitude is hypot(re, im), which does not overflow for large parts. */
#include "kernels/internal/complex_part.h"

#include <math.h>

TfLiteStatus kern_complex_part_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  KERN_OK(kern_check_single_io(ctx, node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx,
              in->type == kTfLiteComplex64 || in->type == kTfLiteComplex128,
              "input type %s is not supported (COMPLEX64, COMPLEX128)",
              kern_type_name(in->type));
  const TfLiteType want =
      in->type == kTfLiteComplex64 ? kTfLiteFloat32 : kTfLiteFloat64;
  KERN_ENSURE(ctx, out->type == want,
              "output type %s does not match input type %s (expected %s)",
              kern_type_name(out->type), kern_type_name(in->type),
              kern_type_name(want));
  return kern_resize_like(ctx, out, in);
}

TfLiteStatus kern_complex_part_invoke(TfLiteContext *ctx, TfLiteNode *node,
                                      kern_complex_part part) {
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  const size_t n = kern_num_elements(in);
  if (in->type == kTfLiteComplex64) {
    const float *x = in->data.f;
    float *y = out->data.f;
    for (size_t i = 0; i < n; i++) {
      const float re = x[2 * i], im = x[2 * i + 1];
      y[i] = part == KERN_COMPLEX_REAL   ? re
             : part == KERN_COMPLEX_IMAG ? im
                                         : hypotf(re, im);
    }
    return kTfLiteOk;
  }
  KERN_ENSURE(ctx, in->type == kTfLiteComplex128,
              "input type %s is not supported", kern_type_name(in->type));
  const double *x = in->data.f64;
  double *y = out->data.f64;
  for (size_t i = 0; i < n; i++) {
    const double re = x[2 * i], im = x[2 * i + 1];
    y[i] = part == KERN_COMPLEX_REAL   ? re
           : part == KERN_COMPLEX_IMAG ? im
                                       : hypot(re, im);
  }
  return kTfLiteOk;
}
