#pragma once
// What word/styles.xml says about a paragraph or run style, with basedOn chains
// resolved: is its text bold, is it a heading (and of which level), does it
// number its paragraphs.
#include <map>
#include <optional>
#include <string>

#include <pugixml.hpp>

namespace planwatch::import::docx {

struct NumberingRef {
    std::string num_id;
    int level = 0;
};

struct StyleInfo {
    std::optional<bool> bold;             // unset: the style says nothing
    int heading_level = 0;                // 1.. from "heading N" names or w:outlineLvl; 0 otherwise
    std::optional<NumberingRef> numbering;
};

class Styles {
public:
    // An absent or empty styles part gives no styles; unknown ids resolve to {}.
    static Styles Load(const pugi::xml_node& styles_root);
    StyleInfo Resolve(const std::string& style_id) const;
    // The default run properties (w:docDefaults) make all text bold — rare but legal.
    bool DefaultBold() const { return default_bold_; }

private:
    struct Raw {
        std::string based_on;
        StyleInfo own;
    };
    StyleInfo ResolveDepth(const std::string& style_id, int depth) const;
    std::map<std::string, Raw> raw_;
    bool default_bold_ = false;
};

// True when an rPr's w:b is on ("<w:b/>", "<w:b w:val="1"/>", "true", "on").
std::optional<bool> BoldOf(const pugi::xml_node& run_properties);
// NumberingRef of a pPr's w:numPr, when it has a numId.
std::optional<NumberingRef> NumberingOf(const pugi::xml_node& paragraph_properties);

}  // namespace planwatch::import::docx
