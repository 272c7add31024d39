/* A program written for TensorFlow Lite, compiled unchanged against tflc:
 * it includes only "tensorflow/lite/c/c_api.h" and uses the C API names to
 * run TFLite Micro's hello_world_float model (y = sin(x) learned) from
 * ../shared/models. Skipped, saying so, when the models are absent. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tensorflow/lite/c/c_api.h"
#include "tensorflow/lite/c/common.h"

static int passed = 0, failed = 0;

static void check(int ok, const char *what) {
  if (ok) {
    passed++;
  } else {
    failed++;
    fprintf(stderr, "CHECK failed: %s\n", what);
  }
}

int main(int argc, char **argv) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tflite-micro/hello_world_float.tflite",
           argc > 1 ? argv[1] : "../shared/models");
  FILE *f = fopen(path, "rb");
  if (!f) {
    printf("skipped: %s not found (../shared/models absent)\n", path);
    printf("0 passed, 0 failed\n");
    return 0;
  }
  fclose(f);
  check(TfLiteVersion() != NULL && strlen(TfLiteVersion()) > 0,
        "TfLiteVersion");
  TfLiteModel *model = TfLiteModelCreateFromFile(path);
  check(model != NULL, "TfLiteModelCreateFromFile");
  if (!model) goto done;
  TfLiteInterpreterOptions *options = TfLiteInterpreterOptionsCreate();
  TfLiteInterpreterOptionsSetNumThreads(options, 2);
  TfLiteInterpreter *interpreter = TfLiteInterpreterCreate(model, options);
  TfLiteInterpreterOptionsDelete(options);
  TfLiteModelDelete(model);
  check(interpreter != NULL, "TfLiteInterpreterCreate");
  if (!interpreter) goto done;
  check(TfLiteInterpreterAllocateTensors(interpreter) == kTfLiteOk,
        "AllocateTensors");
  check(TfLiteInterpreterGetInputTensorCount(interpreter) == 1, "one input");
  TfLiteTensor *input = TfLiteInterpreterGetInputTensor(interpreter, 0);
  check(TfLiteTensorType(input) == kTfLiteFloat32, "float input");
  check(TfLiteTensorByteSize(input) == sizeof(float), "one float");
  double worst = 0;
  for (int i = 0; i < 16; i++) {
    float x = (float)i * 0.39f, y = 0;
    TfLiteTensorCopyFromBuffer(input, &x, sizeof x);
    check(TfLiteInterpreterInvoke(interpreter) == kTfLiteOk, "Invoke");
    const TfLiteTensor *output =
        TfLiteInterpreterGetOutputTensor(interpreter, 0);
    TfLiteTensorCopyToBuffer(output, &y, sizeof y);
    double err = fabs((double)y - sin((double)x));
    if (err > worst) worst = err;
  }
  /* The model approximates sin on [0, 2pi) to about 0.1. */
  check(worst < 0.25, "output close to sin(x)");
  printf("max |model(x) - sin(x)| over 16 points: %.3f\n", worst);
  TfLiteInterpreterDelete(interpreter);
done:
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
