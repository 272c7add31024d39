# Front door of the tflc build (wraps CMake):
#   make            Release build in build/ (libtflc.a, libtflc.so, tflc)
#   make demo       builds, writes the example model, runs it with `tflc run`
#   make test       installs missing packages, builds with -Werror (gcc and
#                   clang), runs every test, then again under ASan+UBSan
#   make build-debug  debug build in build-debug/ (what developers iterate on)
#   make fuzz       libFuzzer targets (build-fuzz/), each for FUZZ_SECONDS
#   make fuzz-ci    each fuzz target for a short fixed time (part of make test)
#   make test-tsan  the threads test under ThreadSanitizer (part of make test)
#   make test-msan  the C tests under MemorySanitizer: reads of uninitialised
#                   memory (part of make test; not the Python suite)
#   make test-python  the Python package's pytest suite (build-debug/; also
#                   run by make test, as ctest test_python, in debug and ASan)
#   make bench      Release build of bench_models (build/), then runs it:
#                   invoke times and arena size over real models (BENCH_ARGS)
#   make format     applies .clang-format to every C file of the repo
#   make analyze    clang-tidy (.clang-tidy: static analyzer + bugprone) over
#                   src/ and tools/; fails on any finding (part of make test)
#   make format-check  fails when a C file is not formatted (part of make test)
JOBS ?= 2
FUZZ_SECONDS ?= 60
FUZZ_CI_SECONDS ?= 25
CMAKE ?= cmake

.PHONY: all deps build build-debug build-clang build-asan demo test test-debug test-asan clean \
	fuzz-build fuzz fuzz-ci build-tsan test-tsan build-msan test-msan test-python bench format format-check analyze

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	$(CMAKE) -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
	$(CMAKE) --build build -j $(JOBS)

build-debug: deps
	$(CMAKE) -S . -B build-debug -DCMAKE_BUILD_TYPE=Debug -DTFLC_WERROR=ON >/dev/null
	$(CMAKE) --build build-debug -j $(JOBS)

build-clang: deps
	@TFLC_NEED_CLANG=1 bash scripts/install-deps.sh
	CC=clang $(CMAKE) -S . -B build-clang -DCMAKE_BUILD_TYPE=Debug -DTFLC_WERROR=ON >/dev/null
	$(CMAKE) --build build-clang -j $(JOBS)

build-asan: deps
	$(CMAKE) -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DTFLC_WERROR=ON -DTFLC_SANITIZE=ON >/dev/null
	$(CMAKE) --build build-asan -j $(JOBS)

demo: build
	@mkdir -p build/demo
	./build/make_example_model build/demo/celsius.tflite build/demo/celsius_100.npy
	./build/tflc inspect build/demo/celsius.tflite
	./build/tflc run build/demo/celsius.tflite --inputs build/demo/celsius_100.npy --output-dir build/demo/out

test-debug: build-debug
	cd build-debug && ctest --output-on-failure -j $(JOBS)

test-python: build-debug
	cd build-debug && ctest --output-on-failure -R '^test_python$$'

test-asan: build-asan
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

fuzz-build: deps
	@TFLC_NEED_CLANG=1 bash scripts/install-deps.sh
	CC=clang $(CMAKE) -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTFLC_FUZZ=ON >/dev/null
	$(CMAKE) --build build-fuzz -j $(JOBS) --target fuzz_load fuzz_invoke fuzz_npy fuzz_flexbuffers fuzz_make_seeds

fuzz: fuzz-build
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-ci: fuzz-build
	bash scripts/fuzz.sh $(FUZZ_CI_SECONDS)

build-tsan: deps
	@TFLC_NEED_CLANG=1 bash scripts/install-deps.sh
	CC=clang $(CMAKE) -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTFLC_TSAN=ON >/dev/null
	$(CMAKE) --build build-tsan -j $(JOBS) --target test_hardening_threads

test-tsan: build-tsan
	cd build-tsan && TSAN_OPTIONS=halt_on_error=1 ctest --output-on-failure -R test_hardening_threads

build-msan: deps
	@TFLC_NEED_CLANG=1 bash scripts/install-deps.sh
	CC=clang $(CMAKE) -S . -B build-msan -DCMAKE_BUILD_TYPE=Debug -DTFLC_WERROR=ON -DTFLC_MSAN=ON >/dev/null
	$(CMAKE) --build build-msan -j $(JOBS)

test-msan: build-msan
	cd build-msan && MSAN_OPTIONS=halt_on_error=1 ctest --output-on-failure -j $(JOBS) -E '^test_python$$'

bench: deps
	$(CMAKE) -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
	$(CMAKE) --build build -j $(JOBS) --target bench_models tflc
	./build/bench_models $(BENCH_ARGS)

FORMAT_FILES = $(shell git ls-files '*.c' '*.h' 2>/dev/null || \
	find src include tools tests python bench examples -name '*.[ch]')

format:
	@TFLC_NEED_FORMAT=1 bash scripts/install-deps.sh
	clang-format -i $(FORMAT_FILES)

format-check:
	@TFLC_NEED_FORMAT=1 bash scripts/install-deps.sh
	@clang-format --dry-run -Werror $(FORMAT_FILES) && echo "format-check: $(words $(FORMAT_FILES)) files formatted"

analyze: deps
	@TFLC_NEED_CLANG=1 TFLC_NEED_TIDY=1 bash scripts/install-deps.sh
	JOBS=$(JOBS) bash scripts/analyze.sh

test: format-check build-clang analyze test-debug test-asan test-msan fuzz-ci test-tsan

clean:
	rm -rf build build-debug build-clang build-asan build-fuzz build-tsan build-msan build-analyze
