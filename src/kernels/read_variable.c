/* READ_VARIABLE: copies the value of a resource variable (input 0, a
 * RESOURCE handle) into the output, whose shape is the model's. */
#include <string.h>

#include "core/subgraph_api.h"
#include "kernels/kernel_util.h"

static TfLiteStatus read_variable_prepare(TfLiteContext *ctx,
                                          TfLiteNode *node) {
  KERN_ENSURE(ctx, kern_num_inputs(node) == 1 && kern_num_outputs(node) == 1,
              "READ_VARIABLE takes 1 input and gives 1 output");
  const TfLiteTensor *h = kern_input(ctx, node, 0);
  KERN_ENSURE(ctx, h && (h->type == kTfLiteResource || h->type == kTfLiteInt32),
              "READ_VARIABLE input must be a RESOURCE handle");
  return kTfLiteOk;
}

static TfLiteStatus read_variable_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  int id = kern_input(ctx, node, 0)->data.i32[0];
  TfLiteTensor *out = kern_output(ctx, node, 0);
  TfLiteType type;
  const int *dims;
  int rank;
  const void *data;
  size_t bytes;
  KERN_ENSURE(ctx,
              tflc_resource_get(ctx, id, &type, &dims, &rank, &data, &bytes) ==
                  kTfLiteOk,
              "resource id %d does not exist", id);
  KERN_ENSURE(ctx, data != NULL,
              "read of resource variable %d before it was assigned", id);
  KERN_ENSURE(ctx, type == out->type,
              "resource variable %d holds %s but the output is %s", id,
              kern_type_name(type), kern_type_name(out->type));
  if (!TfLiteIntArrayEqualsArray(out->dims, rank, dims)) {
    KERN_ENSURE(ctx, out->allocation_type == kTfLiteDynamic,
                "resource variable %d has a shape other than the output's", id);
    KERN_OK(kern_resize_output(ctx, out, dims, rank));
  }
  KERN_ENSURE(ctx, out->bytes == bytes, "resource variable %d: size mismatch",
              id);
  if (bytes) memcpy(out->data.data, data, bytes);
  return kTfLiteOk;
}

const TfLiteRegistration kern_read_variable = {.prepare = read_variable_prepare,
                                               .invoke = read_variable_invoke};
