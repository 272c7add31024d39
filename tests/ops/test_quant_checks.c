/* Prepare-time quantization checks of the convolution-like ops: the bias
 * scale must equal input_scale * filter_scale within TensorFlow Lite's
 * tolerance (|s_in * s_w - s_b| / s_out <= 0.02, its
 * GetQuantizedConvolutionMultipler check). One-op models built with the
 * project's writer: a wrong bias scale is refused at AllocateTensors with a
 * message naming the bias tensor and the node; a right one runs and gives
 * the integer formula's result. Cases: per-tensor FULLY_CONNECTED (INT8,
 * INT16 with an INT64 bias), UINT8 CONV_2D, DEPTHWISE_CONV_2D and
 * TRANSPOSE_CONV, per-channel INT8 CONV_2D (checked per channel by tflc),
 * and an unquantized bias (legacy scale 0: refused where TensorFlow Lite
 * refuses it, accepted on per-channel paths it does not check). Also a
 * hybrid FULLY_CONNECTED whose INT8 weights are quantized blockwise (FLOAT16
 * scales tensor, block size 32), written with schema_write from a def
 * filled by hand: refused at AllocateTensors, naming the tensor. */
#include "ops/one_op.h"
#include "schema/schema.h"

static const int kIn[] = {1, 4}, kW[] = {3, 4}, kB[] = {3}, kOut[] = {1, 3};

/* FULLY_CONNECTED, per-tensor weights; bias_scale < 0: unquantized bias. */
static int run_fc(int8_t tt, float bias_scale, char *err, size_t err_size,
                  int32_t *out_vals) {
  const float s_in = 0.5f, s_w = 0.25f, s_out = 1.0f;
  const int64_t z0 = 0, z_in = tt == TFLC_TT_INT16 ? 0 : 3;
  static const int8_t w[12] = {1, -2, 3, 4, -5, 6, 7, 8, 9, -10, 11, 12};
  static const int8_t x8[4] = {10, -20, 30, 40};
  static const int16_t x16[4] = {10, -20, 30, 40};
  static const int32_t b32[3] = {5, -7, 100};
  static const int64_t b64[3] = {5, -7, 100};
  const int8_t btt = tt == TFLC_TT_INT16 ? TFLC_TT_INT64 : TFLC_TT_INT32;
  oo_tensor ins[3] = {
      {tt, kIn, 2, tt == TFLC_TT_INT16 ? (const void *)x16 : (const void *)x8,
       0, 1, &s_in, &z_in, 0},
      {TFLC_TT_INT8, kW, 2, w, 1, 1, &s_w, &z0, 0},
      {btt, kB, 1, btt == TFLC_TT_INT64 ? (const void *)b64 : (const void *)b32,
       1, bias_scale < 0 ? 0 : 1, &bias_scale, &z0, 0}};
  oo_op op = {TFLC_OP_FULLY_CONNECTED,
              0,
              NULL,
              0,
              ins,
              3,
              {tt, kOut, 2, NULL, 0, 1, &s_out, &z0, 0}};
  oo_run r;
  int rc = oo_build(&op, &r);
  snprintf(err, err_size, "%s", r.err);
  if (rc == 0 && oo_invoke(&op, &r) == kTfLiteOk) {
    const TfLiteTensor *t = oo_out(&r, 0);
    for (int i = 0; i < 3; i++)
      out_vals[i] =
          (int32_t)(tt == TFLC_TT_INT16 ? t->data.i16[i] : t->data.int8[i]);
  } else if (rc == 0) {
    rc = -1;
  }
  oo_free(&r);
  return rc;
}

static void test_fc(void) {
  char err[4096];
  for (int k = 0; k < 2; k++) {
    const int8_t tt = k ? TFLC_TT_INT16 : TFLC_TT_INT8;
    const int32_t zx = k ? 0 : 3;
    static const int8_t w[12] = {1, -2, 3, 4, -5, 6, 7, 8, 9, -10, 11, 12};
    static const int32_t x[4] = {10, -20, 30, 40}, b[3] = {5, -7, 100};
    /* Expected: acc = b + sum w * (x - zx), real multiplier 0.125 (float
     * product, as GetQuantizedConvolutionMultipler). */
    int32_t m, want[3], got[3] = {0, 0, 0};
    int sh;
    qr_multiplier((double)(0.5f * 0.25f) / 1.0, &m, &sh);
    for (int u = 0; u < 3; u++) {
      int64_t acc = b[u];
      for (int i = 0; i < 4; i++) acc += w[u * 4 + i] * (x[i] - zx);
      int32_t lo, hi;
      qr_type_range(k ? kTfLiteInt16 : kTfLiteInt8, &lo, &hi);
      want[u] = qr_clamp(k ? qr_mul64(acc, m, sh) : qr_mul((int32_t)acc, m, sh),
                         lo, hi);
    }
    /* Exact scale, and one off by 1% of the output scale: both run. */
    CHECK_MSG(run_fc(tt, 0.125f, err, sizeof err, got) == 0,
              "FC %s exact bias scale refused: %s", k ? "INT16" : "INT8", err);
    for (int u = 0; u < 3; u++) CHECK_EQ_INT(got[u], want[u]);
    CHECK_MSG(run_fc(tt, 0.135f, err, sizeof err, got) == 0,
              "FC bias scale within 0.02 refused: %s", err);
    /* 0.15: |0.125 - 0.15| / 1 = 0.025 > 0.02. */
    CHECK(run_fc(tt, 0.15f, err, sizeof err, got) != 0);
    CHECK_MSG(strstr(err, "bias 'in2'") && strstr(err, "FULLY_CONNECTED"),
              "message should name the bias and the node: %s", err);
    /* Unquantized bias: legacy scale 0, 0.125 / 1 > 0.02: refused as
     * TensorFlow Lite does. */
    CHECK(run_fc(tt, -1.0f, err, sizeof err, got) != 0);
  }
}

/* A 1x1 UINT8 CONV_2D / DEPTHWISE_CONV_2D / TRANSPOSE_CONV of one channel
 * with per-tensor weights and the given bias scale. */
static int run_u8(int op_kind, float bias_scale, char *err, size_t err_size) {
  static const int sh4[] = {1, 2, 2, 1}, wsh[] = {1, 1, 1, 1}, bsh[] = {1};
  static const int32_t os[4] = {1, 2, 2, 1};
  static const int osh[] = {4};
  const float s_in = 0.5f, s_w = 0.25f, s_out = 1.0f;
  const int64_t z_in = 128, z_w = 128, z_out = 128, z0 = 0;
  static const uint8_t x[4] = {100, 130, 160, 200}, w[1] = {140};
  static const int32_t b[1] = {12};
  tflc_opt_field fl[4] = {tm_opt_int(0, TFLC_OPT_I8, TFLC_PADDING_VALID),
                          tm_opt_int(1, TFLC_OPT_I32, 1),
                          tm_opt_int(2, TFLC_OPT_I32, 1),
                          tm_opt_int(3, TFLC_OPT_I32, 1)};
  oo_tensor conv_ins[3] = {
      {TFLC_TT_UINT8, sh4, 4, x, 0, 1, &s_in, &z_in, 0},
      {TFLC_TT_UINT8, wsh, 4, w, 1, 1, &s_w, &z_w, 0},
      {TFLC_TT_INT32, bsh, 1, b, 1, 1, &bias_scale, &z0, 0}};
  oo_tensor tc_ins[4] = {{TFLC_TT_INT32, osh, 1, os, 1, 0, NULL, NULL, 0},
                         conv_ins[1],
                         conv_ins[0],
                         conv_ins[2]};
  oo_op op = {TFLC_OP_CONV_2D,
              TFLC_BO_CONV_2D,
              fl,
              3,
              conv_ins,
              3,
              {TFLC_TT_UINT8, sh4, 4, NULL, 0, 1, &s_out, &z_out, 0}};
  if (op_kind == 1) {
    op.op = TFLC_OP_DEPTHWISE_CONV_2D;
    op.bo = TFLC_BO_DEPTHWISE_CONV_2D;
    fl[3] = tm_opt_int(3, TFLC_OPT_I32, 1); /* depth_multiplier */
    op.n_fields = 4;
  } else if (op_kind == 2) {
    op.op = TFLC_OP_TRANSPOSE_CONV;
    op.bo = TFLC_BO_TRANSPOSE_CONV;
    op.inputs = tc_ins;
    op.n_inputs = 4;
  }
  oo_run r;
  int rc = oo_build(&op, &r);
  snprintf(err, err_size, "%s", r.err);
  if (rc == 0 && oo_invoke(&op, &r) != kTfLiteOk) rc = -1;
  oo_free(&r);
  return rc;
}

static void test_uint8_convs(void) {
  static const char *names[3] = {"CONV_2D", "DEPTHWISE_CONV_2D",
                                 "TRANSPOSE_CONV"};
  char err[4096];
  for (int k = 0; k < 3; k++) {
    CHECK_MSG(run_u8(k, 0.125f, err, sizeof err) == 0, "%s u8 exact: %s",
              names[k], err);
    CHECK_MSG(run_u8(k, 0.3f, err, sizeof err) != 0,
              "%s u8 with bias scale 0.3 should be refused", names[k]);
    CHECK_MSG(strstr(err, "bias '") && strstr(err, names[k]),
              "%s: message should name the bias and the node: %s", names[k],
              err);
  }
}

/* INT8 CONV_2D 1x1, two output channels with per-channel weights; bias
 * scales b_s (NULL: unquantized bias). */
static int run_pc(const float *b_s, char *err, size_t err_size,
                  int8_t *out_vals) {
  static const int sh[] = {1, 1, 2, 2}, wsh[] = {2, 1, 1, 2}, bsh[] = {2};
  const float s_in = 0.5f, s_w[2] = {0.25f, 0.125f}, s_out = 1.0f;
  const int64_t z_in = -1, z0[2] = {0, 0}, z_out = 2;
  static const int8_t x[4] = {10, -20, 30, 41}, w[4] = {3, -4, 5, 6};
  static const int32_t b[2] = {7, -9};
  tflc_opt_field fl[3] = {tm_opt_int(0, TFLC_OPT_I8, TFLC_PADDING_VALID),
                          tm_opt_int(1, TFLC_OPT_I32, 1),
                          tm_opt_int(2, TFLC_OPT_I32, 1)};
  oo_tensor ins[3] = {{TFLC_TT_INT8, sh, 4, x, 0, 1, &s_in, &z_in, 0},
                      {TFLC_TT_INT8, wsh, 4, w, 1, 2, s_w, z0, 0},
                      {TFLC_TT_INT32, bsh, 1, b, 1, b_s ? 2 : 0, b_s, z0, 0}};
  oo_op op = {TFLC_OP_CONV_2D,
              TFLC_BO_CONV_2D,
              fl,
              3,
              ins,
              3,
              {TFLC_TT_INT8, sh, 4, NULL, 0, 1, &s_out, &z_out, 0}};
  oo_run r;
  int rc = oo_build(&op, &r);
  snprintf(err, err_size, "%s", r.err);
  if (rc == 0 && oo_invoke(&op, &r) == kTfLiteOk) {
    memcpy(out_vals, oo_out(&r, 0)->data.int8, 4);
  } else if (rc == 0) {
    rc = -1;
  }
  oo_free(&r);
  return rc;
}

static void test_per_channel(void) {
  char err[4096];
  int8_t got[4] = {0, 0, 0, 0};
  static const int8_t x[4] = {10, -20, 30, 41}, w[4] = {3, -4, 5, 6};
  static const int32_t b[2] = {7, -9};
  const float s_w[2] = {0.25f, 0.125f};
  const float good[2] = {0.125f, 0.0625f}, bad[2] = {0.125f, 0.09f};
  CHECK_MSG(run_pc(good, err, sizeof err, got) == 0, "per-channel exact: %s",
            err);
  for (int p = 0; p < 2; p++)
    for (int c = 0; c < 2; c++) {
      int32_t acc = b[c], m, lo, hi;
      int sh;
      for (int i = 0; i < 2; i++) acc += w[c * 2 + i] * (x[p * 2 + i] + 1);
      qr_multiplier((double)0.5f * (double)s_w[c] / 1.0, &m, &sh);
      qr_type_range(kTfLiteInt8, &lo, &hi);
      CHECK_EQ_INT(got[p * 2 + c], qr_clamp(qr_mul(acc, m, sh) + 2, lo, hi));
    }
  /* Channel 1: |0.0625 - 0.09| / 1 = 0.0275 > 0.02. */
  CHECK(run_pc(bad, err, sizeof err, got) != 0);
  CHECK_MSG(strstr(err, "bias 'in2'") && strstr(err, "channel 1") &&
                strstr(err, "CONV_2D"),
            "per-channel message: %s", err);
  /* No bias quantization: TensorFlow Lite does not check per-channel
   * biases, neither do we. */
  CHECK_MSG(run_pc(NULL, err, sizeof err, got) == 0,
            "per-channel with an unquantized bias refused: %s", err);
}

/* FULLY_CONNECTED: input FLOAT32 [1, 32], weights INT8 [2, 32] with
 * BlockwiseQuantization details (scales: FLOAT16 [2, 1] tensor 3, block
 * size 32), output FLOAT32 [1, 2]. */
static void test_blockwise_fc(void) {
  static int8_t w[64];
  static const uint16_t scales_f16[2] = {0x2e66, 0x2c00}; /* ~0.1, 0.0625 */
  int32_t s_in[2] = {1, 32}, s_w[2] = {2, 32}, s_out[2] = {1, 2},
          s_sc[2] = {2, 1};
  tflc_buffer_def bufs[3] = {
      {NULL, 0, false},
      {(const uint8_t *)w, sizeof w, false},
      {(const uint8_t *)scales_f16, sizeof scales_f16, false}};
  tflc_quant_def bq;
  memset(&bq, 0, sizeof bq);
  bq.details_type = 2;
  bq.details_scales = 3;
  bq.details_zero_points = -1;
  bq.details_block_size = 32;
  tflc_tensor_def t[4];
  memset(t, 0, sizeof t);
  t[0] = (tflc_tensor_def){
      .name = "x", .type = TFLC_TT_FLOAT32, .shape = s_in, .rank = 2};
  t[1] = (tflc_tensor_def){.name = "w_blockwise",
                           .type = TFLC_TT_INT8,
                           .shape = s_w,
                           .rank = 2,
                           .buffer = 1,
                           .quant = &bq};
  t[2] = (tflc_tensor_def){
      .name = "y", .type = TFLC_TT_FLOAT32, .shape = s_out, .rank = 2};
  t[3] = (tflc_tensor_def){.name = "w_scales",
                           .type = TFLC_TT_FLOAT16,
                           .shape = s_sc,
                           .rank = 2,
                           .buffer = 2};
  int32_t op_in[3] = {0, 1, -1}, op_out[1] = {2}, g_in[1] = {0}, g_out[1] = {2};
  tflc_operator_def op;
  memset(&op, 0, sizeof op);
  op.inputs = op_in;
  op.n_inputs = 3;
  op.outputs = op_out;
  op.n_outputs = 1;
  tflc_opcode_def oc;
  memset(&oc, 0, sizeof oc);
  oc.builtin_code = TFLC_OP_FULLY_CONNECTED;
  oc.deprecated_builtin_code = TFLC_OP_FULLY_CONNECTED;
  oc.effective_code = TFLC_OP_FULLY_CONNECTED;
  oc.version = 1;
  tflc_subgraph_def sg;
  memset(&sg, 0, sizeof sg);
  sg.tensors = t;
  sg.n_tensors = 4;
  sg.inputs = g_in;
  sg.n_inputs = 1;
  sg.outputs = g_out;
  sg.n_outputs = 1;
  sg.operators = &op;
  sg.n_operators = 1;
  sg.name = "";
  tflc_model_def def;
  memset(&def, 0, sizeof def);
  def.version = 3;
  def.opcodes = &oc;
  def.n_opcodes = 1;
  def.subgraphs = &sg;
  def.n_subgraphs = 1;
  def.buffers = bufs;
  def.n_buffers = 3;
  def.description = "blockwise FC";
  uint8_t *bytes = NULL;
  size_t size = 0;
  char err[512];
  CHECK_MSG(schema_write(&def, NULL, &bytes, &size, err, sizeof err) == 0,
            "schema_write: %s", err);
  if (!bytes) return;
  oo_run r;
  const int rc = oo_open(bytes, size, NULL, &r);
  CHECK_MSG(rc != 0, "a blockwise-quantized FULLY_CONNECTED should be refused");
  CHECK_CONTAINS(r.err, "'w_blockwise') is quantized blockwise");
  CHECK_CONTAINS(r.err, "(FULLY_CONNECTED)");
  oo_free(&r);
}

int main(void) {
  test_blockwise_fc();
  test_fc();
  test_uint8_convs();
  test_per_channel();
  return CHECK_DONE();
}
