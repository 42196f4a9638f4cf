#include "services/status_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <map>

#include "common/sha256.h"
#include "domain/plan_json.h"

namespace planwatch::services {

std::vector<reports::ActivityReports> GroupReports(const domain::Plan& plan,
                                                   std::vector<domain::ProgressReport> reports,
                                                   const std::map<int64_t, std::string>& institution_names) {
    std::map<int64_t, reports::ActivityReports> by_activity;
    // Sized first: an activity has dozens of reports, and growing moves them all.
    std::map<int64_t, size_t> count;
    for (const domain::ProgressReport& report : reports) ++count[report.activity_id];
    for (const auto& [activity, n] : count) by_activity[activity].reports.reserve(n);
    for (domain::ProgressReport& report : reports) {
        reports::ActivityReports& group = by_activity[report.activity_id];
        group.activity_id = report.activity_id;
        auto name = institution_names.find(report.institution_id);
        group.reports.push_back({.report = std::move(report),
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

// Moves the reports out of in.
StatusOr<reports::ReportModel> Build(const domain::Plan& plan, StoredInputs& in, const domain::CivilDate& as_of,
                                     const reports::ModelOptions& options) {
    return reports::BuildReportModel(plan, GroupReports(plan, std::move(in.reports), in.names), in.rounds, as_of,
                                     options);
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

namespace {

// One batch of plans with everything Build needs, read in one transaction.
struct Batch {
    std::vector<domain::Plan> plans;
    std::vector<StoredInputs> inputs;  // per plan
};

// One query per table for the whole batch (Store::LoadPlans, ListReportsOfPlans,
// ListRoundsOfPlans), then the names of writers the plans do not name.
StatusOr<Batch> ReadBatch(storage::Store& store, const std::vector<int64_t>& plan_ids, storage::ReportFields fields) {
    Batch batch;
    // One transaction per batch: each plan is read with its own reports and
    // rounds, as Compute does, without holding SQLite's lock for the whole run.
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store.Begin());
    PW_ASSIGN_OR_RETURN(batch.plans, tx->LoadPlans(plan_ids));
    PW_ASSIGN_OR_RETURN(auto reports_of, tx->ListReportsOfPlans(plan_ids, fields));
    PW_ASSIGN_OR_RETURN(auto rounds_of, tx->ListRoundsOfPlans(plan_ids));
    for (const domain::Plan& plan : batch.plans) {
        StoredInputs& in = batch.inputs.emplace_back(
            StoredInputs{std::move(reports_of.at(*plan.id)), std::move(rounds_of.at(*plan.id)), {}});
        PW_ASSIGN_OR_RETURN(in.names, WriterNames(*tx, plan, in.reports));
    }
    return batch;
}

}  // namespace

Status StatusService::ComputeEach(const std::vector<int64_t>& plan_ids, const domain::CivilDate& as_of,
                                  const std::function<Status(reports::ReportModel&&)>& visit,
                                  storage::ReportFields fields, const reports::ModelOptions& options) {
    reports::ModelOptions batch_options = WithRules(options);
    if (fields == storage::ReportFields::kStatus) batch_options.report_rows = false;
    auto read = [this, &plan_ids, fields](size_t first) {
        const std::vector<int64_t> ids(plan_ids.begin() + first,
                                       plan_ids.begin() + std::min(plan_ids.size(), first + kPlansPerBatch));
        return ReadBatch(store_, ids, fields);
    };
    // The next batch is read on another thread while this one is computed, so a
    // run takes about the longer of the two instead of their sum (bench/scale).
    // The Store gives each transaction its own connection; visit runs here.
    std::future<StatusOr<Batch>> next;
    if (!plan_ids.empty()) next = std::async(std::launch::async, read, 0);
    for (size_t first = 0; first < plan_ids.size(); first += kPlansPerBatch) {
        StatusOr<Batch> batch = next.get();
        if (first + kPlansPerBatch < plan_ids.size()) next = std::async(std::launch::async, read, first + kPlansPerBatch);
        // An error returns at once; the future's destructor waits for a read still running.
        if (!batch.ok()) return batch.status();
        for (size_t i = 0; i < batch->plans.size(); ++i) {
            PW_ASSIGN_OR_RETURN(reports::ReportModel model,
                                Build(batch->plans[i], batch->inputs[i], as_of, batch_options));
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
