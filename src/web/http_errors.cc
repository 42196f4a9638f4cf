#include "web/http_errors.h"

#include <nlohmann/json.hpp>

namespace planwatch::web {

int HttpStatus(StatusCode code) {
    switch (code) {  // no default: -Wswitch flags a StatusCode left unmapped
        case StatusCode::kOk: return 200;
        case StatusCode::kMalformed: return 400;
        case StatusCode::kInvalidArgument: return 422;
        case StatusCode::kTooLarge: return 413;
        case StatusCode::kUnauthenticated: return 401;
        case StatusCode::kPermissionDenied: return 403;
        case StatusCode::kNotFound: return 404;
        case StatusCode::kConflict: return 409;
        case StatusCode::kUnavailable: return 503;
        case StatusCode::kInternal: return 500;
    }
    return 500;
}

Response ErrorResponse(const Status& status) {
    const std::string& field = status.where().field;
    nlohmann::ordered_json error = {
        {"code", StatusCodeName(status.code())},
        {"message", status.message()},
        {"field", field.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(field)},
    };
    nlohmann::ordered_json body = {{"error", error}};
    return Response{.status = HttpStatus(status.code()),
                    .body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"};
}

}  // namespace planwatch::web
