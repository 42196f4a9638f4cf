# Front door to CMake: `make run` and `make test` are all a newcomer needs.
BUILD ?= build
JOBS ?= $(shell nproc)
DB ?= sqlite:var/planwatch.db
CTEST_ARGS ?=

.PHONY: all deps configure build run test bench fuzz clean format

all: build

deps:
	@tools/bootstrap.sh

$(BUILD)/build.ninja: CMakeLists.txt | deps
	cmake -S . -B $(BUILD) -G Ninja

configure: deps
	cmake -S . -B $(BUILD) -G Ninja

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@mkdir -p var
	$(BUILD)/planwatch serve --db $(DB) --demo

test: build
	@tools/check_deps.sh
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)

bench: build
	$(BUILD)/bench/pw_bench
	$(BUILD)/bench/pw_scale_bench
	bench/web_bench.sh $(BUILD)

fuzz: deps
	cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DPLANWATCH_FUZZ=ON
	cmake --build build-fuzz -j $(JOBS) --target fuzzers
	tools/run_fuzzers.sh build-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) build-fuzz

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')
