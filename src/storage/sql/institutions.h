#pragma once
// The institution registry shared by all plans. Names match by text::SearchKey,
// so "IŞJ Cluj", "ISJ  CLUJ" and "ișj cluj" are one institution. These throw
// soci::soci_error; SqlTransaction turns that into a Status.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/institution.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

// The registry id of the institution a plan names: matched by the key of its
// name against registry names, then aliases; created when none matches. Fills
// an empty acronym, kind or contact of an existing entry and records the
// plan's aliases (and its name, when it differs) as aliases of the entry.
int64_t EnsureInstitution(soci::session& session, const domain::Institution& institution);

// Sets the parent of child to parent unless it already has one (an admin's
// choice or an earlier plan's stands).
void LinkParent(soci::session& session, int64_t child_id, int64_t parent_id);

// By the key of a canonical name, then acronym, then alias; the oldest entry wins.
std::optional<int64_t> FindInstitutionId(soci::session& session, const std::string& name);

}  // namespace planwatch::storage::sql
