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

namespace {

std::vector<std::string> Names(const nlohmann::json& list) {
    std::vector<std::string> names;
    for (const nlohmann::json& entry : list) names.push_back(entry["name"]);
    return names;
}

}  // namespace

nlohmann::json RegistryWeb::List(const std::string& path, const std::map<std::string, std::string>& filter) {
    WebReply reply = Get(path + "?" + Form(filter));
    EXPECT_EQ(reply.status, 200) << path << "?" << Form(filter) << ": " << reply.body;
    return reply.status == 200 ? nlohmann::json::parse(reply.body) : nlohmann::json::array();
}

// Runs before the merge and the add below, which change the registry.
TEST_P(RegistryWeb, InstitutionsApiFiltersTheRegistryByTextKindReviewAndParent) {
    const std::string path = "/api/v1/institutions";
    const nlohmann::json all = List(path, {});
    ASSERT_GT(all.size(), 83u);  // seed 004's 83 units and every plan's institutions, with activities or not

    // Seed 000 writes "IȘJ Cluj", "ISJ Cluj" and "IŞJ Cluj" for one body, and once "IȘJ Cluj, cadrele școlare - Huedin".
    for (const std::string q : {"isj cluj", "IȘJ CLUJ", "işj Cluj"}) {
        EXPECT_EQ(Names(List(path, {{"q", q}})),
                  (std::vector<std::string>{"IȘJ Cluj", "IȘJ Cluj, cadrele școlare - Huedin"}))
            << q;
    }
    EXPECT_EQ(Names(List(path, {{"q", "isj huedin"}})), (std::vector<std::string>{"IȘJ Cluj, cadrele școlare - Huedin"}));
    const nlohmann::json isj = List(path, {{"q", "isj cluj"}})[0];
    EXPECT_EQ(isj["partners_on"], 13);  // the activities of seed 000 naming it, in any of the three spellings
    EXPECT_EQ(isj["leads"], 0);
    EXPECT_EQ(isj["kind"], "");
    EXPECT_EQ(isj["needs_review"], true);  // an import created it
    // Seed 000 names CPECA Cluj first on 33 activities, and twice "CPECA Cluj în cadrul campaniei naționale".
    const nlohmann::json cpeca = List(path, {{"q", "cpeca"}});
    ASSERT_EQ(Names(cpeca), (std::vector<std::string>{"CPECA Cluj", "CPECA Cluj în cadrul campaniei naționale"}));
    EXPECT_EQ(cpeca[0]["leads"], 33);
    EXPECT_EQ(cpeca[0]["partners_on"], 0);
    EXPECT_EQ(cpeca[1]["leads"], 2);

    // Seed 004's chart: DGASPC and its four directorates; the adults' directorate's 15 units, 8 of them centres.
    const int64_t dgaspc = Id(kDgaspc), adults = Id(kAdults), jucu = Id(kJucu);
    EXPECT_EQ(Names(List(path, {{"kind", "directorate"}})),
              (std::vector<std::string>{kDgaspc, "Direcția generală economică și administrativă",
                                        "Direcția generală protecție socială", "Direcția protecția drepturilor copilului",
                                        kAdults}));
    EXPECT_EQ(Names(List(path, {{"parent", std::to_string(dgaspc)}})),
              (std::vector<std::string>{"Aparatul de specialitate al direcției",
                                        "Direcția generală economică și administrativă",
                                        "Direcția generală protecție socială", "Direcția protecția drepturilor copilului",
                                        kAdults}));
    const nlohmann::json units = List(path, {{"parent", std::to_string(adults)}});
    ASSERT_EQ(units.size(), 15u);
    for (const nlohmann::json& unit : units) {
        EXPECT_EQ(IdOf(unit["parent"]), adults);
        EXPECT_EQ(unit["parent_name"], kAdults);
    }
    const nlohmann::json centres = List(path, {{"parent", std::to_string(adults)}, {"kind", "centre"}});
    EXPECT_EQ(centres.size(), 8u);
    for (const nlohmann::json& centre : centres) EXPECT_EQ(centre["name"].get<std::string>().rfind("Centr", 0), 0u);

    // Imports mark what they create for review; a coordinator's confirmation moves one entry across.
    const size_t to_review = List(path, {{"review", "true"}}).size();
    const size_t confirmed = List(path, {{"review", "false"}}).size();
    EXPECT_EQ(to_review + confirmed, all.size());
    EXPECT_EQ(List(path, {{"review", "true"}, {"parent", std::to_string(adults)}}).size(), 15u);
    const Staff coordinator = SignIn("coordinator@demo.planwatch");
    ASSERT_EQ(Post(coordinator, "/coordinate/institutions/" + std::to_string(jucu) + "/confirm", {}).status, 303);
    const nlohmann::json checked = List(path, {{"review", "false"}, {"parent", std::to_string(adults)}});
    EXPECT_EQ(Names(checked), (std::vector<std::string>{kJucu}));
    EXPECT_EQ(checked[0]["needs_review"], false);
    EXPECT_EQ(List(path, {{"review", "true"}, {"parent", std::to_string(adults)}}).size(), 14u);
    EXPECT_EQ(List(path, {{"review", "false"}}).size(), confirmed + 1);

    // A value a filter cannot hold is 400 naming the filter.
    for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
             {"review=maybe", "review"}, {"kind=planet", "kind"}, {"parent=abc", "parent"}, {"parent=0", "parent"}}) {
        WebReply reply = Get(path + "?" + query);
        EXPECT_EQ(reply.status, 400) << query;
        EXPECT_EQ(nlohmann::json::parse(reply.body)["error"]["field"], field) << query;
    }
}

TEST_P(RegistryWeb, InstitutionEntryAnswersForUnitsNoPlanActivityNamesAndListsActivitiesPerPlan) {
    const int64_t jucu = Id(kJucu), adults = Id(kAdults), dgaspc = Id(kDgaspc);
    WebReply reply = Get("/api/v1/institutions/" + std::to_string(jucu));
    ASSERT_EQ(reply.status, 200) << reply.body;
    nlohmann::json entry = nlohmann::json::parse(reply.body);
    EXPECT_EQ(entry["name"], kJucu);
    EXPECT_EQ(entry["kind"], "centre");
    EXPECT_EQ(IdOf(entry["parent"]), adults);
    EXPECT_EQ(entry["parent_name"], kAdults);
    EXPECT_EQ(entry["plans"], nlohmann::json::array());
    EXPECT_EQ(entry["leads"], 0);

    entry = nlohmann::json::parse(Get("/api/v1/institutions/" + std::to_string(dgaspc)).body);
    EXPECT_EQ(entry["acronym"], "DGASPC");
    EXPECT_EQ(entry["kind"], "directorate");
    EXPECT_TRUE(entry["parent"].is_null());
    EXPECT_EQ(entry["contact"],
              "Cluj Napoca, str. General Eremia Grigorescu, nr. 37-39\n"
              "Tel: 0264 420146; 0264 420147; Fax: 0264 420602; e-mail: dgaspc_cluj@yahoo.com\n"
              "www.dgaspc-cluj.ro");

    const int64_t cpeca = Id("CPECA Cluj");
    entry = nlohmann::json::parse(Get("/api/v1/institutions/" + std::to_string(cpeca)).body);
    EXPECT_EQ(entry["leads"], 33);
    ASSERT_EQ(entry["plans"].size(), 1u);  // seed 000 only
    EXPECT_EQ(entry["plans"][0]["title"].get<std::string>().rfind("PLANUL DE ACȚIUNE pentru implementarea Strategiei", 0),
              0u);
    EXPECT_EQ(entry["plans"][0]["leads"].size(), 33u);
    EXPECT_EQ(entry["plans"][0]["partners_on"].size(), 0u);
    EXPECT_EQ(Get("/api/v1/institutions/999999").status, 404);
    EXPECT_EQ(Get("/api/v1/institutions/abc").status, 400);
}

TEST_P(RegistryWeb, ServicesApiFiltersSeed001ByTextCodeAndCategory) {
    const std::string path = "/api/v1/services";
    // Seed 001's 66 rows of existing services and 15 proposed ones; contracting, information and training lines apart.
    EXPECT_EQ(List(path, {}).size(), 81u);
    // The document's table has 29 rows coded 8790 CR-C-I; 8790 CR-C-II and -III are other codes, not longer prefixes.
    const nlohmann::json family = List(path, {{"code", "8790 CR-C-I"}});
    EXPECT_EQ(family.size(), 29u);
    for (const nlohmann::json& service : family) EXPECT_EQ(service["code"], "8790 CR-C-I");
    EXPECT_EQ(List(path, {{"code", "8790cr-c-i"}}).size(), 29u);  // spaces and case do not matter
    EXPECT_EQ(List(path, {{"code", "8790 CR-C"}}).size(), 32u);   // I (29), II (1), III (2)
    EXPECT_EQ(List(path, {{"code", "8891"}}).size(), 10u);        // the day centres for children
    // Group C: the 32 residential, 1 foster-care (8790 SF-C) and 10 day-centre services for children.
    const nlohmann::json children = List(path, {{"category", "C"}});
    EXPECT_EQ(children.size(), 43u);
    for (const nlohmann::json& service : children) EXPECT_EQ(service["category"], "C");
    const nlohmann::json elderly = List(path, {{"category", "V"}});
    EXPECT_EQ(Names(elderly), (std::vector<std::string>{"Căminul pentru Persoane Vârstnice Gherla",
                                                        "Căminul pentru Persoane Vârstnice Recea Cristur",
                                                        "Căminul pentru Persoane Vârstnice Câmpia Turzii",
                                                        "Căminul pentru Persoane Vârstnice Aghireșu"}));
    ASSERT_FALSE(elderly.empty());
    EXPECT_EQ(elderly[0]["code"], "8730 CR-V-I");
    EXPECT_EQ(elderly[0]["capacity"], (nlohmann::json{{"value", 50.0}, {"unit", "places"}}));
    // Text: every word, without diacritics or case. Gherla has 14 services, 11 of them for children under 8790 CR-C-I.
    EXPECT_EQ(List(path, {{"q", "gherla"}}).size(), 14u);
    EXPECT_EQ(List(path, {{"q", "GHERLA"}, {"code", "8790 CR-C-I"}}).size(), 11u);
    EXPECT_EQ(Names(List(path, {{"q", "caminul varstnice campia"}})),
              (std::vector<std::string>{"Căminul pentru Persoane Vârstnice Câmpia Turzii"}));
    EXPECT_EQ(List(path, {{"q", "gherla"}, {"category", "V"}}).size(), 1u);
    // A group the nomenclature does not have, or a plan id that is not one, is 400 naming the filter.
    for (const auto& [query, field] :
         std::vector<std::pair<std::string, std::string>>{{"category=X", "category"}, {"plan=abc", "plan"}}) {
        WebReply reply = Get(path + "?" + query);
        EXPECT_EQ(reply.status, 400) << query;
        EXPECT_EQ(nlohmann::json::parse(reply.body)["error"]["field"], field) << query;
    }
}

TEST_P(RegistryWeb, ServicePageShowsCodeCapacityAndBudgetWithTotals) {
    const nlohmann::json gherla =
        List("/api/v1/services", {{"q", "caminul varstnice gherla"}});
    ASSERT_EQ(gherla.size(), 1u);
    const std::string href = "/services/" + std::to_string(IdOf(gherla[0]["id"]));
    // The list links each service to its page.
    EXPECT_THAT(Get("/services?lang=en&q=gherla").body,
                HasSubstr("<a href=\"" + href + "?lang=en\">Căminul pentru Persoane Vârstnice Gherla</a>"));
    // 2.126 and 1.267 thousand lei from the county and the state in 2025 (seed 001, row 1).
    const std::map<std::string, std::vector<std::string>> expected = {
        {"ro", {"50 locuri", "Buget pe ani și surse", ">2.126.000<", ">1.267.000<", ">3.393.000<", "Buget județean"}},
        {"sl", {"Proračun po letih in virih", ">2.126.000<", ">3.393.000<", "Državni proračun"}},
        {"en", {"50 places", "Budget by year and source", ">2,126,000<", ">1,267,000<", ">3,393,000<", "County budget"}}};
    for (const auto& [lang, texts] : expected) {
        WebReply page = Get(href + "?lang=" + lang);
        ASSERT_EQ(page.status, 200) << lang;
        EXPECT_THAT(page.body, HasSubstr("<span class=\"pw-code\">8730 CR-V-I</span> Căminul pentru Persoane Vârstnice Gherla"));
        EXPECT_THAT(page.body, HasSubstr("Cămin pentru persoane vârstnice"));  // the code's description in the nomenclature
        EXPECT_THAT(page.body, HasSubstr("<th scope=\"row\">2025</th>")) << lang;
        for (const std::string& text : texts) EXPECT_THAT(page.body, HasSubstr(text)) << lang;
    }
    EXPECT_EQ(Get("/services/999999").status, 404);
    EXPECT_EQ(Get("/services/abc").status, 404);
}

TEST_P(RegistryWeb, InstitutionsPageFiltersWithoutJavaScript) {
    const std::map<std::string, std::vector<std::string>> labels = {
        {"ro", {"Filtrează instituțiile", "Nume, acronim sau altă denumire", "2 instituții găsite."}},
        {"sl", {"Filtriraj institucije", "Ime, kratica ali drugo ime", "Najdenih institucij: 2."}},
        {"en", {"Filter institutions", "Name, acronym or alias", "2 institutions found."}}};
    for (const auto& [lang, texts] : labels) {
        WebReply page = Get("/institutions?lang=" + lang + "&q=isj+cluj");
        ASSERT_EQ(page.status, 200) << lang;
        EXPECT_THAT(page.body, HasSubstr("<form class=\"usa-form pw-filters\" method=\"get\" action=\"/institutions\">"));
        EXPECT_THAT(page.body, HasSubstr("name=\"q\" value=\"isj cluj\""));
        for (const std::string& text : texts) EXPECT_THAT(page.body, HasSubstr(text)) << lang;
        EXPECT_EQ(Count(page.body, "<th scope=\"row\"><a href=\"/institutions/"), 2u) << lang;
    }
    const int64_t adults = Id(kAdults);
    WebReply centres = Get("/institutions?lang=en&kind=centre&parent=" + std::to_string(adults));
    ASSERT_EQ(centres.status, 200);
    EXPECT_THAT(centres.body, HasSubstr("8 institutions found."));
    EXPECT_THAT(centres.body, HasSubstr("<option value=\"centre\" selected>Centre</option>"));
    EXPECT_THAT(centres.body, HasSubstr("<input type=\"hidden\" name=\"parent\" value=\"" + std::to_string(adults) + "\">"));
    EXPECT_THAT(centres.body, HasSubstr(">" + std::string(kJucu) + "</a>"));
    WebReply to_review = Get("/institutions?lang=en&review=true&q=isj+huedin");
    EXPECT_THAT(to_review.body, HasSubstr("<option value=\"true\" selected>To review</option>"));
    EXPECT_THAT(to_review.body, HasSubstr("1 institutions found."));
    EXPECT_THAT(Get("/institutions?lang=en&review=false&q=isj+huedin").body, HasSubstr("0 institutions found."));
    EXPECT_EQ(Get("/institutions?lang=en&review=maybe").status, 400);
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
