#pragma once
// Reading JSON request bodies field by field, so every API handler names the
// field that is wrong in the same way (422 with "field"), and none throws; and
// writing a JSON answer.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "domain/civil_date.h"
#include "web/context.h"
#include "web/request.h"
#include "web/response.h"

namespace planwatch::web::api {

// kInvalidArgument naming field: "<field>: <message>".
Status FieldError(const char* field, std::string message);
// body as compact JSON (invalid UTF-8 replaced) with a trailing newline.
Response JsonResponse(const nlohmann::ordered_json& body, int status = 200);
// ?as_of=YYYY-MM-DD, or the context's today when absent; kInvalidArgument (field "as_of") when unreadable.
StatusOr<domain::CivilDate> AsOfParam(const Request& request, const RequestContext& ctx);

// kInvalidArgument unless the body is one JSON object.
StatusOr<nlohmann::json> JsonBody(const Request& request);
// A string field, "" when absent or null; kInvalidArgument naming it otherwise.
StatusOr<std::string> TextField(const nlohmann::json& body, const char* field);
// A positive integer id, nullopt when absent or null.
StatusOr<std::optional<int64_t>> IdField(const nlohmann::json& body, const char* field);
// An integer, nullopt when absent or null.
StatusOr<std::optional<int64_t>> IntField(const nlohmann::json& body, const char* field);
// The same for a field the request cannot do without: kInvalidArgument naming
// field with missing ("is required") when it is absent or null.
StatusOr<int64_t> RequiredIdField(const nlohmann::json& body, const char* field, const char* missing);
StatusOr<int64_t> RequiredIntField(const nlohmann::json& body, const char* field, const char* missing);
// A positive id from the path ("/reports/{id}"); kMalformed (400) when it is not one.
StatusOr<int64_t> PathId(const Request& request, const char* name);

}  // namespace planwatch::web::api
