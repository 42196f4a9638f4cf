#include "domain/plan.h"

#include <fmt/format.h>

#include <set>

#include "domain/monitoring.h"

namespace planwatch::domain {
namespace {

Status FieldError(const std::string& field, std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message), SourcePosition{.field = field});
}

Status ValidateDate(const DatePoint& d, const std::string& field) {
    if (d.year < 1900 || d.year > 2200) return FieldError(field + ".year", fmt::format("year {} is not in 1900..2200", d.year));
    if (d.month < 0 || d.month > 12) return FieldError(field + ".month", fmt::format("month {} is not in 1..12", d.month));
    if (d.day < 0 || d.day > 31) return FieldError(field + ".day", fmt::format("day {} is not in 1..31", d.day));
    if (d.day > 0 && d.month == 0) return FieldError(field + ".day", "a day needs a month");
    return Status::Ok();
}

Status ValidateNode(const Node& node, const std::string& path, const std::set<std::string>& institutions) {
    if (node.title.empty() && node.code.empty()) return FieldError(path + ".title", "a node needs a title or a code");
    bool activity = node.kind == NodeKind::kActivity;
    if (!activity && (!node.results.empty() || !node.indicators.empty() || node.frequency || node.deadline ||
                      node.start || !node.periods.empty() || !node.responsible.empty() || !node.budget.empty())) {
        return FieldError(path, fmt::format("a {} cannot carry activity fields", Name(node.kind)));
    }
    if (node.deadline) PW_RETURN_IF_ERROR(ValidateDate(*node.deadline, path + ".deadline"));
    if (node.start) PW_RETURN_IF_ERROR(ValidateDate(*node.start, path + ".start"));
    for (size_t i = 0; i < node.periods.size(); ++i) {
        StatusOr<Period> period = ParsePeriod(node.periods[i]);
        if (!period.ok()) return FieldError(fmt::format("{}.periods[{}]", path, i), period.status().message());
    }
    int leads = 0;
    for (size_t i = 0; i < node.responsible.size(); ++i) {
        const Responsibility& r = node.responsible[i];
        if (r.role == ResponsibilityRole::kLead) ++leads;
        if (!institutions.contains(r.institution)) {
            return FieldError(fmt::format("{}.responsible[{}].institution", path, i),
                              fmt::format("\"{}\" is not listed in institutions", r.institution));
        }
    }
    if (leads > 1) return FieldError(path + ".responsible", fmt::format("{} leads; an activity has at most one", leads));
    for (size_t i = 0; i < node.budget.size(); ++i) {
        if (node.budget[i].currency.size() != 3) {
            return FieldError(fmt::format("{}.budget[{}].currency", path, i), "expected an ISO 4217 code such as RON");
        }
    }
    for (size_t i = 0; i < node.children.size(); ++i) {
        PW_RETURN_IF_ERROR(ValidateNode(node.children[i], fmt::format("{}.children[{}]", path, i), institutions));
    }
    return Status::Ok();
}

}  // namespace

Status Validate(const Plan& plan) {
    if (plan.title.empty()) return FieldError("title", "a plan needs a title");
    if (plan.period_start && plan.period_end && *plan.period_start > *plan.period_end) {
        return FieldError("period", fmt::format("start {} is after end {}", *plan.period_start, *plan.period_end));
    }
    std::set<std::string> institutions;
    for (size_t i = 0; i < plan.institutions.size(); ++i) {
        const Institution& inst = plan.institutions[i];
        if (inst.name.empty()) return FieldError(fmt::format("institutions[{}].name", i), "an institution needs a name");
        if (!institutions.insert(inst.name).second) {
            return FieldError(fmt::format("institutions[{}].name", i), fmt::format("\"{}\" is listed twice", inst.name));
        }
    }
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        PW_RETURN_IF_ERROR(ValidateNode(plan.nodes[i], fmt::format("nodes[{}]", i), institutions));
    }
    for (size_t i = 0; i < plan.services.size(); ++i) {
        const std::optional<ServiceLicence>& licence = plan.services[i].licence;
        if (!licence) continue;
        const std::string path = fmt::format("services[{}].licence", i);
        if (licence->date) PW_RETURN_IF_ERROR(ValidateDate(*licence->date, path + ".date"));
        if (licence->expiry) PW_RETURN_IF_ERROR(ValidateDate(*licence->expiry, path + ".expiry"));
    }
    return Status::Ok();
}

int CountActivities(const Plan& plan) {
    int count = 0;
    ForEachNode(plan.nodes, [&count](const Node& n) { count += n.kind == NodeKind::kActivity; });
    return count;
}

}  // namespace planwatch::domain
