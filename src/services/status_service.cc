#include "services/status_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "common/sha256.h"
#include "domain/plan_json.h"

namespace planwatch::services {

std::vector<reports::ActivityReports> GroupReports(const domain::Plan& plan,
                                                   const std::vector<domain::ProgressReport>& reports,
                                                   const std::map<int64_t, std::string>& institution_names) {
    std::map<int64_t, reports::ActivityReports> by_activity;
    for (const domain::ProgressReport& report : reports) {
        reports::ActivityReports& group = by_activity[report.activity_id];
        group.activity_id = report.activity_id;
        auto name = institution_names.find(report.institution_id);
        group.reports.push_back({.report = report,
                                 .institution = name == institution_names.end() ? "" : name->second});
    }
    // Codes repeat across pillars, so matching is by id; the code is for readers of the model.
    domain::ForEachNode(plan.nodes, [&](const domain::Node& node) {
        if (!node.id) return;
        auto found = by_activity.find(*node.id);
        if (found != by_activity.end()) found->second.activity_code = node.code;
    });
    std::vector<reports::ActivityReports> result;
    for (auto& [id, group] : by_activity) result.push_back(std::move(group));
    return result;
}

nlohmann::ordered_json ReasonPartsJson(const std::vector<domain::ReasonPart>& parts) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const domain::ReasonPart& part : parts) {
        nlohmann::ordered_json params = nlohmann::ordered_json::object();
        for (const auto& [name, value] : part.params) params[name] = value;
        out.push_back({{"code", part.code}, {"params", params}});
    }
    return out;
}

namespace {

struct StoredInputs {
    std::vector<domain::ProgressReport> reports;
    std::vector<domain::ReportingRound> rounds;
    std::map<int64_t, std::string> names;  // institution id -> registry name
};

// The names of the institutions that wrote reports: the plan's own list, and
// the registry (read in tx) for a writer the plan does not name.
StatusOr<std::map<int64_t, std::string>> WriterNames(storage::Transaction& tx, const domain::Plan& plan,
                                                     const std::vector<domain::ProgressReport>& stored) {
    std::map<int64_t, std::string> names;
    for (const domain::Institution& institution : plan.institutions) {
        if (institution.id) names[*institution.id] = institution.name;
    }
    for (const domain::ProgressReport& report : stored) {
        if (names.count(report.institution_id)) continue;
        PW_ASSIGN_OR_RETURN(std::optional<std::string> name, tx.InstitutionName(report.institution_id));
        names[report.institution_id] = name.value_or("");
    }
    return names;
}

// The plan's reports and rounds and the names of the institutions they name, read in tx.
StatusOr<StoredInputs> ReadInputs(storage::Transaction& tx, const domain::Plan& plan) {
    StoredInputs in;
    PW_ASSIGN_OR_RETURN(in.reports, tx.ListPlanReports(*plan.id));
    PW_ASSIGN_OR_RETURN(in.rounds, tx.ListRounds(*plan.id));
    PW_ASSIGN_OR_RETURN(in.names, WriterNames(tx, plan, in.reports));
    return in;
}

StatusOr<reports::ReportModel> Build(const domain::Plan& plan, const StoredInputs& in, const domain::CivilDate& as_of,
                                     const reports::ModelOptions& options) {
    return reports::BuildReportModel(plan, GroupReports(plan, in.reports, in.names), in.rounds, as_of, options);
}

// Everything Build reads. A report's version goes up with every stored change,
// but the other fields are cheap to add and keep the digest right should a
// writer ever change a report without counting.
std::string DataVersion(const domain::Plan& plan, const StoredInputs& in) {
    std::string text = domain::PlanToJson(plan);
    for (const domain::ProgressReport& r : in.reports) {
        text += fmt::format("\nreport {} v{} r{} {} {} {} {} {} {}", r.id.value_or(0), r.version, r.revision,
                            domain::Name(r.review), domain::Name(r.claimed), r.activity_id, r.institution_id,
                            r.period, r.submitted_at);
        for (const domain::IndicatorValue& value : r.values) text += fmt::format(" {}={}", value.indicator_index, value.value);
    }
    for (const domain::ReportingRound& round : in.rounds) {
        text += fmt::format("\nround {} {} {} {} {} {}", round.id.value_or(0), round.period, round.opens_on,
                            round.due_on, round.grace_days, round.closed_on);
    }
    for (const auto& [id, name] : in.names) text += fmt::format("\nname {} {}", id, name);
    return Sha256Hex(text);
}

}  // namespace

reports::ModelOptions StatusService::WithRules(const reports::ModelOptions& options) const {
    reports::ModelOptions with_rules = options;
    with_rules.rules = rules_;
    return with_rules;
}

StatusOr<reports::ReportModel> StatusService::Compute(int64_t plan_id, const domain::CivilDate& as_of,
                                                      const reports::ModelOptions& options) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(domain::Plan plan, tx->LoadPlan(plan_id));
    PW_ASSIGN_OR_RETURN(StoredInputs in, ReadInputs(*tx, plan));
    return Build(plan, in, as_of, WithRules(options));
}

StatusOr<VersionedModel> StatusService::ComputeVersioned(int64_t plan_id, const domain::CivilDate& as_of,
                                                         const reports::ModelOptions& options) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(domain::Plan plan, tx->LoadPlan(plan_id));
    PW_ASSIGN_OR_RETURN(StoredInputs in, ReadInputs(*tx, plan));
    std::string version = DataVersion(plan, in);
    PW_ASSIGN_OR_RETURN(reports::ReportModel model, Build(plan, in, as_of, WithRules(options)));
    return VersionedModel{.model = std::move(model), .data_version = std::move(version)};
}

StatusOr<reports::ReportModel> StatusService::Compute(const domain::Plan& plan, const domain::CivilDate& as_of,
                                                      const reports::ModelOptions& options) {
    if (!plan.id) return InvalidArgument("the plan has no id: statuses are computed for stored plans");
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(StoredInputs in, ReadInputs(*tx, plan));
    return Build(plan, in, as_of, WithRules(options));
}

Status StatusService::ComputeEach(const std::vector<int64_t>& plan_ids, const domain::CivilDate& as_of,
                                  const std::function<Status(reports::ReportModel&&)>& visit,
                                  storage::ReportFields fields, const reports::ModelOptions& options) {
    for (size_t first = 0; first < plan_ids.size(); first += kPlansPerBatch) {
        const std::vector<int64_t> batch(plan_ids.begin() + first,
                                         plan_ids.begin() + std::min(plan_ids.size(), first + kPlansPerBatch));
        // One transaction per batch: each plan is read with its own reports and
        // rounds, as Compute does, without holding SQLite's lock for the whole run.
        PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
        PW_ASSIGN_OR_RETURN(std::vector<domain::Plan> plans, tx->LoadPlans(batch));
        PW_ASSIGN_OR_RETURN(auto reports_of, tx->ListReportsOfPlans(batch, fields));
        PW_ASSIGN_OR_RETURN(auto rounds_of, tx->ListRoundsOfPlans(batch));
        for (const domain::Plan& plan : plans) {
            StoredInputs in{std::move(reports_of.at(*plan.id)), std::move(rounds_of.at(*plan.id)), {}};
            PW_ASSIGN_OR_RETURN(in.names, WriterNames(*tx, plan, in.reports));
            PW_ASSIGN_OR_RETURN(reports::ReportModel model, Build(plan, in, as_of, WithRules(options)));
            PW_RETURN_IF_ERROR(visit(std::move(model)));
        }
    }
    return Status::Ok();
}

StatusOr<reports::StatusCounts> StatusService::CountStatuses(const std::vector<int64_t>& plan_ids,
                                                             const domain::CivilDate& as_of) {
    reports::StatusCounts counts;
    PW_RETURN_IF_ERROR(ComputeEach(plan_ids, as_of, [&counts](reports::ReportModel&& model) {
        for (domain::ActivityStatus status : reports::StatusOrder()) {
            counts.by_status[static_cast<int>(status)] += model.totals.Of(status);
        }
        counts.total += model.totals.total;
        return Status::Ok();
    }, storage::ReportFields::kStatus));
    return counts;
}

}  // namespace planwatch::services
