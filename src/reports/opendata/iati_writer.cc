#include "reports/opendata/iati_writer.h"

#include <pugixml.hpp>

#include <set>
#include <sstream>

#include "reports/format.h"

namespace planwatch::reports::opendata {
namespace {

using domain::ActivityStatus;

// Codelist values used here (IATI 2.03).
constexpr char kRoleFunding[] = "1", kRoleAccountable[] = "2", kRoleImplementing[] = "4";
constexpr char kDatePlannedStart[] = "1", kDatePlannedEnd[] = "3";
constexpr char kDescriptionGeneral[] = "1";
constexpr char kBudgetOriginal[] = "1", kBudgetIndicative[] = "1";
constexpr char kResultOutput[] = "1";
constexpr char kMeasureUnit[] = "1", kMeasurePercentage[] = "2";

void Narrative(pugi::xml_node parent, const std::string& text, const std::string& lang = "") {
    pugi::xml_node n = parent.append_child("narrative");
    if (!lang.empty()) n.append_attribute("xml:lang") = lang.c_str();
    n.text() = text.c_str();
}

pugi::xml_node Element(pugi::xml_node parent, const char* name, const std::string& text) {
    pugi::xml_node e = parent.append_child(name);
    Narrative(e, text);
    return e;
}

void DateAttr(pugi::xml_node parent, const char* name, const domain::CivilDate& date) {
    parent.append_child(name).append_attribute("iso-date") = domain::ToString(date).c_str();
}

// An identifier part: IATI identifiers may not hold spaces or '/'.
std::string IdPart(const std::string& text) {
    std::string out;
    for (char c : text) out += (c == ' ' || c == '/' || c == '&' || c == '?') ? '-' : c;
    return out;
}

std::string PlanKey(const domain::Plan& plan) {
    if (plan.id) return std::to_string(*plan.id);
    if (plan.source.sha256.size() >= 12) return plan.source.sha256.substr(0, 12);
    return "plan";
}

std::string Number(double v) {
    std::ostringstream s;
    s.precision(15);
    s << v;
    return s.str();
}

void Budgets(pugi::xml_node act, const ActivityRow& a, const domain::Plan& plan) {
    for (const domain::BudgetLine& b : a.budget) {
        // A budget without a year covers the activity's own span, else the plan's.
        domain::CivilDate start = b.year ? domain::CivilDate{*b.year, 1, 1}
                                         : a.start.value_or(domain::CivilDate{plan.period_start.value_or(2000), 1, 1});
        domain::CivilDate end = b.year ? domain::CivilDate{*b.year, 12, 31}
                                       : a.due.value_or(domain::CivilDate{plan.period_end.value_or(start.year), 12, 31});
        pugi::xml_node budget = act.append_child("budget");
        budget.append_attribute("type") = kBudgetOriginal;
        budget.append_attribute("status") = kBudgetIndicative;
        DateAttr(budget, "period-start", start);
        DateAttr(budget, "period-end", end);
        pugi::xml_node value = budget.append_child("value");
        if (!b.currency.empty()) value.append_attribute("currency") = b.currency.c_str();
        value.append_attribute("value-date") = domain::ToString(start).c_str();
        value.text() = PlainAmount(b.amount_minor).c_str();
    }
}

void Result(pugi::xml_node act, const ActivityRow& a, const ReportModel& m) {
    if (a.indicators.empty()) return;
    pugi::xml_node result = act.append_child("result");
    result.append_attribute("type") = kResultOutput;
    result.append_attribute("aggregation-status") = "0";
    std::string title;
    for (const std::string& r : a.results) title += (title.empty() ? "" : "\n") + r;
    Element(result, "title", title.empty() ? a.title : title);
    for (const IndicatorRow& i : a.indicators) {
        pugi::xml_node indicator = result.append_child("indicator");
        bool percent = i.target && i.target->percent;
        indicator.append_attribute("measure") = percent ? kMeasurePercentage : kMeasureUnit;
        if (i.target && i.target->per != domain::TargetPer::kYear) indicator.append_attribute("ascending") = "1";
        Element(indicator, "title", i.name);
        if (!a.start || !a.due) continue;
        pugi::xml_node period = indicator.append_child("period");
        DateAttr(period, "period-start", *a.start);
        DateAttr(period, "period-end", *a.due);
        if (i.target) {
            pugi::xml_node target = period.append_child("target");
            target.append_attribute("value") = Number(i.target->value).c_str();
            if (!i.target_text.empty()) Element(target, "comment", i.target_text);
        }
        if (i.actual) {
            pugi::xml_node actual = period.append_child("actual");
            actual.append_attribute("value") = Number(*i.actual).c_str();
            Element(actual, "comment", domain::ToString(m.as_of));
        }
    }
}

}  // namespace

const char* IatiActivityStatus(ActivityStatus status) {
    switch (status) {
        case ActivityStatus::kNotStarted: return "1";
        case ActivityStatus::kOnTrack:
        case ActivityStatus::kAtRisk:
        case ActivityStatus::kOverdue:
        case ActivityStatus::kNotReported: return "2";
        case ActivityStatus::kCompleted: return "3";
        case ActivityStatus::kCancelled: return "5";
    }
    return "2";
}

std::string WriteIati(const ReportModel& m, const WriteOptions& options) {
    pugi::xml_document xml;
    pugi::xml_node decl = xml.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = xml.append_child("iati-activities");
    root.append_attribute("version") = "2.03";
    std::string stamp = domain::ToString(m.as_of) + "T00:00:00Z";
    root.append_attribute("generated-datetime") = stamp.c_str();
    const domain::Plan& plan = m.plan;
    std::string publisher = plan.jurisdiction.empty() ? plan.title : plan.jurisdiction;
    std::string prefix = options.iati_reporting_org_ref + "-" + IdPart(PlanKey(plan));
    std::string currency;
    for (const ActivityRow& a : m.activities) {
        for (const domain::BudgetLine& b : a.budget) {
            if (currency.empty()) currency = b.currency;
        }
    }
    for (size_t index = 0; index < m.activities.size(); ++index) {
        const ActivityRow& a = m.activities[index];
        pugi::xml_node act = root.append_child("iati-activity");
        act.append_attribute("last-updated-datetime") = stamp.c_str();
        if (!plan.language.empty()) act.append_attribute("xml:lang") = plan.language.c_str();
        if (!currency.empty()) act.append_attribute("default-currency") = currency.c_str();
        act.append_attribute("hierarchy") = 2;  // plan activities sit under the plan
        // Codes repeat across plans and may be empty; the position keeps identifiers unique.
        act.append_child("iati-identifier").text() =
            (prefix + "-" + std::to_string(index + 1) + (a.code.empty() ? "" : "-" + IdPart(a.code))).c_str();
        pugi::xml_node reporting = Element(act, "reporting-org", publisher);
        reporting.append_attribute("ref") = options.iati_reporting_org_ref.c_str();
        reporting.append_attribute("type") = options.iati_reporting_org_type.c_str();
        Element(act, "title", a.code.empty() ? a.title : a.code + " " + a.title);
        pugi::xml_node description = act.append_child("description");
        description.append_attribute("type") = kDescriptionGeneral;
        Narrative(description, a.title + "\n" + plan.title);
        if (!a.lead.empty()) Element(act, "participating-org", a.lead).append_attribute("role") = kRoleAccountable;
        for (const std::string& p : a.partners) {
            Element(act, "participating-org", p).append_attribute("role") = kRoleImplementing;
        }
        std::set<std::string> funders;
        for (const domain::BudgetLine& b : a.budget) {
            if (!b.source.empty() && funders.insert(b.source).second) {
                Element(act, "participating-org", b.source).append_attribute("role") = kRoleFunding;
            }
        }
        if (a.lead.empty() && a.partners.empty() && funders.empty()) {
            // The schema wants at least one participant; the publisher is accountable then.
            Element(act, "participating-org", publisher).append_attribute("role") = kRoleAccountable;
        }
        act.append_child("activity-status").append_attribute("code") = IatiActivityStatus(a.status);
        domain::CivilDate start = a.start.value_or(domain::CivilDate{plan.period_start.value_or(m.as_of.year), 1, 1});
        pugi::xml_node date = act.append_child("activity-date");
        date.append_attribute("type") = kDatePlannedStart;
        date.append_attribute("iso-date") = domain::ToString(start).c_str();
        if (a.due) {
            pugi::xml_node end = act.append_child("activity-date");
            end.append_attribute("type") = kDatePlannedEnd;
            end.append_attribute("iso-date") = domain::ToString(*a.due).c_str();
        }
        Budgets(act, a, plan);
        Result(act, a, m);
    }
    std::ostringstream out;
    xml.save(out, "  ", pugi::format_indent);
    return out.str();
}

}  // namespace planwatch::reports::opendata
