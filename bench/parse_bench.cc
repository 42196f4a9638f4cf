// Import time (bytes -> Plan through import::ImportDocument) per seed document in
// samples/ and per DOCX/PDF fixture in tests/testdata/office/, with MB/s; and
// pandoc reading the same DOCX fixtures as plain text, timed in the same run, so
// the DOCX import can be reported as a ratio (counter docx_vs_pandoc_ratio, and a
// final line "docx_vs_pandoc_ratio = N" for the slowest of the fixtures).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "import/import.h"

namespace planwatch::import {
namespace {

namespace fs = std::filesystem;

std::string SourcePath(const std::string& relative) { return std::string(PLANWATCH_SOURCE_DIR) + "/" + relative; }

std::string ReadBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Files of a folder whose name ends in one of the extensions, sorted (stable benchmark names).
std::vector<std::string> FilesIn(const std::string& relative, const std::vector<std::string>& extensions) {
    std::vector<std::string> out;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(SourcePath(relative), error)) {
        std::string name = entry.path().filename().string();
        for (const std::string& ext : extensions) {
            if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
                out.push_back(relative + "/" + name);
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Seconds per ImportDocument call of the last run, per file: the pandoc benchmark
// divides by these. Benchmarks run in registration order, so imports come first.
std::map<std::string, double>& ImportSeconds() {
    static std::map<std::string, double> seconds;
    return seconds;
}

void BM_Import(benchmark::State& state, const std::string& relative) {
    const std::string bytes = ReadBytes(SourcePath(relative));
    const std::string name = fs::path(relative).filename().string();
    size_t activities = 0;
    for (auto _ : state) {
        StatusOr<ImportResult> result = ImportDocument(bytes, name);
        if (!result.ok()) {
            state.SkipWithError(result.status().ToString().c_str());
            return;
        }
        activities = result->plan.nodes.size();
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
    state.counters["top_nodes"] = static_cast<double>(activities);
    state.counters["bytes"] = static_cast<double>(bytes.size());
}

// One pandoc process per iteration, as a person would run it: `pandoc -t plain`.
void BM_Pandoc(benchmark::State& state, const std::string& relative) {
    const std::string command = "pandoc -t plain -o /dev/null '" + SourcePath(relative) + "' 2>/dev/null";
    if (std::system("pandoc --version >/dev/null 2>&1") != 0) {
        state.SkipWithError("pandoc not installed (tools/bootstrap.sh installs it)");
        return;
    }
    double total = 0;
    for (auto _ : state) {
        auto start = std::chrono::steady_clock::now();
        int rc = std::system(command.c_str());
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (rc != 0) {
            state.SkipWithError(("pandoc failed on " + relative).c_str());
            return;
        }
    }
    double pandoc = total / static_cast<double>(state.iterations());
    auto ours = ImportSeconds().find(relative);
    if (ours != ImportSeconds().end() && ours->second > 0) {
        state.counters["docx_vs_pandoc_ratio"] = pandoc / ours->second;
    }
}

// Our time per call for the ratio: the median of a few timed calls outside the
// benchmark loop, so the ratio does not depend on the order or filter of benchmarks.
void MeasureImport(const std::string& relative) {
    const std::string bytes = ReadBytes(SourcePath(relative));
    const std::string name = fs::path(relative).filename().string();
    std::vector<double> runs;
    for (int run = 0; run < 21; ++run) {
        auto start = std::chrono::steady_clock::now();
        StatusOr<ImportResult> result = ImportDocument(bytes, name);
        runs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        if (!result.ok()) return;
    }
    std::sort(runs.begin(), runs.end());
    ImportSeconds()[relative] = runs[runs.size() / 2];
}

// The final line: pandoc's time over ours for each DOCX fixture, the smallest ratio.
void BM_DocxVsPandocSummary(benchmark::State& state, std::vector<std::string> docx) {
    double worst = 0;
    std::string line;
    for (auto _ : state) {
        worst = 0;
        line.clear();
        for (const std::string& relative : docx) {
            const std::string command = "pandoc -t plain -o /dev/null '" + SourcePath(relative) + "' 2>/dev/null";
            std::vector<double> runs;
            for (int run = 0; run < 5; ++run) {
                auto start = std::chrono::steady_clock::now();
                if (std::system(command.c_str()) != 0) {
                    state.SkipWithError("pandoc not installed or failed (tools/bootstrap.sh installs it)");
                    return;
                }
                runs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            }
            std::sort(runs.begin(), runs.end());
            MeasureImport(relative);
            double ratio = runs[runs.size() / 2] / ImportSeconds()[relative];
            worst = worst == 0 ? ratio : std::min(worst, ratio);
            char buffer[200];
            std::snprintf(buffer, sizeof buffer, "%s: pandoc %.1f ms, planwatch %.2f ms, ratio %.1f\n",
                          relative.c_str(), runs[runs.size() / 2] * 1e3, ImportSeconds()[relative] * 1e3, ratio);
            line += buffer;
        }
    }
    state.counters["docx_vs_pandoc_ratio"] = worst;
    std::printf("%sdocx_vs_pandoc_ratio = %.1f\n", line.c_str(), worst);
}

bool Register() {
    for (const std::string& seed : FilesIn("samples", {".txt"})) {
        benchmark::RegisterBenchmark(("BM_Import/" + fs::path(seed).filename().string()).c_str(), BM_Import, seed)
            ->Unit(benchmark::kMillisecond);
    }
    std::vector<std::string> fixtures = FilesIn("tests/testdata/office", {".docx", ".pdf"});
    std::vector<std::string> docx;
    for (const std::string& fixture : fixtures) {
        benchmark::RegisterBenchmark(("BM_Import/" + fs::path(fixture).filename().string()).c_str(), BM_Import,
                                     fixture)
            ->Unit(benchmark::kMillisecond);
        if (fixture.ends_with(".docx")) docx.push_back(fixture);
    }
    for (const std::string& fixture : docx) {
        benchmark::RegisterBenchmark(("BM_Pandoc/" + fs::path(fixture).filename().string()).c_str(),
                                     [fixture](benchmark::State& state) {
                                         MeasureImport(fixture);
                                         BM_Pandoc(state, fixture);
                                     })
            ->Unit(benchmark::kMillisecond)
            ->Iterations(5);
    }
    if (!docx.empty()) {
        benchmark::RegisterBenchmark("BM_DocxVsPandoc", BM_DocxVsPandocSummary, docx)
            ->Unit(benchmark::kMillisecond)
            ->Iterations(1);
    }
    return true;
}

const bool kRegistered = Register();

}  // namespace
}  // namespace planwatch::import
