// The monitoring screens: the reporter's "my institution" (every activity it
// owes in the open rounds, one form each, pre-filled from the last report,
// save draft or submit) and the coordinator's rounds (open, reopen for one
// institution) and review queue (approve, return with a comment). Forms post
// here; RoundService and ReportService check roles and institutions again and
// audit every write. A refused form comes back with what was typed.
#include <algorithm>
#include <cstdlib>
#include <map>

#include "common/text.h"
#include "services/plan_catalog.h"
#include "web/http_errors.h"
#include "web/pages/pages.h"
#include "web/pages/staff_views.h"
#include "web/pages/view_helpers.h"
#include "web/portal_data.h"
#include "web/render.h"

namespace planwatch::web::pages {
namespace {

using nlohmann::json;

// What a reporter typed into one report form, kept to show it again on an error.
struct TypedReport {
    int64_t activity = 0;
    std::string period;
    services::ReportContent content;
    std::map<int, std::string> raw_values;  // indicator index -> as typed
    std::string error;
    std::string error_field;
};

std::string ClaimedLabel(domain::ClaimedState state, const RequestContext& ctx) {
    return ctx.t().Get(std::string("claimed_") + domain::Name(state));
}

json ClaimedOptions(domain::ClaimedState selected, const RequestContext& ctx) {
    json options = json::array();
    for (domain::ClaimedState state : {domain::ClaimedState::kNotStarted, domain::ClaimedState::kInProgress,
                                       domain::ClaimedState::kCompleted, domain::ClaimedState::kCancelled}) {
        options.push_back({{"value", domain::Name(state)},
                           {"label", ClaimedLabel(state, ctx)},
                           {"selected", state == selected}});
    }
    return options;
}

// The links, one per line; uploaded files are listed apart (EvidenceFiles).
std::string EvidenceText(const std::vector<domain::Evidence>& evidence) {
    std::string text;
    for (const domain::Evidence& e : evidence) {
        if (e.sha256.empty()) text += e.url + "\n";
    }
    return text;
}

// The stored files, each a ticked box whose value ("<sha256> <name>") keeps it on the next save.
json EvidenceFiles(const std::vector<domain::Evidence>& evidence, const std::string& key, const RequestContext& ctx) {
    json files = json::array();
    for (const domain::Evidence& e : evidence) {
        if (e.sha256.empty()) continue;
        files.push_back({{"id", "kf-" + key + "-" + std::to_string(files.size())},
                         {"value", e.sha256 + " " + e.url},
                         {"name", e.url},
                         {"size", FormatNumber(static_cast<double>(e.size), ctx.lang) + " B"},
                         {"short_sha256", e.sha256.substr(0, 12)}});
    }
    return files;
}

std::string NumberText(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

bool Responsible(const domain::Node& activity, const std::string& institution, bool* lead) {
    for (size_t i = 0; i < activity.responsible.size(); ++i) {
        if (activity.responsible[i].institution != institution) continue;
        *lead = activity.responsible[i].role == domain::ResponsibilityRole::kLead;
        return true;
    }
    return false;
}

// One report form: the activity, its indicators with targets, and the
// report's content: as typed (after an error), as stored, or pre-filled from
// the institution's newest report of an earlier period.
json ReportForm(const domain::Node& activity, const reports::ActivityRow* row, const std::string& period, bool lead,
                const std::vector<domain::ProgressReport>& mine, const TypedReport* typed, const RequestContext& ctx) {
    const domain::ProgressReport* stored = nullptr;
    const domain::ProgressReport* earlier = nullptr;
    for (const domain::ProgressReport& report : mine) {
        if (report.activity_id != *activity.id) continue;
        if (report.period == period) {
            stored = &report;
        } else if (report.period < period && (!earlier || earlier->period < report.period)) {
            earlier = &report;
        }
    }
    const domain::ProgressReport* source = stored ? stored : earlier;
    services::ReportContent content;
    if (source) {
        content = {.claimed = source->claimed, .values = source->values, .narrative = source->narrative,
                   .evidence = source->evidence};
    }
    if (typed) content = typed->content;
    const std::string key = std::to_string(*activity.id) + "-" + period;
    json indicators = json::array();
    for (size_t i = 0; i < activity.indicators.size(); ++i) {
        std::string value;
        for (const domain::IndicatorValue& v : content.values) {
            if (v.indicator_index == static_cast<int>(i)) value = NumberText(v.value);
        }
        if (typed && typed->raw_values.count(static_cast<int>(i))) value = typed->raw_values.at(static_cast<int>(i));
        const std::string field = "value_" + std::to_string(i);
        json indicator = {{"name", activity.indicators[i].name},
                          {"field", field},
                          {"id", "v-" + key + "-" + std::to_string(i)},
                          {"value", value},
                          {"error", typed && typed->error_field == field ? typed->error : ""}};
        if (row && i < row->indicators.size() && !row->indicators[i].target_text.empty()) {
            indicator["target"] = row->indicators[i].target_text;
        }
        indicators.push_back(std::move(indicator));
    }
    const bool under_review = stored && stored->review == domain::ReviewState::kSubmitted;
    json form = {{"key", key},
                 {"activity", *activity.id},
                 {"code", activity.code},
                 {"title", activity.title},
                 {"period", period},
                 {"role", ctx.t().Get(lead ? "role_lead" : "role_partner")},
                 {"report", stored ? std::to_string(*stored->id) : ""},
                 {"version", stored ? stored->version : 0},
                 {"review", stored ? domain::Name(stored->review) : ""},
                 {"review_label", stored ? ctx.t().Get(std::string("review_") + domain::Name(stored->review)) : ""},
                 {"returned", stored && stored->review == domain::ReviewState::kReturned},
                 {"comment", stored ? stored->review_comment : ""},
                 {"under_review", under_review},
                 {"editable", !under_review},
                 {"submitted_text", under_review ? ctx.t().Format("rep_awaiting", {{"date", LocalDate(stored->submitted_at, ctx)}})
                                                 : ""},
                 {"prefilled", !stored && earlier && !typed ? ctx.t().Format("rep_prefilled", {{"period", earlier->period}})
                                                            : ""},
                 {"claimed_options", ClaimedOptions(content.claimed, ctx)},
                 {"claimed_label", ClaimedLabel(content.claimed, ctx)},
                 {"indicators", indicators},
                 {"narrative", content.narrative},
                 {"evidence", EvidenceText(content.evidence)},
                 {"files", EvidenceFiles(content.evidence, key, ctx)},
                 {"has_files", std::any_of(content.evidence.begin(), content.evidence.end(),
                                           [](const domain::Evidence& e) { return !e.sha256.empty(); })},
                 {"error", typed ? typed->error : ""}};
    return form;
}

// The open rounds of every plan with the forms the institution owes in them.
StatusOr<json> OpenRounds(RequestContext& ctx, int64_t institution_id, const std::string& institution,
                          const TypedReport* typed) {
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, ctx.portal.Plans(ActorOf(ctx)));
    json rounds = json::array();
    for (const storage::PlanSummary& summary : plans) {
        std::vector<domain::ProgressReport> reports;
        PW_ASSIGN_OR_RETURN(std::vector<services::RoundView> views,
                            ctx.services.rounds().List(summary.id, ctx.today, ActorOf(ctx), &reports));
        if (views.empty()) continue;
        PW_ASSIGN_OR_RETURN(std::shared_ptr<const domain::Plan> plan, ctx.portal.Plan(summary.id, ActorOf(ctx)));
        PW_ASSIGN_OR_RETURN(std::shared_ptr<const reports::ReportModel> model,
                            ctx.portal.Model(summary.id, ctx.today, ctx.lang, ActorOf(ctx)));
        std::erase_if(reports, [&](const domain::ProgressReport& r) { return r.institution_id != institution_id; });
        for (const services::RoundView& view : views) {
            if (domain::ToString(ctx.today) < view.round.opens_on) continue;
            if (services::RoundLocked(view.round, institution_id, view.reopenings, ctx.today)) continue;
            json forms = json::array();
            for (const services::ExpectedReporter& expected : view.expected) {
                const domain::Node* activity = FindNode(*plan, expected.activity_id);
                bool lead = false;
                if (!activity || !Responsible(*activity, institution, &lead)) continue;
                const reports::ActivityRow* row = nullptr;
                for (const reports::ActivityRow& r : model->activities) {
                    if (r.id == activity->id) row = &r;
                }
                const bool this_one = typed && typed->activity == *activity->id && typed->period == view.round.period;
                json form = ReportForm(*activity, row, view.round.period, lead, reports, this_one ? typed : nullptr, ctx);
                form["href"] = ActivityHref(summary.id, activity->id, ctx);
                forms.push_back(std::move(form));
            }
            if (forms.empty()) continue;
            rounds.push_back({{"plan", summary.title},
                              {"plan_href", PlanHref(summary.id, ctx)},
                              {"period", view.round.period},
                              {"heading", ctx.t().Format("rep_round_heading", {{"period", view.round.period},
                                                                               {"due", view.round.due_on}})},
                              {"forms", forms},
                              {"count", static_cast<int>(forms.size())}});
        }
    }
    return rounds;
}

Response RenderMy(const Request& request, RequestContext& ctx, const TypedReport* typed, const std::string& flash,
                  int status) {
    json view = MyInstitutionView(ctx);
    if (ctx.user && ctx.user->institution_id && view.contains("institution")) {
        StatusOr<json> rounds =
            OpenRounds(ctx, *ctx.user->institution_id, view["institution"].get<std::string>(), typed);
        if (!rounds.ok()) return ErrorPage(rounds.status(), request, ctx);
        view["rounds"] = *rounds;
        view["no_round"] = rounds->empty();
    }
    PageMeta meta{.title = ctx.t().Get("reporter_title"),
                  .nav = "my",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)}, {ctx.t().Get("nav_my_institution"), ""}},
                  .flash = flash,
                  .flash_kind = status < 400 ? "success" : "error",
                  .status = status};
    return RenderPage("my", std::move(view), meta, request, ctx);
}

StatusOr<int64_t> FormId(const Params& form, const std::string& name) {
    if (std::optional<int64_t> id = text::ParseId(First(form, name))) return *id;
    return Status(StatusCode::kMalformed, name + ": expected an id", SourcePosition{.field = name});
}

// "12", "12.5" and "12,5" (the Romanian and Slovenian decimal comma).
std::optional<double> ParseNumber(std::string text) {
    std::replace(text.begin(), text.end(), ',', '.');
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (*end != '\0') return std::nullopt;
    return value;
}

std::string Done(const Request& request) { return request.Query("done"); }

// The report form's fields and files: multipart when the browser sends files
// (the form's enctype), urlencoded from older pages and scripts.
struct ReportFormData {
    Params fields;
    std::vector<services::EvidenceUpload> files;
};

StatusOr<ReportFormData> ReadReportForm(const Request& request) {
    ReportFormData form;
    const std::string content_type = request.Header("content-type");
    if (content_type.rfind("multipart/form-data", 0) != 0) {
        form.fields = ParseUrlEncoded(request.body);
        return form;
    }
    PW_ASSIGN_OR_RETURN(std::vector<FormPart> parts, ParseMultipart(content_type, request.body));
    for (FormPart& part : parts) {
        if (part.file_name.empty()) {
            form.fields.emplace(part.name, std::move(part.data));
        } else if (part.name == "evidence_file" && !part.data.empty()) {
            // A file input left empty still sends a part with no name and no bytes.
            form.files.push_back({.file_name = part.file_name, .media_type = part.content_type,
                                  .bytes = std::move(part.data)});
        }
    }
    return form;
}

}  // namespace

Response MyInstitution(const Request& request, RequestContext& ctx) {
    std::string flash;
    if (Done(request) == "saved") flash = ctx.t().Get("rep_saved");
    if (Done(request) == "submitted") flash = ctx.t().Get("rep_submitted");
    return RenderMy(request, ctx, nullptr, flash, 200);
}

Response SaveReport(const Request& request, RequestContext& ctx) {
    StatusOr<ReportFormData> data = ReadReportForm(request);
    if (!data.ok()) return ErrorPage(data.status(), request, ctx);
    const Params& form = data->fields;
    StatusOr<int64_t> activity = FormId(form, "activity");
    if (!activity.ok()) return ErrorPage(activity.status(), request, ctx);
    TypedReport typed{.activity = *activity, .period = First(form, "period")};
    std::optional<domain::ClaimedState> claimed = domain::ParseClaimedState(First(form, "claimed"));
    typed.content.claimed = claimed.value_or(domain::ClaimedState::kNotStarted);
    typed.content.narrative = First(form, "narrative");
    std::string evidence = First(form, "evidence");
    for (size_t start = 0; start < evidence.size();) {
        size_t end = evidence.find('\n', start);
        if (end == std::string::npos) end = evidence.size();
        std::string line = evidence.substr(start, end - start);
        line.erase(0, line.find_first_not_of(" \t\r"));
        line.erase(line.find_last_not_of(" \t\r") + 1);
        if (!line.empty()) typed.content.evidence.push_back({.url = line});
        start = end + 1;
    }
    for (auto [it, last] = form.equal_range("keep_file"); it != last; ++it) {
        const size_t space = it->second.find(' ');
        if (space == std::string::npos) continue;
        typed.content.evidence.push_back({.url = it->second.substr(space + 1), .sha256 = it->second.substr(0, space)});
    }
    typed.content.uploads = std::move(data->files);
    for (const auto& [name, value] : form) {
        if (name.rfind("value_", 0) != 0) continue;
        const int index = std::atoi(name.c_str() + 6);
        typed.raw_values[index] = value;
        if (value.empty()) continue;
        std::optional<double> number = ParseNumber(value);
        if (!number) {
            typed.error = ctx.t().Format("rep_bad_number", {{"value", value}});
            typed.error_field = name;
        } else {
            typed.content.values.push_back({.indicator_index = index, .value = *number});
        }
    }
    auto refuse = [&](const Status& status) {
        if (typed.error.empty()) {
            typed.error = status.message();
            typed.error_field = status.where().field;
        }
        return RenderMy(request, ctx, &typed, typed.error, HttpStatus(status.code()));
    };
    if (!claimed) return refuse(Status(StatusCode::kInvalidArgument, ctx.t().Get("rep_bad_state"),
                                       SourcePosition{.field = "claimed"}));
    if (!typed.error.empty()) return refuse(Status(StatusCode::kInvalidArgument, typed.error));

    services::ReportService& reports = ctx.services.progress_reports();
    const services::Actor actor = ActorOf(ctx);
    StatusOr<domain::ProgressReport> saved = Status(StatusCode::kInternal, "not saved");
    if (First(form, "report").empty()) {
        saved = reports.Create({.activity_id = *activity, .period = typed.period, .content = typed.content}, actor);
    } else {
        StatusOr<int64_t> report = FormId(form, "report");
        if (!report.ok()) return refuse(report.status());
        saved = reports.Edit(*report, typed.content, std::atoi(First(form, "version").c_str()), actor);
    }
    if (!saved.ok()) return refuse(saved.status());
    ctx.portal.Invalidate();
    std::string done = "saved";
    if (First(form, "action") == "submit") {
        StatusOr<domain::ProgressReport> submitted = reports.Submit(*saved->id, actor);
        if (!submitted.ok()) return refuse(submitted.status());
        done = "submitted";
    }
    return SeeOther(WithLang("/my", ctx) + "&done=" + done + "#report-" + std::to_string(*activity) + "-" +
                    typed.period);
}

json CoordinatorMonitoringView(RequestContext& ctx) {
    json plans_json = json::array();
    json queue = json::array();
    StatusOr<std::vector<storage::PlanSummary>> plans = ctx.portal.Plans(ActorOf(ctx));
    if (!plans.ok()) return json::object();
    for (const storage::PlanSummary& summary : *plans) {
        json rounds = json::array();
        std::vector<domain::ProgressReport> submitted;
        StatusOr<std::vector<services::RoundView>> views =
            ctx.services.rounds().List(summary.id, ctx.today, ActorOf(ctx), &submitted);
        if (views.ok()) {
            for (const services::RoundView& view : *views) {
                std::string state = ctx.t().Get(view.locked ? "coord_locked" : "coord_open_state");
                if (!view.round.closed_on.empty()) {
                    state = ctx.t().Get("coord_closed_on") + " " + LocalDate(view.round.closed_on, ctx);
                }
                rounds.push_back({{"id", view.round.id.value_or(0)},
                                  {"period", view.round.period},
                                  {"opens_on", LocalDate(view.round.opens_on, ctx)},
                                  {"due_on", LocalDate(view.round.due_on, ctx)},
                                  {"expected", view.expected_count},
                                  {"received", view.received_count},
                                  {"on_time", view.on_time_count},
                                  {"state", state},
                                  {"locked", view.locked}});
            }
        }
        plans_json.push_back({{"id", summary.id}, {"title", summary.title}, {"href", PlanHref(summary.id, ctx)},
                              {"rounds", rounds}, {"has_rounds", !rounds.empty()}});
        std::erase_if(submitted, [](const domain::ProgressReport& r) {
            return r.review != domain::ReviewState::kSubmitted;
        });
        if (submitted.empty()) continue;
        StatusOr<std::shared_ptr<const domain::Plan>> plan = ctx.portal.Plan(summary.id, ActorOf(ctx));
        if (!plan.ok()) continue;
        for (const domain::ProgressReport& report : submitted) {
            const domain::Node* activity = FindNode(**plan, report.activity_id);
            std::string institution;
            for (const domain::Institution& i : (*plan)->institutions) {
                if (i.id == report.institution_id) institution = i.name;
            }
            json values = json::array();
            for (const domain::IndicatorValue& v : report.values) {
                std::string name = activity && v.indicator_index < static_cast<int>(activity->indicators.size())
                                       ? activity->indicators[v.indicator_index].name
                                       : "#" + std::to_string(v.indicator_index + 1);
                values.push_back({{"name", name}, {"value", FormatNumber(v.value, ctx.lang)}});
            }
            json evidence = json::array();
            for (const domain::Evidence& e : report.evidence) {
                evidence.push_back({{"url", e.sha256.empty() ? e.url : "/api/v1/evidence/" + e.sha256}, {"name", e.url}});
            }
            queue.push_back({{"id", *report.id},
                             {"plan", summary.title},
                             {"code", activity ? activity->code : ""},
                             {"title", activity ? activity->title : ""},
                             {"href", ActivityHref(summary.id, report.activity_id, ctx)},
                             {"institution", institution},
                             {"period", report.period},
                             {"claimed", ClaimedLabel(report.claimed, ctx)},
                             {"narrative", report.narrative},
                             {"values", values},
                             {"evidence", evidence},
                             {"submitted_on", LocalDate(report.submitted_at, ctx)}});
        }
    }
    return {{"monitoring_plans", plans_json}, {"queue", queue}, {"queue_empty", queue.empty()}};
}

Response OpenRoundForm(const Request& request, RequestContext& ctx) {
    Params form = ParseUrlEncoded(request.body);
    StatusOr<int64_t> plan = FormId(form, "plan");
    if (!plan.ok()) return CoordinatePage(request, ctx, {}, plan.status().message(), "error", 400);
    services::OpenRoundRequest open{.plan_id = *plan, .period = First(form, "period")};
    if (std::string due = First(form, "due_on"); !due.empty()) open.due_on = due;
    if (std::string grace = First(form, "grace_days"); !grace.empty()) {
        char* end = nullptr;
        long days = std::strtol(grace.c_str(), &end, 10);
        if (*end != '\0' || days < 0 || days > 366) {
            return CoordinatePage(request, ctx, {{"round_error_field", "grace_days"}},
                                  ctx.t().Get("coord_bad_grace"), "error", 422);
        }
        open.grace_days = static_cast<int>(days);
    }
    StatusOr<services::RoundView> round = ctx.services.rounds().Open(open, ActorOf(ctx), ctx.today);
    if (!round.ok()) {
        return CoordinatePage(request, ctx,
                              {{"round_error_field", round.status().where().field}, {"form_period", open.period}},
                              round.status().message(), "error", HttpStatus(round.status().code()));
    }
    ctx.portal.Invalidate();
    return SeeOther(WithLang("/coordinate", ctx) + "&done=round#rounds");
}

Response ReopenRoundForm(const Request& request, RequestContext& ctx) {
    Params form = ParseUrlEncoded(request.body);
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorPage(id.status(), request, ctx);
    StatusOr<services::RoundView> round = ctx.services.rounds().Reopen(*id, First(form, "institution"),
                                                                       First(form, "until"), ActorOf(ctx), ctx.today);
    if (!round.ok()) {
        return CoordinatePage(request, ctx, {}, round.status().message(), "error", HttpStatus(round.status().code()));
    }
    ctx.portal.Invalidate();
    return SeeOther(WithLang("/coordinate", ctx) + "&done=reopened#rounds");
}

Response CloseRoundForm(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorPage(id.status(), request, ctx);
    StatusOr<services::RoundView> round = ctx.services.rounds().Close(*id, ActorOf(ctx), ctx.today);
    if (!round.ok()) {
        return CoordinatePage(request, ctx, {}, round.status().message(), "error", HttpStatus(round.status().code()));
    }
    ctx.portal.Invalidate();
    return SeeOther(WithLang("/coordinate", ctx) + "&done=closed#rounds");
}

Response ReviewForm(const Request& request, RequestContext& ctx, bool approve) {
    Params form = ParseUrlEncoded(request.body);
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorPage(id.status(), request, ctx);
    StatusOr<domain::ProgressReport> report =
        approve ? ctx.services.progress_reports().Approve(*id, ActorOf(ctx))
                : ctx.services.progress_reports().Return(*id, First(form, "comment"), ActorOf(ctx));
    if (!report.ok()) {
        return CoordinatePage(request, ctx, {{"review_error_id", *id}}, report.status().message(), "error",
                              HttpStatus(report.status().code()));
    }
    ctx.portal.Invalidate();
    return SeeOther(WithLang("/coordinate", ctx) + (approve ? "&done=approved" : "&done=returned") + "#review");
}

Response ApproveReportForm(const Request& request, RequestContext& ctx) { return ReviewForm(request, ctx, true); }
Response ReturnReportForm(const Request& request, RequestContext& ctx) { return ReviewForm(request, ctx, false); }

}  // namespace planwatch::web::pages
