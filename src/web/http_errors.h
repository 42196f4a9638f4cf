#pragma once
// Status -> HTTP, in one place (style.md's table), so no handler picks a code.
#include "common/status.h"
#include "web/response.h"

namespace planwatch::web {

// 400 malformed, 401, 403, 404, 409, 413, 422 invalid argument, 503 unavailable, 500 internal.
int HttpStatus(StatusCode code);

// {"error":{"code":"not_found","message":"…","field":"…"}} with HttpStatus(code);
// field is null when the Status names none.
Response ErrorResponse(const Status& status);

}  // namespace planwatch::web
