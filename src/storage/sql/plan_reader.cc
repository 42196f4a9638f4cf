#include "storage/sql/plan_reader.h"

#include <soci/soci.h>

#include <algorithm>
#include <functional>
#include <map>
#include <unordered_map>
#include <string>

#include "storage/sql/in_list.h"
#include "storage/sql/nullable.h"

namespace planwatch::storage::sql {
namespace {

// Every query reads all the plans of a chunk at once: "(:ids)" becomes the
// list of their ids (in_list.h). Children come ordered by their parent's id,
// which is unique across plans, then position.
constexpr char kSelectPlans[] = R"sql(
    SELECT id, version, title, kind, language, jurisdiction, period_start, period_end, cadence, adopted_by,
           source_file, source_sha256, source_format
    FROM plan WHERE id IN (:ids))sql";
constexpr char kSelectInstitutions[] = R"sql(
    SELECT plan_id, id, institution_id, name, acronym, kind, parent, contact
    FROM plan_institution WHERE plan_id IN (:ids) ORDER BY plan_id, position)sql";
constexpr char kSelectAliases[] = R"sql(
    SELECT a.plan_institution_id, a.alias
    FROM plan_institution_alias AS a JOIN plan_institution AS p ON p.id = a.plan_institution_id
    WHERE p.plan_id IN (:ids) ORDER BY a.plan_institution_id, a.position)sql";
constexpr char kSelectFigures[] = R"sql(
    SELECT f.plan_institution_id, f.year, f.value, f.unit, f.counted
    FROM unit_figure AS f JOIN plan_institution AS p ON p.id = f.plan_institution_id
    WHERE p.plan_id IN (:ids) ORDER BY f.plan_institution_id, f.position)sql";
constexpr char kSelectNodes[] = R"sql(
    SELECT plan_id, id, parent_id, position, kind, code, title, source_line, frequency, start_year, start_month,
           start_day, deadline_year, deadline_month, deadline_day, deadline_text
    FROM node WHERE plan_id IN (:ids) ORDER BY plan_id, id)sql";
constexpr char kSelectResults[] = R"sql(
    SELECT r.node_id, r.text FROM node_result AS r JOIN node AS n ON n.id = r.node_id
    WHERE n.plan_id IN (:ids) ORDER BY r.node_id, r.position)sql";
constexpr char kSelectIndicators[] = R"sql(
    SELECT i.node_id, i.name, i.target_value, i.target_comparator, i.target_unit, i.target_per, i.target_percent,
           i.baseline
    FROM indicator AS i JOIN node AS n ON n.id = i.node_id
    WHERE n.plan_id IN (:ids) ORDER BY i.node_id, i.position)sql";
constexpr char kSelectPeriods[] = R"sql(
    SELECT p.node_id, p.period FROM node_period AS p JOIN node AS n ON n.id = p.node_id
    WHERE n.plan_id IN (:ids) ORDER BY p.node_id, p.position)sql";
constexpr char kSelectResponsibilities[] = R"sql(
    SELECT r.node_id, r.institution, r.role FROM responsibility AS r JOIN node AS n ON n.id = r.node_id
    WHERE n.plan_id IN (:ids) ORDER BY r.node_id, r.position)sql";
constexpr char kSelectBudgets[] = R"sql(
    SELECT b.node_id, b.amount_minor, b.currency, b.source, b.year
    FROM budget_line AS b JOIN node AS n ON n.id = b.node_id
    WHERE n.plan_id IN (:ids) ORDER BY b.node_id, b.position)sql";
constexpr char kSelectServices[] = R"sql(
    SELECT plan_id, id, line, code, name, beneficiaries, provider, locality, capacity_value, capacity_unit,
           occupancy, state, staff, area_m2, schedule, source_line, licence_number, licence_year, licence_month,
           licence_day, licence_expiry_year, licence_expiry_month, licence_expiry_day
    FROM social_service WHERE plan_id IN (:ids) ORDER BY plan_id, position)sql";
constexpr char kSelectServiceBudgets[] = R"sql(
    SELECT b.service_id, b.year, b.source, b.amount_minor, b.currency
    FROM service_budget AS b JOIN social_service AS s ON s.id = b.service_id
    WHERE s.plan_id IN (:ids) ORDER BY b.service_id, b.position)sql";
constexpr char kSelectWarnings[] = R"sql(
    SELECT plan_id, line, message, code FROM plan_warning WHERE plan_id IN (:ids) ORDER BY plan_id, position)sql";

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

// The plans of one chunk while their tables are read. Pointers into plans and
// nodes are taken only once a table is read in full, so no push_back moves them.
struct Chunk {
    std::vector<long long> ids;
    std::map<long long, domain::Plan> plans;
    std::map<long long, std::vector<FlatNode>> nodes;           // plan id -> its nodes in id order
    std::unordered_map<long long, domain::Institution*> institution;  // plan_institution.id -> entry
    std::unordered_map<long long, domain::Node*> node;                // node.id -> node
    std::unordered_map<long long, domain::SocialService*> service;    // social_service.id -> entry
};

// Runs sql over the chunk's ids after bind has exchanged the into elements; the caller fetches.
template <typename BindInto>
void Query(soci::session& session, soci::statement& st, const char* sql, const Chunk& chunk, BindInto bind) {
    bind(st);
    RunWithIds(session, st, sql, chunk.ids);
}

void ReadPlanRows(soci::session& session, Chunk& chunk) {
    long long id = 0;
    domain::Plan plan;
    std::string kind;
    Nullable<int> period_start, period_end;
    Nullable<std::string> cadence;
    soci::statement st(session);
    Query(session, st, kSelectPlans, chunk, [&](soci::statement& s) {
        s.exchange(soci::into(id));
        s.exchange(soci::into(plan.version));
        s.exchange(soci::into(plan.title));
        s.exchange(soci::into(kind));
        s.exchange(soci::into(plan.language));
        s.exchange(soci::into(plan.jurisdiction));
        s.exchange(soci::into(period_start.value, period_start.ind));
        s.exchange(soci::into(period_end.value, period_end.ind));
        s.exchange(soci::into(cadence.value, cadence.ind));
        s.exchange(soci::into(plan.adopted_by));
        s.exchange(soci::into(plan.source.file));
        s.exchange(soci::into(plan.source.sha256));
        s.exchange(soci::into(plan.source.format));
    });
    while (st.fetch()) {
        domain::Plan& out = chunk.plans[id] = plan;
        out.id = id;
        out.kind = ParseColumn(domain::ParsePlanKind, kind, "plan kind");
        out.period_start = period_start.Get();
        out.period_end = period_end.Get();
        if (cadence.Get()) out.cadence = ParseColumn(domain::ParseCadence, cadence.value, "cadence");
    }
}

void ReadInstitutions(soci::session& session, Chunk& chunk) {
    {
        long long plan_id = 0, own_id = 0, registry_id = 0;
        std::string name, acronym, kind, parent, contact;
        std::vector<std::pair<long long, domain::Plan*>> owners;  // plan_institution.id, in row order
        soci::statement st(session);
        Query(session, st, kSelectInstitutions, chunk, [&](soci::statement& s) {
            s.exchange(soci::into(plan_id));
            s.exchange(soci::into(own_id));
            s.exchange(soci::into(registry_id));
            s.exchange(soci::into(name));
            s.exchange(soci::into(acronym));
            s.exchange(soci::into(kind));
            s.exchange(soci::into(parent));
            s.exchange(soci::into(contact));
        });
        while (st.fetch()) {
            domain::Plan& plan = chunk.plans.at(plan_id);
            owners.emplace_back(own_id, &plan);
            plan.institutions.push_back(domain::Institution{
                .id = registry_id, .name = name, .acronym = acronym, .kind = kind, .parent = parent, .contact = contact});
        }
        // Rows came by plan and position: the n-th row of a plan is its n-th entry.
        std::map<const domain::Plan*, size_t> next;
        for (const auto& [id, plan] : owners) chunk.institution[id] = &plan->institutions[next[plan]++];
    }
    {
        long long own_id = 0;
        std::string alias;
        soci::statement st(session);
        Query(session, st, kSelectAliases, chunk, [&](soci::statement& s) {
            s.exchange(soci::into(own_id));
            s.exchange(soci::into(alias));
        });
        while (st.fetch()) chunk.institution.at(own_id)->aliases.push_back(alias);
    }
    {
        long long own_id = 0;
        domain::UnitFigure figure;
        soci::statement st(session);
        Query(session, st, kSelectFigures, chunk, [&](soci::statement& s) {
            s.exchange(soci::into(own_id));
            s.exchange(soci::into(figure.year));
            s.exchange(soci::into(figure.value));
            s.exchange(soci::into(figure.unit));
            s.exchange(soci::into(figure.counted));
        });
        while (st.fetch()) chunk.institution.at(own_id)->figures.push_back(figure);
    }
}

void ReadNodes(soci::session& session, Chunk& chunk) {
    long long plan_id = 0, id = 0;
    Nullable<long long> parent;
    int position = 0, source_line = 0;
    std::string kind, code, title, deadline_text;
    Nullable<std::string> frequency;
    Nullable<int> start_year, start_month, start_day, deadline_year, deadline_month, deadline_day;
    soci::statement st(session);
    Query(session, st, kSelectNodes, chunk, [&](soci::statement& s) {
        s.exchange(soci::into(plan_id));
        s.exchange(soci::into(id));
        s.exchange(soci::into(parent.value, parent.ind));
        s.exchange(soci::into(position));
        s.exchange(soci::into(kind));
        s.exchange(soci::into(code));
        s.exchange(soci::into(title));
        s.exchange(soci::into(source_line));
        s.exchange(soci::into(frequency.value, frequency.ind));
        s.exchange(soci::into(start_year.value, start_year.ind));
        s.exchange(soci::into(start_month.value, start_month.ind));
        s.exchange(soci::into(start_day.value, start_day.ind));
        s.exchange(soci::into(deadline_year.value, deadline_year.ind));
        s.exchange(soci::into(deadline_month.value, deadline_month.ind));
        s.exchange(soci::into(deadline_day.value, deadline_day.ind));
        s.exchange(soci::into(deadline_text));
    });
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
        chunk.nodes[plan_id].push_back(std::move(flat));
    }
    for (auto& [plan, nodes] : chunk.nodes) {
        for (FlatNode& flat : nodes) chunk.node[*flat.node.id] = &flat.node;
    }
}

void ReadActivityDetails(soci::session& session, Chunk& chunk) {
    auto node = [&](long long id) -> domain::Node& { return *chunk.node.at(id); };
    long long node_id = 0;
    std::string text, other;
    {
        soci::statement st(session);
        Query(session, st, kSelectResults, chunk, [&](soci::statement& s) {
            s.exchange(soci::into(node_id));
            s.exchange(soci::into(text));
        });
        while (st.fetch()) node(node_id).results.push_back(text);
    }
    {
        Nullable<double> value, baseline;
        Nullable<std::string> comparator, per;
        int percent = 0;
        soci::statement st(session);
        Query(session, st, kSelectIndicators, chunk, [&](soci::statement& s) {
            s.exchange(soci::into(node_id));
            s.exchange(soci::into(text));
            s.exchange(soci::into(value.value, value.ind));
            s.exchange(soci::into(comparator.value, comparator.ind));
            s.exchange(soci::into(other));
            s.exchange(soci::into(per.value, per.ind));
            s.exchange(soci::into(percent));
            s.exchange(soci::into(baseline.value, baseline.ind));
        });
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
        soci::statement st(session);
        Query(session, st, kSelectPeriods, chunk, [&](soci::statement& s) {
            s.exchange(soci::into(node_id));
            s.exchange(soci::into(text));
        });
        while (st.fetch()) node(node_id).periods.push_back(text);
    }
    {
        soci::statement st(session);
        Query(session, st, kSelectResponsibilities, chunk, [&](soci::statement& s) {
            s.exchange(soci::into(node_id));
            s.exchange(soci::into(text));
            s.exchange(soci::into(other));
        });
        while (st.fetch()) {
            node(node_id).responsible.push_back(domain::Responsibility{
                text, ParseColumn(domain::ParseResponsibilityRole, other, "responsibility role")});
        }
    }
    {
        long long amount = 0;
        Nullable<int> year;
        soci::statement st(session);
        Query(session, st, kSelectBudgets, chunk, [&](soci::statement& s) {
            s.exchange(soci::into(node_id));
            s.exchange(soci::into(amount));
            s.exchange(soci::into(text));
            s.exchange(soci::into(other));
            s.exchange(soci::into(year.value, year.ind));
        });
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

void ReadServices(soci::session& session, Chunk& chunk) {
    {
        long long plan_id = 0, id = 0;
        std::string line, code, name, beneficiaries, provider, locality, state, schedule;
        Nullable<double> capacity, occupancy, area;
        Nullable<std::string> unit;
        Nullable<int> staff;
        int source_line = 0;
        Nullable<std::string> licence_number;
        Nullable<int> licence_year, licence_month, licence_day, expiry_year, expiry_month, expiry_day;
        std::vector<std::pair<long long, domain::Plan*>> owners;  // social_service.id, in row order
        soci::statement st(session);
        Query(session, st, kSelectServices, chunk, [&](soci::statement& s) {
            s.exchange(soci::into(plan_id));
            s.exchange(soci::into(id));
            s.exchange(soci::into(line));
            s.exchange(soci::into(code));
            s.exchange(soci::into(name));
            s.exchange(soci::into(beneficiaries));
            s.exchange(soci::into(provider));
            s.exchange(soci::into(locality));
            s.exchange(soci::into(capacity.value, capacity.ind));
            s.exchange(soci::into(unit.value, unit.ind));
            s.exchange(soci::into(occupancy.value, occupancy.ind));
            s.exchange(soci::into(state));
            s.exchange(soci::into(staff.value, staff.ind));
            s.exchange(soci::into(area.value, area.ind));
            s.exchange(soci::into(schedule));
            s.exchange(soci::into(source_line));
            s.exchange(soci::into(licence_number.value, licence_number.ind));
            s.exchange(soci::into(licence_year.value, licence_year.ind));
            s.exchange(soci::into(licence_month.value, licence_month.ind));
            s.exchange(soci::into(licence_day.value, licence_day.ind));
            s.exchange(soci::into(expiry_year.value, expiry_year.ind));
            s.exchange(soci::into(expiry_month.value, expiry_month.ind));
            s.exchange(soci::into(expiry_day.value, expiry_day.ind));
        });
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
            if (licence_number.Get()) {
                service.licence = domain::ServiceLicence{.number = licence_number.value,
                                                         .date = DateFrom(licence_year, licence_month, licence_day),
                                                         .expiry = DateFrom(expiry_year, expiry_month, expiry_day)};
            }
            domain::Plan& plan = chunk.plans.at(plan_id);
            owners.emplace_back(id, &plan);
            plan.services.push_back(std::move(service));
        }
        std::map<const domain::Plan*, size_t> next;
        for (const auto& [service_id, plan] : owners) chunk.service[service_id] = &plan->services[next[plan]++];
    }
    long long service_id = 0;
    domain::ServiceBudget budget;
    long long amount = 0;
    soci::statement st(session);
    Query(session, st, kSelectServiceBudgets, chunk, [&](soci::statement& s) {
        s.exchange(soci::into(service_id));
        s.exchange(soci::into(budget.year));
        s.exchange(soci::into(budget.source));
        s.exchange(soci::into(amount));
        s.exchange(soci::into(budget.currency));
    });
    while (st.fetch()) {
        budget.amount_minor = amount;
        chunk.service.at(service_id)->budget.push_back(budget);
    }
}

void ReadWarnings(soci::session& session, Chunk& chunk) {
    long long plan_id = 0;
    domain::PlanWarning warning;
    soci::statement st(session);
    Query(session, st, kSelectWarnings, chunk, [&](soci::statement& s) {
        s.exchange(soci::into(plan_id));
        s.exchange(soci::into(warning.line));
        s.exchange(soci::into(warning.message));
        s.exchange(soci::into(warning.code));
    });
    while (st.fetch()) chunk.plans.at(plan_id).warnings.push_back(warning);
}

// The plans of ids (distinct, at most kChunkRows), each table in one query.
std::map<long long, domain::Plan> ReadChunk(soci::session& session, std::vector<long long> ids) {
    Chunk chunk{.ids = std::move(ids)};
    ReadPlanRows(session, chunk);
    if (chunk.plans.empty()) return {};
    ReadInstitutions(session, chunk);
    ReadNodes(session, chunk);
    ReadActivityDetails(session, chunk);
    for (auto& [plan_id, nodes] : chunk.nodes) chunk.plans.at(plan_id).nodes = LinkTree(nodes);
    ReadServices(session, chunk);
    ReadWarnings(session, chunk);
    return std::move(chunk.plans);
}

}  // namespace

StatusOr<std::vector<domain::Plan>> ReadPlans(soci::session& session, const std::vector<int64_t>& plan_ids) {
    std::vector<long long> distinct(plan_ids.begin(), plan_ids.end());
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::map<long long, domain::Plan> plans;
    for (size_t first = 0; first < distinct.size(); first += kChunkRows) {
        size_t count = std::min(kChunkRows, distinct.size() - first);
        plans.merge(ReadChunk(session, {distinct.begin() + first, distinct.begin() + first + count}));
    }
    std::map<long long, int> uses;
    for (int64_t id : plan_ids) ++uses[id];
    std::vector<domain::Plan> out;
    out.reserve(plan_ids.size());
    for (int64_t id : plan_ids) {
        auto found = plans.find(id);
        if (found == plans.end()) return NotFound("no plan with id " + std::to_string(id));
        // A repeated id gets copies; its last use takes the plan itself.
        out.push_back(--uses[id] == 0 ? std::move(found->second) : found->second);
    }
    return out;
}

StatusOr<domain::Plan> ReadPlan(soci::session& session, int64_t plan_id) {
    PW_ASSIGN_OR_RETURN(std::vector<domain::Plan> plans, ReadPlans(session, {plan_id}));
    return std::move(plans.front());
}

}  // namespace planwatch::storage::sql
