/* Minimal test assertions for tflc's C tests: each test program counts
 * checks, prints every failure with file and line, and ends with
 * CHECK_DONE() which prints "N passed, N failed" and returns the exit code. */
#ifndef TFLC_TESTS_CHECK_H
#define TFLC_TESTS_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Defined in check.c: the helpers of tests/support count into them too. */
extern int check_passed_;
extern int check_failed_;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (cond) {                                                                \
      check_passed_++;                                                         \
    } else {                                                                   \
      check_failed_++;                                                         \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

#define CHECK_MSG(cond, ...)                                                   \
  do {                                                                         \
    if (cond) {                                                                \
      check_passed_++;                                                         \
    } else {                                                                   \
      check_failed_++;                                                         \
      fprintf(stderr, "%s:%d: CHECK failed: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                            \
      fprintf(stderr, "\n");                                                   \
    }                                                                          \
  } while (0)

#define CHECK_EQ_INT(a, b)                                \
  do {                                                    \
    long long va_ = (long long)(a), vb_ = (long long)(b); \
    CHECK_MSG(va_ == vb_, "%lld != %lld", va_, vb_);      \
  } while (0)

#define CHECK_NEAR(a, b, tol)                                              \
  do {                                                                     \
    double va_ = (double)(a), vb_ = (double)(b);                           \
    CHECK_MSG(fabs(va_ - vb_) <= (tol), "%.9g vs %.9g (tol %g)", va_, vb_, \
              (double)(tol));                                              \
  } while (0)

/* True when haystack contains needle. */
#define CHECK_CONTAINS(haystack, needle)                                \
  do {                                                                  \
    const char *h_ = (haystack);                                        \
    CHECK_MSG(h_ &&strstr(h_, (needle)) != NULL, "\"%s\" lacks \"%s\"", \
              h_ ? h_ : "(null)", (needle));                            \
  } while (0)

#define CHECK_DONE()                                               \
  (printf("%d passed, %d failed\n", check_passed_, check_failed_), \
   check_failed_ ? 1 : 0)

#endif
