// Time per report format (reports/report_registry.h; PDF by both renderers) for the 47-activity sample
// plan (seed 000's shape) and a generated 1,000-activity plan, plus LibreOffice's
// DOCX->PDF conversion of our DOCX in the same run, reported as a ratio.
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>

#include "reports/report_registry.h"
#include "reports/testing/archive.h"
#include "reports/testing/sample_plan.h"

namespace planwatch::reports {
namespace {

const ReportModel& Model(int activities) {
    static std::map<int, ReportModel> models;
    auto it = models.find(activities);
    if (it != models.end()) return it->second;
    domain::Plan plan = testing::SampleActionPlan(activities);
    ReportModel m = *BuildReportModel(plan, testing::SampleReports(plan), testing::SampleRounds(),
                                      domain::CivilDate{2019, 3, 1});
    return models.emplace(activities, std::move(m)).first->second;
}

void BM_BuildReportModel(benchmark::State& state) {
    domain::Plan plan = testing::SampleActionPlan(static_cast<int>(state.range(0)));
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
    auto start = std::chrono::steady_clock::now();
    StatusOr<std::string> docx = WriteReport("docx", m);
    double ours = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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
    state.counters["soffice_x"] = theirs / ours;
}
BENCHMARK(BM_LibreOfficeDocxToPdf)->Arg(47)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace planwatch::reports
