#pragma once
// Ruling lines of a page, found in a rendering of it. poppler-cpp exposes words
// but no vector graphics, so the table borders a word processor draws are read
// back from pixels: a rule is a long, thin run of dark pixels. Pure: no poppler.
#include <cstdint>
#include <vector>

namespace planwatch::import::pdf {

// A horizontal (y0 == y1) or vertical (x0 == x1) line, in points, origin top-left.
struct Rule {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool horizontal() const { return y0 == y1; }
    friend bool operator==(const Rule&, const Rule&) = default;
};

// An 8-bit grey rendering (0 black, 255 white) of a page at `pixels_per_point`,
// rendered without anti-aliasing so that a hairline is one dark pixel wide.
struct GreyImage {
    const uint8_t* pixels = nullptr;
    int width = 0, height = 0;
    int stride = 0;  // bytes from one pixel row to the next
    double pixels_per_point = 1;
};

// Horizontal runs at least `min_horizontal` points long and vertical runs at
// least `min_vertical` long, at most `max_thickness` points thick (thicker dark
// areas are fills: shaded cells, images). Glyph strokes come out as short
// vertical rules; the grid builder ignores rules that meet no other rule.
std::vector<Rule> FindRules(const GreyImage& image, double min_horizontal = 12, double min_vertical = 6,
                            double max_thickness = 2.5);

// A ruled table: the rules that meet each other, as a grid of row and column
// boundaries and which stretches of the grid lines are drawn. A stretch not
// drawn between two grid cells means they are one merged cell.
struct Grid {
    std::vector<double> xs;  // column boundaries, left to right (columns = xs.size() - 1)
    std::vector<double> ys;  // row boundaries, top to bottom
    // vertical[r][k]: boundary xs[k] is drawn beside row r; horizontal[k][c]: ys[k] above column c.
    std::vector<std::vector<bool>> vertical;
    std::vector<std::vector<bool>> horizontal;
    int rows() const { return static_cast<int>(ys.size()) - 1; }
    int columns() const { return static_cast<int>(xs.size()) - 1; }
};

// The grids the rules of one page form, top to bottom. A grid needs two
// horizontal and two vertical rules that meet; rules that meet nothing
// (underlines, glyph strokes, a lone separator line) are not part of any grid.
// `pixel` is the size in points of a pixel of the rendering the rules came from:
// rules meet within two and a half pixels (a point at least).
std::vector<Grid> FindGrids(const std::vector<Rule>& rules, double pixel = 0.36);

}  // namespace planwatch::import::pdf
