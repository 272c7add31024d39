/* Op tests of sparse constant tensors and DENSIFY: block-sparse, CSR,
 * column-major traversal, 3-D, all index vector widths, random matrices
 * encoded here by a plain reference encoder and densified by the op, the
 * output turned into a constant at prepare, corrupt metadata (each must be
 * an error naming the problem, never a wild read), sparse inputs to other
 * ops, and the model litert/sparse_tensor.tflite (its FakeOp custom op is
 * unresolved; mapped to DENSIFY here, its 4x4 block-sparse constant must
 * give the matrix worked out by hand from its metadata). The models
 * directory is argv[1] (default ../shared/models). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/op_test.h"
#include "tflc/tflc.h"

extern const TfLiteRegistration kern_densify;

typedef struct sp_case {
  int8_t tt;
  const int *shape;
  int rank;
  const tflc_sparsity_def *sp;
  const void *values;
  size_t value_bytes;
} sp_case;

static uint8_t *sp_build(const sp_case *c, size_t *size, int32_t op) {
  tm_model *m = tm_create();
  int in = tm_const(m, c->tt, c->shape, c->rank, c->values, c->value_bytes,
                    "sparse");
  tm_sparsity(m, in, c->sp);
  int out = tm_tensor(m, c->tt, c->shape, c->rank, "dense");
  tm_op(m, op, NULL, &in, 1, &out, 1, 0, NULL, 0);
  tm_io(m, NULL, 0, &out, 1);
  uint8_t *b = tm_finish(m, size);
  tm_free(m);
  return b;
}

/* Densifies; returns the output tensor of r->it (NULL: error in r->err). */
static const TfLiteTensor *sp_run(const sp_case *c, oo_run *r) {
  memset(r, 0, sizeof *r);
  size_t size = 0;
  r->bytes = sp_build(c, &size, TFLC_OP_DENSIFY);
  if (!r->bytes) return NULL;
  r->model =
      TfLiteModelCreateWithErrorReporter(r->bytes, size, oo_report, r->err);
  if (!r->model) return NULL;
  TfLiteInterpreterOptions *o = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(o, oo_report, r->err);
  r->it = TfLiteInterpreterCreate(r->model, o);
  TfLiteInterpreterOptionsDelete(o);
  if (!r->it) return NULL;
  if (TfLiteInterpreterAllocateTensors(r->it) != kTfLiteOk) return NULL;
  if (TfLiteInterpreterInvoke(r->it) != kTfLiteOk) return NULL;
  return TfLiteInterpreterGetOutputTensor(r->it, 0);
}

static void expect_dense(const sp_case *c, const void *want, size_t bytes,
                         const char *label) {
  oo_run r;
  const TfLiteTensor *t = sp_run(c, &r);
  CHECK_MSG(t != NULL, "%s: %s", label, r.err);
  if (t) {
    oo_check_bytes(t, want, bytes, label);
    CHECK_MSG(t->allocation_type == kTfLitePersistentRo,
              "%s: output not made constant", label);
  }
  oo_free(&r);
}

static void expect_error(const sp_case *c, const char *needle,
                         const char *label) {
  oo_run r;
  const TfLiteTensor *t = sp_run(c, &r);
  CHECK_MSG(t == NULL, "%s: expected an error", label);
  CHECK_CONTAINS(r.err, needle);
  oo_free(&r);
}

static tflc_dim_metadata_def dense_dim(int size) {
  tflc_dim_metadata_def d;
  memset(&d, 0, sizeof d);
  d.format = 0;
  d.dense_size = size;
  return d;
}

static tflc_dim_metadata_def csr_dim(int32_t *seg, int nseg, int32_t *idx,
                                     int nidx, uint8_t type) {
  tflc_dim_metadata_def d;
  memset(&d, 0, sizeof d);
  d.format = 1;
  d.segments = seg;
  d.n_segments = nseg;
  d.indices = idx;
  d.n_indices = nidx;
  d.segments_type = type;
  d.indices_type = type;
  return d;
}

/* The 4x4 matrix with 2x2 blocks used by TensorFlow Lite's own tests and
 * by litert/sparse_tensor.tflite. */
static const int8_t block_values[12] = {1, 0, 0, 4, 2, 3, 0, 0, 5, 0, 0, 6};
static const int8_t block_dense[16] = {1, 0, 2, 3, 0, 4, 0, 0,
                                       0, 0, 5, 0, 0, 0, 0, 6};

static void test_block_sparse(void) {
  static int32_t order[4] = {0, 1, 2, 3}, bmap[2] = {0, 1};
  static int32_t seg[3] = {0, 2, 3}, idx[3] = {0, 1, 1};
  tflc_dim_metadata_def dm[4] = {dense_dim(2), csr_dim(seg, 3, idx, 3, 3),
                                 dense_dim(2), dense_dim(2)};
  tflc_sparsity_def sp = {order, 4, bmap, 2, dm, 4};
  static const int shape[2] = {4, 4};
  sp_case c = {TFLC_TT_INT8, shape, 2, &sp, block_values, sizeof block_values};
  expect_dense(&c, block_dense, sizeof block_dense, "block int8");
  float fv[12], fd[16];
  for (int i = 0; i < 12; i++) fv[i] = block_values[i] * 1.5f;
  for (int i = 0; i < 16; i++) fd[i] = block_dense[i] * 1.5f;
  sp_case cf = {TFLC_TT_FLOAT32, shape, 2, &sp, fv, sizeof fv};
  expect_dense(&cf, fd, sizeof fd, "block float32");
  /* The same with uint16 and int32 index vectors. */
  dm[1].segments_type = dm[1].indices_type = 2;
  expect_dense(&c, block_dense, sizeof block_dense, "block uint16 indices");
  dm[1].segments_type = dm[1].indices_type = 1;
  expect_dense(&c, block_dense, sizeof block_dense, "block int32 indices");

  /* Corruptions. */
  sp_case bad = c;
  bad.value_bytes = 11;
  expect_error(&bad, "implies 12 values", "short values");
  int32_t seg_dec[3] = {0, 2, 1};
  dm[1].segments = seg_dec;
  expect_error(&c, "decreases", "segments decrease");
  int32_t seg_big[3] = {0, 2, 4};
  dm[1].segments = seg_big;
  expect_error(&c, "array_indices has 3", "segments past indices");
  int32_t seg_start[3] = {1, 2, 3};
  dm[1].segments = seg_start;
  expect_error(&c, "starts at 1", "segments start");
  dm[1].segments = seg;
  dm[1].n_segments = 2;
  expect_error(&c, "array_segments has 2 entries", "short segments");
  dm[1].n_segments = 3;
  int32_t idx_bad[3] = {0, 2, 1};
  dm[1].indices = idx_bad;
  expect_error(&c, "array_indices[1] = 2 is out of range [0, 2)",
               "index out of range");
  int32_t idx_neg[3] = {0, -1, 1};
  dm[1].indices = idx_neg;
  expect_error(&c, "out of range", "negative index");
  dm[1].indices = idx;
  dm[0].dense_size = 3;
  expect_error(&c, "DENSE of size 3", "dense size");
  dm[0].dense_size = 2;
  dm[2].dense_size = 3;
  expect_error(&c, "not a multiple of its block size 3", "block size");
  dm[2].dense_size = 2;
  int32_t order_bad[4] = {0, 0, 2, 3};
  sp.traversal_order = order_bad;
  expect_error(&c, "not a permutation", "traversal order");
  sp.traversal_order = order;
  sp.n_traversal_order = 3;
  expect_error(&c, "traversal_order has 3 entries", "traversal length");
  sp.n_traversal_order = 4;
  dm[2].format = 1;
  expect_error(&c, "must be DENSE", "sparse block dim");
  dm[2].format = 0;
  dm[1].format = 7;
  expect_error(&c, "unknown format 7", "format");
  dm[1].format = 1;
  expect_dense(&c, block_dense, sizeof block_dense, "block int8 again");
}

/* Plain reference encoder: CSR of a rows x cols matrix in traversal order
 * (0,1) (row-major) or (1,0) (column-major). */
static int encode_csr(const float *dense, int rows, int cols, int col_major,
                      int32_t *seg, int32_t *idx, float *vals) {
  int outer = col_major ? cols : rows, inner = col_major ? rows : cols, n = 0;
  seg[0] = 0;
  for (int o = 0; o < outer; o++) {
    for (int i = 0; i < inner; i++) {
      float v = col_major ? dense[i * cols + o] : dense[o * cols + i];
      if (v != 0.0f) {
        idx[n] = i;
        vals[n++] = v;
      }
    }
    seg[o + 1] = n;
  }
  return n;
}

static void test_random_csr(void) {
  for (int trial = 0; trial < 24; trial++) {
    int rows = 1 + (int)(oo_randf(0, 7)), cols = 1 + (int)(oo_randf(0, 9));
    int col_major = trial % 2;
    float dense[64];
    for (int i = 0; i < rows * cols; i++)
      dense[i] = oo_randf(0, 1) < 0.6f ? 0.0f : oo_randf(-4, 4);
    int32_t seg[16], idx[64];
    float vals[64];
    int n = encode_csr(dense, rows, cols, col_major, seg, idx, vals);
    int32_t order[2] = {col_major, 1 - col_major};
    int outer = col_major ? cols : rows;
    tflc_dim_metadata_def dm[2] = {
        dense_dim(outer),
        csr_dim(seg, outer + 1, idx, n, (uint8_t)(1 + trial % 3))};
    tflc_sparsity_def sp = {order, 2, NULL, 0, dm, 2};
    int shape[2] = {rows, cols};
    sp_case c = {TFLC_TT_FLOAT32,          shape, 2, &sp, vals,
                 sizeof(float) * (size_t)n};
    char label[64];
    snprintf(label, sizeof label, "random csr %dx%d %s", rows, cols,
             col_major ? "col" : "row");
    expect_dense(&c, dense, sizeof(float) * (size_t)(rows * cols), label);
  }
}

static void test_3d_and_all_sparse(void) {
  /* [2,3,2], both inner dims CSR: row 0 has (0,1) and (2,0); row 1 has
   * (1,1). */
  static int32_t order[3] = {0, 1, 2};
  static int32_t s1[3] = {0, 2, 3}, i1[3] = {0, 2, 1};
  static int32_t s2[4] = {0, 1, 2, 3}, i2[3] = {1, 0, 1};
  tflc_dim_metadata_def dm[3] = {dense_dim(2), csr_dim(s1, 3, i1, 3, 3),
                                 csr_dim(s2, 4, i2, 3, 2)};
  tflc_sparsity_def sp = {order, 3, NULL, 0, dm, 3};
  static const int shape[3] = {2, 3, 2};
  static const int32_t vals[3] = {7, 8, 9};
  int32_t want[12] = {0};
  want[0 * 6 + 0 * 2 + 1] = 7;
  want[0 * 6 + 2 * 2 + 0] = 8;
  want[1 * 6 + 1 * 2 + 1] = 9;
  sp_case c = {TFLC_TT_INT32, shape, 3, &sp, vals, sizeof vals};
  expect_dense(&c, want, sizeof want, "3-D two CSR levels");
  /* Top level CSR as well: one parent position. */
  static int32_t s0[2] = {0, 1}, i0[1] = {1};
  static int32_t t1[2] = {0, 1}, j1[1] = {2};
  static int32_t t2[2] = {0, 1}, j2[1] = {0};
  tflc_dim_metadata_def dm2[3] = {csr_dim(s0, 2, i0, 1, 1),
                                  csr_dim(t1, 2, j1, 1, 1),
                                  csr_dim(t2, 2, j2, 1, 1)};
  tflc_sparsity_def sp2 = {order, 3, NULL, 0, dm2, 3};
  int32_t want2[12] = {0};
  want2[1 * 6 + 2 * 2 + 0] = 7;
  sp_case c2 = {TFLC_TT_INT32, shape, 3, &sp2, vals, 4};
  expect_dense(&c2, want2, sizeof want2, "3-D all CSR");
}

static void test_sparse_input_elsewhere(void) {
  /* A sparse constant read by another op is refused. */
  static int32_t order[2] = {0, 1};
  static int32_t seg[3] = {0, 1, 1}, idx[1] = {1};
  tflc_dim_metadata_def dm[2] = {dense_dim(2), csr_dim(seg, 3, idx, 1, 1)};
  tflc_sparsity_def sp = {order, 2, NULL, 0, dm, 2};
  static const int shape[2] = {2, 2};
  static const float v[1] = {3};
  sp_case c = {TFLC_TT_FLOAT32, shape, 2, &sp, v, sizeof v};
  size_t size = 0;
  uint8_t *b = sp_build(&c, &size, TFLC_OP_RELU);
  char err[512] = "";
  TfLiteInterpreter *it = tm_interpreter(b, size, err, sizeof err);
  CHECK(it == NULL);
  CHECK_CONTAINS(err, "only DENSIFY reads sparse tensors");
  if (it) tm_interpreter_delete(it);
  free(b);
}

static uint8_t *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *b = malloc(n > 0 ? (size_t)n : 1);
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
    free(b);
    b = NULL;
  }
  fclose(f);
  *size = (size_t)n;
  return b;
}

static void test_model_file(const char *dir) {
  char path[1024];
  snprintf(path, sizeof path, "%s/litert/sparse_tensor.tflite", dir);
  size_t size = 0;
  uint8_t *bytes = read_file(path, &size);
  CHECK_MSG(bytes != NULL, "cannot read %s", path);
  if (!bytes) return;
  TfLiteModel *model = TfLiteModelCreate(bytes, size);
  CHECK(model != NULL);
  if (!model) {
    free(bytes);
    return;
  }
  /* As shipped: the custom op is unresolved. */
  char err[1024] = "";
  TfLiteInterpreterOptions *o = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetErrorReporter(o, oo_report, err);
  TfLiteInterpreter *it = TfLiteInterpreterCreate(model, o);
  CHECK(it != NULL);
  if (it) {
    CHECK(TfLiteInterpreterAllocateTensors(it) != kTfLiteOk);
    CHECK_CONTAINS(err, "unresolved custom op 'FakeOp'");
    TfLiteInterpreterDelete(it);
  }
  /* FakeOp mapped to DENSIFY: the dense matrix from the metadata
   * (traversal 0,1,2,3; blocks 2x2 on both dims; block rows dense, block
   * columns CSR segments [0,2,3] indices [0,1,1]; values 1 0 0 4 | 2 3 0 0
   * | 5 0 0 6 -> blocks (0,0), (0,1), (1,1)). */
  TfLiteInterpreterOptionsAddCustomOp(o, "FakeOp", &kern_densify, 1, 1);
  err[0] = '\0';
  it = TfLiteInterpreterCreate(model, o);
  CHECK(it != NULL);
  if (it) {
    CHECK_MSG(TfLiteInterpreterAllocateTensors(it) == kTfLiteOk, "%s", err);
    CHECK_MSG(TfLiteInterpreterInvoke(it) == kTfLiteOk, "%s", err);
    const TfLiteTensor *out = TfLiteInterpreterGetOutputTensor(it, 0);
    oo_check_bytes(out, block_dense, sizeof block_dense,
                   "sparse_tensor.tflite");
    TfLiteInterpreterDelete(it);
  }
  TfLiteInterpreterOptionsDelete(o);
  TfLiteModelDelete(model);
  free(bytes);
}

int main(int argc, char **argv) {
  test_block_sparse();
  test_random_csr();
  test_3d_and_all_sparse();
  test_sparse_input_elsewhere();
  test_model_file(argc > 1 ? argv[1] : "../shared/models");
  return CHECK_DONE();
}
