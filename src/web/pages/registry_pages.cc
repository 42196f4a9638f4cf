// The registry's staff screens: the coordinator's institutions to review and
// the merge of a duplicate (choose, see what moves, confirm), and the
// administrator's list, add and edit. Roles are checked by the route table and
// again by services::RegistryService on every write.
#include <algorithm>

#include "common/text.h"
#include "services/plan_catalog.h"
#include "web/http_errors.h"
#include "web/pages/institution_views.h"
#include "web/pages/pages.h"
#include "web/pages/view_helpers.h"
#include "web/portal_data.h"
#include "web/render.h"

namespace planwatch::web::pages {
namespace {

using nlohmann::json;

// A field error in the request's language: the form shows it next to the field.
struct FieldProblem {
    std::string field;
    std::string message;
    int status = 422;
};

// What the service said, in words for the person at the form.
FieldProblem Explain(const Status& status, const RequestContext& ctx) {
    FieldProblem problem{.field = status.where().field, .message = status.message(),
                         .status = HttpStatus(status.code())};
    const std::string& field = problem.field;
    const StatusCode code = status.code();
    if (field == "name" && code == StatusCode::kInvalidArgument) problem.message = ctx.t().Get("admininst_err_name");
    if ((field == "name" || field == "aliases") && code == StatusCode::kConflict) {
        problem.message = ctx.t().Format("admininst_err_taken", {{"detail", status.message()}});
    }
    if (field == "parent" && code == StatusCode::kInvalidArgument) problem.message = ctx.t().Get("admininst_err_cycle");
    if (field == "parent" && code == StatusCode::kNotFound) problem.message = ctx.t().Get("admininst_err_parent");
    if (field == "into" && code == StatusCode::kInvalidArgument) problem.message = ctx.t().Get("merge_err_same");
    if ((field == "into" || field == "from") && code == StatusCode::kNotFound) {
        problem.message = ctx.t().Get("merge_err_unknown");
    }
    return problem;
}

// An id typed into a form: empty is none; anything but a positive integer is
// refused with the field named.
StatusOr<std::optional<int64_t>> OptionalId(const Params& form, const std::string& name, const RequestContext& ctx) {
    const std::string text = First(form, name);
    if (text.empty()) return std::optional<int64_t>();
    StatusOr<int64_t> id = services::ParsePlanId(text);
    if (!id.ok() || *id <= 0) {
        return Status(StatusCode::kInvalidArgument, ctx.t().Get("merge_err_id"), SourcePosition{.field = name});
    }
    return std::optional<int64_t>(*id);
}

std::string Label(const storage::InstitutionRecord& record) {
    const domain::Institution& i = record.institution;
    return i.acronym.empty() ? i.name : i.name + " (" + i.acronym + ")";
}

json Options(const std::vector<storage::InstitutionRecord>& records, std::optional<int64_t> selected,
             std::optional<int64_t> skip = std::nullopt) {
    json options = json::array();
    for (const storage::InstitutionRecord& record : records) {
        const int64_t id = record.institution.id.value_or(0);
        if (skip && id == *skip) continue;
        options.push_back({{"id", id}, {"label", Label(record)}, {"selected", selected && *selected == id}});
    }
    return options;
}

// ---- The coordinator's screen -------------------------------------------------------------

struct MergeForm {
    std::optional<int64_t> from;
    std::optional<int64_t> into;
    std::optional<FieldProblem> problem;
};

json PreviewJson(const services::MergePreview& preview, const RequestContext& ctx) {
    static const std::pair<const char*, const char*> kMoves[] = {
        {"plan_institution", "merge_move_plans"},     {"responsibility", "merge_move_responsibilities"},
        {"progress_report", "merge_move_reports"},    {"app_user", "merge_move_users"},
        {"institution", "merge_move_units"},          {"need", "merge_move_needs"},
        {"round_reopening", "merge_move_reopenings"}, {"reminder_outbox", "merge_move_reminders"},
        {"institution_alias", "merge_move_aliases"},
    };
    json moves = json::array();
    for (const auto& [table, key] : kMoves) {
        auto count = preview.references.find(table);
        moves.push_back({{"label", ctx.t().Get(key)}, {"count", count == preview.references.end() ? 0 : count->second}});
    }
    return {{"sentence", ctx.t().Format("merge_sentence", {{"from", preview.from.institution.name},
                                                          {"into", preview.into.institution.name}})},
            {"moves", moves},
            {"new_aliases", preview.new_aliases},
            {"has_new_aliases", !preview.new_aliases.empty()},
            {"from_id", preview.from.institution.id.value_or(0)},
            {"into_id", preview.into.institution.id.value_or(0)}};
}

Response MergePage(const Request& request, RequestContext& ctx, MergeForm form, json view) {
    StatusOr<std::vector<storage::InstitutionRecord>> all = ctx.services.registry().SearchInstitutions("");
    if (!all.ok()) return ErrorPage(all.status(), request, ctx);
    int status = 200;
    if (!form.problem && form.from && form.into) {
        StatusOr<services::MergePreview> preview =
            ctx.services.registry().PreviewMerge(*form.from, *form.into, ActorOf(ctx));
        if (preview.ok()) {
            view["preview"] = PreviewJson(*preview, ctx);
        } else {
            form.problem = Explain(preview.status(), ctx);
        }
    }
    if (form.problem) {
        status = form.problem->status;
        view[form.problem->field == "from" ? "from_error" : "into_error"] = form.problem->message;
    }
    json review = json::array();
    for (const storage::InstitutionRecord& record : *all) {
        if (record.reviewed) continue;
        const int64_t id = record.institution.id.value_or(0);
        review.push_back({{"id", id},
                          {"name", record.institution.name},
                          {"acronym", record.institution.acronym},
                          {"href", InstitutionHref(id, ctx)},
                          {"plans", record.plans},
                          {"leads", record.leads},
                          {"partners", record.partners},
                          {"merge_href", WithLang("/coordinate/institutions", ctx) + "&from=" + std::to_string(id) + "#merge"}});
    }
    view["review"] = review;
    view["has_review"] = !review.empty();
    view["review_count"] = static_cast<int>(review.size());
    view["from_options"] = Options(*all, form.from);
    view["into_options"] = Options(*all, form.into);
    PageMeta meta{.title = ctx.t().Get("merge_title"),
                  .nav = "coordinate",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)},
                                  {ctx.t().Get("coord_title"), WithLang("/coordinate", ctx)},
                                  {ctx.t().Get("merge_title"), ""}},
                  .status = status};
    return RenderPage("coordinate_institutions", std::move(view), meta, request, ctx);
}

// ---- The administrator's screens ---------------------------------------------------------

storage::InstitutionEdit EditFromForm(const Params& form) {
    storage::InstitutionEdit edit{.name = First(form, "name"), .acronym = First(form, "acronym"),
                                  .kind = First(form, "kind")};
    const std::string aliases = First(form, "aliases");  // one per line
    for (size_t start = 0; start <= aliases.size();) {
        size_t end = aliases.find('\n', start);
        if (end == std::string::npos) end = aliases.size();
        edit.aliases.push_back(aliases.substr(start, end - start));
        start = end + 1;
    }
    // The address first, then the contact lines: the layout imports store.
    std::string address = text::Normalize(First(form, "address"));
    std::string contacts = text::Normalize(First(form, "contacts"), /*keep_newlines=*/true);
    edit.contact = address.empty() ? contacts : contacts.empty() ? address : address + "\n" + contacts;
    return edit;
}

json FormFields(const storage::InstitutionEdit& edit, const std::string& raw_parent) {
    std::string aliases;
    for (const std::string& alias : edit.aliases) {
        if (!alias.empty()) aliases += (aliases.empty() ? "" : "\n") + alias;
    }
    const size_t first_break = edit.contact.find('\n');
    return {{"form_name", edit.name},
            {"form_acronym", edit.acronym},
            {"form_aliases", aliases},
            {"form_address", edit.contact.substr(0, first_break)},
            {"form_contacts", first_break == std::string::npos ? "" : edit.contact.substr(first_break + 1)},
            {"form_kind", edit.kind},
            {"form_parent", raw_parent}};
}

Response InstitutionForm(const Request& request, RequestContext& ctx, std::optional<int64_t> id,
                         const storage::InstitutionEdit& edit, const std::string& raw_parent,
                         const std::optional<FieldProblem>& problem, const std::string& flash) {
    StatusOr<std::vector<storage::InstitutionRecord>> all = ctx.services.registry().SearchInstitutions("");
    if (!all.ok()) return ErrorPage(all.status(), request, ctx);
    json view = FormFields(edit, raw_parent);
    json kinds = json::array();
    bool known_kind = false;
    for (const std::string& kind : services::InstitutionKinds()) {
        known_kind = known_kind || kind == edit.kind;
        kinds.push_back({{"value", kind},
                         {"label", kind.empty() ? ctx.t().Get("admininst_no_kind") : KindLabel(kind, ctx)},
                         {"selected", kind == edit.kind}});
    }
    if (!known_kind) kinds.push_back({{"value", edit.kind}, {"label", edit.kind}, {"selected", true}});
    view["kinds"] = kinds;
    std::optional<int64_t> parent;
    if (StatusOr<int64_t> parsed = services::ParsePlanId(raw_parent); parsed.ok()) parent = *parsed;
    view["parents"] = Options(*all, parent, id);
    const std::string heading = id ? ctx.t().Format("admininst_edit", {{"name", edit.name}}) : ctx.t().Get("admininst_add");
    view["heading"] = heading;
    view["action"] = id ? "/admin/institutions/" + std::to_string(*id) + "?lang=" + ctx.lang
                        : "/admin/institutions?lang=" + ctx.lang;
    if (id) view["view_href"] = InstitutionHref(*id, ctx);
    int status = 200;
    if (problem) {
        status = problem->status;
        const std::string field = problem->field.empty() ? "name" : problem->field;
        view[field + "_error"] = problem->message;
        view["error"] = problem->message;
        view["error_anchor"] = "inst-" + field;
    }
    PageMeta meta{.title = heading,
                  .nav = "admin",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)},
                                  {ctx.t().Get("admin_title"), WithLang("/admin", ctx)},
                                  {ctx.t().Get("admininst_title"), WithLang("/admin/institutions", ctx)},
                                  {heading, ""}},
                  .flash = flash,
                  .status = status};
    return RenderPage("admin_institution_form", std::move(view), meta, request, ctx);
}

}  // namespace

Response CoordinateInstitutions(const Request& request, RequestContext& ctx) {
    MergeForm form;
    json view = json::object();
    Params query = request.QueryParams();
    for (const char* field : {"from", "into"}) {
        StatusOr<std::optional<int64_t>> id = OptionalId(query, field, ctx);
        if (!id.ok()) {
            form.problem = FieldProblem{.field = field, .message = id.status().message(), .status = 422};
            continue;
        }
        (std::string(field) == "from" ? form.from : form.into) = *id;
    }
    if (request.Query("done") == "confirmed") view["confirmed"] = true;
    if (request.Query("done") == "merged") {
        StatusOr<std::optional<int64_t>> into = OptionalId(query, "merged", ctx);
        if (into.ok() && *into) {
            StatusOr<services::InstitutionProfile> merged = ctx.services.registry().GetInstitution(**into);
            if (merged.ok()) {
                view["merged"] = {{"name", merged->record.institution.name}, {"href", InstitutionHref(**into, ctx)}};
            }
        }
    }
    return MergePage(request, ctx, std::move(form), std::move(view));
}

Response MergeInstitutionsForm(const Request& request, RequestContext& ctx) {
    Params form = ParseUrlEncoded(request.body);
    MergeForm merge;
    for (const char* field : {"from", "into"}) {
        StatusOr<std::optional<int64_t>> id = OptionalId(form, field, ctx);
        if (id.ok() && !*id) id = Status(StatusCode::kInvalidArgument, ctx.t().Get("merge_err_id"), SourcePosition{.field = field});
        if (!id.ok()) {
            merge.problem = FieldProblem{.field = field, .message = id.status().message(), .status = 422};
            return MergePage(request, ctx, std::move(merge), json::object());
        }
        (std::string(field) == "from" ? merge.from : merge.into) = *id;
    }
    StatusOr<storage::InstitutionRecord> merged = ctx.services.registry().Merge(*merge.from, *merge.into, ActorOf(ctx));
    if (!merged.ok()) {
        merge.problem = Explain(merged.status(), ctx);
        return MergePage(request, ctx, std::move(merge), json::object());
    }
    ctx.portal.Invalidate();
    return SeeOther(WithLang("/coordinate/institutions", ctx) + "&done=merged&merged=" + std::to_string(*merge.into));
}

Response ConfirmInstitutionForm(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorPage(Status(StatusCode::kNotFound, id.status().message()), request, ctx);
    Status confirmed = ctx.services.registry().Confirm(*id, ActorOf(ctx));
    if (!confirmed.ok()) return ErrorPage(confirmed, request, ctx);
    return SeeOther(WithLang("/coordinate/institutions", ctx) + "&done=confirmed#review-list");
}

Response AdminInstitutions(const Request& request, RequestContext& ctx) {
    const std::string q = request.Query("q");
    StatusOr<std::vector<storage::InstitutionRecord>> found = ctx.services.registry().SearchInstitutions(q);
    if (!found.ok()) return ErrorPage(found.status(), request, ctx);
    json rows = json::array();
    for (const storage::InstitutionRecord& record : *found) {
        const int64_t id = record.institution.id.value_or(0);
        rows.push_back({{"name", record.institution.name},
                        {"acronym", record.institution.acronym},
                        {"kind", KindLabel(record.institution.kind, ctx)},
                        {"parent", record.institution.parent},
                        {"reviewed", ctx.t().Get(record.reviewed ? "admininst_yes" : "admininst_no")},
                        {"plans", record.plans},
                        {"edit_href", WithLang("/admin/institutions/" + std::to_string(id), ctx)}});
    }
    json view = {{"institutions", rows},
                 {"q", q},
                 {"shown_text", ctx.t().Format("admininst_shown", {{"count", std::to_string(rows.size())}})}};
    PageMeta meta{.title = ctx.t().Get("admininst_title"),
                  .nav = "admin",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)},
                                  {ctx.t().Get("admin_title"), WithLang("/admin", ctx)},
                                  {ctx.t().Get("admininst_title"), ""}},
                  .search_q = ""};
    return RenderPage("admin_institutions", std::move(view), meta, request, ctx);
}

Response NewInstitutionForm(const Request& request, RequestContext& ctx) {
    return InstitutionForm(request, ctx, std::nullopt, {}, "", std::nullopt, "");
}

Response AddInstitutionForm(const Request& request, RequestContext& ctx) {
    Params form = ParseUrlEncoded(request.body);
    storage::InstitutionEdit edit = EditFromForm(form);
    StatusOr<std::optional<int64_t>> parent = OptionalId(form, "parent", ctx);
    if (!parent.ok()) return InstitutionForm(request, ctx, std::nullopt, edit, First(form, "parent"), Explain(parent.status(), ctx), "");
    edit.parent_id = *parent;
    StatusOr<int64_t> id = ctx.services.registry().AddInstitution(edit, ActorOf(ctx));
    if (!id.ok()) {
        return InstitutionForm(request, ctx, std::nullopt, edit, First(form, "parent"), Explain(id.status(), ctx), "");
    }
    ctx.portal.Invalidate();
    return SeeOther(WithLang("/admin/institutions/" + std::to_string(*id), ctx) + "&done=added");
}

Response EditInstitutionPage(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorPage(Status(StatusCode::kNotFound, id.status().message()), request, ctx);
    StatusOr<services::InstitutionProfile> profile = ctx.services.registry().GetInstitution(*id);
    if (!profile.ok()) return ErrorPage(profile.status(), request, ctx);
    const domain::Institution& i = profile->record.institution;
    storage::InstitutionEdit edit{.name = i.name, .acronym = i.acronym, .aliases = i.aliases, .kind = i.kind,
                                  .parent_id = profile->record.parent_id, .contact = i.contact};
    const std::string done = request.Query("done");
    std::string flash = done == "added" ? ctx.t().Get("admininst_added") : done == "saved" ? ctx.t().Get("admininst_saved") : "";
    return InstitutionForm(request, ctx, *id, edit,
                           profile->record.parent_id ? std::to_string(*profile->record.parent_id) : "", std::nullopt,
                           flash);
}

Response SaveInstitutionForm(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorPage(Status(StatusCode::kNotFound, id.status().message()), request, ctx);
    Params form = ParseUrlEncoded(request.body);
    storage::InstitutionEdit edit = EditFromForm(form);
    StatusOr<std::optional<int64_t>> parent = OptionalId(form, "parent", ctx);
    if (!parent.ok()) return InstitutionForm(request, ctx, *id, edit, First(form, "parent"), Explain(parent.status(), ctx), "");
    edit.parent_id = *parent;
    Status saved = ctx.services.registry().EditInstitution(*id, edit, ActorOf(ctx));
    if (!saved.ok()) {
        // An unknown entry has no form to come back to.
        if (saved.code() == StatusCode::kNotFound && saved.where().field.empty()) return ErrorPage(saved, request, ctx);
        return InstitutionForm(request, ctx, *id, edit, First(form, "parent"), Explain(saved, ctx), "");
    }
    ctx.portal.Invalidate();
    return SeeOther(WithLang("/admin/institutions/" + std::to_string(*id), ctx) + "&done=saved");
}

}  // namespace planwatch::web::pages
