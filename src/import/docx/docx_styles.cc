#include "import/docx/docx_styles.h"

#include <cstdlib>
#include <string_view>

#include "common/text.h"

namespace planwatch::import::docx {
namespace {

constexpr int kMaxBasedOnChain = 16;  // basedOn chains may loop in hostile files

int HeadingLevelOf(const pugi::xml_node& style) {
    std::string name = text::Lower(style.child("w:name").attribute("w:val").as_string());
    if (name.starts_with("heading ")) {
        int level = std::atoi(name.c_str() + 8);
        if (level >= 1 && level <= 9) return level;
    }
    pugi::xml_node outline = style.child("w:pPr").child("w:outlineLvl");
    if (outline) {
        int level = outline.attribute("w:val").as_int(9) + 1;
        if (level >= 1 && level <= 9) return level;
    }
    return 0;
}

}  // namespace

std::optional<bool> BoldOf(const pugi::xml_node& run_properties) {
    pugi::xml_node b = run_properties.child("w:b");
    if (!b) return std::nullopt;
    pugi::xml_attribute val = b.attribute("w:val");
    if (!val) return true;
    std::string_view v = val.value();
    return !(v == "0" || v == "false" || v == "off");
}

std::optional<NumberingRef> NumberingOf(const pugi::xml_node& paragraph_properties) {
    pugi::xml_node num_pr = paragraph_properties.child("w:numPr");
    if (!num_pr) return std::nullopt;
    pugi::xml_node num_id = num_pr.child("w:numId");
    if (!num_id) return std::nullopt;
    NumberingRef ref;
    ref.num_id = num_id.attribute("w:val").as_string();
    ref.level = num_pr.child("w:ilvl").attribute("w:val").as_int(0);
    return ref;
}

Styles Styles::Load(const pugi::xml_node& styles_root) {
    Styles styles;
    std::optional<bool> default_bold = BoldOf(styles_root.child("w:docDefaults").child("w:rPrDefault").child("w:rPr"));
    styles.default_bold_ = default_bold.value_or(false);
    for (pugi::xml_node style : styles_root.children("w:style")) {
        Raw raw;
        raw.based_on = style.child("w:basedOn").attribute("w:val").as_string();
        raw.own.bold = BoldOf(style.child("w:rPr"));
        raw.own.heading_level = HeadingLevelOf(style);
        raw.own.numbering = NumberingOf(style.child("w:pPr"));
        styles.raw_[style.attribute("w:styleId").as_string()] = std::move(raw);
    }
    return styles;
}

StyleInfo Styles::Resolve(const std::string& style_id) const { return ResolveDepth(style_id, 0); }

StyleInfo Styles::ResolveDepth(const std::string& style_id, int depth) const {
    auto it = raw_.find(style_id);
    if (it == raw_.end() || depth > kMaxBasedOnChain) return {};
    StyleInfo info = it->second.own;
    if (it->second.based_on.empty()) return info;
    StyleInfo base = ResolveDepth(it->second.based_on, depth + 1);
    if (!info.bold) info.bold = base.bold;
    if (info.heading_level == 0) info.heading_level = base.heading_level;
    if (!info.numbering) info.numbering = base.numbering;
    return info;
}

}  // namespace planwatch::import::docx
