#include "import/csv/csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "common/text.h"

namespace planwatch::import {
namespace {

constexpr size_t kSniffRecords = 50;
constexpr char kDelimiters[] = {',', ';', '\t', '|'};

struct Field {
    std::string text;
    int line = 0;
};

// Splits records one at a time; records never allocate more than the cell limit.
class CsvScanner {
public:
    CsvScanner(std::string_view text, CsvDialect dialect) : text_(text), dialect_(dialect) {}

    bool Done() const { return pos_ >= text_.size(); }

    // The next record's fields. kInvalidArgument for an unclosed quote, kTooLarge for a huge field.
    Status Next(std::vector<Field>* fields) {
        fields->clear();
        Field field{"", line_};
        bool quoted = false;
        bool field_started_quoted = false;
        int quote_line = 0;
        size_t column = 1;
        while (pos_ < text_.size()) {
            char c = text_[pos_++];
            if (quoted) {
                if (c == dialect_.quote) {
                    if (pos_ < text_.size() && text_[pos_] == dialect_.quote) {
                        field.text += c;
                        ++pos_;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') ++line_;
                    field.text += c;
                }
            } else if (c == dialect_.quote && field.text.empty() && !field_started_quoted) {
                quoted = field_started_quoted = true;
                quote_line = line_;
            } else if (c == dialect_.delimiter) {
                fields->push_back(std::move(field));
                field = Field{"", line_};
                field_started_quoted = false;
                ++column;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
                ++line_;
                break;
            } else {
                field.text += c;
            }
            if (field.text.size() > kMaxCsvCellBytes) {
                return Status(StatusCode::kTooLarge,
                              fmt::format("CSV field holds more than {} bytes", kMaxCsvCellBytes),
                              SourcePosition{.line = field.line, .column = static_cast<int>(column)});
            }
        }
        if (quoted) {
            return InvalidArgument(fmt::format("CSV quoted field is never closed (expected a closing {})",
                                               dialect_.quote),
                                   SourcePosition{.line = quote_line, .column = static_cast<int>(column)});
        }
        fields->push_back(std::move(field));
        return Status::Ok();
    }

private:
    std::string_view text_;
    CsvDialect dialect_;
    size_t pos_ = 0;
    int line_ = 1;
};

// How well a dialect splits the first records: records that have the most
// common field count (> 1), weighted by that count. 0 when it does not split.
double Score(std::string_view text, CsvDialect dialect) {
    CsvScanner scanner(text, dialect);
    std::map<size_t, int> counts;
    std::vector<Field> fields;
    size_t records = 0;
    while (!scanner.Done() && records < kSniffRecords) {
        // An unclosed quote may be the sample's cut, or the file's own error
        // (reported later): judge the dialect on the records before it.
        if (!scanner.Next(&fields).ok()) break;
        if (fields.size() == 1 && fields[0].text.empty()) continue;
        ++counts[fields.size()];
        ++records;
    }
    double best = 0;
    for (const auto& [width, n] : counts) {
        if (width > 1) best = std::max(best, static_cast<double>(n) * (1.0 + 0.01 * static_cast<double>(width)));
    }
    return records == 0 ? 0 : best / static_cast<double>(records);
}

}  // namespace

CsvDialect SniffCsvDialect(std::string_view utf8) {
    // Only the start is sniffed: enough records to see the shape, bounded work.
    std::string_view sample = utf8.substr(0, std::min<size_t>(utf8.size(), 64 * 1024));
    CsvDialect best;
    double best_score = 0;
    for (char quote : {'"', '\''}) {
        for (char delimiter : kDelimiters) {
            CsvDialect dialect{delimiter, quote};
            double score = Score(sample, dialect);
            // The single quote wins only when it clearly splits better (apostrophes are common in text).
            if (quote == '\'') score *= 0.9;
            if (score > best_score) {
                best_score = score;
                best = dialect;
            }
        }
    }
    return best;
}

StatusOr<Document> ReadCsv(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return InvalidArgument("CSV file is empty: expected rows of delimited fields");
    }
    size_t bad_offset = 0;
    if (!text::IsValidUtf8(bytes, &bad_offset)) {
        return InvalidArgument(fmt::format("CSV is not UTF-8 at byte {} (the importer converts legacy encodings "
                                           "before reading)",
                                           bad_offset));
    }
    CsvDialect dialect = SniffCsvDialect(bytes);
    CsvScanner scanner(bytes, dialect);
    Table table;
    std::vector<Field> fields;
    int record = 0;
    while (!scanner.Done()) {
        PW_RETURN_IF_ERROR(scanner.Next(&fields));
        ++record;
        bool blank = std::all_of(fields.begin(), fields.end(), [](const Field& f) {
            return f.text.find_first_not_of(" \t") == std::string::npos;
        });
        if (blank) continue;
        Row row;
        int column = 0;
        for (Field& field : fields) {
            Cell cell;
            cell.text = text::Normalize(field.text, /*keep_newlines=*/true);
            cell.where = CellPosition{0, field.line, record, ++column};
            row.cells.push_back(std::move(cell));
        }
        table.rows.push_back(std::move(row));
    }
    // Delimiters and blanks only ("|", ";;;"): every record was skipped as blank.
    if (table.rows.empty()) return InvalidArgument("CSV has no field with text: expected rows of delimited fields");
    Document doc;
    doc.format = "csv";
    table.where = table.rows.front().cells.front().where;
    Block block;
    block.kind = Block::Kind::kTable;
    block.table = std::move(table);
    doc.blocks.push_back(std::move(block));
    return doc;
}

}  // namespace planwatch::import
