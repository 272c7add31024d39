/* Writes the example model of `make demo`: the Celsius-to-Fahrenheit single
 * neuron of the TensorFlow Lite tutorials (one FULLY_CONNECTED unit, weight
 * 1.8, bias 32), built with tflc's own .tflite writer, plus an input file
 * with a few temperatures. Usage: make_example_model OUT.tflite [IN.npy] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "npy.h"
#include "schema/schema.h"
#include "schema/schema_enums.h"

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s OUT.tflite [INPUT.npy]\n", argv[0]);
    return 2;
  }
  float weight = 1.8f, bias = 32.0f;
  int32_t in_shape[2] = {-1, 1}, shape_1x1[2] = {1, 1}, bias_shape[1] = {1};
  (void)in_shape;
  int32_t sig[2] = {-1, 1};
  tflc_tensor_def tensors[4];
  memset(tensors, 0, sizeof tensors);
  tensors[0] = (tflc_tensor_def){.name = "celsius",
                                 .type = TFLC_TT_FLOAT32,
                                 .shape = shape_1x1,
                                 .rank = 2,
                                 .has_shape_signature = true,
                                 .shape_signature = sig,
                                 .n_shape_signature = 2,
                                 .has_rank = true};
  tensors[1] = (tflc_tensor_def){.name = "dense/kernel",
                                 .type = TFLC_TT_FLOAT32,
                                 .shape = shape_1x1,
                                 .rank = 2,
                                 .buffer = 1,
                                 .has_rank = true};
  tensors[2] = (tflc_tensor_def){.name = "dense/bias",
                                 .type = TFLC_TT_FLOAT32,
                                 .shape = bias_shape,
                                 .rank = 1,
                                 .buffer = 2,
                                 .has_rank = true};
  tensors[3] = (tflc_tensor_def){.name = "fahrenheit",
                                 .type = TFLC_TT_FLOAT32,
                                 .shape = shape_1x1,
                                 .rank = 2,
                                 .has_shape_signature = true,
                                 .shape_signature = sig,
                                 .n_shape_signature = 2,
                                 .has_rank = true};
  int32_t op_in[3] = {0, 1, 2}, op_out[1] = {3}, g_in[1] = {0}, g_out[1] = {3};
  tflc_opt_field act = {.id = 0, .kind = TFLC_OPT_I8, .i = TFLC_ACT_NONE};
  tflc_operator_def op;
  memset(&op, 0, sizeof op);
  op.opcode_index = 0;
  op.inputs = op_in;
  op.n_inputs = 3;
  op.outputs = op_out;
  op.n_outputs = 1;
  op.write_options_type = TFLC_BO_FULLY_CONNECTED;
  op.write_options = &act;
  op.n_write_options = 1;
  tflc_opcode_def opcode = {.builtin_code = TFLC_OP_FULLY_CONNECTED,
                            .deprecated_builtin_code = TFLC_OP_FULLY_CONNECTED,
                            .effective_code = TFLC_OP_FULLY_CONNECTED,
                            .version = 1};
  tflc_buffer_def buffers[3] = {{NULL, 0, false},
                                {(const uint8_t *)&weight, 4, false},
                                {(const uint8_t *)&bias, 4, false}};
  tflc_subgraph_def sg = {.tensors = tensors,
                          .n_tensors = 4,
                          .inputs = g_in,
                          .n_inputs = 1,
                          .outputs = g_out,
                          .n_outputs = 1,
                          .operators = &op,
                          .n_operators = 1,
                          .name = "main"};
  tflc_tensor_map_def sig_in = {"celsius", 0}, sig_out = {"fahrenheit", 3};
  tflc_signature_def signature = {.inputs = &sig_in,
                                  .n_inputs = 1,
                                  .outputs = &sig_out,
                                  .n_outputs = 1,
                                  .key = "serving_default",
                                  .subgraph_index = 0};
  tflc_model_def def;
  memset(&def, 0, sizeof def);
  def.version = 3;
  def.opcodes = &opcode;
  def.n_opcodes = 1;
  def.subgraphs = &sg;
  def.n_subgraphs = 1;
  def.description = "Celsius to Fahrenheit (tflc example)";
  def.buffers = buffers;
  def.n_buffers = 3;
  def.signatures = &signature;
  def.n_signatures = 1;
  uint8_t *bytes = NULL;
  size_t size = 0;
  char err[512];
  if (schema_write(&def, NULL, &bytes, &size, err, sizeof err) != 0) {
    fprintf(stderr, "cannot write the model: %s\n", err);
    return 1;
  }
  FILE *f = fopen(argv[1], "wb");
  if (!f || fwrite(bytes, 1, size, f) != size || fclose(f) != 0) {
    fprintf(stderr, "cannot write %s\n", argv[1]);
    free(bytes);
    return 1;
  }
  free(bytes);
  printf("wrote %s (%zu bytes)\n", argv[1], size);
  if (argc >= 3) {
    float celsius[1] = {100.0f};
    int shape[2] = {1, 1};
    if (npy_write(argv[2], kTfLiteFloat32, shape, 2, celsius, sizeof celsius,
                  err, sizeof err) != 0) {
      fprintf(stderr, "cannot write %s: %s\n", argv[2], err);
      return 1;
    }
    printf("wrote %s (celsius = 100)\n", argv[2]);
  }
  return 0;
}
