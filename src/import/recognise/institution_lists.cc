// SplitInstitutions and FindAcronymList. See value_parsing.h.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "common/text.h"
#include "import/recognise/value_parsing.h"
#include "import/recognise/value_tokens.h"

namespace planwatch::import::recognise {
namespace {

using internal::Token;
using internal::TokenKind;

// An acronym is short: "MZ", "MIZŠ", "MF (FURS)", "A.E.S.A.".
constexpr size_t kMaxAcronymBytes = 24;
// A title such as "Seznam kratic in okrajšav" may run on a little after the glossary phrase.
constexpr size_t kMaxTitleTail = 30;

struct Letters {
    int upper = 0;
    int lower = 0;
};

Letters CountLetters(std::string_view s) {
    Letters letters;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0;
    int32_t length = static_cast<int32_t>(s.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) continue;
        if (u_isupper(c)) ++letters.upper;
        if (u_islower(c)) ++letters.lower;
    }
    return letters;
}

UChar32 FirstCodePoint(std::string_view s) {
    if (s.empty()) return -1;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(bytes, i, static_cast<int32_t>(s.size()), c);
    return c;
}

bool StartsUpperOrDigit(std::string_view s) {
    UChar32 c = FirstCodePoint(s);
    return c >= 0 && (u_isupper(c) || u_istitle(c) || (c >= '0' && c <= '9'));
}

bool StartsLower(std::string_view s) {
    UChar32 c = FirstCodePoint(s);
    return c >= 0 && u_islower(c);
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// "MZ", "MIZŠ", "MF (FURS)", "A.E.S.A.": mostly capitals, at most three words.
bool LooksLikeAcronym(std::string_view raw) {
    std::string_view s = Trim(raw);
    if (s.empty() || s.size() > kMaxAcronymBytes) return false;
    std::string_view outside = s.substr(0, s.find('('));
    if (std::count(outside.begin(), outside.end(), ' ') > 2) return false;
    Letters letters = CountLetters(outside);
    int total = letters.upper + letters.lower;
    return letters.upper >= 2 && letters.upper * 10 >= total * 6;
}

// Opening quotes and brackets a name may start with: „Liceul", ,,Liceul, "Liceul".
size_t SkipOpeningQuotes(std::string_view s, size_t pos) {
    static constexpr std::string_view kOpeners[] = {",,", "\u201E", "\u201C", "\u201D", "\"", "'", "\u00AB", "\u00BB", "("};
    for (bool again = true; again;) {
        again = false;
        while (pos < s.size() && s[pos] == ' ') ++pos;
        for (std::string_view opener : kOpeners) {
            if (s.substr(pos).starts_with(opener)) {
                pos += opener.size();
                again = true;
                break;
            }
        }
    }
    return pos;
}

class InstitutionSplitter {
public:
    explicit InstitutionSplitter(const Glossary& glossary) : glossary_(glossary) {}

    std::vector<NamedInstitution> Split(std::string_view text) {
        std::string normalized = text::Normalize(text, /*keep_newlines=*/true);
        std::vector<std::string> pieces = SplitPieces(JoinContinuationLines(normalized));
        std::vector<NamedInstitution> out;
        for (const std::string& piece : pieces) {
            NamedInstitution named = Clean(piece);
            if (named.name.empty()) {
                // A marker standing alone ("..., coordonator") belongs to the name before it.
                if (named.lead_marker && !out.empty()) out.back().lead_marker = true;
                continue;
            }
            out.push_back(std::move(named));
        }
        return out;
    }

private:
    bool StartsNewName(std::string_view rest) const {
        size_t pos = SkipOpeningQuotes(rest, 0);
        std::string_view next = rest.substr(pos);
        if (next.empty()) return false;
        std::vector<Token> tokens = internal::Tokenize(next.substr(0, std::min<size_t>(next.size(), 80)));
        if (tokens.empty() || tokens[0].kind != TokenKind::kWord) return false;
        // An article before the name: "the Department of …", "la Regione …".
        size_t first = 0;
        if (tokens.size() > 1 && internal::StartsLowerCase(tokens[0].text) && tokens[0].text.size() <= 3 &&
            internal::MatchPhrase(glossary_, WordKind::kStopWord, tokens, 0).phrase) {
            first = 1;
        }
        if (internal::MatchPhrase(glossary_, WordKind::kInstitutionHead, tokens, first).phrase) return true;
        // An acronym word: "MZ", "ISJ", "DSP" (all capitals, two letters or more).
        std::string_view word = tokens[first].text;
        Letters letters = CountLetters(word);
        return letters.upper >= 2 && letters.lower == 0;
    }

    bool EndsWithJoiningWord(std::string_view line) const {
        std::vector<Token> tokens = internal::Tokenize(line);
        if (tokens.empty()) return false;
        const Token& last = tokens.back();
        if (last.kind == TokenKind::kPunct) return last.key == "-" || last.key == "/";
        size_t i = tokens.size() - 1;
        // Only a lower-case function word joins: "LAS" ending a line is a name, not Spanish "las".
        if (!internal::StartsLowerCase(last.text)) return false;
        return internal::MatchPhrase(glossary_, WordKind::kStopWord, tokens, i).phrase != nullptr ||
               internal::MatchPhrase(glossary_, WordKind::kFiller, tokens, i).phrase != nullptr;
    }

    // A line that starts lower-case, or follows a line ending in "de"/"za"/"-",
    // continues the name above (text wrapped inside a cell).
    std::string JoinContinuationLines(const std::string& text) const {
        std::vector<std::string_view> lines;
        size_t start = 0;
        while (start <= text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string_view line = Trim(std::string_view(text).substr(start, end - start));
            if (!line.empty()) lines.push_back(line);
            start = end + 1;
        }
        std::string joined;
        for (size_t k = 0; k < lines.size(); ++k) {
            if (k > 0) {
                bool continues = StartsLower(lines[k]) || EndsWithJoiningWord(lines[k - 1]);
                joined += continues ? " " : "\n";
            }
            joined += lines[k];
        }
        return joined;
    }

    // Cuts at line breaks, ';', ',' before a capital, and conjunctions before a new name.
    std::vector<std::string> SplitPieces(const std::string& text) const {
        std::vector<std::string> pieces;
        std::string current;
        int depth = 0;
        auto cut = [&]() {
            pieces.push_back(current);
            current.clear();
        };
        std::vector<Token> tokens = internal::Tokenize(text);
        size_t copied = 0;  // bytes of text already in current or skipped
        for (size_t i = 0; i < tokens.size(); ++i) {
            const Token& token = tokens[i];
            if (token.line_break_before && depth == 0) {
                current += text.substr(copied, token.begin - copied);
                copied = token.begin;
                cut();
            }
            if (token.kind == TokenKind::kPunct) {
                if (token.key == "(" || token.key == "[") ++depth;
                if ((token.key == ")" || token.key == "]") && depth > 0) --depth;
                if (depth > 0) continue;
                if (token.key == ";") {
                    current += text.substr(copied, token.begin - copied);
                    copied = token.end;
                    cut();
                    continue;
                }
                if (token.key == ",") {
                    // ",," opens a Romanian quotation: „Liceul ...".
                    if (i + 1 < tokens.size() && tokens[i + 1].key == "," && !tokens[i + 1].space_before) {
                        ++i;
                        continue;
                    }
                    if (StartsUpperOrDigit(std::string_view(text).substr(SkipOpeningQuotes(text, token.end))) ||
                        StartsNewName(std::string_view(text).substr(token.end))) {
                        current += text.substr(copied, token.begin - copied);
                        copied = token.end;
                        cut();
                    }
                }
                continue;
            }
            if (depth > 0 || token.kind != TokenKind::kWord || !token.space_before) continue;
            auto conjunction = internal::MatchPhrase(glossary_, WordKind::kConjunction, tokens, i);
            if (!conjunction.phrase) continue;
            size_t after = i + conjunction.count;
            if (after >= tokens.size() || i == 0) continue;
            if (!StartsNewName(std::string_view(text).substr(tokens[after - 1].end))) continue;
            current += text.substr(copied, token.begin - copied);
            copied = tokens[after - 1].end;
            cut();
            i = after - 1;
        }
        current += text.substr(copied);
        cut();
        return pieces;
    }

    // Removes a lead / partner marker: "(coordonator)", "nosilec:", "lead -", "- coordonator".
    bool StripMarker(WordKind kind, std::string* piece) const {
        std::vector<Token> tokens = internal::Tokenize(*piece);
        if (tokens.empty()) return false;
        for (size_t i = 0; i < tokens.size(); ++i) {
            auto match = internal::MatchPhrase(glossary_, kind, tokens, i);
            if (!match.phrase) continue;
            size_t last = i + match.count - 1;
            const Token* before = i > 0 ? &tokens[i - 1] : nullptr;
            const Token* after = last + 1 < tokens.size() ? &tokens[last + 1] : nullptr;
            size_t cut_begin = tokens[i].begin;
            size_t cut_end = tokens[last].end;
            bool strip = false;
            if (before && after && before->key == "(" && after->key == ")") {  // "MZ (nosilec)"
                cut_begin = before->begin;
                cut_end = after->end;
                strip = true;
            } else if (i == 0 && (!after || after->key == ":" || after->key == "-")) {  // "nosilec: MZ"
                if (after) cut_end = after->end;
                strip = true;
            } else if (last + 1 == tokens.size() && before && (before->key == "-" || before->key == ",")) {
                cut_begin = before->begin;  // "MZ - nosilec"
                strip = true;
            }
            if (!strip) continue;
            piece->erase(cut_begin, cut_end - cut_begin);
            return true;
        }
        return false;
    }

    NamedInstitution Clean(std::string piece) const {
        NamedInstitution named;
        named.lead_marker = StripMarker(WordKind::kLeadMarker, &piece);
        StripMarker(WordKind::kPartnerMarker, &piece);
        std::string_view s = Trim(piece);
        // Leading list marks: "-Conducerea DGASPC", "• MZ", "1. MZ", "a) MZ".
        for (bool again = true; again && !s.empty();) {
            again = false;
            for (std::string_view mark : {"-", "\u2013", "\u2014", "\u2022", "\u00B7", "*", "\u25CF", "\u25AA"}) {
                if (s.starts_with(mark)) {
                    s.remove_prefix(mark.size());
                    s = Trim(s);
                    again = true;
                }
            }
        }
        // Trailing punctuation; a final '.' stays on abbreviations ("A.E.S.A.").
        while (!s.empty()) {
            char c = s.back();
            if (c == ',' || c == ';' || c == ':' || c == '-' || c == ' ') {
                s.remove_suffix(1);
            } else if (c == '.' && !(s.size() >= 3 && s[s.size() - 3] == '.')) {
                s.remove_suffix(1);
            } else if (s.ends_with("\u2013") || s.ends_with("\u2014") || s.ends_with("\u2022")) {
                s.remove_suffix(3);
            } else if (s.ends_with("\u00B7")) {
                s.remove_suffix(2);
            } else {
                break;
            }
        }
        Letters letters = CountLetters(s);
        if (letters.upper + letters.lower == 0) return named;
        named.name = text::Normalize(s);
        return named;
    }

    const Glossary& glossary_;
};

bool IsAcronymListTitle(std::string_view text, const Glossary& glossary) {
    // HeaderKey keeps every ASCII letter but at most four of a leading numbering
    // ("iv. "): a cell with more letters than that cannot give a short key. Saves
    // computing the key of every long cell of a document.
    size_t letters = 0;
    for (char c : text) letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letters > 80 + 4) return false;
    std::string key = HeaderKey(text);
    if (key.empty() || key.size() > 80) return false;
    for (const Phrase& title : glossary.Phrases(WordKind::kAcronymListTitle)) {
        if (key == title.key) return true;
        if (key.starts_with(title.key) && key.size() - title.key.size() <= kMaxTitleTail &&
            !internal::IsWordByte(key[title.key.size()])) {
            return true;
        }
    }
    return false;
}

void AddAcronym(std::string_view acronym, std::string_view name, std::map<std::string, std::string>* out) {
    std::string a = text::Normalize(acronym);
    std::string n = text::Normalize(name);
    if (a.empty() || n.empty() || a == n) return;
    out->emplace(a, n);
    // "MF (FURS)" -> also "MF".
    if (size_t paren = a.find(" ("); paren != std::string::npos) out->emplace(a.substr(0, paren), n);
}

// One line "MZ – Ministrstvo za zdravje", "MZ: ...", "MZ = ...", "MZ Ministrstvo ...",
// or "Ministrstvo za zdravje (MZ)". False when the line is not such an entry.
bool ParseAcronymLine(std::string_view raw, std::map<std::string, std::string>* out) {
    std::string line = text::Normalize(raw);
    for (std::string_view sep : {" \u2013 ", " \u2014 ", " - ", ": ", " = ", "\t", " "}) {
        size_t pos = line.find(sep);
        if (pos == std::string::npos || pos == 0) continue;
        std::string_view left = std::string_view(line).substr(0, pos);
        std::string_view right = Trim(std::string_view(line).substr(pos + sep.size()));
        if (sep == " " && (!LooksLikeAcronym(left) || !u_isupper(FirstCodePoint(right)))) continue;
        // The expansion is a name in ordinary case: "CAPITOLUL I" is a heading, not an entry.
        if (LooksLikeAcronym(left) && !LooksLikeAcronym(right) && CountLetters(right).lower >= 2) {
            AddAcronym(left, right, out);
            return true;
        }
    }
    // "Nacionalni inštitut za javno zdravje (NIJZ)"
    if (line.size() > 4 && line.back() == ')') {
        size_t open = line.rfind('(');
        if (open != std::string::npos && open > 0) {
            std::string_view inner = std::string_view(line).substr(open + 1, line.size() - open - 2);
            if (LooksLikeAcronym(inner) && inner.find(' ') == std::string_view::npos) {
                AddAcronym(inner, Trim(std::string_view(line).substr(0, open)), out);
                return true;
            }
        }
    }
    return false;
}

}  // namespace

std::vector<NamedInstitution> SplitInstitutions(std::string_view text, const Glossary& glossary) {
    return InstitutionSplitter(glossary).Split(text);
}

std::map<std::string, std::string> FindAcronymList(const Document& doc, const Glossary& glossary) {
    std::map<std::string, std::string> acronyms;
    bool collecting = false;
    int misses = 0;               // blocks since the title that gave no entry
    bool found_entries = false;  // the current list has given entries
    // Cells of consecutive rows, flattened: a reader may cut one visual row in two.
    std::vector<std::string> pending_cells;
    auto flush_cells = [&]() -> bool {
        bool any = false;
        for (size_t k = 0; k < pending_cells.size(); ++k) {
            if (!LooksLikeAcronym(pending_cells[k])) {
                any = ParseAcronymLine(pending_cells[k], &acronyms) || any;
                continue;
            }
            if (k + 1 < pending_cells.size() && !LooksLikeAcronym(pending_cells[k + 1])) {
                AddAcronym(pending_cells[k], pending_cells[k + 1], &acronyms);
                any = true;
                ++k;
            }
        }
        pending_cells.clear();
        return any;
    };
    for (const Block& block : doc.blocks) {
        if (block.kind == Block::Kind::kParagraph) {
            const std::string& text = block.paragraph.text;
            std::string_view first_line = std::string_view(text).substr(0, text.find('\n'));
            if (IsAcronymListTitle(first_line, glossary)) {
                collecting = true;
                found_entries = false;
                misses = 0;
                // The list may follow the title inside the same paragraph.
                size_t newline = text.find('\n');
                if (newline != std::string::npos) {
                    std::string_view rest = std::string_view(text).substr(newline + 1);
                    size_t start = 0;
                    while (start < rest.size()) {
                        size_t end = rest.find('\n', start);
                        if (end == std::string_view::npos) end = rest.size();
                        ParseAcronymLine(rest.substr(start, end - start), &acronyms);
                        start = end + 1;
                    }
                }
                continue;
            }
            if (!collecting) continue;
            if (Trim(text).empty()) continue;
            bool any = false;
            size_t start = 0;
            while (start < text.size()) {
                size_t end = text.find('\n', start);
                if (end == std::string::npos) end = text.size();
                any = ParseAcronymLine(std::string_view(text).substr(start, end - start), &acronyms) || any;
                start = end + 1;
            }
            // The list is contiguous: after its entries, the first other paragraph ends it.
            if (any) found_entries = true;
            if (!any && (found_entries || ++misses >= 2)) collecting = false;
            continue;
        }
        // A table: titled in its first cell, or following a title.
        bool titled_here = false;
        for (const Row& row : block.table.rows) {
            for (const Cell& cell : row.cells) {
                if (Trim(cell.text).empty()) continue;
                if (!collecting && !titled_here && IsAcronymListTitle(cell.text, glossary)) {
                    titled_here = true;
                    continue;
                }
                if (collecting || titled_here) pending_cells.push_back(cell.text);
            }
        }
        if (collecting || titled_here) {
            bool any = flush_cells();
            collecting = true;
            if (any) found_entries = true;
            if (!any && (found_entries || ++misses >= 2)) collecting = false;
        }
    }
    return acronyms;
}

}  // namespace planwatch::import::recognise
