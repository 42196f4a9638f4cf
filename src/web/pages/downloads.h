#pragma once
// The download links of the plan and institution pages: one per format of
// services::DownloadService, each named by what it holds, its format and about
// how big it is ("Raport de evaluare (PDF, 245 KB)"), so every link on a page has
// a name of its own. The sizes may mean writing the files once (Pool::kDocuments).
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/civil_date.h"
#include "web/context.h"

namespace planwatch::web::pages {

struct DownloadScope {
    int64_t plan_id = 0;
    domain::CivilDate as_of;                 // the statuses the files show
    bool as_of_given = false;                // the page was asked for a day: the links keep it
    std::optional<int64_t> institution;      // the institution page: that institution's report only
    std::string plan_title;                  // with institution: told apart per plan for screen readers
    bool reports = true;                     // false: a plan without activities has no evaluation report
};

// {"report": [...], "data": [...]}, each item {"href", "text", "hidden"}: hidden
// is read by screen readers after the visible text.
nlohmann::json DownloadLinks(const DownloadScope& scope, RequestContext& ctx);

}  // namespace planwatch::web::pages
