/* TfLiteInterpreter: creation from a model and options, its memory (the
 * default allocator or a caller-supplied arena), error reporting, the op
 * resolver (custom ops from options, then tflc's builtins), AllocateTensors
 * and Invoke of the primary subgraph. */
#include <stdio.h>
#include <string.h>

#include "core/interp_internal.h"

/* ---- options ---- */

TfLiteInterpreterOptions *TfLiteInterpreterOptionsCreate(void) {
  TfLiteInterpreterOptions *o = tflc_calloc(NULL, 1, sizeof *o);
  if (o) o->num_threads = -1;
  return o;
}

TfLiteInterpreterOptions *TfLiteInterpreterOptionsCopy(
    const TfLiteInterpreterOptions *from) {
  if (!from) return NULL;
  TfLiteInterpreterOptions *o = TfLiteInterpreterOptionsCreate();
  if (!o) return NULL;
  *o = *from;
  o->custom_ops = NULL;
  o->n_custom_ops = o->cap_custom_ops = 0;
  if (from->n_custom_ops) {
    o->custom_ops =
        tflc_calloc(NULL, (size_t)from->n_custom_ops, sizeof(tflc_custom_op));
    if (!o->custom_ops) {
      tflc_free(NULL, o);
      return NULL;
    }
    memcpy(o->custom_ops, from->custom_ops,
           sizeof(tflc_custom_op) * (size_t)from->n_custom_ops);
    o->n_custom_ops = o->cap_custom_ops = from->n_custom_ops;
  }
  return o;
}

void TfLiteInterpreterOptionsDelete(TfLiteInterpreterOptions *o) {
  if (!o) return;
  tflc_free(NULL, o->custom_ops);
  tflc_free(NULL, o);
}

void TfLiteInterpreterOptionsSetNumThreads(TfLiteInterpreterOptions *o,
                                           int32_t num_threads) {
  if (o) o->num_threads = num_threads;
}

void TfLiteInterpreterOptionsSetErrorReporter(
    TfLiteInterpreterOptions *o, TfLiteErrorReporterCallback reporter,
    void *user) {
  if (!o) return;
  o->reporter = reporter;
  o->reporter_user = user;
}

void TfLiteInterpreterOptionsAddDelegate(TfLiteInterpreterOptions *o,
                                         TfLiteDelegate *delegate) {
  (void)delegate;
  if (!o) return;
  tflc_err e;
  tflc_err_init(&e, o->reporter, o->reporter_user);
  tflc_errorf(
      &e,
      "delegates are not supported by tflc yet; the delegate is ignored and "
      "the model runs on tflc's CPU kernels");
}

static void add_custom(TfLiteInterpreterOptions *o, const char *name,
                       const TfLiteRegistration *reg, int32_t min_v,
                       int32_t max_v) {
  if (!o || !reg) return;
  if (o->n_custom_ops == o->cap_custom_ops) {
    int cap = o->cap_custom_ops ? o->cap_custom_ops * 2 : 8;
    tflc_custom_op *ops = tflc_calloc(NULL, (size_t)cap, sizeof *ops);
    if (!ops) return;
    if (o->n_custom_ops)
      memcpy(ops, o->custom_ops, sizeof *ops * (size_t)o->n_custom_ops);
    tflc_free(NULL, o->custom_ops);
    o->custom_ops = ops;
    o->cap_custom_ops = cap;
  }
  tflc_custom_op *c = &o->custom_ops[o->n_custom_ops++];
  snprintf(c->name, sizeof c->name, "%s", name ? name : "");
  c->reg = reg;
  c->min_version = min_v;
  c->max_version = max_v;
}

void TfLiteInterpreterOptionsAddCustomOp(TfLiteInterpreterOptions *o,
                                         const char *name,
                                         const TfLiteRegistration *reg,
                                         int32_t min_version,
                                         int32_t max_version) {
  add_custom(o, name, reg, min_version, max_version);
}

void TfLiteInterpreterOptionsAddOperator(TfLiteInterpreterOptions *o,
                                         const TfLiteRegistration *reg) {
  if (!reg) return;
  add_custom(o, reg->custom_name, reg, reg->version, reg->version);
}

void TflcInterpreterOptionsSetQuantizedRounding(
    TfLiteInterpreterOptions *o, TflcQuantizedRounding rounding) {
  if (o) o->quantized_rounding = rounding == kTflcRoundingXnnpack ? 1 : 0;
}

void TflcInterpreterOptionsSetArena(TfLiteInterpreterOptions *o, void *arena,
                                    size_t arena_size) {
  if (!o) return;
  o->arena = arena;
  o->arena_size = arena_size;
}

/* ---- errors and memory ---- */

void tflc_interp_error(TfLiteInterpreter *interp, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  tflc_verrorf(&interp->err, fmt, args);
  va_end(args);
}

void tflc_interp_oom(TfLiteInterpreter *interp, const char *what,
                     size_t bytes) {
  if (interp->caller_arena)
    tflc_interp_error(interp,
                      "the caller-supplied arena (%zu bytes) is too small: it "
                      "needs at least %zu bytes "
                      "(%zu used, then %zu for %s)",
                      interp->bump.size + interp->bump.skip,
                      tflc_bump_needed(&interp->bump, bytes), interp->bump.used,
                      bytes, what);
  else
    tflc_interp_error(interp, "out of memory: %s needs %zu bytes", what, bytes);
}

void *tflc_interp_persistent_alloc(TfLiteInterpreter *interp, size_t bytes) {
  size_t header = (sizeof(tflc_persistent_block) + 15u) & ~(size_t)15u;
  if (bytes > SIZE_MAX - header) return NULL;
  tflc_persistent_block *b = tflc_alloc(interp->alloc, header + bytes);
  if (!b) {
    tflc_interp_oom(interp, "kernel data", bytes);
    return NULL;
  }
  b->next = interp->persistent;
  interp->persistent = b;
  interp->persistent_bytes += bytes;
  uint8_t *p = (uint8_t *)b + header;
  memset(p, 0, bytes);
  return p;
}

const TfLiteRegistration *tflc_interp_find_op(TfLiteInterpreter *interp,
                                              int32_t code, const char *custom,
                                              int version) {
  for (int i = 0; i < interp->n_custom_ops; i++) {
    const tflc_custom_op *c = &interp->custom_ops[i];
    bool name_match = code == 32 && custom && strcmp(c->name, custom) == 0;
    bool builtin_match =
        code != 32 && c->name[0] == '\0' && c->reg->builtin_code == code;
    if (!name_match && !builtin_match) continue;
    if (c->min_version > 0 && version < c->min_version) continue;
    if (c->max_version > 0 && version > c->max_version) continue;
    return c->reg;
  }
  return tflc_builtin_resolver(code, code == 32 ? custom : NULL, version);
}

/* ---- create / delete ---- */

static void interp_free_all(TfLiteInterpreter *interp) {
  const tflc_allocator *alloc = interp->alloc;
  for (int i = 0; i < interp->n_subgraphs; i++)
    tflc_subgraph_destroy(&interp->subgraphs[i]);
  tflc_free(alloc, interp->subgraphs);
  for (int i = 0; i < interp->n_resources; i++) {
    tflc_free(alloc, interp->resources[i].key);
    tflc_free(alloc, interp->resources[i].data);
    if (interp->resources[i].object && interp->resources[i].object_free)
      interp->resources[i].object_free(interp->resources[i].object, alloc);
  }
  tflc_free(alloc, interp->resources);
  tflc_free(alloc, interp->custom_ops);
  tflc_free(alloc, interp->runners);
  tflc_pool_destroy(interp->pool);
  tflc_persistent_block *b = interp->persistent;
  while (b) {
    tflc_persistent_block *next = b->next;
    tflc_free(alloc, b);
    b = next;
  }
  TfLiteModel *model = interp->model;
  tflc_free(alloc, interp);
  tflc_model_release(model);
}

TfLiteInterpreter *TfLiteInterpreterCreate(
    const TfLiteModel *model, const TfLiteInterpreterOptions *options) {
  if (!model) {
    tflc_err e;
    tflc_err_init(&e, options ? options->reporter : NULL,
                  options ? options->reporter_user : NULL);
    tflc_errorf(&e, "TfLiteInterpreterCreate: model is NULL");
    return NULL;
  }
  tflc_bump bump;
  const tflc_allocator *alloc = tflc_default_allocator();
  bool caller_arena = options && options->arena;
  if (caller_arena) tflc_bump_init(&bump, options->arena, options->arena_size);
  TfLiteInterpreter *interp = caller_arena
                                  ? tflc_alloc(&bump.iface, sizeof *interp)
                                  : tflc_alloc(alloc, sizeof *interp);
  if (!interp) {
    tflc_err e;
    tflc_err_init(&e, options ? options->reporter : NULL,
                  options ? options->reporter_user : NULL);
    if (caller_arena)
      tflc_errorf(&e,
                  "the caller-supplied arena (%zu bytes) is too small even for "
                  "the interpreter (%zu bytes)",
                  options->arena_size, sizeof *interp + 16);
    else
      tflc_errorf(&e, "out of memory creating the interpreter");
    return NULL;
  }
  memset(interp, 0, sizeof *interp);
  if (caller_arena) {
    interp->bump = bump;
    interp->bump.iface.user = &interp->bump; /* the copy owns the state now */
    interp->alloc = &interp->bump.iface;
    interp->caller_arena = true;
  } else {
    interp->alloc = alloc;
  }
  tflc_err_init(&interp->err, options ? options->reporter : NULL,
                options ? options->reporter_user : NULL);
  interp->model = (TfLiteModel *)model;
  tflc_model_retain(interp->model);
  interp->def = &model->def;
  interp->num_threads =
      options && options->num_threads > 0 ? options->num_threads : 1;
  interp->quantized_rounding = options ? options->quantized_rounding : 0;
  atomic_init(&interp->cancelled, 0);
  if (interp->num_threads > 1)
    interp->pool = tflc_pool_create(interp->alloc, interp->num_threads);
  if (options && options->n_custom_ops) {
    interp->custom_ops = tflc_calloc(
        interp->alloc, (size_t)options->n_custom_ops, sizeof(tflc_custom_op));
    if (!interp->custom_ops) goto fail;
    memcpy(interp->custom_ops, options->custom_ops,
           sizeof(tflc_custom_op) * (size_t)options->n_custom_ops);
    interp->n_custom_ops = options->n_custom_ops;
  }
  interp->subgraphs = tflc_calloc(
      interp->alloc, (size_t)interp->def->n_subgraphs, sizeof(tflc_subgraph));
  if (!interp->subgraphs) goto fail;
  interp->n_subgraphs = interp->def->n_subgraphs;
  for (int i = 0; i < interp->n_subgraphs; i++)
    if (tflc_subgraph_init(interp, i) != kTfLiteOk) goto fail;
  if (interp->def->n_signatures) {
    interp->runners =
        tflc_calloc(interp->alloc, (size_t)interp->def->n_signatures,
                    sizeof(TfLiteSignatureRunner));
    if (!interp->runners) goto fail;
  }
  return interp;
fail:
  if (!interp->err.msg[0])
    tflc_interp_oom(interp, "creating the interpreter", sizeof(tflc_subgraph));
  interp_free_all(interp);
  return NULL;
}

void TfLiteInterpreterDelete(TfLiteInterpreter *interp) {
  if (interp) interp_free_all(interp);
}

/* ---- allocate / invoke ---- */

TfLiteStatus TfLiteInterpreterAllocateTensors(TfLiteInterpreter *interp) {
  if (!interp) return kTfLiteError;
  interp->err.msg[0] = '\0';
  if (interp->n_subgraphs == 0) {
    tflc_interp_error(interp, "model has no subgraph");
    return kTfLiteError;
  }
  tflc_subgraph *sg = &interp->subgraphs[0];
  sg->prepared = false;
  TfLiteStatus s = tflc_subgraph_allocate(sg);
  interp->allocated = (s == kTfLiteOk);
  return s;
}

TfLiteStatus TfLiteInterpreterInvoke(TfLiteInterpreter *interp) {
  if (!interp) return kTfLiteError;
  interp->err.msg[0] = '\0';
  atomic_store(&interp->cancelled, 0);
  if (!interp->allocated || !interp->subgraphs[0].prepared) {
    tflc_interp_error(interp,
                      "Invoke called before AllocateTensors (call "
                      "TfLiteInterpreterAllocateTensors "
                      "first, and again after resizing an input)");
    return kTfLiteError;
  }
  return tflc_subgraph_invoke(&interp->subgraphs[0]);
}

TfLiteStatus TfLiteInterpreterCancel(const TfLiteInterpreter *interp) {
  if (!interp) return kTfLiteError;
  atomic_store(&((TfLiteInterpreter *)interp)->cancelled, 1);
  return kTfLiteOk;
}

TfLiteStatus TfLiteInterpreterResetVariableTensors(TfLiteInterpreter *interp) {
  if (!interp) return kTfLiteError;
  for (int i = 0; i < interp->n_subgraphs; i++)
    tflc_subgraph_reset_variables(&interp->subgraphs[i]);
  for (int i = 0; i < interp->n_resources; i++)
    interp->resources[i].initialized = false;
  return kTfLiteOk;
}

const char *TflcInterpreterGetLastError(const TfLiteInterpreter *interp) {
  return interp ? interp->err.msg : "";
}

size_t TflcInterpreterGetArenaSize(const TfLiteInterpreter *interp) {
  if (!interp || interp->n_subgraphs == 0) return 0;
  return interp->subgraphs[0].arena_size;
}

int64_t TflcInterpreterGetTensorArenaOffset(const TfLiteInterpreter *interp,
                                            int tensor_index) {
  if (!interp || interp->n_subgraphs == 0) return -1;
  const tflc_subgraph *sg = &interp->subgraphs[0];
  if (tensor_index < 0 || tensor_index >= sg->n_tensors) return -1;
  return sg->arena_offset[tensor_index];
}

size_t TflcInterpreterGetMemoryUsed(const TfLiteInterpreter *interp) {
  if (!interp) return 0;
  size_t total = interp->persistent_bytes;
  for (int i = 0; i < interp->n_subgraphs; i++)
    total += interp->subgraphs[i].arena_capacity;
  return total;
}
