#include "reports/html/charts.h"

#include <fmt/format.h>

namespace planwatch::reports::html {

std::string EscapeXml(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string ChartSvg(const Chart& chart, const std::string& described_by) {
    Drawing d = LayOut(chart);
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
        "viewBox=\"0 0 {0:.0f} {1:.0f}\" aria-labelledby=\"{2}-title {2}-desc\"{3} "
        "font-family=\"DejaVu Sans, sans-serif\">"
        "<title id=\"{2}-title\">{4}</title><desc id=\"{2}-desc\">{5}</desc>",
        d.width, d.height, chart.id, described_by.empty() ? "" : " aria-describedby=\"" + described_by + "\"",
        EscapeXml(chart.title), EscapeXml(chart.desc));
    for (const Shape& s : d.shapes) {
        switch (s.kind) {
            case Shape::Kind::kRect:
                out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"{}/>",
                                   s.x, s.y, s.w, s.h, s.color,
                                   s.stroke.empty() ? "" : " stroke=\"" + s.stroke + "\"");
                break;
            case Shape::Kind::kLine:
                out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\"/>", s.x,
                                   s.y, s.x + s.w, s.y + s.h, s.color);
                break;
            case Shape::Kind::kText: {
                const char* anchor = s.anchor == Shape::Anchor::kEnd      ? "end"
                                     : s.anchor == Shape::Anchor::kMiddle ? "middle"
                                                                          : "start";
                out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{:.0f}\" text-anchor=\"{}\" fill=\"{}\"{}>{}</text>",
                                   s.x, s.y, s.size, anchor, s.color, s.bold ? " font-weight=\"bold\"" : "",
                                   EscapeXml(s.text));
                break;
            }
        }
    }
    out += "</svg>";
    return out;
}

}  // namespace planwatch::reports::html
