#include "import/pdf/pdf_layout.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "common/text.h"

namespace planwatch::import::pdf {
namespace {

constexpr double kAnchorTolerance = 3.0;   // points: the same column start, rounding aside
constexpr double kPitchTolerance = 0.25;   // points: a row border adds ~0.5 to the line pitch
constexpr double kMarginShare = 0.08;      // top and bottom share of a page where furniture lives

struct Line {
    std::vector<const Word*> words;  // left to right
    double top = 0, bottom = 0, height = 0;
    int number = 0;  // 1-based on its page
};

// A block with where it starts on its page, to put ruled and unruled blocks in reading order.
// What a ruled table's cell shows at the table's top or bottom edge, to carry a
// cell on where a table continues on the next page.
struct CellEdge {
    bool full = false;       // bottom: the text reaches the bottom border (it may go on)
    bool merged = false;     // bottom: the cell spans two rows or more on its page
    double line_end = 0;     // bottom: right end of the last line
    double inner_right = 0;  // where text in the cell must end
    double space = 0;        // the font's space
    double first_width = 0;  // top: width of the first word
};

struct PlacedBlock {
    double top = 0;
    Block block;
    std::vector<double> xs;           // a ruled table's column boundaries; empty otherwise
    std::map<int, CellEdge> top_edge;  // by grid column of the cells in the first row
    std::map<int, CellEdge> bottom_edge;
};

struct Fragment {
    std::vector<const Word*> words;
    double left = 0, right = 0;
};

std::vector<Line> GroupLines(std::vector<const Word*> words) {
    std::erase_if(words, [](const Word* word) { return word->height <= 0 || word->text.empty(); });
    std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
        double ca = a->y + a->height / 2, cb = b->y + b->height / 2;
        return ca != cb ? ca < cb : a->x < b->x;
    });
    std::vector<Line> lines;
    for (const Word* word : words) {
        double centre = word->y + word->height / 2;
        if (!lines.empty()) {
            Line& last = lines.back();
            double last_centre = (last.top + last.bottom) / 2;
            if (std::abs(centre - last_centre) < 0.4 * std::max(word->height, last.height)) {
                last.words.push_back(word);
                last.top = std::min(last.top, word->y);
                last.bottom = std::max(last.bottom, word->y + word->height);
                last.height = std::max(last.height, word->height);
                continue;
            }
        }
        lines.push_back(Line{{word}, word->y, word->y + word->height, word->height, 0});
    }
    int number = 0;
    for (Line& line : lines) {
        std::sort(line.words.begin(), line.words.end(), [](const Word* a, const Word* b) { return a->x < b->x; });
        line.number = ++number;
    }
    return lines;
}

std::vector<Line> GroupLines(const Page& page) {
    std::vector<const Word*> words;
    for (const Word& word : page.words) words.push_back(&word);
    return GroupLines(std::move(words));
}

std::vector<Fragment> Fragments(const Line& line) {
    std::vector<Fragment> out;
    double split_gap = std::max(0.6 * line.height, 4.0);
    for (const Word* word : line.words) {
        if (out.empty() || word->x - out.back().right > split_gap) {
            out.push_back(Fragment{{}, word->x, word->x + word->width});
        }
        out.back().words.push_back(word);
        out.back().right = std::max(out.back().right, word->x + word->width);
    }
    return out;
}

std::string JoinWords(const std::vector<const Word*>& words) {
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            const Word* prev = words[i - 1];
            bool spaced = prev->space_after || words[i]->x - (prev->x + prev->width) > 0.2 * words[i]->height;
            if (spaced) out += ' ';
        }
        out += words[i]->text;
    }
    return out;
}

std::string LineText(const Line& line) { return JoinWords(line.words); }

// Left edges that recur on lines of two or more fragments: the page's column starts.
std::vector<double> FindAnchors(const std::vector<Line>& lines) {
    std::vector<double> lefts;
    for (const Line& line : lines) {
        std::vector<Fragment> fragments = Fragments(line);
        if (fragments.size() < 2) continue;
        for (const Fragment& fragment : fragments) lefts.push_back(fragment.left);
    }
    std::sort(lefts.begin(), lefts.end());
    std::vector<double> anchors;
    size_t i = 0;
    while (i < lefts.size()) {
        size_t j = i;
        while (j + 1 < lefts.size() && lefts[j + 1] - lefts[i] <= kAnchorTolerance) ++j;
        if (j - i + 1 >= 2) anchors.push_back(lefts[i]);
        i = j + 1;
    }
    return anchors;
}

// The column a fragment starting at `left` sits in, when it sits on an anchor.
std::optional<size_t> AnchorAt(const std::vector<double>& anchors, double left) {
    for (size_t k = 0; k < anchors.size(); ++k) {
        if (std::abs(anchors[k] - left) <= kAnchorTolerance) return k;
    }
    return std::nullopt;
}

// The column a fragment falls in: the last anchor at or left of it.
size_t ColumnOf(const std::vector<double>& anchors, double left) {
    size_t column = 0;
    for (size_t k = 0; k < anchors.size(); ++k) {
        if (anchors[k] <= left + kAnchorTolerance) column = k;
    }
    return column;
}

bool AllBold(const std::vector<const Word*>& words) {
    return !words.empty() && std::all_of(words.begin(), words.end(), [](const Word* w) { return w->bold; });
}

// Appends the bold stretches of words to runs (consecutive bold words are one run).
void CollectBoldRuns(const std::vector<const Word*>& words, std::vector<std::string>* runs) {
    std::vector<const Word*> current;
    auto flush = [&] {
        if (!current.empty()) runs->push_back(text::Normalize(JoinWords(current)));
        current.clear();
    };
    for (const Word* word : words) {
        if (word->bold) {
            current.push_back(word);
        } else {
            flush();
        }
    }
    flush();
}

Table BuildTable(const std::vector<const Line*>& run, const std::vector<double>& anchors, int page_number,
                 double page_right) {
    size_t columns = anchors.size();
    std::vector<std::vector<Fragment>> fragments_of;
    std::vector<double> column_right(columns, 0);
    for (const Line* line : run) {
        fragments_of.push_back(Fragments(*line));
        for (const Fragment& fragment : fragments_of.back()) {
            size_t column = ColumnOf(anchors, fragment.left);
            bool spans = column + 1 < columns && fragment.right > anchors[column + 1];
            if (!spans) column_right[column] = std::max(column_right[column], fragment.right);
        }
    }
    // Text stops about two cell paddings (~2 x 5.4 pt) before the next column starts;
    // a column whose lines are all short still has that room.
    for (size_t column = 0; column + 1 < columns; ++column) {
        column_right[column] = std::max(column_right[column], anchors[column + 1] - 12.0);
    }
    // The last column ends where the page's text ends, and is at least as wide as the one before it.
    if (columns > 0) column_right[columns - 1] = std::max(column_right[columns - 1], page_right);
    if (columns > 1) {
        double previous_width = anchors[columns - 1] - anchors[columns - 2];
        column_right[columns - 1] = std::max(column_right[columns - 1], anchors[columns - 1] + previous_width - 12.0);
    }
    // A line wrapped when its first word would not have fitted after the line above
    // it in the same column; the widest line of a column shows where it ends.
    struct Previous {
        size_t line_index;
        double right;
    };
    auto wrapped = [&](const Previous& previous, const Fragment& fragment, size_t column) {
        // Text spanning several columns (a merged header) wraps in its span, not in this column.
        if (column + 1 < columns && previous.right > anchors[column + 1]) return false;
        const Word* first = fragment.words.front();
        return previous.right + 0.25 * first->height + first->width > column_right[column] + 1.0;
    };
    // The line pitch inside cells, from wrapped lines directly below one another.
    std::optional<double> pitch;
    {
        std::vector<std::optional<Previous>> previous(columns);
        for (size_t i = 0; i < run.size(); ++i) {
            for (const Fragment& fragment : fragments_of[i]) {
                size_t column = ColumnOf(anchors, fragment.left);
                if (previous[column] && previous[column]->line_index + 1 == i && wrapped(*previous[column], fragment, column)) {
                    double delta = run[i]->top - run[i - 1]->top;
                    if (!pitch || delta < *pitch) pitch = delta;
                }
                previous[column] = Previous{i, fragment.right};
            }
        }
    }
    struct RowLines {
        int first_line = 0;
        std::vector<std::vector<Fragment>> by_column;
    };
    std::vector<RowLines> rows;
    std::vector<std::optional<Previous>> previous(columns);
    for (size_t i = 0; i < run.size(); ++i) {
        const Line* line = run[i];
        int continuing = 0;
        int starting = 0;
        for (const Fragment& fragment : fragments_of[i]) {
            size_t column = ColumnOf(anchors, fragment.left);
            bool continues = false;
            if (previous[column]) {
                double delta = line->top - run[previous[column]->line_index]->top;
                bool next_slot = pitch ? delta <= *pitch + kPitchTolerance : previous[column]->line_index + 1 == i;
                continues = next_slot && (pitch || wrapped(*previous[column], fragment, column));
            }
            ++(continues ? continuing : starting);
        }
        // Two or more cells starting together begin a row even when a taller,
        // vertically merged cell to their side is still running on.
        if (rows.empty() || continuing == 0 || starting >= 2) {
            rows.push_back(RowLines{line->number, std::vector<std::vector<Fragment>>(columns)});
        }
        for (Fragment& fragment : fragments_of[i]) {
            size_t column = ColumnOf(anchors, fragment.left);
            previous[column] = Previous{i, fragment.right};
            rows.back().by_column[column].push_back(std::move(fragment));
        }
    }
    Table table;
    for (size_t r = 0; r < rows.size(); ++r) {
        Row row;
        const RowLines& lines = rows[r];
        for (size_t column = 0; column < columns; ++column) {
            const std::vector<Fragment>& pieces = lines.by_column[column];
            Cell cell;
            cell.where = CellPosition{page_number, lines.first_line, static_cast<int>(r) + 1,
                                      static_cast<int>(column) + 1};
            double right = 0;
            std::vector<const Word*> words;
            for (const Fragment& piece : pieces) {
                if (!cell.text.empty()) cell.text += '\n';
                cell.text += JoinWords(piece.words);
                right = std::max(right, piece.right);
                words.insert(words.end(), piece.words.begin(), piece.words.end());
            }
            cell.text = text::Normalize(cell.text, /*keep_newlines=*/true);
            cell.bold = AllBold(words);
            CollectBoldRuns(words, &cell.bold_runs);
            // Text reaching over the next columns' starts, which hold nothing in
            // this row, is one cell spanning them.
            while (column + 1 < columns && right > anchors[column + 1] + kAnchorTolerance &&
                   lines.by_column[column + 1].empty()) {
                ++cell.col_span;
                ++column;
            }
            row.cells.push_back(std::move(cell));
        }
        table.rows.push_back(std::move(row));
    }
    if (!table.rows.empty()) table.where = table.rows.front().cells.front().where;
    return table;
}

Block ParagraphBlock(const std::vector<const Line*>& lines, int page_number) {
    Block block;
    block.kind = Block::Kind::kParagraph;
    std::string joined;
    std::vector<const Word*> words;
    for (const Line* line : lines) {
        if (!joined.empty()) joined += ' ';
        joined += LineText(*line);
        words.insert(words.end(), line->words.begin(), line->words.end());
    }
    block.paragraph.text = text::Normalize(joined);
    block.paragraph.where = CellPosition{page_number, lines.front()->number, 0, 0};
    block.paragraph.bold = AllBold(words);
    return block;
}

// The unruled part of a page: tables recognised from column anchors, and paragraphs.
void LayoutUnruled(const Page& page, int page_number, std::vector<PlacedBlock>* blocks) {
    std::vector<Line> lines = GroupLines(page);
    std::vector<double> anchors = FindAnchors(lines);
    double page_right = 0;
    for (const Word& word : page.words) page_right = std::max(page_right, word.x + word.width);
    std::vector<const Line*> run;        // lines of the table being built
    std::vector<const Line*> paragraph;  // lines of the paragraph being built
    auto flush_run = [&] {
        if (run.empty()) return;
        if (run.size() == 1 && Fragments(*run.front()).size() < 2) {
            paragraph = run;
        } else {
            Block block;
            block.kind = Block::Kind::kTable;
            block.table = BuildTable(run, anchors, page_number, page_right);
            blocks->push_back(PlacedBlock{run.front()->top, std::move(block)});
        }
        run.clear();
    };
    auto flush_paragraph = [&] {
        if (!paragraph.empty()) blocks->push_back(PlacedBlock{paragraph.front()->top, ParagraphBlock(paragraph, page_number)});
        paragraph.clear();
    };
    for (const Line& line : lines) {
        std::vector<Fragment> fragments = Fragments(line);
        bool on_anchors = std::all_of(fragments.begin(), fragments.end(), [&](const Fragment& f) {
            return AnchorAt(anchors, f.left).has_value();
        });
        bool tabular = false;
        if (on_anchors && fragments.size() >= 2) {
            tabular = true;
        } else if (on_anchors && !run.empty()) {
            // One fragment: part of the table when it follows closely and stays inside its column.
            const Line* previous = run.back();
            size_t column = *AnchorAt(anchors, fragments.front().left);
            bool close = line.top - previous->top <= 2.5 * std::max(line.height, previous->height);
            bool inside = column + 1 >= anchors.size() || fragments.front().right <= anchors[column + 1];
            tabular = close && inside;
        }
        if (tabular) {
            flush_paragraph();
            run.push_back(&line);
            continue;
        }
        flush_run();
        if (!paragraph.empty()) {
            const Line* previous = paragraph.back();
            bool wraps = line.top - previous->top <= 1.45 * line.height &&
                         std::abs(line.height - previous->height) < 1.0 &&
                         AllBold(line.words) == AllBold(previous->words);
            if (!wraps) flush_paragraph();
        }
        paragraph.push_back(&line);
    }
    flush_run();
    flush_paragraph();
}


// What goes between two lines of a cell. Word processors wrap a word that does
// not fit with its space before it, so a break is kept only where the next
// word would have fitted; they also break after a hyphen or slash inside a word.
const char* LineSeparator(const std::string& before, double line_end, double space, double next_width,
                          double inner_right) {
    if (line_end + space + next_width <= inner_right) return "\n";
    bool inside_word = before.size() >= 2 && (before.back() == '-' || before.back() == '/') &&
                       before[before.size() - 2] != ' ';
    return inside_word ? "" : " ";
}

// A ruled table's cells: grid cells joined where the rule between them is not
// drawn. Words belong to the cell their centre falls in. Within a cell a line
// break is kept ('\n', as a paragraph break in a DOCX cell) only where the next
// line's first word would have fitted on the line before: otherwise the text
// merely wrapped at the cell's edge.
Table BuildRuledTable(const Grid& grid, const std::vector<const Word*>& words,
                      const std::map<const Word*, int>& line_of, int page_number, PlacedBlock* placed) {
    const int rows = grid.rows(), columns = grid.columns();
    std::vector<size_t> parent(static_cast<size_t>(rows * columns));
    for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
    auto find = [&](size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    auto id = [&](int r, int c) { return static_cast<size_t>(r * columns + c); };
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            if (c + 1 < columns && !grid.vertical[r][c + 1]) parent[find(id(r, c))] = find(id(r, c + 1));
            if (r + 1 < rows && !grid.horizontal[r + 1][c]) parent[find(id(r, c))] = find(id(r + 1, c));
        }
    }
    struct Region {
        int top = 1 << 30, left = 1 << 30, bottom = -1, right = -1;
        std::vector<const Word*> words;
    };
    std::map<size_t, Region> regions;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            Region& region = regions[find(id(r, c))];
            region.top = std::min(region.top, r);
            region.left = std::min(region.left, c);
            region.bottom = std::max(region.bottom, r);
            region.right = std::max(region.right, c);
        }
    }
    auto index_in = [](const std::vector<double>& bounds, double at) {
        auto it = std::upper_bound(bounds.begin(), bounds.end(), at);
        int index = static_cast<int>(it - bounds.begin()) - 1;
        return std::clamp(index, 0, static_cast<int>(bounds.size()) - 2);
    };
    // An empty cell is found again by the first text line of its grid row.
    std::vector<int> row_line(static_cast<size_t>(rows), 0);
    for (const Word* word : words) {
        int r = index_in(grid.ys, word->y + word->height / 2);
        int c = index_in(grid.xs, word->x + word->width / 2);
        regions[find(id(r, c))].words.push_back(word);
        int line = line_of.at(word);
        if (row_line[r] == 0 || line < row_line[r]) row_line[r] = line;
    }
    for (int r = 1; r < rows; ++r) {
        if (row_line[r] == 0) row_line[r] = row_line[r - 1];
    }
    for (int r = rows - 2; r >= 0; --r) {
        if (row_line[r] == 0) row_line[r] = row_line[r + 1];
    }
    std::map<size_t, Cell> cells;
    for (auto& [root, region] : regions) {
        Cell cell;
        cell.row_span = region.bottom - region.top + 1;
        cell.col_span = region.right - region.left + 1;
        cell.where = CellPosition{page_number, 0, region.top + 1, region.left + 1};
        std::vector<Line> lines = GroupLines(region.words);
        if (!lines.empty()) {
            cell.where.line = line_of.at(lines.front().words.front());
            double left_pad = lines.front().words.front()->x - grid.xs[region.left];
            for (const Line& line : lines) left_pad = std::min(left_pad, line.words.front()->x - grid.xs[region.left]);
            double inner_right = grid.xs[region.right + 1] - std::clamp(left_pad, 1.0, 12.0);
            // The font's space, measured between the words of the cell's lines.
            std::vector<double> gaps;
            for (const Line& line : lines) {
                for (size_t w = 1; w < line.words.size(); ++w) {
                    const Word* before = line.words[w - 1];
                    if (before->space_after) gaps.push_back(line.words[w]->x - (before->x + before->width));
                }
            }
            // Without a measured space, ~0.28 em.
            double space = 0.28 * lines.front().height;
            if (!gaps.empty()) {
                std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
                space = gaps[gaps.size() / 2];
            }
            std::vector<const Word*> ordered;
            for (size_t i = 0; i < lines.size(); ++i) {
                const Line& line = lines[i];
                if (i > 0) {
                    const Word* last = lines[i - 1].words.back();
                    cell.text += LineSeparator(cell.text, last->x + last->width, space, line.words.front()->width,
                                               inner_right);
                }
                cell.text += LineText(line);
                ordered.insert(ordered.end(), line.words.begin(), line.words.end());
            }
            CellEdge edge{false, 0, inner_right, space, lines.front().words.front()->width};
            if (region.top == 0) placed->top_edge[region.left] = edge;
            if (region.bottom == rows - 1) {
                const Line& last = lines.back();
                edge.line_end = last.words.back()->x + last.words.back()->width;
                edge.full = grid.ys.back() - last.bottom < 1.6 * last.height;
                edge.merged = region.bottom > region.top;
                placed->bottom_edge[region.left] = edge;
            }
            cell.text = text::Normalize(cell.text, /*keep_newlines=*/true);
            cell.bold = AllBold(ordered);
            CollectBoldRuns(ordered, &cell.bold_runs);
        } else {
            cell.where.line = row_line[region.top];
        }
        cells[root] = std::move(cell);
    }
    // Row by row as a DOCX table reads: a merged cell once where it starts, and a
    // copy marked merged_from_above in each row below that it covers.
    Table table;
    for (int r = 0; r < rows; ++r) {
        Row row;
        for (int c = 0; c < columns;) {
            size_t root = find(id(r, c));
            const Region& region = regions[root];
            Cell cell = cells[root];
            cell.where.row = r + 1;
            if (region.top < r) {
                cell.row_span = 1;
                cell.merged_from_above = true;
            }
            c = region.right + 1;
            row.cells.push_back(std::move(cell));
        }
        table.rows.push_back(std::move(row));
    }
    if (!table.rows.empty() && !table.rows.front().cells.empty()) table.where = table.rows.front().cells.front().where;
    return table;
}

std::vector<PlacedBlock> LayoutPage(const Page& page, int page_number) {
    std::vector<Grid> grids = FindGrids(page.rules, page.pixel);
    std::vector<PlacedBlock> placed;
    if (grids.empty()) {
        LayoutUnruled(page, page_number, &placed);
    } else {
        std::map<const Word*, int> line_of;
        for (const Line& line : GroupLines(page)) {
            for (const Word* word : line.words) line_of[word] = line.number;
        }
        std::vector<std::vector<const Word*>> in_grid(grids.size());
        Page rest{page.width, page.height, {}, {}, page.pixel};
        for (const Word& word : page.words) {
            double x = word.x + word.width / 2, y = word.y + word.height / 2;
            auto grid = std::find_if(grids.begin(), grids.end(), [&](const Grid& g) {
                return x >= g.xs.front() && x <= g.xs.back() && y >= g.ys.front() && y <= g.ys.back();
            });
            if (grid == grids.end() || !line_of.count(&word)) {
                rest.words.push_back(word);
            } else {
                in_grid[static_cast<size_t>(grid - grids.begin())].push_back(&word);
            }
        }
        for (size_t g = 0; g < grids.size(); ++g) {
            PlacedBlock table{grids[g].ys.front(), {}, grids[g].xs, {}, {}};
            table.block.kind = Block::Kind::kTable;
            table.block.table = BuildRuledTable(grids[g], in_grid[g], line_of, page_number, &table);
            placed.push_back(std::move(table));
        }
        std::vector<PlacedBlock> unruled;
        LayoutUnruled(rest, page_number, &unruled);
        // Lines numbered on the whole page, not on what was left of it.
        std::map<int, int> renumber;
        {
            std::vector<Line> rest_lines = GroupLines(rest);
            std::vector<Line> all_lines = GroupLines(page);
            for (const Line& line : rest_lines) {
                for (const Line& whole : all_lines) {
                    if (std::abs(whole.top - line.top) < 0.5) {
                        renumber[line.number] = whole.number;
                        break;
                    }
                }
            }
        }
        for (PlacedBlock& block : unruled) {
            if (block.block.kind == Block::Kind::kParagraph) {
                int& line = block.block.paragraph.where.line;
                if (renumber.count(line)) line = renumber[line];
            } else {
                for (Row& row : block.block.table.rows) {
                    for (Cell& cell : row.cells) {
                        if (renumber.count(cell.where.line)) cell.where.line = renumber[cell.where.line];
                    }
                }
                if (!block.block.table.rows.empty() && !block.block.table.rows.front().cells.empty()) {
                    block.block.table.where = block.block.table.rows.front().cells.front().where;
                }
            }
            placed.push_back(std::move(block));
        }
        std::stable_sort(placed.begin(), placed.end(),
                         [](const PlacedBlock& a, const PlacedBlock& b) { return a.top < b.top; });
    }
    return placed;
}

// A ruled table that ends a page and one with the same columns that starts the
// next are one table, as in the document: a word processor repeats nothing and
// draws the borders again at the page break. A cell of the first row goes on
// from the cell above it when that one's text ran to the bottom of its page
// (see JoinTables); otherwise the row is a new row.
bool SameColumns(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size() || a.empty()) return false;
    for (size_t k = 0; k < a.size(); ++k) {
        if (std::abs(a[k] - b[k]) > 2.0) return false;
    }
    return true;
}

void JoinTables(PlacedBlock* upper, PlacedBlock&& lower) {
    Table& table = upper->block.table;
    Table& next = lower.block.table;
    const int offset = static_cast<int>(table.rows.size());
    if (!next.rows.empty() && offset > 0) {
        for (Cell& cell : next.rows.front().cells) {
            int column = cell.where.column - 1;
            auto above = upper->bottom_edge.find(column);
            auto below = lower.top_edge.find(column);
            if (cell.text.empty() || above == upper->bottom_edge.end() || !above->second.full ||
                below == lower.top_edge.end()) {
                continue;
            }
            // Rows are kept whole, but a merged cell's text flows on over the rows
            // it spans: a cell goes on when it spans rows above the break, or when
            // its text plainly continues a sentence (a lower-case start).
            if (!above->second.merged && !text::StartsLowercase(cell.text)) continue;
            // The cell it goes on from: up the column to where its merge started.
            int origin_row = offset - 1;
            auto in_row = [&](Row& row) -> Cell* {
                for (Cell& c : row.cells) {
                    if (c.where.column == cell.where.column && c.col_span == cell.col_span) return &c;
                }
                return nullptr;
            };
            Cell* origin = in_row(table.rows[origin_row]);
            if (!origin) continue;
            while (origin->merged_from_above && origin_row > 0) {
                Cell* up = in_row(table.rows[origin_row - 1]);
                if (!up) break;
                origin = up;
                --origin_row;
            }
            const CellEdge& edge = above->second;
            std::string joined = origin->text +
                                 LineSeparator(origin->text, edge.line_end, edge.space, below->second.first_width,
                                               edge.inner_right) +
                                 cell.text;
            joined = text::Normalize(joined, /*keep_newlines=*/true);
            bool bold = origin->bold && cell.bold;
            std::vector<std::string> runs = origin->bold_runs;
            runs.insert(runs.end(), cell.bold_runs.begin(), cell.bold_runs.end());
            origin->row_span += cell.row_span;
            auto carry = [&](Cell& copy) {
                copy.text = joined;
                copy.bold = bold;
                copy.bold_runs = runs;
            };
            carry(*origin);
            for (int r = origin_row + 1; r < offset; ++r) {
                if (Cell* copy = in_row(table.rows[r])) carry(*copy);
            }
            int span = cell.row_span;
            for (int r = 1; r < span && r < static_cast<int>(next.rows.size()); ++r) {
                if (Cell* copy = in_row(next.rows[r])) carry(*copy);
            }
            carry(cell);
            cell.row_span = 1;
            cell.merged_from_above = true;
        }
    }
    for (Row& row : next.rows) {
        for (Cell& cell : row.cells) cell.where.row += offset;
        table.rows.push_back(std::move(row));
    }
    upper->bottom_edge = std::move(lower.bottom_edge);
}

bool IsPageNumber(const std::string& text) {
    static const std::regex kPageNumber(
        R"(^\s*(-\s*)?(pag(e|ina|ină)?\.?\s*|str(an)?\.?\s*)?\d{1,4}(\s*(/|of|din|od|di|de)\s*\d{1,4})?(\s*-)?\s*$)",
        std::regex::icase);
    return text.size() < 40 && std::regex_match(text, kPageNumber);
}

std::string FurnitureKey(const std::string& text) {
    std::string key;
    for (char c : text) key += std::isdigit(static_cast<unsigned char>(c)) ? '#' : c;
    return key;
}

}  // namespace

void DropPageFurniture(std::vector<Page>* pages, std::vector<ReaderNote>* notes) {
    struct Candidate {
        size_t page;
        std::vector<const Word*> words;
        std::string text;
        int line;
    };
    std::vector<Candidate> candidates;
    std::map<std::string, std::set<size_t>> pages_by_key;
    for (size_t p = 0; p < pages->size(); ++p) {
        const Page& page = (*pages)[p];
        for (const Line& line : GroupLines(page)) {
            bool in_margin = line.bottom < kMarginShare * page.height || line.top > (1 - kMarginShare) * page.height;
            if (!in_margin) continue;
            std::string text = text::Normalize(LineText(line));
            candidates.push_back(Candidate{p, line.words, text, line.number});
            pages_by_key[FurnitureKey(text)].insert(p);
        }
    }
    size_t needed = std::max<size_t>(2, (pages->size() + 1) / 2);
    std::map<size_t, std::set<const Word*>> dropped;
    for (const Candidate& candidate : candidates) {
        bool repeated = pages->size() >= 2 && pages_by_key[FurnitureKey(candidate.text)].size() >= needed;
        bool number = IsPageNumber(candidate.text);
        if (!repeated && !number) continue;
        dropped[candidate.page].insert(candidate.words.begin(), candidate.words.end());
        notes->push_back(ReaderNote{
            CellPosition{static_cast<int>(candidate.page) + 1, candidate.line, 0, 0},
            fmt::format("dropped {} \"{}\"", number ? "page number" : "running header or footer", candidate.text)});
    }
    for (auto& [p, words] : dropped) {
        std::vector<Word>& page_words = (*pages)[p].words;
        std::vector<Word> kept;
        for (const Word& word : page_words) {
            if (!words.count(&word)) kept.push_back(word);
        }
        page_words = std::move(kept);
    }
}

std::vector<Block> LayoutPages(const std::vector<Page>& pages) {
    std::vector<PlacedBlock> placed;
    bool table_ends_page = false;
    for (size_t p = 0; p < pages.size(); ++p) {
        std::vector<PlacedBlock> page = LayoutPage(pages[p], static_cast<int>(p) + 1);
        size_t first = 0;
        if (table_ends_page && !page.empty() && SameColumns(placed.back().xs, page.front().xs)) {
            JoinTables(&placed.back(), std::move(page.front()));
            first = 1;
        }
        for (size_t b = first; b < page.size(); ++b) placed.push_back(std::move(page[b]));
        table_ends_page = !placed.empty() && !placed.back().xs.empty() && (page.size() > first || first == 1);
    }
    std::vector<Block> blocks;
    for (PlacedBlock& block : placed) blocks.push_back(std::move(block.block));
    return blocks;
}

}  // namespace planwatch::import::pdf
