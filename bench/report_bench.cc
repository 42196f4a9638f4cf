// Time per report format (reports/report_registry.h; PDF by both renderers) for seed 000
// itself (Arg 47: samples/000, the Cluj plan with its 47 activities, imported as
// `planwatch import` does) and a generated 1,000-activity plan, plus LibreOffice's
// DOCX->PDF conversion of our DOCX in the same run, reported as a ratio.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "import/import.h"
#include "reports/report_registry.h"
#include "reports/testing/archive.h"
#include "reports/testing/sample_plan.h"

namespace planwatch::reports {
namespace {

constexpr int kSeed000 = 47;

// Seed 000 for kSeed000, so the figures are those of the real document; a generated plan otherwise.
domain::Plan PlanFor(int activities) {
    if (activities != kSeed000) return testing::SampleActionPlan(activities);
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/samples/000_ffec081ef8fe4e47.txt", std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    StatusOr<import::ImportResult> imported = import::ImportDocument(bytes.str(), "000_ffec081ef8fe4e47.txt");
    // A bench without its input measures nothing; the seed tests say why the import failed.
    if (!imported.ok()) std::abort();
    return std::move(imported->plan);
}

const ReportModel& Model(int activities) {
    static std::map<int, ReportModel> models;
    auto it = models.find(activities);
    if (it != models.end()) return it->second;
    domain::Plan plan = PlanFor(activities);
    ReportModel m = *BuildReportModel(plan, testing::SampleReports(plan), testing::SampleRounds(),
                                      domain::CivilDate{2019, 3, 1});
    return models.emplace(activities, std::move(m)).first->second;
}

void BM_BuildReportModel(benchmark::State& state) {
    domain::Plan plan = PlanFor(static_cast<int>(state.range(0)));
    std::vector<ActivityReports> reports = testing::SampleReports(plan);
    for (auto _ : state) {
        StatusOr<ReportModel> m = BuildReportModel(plan, reports, testing::SampleRounds(), domain::CivilDate{2019, 3, 1});
        benchmark::DoNotOptimize(m);
    }
}
BENCHMARK(BM_BuildReportModel)->Arg(47)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_WriteReport(benchmark::State& state, const char* format, PdfRenderer renderer) {
    const ReportModel& m = Model(static_cast<int>(state.range(0)));
    size_t bytes = 0;
    for (auto _ : state) {
        StatusOr<std::string> out = WriteReport(format, m, {.pdf_renderer = renderer});
        if (!out.ok()) {
            state.SkipWithError(out.status().ToString().c_str());
            return;
        }
        bytes = out->size();
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
constexpr PdfRenderer kDirect = PdfRenderer::kDirect;
BENCHMARK_CAPTURE(BM_WriteReport, html, "html", kDirect)->Arg(47)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WriteReport, pdf_direct, "pdf", kDirect)->Arg(47)->Arg(1000)->Unit(benchmark::kMillisecond);
// WeasyPrint takes seconds per call: one iteration each.
BENCHMARK_CAPTURE(BM_WriteReport, pdf_weasyprint, "pdf", PdfRenderer::kWeasyPrint)
    ->Arg(47)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_WriteReport, docx, "docx", kDirect)->Arg(47)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WriteReport, xlsx, "xlsx", kDirect)->Arg(47)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WriteReport, csv, "csv", kDirect)->Arg(47)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WriteReport, json, "json", kDirect)->Arg(47)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WriteReport, iati, "iati", kDirect)->Arg(47)->Arg(1000)->Unit(benchmark::kMillisecond);

// LibreOffice converting our DOCX to PDF (what an office would do with it), timed
// against writing that DOCX: soffice_x is how many times slower the conversion is.
void BM_LibreOfficeDocxToPdf(benchmark::State& state) {
    const ReportModel& m = Model(static_cast<int>(state.range(0)));
    // Our side is the best of a few writes, so the first call's cold caches do not flatter the ratio.
    StatusOr<std::string> docx = Internal("not written");
    double ours = 0;
    for (int run = 0; run < 5; ++run) {
        auto start = std::chrono::steady_clock::now();
        docx = WriteReport("docx", m);
        double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        ours = run == 0 ? took : std::min(ours, took);
    }
    if (!docx.ok()) {
        state.SkipWithError(docx.status().ToString().c_str());
        return;
    }
    double theirs = 0;
    for (auto _ : state) {
        auto t0 = std::chrono::steady_clock::now();
        StatusOr<std::string> pdf = testing::DocxToPdf(*docx);
        theirs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!pdf.ok()) {
            state.SkipWithError(pdf.status().ToString().c_str());
            return;
        }
    }
    state.counters["docx_ms"] = ours * 1000;
    state.counters["soffice_ms"] = theirs * 1000;
    state.counters["soffice_x"] = theirs / ours;
}
BENCHMARK(BM_LibreOfficeDocxToPdf)->Arg(47)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace planwatch::reports
