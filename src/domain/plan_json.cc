// PlanToJson: the one place that decides how planwatch.plan/1 looks. Key order is
// the order of plan-format.md (nlohmann::ordered_json keeps insertion order), so
// the text is stable and export -> import -> export is byte-identical.
#include "domain/plan_json.h"

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace planwatch::domain {
namespace {

using Json = nlohmann::ordered_json;

// Integral values print as integers ("value": 2, not 2.0) as a person writes them;
// beyond 1e15 a double no longer holds every integer, so it stays a double.
// nlohmann prints other doubles as the shortest text that parses back to them.
Json Number(double value) {
    if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15) {
        return Json(static_cast<int64_t>(value));
    }
    return Json(value);
}

// Minor units to currency units. Whole amounts stay integers (no "2126000.0");
// otherwise minor / 100.0 is the double nearest to the exact decimal, which
// nlohmann prints as that decimal (147802751 -> 1478027.51).
Json Money(int64_t minor) {
    if (minor % 100 == 0) return Json(minor / 100);
    return Json(static_cast<double>(minor) / 100.0);
}

// Ids are strings: JavaScript clients lose precision on integers beyond 2^53.
Json Id(int64_t id) { return Json(std::to_string(id)); }

void PutString(Json& out, const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
}

template <typename T, typename Fn>
void PutArray(Json& out, const char* key, const std::vector<T>& values, Fn&& to_json) {
    if (values.empty()) return;
    Json array = Json::array();
    for (const T& value : values) array.push_back(to_json(value));
    out[key] = std::move(array);
}

Json StringJson(const std::string& value) { return Json(value); }

Json DateJson(const DatePoint& date) {
    Json out = Json::object();
    out["year"] = date.year;
    if (date.month != 0) out["month"] = date.month;
    if (date.day != 0) out["day"] = date.day;
    return out;
}

Json TargetJson(const Target& target) {
    Json out = Json::object();
    out["value"] = Number(target.value);
    out["comparator"] = Name(target.comparator);
    PutString(out, "unit", target.unit);
    if (target.per) out["per"] = Name(*target.per);
    if (target.percent) out["percent"] = true;
    return out;
}

Json IndicatorJson(const Indicator& indicator) {
    Json out = Json::object();
    out["name"] = indicator.name;
    if (indicator.target) out["target"] = TargetJson(*indicator.target);
    if (indicator.baseline) out["baseline"] = Number(*indicator.baseline);
    return out;
}

Json ResponsibilityJson(const Responsibility& responsibility) {
    Json out = Json::object();
    out["institution"] = responsibility.institution;
    out["role"] = Name(responsibility.role);
    return out;
}

Json BudgetJson(const BudgetLine& line) {
    Json out = Json::object();
    out["amount"] = Money(line.amount_minor);
    out["currency"] = line.currency;
    PutString(out, "source", line.source);
    if (line.year) out["year"] = *line.year;
    return out;
}

Json NodeJson(const Node& node) {
    Json out = Json::object();
    if (node.id) out["id"] = Id(*node.id);
    out["kind"] = Name(node.kind);
    PutString(out, "code", node.code);
    PutString(out, "title", node.title);
    if (node.source_line > 0) out["source_line"] = node.source_line;
    PutArray(out, "children", node.children, NodeJson);
    PutArray(out, "results", node.results, StringJson);
    PutArray(out, "indicators", node.indicators, IndicatorJson);
    if (node.frequency) out["frequency"] = Name(*node.frequency);
    if (node.start) out["start"] = DateJson(*node.start);
    if (node.deadline) out["deadline"] = DateJson(*node.deadline);
    PutString(out, "deadline_text", node.deadline_text);
    PutArray(out, "periods", node.periods, StringJson);
    PutArray(out, "responsible", node.responsible, ResponsibilityJson);
    PutArray(out, "budget", node.budget, BudgetJson);
    return out;
}

Json FigureJson(const UnitFigure& figure) {
    Json out = Json::object();
    out["year"] = figure.year;
    out["value"] = Number(figure.value);
    PutString(out, "unit", figure.unit);
    PutString(out, "counted", figure.counted);
    return out;
}

Json InstitutionJson(const Institution& institution) {
    Json out = Json::object();
    if (institution.id) out["id"] = Id(*institution.id);
    out["name"] = institution.name;
    PutString(out, "acronym", institution.acronym);
    PutArray(out, "aliases", institution.aliases, StringJson);
    PutString(out, "kind", institution.kind);
    PutString(out, "parent", institution.parent);
    PutString(out, "contact", institution.contact);
    PutArray(out, "figures", institution.figures, FigureJson);
    return out;
}

Json ServiceBudgetJson(const ServiceBudget& line) {
    Json out = Json::object();
    out["year"] = line.year;
    PutString(out, "source", line.source);
    out["amount"] = Money(line.amount_minor);
    out["currency"] = line.currency;
    return out;
}

Json LicenceJson(const ServiceLicence& licence) {
    Json out = Json::object();
    PutString(out, "number", licence.number);
    if (licence.date) out["date"] = DateJson(*licence.date);
    if (licence.expiry) out["expiry"] = DateJson(*licence.expiry);
    return out;
}

Json ServiceJson(const SocialService& service) {
    Json out = Json::object();
    if (service.id) out["id"] = Id(*service.id);
    out["line"] = Name(service.line);
    PutString(out, "code", service.code);
    PutString(out, "name", service.name);
    PutString(out, "beneficiaries", service.beneficiaries);
    PutString(out, "provider", service.provider);
    PutString(out, "locality", service.locality);
    if (service.capacity) {
        out["capacity"] = Json::object();
        out["capacity"]["value"] = Number(service.capacity->value);
        out["capacity"]["unit"] = Name(service.capacity->unit);
    }
    if (service.occupancy) out["occupancy"] = Number(*service.occupancy);
    out["state"] = Name(service.state);
    PutArray(out, "budget", service.budget, ServiceBudgetJson);
    if (service.staff) out["staff"] = *service.staff;
    if (service.area_m2) out["area_m2"] = Number(*service.area_m2);
    PutString(out, "schedule", service.schedule);
    if (service.licence) out["licence"] = LicenceJson(*service.licence);
    if (service.source_line > 0) out["source_line"] = service.source_line;
    return out;
}

Json WarningJson(const PlanWarning& warning) {
    Json out = Json::object();
    if (warning.line > 0) out["line"] = warning.line;
    out["message"] = warning.message;
    PutString(out, "code", warning.code);
    return out;
}

Json SourceJson(const SourceDocument& source) {
    Json out = Json::object();
    PutString(out, "file", source.file);
    PutString(out, "sha256", source.sha256);
    PutString(out, "format", source.format);
    return out;
}

}  // namespace

std::string PlanToJson(const Plan& plan) {
    Json out = Json::object();
    out["schema"] = kPlanSchema;
    if (plan.id) out["id"] = Id(*plan.id);
    out["version"] = plan.version;
    PutString(out, "title", plan.title);
    out["kind"] = Name(plan.kind);
    PutString(out, "language", plan.language);
    PutString(out, "jurisdiction", plan.jurisdiction);
    if (plan.period_start || plan.period_end) {
        Json period = Json::object();
        if (plan.period_start) period["start"] = *plan.period_start;
        if (plan.period_end) period["end"] = *plan.period_end;
        out["period"] = std::move(period);
    }
    if (plan.cadence) out["cadence"] = Name(*plan.cadence);
    PutString(out, "adopted_by", plan.adopted_by);
    Json source = SourceJson(plan.source);
    if (!source.empty()) out["source"] = std::move(source);
    Json nodes = Json::array();
    for (const Node& node : plan.nodes) nodes.push_back(NodeJson(node));
    out["nodes"] = std::move(nodes);
    PutArray(out, "institutions", plan.institutions, InstitutionJson);
    PutArray(out, "services", plan.services, ServiceJson);
    PutArray(out, "budget", plan.budget, BudgetJson);
    PutArray(out, "warnings", plan.warnings, WarningJson);
    // replace: a string with invalid UTF-8 must not make the writer throw.
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace planwatch::domain
