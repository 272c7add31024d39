/* One test per class of TensorFlow Lite security advisory about model
 * loading and kernels (docs/SECURITY.md lists the classes, the advisory ids
 * and the test of each). Every malicious model is built with the project's
 * writer (tests/support/test_model.h) and must be refused at load or at
 * AllocateTensors, or fail Invoke, with a message containing a keyword --
 * never crash, never read or write out of bounds (the ASan build runs this).
 * Models that are valid despite looking like an advisory's (zero-size
 * tensors, say) must run and give the right, possibly empty, output.
 * Operators tflc does not implement yet are skipped with a printed note. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "support/hardening.h"
#include "tflc/tflc.h"

/* ---- shapes: negative / huge dimensions, overflowing products ---- */

static void test_bad_shapes(void) {
  size_t size;
  static const int neg[2] = {-2, 3}, s23[2] = {2, 3};
  oo_tensor in_neg = {TFLC_TT_FLOAT32, neg, 2, NULL, 0, 0, NULL, NULL, 0};
  oo_op relu = {TFLC_OP_RELU,
                0,
                NULL,
                0,
                &in_neg,
                1,
                {TFLC_TT_FLOAT32, s23, 2, NULL, 0, 0, NULL, NULL, 0}};
  uint8_t *b = hz_one_op_bytes(&relu, &size);
  hz_expect_refused("negative dimension", b, size, NULL, 0, "negative", 0);

  /* 65536^3 float elements: the byte size overflows 32 bits many times. */
  static const int huge[3] = {65536, 65536, 65536};
  oo_tensor in_huge = {TFLC_TT_FLOAT32, huge, 3, NULL, 0, 0, NULL, NULL, 0};
  relu.inputs = &in_huge;
  relu.out.shape = huge;
  relu.out.rank = 3;
  b = hz_one_op_bytes(&relu, &size);
  hz_expect_refused("shape product overflow", b, size, NULL, 0, "shape", 0);

  /* INT32_MAX x 2 int8 elements: over the 2^31 element limit. */
  static const int big2[2] = {INT_MAX, 2};
  oo_tensor in_big = {TFLC_TT_INT8, big2, 2, NULL, 0, 0, NULL, NULL, 0};
  oo_op neg_op = {TFLC_OP_NEG,
                  0,
                  NULL,
                  0,
                  &in_big,
                  1,
                  {TFLC_TT_INT8, big2, 2, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&neg_op, &size);
  hz_expect_refused("element count over INT32_MAX", b, size, NULL, 0, "shape",
                    0);

  /* Concatenation of two zero-size tensors whose axis sizes sum past
   * INT32_MAX (the concatenation advisory: int overflow of dimensions). */
  static const int half[2] = {1 << 30, 0}, sum[2] = {1 << 30, 0};
  oo_tensor cin[2] = {{TFLC_TT_FLOAT32, half, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_FLOAT32, half, 2, NULL, 0, 0, NULL, NULL, 0}};
  tflc_opt_field axis0 = OPT(0, I32, 0);
  oo_op cat = {TFLC_OP_CONCATENATION,
               TFLC_BO_CONCATENATION,
               &axis0,
               1,
               cin,
               2,
               {TFLC_TT_FLOAT32, sum, 2, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&cat, &size);
  hz_expect_refused("concatenation dimension overflow", b, size, NULL, 0,
                    "too large", 0);

  /* A rank far beyond anything real. */
  int deep[64];
  for (int i = 0; i < 64; i++) deep[i] = 1;
  oo_tensor in_deep = {TFLC_TT_FLOAT32, deep, 64, NULL, 0, 0, NULL, NULL, 0};
  relu.inputs = &in_deep;
  relu.out.shape = deep;
  relu.out.rank = 64;
  b = hz_one_op_bytes(&relu, &size);
  hz_expect_safe("rank 64 tensors", b, size, NULL, 0);
}

/* ---- zero strides, dilations, filter sizes, block sizes ---- */

static void test_zero_parameters(void) {
  size_t size;
  static const int in_s[4] = {1, 5, 5, 2}, f_s[4] = {3, 3, 3, 2}, b_s[1] = {3},
                   o_s[4] = {1, 5, 5, 3};
  static const float bias[4] = {0, 0, 0, 0};
  oo_tensor conv_in[3] = {
      {TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, f_s, 4, hz_weights, 1, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, b_s, 1, bias, 1, 0, NULL, NULL, 0}};
  oo_tensor conv_out = {TFLC_TT_FLOAT32, o_s, 4, NULL, 0, 0, NULL, NULL, 0};
  for (int which = 0; which < 4; which++) {
    /* stride_w 0, stride_h 0, dilation_w 0, dilation_h 0 */
    tflc_opt_field f[5] = {OPT(0, I8, 0), OPT(1, I32, which == 0 ? 0 : 1),
                           OPT(2, I32, which == 1 ? 0 : 1),
                           OPT(4, I32, which == 2 ? 0 : 1),
                           OPT(5, I32, which == 3 ? 0 : 1)};
    oo_op conv = {TFLC_OP_CONV_2D, TFLC_BO_CONV_2D, f, 5, conv_in, 3, conv_out};
    static const char *labels[4] = {"CONV_2D stride_w 0", "CONV_2D stride_h 0",
                                    "CONV_2D dilation_w 0",
                                    "CONV_2D dilation_h 0"};
    uint8_t *b = hz_one_op_bytes(&conv, &size);
    hz_expect_refused(labels[which], b, size, NULL, 0,
                      which < 2 ? "stride" : "dilation", 0);
  }
  /* CONV_2D whose filter has 0 input channels (GHSA-5w96-866f-6rm8). */
  static const int in0[4] = {1, 5, 5, 0}, f0[4] = {3, 3, 3, 0};
  oo_tensor conv0_in[3] = {
      {TFLC_TT_FLOAT32, in0, 4, NULL, 0, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, f0, 4, NULL, 0, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, b_s, 1, bias, 1, 0, NULL, NULL, 0}};
  tflc_opt_field same[3] = {OPT(0, I8, 0), OPT(1, I32, 1), OPT(2, I32, 1)};
  oo_op conv0 = {TFLC_OP_CONV_2D, TFLC_BO_CONV_2D, same, 3, conv0_in, 3,
                 conv_out};
  uint8_t *b = hz_one_op_bytes(&conv0, &size);
  hz_expect_safe("CONV_2D with 0 input channels", b, size, NULL, 0);

  static const int dwf[4] = {1, 3, 3, 4}, dwb[1] = {4}, dwo[4] = {1, 5, 5, 4};
  oo_tensor dw_in[3] = {
      {TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, dwf, 4, hz_weights, 1, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, dwb, 1, bias, 1, 0, NULL, NULL, 0}};
  oo_tensor dw_out = {TFLC_TT_FLOAT32, dwo, 4, NULL, 0, 0, NULL, NULL, 0};
  for (int which = 0; which < 3; which++) {
    /* stride 0, dilation 0, depth_multiplier 0 (GHSA-428x-9xc2-m8mj) */
    tflc_opt_field f[6] = {OPT(0, I8, 0),
                           OPT(1, I32, which == 0 ? 0 : 1),
                           OPT(2, I32, 1),
                           OPT(3, I32, which == 2 ? 0 : 2),
                           OPT(5, I32, which == 1 ? 0 : 1),
                           OPT(6, I32, 1)};
    oo_op dw = {TFLC_OP_DEPTHWISE_CONV_2D,
                TFLC_BO_DEPTHWISE_CONV_2D,
                f,
                6,
                dw_in,
                3,
                dw_out};
    static const char *labels[3] = {"DEPTHWISE_CONV_2D stride 0",
                                    "DEPTHWISE_CONV_2D dilation 0",
                                    "DEPTHWISE_CONV_2D depth_multiplier 0"};
    static const char *keys[3] = {"stride", "dilation", "multiplier"};
    b = hz_one_op_bytes(&dw, &size);
    if (which == 2)
      hz_expect_safe(labels[which], b, size, NULL,
                     0); /* TFLite infers the multiplier */
    else
      hz_expect_refused(labels[which], b, size, NULL, 0, keys[which], 0);
  }
  /* DEPTHWISE_CONV_2D with a 0-channel filter (CVE-2021-29602). */
  static const int dwf0[4] = {1, 3, 3, 0}, dwo0[4] = {1, 5, 5, 0};
  oo_tensor dw0_in[3] = {{TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0},
                         {TFLC_TT_FLOAT32, dwf0, 4, NULL, 0, 0, NULL, NULL, 0},
                         {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
  tflc_opt_field dwsame[4] = {OPT(0, I8, 0), OPT(1, I32, 1), OPT(2, I32, 1),
                              OPT(3, I32, 2)};
  oo_op dw0 = {TFLC_OP_DEPTHWISE_CONV_2D,
               TFLC_BO_DEPTHWISE_CONV_2D,
               dwsame,
               4,
               dw0_in,
               3,
               {TFLC_TT_FLOAT32, dwo0, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&dw0, &size);
  hz_expect_safe("DEPTHWISE_CONV_2D with 0 output channels", b, size, NULL, 0);

  /* Pools: stride 0 and filter 0 (CVE-2021-29586, GHSA-mv78-g7wq-mhp4). */
  static const int p_in[4] = {1, 4, 4, 2}, p_out[4] = {1, 2, 2, 2};
  oo_tensor pin = {TFLC_TT_FLOAT32, p_in, 4, NULL, 0, 0, NULL, NULL, 0};
  int32_t pool_ops[2] = {TFLC_OP_AVERAGE_POOL_2D, TFLC_OP_MAX_POOL_2D};
  for (int p = 0; p < 2; p++) {
    for (int which = 0; which < 2; which++) {
      tflc_opt_field f[5] = {OPT(0, I8, 1), OPT(1, I32, which == 0 ? 0 : 2),
                             OPT(2, I32, 2), OPT(3, I32, which == 1 ? 0 : 2),
                             OPT(4, I32, 2)};
      oo_op pool = {pool_ops[p],
                    TFLC_BO_POOL_2D,
                    f,
                    5,
                    &pin,
                    1,
                    {TFLC_TT_FLOAT32, p_out, 4, NULL, 0, 0, NULL, NULL, 0}};
      char label[64];
      snprintf(label, sizeof label, "%s %s 0",
               p ? "MAX_POOL_2D" : "AVERAGE_POOL_2D",
               which ? "filter_width" : "stride_w");
      b = hz_one_op_bytes(&pool, &size);
      hz_expect_refused(label, b, size, NULL, 0, which ? "filter" : "stride",
                        0);
    }
  }
  /* TRANSPOSE_CONV stride 0. */
  static const int32_t tshape[4] = {1, 4, 4, 1};
  static const int tsh[1] = {4}, tw[4] = {1, 3, 3, 1}, tin[4] = {1, 2, 2, 1},
                   tout[4] = {1, 4, 4, 1};
  oo_tensor tc_in[3] = {
      {TFLC_TT_INT32, tsh, 1, tshape, 1, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, tw, 4, hz_weights, 1, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, tin, 4, NULL, 0, 0, NULL, NULL, 0}};
  tflc_opt_field tco[3] = {OPT(0, I8, 0), OPT(1, I32, 0), OPT(2, I32, 2)};
  oo_op tc = {TFLC_OP_TRANSPOSE_CONV,
              TFLC_BO_TRANSPOSE_CONV,
              tco,
              3,
              tc_in,
              3,
              {TFLC_TT_FLOAT32, tout, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&tc, &size);
  hz_expect_refused("TRANSPOSE_CONV stride 0", b, size, NULL, 0, "stride", 0);

  /* Block sizes 0: SPACE_TO_DEPTH (GHSA-j7rm-8ww4-xx2g), DEPTH_TO_SPACE
   * (GHSA-vf94-36g5-69v8), SPACE_TO_BATCH_ND (GHSA-v52p-hfjf-wg88),
   * BATCH_TO_SPACE_ND (GHSA-cfx7-2xpc-8w4h). */
  static const int s4[4] = {1, 4, 4, 4};
  tflc_opt_field bs0 = OPT(0, I32, 0);
  oo_tensor s4in = {TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0};
  oo_op s2d = {TFLC_OP_SPACE_TO_DEPTH,
               TFLC_BO_SPACE_TO_DEPTH,
               &bs0,
               1,
               &s4in,
               1,
               {TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&s2d, &size);
  hz_expect_refused("SPACE_TO_DEPTH block_size 0", b, size, NULL, 0, "block",
                    1);
  oo_op d2s = {TFLC_OP_DEPTH_TO_SPACE,
               TFLC_BO_DEPTH_TO_SPACE,
               &bs0,
               1,
               &s4in,
               1,
               {TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&d2s, &size);
  hz_expect_refused("DEPTH_TO_SPACE block_size 0", b, size, NULL, 0, "block",
                    1);
  static const int32_t block0[2] = {0, 2}, crops[4] = {0, 0, 0, 0};
  static const int two[1] = {2}, two2[2] = {2, 2};
  oo_tensor sb_in[3] = {{TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0},
                        {TFLC_TT_INT32, two, 1, block0, 1, 0, NULL, NULL, 0},
                        {TFLC_TT_INT32, two2, 2, crops, 1, 0, NULL, NULL, 0}};
  oo_op s2b = {TFLC_OP_SPACE_TO_BATCH_ND,
               TFLC_BO_SPACE_TO_BATCH_ND,
               NULL,
               0,
               sb_in,
               3,
               {TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&s2b, &size);
  hz_expect_refused("SPACE_TO_BATCH_ND block 0", b, size, NULL, 0, "block", 1);
  oo_op b2s = {TFLC_OP_BATCH_TO_SPACE_ND,
               TFLC_BO_BATCH_TO_SPACE_ND,
               NULL,
               0,
               sb_in,
               3,
               {TFLC_TT_FLOAT32, s4, 4, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&b2s, &size);
  hz_expect_refused("BATCH_TO_SPACE_ND block 0", b, size, NULL, 0, "block", 1);
}

/* ---- zero divisors at run time (CVE-2021-37683 and relatives) ---- */

static void test_zero_divisors(void) {
  size_t size;
  static const int s4[1] = {4};
  static const int32_t divisor[4] = {1, 2, 0, 4};
  static const int64_t divisor64[4] = {1, 2, 0, 4};
  struct {
    const char *label;
    int32_t op;
    uint8_t bo;
    int8_t tt;
    const void *zero;
    int may_be_missing;
  } cases[] = {
      {"DIV int32 by 0", TFLC_OP_DIV, TFLC_BO_DIV, TFLC_TT_INT32, divisor, 0},
      {"FLOOR_DIV int32 by 0", TFLC_OP_FLOOR_DIV, 0, TFLC_TT_INT32, divisor, 1},
      {"FLOOR_MOD int32 by 0", TFLC_OP_FLOOR_MOD, 0, TFLC_TT_INT32, divisor, 1},
      {"FLOOR_MOD int64 by 0", TFLC_OP_FLOOR_MOD, 0, TFLC_TT_INT64, divisor64,
       1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    /* The divisor is a graph input: only known at invoke. */
    oo_tensor in[2] = {{cases[i].tt, s4, 1, NULL, 0, 0, NULL, NULL, 0},
                       {cases[i].tt, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    oo_op op = {cases[i].op,
                cases[i].bo,
                NULL,
                0,
                in,
                2,
                {cases[i].tt, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    size_t eb = cases[i].tt == TFLC_TT_INT64 ? 32 : 16;
    /* Inputs are filled from the same bytes: a = b = {1, 2, 0, 4}. */
    hz_expect_refused(cases[i].label, b, size, cases[i].zero, eb,
                      "division by zero", cases[i].may_be_missing);
  }
}

/* ---- indices out of range at run time ---- */

static void test_bad_indices(void) {
  size_t size;
  static const int p_s[2] = {4, 3}, i_s[1] = {2}, o_s[2] = {2, 3};
  static const int32_t bad[2] = {1, 7}, negative[2] = {-5, 0};
  for (int k = 0; k < 2; k++) {
    oo_tensor in[2] = {{TFLC_TT_FLOAT32, p_s, 2, NULL, 0, 0, NULL, NULL, 0},
                       {TFLC_TT_INT32, i_s, 1, NULL, 0, 0, NULL, NULL, 0}};
    oo_op g = {TFLC_OP_GATHER,
               TFLC_BO_GATHER,
               NULL,
               0,
               in,
               2,
               {TFLC_TT_FLOAT32, o_s, 2, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = hz_one_op_bytes(&g, &size);
    /* params and indices are filled from the same bytes: index 7 / -5. */
    static const int32_t fill7[2] = {7, 7}, fillneg[2] = {-5, -5};
    hz_expect_refused(
        k ? "GATHER negative index at invoke" : "GATHER index 7 of 4 at invoke",
        b, size, k ? (const void *)fillneg : (const void *)fill7, 8,
        "out of range", 0);
    (void)bad;
    (void)negative;
  }
  /* Constant indices: refused at prepare already, or at invoke. */
  oo_tensor cin[2] = {{TFLC_TT_FLOAT32, p_s, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_INT32, i_s, 1, bad, 1, 0, NULL, NULL, 0}};
  oo_op g = {TFLC_OP_GATHER,
             TFLC_BO_GATHER,
             NULL,
             0,
             cin,
             2,
             {TFLC_TT_FLOAT32, o_s, 2, NULL, 0, 0, NULL, NULL, 0}};
  uint8_t *b = hz_one_op_bytes(&g, &size);
  hz_expect_refused("GATHER constant index 7 of 4", b, size, NULL, 0,
                    "out of range", 0);
  /* GATHER axis out of range. */
  tflc_opt_field axis9 = OPT(0, I32, 9);
  oo_op ga = {TFLC_OP_GATHER,
              TFLC_BO_GATHER,
              &axis9,
              1,
              cin,
              2,
              {TFLC_TT_FLOAT32, o_s, 2, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&ga, &size);
  hz_expect_refused("GATHER axis 9 of rank 2", b, size, NULL, 0, "axis", 0);
  /* EMBEDDING_LOOKUP (CVE-2022-23559) and GATHER_ND out of range. */
  oo_tensor ein[2] = {
      {TFLC_TT_INT32, i_s, 1, NULL, 0, 0, NULL, NULL, 0},
      {TFLC_TT_FLOAT32, p_s, 2, hz_weights, 1, 0, NULL, NULL, 0}};
  oo_op e = {TFLC_OP_EMBEDDING_LOOKUP,
             0,
             NULL,
             0,
             ein,
             2,
             {TFLC_TT_FLOAT32, o_s, 2, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&e, &size);
  static const int32_t fill9[1] = {9};
  hz_expect_refused("EMBEDDING_LOOKUP index 9 of 4", b, size, fill9, 4,
                    "out of range", 1);
  static const int nd_s[2] = {2, 2}, nd_o[1] = {2};
  oo_tensor ndin[2] = {
      {TFLC_TT_FLOAT32, p_s, 2, hz_weights, 1, 0, NULL, NULL, 0},
      {TFLC_TT_INT32, nd_s, 2, NULL, 0, 0, NULL, NULL, 0}};
  oo_op nd = {TFLC_OP_GATHER_ND,
              TFLC_BO_GATHER_ND,
              NULL,
              0,
              ndin,
              2,
              {TFLC_TT_FLOAT32, nd_o, 1, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&nd, &size);
  hz_expect_refused("GATHER_ND index 9 of 4", b, size, fill9, 4, "out of range",
                    1);
  /* SEGMENT_SUM with segment ids out of range (CVE-2020-15212). */
  static const int seg_d[2] = {4, 2}, seg_i[1] = {4};
  oo_tensor sin[2] = {
      {TFLC_TT_FLOAT32, seg_d, 2, hz_weights, 1, 0, NULL, NULL, 0},
      {TFLC_TT_INT32, seg_i, 1, NULL, 0, 0, NULL, NULL, 0}};
  oo_op seg = {TFLC_OP_SEGMENT_SUM,
               0,
               NULL,
               0,
               sin,
               2,
               {TFLC_TT_FLOAT32, seg_d, 2, NULL, 0, 0, NULL, NULL, 0}};
  b = hz_one_op_bytes(&seg, &size);
  static const int32_t negs[1] = {-3};
  hz_expect_refused("SEGMENT_SUM negative segment id", b, size, negs, 4,
                    "segment", 1);
}

/* ---- graph structure ---- */

/* t = ADD(x, t): one tensor is input and output of the same node
 * (CVE-2020-15210). */
static void test_graph_structure(void) {
  size_t size;
  int s[1] = {4};
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int t = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "t");
    int in[2] = {x, t};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &t, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &t, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    hz_expect_refused("tensor both input and output of one node", b, size, NULL,
                      0, "both input", 0);
  }
  /* op 0 reads t2, written by op 1 which runs later (a cycle). */
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int t1 = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "t1");
    int t2 = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "t2");
    int a[2] = {x, t2}, c[2] = {t1, x};
    tm_op(m, TFLC_OP_ADD, NULL, a, 2, &t1, 1, 0, NULL, 0);
    tm_op(m, TFLC_OP_ADD, NULL, c, 2, &t2, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &t2, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    /* Memory-safe in tflc (the tensor's arena lifetime covers both nodes):
     * op 0 reads unspecified values, as in TensorFlow Lite. */
    hz_expect_safe("operator reading a later operator's output", b, size, NULL,
                   0);
  }
  /* An output that is a constant. */
  {
    tm_model *m = tm_create();
    float four[4] = {1, 2, 3, 4};
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int k = tm_const(m, TFLC_TT_FLOAT32, s, 1, four, sizeof four, "k");
    int in[2] = {x, x};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &k, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &k, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    hz_expect_refused("operator writing a constant", b, size, NULL, 0,
                      "constant", 0);
  }
  /* Two operators writing the same tensor. */
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int t = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "t");
    int in[2] = {x, x};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &t, 1, 0, NULL, 0);
    tm_op(m, TFLC_OP_MUL, NULL, in, 2, &t, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &t, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    hz_expect_safe("two operators writing one tensor", b, size, NULL, 0);
  }
  /* A non-constant tensor nobody writes (CVE-2020-15209: nullptr buffer):
   * tflc gives it arena memory, so reading it is safe. */
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int ghost = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "ghost");
    int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "o");
    int in[2] = {x, ghost};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &o, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &o, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    hz_expect_safe("input tensor that nothing writes", b, size, NULL, 0);
  }
  /* Operator inputs: too few; -1 where required (CVE-2020-15211). */
  {
    static const int s4[1] = {4};
    oo_tensor one[1] = {{TFLC_TT_FLOAT32, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    oo_op add1 = {TFLC_OP_ADD,
                  TFLC_BO_ADD,
                  NULL,
                  0,
                  one,
                  1,
                  {TFLC_TT_FLOAT32, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = hz_one_op_bytes(&add1, &size);
    hz_expect_refused("ADD with one input", b, size, NULL, 0, "input", 0);
    oo_tensor opt[2] = {{TFLC_TT_FLOAT32, s4, 1, NULL, 0, 0, NULL, NULL, 0},
                        {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
    oo_op add_opt = {TFLC_OP_ADD,
                     TFLC_BO_ADD,
                     NULL,
                     0,
                     opt,
                     2,
                     {TFLC_TT_FLOAT32, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    b = hz_one_op_bytes(&add_opt, &size);
    hz_expect_refused("ADD with input 1 omitted (-1)", b, size, NULL, 0,
                      "input", 0);
    static const int in_s[4] = {1, 3, 3, 1}, f_s[4] = {1, 1, 1, 1};
    oo_tensor conv_in[3] = {
        {TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0},
        {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0},
        {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
    (void)f_s;
    tflc_opt_field same[3] = {OPT(0, I8, 0), OPT(1, I32, 1), OPT(2, I32, 1)};
    oo_op conv = {TFLC_OP_CONV_2D,
                  TFLC_BO_CONV_2D,
                  same,
                  3,
                  conv_in,
                  3,
                  {TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0}};
    b = hz_one_op_bytes(&conv, &size);
    hz_expect_refused("CONV_2D with the filter omitted (-1)", b, size, NULL, 0,
                      "filter", 0);
    /* A 0-d input where rank 4 is required. */
    static const int scalar_shape[1] = {1};
    static const int f4[4] = {1, 1, 1, 1};
    static const float w1[1] = {1};
    oo_tensor conv0d[2] = {
        {TFLC_TT_FLOAT32, scalar_shape, 0, NULL, 0, 0, NULL, NULL, 0},
        {TFLC_TT_FLOAT32, f4, 4, w1, 1, 0, NULL, NULL, 0}};
    oo_op c0 = {TFLC_OP_CONV_2D,
                TFLC_BO_CONV_2D,
                same,
                3,
                conv0d,
                2,
                {TFLC_TT_FLOAT32, in_s, 4, NULL, 0, 0, NULL, NULL, 0}};
    b = hz_one_op_bytes(&c0, &size);
    hz_expect_refused("CONV_2D with a 0-d input", b, size, NULL, 0, "dims", 0);
    /* Mismatched (non-broadcastable) shapes (CVE-2020-15208). */
    static const int s23[2] = {2, 3};
    oo_tensor mm[2] = {{TFLC_TT_FLOAT32, s23, 2, NULL, 0, 0, NULL, NULL, 0},
                       {TFLC_TT_FLOAT32, s4, 1, NULL, 0, 0, NULL, NULL, 0}};
    oo_op add_mm = {TFLC_OP_ADD,
                    TFLC_BO_ADD,
                    NULL,
                    0,
                    mm,
                    2,
                    {TFLC_TT_FLOAT32, s23, 2, NULL, 0, 0, NULL, NULL, 0}};
    b = hz_one_op_bytes(&add_mm, &size);
    hz_expect_refused("ADD [2,3] + [4] (no broadcast)", b, size, NULL, 0,
                      "broadcast", 0);
  }
}

/* ---- tensor indices, buffers, subgraph indices ---- */

static void test_indices_and_buffers(void) {
  size_t size;
  int s[1] = {4};
  /* An operator input that refers to tensor 999. */
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "o");
    int in[2] = {x, 999};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &o, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &o, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    if (b)
      hz_expect_refused("operator input tensor 999", b, size, NULL, 0, "999",
                        0);
    else
      printf("ok operator input tensor 999: refused by the writer\n");
  }
  /* A graph output index out of range and a negative graph input. */
  {
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "o");
    int in[2] = {x, x};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &o, 1, 0, NULL, 0);
    int bad_in[1] = {-1}, bad_out[1] = {5};
    tm_io(m, bad_in, 1, bad_out, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    if (b)
      hz_expect_refused("graph input -1 and output 5", b, size, NULL, 0,
                        "tensor", 0);
    else
      printf("ok graph input -1: refused by the writer\n");
  }
  /* A constant whose buffer is shorter than its shape needs. */
  {
    tm_model *m = tm_create();
    float two[2] = {1, 2};
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int k = tm_const(m, TFLC_TT_FLOAT32, s, 1, two, sizeof two, "short");
    int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "o");
    int in[2] = {x, k};
    tm_op(m, TFLC_OP_ADD, NULL, in, 2, &o, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &o, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    hz_expect_refused("buffer shorter than its tensor", b, size, NULL, 0,
                      "buffer", 0);
  }
  /* A variable with no elements whose buffer (not buffer 0) is empty too:
   * its heap data stays NULL, and copying the 0-byte initial value into it
   * was memcpy(NULL, ..., 0), undefined (UBSan nonnull-attribute). */
  {
    static const int s0[1] = {0};
    tm_model *m = tm_create();
    int x = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "x");
    int v = tm_const(m, TFLC_TT_FLOAT32, s0, 1, NULL, 0, "empty_variable");
    tm_variable(m, v);
    int o = tm_tensor(m, TFLC_TT_FLOAT32, s, 1, "o");
    tm_op(m, TFLC_OP_RELU, NULL, &x, 1, &o, 1, 0, NULL, 0);
    tm_io(m, &x, 1, &o, 1);
    uint8_t *b = tm_finish(m, &size);
    tm_free(m);
    char err[2048];
    CHECK_MSG(b != NULL,
              "empty variable with an empty buffer: the writer failed");
    if (b) {
      hz_stage st = hz_run_model(b, size, NULL, 0, err);
      free(b);
      CHECK_MSG(st == HZ_ST_OK,
                "empty variable with an empty buffer: failed at %s: %s",
                hz_stage_name[st], err);
      printf("ok empty variable with an empty buffer: ran\n");
    }
  }
  /* Per-channel quantization on an axis the tensor does not have
   * (CVE-2022-21726, DEQUANTIZE axis). */
  {
    static const int s23[2] = {2, 3};
    static const float scales[3] = {0.1f, 0.2f, 0.3f};
    static const int64_t zps[3] = {0, 0, 0};
    oo_tensor q = {TFLC_TT_INT8, s23, 2, NULL, 0, 3, scales, zps, 5};
    oo_op deq = {TFLC_OP_DEQUANTIZE,
                 0,
                 NULL,
                 0,
                 &q,
                 1,
                 {TFLC_TT_FLOAT32, s23, 2, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = hz_one_op_bytes(&deq, &size);
    hz_expect_refused("quantized_dimension 5 of a rank-2 tensor", b, size, NULL,
                      0, "quantized_dimension", 0);
  }
  /* RESHAPE to a rank higher than the declared output (the reshape dims
   * buffer overflow of tensorflow issue 124982). */
  {
    static const int s6[1] = {6}, o1[1] = {6}, ns_s[1] = {6};
    static const int32_t ns[6] = {1, 1, 1, 2, 3, 1};
    oo_tensor r[2] = {{TFLC_TT_FLOAT32, s6, 1, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_INT32, ns_s, 1, ns, 1, 0, NULL, NULL, 0}};
    oo_op reshape = {TFLC_OP_RESHAPE,
                     0,
                     NULL,
                     0,
                     r,
                     2,
                     {TFLC_TT_FLOAT32, o1, 1, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = hz_one_op_bytes(&reshape, &size);
    hz_expect_safe("RESHAPE to a higher rank than declared", b, size, NULL, 0);
  }
  /* Negative padding (PAD). */
  {
    static const int s23[2] = {2, 3}, p_s[2] = {2, 2}, o_s[2] = {1, 3};
    static const int32_t pads[4] = {-1, 0, 0, 0};
    oo_tensor p[2] = {{TFLC_TT_FLOAT32, s23, 2, NULL, 0, 0, NULL, NULL, 0},
                      {TFLC_TT_INT32, p_s, 2, pads, 1, 0, NULL, NULL, 0}};
    oo_op pad = {TFLC_OP_PAD,
                 TFLC_BO_PAD,
                 NULL,
                 0,
                 p,
                 2,
                 {TFLC_TT_FLOAT32, o_s, 2, NULL, 0, 0, NULL, NULL, 0}};
    uint8_t *b = hz_one_op_bytes(&pad, &size);
    hz_expect_refused("PAD with negative padding", b, size, NULL, 0, "negative",
                      0);
  }
}

/* ---- control flow: a subgraph calling itself (GHSA-cwv3-863g-39vx) ---- */

static uint8_t *while_model(size_t *size, int cond_index, int body_index) {
  tm_model *m = tm_create();
  int s1[1] = {1};
  int i = tm_tensor(m, TFLC_TT_INT32, s1, 1, "i");
  int io = tm_tensor(m, TFLC_TT_INT32, s1, 1, "i_out");
  tflc_opt_field f[2] = {OPT(0, I32, cond_index), OPT(1, I32, body_index)};
  tm_op(m, TFLC_OP_WHILE, NULL, &i, 1, &io, 1, TFLC_BO_WHILE, f, 2);
  tm_io(m, &i, 1, &io, 1);
  /* subgraph 1: cond i < 5 */
  tm_subgraph(m);
  int ci = tm_tensor(m, TFLC_TT_INT32, s1, 1, "ci");
  int32_t five = 5;
  int lim = tm_const(m, TFLC_TT_INT32, s1, 1, &five, 4, "limit");
  int cb = tm_tensor(m, TFLC_TT_BOOL, s1, 1, "cond");
  int cin[2] = {ci, lim};
  tm_op(m, TFLC_OP_LESS, NULL, cin, 2, &cb, 1, 0, NULL, 0);
  tm_io(m, &ci, 1, &cb, 1);
  /* subgraph 2: body -- itself a WHILE over (1, 2) when nested */
  tm_subgraph(m);
  int bi = tm_tensor(m, TFLC_TT_INT32, s1, 1, "bi");
  int bo = tm_tensor(m, TFLC_TT_INT32, s1, 1, "bo");
  tflc_opt_field g[2] = {OPT(0, I32, 1), OPT(1, I32, 2)};
  tm_op(m, TFLC_OP_WHILE, NULL, &bi, 1, &bo, 1, TFLC_BO_WHILE, g, 2);
  tm_io(m, &bi, 1, &bo, 1);
  uint8_t *bytes = tm_finish(m, size);
  tm_free(m);
  return bytes;
}

static void test_recursion(void) {
  size_t size;
  uint8_t *b = while_model(&size, 1, 0);
  hz_expect_refused("WHILE whose body is the calling subgraph", b, size, NULL,
                    0, "subgraph", 0);
  b = while_model(&size, 0, 2);
  hz_expect_refused("WHILE whose cond is the calling subgraph", b, size, NULL,
                    0, "subgraph", 0);
  b = while_model(&size, 1, 2);
  hz_expect_refused("WHILE body that runs WHILE over itself", b, size, NULL, 0,
                    "subgraph", 0);
  b = while_model(&size, 1, 7);
  hz_expect_refused("WHILE body subgraph 7 of 3", b, size, NULL, 0, "subgraph",
                    0);
  /* IF whose then-branch is subgraph 0. */
  tm_model *m = tm_create();
  int s1[1] = {1};
  int c = tm_tensor(m, TFLC_TT_BOOL, s1, 1, "c");
  int x = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "x");
  int o = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "o");
  int in[2] = {c, x};
  tflc_opt_field f[2] = {OPT(0, I32, 0), OPT(1, I32, 1)};
  tm_op(m, TFLC_OP_IF, NULL, in, 2, &o, 1, TFLC_BO_IF, f, 2);
  tm_io(m, in, 2, &o, 1);
  tm_subgraph(m);
  int y = tm_tensor(m, TFLC_TT_FLOAT32, s1, 1, "y");
  tm_io(m, &y, 1, &y, 1);
  b = tm_finish(m, &size);
  tm_free(m);
  hz_expect_refused("IF whose then-branch is the calling subgraph", b, size,
                    NULL, 0, "subgraph", 0);
}

int main(void) {
  test_bad_shapes();
  test_zero_parameters();
  test_zero_divisors();
  test_bad_indices();
  test_graph_structure();
  test_indices_and_buffers();
  test_recursion();
  printf("%d case(s) skipped: operator not implemented yet\n", hz_skipped);
  return CHECK_DONE();
}
