#pragma once
// The administrator's account screen and the coordinator's closing of a round
// (web_staff_suite.cc), through the forms a browser posts, on the server of
// web_suite.h: instantiated beside it in web_test.cc and web_pgtest.cc.
#include <map>
#include <string>

#include "web_suite.h"

namespace planwatch::testing {

// A browser's session: the cookie and the CSRF token its forms carry.
struct FormSession {
    std::string cookie;
    std::string csrf;
    std::map<std::string, std::string> Form() const {
        return {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "text/html"}};
    }
    std::map<std::string, std::string> Json() const {
        return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Content-Type", "application/json"}};
    }
};

class WebStaff : public WebEndToEnd {
protected:
    // Signs in through the form; status is what POST /signin answered (303 when it worked).
    static FormSession SignIn(const std::string& email, const std::string& password, int* status = nullptr);
};

}  // namespace planwatch::testing
