#pragma once
// Charts as PNG for DOCX (Word has no SVG fallback we can rely on), painted with
// cairo from the same layout as the SVG. Any thread may call it.
#include <string>

#include "common/status.h"
#include "reports/chart.h"

namespace planwatch::reports::docx {

struct Png {
    std::string bytes;
    double width_px = 0;   // size at 96 dpi, before the scale
    double height_px = 0;
};

// scale 2 gives a sharp print at the chart's size. kInternal when cairo fails.
StatusOr<Png> ChartPng(const Chart& chart, double scale = 2.0);

}  // namespace planwatch::reports::docx
