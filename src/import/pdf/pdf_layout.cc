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

struct Fragment {
    std::vector<const Word*> words;
    double left = 0, right = 0;
};

std::vector<Line> GroupLines(const Page& page) {
    std::vector<const Word*> words;
    for (const Word& word : page.words) {
        if (word.height > 0 && !word.text.empty()) words.push_back(&word);
    }
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

void LayoutPage(const Page& page, int page_number, std::vector<Block>* blocks) {
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
            blocks->push_back(std::move(block));
        }
        run.clear();
    };
    auto flush_paragraph = [&] {
        if (!paragraph.empty()) blocks->push_back(ParagraphBlock(paragraph, page_number));
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
    std::vector<Block> blocks;
    for (size_t p = 0; p < pages.size(); ++p) LayoutPage(pages[p], static_cast<int>(p) + 1, &blocks);
    return blocks;
}

}  // namespace planwatch::import::pdf
