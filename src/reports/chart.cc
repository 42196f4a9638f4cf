#include "reports/chart.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "domain/civil_date.h"
#include "reports/chart_tree.h"

namespace planwatch::reports {
namespace {

constexpr double kWidth = 680;
constexpr double kLabelWidth = 230;
constexpr double kRowHeight = 22;
constexpr double kTop = 8;
constexpr const char* kInk = "#1b1b1b";
constexpr const char* kGrid = "#a9aeb1";
// Labels longer than this are cut with an ellipsis; the data table has them whole.
constexpr size_t kMaxLabelChars = 34;

std::string Shorten(const std::string& label) {
    // Count code points, not bytes, so a cut never splits a letter.
    size_t chars = 0, i = 0;
    for (; i < label.size(); ++i) {
        if ((static_cast<unsigned char>(label[i]) & 0xC0) != 0x80) {
            if (chars == kMaxLabelChars) return label.substr(0, i) + "…";
            ++chars;
        }
    }
    return label;
}

Shape Text(double x, double y, std::string text, Shape::Anchor anchor = Shape::Anchor::kStart, double size = 11) {
    return Shape{.kind = Shape::Kind::kText, .x = x, .y = y, .color = kInk, .text = std::move(text), .size = size,
                 .anchor = anchor};
}

Shape Rect(double x, double y, double w, double h, std::string color) {
    return Shape{.kind = Shape::Kind::kRect, .x = x, .y = y, .w = w, .h = h, .color = std::move(color)};
}

Shape Line(double x, double y, double w, double h, std::string color) {
    return Shape{.kind = Shape::Kind::kLine, .x = x, .y = y, .w = w, .h = h, .color = std::move(color)};
}

std::string Number(double v) { return std::fabs(v - std::round(v)) < 1e-9 ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v); }

Drawing Bars(const Chart& chart) {
    Drawing d{.width = kWidth};
    double max = 0;
    for (const Chart::Row& row : chart.rows) max = std::max(max, row.values.empty() ? 0 : row.values[0]);
    double plot = kWidth - kLabelWidth - 50;
    double y = kTop;
    for (const Chart::Row& row : chart.rows) {
        double v = row.values.empty() ? 0 : row.values[0];
        double w = max > 0 ? plot * v / max : 0;
        d.shapes.push_back(Text(kLabelWidth - 8, y + 15, Shorten(row.label), Shape::Anchor::kEnd, 10));
        d.shapes.push_back(Rect(kLabelWidth, y + 3, std::max(w, 1.0), kRowHeight - 6, row.color));
        d.shapes.push_back(Text(kLabelWidth + w + 6, y + 15, Number(v)));
        y += kRowHeight;
    }
    d.shapes.push_back(Line(kLabelWidth, kTop, 0, y - kTop, kGrid));
    d.height = y + kTop;
    return d;
}

Drawing Percent(const Chart& chart) {
    Drawing d{.width = kWidth};
    double plot = kWidth - kLabelWidth - 50;
    size_t n = std::max<size_t>(chart.series.size(), 1);
    double bar = (kRowHeight - 4) / static_cast<double>(n) + 2;
    double group = bar * n + 8;
    double y = kTop;
    // Legend on top, so the reader knows the colours before the bars.
    double lx = kLabelWidth;
    for (size_t s = 0; s < chart.series.size(); ++s) {
        d.shapes.push_back(Rect(lx, y + 2, 12, 12, chart.series_colors[s % chart.series_colors.size()]));
        d.shapes.push_back(Text(lx + 16, y + 12, chart.series[s]));
        lx += 24 + 7.0 * chart.series[s].size();
    }
    y += 22;
    double top = y;
    for (const Chart::Row& row : chart.rows) {
        d.shapes.push_back(Text(kLabelWidth - 8, y + group / 2 + 3, Shorten(row.label), Shape::Anchor::kEnd, 10));
        for (size_t s = 0; s < row.values.size(); ++s) {
            double v = std::clamp(row.values[s], 0.0, 1.0);
            double by = y + 2 + bar * s;
            d.shapes.push_back(Rect(kLabelWidth, by, std::max(plot * v, 1.0), bar - 2,
                                    chart.series_colors[s % chart.series_colors.size()]));
            d.shapes.push_back(Text(kLabelWidth + plot * v + 4, by + bar - 4, fmt::format("{:.0f} %", 100 * v),
                                    Shape::Anchor::kStart, 9));
        }
        y += group;
    }
    for (int pct = 0; pct <= 100; pct += 50) {
        double x = kLabelWidth + plot * pct / 100.0;
        d.shapes.push_back(Line(x, top, 0, y - top, kGrid));
        d.shapes.push_back(Text(x, y + 12, fmt::format("{} %", pct), Shape::Anchor::kMiddle, 9));
    }
    d.height = y + 20;
    return d;
}

Drawing Timeline(const Chart& chart) {
    Drawing d{.width = kWidth};
    double plot = kWidth - kLabelWidth - 20;
    long span = std::max(chart.axis_end - chart.axis_start, 1L);
    auto x_of = [&](long day) { return kLabelWidth + plot * static_cast<double>(day - chart.axis_start) / span; };
    double y = kTop + 16;
    double top = y;
    double row_h = 14;
    for (const Chart::Row& row : chart.rows) {
        d.shapes.push_back(Text(kLabelWidth - 8, y + 10, Shorten(row.label), Shape::Anchor::kEnd, 9));
        double x0 = x_of(std::max(row.start, chart.axis_start)), x1 = x_of(std::min(row.end, chart.axis_end));
        d.shapes.push_back(Rect(x0, y + 2, std::max(x1 - x0, 2.0), row_h - 4, row.color));
        y += row_h;
    }
    // One tick per year, labelled at the year's start.
    domain::CivilDate first = domain::AddDays(domain::CivilDate{}, chart.axis_start);
    domain::CivilDate last = domain::AddDays(domain::CivilDate{}, chart.axis_end);
    for (int year = first.year; year <= last.year + 1; ++year) {
        long day = domain::DaysFromEpoch(domain::CivilDate{year, 1, 1});
        if (day < chart.axis_start || day > chart.axis_end) continue;
        d.shapes.push_back(Line(x_of(day), top - 4, 0, y - top + 4, kGrid));
        d.shapes.push_back(Text(x_of(day), top - 6, std::to_string(year), Shape::Anchor::kMiddle, 9));
    }
    if (chart.marker >= chart.axis_start && chart.marker <= chart.axis_end) {
        Shape marker = Line(x_of(chart.marker), top - 4, 0, y - top + 8, "#d83933");
        d.shapes.push_back(marker);
    }
    d.height = y + 12;
    return d;
}

}  // namespace

Drawing LayOut(const Chart& chart) {
    switch (chart.kind) {
        case Chart::Kind::kBars: return Bars(chart);
        case Chart::Kind::kPercent: return Percent(chart);
        case Chart::Kind::kTimeline: return Timeline(chart);
        case Chart::Kind::kTree: return LayOutTree(chart);
    }
    return {};
}

const char* StatusColor(const std::string& status) {
    // USWDS "vivid" colours, dark enough for 3:1 contrast against white (WCAG 1.4.11).
    if (status == "overdue") return "#b50909";
    if (status == "not_reported") return "#6c3d91";
    if (status == "at_risk") return "#c05600";
    if (status == "on_track") return "#008817";
    if (status == "completed") return "#005ea2";
    if (status == "cancelled") return "#565c65";
    return "#71767a";  // not_started
}

}  // namespace planwatch::reports
