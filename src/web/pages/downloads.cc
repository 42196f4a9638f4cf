#include "web/pages/downloads.h"

#include <algorithm>
#include <cmath>

#include "services/download_service.h"
#include "web/i18n.h"

namespace planwatch::web::pages {
namespace {

using services::DownloadKind;

struct Offer {
    DownloadKind kind;
    const char* format;
    bool bom;
    const char* what;         // message key: what the file holds
    const char* format_name;  // message key, or the name itself when no key starts with download_
};

// In the order the page lists them; names differ by what or by format.
constexpr Offer kReportOffers[] = {
    {DownloadKind::kReport, "pdf", false, "download_report", "PDF"},
    {DownloadKind::kReport, "docx", false, "download_report", "DOCX"},
    {DownloadKind::kReport, "html", false, "download_report", "HTML"},
    // Not report?format=xlsx: the same workbook as the open data's XLSX, listed there.
};
constexpr Offer kDataOffers[] = {
    {DownloadKind::kExport, "csv", false, "download_activities", "CSV"},
    {DownloadKind::kExport, "csv", true, "download_activities", "download_format_csv_bom"},
    {DownloadKind::kExport, "xlsx", false, "download_activities_statuses", "XLSX"},
    {DownloadKind::kExport, "json", false, "download_plan_json", "JSON"},
    {DownloadKind::kExport, "iati", false, "download_activities_iati", "IATI 2.03 XML"},
};

// 245 KB below a megabyte (rounded up: a hint should not promise less), else 1,2 MB.
std::string SizeText(size_t bytes, const RequestContext& ctx) {
    if (bytes < 1000 * 1000) {
        double kb = std::max(1.0, std::ceil(static_cast<double>(bytes) / 1000.0));
        return ctx.t().Format("download_size_kb", {{"size", FormatNumber(kb, ctx.lang)}});
    }
    double mb = std::ceil(static_cast<double>(bytes) / 100000.0) / 10.0;
    return ctx.t().Format("download_size_mb", {{"size", FormatNumber(mb, ctx.lang)}});
}

std::string Href(const Offer& offer, const DownloadScope& scope) {
    std::string href = "/api/v1/plans/" + std::to_string(scope.plan_id) +
                       (offer.kind == DownloadKind::kReport ? "/report" : "/export") + "?format=" + offer.format;
    if (offer.bom) href += "&bom=1";
    if (scope.institution) href += "&institution=" + std::to_string(*scope.institution);
    const bool dated = offer.kind == DownloadKind::kReport || std::string_view(offer.format) == "xlsx" ||
                       std::string_view(offer.format) == "iati";
    if (scope.as_of_given && dated) href += "&as_of=" + domain::ToString(scope.as_of);
    return href;
}

nlohmann::json Link(const Offer& offer, const DownloadScope& scope, RequestContext& ctx) {
    std::string what = ctx.t().Get(scope.institution ? "download_report_institution" : offer.what);
    std::string format = std::string_view(offer.format_name).rfind("download_", 0) == 0 ? ctx.t().Get(offer.format_name)
                                                                                         : offer.format_name;
    services::DownloadRequest request{.plan_id = scope.plan_id, .format = offer.format, .as_of = scope.as_of,
                                      .institution = scope.institution, .bom = offer.bom};
    StatusOr<size_t> size = ctx.services.downloads().SizeHint(offer.kind, request);
    // A file that cannot be written now (no PDF renderer) keeps its link: the
    // download then says why, which a missing link would not.
    std::string text = size.ok() ? ctx.t().Format("download_link", {{"what", what}, {"format", format},
                                                                    {"size", SizeText(*size, ctx)}})
                                 : ctx.t().Format("download_link_unsized", {{"what", what}, {"format", format}});
    std::string hidden;
    if (scope.institution) hidden = ctx.t().Format("download_for_plan", {{"plan", scope.plan_title}});
    return {{"href", Href(offer, scope)}, {"text", text}, {"hidden", hidden}};
}

}  // namespace

nlohmann::json DownloadLinks(const DownloadScope& scope, RequestContext& ctx) {
    nlohmann::json report = nlohmann::json::array();
    nlohmann::json data = nlohmann::json::array();
    if (scope.reports) {
        for (const Offer& offer : kReportOffers) report.push_back(Link(offer, scope, ctx));
    }
    if (!scope.institution) {
        for (const Offer& offer : kDataOffers) data.push_back(Link(offer, scope, ctx));
    }
    return {{"report", report}, {"data", data}, {"has_report", !report.empty()}, {"has_data", !data.empty()},
            {"as_of_text", ctx.t().Format("download_as_of", {{"date", FormatDate(scope.as_of, ctx.lang)}})}};
}

}  // namespace planwatch::web::pages
