#pragma once
// The words of reports in the label language: headings, column names, status
// names. They live in data/i18n/reports/<language>.json (embedded), so a new
// language is a new file; a key missing there falls back to English.
#include <string>
#include <string_view>
#include <vector>

#include "domain/activity_status.h"
#include "domain/monitoring.h"

namespace planwatch::reports {

// language when data/i18n/reports/<language>.json exists, else "en".
std::string PickLanguage(const std::string& language);

// The label for key ("col.status", "status.overdue") in language, else in English,
// else the key itself (so a missing label shows up in the output instead of
// vanishing). Any thread may call it; files are read once.
std::string Label(const std::string& language, std::string_view key);

std::string StatusLabel(const std::string& language, domain::ActivityStatus status);
std::string AchievementLabel(const std::string& language, domain::Achievement achievement);
std::string ClaimedLabel(const std::string& language, domain::ClaimedState claimed);

// A status reason in the language, from its clauses (domain::ReasonPart, labels
// "reason.<code>"), joined by "; "; dates stay YYYY-MM-DD as elsewhere in reports.
// english (domain::ComputedStatus::reason) when there are no clauses.
std::string ReasonText(const std::string& language, const std::vector<domain::ReasonPart>& parts,
                       const std::string& english);

}  // namespace planwatch::reports
