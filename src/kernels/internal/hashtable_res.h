/* Hash tables of the HASHTABLE ops (HASHTABLE, HASHTABLE_IMPORT,
 * HASHTABLE_FIND, HASHTABLE_SIZE): a table is an interpreter resource
 * (core/subgraph_api.h resource objects) keyed by HashtableOptions.table_id,
 * created by HASHTABLE at prepare, filled once by HASHTABLE_IMPORT (later
 * imports are ignored, as in TensorFlow Lite; the first of duplicate keys
 * wins) and read by HASHTABLE_FIND / HASHTABLE_SIZE. Keys INT64 or STRING;
 * values INT64, STRING or FLOAT32 (TensorFlow Lite itself builds INT64 ->
 * STRING and STRING -> INT64 tables). Open addressing; strings are copied
 * into the table's own pool. Import allocates (at invoke: the table's size
 * is data). */
#ifndef TFLC_KERNELS_INTERNAL_HASHTABLE_RES_H
#define TFLC_KERNELS_INTERNAL_HASHTABLE_RES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tflc/common.h"

typedef struct ht_table ht_table;

/* True when HASHTABLE may create a table of these types. */
bool ht_types_supported(TfLiteType key, TfLiteType value);

/* The resource id of table `table_id`, creating the (empty) table when it
 * does not exist yet; a table that exists with other types is an error.
 * Reports through ctx. */
TfLiteStatus ht_get_or_create(TfLiteContext *ctx, int32_t table_id,
                              TfLiteType key, TfLiteType value,
                              int *resource_id);

/* The table behind a resource handle tensor (shape [1], INT32/RESOURCE), or
 * NULL with an error reported. */
ht_table *ht_from_handle(TfLiteContext *ctx, const TfLiteTensor *handle);

/* Checks a handle tensor at prepare: RESOURCE or INT32, shape [1]. */
TfLiteStatus ht_check_handle(TfLiteContext *ctx, const TfLiteTensor *handle);

TfLiteType ht_key_type(const ht_table *t);
TfLiteType ht_value_type(const ht_table *t);
size_t ht_size(const ht_table *t);

/* Fills the table from keys[i] -> values[i] (same element count) unless it
 * was already imported. */
TfLiteStatus ht_import(TfLiteContext *ctx, ht_table *t,
                       const TfLiteTensor *keys, const TfLiteTensor *values);

/* Writes out[i] = table[keys[i]], or the default's first element when
 * absent. STRING outputs are sized here. */
TfLiteStatus ht_find(TfLiteContext *ctx, const ht_table *t,
                     const TfLiteTensor *keys, const TfLiteTensor *dflt,
                     TfLiteTensor *out);

#endif
