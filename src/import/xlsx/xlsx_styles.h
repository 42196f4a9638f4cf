#pragma once
// Internal to the XLSX reader: what a cell's style index (s="3") means for its
// value: a date, a percentage, bold.
#include <string>
#include <vector>

#include <pugixml.hpp>

namespace planwatch::import::xlsx {

enum class NumberKind { kPlain, kDate, kPercent };

struct CellStyle {
    NumberKind kind = NumberKind::kPlain;
    int decimals = 0;  // for percentages
    bool bold = false;
};

class CellStyles {
public:
    static CellStyles Load(const pugi::xml_node& style_sheet);
    const CellStyle& Get(int index) const;

private:
    std::vector<CellStyle> styles_;
};

// True when an Excel number format code shows a date or time ("dd.mm.yyyy", "m/d/yy h:mm").
bool IsDateFormatCode(const std::string& code);

}  // namespace planwatch::import::xlsx
