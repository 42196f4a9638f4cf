#pragma once
// The words of reports in the label language: headings, column names, status
// names. They live in data/i18n/reports/<language>.json (embedded), so a new
// language is a new file; a key missing there falls back to English.
#include <string>
#include <string_view>

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

}  // namespace planwatch::reports
