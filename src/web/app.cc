#include "web/app.h"

#include <sodium.h>

#include <ctime>
#include <optional>

#include "web/cookies.h"
#include "web/http_errors.h"
#include "web/render.h"
#include "web/routes.h"
#include "web/static_files.h"

namespace planwatch::web {
namespace {

constexpr size_t kMaxCacheEntries = 512;

// No inline script or style anywhere; frames refused; forms only to ourselves.
constexpr char kContentSecurityPolicy[] =
    "default-src 'self'; frame-ancestors 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'";

bool IsWrite(const std::string& method) { return method != "GET" && method != "HEAD"; }

// Constant-time comparison, so a forged token learns nothing from timing.
bool SameToken(const std::string& a, const std::string& b) {
    return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool IsApiPath(const std::string& path) { return path.rfind("/api/", 0) == 0; }

// Errors come as JSON to API paths and to clients that do not ask for HTML
// (curl, scripts); browsers, which send Accept: text/html, get a page.
bool WantsJson(const Request& request) {
    return IsApiPath(request.path) || request.Header("accept").find("text/html") == std::string::npos;
}

// A page that needs a session sends visitors to sign in; everything else
// answers with the error, as JSON or as a page.
Response Failure(const Status& status, const Request& request, RequestContext& ctx) {
    if (status.code() == StatusCode::kUnauthenticated && request.method == "GET" && !IsApiPath(request.path)) {
        return SeeOther(WithLang("/signin?next=" + UrlEncode(request.path), ctx));
    }
    if (WantsJson(request)) return ErrorResponse(status);
    return ErrorPage(status, request, ctx);
}

}  // namespace

App::App(services::Services& services, AppOptions options)
    : services_(services), options_(std::move(options)), portal_(services) {
    if (sodium_init() < 0) {
        // libsodium only fails to initialise without a random source; nothing is safe then.
        std::abort();
    }
}

domain::CivilDate App::Today() const {
    if (options_.today) return *options_.today;
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return domain::CivilDate{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Status App::Authenticate(const Request& request, RequestContext& ctx) {
    const std::string authorization = request.Header("authorization");
    if (authorization.rfind("Bearer ", 0) == 0) {
        PW_ASSIGN_OR_RETURN(std::optional<domain::User> user,
                            services_.sessions().FindTokenUser(authorization.substr(7)));
        if (!user) return Status(StatusCode::kUnauthenticated, "the API token is not valid");
        ctx.user = std::move(user);
        ctx.bearer = true;
        return Status::Ok();
    }
    const std::string secret = request.Cookie(kSessionCookie);
    if (!secret.empty()) {
        PW_ASSIGN_OR_RETURN(std::optional<storage::SessionRecord> session, services_.sessions().Find(secret));
        if (session) {
            ctx.user = session->user;
            ctx.csrf = session->csrf_token;
            ctx.session_hash = session->token_sha256;
            return Status::Ok();
        }
        // An expired or unknown session: carry on as a visitor and drop the cookie.
        ctx.headers.emplace_back("Set-Cookie", SessionCookie("", 0, options_.secure_cookies));
    }
    // Visitors' CSRF token lives in an HttpOnly cookie, made by the pages that
    // show a form (EnsureVisitorCsrf), so plain page views set no cookie.
    ctx.csrf = request.Cookie(kCsrfCookie);
    if (ctx.csrf.size() != 64) ctx.csrf.clear();
    return Status::Ok();
}

bool App::WritesDocuments(const Request& request) const {
    std::map<std::string, std::string> params;
    const web::Route* route = MatchRoute(request.method == "HEAD" ? "GET" : request.method, request.path, params);
    return route != nullptr && route->pool == Pool::kDocuments;
}

Response App::Route(Request& request, RequestContext& ctx) {
    bool path_known = false;
    const web::Route* route = MatchRoute(request.method == "HEAD" ? "GET" : request.method, request.path,
                                         request.path_params, &path_known);
    if (!route) {
        if (path_known) {
            Response response = ErrorResponse(Status(StatusCode::kMalformed, request.method + " is not allowed here"));
            response.status = 405;
            return response;
        }
        return Failure(Status(StatusCode::kNotFound, "no such page: " + request.path), request, ctx);
    }
    const bool multipart = request.Header("content-type").rfind("multipart/form-data", 0) == 0;
    const size_t limit = multipart ? options_.max_upload_bytes : options_.max_form_bytes;
    if (request.body.size() > limit) {
        return Failure(Status(StatusCode::kTooLarge, "the request body is larger than " + std::to_string(limit) +
                                                         " bytes"),
                       request, ctx);
    }
    if (Status status = Authenticate(request, ctx); !status.ok()) return Failure(status, request, ctx);
    if (!Allows(route->access, ctx.user)) {
        const bool anonymous = !ctx.user;
        return Failure(Status(anonymous ? StatusCode::kUnauthenticated : StatusCode::kPermissionDenied,
                              anonymous ? "sign in first" : "your role may not do this"),
                       request, ctx);
    }
    // Token holders send no cookies, so a forged cross-site form cannot act for
    // them; every cookie-borne write must echo its CSRF token.
    if (IsWrite(request.method) && !ctx.bearer) {
        std::string sent = request.Header("x-csrf-token");
        if (sent.empty() && request.IsForm()) sent = First(ParseUrlEncoded(request.body), "csrf");
        if (sent.empty() && multipart) {
            StatusOr<std::vector<FormPart>> parts = ParseMultipart(request.Header("content-type"), request.body);
            if (parts.ok()) {
                for (const FormPart& part : *parts) {
                    if (part.name == "csrf") sent = part.data;
                }
            }
        }
        if (!SameToken(sent, ctx.csrf)) {
            return Failure(Status(StatusCode::kPermissionDenied, ctx.t().Get("csrf_failed")), request, ctx);
        }
    }
    Response response = route->handler(request, ctx);
    if (IsWrite(request.method) && response.status < 400) {
        portal_.Invalidate();
        std::lock_guard lock(cache_mutex_);
        ++generation_;
        cache_.clear();
    }
    return response;
}

void App::AddSecurityHeaders(Response& response, bool cacheable) const {
    response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    response.headers.emplace_back("Referrer-Policy", "same-origin");
    response.headers.emplace_back("X-Frame-Options", "DENY");
    if (options_.secure_cookies) {
        response.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
    }
    bool has_cache_control = false;
    for (const auto& [name, value] : response.headers) has_cache_control |= name == "Cache-Control";
    if (!has_cache_control) {
        response.headers.emplace_back("Cache-Control", cacheable ? "public, max-age=5" : "no-store");
        response.headers.emplace_back("Vary", "Cookie, Accept-Language, Authorization");
    }
}

Response App::Handle(Request& request) {
    if (request.path.rfind("/static/", 0) == 0 && (request.method == "GET" || request.method == "HEAD")) {
        std::optional<Response> file = ServeStatic(request.path, request.Header("if-none-match"));
        Response response = file ? std::move(*file) : ErrorResponse(Status(StatusCode::kNotFound, "no such file"));
        AddSecurityHeaders(response, true);
        return response;
    }
    RequestContext ctx{.services = services_, .portal = portal_, .uploads = uploads_, .options = options_, .today = Today()};
    ctx.lang = NegotiateLanguage(request.Query("lang"), request.Cookie(kLangCookie), request.Header("accept-language"));
    ctx.messages = &MessagesFor(ctx.lang);

    // Visitors without cookies or tokens asking for a public page: the cached answer if fresh.
    const bool anonymous_get = request.method == "GET" && request.Header("cookie").empty() &&
                               request.Header("authorization").empty() && request.Header("hx-request").empty();
    const std::string cache_key = ctx.lang + " " + request.path + "?" + request.query;
    // A write by another process (the CLI) shows as a newer audit stamp; without one, no caching.
    std::optional<int64_t> stamp;
    if (anonymous_get) {
        StatusOr<int64_t> newest = portal_.Refresh();
        if (newest.ok()) stamp = *newest;
    }
    if (stamp) {
        std::lock_guard lock(cache_mutex_);
        auto it = cache_.find(cache_key);
        if (it != cache_.end() && it->second.generation == generation_ && it->second.stamp == *stamp &&
            std::chrono::steady_clock::now() - it->second.made < kCacheAge) {
            return it->second.response;
        }
    }
    uint64_t generation_at_start = 0;
    {
        std::lock_guard lock(cache_mutex_);
        generation_at_start = generation_;
    }
    Response response = Route(request, ctx);
    const std::string chosen = request.Query("lang");
    if (IsLanguage(chosen) && chosen != request.Cookie(kLangCookie)) {
        ctx.headers.emplace_back("Set-Cookie", LangCookie(chosen, options_.secure_cookies));
    }
    for (auto& header : ctx.headers) response.headers.push_back(std::move(header));
    bool sets_cookie = false;
    for (const auto& [name, value] : response.headers) sets_cookie |= name == "Set-Cookie";
    const bool cacheable = stamp && response.status == 200 && !sets_cookie;
    AddSecurityHeaders(response, cacheable);
    if (cacheable) {
        if (!response.shared_body) response.shared_body = std::make_shared<const std::string>(std::move(response.body));
        response.body.clear();
        std::lock_guard lock(cache_mutex_);
        if (generation_at_start == generation_) {
            if (cache_.size() >= kMaxCacheEntries) cache_.clear();
            cache_[cache_key] = Cached{response, std::chrono::steady_clock::now(), generation_, *stamp};
        }
    }
    return response;
}

}  // namespace planwatch::web
