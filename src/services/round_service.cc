#include "services/round_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "domain/rounds.h"
#include "services/plan_catalog.h"

namespace planwatch::services {
namespace {

Status FieldError(const char* field, std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message), SourcePosition{.field = field});
}

Status NeedsCoordinator(const Actor& actor, const char* what) {
    if (actor.Coordinates()) return Status::Ok();
    return Status(StatusCode::kPermissionDenied, fmt::format("only a coordinator may {}", what));
}

std::string DateOnly(const std::string& timestamp) { return timestamp.substr(0, 10); }

std::string RoundJson(const domain::ReportingRound& round) {
    return nlohmann::ordered_json{{"plan_id", round.plan_id},   {"period", round.period},
                                  {"opens_on", round.opens_on}, {"due_on", round.due_on},
                                  {"grace_days", round.grace_days}, {"closed_on", round.closed_on}}
        .dump();
}

std::optional<int64_t> InstitutionIdOf(const domain::Plan& plan, const std::string& name) {
    for (const domain::Institution& institution : plan.institutions) {
        if (institution.name == name) return institution.id;
    }
    return std::nullopt;
}

}  // namespace

bool RoundLocked(const domain::ReportingRound& round, std::optional<int64_t> institution_id,
                 const std::vector<storage::RoundReopening>& reopenings, const domain::CivilDate& today) {
    bool closed = domain::ClosedBy(round, domain::ToString(today));
    StatusOr<domain::CivilDate> due = domain::ParseCivilDate(round.due_on);
    if (!due.ok()) return closed;
    bool locked = closed || today > domain::AddDays(*due, round.grace_days);
    if (!locked || !institution_id) return locked;
    for (const storage::RoundReopening& reopening : reopenings) {
        if (reopening.institution_id != *institution_id) continue;
        StatusOr<domain::CivilDate> until = domain::ParseCivilDate(reopening.until_on);
        if (until.ok() && today <= *until) return false;
    }
    return true;
}

StatusOr<RoundView> BuildRoundView(const domain::ReportingRound& round, const domain::Plan& plan,
                                   const std::vector<domain::ProgressReport>& reports,
                                   std::vector<storage::RoundReopening> reopenings, const domain::CivilDate& as_of) {
    PW_ASSIGN_OR_RETURN(domain::Period period, domain::ParsePeriod(round.period));
    PW_ASSIGN_OR_RETURN(domain::CivilDate due, domain::ParseCivilDate(round.due_on));
    const domain::CivilDate locks_after = domain::AddDays(due, round.grace_days);
    RoundView view;
    view.round = round;
    view.locks_after = domain::ToString(locks_after);
    view.locked = RoundLocked(round, std::nullopt, reopenings, as_of);
    view.reopenings = std::move(reopenings);

    // (activity, institution) -> the report for this round's period.
    std::map<std::pair<int64_t, int64_t>, const domain::ProgressReport*> by_key;
    for (const domain::ProgressReport& report : reports) {
        StatusOr<domain::Period> p = domain::ParsePeriod(report.period);
        if (p.ok() && *p == period) by_key[{report.activity_id, report.institution_id}] = &report;
    }
    std::map<std::string, InstitutionCompleteness> institutions;
    for (const domain::ExpectedReport& expected : domain::ExpectedReports(plan, period)) {
        if (expected.lead.empty()) continue;  // nobody to ask
        ExpectedReporter row{.activity_id = expected.activity_id,
                             .activity_code = expected.activity_code,
                             .institution = expected.lead,
                             .institution_id = InstitutionIdOf(plan, expected.lead)};
        if (row.institution_id) {
            auto found = by_key.find({row.activity_id, *row.institution_id});
            if (found != by_key.end()) {
                const domain::ProgressReport& report = *found->second;
                row.report_id = report.id;
                row.review = domain::Name(report.review);
                if (!report.submitted_at.empty() && report.review != domain::ReviewState::kDraft) {
                    row.submitted_on = DateOnly(report.submitted_at);
                    StatusOr<domain::CivilDate> on = domain::ParseCivilDate(row.submitted_on);
                    row.received = on.ok() && *on <= as_of;
                    row.on_time = row.received && *on <= locks_after;
                }
            }
        }
        InstitutionCompleteness& summary = institutions[row.institution];
        summary.institution = row.institution;
        summary.institution_id = row.institution_id;
        ++summary.expected;
        ++view.expected_count;
        if (row.received) {
            ++summary.received;
            ++view.received_count;
        }
        if (row.on_time) {
            ++summary.on_time;
            ++view.on_time_count;
        }
        view.expected.push_back(std::move(row));
    }
    for (auto& [name, summary] : institutions) {
        summary.locked = RoundLocked(round, summary.institution_id, view.reopenings, as_of);
        view.institutions.push_back(std::move(summary));
    }
    return view;
}

StatusOr<RoundView> RoundService::Open(const OpenRoundRequest& request, const Actor& actor,
                                       const domain::CivilDate& today) {
    PW_RETURN_IF_ERROR(NeedsCoordinator(actor, "open a reporting round"));
    StatusOr<domain::Period> period = domain::ParsePeriod(request.period);
    if (!period.ok()) return FieldError("period", period.status().message());
    if (request.grace_days < 0 || request.grace_days > 366) {
        return FieldError("grace_days", fmt::format("grace_days {} is not between 0 and 366", request.grace_days));
    }
    if (request.due_after_days < 1) {
        return FieldError("due_on", fmt::format("due_after_days {} must be at least 1", request.due_after_days));
    }
    domain::RoundDates dates = domain::DefaultRoundDates(*period, request.due_after_days);
    domain::ReportingRound round{.plan_id = request.plan_id,
                                 .period = domain::ToString(*period),
                                 .opens_on = request.opens_on.value_or(dates.opens_on),
                                 .due_on = request.due_on.value_or(dates.due_on),
                                 .grace_days = request.grace_days};
    StatusOr<domain::CivilDate> opens = domain::ParseCivilDate(round.opens_on);
    if (!opens.ok()) return FieldError("opens_on", opens.status().message());
    StatusOr<domain::CivilDate> due = domain::ParseCivilDate(round.due_on);
    if (!due.ok()) return FieldError("due_on", due.status().message());
    if (*due < *opens) {
        return FieldError("due_on", fmt::format("due date {} is before the opening date {}", round.due_on,
                                                round.opens_on));
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(domain::Plan plan, tx->LoadPlan(request.plan_id));
    PW_ASSIGN_OR_RETURN(int64_t id, tx->InsertRound(round));
    round.id = id;
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name, .action = "round.open", .entity = "reporting_round",
                                   .entity_id = std::to_string(id), .before_json = "null",
                                   .after_json = RoundJson(round)}));
    PW_ASSIGN_OR_RETURN(std::vector<domain::ProgressReport> reports, tx->ListPlanReports(request.plan_id));
    PW_RETURN_IF_ERROR(tx->Commit());
    return BuildRoundView(round, plan, reports, {}, today);
}

StatusOr<std::vector<RoundView>> RoundService::List(int64_t plan_id, const domain::CivilDate& as_of,
                                                    const Actor& viewer, std::vector<domain::ProgressReport>* reports_out) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_RETURN_IF_ERROR(CheckVisible(*tx, plan_id, viewer));
    PW_ASSIGN_OR_RETURN(domain::Plan plan, tx->LoadPlan(plan_id));
    PW_ASSIGN_OR_RETURN(std::vector<domain::ReportingRound> rounds, tx->ListRounds(plan_id));
    PW_ASSIGN_OR_RETURN(std::vector<domain::ProgressReport> reports, tx->ListPlanReports(plan_id));
    std::vector<RoundView> views;
    for (const domain::ReportingRound& round : rounds) {
        PW_ASSIGN_OR_RETURN(std::vector<storage::RoundReopening> reopenings, tx->ListRoundReopenings(*round.id));
        PW_ASSIGN_OR_RETURN(RoundView view, BuildRoundView(round, plan, reports, std::move(reopenings), as_of));
        views.push_back(std::move(view));
    }
    if (reports_out) *reports_out = std::move(reports);
    return views;
}

StatusOr<RoundView> RoundService::Get(int64_t round_id, const domain::CivilDate& as_of, const Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<domain::ReportingRound> round, tx->FindRound(round_id));
    // A round of a draft plan is as unknown to the public as the plan itself.
    if (!round || !CheckVisible(*tx, round->plan_id, viewer).ok()) {
        return NotFound(fmt::format("no reporting round with id {}", round_id));
    }
    PW_ASSIGN_OR_RETURN(domain::Plan plan, tx->LoadPlan(round->plan_id));
    PW_ASSIGN_OR_RETURN(std::vector<domain::ProgressReport> reports, tx->ListPlanReports(round->plan_id));
    PW_ASSIGN_OR_RETURN(std::vector<storage::RoundReopening> reopenings, tx->ListRoundReopenings(round_id));
    return BuildRoundView(*round, plan, reports, std::move(reopenings), as_of);
}

StatusOr<RoundView> RoundService::Reopen(int64_t round_id, const std::string& institution,
                                         const std::string& until_on, const Actor& actor,
                                         const domain::CivilDate& today) {
    PW_RETURN_IF_ERROR(NeedsCoordinator(actor, "reopen a reporting round"));
    StatusOr<domain::CivilDate> until = domain::ParseCivilDate(until_on);
    if (!until.ok()) return FieldError("until", until.status().message());
    {
        PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
        PW_ASSIGN_OR_RETURN(std::optional<domain::ReportingRound> round, tx->FindRound(round_id));
        if (!round) return NotFound(fmt::format("no reporting round with id {}", round_id));
        PW_ASSIGN_OR_RETURN(std::optional<int64_t> institution_id, tx->FindInstitution(institution));
        if (!institution_id) {
            return Status(StatusCode::kNotFound, fmt::format("no institution named \"{}\"", institution),
                          SourcePosition{.field = "institution"});
        }
        storage::RoundReopening reopening{.round_id = round_id, .institution_id = *institution_id,
                                          .until_on = until_on, .reopened_by = actor.name};
        PW_RETURN_IF_ERROR(tx->UpsertRoundReopening(reopening));
        PW_RETURN_IF_ERROR(tx->Append(
            {.actor = actor.name, .action = "round.reopen", .entity = "reporting_round",
             .entity_id = std::to_string(round_id), .before_json = RoundJson(*round),
             .after_json = nlohmann::ordered_json{{"institution_id", *institution_id}, {"until_on", until_on}}.dump()}));
        PW_RETURN_IF_ERROR(tx->Commit());
    }
    return Get(round_id, today, actor);
}

StatusOr<RoundView> RoundService::Close(int64_t round_id, const Actor& actor, const domain::CivilDate& today) {
    PW_RETURN_IF_ERROR(NeedsCoordinator(actor, "close a reporting round"));
    {
        PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
        PW_ASSIGN_OR_RETURN(std::optional<domain::ReportingRound> round, tx->FindRound(round_id));
        if (!round) return NotFound(fmt::format("no reporting round with id {}", round_id));
        if (!round->closed_on.empty()) {
            return Conflict(fmt::format("the {} round was closed on {} already", round->period, round->closed_on));
        }
        domain::ReportingRound closed = *round;
        closed.closed_on = domain::ToString(today);
        PW_RETURN_IF_ERROR(tx->CloseRound(round_id, closed.closed_on));
        PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name, .action = "round.close", .entity = "reporting_round",
                                       .entity_id = std::to_string(round_id), .before_json = RoundJson(*round),
                                       .after_json = RoundJson(closed)}));
        PW_RETURN_IF_ERROR(tx->Commit());
    }
    return Get(round_id, today, actor);
}

nlohmann::ordered_json RoundViewToJson(const RoundView& view) {
    using nlohmann::ordered_json;
    auto id_or_null = [](const std::optional<int64_t>& id) { return id ? ordered_json(*id) : ordered_json(nullptr); };
    ordered_json institutions = ordered_json::array();
    for (const InstitutionCompleteness& c : view.institutions) {
        institutions.push_back({{"institution", c.institution},
                                {"institution_id", id_or_null(c.institution_id)},
                                {"expected", c.expected},
                                {"received", c.received},
                                {"on_time", c.on_time},
                                {"locked", c.locked}});
    }
    ordered_json expected = ordered_json::array();
    for (const ExpectedReporter& e : view.expected) {
        expected.push_back({{"activity", e.activity_id},
                            {"code", e.activity_code},
                            {"institution", e.institution},
                            {"institution_id", id_or_null(e.institution_id)},
                            {"report", id_or_null(e.report_id)},
                            {"review", e.review.empty() ? ordered_json(nullptr) : ordered_json(e.review)},
                            {"submitted_on", e.submitted_on.empty() ? ordered_json(nullptr) : ordered_json(e.submitted_on)},
                            {"received", e.received},
                            {"on_time", e.on_time}});
    }
    return {{"id", id_or_null(view.round.id)},
            {"plan", view.round.plan_id},
            {"period", view.round.period},
            {"opens_on", view.round.opens_on},
            {"due_on", view.round.due_on},
            {"grace_days", view.round.grace_days},
            {"closed_on", view.round.closed_on.empty() ? ordered_json(nullptr) : ordered_json(view.round.closed_on)},
            {"locks_after", view.locks_after},
            {"locked", view.locked},
            {"expected", view.expected_count},
            {"received", view.received_count},
            {"on_time", view.on_time_count},
            {"completeness", view.Completeness()},
            {"institutions", institutions},
            {"reports", expected}};
}

}  // namespace planwatch::services
