// The OpenAPI document and the route table describe the same API: every path
// and method of data/schema/openapi.json is served, and every API route served
// is documented.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "common/resources.h"
#include "web/routes.h"

namespace planwatch::web {
namespace {

std::set<std::string> DocumentedOperations() {
    std::optional<std::string_view> text = resources::Find("data/schema/openapi.json");
    EXPECT_TRUE(text.has_value());
    nlohmann::json document = nlohmann::json::parse(text.value_or("{}"));
    EXPECT_EQ(document.value("openapi", "").substr(0, 2), "3.");
    std::set<std::string> operations;
    for (auto& [path, item] : document["paths"].items()) {
        for (auto& [method, operation] : item.items()) {
            std::string upper = method;
            for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            operations.insert(upper + " " + path);
        }
    }
    return operations;
}

std::set<std::string> ServedApiOperations() {
    std::set<std::string> operations;
    for (const Route& route : Routes()) {
        if (route.kind == RouteKind::kApi) operations.insert(route.method + " " + route.pattern);
    }
    return operations;
}

TEST(OpenApi, EveryDocumentedOperationIsServed) {
    std::set<std::string> served = ServedApiOperations();
    for (const std::string& operation : DocumentedOperations()) {
        EXPECT_TRUE(served.contains(operation)) << operation << " is in openapi.json but not in routes.cc";
    }
}

TEST(OpenApi, EveryServedApiRouteIsDocumented) {
    std::set<std::string> documented = DocumentedOperations();
    for (const std::string& operation : ServedApiOperations()) {
        EXPECT_TRUE(documented.contains(operation)) << operation << " is served but not in openapi.json";
    }
    EXPECT_GE(documented.size(), 11u);
}

TEST(OpenApi, ApiRoutesLiveUnderApiV1AndPagesDoNot) {
    for (const Route& route : Routes()) {
        const bool under_api = route.pattern.rfind("/api/v1/", 0) == 0;
        if (route.kind == RouteKind::kApi) {
            EXPECT_TRUE(under_api || route.pattern == "/healthz") << route.pattern;
        } else {
            EXPECT_FALSE(under_api) << route.pattern;
        }
    }
}

TEST(MatchRoute, FillsPathParametersAndTellsWrongMethodsApart) {
    std::map<std::string, std::string> params;
    const Route* route = MatchRoute("GET", "/plans/12/activities/345", params);
    ASSERT_NE(route, nullptr);
    EXPECT_EQ(route->pattern, "/plans/{id}/activities/{activity}");
    EXPECT_EQ(params["id"], "12");
    EXPECT_EQ(params["activity"], "345");
    bool path_known = false;
    EXPECT_EQ(MatchRoute("DELETE", "/plans/12", params, &path_known), nullptr);
    EXPECT_TRUE(path_known);
    EXPECT_EQ(MatchRoute("GET", "/plans//activities/1", params, &path_known), nullptr);
    EXPECT_FALSE(path_known);
    EXPECT_EQ(MatchRoute("GET", "/plans/12/", params), nullptr);
}

}  // namespace
}  // namespace planwatch::web
