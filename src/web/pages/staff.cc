// Pages for signed-in staff: the reporter's "my institution", the
// coordinator's import (upload, preview with warnings, confirm) and the
// administrator's users. Roles are checked by the route table (routes.cc)
// and again by the services on every write.
#include <algorithm>
#include <map>

#include "services/import_preview.h"
#include "web/cookies.h"
#include "web/http_errors.h"
#include "web/pages/pages.h"
#include "web/pages/staff_views.h"
#include "web/pages/view_helpers.h"
#include "web/portal_data.h"
#include "web/reasons.h"
#include "web/render.h"
#include "web/upload_stash.h"

namespace planwatch::web::pages {
namespace {

struct Counter {
    int activities = 0;
    int nodes = 0;
    int indicators = 0;
    int responsibilities = 0;
};

// The first levels of a previewed plan, as nested lists.
nlohmann::json Outline(const std::vector<domain::Node>& nodes, int depth, Counter& counter) {
    nlohmann::json list = nlohmann::json::array();
    for (const domain::Node& node : nodes) {
        ++counter.nodes;
        if (node.kind == domain::NodeKind::kActivity) {
            ++counter.activities;
            counter.indicators += static_cast<int>(node.indicators.size());
            counter.responsibilities += static_cast<int>(node.responsible.size());
        }
        nlohmann::json item = {{"code", node.code}, {"title", node.title}, {"kind", domain::Name(node.kind)}};
        nlohmann::json children = Outline(node.children, depth + 1, counter);
        // Always set: a missing key would make mustache reach the parent's children.
        item["children"] = depth < 2 ? children : nlohmann::json::array();
        list.push_back(std::move(item));
    }
    return list;
}

nlohmann::json PlanLinks(RequestContext& ctx) {
    nlohmann::json plans = nlohmann::json::array();
    StatusOr<std::vector<storage::PlanSummary>> summaries = ctx.portal.Plans(ActorOf(ctx));
    if (!summaries.ok()) return plans;
    for (const storage::PlanSummary& summary : *summaries) {
        plans.push_back({{"id", summary.id},
                         {"title", summary.title},
                         {"href", PlanHref(summary.id, ctx)},
                         {"version", summary.version},
                         {"activities", summary.activities},
                         {"imported_at", LocalDate(summary.imported_at, ctx)},
                         {"published", summary.published()},
                         {"state", ctx.t().Get(summary.published() ? "publish_published" : "publish_draft")},
                         {"published_on", LocalDate(summary.published_at, ctx)}});
    }
    return plans;
}

// Registry id -> canonical name, for the accounts' institutions.
std::map<int64_t, std::string> InstitutionNames(RequestContext& ctx) {
    std::map<int64_t, std::string> names;
    StatusOr<std::vector<storage::InstitutionRecord>> records = ctx.services.registry().ListInstitutions();
    if (!records.ok()) return names;
    for (const storage::InstitutionRecord& r : *records) {
        if (r.institution.id) names[*r.institution.id] = r.institution.name;
    }
    return names;
}

nlohmann::json UsersJson(RequestContext& ctx) {
    nlohmann::json rows = nlohmann::json::array();
    StatusOr<std::vector<domain::User>> users = ctx.services.sessions().ListUsers();
    if (!users.ok()) return rows;
    const std::map<int64_t, std::string> names = InstitutionNames(ctx);
    for (const domain::User& user : *users) {
        std::string institution;
        if (user.institution_id) {
            auto found = names.find(*user.institution_id);
            institution = found != names.end() ? found->second : std::to_string(*user.institution_id);
        }
        rows.push_back({{"email", user.email},
                        {"role", ctx.t().Get(std::string("role_") + domain::Name(user.role))},
                        {"institution", institution},
                        {"state", ctx.t().Get(user.Disabled() ? "user_disabled" : "user_active")},
                        {"href", WithLang("/admin/users/" + std::to_string(user.id.value_or(0)), ctx)}});
    }
    return rows;
}

// The account form of one user, with what was typed and the error when a save was refused.
Response UserForm(const Request& request, RequestContext& ctx, const domain::User& user,
                  const services::AccountChange& shown, const std::optional<Status>& error, const std::string& flash) {
    nlohmann::json roles = nlohmann::json::array();
    for (const char* role : {"reporter", "coordinator", "admin"}) {
        roles.push_back({{"value", role}, {"label", ctx.t().Get(std::string("role_") + role)},
                         {"selected", shown.role == role}});
    }
    nlohmann::json institutions = nlohmann::json::array();
    for (const auto& [id, name] : InstitutionNames(ctx)) {
        institutions.push_back({{"name", name}, {"selected", name == shown.institution}});
    }
    nlohmann::json view = {{"email", user.email},
                           {"action", WithLang("/admin/users/" + std::to_string(user.id.value_or(0)), ctx)},
                           {"roles", roles},
                           {"institutions", institutions},
                           {"disabled", shown.disabled},
                           {"disabled_at", user.disabled_at.empty() ? "" : LocalDate(user.disabled_at, ctx)}};
    int status = 200;
    if (error) {
        const std::string field = error->where().field == "institution" ? "institution" : "role";
        view["error"] = error->message();
        view["error_anchor"] = "user-" + field;
        view[field + "_error"] = error->message();
        status = HttpStatus(error->code());
    }
    PageMeta meta{.title = ctx.t().Get("user_edit_title"),
                  .nav = "admin",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)},
                                  {ctx.t().Get("admin_title"), WithLang("/admin", ctx)},
                                  {user.email, ""}},
                  .flash = flash,
                  .flash_kind = "success",
                  .status = status};
    return RenderPage("admin_user_form", std::move(view), meta, request, ctx);
}

StatusOr<domain::User> FindUser(RequestContext& ctx, const std::string& id_text) {
    StatusOr<int64_t> id = services::ParsePlanId(id_text);
    if (!id.ok()) return Status(StatusCode::kNotFound, id.status().message());
    PW_ASSIGN_OR_RETURN(std::vector<domain::User> users, ctx.services.sessions().ListUsers());
    for (const domain::User& user : users) {
        if (user.id == *id) return user;
    }
    return NotFound("no user with id " + id_text);
}

}  // namespace

Response CoordinatePage(const Request& request, RequestContext& ctx, nlohmann::json view, const std::string& flash,
                        const std::string& flash_kind, int status) {
    view["plans"] = PlanLinks(ctx);
    view.update(CoordinatorMonitoringView(ctx));
    PageMeta meta{.title = ctx.t().Get("coord_title"),
                  .nav = "coordinate",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)}, {ctx.t().Get("coord_title"), ""}},
                  .flash = flash,
                  .flash_kind = flash_kind,
                  .status = status};
    return RenderPage("coordinate", std::move(view), meta, request, ctx);
}

nlohmann::json MyInstitutionView(RequestContext& ctx) {
    nlohmann::json view;
    if (!ctx.user || !ctx.user->institution_id) {
        view["message"] = ctx.t().Get("reporter_no_institution");
    } else {
        auto models = ctx.portal.AllModels(ctx.today, ctx.lang, ActorOf(ctx));
        if (!models.ok()) {
            view["message"] = models.status().message();
            return view;
        }
        nlohmann::json plans = nlohmann::json::array();
        for (const auto& model : *models) {
            std::string name;
            for (const domain::Institution& institution : model->plan.institutions) {
                if (institution.id == ctx.user->institution_id) name = institution.name;
            }
            const reports::InstitutionSummary* summary = name.empty() ? nullptr : model->FindInstitution(name);
            if (!summary || (summary->led.empty() && summary->partnered.empty())) continue;
            view["institution"] = name;
            nlohmann::json rows = nlohmann::json::array();
            auto add = [&](int index, bool lead) {
                const reports::ActivityRow& a = model->activities[index];
                rows.push_back({{"code", a.code},
                                {"title", a.title},
                                {"href", ActivityHref(model->plan.id.value_or(0), a.id, ctx)},
                                {"status", domain::Name(a.status)},
                                {"status_label", StatusLabel(a.status, ctx)},
                                {"reason", LocalReason(a.reason_parts, ctx.t())},
                                {"deadline", a.schedule},
                                {"role", ctx.t().Get(lead ? "role_lead" : "role_partner")}});
            };
            for (int index : summary->led) add(index, true);
            for (int index : summary->partnered) add(index, false);
            plans.push_back({{"title", model->plan.title}, {"href", PlanHref(model->plan.id.value_or(0), ctx)},
                             {"rows", rows}, {"count", static_cast<int>(rows.size())}});
        }
        view["plans"] = plans;
        if (plans.empty()) view["message"] = ctx.t().Get("reporter_nothing");
    }
    return view;
}

Response Coordinate(const Request& request, RequestContext& ctx) {
    // After a form (303 to /coordinate?done=…): say what happened.
    static const std::map<std::string, std::string> kDone = {
        {"round", "coord_round_opened"}, {"reopened", "coord_reopened"}, {"closed", "coord_closed"},
        {"approved", "coord_approved"},
        {"returned", "coord_returned"},  {"published", "publish_done"},  {"unpublished", "publish_undone"}};
    auto done = kDone.find(request.Query("done"));
    return CoordinatePage(request, ctx, nlohmann::json::object(), done == kDone.end() ? "" : ctx.t().Get(done->second),
                          "success", 200);
}

Response ImportPreview(const Request& request, RequestContext& ctx) {
    StatusOr<std::vector<FormPart>> parts = ParseMultipart(request.Header("content-type"), request.body);
    if (!parts.ok()) return ErrorPage(parts.status(), request, ctx);
    auto file = std::find_if(parts->begin(), parts->end(), [](const FormPart& part) { return part.name == "file"; });
    if (file == parts->end() || file->file_name.empty()) {
        return CoordinatePage(request, ctx, {{"file_error", ctx.t().Get("import_file")}}, "", "error", 400);
    }
    std::string file_name = file->file_name.substr(file->file_name.find_last_of("/\\") + 1);
    StatusOr<domain::Plan> plan = services::PreviewImport(file->data, file_name, ctx.services.imports().options());
    if (!plan.ok()) {
        return CoordinatePage(request, ctx, {{"file_error", plan.status().ToString()}}, "", "error",
                              plan.status().code() == StatusCode::kTooLarge ? 413 : 422);
    }
    Counter counter;
    nlohmann::json outline = Outline(plan->nodes, 0, counter);
    nlohmann::json warnings = nlohmann::json::array();
    for (const domain::PlanWarning& warning : plan->warnings) {
        warnings.push_back({{"line", warning.line > 0 ? std::to_string(warning.line) : ""},
                            {"message", warning.message},
                            {"code", warning.code}});
    }
    std::string stash = ctx.uploads.Put(StashedUpload{.file_name = file_name, .bytes = file->data, .owner = ctx.Actor()});
    nlohmann::json view = {{"file_name", file_name},
                           {"title", plan->title},
                           {"period", PeriodText(plan->period_start, plan->period_end)},
                           {"activities", counter.activities},
                           {"nodes", counter.nodes},
                           {"indicators", counter.indicators},
                           {"institutions", static_cast<int>(plan->institutions.size())},
                           {"services", static_cast<int>(plan->services.size())},
                           {"outline", outline},
                           {"warnings", warnings},
                           {"has_warnings", !warnings.empty()},
                           {"warnings_count", static_cast<int>(warnings.size())},
                           {"stash", stash}};
    PageMeta meta{.title = ctx.t().Get("import_preview"),
                  .nav = "coordinate",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)},
                                  {ctx.t().Get("coord_title"), WithLang("/coordinate", ctx)},
                                  {ctx.t().Get("import_preview"), ""}}};
    return RenderPage("import_preview", std::move(view), meta, request, ctx);
}

Response ImportConfirm(const Request& request, RequestContext& ctx) {
    Params form = ParseUrlEncoded(request.body);
    std::optional<StashedUpload> upload = ctx.uploads.Take(First(form, "stash"), ctx.Actor());
    if (!upload) {
        return ErrorPage(Status(StatusCode::kNotFound, "the uploaded document is no longer waiting; upload it again"),
                         request, ctx);
    }
    StatusOr<services::ImportOutcome> outcome = ctx.services.imports().ImportBytes(
        upload->bytes, upload->file_name, ctx.Actor(), {.replace = First(form, "replace") == "true"});
    if (!outcome.ok()) {
        return CoordinatePage(request, ctx, {{"file_error", outcome.status().ToString()}}, "", "error",
                              outcome.status().code() == StatusCode::kConflict ? 409 : 422);
    }
    return SeeOther(PlanHref(outcome->plan_id, ctx));
}

namespace {

Response PublicationForm(const Request& request, RequestContext& ctx, bool publish) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorPage(Status(StatusCode::kNotFound, id.status().message()), request, ctx);
    services::PublishService& publishing = ctx.services.publishing();
    StatusOr<services::PublishOutcome> outcome =
        publish ? publishing.Publish(*id, ActorOf(ctx)) : publishing.Unpublish(*id, ActorOf(ctx));
    if (!outcome.ok()) {
        return CoordinatePage(request, ctx, {}, outcome.status().message(), "error",
                              HttpStatus(outcome.status().code()));
    }
    return SeeOther(WithLang("/coordinate", ctx) + (publish ? "&done=published" : "&done=unpublished") + "#plans");
}

}  // namespace

Response PublishPlanForm(const Request& request, RequestContext& ctx) { return PublicationForm(request, ctx, true); }
Response UnpublishPlanForm(const Request& request, RequestContext& ctx) { return PublicationForm(request, ctx, false); }

Response Admin(const Request& request, RequestContext& ctx) {
    StatusOr<std::vector<domain::User>> users = ctx.services.sessions().ListUsers();
    if (!users.ok()) return ErrorPage(users.status(), request, ctx);
    nlohmann::json view = {{"users", UsersJson(ctx)}};
    PageMeta meta{.title = ctx.t().Get("admin_title"),
                  .nav = "admin",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)}, {ctx.t().Get("admin_title"), ""}}};
    return RenderPage("admin", std::move(view), meta, request, ctx);
}

Response AddUser(const Request& request, RequestContext& ctx) {
    Params form = ParseUrlEncoded(request.body);
    services::NewAccount account{.email = First(form, "email"),
                                 .role = First(form, "role"),
                                 .institution = First(form, "institution")};
    StatusOr<services::CreatedAccount> created = ctx.services.accounts().Add(account, ctx.Actor());
    if (!created.ok()) {
        nlohmann::json view = {{"error", created.status().message()},
                               {"error_field", created.status().where().field},
                               {"form_email", account.email},
                               {"form_institution", account.institution},
                               {"users", UsersJson(ctx)}};
        PageMeta meta{.title = ctx.t().Get("admin_title"),
                      .nav = "admin",
                      .status = created.status().code() == StatusCode::kConflict ? 409 : 422};
        return RenderPage("admin", std::move(view), meta, request, ctx);
    }
    // The generated password is shown once, on the page the admin lands on.
    nlohmann::json view = {{"users", UsersJson(ctx)},
                           {"added_text", ctx.t().Format("user_added", {{"password", created->generated_password}})}};
    PageMeta meta{.title = ctx.t().Get("admin_title"), .nav = "admin"};
    return RenderPage("admin", std::move(view), meta, request, ctx);
}

Response EditUserPage(const Request& request, RequestContext& ctx) {
    StatusOr<domain::User> user = FindUser(ctx, request.PathParam("id"));
    if (!user.ok()) return ErrorPage(user.status(), request, ctx);
    const std::map<int64_t, std::string> names = InstitutionNames(ctx);
    std::string institution;
    if (user->institution_id && names.contains(*user->institution_id)) institution = names.at(*user->institution_id);
    services::AccountChange shown{.user_id = *user->id, .role = domain::Name(user->role), .institution = institution,
                                  .disabled = user->Disabled()};
    return UserForm(request, ctx, *user, shown, std::nullopt,
                    request.Query("done") == "saved" ? ctx.t().Get("user_saved") : "");
}

Response SaveUserForm(const Request& request, RequestContext& ctx) {
    StatusOr<domain::User> user = FindUser(ctx, request.PathParam("id"));
    if (!user.ok()) return ErrorPage(user.status(), request, ctx);
    Params form = ParseUrlEncoded(request.body);
    services::AccountChange change{.user_id = *user->id,
                                   .role = First(form, "role"),
                                   .institution = First(form, "institution"),
                                   .disabled = First(form, "disabled") == "1"};
    StatusOr<domain::User> saved = ctx.services.accounts().Update(change, ActorOf(ctx));
    if (!saved.ok()) return UserForm(request, ctx, *user, change, saved.status(), "");
    return SeeOther(WithLang("/admin/users/" + std::to_string(*user->id), ctx) + "&done=saved");
}

}  // namespace planwatch::web::pages
