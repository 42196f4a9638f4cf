#include "reports/chart_cairo.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace planwatch::reports {
namespace {

void SetColor(cairo_t* cr, const std::string& hex) {
    unsigned long rgb = hex.size() == 7 ? std::strtoul(hex.c_str() + 1, nullptr, 16) : 0;
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
}

void Paint(cairo_t* cr, const Shape& s) {
    SetColor(cr, s.color);
    switch (s.kind) {
        case Shape::Kind::kRect:
            cairo_rectangle(cr, s.x, s.y, s.w, s.h);
            if (s.stroke.empty()) {
                cairo_fill(cr);
                break;
            }
            cairo_fill_preserve(cr);
            SetColor(cr, s.stroke);
            cairo_set_line_width(cr, 1);
            cairo_stroke(cr);
            break;
        case Shape::Kind::kLine:
            cairo_set_line_width(cr, 1);
            cairo_move_to(cr, std::floor(s.x) + 0.5, s.y);
            cairo_line_to(cr, std::floor(s.x + s.w) + 0.5, s.y + s.h);
            cairo_stroke(cr);
            break;
        case Shape::Kind::kText: {
            // The "toy" text API goes through fontconfig and FreeType, so ș ț č ž come out
            // right; it does not shape complex scripts, which our labels do not need.
            cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                                   s.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
            cairo_set_font_size(cr, s.size);
            cairo_text_extents_t ext;
            cairo_text_extents(cr, s.text.c_str(), &ext);
            double x = s.x;
            if (s.anchor == Shape::Anchor::kEnd) x -= ext.x_advance;
            if (s.anchor == Shape::Anchor::kMiddle) x -= ext.x_advance / 2;
            cairo_move_to(cr, x, s.y);
            cairo_show_text(cr, s.text.c_str());
            break;
        }
    }
}

}  // namespace

void PaintDrawing(cairo_t* cr, const Drawing& d) {
    cairo_save(cr);
    for (const Shape& s : d.shapes) Paint(cr, s);
    cairo_restore(cr);
}

}  // namespace planwatch::reports
