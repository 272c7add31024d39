/* tflite-micro/person_detect (MobileNet v1 0.25, int8) computed twice: by
 * tflc (which runs it, with a warning, where TensorFlow Lite refuses its
 * rank-1 biases' quantized_dimension) and by a plain reference written here
 * that reads the model's weights, biases, shapes, options and quantization
 * through the schema decoder (src/schema/schema.h) and runs naive integer
 * loops (CONV_2D, DEPTHWISE_CONV_2D, AVERAGE_POOL_2D, RESHAPE, SOFTMAX),
 * independent of tflc's kernels. Inputs: zeros, a ramp, random values.
 * The logits (tensor before SOFTMAX) must match exactly; the SOFTMAX output
 * within 1 LSB, because the reference softmax here is computed in double
 * (exp, sum, divide, round) while TensorFlow Lite's int8 softmax uses
 * gemmlowp fixed point (exp on Q5.26 differences, a Newton-Raphson
 * reciprocal) that can land one step away. Skips with a message when the
 * shared models folder is absent. Usage: test_person_detect [models_dir]. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/allocator.h"
#include "schema/options.h"
#include "schema/schema.h"
#include "support/check.h"
#include "tflc/c_api.h"

/* ---- fixed-point helpers (TensorFlow Lite's reference arithmetic) ------- */

static void p_mult(double real, int32_t *m, int *s) {
  *m = 0;
  *s = 0;
  if (real == 0.0) return;
  int e = 0;
  long long q = llround(frexp(real, &e) * 2147483648.0);
  if (q == 2147483648LL) {
    q /= 2;
    e++;
  }
  if (e < -31) {
    q = 0;
    e = 0;
  }
  *m = (int32_t)q;
  *s = e;
}

/* x * m * 2^(s - 31): left shift, high multiply rounding half up,
 * rounding right shift (ties away from zero). */
static int32_t p_mulq(int32_t x, int32_t m, int s) {
  const int32_t a = s > 0 ? (int32_t)((uint32_t)x << s) : x;
  int32_t h;
  if (a == INT32_MIN && m == INT32_MIN) {
    h = INT32_MAX;
  } else {
    const int64_t p = (int64_t)a * m;
    h = (int32_t)((p + (p >= 0 ? (1LL << 30) : 1 - (1LL << 30))) / (1LL << 31));
  }
  const int r = s > 0 ? 0 : -s;
  if (r == 0) return h;
  const int64_t d = 1LL << r;
  return (int32_t)(h >= 0 ? ((int64_t)h + d / 2) / d
                          : -((-(int64_t)h + d / 2) / d));
}

/* ---- the reference interpreter ------------------------------------------ */

typedef struct ref_model {
  const tflc_model_def *def;
  const tflc_subgraph_def *sg;
  int8_t **vals; /* per tensor: int8 values (activations and weights) */
} ref_model;

static const tflc_tensor_def *T(const ref_model *m, int i) {
  return &m->sg->tensors[i];
}

static size_t count(const tflc_tensor_def *t) {
  size_t n = 1;
  for (int i = 0; i < t->rank; i++) n *= (size_t)t->shape[i];
  return n;
}

static const void *buf(const ref_model *m, int i) {
  return m->def->buffers[T(m, i)->buffer].data;
}

static float scale0(const tflc_tensor_def *t) { return t->quant->scale[0]; }
static int32_t zp0(const tflc_tensor_def *t) {
  return (int32_t)t->quant->zero_point[0];
}

/* Activation clamp (NONE, RELU, RELU6) on the output's parameters. */
static void act_range(int act, const tflc_tensor_def *o, int32_t *lo,
                      int32_t *hi) {
  *lo = -128;
  *hi = 127;
  const float s = scale0(o);
  const int32_t z = zp0(o);
  if (act == TFLC_ACT_RELU || act == TFLC_ACT_RELU6) {
    const int32_t q = z + (int32_t)roundf(0.0f / s);
    if (q > *lo) *lo = q;
  }
  if (act == TFLC_ACT_RELU6) {
    const int32_t q = z + (int32_t)roundf(6.0f / s);
    if (q < *hi) *hi = q;
  }
}

/* Output size and leading padding of one axis (SAME = 0, VALID = 1). */
static int pad_before(int padding, int in, int k, int stride, int dil,
                      int out) {
  if (padding != 0) return 0;
  const int eff = (k - 1) * dil + 1;
  int total = (out - 1) * stride + eff - in;
  return total > 0 ? total / 2 : 0;
}

/* CONV_2D (depthwise = 0) or DEPTHWISE_CONV_2D, NHWC, batch 1. */
static void ref_conv(ref_model *m, const tflc_operator_def *op, int depthwise) {
  const int xi = op->inputs[0], wi = op->inputs[1], bi = op->inputs[2];
  const int oi = op->outputs[0];
  const tflc_tensor_def *x = T(m, xi), *w = T(m, wi), *o = T(m, oi);
  const tflc_options_ref *opt = &op->options;
  const int padding = opt_i8(opt, 0, 0);
  const int sw = opt_i32(opt, 1, 1), sh = opt_i32(opt, 2, 1);
  const int act = opt_i8(opt, depthwise ? 4 : 3, 0);
  const int dw = opt_i32(opt, depthwise ? 5 : 4, 1);
  const int dh = opt_i32(opt, depthwise ? 6 : 5, 1);
  const int ih = x->shape[1], iw = x->shape[2], ic = x->shape[3];
  const int oh = o->shape[1], ow = o->shape[2], oc = o->shape[3];
  const int kh = w->shape[1], kw = w->shape[2];
  const int pt = pad_before(padding, ih, kh, sh, dh, oh);
  const int pl = pad_before(padding, iw, kw, sw, dw, ow);
  const int8_t *in = m->vals[xi];
  const int8_t *wt = (const int8_t *)buf(m, wi);
  const int32_t *bias = bi >= 0 ? (const int32_t *)buf(m, bi) : NULL;
  const int32_t zx = zp0(x), zo = zp0(o);
  int32_t lo, hi;
  act_range(act, o, &lo, &hi);
  int8_t *out = m->vals[oi];
  const int mult = depthwise ? oc / ic : 1;
  for (int c = 0; c < oc; c++) {
    const float sw_c =
        w->quant->n_scale > 1 ? w->quant->scale[c] : w->quant->scale[0];
    int32_t mq;
    int sq;
    p_mult((double)scale0(x) * (double)sw_c / (double)scale0(o), &mq, &sq);
    for (int y = 0; y < oh; y++)
      for (int xo = 0; xo < ow; xo++) {
        int32_t acc = 0;
        for (int ky = 0; ky < kh; ky++)
          for (int kx = 0; kx < kw; kx++) {
            const int yy = y * sh - pt + ky * dh, xx = xo * sw - pl + kx * dw;
            if (yy < 0 || yy >= ih || xx < 0 || xx >= iw) continue;
            if (depthwise) {
              const int ci = c / mult;
              acc += (in[(yy * iw + xx) * ic + ci] - zx) *
                     wt[(ky * kw + kx) * oc + c];
            } else {
              for (int ci = 0; ci < ic; ci++)
                acc += (in[(yy * iw + xx) * ic + ci] - zx) *
                       wt[((c * kh + ky) * kw + kx) * ic + ci];
            }
          }
        if (bias) acc += bias[c];
        int32_t v = p_mulq(acc, mq, sq) + zo;
        v = v < lo ? lo : (v > hi ? hi : v);
        out[(y * ow + xo) * oc + c] = (int8_t)v;
      }
  }
}

static void ref_avgpool(ref_model *m, const tflc_operator_def *op) {
  const tflc_tensor_def *x = T(m, op->inputs[0]), *o = T(m, op->outputs[0]);
  const tflc_options_ref *opt = &op->options;
  const int padding = opt_i8(opt, 0, 0);
  const int sw = opt_i32(opt, 1, 1), sh = opt_i32(opt, 2, 1);
  const int fw = opt_i32(opt, 3, 1), fh = opt_i32(opt, 4, 1);
  const int act = opt_i8(opt, 5, 0);
  const int ih = x->shape[1], iw = x->shape[2], c = x->shape[3];
  const int oh = o->shape[1], ow = o->shape[2];
  const int pt = pad_before(padding, ih, fh, sh, 1, oh);
  const int pl = pad_before(padding, iw, fw, sw, 1, ow);
  int32_t lo, hi;
  act_range(act, o, &lo, &hi);
  const int8_t *in = m->vals[op->inputs[0]];
  int8_t *out = m->vals[op->outputs[0]];
  for (int y = 0; y < oh; y++)
    for (int xo = 0; xo < ow; xo++)
      for (int k = 0; k < c; k++) {
        int32_t sum = 0, n = 0;
        for (int ky = 0; ky < fh; ky++)
          for (int kx = 0; kx < fw; kx++) {
            const int yy = y * sh - pt + ky, xx = xo * sw - pl + kx;
            if (yy < 0 || yy >= ih || xx < 0 || xx >= iw) continue;
            sum += in[(yy * iw + xx) * c + k];
            n++;
          }
        int32_t v = sum > 0 ? (sum + n / 2) / n : (sum - n / 2) / n;
        v = v < lo ? lo : (v > hi ? hi : v);
        out[(y * ow + xo) * c + k] = (int8_t)v;
      }
}

/* Softmax in double (see the file comment), rounded to the output. */
static void ref_softmax(ref_model *m, const tflc_operator_def *op) {
  const tflc_tensor_def *x = T(m, op->inputs[0]), *o = T(m, op->outputs[0]);
  const float beta = opt_f32(&op->options, 0, 1.0f);
  const int depth = x->shape[x->rank - 1];
  const size_t rows = count(x) / (size_t)depth;
  const int8_t *in = m->vals[op->inputs[0]];
  int8_t *out = m->vals[op->outputs[0]];
  for (size_t r = 0; r < rows; r++) {
    int mx = -128;
    for (int i = 0; i < depth; i++)
      mx = in[r * depth + i] > mx ? in[r * depth + i] : mx;
    double sum = 0;
    for (int i = 0; i < depth; i++)
      sum += exp((double)beta * scale0(x) * (in[r * depth + i] - mx));
    for (int i = 0; i < depth; i++) {
      const double p =
          exp((double)beta * scale0(x) * (in[r * depth + i] - mx)) / sum;
      long v = lround(p / scale0(o)) + zp0(o);
      out[r * depth + i] = (int8_t)(v < -128 ? -128 : (v > 127 ? 127 : v));
    }
  }
}

static int ref_run(ref_model *m) {
  for (int k = 0; k < m->sg->n_operators; k++) {
    const tflc_operator_def *op = &m->sg->operators[k];
    const int code = m->def->opcodes[op->opcode_index].effective_code;
    switch (code) {
      case TFLC_OP_CONV_2D: ref_conv(m, op, 0); break;
      case TFLC_OP_DEPTHWISE_CONV_2D: ref_conv(m, op, 1); break;
      case TFLC_OP_AVERAGE_POOL_2D: ref_avgpool(m, op); break;
      case TFLC_OP_RESHAPE:
        memcpy(m->vals[op->outputs[0]], m->vals[op->inputs[0]],
               count(T(m, op->inputs[0])));
        break;
      case TFLC_OP_SOFTMAX: ref_softmax(m, op); break;
      default:
        CHECK_MSG(0, "operator %d: unexpected builtin %d", k, code);
        return -1;
    }
  }
  return 0;
}

/* ---- driver ------------------------------------------------------------- */

static void run_case(ref_model *m, TfLiteInterpreter *it, const int8_t *input,
                     const char *label) {
  const int in_idx = m->sg->inputs[0], out_idx = m->sg->outputs[0];
  const int sm = m->sg->operators[m->sg->n_operators - 1].inputs[0];
  const size_t n_in = count(T(m, in_idx));
  memcpy(m->vals[in_idx], input, n_in);
  if (ref_run(m) != 0) return;
  TfLiteTensor *tin = TfLiteInterpreterGetInputTensor(it, 0);
  CHECK(TfLiteTensorCopyFromBuffer(tin, input, n_in) == kTfLiteOk);
  CHECK_MSG(TfLiteInterpreterInvoke(it) == kTfLiteOk, "%s: invoke failed",
            label);
  /* The logits: the last op's input, not overwritten after SOFTMAX ran. */
  const TfLiteTensor *tl = TfLiteInterpreterGetTensor(it, sm);
  const int8_t *gl = (const int8_t *)TfLiteTensorData(tl);
  const size_t nl = count(T(m, sm));
  for (size_t i = 0; i < nl; i++)
    CHECK_MSG(gl[i] == m->vals[sm][i], "%s: logit %zu = %d, reference %d",
              label, i, gl[i], m->vals[sm][i]);
  const TfLiteTensor *to = TfLiteInterpreterGetOutputTensor(it, 0);
  const int8_t *go = (const int8_t *)TfLiteTensorData(to);
  const size_t no = count(T(m, out_idx));
  for (size_t i = 0; i < no; i++)
    CHECK_MSG(abs(go[i] - m->vals[out_idx][i]) <= 1,
              "%s: output %zu = %d, reference %d", label, i, go[i],
              m->vals[out_idx][i]);
  printf("%s: logits", label);
  for (size_t i = 0; i < nl; i++) printf(" %d", m->vals[sm][i]);
  printf(", scores tflc");
  for (size_t i = 0; i < no; i++) printf(" %d", go[i]);
  printf(" reference");
  for (size_t i = 0; i < no; i++) printf(" %d", m->vals[out_idx][i]);
  printf("\n");
}

static uint8_t *read_file_bytes(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *b = n > 0 ? malloc((size_t)n) : NULL;
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
    free(b);
    b = NULL;
  }
  fclose(f);
  *size = (size_t)n;
  return b;
}

int main(int argc, char **argv) {
  const char *models = argc > 1 ? argv[1] : getenv("TFLC_MODELS_DIR");
  if (!models) models = "../shared/models";
  char path[1024];
  snprintf(path, sizeof path, "%s/tflite-micro/person_detect.tflite", models);
  size_t size = 0;
  uint8_t *bytes = read_file_bytes(path, &size);
  if (!bytes) {
    printf("SKIP: %s not found (the shared models are absent)\n", path);
    return CHECK_DONE();
  }
  tflc_model_def def;
  char err[512];
  const tflc_allocator *al = tflc_default_allocator();
  if (schema_decode(bytes, size, al, &def, err, sizeof err) != 0) {
    CHECK_MSG(0, "decode failed: %s", err);
    free(bytes);
    return CHECK_DONE();
  }
  ref_model m = {&def, &def.subgraphs[0], NULL};
  m.vals = calloc((size_t)m.sg->n_tensors, sizeof *m.vals);
  for (int i = 0; i < m.sg->n_tensors; i++)
    m.vals[i] = calloc(count(T(&m, i)) + 1, 1);

  TfLiteModel *model = TfLiteModelCreate(bytes, size);
  TfLiteInterpreter *it = model ? TfLiteInterpreterCreate(model, NULL) : NULL;
  CHECK_MSG(it != NULL, "interpreter creation failed");
  if (it) {
    CHECK_MSG(TfLiteInterpreterAllocateTensors(it) == kTfLiteOk,
              "AllocateTensors failed");
    const size_t n = count(T(&m, m.sg->inputs[0]));
    int8_t *input = malloc(n);
    memset(input, 0, n);
    run_case(&m, it, input, "zeros");
    for (size_t i = 0; i < n; i++) input[i] = (int8_t)((int)(i % 256) - 128);
    run_case(&m, it, input, "ramp");
    uint32_t s = 12345u;
    for (int k = 0; k < 3; k++) {
      for (size_t i = 0; i < n; i++) {
        s = s * 1103515245u + 12345u;
        input[i] = (int8_t)(s >> 24);
      }
      char label[32];
      snprintf(label, sizeof label, "random %d", k);
      run_case(&m, it, input, label);
    }
    free(input);
  }
  TfLiteInterpreterDelete(it);
  TfLiteModelDelete(model);
  for (int i = 0; i < m.sg->n_tensors; i++) free(m.vals[i]);
  free(m.vals);
  schema_def_free(&def, al);
  free(bytes);
  return CHECK_DONE();
}
