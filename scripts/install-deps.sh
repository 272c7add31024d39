#!/usr/bin/env bash
# Installs the Debian packages the build and tests need, when they are
# missing: cmake, a C compiler, make (build); clang (warning check with a
# second compiler; libclang-rt-14-dev: libFuzzer and TSan); clang-format
# (the style check of make test); clang-tidy (make analyze); for the Python
# package, for Debian's /usr/bin/python3: python3-dev, python3-numpy,
# python3-pytest, python3-setuptools. Safe to run again: it installs only
# what is absent. When the Python packages cannot be installed it says so and
# goes on (the C library still builds; `make test` then fails test_python).
set -euo pipefail

need=()
command -v cmake >/dev/null 2>&1 || need+=(cmake)
command -v gcc >/dev/null 2>&1 || need+=(gcc)
command -v make >/dev/null 2>&1 || need+=(make)
if [ "${TFLC_NEED_CLANG:-0}" = 1 ]; then
  command -v clang >/dev/null 2>&1 || need+=(clang)
  # libFuzzer and the ThreadSanitizer runtime (make fuzz, make test-tsan).
  compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a" >/dev/null ||
    need+=(libclang-rt-14-dev)
fi
# clang-format (make format, make format-check).
if [ "${TFLC_NEED_FORMAT:-0}" = 1 ]; then
  command -v clang-format >/dev/null 2>&1 || need+=(clang-format)
fi
# clang-tidy (make analyze).
if [ "${TFLC_NEED_TIDY:-0}" = 1 ]; then
  command -v clang-tidy >/dev/null 2>&1 || need+=(clang-tidy)
fi

# Python package (optional for the library build).
PY=/usr/bin/python3
py_need=()
if [ -x "$PY" ]; then
  "$PY" -c 'import sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
    >/dev/null 2>&1 || py_need+=(python3-dev)
  "$PY" -c 'import numpy' >/dev/null 2>&1 || py_need+=(python3-numpy)
  "$PY" -c 'import pytest' >/dev/null 2>&1 || py_need+=(python3-pytest)
  "$PY" -c 'import setuptools' >/dev/null 2>&1 || py_need+=(python3-setuptools)
else
  py_need+=(python3 python3-dev python3-numpy python3-pytest python3-setuptools)
fi

if [ ${#need[@]} -eq 0 ] && [ ${#py_need[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    if [ ${#need[@]} -ne 0 ]; then
      echo "install-deps: need root (or sudo) to install: ${need[*]}" >&2
      exit 1
    fi
    echo "install-deps: the Python package will not be built or tested: missing ${py_need[*]}" \
         "(need root or sudo to install them)" >&2
    exit 0
  fi
fi

if [ ${#need[@]} -ne 0 ]; then
  echo "install-deps: installing ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
  updated=1
fi
if [ ${#py_need[@]} -ne 0 ]; then
  echo "install-deps: installing ${py_need[*]} (for the tflc Python package)"
  if ! { [ -n "${updated:-}" ] || $SUDO apt-get update -qq; } ||
     ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${py_need[@]}"; then
    echo "install-deps: could not install ${py_need[*]}: the Python package will not be" \
         "built (the C library still is); make test will fail test_python" >&2
  fi
fi
exit 0
