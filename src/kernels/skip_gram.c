/* SKIP_GRAM: the skip-grams of the words of a sentence (the first string of
 * the STRING input), as a STRING [n] output, each gram its words joined by
 * one space. SkipGramOptions: ngram_size (field 0), max_skip_size (1: at
 * most this many words skipped between two gram words; 0 gives plain
 * n-grams), include_all_ngrams (2: also the grams of 1..ngram_size-1
 * words). Words are split on whitespace exactly as TensorFlow Lite does
 * (including its quirk: a leading whitespace run drops the first word), and
 * the grams come in TensorFlow Lite's order (depth-first over word
 * positions). Fewer words than ngram_size gives an empty output. */
#include <ctype.h>
#include <string.h>

#include "kernels/internal/string_util.h"
#include "kernels/kernel_util.h"

enum { SG_OPT_NGRAM = 0, SG_OPT_MAX_SKIP = 1, SG_OPT_ALL = 2 };

typedef struct skip_gram_data {
  int ngram, max_skip, all;
  int scratch; /* words (2 ints each) then the stack; -1 when not needed */
  int n_words;
} skip_gram_data;

KERN_OP_DATA_INIT(skip_gram_init, skip_gram_data)

/* Splits s into words; writes [start, len) pairs of the first `cap` words
 * when words != NULL. Returns the number of words. */
static int split_words(const char *s, size_t len, int *words, int cap) {
  int n = 0;
  size_t prev = 0;
  for (size_t i = 1; i < len; i++) {
    if (isspace((unsigned char)s[i])) {
      if (i > prev && !isspace((unsigned char)s[prev])) {
        if (words && n < cap) {
          words[2 * n] = (int)prev;
          words[2 * n + 1] = (int)(i - prev);
        }
        n++;
      }
      prev = i + 1;
    }
  }
  if (len > prev) {
    if (words && n < cap) {
      words[2 * n] = (int)prev;
      words[2 * n + 1] = (int)(len - prev);
    }
    n++;
  }
  return n;
}

static TfLiteStatus skip_gram_prepare(TfLiteContext *ctx, TfLiteNode *node) {
  skip_gram_data *d = (skip_gram_data *)node->user_data;
  KERN_ENSURE(ctx, d != NULL, "op data was not allocated");
  KERN_ENSURE(ctx, kern_num_inputs(node) == 1, "expected 1 input, got %d",
              kern_num_inputs(node));
  KERN_ENSURE(ctx, kern_num_outputs(node) == 1, "expected 1 output, got %d",
              kern_num_outputs(node));
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  KERN_ENSURE(ctx, in != NULL && out != NULL, "input or output is missing");
  KERN_ENSURE(ctx, in->type == kTfLiteString, "input type %s must be STRING",
              kern_type_name(in->type));
  KERN_ENSURE(ctx, out->type == kTfLiteString, "output type %s must be STRING",
              kern_type_name(out->type));
  const tflc_options_ref *o = kern_options(node);
  d->ngram = opt_i32(o, SG_OPT_NGRAM, 0);
  d->max_skip = opt_i32(o, SG_OPT_MAX_SKIP, 0);
  d->all = opt_bool(o, SG_OPT_ALL, false);
  d->scratch = -1;
  d->n_words = 0;
  /* The input's value is known here (a constant, or a node prepared at
   * invoke): size the word list and the stack. */
  str_view v;
  KERN_OK(str_view_init(ctx, in, "input", &v));
  KERN_ENSURE(ctx, v.count >= 1, "input holds no string");
  size_t len;
  const char *s = str_get(&v, 0, &len);
  d->n_words = split_words(s, len, NULL, 0);
  if (d->ngram >= 1 && d->n_words >= d->ngram) {
    size_t bytes = sizeof(int) * (2 * (size_t)d->n_words + (size_t)d->ngram);
    KERN_OK(ctx->RequestScratchBufferInArena(ctx, bytes, &d->scratch));
  }
  return kTfLiteOk;
}

/* Runs the gram enumeration; pass 0 counts grams and bytes, pass 1 writes. */
static TfLiteStatus enumerate(TfLiteContext *ctx, const skip_gram_data *d,
                              const char *s, const int *words, int *stack,
                              str_writer *w, size_t *count, size_t *bytes) {
  int n = d->n_words, ng = d->ngram;
  memset(stack, 0, sizeof(int) * (size_t)ng);
  int depth = 1;
  while (depth >= 0) {
    int step = 0;
    if (depth < ng && stack[depth] + 1 < n)
      step = depth == 0 || stack[depth] - stack[depth - 1] <= d->max_skip;
    if (step) {
      stack[depth]++;
      depth++;
      if (depth < ng) stack[depth] = stack[depth - 1];
      continue;
    }
    if (depth > 0 && (d->all ? depth <= ng : depth == ng)) {
      if (w) {
        str_begin(w);
        for (int i = 0; i < depth; i++) {
          if (i) str_append(w, " ", 1);
          str_append(w, s + words[2 * stack[i]],
                     (size_t)words[2 * stack[i] + 1]);
        }
        str_end(w);
      } else {
        size_t b = (size_t)depth - 1;
        for (int i = 0; i < depth; i++) b += (size_t)words[2 * stack[i] + 1];
        KERN_ENSURE(
            ctx,
            *count < (size_t)INT32_MAX / 8 && *bytes <= (size_t)INT32_MAX - b,
            "too many skip-grams (more than fit in a STRING tensor)");
        (*count)++;
        *bytes += b;
      }
    }
    depth--;
  }
  return kTfLiteOk;
}

static TfLiteStatus skip_gram_invoke(TfLiteContext *ctx, TfLiteNode *node) {
  const skip_gram_data *d = (const skip_gram_data *)node->user_data;
  const TfLiteTensor *in = kern_input(ctx, node, 0);
  TfLiteTensor *out = kern_output(ctx, node, 0);
  str_writer w;
  if (d->scratch < 0) {
    int dims[1] = {0};
    return str_alloc(ctx, out, dims, 1, 0, 0, &w);
  }
  str_view v;
  KERN_OK(str_view_init(ctx, in, "input", &v));
  size_t len;
  const char *s = str_get(&v, 0, &len);
  int *words = (int *)ctx->GetScratchBuffer(ctx, d->scratch);
  KERN_ENSURE(ctx, words != NULL, "scratch buffer is missing");
  KERN_ENSURE(ctx, split_words(s, len, words, d->n_words) == d->n_words,
              "input changed after prepare");
  int *stack = words + 2 * (size_t)d->n_words;
  size_t count = 0, bytes = 0;
  KERN_OK(enumerate(ctx, d, s, words, stack, NULL, &count, &bytes));
  int dims[1] = {(int)count};
  KERN_OK(str_alloc(ctx, out, dims, 1, (int)count, bytes, &w));
  return enumerate(ctx, d, s, words, stack, &w, &count, &bytes);
}

const TfLiteRegistration kern_skip_gram = {
    .init = skip_gram_init,
    .prepare = skip_gram_prepare,
    .invoke = skip_gram_invoke,
    .builtin_code = TFLC_OP_SKIP_GRAM,
    .version = 1,
};
