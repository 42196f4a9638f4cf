#include "reports/pdf/direct_pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <map>
#include <numbers>
#include <numeric>
#include <tuple>
#include <unordered_map>

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
constexpr double kCellSize = 7.5, kMinCellSize = 4.5, kSizeStep = 0.25;
// A header row is set in one size, the largest at which its labels fit, but not
// below kMinHeaderSize for all of them: a label that needs less shrinks alone.
constexpr double kMinHeaderSize = 6;
// Vertical labels (Table::vertical_header) wrap at this length, in points.
constexpr double kVerticalWrap = 90;
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

// The size of a table row and of the text of each cell, as measured.
struct RowLayout {
    double height = 0;
    std::vector<double> sizes;
    std::vector<double> thickness;  // of vertical header labels: their height as laid out, before turning
};

// A table as measured: column widths, which header labels stand vertically, rows.
struct TableLayout {
    std::vector<double> widths;
    std::vector<bool> vertical;
    double header_size = 0;
    std::vector<Cell> header;  // empty when the table has no header row
    RowLayout header_row;
    std::vector<RowLayout> rows;
    double caption_height = 0;  // of t.caption, were it shown
    double RowsHeight() const {
        double h = 0;
        for (const RowLayout& r : rows) h += r.height;
        return h;
    }
};

// What the first pass measured, for the second to reuse: text heights, the size
// FitSize chose for a cell, tables, chart drawings. Keys hold the font and the
// width in Pango units, so a hit is the same layout.
struct Measures {
    struct Fit {
        double size;
        double height;
    };
    struct Extent {
        double width;
        double height;
    };
    std::unordered_map<std::string, double> heights;
    std::unordered_map<std::string, Extent> extents;
    std::unordered_map<std::string, Fit> fits;
    std::map<const Table*, TableLayout> tables;
    std::map<const Chart*, Drawing> drawings;
};

std::string MeasureKey(const std::string& text, const Font& f, int width) {
    std::string key = fmt::format("{}:{:d}:{:d}:{}:", static_cast<int>(f.size * PANGO_SCALE), f.bold, f.italic, width);
    return key += text;
}

// One pass over the document. The first (measure_only) draws nothing: it lays the
// text out to count the pages, so the second can print "Pagina N din M", and
// keeps its measures for the second, which lays out only what it draws.
class Renderer {
public:
    Renderer(const Document& doc, std::string* out, int total_pages, Measures& measures, bool measure_only)
        : doc_(doc), measures_(measures), measure_only_(measure_only), total_pages_(total_pages),
          width_(doc.landscape ? kA4Long : kA4Short), height_(doc.landscape ? kA4Short : kA4Long) {
        // The measuring pass lays out on a PDF surface too, so both see the same font
        // options (unhinted metrics) and break lines alike; it never draws on it.
        surface_ = cairo_pdf_surface_create_for_stream(Append, out, width_, height_);
        cr_ = cairo_create(surface_);
        layout_ = pango_cairo_create_layout(cr_);
        pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
        if (!measure_only_) {
            cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
            cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "planwatch");
        }
        y_ = kMarginTop;
    }
    ~Renderer() {
        for (auto& [key, description] : fonts_) pango_font_description_free(description);
        g_object_unref(layout_);
        cairo_destroy(cr_);
        cairo_surface_destroy(surface_);
    }

    Status Run() {
        for (size_t i = 0; i < doc_.blocks.size(); ++i) {
            const Block& b = doc_.blocks[i];
            // A caption or chart title that says what the heading right above it says is not repeated.
            const Block* before = i > 0 ? &doc_.blocks[i - 1] : nullptr;
            const std::string& heading = before && before->kind == Block::Kind::kHeading ? before->text : kNoText;
            switch (b.kind) {
                case Block::Kind::kHeading: Heading(b, i); break;
                case Block::Kind::kParagraph: Paragraph(b); break;
                case Block::Kind::kTable: TableBlock(b.table, heading, NoteAfter(i)); break;
                case Block::Kind::kChart: ChartBlock(b.chart, heading); break;
            }
        }
        if (measure_only_) return Status::Ok();
        Footer();
        cairo_surface_finish(surface_);
        cairo_status_t status = cairo_surface_status(surface_);
        if (status != CAIRO_STATUS_SUCCESS) return Internal(std::string("cairo: ") + cairo_status_to_string(status));
        return Status::Ok();
    }
    int pages() const { return page_; }

private:
    static inline const std::string kNoText;

    double ContentWidth() const { return width_ - 2 * kMarginX; }
    double Bottom() const { return height_ - kMarginBottom; }

    // One description per font, made once: Prepare runs for every cell.
    void SetFont(const Font& f) {
        auto key = std::make_tuple(static_cast<int>(f.size * PANGO_SCALE), f.bold, f.italic);
        if (current_font_ == key) return;
        PangoFontDescription*& d = fonts_[key];
        if (!d) {
            d = pango_font_description_new();
            pango_font_description_set_family(d, "DejaVu Sans");
            pango_font_description_set_size(d, std::get<0>(key));
            pango_font_description_set_weight(d, f.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
            pango_font_description_set_style(d, f.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        }
        pango_layout_set_font_description(layout_, d);
        current_font_ = key;
    }

    // Lays text out in width, for drawing it (Show) or reading its lines.
    void Prepare(const std::string& text, const Font& f, double width, PangoAlignment align = PANGO_ALIGN_LEFT) {
        SetFont(f);
        pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_alignment(layout_, align);
        pango_layout_set_text(layout_, text.c_str(), static_cast<int>(text.size()));
    }

    double LaidOutHeight() const {
        int w = 0, h = 0;
        pango_layout_get_size(layout_, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    // The height of text laid out in width: measured once per document.
    double Measure(const std::string& text, const Font& f, double width) {
        auto [it, added] = measures_.heights.try_emplace(MeasureKey(text, f, static_cast<int>(width * PANGO_SCALE)), 0);
        if (added) {
            Prepare(text, f, width);
            it->second = LaidOutHeight();
        }
        return it->second;
    }

    // The width and height of text laid out in width: measured once per document.
    Measures::Extent MeasureExtent(const std::string& text, const Font& f, double width) {
        const std::string key = MeasureKey(text, f, static_cast<int>(width * PANGO_SCALE));
        auto [it, added] = measures_.extents.try_emplace(key, Measures::Extent{});
        if (added) {
            Prepare(text, f, width);
            int w = 0, h = 0;
            pango_layout_get_size(layout_, &w, &h);
            it->second = {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
        }
        return it->second;
    }

    void Show(double x, double y, const Color& c) {
        if (measure_only_) return;
        cairo_set_source_rgb(cr_, c.r, c.g, c.b);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, layout_);
    }

    // Draws text at (x, y); the measuring pass only moves on.
    void Draw(const std::string& text, const Font& f, double width, double x, double y, const Color& c,
              PangoAlignment align = PANGO_ALIGN_LEFT) {
        if (measure_only_) return;
        Prepare(text, f, width, align);
        Show(x, y, c);
    }

    void Footer() {
        std::string text = Label(doc_.language, "page_before") + std::to_string(page_) +
                           Label(doc_.language, "page_between") + (total_pages_ ? std::to_string(total_pages_) : "?");
        double fy = height_ - kMarginBottom + 22;
        Draw(text, {7.5}, ContentWidth(), kMarginX, fy, kGrey, PANGO_ALIGN_RIGHT);
        std::string title = doc_.title.size() > 100 ? doc_.title.substr(0, doc_.title.rfind(' ', 100)) + " …" : doc_.title;
        Prepare(title, {7.5}, ContentWidth() * 0.75);
        pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(layout_, -1);  // one line
        Show(kMarginX, fy, kGrey);
        pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_NONE);
    }

    void NewPage() {
        if (!measure_only_) {
            Footer();
            cairo_show_page(cr_);
        }
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
    // Then the block after the titles: as much of it as must start on the same page.
    double HeadingsAfter(size_t i) {
        double height = 0;
        size_t next = i + 1;
        for (; next < doc_.blocks.size(); ++next) {
            const Block& b = doc_.blocks[next];
            if (b.kind == Block::Kind::kHeading) {
                int level = std::clamp(b.level, 1, 4);
                height += SpaceBefore(level) + Measure(b.text, kHeadingFonts[level - 1], ContentWidth());
            } else if (b.kind == Block::Kind::kParagraph && b.style == "node") {
                height += 4 + Measure(b.text, {9, true}, ContentWidth()) + 5;  // as Paragraph() sets it
            } else {
                break;
            }
        }
        double start = 0;
        if (next < doc_.blocks.size()) {
            const Block& b = doc_.blocks[next];
            if (b.kind == Block::Kind::kTable) start = TableStart(b.table, NoteAfter(next));
            if (b.kind == Block::Kind::kChart) start = ChartHeight(b.chart);
            if (b.kind == Block::Kind::kParagraph) start = Measure(b.text, {9}, ContentWidth()) + 5;
        }
        return height + std::max(start, 40.0);
    }

    void Heading(const Block& b, size_t i) {
        int level = std::clamp(b.level, 1, 4);
        double before = SpaceBefore(level);
        double h = Measure(b.text, kHeadingFonts[level - 1], ContentWidth());
        // Keep a heading with what follows it: the headings under it, then the start of a table, a chart.
        Ensure(before + h + HeadingsAfter(i));
        if (y_ > kMarginTop) y_ += before;
        Draw(b.text, kHeadingFonts[level - 1], ContentWidth(), kMarginX, y_, level == 4 ? kBlue : kInk);
        if (!measure_only_) {
            int parent = level > 1 ? outline_[level - 2] : CAIRO_PDF_OUTLINE_ROOT;
            std::string link = fmt::format("page={} pos=[{:.1f} {:.1f}]", page_, kMarginX, y_);
            outline_[level - 1] = cairo_pdf_surface_add_outline(surface_, parent, b.text.c_str(), link.c_str(),
                                                                level <= 2 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
                                                                           : static_cast<cairo_pdf_outline_flags_t>(0));
            for (int deeper = level; deeper < 4; ++deeper) outline_[deeper] = outline_[level - 1];
        }
        y_ += h + 4;
        if (level == 2) {
            if (!measure_only_) {
                cairo_set_source_rgb(cr_, kRule.r, kRule.g, kRule.b);
                cairo_set_line_width(cr_, 1.5);
                cairo_move_to(cr_, kMarginX, y_ - 2);
                cairo_line_to(cr_, kMarginX + ContentWidth(), y_ - 2);
                cairo_stroke(cr_);
            }
            y_ += 4;
        }
    }

    // The space a note right after block i takes (as Paragraph sets it), so a
    // table's last row stays on the page with it: "no approved report" alone at
    // the top of a page reads as if it were about the next activity.
    double NoteAfter(size_t i) {
        if (i + 1 >= doc_.blocks.size()) return 0;
        const Block& next = doc_.blocks[i + 1];
        if (next.kind != Block::Kind::kParagraph || next.style != "note") return 0;
        return Measure(next.text, {9, false, true}, ContentWidth()) + 5;
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
        double h = Measure(text, f, ContentWidth());
        Ensure(h + (b.style == "node" ? 60 : 0));
        if (b.style == "node") y_ += 4;
        Draw(text, f, ContentWidth(), kMarginX, y_, c);
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

    // Whether text fits in width at size without a word broken; its height through height.
    bool FitsAt(const std::string& text, double width, bool bold, double size, double* height) {
        Prepare(text, {size, bold}, width);
        *height = LaidOutHeight();
        return !BrokeInsideWord(text);
    }

    // Pango breaks a word that does not fit inside it ("Nerap-ortat", "87.660.00"
    // over "0"), which no published table does and which makes an amount read as
    // two: a cell gets the largest size, down to kMinCellSize in steps of
    // kSizeStep, at which no word is broken. Hinted advances are whole points, so
    // width does not scale with size: each candidate is laid out. Most cells fit
    // at once (one layout); the others are searched by halving (four more), and
    // every answer is kept for the rest of the document and the second pass.
    Measures::Fit FitSize(const std::string& text, double width, bool bold) {
        const double inner = width - 2 * kCellPad;
        const std::string key = MeasureKey(text, {0, bold}, static_cast<int>(inner * PANGO_SCALE));
        auto [it, added] = measures_.fits.try_emplace(key, Measures::Fit{kCellSize, 0});
        if (!added) return it->second;
        Measures::Fit fit{kCellSize, 0};
        if (!FitsAt(text, inner, bold, kCellSize, &fit.height)) {
            // Sizes kMinCellSize + step * kSizeStep; the top step (kCellSize) did not fit.
            // The largest step that fits wins; step 0 (kMinCellSize) when none does.
            int lo = 0, hi = static_cast<int>((kCellSize - kMinCellSize) / kSizeStep) - 1;
            bool found = false;
            while (lo < hi) {
                int mid = (lo + hi + 1) / 2;
                double size = kMinCellSize + mid * kSizeStep, height = 0;
                if (FitsAt(text, inner, bold, size, &height)) {
                    lo = mid;
                    fit = {size, height};
                    found = true;
                } else {
                    hi = mid - 1;
                }
            }
            if (!found) {
                fit.size = kMinCellSize;
                FitsAt(text, inner, bold, kMinCellSize, &fit.height);
            }
        }
        it->second = fit;
        return fit;
    }

    // One size for the whole header row, so its labels look alike: the largest at
    // which all fit, but at least kMinHeaderSize (MeasureRow shrinks a label that
    // needs less on its own). Vertical labels take the same size.
    double HeaderSize(const std::vector<std::string>& header, const std::vector<double>& widths) {
        double size = kCellSize;
        for (size_t c = 0; c < header.size() && c < widths.size(); ++c) {
            if (!vertical_[c]) size = std::min(size, FitSize(header[c], widths[c], /*bold=*/true).size);
        }
        return std::max(size, kMinHeaderSize);
    }

    static bool Bold(const Cell& cell, bool header, bool total) {
        return header || total || cell.row_header || !cell.style.empty();
    }

    std::vector<double> Columns(const Table& t, size_t n) {
        std::vector<int> weights = t.widths;
        weights.resize(n, weights.empty() ? 1 : weights.back());
        double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
        std::vector<double> out;
        for (int w : weights) out.push_back(ContentWidth() * w / sum);
        return out;
    }

    static const Cell& CellAt(const std::vector<Cell>& cells, size_t c) {
        static const Cell kEmpty;
        return c < cells.size() ? cells[c] : kEmpty;
    }

    // The height of a row and the size of each cell's text (header rows: header_size_).
    RowLayout MeasureRow(const std::vector<Cell>& cells, const std::vector<double>& widths, bool header, bool total) {
        RowLayout row{.sizes = std::vector<double>(widths.size()), .thickness = std::vector<double>(widths.size())};
        for (size_t c = 0; c < widths.size(); ++c) {
            const Cell& cell = CellAt(cells, c);
            double h = 0;
            if (header && vertical_[c]) {
                // Turned a quarter left: its length is the row's height, its height the cell's width.
                row.sizes[c] = header_size_;
                Measures::Extent e = MeasureExtent(cell.text, {header_size_, true}, kVerticalWrap);
                row.thickness[c] = e.height;
                h = e.width;
            } else if (header) {
                row.sizes[c] = std::min(header_size_, FitSize(cell.text, widths[c], true).size);
                h = Measure(cell.text, {row.sizes[c], true}, widths[c] - 2 * kCellPad);
            } else {
                Measures::Fit fit = FitSize(cell.text, widths[c], Bold(cell, header, total));
                row.sizes[c] = fit.size;
                h = fit.height;
            }
            row.height = std::max(row.height, h);
        }
        row.height += 2 * kCellPad;
        return row;
    }

    // Draws a measured row at y_ and moves below it.
    void DrawRow(const std::vector<Cell>& cells, const std::vector<double>& widths, bool header, bool total,
                 const RowLayout& row) {
        if (measure_only_) {
            y_ += row.height;
            return;
        }
        double x = kMarginX;
        for (size_t c = 0; c < widths.size(); ++c) {
            const Cell& cell = CellAt(cells, c);
            if (header || total) {
                const Color& fill = header ? kHeaderFill : kTotalFill;
                cairo_set_source_rgb(cr_, fill.r, fill.g, fill.b);
                cairo_rectangle(cr_, x, y_, widths[c], row.height);
                cairo_fill(cr_);
            }
            cairo_set_source_rgb(cr_, kBorder.r, kBorder.g, kBorder.b);
            cairo_set_line_width(cr_, 0.5);
            cairo_rectangle(cr_, x, y_, widths[c], row.height);
            cairo_stroke(cr_);
            if (header && vertical_[c] && !cell.text.empty()) {
                // Read bottom to top, as spreadsheet programs and printed statistics turn column labels.
                cairo_save(cr_);
                cairo_translate(cr_, x + std::max(kCellPad, (widths[c] - row.thickness[c]) / 2),
                                y_ + row.height - kCellPad);
                cairo_rotate(cr_, -std::numbers::pi / 2);
                Draw(cell.text, {row.sizes[c], true}, kVerticalWrap, 0, 0, kInk);
                cairo_restore(cr_);
            } else if (!cell.text.empty()) {
                Draw(cell.text, {row.sizes[c], Bold(cell, header, total)}, widths[c] - 2 * kCellPad, x + kCellPad,
                     y_ + kCellPad, cell.style.empty() ? kInk : StatusText(cell.style),
                     cell.number ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
            }
            x += widths[c];
        }
        y_ += row.height;
    }

    // The table measured once: widths, vertical labels, header size, every row.
    const TableLayout& LayOutTable(const Table& t) {
        auto found = measures_.tables.find(&t);
        if (found != measures_.tables.end()) return found->second;
        TableLayout layout;
        size_t n = t.header.size();
        for (const auto& r : t.rows) n = std::max(n, r.size());
        layout.widths = Columns(t, n);
        vertical_.assign(n, false);
        for (size_t c = 0; c < t.header.size(); ++c) {
            vertical_[c] = t.vertical_header && !t.header[c].empty() && NumberColumn(t, c);
        }
        layout.vertical = vertical_;
        header_size_ = layout.header_size = HeaderSize(t.header, layout.widths);
        if (std::any_of(t.header.begin(), t.header.end(), [](const std::string& h) { return !h.empty(); })) {
            for (const std::string& h : t.header) layout.header.push_back(Cell{.text = h});
            layout.header_row = MeasureRow(layout.header, layout.widths, true, false);
        }
        for (size_t r = 0; r < t.rows.size(); ++r) {
            layout.rows.push_back(MeasureRow(t.rows[r], layout.widths, false, t.total_last && r + 1 == t.rows.size()));
        }
        layout.caption_height = t.caption.empty() ? 0 : Measure(t.caption, {8, true}, ContentWidth()) + 2;
        return measures_.tables.emplace(&t, std::move(layout)).first->second;
    }

    // What of a table must start on the page it starts on: all of it (and the note
    // after it) when it takes at most a third of a page, so a short table is not
    // split, else its caption, header and first row.
    double TableStart(const Table& t, double note_after) {
        if (t.rows.empty() && t.header.empty()) return 0;
        const TableLayout& layout = LayOutTable(t);
        double start = layout.caption_height + layout.header_row.height;
        double whole = start + layout.RowsHeight() + (note_after > 0 ? 10 + note_after : 0);
        if (whole <= (Bottom() - kMarginTop) / 3) return whole + 4;
        return start + (layout.rows.empty() ? 0 : layout.rows[0].height) + 4;
    }

    // note_after: the height of a note that must stay with the last row (NoteAfter).
    void TableBlock(const Table& t, const std::string& heading, double note_after) {
        if (t.rows.empty() && t.header.empty()) return;
        const TableLayout& layout = LayOutTable(t);
        vertical_ = layout.vertical;
        header_size_ = layout.header_size;
        const std::vector<double>& widths = layout.widths;
        const bool has_header = !layout.header.empty();
        Ensure(TableStart(t, note_after));
        if (!t.caption.empty() && t.caption != heading) {
            Draw(t.caption, {8, true}, ContentWidth(), kMarginX, y_, kInk);
            y_ += layout.caption_height;
        }
        if (has_header) DrawRow(layout.header, widths, true, false, layout.header_row);
        for (size_t r = 0; r < t.rows.size(); ++r) {
            const RowLayout& row = layout.rows[r];
            bool total = t.total_last && r + 1 == t.rows.size();
            double keep = r + 1 == t.rows.size() && note_after > 0 ? 10 + note_after : 0;
            if (y_ + row.height + keep > Bottom() && y_ > kMarginTop + layout.header_row.height) {
                NewPage();
                if (has_header) DrawRow(layout.header, widths, true, false, layout.header_row);  // on every page
            }
            DrawRow(t.rows[r], widths, false, total, row);
        }
        y_ += 10;
    }

    double ChartHeight(const Chart& chart) {
        const Drawing& d = ChartDrawing(chart);
        double title_h = chart.title.empty() ? 0 : Measure(chart.title, {8, true}, ContentWidth()) + 4;
        return std::min(d.height * std::min(kPxToPt, ContentWidth() / d.width) + title_h, Bottom() - kMarginTop);
    }

    const Drawing& ChartDrawing(const Chart& chart) {
        auto found = measures_.drawings.find(&chart);
        if (found == measures_.drawings.end()) found = measures_.drawings.emplace(&chart, LayOut(chart)).first;
        return found->second;
    }

    void ChartBlock(const Chart& chart, const std::string& heading) {
        const Drawing& d = ChartDrawing(chart);
        double scale = std::min(kPxToPt, ContentWidth() / d.width);
        double h = d.height * scale;
        const std::string& title = chart.title == heading ? kNoText : chart.title;
        double title_h = title.empty() ? 0 : Measure(title, {8, true}, ContentWidth());
        Ensure(std::min(h + title_h + 4, Bottom() - kMarginTop));
        if (!title.empty()) {
            Draw(title, {8, true}, ContentWidth(), kMarginX, y_, kInk);
            y_ += title_h + 4;
        }
        if (!measure_only_) {
            cairo_save(cr_);
            cairo_translate(cr_, kMarginX, y_);
            cairo_scale(cr_, scale, scale);
            PaintDrawing(cr_, d);
            cairo_restore(cr_);
        }
        y_ += h + 8;
    }

    const Document& doc_;
    Measures& measures_;
    const bool measure_only_;
    int total_pages_;
    double width_, height_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    PangoLayout* layout_ = nullptr;
    std::map<std::tuple<int, bool, bool>, PangoFontDescription*> fonts_;  // size in Pango units, bold, italic
    std::tuple<int, bool, bool> current_font_{-1, false, false};
    double y_ = 0;
    double header_size_ = kCellSize;  // of the table being drawn (HeaderSize)
    std::vector<bool> vertical_;      // of the table being drawn: columns whose header label is set vertically
    int page_ = 1;
    int outline_[4] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
};

}  // namespace

StatusOr<std::string> RenderPdfDirect(const Document& doc) {
    Measures measures;
    int pages = 0;
    {
        Renderer counting(doc, nullptr, 0, measures, /*measure_only=*/true);
        PW_RETURN_IF_ERROR(counting.Run());
        pages = counting.pages();
    }
    std::string out;
    Renderer renderer(doc, &out, pages, measures, /*measure_only=*/false);
    PW_RETURN_IF_ERROR(renderer.Run());
    return out;
}

StatusOr<std::string> WritePdfDirect(const ReportModel& model, const WriteOptions& options) {
    PW_ASSIGN_OR_RETURN(Document doc, BuildDocument(model, options));
    return RenderPdfDirect(doc);
}

}  // namespace planwatch::reports::pdf
