#include "reports/docx/chart_png.h"

#include "reports/chart_cairo.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace planwatch::reports::docx {
namespace {

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

StatusOr<Png> ChartPng(const Chart& chart, double scale) {
    Drawing d = LayOut(chart);
    int w = static_cast<int>(std::ceil(d.width * scale)), h = static_cast<int>(std::ceil(d.height * scale));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, std::max(w, 1), std::max(h, 1));
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    PaintDrawing(cr, d);
    cairo_surface_flush(surface);
    Png png{.width_px = d.width, .height_px = d.height};
    cairo_status_t status = cairo_status(cr);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_write_to_png_stream(surface, Append, &png.bytes);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) return Internal(std::string("cairo: ") + cairo_status_to_string(status));
    return png;
}

}  // namespace planwatch::reports::docx
