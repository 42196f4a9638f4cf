#pragma once
// SOCI reports every failure as a soci_error (or a std::exception from a type
// conversion); this turns one into a Status once, in sql/, so nothing above
// storage/ sees an exception.
#include <exception>
#include <string_view>

#include "common/status.h"

namespace planwatch::storage::sql {

// A unique or foreign-key violation -> kConflict; a lost or refused connection,
// a locked or unopenable database -> kUnavailable; anything else -> kInternal.
// The message starts with what was being done ("insert plan: ...").
Status FromSociError(const std::exception& error, std::string_view doing);

}  // namespace planwatch::storage::sql
