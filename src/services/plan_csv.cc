#include "services/plan_csv.h"

#include <fmt/format.h>

#include <cstdlib>

namespace planwatch::services {
namespace {

constexpr char kLineEnd[] = "\r\n";

std::string Join(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

std::string FormatNumber(double value) {
    // Integral targets ("2 proiecte") read best without a decimal point.
    if (value == static_cast<double>(static_cast<int64_t>(value))) return fmt::format("{}", static_cast<int64_t>(value));
    return fmt::format("{}", value);
}

std::string DescribeIndicator(const domain::Indicator& indicator) {
    if (!indicator.target) return indicator.name;
    const domain::Target& target = *indicator.target;
    std::string text = fmt::format("{} {}{}", domain::Name(target.comparator), FormatNumber(target.value),
                                   target.percent ? "%" : "");
    if (!target.unit.empty() && !(target.percent && target.unit == "%")) text += " " + target.unit;
    if (target.per) text += fmt::format(" per {}", domain::Name(*target.per));
    return fmt::format("{} ({})", indicator.name, text);
}

std::string FormatDate(const domain::DatePoint& date) {
    if (date.month == 0) return fmt::format("{:04}", date.year);
    if (date.day == 0) return fmt::format("{:04}-{:02}", date.year, date.month);
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string DescribeBudget(const domain::BudgetLine& line) {
    std::string text = FormatMinorUnits(line.amount_minor) + " " + line.currency;
    if (line.year) text += fmt::format(" {}", *line.year);
    if (!line.source.empty()) text += " (" + line.source + ")";
    return text;
}

void AppendActivity(const domain::Plan& plan, const domain::Node& node, const std::string& path, std::string& out) {
    std::vector<std::string> indicators;
    for (const domain::Indicator& indicator : node.indicators) indicators.push_back(DescribeIndicator(indicator));
    std::string lead;
    std::vector<std::string> partners;
    for (const domain::Responsibility& r : node.responsible) {
        if (r.role == domain::ResponsibilityRole::kLead && lead.empty()) {
            lead = r.institution;
        } else {
            partners.push_back(r.institution);
        }
    }
    std::vector<std::string> budget;
    for (const domain::BudgetLine& line : node.budget) budget.push_back(DescribeBudget(line));
    std::string deadline = node.deadline ? FormatDate(*node.deadline) : node.deadline_text;

    const std::string fields[] = {
        plan.id ? std::to_string(*plan.id) : std::string(),
        node.code,
        path,
        node.title,
        Join(node.results, "\n"),
        Join(indicators, "\n"),
        node.frequency ? domain::Name(*node.frequency) : "",
        deadline,
        Join(node.periods, "; "),
        lead,
        Join(partners, "; "),
        Join(budget, "; "),
    };
    bool first = true;
    for (const std::string& field : fields) {
        if (!first) out += ',';
        out += CsvField(field);
        first = false;
    }
    out += kLineEnd;
}

void AppendNodes(const domain::Plan& plan, const std::vector<domain::Node>& nodes, const std::string& path,
                 std::string& out) {
    for (const domain::Node& node : nodes) {
        if (node.kind == domain::NodeKind::kActivity) AppendActivity(plan, node, path, out);
        std::string child_path = path;
        if (!node.code.empty()) child_path += (child_path.empty() ? "" : "/") + node.code;
        AppendNodes(plan, node.children, child_path, out);
    }
}

}  // namespace

std::string PlanCsvHeader() {
    return std::string("plan_id,code,path,title,results,indicators,frequency,deadline,periods,lead,partners,budget") +
           kLineEnd;
}

std::string PlanCsvRows(const domain::Plan& plan) {
    std::string out;
    AppendNodes(plan, plan.nodes, "", out);
    return out;
}

std::string PlansToCsv(const std::vector<domain::Plan>& plans, const PlanCsvOptions& options) {
    std::string out = options.bom ? "\xEF\xBB\xBF" : "";
    out += PlanCsvHeader();
    for (const domain::Plan& plan : plans) out += PlanCsvRows(plan);
    return out;
}

std::string CsvField(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string FormatMinorUnits(int64_t amount_minor) {
    const char* sign = amount_minor < 0 ? "-" : "";
    uint64_t magnitude = amount_minor < 0 ? 0 - static_cast<uint64_t>(amount_minor) : static_cast<uint64_t>(amount_minor);
    uint64_t units = magnitude / 100;
    uint64_t cents = magnitude % 100;
    if (cents == 0) return fmt::format("{}{}", sign, units);
    if (cents % 10 == 0) return fmt::format("{}{}.{}", sign, units, cents / 10);
    return fmt::format("{}{}.{:02}", sign, units, cents);
}

}  // namespace planwatch::services
