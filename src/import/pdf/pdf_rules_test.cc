#include "import/pdf/pdf_rules.h"

#include <gtest/gtest.h>

namespace planwatch::import::pdf {
namespace {

// A white page of `width` x `height` points drawn at one pixel per point.
struct Canvas {
    int width, height;
    std::vector<uint8_t> pixels;
    Canvas(int w, int h) : width(w), height(h), pixels(static_cast<size_t>(w * h), 255) {}
    void Fill(int x0, int y0, int x1, int y1, uint8_t grey = 0) {
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) pixels[static_cast<size_t>(y * width + x)] = grey;
        }
    }
    void HLine(int x0, int x1, int y) { Fill(x0, y, x1, y); }
    void VLine(int x, int y0, int y1) { Fill(x, y0, x, y1); }
    GreyImage Image() const { return GreyImage{pixels.data(), width, height, width, 1.0}; }
};

// Columns at 10 | 100 | 200 | 300, rows at 20 | 50 | 80 | 110; the cell of column 0
// spans rows 1 and 2 (no rule at y 80 left of x 100), the cells of row 0 in
// columns 1 and 2 are one (no rule at x 200 above y 50).
Canvas TableWithMerges() {
    Canvas canvas(400, 200);
    canvas.HLine(10, 300, 20);
    canvas.HLine(10, 300, 50);
    canvas.HLine(100, 300, 80);
    canvas.HLine(10, 300, 110);
    canvas.VLine(10, 20, 110);
    canvas.VLine(100, 20, 110);
    canvas.VLine(200, 50, 110);
    canvas.VLine(300, 20, 110);
    return canvas;
}

TEST(FindRules, FindsHairlinesAndSkipsFillsAndShortStrokes) {
    Canvas canvas = TableWithMerges();
    canvas.Fill(320, 20, 380, 60);        // a filled box: an image or a dark shading, not a rule
    canvas.VLine(40, 25, 28);             // a glyph stroke shorter than the minimum
    canvas.Fill(20, 150, 200, 150, 200);  // a light line, lighter than ink
    std::vector<Rule> rules = FindRules(canvas.Image());
    int horizontal = 0, vertical = 0;
    for (const Rule& rule : rules) {
        (rule.horizontal() ? horizontal : vertical)++;
        EXPECT_LT(rule.x0, 320) << "the filled box is not a rule";
    }
    EXPECT_EQ(horizontal, 4);
    EXPECT_EQ(vertical, 4);
    EXPECT_TRUE(std::count(rules.begin(), rules.end(), Rule{100, 80.5, 301, 80.5}));
    EXPECT_TRUE(std::count(rules.begin(), rules.end(), Rule{200.5, 50, 200.5, 111}));
}

TEST(FindGrids, BuildsTheGridAndTellsWhichBordersAreDrawn) {
    Canvas canvas = TableWithMerges();
    canvas.HLine(30, 90, 45);    // an underline inside a cell: meets no border
    canvas.VLine(150, 60, 75);   // a tall glyph stroke inside a cell
    canvas.HLine(10, 300, 170);  // a separator line below the table, alone
    std::vector<Grid> grids = FindGrids(FindRules(canvas.Image()));
    ASSERT_EQ(grids.size(), 1u);
    const Grid& grid = grids.front();
    ASSERT_EQ(grid.columns(), 3);
    ASSERT_EQ(grid.rows(), 3);
    EXPECT_NEAR(grid.xs[1], 100.5, 0.01);
    EXPECT_NEAR(grid.ys[2], 80.5, 0.01);
    EXPECT_FALSE(grid.horizontal[2][0]) << "column 0 spans rows 1 and 2";
    EXPECT_TRUE(grid.horizontal[2][1]);
    EXPECT_FALSE(grid.vertical[0][2]) << "row 0 spans columns 1 and 2";
    EXPECT_TRUE(grid.vertical[1][2]);
    EXPECT_TRUE(grid.vertical[2][0]);
}

TEST(FindGrids, TwoTablesOnAPageAreTwoGrids) {
    Canvas canvas(300, 300);
    for (int top : {20, 160}) {
        canvas.HLine(10, 200, top);
        canvas.HLine(10, 200, top + 40);
        canvas.HLine(10, 200, top + 80);
        canvas.VLine(10, top, top + 80);
        canvas.VLine(100, top, top + 80);
        canvas.VLine(200, top, top + 80);
    }
    std::vector<Grid> grids = FindGrids(FindRules(canvas.Image()));
    ASSERT_EQ(grids.size(), 2u);
    EXPECT_LT(grids[0].ys.front(), grids[1].ys.front());
    EXPECT_EQ(grids[1].rows(), 2);
    EXPECT_EQ(grids[1].columns(), 2);
}

TEST(FindRules, EmptyOrMissingImageHasNoRules) {
    EXPECT_TRUE(FindRules(GreyImage{}).empty());
    Canvas blank(50, 50);
    EXPECT_TRUE(FindRules(blank.Image()).empty());
}

}  // namespace
}  // namespace planwatch::import::pdf
