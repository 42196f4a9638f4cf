#include "import/text/row_grouping.h"

#include <algorithm>
#include <limits>

namespace planwatch::import::text {
namespace {

constexpr double kFullRowCost = -1;          // each row of W cells found is evidence for W
constexpr double kTitleRowCost = 0.2;        // one cell over a header: "Poglavje iz strategije: …"
constexpr double kSpanningRowCost = 0.4;     // one cell over data rows: "A.3 Servicii sociale …"
constexpr double kExplainedHeaderCost = 0.5;  // a header whose merges the row below shows
constexpr double kShortRowCost = 1;          // a damaged row
constexpr double kWidthCost = 0.001;         // prefer 7 columns to 14 that pair rows up

struct Solution {
    double cost = std::numeric_limits<double>::infinity();
    std::vector<int> row_sizes;
};

bool CanStart(const std::vector<GroupingCell>& cells, int index) {
    return index == 0 || index >= static_cast<int>(cells.size()) || cells[index].can_start;
}

// A short row of `size` cells ending at `end` is a header when the next W cells form
// a row whose empty/filled pattern explains exactly `size` header cells.
bool IsExplainedHeader(const std::vector<GroupingCell>& cells, int end, int size, int width) {
    const int n = static_cast<int>(cells.size());
    if (end - size < 0 || end > n) return false;  // IsTitle probes rows past the last cell
    for (int i = end - size; i < end; ++i) {
        if (cells[i].empty) return false;  // every header cell has a label
    }
    if (end + width > n || !CanStart(cells, end + width)) return false;
    std::vector<bool> empty_below;
    for (int i = end; i < end + width; ++i) empty_below.push_back(cells[i].empty);
    return HeaderSpans(empty_below) == size;
}

// A title row is one cell right above a header row.
bool IsTitle(const std::vector<GroupingCell>& cells, int end, int width) {
    for (int size = 2; size < width; ++size) {
        if (CanStart(cells, end + size) && IsExplainedHeader(cells, end + size, size, width)) return true;
    }
    return false;
}

Solution Solve(const std::vector<GroupingCell>& cells, int width) {
    const int n = static_cast<int>(cells.size());
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> best(n + 1, inf);
    std::vector<int> previous(n + 1, -1);
    best[0] = 0;
    for (int start = 0; start < n; ++start) {
        if (best[start] == inf || !CanStart(cells, start)) continue;
        for (int size = 1; size <= width && start + size <= n; ++size) {
            const int end = start + size;
            if (!CanStart(cells, end)) continue;
            double cost = kShortRowCost;
            if (size == width) {
                cost = kFullRowCost;
            } else if (size == 1) {
                cost = IsTitle(cells, end, width) ? kTitleRowCost : kSpanningRowCost;
            } else if (IsExplainedHeader(cells, end, size, width)) {
                cost = kExplainedHeaderCost;
            }
            if (best[start] + cost < best[end]) {
                best[end] = best[start] + cost;
                previous[end] = start;
            }
        }
    }
    Solution solution;
    if (best[n] == inf) return solution;
    solution.cost = best[n] + kWidthCost * width;
    for (int end = n; end > 0; end = previous[end]) solution.row_sizes.push_back(end - previous[end]);
    std::reverse(solution.row_sizes.begin(), solution.row_sizes.end());
    return solution;
}

}  // namespace

int HeaderSpans(const std::vector<bool>& empty_below, std::vector<int>* spans) {
    if (spans) spans->clear();
    int count = 0;
    for (size_t i = 0; i < empty_below.size();) {
        int run = 1;
        if (!empty_below[i]) {
            while (i + run < empty_below.size() && !empty_below[i + run]) ++run;
        }
        if (spans) spans->push_back(run);
        ++count;
        i += run;
    }
    return count;
}

RowGrouping GroupRows(const std::vector<GroupingCell>& cells, int max_width) {
    const int n = static_cast<int>(cells.size());
    RowGrouping grouping;
    if (n == 0) return grouping;
    Solution best;
    int best_width = 1;
    for (int width = 2; width <= std::min(n, max_width); ++width) {
        Solution solution = Solve(cells, width);
        if (solution.cost < best.cost) {
            best = std::move(solution);
            best_width = width;
        }
    }
    if (best.row_sizes.empty()) {
        // One cell, or a run longer than max_width with no place to break it: one
        // row per run between possible starts.
        grouping.width = 1;
        for (int i = 0; i < n; ++i) {
            if (CanStart(cells, i)) grouping.row_sizes.push_back(0);
            ++grouping.row_sizes.back();
            grouping.width = std::max(grouping.width, grouping.row_sizes.back());
        }
        return grouping;
    }
    grouping.width = best_width;
    grouping.row_sizes = std::move(best.row_sizes);
    return grouping;
}

}  // namespace planwatch::import::text
