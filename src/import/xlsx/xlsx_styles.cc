#include "import/xlsx/xlsx_styles.h"

#include <cctype>
#include <map>
#include <string_view>

namespace planwatch::import::xlsx {

bool IsDateFormatCode(const std::string& code) {
    bool in_quotes = false;
    bool in_brackets = false;
    for (size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (in_quotes) {
            in_quotes = c != '"';
        } else if (in_brackets) {
            in_brackets = c != ']';
        } else if (c == '"') {
            in_quotes = true;
        } else if (c == '[') {
            in_brackets = true;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is literal or padding
        } else {
            char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower == 'd' || lower == 'm' || lower == 'y' || lower == 'h' || lower == 's') return true;
        }
    }
    return false;
}

CellStyles CellStyles::Load(const pugi::xml_node& style_sheet) {
    std::map<int, std::string> custom_formats;
    for (pugi::xml_node format : style_sheet.child("numFmts").children("numFmt")) {
        custom_formats[format.attribute("numFmtId").as_int()] = format.attribute("formatCode").as_string();
    }
    std::vector<bool> bold_fonts;
    for (pugi::xml_node font : style_sheet.child("fonts").children("font")) {
        pugi::xml_node b = font.child("b");
        std::string_view val = b.attribute("val").as_string("1");
        bold_fonts.push_back(b && val != "0" && val != "false");
    }
    CellStyles styles;
    for (pugi::xml_node xf : style_sheet.child("cellXfs").children("xf")) {
        CellStyle style;
        int id = xf.attribute("numFmtId").as_int(0);
        // Built-in ids: 14-22 and 45-47 are dates and times, 9 and 10 percentages.
        if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) {
            style.kind = NumberKind::kDate;
        } else if (id == 9 || id == 10) {
            style.kind = NumberKind::kPercent;
            style.decimals = id == 10 ? 2 : 0;
        } else if (auto custom = custom_formats.find(id); custom != custom_formats.end()) {
            const std::string& code = custom->second;
            if (code.find('%') != std::string::npos) {
                style.kind = NumberKind::kPercent;
                size_t dot = code.find('.');
                style.decimals = dot == std::string::npos ? 0 : static_cast<int>(code.find('%') - dot - 1);
                if (style.decimals < 0 || style.decimals > 10) style.decimals = 0;
            } else if (IsDateFormatCode(code)) {
                style.kind = NumberKind::kDate;
            }
        }
        size_t font = xf.attribute("fontId").as_uint(0);
        style.bold = font < bold_fonts.size() && bold_fonts[font];
        styles.styles_.push_back(style);
    }
    return styles;
}

const CellStyle& CellStyles::Get(int index) const {
    static const CellStyle kDefault;
    if (index < 0 || static_cast<size_t>(index) >= styles_.size()) return kDefault;
    return styles_[static_cast<size_t>(index)];
}

}  // namespace planwatch::import::xlsx
