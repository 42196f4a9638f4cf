#include "import/pdf/pdf_reader.h"

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "import/pdf/pdf_layout.h"

namespace planwatch::import {
namespace {

void SilencePoppler() {
    // poppler prints syntax errors of broken files to stderr; the Status says it instead.
    static const bool silenced = [] {
        poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
        return true;
    }();
    (void)silenced;
}

bool IsBoldFont(const std::string& font) {
    // Subset prefixes ("BAAAAA+DejaVuSans-Bold") and styles ("Arial,Bold", "Calibri-BoldItalic").
    return font.find("Bold") != std::string::npos || font.find("bold") != std::string::npos ||
           font.find("Black") != std::string::npos || font.find("Heavy") != std::string::npos;
}

// Table borders from a rendering without anti-aliasing (a hairline stays one
// dark pixel). 200 dpi places a rule within 0.2 pt; a huge page is rendered
// coarser so that no page takes more than ~4 million pixels.
std::vector<pdf::Rule> RenderRules(const poppler::page& page, double width, double height, double* pixel) {
    constexpr double kPixelsPerPoint = 200.0 / 72.0;
    constexpr double kMaxPixels = 4.0e6;
    if (width <= 0 || height <= 0) return {};
    double scale = std::min(kPixelsPerPoint, std::sqrt(kMaxPixels / (width * height)));
    *pixel = 1 / scale;
    poppler::page_renderer renderer;
    renderer.set_render_hints(0);
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image image = renderer.render_page(&page, 72.0 * scale, 72.0 * scale);
    if (!image.is_valid() || image.format() != poppler::image::format_gray8) return {};
    pdf::GreyImage grey{reinterpret_cast<const uint8_t*>(image.const_data()), image.width(), image.height(),
                        image.bytes_per_row(), scale};
    return pdf::FindRules(grey);
}

}  // namespace

StatusOr<Document> ReadPdf(std::string_view bytes) {
    size_t header = bytes.substr(0, 1024).find("%PDF-");
    if (header == std::string_view::npos) {
        return InvalidArgument("not a PDF file: expected \"%PDF-\" within the first 1024 bytes");
    }
    SilencePoppler();
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        return InvalidArgument("not a readable PDF: it starts with \"%PDF-\" but its structure is corrupt "
                               "(expected a cross-reference table and page tree)");
    }
    // is_encrypted() alone is fine: many public PDFs carry only an owner password.
    if (doc->is_locked()) {
        return InvalidArgument("the PDF is encrypted: expected an unprotected PDF (save it again without a password)");
    }
    int page_count = doc->pages();
    if (page_count <= 0) return InvalidArgument("the PDF has no pages");
    if (page_count > kMaxPdfPages) {
        return InvalidArgument(fmt::format("the PDF has {} pages; at most {} are read", page_count, kMaxPdfPages));
    }
    std::vector<pdf::Page> pages;
    size_t words = 0;
    for (int index = 0; index < page_count; ++index) {
        std::unique_ptr<poppler::page> page(doc->create_page(index));
        pdf::Page out;
        if (!page) {
            pages.push_back(out);
            continue;
        }
        poppler::rectf box = page->page_rect(poppler::media_box);
        out.width = box.width();
        out.height = box.height();
        for (const poppler::text_box& text : page->text_list(poppler::page::text_list_include_font)) {
            poppler::byte_array utf8 = text.text().to_utf8();
            poppler::rectf where = text.bbox();
            pdf::Word word;
            word.text.assign(utf8.begin(), utf8.end());
            word.x = where.x();
            word.y = where.y();
            word.width = where.width();
            word.height = where.height();
            word.bold = IsBoldFont(text.get_font_name());
            word.space_after = text.has_space_after();
            out.words.push_back(std::move(word));
        }
        words += out.words.size();
        if (!out.words.empty()) out.rules = RenderRules(*page, out.width, out.height, &out.pixel);
        pages.push_back(std::move(out));
    }
    if (words == 0) {
        return InvalidArgument(fmt::format("the PDF's {} page(s) have no text layer (a scan?): expected a PDF with "
                                           "text, or run OCR on it first",
                                           page_count));
    }
    Document result;
    result.format = "pdf";
    pdf::DropPageFurniture(&pages, &result.notes);
    result.blocks = pdf::LayoutPages(pages);
    return result;
}

}  // namespace planwatch::import
