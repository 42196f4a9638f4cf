#include "reports/pdf/direct_pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "reports/chart_cairo.h"
#include "reports/labels.h"

namespace planwatch::reports::pdf {
namespace {

constexpr double kA4Short = 595.28, kA4Long = 841.89;
constexpr double kMarginX = 45, kMarginTop = 50, kMarginBottom = 56;
constexpr double kCellPad = 3;
// Table text, in the nominal points of SetFont (pangocairo lays them out at 96 dpi);
// kMinCellSize is as far as a cell shrinks rather than break a word (FitSize).
constexpr double kCellSize = 7.5, kMinCellSize = 4.5;
constexpr double kPxToPt = 0.75;  // chart layouts are in CSS pixels

struct Color {
    double r, g, b;
};
constexpr Color kInk{0.106, 0.106, 0.106}, kGrey{0.27, 0.27, 0.27}, kBlue{0.102, 0.267, 0.502},
    kRule{0.0, 0.369, 0.635}, kBorder{0.663, 0.682, 0.694}, kHeaderFill{0.875, 0.882, 0.886},
    kTotalFill{0.94, 0.94, 0.94};

Color StatusText(const std::string& style) {
    if (style == "overdue") return {0.545, 0.039, 0.012};
    if (style == "not_reported") return {0.361, 0.176, 0.502};
    if (style == "at_risk") return {0.549, 0.239, 0.063};
    if (style == "on_track") return {0.082, 0.298, 0.129};
    if (style == "completed") return {0.102, 0.267, 0.502};
    return kInk;
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
    if (closure) static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct Font {
    double size;
    bool bold = false;
    bool italic = false;
};

// One pass over the document. The first pass only counts pages (its output is
// thrown away), so the second can print "Pagina N din M".
class Renderer {
public:
    Renderer(const Document& doc, std::string* out, int total_pages)
        : doc_(doc), total_pages_(total_pages),
          width_(doc.landscape ? kA4Long : kA4Short), height_(doc.landscape ? kA4Short : kA4Long) {
        surface_ = cairo_pdf_surface_create_for_stream(Append, out, width_, height_);
        cr_ = cairo_create(surface_);
        layout_ = pango_cairo_create_layout(cr_);
        pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "planwatch");
        y_ = kMarginTop;
    }
    ~Renderer() {
        g_object_unref(layout_);
        cairo_destroy(cr_);
        cairo_surface_destroy(surface_);
    }

    Status Run() {
        for (size_t i = 0; i < doc_.blocks.size(); ++i) {
            const Block& b = doc_.blocks[i];
            switch (b.kind) {
                case Block::Kind::kHeading: Heading(b, HeadingsAfter(i)); break;
                case Block::Kind::kParagraph: Paragraph(b); break;
                case Block::Kind::kTable: TableBlock(b.table); break;
                case Block::Kind::kChart: ChartBlock(b.chart); break;
            }
        }
        Footer();
        cairo_surface_finish(surface_);
        cairo_status_t status = cairo_surface_status(surface_);
        if (status != CAIRO_STATUS_SUCCESS) return Internal(std::string("cairo: ") + cairo_status_to_string(status));
        return Status::Ok();
    }
    int pages() const { return page_; }

private:
    double ContentWidth() const { return width_ - 2 * kMarginX; }
    double Bottom() const { return height_ - kMarginBottom; }

    void SetFont(const Font& f) {
        PangoFontDescription* d = pango_font_description_new();
        pango_font_description_set_family(d, "DejaVu Sans");
        pango_font_description_set_size(d, static_cast<gint>(f.size * PANGO_SCALE));
        pango_font_description_set_weight(d, f.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(d, f.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        pango_layout_set_font_description(layout_, d);
        pango_font_description_free(d);
    }

    // Lays text out in width; returns its height.
    double Prepare(const std::string& text, const Font& f, double width, PangoAlignment align = PANGO_ALIGN_LEFT) {
        SetFont(f);
        pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_alignment(layout_, align);
        pango_layout_set_text(layout_, text.c_str(), static_cast<int>(text.size()));
        int w = 0, h = 0;
        pango_layout_get_size(layout_, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    void Show(double x, double y, const Color& c) {
        cairo_set_source_rgb(cr_, c.r, c.g, c.b);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, layout_);
    }

    void Footer() {
        std::string text = Label(doc_.language, "page_before") + std::to_string(page_) +
                           Label(doc_.language, "page_between") + (total_pages_ ? std::to_string(total_pages_) : "?");
        double fy = height_ - kMarginBottom + 22;
        Prepare(text, {7.5}, ContentWidth(), PANGO_ALIGN_RIGHT);
        Show(kMarginX, fy, kGrey);
        std::string title = doc_.title.size() > 100 ? doc_.title.substr(0, doc_.title.rfind(' ', 100)) + " …" : doc_.title;
        Prepare(title, {7.5}, ContentWidth() * 0.75);
        pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(layout_, -1);  // one line
        Show(kMarginX, fy, kGrey);
        pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_NONE);
    }

    void NewPage() {
        Footer();
        cairo_show_page(cr_);
        ++page_;
        y_ = kMarginTop;
    }

    void Ensure(double height) {
        if (y_ + height > Bottom() && y_ > kMarginTop) NewPage();
    }

    static constexpr Font kHeadingFonts[] = {{16, true}, {13, true}, {11, true}, {10, true}};
    static double SpaceBefore(int level) { return level == 1 ? 2 : level == 2 ? 16 : 10; }

    // Height of the titles that directly follow block i: headings and the plan's
    // node titles ("I. Pillar", its objective, "A. Area", "A.1 Section"). A heading
    // must stay on the page with all of them and with what comes after the last,
    // or a page ends in titles alone.
    double HeadingsAfter(size_t i) {
        double height = 0;
        for (size_t next = i + 1; next < doc_.blocks.size(); ++next) {
            const Block& b = doc_.blocks[next];
            if (b.kind == Block::Kind::kHeading) {
                int level = std::clamp(b.level, 1, 4);
                height += SpaceBefore(level) + Prepare(b.text, kHeadingFonts[level - 1], ContentWidth());
            } else if (b.kind == Block::Kind::kParagraph && b.style == "node") {
                height += 4 + Prepare(b.text, {9, true}, ContentWidth()) + 5;  // as Paragraph() sets it
            } else {
                break;
            }
        }
        return height;
    }

    void Heading(const Block& b, double headings_after) {
        int level = std::clamp(b.level, 1, 4);
        double before = SpaceBefore(level);
        double h = Prepare(b.text, kHeadingFonts[level - 1], ContentWidth());
        // Keep a heading with what follows it: the headings under it, then a caption, a table header, rows.
        Ensure(before + h + headings_after + 120);
        if (y_ > kMarginTop) y_ += before;
        Prepare(b.text, kHeadingFonts[level - 1], ContentWidth());  // a page break laid out the footer meanwhile
        Show(kMarginX, y_, level == 4 ? kBlue : kInk);
        int parent = level > 1 ? outline_[level - 2] : CAIRO_PDF_OUTLINE_ROOT;
        std::string link = fmt::format("page={} pos=[{:.1f} {:.1f}]", page_, kMarginX, y_);
        outline_[level - 1] = cairo_pdf_surface_add_outline(surface_, parent, b.text.c_str(), link.c_str(),
                                                            level <= 2 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
                                                                       : static_cast<cairo_pdf_outline_flags_t>(0));
        for (int deeper = level; deeper < 4; ++deeper) outline_[deeper] = outline_[level - 1];
        y_ += h + 4;
        if (level == 2) {
            cairo_set_source_rgb(cr_, kRule.r, kRule.g, kRule.b);
            cairo_set_line_width(cr_, 1.5);
            cairo_move_to(cr_, kMarginX, y_ - 2);
            cairo_line_to(cr_, kMarginX + ContentWidth(), y_ - 2);
            cairo_stroke(cr_);
            y_ += 4;
        }
    }

    void Paragraph(const Block& b) {
        Font f{9};
        Color c = kInk;
        std::string text = b.text;
        if (b.style == "kicker") {
            gchar* upper = g_utf8_strup(text.c_str(), -1);
            text = upper;
            g_free(upper);
            f.size = 7.5;
            c = kGrey;
        } else if (b.style == "meta") {
            c = kGrey;
        } else if (b.style == "note") {
            f.italic = true;
            c = kGrey;
        } else if (b.style == "node") {
            f.bold = true;
        }
        double h = Prepare(text, f, ContentWidth());
        Ensure(h + (b.style == "node" ? 60 : 0));
        if (b.style == "node") y_ += 4;
        Prepare(text, f, ContentWidth());
        Show(kMarginX, y_, c);
        y_ += h + (b.style == "kicker" || b.style == "meta" ? 2 : 5);
    }

    // Whether the text laid out last (Prepare) starts a line inside a word.
    bool BrokeInsideWord(const std::string& text) {
        for (GSList* l = pango_layout_get_lines_readonly(layout_); l != nullptr; l = l->next) {
            int start = static_cast<PangoLayoutLine*>(l->data)->start_index;
            if (start <= 0 || static_cast<size_t>(start) > text.size()) continue;
            char before = text[start - 1];
            if (before != ' ' && before != '\n' && before != '-' && before != '/') return true;
        }
        return false;
    }

    // Pango breaks a word that does not fit inside it ("Nerap-ortat", "87.660.00"
    // over "0"), which no published table does and which makes an amount read as
    // two: a cell gets the largest size, down to kMinCellSize, at which no word
    // is broken. Hinted advances are whole points, so width does not scale with
    // size: step down and lay out again. Most cells fit at once (one layout).
    double FitSize(const std::string& text, double width, bool bold, double* height = nullptr) {
        double size = kCellSize;
        while (true) {
            double h = Prepare(text, {size, bold}, width - 2 * kCellPad);
            if (size <= kMinCellSize || !BrokeInsideWord(text)) {
                if (height) *height = h;
                return size;
            }
            size = std::max(size - 0.25, kMinCellSize);
        }
    }

    // One size for the whole header row, so its labels look alike.
    double HeaderSize(const std::vector<std::string>& header, const std::vector<double>& widths) {
        double size = kCellSize;
        for (size_t c = 0; c < header.size() && c < widths.size(); ++c) {
            size = std::min(size, FitSize(header[c], widths[c], /*bold=*/true));
        }
        return size;
    }

    static bool Bold(const Cell& cell, bool header, bool total) {
        return header || total || cell.row_header || !cell.style.empty();
    }

    // The size of a cell and, through height, the height of its text at that size.
    double CellSize(const Cell& cell, double width, bool header, bool total, double* height) {
        if (!header) return FitSize(cell.text, width, Bold(cell, header, total), height);
        *height = Prepare(cell.text, {header_size_, true}, width - 2 * kCellPad);
        return header_size_;
    }

    std::vector<double> Columns(const Table& t, size_t n) {
        std::vector<int> weights = t.widths;
        weights.resize(n, weights.empty() ? 1 : weights.back());
        double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
        std::vector<double> out;
        for (int w : weights) out.push_back(ContentWidth() * w / sum);
        return out;
    }

    // Height of a row; draws it at y_ when draw is set.
    double Row(const std::vector<Cell>& cells, const std::vector<double>& widths, bool header, bool total, bool draw) {
        double height = 0;
        std::vector<double> sizes(widths.size());
        for (size_t c = 0; c < widths.size(); ++c) {
            const Cell cell = c < cells.size() ? cells[c] : Cell{};
            double h = 0;
            sizes[c] = CellSize(cell, widths[c], header, total, &h);
            height = std::max(height, h);
        }
        height += 2 * kCellPad;
        if (!draw) return height;
        double x = kMarginX;
        for (size_t c = 0; c < widths.size(); ++c) {
            const Cell cell = c < cells.size() ? cells[c] : Cell{};
            if (header || total) {
                const Color& fill = header ? kHeaderFill : kTotalFill;
                cairo_set_source_rgb(cr_, fill.r, fill.g, fill.b);
                cairo_rectangle(cr_, x, y_, widths[c], height);
                cairo_fill(cr_);
            }
            cairo_set_source_rgb(cr_, kBorder.r, kBorder.g, kBorder.b);
            cairo_set_line_width(cr_, 0.5);
            cairo_rectangle(cr_, x, y_, widths[c], height);
            cairo_stroke(cr_);
            Prepare(cell.text, {sizes[c], Bold(cell, header, total)}, widths[c] - 2 * kCellPad,
                    cell.number ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
            Show(x + kCellPad, y_ + kCellPad, cell.style.empty() ? kInk : StatusText(cell.style));
            x += widths[c];
        }
        y_ += height;
        return height;
    }

    void TableBlock(const Table& t) {
        size_t n = t.header.size();
        for (const auto& r : t.rows) n = std::max(n, r.size());
        if (n == 0) return;
        std::vector<double> widths = Columns(t, n);
        bool has_header = std::any_of(t.header.begin(), t.header.end(), [](const std::string& h) { return !h.empty(); });
        std::vector<Cell> header;
        for (const std::string& h : t.header) header.push_back(Cell{.text = h});
        header_size_ = HeaderSize(t.header, widths);
        double caption_h = t.caption.empty() ? 0 : Prepare(t.caption, {8, true}, ContentWidth());
        double header_h = has_header ? Row(header, widths, true, false, false) : 0;
        double first_h = t.rows.empty() ? 0 : Row(t.rows[0], widths, false, false, false);
        Ensure(caption_h + header_h + first_h + 4);
        if (!t.caption.empty()) {
            Prepare(t.caption, {8, true}, ContentWidth());
            Show(kMarginX, y_, kInk);
            y_ += caption_h + 2;
        }
        if (has_header) Row(header, widths, true, false, true);
        for (size_t r = 0; r < t.rows.size(); ++r) {
            bool total = t.total_last && r + 1 == t.rows.size();
            double h = Row(t.rows[r], widths, false, total, false);
            if (y_ + h > Bottom()) {
                NewPage();
                if (has_header) Row(header, widths, true, false, true);  // repeated on every page
            }
            Row(t.rows[r], widths, false, total, true);
        }
        y_ += 10;
    }

    void ChartBlock(const Chart& chart) {
        Drawing d = LayOut(chart);
        double scale = std::min(kPxToPt, ContentWidth() / d.width);
        double h = d.height * scale;
        double title_h = Prepare(chart.title, {8, true}, ContentWidth());
        Ensure(std::min(h + title_h + 4, Bottom() - kMarginTop));
        Prepare(chart.title, {8, true}, ContentWidth());
        Show(kMarginX, y_, kInk);
        y_ += title_h + 4;
        cairo_save(cr_);
        cairo_translate(cr_, kMarginX, y_);
        cairo_scale(cr_, scale, scale);
        PaintDrawing(cr_, d);
        cairo_restore(cr_);
        y_ += h + 8;
    }

    const Document& doc_;
    int total_pages_;
    double width_, height_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    PangoLayout* layout_ = nullptr;
    double y_ = 0;
    double header_size_ = kCellSize;  // of the table being drawn (HeaderSize)
    int page_ = 1;
    int outline_[4] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
};

}  // namespace

StatusOr<std::string> RenderPdfDirect(const Document& doc) {
    int pages = 0;
    {
        Renderer counting(doc, nullptr, 0);
        PW_RETURN_IF_ERROR(counting.Run());
        pages = counting.pages();
    }
    std::string out;
    Renderer renderer(doc, &out, pages);
    PW_RETURN_IF_ERROR(renderer.Run());
    return out;
}

StatusOr<std::string> WritePdfDirect(const ReportModel& model, const WriteOptions& options) {
    PW_ASSIGN_OR_RETURN(Document doc, BuildDocument(model, options));
    return RenderPdfDirect(doc);
}

}  // namespace planwatch::reports::pdf
