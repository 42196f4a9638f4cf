// Text pulled out of a PDF table (seed 003): each cell's lines come one after
// another, a blank line usually between cells; where two columns shared a line the
// extractor left a gap of several spaces; a page starts with a line indented by a
// space; page numbers, running headers and the table's header line recur.
// We drop the furniture (page_furniture.h), turn each header line into a one-row
// Table so the recogniser can map columns, and give every other chunk of text its
// own Paragraph. Which chunk belongs to which column is the recogniser's call: it
// knows what a date or an institution looks like; a reader does not.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/text.h"
#include "import/text/lines.h"
#include "import/text/page_furniture.h"
#include "import/text/text_reader.h"

namespace planwatch::import::text {
namespace {

constexpr size_t kMinHeaderParts = 3;      // a repeated line with this many column parts is a header
constexpr size_t kMinLoneHeaderParts = 4;  // ... or a single line with this many
constexpr size_t kMaxHeaderPartWords = 6;
constexpr size_t kMaxTailWords = 3;  // "realizare" under "Termen de"

// The parts of a line separated by runs of two or more spaces (a column gap).
std::vector<std::string_view> ColumnParts(std::string_view line) {
    std::vector<std::string_view> parts;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        if (i >= line.size()) break;
        size_t end = i;
        while (end < line.size()) {
            if ((line[end] == ' ' && end + 1 < line.size() && line[end + 1] == ' ') || line[end] == '\t') break;
            ++end;
        }
        std::string_view part = line.substr(i, end - i);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        parts.push_back(part);
        i = end;
    }
    return parts;
}

size_t WordCount(std::string_view s) {
    size_t words = 0;
    bool in_word = false;
    for (char c : s) {
        const bool space = c == ' ' || c == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

bool LooksLikeLabel(std::string_view part) {
    if (part.empty() || WordCount(part) > kMaxHeaderPartWords) return false;
    for (char c : part) {
        if (c >= '0' && c <= '9') return false;  // "4 întâlniri organizate" is data
    }
    return true;
}

bool StartsWithSingleSpace(std::string_view line) {
    return line.size() >= 2 && line[0] == ' ' && line[1] != ' ';
}

class FlattenedReader {
public:
    explicit FlattenedReader(std::string_view utf8) : lines_(SplitLines(utf8)) {}

    Document Read() {
        doc_.format = "text";
        doc_.layout = "flattened";
        CountPages();
        const std::vector<std::string> furniture = FindPageFurniture(lines_, pages_);
        FindHeaders(furniture);
        for (size_t i = 0; i < lines_.size(); ++i) {
            const Line& line = lines_[i];
            if (!furniture[i].empty()) {
                Note(i, furniture[i] + " dropped: “" + planwatch::text::Normalize(line.text) + "”");
                continue;  // a page break inside a cell does not end the cell
            }
            if (line.blank) {
                EndChunk();
                continue;
            }
            if (header_of_line_.count(i)) {
                EmitHeader(i);
                continue;
            }
            if (tail_lines_.count(i)) continue;  // already part of the header above
            // The first line of a page is indented by a space: whatever came before
            // it (a deadline, the last line of a cell) ends there.
            if (StartsWithSingleSpace(line.text) && !chunk_lines_.empty()) EndChunk();
            const std::vector<std::string_view> parts = ColumnParts(line.text);
            // Inside a table a column gap means the next part belongs to another
            // cell; before the first header it is only a typed double space.
            if (headers_seen_.empty()) {
                AddToChunk(line.text, i);
                continue;
            }
            for (size_t part = 0; part < parts.size(); ++part) {
                if (part > 0) EndChunk();
                AddToChunk(parts[part], i);
            }
        }
        EndChunk();
        return std::move(doc_);
    }

private:
    void CountPages() {
        pages_.assign(lines_.size(), 1);
        int page = 1;
        for (size_t i = 0; i < lines_.size(); ++i) {
            for (char c : lines_[i].text) page += c == '\f' ? 1 : 0;
            pages_[i] = page;
        }
        has_pages_ = page > 1;
    }

    // Header lines: several short column labels on one line, repeated (one table
    // per section, or the table header repeated on every page).
    void FindHeaders(const std::vector<std::string>& furniture) {
        std::map<std::string, std::vector<size_t>> occurrences;
        std::map<std::string, size_t> part_count;
        for (size_t i = 0; i < lines_.size(); ++i) {
            if (lines_[i].blank || !furniture[i].empty()) continue;
            const std::vector<std::string_view> parts = ColumnParts(lines_[i].text);
            if (parts.size() < kMinHeaderParts) continue;
            bool labels = true;
            for (std::string_view part : parts) labels = labels && LooksLikeLabel(part);
            if (!labels) continue;
            const std::string key = planwatch::text::SearchKey(lines_[i].text);
            occurrences[key].push_back(i);
            part_count[key] = parts.size();
        }
        for (const auto& [key, where] : occurrences) {
            if (where.size() < 2 && part_count[key] < kMinLoneHeaderParts) continue;
            const std::string tail = FindTail(where);
            for (size_t i : where) {
                header_of_line_[i] = tail;
                const size_t next = NextNonBlank(i);
                if (!tail.empty() && next < lines_.size() &&
                    planwatch::text::SearchKey(lines_[next].text) == planwatch::text::SearchKey(tail)) {
                    tail_lines_.insert(next);
                }
            }
        }
    }

    // A header label wrapped onto the next line ("Termen de" / "realizare") shows up
    // as the same short line after most occurrences of the header.
    std::string FindTail(const std::vector<size_t>& where) {
        std::map<std::string, int> votes;
        std::map<std::string, std::string> text_of;
        for (size_t i : where) {
            const size_t next = NextNonBlank(i);
            if (next >= lines_.size()) continue;
            const std::string text = planwatch::text::Normalize(lines_[next].text);
            if (WordCount(text) > kMaxTailWords || !LooksLikeLabel(text)) continue;
            const std::string key = planwatch::text::SearchKey(text);
            ++votes[key];
            text_of[key] = text;
        }
        for (const auto& [key, count] : votes) {
            if (count * 2 > static_cast<int>(where.size()) && (where.size() > 1 || count > 0)) return text_of[key];
        }
        return "";
    }

    size_t NextNonBlank(size_t i) const {
        size_t next = i + 1;
        while (next < lines_.size() && lines_[next].blank) ++next;
        return next;
    }

    void EmitHeader(size_t i) {
        EndChunk();
        const std::string key = planwatch::text::SearchKey(lines_[i].text);
        if (!headers_seen_.insert(key).second) {
            Note(i, "table header repeated: read as the header of the next part of the table");
        }
        const std::vector<std::string_view> parts = ColumnParts(lines_[i].text);
        Table table;
        Row row;
        for (size_t part = 0; part < parts.size(); ++part) {
            Cell cell;
            cell.text = planwatch::text::Normalize(parts[part]);
            cell.where = Position(i);
            cell.where.row = 1;
            cell.where.column = static_cast<int>(part) + 1;
            row.cells.push_back(std::move(cell));
        }
        const std::string& tail = header_of_line_[i];
        const size_t next = NextNonBlank(i);
        if (!tail.empty() && tail_lines_.count(next)) row.cells.back().text += " " + tail;
        table.rows.push_back(std::move(row));
        table.where = Position(i);
        Block block;
        block.kind = Block::Kind::kTable;
        block.table = std::move(table);
        doc_.blocks.push_back(std::move(block));
    }

    void AddToChunk(std::string_view text, size_t i) {
        if (chunk_lines_.empty()) chunk_start_ = i;
        chunk_lines_.push_back(std::string(text));
    }

    void EndChunk() {
        if (chunk_lines_.empty()) return;
        std::string raw;
        for (const std::string& line : chunk_lines_) {
            if (!raw.empty()) raw += '\n';
            raw += line;
        }
        chunk_lines_.clear();
        Paragraph paragraph;
        paragraph.text = planwatch::text::Normalize(raw, /*keep_newlines=*/true);
        if (paragraph.text.empty()) return;
        paragraph.where = Position(chunk_start_);
        Block block;
        block.kind = Block::Kind::kParagraph;
        block.paragraph = std::move(paragraph);
        doc_.blocks.push_back(std::move(block));
    }

    CellPosition Position(size_t i) const {
        CellPosition where;
        where.line = lines_[i].number;
        where.page = has_pages_ ? pages_[i] : 0;
        return where;
    }

    void Note(size_t i, std::string message) { doc_.notes.push_back(ReaderNote{Position(i), std::move(message)}); }

    std::vector<Line> lines_;
    std::vector<int> pages_;
    bool has_pages_ = false;
    std::map<size_t, std::string> header_of_line_;  // header line -> its wrapped tail ("" when none)
    std::set<size_t> tail_lines_;
    std::set<std::string> headers_seen_;
    std::vector<std::string> chunk_lines_;
    size_t chunk_start_ = 0;
    Document doc_;
};

}  // namespace

StatusOr<Document> ReadFlattenedText(std::string_view utf8) {
    size_t bad_offset = 0;
    if (!planwatch::text::IsValidUtf8(utf8, &bad_offset)) {
        return InvalidArgument("invalid UTF-8 at offset " + std::to_string(bad_offset));
    }
    return FlattenedReader(utf8).Read();
}

}  // namespace planwatch::import::text
