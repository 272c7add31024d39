/* VAR_HANDLE: gives the id of the resource variable named by
 * VarHandleOptions (container 0, shared_name 1) as a RESOURCE scalar. */
#include <stdio.h>

#include "core/subgraph_api.h"
#include "kernels/kernel_util.h"

typedef struct var_handle_data {
  int id;
} var_handle_data;

KERN_OP_DATA_INIT(var_handle_init, var_handle_data)

static TfLiteStatus var_handle_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  var_handle_data *d = node->user_data;
  KERN_ENSURE(ctx, d != NULL, "out of memory");
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "VAR_HANDLE has one output");
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, out->type == kTfLiteResource || out->type == kTfLiteInt32,
              "VAR_HANDLE output must be RESOURCE, is %s",
              kern_type_name(out->type));
  int32_t clen = 0, slen = 0;
  const char *container = opt_string(kern_options(node), 0, &clen);
  const char *shared = opt_string(kern_options(node), 1, &slen);
  char key[512];
  if (slen > 0 || clen > 0)
    snprintf(key, sizeof key, "%.*s/%.*s", clen > 200 ? 200 : (int)clen,
             container ? container : "", slen > 300 ? 300 : (int)slen,
             shared ? shared : "");
  else
    snprintf(key, sizeof key, "#anonymous-%p", (void *)node);
  d->id = tflc_resource_id(ctx, key);
  KERN_ENSURE(ctx, d->id >= 0, "out of memory registering resource variable");
  return kern_resize_output(ctx, out, NULL, 0);
}

static TfLiteStatus var_handle_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  var_handle_data *d = node->user_data;
  kern_output(ctx, node, 0)->data.i32[0] = d->id;
  return kTfLiteOk;
}

const TfLiteRegistration kern_var_handle = {.init = var_handle_init,
                                            .prepare = var_handle_prepare,
                                            .invoke = var_handle_invoke};
