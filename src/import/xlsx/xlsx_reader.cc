#include "import/xlsx/xlsx_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "common/text.h"
#include "import/ooxml/xml_part.h"
#include "import/ooxml/zip_archive.h"
#include "import/xlsx/xlsx_styles.h"

namespace planwatch::import {
namespace {

constexpr char kWorkbookPart[] = "xl/workbook.xml";
constexpr uint64_t kMaxMergedCells = 1000000;  // a whole-sheet merge is hostile, not a plan

struct RichText {
    std::string text;
    std::vector<std::string> bold_runs;
};

struct CellRef {
    int row = 0;
    int column = 0;
};

// "BC12" -> row 12, column 55; nullopt when malformed or past the limits.
std::optional<CellRef> ParseRef(std::string_view ref) {
    CellRef out;
    size_t i = 0;
    for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
        out.column = out.column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
        if (out.column > 16384) return std::nullopt;
    }
    for (; i < ref.size() && std::isdigit(static_cast<unsigned char>(ref[i])); ++i) {
        out.row = out.row * 10 + (ref[i] - '0');
        if (out.row > 1048576) return std::nullopt;
    }
    if (i != ref.size() || out.row == 0 || out.column == 0) return std::nullopt;
    return out;
}

// Text of a shared or inline string: plain <t>, or rich runs <r><rPr><b/></rPr><t>.
RichText ReadRichText(const pugi::xml_node& item) {
    RichText out;
    if (pugi::xml_node t = item.child("t")) out.text = t.text().get();
    for (pugi::xml_node run : item.children("r")) {
        std::string piece = run.child("t").text().get();
        out.text += piece;
        pugi::xml_node b = run.child("rPr").child("b");
        std::string_view val = b.attribute("val").as_string("1");
        if (b && val != "0" && val != "false") {
            std::string normalised = text::Normalize(piece);
            if (!normalised.empty()) out.bold_runs.push_back(std::move(normalised));
        }
    }
    return out;
}

std::string FormatNumber(double value) {
    if (!std::isfinite(value)) return "";
    std::string out = fmt::format("{}", value);  // shortest form that reads back exactly
    if (out.ends_with(".0")) out.resize(out.size() - 2);
    return out;
}

std::string FormatPercent(double value, int decimals) {
    return fmt::format("{:.{}f}%", value * 100.0, decimals);
}

// The target of each relationship id in xl/_rels/workbook.xml.rels, as a package path.
std::map<std::string, std::string> ReadRelationships(const pugi::xml_node& relationships) {
    std::map<std::string, std::string> out;
    for (pugi::xml_node rel : relationships.children("Relationship")) {
        std::string target = rel.attribute("Target").as_string();
        if (target.starts_with("/")) {
            target = target.substr(1);
        } else {
            target = "xl/" + target;
        }
        out[rel.attribute("Id").as_string()] = target;
    }
    return out;
}

struct Merge {
    CellRef first;
    CellRef last;
};

class SheetReader {
public:
    SheetReader(const std::vector<RichText>& shared, const xlsx::CellStyles& styles, bool date1904, int sheet)
        : shared_(shared), styles_(styles), date1904_(date1904), sheet_(sheet) {}

    StatusOr<Table> Read(const pugi::xml_node& worksheet, const std::string& part) {
        std::map<int, std::map<int, Cell>> grid;  // row -> column -> cell
        for (pugi::xml_node row : worksheet.child("sheetData").children("row")) {
            int row_number = row.attribute("r").as_int(last_row_ + 1);
            last_row_ = row_number;
            int column = 0;
            for (pugi::xml_node c : row.children("c")) {
                std::optional<CellRef> ref = ParseRef(c.attribute("r").as_string());
                if (c.attribute("r") && !ref) {
                    return InvalidArgument(fmt::format("{}: bad cell reference \"{}\"", part,
                                                       c.attribute("r").as_string()),
                                           SourcePosition{.page = sheet_, .row = row_number});
                }
                CellRef where = ref.value_or(CellRef{row_number, column + 1});
                column = where.column;
                PW_ASSIGN_OR_RETURN(Cell cell, ReadCell(c, where));
                if (cell.text.empty()) continue;
                if (where.column > kMaxXlsxColumns) {
                    return InvalidArgument(
                        fmt::format("{}: a value in column {} is past the {} columns a plan may use", part,
                                    where.column, kMaxXlsxColumns),
                        SourcePosition{.page = sheet_, .row = where.row, .column = where.column});
                }
                grid[where.row][where.column] = std::move(cell);
            }
        }
        std::vector<Merge> merges;
        uint64_t covered_cells = 0;
        for (pugi::xml_node merge : worksheet.child("mergeCells").children("mergeCell")) {
            std::string ref = merge.attribute("ref").as_string();
            size_t colon = ref.find(':');
            if (colon == std::string::npos) continue;
            std::optional<CellRef> first = ParseRef(std::string_view(ref).substr(0, colon));
            std::optional<CellRef> last = ParseRef(std::string_view(ref).substr(colon + 1));
            if (!first || !last || last->row < first->row || last->column < first->column) continue;
            last->column = std::min(last->column, kMaxXlsxColumns);
            covered_cells += static_cast<uint64_t>(last->row - first->row + 1) *
                             static_cast<uint64_t>(last->column - first->column + 1);
            if (covered_cells > kMaxMergedCells) {
                return InvalidArgument(fmt::format("{}: merged ranges cover more than {} cells", part, kMaxMergedCells),
                                       SourcePosition{.page = sheet_, .row = first->row, .column = first->column});
            }
            merges.push_back({*first, *last});
        }
        return Assemble(std::move(grid), merges);
    }

private:
    StatusOr<Cell> ReadCell(const pugi::xml_node& c, CellRef where) {
        Cell cell;
        cell.where = CellPosition{sheet_, 0, where.row, where.column};
        std::string_view type = c.attribute("t").as_string("n");
        const xlsx::CellStyle& style = styles_.Get(c.attribute("s").as_int(0));
        std::string value = c.child("v").text().get();
        if (type == "s") {
            size_t index = c.child("v").text().as_uint(static_cast<unsigned>(-1));
            if (index < shared_.size()) {
                cell.text = shared_[index].text;
                cell.bold_runs = shared_[index].bold_runs;
            }
        } else if (type == "inlineStr") {
            RichText rich = ReadRichText(c.child("is"));
            cell.text = std::move(rich.text);
            cell.bold_runs = std::move(rich.bold_runs);
        } else if (type == "b") {
            cell.text = value == "1" ? "TRUE" : "FALSE";
        } else if (type == "n" && !value.empty()) {
            char* end = nullptr;
            double number = std::strtod(value.c_str(), &end);
            if (end == value.c_str()) {
                cell.text = value;
            } else if (style.kind == xlsx::NumberKind::kDate) {
                cell.text = ExcelSerialToIso(number, date1904_);
                if (cell.text.empty()) cell.text = FormatNumber(number);
            } else if (style.kind == xlsx::NumberKind::kPercent) {
                cell.text = FormatPercent(number, style.decimals);
            } else {
                cell.text = FormatNumber(number);
            }
        } else {
            cell.text = value;  // str (formula result), e (error such as #N/A), d (ISO date)
        }
        if (cell.text.size() > kMaxXlsxCellBytes) {
            return Status(StatusCode::kTooLarge,
                          fmt::format("a cell holds more than {} bytes of text", kMaxXlsxCellBytes),
                          SourcePosition{.page = sheet_, .row = where.row, .column = where.column});
        }
        cell.text = text::Normalize(cell.text, /*keep_newlines=*/true);
        cell.bold = style.bold && !cell.text.empty();
        if (cell.bold && cell.bold_runs.empty()) cell.bold_runs.push_back(text::Normalize(cell.text));
        return cell;
    }

    Table Assemble(std::map<int, std::map<int, Cell>> grid, const std::vector<Merge>& merges) {
        // Cells a merge covers: left out when to the right of the first cell,
        // carried down when below it.
        std::map<std::pair<int, int>, const Merge*> covered;
        for (const Merge& merge : merges) {
            for (int r = merge.first.row; r <= merge.last.row; ++r) {
                for (int col = merge.first.column; col <= merge.last.column; ++col) {
                    if (r != merge.first.row || col != merge.first.column) covered[{r, col}] = &merge;
                }
            }
            Cell& first = grid[merge.first.row][merge.first.column];
            first.where = CellPosition{sheet_, 0, merge.first.row, merge.first.column};
            first.row_span = merge.last.row - merge.first.row + 1;
            first.col_span = merge.last.column - merge.first.column + 1;
        }
        int max_column = 0;
        for (const auto& [row, cells] : grid) {
            if (!cells.empty()) max_column = std::max(max_column, cells.rbegin()->first);
        }
        Table table;
        for (auto& [row_number, cells] : grid) {
            bool any = std::any_of(cells.begin(), cells.end(), [](const auto& kv) { return !kv.second.text.empty(); });
            bool under_merge = false;
            Row row;
            for (int col = 1; col <= max_column; ++col) {
                auto cover = covered.find({row_number, col});
                if (cover != covered.end()) {
                    const Merge& merge = *cover->second;
                    if (col != merge.first.column) continue;  // right of the first column: part of its span
                    Cell copy = grid[merge.first.row][merge.first.column];
                    copy.where = CellPosition{sheet_, 0, row_number, col};
                    copy.row_span = 1;
                    copy.merged_from_above = true;
                    under_merge = true;
                    row.cells.push_back(std::move(copy));
                    continue;
                }
                auto found = cells.find(col);
                Cell cell = found != cells.end() ? found->second : Cell{};  // copied: merges below read it
                cell.where = CellPosition{sheet_, 0, row_number, col};
                row.cells.push_back(std::move(cell));
            }
            if (any || under_merge) table.rows.push_back(std::move(row));
        }
        if (!table.rows.empty() && !table.rows.front().cells.empty()) table.where = table.rows.front().cells.front().where;
        return table;
    }

    const std::vector<RichText>& shared_;
    const xlsx::CellStyles& styles_;
    bool date1904_;
    int sheet_;
    int last_row_ = 0;
};

Status ReadPart(ooxml::ZipArchive& zip, const std::string& name, pugi::xml_document* doc, bool required) {
    if (!zip.Has(name)) {
        if (required) return InvalidArgument(fmt::format("XLSX part {} is missing", name));
        return Status::Ok();
    }
    PW_ASSIGN_OR_RETURN(std::string xml, zip.Read(name));
    return ooxml::ParseXmlPart(xml, name, doc);
}

}  // namespace

std::string ExcelSerialToIso(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465) return "";  // 9999-12-31
    double whole = std::floor(serial);
    long days = static_cast<long>(whole);
    if (date1904) {
        days += 1462;
    } else if (days < 60) {
        days += 1;  // before Excel's fictitious 1900-02-29
    }
    // Days since 1899-12-30 -> civil date (Howard Hinnant's algorithm, shifted epoch).
    long z = days - 25569 + 719468;  // 25569 = 1970-01-01 as a serial
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    std::string out = fmt::format("{:04}-{:02}-{:02}", y, m, d);
    long minutes = std::lround((serial - whole) * 24 * 60);
    if (minutes > 0 && minutes < 24 * 60) out += fmt::format("T{:02}:{:02}", minutes / 60, minutes % 60);
    return out;
}

StatusOr<Document> ReadXlsx(std::string_view bytes) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<ooxml::ZipArchive> zip, ooxml::ZipArchive::Open(bytes, "XLSX"));
    if (!zip->Has(kWorkbookPart)) {
        return InvalidArgument(fmt::format("not an XLSX file: the ZIP package has no {} (is it another Office format?)",
                                           kWorkbookPart));
    }
    pugi::xml_document workbook, rels, shared_xml, styles_xml;
    PW_RETURN_IF_ERROR(ReadPart(*zip, kWorkbookPart, &workbook, true));
    PW_RETURN_IF_ERROR(ReadPart(*zip, "xl/_rels/workbook.xml.rels", &rels, false));
    PW_RETURN_IF_ERROR(ReadPart(*zip, "xl/sharedStrings.xml", &shared_xml, false));
    PW_RETURN_IF_ERROR(ReadPart(*zip, "xl/styles.xml", &styles_xml, false));

    std::vector<RichText> shared;
    for (pugi::xml_node item : shared_xml.child("sst").children("si")) {
        shared.push_back(ReadRichText(item));
        if (shared.back().text.size() > kMaxXlsxCellBytes) {
            return Status(StatusCode::kTooLarge, fmt::format("xl/sharedStrings.xml: string {} holds more than {} bytes",
                                                             shared.size(), kMaxXlsxCellBytes));
        }
    }
    xlsx::CellStyles styles = xlsx::CellStyles::Load(styles_xml.child("styleSheet"));
    pugi::xml_node workbook_root = workbook.child("workbook");
    std::string_view date1904 = workbook_root.child("workbookPr").attribute("date1904").as_string("0");
    bool uses_1904 = date1904 == "1" || date1904 == "true";
    std::map<std::string, std::string> targets = ReadRelationships(rels.child("Relationships"));

    Document doc;
    doc.format = "xlsx";
    int sheet_number = 0;
    for (pugi::xml_node sheet : workbook_root.child("sheets").children("sheet")) {
        ++sheet_number;
        std::string part = fmt::format("xl/worksheets/sheet{}.xml", sheet_number);
        if (auto target = targets.find(sheet.attribute("r:id").as_string()); target != targets.end()) {
            part = target->second;
        }
        pugi::xml_document sheet_xml;
        PW_RETURN_IF_ERROR(ReadPart(*zip, part, &sheet_xml, true));
        SheetReader reader(shared, styles, uses_1904, sheet_number);
        PW_ASSIGN_OR_RETURN(Table table, reader.Read(sheet_xml.child("worksheet"), part));
        Block title;
        title.kind = Block::Kind::kParagraph;
        title.paragraph.text = text::Normalize(sheet.attribute("name").as_string());
        title.paragraph.where = CellPosition{sheet_number, 0, 0, 0};
        title.paragraph.heading_level = 1;
        doc.blocks.push_back(std::move(title));
        if (table.rows.empty()) continue;
        Block block;
        block.kind = Block::Kind::kTable;
        block.table = std::move(table);
        doc.blocks.push_back(std::move(block));
    }
    if (sheet_number == 0) return InvalidArgument("xl/workbook.xml lists no sheets");
    return doc;
}

}  // namespace planwatch::import
