/* The interpreter's thread pool: workers sleep on a condition variable; a
 * run publishes (fn, arg, n_tasks) with a new generation number, every
 * thread (the caller included) takes task indices from an atomic counter,
 * and the caller waits until all tasks are finished. */
#include "core/thread_pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

struct tflc_thread_pool {
  const tflc_allocator *alloc;
  int n_workers;
  pthread_t *workers;
  pthread_mutex_t lock;
  pthread_cond_t wake;
  pthread_cond_t done;
  unsigned long generation;
  bool stopping;
  bool running; /* a run is in progress (nested runs go serial) */
  tflc_task_fn fn;
  void *arg;
  int n_tasks;
  atomic_int next_task;
  atomic_int tasks_done;
  int workers_idle; /* workers that finished the current generation */
};

static void drain(tflc_thread_pool *p) {
  for (;;) {
    int t = atomic_fetch_add(&p->next_task, 1);
    if (t >= p->n_tasks) break;
    p->fn(p->arg, t);
    atomic_fetch_add(&p->tasks_done, 1);
  }
}

static void *worker_main(void *arg) {
  tflc_thread_pool *p = arg;
  unsigned long seen = 0;
  pthread_mutex_lock(&p->lock);
  for (;;) {
    while (!p->stopping && p->generation == seen)
      pthread_cond_wait(&p->wake, &p->lock);
    if (p->stopping) break;
    seen = p->generation;
    pthread_mutex_unlock(&p->lock);
    drain(p);
    pthread_mutex_lock(&p->lock);
    p->workers_idle++;
    pthread_cond_signal(&p->done);
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

tflc_thread_pool *tflc_pool_create(const tflc_allocator *alloc, int threads) {
  if (threads < 2) return NULL;
  if (threads > 64) threads = 64;
  tflc_thread_pool *p = tflc_calloc(alloc, 1, sizeof *p);
  if (!p) return NULL;
  p->alloc = alloc;
  p->workers = tflc_calloc(alloc, (size_t)(threads - 1), sizeof(pthread_t));
  if (!p->workers) {
    tflc_free(alloc, p);
    return NULL;
  }
  pthread_mutex_init(&p->lock, NULL);
  pthread_cond_init(&p->wake, NULL);
  pthread_cond_init(&p->done, NULL);
  atomic_init(&p->next_task, 0);
  atomic_init(&p->tasks_done, 0);
  for (int i = 0; i < threads - 1; i++) {
    if (pthread_create(&p->workers[i], NULL, worker_main, p) != 0) break;
    p->n_workers++;
  }
  if (p->n_workers == 0) {
    tflc_pool_destroy(p);
    return NULL;
  }
  return p;
}

void tflc_pool_destroy(tflc_thread_pool *p) {
  if (!p) return;
  pthread_mutex_lock(&p->lock);
  p->stopping = true;
  pthread_cond_broadcast(&p->wake);
  pthread_mutex_unlock(&p->lock);
  for (int i = 0; i < p->n_workers; i++) pthread_join(p->workers[i], NULL);
  pthread_mutex_destroy(&p->lock);
  pthread_cond_destroy(&p->wake);
  pthread_cond_destroy(&p->done);
  const tflc_allocator *alloc = p->alloc;
  tflc_free(alloc, p->workers);
  tflc_free(alloc, p);
}

int tflc_pool_threads(const tflc_thread_pool *p) {
  return p ? p->n_workers + 1 : 1;
}

void tflc_pool_run(tflc_thread_pool *p, tflc_task_fn fn, void *arg,
                   int n_tasks) {
  if (n_tasks <= 0) return;
  if (!p || n_tasks == 1) {
    for (int t = 0; t < n_tasks; t++) fn(arg, t);
    return;
  }
  pthread_mutex_lock(&p->lock);
  if (p->running) { /* nested: run serially */
    pthread_mutex_unlock(&p->lock);
    for (int t = 0; t < n_tasks; t++) fn(arg, t);
    return;
  }
  p->running = true;
  p->fn = fn;
  p->arg = arg;
  p->n_tasks = n_tasks;
  atomic_store(&p->next_task, 0);
  atomic_store(&p->tasks_done, 0);
  p->workers_idle = 0;
  p->generation++;
  pthread_cond_broadcast(&p->wake);
  pthread_mutex_unlock(&p->lock);
  drain(p);
  pthread_mutex_lock(&p->lock);
  /* Wait until every worker has left this generation (so none still reads
   * fn/arg when the next run starts). */
  while (p->workers_idle < p->n_workers) pthread_cond_wait(&p->done, &p->lock);
  p->running = false;
  pthread_mutex_unlock(&p->lock);
}
