#pragma once
// The cookies the web application sets, with their attributes in one place.
#include <string>

#include "web/context.h"

namespace planwatch::web {

inline constexpr char kSessionCookie[] = "pw_session";  // the session secret
inline constexpr char kCsrfCookie[] = "pw_csrf";        // CSRF token of visitors without a session
inline constexpr char kLangCookie[] = "pw_lang";        // the chosen interface language

// HttpOnly, SameSite=Lax, Path=/, Secure when secure; max_age 0 deletes it.
std::string SessionCookie(const std::string& value, int max_age_seconds, bool secure);
// Visitors' CSRF token: HttpOnly, SameSite=Strict, for the session of the browser.
std::string CsrfCookie(const std::string& value, bool secure);
// The language: a year, SameSite=Lax; readable by nothing but the server too.
std::string LangCookie(const std::string& language, bool secure);

// Gives a visitor without a session a CSRF token (and its cookie) when the page
// about to be shown has a form; a no-op when ctx.csrf is already set.
void EnsureVisitorCsrf(RequestContext& ctx);

}  // namespace planwatch::web
