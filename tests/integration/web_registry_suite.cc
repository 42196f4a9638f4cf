// The registry's web screens over HTTP, part of the WebEndToEnd suite (web_suite.h) on SQLite and
// PostgreSQL: the institution page of seed 004's DGASPC Cluj units (organisation chart and yearly
// figures as inline SVG), the coordinator's merge through its forms and the administrator's add and
// edit. Each test changes only institutions the others do not look at: the server is shared.
#include <gmock/gmock.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>

#include "web_registry_suite.h"

namespace planwatch::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kDgaspc[] = "Direcția Generală de Asistență Socială și Protecția Copilului Cluj";
constexpr char kAdults[] = "Direcția protecția persoanelor adulte";
constexpr char kJucu[] = "Centrul de abilitare și reabilitare neuropsihiatrică Jucu";
constexpr char kAdoption[] = "Serviciul adopții și postadopții";

std::string CookieOf(const WebReply& reply, const std::string& name) {
    std::smatch match;
    if (std::regex_search(reply.headers, match, std::regex(name + "=([0-9a-f]+)"))) return match[1];
    return "";
}

// Text as the templates write it inside an element: names from the seeds hold quotes and ampersands.
std::string Html(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

int64_t IdOf(const nlohmann::json& value) {
    return value.is_string() ? std::stoll(value.get<std::string>()) : value.get<int64_t>();
}

// The first inline SVG of a page whose title has this id.
std::string Svg(const std::string& page, const std::string& title_id) {
    size_t title = page.find("<title id=\"" + title_id + "\">");
    if (title == std::string::npos) return "";
    size_t start = page.rfind("<svg", title);
    size_t end = page.find("</svg>", title);
    return start == std::string::npos || end == std::string::npos ? "" : page.substr(start, end + 6 - start);
}

// Every <text> of an SVG, joined by spaces: wrapped names come back whole.
std::string SvgText(const std::string& svg) {
    std::string joined;
    std::regex text("<text[^>]*>([^<]*)</text>");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator(); ++it) {
        joined += (joined.empty() ? "" : " ") + (*it)[1].str();
    }
    return joined;
}

size_t Count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

std::string Form(const std::map<std::string, std::string>& fields) {
    std::string body;
    for (const auto& [name, value] : fields) {
        std::string encoded;
        for (unsigned char c : value) {
            if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
                encoded += static_cast<char>(c);
            } else {
                char hex[4];
                std::snprintf(hex, sizeof hex, "%%%02X", c);
                encoded += hex;
            }
        }
        body += (body.empty() ? "" : "&") + name + "=" + encoded;
    }
    return body;
}

}  // namespace

RegistryWeb::Staff RegistryWeb::SignIn(const std::string& email) {
    const std::string visitor = CookieOf(Get("/signin"), "pw_csrf");
    WebReply reply = Request("POST", "/signin",
                             {{"Cookie", "pw_csrf=" + visitor}, {"Content-Type", "application/x-www-form-urlencoded"}},
                             "csrf=" + visitor + "&email=" + email + "&password=" + passwords_[email]);
    Staff staff{.cookie = "pw_session=" + CookieOf(reply, "pw_session")};
    staff.csrf = nlohmann::json::parse(Get("/api/v1/me", {{"Cookie", staff.cookie}}).body).value("csrf", "");
    return staff;
}

WebReply RegistryWeb::Post(const Staff& staff, const std::string& path, std::map<std::string, std::string> fields) {
    if (!staff.csrf.empty()) fields["csrf"] = staff.csrf;
    return Request("POST", path, {{"Cookie", staff.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                   Form(fields));
}

int64_t RegistryWeb::Id(const std::string& name) {
    for (const nlohmann::json& entry : nlohmann::json::parse(Get("/api/v1/institutions").body)) {
        if (entry["name"] == name) return IdOf(entry["id"]);
    }
    ADD_FAILURE() << "no institution " << name;
    return 0;
}

nlohmann::json RegistryWeb::Entry(int64_t id, int* status) {
    WebReply reply = Get("/api/v1/institutions/" + std::to_string(id) + "/figures");
    if (status) *status = reply.status;
    return reply.status == 200 ? nlohmann::json::parse(reply.body) : nlohmann::json();
}

TEST_P(RegistryWeb, InstitutionPageDrawsTheOrgChartOfSeed004AndItsFigures) {
    const int64_t dgaspc = Id(kDgaspc), adults = Id(kAdults), jucu = Id(kJucu), adoption = Id(kAdoption);
    for (const std::string lang : {"ro", "sl", "en"}) {
        WebReply page = Get("/institutions/" + std::to_string(adults) + "?lang=" + lang);
        ASSERT_EQ(page.status, 200) << lang;
        const std::string svg = Svg(page.body, "org-chart-title");
        ASSERT_FALSE(svg.empty()) << lang;
        EXPECT_THAT(svg, HasSubstr("role=\"img\""));
        EXPECT_THAT(svg, HasSubstr("aria-labelledby=\"org-chart-title org-chart-desc\""));
        EXPECT_THAT(svg, HasSubstr("<desc id=\"org-chart-desc\">"));
        EXPECT_THAT(svg, HasSubstr("aria-describedby=\"org-list\""));
        // DGASPC above, the directorate, and the 15 units seed 004 lists under it: one box each.
        EXPECT_EQ(Count(svg, "<rect"), 17u) << lang;
        const std::string text = SvgText(svg);
        EXPECT_THAT(text, HasSubstr(kDgaspc));
        EXPECT_THAT(text, HasSubstr(kAdults));
        EXPECT_THAT(text, HasSubstr(kJucu));
        // The text alternative links every unit.
        EXPECT_THAT(page.body, HasSubstr("id=\"org-list\""));
        EXPECT_THAT(page.body, HasSubstr("<a href=\"/institutions/" + std::to_string(jucu) + "?lang=" + lang + "\">" +
                                         kJucu + "</a>"));
        EXPECT_THAT(page.body, HasSubstr("<a href=\"/institutions/" + std::to_string(dgaspc) + "?lang=" + lang +
                                         "\">" + kDgaspc + "</a>"));
    }
    const nlohmann::json entry = Entry(adults);
    EXPECT_EQ(entry["children"].size(), 15u);

    // "Serviciul adopții și postadopții": 51 atestate, 27 and 111 copii in 2018 — two charts, one per unit.
    WebReply page = Get("/institutions/" + std::to_string(adoption) + "?lang=en");
    ASSERT_EQ(page.status, 200);
    const std::string org = Svg(page.body, "org-chart-title");
    EXPECT_THAT(SvgText(org), HasSubstr("Aparatul de specialitate al direcției"));
    ASSERT_FALSE(Svg(page.body, "figures-1-title").empty());
    std::string figures_text;
    for (const std::string id : {"figures-1", "figures-2", "figures-3"}) figures_text += SvgText(Svg(page.body, id + "-title")) + " ";
    const nlohmann::json figures = Entry(adoption)["figures"];
    ASSERT_EQ(figures.size(), 3u);
    for (const nlohmann::json& figure : figures) {
        const std::string value = std::to_string(static_cast<int>(figure["value"].get<double>()));
        EXPECT_THAT(figures_text, HasSubstr(" " + value)) << value;  // the number beside its bar
        EXPECT_THAT(page.body, HasSubstr("<td class=\"pw-num\">" + value + "</td>")) << value;  // and in the table
    }
    EXPECT_THAT(page.body, HasSubstr("aria-describedby=\"figures-1-data\""));
    EXPECT_THAT(page.body, HasSubstr("<table class=\"usa-table usa-table--borderless usa-table--compact\" id=\"figures-1-data\">"));
    EXPECT_THAT(page.body, Not(HasSubstr("figures-3-title")));  // atestate and copii: two units, two charts
    EXPECT_EQ(Get("/institutions/999999").status, 404);
}

TEST_P(RegistryWeb, CoordinatorMergesTwoInstitutionsThroughTheFormAndEveryReferenceMoves) {
    ASSERT_EQ(passwords_.size(), 3u);
    const Staff coordinator = SignIn("coordinator@demo.planwatch");
    const Staff reporter = SignIn("reporter@demo.planwatch");
    const int64_t reporter_institution =
        nlohmann::json::parse(Get("/api/v1/me", {{"Cookie", reporter.cookie}}).body).value("institution", int64_t{0});

    // Two institutions with activities that no other test of the suite looks at: the least busy ones.
    std::vector<nlohmann::json> busy;
    for (const nlohmann::json& entry : nlohmann::json::parse(Get("/api/v1/institutions").body)) {
        if (entry["leads"].get<int>() + entry["partners_on"].get<int>() == 0) continue;
        if (IdOf(entry["id"]) == reporter_institution || entry["name"] == "CPECA Cluj") continue;
        busy.push_back(entry);
    }
    ASSERT_GE(busy.size(), 3u);
    std::stable_sort(busy.begin(), busy.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
        return a["leads"].get<int>() + a["partners_on"].get<int>() < b["leads"].get<int>() + b["partners_on"].get<int>();
    });
    const int64_t from = IdOf(busy[0]["id"]), into = IdOf(busy[1]["id"]);
    const std::string from_name = busy[0]["name"], into_name = busy[1]["name"];
    const nlohmann::json from_before = Entry(from), into_before = Entry(into);
    ASSERT_FALSE(from_before.is_null());
    const int from_activities = from_before["leads"].get<int>() + from_before["partners_on"].get<int>();
    const int into_activities = into_before["leads"].get<int>() + into_before["partners_on"].get<int>();
    ASSERT_GT(from_activities, 0);
    const std::string path = "/coordinate/institutions";

    // Only coordinators (and admins) reach the screen and its forms.
    EXPECT_EQ(Get(path, {{"Cookie", reporter.cookie}}).status, 403);
    EXPECT_EQ(Post(reporter, path + "/merge", {{"from", std::to_string(from)}, {"into", std::to_string(into)}}).status, 403);
    EXPECT_EQ(Get(path).status, 303);  // to the sign-in page
    WebReply screen = Get(path + "?lang=en", {{"Cookie", coordinator.cookie}});
    ASSERT_EQ(screen.status, 200);
    EXPECT_THAT(screen.body, HasSubstr(Html(from_name)));  // imported, so still to review
    EXPECT_THAT(Get("/coordinate?lang=en", {{"Cookie", coordinator.cookie}}).body,
                HasSubstr("href=\"/coordinate/institutions?lang=en\""));

    // Refused choices come back with the error next to the field.
    const std::string from_text = std::to_string(from), into_text = std::to_string(into);
    WebReply same = Get(path + "?lang=en&from=" + from_text + "&into=" + from_text, {{"Cookie", coordinator.cookie}});
    EXPECT_EQ(same.status, 422);
    EXPECT_THAT(same.body, HasSubstr("id=\"merge-into-error\">Choose two different institutions"));
    WebReply unknown = Get(path + "?lang=en&from=" + from_text + "&into=999999", {{"Cookie", coordinator.cookie}});
    EXPECT_EQ(unknown.status, 404);
    EXPECT_THAT(unknown.body, HasSubstr("id=\"merge-into-error\""));

    // The confirmation step says what moves.
    WebReply preview = Get(path + "?lang=en&from=" + from_text + "&into=" + into_text, {{"Cookie", coordinator.cookie}});
    ASSERT_EQ(preview.status, 200);
    EXPECT_THAT(preview.body, HasSubstr("action=\"/coordinate/institutions/merge?lang=en\""));
    EXPECT_THAT(preview.body, HasSubstr("<th scope=\"row\">Activities it leads or partners on</th><td class=\"pw-num\">" +
                                        std::to_string(from_activities) + "</td>"));
    EXPECT_THAT(preview.body, HasSubstr("<li>" + Html(from_name) + "</li>"));  // its name becomes an alias

    // A refused POST changes nothing; a forged one (no CSRF token) is refused before that.
    WebReply refused = Post(coordinator, path + "/merge?lang=en", {{"from", from_text}, {"into", from_text}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_THAT(refused.body, HasSubstr("id=\"merge-into-error\""));
    EXPECT_EQ(Post(Staff{.cookie = coordinator.cookie}, path + "/merge", {{"from", from_text}, {"into", into_text}}).status,
              403);
    int status = 0;
    Entry(from, &status);
    EXPECT_EQ(status, 200);

    WebReply merged = Post(coordinator, path + "/merge?lang=en", {{"from", from_text}, {"into", into_text}});
    ASSERT_EQ(merged.status, 303) << merged.body;
    EXPECT_EQ(merged.Header("Location"), path + "?lang=en&done=merged&merged=" + into_text);
    EXPECT_THAT(Get(merged.Header("Location"), {{"Cookie", coordinator.cookie}}).body, HasSubstr(Html(into_name)));

    // The API: the duplicate is gone, its activities, plans and names are the survivor's.
    Entry(from, &status);
    EXPECT_EQ(status, 404);
    EXPECT_EQ(Get("/api/v1/institutions/" + from_text).status, 404);
    const nlohmann::json after = Entry(into);
    const int activities = after["leads"].get<int>() + after["partners_on"].get<int>();
    EXPECT_GE(activities, std::max(from_activities, into_activities));
    EXPECT_LE(activities, from_activities + into_activities);
    std::vector<std::string> aliases = after["aliases"];
    EXPECT_NE(std::find(aliases.begin(), aliases.end(), from_name), aliases.end());
    // The public view lists each of those activities once, though the plan names the survivor twice now.
    const nlohmann::json survivor = nlohmann::json::parse(Get("/api/v1/institutions/" + into_text).body);
    int listed = 0;
    for (const nlohmann::json& plan : survivor["plans"]) {
        listed += static_cast<int>(plan["leads"].size() + plan["partners_on"].size());
    }
    EXPECT_EQ(listed, activities) << survivor.dump();
}

TEST_P(RegistryWeb, AdminAddsAndEditsAnInstitutionAndACycleIsRefused) {
    ASSERT_EQ(passwords_.size(), 3u);
    const Staff admin = SignIn("admin@demo.planwatch");
    const Staff coordinator = SignIn("coordinator@demo.planwatch");
    const Staff reporter = SignIn("reporter@demo.planwatch");
    const std::string path = "/admin/institutions";
    for (const Staff* other : {&coordinator, &reporter}) {
        EXPECT_EQ(Get(path, {{"Cookie", other->cookie}}).status, 403);
        EXPECT_EQ(Get(path + "/new", {{"Cookie", other->cookie}}).status, 403);
        EXPECT_EQ(Post(*other, path, {{"name", "Nu se adaugă"}}).status, 403);
    }
    EXPECT_THAT(Get("/admin?lang=en", {{"Cookie", admin.cookie}}).body, HasSubstr("href=\"/admin/institutions?lang=en\""));
    WebReply search = Get(path + "?lang=en&q=dgaspc", {{"Cookie", admin.cookie}});
    ASSERT_EQ(search.status, 200);
    EXPECT_THAT(search.body, HasSubstr(kDgaspc));
    EXPECT_THAT(search.body, Not(HasSubstr("CPECA Cluj")));

    const int64_t dgaspc = Id(kDgaspc);
    const std::string dgaspc_text = std::to_string(dgaspc);
    auto shown = [&] {
        std::smatch count;
        const std::string body = Get(path + "?lang=en", {{"Cookie", admin.cookie}}).body;
        return std::regex_search(body, count, std::regex("Institutions shown: (\\d+)")) ? std::stoi(count[1]) : -1;
    };
    const int before = shown();
    ASSERT_GT(before, 83);  // seed 004 alone names 83
    WebReply empty = Post(admin, path + "?lang=en", {{"name", "  "}, {"parent", dgaspc_text}});
    EXPECT_EQ(empty.status, 422);
    EXPECT_THAT(empty.body, HasSubstr("id=\"inst-name-error\">Enter the canonical name"));
    EXPECT_EQ(shown(), before);

    WebReply added = Post(admin, path + "?lang=en",
                          {{"name", "Serviciul județean de mediere"}, {"acronym", "SJM"},
                           {"aliases", "Mediere Cluj\r\nSJM Cluj"}, {"kind", "service"}, {"parent", dgaspc_text},
                           {"address", "Cluj-Napoca, str. Dorobanților nr. 10"},
                           {"contacts", "Tel: 0264 111222\r\nmediere@example.ro"}});
    ASSERT_EQ(added.status, 303) << added.body;
    std::smatch match;
    const std::string location = added.Header("Location");
    ASSERT_TRUE(std::regex_search(location, match, std::regex("/admin/institutions/(\\d+)\\?lang=en&done=added")))
        << location;
    const int64_t id = std::stoll(match[1]);
    const std::string id_text = std::to_string(id);
    nlohmann::json entry = Entry(id);
    EXPECT_EQ(entry["name"], "Serviciul județean de mediere");
    EXPECT_EQ(entry["acronym"], "SJM");
    EXPECT_EQ(entry["aliases"], (nlohmann::json{"Mediere Cluj", "SJM Cluj"}));
    EXPECT_EQ(entry["kind"], "service");
    EXPECT_EQ(IdOf(entry["parent"]), dgaspc);
    EXPECT_EQ(entry["contact"], "Cluj-Napoca, str. Dorobanților nr. 10\nTel: 0264 111222\nmediere@example.ro");
    EXPECT_EQ(entry["reviewed"], true);
    WebReply page = Get("/institutions/" + id_text + "?lang=ro");
    ASSERT_EQ(page.status, 200);
    EXPECT_THAT(SvgText(Svg(page.body, "org-chart-title")), HasSubstr(kDgaspc));
    EXPECT_THAT(page.body, HasSubstr("Cluj-Napoca, str. Dorobanților nr. 10<br>Tel: 0264 111222"));

    // DGASPC under its new unit would be a cycle; the unit under itself too; both change nothing.
    const nlohmann::json dgaspc_before = Entry(dgaspc);
    WebReply cycle = Post(admin, path + "/" + dgaspc_text + "?lang=en",
                          {{"name", kDgaspc}, {"acronym", "DGASPC"}, {"parent", id_text}});
    EXPECT_EQ(cycle.status, 422);
    EXPECT_THAT(cycle.body, HasSubstr("id=\"inst-parent-error\">The institution cannot be placed under itself"));
    WebReply self = Post(admin, path + "/" + id_text + "?lang=en", {{"name", "Serviciul județean de mediere"}, {"parent", id_text}});
    EXPECT_EQ(self.status, 422);
    WebReply unknown = Post(admin, path + "/" + id_text + "?lang=en", {{"name", "Serviciul județean de mediere"}, {"parent", "999999"}});
    EXPECT_EQ(unknown.status, 404);
    EXPECT_THAT(unknown.body, HasSubstr("id=\"inst-parent-error\""));
    EXPECT_EQ(Entry(dgaspc), dgaspc_before);
    EXPECT_EQ(IdOf(Entry(id)["parent"]), dgaspc);

    // A real edit: renamed, aliases replaced, moved under the adults' directorate.
    const int64_t adults = Id(kAdults);
    WebReply saved = Post(admin, path + "/" + id_text + "?lang=en",
                          {{"name", "Serviciul județean de mediere familială"}, {"acronym", "SJMF"},
                           {"aliases", "Mediere familială"}, {"kind", "service"}, {"parent", std::to_string(adults)},
                           {"address", "Cluj-Napoca"}, {"contacts", ""}});
    ASSERT_EQ(saved.status, 303) << saved.body;
    EXPECT_EQ(saved.Header("Location"), path + "/" + id_text + "?lang=en&done=saved");
    entry = Entry(id);
    EXPECT_EQ(entry["name"], "Serviciul județean de mediere familială");
    EXPECT_EQ(entry["aliases"], (nlohmann::json{"Mediere familială"}));
    EXPECT_EQ(IdOf(entry["parent"]), adults);
    EXPECT_EQ(entry["contact"], "Cluj-Napoca");
    EXPECT_THAT(Get(path + "/" + id_text + "?lang=en&done=saved", {{"Cookie", admin.cookie}}).body,
                HasSubstr("value=\"Serviciul județean de mediere familială\""));
}

}  // namespace planwatch::testing
