#include "reports/html/html_writer.h"

#include <algorithm>

#include <kainjow/mustache.hpp>

#include "common/resources.h"
#include "reports/html/charts.h"
#include "reports/labels.h"

namespace planwatch::reports::html {
namespace {

namespace mustache = kainjow::mustache;

constexpr char kTemplate[] = "web/templates/report/report.mustache";
constexpr char kCss[] = "web/templates/report/report.css";

// Text placed inside a CSS string in <style>: HTML escaping does not apply there,
// so quotes, backslashes and '<' (which could close the element) are CSS-escaped.
std::string CssString(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (c == '<') out += "\\3c ";
        else if (c == '\n') out += ' ';
        else out += c;
    }
    return out;
}

// Mustache treats only booleans and lists as conditions, so block kinds become flags.
mustache::data TableData(const Table& t) {
    mustache::data table;
    table.set("id", t.id);
    table.set("caption", t.caption);
    table.set("total_last", t.total_last);
    bool has_header = false;
    mustache::data header{mustache::data::type::list};
    for (const std::string& h : t.header) {
        has_header = has_header || !h.empty();
        mustache::data cell;
        cell.set("text", h);
        header.push_back(cell);
    }
    table.set("has_header", has_header);
    table.set("header", header);
    mustache::data rows{mustache::data::type::list};
    for (const std::vector<Cell>& r : t.rows) {
        mustache::data cells{mustache::data::type::list};
        for (const Cell& c : r) {
            mustache::data cell;
            cell.set("text", c.text);
            cell.set("row_header", c.row_header);
            std::string cls = c.number ? "num" : "";
            if (!c.style.empty()) cls += (cls.empty() ? "st-" : " st-") + c.style;
            cell.set("class", cls);
            cells.push_back(cell);
        }
        mustache::data row;
        row.set("cells", cells);
        rows.push_back(row);
    }
    table.set("rows", rows);
    return table;
}

mustache::data BlockData(const Block& b, const Block* next, const std::string& language) {
    mustache::data block;
    switch (b.kind) {
        case Block::Kind::kHeading: {
            mustache::data h;
            h.set("text", b.text);
            h.set("anchor", b.anchor);
            block.set("h" + std::to_string(std::clamp(b.level, 1, 4)), h);
            break;
        }
        case Block::Kind::kParagraph: {
            mustache::data p;
            p.set("text", b.text);
            p.set("style", b.style);
            block.set("paragraph", p);
            break;
        }
        case Block::Kind::kTable: block.set("table", TableData(b.table)); break;
        case Block::Kind::kChart: {
            // The table right after a chart holds its data; the SVG points at it.
            std::string table_id = next && next->kind == Block::Kind::kTable ? next->table.id : "";
            mustache::data c;
            c.set("svg", ChartSvg(b.chart, table_id));
            c.set("title", b.chart.title);
            c.set("table_id", table_id);
            c.set("has_table", !table_id.empty());
            c.set("table_alt", Label(language, "chart.table_alt"));
            block.set("chart", c);
            break;
        }
    }
    return block;
}

}  // namespace

StatusOr<std::string> RenderHtml(const Document& doc, const WriteOptions& options) {
    std::optional<std::string_view> text = resources::Find(kTemplate);
    std::optional<std::string_view> css = resources::Find(kCss);
    if (!text || !css) return Internal(std::string("report template missing from the binary: ") + kTemplate);
    // Parsed per call (well under a millisecond): kainjow's render is not const, so
    // a shared template would need a lock.
    mustache::mustache tmpl{std::string(*text)};
    if (!tmpl.is_valid()) return Internal(std::string(kTemplate) + ": " + tmpl.error_message());
    const std::string& l = doc.language;
    mustache::data data;
    data.set("lang", l);
    data.set("title", doc.title);
    data.set("css", std::string(*css));
    data.set("landscape", doc.landscape);
    data.set("page_before", CssString(Label(l, "page_before")));
    data.set("page_between", CssString(Label(l, "page_between")));
    data.set("footer", CssString(doc.title.size() > 90 ? doc.title.substr(0, doc.title.rfind(' ', 90)) + " …"
                                                       : doc.title));
    data.set("generated", options.generated_on.empty() ? "" : Label(l, "generated") + " " + options.generated_on);
    mustache::data blocks{mustache::data::type::list};
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
        blocks.push_back(BlockData(doc.blocks[i], i + 1 < doc.blocks.size() ? &doc.blocks[i + 1] : nullptr, l));
    }
    data.set("blocks", blocks);
    std::string html = tmpl.render(data);
    if (!tmpl.error_message().empty()) return Internal(std::string(kTemplate) + ": " + tmpl.error_message());
    return html;
}

StatusOr<std::string> WriteHtml(const ReportModel& model, const WriteOptions& options) {
    PW_ASSIGN_OR_RETURN(Document doc, BuildDocument(model, options));
    return RenderHtml(doc, options);
}

}  // namespace planwatch::reports::html
