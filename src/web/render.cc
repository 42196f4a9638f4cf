#include "web/render.h"

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>

#include "common/resources.h"
#include "web/http_errors.h"
#include "web/routes.h"
#include "web/static_files.h"

namespace planwatch::web {
namespace {

namespace mu = kainjow::mustache;

// Mustache treats false and empty lists as absent; an empty string becomes
// false too, so {{#field}}…{{/field}} hides empty fields. Numbers print as JSON does.
mu::data ToData(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: {
            mu::data object{mu::data::type::object};
            for (auto it = value.begin(); it != value.end(); ++it) object.set(it.key(), ToData(it.value()));
            return object;
        }
        case nlohmann::json::value_t::array: {
            mu::data list{mu::data::type::list};
            for (const nlohmann::json& item : value) list.push_back(ToData(item));
            return list;
        }
        case nlohmann::json::value_t::string: {
            const std::string& text = value.get_ref<const std::string&>();
            return text.empty() ? mu::data(false) : mu::data(text);
        }
        case nlohmann::json::value_t::boolean: return mu::data(value.get<bool>());
        case nlohmann::json::value_t::null:
        case nlohmann::json::value_t::discarded: return mu::data(false);
        default: return mu::data(value.dump());
    }
}

// Parsed templates, per thread: kainjow's render() keeps state in the object.
StatusOr<mu::mustache*> Template(const std::string& path) {
    thread_local std::map<std::string, std::unique_ptr<mu::mustache>> cache;
    auto it = cache.find(path);
    if (it != cache.end()) return it->second.get();
    std::optional<std::string_view> text = resources::Find("web/templates/" + path);
    if (!text) return Internal("template web/templates/" + path + " is not in the binary");
    auto parsed = std::make_unique<mu::mustache>(std::string(*text));
    if (!parsed->is_valid()) return Internal("template " + path + ": " + parsed->error_message());
    return cache.emplace(path, std::move(parsed)).first->second.get();
}

struct NavItem {
    const char* id;
    const char* href;
    const char* key;
    Access access;
};

constexpr NavItem kNav[] = {
    {"plans", "/", "nav_plans", Access::kPublic},
    {"institutions", "/institutions", "nav_institutions", Access::kPublic},
    {"services", "/services", "nav_services", Access::kPublic},
    {"search", "/search", "nav_search", Access::kPublic},
    {"my", "/my", "nav_my_institution", Access::kReporter},
    {"coordinate", "/coordinate", "nav_coordination", Access::kCoordinator},
    {"admin", "/admin", "nav_admin", Access::kAdmin},
};

bool ShowsNav(Access access, const std::optional<domain::User>& user) {
    if (access == Access::kPublic) return true;
    if (!user) return false;
    switch (access) {
        case Access::kReporter: return user->role == domain::Role::kReporter;
        case Access::kCoordinator: return user->role == domain::Role::kCoordinator || user->role == domain::Role::kAdmin;
        case Access::kAdmin: return user->role == domain::Role::kAdmin;
        default: return true;
    }
}

// The current URL with lang replaced, for the language switch.
std::string LanguageHref(const Request& request, const std::string& code) {
    std::string query;
    for (const auto& [name, value] : request.QueryParams()) {
        if (name == "lang") continue;
        query += (query.empty() ? "" : "&") + UrlEncode(name) + "=" + UrlEncode(value);
    }
    query += (query.empty() ? "" : "&") + std::string("lang=") + code;
    return request.path + "?" + query;
}

const char* LanguageName(const std::string& code) {
    if (code == "sl") return "Slovenščina";
    if (code == "en") return "English";
    return "Română";
}

nlohmann::json LayoutView(const PageMeta& meta, const Request& request, RequestContext& ctx) {
    nlohmann::json layout;
    layout["lang"] = ctx.lang;
    layout["title"] = meta.title;
    layout["search_q"] = meta.search_q;
    layout["csrf"] = ctx.csrf;
    layout["assets"] = {
        {"uswds_css", AssetUrl("vendor/uswds/css/uswds.min.css")},
        {"app_css", AssetUrl("css/planwatch.css")},
        {"uswds_init_js", AssetUrl("vendor/uswds/js/uswds-init.min.js")},
        {"uswds_js", AssetUrl("vendor/uswds/js/uswds.min.js")},
        {"htmx_js", AssetUrl("vendor/htmx/htmx.min.js")},
        {"close_svg", AssetUrl("vendor/uswds/img/usa-icons/close.svg")},
        {"favicon", AssetUrl("img/favicon.svg")},
    };
    nlohmann::json nav = nlohmann::json::array();
    for (const NavItem& item : kNav) {
        if (!ShowsNav(item.access, ctx.user)) continue;
        nav.push_back({{"href", WithLang(item.href, ctx)}, {"label", ctx.t().Get(item.key)}, {"current", meta.nav == item.id}});
    }
    layout["nav"] = nav;
    nlohmann::json languages = nlohmann::json::array();
    nlohmann::json alternates = nlohmann::json::array();
    for (const std::string& code : Languages()) {
        std::string href = LanguageHref(request, code);
        languages.push_back({{"code", code}, {"label", LanguageName(code)}, {"href", href}, {"current", code == ctx.lang}});
        alternates.push_back({{"code", code}, {"href", href}});
    }
    layout["languages"] = languages;
    layout["alternates"] = alternates;
    if (ctx.user && !ctx.bearer) {
        layout["user"] = {{"email", ctx.user->email},
                          {"role_label", ctx.t().Get(std::string("role_") + domain::Name(ctx.user->role))}};
    }
    nlohmann::json crumbs = nlohmann::json::array();
    for (const Crumb& crumb : meta.breadcrumbs) crumbs.push_back({{"label", crumb.label}, {"href", crumb.href}});
    layout["breadcrumbs"] = crumbs;
    layout["has_breadcrumbs"] = !crumbs.empty();
    if (!meta.flash.empty()) layout["flash"] = {{"text", meta.flash}, {"kind", meta.flash_kind}};
    return layout;
}

nlohmann::json MessagesView(const Messages& messages) {
    nlohmann::json t = nlohmann::json::object();
    for (const auto& [key, value] : messages.entries()) t[key] = value;
    return t;
}

const nlohmann::json& CachedMessagesView(const std::string& lang) {
    static const std::map<std::string, nlohmann::json> views = [] {
        std::map<std::string, nlohmann::json> all;
        for (const std::string& code : Languages()) all.emplace(code, MessagesView(MessagesFor(code)));
        return all;
    }();
    return views.at(IsLanguage(lang) ? lang : std::string(kDefaultLanguage));
}

Response HtmlResponse(int status, std::string body) {
    return Response{.status = status, .content_type = "text/html; charset=utf-8", .body = std::move(body)};
}

}  // namespace

StatusOr<std::string> RenderTemplate(const std::string& path, const nlohmann::json& view) {
    PW_ASSIGN_OR_RETURN(mu::mustache * tmpl, Template(path));
    std::string out = tmpl->render(ToData(view));
    if (!tmpl->is_valid()) return Internal("template " + path + ": " + tmpl->error_message());
    return out;
}

std::string WithLang(const std::string& path, const RequestContext& ctx) {
    return path + (path.find('?') == std::string::npos ? "?" : "&") + "lang=" + ctx.lang;
}

Response RenderPage(const std::string& name, nlohmann::json view, const PageMeta& meta, const Request& request,
                    RequestContext& ctx) {
    const nlohmann::json& t = CachedMessagesView(ctx.lang);
    view["t"] = t;
    view["lang"] = ctx.lang;
    view["csrf"] = ctx.csrf;
    StatusOr<std::string> content = RenderTemplate("pages/" + name + ".mustache", view);
    if (!content.ok()) return ErrorResponse(content.status());
    nlohmann::json layout = LayoutView(meta, request, ctx);
    layout["t"] = t;
    layout["content"] = *content;
    StatusOr<std::string> page = RenderTemplate("layout.mustache", layout);
    if (!page.ok()) return ErrorResponse(page.status());
    return HtmlResponse(meta.status, std::move(*page));
}

Response ErrorPage(const Status& status, const Request& request, RequestContext& ctx) {
    const int code = HttpStatus(status.code());
    nlohmann::json view;
    view["status"] = std::to_string(code);
    view["summary"] = ctx.t().Get("error_" + std::to_string(code));
    // Internal details stay in the server's hands; the person gets what they can act on.
    view["detail"] = code >= 500 ? "" : status.message();
    view["alert"] = code >= 500 ? "error" : "warning";
    PageMeta meta{.title = ctx.t().Get("error_title"), .status = code};
    return RenderPage("error", std::move(view), meta, request, ctx);
}

Response SeeOther(const std::string& location) {
    Response response{.status = 303, .content_type = "text/plain; charset=utf-8", .body = ""};
    response.headers.emplace_back("Location", location);
    return response;
}

}  // namespace planwatch::web
