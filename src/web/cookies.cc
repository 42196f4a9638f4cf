#include "web/cookies.h"

#include <sodium.h>

namespace planwatch::web {

std::string SessionCookie(const std::string& value, int max_age_seconds, bool secure) {
    return std::string(kSessionCookie) + "=" + value + "; Path=/; Max-Age=" + std::to_string(max_age_seconds) +
           "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
}

std::string CsrfCookie(const std::string& value, bool secure) {
    return std::string(kCsrfCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

std::string LangCookie(const std::string& language, bool secure) {
    return std::string(kLangCookie) + "=" + language + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax" +
           (secure ? "; Secure" : "");
}

void EnsureVisitorCsrf(RequestContext& ctx) {
    if (!ctx.csrf.empty()) return;
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    ctx.csrf = hex;
    ctx.headers.emplace_back("Set-Cookie", CsrfCookie(ctx.csrf, ctx.options.secure_cookies));
}

}  // namespace planwatch::web
