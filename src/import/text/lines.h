#pragma once
// The text as numbered lines, shared by both readers.
#include <string_view>
#include <vector>

namespace planwatch::import::text {

struct Line {
    std::string_view text;  // without the line break (and without a trailing '\r')
    int number = 0;         // 1-based
    bool blank = false;     // nothing but whitespace
};

// Splits on '\n'; a final line break does not make an empty last line.
std::vector<Line> SplitLines(std::string_view utf8);

}  // namespace planwatch::import::text
