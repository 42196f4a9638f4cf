#include "import/docx/docx_numbering.h"

#include <algorithm>

namespace planwatch::import::docx {
namespace {

constexpr int kMaxLevels = 9;  // OOXML allows ilvl 0..8

std::string Roman(int value) {
    static const std::pair<int, const char*> kParts[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                                         {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                                         {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"}, {1, "I"}};
    std::string out;
    for (const auto& [amount, letters] : kParts) {
        while (value >= amount) {
            out += letters;
            value -= amount;
        }
    }
    return out;
}

std::string Letters(int value, char first) {
    // Word repeats the letter past z: 27 -> "aa".
    int repeat = (value - 1) / 26 + 1;
    return std::string(static_cast<size_t>(repeat), static_cast<char>(first + (value - 1) % 26));
}

}  // namespace

std::string FormatNumber(int value, const std::string& format) {
    if (value < 1 || value > 3999) return format == "decimal" ? std::to_string(value) : "";
    if (format == "decimal" || format == "decimalZero") return std::to_string(value);
    if (format == "lowerLetter") return Letters(value, 'a');
    if (format == "upperLetter") return Letters(value, 'A');
    if (format == "upperRoman") return Roman(value);
    if (format == "lowerRoman") {
        std::string roman = Roman(value);
        std::transform(roman.begin(), roman.end(), roman.begin(), [](char c) { return static_cast<char>(c + 32); });
        return roman;
    }
    return "";
}

Numbering Numbering::Load(const pugi::xml_node& root) {
    Numbering numbering;
    for (pugi::xml_node abstract : root.children("w:abstractNum")) {
        Abstract parsed;
        parsed.levels.resize(kMaxLevels);
        for (pugi::xml_node lvl : abstract.children("w:lvl")) {
            int ilvl = lvl.attribute("w:ilvl").as_int(-1);
            if (ilvl < 0 || ilvl >= kMaxLevels) continue;
            Level& level = parsed.levels[static_cast<size_t>(ilvl)];
            level.format = lvl.child("w:numFmt").attribute("w:val").as_string("decimal");
            level.text = lvl.child("w:lvlText").attribute("w:val").as_string();
            level.start = lvl.child("w:start").attribute("w:val").as_int(1);
        }
        parsed.counters.assign(kMaxLevels, 0);
        parsed.started.assign(kMaxLevels, false);
        numbering.abstracts_[abstract.attribute("w:abstractNumId").as_string()] = std::move(parsed);
    }
    for (pugi::xml_node num : root.children("w:num")) {
        numbering.nums_[num.attribute("w:numId").as_string()] =
            num.child("w:abstractNumId").attribute("w:val").as_string();
    }
    return numbering;
}

std::string Numbering::Next(const NumberingRef& ref) {
    auto num = nums_.find(ref.num_id);
    if (num == nums_.end() || ref.level < 0 || ref.level >= kMaxLevels) return "";
    auto found = abstracts_.find(num->second);
    if (found == abstracts_.end()) return "";
    Abstract& list = found->second;
    size_t level = static_cast<size_t>(ref.level);
    list.counters[level] = list.started[level] ? list.counters[level] + 1 : list.levels[level].start;
    list.started[level] = true;
    for (size_t deeper = level + 1; deeper < list.counters.size(); ++deeper) list.started[deeper] = false;
    const Level& format = list.levels[level];
    if (format.format == "bullet" || format.format == "none" || format.text.empty()) return "";
    std::string label;
    for (size_t i = 0; i < format.text.size(); ++i) {
        char c = format.text[i];
        if (c == '%' && i + 1 < format.text.size() && format.text[i + 1] >= '1' && format.text[i + 1] <= '9') {
            size_t referenced = static_cast<size_t>(format.text[i + 1] - '1');
            ++i;
            if (referenced > level) return "";
            int value = list.started[referenced] ? list.counters[referenced] : list.levels[referenced].start;
            std::string piece = FormatNumber(value, list.levels[referenced].format);
            if (piece.empty()) return "";
            label += piece;
        } else {
            label += c;
        }
    }
    return label;
}

}  // namespace planwatch::import::docx
