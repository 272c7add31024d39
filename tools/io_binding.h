/* The inputs and outputs of the subgraph a tool executes: subgraph 0 through
 * the interpreter, or a signature's subgraph through its signature runner.
 * Either way inputs/outputs are numbered in the executed SUBGRAPH's order (as
 * the reference files input_<i>.npy / output_<i>.npy are), and .npy arrays
 * can be fed with type checks and resizing. Used by `tflc run` and the
 * conformance test. */
#ifndef TFLC_TOOLS_IO_BINDING_H
#define TFLC_TOOLS_IO_BINDING_H

#include <stddef.h>

#include "npy.h"
#include "tflc/c_api.h"

typedef struct io_binding {
  TfLiteInterpreter *interp;     /* not owned */
  TfLiteSignatureRunner *runner; /* owned; NULL = subgraph 0 */
  int n_inputs;
  int n_outputs;
  char **in_names; /* runner: signature names; else tensor names */
  char **out_names;
  /* Non-empty when the numbering could not follow the subgraph order. */
  char note[160];
} io_binding;

/* Binds subgraph 0 (signature NULL or "-") or the named signature. The model
 * file is read again (and decoded) to number a signature's inputs/outputs in
 * its subgraph's order. 0, or -1 with a message. */
int io_bind(io_binding *b, TfLiteInterpreter *interp, const char *model_path,
            const char *signature, char *err, size_t errlen);
void io_unbind(io_binding *b);

TfLiteTensor *io_input(const io_binding *b, int i);
const TfLiteTensor *io_output(const io_binding *b, int i);
/* Input position for a signature input name or a tensor name, -1 if none. */
int io_find_input(const io_binding *b, const char *name);

TfLiteStatus io_resize(io_binding *b, int i, const int *dims, int rank);
TfLiteStatus io_allocate(io_binding *b);
TfLiteStatus io_invoke(io_binding *b);
/* The interpreter's last error message, or a placeholder when empty. */
const char *io_last_error(const io_binding *b);

/* Feeds arrays[i] to input i for all inputs: types must match exactly
 * (message names the input, expected and given types); inputs whose shape
 * differs are resized; then tensors are allocated and the data copied.
 * 0, or -1 with a message. */
int io_feed(io_binding *b, const npy_array *arrays, char *err, size_t errlen);

/* Tensor dims as an int array pointer and rank (rank 0 when dims is NULL). */
const int *io_dims(const TfLiteTensor *t, int *rank);

#endif
