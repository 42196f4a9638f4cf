#include "storage/sql/plan_writer.h"

#include <soci/soci.h>

#include <map>
#include <string>

#include "common/text.h"
#include "storage/sql/clock.h"
#include "storage/sql/institutions.h"
#include "storage/sql/nullable.h"

namespace planwatch::storage::sql {
namespace {

constexpr char kInsertSeries[] = "INSERT INTO plan_series (created_at) VALUES (:created_at) RETURNING id";
constexpr char kMaxVersion[] = "SELECT COUNT(*), COALESCE(MAX(version), 0) FROM plan WHERE series_id = :series_id";
constexpr char kInsertPlan[] = R"sql(
    INSERT INTO plan (series_id, version, title, kind, language, jurisdiction, period_start, period_end,
                      cadence, adopted_by, source_file, source_sha256, source_format, imported_at)
    VALUES (:series_id, :version, :title, :kind, :language, :jurisdiction, :period_start, :period_end,
            :cadence, :adopted_by, :source_file, :source_sha256, :source_format, :imported_at)
    RETURNING id)sql";
constexpr char kInsertPlanInstitution[] = R"sql(
    INSERT INTO plan_institution (plan_id, position, institution_id, name, acronym, kind, parent, contact)
    VALUES (:plan_id, :position, :institution_id, :name, :acronym, :kind, :parent, :contact)
    RETURNING id)sql";
constexpr char kInsertPlanAlias[] = R"sql(
    INSERT INTO plan_institution_alias (plan_institution_id, position, alias)
    VALUES (:plan_institution_id, :position, :alias))sql";
constexpr char kInsertFigure[] = R"sql(
    INSERT INTO unit_figure (plan_institution_id, position, year, value, unit, counted)
    VALUES (:plan_institution_id, :position, :year, :value, :unit, :counted))sql";
constexpr char kInsertNode[] = R"sql(
    INSERT INTO node (plan_id, parent_id, position, kind, code, title, source_line, frequency,
                      start_year, start_month, start_day, deadline_year, deadline_month, deadline_day,
                      deadline_text)
    VALUES (:plan_id, :parent_id, :position, :kind, :code, :title, :source_line, :frequency,
            :start_year, :start_month, :start_day, :deadline_year, :deadline_month, :deadline_day,
            :deadline_text)
    RETURNING id)sql";
constexpr char kInsertResult[] =
    "INSERT INTO node_result (node_id, position, text) VALUES (:node_id, :position, :text)";
constexpr char kInsertIndicator[] = R"sql(
    INSERT INTO indicator (node_id, position, name, target_value, target_comparator, target_unit, target_per,
                           target_percent, baseline)
    VALUES (:node_id, :position, :name, :target_value, :target_comparator, :target_unit, :target_per,
            :target_percent, :baseline))sql";
constexpr char kInsertPeriod[] =
    "INSERT INTO node_period (node_id, position, period) VALUES (:node_id, :position, :period)";
constexpr char kInsertResponsibility[] = R"sql(
    INSERT INTO responsibility (node_id, position, institution, institution_id, role)
    VALUES (:node_id, :position, :institution, :institution_id, :role))sql";
constexpr char kInsertBudget[] = R"sql(
    INSERT INTO budget_line (node_id, position, amount_minor, currency, source, year)
    VALUES (:node_id, :position, :amount_minor, :currency, :source, :year))sql";
constexpr char kInsertService[] = R"sql(
    INSERT INTO social_service (plan_id, position, line, code, name, beneficiaries, provider, locality,
                                capacity_value, capacity_unit, occupancy, state, staff, area_m2, schedule,
                                source_line, licence_number, licence_year, licence_month, licence_day,
                                licence_expiry_year, licence_expiry_month, licence_expiry_day)
    VALUES (:plan_id, :position, :line, :code, :name, :beneficiaries, :provider, :locality,
            :capacity_value, :capacity_unit, :occupancy, :state, :staff, :area_m2, :schedule, :source_line,
            :licence_number, :licence_year, :licence_month, :licence_day,
            :licence_expiry_year, :licence_expiry_month, :licence_expiry_day)
    RETURNING id)sql";
constexpr char kInsertServiceBudget[] = R"sql(
    INSERT INTO service_budget (service_id, position, year, source, amount_minor, currency)
    VALUES (:service_id, :position, :year, :source, :amount_minor, :currency))sql";
constexpr char kInsertWarning[] = R"sql(
    INSERT INTO plan_warning (plan_id, position, line, message, code)
    VALUES (:plan_id, :position, :line, :message, :code))sql";

// Nullable text for enum columns that are NULL when the optional is empty.
template <typename Enum>
Nullable<std::string> NameOrNull(const std::optional<Enum>& value) {
    return Nullable<std::string>(value ? std::optional<std::string>(domain::Name(*value)) : std::nullopt);
}

// A date point as three nullable columns, all NULL when absent.
struct DateColumns {
    Nullable<int> year, month, day;
    void Set(const std::optional<domain::DatePoint>& date) {
        year.Set(date ? std::optional<int>(date->year) : std::nullopt);
        month.Set(date ? std::optional<int>(date->month) : std::nullopt);
        day.Set(date ? std::optional<int>(date->day) : std::nullopt);
    }
};

// The node statements are prepared once per plan and re-run for every node:
// a 47-activity plan has several hundred rows. SOCI keeps references to the
// members below, so each statement's inputs live as long as the writer.
class NodeWriter {
public:
    NodeWriter(soci::session& session, long long plan_id, const std::map<std::string, int64_t>& institutions)
        : session_(session), institutions_(institutions), plan_id_(plan_id) {
        node_ =
            (session.prepare << kInsertNode, soci::use(plan_id_), soci::use(parent_.value, parent_.ind),
             soci::use(position_), soci::use(kind_), soci::use(code_), soci::use(title_), soci::use(source_line_),
             soci::use(frequency_.value, frequency_.ind), soci::use(start_.year.value, start_.year.ind),
             soci::use(start_.month.value, start_.month.ind), soci::use(start_.day.value, start_.day.ind),
             soci::use(deadline_.year.value, deadline_.year.ind), soci::use(deadline_.month.value, deadline_.month.ind),
             soci::use(deadline_.day.value, deadline_.day.ind), soci::use(deadline_text_), soci::into(node_id_));
        result_ = (session.prepare << kInsertResult, soci::use(node_id_), soci::use(item_position_), soci::use(text_));
        indicator_ = (session.prepare << kInsertIndicator, soci::use(node_id_), soci::use(item_position_),
                      soci::use(text_), soci::use(target_value_.value, target_value_.ind),
                      soci::use(comparator_.value, comparator_.ind), soci::use(unit_), soci::use(per_.value, per_.ind),
                      soci::use(percent_), soci::use(baseline_.value, baseline_.ind));
        period_ = (session.prepare << kInsertPeriod, soci::use(node_id_), soci::use(item_position_), soci::use(text_));
        responsibility_ = (session.prepare << kInsertResponsibility, soci::use(node_id_), soci::use(item_position_),
                           soci::use(text_), soci::use(institution_id_), soci::use(role_));
        budget_ = (session.prepare << kInsertBudget, soci::use(node_id_), soci::use(item_position_), soci::use(amount_),
                   soci::use(currency_), soci::use(text_), soci::use(year_.value, year_.ind));
    }

    void WriteAll(const std::vector<domain::Node>& nodes, std::optional<long long> parent) {
        for (size_t index = 0; index < nodes.size(); ++index) {
            long long id = WriteOne(nodes[index], parent, static_cast<int>(index));
            WriteAll(nodes[index].children, id);
        }
    }

private:
    long long WriteOne(const domain::Node& node, std::optional<long long> parent, int position) {
        parent_.Set(parent);
        position_ = position;
        kind_ = domain::Name(node.kind);
        code_ = node.code;
        title_ = node.title;
        source_line_ = node.source_line;
        frequency_ = NameOrNull(node.frequency);
        start_.Set(node.start);
        deadline_.Set(node.deadline);
        deadline_text_ = node.deadline_text;
        node_.execute(true);
        long long id = node_id_;

        for (size_t i = 0; i < node.results.size(); ++i) {
            item_position_ = static_cast<int>(i);
            text_ = node.results[i];
            result_.execute(true);
        }
        for (size_t i = 0; i < node.indicators.size(); ++i) {
            const domain::Indicator& indicator = node.indicators[i];
            const std::optional<domain::Target>& target = indicator.target;
            item_position_ = static_cast<int>(i);
            text_ = indicator.name;
            target_value_.Set(target ? std::optional<double>(target->value) : std::nullopt);
            comparator_ = NameOrNull(target ? std::optional(target->comparator) : std::nullopt);
            unit_ = target ? target->unit : "";
            per_ = NameOrNull(target ? target->per : std::nullopt);
            percent_ = target && target->percent ? 1 : 0;
            baseline_.Set(indicator.baseline);
            indicator_.execute(true);
        }
        for (size_t i = 0; i < node.periods.size(); ++i) {
            item_position_ = static_cast<int>(i);
            text_ = node.periods[i];
            period_.execute(true);
        }
        for (size_t i = 0; i < node.responsible.size(); ++i) {
            item_position_ = static_cast<int>(i);
            text_ = node.responsible[i].institution;
            institution_id_ = InstitutionId(text_);
            role_ = domain::Name(node.responsible[i].role);
            responsibility_.execute(true);
        }
        for (size_t i = 0; i < node.budget.size(); ++i) {
            const domain::BudgetLine& line = node.budget[i];
            item_position_ = static_cast<int>(i);
            amount_ = line.amount_minor;
            currency_ = line.currency;
            text_ = line.source;
            year_.Set(line.year);
            budget_.execute(true);
        }
        return id;
    }

    // A responsible institution the plan did not list (Validate forbids it, but
    // the Store does not require a validated plan) still gets a registry entry.
    long long InstitutionId(const std::string& name) {
        auto found = institutions_.find(text::SearchKey(name));
        if (found != institutions_.end()) return found->second;
        domain::Institution institution;
        institution.name = name;
        int64_t id = EnsureInstitution(session_, institution);
        institutions_[text::SearchKey(name)] = id;
        return id;
    }

    soci::session& session_;
    std::map<std::string, int64_t> institutions_;  // SearchKey(name) -> registry id
    soci::statement node_{session_}, result_{session_}, indicator_{session_}, period_{session_},
        responsibility_{session_}, budget_{session_};

    long long plan_id_;
    long long node_id_ = 0;
    Nullable<long long> parent_;
    int position_ = 0;
    std::string kind_, code_, title_, deadline_text_;
    int source_line_ = 0;
    Nullable<std::string> frequency_;
    DateColumns start_, deadline_;

    int item_position_ = 0;
    std::string text_;  // result text, indicator name, period, institution, budget source
    Nullable<double> target_value_, baseline_;
    Nullable<std::string> comparator_, per_;
    std::string unit_;
    int percent_ = 0;
    long long institution_id_ = 0;
    std::string role_;
    long long amount_ = 0;
    std::string currency_;
    Nullable<int> year_;
};

// Registry entries for the plan's institutions plus the plan's own copy of each.
// Returns SearchKey(name) -> registry id for the responsibilities.
std::map<std::string, int64_t> WriteInstitutions(soci::session& session, long long plan_id,
                                                 const std::vector<domain::Institution>& institutions) {
    std::map<std::string, int64_t> ids;
    for (size_t i = 0; i < institutions.size(); ++i) {
        const domain::Institution& institution = institutions[i];
        long long registry_id = EnsureInstitution(session, institution);
        ids[text::SearchKey(institution.name)] = registry_id;
        long long own_id = 0;
        int position = static_cast<int>(i);
        session << kInsertPlanInstitution, soci::use(plan_id), soci::use(position), soci::use(registry_id),
            soci::use(institution.name), soci::use(institution.acronym), soci::use(institution.kind),
            soci::use(institution.parent), soci::use(institution.contact), soci::into(own_id);
        for (size_t a = 0; a < institution.aliases.size(); ++a) {
            int alias_position = static_cast<int>(a);
            session << kInsertPlanAlias, soci::use(own_id), soci::use(alias_position),
                soci::use(institution.aliases[a]);
        }
        for (size_t f = 0; f < institution.figures.size(); ++f) {
            const domain::UnitFigure& figure = institution.figures[f];
            int figure_position = static_cast<int>(f);
            session << kInsertFigure, soci::use(own_id), soci::use(figure_position), soci::use(figure.year),
                soci::use(figure.value), soci::use(figure.unit), soci::use(figure.counted);
        }
    }
    // Parents after all entries exist: a unit may be listed before its parent.
    for (const domain::Institution& institution : institutions) {
        if (institution.parent.empty()) continue;
        auto parent = ids.find(text::SearchKey(institution.parent));
        if (parent == ids.end()) continue;
        LinkParent(session, ids[text::SearchKey(institution.name)], parent->second);
    }
    return ids;
}

void WriteServices(soci::session& session, long long plan_id, const std::vector<domain::SocialService>& services) {
    for (size_t i = 0; i < services.size(); ++i) {
        const domain::SocialService& service = services[i];
        int position = static_cast<int>(i);
        std::string line = domain::Name(service.line);
        std::string state = domain::Name(service.state);
        Nullable<double> capacity(service.capacity ? std::optional(service.capacity->value) : std::nullopt);
        Nullable<std::string> unit(service.capacity ? std::optional<std::string>(domain::Name(service.capacity->unit))
                                                    : std::nullopt);
        Nullable<double> occupancy(service.occupancy);
        Nullable<int> staff(service.staff);
        Nullable<double> area(service.area_m2);
        // A NULL number means no licence; a licence known only by its dates has the number ''.
        Nullable<std::string> licence_number(service.licence ? std::optional(service.licence->number) : std::nullopt);
        DateColumns licence_date, licence_expiry;
        licence_date.Set(service.licence ? service.licence->date : std::nullopt);
        licence_expiry.Set(service.licence ? service.licence->expiry : std::nullopt);
        long long service_id = 0;
        session << kInsertService, soci::use(plan_id), soci::use(position), soci::use(line), soci::use(service.code),
            soci::use(service.name), soci::use(service.beneficiaries), soci::use(service.provider),
            soci::use(service.locality), soci::use(capacity.value, capacity.ind), soci::use(unit.value, unit.ind),
            soci::use(occupancy.value, occupancy.ind), soci::use(state), soci::use(staff.value, staff.ind),
            soci::use(area.value, area.ind), soci::use(service.schedule), soci::use(service.source_line),
            soci::use(licence_number.value, licence_number.ind),
            soci::use(licence_date.year.value, licence_date.year.ind),
            soci::use(licence_date.month.value, licence_date.month.ind),
            soci::use(licence_date.day.value, licence_date.day.ind),
            soci::use(licence_expiry.year.value, licence_expiry.year.ind),
            soci::use(licence_expiry.month.value, licence_expiry.month.ind),
            soci::use(licence_expiry.day.value, licence_expiry.day.ind), soci::into(service_id);
        for (size_t b = 0; b < service.budget.size(); ++b) {
            const domain::ServiceBudget& budget = service.budget[b];
            int budget_position = static_cast<int>(b);
            long long amount = budget.amount_minor;
            session << kInsertServiceBudget, soci::use(service_id), soci::use(budget_position), soci::use(budget.year),
                soci::use(budget.source), soci::use(amount), soci::use(budget.currency);
        }
    }
}

void WriteWarnings(soci::session& session, long long plan_id, const std::vector<domain::PlanWarning>& warnings) {
    for (size_t i = 0; i < warnings.size(); ++i) {
        int position = static_cast<int>(i);
        session << kInsertWarning, soci::use(plan_id), soci::use(position), soci::use(warnings[i].line),
            soci::use(warnings[i].message), soci::use(warnings[i].code);
    }
}

}  // namespace

StatusOr<int64_t> WritePlan(soci::session& session, const domain::Plan& plan, std::optional<int64_t> replace_series) {
    std::string now = NowUtc();
    long long series_id = 0;
    int version = 1;
    if (replace_series) {
        series_id = *replace_series;
        long long versions = 0;
        session << kMaxVersion, soci::use(series_id), soci::into(versions), soci::into(version);
        if (versions == 0) return NotFound("no plan series " + std::to_string(series_id) + " to replace");
        ++version;
    } else {
        session << kInsertSeries, soci::use(now), soci::into(series_id);
    }

    std::string kind = domain::Name(plan.kind);
    Nullable<int> period_start(plan.period_start);
    Nullable<int> period_end(plan.period_end);
    Nullable<std::string> cadence = NameOrNull(plan.cadence);
    long long plan_id = 0;
    session << kInsertPlan, soci::use(series_id), soci::use(version), soci::use(plan.title), soci::use(kind),
        soci::use(plan.language), soci::use(plan.jurisdiction), soci::use(period_start.value, period_start.ind),
        soci::use(period_end.value, period_end.ind), soci::use(cadence.value, cadence.ind), soci::use(plan.adopted_by),
        soci::use(plan.source.file), soci::use(plan.source.sha256), soci::use(plan.source.format), soci::use(now),
        soci::into(plan_id);

    std::map<std::string, int64_t> institutions = WriteInstitutions(session, plan_id, plan.institutions);
    NodeWriter(session, plan_id, institutions).WriteAll(plan.nodes, std::nullopt);
    WriteServices(session, plan_id, plan.services);
    WriteWarnings(session, plan_id, plan.warnings);
    return static_cast<int64_t>(plan_id);
}

}  // namespace planwatch::storage::sql
