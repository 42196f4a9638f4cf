#include "import/text/lines.h"

namespace planwatch::import::text {
namespace {

bool IsBlank(std::string_view line) {
    for (char c : line) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
    }
    return true;
}

}  // namespace

std::vector<Line> SplitLines(std::string_view utf8) {
    std::vector<Line> lines;
    int number = 0;
    size_t start = 0;
    while (start < utf8.size()) {
        size_t end = utf8.find('\n', start);
        if (end == std::string_view::npos) end = utf8.size();
        std::string_view text = utf8.substr(start, end - start);
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        lines.push_back(Line{text, ++number, IsBlank(text)});
        start = end + 1;
    }
    return lines;
}

}  // namespace planwatch::import::text
