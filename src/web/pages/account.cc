// Sign in and out. The session cookie holds a random secret (only its SHA-256
// is stored); it is HttpOnly, SameSite=Lax, and Secure when served over TLS.
#include "web/cookies.h"
#include "web/http_errors.h"
#include "web/pages/pages.h"
#include "web/pages/view_helpers.h"
#include "web/render.h"

namespace planwatch::web::pages {
namespace {

// Only paths of this site: "/plans/1", never "//evil.example" or "https://…".
std::string SafeNext(const std::string& next) {
    if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\') return next;
    return "";
}

std::string HomeOf(const domain::User& user) {
    switch (user.role) {
        case domain::Role::kReporter: return "/my";
        case domain::Role::kCoordinator: return "/coordinate";
        case domain::Role::kAdmin: return "/admin";
        case domain::Role::kPublic: return "/";
    }
    return "/";
}

Response SignInPage(const Request& request, RequestContext& ctx, const std::string& email, const std::string& error,
                    int status) {
    EnsureVisitorCsrf(ctx);
    nlohmann::json view = {{"email", email},
                           {"error", error},
                           {"next", SafeNext(request.IsForm() ? First(ParseUrlEncoded(request.body), "next")
                                                              : request.Query("next"))}};
    PageMeta meta{.title = ctx.t().Get("signin_title"),
                  .nav = "signin",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)}, {ctx.t().Get("sign_in"), ""}},
                  .status = status};
    return RenderPage("signin", std::move(view), meta, request, ctx);
}

}  // namespace

Response SignInForm(const Request& request, RequestContext& ctx) {
    if (ctx.user && !ctx.bearer) return SeeOther(WithLang(HomeOf(*ctx.user), ctx));
    return SignInPage(request, ctx, "", "", 200);
}

Response SignIn(const Request& request, RequestContext& ctx) {
    Params form = ParseUrlEncoded(request.body);
    const std::string email = First(form, "email");
    StatusOr<services::NewSession> session = ctx.services.sessions().SignIn(email, First(form, "password"));
    if (!session.ok()) {
        if (session.status().code() == StatusCode::kPermissionDenied) {
            return SignInPage(request, ctx, email, ctx.t().Get("signin_locked"), 429);
        }
        if (session.status().code() == StatusCode::kUnauthenticated) {
            return SignInPage(request, ctx, email, ctx.t().Get("signin_failed"), 401);
        }
        return ErrorPage(session.status(), request, ctx);
    }
    std::string next = SafeNext(First(form, "next"));
    Response response = SeeOther(next.empty() ? WithLang(HomeOf(session->user), ctx) : next);
    response.headers.emplace_back(
        "Set-Cookie", SessionCookie(session->secret, ctx.options.session_hours * 3600, ctx.options.secure_cookies));
    return response;
}

Response SignOut(const Request& request, RequestContext& ctx) {
    Status status = ctx.services.sessions().SignOut(request.Cookie(kSessionCookie), ctx.Actor());
    if (!status.ok()) return ErrorPage(status, request, ctx);
    ctx.user.reset();
    Response response = SeeOther(WithLang("/", ctx));
    response.headers.emplace_back("Set-Cookie", SessionCookie("", 0, ctx.options.secure_cookies));
    return response;
}

}  // namespace planwatch::web::pages
