/* Hash table resources of the HASHTABLE ops; see hashtable_res.h. */
#include "kernels/internal/hashtable_res.h"

#include <stdio.h>
#include <string.h>

#include "base/allocator.h"
#include "core/subgraph_api.h"
#include "kernels/internal/string_util.h"
#include "kernels/kernel_util.h"

#define HT_MAGIC 0x48544231u /* "HTB1" */

typedef struct ht_entry {
  uint64_t hash;
  int64_t key;   /* INT64 key, or offset of a STRING key in the pool */
  int64_t value; /* INT64 value, FLOAT32 bits, or pool offset of a STRING */
  uint32_t key_len, value_len;
  bool used;
} ht_entry;

struct ht_table {
  uint32_t magic;
  TfLiteType key_type, value_type;
  bool imported;
  size_t n, cap; /* cap: a power of two, or 0 */
  ht_entry *slots;
  char *pool;
};

bool ht_types_supported(TfLiteType key, TfLiteType value) {
  return (key == kTfLiteInt64 || key == kTfLiteString) &&
         (value == kTfLiteInt64 || value == kTfLiteString ||
          value == kTfLiteFloat32);
}

static void ht_free(void *object, const struct tflc_allocator *alloc) {
  ht_table *t = (ht_table *)object;
  tflc_free(alloc, t->slots);
  tflc_free(alloc, t->pool);
  tflc_free(alloc, t);
}

TfLiteStatus ht_get_or_create(TfLiteContext *ctx, int32_t table_id,
                              TfLiteType key, TfLiteType value,
                              int *resource_id) {
  char name[48];
  snprintf(name, sizeof name, "#hashtable/%d", (int)table_id);
  int id = tflc_resource_id(ctx, name);
  KERN_ENSURE(ctx, id >= 0, "out of memory registering hash table %d",
              (int)table_id);
  ht_table *t = (ht_table *)tflc_resource_object(ctx, id);
  if (!t) {
    t = tflc_calloc(tflc_ctx_allocator(ctx), 1, sizeof *t);
    KERN_ENSURE(ctx, t != NULL, "out of memory creating hash table %d",
                (int)table_id);
    t->magic = HT_MAGIC;
    t->key_type = key;
    t->value_type = value;
    if (tflc_resource_set_object(ctx, id, t, ht_free) != kTfLiteOk) {
      ht_free(t, tflc_ctx_allocator(ctx));
      KERN_ENSURE(ctx, 0, "cannot register hash table %d", (int)table_id);
    }
  }
  KERN_ENSURE(ctx, t->key_type == key && t->value_type == value,
              "hash table %d exists as %s -> %s, not %s -> %s", (int)table_id,
              kern_type_name(t->key_type), kern_type_name(t->value_type),
              kern_type_name(key), kern_type_name(value));
  *resource_id = id;
  return kTfLiteOk;
}

TfLiteStatus ht_check_handle(TfLiteContext *ctx, const TfLiteTensor *h) {
  KERN_ENSURE(ctx, h != NULL, "the table handle input is missing");
  KERN_ENSURE(ctx, h->type == kTfLiteResource || h->type == kTfLiteInt32,
              "the table handle is %s, not RESOURCE or INT32",
              kern_type_name(h->type));
  KERN_ENSURE(ctx, kern_ndims(h) == 1 && kern_dim(h, 0) == 1,
              "the table handle must have shape [1]");
  return kTfLiteOk;
}

ht_table *ht_from_handle(TfLiteContext *ctx, const TfLiteTensor *h) {
  if (!h->data.raw_const || h->bytes < 4) {
    ctx->ReportError(ctx, "the table handle has no data");
    return NULL;
  }
  int32_t id;
  memcpy(&id, h->data.raw_const, 4);
  ht_table *t = (ht_table *)tflc_resource_object(ctx, id);
  if (!t || t->magic != HT_MAGIC) {
    ctx->ReportError(ctx, "resource %d is not a hash table", (int)id);
    return NULL;
  }
  return t;
}

TfLiteType ht_key_type(const ht_table *t) { return t->key_type; }
TfLiteType ht_value_type(const ht_table *t) { return t->value_type; }
size_t ht_size(const ht_table *t) { return t->n; }

static uint64_t hash_bytes(const char *p, size_t n) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)p[i]) * 1099511628211ull;
  return h;
}

static uint64_t hash_i64(int64_t v) {
  uint64_t z = (uint64_t)v + 0x9e3779b97f4a7c15ull; /* splitmix64 finalizer */
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/* A key to look up: INT64 value or string bytes. */
typedef struct ht_key {
  int64_t i;
  const char *s;
  size_t len;
  uint64_t hash;
} ht_key;

static ht_key key_at(const ht_table *t, const TfLiteTensor *keys,
                     const str_view *v, size_t i) {
  ht_key k = {0, NULL, 0, 0};
  if (t->key_type == kTfLiteString) {
    k.s = str_get(v, (int)i, &k.len);
    k.hash = hash_bytes(k.s, k.len);
  } else {
    k.i = keys->data.i64[i];
    k.hash = hash_i64(k.i);
  }
  return k;
}

/* The slot holding k, or the empty slot where it would go. */
static ht_entry *probe(const ht_table *t, const ht_key *k) {
  size_t mask = t->cap - 1;
  for (size_t i = (size_t)k->hash & mask;; i = (i + 1) & mask) {
    ht_entry *e = &t->slots[i];
    if (!e->used) return e;
    if (e->hash != k->hash) continue;
    if (t->key_type == kTfLiteString) {
      if (e->key_len == k->len &&
          (k->len == 0 || memcmp(t->pool + e->key, k->s, k->len) == 0))
        return e;
    } else if (e->key == k->i) {
      return e;
    }
  }
}

static TfLiteStatus add_len(TfLiteContext *ctx, size_t *total, size_t len) {
  KERN_ENSURE(ctx, len <= UINT32_MAX && *total <= SIZE_MAX - len,
              "hash table strings are too large");
  *total += len;
  return kTfLiteOk;
}

TfLiteStatus ht_import(TfLiteContext *ctx, ht_table *t,
                       const TfLiteTensor *keys, const TfLiteTensor *values) {
  if (t->imported) return kTfLiteOk;
  KERN_ENSURE(ctx, keys->type == t->key_type && values->type == t->value_type,
              "the table is %s -> %s but keys are %s and values %s",
              kern_type_name(t->key_type), kern_type_name(t->value_type),
              kern_type_name(keys->type), kern_type_name(values->type));
  size_t n = kern_num_elements(keys);
  KERN_ENSURE(ctx, n == kern_num_elements(values), "%zu keys but %zu values", n,
              kern_num_elements(values));
  str_view kv = {NULL, 0}, vv = {NULL, 0};
  if (keys->type == kTfLiteString)
    KERN_OK(str_view_init(ctx, keys, "keys", &kv));
  if (values->type == kTfLiteString)
    KERN_OK(str_view_init(ctx, values, "values", &vv));
  size_t pool = 0, len;
  for (size_t i = 0; i < n; i++) {
    if (kv.buf) {
      str_get(&kv, (int)i, &len);
      KERN_OK(add_len(ctx, &pool, len));
    }
    if (vv.buf) {
      str_get(&vv, (int)i, &len);
      KERN_OK(add_len(ctx, &pool, len));
    }
  }
  size_t cap = 8;
  while (cap < 2 * n) cap *= 2;
  const tflc_allocator *alloc = tflc_ctx_allocator(ctx);
  ht_entry *slots = tflc_calloc(alloc, cap, sizeof *slots);
  char *p = tflc_alloc(alloc, pool ? pool : 1);
  if (!slots || !p) {
    tflc_free(alloc, slots);
    tflc_free(alloc, p);
    KERN_ENSURE(ctx, 0, "out of memory importing %zu entries into a hash table",
                n);
  }
  t->slots = slots;
  t->pool = p;
  t->cap = cap;
  t->n = 0;
  size_t used = 0;
  for (size_t i = 0; i < n; i++) {
    ht_key k = key_at(t, keys, &kv, i);
    ht_entry *e = probe(t, &k);
    if (e->used) continue; /* the first of duplicate keys wins */
    e->used = true;
    e->hash = k.hash;
    if (k.s) {
      memcpy(p + used, k.s, k.len);
      e->key = (int64_t)used;
      e->key_len = (uint32_t)k.len;
      used += k.len;
    } else {
      e->key = k.i;
    }
    if (vv.buf) {
      const char *s = str_get(&vv, (int)i, &len);
      memcpy(p + used, s, len);
      e->value = (int64_t)used;
      e->value_len = (uint32_t)len;
      used += len;
    } else if (values->type == kTfLiteFloat32) {
      uint32_t bits;
      memcpy(&bits, &values->data.f[i], 4);
      e->value = bits;
    } else {
      e->value = values->data.i64[i];
    }
    t->n++;
  }
  t->imported = true;
  return kTfLiteOk;
}

TfLiteStatus ht_find(TfLiteContext *ctx, const ht_table *t,
                     const TfLiteTensor *keys, const TfLiteTensor *dflt,
                     TfLiteTensor *out) {
  KERN_ENSURE(ctx, keys->type == t->key_type && out->type == t->value_type,
              "the table is %s -> %s but keys are %s and the output %s",
              kern_type_name(t->key_type), kern_type_name(t->value_type),
              kern_type_name(keys->type), kern_type_name(out->type));
  size_t n = kern_num_elements(keys);
  str_view kv = {NULL, 0}, dv = {NULL, 0};
  if (keys->type == kTfLiteString)
    KERN_OK(str_view_init(ctx, keys, "keys", &kv));
  if (t->value_type == kTfLiteString) {
    KERN_OK(str_view_init(ctx, dflt, "default value", &dv));
    KERN_ENSURE(ctx, dv.count >= 1, "the default value is empty");
    size_t dlen, total = 0;
    const char *ds = str_get(&dv, 0, &dlen);
    for (size_t i = 0; i < n; i++) {
      ht_key k = key_at(t, keys, &kv, i);
      const ht_entry *e = t->cap ? probe(t, &k) : NULL;
      KERN_OK(add_len(ctx, &total, e && e->used ? e->value_len : dlen));
    }
    str_writer w;
    KERN_OK(str_alloc(ctx, out, keys->dims->data, kern_ndims(keys), (int)n,
                      total, &w));
    for (size_t i = 0; i < n; i++) {
      ht_key k = key_at(t, keys, &kv, i);
      const ht_entry *e = t->cap ? probe(t, &k) : NULL;
      if (e && e->used)
        str_add(&w, t->pool + e->value, e->value_len);
      else
        str_add(&w, ds, dlen);
    }
    return kTfLiteOk;
  }
  KERN_ENSURE(ctx, kern_num_elements(dflt) >= 1 && dflt->data.raw_const,
              "the default value is empty");
  for (size_t i = 0; i < n; i++) {
    ht_key k = key_at(t, keys, &kv, i);
    const ht_entry *e = t->cap ? probe(t, &k) : NULL;
    bool hit = e && e->used;
    if (t->value_type == kTfLiteFloat32) {
      if (hit) {
        uint32_t bits = (uint32_t)e->value;
        memcpy(&out->data.f[i], &bits, 4);
      } else {
        out->data.f[i] = dflt->data.f[0];
      }
    } else {
      out->data.i64[i] = hit ? e->value : dflt->data.i64[0];
    }
  }
  return kTfLiteOk;
}
