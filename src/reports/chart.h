#pragma once
// Charts as data, laid out once into shapes that both the SVG writer (html/)
// and the PNG painter (docx/) draw, so the two look the same. Pure.
#include <string>
#include <vector>

namespace planwatch::reports {

struct Chart {
    enum class Kind {
        kBars,       // one horizontal bar per row: values[0]
        kPercent,    // one group per row, one bar per series, values as ratios 0..1
        kTimeline,   // one span per row from start to end (days), a marker line at `marker`
        kTree,       // an organisation chart: boxes joined by lines, each row under rows[parent]
                     // (chart_tree.cc). A row with one child stacks it below; a row with several
                     // fans them out in columns, and the children of fanned-out rows are not drawn
                     // (say how many there are in their note), so a big unit stays readable.
    };
    Kind kind = Kind::kBars;
    std::string id;      // unique in the document; SVG ids derive from it
    std::string title;   // read by screen readers (<title>) and shown above the chart
    std::string desc;    // what the chart shows, in a sentence (<desc>)
    std::vector<std::string> series;  // legend entries (kPercent)
    struct Row {
        std::string label;
        std::vector<double> values;
        std::string color;  // kBars and kTimeline: the bar's fill
        long start = 0;     // kTimeline: days since 1970-01-01
        long end = 0;
        int parent = -1;    // kTree: index of the row above, -1 for the root (the first such row)
        std::string note;   // kTree: a smaller second line ("12 units")
        bool emphasis = false;  // kTree: the unit the page is about
    };
    std::vector<Row> rows;
    std::vector<std::string> series_colors;
    long axis_start = 0;  // kTimeline
    long axis_end = 0;
    long marker = 0;
};

// A primitive of the laid-out chart. Coordinates in CSS pixels, origin top left.
struct Shape {
    enum class Kind { kRect, kText, kLine };
    Kind kind = Kind::kRect;
    double x = 0, y = 0, w = 0, h = 0;  // a line goes from (x, y) to (x + w, y + h)
    std::string color;                  // "#rrggbb": fill, text or stroke colour
    std::string stroke;                 // a rectangle's outline, "#rrggbb"; empty for none
    std::string text;
    double size = 11;                   // font size
    enum class Anchor { kStart, kMiddle, kEnd };
    Anchor anchor = Anchor::kStart;
    bool bold = false;
};

struct Drawing {
    double width = 0;
    double height = 0;
    std::vector<Shape> shapes;
};

Drawing LayOut(const Chart& chart);

// Fill colour of a status ("overdue", …) in every chart and table.
const char* StatusColor(const std::string& status_name);

}  // namespace planwatch::reports
