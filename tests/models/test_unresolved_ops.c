/* Real models whose custom ops tflc does not implement (Edge TPU, Coral's
 * PoseNet decoder, TFLite Micro's Signal ops, SentencePiece, deliberate
 * fakes) must load, and then fail at AllocateTensors with a message naming
 * the op -- never crash, never run with garbage. Skipped, saying so, when
 * ../shared/models is absent. */
#include <stdio.h>
#include <string.h>

#include "support/check.h"
#include "tflc/tflc.h"

typedef struct unresolved_case {
  const char *path;
  const char *op; /* the custom op the message must name */
} unresolved_case;

static const unresolved_case cases[] = {
    {"coral/model_invoking_error.tflite", "fake-op-double"},
    {"coral/mobilenet_v1_0.25_128_quant_edgetpu.tflite", "edgetpu-custom-op"},
    {"mediapipe/face-detector-quantized_edgetpu.tflite", "edgetpu-custom-op"},
    {"coral/posenet_mobilenet_v1_075_353_481_16_quant_decoder.tflite",
     "PosenetDecoderOp"},
    {"tflite-micro/audio_preprocessor_float.tflite", "Signal"},
    {"tflite-micro/audio_preprocessor_int8.tflite", "Signal"},
    {"tf-examples/dummy_sp_text_embedder.tflite", "TFSentencepieceTokenizeOp"},
    {"litert/sparse_tensor.tflite", "FakeOp"},
};

static char messages[4096];

static void collect(void *user, const char *fmt, va_list args) {
  (void)user;
  size_t used = strlen(messages);
  if (used + 2 >= sizeof messages) return;
  vsnprintf(messages + used, sizeof messages - used, fmt, args);
  used = strlen(messages);
  if (used + 1 < sizeof messages) strcat(messages, "\n");
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "../shared/models";
  char probe[4096];
  snprintf(probe, sizeof probe, "%s/MANIFEST.tsv", dir);
  FILE *f = fopen(probe, "r");
  if (!f) {
    printf("skipped: %s not found (../shared/models absent)\n", probe);
    return CHECK_DONE();
  }
  fclose(f);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, cases[i].path);
    messages[0] = '\0';
    TfLiteModel *model =
        TfLiteModelCreateFromFileWithErrorReporter(path, collect, NULL);
    CHECK_MSG(model != NULL, "%s does not load: %s", cases[i].path,
              TflcGetLastModelError());
    if (!model) continue;
    TfLiteInterpreterOptions *opts = TfLiteInterpreterOptionsCreate();
    TfLiteInterpreterOptionsSetErrorReporter(opts, collect, NULL);
    TfLiteInterpreter *it = TfLiteInterpreterCreate(model, opts);
    TfLiteInterpreterOptionsDelete(opts);
    CHECK_MSG(it != NULL, "%s: no interpreter", cases[i].path);
    if (it) {
      TfLiteStatus s = TfLiteInterpreterAllocateTensors(it);
      CHECK_MSG(s == kTfLiteError, "%s: AllocateTensors should fail",
                cases[i].path);
      CHECK_CONTAINS(messages, cases[i].op);
      CHECK_CONTAINS(messages, "custom op");
      if (strcmp(cases[i].op, "edgetpu-custom-op") == 0)
        CHECK_CONTAINS(messages, "Edge TPU");
      /* Invoke after the failed allocation is refused too. */
      CHECK_EQ_INT(TfLiteInterpreterInvoke(it), kTfLiteError);
      printf("%-66s refused: %.120s\n", cases[i].path, strtok(messages, "\n"));
      TfLiteInterpreterDelete(it);
    }
    TfLiteModelDelete(model);
  }
  return CHECK_DONE();
}
