#include "reports/docx/docx_writer.h"

#include <pugixml.hpp>

#include <algorithm>
#include <numeric>
#include <sstream>

#include "reports/chart.h"
#include "reports/docx/chart_png.h"
#include "reports/docx/docx_parts.h"
#include "reports/docx/zip_writer.h"
#include "reports/labels.h"

namespace planwatch::reports::docx {
namespace {

constexpr char kW[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr char kR[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr char kWp[] = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
constexpr char kA[] = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr char kPic[] = "http://schemas.openxmlformats.org/drawingml/2006/picture";

// A4 in twentieths of a point, margins 2 cm.
constexpr int kPageShort = 11906, kPageLong = 16838, kMargin = 1134;
constexpr long kEmuPerTwip = 635, kEmuPerPixel = 9525;

// Status colours for text in cells, dark enough for 4.5:1 contrast on white.
const char* StatusTextColor(const std::string& style) {
    if (style == "overdue") return "8B0A03";
    if (style == "not_reported") return "5C2D80";
    if (style == "at_risk") return "8C3D10";
    if (style == "on_track") return "154C21";
    if (style == "completed") return "1A4480";
    return nullptr;
}

struct Writer {
    pugi::xml_document xml;
    pugi::xml_node body;
    int text_width = kPageShort - 2 * kMargin;
    ZipWriter zip;
    std::vector<std::string> image_rels;  // relationship XML for each image
    std::vector<std::pair<std::string, std::string>> images;  // part name, PNG bytes
    int next_id = 1;
};

pugi::xml_node Child(pugi::xml_node parent, const char* name) { return parent.append_child(name); }

void Val(pugi::xml_node parent, const char* name, const std::string& value) {
    Child(parent, name).append_attribute("w:val") = value.c_str();
}

// Runs for text with line breaks as <w:br/>.
void AddText(pugi::xml_node p, const std::string& text, bool bold, const char* color) {
    pugi::xml_node r = Child(p, "w:r");
    if (bold || color) {
        pugi::xml_node rpr = Child(r, "w:rPr");
        if (bold) Child(rpr, "w:b");
        if (color) Val(rpr, "w:color", color);
    }
    size_t start = 0;
    while (true) {
        size_t end = text.find('\n', start);
        pugi::xml_node t = Child(r, "w:t");
        t.append_attribute("xml:space") = "preserve";
        t.text() = text.substr(start, end == std::string::npos ? std::string::npos : end - start).c_str();
        if (end == std::string::npos) break;
        Child(r, "w:br");
        start = end + 1;
    }
}

pugi::xml_node Para(pugi::xml_node parent, const std::string& style) {
    pugi::xml_node p = Child(parent, "w:p");
    if (!style.empty()) Val(Child(p, "w:pPr"), "w:pStyle", style);
    return p;
}

void AddHeading(Writer& w, const Block& b) {
    int level = std::clamp(b.level, 1, 4);
    pugi::xml_node p = Para(w.body, "Heading" + std::to_string(level));
    AddText(p, b.text, false, nullptr);
}

void AddParagraph(Writer& w, const Block& b) {
    std::string style = b.style == "kicker" ? "Kicker" : b.style == "note" ? "Note" : "";
    pugi::xml_node p = Para(w.body, style);
    AddText(p, b.text, b.style == "node", nullptr);
}

void AddCell(pugi::xml_node tr, const Cell& c, int width, bool header, bool bold_row, bool vertical = false) {
    pugi::xml_node tc = Child(tr, "w:tc");
    pugi::xml_node tcpr = Child(tc, "w:tcPr");
    pugi::xml_node tcw = Child(tcpr, "w:tcW");
    tcw.append_attribute("w:w") = width;
    tcw.append_attribute("w:type") = "dxa";
    if (header || bold_row) {
        pugi::xml_node shd = Child(tcpr, "w:shd");
        shd.append_attribute("w:val") = "clear";
        shd.append_attribute("w:color") = "auto";
        shd.append_attribute("w:fill") = header ? "DFE1E2" : "F0F0F0";
    }
    if (vertical) Val(tcpr, "w:textDirection", "btLr");  // read bottom to top (Table::vertical_header)
    pugi::xml_node p = Child(tc, "w:p");
    pugi::xml_node ppr = Child(p, "w:pPr");
    Val(ppr, "w:pStyle", "TableText");
    if (c.number) Val(ppr, "w:jc", "right");
    AddText(p, c.text, header || bold_row || c.row_header, c.style.empty() ? nullptr : StatusTextColor(c.style));
}

// heading: the text of a heading right before the table, whose words a caption does not repeat.
void AddTable(Writer& w, const Table& t, const std::string& heading) {
    if (!t.caption.empty() && t.caption != heading) AddText(Para(w.body, "Caption"), t.caption, false, nullptr);
    size_t columns = t.header.size();
    for (const auto& row : t.rows) columns = std::max(columns, row.size());
    if (columns == 0) return;
    std::vector<int> weights = t.widths;
    weights.resize(columns, weights.empty() ? 1 : weights.back());
    int sum = std::accumulate(weights.begin(), weights.end(), 0);
    std::vector<int> widths;
    for (int weight : weights) widths.push_back(w.text_width * weight / std::max(sum, 1));

    pugi::xml_node tbl = Child(w.body, "w:tbl");
    pugi::xml_node tblpr = Child(tbl, "w:tblPr");
    Val(tblpr, "w:tblStyle", "TableGrid");
    pugi::xml_node tblw = Child(tblpr, "w:tblW");
    tblw.append_attribute("w:w") = w.text_width;
    tblw.append_attribute("w:type") = "dxa";
    Val(tblpr, "w:tblLayout", "fixed");
    if (!t.caption.empty()) Val(tblpr, "w:tblCaption", t.caption);
    pugi::xml_node grid = Child(tbl, "w:tblGrid");
    for (int width : widths) Child(grid, "w:gridCol").append_attribute("w:w") = width;

    bool has_header = std::any_of(t.header.begin(), t.header.end(), [](const std::string& h) { return !h.empty(); });
    if (has_header) {
        pugi::xml_node tr = Child(tbl, "w:tr");
        pugi::xml_node trpr = Child(tr, "w:trPr");
        Child(trpr, "w:tblHeader");  // repeated at the top of every page the table crosses
        Child(trpr, "w:cantSplit");
        for (size_t c = 0; c < columns; ++c) {
            const bool vertical =
                t.vertical_header && c < t.header.size() && !t.header[c].empty() && NumberColumn(t, c);
            AddCell(tr, Cell{.text = c < t.header.size() ? t.header[c] : ""}, widths[c], true, false, vertical);
        }
    }
    for (size_t r = 0; r < t.rows.size(); ++r) {
        pugi::xml_node tr = Child(tbl, "w:tr");
        Child(Child(tr, "w:trPr"), "w:cantSplit");
        bool total = t.total_last && r + 1 == t.rows.size();
        for (size_t c = 0; c < columns; ++c) {
            AddCell(tr, c < t.rows[r].size() ? t.rows[r][c] : Cell{}, widths[c], false, total);
        }
    }
    Para(w.body, "");  // Word needs a paragraph between a table and what follows
}

Status AddChart(Writer& w, const Chart& chart, const std::string& heading) {
    PW_ASSIGN_OR_RETURN(Png png, ChartPng(chart));
    int id = w.next_id++;
    std::string rel = "rIdImg" + std::to_string(id), name = "chart" + std::to_string(id) + ".png";
    w.images.emplace_back("word/media/" + name, std::move(png.bytes));
    w.image_rels.push_back("<Relationship Id=\"" + rel +
                           "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
                           "Target=\"media/" + name + "\"/>");
    long cx = static_cast<long>(png.width_px * kEmuPerPixel), cy = static_cast<long>(png.height_px * kEmuPerPixel);
    long max_cx = static_cast<long>(w.text_width) * kEmuPerTwip;
    if (cx > max_cx) {
        cy = cy * max_cx / cx;
        cx = max_cx;
    }
    if (chart.title != heading) AddText(Para(w.body, "Caption"), chart.title, false, nullptr);
    pugi::xml_node p = Para(w.body, "");
    pugi::xml_node inline_ = Child(Child(Child(p, "w:r"), "w:drawing"), "wp:inline");
    for (const char* d : {"distT", "distB", "distL", "distR"}) inline_.append_attribute(d) = 0;
    pugi::xml_node extent = Child(inline_, "wp:extent");
    extent.append_attribute("cx") = cx;
    extent.append_attribute("cy") = cy;
    pugi::xml_node docpr = Child(inline_, "wp:docPr");
    docpr.append_attribute("id") = id;
    docpr.append_attribute("name") = name.c_str();
    docpr.append_attribute("descr") = (chart.title + ": " + chart.desc).c_str();  // alt text
    pugi::xml_node locks = Child(Child(inline_, "wp:cNvGraphicFramePr"), "a:graphicFrameLocks");
    locks.append_attribute("noChangeAspect") = 1;
    pugi::xml_node data = Child(Child(inline_, "a:graphic"), "a:graphicData");
    data.append_attribute("uri") = kPic;
    pugi::xml_node pic = Child(data, "pic:pic");
    pugi::xml_node nv = Child(pic, "pic:nvPicPr");
    pugi::xml_node cnv = Child(nv, "pic:cNvPr");
    cnv.append_attribute("id") = id;
    cnv.append_attribute("name") = name.c_str();
    cnv.append_attribute("descr") = chart.desc.c_str();
    Child(nv, "pic:cNvPicPr");
    pugi::xml_node fill = Child(pic, "pic:blipFill");
    Child(fill, "a:blip").append_attribute("r:embed") = rel.c_str();
    Child(Child(fill, "a:stretch"), "a:fillRect");
    pugi::xml_node sppr = Child(pic, "pic:spPr");
    pugi::xml_node xfrm = Child(sppr, "a:xfrm");
    pugi::xml_node off = Child(xfrm, "a:off");
    off.append_attribute("x") = 0;
    off.append_attribute("y") = 0;
    pugi::xml_node ext = Child(xfrm, "a:ext");
    ext.append_attribute("cx") = cx;
    ext.append_attribute("cy") = cy;
    pugi::xml_node geom = Child(sppr, "a:prstGeom");
    geom.append_attribute("prst") = "rect";
    Child(geom, "a:avLst");
    return Status::Ok();
}

void AddSection(Writer& w, bool landscape) {
    pugi::xml_node sect = Child(w.body, "w:sectPr");
    pugi::xml_node footer = Child(sect, "w:footerReference");
    footer.append_attribute("w:type") = "default";
    footer.append_attribute("r:id") = "rIdFooter";
    pugi::xml_node size = Child(sect, "w:pgSz");
    size.append_attribute("w:w") = landscape ? kPageLong : kPageShort;
    size.append_attribute("w:h") = landscape ? kPageShort : kPageLong;
    if (landscape) size.append_attribute("w:orient") = "landscape";
    pugi::xml_node margins = Child(sect, "w:pgMar");
    for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) margins.append_attribute(side) = kMargin;
    margins.append_attribute("w:header") = 567;
    margins.append_attribute("w:footer") = 567;
    margins.append_attribute("w:gutter") = 0;
}

std::string DocumentRels(const Writer& w) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
        "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>";
    for (const std::string& rel : w.image_rels) out += rel;
    return out + "</Relationships>";
}

}  // namespace

StatusOr<std::string> RenderDocx(const Document& doc) {
    Writer w;
    w.text_width = (doc.landscape ? kPageLong : kPageShort) - 2 * kMargin;
    pugi::xml_node decl = w.xml.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
    pugi::xml_node root = w.xml.append_child("w:document");
    root.append_attribute("xmlns:w") = kW;
    root.append_attribute("xmlns:r") = kR;
    root.append_attribute("xmlns:wp") = kWp;
    root.append_attribute("xmlns:a") = kA;
    root.append_attribute("xmlns:pic") = kPic;
    w.body = root.append_child("w:body");
    static const std::string kNoHeading;
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        const bool after_heading = i > 0 && doc.blocks[i - 1].kind == Block::Kind::kHeading;
        const std::string& heading = after_heading ? doc.blocks[i - 1].text : kNoHeading;
        switch (b.kind) {
            case Block::Kind::kHeading: AddHeading(w, b); break;
            case Block::Kind::kParagraph: AddParagraph(w, b); break;
            case Block::Kind::kTable: AddTable(w, b.table, heading); break;
            case Block::Kind::kChart: PW_RETURN_IF_ERROR(AddChart(w, b.chart, heading)); break;
        }
    }
    AddSection(w, doc.landscape);

    std::ostringstream body;
    w.xml.save(body, "", pugi::format_raw);
    w.zip.Add("[Content_Types].xml", ContentTypes());
    w.zip.Add("_rels/.rels", PackageRels());
    w.zip.Add("word/document.xml", body.str());
    w.zip.Add("word/_rels/document.xml.rels", DocumentRels(w));
    w.zip.Add("word/styles.xml", Styles());
    w.zip.Add("word/settings.xml", Settings());
    w.zip.Add("word/footer1.xml", Footer(Label(doc.language, "page_before"), Label(doc.language, "page_between")));
    w.zip.Add("docProps/core.xml", CoreProperties(doc.title, doc.language));
    w.zip.Add("docProps/app.xml", AppProperties());
    for (auto& [name, bytes] : w.images) w.zip.Add(name, std::move(bytes), /*compress=*/false);
    return w.zip.Finish();
}

StatusOr<std::string> WriteDocx(const ReportModel& model, const WriteOptions& options) {
    PW_ASSIGN_OR_RETURN(Document doc, BuildDocument(model, options));
    return RenderDocx(doc);
}

}  // namespace planwatch::reports::docx
