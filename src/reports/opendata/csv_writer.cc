#include "reports/opendata/csv_writer.h"

#include "reports/format.h"

namespace planwatch::reports::opendata {
namespace {

std::string Joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

}  // namespace

std::string CsvField(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string WriteCsv(const ReportModel& m, const WriteOptions& options) {
    std::string out = options.csv_bom ? "\xEF\xBB\xBF" : "";
    bool first = true;
    for (const char* column : kCsvColumns) {
        out += (first ? "" : ",") + std::string(column);
        first = false;
    }
    out += "\r\n";
    std::string as_of = domain::ToString(m.as_of);
    for (const ActivityRow& a : m.activities) {
        std::vector<std::string> indicators, targets, budget;
        for (const IndicatorRow& i : a.indicators) {
            indicators.push_back(i.name);
            targets.push_back(i.target_text);
        }
        for (const domain::BudgetLine& b : a.budget) {
            budget.push_back(PlainAmount(b.amount_minor) + " " + b.currency + (b.source.empty() ? "" : " " + b.source));
        }
        std::string pillar = a.pillar >= 0 ? m.by_pillar[a.pillar].code : "";
        std::vector<std::string> fields{m.plan.title, a.code, a.path, pillar, a.title, domain::Name(a.status),
                                        a.reason, a.due ? domain::ToString(*a.due) : "", a.schedule, a.frequency,
                                        a.lead, Joined(a.partners, "; "), Joined(indicators, "\n"),
                                        Joined(targets, "\n"), Joined(a.results, "\n"), Joined(budget, "; "),
                                        std::to_string(a.reports.size()), as_of};
        for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + CsvField(fields[i]);
        out += "\r\n";
    }
    return out;
}

}  // namespace planwatch::reports::opendata
