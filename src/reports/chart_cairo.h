#pragma once
// Paints a laid-out chart on any cairo surface: the PNG images of DOCX and the
// charts of the directly drawn PDF share it, so they look like the SVG.
#include <cairo.h>

#include "reports/chart.h"

namespace planwatch::reports {

// Draws d with its origin at the current user-space origin of cr.
void PaintDrawing(cairo_t* cr, const Drawing& d);

}  // namespace planwatch::reports
