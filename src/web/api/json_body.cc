#include "web/api/json_body.h"

#include "common/text.h"

namespace planwatch::web::api {

Status FieldError(const char* field, std::string message) {
    return Status(StatusCode::kInvalidArgument, std::string(field) + ": " + message, SourcePosition{.field = field});
}

Response JsonResponse(const nlohmann::ordered_json& body, int status) {
    return Response{.status = status,
                    .body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"};
}

StatusOr<domain::CivilDate> AsOfParam(const Request& request, const RequestContext& ctx) {
    const std::string text = request.Query("as_of");
    if (text.empty()) return ctx.today;
    StatusOr<domain::CivilDate> parsed = domain::ParseCivilDate(text);
    if (!parsed.ok()) return FieldError("as_of", parsed.status().message());
    return parsed;
}

StatusOr<nlohmann::json> JsonBody(const Request& request) {
    nlohmann::json body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object()) return InvalidArgument("the body is not a JSON object");
    return body;
}

StatusOr<std::string> TextField(const nlohmann::json& body, const char* field) {
    auto it = body.find(field);
    if (it == body.end() || it->is_null()) return std::string();
    if (!it->is_string()) return FieldError(field, "expected a string");
    return it->get<std::string>();
}

StatusOr<std::optional<int64_t>> IdField(const nlohmann::json& body, const char* field) {
    PW_ASSIGN_OR_RETURN(std::optional<int64_t> value, IntField(body, field));
    if (value && *value <= 0) return FieldError(field, "expected a positive integer id");
    return value;
}

StatusOr<std::optional<int64_t>> IntField(const nlohmann::json& body, const char* field) {
    auto it = body.find(field);
    if (it == body.end() || it->is_null()) return std::optional<int64_t>();
    if (!it->is_number_integer()) return FieldError(field, "expected an integer");
    return std::optional<int64_t>(it->get<int64_t>());
}

StatusOr<int64_t> RequiredIdField(const nlohmann::json& body, const char* field, const char* missing) {
    PW_ASSIGN_OR_RETURN(std::optional<int64_t> value, IdField(body, field));
    if (!value) return FieldError(field, missing);
    return *value;
}

StatusOr<int64_t> RequiredIntField(const nlohmann::json& body, const char* field, const char* missing) {
    PW_ASSIGN_OR_RETURN(std::optional<int64_t> value, IntField(body, field));
    if (!value) return FieldError(field, missing);
    return *value;
}

StatusOr<int64_t> PathId(const Request& request, const char* name) {
    const std::string text = request.PathParam(name);
    if (std::optional<int64_t> id = text::ParseId(text)) return *id;
    return Status(StatusCode::kMalformed, "id \"" + text + "\" in the path: expected a positive whole number");
}

}  // namespace planwatch::web::api
