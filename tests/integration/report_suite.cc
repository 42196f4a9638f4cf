// `planwatch report` and `planwatch export --format xlsx|iati` end to end (the
// reports issue), on every back end of CliEndToEnd. Seed 000 gets a round and
// progress reports written through the services (the CLI has no command that
// writes reports); every format must then carry the title, all 47 activities
// and the counts `planwatch status --json` prints for the same date, read back
// with the tools a reader uses: pdftotext, LibreOffice, a ZIP reader, xmllint.
// Seed 001 (the annual social-services plan) is regenerated as DOCX and read
// back by the importer.
#include <gmock/gmock.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <regex>

#include "cli_suite.h"
#include "reports/scratch.h"
#include "reports/testing/archive.h"
#include "services/report_service.h"
#include "services/round_service.h"
#include "storage/store.h"
#ifdef PLANWATCH_REPORTS_ON_POSTGRES
#include "harness/pg_harness.h"
#endif

namespace planwatch::testing {
namespace {

using ::testing::HasSubstr;
namespace rt = reports::testing;

constexpr char kAsOf[] = "2018-03-01";
// The Romanian labels of the report writers (data/i18n/reports/ro.json), by status name.
const std::map<std::string, std::string> kStatusLabels = {
    {"not_started", "Neînceput"}, {"on_track", "În grafic"}, {"at_risk", "În risc"},  {"overdue", "Întârziat"},
    {"completed", "Finalizat"},   {"cancelled", "Anulat"},   {"not_reported", "Neraportat"}};

std::string Seed(const std::string& name) { return std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + name; }

nlohmann::json Json(const std::string& text) {
    nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(json.is_discarded()) << "not JSON: " << text.substr(0, 200);
    return json;
}

std::string PlanIdOf(const RunResult& imported) {
    std::smatch match;
    if (!std::regex_search(imported.out, match, std::regex("^imported (\\d+) "))) {
        ADD_FAILURE() << "unexpected import output: " << imported.out << imported.err;
        return "";
    }
    return match[1];
}

// The text a reader sees in an HTML page: tags dropped, the entities the writer emits decoded.
std::string HtmlText(const std::string& html) {
    std::string text = std::regex_replace(html, std::regex("<[^>]*>"), " ");
    for (auto [entity, ch] : {std::pair{"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
        text = std::regex_replace(text, std::regex(entity), ch);
    }
    return rt::Squeeze(text);
}

// LibreOffice's own text export of the DOCX, with a private profile so
// conversions running at the same time do not share one.
std::string DocxText(const std::string& docx) {
    StatusOr<std::string> text = rt::RunTool(
        "soffice -env:UserInstallation=file://$PWD/profile --headless --convert-to 'txt:Text (encoded):UTF8' "
        "--outdir . report.docx >/dev/null 2>&1 && cat report.txt",
        "report.docx", docx);
    EXPECT_TRUE(text.ok()) << text.status();
    return text.ok() ? rt::Squeeze(*text) : "";
}

std::string PdfText(const std::string& pdf) {
    StatusOr<std::string> text = rt::PdfText(pdf);
    EXPECT_TRUE(text.ok()) << text.status();
    return text.ok() ? *text : "";
}

// The cells of one worksheet of an XLSX, shared strings resolved, row by row.
std::vector<std::vector<std::string>> SheetRows(const std::map<std::string, std::string>& parts, int sheet) {
    StatusOr<std::vector<std::vector<std::string>>> rows = rt::XlsxSheetRows(parts, sheet);
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? *rows : std::vector<std::vector<std::string>>{};
}

// "1.1 Realizarea unor" for an activity: its code, then the first whole words of
// its title, as the documents set the activity heading.
std::string HeadingStart(const nlohmann::json& activity) {
    std::string words = rt::Squeeze(activity["title"].get<std::string>()).substr(0, 25);
    return activity["code"].get<std::string>() + " " + words.substr(0, words.rfind(' '));
}

class ReportCli : public CliEndToEnd {
protected:
    // Seed 000 with round 2017 and reports from six of its expected reporters:
    // two completed, two in progress (approved), one submitted but not approved,
    // one draft. Returns the plan id.
    std::string ImportSeed000WithReports() {
        RunResult imported = Run({"import", Seed("000_ffec081ef8fe4e47.txt")});
        EXPECT_EQ(imported.exit_code, 0) << imported.err;
        std::string id = PlanIdOf(imported);
        RunResult opened = Run({"round", "open", id, "2017", "--due", "2018-01-30", "--json"});
        EXPECT_EQ(opened.exit_code, 0) << opened.err;
        int64_t round_id = Json(opened.out)["id"].get<int64_t>();
        round_id_ = round_id;

        auto store = storage::OpenStore(db_);
        EXPECT_TRUE(store.ok()) << store.status();
        if (!store.ok()) return id;
        services::RoundService rounds(**store);
        StatusOr<services::RoundView> round =
            rounds.Get(round_id, *domain::ParseCivilDate("2018-01-10"), services::Actor::CommandLine("cli:test"));
        EXPECT_TRUE(round.ok()) << round.status();
        EXPECT_GE(round->expected.size(), 6u);
        services::ReportService reports(**store, [] { return std::string("2018-01-20T10:00:00Z"); });
        services::Actor coordinator{.name = "coord@example.ro", .role = domain::Role::kCoordinator};
        const domain::ClaimedState claims[] = {domain::ClaimedState::kCompleted, domain::ClaimedState::kCompleted,
                                               domain::ClaimedState::kInProgress, domain::ClaimedState::kInProgress,
                                               domain::ClaimedState::kCompleted, domain::ClaimedState::kCompleted};
        for (size_t n = 0; n < 6 && n < round->expected.size(); ++n) {
            const services::ExpectedReporter& e = round->expected[n];
            services::Actor reporter{.name = "rep@example.ro", .role = domain::Role::kReporter,
                                     .institution_id = e.institution_id};
            StatusOr<domain::ProgressReport> draft = reports.Create(
                {.activity_id = e.activity_id, .period = "2017",
                 .content = {.claimed = claims[n], .narrative = "Raport " + std::to_string(n + 1) + " pentru 2017"}},
                reporter);
            EXPECT_TRUE(draft.ok()) << draft.status();
            if (!draft.ok() || n == 5) continue;  // the sixth stays a draft
            EXPECT_TRUE(reports.Submit(*draft->id, reporter).ok());
            if (n == 4) continue;  // the fifth waits for review
            StatusOr<domain::ProgressReport> approved = reports.Approve(*draft->id, coordinator);
            EXPECT_TRUE(approved.ok()) << approved.status();
            approved_.push_back(e.activity_id);
        }
        return id;
    }

    nlohmann::json Status(const std::string& id) {
        RunResult status = Run({"status", id, "--as-of", kAsOf, "--json"});
        EXPECT_EQ(status.exit_code, 0) << status.err;
        return Json(status.out);
    }

    std::string Report(const std::string& id, const std::string& format, std::vector<std::string> extra = {}) {
        std::string path = Path("report-" + format + "." + format);
        std::vector<std::string> args{"report", id, "--format", format, "-o", path, "--as-of", kAsOf};
        args.insert(args.end(), extra.begin(), extra.end());
        RunResult written = Run(args);
        EXPECT_EQ(written.exit_code, 0) << format << ": " << written.err;
        EXPECT_EQ(written.out, "");
        return ReadFile(path);
    }

    // The title, the summary sentence with status --json's counts, the count of
    // every status next to its label, the total row, and every activity heading.
    void ExpectDocumentText(const std::string& format, const std::string& text, const nlohmann::json& status,
                            const std::string& title) {
        const nlohmann::json& counts = status["counts"];
        EXPECT_THAT(text, HasSubstr(rt::Squeeze(title))) << format;
        EXPECT_THAT(text, HasSubstr("Planul are 47 activități. La data de 2018-03-01: " +
                                    std::to_string(counts["overdue"].get<int>()) + " întârziate, " +
                                    std::to_string(counts["at_risk"].get<int>()) + " în risc, " +
                                    std::to_string(counts["completed"].get<int>()) + " finalizate."))
            << format;
        for (const auto& [name, label] : kStatusLabels) {
            EXPECT_THAT(text, HasSubstr(label + " " + std::to_string(counts[name].get<int>()) + " "))
                << format << ": " << name;
        }
        EXPECT_THAT(text, HasSubstr("Total 47 100 %")) << format;
        ASSERT_EQ(status["activities"].size(), 47u);
        for (const nlohmann::json& activity : status["activities"]) {
            EXPECT_THAT(text, HasSubstr(HeadingStart(activity))) << format << ": " << activity["path"];
        }
    }

    std::vector<int64_t> approved_;
    int64_t round_id_ = 0;  // round 2017 of ImportSeed000WithReports
};

TEST_P(ReportCli, EveryFormatOfSeed000CarriesTitleAll47ActivitiesAndTheStatusCounts) {
    std::string id = ImportSeed000WithReports();
    ASSERT_EQ(approved_.size(), 4u);
    nlohmann::json status = Status(id);
    const nlohmann::json& counts = status["counts"];
    ASSERT_EQ(counts["total"], 47);
    // The two approved "completed" reports complete their activities; the
    // submitted and the draft ones do not count.
    EXPECT_EQ(counts["completed"], 2);
    int sum = 0;
    for (const auto& [name, label] : kStatusLabels) sum += counts[name].get<int>();
    EXPECT_EQ(sum, 47);
    RunResult plans = Run({"plans", "--json"});
    std::string title = Json(plans.out)[0]["title"];
    ASSERT_FALSE(title.empty());

    ExpectDocumentText("html", HtmlText(Report(id, "html")), status, title);
    std::string pdf = Report(id, "pdf");
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    ExpectDocumentText("pdf", PdfText(pdf), status, title);
    std::string docx = Report(id, "docx");
    EXPECT_EQ(docx.substr(0, 2), "PK");
    ExpectDocumentText("docx", DocxText(docx), status, title);

    // XLSX: sheet 1 is the summary (label, count, share), sheet 2 one row per activity.
    StatusOr<std::map<std::string, std::string>> xlsx = rt::Unzip(Report(id, "xlsx"));
    ASSERT_TRUE(xlsx.ok()) << xlsx.status();
    std::map<std::string, std::string> summary;
    for (const std::vector<std::string>& row : SheetRows(*xlsx, 1)) {
        if (row.size() >= 2) summary[row[0]] = row[1];
    }
    for (const auto& [name, label] : kStatusLabels) {
        EXPECT_EQ(summary[label], std::to_string(counts[name].get<int>())) << name;
    }
    EXPECT_EQ(summary["Total"], "47");
    std::vector<std::vector<std::string>> rows = SheetRows(*xlsx, 2);
    ASSERT_EQ(rows.size(), 48u);  // header + 47
    for (size_t n = 0; n < 47; ++n) {
        const nlohmann::json& activity = status["activities"][n];
        ASSERT_GE(rows[n + 1].size(), 4u);
        EXPECT_EQ(rows[n + 1][0], activity["code"]) << n;
        EXPECT_EQ(rows[n + 1][1], activity["path"]) << n;
        EXPECT_EQ(rows[n + 1][3], kStatusLabels.at(activity["status"])) << activity["code"];
    }
}

// report and export take the installation's status thresholds as status does: with
// an 1,100-day at-risk window (seed 000 runs to 2020-12-31) the report's counts and
// the XLSX export's summary are status --at-risk-days 1100's, not the defaults'; a
// bad value exits 2 naming the flag.
TEST_P(ReportCli, ReportAndExportFollowTheStatusThresholdFlags) {
    std::string id = ImportSeed000WithReports();
    const std::vector<std::string> wide_rule = {"--at-risk-days", "1100"};
    std::vector<std::string> status_args{"status", id, "--as-of", kAsOf, "--json"};
    status_args.insert(status_args.end(), wide_rule.begin(), wide_rule.end());
    RunResult wide_status = Run(status_args);
    ASSERT_EQ(wide_status.exit_code, 0) << wide_status.err;
    nlohmann::json wide = Json(wide_status.out);
    ASSERT_GT(wide["counts"]["at_risk"].get<int>(), Status(id)["counts"]["at_risk"].get<int>());
    std::string title = Json(Run({"plans", "--json"}).out)[0]["title"];

    ExpectDocumentText("html", HtmlText(Report(id, "html", wide_rule)), wide, title);

    std::string path = Path("wide.xlsx");
    std::vector<std::string> export_args{"export", id, "--format", "xlsx", "-o", path, "--as-of", kAsOf};
    export_args.insert(export_args.end(), wide_rule.begin(), wide_rule.end());
    RunResult exported = Run(export_args);
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    StatusOr<std::map<std::string, std::string>> xlsx = rt::Unzip(ReadFile(path));
    ASSERT_TRUE(xlsx.ok()) << xlsx.status();
    std::map<std::string, std::string> summary;
    for (const std::vector<std::string>& row : SheetRows(*xlsx, 1)) {
        if (row.size() >= 2) summary[row[0]] = row[1];
    }
    EXPECT_EQ(summary["În risc"], std::to_string(wide["counts"]["at_risk"].get<int>()));

    RunResult bad = Run({"report", id, "--format", "html", "-o", Path("bad.html"), "--at-risk-days=-1"});
    EXPECT_EQ(bad.exit_code, 2) << bad.err;
    EXPECT_THAT(bad.err, HasSubstr("--at-risk-days"));
    RunResult bad_export = Run({"export", id, "--format", "iati", "--near-percent", "lots"});
    EXPECT_EQ(bad_export.exit_code, 2) << bad_export.err;
    EXPECT_THAT(bad_export.err, HasSubstr("--near-percent"));
}

TEST_P(ReportCli, AReportForARoundIsAsOfItsDueDateAndShowsTheRound) {
    std::string id = ImportSeed000WithReports();
    ASSERT_GT(round_id_, 0);
    const std::string round = std::to_string(round_id_);
    // What `planwatch rounds` says of the round on its due date.
    RunResult listed = Run({"rounds", id, "--as-of", "2018-01-30", "--json"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    const nlohmann::json view = Json(listed.out)[0];
    const int expected = view["expected"], received = view["received"];
    EXPECT_EQ(received, 5);  // four approved, one waiting for review; the draft was not sent
    ASSERT_GT(expected, received);
    auto percent = [](int part, int whole) { return std::to_string(std::lround(100.0 * part / whole)) + " %"; };
    const std::string line = "Runda 2017: deschisă la 2018-01-01, termen 2018-01-30. Rapoarte așteptate: " +
                             std::to_string(expected) + "; primite: 5 (" + percent(5, expected) +
                             "); la termen: 5 (" + percent(5, expected) + ").";

    auto written = [&](const std::string& format) {
        std::string path = Path("round." + format);
        RunResult run = Run({"report", id, "--round", round, "--format", format, "-o", path});
        EXPECT_EQ(run.exit_code, 0) << format << ": " << run.err;
        return ReadFile(path);
    };
    const std::map<std::string, std::string> texts = {{"html", HtmlText(written("html"))},
                                                      {"pdf", PdfText(written("pdf"))},
                                                      {"docx", DocxText(written("docx"))}};
    for (const auto& [format, text] : texts) {
        EXPECT_THAT(text, HasSubstr("La data de 2018-01-30:")) << format;
        EXPECT_THAT(text, HasSubstr("Runda de raportare: 2017 (termen 2018-01-30)")) << format;
        EXPECT_THAT(text, HasSubstr(line)) << format;
        EXPECT_THAT(text, HasSubstr("Total " + std::to_string(expected) + " 5 5 " + percent(5, expected))) << format;
    }
    // Leads that did not report by the due date: "not reported" as of that day (the status table's row).
    std::smatch not_reported;
    ASSERT_TRUE(std::regex_search(texts.at("pdf"), not_reported, std::regex("Neraportat (\\d+) ")));
    EXPECT_GT(std::stoi(not_reported[1]), 0);

    StatusOr<std::map<std::string, std::string>> xlsx = rt::Unzip(written("xlsx"));
    ASSERT_TRUE(xlsx.ok()) << xlsx.status();
    std::vector<std::vector<std::string>> rows = SheetRows(*xlsx, 6);  // the Round sheet
    ASSERT_GE(rows.size(), 3u);
    EXPECT_EQ(rows.back()[2], "Total");
    EXPECT_EQ(rows.back()[3], std::to_string(expected));
    EXPECT_EQ(rows.back()[4], "5");

    // A round of another plan, an unknown round, a round id that is not one, --round with --as-of.
    const std::string other = ImportSmallPlan();
    RunResult foreign = Run({"report", other, "--round", round, "--format", "pdf", "-o", Path("x.pdf")});
    EXPECT_EQ(foreign.exit_code, 4) << foreign.err;
    EXPECT_THAT(foreign.err, HasSubstr("no reporting round " + round));
    EXPECT_EQ(Run({"report", id, "--round", "999999", "--format", "pdf", "-o", Path("x.pdf")}).exit_code, 4);
    RunResult bad = Run({"report", id, "--round", "r1", "--format", "pdf", "-o", Path("x.pdf")});
    EXPECT_EQ(bad.exit_code, 2) << bad.err;
    EXPECT_THAT(bad.err, HasSubstr("--round"));
    RunResult both = Run({"report", id, "--round", round, "--as-of", kAsOf, "--format", "pdf", "-o", Path("x.pdf")});
    EXPECT_EQ(both.exit_code, 2) << both.err;
    EXPECT_EQ(Run({"report", "--services-plan", "--round", round, "--format", "pdf", "-o", Path("x.pdf")}).exit_code,
              2);
    EXPECT_FALSE(std::filesystem::exists(Path("x.pdf")));
}

TEST_P(ReportCli, InstitutionReportNamesOnlyWhatTheInstitutionLeads) {
    std::string id = ImportSeed000WithReports();
    nlohmann::json status = Status(id);
    ASSERT_FALSE(status["by_institution"].empty());
    const nlohmann::json& institution = status["by_institution"][0];
    std::string name = institution["name"];
    std::string text = PdfText(Report(id, "pdf", {"--institution", name}));
    EXPECT_THAT(text, HasSubstr(rt::Squeeze(name)));
    int led = 0;
    for (const nlohmann::json& activity : status["activities"]) {
        if (activity["lead"] != name) continue;
        ++led;
        EXPECT_THAT(text, HasSubstr(HeadingStart(activity))) << activity["path"];
    }
    EXPECT_EQ(led, institution["counts"]["total"].get<int>());

    RunResult unknown = Run({"report", id, "--format", "pdf", "-o", Path("x.pdf"), "--institution",
                             "Instituția care nu există"});
    EXPECT_EQ(unknown.exit_code, 4) << unknown.err;
}

TEST_P(ReportCli, ExportsXlsxAndIatiThatValidatesAgainstTheIati203Schema) {
    std::string id = ImportSeed000WithReports();
    nlohmann::json status = Status(id);
    RunResult iati = Run({"export", id, "--format", "iati", "--as-of", kAsOf, "-o", Path("plan.xml")});
    ASSERT_EQ(iati.exit_code, 0) << iati.err;
    // CI checks the project out beside ../shared, as the design documents say.
    std::string schema =
        std::string(PLANWATCH_SOURCE_DIR) + "/../shared/reference/iati-2.03/iati-activities-schema.xsd";
    StatusOr<std::string> valid = rt::RunTool(
        "xmllint --noout --schema '" + schema + "' plan.xml 2>&1", "plan.xml", ReadFile(Path("plan.xml")));
    ASSERT_TRUE(valid.ok()) << valid.status();
    EXPECT_THAT(*valid, HasSubstr("plan.xml validates"));
    pugi::xml_document xml;
    ASSERT_TRUE(xml.load_file(Path("plan.xml").c_str()));
    int activities = 0;
    for (pugi::xml_node a : xml.child("iati-activities").children("iati-activity")) {
        ++activities;
        EXPECT_TRUE(a.child("iati-identifier")) << activities;
    }
    EXPECT_EQ(activities, 47);

    RunResult xlsx = Run({"export", id, "--format", "xlsx", "--as-of", kAsOf, "-o", Path("plan.xlsx")});
    ASSERT_EQ(xlsx.exit_code, 0) << xlsx.err;
    StatusOr<std::map<std::string, std::string>> parts = rt::Unzip(ReadFile(Path("plan.xlsx")));
    ASSERT_TRUE(parts.ok()) << parts.status();
    std::vector<std::vector<std::string>> rows = SheetRows(*parts, 2);
    ASSERT_EQ(rows.size(), 48u);
    EXPECT_EQ(rows[1][0], status["activities"][0]["code"]);

    EXPECT_EQ(Run({"export", "--all", "--format", "iati", "-o", Path("all.xml")}).exit_code, 2);
}

TEST_P(ReportCli, BadInputGetsTheExitCodesOfTheInterface) {
    std::string id = ImportSmallPlan();
    RunResult unknown_plan = Run({"report", "999999", "--format", "pdf", "-o", Path("x.pdf")});
    EXPECT_EQ(unknown_plan.exit_code, 4) << unknown_plan.err;
    EXPECT_THAT(unknown_plan.err, HasSubstr("999999"));
    RunResult unknown_format = Run({"report", id, "--format", "odt", "-o", Path("x.odt")});
    EXPECT_EQ(unknown_format.exit_code, 2) << unknown_format.err;
    RunResult bad_date = Run({"report", id, "--format", "pdf", "-o", Path("x.pdf"), "--as-of", "2019-13-45"});
    EXPECT_EQ(bad_date.exit_code, 2) << bad_date.err;
    EXPECT_THAT(bad_date.err, HasSubstr("--as-of"));
    EXPECT_EQ(Run({"report", id, "--format", "pdf"}).exit_code, 2);  // no -o
    EXPECT_EQ(Run({"report", "abc", "--format", "pdf", "-o", Path("x.pdf")}).exit_code, 2);
    EXPECT_EQ(Run({"export", id, "--format", "odt"}).exit_code, 2);
    EXPECT_EQ(Run({"export", "999999", "--format", "xlsx", "-o", Path("x.xlsx")}).exit_code, 4);
    // The small plan holds no social services.
    EXPECT_EQ(Run({"report", id, "--services-plan", "--format", "docx", "-o", Path("x.docx")}).exit_code, 4);
    EXPECT_EQ(Run({"report", "--services-plan", "--year", "2031", "--format", "docx", "-o", Path("x.docx")}).exit_code,
              4);
    EXPECT_FALSE(std::filesystem::exists(Path("x.pdf")));
}

// Both PDFs a county publishes, rendered to images as a reader's viewer would show
// them: as many pages as pdfinfo counts, none blank, none left mostly empty
// before the last. The PDFs and their pages as PNG stay in
// <build>/report-pages/<back end>/ for people to look at.
TEST_P(ReportCli, PdfPagesRenderToImagesWithTextOnEveryPage) {
    std::string id = ImportSeed000WithReports();
    RunResult services = Run({"import", Seed("001_27bf44580f6e2d5d.txt")});
    ASSERT_EQ(services.exit_code, 0) << services.err;
    const std::string pages_dir = std::string(PLANWATCH_BUILD_DIR) + "/report-pages/" + GetParam().name;
    std::filesystem::remove_all(pages_dir);
    std::filesystem::create_directories(pages_dir);
    struct Case {
        std::string name;
        std::string pdf;
    };
    const std::vector<Case> cases = {
        {"evaluation-000", Report(id, "pdf")},
        {"services-plan-001", [&] {
             RunResult run = Run({"report", PlanIdOf(services), "--services-plan", "--format", "pdf", "-o",
                                  Path("services.pdf")});
             EXPECT_EQ(run.exit_code, 0) << run.err;
             return ReadFile(Path("services.pdf"));
         }()}};
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        // 56 pt: the bottom margin the footer sits in (reports/pdf/direct_pdf.cc).
        ASSERT_TRUE(reports::WriteFile(pages_dir + "/" + c.name + ".pdf", c.pdf).ok());
        StatusOr<rt::RenderedPages> rendered = rt::RenderPages(c.pdf, 60, 56, pages_dir + "/" + c.name);
        ASSERT_TRUE(rendered.ok()) << rendered.status();
        ASSERT_GT(rendered->pages, 1);
        ASSERT_EQ(static_cast<int>(rendered->images.size()), rendered->pages);
        for (size_t n = 0; n < rendered->images.size(); ++n) {
            const rt::PageInk& page = rendered->images[n];
            EXPECT_GT(page.ink - page.body_ink, 50) << "page " << n + 1 << " has no footer";
            // A line of text at 60 dpi is some hundreds of dark pixels.
            EXPECT_GT(page.body_ink, 2000) << "page " << n + 1 << " is blank";
            if (n + 1 < rendered->images.size()) {
                EXPECT_GT(page.body_bottom, 0.5) << "page " << n + 1 << " ends in its top half";
            }
        }
        int pngs = 0;
        for (const auto& entry : std::filesystem::directory_iterator(pages_dir)) {
            const std::string name = entry.path().filename().string();
            pngs += name.rfind(c.name + "-", 0) == 0 && entry.path().extension() == ".png";
        }
        EXPECT_EQ(pngs, rendered->pages);
    }
}

// The registry content of a services plan, section by section: every line as
// planwatch.plan/1 writes it, without what only says where it stood in its
// document (ids, source lines).
struct ServiceSections {
    std::vector<nlohmann::json> existing;  // existing and restructuring services, in document order
    std::vector<nlohmann::json> proposed;
    std::vector<nlohmann::json> contracting;
    std::vector<nlohmann::json> information;
    std::vector<nlohmann::json> training;
    std::map<std::string, double> existing_by_source;  // what the TOTAL row of the existing services states
};

ServiceSections Sections(const nlohmann::json& plan) {
    ServiceSections out;
    for (nlohmann::json s : plan["services"]) {
        s.erase("id");
        s.erase("source_line");
        const std::string line = s.value("line", "");
        if (line == "contracting") out.contracting.push_back(s);
        if (line == "information") out.information.push_back(s);
        if (line == "training") out.training.push_back(s);
        if (line != "service") continue;
        if (s.value("state", "") == "proposed") {
            out.proposed.push_back(s);
            continue;
        }
        out.existing.push_back(s);
        for (const nlohmann::json& b : s.value("budget", nlohmann::json::array())) {
            const nlohmann::json& amount = b["amount"];
            out.existing_by_source[b.value("source", "")] +=
                amount.is_string() ? std::stod(amount.get<std::string>()) : amount.get<double>();
        }
    }
    return out;
}

// Line by line, so a difference names the line and shows both.
void ExpectSameLines(const std::string& section, const std::vector<nlohmann::json>& got,
                     const std::vector<nlohmann::json>& want) {
    EXPECT_EQ(got.size(), want.size()) << section;
    for (size_t n = 0; n < std::min(got.size(), want.size()); ++n) {
        EXPECT_EQ(got[n].dump(), want[n].dump()) << section << " line " << n + 1;
    }
}

TEST_P(ReportCli, ServicesPlanOfSeed001RegeneratesAsDocxThatImportsBackToTheSameRegistry) {
    RunResult imported = Run({"import", Seed("001_27bf44580f6e2d5d.txt")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    RunResult docx = Run({"report", "--services-plan", "--year", "2025", "--format", "docx", "-o", Path("plan.docx")});
    ASSERT_EQ(docx.exit_code, 0) << docx.err;
    RunResult pdf = Run({"report", PlanIdOf(imported), "--services-plan", "--format", "pdf", "-o", Path("plan.pdf")});
    ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
    std::string pdf_text = PdfText(ReadFile(Path("plan.pdf")));
    EXPECT_THAT(pdf_text, HasSubstr("8790 CR-C-I"));
    EXPECT_THAT(pdf_text, HasSubstr("în restructurare"));
    EXPECT_THAT(pdf_text, HasSubstr("TOTAL 0 87.660.000 63.008.000 0 1.680.458,18"));  // in lei, not thousands
    EXPECT_THAT(pdf_text, HasSubstr("85311000-2"));
    EXPECT_THAT(pdf_text, HasSubstr("cursuri de perfecționare"));

    RunResult original = Run({"parse", Seed("001_27bf44580f6e2d5d.txt")});
    ASSERT_EQ(original.exit_code, 0) << original.err;
    RunResult again = Run({"parse", Path("plan.docx")});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    nlohmann::json regenerated = Json(again.out);
    // The TOTAL row the document prints is the sum of its rows.
    for (const nlohmann::json& warning : regenerated.value("warnings", nlohmann::json::array())) {
        EXPECT_NE(warning.value("code", ""), "total_mismatch") << warning.dump();
    }
    ServiceSections want = Sections(Json(original.out));
    ServiceSections got = Sections(regenerated);

    // Facts read from seed 001, so an importer that lost lines on both sides cannot pass.
    ASSERT_EQ(want.existing.size(), 66u);
    ASSERT_EQ(want.proposed.size(), 15u);
    ASSERT_EQ(want.contracting.size(), 4u);
    ASSERT_EQ(want.information.size(), 8u);
    ASSERT_EQ(want.training.size(), 7u);
    int restructuring = 0;
    for (const nlohmann::json& s : want.existing) restructuring += s.value("state", "") == "restructuring";
    EXPECT_EQ(restructuring, 2);
    EXPECT_EQ(want.existing_by_source["county"], 87660000.0);
    EXPECT_EQ(want.existing_by_source["state"], 63008000.0);
    EXPECT_EQ(want.contracting[0]["code"], "85311000-2");
    EXPECT_EQ(want.contracting[0]["name"], "Servicii de asistență socială cu cazare pentru copii");
    EXPECT_EQ(want.information[2]["name"], "Telefonul verde");
    EXPECT_EQ(want.training[0]["name"], "cursuri de perfecționare");

    ExpectSameLines("existing services", got.existing, want.existing);
    EXPECT_EQ(got.existing_by_source, want.existing_by_source);
    ExpectSameLines("proposed services", got.proposed, want.proposed);
    ExpectSameLines("contracting programme", got.contracting, want.contracting);
    ExpectSameLines("information activities", got.information, want.information);
    ExpectSameLines("training programme", got.training, want.training);
}

}  // namespace

// This binary runs ReportCli only; CliEndToEnd's own tests run in pw_cli_integration_test.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CliEndToEnd);

// One source, compiled once per back end (tests/integration/CMakeLists.txt).
#ifdef PLANWATCH_REPORTS_ON_POSTGRES
static ::testing::Environment* const kPostgres = ::testing::AddGlobalTestEnvironment(new PgEnvironment);

INSTANTIATE_TEST_SUITE_P(Postgres, ReportCli,
                         ::testing::Values(Backend{"postgresql",
                                                   [](const std::string&, const std::string&) {
                                                       return PgEnvironment::NewDatabaseUrl();
                                                   }}),
                         [](const auto& info) { return info.param.name; });
#else
INSTANTIATE_TEST_SUITE_P(Sqlite, ReportCli,
                         ::testing::Values(Backend{"sqlite",
                                                   [](const std::string& dir, const std::string& tag) {
                                                       return "sqlite:" + dir + "/" + tag + ".db";
                                                   }}),
                         [](const auto& info) { return info.param.name; });
#endif

}  // namespace planwatch::testing
