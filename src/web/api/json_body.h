#pragma once
// Reading JSON request bodies field by field, so every API handler names the
// field that is wrong in the same way (422 with "field"), and none throws.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "web/request.h"

namespace planwatch::web::api {

// kInvalidArgument unless the body is one JSON object.
StatusOr<nlohmann::json> JsonBody(const Request& request);
// A string field, "" when absent or null; kInvalidArgument naming it otherwise.
StatusOr<std::string> TextField(const nlohmann::json& body, const char* field);
// A positive integer id, nullopt when absent or null.
StatusOr<std::optional<int64_t>> IdField(const nlohmann::json& body, const char* field);
// An integer, nullopt when absent or null.
StatusOr<std::optional<int64_t>> IntField(const nlohmann::json& body, const char* field);
// A positive id from the path ("/reports/{id}"); kMalformed (400) when it is not one.
StatusOr<int64_t> PathId(const Request& request, const char* name);

}  // namespace planwatch::web::api
