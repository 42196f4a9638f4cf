#pragma once
// Computes the visible number of a numbered paragraph ("1.2.", "a)") from
// word/numbering.xml, counting paragraphs in document order as Word does.
// Bullets and formats we do not render give an empty label.
#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "import/docx/docx_styles.h"

namespace planwatch::import::docx {

class Numbering {
public:
    static Numbering Load(const pugi::xml_node& numbering_root);
    // Advances the counter of ref's list and level and returns the label, e.g.
    // "2.1." for lvlText "%1.%2."; empty for bullets, unknown lists and levels.
    std::string Next(const NumberingRef& ref);

private:
    struct Level {
        std::string format;  // decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, ...
        std::string text;    // "%1.%2."
        int start = 1;
    };
    struct Abstract {
        std::vector<Level> levels;  // index = ilvl
        std::vector<int> counters;
        std::vector<bool> started;
    };
    std::map<std::string, Abstract> abstracts_;  // by abstractNumId
    std::map<std::string, std::string> nums_;    // numId -> abstractNumId
};

// "3" as decimal, "c" as lowerLetter, "III" as upperRoman; empty for formats we do not render.
std::string FormatNumber(int value, const std::string& format);

}  // namespace planwatch::import::docx
