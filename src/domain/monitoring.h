#pragma once
// Reporting rounds and progress reports. Statuses are computed from these by pure
// functions (activity_status.h, with the monitoring issue), never stored.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace planwatch::domain {

// A reporting period as written in rounds and grids: "2019", "2019-S1",
// "2019-Q3", "2019-07". Invariant: produced only by ParsePeriod.
struct Period {
    enum class Kind { kYear, kSemester, kQuarter, kMonth };
    int year = 0;
    Kind kind = Kind::kYear;
    int index = 0;  // semester 1-2, quarter 1-4, month 1-12; 0 for a year
    friend bool operator==(const Period&, const Period&) = default;
};
// Accepts "2019", "2019-S1", "2019-1" (a semester, as the Slovenian grid writes
// it), "2019-Q3", "2019-07"; kInvalidArgument names what was expected otherwise.
StatusOr<Period> ParsePeriod(std::string_view text);
std::string ToString(const Period& period);  // canonical: "2019", "2019-S1", "2019-Q3", "2019-07"

enum class ReviewState { kDraft, kSubmitted, kApproved, kReturned };
enum class ClaimedState { kNotStarted, kInProgress, kCompleted, kCancelled };
const char* Name(ReviewState state);    // draft | submitted | approved | returned
const char* Name(ClaimedState state);   // not_started | in_progress | completed | cancelled
std::optional<ReviewState> ParseReviewState(std::string_view name);
std::optional<ClaimedState> ParseClaimedState(std::string_view name);

struct ReportingRound {
    std::optional<int64_t> id;
    int64_t plan_id = 0;
    std::string period;     // canonical Period string
    std::string opens_on;   // YYYY-MM-DD
    std::string due_on;     // YYYY-MM-DD; invariant: due_on >= opens_on
    int grace_days = 0;
    std::string closed_on;  // YYYY-MM-DD a coordinator closed it early; empty while not closed
    friend bool operator==(const ReportingRound&, const ReportingRound&) = default;
};

// Whether a coordinator had closed round by day (YYYY-MM-DD, compared as text:
// both are ISO dates). A round closed early locks for reporters from that day.
inline bool ClosedBy(const ReportingRound& round, std::string_view day) {
    return !round.closed_on.empty() && round.closed_on <= day;
}

struct IndicatorValue {
    int indicator_index = 0;  // position of the indicator on its activity
    double value = 0;
    friend bool operator==(const IndicatorValue&, const IndicatorValue&) = default;
};

struct Evidence {
    std::string url;      // a link, or the name an uploaded file was given
    std::string sha256;   // uploaded files only: the stored file's, computed by the server
    // Of the stored file, filled in when reports are read; 0 and empty for links.
    int64_t size = 0;
    std::string media_type;
    friend bool operator==(const Evidence&, const Evidence&) = default;
};

// One per activity × period × institution; an edit after approval makes a new
// revision. version counts edits and detects concurrent writers.
struct ProgressReport {
    std::optional<int64_t> id;
    int64_t activity_id = 0;
    int64_t institution_id = 0;
    std::string period;
    ClaimedState claimed = ClaimedState::kNotStarted;
    std::vector<IndicatorValue> values;
    std::string narrative;
    std::vector<Evidence> evidence;
    ReviewState review = ReviewState::kDraft;
    std::string review_comment;
    int revision = 1;
    int version = 1;
    int64_t author_id = 0;
    std::string created_at;    // ISO 8601 UTC
    std::string submitted_at;  // empty until submitted
    friend bool operator==(const ProgressReport&, const ProgressReport&) = default;
};

}  // namespace planwatch::domain
