#pragma once
// Status reasons for readers: the clauses of domain::ComputedStatus (codes and
// values) worded by data/i18n "reason_<code>" in the page's language, with dates
// written as that language writes them. (The clauses as JSON: services::ReasonPartsJson.)
#include <string>
#include <vector>

#include "domain/activity_status.h"
#include "web/i18n.h"

namespace planwatch::web {

// "termenul de 31 decembrie 2018 a trecut; niciun raport aprobat".
std::string LocalReason(const std::vector<domain::ReasonPart>& parts, const Messages& messages);

}  // namespace planwatch::web
