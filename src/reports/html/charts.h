#pragma once
// Charts as inline SVG for HTML and PDF: role="img" with <title> and <desc>,
// so screen readers announce what the chart shows; the data table that follows
// it in the report is the text alternative. Pure.
#include <string>

#include "reports/chart.h"

namespace planwatch::reports::html {

// described_by: the id of the table holding the chart's data (aria-describedby).
std::string ChartSvg(const Chart& chart, const std::string& described_by);

// & < > " escaped for text and attribute values.
std::string EscapeXml(const std::string& text);

}  // namespace planwatch::reports::html
