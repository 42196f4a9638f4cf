// Organisation charts (Chart::Kind::kTree): a chain of boxes from the root down
// to the first unit with several children, then those children fanned out. A
// few children sit side by side under a bus line; more hang in columns from a
// trunk each, so a directorate with forty centres grows taller, not wider, and
// every name stays legible at the page's width.
#include "reports/chart_tree.h"

#include <algorithm>
#include <cmath>

namespace planwatch::reports {
namespace {

constexpr double kWidth = 760;
constexpr double kMargin = 8;
constexpr double kChainBoxWidth = 460;
constexpr double kStackGap = 24;   // between boxes stacked one under the other
constexpr double kBusDrop = 14;    // from the bus line to the boxes hanging from it
constexpr double kColumnGap = 18;
constexpr double kIndent = 14;     // from a column's trunk to its boxes
constexpr double kHangGap = 8;     // between boxes of one column
constexpr double kPad = 7;
constexpr int kMaxColumns = 3;
constexpr size_t kMaxLines = 3;

constexpr const char* kInk = "#1b1b1b";
constexpr const char* kNoteInk = "#3d4551";
constexpr const char* kConnector = "#565c65";
constexpr const char* kAncestorFill = "#f0f0f0";
constexpr const char* kAncestorBorder = "#71767a";
constexpr const char* kEmphasisFill = "#1a4480";
constexpr const char* kEmphasisInk = "#ffffff";
constexpr const char* kChildFill = "#ffffff";
constexpr const char* kChildBorder = "#005ea2";

struct Style {
    double size = 11;
    double note_size = 10;
    bool centred = false;
};

size_t CodePoints(const std::string& text) {
    size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// The first `chars` code points of text.
std::string Prefix(const std::string& text, size_t chars) {
    size_t seen = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (seen == chars) return text.substr(0, i);
            ++seen;
        }
    }
    return text;
}

// Greedy word wrap to at most max_lines; the last line ends in "…" when text
// does not fit (the text alternative beside the chart has every name whole).
// DejaVu Sans (the font of every chart) advances about 0.6 em per letter in
// Romanian and Slovenian text; overestimating keeps text inside its box.
std::vector<std::string> Wrap(const std::string& text, double width, double size, size_t max_lines) {
    const size_t per_line = std::max<size_t>(4, static_cast<size_t>(width / (size * 0.6)));
    std::vector<std::string> lines;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) lines.push_back(current);
        current.clear();
    };
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(start, end - start);
        start = end + 1;
        while (CodePoints(word) > per_line) {  // a word longer than a line is split
            flush();
            std::string head = Prefix(word, per_line);
            lines.push_back(head);
            word = word.substr(head.size());
        }
        if (word.empty()) continue;
        if (current.empty()) {
            current = word;
        } else if (CodePoints(current) + 1 + CodePoints(word) <= per_line) {
            current += " " + word;
        } else {
            flush();
            current = word;
        }
    }
    flush();
    if (lines.size() <= max_lines) return lines;
    lines.resize(max_lines);
    std::string& last = lines.back();
    if (CodePoints(last) + 1 > per_line) last = Prefix(last, per_line - 1);
    last += "…";
    return lines;
}

double LineHeight(double size) { return std::round(size * 1.35); }

double BoxHeight(const std::vector<std::string>& lines, const Chart::Row& row, const Style& style) {
    double h = 2 * kPad + LineHeight(style.size) * static_cast<double>(lines.size());
    if (!row.note.empty()) h += LineHeight(style.note_size);
    return h;
}

// One box with its text; fill, border and ink by the row's place in the chart.
void Box(Drawing& d, double x, double y, double w, double h, const std::vector<std::string>& lines,
         const Chart::Row& row, const Style& style, bool ancestor) {
    const char* fill = row.emphasis ? kEmphasisFill : ancestor ? kAncestorFill : kChildFill;
    const char* border = row.emphasis ? kEmphasisFill : ancestor ? kAncestorBorder : kChildBorder;
    const char* ink = row.emphasis ? kEmphasisInk : kInk;
    d.shapes.push_back(Shape{.kind = Shape::Kind::kRect, .x = x, .y = y, .w = w, .h = h, .color = fill, .stroke = border});
    const double tx = style.centred ? x + w / 2 : x + kPad;
    const Shape::Anchor anchor = style.centred ? Shape::Anchor::kMiddle : Shape::Anchor::kStart;
    double baseline = y + kPad + style.size;
    for (const std::string& line : lines) {
        d.shapes.push_back(Shape{.kind = Shape::Kind::kText, .x = tx, .y = baseline, .color = ink, .text = line,
                                 .size = style.size, .anchor = anchor, .bold = row.emphasis});
        baseline += LineHeight(style.size);
    }
    if (!row.note.empty()) {
        baseline += LineHeight(style.note_size) - LineHeight(style.size);
        d.shapes.push_back(Shape{.kind = Shape::Kind::kText, .x = tx, .y = baseline,
                                 .color = row.emphasis ? kEmphasisInk : kNoteInk, .text = row.note,
                                 .size = style.note_size, .anchor = anchor});
    }
}

Shape Connector(double x, double y, double w, double h) {
    return Shape{.kind = Shape::Kind::kLine, .x = x, .y = y, .w = w, .h = h, .color = kConnector};
}

// Children side by side under a bus line, each with its own drop.
double FanInRow(Drawing& d, const Chart& chart, const std::vector<int>& fan, double parent_x, double top) {
    const Style style;
    const double columns = static_cast<double>(fan.size());
    const double w = (kWidth - 2 * kMargin - (columns - 1) * kColumnGap) / columns;
    double h = 0;
    std::vector<std::vector<std::string>> lines;
    for (int index : fan) {
        lines.push_back(Wrap(chart.rows[index].label, w - 2 * kPad, style.size, kMaxLines));
        h = std::max(h, BoxHeight(lines.back(), chart.rows[index], style));
    }
    const double bus = top + kStackGap / 2;
    const double first_centre = kMargin + w / 2;
    const double last_centre = kMargin + (columns - 1) * (w + kColumnGap) + w / 2;
    d.shapes.push_back(Connector(parent_x, top, 0, bus - top));
    d.shapes.push_back(Connector(first_centre, bus, last_centre - first_centre, 0));
    for (size_t c = 0; c < fan.size(); ++c) {
        const double x = kMargin + static_cast<double>(c) * (w + kColumnGap);
        d.shapes.push_back(Connector(x + w / 2, bus, 0, kBusDrop));
        Box(d, x, bus + kBusDrop, w, h, lines[c], chart.rows[fan[c]], style, false);
    }
    return bus + kBusDrop + h;
}

// More children than fit side by side: columns hanging from the bus, read top
// to bottom, then left to right, in the order of the rows.
double FanInColumns(Drawing& d, const Chart& chart, const std::vector<int>& fan, double parent_x, double top) {
    const Style style;
    const int columns = kMaxColumns;
    const double column_w = (kWidth - 2 * kMargin - (columns - 1) * kColumnGap) / columns;
    const double box_w = column_w - kIndent;
    const size_t per_column = (fan.size() + columns - 1) / columns;
    const double bus = top + kStackGap / 2;
    d.shapes.push_back(Connector(parent_x, top, 0, bus - top));
    const double first_trunk = kMargin;
    const double last_trunk = kMargin + (columns - 1) * (column_w + kColumnGap);
    d.shapes.push_back(Connector(first_trunk, bus, std::max(last_trunk, parent_x) - first_trunk, 0));
    double bottom = bus;
    for (int c = 0; c < columns; ++c) {
        const size_t begin = static_cast<size_t>(c) * per_column;
        const size_t end = std::min(fan.size(), begin + per_column);
        if (begin >= end) break;
        const double trunk = kMargin + c * (column_w + kColumnGap);
        double y = bus + kBusDrop;
        double last_mid = bus;
        for (size_t i = begin; i < end; ++i) {
            const Chart::Row& row = chart.rows[fan[i]];
            std::vector<std::string> lines = Wrap(row.label, box_w - 2 * kPad, style.size, kMaxLines);
            const double h = BoxHeight(lines, row, style);
            last_mid = y + h / 2;
            d.shapes.push_back(Connector(trunk, last_mid, kIndent, 0));
            Box(d, trunk + kIndent, y, box_w, h, lines, row, style, false);
            y += h + kHangGap;
        }
        d.shapes.push_back(Connector(trunk, bus, 0, last_mid - bus));
        bottom = std::max(bottom, y - kHangGap);
    }
    return bottom;
}

}  // namespace

Drawing LayOutTree(const Chart& chart) {
    Drawing d{.width = kWidth, .height = 2 * kMargin};
    std::vector<std::vector<int>> children(chart.rows.size());
    int root = -1;
    for (size_t i = 0; i < chart.rows.size(); ++i) {
        const int parent = chart.rows[i].parent;
        if (parent >= 0 && parent < static_cast<int>(chart.rows.size()) && parent != static_cast<int>(i)) {
            children[parent].push_back(static_cast<int>(i));
        } else if (root < 0) {
            root = static_cast<int>(i);
        }
    }
    if (root < 0) return d;

    const Style chain_style{.size = 12, .note_size = 10, .centred = true};
    const double centre = kWidth / 2;
    double y = kMargin;
    int node = root;
    // Rows seen, so a parent loop in the input ends the chain instead of looping.
    std::vector<bool> drawn(chart.rows.size(), false);
    while (true) {
        drawn[node] = true;
        const Chart::Row& row = chart.rows[node];
        std::vector<std::string> lines = Wrap(row.label, kChainBoxWidth - 2 * kPad, chain_style.size, kMaxLines);
        const double h = BoxHeight(lines, row, chain_style);
        if (node != root) d.shapes.push_back(Connector(centre, y - kStackGap, 0, kStackGap));
        Box(d, centre - kChainBoxWidth / 2, y, kChainBoxWidth, h, lines, row, chain_style, !row.emphasis);
        y += h;
        if (children[node].size() != 1 || drawn[children[node][0]]) break;
        node = children[node][0];
        y += kStackGap;
    }
    const std::vector<int>& fan = children[node];
    if (fan.size() >= 2 && fan.size() <= static_cast<size_t>(kMaxColumns)) {
        y = FanInRow(d, chart, fan, centre, y);
    } else if (fan.size() > static_cast<size_t>(kMaxColumns)) {
        y = FanInColumns(d, chart, fan, centre, y);
    }
    d.height = y + kMargin;
    return d;
}

}  // namespace planwatch::reports
