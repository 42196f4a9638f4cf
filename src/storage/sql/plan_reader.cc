#include "storage/sql/plan_reader.h"

#include <soci/soci.h>

#include <algorithm>
#include <functional>
#include <map>
#include <string>

#include "storage/sql/nullable.h"

namespace planwatch::storage::sql {
namespace {

constexpr char kSelectPlan[] = R"sql(
    SELECT version, title, kind, language, jurisdiction, period_start, period_end, cadence, adopted_by,
           source_file, source_sha256, source_format
    FROM plan WHERE id = :id)sql";
constexpr char kSelectInstitutions[] = R"sql(
    SELECT id, institution_id, name, acronym, kind, parent, contact
    FROM plan_institution WHERE plan_id = :plan_id ORDER BY position)sql";
constexpr char kSelectAliases[] = R"sql(
    SELECT a.plan_institution_id, a.alias
    FROM plan_institution_alias AS a JOIN plan_institution AS p ON p.id = a.plan_institution_id
    WHERE p.plan_id = :plan_id ORDER BY a.plan_institution_id, a.position)sql";
constexpr char kSelectFigures[] = R"sql(
    SELECT f.plan_institution_id, f.year, f.value, f.unit, f.counted
    FROM unit_figure AS f JOIN plan_institution AS p ON p.id = f.plan_institution_id
    WHERE p.plan_id = :plan_id ORDER BY f.plan_institution_id, f.position)sql";
constexpr char kSelectNodes[] = R"sql(
    SELECT id, parent_id, position, kind, code, title, source_line, frequency, start_year, start_month, start_day,
           deadline_year, deadline_month, deadline_day, deadline_text
    FROM node WHERE plan_id = :plan_id ORDER BY id)sql";
constexpr char kSelectResults[] = R"sql(
    SELECT r.node_id, r.text FROM node_result AS r JOIN node AS n ON n.id = r.node_id
    WHERE n.plan_id = :plan_id ORDER BY r.node_id, r.position)sql";
constexpr char kSelectIndicators[] = R"sql(
    SELECT i.node_id, i.name, i.target_value, i.target_comparator, i.target_unit, i.target_per, i.target_percent,
           i.baseline
    FROM indicator AS i JOIN node AS n ON n.id = i.node_id
    WHERE n.plan_id = :plan_id ORDER BY i.node_id, i.position)sql";
constexpr char kSelectPeriods[] = R"sql(
    SELECT p.node_id, p.period FROM node_period AS p JOIN node AS n ON n.id = p.node_id
    WHERE n.plan_id = :plan_id ORDER BY p.node_id, p.position)sql";
constexpr char kSelectResponsibilities[] = R"sql(
    SELECT r.node_id, r.institution, r.role FROM responsibility AS r JOIN node AS n ON n.id = r.node_id
    WHERE n.plan_id = :plan_id ORDER BY r.node_id, r.position)sql";
constexpr char kSelectBudgets[] = R"sql(
    SELECT b.node_id, b.amount_minor, b.currency, b.source, b.year
    FROM budget_line AS b JOIN node AS n ON n.id = b.node_id
    WHERE n.plan_id = :plan_id ORDER BY b.node_id, b.position)sql";
constexpr char kSelectServices[] = R"sql(
    SELECT id, line, code, name, beneficiaries, provider, locality, capacity_value, capacity_unit, occupancy,
           state, staff, area_m2, schedule, source_line
    FROM social_service WHERE plan_id = :plan_id ORDER BY position)sql";
constexpr char kSelectServiceBudgets[] = R"sql(
    SELECT b.service_id, b.year, b.source, b.amount_minor, b.currency
    FROM service_budget AS b JOIN social_service AS s ON s.id = b.service_id
    WHERE s.plan_id = :plan_id ORDER BY b.service_id, b.position)sql";
constexpr char kSelectWarnings[] = R"sql(
    SELECT line, message, code FROM plan_warning WHERE plan_id = :plan_id ORDER BY position)sql";

// Enum columns hold Name() strings written by plan_writer.cc; anything else was
// written by hand or by a newer planwatch, and is reported rather than guessed.
template <typename Parse>
auto ParseColumn(Parse parse, const std::string& value, const char* column) {
    auto parsed = parse(value);
    if (!parsed) throw soci::soci_error(std::string("unknown ") + column + " \"" + value + "\" in the database");
    return *parsed;
}

std::optional<domain::DatePoint> DateFrom(const Nullable<int>& year, const Nullable<int>& month,
                                          const Nullable<int>& day) {
    if (!year.Get()) return std::nullopt;
    return domain::DatePoint{year.value, month.Get().value_or(0), day.Get().value_or(0)};
}

// Nodes as stored (flat), then linked into the tree by parent and position.
struct FlatNode {
    domain::Node node;
    std::optional<long long> parent;
    int position = 0;
};

void ReadInstitutions(soci::session& session, long long plan_id, domain::Plan& plan) {
    std::map<long long, size_t> index_of;  // plan_institution.id -> index in plan.institutions
    {
        long long own_id = 0, registry_id = 0;
        std::string name, acronym, kind, parent, contact;
        soci::statement st =
            (session.prepare << kSelectInstitutions, soci::use(plan_id), soci::into(own_id), soci::into(registry_id),
             soci::into(name), soci::into(acronym), soci::into(kind), soci::into(parent), soci::into(contact));
        st.execute();
        while (st.fetch()) {
            index_of[own_id] = plan.institutions.size();
            plan.institutions.push_back(domain::Institution{.id = registry_id,
                                                            .name = name,
                                                            .acronym = acronym,
                                                            .kind = kind,
                                                            .parent = parent,
                                                            .contact = contact});
        }
    }
    {
        long long own_id = 0;
        std::string alias;
        soci::statement st =
            (session.prepare << kSelectAliases, soci::use(plan_id), soci::into(own_id), soci::into(alias));
        st.execute();
        while (st.fetch()) plan.institutions[index_of.at(own_id)].aliases.push_back(alias);
    }
    {
        long long own_id = 0;
        domain::UnitFigure figure;
        soci::statement st =
            (session.prepare << kSelectFigures, soci::use(plan_id), soci::into(own_id), soci::into(figure.year),
             soci::into(figure.value), soci::into(figure.unit), soci::into(figure.counted));
        st.execute();
        while (st.fetch()) plan.institutions[index_of.at(own_id)].figures.push_back(figure);
    }
}

std::vector<FlatNode> ReadNodes(soci::session& session, long long plan_id, std::map<long long, size_t>& index_of) {
    std::vector<FlatNode> nodes;
    long long id = 0;
    Nullable<long long> parent;
    int position = 0, source_line = 0;
    std::string kind, code, title, deadline_text;
    Nullable<std::string> frequency;
    Nullable<int> start_year, start_month, start_day, deadline_year, deadline_month, deadline_day;
    soci::statement st =
        (session.prepare << kSelectNodes, soci::use(plan_id), soci::into(id), soci::into(parent.value, parent.ind),
         soci::into(position), soci::into(kind), soci::into(code), soci::into(title), soci::into(source_line),
         soci::into(frequency.value, frequency.ind), soci::into(start_year.value, start_year.ind),
         soci::into(start_month.value, start_month.ind), soci::into(start_day.value, start_day.ind),
         soci::into(deadline_year.value, deadline_year.ind), soci::into(deadline_month.value, deadline_month.ind),
         soci::into(deadline_day.value, deadline_day.ind), soci::into(deadline_text));
    st.execute();
    while (st.fetch()) {
        FlatNode flat;
        flat.node.id = id;
        flat.node.kind = ParseColumn(domain::ParseNodeKind, kind, "node kind");
        flat.node.code = code;
        flat.node.title = title;
        flat.node.source_line = source_line;
        if (frequency.Get()) flat.node.frequency = ParseColumn(domain::ParseFrequency, frequency.value, "frequency");
        flat.node.start = DateFrom(start_year, start_month, start_day);
        flat.node.deadline = DateFrom(deadline_year, deadline_month, deadline_day);
        flat.node.deadline_text = deadline_text;
        flat.parent = parent.Get();
        flat.position = position;
        index_of[id] = nodes.size();
        nodes.push_back(std::move(flat));
    }
    return nodes;
}

void ReadActivityDetails(soci::session& session, long long plan_id, std::vector<FlatNode>& nodes,
                         const std::map<long long, size_t>& index_of) {
    auto node = [&](long long id) -> domain::Node& { return nodes[index_of.at(id)].node; };
    long long node_id = 0;
    std::string text, other;
    {
        soci::statement st =
            (session.prepare << kSelectResults, soci::use(plan_id), soci::into(node_id), soci::into(text));
        st.execute();
        while (st.fetch()) node(node_id).results.push_back(text);
    }
    {
        Nullable<double> value, baseline;
        Nullable<std::string> comparator, per;
        int percent = 0;
        soci::statement st =
            (session.prepare << kSelectIndicators, soci::use(plan_id), soci::into(node_id), soci::into(text),
             soci::into(value.value, value.ind), soci::into(comparator.value, comparator.ind), soci::into(other),
             soci::into(per.value, per.ind), soci::into(percent), soci::into(baseline.value, baseline.ind));
        st.execute();
        while (st.fetch()) {
            domain::Indicator indicator{.name = text, .baseline = baseline.Get()};
            if (comparator.Get()) {
                domain::Target target{.value = value.value, .unit = other, .percent = percent != 0};
                target.comparator = ParseColumn(domain::ParseComparator, comparator.value, "comparator");
                if (per.Get()) target.per = ParseColumn(domain::ParseTargetPer, per.value, "target per");
                indicator.target = target;
            }
            node(node_id).indicators.push_back(std::move(indicator));
        }
    }
    {
        soci::statement st =
            (session.prepare << kSelectPeriods, soci::use(plan_id), soci::into(node_id), soci::into(text));
        st.execute();
        while (st.fetch()) node(node_id).periods.push_back(text);
    }
    {
        soci::statement st = (session.prepare << kSelectResponsibilities, soci::use(plan_id), soci::into(node_id),
                              soci::into(text), soci::into(other));
        st.execute();
        while (st.fetch()) {
            node(node_id).responsible.push_back(domain::Responsibility{
                text, ParseColumn(domain::ParseResponsibilityRole, other, "responsibility role")});
        }
    }
    {
        long long amount = 0;
        Nullable<int> year;
        soci::statement st =
            (session.prepare << kSelectBudgets, soci::use(plan_id), soci::into(node_id), soci::into(amount),
             soci::into(text), soci::into(other), soci::into(year.value, year.ind));
        st.execute();
        while (st.fetch()) {
            node(node_id).budget.push_back(
                domain::BudgetLine{.amount_minor = amount, .currency = text, .source = other, .year = year.Get()});
        }
    }
}

// Children in position order; nodes arrive in id order, which is insertion order.
std::vector<domain::Node> LinkTree(std::vector<FlatNode>& flat) {
    std::map<std::optional<long long>, std::vector<size_t>> children_of;
    for (size_t i = 0; i < flat.size(); ++i) children_of[flat[i].parent].push_back(i);
    for (auto& [parent, children] : children_of) {
        std::stable_sort(children.begin(), children.end(),
                         [&](size_t a, size_t b) { return flat[a].position < flat[b].position; });
    }
    // Deepest first would need depths; recursion from the roots is simpler and
    // the tree is shallow (six kinds of node at most).
    std::function<domain::Node(size_t)> build = [&](size_t index) {
        domain::Node node = std::move(flat[index].node);
        auto children = children_of.find(*node.id);
        if (children != children_of.end()) {
            for (size_t child : children->second) node.children.push_back(build(child));
        }
        return node;
    };
    std::vector<domain::Node> roots;
    auto top = children_of.find(std::nullopt);
    if (top != children_of.end()) {
        for (size_t index : top->second) roots.push_back(build(index));
    }
    return roots;
}

void ReadServices(soci::session& session, long long plan_id, domain::Plan& plan) {
    std::map<long long, size_t> index_of;
    {
        long long id = 0;
        std::string line, code, name, beneficiaries, provider, locality, state, schedule;
        Nullable<double> capacity, occupancy, area;
        Nullable<std::string> unit;
        Nullable<int> staff;
        int source_line = 0;
        soci::statement st =
            (session.prepare << kSelectServices, soci::use(plan_id), soci::into(id), soci::into(line), soci::into(code),
             soci::into(name), soci::into(beneficiaries), soci::into(provider), soci::into(locality),
             soci::into(capacity.value, capacity.ind), soci::into(unit.value, unit.ind),
             soci::into(occupancy.value, occupancy.ind), soci::into(state), soci::into(staff.value, staff.ind),
             soci::into(area.value, area.ind), soci::into(schedule), soci::into(source_line));
        st.execute();
        while (st.fetch()) {
            domain::SocialService service;
            service.id = id;
            service.line = ParseColumn(domain::ParseServiceLineKind, line, "service line");
            service.code = code;
            service.name = name;
            service.beneficiaries = beneficiaries;
            service.provider = provider;
            service.locality = locality;
            if (capacity.Get()) {
                service.capacity = domain::Capacity{
                    capacity.value, ParseColumn(domain::ParseCapacityUnit, unit.Get().value_or(""), "capacity unit")};
            }
            service.occupancy = occupancy.Get();
            service.state = ParseColumn(domain::ParseServiceState, state, "service state");
            service.staff = staff.Get();
            service.area_m2 = area.Get();
            service.schedule = schedule;
            service.source_line = source_line;
            index_of[id] = plan.services.size();
            plan.services.push_back(std::move(service));
        }
    }
    long long service_id = 0;
    domain::ServiceBudget budget;
    long long amount = 0;
    soci::statement st =
        (session.prepare << kSelectServiceBudgets, soci::use(plan_id), soci::into(service_id), soci::into(budget.year),
         soci::into(budget.source), soci::into(amount), soci::into(budget.currency));
    st.execute();
    while (st.fetch()) {
        budget.amount_minor = amount;
        plan.services[index_of.at(service_id)].budget.push_back(budget);
    }
}

void ReadWarnings(soci::session& session, long long plan_id, domain::Plan& plan) {
    domain::PlanWarning warning;
    soci::statement st = (session.prepare << kSelectWarnings, soci::use(plan_id), soci::into(warning.line),
                          soci::into(warning.message), soci::into(warning.code));
    st.execute();
    while (st.fetch()) plan.warnings.push_back(warning);
}

}  // namespace

StatusOr<domain::Plan> ReadPlan(soci::session& session, int64_t plan_id) {
    long long id = plan_id;
    domain::Plan plan;
    std::string kind;
    Nullable<int> period_start, period_end;
    Nullable<std::string> cadence;
    session << kSelectPlan, soci::use(id), soci::into(plan.version), soci::into(plan.title), soci::into(kind),
        soci::into(plan.language), soci::into(plan.jurisdiction), soci::into(period_start.value, period_start.ind),
        soci::into(period_end.value, period_end.ind), soci::into(cadence.value, cadence.ind),
        soci::into(plan.adopted_by), soci::into(plan.source.file), soci::into(plan.source.sha256),
        soci::into(plan.source.format);
    if (!session.got_data()) return NotFound("no plan with id " + std::to_string(plan_id));
    plan.id = plan_id;
    plan.kind = ParseColumn(domain::ParsePlanKind, kind, "plan kind");
    plan.period_start = period_start.Get();
    plan.period_end = period_end.Get();
    if (cadence.Get()) plan.cadence = ParseColumn(domain::ParseCadence, cadence.value, "cadence");

    ReadInstitutions(session, id, plan);
    std::map<long long, size_t> index_of;
    std::vector<FlatNode> nodes = ReadNodes(session, id, index_of);
    ReadActivityDetails(session, id, nodes, index_of);
    plan.nodes = LinkTree(nodes);
    ReadServices(session, id, plan);
    ReadWarnings(session, id, plan);
    return plan;
}

}  // namespace planwatch::storage::sql
