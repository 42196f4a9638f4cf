#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "reports/chart.h"
#include "reports/html/charts.h"

namespace planwatch::reports {
namespace {

Chart Tree(int children, const std::string& child_label = "Centrul de zi") {
    Chart chart{.kind = Chart::Kind::kTree, .id = "org", .title = "Organigrama", .desc = "Unități"};
    chart.rows.push_back({.label = "Direcția Generală de Asistență Socială și Protecția Copilului Cluj"});
    chart.rows.push_back({.label = "Direcția protecția drepturilor copilului", .parent = 0, .emphasis = true});
    for (int i = 0; i < children; ++i) {
        chart.rows.push_back({.label = child_label + " " + std::to_string(i + 1), .parent = 1});
    }
    return chart;
}

std::vector<Shape> OfKind(const Drawing& d, Shape::Kind kind) {
    std::vector<Shape> out;
    for (const Shape& s : d.shapes) {
        if (s.kind == kind) out.push_back(s);
    }
    return out;
}

size_t CodePoints(const std::string& text) {
    size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool Overlap(const Shape& a, const Shape& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

TEST(TreeLayout, DrawsOneOutlinedBoxPerUnitInsideTheChart) {
    Drawing d = LayOut(Tree(44));
    std::vector<Shape> boxes = OfKind(d, Shape::Kind::kRect);
    ASSERT_EQ(boxes.size(), 46u);
    for (size_t i = 0; i < boxes.size(); ++i) {
        EXPECT_FALSE(boxes[i].stroke.empty());
        EXPECT_GE(boxes[i].x, 0);
        EXPECT_LE(boxes[i].x + boxes[i].w, d.width);
        EXPECT_LE(boxes[i].y + boxes[i].h, d.height);
        for (size_t j = i + 1; j < boxes.size(); ++j) EXPECT_FALSE(Overlap(boxes[i], boxes[j])) << i << " " << j;
    }
}

TEST(TreeLayout, ManyChildrenHangInThreeColumnsSoTheChartKeepsItsWidth) {
    Drawing few = LayOut(Tree(3));
    Drawing many = LayOut(Tree(44));
    EXPECT_EQ(few.width, many.width);
    std::vector<Shape> boxes = OfKind(many, Shape::Kind::kRect);
    std::vector<double> lefts;
    for (size_t i = 2; i < boxes.size(); ++i) {
        if (std::find(lefts.begin(), lefts.end(), boxes[i].x) == lefts.end()) lefts.push_back(boxes[i].x);
    }
    EXPECT_EQ(lefts.size(), 3u);
    // 44 children: 15 rows in the tallest column, so far taller than 3 side by side.
    EXPECT_GT(many.height, 3 * few.height);
    // Every child is joined to a trunk: the parent's drop, the bus, 3 trunks, one tick per child.
    EXPECT_EQ(OfKind(many, Shape::Kind::kLine).size(), 1u + 1u + 1u + 3u + 44u);
}

TEST(TreeLayout, TheChainIsStackedAndTheCurrentUnitStandsOut) {
    Drawing d = LayOut(Tree(2));
    std::vector<Shape> boxes = OfKind(d, Shape::Kind::kRect);
    ASSERT_EQ(boxes.size(), 4u);
    EXPECT_LT(boxes[0].y + boxes[0].h, boxes[1].y);  // the parent above
    EXPECT_EQ(boxes[0].x + boxes[0].w / 2, boxes[1].x + boxes[1].w / 2);
    EXPECT_NE(boxes[1].color, boxes[0].color);
    EXPECT_EQ(boxes[2].y, boxes[3].y);  // two children side by side
    bool bold = false;
    for (const Shape& text : OfKind(d, Shape::Kind::kText)) {
        if (text.text.find("drepturilor") != std::string::npos) bold = text.bold;
    }
    EXPECT_TRUE(bold);
}

TEST(TreeLayout, LongNamesWrapAndAreCutWithAnEllipsisAfterThreeLines) {
    const std::string name =
        "Serviciul Prevenire Marginalizare Socială și Integrare Socio-Profesională, Evidență Prestații Sociale, "
        "Compartiment Incluziune Socială și încă un compartiment cu un nume foarte lung";
    Drawing d = LayOut(Tree(5, name));
    std::vector<std::string> first_child;
    std::vector<Shape> texts = OfKind(d, Shape::Kind::kText);
    std::vector<Shape> boxes = OfKind(d, Shape::Kind::kRect);
    for (const Shape& text : texts) {
        if (text.x > boxes[2].x && text.x < boxes[2].x + boxes[2].w && text.y > boxes[2].y &&
            text.y < boxes[2].y + boxes[2].h) {
            first_child.push_back(text.text);
        }
    }
    ASSERT_EQ(first_child.size(), 3u);
    EXPECT_EQ(first_child[0].rfind("Serviciul Prevenire", 0), 0u);
    EXPECT_NE(first_child[2].find("…"), std::string::npos);
    for (const std::string& line : first_child) EXPECT_LE(CodePoints(line) * 0.6 * 11, boxes[2].w) << line;
}

TEST(TreeLayout, SvgHasTitleDescAndOutlines) {
    std::string svg = html::ChartSvg(Tree(4), "org-list");
    EXPECT_NE(svg.find("<title id=\"org-title\">Organigrama</title>"), std::string::npos);
    EXPECT_NE(svg.find("aria-labelledby=\"org-title org-desc\""), std::string::npos);
    EXPECT_NE(svg.find("aria-describedby=\"org-list\""), std::string::npos);
    EXPECT_NE(svg.find("stroke=\"#005ea2\""), std::string::npos);
    EXPECT_NE(svg.find("Centrul de zi 4"), std::string::npos);
}

TEST(TreeLayout, AParentLoopInTheInputEndsTheChain) {
    Chart chart{.kind = Chart::Kind::kTree, .id = "loop"};
    chart.rows.push_back({.label = "A"});
    chart.rows.push_back({.label = "B", .parent = 2});
    chart.rows.push_back({.label = "C", .parent = 1});
    Drawing d = LayOut(chart);
    EXPECT_EQ(OfKind(d, Shape::Kind::kRect).size(), 1u);  // only the root: B and C hang from nothing drawn
}

}  // namespace
}  // namespace planwatch::reports
