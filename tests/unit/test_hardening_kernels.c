/* Hardening tests, second part: one case per TensorFlow Lite security
 * advisory about a specific kernel (STRIDED_SLICE, LSH_PROJECTION, ONE_HOT,
 * HASHTABLE_LOOKUP, EMBEDDING_LOOKUP, GATHER_ND, SVDF, SPLIT, ARG_MAX/MIN,
 * EXPAND_DIMS, quantized elementwise ops, MAXIMUM/MINIMUM, CONV_3D_TRANSPOSE),
 * and crafted quantization parameters (the fuzzer's integer LSTM class:
 * zero points outside the type, scales that push bounds or shifts out of
 * int32).
 * The general classes are in test_hardening_advisories.c; docs/SECURITY.md
 * lists both with the advisory ids. Malicious models must be refused or fail
 * Invoke with a message; valid zero-size models must run and give the right,
 * possibly empty, output. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "support/hardening.h"
#include "tflc/tflc.h"

/* ---- kernel-specific advisories: masks, zero sizes, divisors, axes,
 * quantization parameters ---- */

static const int k_s1[1] = {1}, k_s23[2] = {2, 3}, k_scalar[1] = {1};
static const float k_in6[6] = {1, 2, 3, 4, 5, 6};

/* STRIDED_SLICE with an ellipsis (CVE-2021-37686, GHSA-mhhc-q96p-mfm9:
 * TensorFlow Lite looped forever when the slice spec had more entries than
 * the input's rank around an ellipsis). */
static void kadv_strided_slice(void) {
  size_t size;
  static const int s4[1] = {4}, s3[1] = {3}, s6[1] = {6};
  static const int32_t b4[4] = {0, 0, 0, 0}, e4[4] = {2, 3, 1, 1},
                       st4[4] = {1, 1, 1, 1};
  oo_tensor in[4] = {oo_in(TFLC_TT_FLOAT32, k_s23, 2, NULL),
                     oo_const(TFLC_TT_INT32, s4, 1, b4),
                     oo_const(TFLC_TT_INT32, s4, 1, e4),
                     oo_const(TFLC_TT_INT32, s4, 1, st4)};
  tflc_opt_field ell0 = OPT(2, I32, 1);
  oo_op ss = {TFLC_OP_STRIDED_SLICE,
              TFLC_BO_STRIDED_SLICE,
              &ell0,
              1,
              in,
              4,
              oo_out_t(TFLC_TT_FLOAT32, k_s23, 2)};
  uint8_t *b = hz_one_op_bytes(&ss, &size);
  hz_expect_refused(
      "STRIDED_SLICE ellipsis with a 4-entry spec of a rank-2 input", b, size,
      k_in6, sizeof k_in6, "more dimensions", 0);
  /* The same spec given at run time. */
  for (int i = 1; i < 4; i++) in[i].is_const = 0;
  b = hz_one_op_bytes(&ss, &size);
  static const int32_t ones[1] = {1};
  hz_expect_refused("STRIDED_SLICE ellipsis with a 4-entry spec at invoke", b,
                    size, ones, sizeof ones, "more dimensions", 0);
  /* Ellipsis and new axes together: [newaxis, ..., newaxis] of [2, 3] is a
   * valid [1, 2, 3, 1] copy of the input. */
  static const int32_t b3[3] = {0, 0, 0}, e3[3] = {1, 1, 1}, st3[3] = {1, 1, 1};
  oo_tensor in3[4] = {oo_in(TFLC_TT_FLOAT32, k_s23, 2, NULL),
                      oo_const(TFLC_TT_INT32, s3, 1, b3),
                      oo_const(TFLC_TT_INT32, s3, 1, e3),
                      oo_const(TFLC_TT_INT32, s3, 1, st3)};
  tflc_opt_field masks[2] = {OPT(2, I32, 2), OPT(3, I32, 5)};
  static const int o1231[4] = {1, 2, 3, 1};
  oo_op ssn = {TFLC_OP_STRIDED_SLICE,
               TFLC_BO_STRIDED_SLICE,
               masks,
               2,
               in3,
               4,
               oo_out_t(TFLC_TT_FLOAT32, o1231, 4)};
  b = hz_one_op_bytes(&ssn, &size);
  hz_expect_ran("STRIDED_SLICE [newaxis, ..., newaxis]", b, size, k_in6,
                sizeof k_in6, 0, o1231, 4, k_in6, sizeof k_in6);
  /* Ellipsis and new axis on the same entry, in a 6-entry spec. */
  static const int32_t b6[6] = {0}, e6[6] = {1, 1, 1, 1, 1, 1},
                       st6[6] = {1, 1, 1, 1, 1, 1};
  oo_tensor in6[4] = {oo_in(TFLC_TT_FLOAT32, k_s23, 2, NULL),
                      oo_const(TFLC_TT_INT32, s6, 1, b6),
                      oo_const(TFLC_TT_INT32, s6, 1, e6),
                      oo_const(TFLC_TT_INT32, s6, 1, st6)};
  tflc_opt_field both[2] = {OPT(2, I32, 1), OPT(3, I32, 0x3f)};
  oo_op ssb = {TFLC_OP_STRIDED_SLICE,
               TFLC_BO_STRIDED_SLICE,
               both,
               2,
               in6,
               4,
               oo_out_t(TFLC_TT_FLOAT32, k_s23, 2)};
  b = hz_one_op_bytes(&ssb, &size);
  hz_expect_safe("STRIDED_SLICE ellipsis and new_axis on every entry", b, size,
                 k_in6, sizeof k_in6);
  /* 32 entries (the most a mask can address): an ellipsis and 31 new axes
   * make an output rank above the supported 16. */
  static const int s32[1] = {32};
  static const int32_t b32[32] = {0},
                       st32[32] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                   1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                   1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  oo_tensor in32[4] = {oo_in(TFLC_TT_FLOAT32, k_s23, 2, NULL),
                       oo_const(TFLC_TT_INT32, s32, 1, b32),
                       oo_const(TFLC_TT_INT32, s32, 1, st32),
                       oo_const(TFLC_TT_INT32, s32, 1, st32)};
  tflc_opt_field many[2] = {OPT(2, I32, 1), OPT(3, I32, -2)};
  oo_op ss32 = {TFLC_OP_STRIDED_SLICE,
                TFLC_BO_STRIDED_SLICE,
                many,
                2,
                in32,
                4,
                oo_out_t(TFLC_TT_FLOAT32, k_s23, 2)};
  b = hz_one_op_bytes(&ss32, &size);
  hz_expect_refused("STRIDED_SLICE ellipsis and 31 new axes", b, size, k_in6,
                    sizeof k_in6, "rank", 0);
}

/* Zero-size tensors where TensorFlow Lite divided by a dimension:
 * LSH_PROJECTION (CVE-2021-37691), ONE_HOT (CVE-2021-29600), HASHTABLE_LOOKUP
 * (CVE-2021-29604), EMBEDDING_LOOKUP (CVE-2021-29596). */
static void kadv_zero_size_divisors(void) {
  size_t size;
  /* LSH_PROJECTION of an input with no items: every weighted sum is empty,
   * so every bit is 0. SPARSE signatures are then h * 2^num_bits. */
  static const int hs[2] = {2, 4}, in0[2] = {0, 3}, w0[1] = {0}, o2[1] = {2},
                   o8[1] = {8};
  static const float seeds[8] = {0.1f, 0.2f, 0.3f, 0.4f,
                                 0.5f, 0.6f, 0.7f, 0.8f};
  for (int type = 1; type <= 2; type++) {
    oo_tensor in[3] = {oo_const(TFLC_TT_FLOAT32, hs, 2, seeds),
                       oo_in(TFLC_TT_INT32, in0, 2, NULL),
                       oo_in(TFLC_TT_FLOAT32, w0, 1, NULL)};
    tflc_opt_field t = OPT(0, I8, type);
    oo_op lsh = {TFLC_OP_LSH_PROJECTION,
                 TFLC_BO_LSH_PROJECTION,
                 &t,
                 1,
                 in,
                 type == 1 ? 2 : 3,
                 oo_out_t(TFLC_TT_INT32, type == 1 ? o2 : o8, 1)};
    uint8_t *b = hz_one_op_bytes(&lsh, &size);
    static const int32_t sparse[2] = {0, 16}, dense[8] = {0};
    hz_expect_ran(type == 1 ? "LSH_PROJECTION SPARSE of an input with 0 items"
                            : "LSH_PROJECTION DENSE of 0 items with 0 weights",
                  b, size, NULL, 0, 0, type == 1 ? o2 : o8, 1,
                  type == 1 ? (const void *)sparse : (const void *)dense,
                  type == 1 ? sizeof sparse : sizeof dense);
  }

  /* ONE_HOT: indices [0, 3] with axis 1 (the dims before the axis multiply
   * to 0), depth 0, and a negative depth. */
  static const int i03[2] = {0, 3}, o043[3] = {0, 4, 3}, i3[1] = {3},
                   o30[2] = {3, 0};
  static const int32_t depth4 = 4, depth0 = 0, depth_neg = -1;
  static const float on = 1, off = 0;
  struct {
    const char *label;
    const int *ishape, *oshape;
    int irank;
    const int32_t *depth;
    int axis;
  } oh[3] = {
      {"ONE_HOT of [0, 3] indices on axis 1", i03, o043, 2, &depth4, 1},
      {"ONE_HOT with depth 0", i3, o30, 1, &depth0, -1},
      {"ONE_HOT with depth -1", i3, o30, 1, &depth_neg, -1},
  };
  for (int k = 0; k < 3; k++) {
    oo_tensor in[4] = {oo_in(TFLC_TT_INT32, oh[k].ishape, oh[k].irank, NULL),
                       oo_const(TFLC_TT_INT32, k_scalar, 0, oh[k].depth),
                       oo_const(TFLC_TT_FLOAT32, k_scalar, 0, &on),
                       oo_const(TFLC_TT_FLOAT32, k_scalar, 0, &off)};
    tflc_opt_field axis = OPT(0, I32, oh[k].axis);
    oo_op op = {TFLC_OP_ONE_HOT,
                TFLC_BO_ONE_HOT,
                &axis,
                1,
                in,
                4,
                oo_out_t(TFLC_TT_FLOAT32, oh[k].oshape, oh[k].irank + 1)};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    if (k < 2)
      hz_expect_ran(oh[k].label, b, size, NULL, 0, 0, oh[k].oshape,
                    oh[k].irank + 1, "", 0);
    else
      hz_expect_refused(oh[k].label, b, size, NULL, 0, "depth", 0);
  }

  /* HASHTABLE_LOOKUP in a table with no rows: every lookup misses (zeros,
   * hit flags 0); a table whose keys and value rows disagree is refused. */
  static const int s2[1] = {2}, s0[1] = {0}, v03[2] = {0, 3}, o23[2] = {2, 3};
  static const int32_t keys2[2] = {1, 2}, lookups[1] = {7};
  for (int k = 0; k < 3; k++) {
    oo_tensor in[3] = {oo_in(TFLC_TT_INT32, s2, 1, NULL),
                       k < 2 ? oo_in(TFLC_TT_INT32, s0, 1, NULL)
                             : oo_const(TFLC_TT_INT32, s2, 1, keys2),
                       oo_in(TFLC_TT_FLOAT32, v03, 2, NULL)};
    oo_tensor outs[2] = {oo_out_t(TFLC_TT_FLOAT32, o23, 2),
                         oo_out_t(TFLC_TT_UINT8, s2, 1)};
    oo_op op = {TFLC_OP_HASHTABLE_LOOKUP, 0, NULL, 0, in, 3, outs[0]};
    uint8_t *b = hz_op_bytes(&op, outs, 2, -1, &size);
    static const float zeros[6] = {0};
    static const uint8_t misses[2] = {0, 0};
    if (k == 0)
      hz_expect_ran("HASHTABLE_LOOKUP in a table of 0 rows (values)", b, size,
                    lookups, sizeof lookups, 0, o23, 2, zeros, sizeof zeros);
    else if (k == 1)
      hz_expect_ran("HASHTABLE_LOOKUP in a table of 0 rows (hits)", b, size,
                    lookups, sizeof lookups, 1, s2, 1, misses, sizeof misses);
    else
      hz_expect_refused("HASHTABLE_LOOKUP with 2 keys and 0 value rows", b,
                        size, lookups, sizeof lookups, "rows", 0);
  }

  /* EMBEDDING_LOOKUP from a table of 0 rows: any id is out of range; no
   * ids give an empty result. */
  static const int o03[2] = {0, 3};
  for (int k = 0; k < 2; k++) {
    oo_tensor in[2] = {oo_in(TFLC_TT_INT32, k ? s0 : s2, 1, NULL),
                       oo_const(TFLC_TT_FLOAT32, v03, 2, NULL)};
    oo_op op = {TFLC_OP_EMBEDDING_LOOKUP,
                0,
                NULL,
                0,
                in,
                2,
                oo_out_t(TFLC_TT_FLOAT32, k ? o03 : o23, 2)};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    if (k == 0)
      hz_expect_refused("EMBEDDING_LOOKUP id 0 in a table of 0 rows", b, size,
                        NULL, 0, "out of range", 0);
    else
      hz_expect_ran("EMBEDDING_LOOKUP of 0 ids in a table of 0 rows", b, size,
                    NULL, 0, 0, o03, 2, "", 0);
  }
}

/* SVDF rank 0 (CVE-2021-29598: num_filters % rank) and an activation state
 * that is not a variable tensor (CVE-2021-37681: NULL state). SPLIT with
 * num_splits 0 (CVE-2021-29599). */
static void kadv_svdf_split(void) {
  size_t size;
  static const int in_s[2] = {1, 4}, wf_s[2] = {4, 4}, wt_s[2] = {4, 2},
                   st_s[2] = {1, 8}, out_s[2] = {1, 4};
  struct {
    const char *label, *keyword;
    int rank, state; /* state: 0 variable, 1 graph input, 2 omitted */
  } cases[3] = {
      {"SVDF rank 0", "rank", 0, 0},
      {"SVDF state that is not a variable tensor", "variable", 1, 1},
      {"SVDF state omitted (-1)", "state", 1, 2},
  };
  for (int k = 0; k < 3; k++) {
    oo_tensor in[5] = {oo_in(TFLC_TT_FLOAT32, in_s, 2, NULL),
                       oo_const(TFLC_TT_FLOAT32, wf_s, 2, hz_weights),
                       oo_const(TFLC_TT_FLOAT32, wt_s, 2, hz_weights),
                       {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0},
                       oo_in(TFLC_TT_FLOAT32, st_s, 2, NULL)};
    if (cases[k].state == 2) in[4].tt = -1;
    tflc_opt_field rank = OPT(0, I32, cases[k].rank);
    oo_op svdf = {TFLC_OP_SVDF,
                  TFLC_BO_SVDF,
                  &rank,
                  1,
                  in,
                  5,
                  oo_out_t(TFLC_TT_FLOAT32, out_s, 2)};
    uint8_t *b =
        hz_op_bytes(&svdf, &svdf.out, 1, cases[k].state == 0 ? 4 : -1, &size);
    hz_expect_refused(cases[k].label, b, size, NULL, 0, cases[k].keyword, 0);
  }

  static const int v_s[2] = {4, 2};
  static const int32_t axis0 = 0;
  for (int k = 0; k < 3; k++) {
    /* num_splits 0 with one output, with no outputs, and -1. */
    oo_tensor in[2] = {oo_const(TFLC_TT_INT32, k_scalar, 0, &axis0),
                       oo_in(TFLC_TT_FLOAT32, v_s, 2, NULL)};
    tflc_opt_field n = OPT(0, I32, k == 2 ? -1 : 0);
    oo_op split = {TFLC_OP_SPLIT,
                   TFLC_BO_SPLIT,
                   &n,
                   1,
                   in,
                   2,
                   oo_out_t(TFLC_TT_FLOAT32, v_s, 2)};
    uint8_t *b = hz_op_bytes(&split, &split.out, k == 1 ? 0 : 1, -1, &size);
    static const char *labels[3] = {"SPLIT num_splits 0 (one output)",
                                    "SPLIT num_splits 0 (no outputs)",
                                    "SPLIT num_splits -1"};
    hz_expect_refused(labels[k], b, size, NULL, 0, "num_splits", 0);
  }
}

/* Axes out of range: ARG_MAX / ARG_MIN (CVE-2021-29603, heap write past the
 * output dims), EXPAND_DIMS (CVE-2021-37685, read before the input dims). */
static void kadv_axes(void) {
  size_t size;
  static const int o2[1] = {2}, o231[3] = {2, 3, 1};
  struct {
    const char *label;
    int32_t op;
    uint8_t bo;
    int32_t axis;
    int dynamic;
  } cases[8] = {
      {"ARG_MAX axis 2 of rank 2", TFLC_OP_ARG_MAX, TFLC_BO_ARG_MAX, 2, 0},
      {"ARG_MIN axis -3 of rank 2", TFLC_OP_ARG_MIN, TFLC_BO_ARG_MIN, -3, 0},
      {"ARG_MAX axis 100000 at invoke", TFLC_OP_ARG_MAX, TFLC_BO_ARG_MAX,
       100000, 1},
      {"ARG_MIN axis -100000 at invoke", TFLC_OP_ARG_MIN, TFLC_BO_ARG_MIN,
       -100000, 1},
      {"EXPAND_DIMS axis -100000", TFLC_OP_EXPAND_DIMS, 0, -100000, 0},
      {"EXPAND_DIMS axis 3 of rank 2", TFLC_OP_EXPAND_DIMS, 0, 3, 0},
      {"EXPAND_DIMS axis -4 of rank 2", TFLC_OP_EXPAND_DIMS, 0, -4, 0},
      {"EXPAND_DIMS axis -100000 at invoke", TFLC_OP_EXPAND_DIMS, 0, -100000,
       1},
  };
  for (int k = 0; k < 8; k++) {
    int expand = cases[k].op == TFLC_OP_EXPAND_DIMS;
    oo_tensor in[2] = {oo_in(TFLC_TT_FLOAT32, k_s23, 2, NULL),
                       cases[k].dynamic
                           ? oo_in(TFLC_TT_INT32, k_s1, 1, NULL)
                           : oo_const(TFLC_TT_INT32, k_s1, 1, &cases[k].axis)};
    tflc_opt_field type = OPT(0, I8, TFLC_TT_INT32);
    oo_op op = {cases[k].op,
                cases[k].bo,
                expand ? NULL : &type,
                expand ? 0 : 1,
                in,
                2,
                expand ? oo_out_t(TFLC_TT_FLOAT32, o231, 3)
                       : oo_out_t(TFLC_TT_INT32, o2, 1)};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    /* The float input is filled with the axis bytes too: harmless. */
    hz_expect_refused(cases[k].label, b, size, &cases[k].axis,
                      sizeof cases[k].axis, "axis", 0);
  }
}

/* Quantized operators whose tensors carry no quantization parameters
 * (CVE-2021-37682: TensorFlow Lite read the parameters without checking the
 * quantization type), and zero-size operands of broadcasting elementwise
 * operators and FULLY_CONNECTED (CVE-2021-37688: NULL dereference for
 * Dense(0); CVE-2021-29590: MINIMUM/MAXIMUM read out of bounds). */
static void kadv_quant_and_broadcast(void) {
  size_t size;
  static const int s4[1] = {4};
  static const float scale = 0.5f;
  static const int64_t zp = 0;
  struct {
    const char *label;
    int32_t op;
    int8_t tt;
    int quantized; /* bit 0: input 0, bit 1: input 1, bit 2: output */
  } bin[6] = {
      {"ADD int8 without quantization parameters", TFLC_OP_ADD, TFLC_TT_INT8,
       0},
      {"MUL int8 without quantization parameters", TFLC_OP_MUL, TFLC_TT_INT8,
       0},
      {"SUB int8 without quantization parameters", TFLC_OP_SUB, TFLC_TT_INT8,
       0},
      {"ADD uint8 without quantization parameters", TFLC_OP_ADD, TFLC_TT_UINT8,
       0},
      {"ADD int8 whose output has no quantization parameters", TFLC_OP_ADD,
       TFLC_TT_INT8, 3},
      {"MUL int8 whose input 1 has no quantization parameters", TFLC_OP_MUL,
       TFLC_TT_INT8, 5},
  };
  for (int k = 0; k < 6; k++) {
    oo_tensor in[2] = {oo_in(bin[k].tt, s4, 1, NULL),
                       oo_in(bin[k].tt, s4, 1, NULL)};
    oo_tensor out = oo_out_t(bin[k].tt, s4, 1);
    if (bin[k].quantized & 1) oo_quant1(&in[0], &scale, &zp);
    if (bin[k].quantized & 2) oo_quant1(&in[1], &scale, &zp);
    if (bin[k].quantized & 4) oo_quant1(&out, &scale, &zp);
    oo_op op = {bin[k].op, 0, NULL, 0, in, 2, out};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    hz_expect_refused(bin[k].label, b, size, NULL, 0, "quantization", 0);
  }
  /* Convolution-like ops with an unquantized INT8 filter. */
  static const int8_t w8[16] = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8};
  static const int dw_in[4] = {1, 3, 3, 2}, dw_f[4] = {1, 2, 2, 2},
                   dw_o[4] = {1, 2, 2, 2}, c_f[4] = {2, 2, 2, 2},
                   fc_in[2] = {1, 4}, fc_w[2] = {2, 4}, fc_o[2] = {1, 2};
  oo_tensor x = oo_in(TFLC_TT_INT8, dw_in, 4, NULL);
  oo_quant1(&x, &scale, &zp);
  oo_tensor y = oo_out_t(TFLC_TT_INT8, dw_o, 4);
  oo_quant1(&y, &scale, &zp);
  oo_tensor dw[3] = {x,
                     oo_const(TFLC_TT_INT8, dw_f, 4, w8),
                     {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
  tflc_opt_field dwo[4] = {OPT(0, I8, TFLC_PADDING_VALID), OPT(1, I32, 1),
                           OPT(2, I32, 1), OPT(3, I32, 1)};
  oo_op dwop = {
      TFLC_OP_DEPTHWISE_CONV_2D, TFLC_BO_DEPTHWISE_CONV_2D, dwo, 4, dw, 3, y};
  uint8_t *b = hz_one_op_bytes(&dwop, &size);
  hz_expect_refused("DEPTHWISE_CONV_2D int8 with an unquantized filter", b,
                    size, NULL, 0, "quantization", 0);
  oo_tensor cv[3] = {x,
                     oo_const(TFLC_TT_INT8, c_f, 4, w8),
                     {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
  oo_op cvop = {TFLC_OP_CONV_2D, TFLC_BO_CONV_2D, dwo, 3, cv, 3, y};
  b = hz_one_op_bytes(&cvop, &size);
  hz_expect_refused("CONV_2D int8 with an unquantized filter", b, size, NULL, 0,
                    "quantization", 0);
  oo_tensor fx = oo_in(TFLC_TT_INT8, fc_in, 2, NULL);
  oo_quant1(&fx, &scale, &zp);
  oo_tensor fy = oo_out_t(TFLC_TT_INT8, fc_o, 2);
  oo_quant1(&fy, &scale, &zp);
  oo_tensor fc[3] = {fx,
                     oo_const(TFLC_TT_INT8, fc_w, 2, w8),
                     {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
  oo_op fcop = {TFLC_OP_FULLY_CONNECTED, 0, NULL, 0, fc, 3, fy};
  b = hz_one_op_bytes(&fcop, &size);
  hz_expect_refused("FULLY_CONNECTED int8 with unquantized weights", b, size,
                    NULL, 0, "quantization", 0);

  /* Hybrid FULLY_CONNECTED (FLOAT32 input, INT8 weights) with NaN inputs:
   * quantizing the input row must not convert NaN to an integer (undefined
   * behaviour; the ASan build checks float-cast-overflow). */
  {
    static const float nan_first[4] = {NAN, 1.0f, 0.5f, -2.0f},
                       nan_inside[4] = {1.0f, NAN, 0.5f, -2.0f};
    const float *rows[2] = {nan_first, nan_inside};
    const char *labels[2] = {
        "hybrid FULLY_CONNECTED with a NaN first input",
        "hybrid FULLY_CONNECTED with a NaN inside the row"};
    for (int k = 0; k < 2; k++) {
      oo_tensor hw = oo_const(TFLC_TT_INT8, fc_w, 2, w8);
      oo_quant1(&hw, &scale, &zp);
      oo_tensor hf[3] = {oo_in(TFLC_TT_FLOAT32, fc_in, 2, NULL),
                         hw,
                         {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0}};
      oo_op hop = {TFLC_OP_FULLY_CONNECTED,           0, NULL, 0, hf, 3,
                   oo_out_t(TFLC_TT_FLOAT32, fc_o, 2)};
      b = hz_one_op_bytes(&hop, &size);
      hz_expect_ran(labels[k], b, size, rows[k], 4 * sizeof(float), 0, fc_o, 2,
                    NULL, 0);
    }
  }

  /* Dense(0): FULLY_CONNECTED with 0 units gives a [1, 0] output. */
  static const int w03[2] = {0, 4}, o10[2] = {1, 0};
  oo_tensor d0[2] = {oo_in(TFLC_TT_FLOAT32, fc_in, 2, NULL),
                     oo_const(TFLC_TT_FLOAT32, w03, 2, NULL)};
  oo_op dense0 = {TFLC_OP_FULLY_CONNECTED,          0, NULL, 0, d0, 2,
                  oo_out_t(TFLC_TT_FLOAT32, o10, 2)};
  b = hz_one_op_bytes(&dense0, &size);
  hz_expect_ran("FULLY_CONNECTED with 0 units", b, size, NULL, 0, 0, o10, 2, "",
                0);

  /* Broadcasting a zero-size operand against a non-empty one. */
  static const int a10[2] = {1, 0}, b31[2] = {3, 1}, o30[2] = {3, 0},
                   a210[3] = {2, 1, 0}, b131[3] = {1, 3, 1},
                   o230[3] = {2, 3, 0}, z0[1] = {0};
  struct {
    const char *label;
    int32_t op;
    int8_t tt;
    const int *a, *b, *o;
    int rank;
  } zs[6] = {
      {"MAXIMUM [1, 0] with [3, 1]", TFLC_OP_MAXIMUM, TFLC_TT_FLOAT32, a10, b31,
       o30, 2},
      {"MINIMUM [3, 1] with [1, 0]", TFLC_OP_MINIMUM, TFLC_TT_FLOAT32, b31, a10,
       o30, 2},
      {"MINIMUM int8 [0] with [1]", TFLC_OP_MINIMUM, TFLC_TT_INT8, z0, k_s1, z0,
       1},
      {"ADD [2, 1, 0] with [1, 3, 1]", TFLC_OP_ADD, TFLC_TT_FLOAT32, a210, b131,
       o230, 3},
      {"MUL int8 [1, 3, 1] with [2, 1, 0]", TFLC_OP_MUL, TFLC_TT_INT8, b131,
       a210, o230, 3},
      {"SUB [1, 0] with [3, 1]", TFLC_OP_SUB, TFLC_TT_FLOAT32, a10, b31, o30,
       2},
  };
  for (int k = 0; k < 6; k++) {
    int ra = zs[k].a == z0 || zs[k].a == k_s1 ? 1 : zs[k].rank;
    int rb = zs[k].b == z0 || zs[k].b == k_s1 ? 1 : zs[k].rank;
    oo_tensor in[2] = {oo_in(zs[k].tt, zs[k].a, ra, NULL),
                       oo_in(zs[k].tt, zs[k].b, rb, NULL)};
    oo_tensor out = oo_out_t(zs[k].tt, zs[k].o, zs[k].rank);
    if (zs[k].tt == TFLC_TT_INT8) {
      oo_quant1(&in[0], &scale, &zp);
      oo_quant1(&in[1], &scale, &zp);
      oo_quant1(&out, &scale, &zp);
    }
    oo_op op = {zs[k].op, 0, NULL, 0, in, 2, out};
    b = hz_one_op_bytes(&op, &size);
    hz_expect_ran(zs[k].label, b, size, NULL, 0, 0, zs[k].o, zs[k].rank, "", 0);
  }
  /* [0] against [3] does not broadcast at all. */
  static const int s3[1] = {3};
  oo_tensor nb[2] = {oo_in(TFLC_TT_FLOAT32, z0, 1, NULL),
                     oo_in(TFLC_TT_FLOAT32, s3, 1, NULL)};
  oo_op maxnb = {
      TFLC_OP_MAXIMUM, 0, NULL, 0, nb, 2, oo_out_t(TFLC_TT_FLOAT32, s3, 1)};
  b = hz_one_op_bytes(&maxnb, &size);
  hz_expect_refused("MAXIMUM [0] with [3] (no broadcast)", b, size, NULL, 0,
                    "broadcast", 0);
}

/* Crafted quantization parameters (the integer LSTM's INT32_MIN /
 * INT32_MAX zero points, found by fuzz_invoke, were this class): a zero
 * point outside an INT8 tensor's range must be refused at prepare by every
 * quantized kernel, before it reaches int32 arithmetic (x - zp, -zp); and a
 * finite but tiny output scale must not push a fused clamp bound
 * (bound / scale, then + zero point) out of int32. */
static void kadv_quant_params(void) {
  size_t size;
  static const int s4[1] = {4};
  static const float one = 1.0f;
  static const int64_t z0 = 0, z_max = INT32_MAX, z_min = INT32_MIN;
  struct {
    const char *label;
    int32_t op;
    int n_in;
    int8_t out_tt;
  } ops[] = {
      {"RELU int8 input zero point INT32_MAX", TFLC_OP_RELU, 1, TFLC_TT_INT8},
      {"RELU6 int8 input zero point INT32_MAX", TFLC_OP_RELU6, 1, TFLC_TT_INT8},
      {"LOGISTIC int8 input zero point INT32_MAX", TFLC_OP_LOGISTIC, 1,
       TFLC_TT_INT8},
      {"TANH int8 input zero point INT32_MAX", TFLC_OP_TANH, 1, TFLC_TT_INT8},
      {"HARD_SWISH int8 input zero point INT32_MAX", TFLC_OP_HARD_SWISH, 1,
       TFLC_TT_INT8},
      {"LEAKY_RELU int8 input zero point INT32_MAX", TFLC_OP_LEAKY_RELU, 1,
       TFLC_TT_INT8},
      {"ABS int8 input zero point INT32_MAX", TFLC_OP_ABS, 1, TFLC_TT_INT8},
      {"RSQRT int8 input zero point INT32_MAX", TFLC_OP_RSQRT, 1, TFLC_TT_INT8},
      {"DEQUANTIZE int8 input zero point INT32_MAX", TFLC_OP_DEQUANTIZE, 1,
       TFLC_TT_FLOAT32},
      {"QUANTIZE int8 input zero point INT32_MAX", TFLC_OP_QUANTIZE, 1,
       TFLC_TT_INT8},
      {"ADD int8 input zero point INT32_MAX", TFLC_OP_ADD, 2, TFLC_TT_INT8},
      {"SUB int8 input zero point INT32_MAX", TFLC_OP_SUB, 2, TFLC_TT_INT8},
      {"MUL int8 input zero point INT32_MAX", TFLC_OP_MUL, 2, TFLC_TT_INT8},
      {"DIV int8 input zero point INT32_MAX", TFLC_OP_DIV, 2, TFLC_TT_INT8},
      {"SQUARED_DIFFERENCE int8 input zero point INT32_MAX",
       TFLC_OP_SQUARED_DIFFERENCE, 2, TFLC_TT_INT8},
      {"EQUAL int8 input zero point INT32_MAX", TFLC_OP_EQUAL, 2, TFLC_TT_BOOL},
  };
  for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
    oo_tensor in[2] = {oo_in(TFLC_TT_INT8, s4, 1, NULL),
                       oo_in(TFLC_TT_INT8, s4, 1, NULL)};
    oo_quant1(&in[0], &one, &z_max);
    oo_quant1(&in[1], &one, &z0);
    oo_tensor out = oo_out_t(ops[k].out_tt, s4, 1);
    if (ops[k].out_tt == TFLC_TT_INT8) oo_quant1(&out, &one, &z0);
    oo_op op = {ops[k].op, 0, NULL, 0, in, ops[k].n_in, out};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    hz_expect_refused(ops[k].label, b, size, NULL, 0,
                      "zero point 2147483647 outside [-128, 127]", 0);
  }
  /* The same on the output, with INT32_MIN. */
  {
    oo_tensor in = oo_in(TFLC_TT_INT8, s4, 1, NULL);
    oo_quant1(&in, &one, &z0);
    oo_tensor out = oo_out_t(TFLC_TT_INT8, s4, 1);
    oo_quant1(&out, &one, &z_min);
    oo_op op = {TFLC_OP_RELU, 0, NULL, 0, &in, 1, out};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    hz_expect_refused("RELU int8 output zero point INT32_MIN", b, size, NULL, 0,
                      "zero point -2147483648 outside [-128, 127]", 0);
  }
  /* RELU6 / RELU_N1_TO_1 with output scale 1e-10: the bounds 6 / scale and
   * -1 / scale are far outside int32 (converting them was undefined, and
   * adding the zero point -128 overflowed); they clamp to the type's range,
   * so the op is the identity here (input and output share parameters). */
  static const float tiny = 1e-10f;
  static const int64_t z_lo = -128;
  static const int8_t x4[4] = {-128, -1, 0, 127};
  const struct {
    const char *label;
    int32_t op;
  } relus[2] = {
      {"RELU6 int8 with output scale 1e-10", TFLC_OP_RELU6},
      {"RELU_N1_TO_1 int8 with output scale 1e-10", TFLC_OP_RELU_N1_TO_1}};
  for (int k = 0; k < 2; k++) {
    oo_tensor in = oo_in(TFLC_TT_INT8, s4, 1, NULL);
    oo_quant1(&in, &tiny, &z_lo);
    oo_tensor out = oo_out_t(TFLC_TT_INT8, s4, 1);
    oo_quant1(&out, &tiny, &z_lo);
    oo_op op = {relus[k].op, 0, NULL, 0, &in, 1, out};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    hz_expect_ran(relus[k].label, b, size, x4, sizeof x4, 0, s4, 1, x4,
                  sizeof x4);
  }
  /* RSQRT int8, input scale 1 and output scale 1e4: the multiplier 1e-4 is
   * applied with its shift - 20, a right shift by 33. */
  {
    static const float s_out = 1e4f;
    oo_tensor in = oo_in(TFLC_TT_INT8, s4, 1, NULL);
    oo_quant1(&in, &one, &z0);
    oo_tensor out = oo_out_t(TFLC_TT_INT8, s4, 1);
    oo_quant1(&out, &s_out, &z0);
    oo_op op = {TFLC_OP_RSQRT, 0, NULL, 0, &in, 1, out};
    static const int8_t x[4] = {4, 9, 16, 25};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    hz_expect_refused("RSQRT int8 with output scale 1e4", b, size, x, sizeof x,
                      "below the 2^-12 the INT8 kernel can apply", 0);
  }
  /* ADD int16 with power-of-two scales 1, 2^-40 -> 1: input 2 would be
   * shifted right by 40. */
  {
    static const float tiny2 = 0x1p-40f;
    oo_tensor in[2] = {oo_in(TFLC_TT_INT16, s4, 1, NULL),
                       oo_in(TFLC_TT_INT16, s4, 1, NULL)};
    oo_quant1(&in[0], &one, &z0);
    oo_quant1(&in[1], &tiny2, &z0);
    oo_tensor out = oo_out_t(TFLC_TT_INT16, s4, 1);
    oo_quant1(&out, &one, &z0);
    oo_op op = {TFLC_OP_ADD, 0, NULL, 0, in, 2, out};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    hz_expect_refused("ADD int16 with input scales 1 and 2^-40", b, size, NULL,
                      0, "more than 2^31 times smaller", 0);
  }
  /* Valid parameters whose requantized value is at the end of int32 before
   * the output zero point is added (the sum overflowed; it saturates and
   * the clamp gives the type's limit). REDUCE_PROD of five -128 (scale 1)
   * is -2^35, saturated to INT32_MIN; the output zero point is -1. */
  {
    static const int s15[2] = {1, 5};
    static const int32_t axis1 = 1;
    static const int64_t z_m1 = -1;
    static const int8_t x5[5] = {-128, -128, -128, -128, -128};
    static const int8_t want[1] = {-128};
    oo_tensor in[2] = {oo_in(TFLC_TT_INT8, s15, 2, NULL),
                       oo_const(TFLC_TT_INT32, k_s1, 1, &axis1)};
    oo_quant1(&in[0], &one, &z0);
    oo_tensor out = oo_out_t(TFLC_TT_INT8, k_s1, 1);
    oo_quant1(&out, &one, &z_m1);
    oo_op op = {TFLC_OP_REDUCE_PROD, 0, NULL, 0, in, 2, out};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    hz_expect_ran("REDUCE_PROD int8 saturating at INT32_MIN, zero point -1", b,
                  size, x5, sizeof x5, 0, k_s1, 1, want, sizeof want);
  }
  /* LEAKY_RELU int8 whose alpha multiplier, alpha * s_in / s_out =
   * -(1 - 32761 * 2^-46) * 2^24, rounds to -(2^31 - 1) with shift 24: -128
   * becomes 2^31 - 1 before the output zero point 1 is added. */
  {
    static const float s_in = 1.0f - 181.0f * 0x1p-23f, s_out = 0x1p-24f;
    static const int64_t z_1 = 1;
    static const int8_t x[4] = {-128, 0, -128, 0}, want[4] = {127, 1, 127, 1};
    oo_tensor in = oo_in(TFLC_TT_INT8, s4, 1, NULL);
    oo_quant1(&in, &s_in, &z0);
    oo_tensor out = oo_out_t(TFLC_TT_INT8, s4, 1);
    oo_quant1(&out, &s_out, &z_1);
    tflc_opt_field alpha = tm_opt_f32(0, -(1.0f + 181.0f * 0x1p-23f));
    oo_op op = {TFLC_OP_LEAKY_RELU, TFLC_BO_LEAKY_RELU, &alpha, 1, &in, 1, out};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    hz_expect_ran("LEAKY_RELU int8 with an alpha multiplier of -(2^31 - 1)", b,
                  size, x, sizeof x, 0, s4, 1, want, sizeof want);
  }
}

/* CONV_3D_TRANSPOSE (CVE-2022-41894, GHSA-h6q3-vv32-2cq5: TensorFlow Lite's
 * reference kernel stepped the bias loop by the input channels, writing past
 * the output when there are more input than output channels), and
 * output_shape values that disagree with the input, the filter or the
 * declared output. */
static void kadv_conv3d_transpose(void) {
  size_t size;
  enum { IC = 3, OC = 2, P = 8 }; /* 2x2x2 positions, 1x1x1 kernel */
  static const int sh[1] = {5}, f_s[5] = {1, 1, 1, OC, IC},
                   i_s[5] = {1, 2, 2, 2, IC}, b_s[1] = {OC},
                   o_s[5] = {1, 2, 2, 2, OC}, small[5] = {1, 1, 1, 1, 1},
                   sh4[1] = {4};
  static const float w[OC * IC] = {1, 2, -1, 0.5f, -1, 3},
                            bias[OC] = {0.5f, -1};
  float x[P * IC], want[P * OC];
  for (int p = 0; p < P; p++) {
    for (int c = 0; c < IC; c++) x[p * IC + c] = (float)((p * IC + c) % 5 - 2);
    for (int o = 0; o < OC; o++) {
      float acc = bias[o];
      for (int c = 0; c < IC; c++) acc += x[p * IC + c] * w[o * IC + c];
      want[p * OC + o] = acc;
    }
  }
  tflc_opt_field f[8] = {OPT(0, I8, TFLC_PADDING_VALID),
                         OPT(1, I32, 1),
                         OPT(2, I32, 1),
                         OPT(3, I32, 1),
                         OPT(4, I8, TFLC_ACT_NONE),
                         OPT(5, I32, 1),
                         OPT(6, I32, 1),
                         OPT(7, I32, 1)};
  struct {
    const char *label, *keyword;
    int32_t os[5];
    int n_os, dynamic;
    const int *declared;
  } cases[6] = {
      {"CONV_3D_TRANSPOSE with 3 input and 2 output channels and a bias",
       NULL,
       {1, 2, 2, 2, OC},
       5,
       0,
       o_s},
      {"CONV_3D_TRANSPOSE output_shape with 5 channels, filter with 2",
       "channels",
       {1, 2, 2, 2, 5},
       5,
       0,
       o_s},
      {"CONV_3D_TRANSPOSE output_shape 9x9x9 for a 2x2x2 input",
       "match",
       {1, 9, 9, 9, OC},
       5,
       0,
       o_s},
      {"CONV_3D_TRANSPOSE output_shape with 4 entries",
       "output_shape",
       {1, 2, 2, 2},
       4,
       0,
       o_s},
      {"CONV_3D_TRANSPOSE output_shape given at invoke",
       "output_shape",
       {0},
       5,
       1,
       o_s},
      {"CONV_3D_TRANSPOSE output declared 1x1x1x1x1",
       NULL,
       {1, 2, 2, 2, OC},
       5,
       0,
       small},
  };
  for (int k = 0; k < 6; k++) {
    oo_tensor in[4] = {
        cases[k].dynamic
            ? oo_in(TFLC_TT_INT32, sh, 1, NULL)
            : oo_const(TFLC_TT_INT32, cases[k].n_os == 4 ? sh4 : sh, 1,
                       cases[k].os),
        oo_const(TFLC_TT_FLOAT32, f_s, 5, w), oo_in(TFLC_TT_FLOAT32, i_s, 5, x),
        oo_const(TFLC_TT_FLOAT32, b_s, 1, bias)};
    oo_op op = {TFLC_OP_CONV_3D_TRANSPOSE,
                TFLC_BO_CONV_3D,
                f,
                8,
                in,
                4,
                oo_out_t(TFLC_TT_FLOAT32, cases[k].declared, 5)};
    uint8_t *b = hz_one_op_bytes(&op, &size);
    if (cases[k].keyword) {
      /* At invoke, output_shape is filled with x's bytes: garbage. */
      hz_expect_refused(cases[k].label, b, size, x, sizeof x, cases[k].keyword,
                        0);
    } else {
      hz_expect_ran(cases[k].label, b, size, x, sizeof x, 0, o_s, 5, want,
                    sizeof want);
    }
  }
}

/* GATHER_ND with negative indices (CVE-2021-37687: TensorFlow Lite read
 * before params), for each index type; and neighbours of the zero-size and
 * axis cases above that are valid or must be refused. */
static void kadv_more_indices(void) {
  size_t size;
  static const int p_s[2] = {4, 3}, nd_s[2] = {2, 2}, nd_o[1] = {2};
  static const int8_t tts[3] = {TFLC_TT_INT32, TFLC_TT_INT64, TFLC_TT_INT16};
  static const char *labels[3] = {"GATHER_ND negative int32 index at invoke",
                                  "GATHER_ND negative int64 index at invoke",
                                  "GATHER_ND negative int16 index at invoke"};
  static const uint8_t all_ones[1] = {0xff}; /* -1 in every index type */
  for (int k = 0; k < 3; k++) {
    oo_tensor in[2] = {oo_const(TFLC_TT_FLOAT32, p_s, 2, hz_weights),
                       oo_in(tts[k], nd_s, 2, NULL)};
    oo_op nd = {TFLC_OP_GATHER_ND,
                TFLC_BO_GATHER_ND,
                NULL,
                0,
                in,
                2,
                oo_out_t(TFLC_TT_FLOAT32, nd_o, 1)};
    uint8_t *b = hz_one_op_bytes(&nd, &size);
    hz_expect_refused(labels[k], b, size, all_ones, sizeof all_ones,
                      "out of range", 0);
  }
  /* An int64 index of 2^32 (0 if it were narrowed to 32 bits). */
  static const int64_t big[4] = {(int64_t)1 << 32, 0, 0, 0};
  oo_tensor bin[2] = {oo_const(TFLC_TT_FLOAT32, p_s, 2, hz_weights),
                      oo_in(TFLC_TT_INT64, nd_s, 2, NULL)};
  oo_op bnd = {TFLC_OP_GATHER_ND,
               TFLC_BO_GATHER_ND,
               NULL,
               0,
               bin,
               2,
               oo_out_t(TFLC_TT_FLOAT32, nd_o, 1)};
  uint8_t *b = hz_one_op_bytes(&bnd, &size);
  hz_expect_refused("GATHER_ND int64 index 2^32 at invoke", b, size, big,
                    sizeof big, "out of range", 0);
  /* A constant negative index. */
  static const int32_t neg[4] = {0, 1, -1, 0};
  oo_tensor cin[2] = {oo_const(TFLC_TT_FLOAT32, p_s, 2, hz_weights),
                      oo_const(TFLC_TT_INT32, nd_s, 2, neg)};
  oo_op cnd = {TFLC_OP_GATHER_ND,
               TFLC_BO_GATHER_ND,
               NULL,
               0,
               cin,
               2,
               oo_out_t(TFLC_TT_FLOAT32, nd_o, 1)};
  b = hz_one_op_bytes(&cnd, &size);
  hz_expect_refused("GATHER_ND constant index -1", b, size, NULL, 0,
                    "out of range", 0);

  /* ARG_MAX along an empty axis has no answer; along a non-empty axis of a
   * zero-size input the result is empty. */
  static const int s20[2] = {2, 0}, s03[2] = {0, 3}, o2[1] = {2}, o0[1] = {0};
  static const int32_t axis1 = 1;
  tflc_opt_field type = OPT(0, I8, TFLC_TT_INT32);
  oo_tensor am[2] = {oo_in(TFLC_TT_FLOAT32, s20, 2, NULL),
                     oo_const(TFLC_TT_INT32, k_s1, 1, &axis1)};
  oo_op argmax = {TFLC_OP_ARG_MAX,
                  TFLC_BO_ARG_MAX,
                  &type,
                  1,
                  am,
                  2,
                  oo_out_t(TFLC_TT_INT32, o2, 1)};
  b = hz_one_op_bytes(&argmax, &size);
  hz_expect_refused("ARG_MAX along an axis of size 0", b, size, NULL, 0,
                    "empty", 0);
  am[0].shape = s03;
  argmax.op = TFLC_OP_ARG_MIN;
  argmax.bo = TFLC_BO_ARG_MIN;
  argmax.out.shape = o0;
  b = hz_one_op_bytes(&argmax, &size);
  hz_expect_ran("ARG_MIN of a [0, 3] input along axis 1", b, size, NULL, 0, 0,
                o0, 1, "", 0);

  /* SPLIT of an axis of size 0 into 2: two empty pieces. */
  static const int32_t axis0 = 0;
  oo_tensor sp[2] = {oo_const(TFLC_TT_INT32, k_scalar, 0, &axis0),
                     oo_in(TFLC_TT_FLOAT32, s03, 2, NULL)};
  oo_tensor outs[2] = {oo_out_t(TFLC_TT_FLOAT32, s03, 2),
                       oo_out_t(TFLC_TT_FLOAT32, s03, 2)};
  tflc_opt_field two = OPT(0, I32, 2);
  oo_op split = {TFLC_OP_SPLIT, TFLC_BO_SPLIT, &two, 1, sp, 2, outs[0]};
  b = hz_op_bytes(&split, outs, 2, -1, &size);
  hz_expect_ran("SPLIT of an axis of size 0 into 2", b, size, NULL, 0, 1, s03,
                2, "", 0);
  /* num_splits 3 with 2 outputs. */
  tflc_opt_field three = OPT(0, I32, 3);
  split.fields = &three;
  static const int v6[2] = {6, 2}, v2[2] = {2, 2};
  sp[1].shape = v6;
  outs[0].shape = outs[1].shape = v2;
  b = hz_op_bytes(&split, outs, 2, -1, &size);
  hz_expect_refused("SPLIT num_splits 3 with 2 outputs", b, size, NULL, 0,
                    "output", 0);

  /* SVDF with 0 filters (num_units 0): an empty output. */
  static const int in_s[2] = {1, 4}, wf0[2] = {0, 4}, wt0[2] = {0, 2},
                   st0[2] = {1, 0}, out0[2] = {1, 0};
  oo_tensor sv[5] = {oo_in(TFLC_TT_FLOAT32, in_s, 2, NULL),
                     oo_const(TFLC_TT_FLOAT32, wf0, 2, NULL),
                     oo_const(TFLC_TT_FLOAT32, wt0, 2, NULL),
                     {-1, NULL, 0, NULL, 0, 0, NULL, NULL, 0},
                     oo_in(TFLC_TT_FLOAT32, st0, 2, NULL)};
  tflc_opt_field rank1 = OPT(0, I32, 1);
  oo_op svdf = {TFLC_OP_SVDF,
                TFLC_BO_SVDF,
                &rank1,
                1,
                sv,
                5,
                oo_out_t(TFLC_TT_FLOAT32, out0, 2)};
  b = hz_op_bytes(&svdf, &svdf.out, 1, 4, &size);
  hz_expect_ran("SVDF with 0 filters", b, size, NULL, 0, 0, out0, 2, "", 0);
  /* memory_size 0: no slot for the newest activation. */
  static const int wf4[2] = {4, 4}, wt40[2] = {4, 0}, out4[2] = {1, 4};
  sv[1] = oo_const(TFLC_TT_FLOAT32, wf4, 2, hz_weights);
  sv[2] = oo_const(TFLC_TT_FLOAT32, wt40, 2, NULL);
  svdf.out.shape = out4;
  b = hz_op_bytes(&svdf, &svdf.out, 1, 4, &size);
  hz_expect_refused("SVDF with memory_size 0", b, size, NULL, 0, "memory", 0);

  /* ONE_HOT on an axis past the output's rank. */
  static const int i3[1] = {3}, o34[2] = {3, 4};
  static const int32_t depth4 = 4;
  static const float on = 1, off = 0;
  oo_tensor oh[4] = {oo_in(TFLC_TT_INT32, i3, 1, NULL),
                     oo_const(TFLC_TT_INT32, k_scalar, 0, &depth4),
                     oo_const(TFLC_TT_FLOAT32, k_scalar, 0, &on),
                     oo_const(TFLC_TT_FLOAT32, k_scalar, 0, &off)};
  tflc_opt_field axis5 = OPT(0, I32, 5);
  oo_op onehot = {TFLC_OP_ONE_HOT,
                  TFLC_BO_ONE_HOT,
                  &axis5,
                  1,
                  oh,
                  4,
                  oo_out_t(TFLC_TT_FLOAT32, o34, 2)};
  b = hz_one_op_bytes(&onehot, &size);
  hz_expect_refused("ONE_HOT axis 5 of a rank-2 output", b, size, NULL, 0,
                    "axis", 0);
}

int main(void) {
  kadv_strided_slice();
  kadv_zero_size_divisors();
  kadv_svdf_split();
  kadv_axes();
  kadv_more_indices();
  kadv_quant_and_broadcast();
  kadv_quant_params();
  kadv_conv3d_transpose();
  printf("%d case(s) skipped: operator not implemented yet\n", hz_skipped);
  return CHECK_DONE();
}
