// An organisation profile (a DGASPC's presentation of itself): the institution with
// its contact, its organisation chart as numbered directorates whose bullet lists
// name services and centres (a unit ending in ":" or written "Complex …: A și B"
// holds the units that follow it), and yearly figures per unit read from the
// indicator sections ("Pe parcursul anului 2018, Serviciul a acordat 51 de atestate").
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "common/text.h"
#include "import/recognise/recogniser.h"
#include "import/recognise/registry_words.h"
#include "import/recognise/services_plan.h"
#include "import/recognise/services_values.h"

namespace planwatch::import::recognise {
namespace {

using domain::Institution;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct Line {
    std::string text;  // normalised, one line
    int line = 0;
};

std::vector<Line> SplitLines(const Document& doc) {
    std::vector<Line> out;
    for (const TextLine& text_line : DocumentLines(doc)) {
        size_t start = 0;
        int offset = 0;
        while (start <= text_line.text.size()) {
            size_t end = text_line.text.find('\n', start);
            if (end == std::string::npos) end = text_line.text.size();
            std::string one = text::Normalize(std::string_view(text_line.text).substr(start, end - start));
            if (!one.empty()) out.push_back({one, text_line.line + offset});
            ++offset;
            start = end + 1;
        }
    }
    return out;
}

// "· Serviciul juridic;" -> {"Serviciul juridic;", true}
std::pair<std::string, bool> StripBulletMark(const std::string& line) {
    for (std::string_view bullet : {"\u00b7", "\u2022", "\uf0b7", "\uf0a7", "\u2013 ", "- ", "* "}) {
        if (line.rfind(bullet, 0) == 0) return {text::Normalize(std::string_view(line).substr(bullet.size())), true};
    }
    return {line, false};
}

std::string TrimEnd(std::string s) {
    while (!s.empty() && std::string_view(":;.,").find(s.back()) != std::string_view::npos) s.pop_back();
    return text::Normalize(s);
}

// True when the ASCII letters of the text's first words are all capitals.
bool IsCapitalised(std::string_view text) {
    int upper = 0;
    for (size_t i = 0; i < text.size() && i < 60; ++i) {
        char c = text[i];
        if (c >= 'a' && c <= 'z') return false;
        upper += (c >= 'A' && c <= 'Z');
    }
    return upper >= 4;
}

// "DIRECŢIA PROTECŢIA PERSOANELOR ADULTE" -> "Direcția protecția persoanelor adulte".
std::string SentenceCase(const std::string& text_in) {
    if (!IsCapitalised(text_in)) return text_in;
    std::string lower = text::Lower(text_in);
    if (!lower.empty() && lower[0] >= 'a' && lower[0] <= 'z') lower[0] = static_cast<char>(lower[0] - 'a' + 'A');
    return lower;
}

// "3. DIRECŢIA …", "4.CENTRUL …", "3 SERVICIUL …" -> the text after the number.
std::optional<std::string> NumberedHeading(const std::string& line) {
    size_t i = 0;
    while (i < line.size() && IsDigit(line[i])) ++i;
    if (i == 0 || i > 2) return std::nullopt;
    if (i < line.size() && line[i] == '.') ++i;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) return std::nullopt;
    std::string rest = line.substr(i);
    if (!IsCapitalised(rest.substr(0, rest.find(':')))) return std::nullopt;
    return rest;
}

// Word stems for matching names spelt differently ("SERVICUL ADOPȚII" / "Serviciul adopţii").
std::set<std::string> Stems(std::string_view name) {
    std::set<std::string> out;
    std::string key = text::SearchKey(name);
    std::string word;
    auto flush = [&] {
        if (word.size() >= 3) out.insert(word.substr(0, 5));
        word.clear();
    };
    for (char c : key) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += c;
        } else {
            flush();
        }
    }
    flush();
    return out;
}

// The first words of text, cut at a space so no UTF-8 letter is split.
std::string Excerpt(const std::string& text_in) {
    if (text_in.size() <= 80) return text_in;
    size_t cut = text_in.rfind(' ', 80);
    return text_in.substr(0, cut == std::string::npos ? 80 : cut) + " …";
}

size_t CommonStems(const std::set<std::string>& a, const std::set<std::string>& b) {
    size_t common = 0;
    for (const std::string& s : a) common += b.count(s);
    return common;
}

double Overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    size_t common = 0;
    for (const std::string& s : a) common += b.count(s);
    return static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
}

class ProfileReader {
public:
    ProfileReader(const Document& doc, const RecogniseOptions& options)
        : glossary_(options.glossary != nullptr ? *options.glossary : Glossary::Default()),
          words_(RegistryWords::Default()),
          lines_(SplitLines(doc)) {}

    StatusOr<domain::Plan> Run(const RecogniseOptions& options) {
        plan_.kind = domain::PlanKind::kOrganisationProfile;
        size_t name_line = 0;
        if (!ReadInstitution(name_line)) {
            SourcePosition where;
            where.file = options.file_name;
            return InvalidArgument("no institution found: expected a name with its acronym, e.g. "
                                   "“Direcția Generală … Cluj (D.G.A.S.P.C.)”", where);
        }
        size_t structure = FindTitle(words_.structure_titles, name_line);
        size_t indicators = FindTitle(words_.indicator_titles, structure == lines_.size() ? name_line : structure);
        ReadStructure(structure == lines_.size() ? name_line + 1 : structure + 1, indicators);
        if (indicators < lines_.size()) ReadIndicators(indicators + 1);
        plan_.title = plan_.institutions[0].name;
        std::string sample;
        for (const Line& line : lines_) {
            if (sample.size() > 4000) break;
            sample += line.text + "\n";
        }
        plan_.language = options.language != "auto" && !options.language.empty() ? options.language
                                                                                 : DetectLanguage(sample);
        return std::move(plan_);
    }

private:
    // ---- the institution: "<Name> (<ACRONYM>) …" whose acronym letters are the name's initials
    bool ReadInstitution(size_t& name_line) {
        for (size_t i = 0; i < lines_.size() && i < 40; ++i) {
            const std::string& line = lines_[i].text;
            size_t open = line.find('(');
            size_t close = line.find(')', open == std::string::npos ? 0 : open);
            if (open == std::string::npos || close == std::string::npos || open < 8) continue;
            std::string acronym;
            for (size_t k = open + 1; k < close; ++k) {
                if (line[k] >= 'A' && line[k] <= 'Z') acronym += line[k];
            }
            std::string name = text::Normalize(line.substr(0, open));
            if (acronym.size() < 2 || !InitialsMatch(name, acronym)) continue;
            Institution institution;
            institution.name = name;
            institution.acronym = acronym;
            institution.kind = Kind(name).value_or("institution");
            for (size_t k = 0; k < i; ++k) {
                std::string key = text::SearchKey(lines_[k].text);
                bool contact = ContainsAny(key, words_.contact_markers) || key.find('@') != std::string::npos;
                if (contact && !StartsWithAny(key, words_.head_markers)) {
                    institution.contact += (institution.contact.empty() ? "" : "\n") + lines_[k].text;
                }
            }
            plan_.institutions.push_back(std::move(institution));
            name_line = i;
            return true;
        }
        return false;
    }

    static bool InitialsMatch(const std::string& name, const std::string& acronym) {
        std::string initials;
        size_t start = 0;
        while (start < name.size()) {
            size_t end = name.find(' ', start);
            if (end == std::string::npos) end = name.size();
            if (end > start && name[start] >= 'A' && name[start] <= 'Z') initials += name[start];
            start = end + 1;
        }
        return initials.rfind(acronym, 0) == 0;
    }

    size_t FindTitle(const PhraseKeys& titles, size_t from) const {
        for (size_t i = from + 1; i < lines_.size(); ++i) {
            if (lines_[i].text.size() < 120 && IsCapitalised(lines_[i].text) &&
                ContainsAny(text::SearchKey(lines_[i].text), titles)) {
                return i;
            }
        }
        return lines_.size();
    }

    std::optional<std::string> Kind(const std::string& name) const {
        return FindLabel(text::SearchKey(name), words_.unit_kinds, /*prefix_only=*/true);
    }

    // ---- the organisation chart
    void ReadStructure(size_t begin, size_t end) {
        std::string section;                    // current directorate
        std::string holder;                     // a unit ending in ":" and its stems
        std::set<std::string> holder_stems;
        for (size_t i = begin; i < end; ++i) {
            const Line& line = lines_[i];
            if (std::optional<std::string> heading = NumberedHeading(line.text)) {
                std::string name = TrimEnd(heading->substr(0, heading->find(':')));
                section = AddUnit(SentenceCase(name), plan_.institutions[0].name, line.line, "directorate");
                holder.clear();
                continue;
            }
            auto [item, bullet] = StripBulletMark(line.text);
            if (!bullet || section.empty() || !Kind(item)) continue;
            bool holds = TrimEnd(item) != item && item.back() == ':';
            std::string parent = section;
            if (!holder.empty() && CommonStems(Stems(item), holder_stems) >= 2) {
                parent = holder;
            } else {
                holder.clear();
            }
            std::string added = AddItem(TrimEnd(item), parent, line.line);
            if (holds) {
                // What the held units share with their holder is its subject, not its kind word.
                holder = added;
                holder_stems = Stems(added);
                for (const std::string& stem : Stems(added.substr(0, added.find(' ')))) holder_stems.erase(stem);
            }
        }
    }

    // "P: A și B", "P – A; B; C" name a unit and the units inside it.
    std::string AddItem(const std::string& item, const std::string& parent, int line) {
        for (std::string_view separator : {": ", " \u2013 ", " - "}) {
            size_t at = item.find(separator);
            if (at == std::string::npos) continue;
            std::string head = TrimEnd(item.substr(0, at));
            std::vector<std::string> parts = SplitUnits(item.substr(at + separator.size()));
            if (parts.empty() || !Kind(head)) continue;
            std::string holder = AddUnit(head, parent, line, "");
            for (const std::string& part : parts) AddUnit(head + " \u2013 " + part, holder, line, "");
            return holder;
        }
        return AddUnit(item, parent, line, "");
    }

    // Splits "Centrul de tip rezidențial și Centru de zi" into units: on ";" and on a
    // conjunction that a unit-kind word follows. Empty when a piece names no unit.
    std::vector<std::string> SplitUnits(const std::string& list) const {
        std::vector<std::string> out;
        size_t start = 0;
        while (start < list.size()) {
            size_t end = list.find(';', start);
            if (end == std::string::npos) end = list.size();
            std::string piece = TrimEnd(list.substr(start, end - start));
            // conjunctions
            size_t from = 0;
            while (true) {
                size_t split = std::string::npos, skip = 0;
                for (const Phrase& conjunction : glossary_.Phrases(WordKind::kConjunction)) {
                    std::string needle = " " + conjunction.text + " ";
                    size_t at = piece.find(needle, from);
                    if (at != std::string::npos && Kind(piece.substr(at + needle.size())) && at < split) {
                        split = at;
                        skip = needle.size();
                    }
                }
                if (split == std::string::npos) break;
                out.push_back(TrimEnd(piece.substr(0, split)));
                piece = piece.substr(split + skip);
                from = 0;
            }
            if (!piece.empty()) out.push_back(piece);
            start = end + 1;
        }
        for (const std::string& part : out) {
            if (!Kind(part)) return {};
        }
        return out;
    }

    // Adds a unit once (by search key); returns its canonical name.
    std::string AddUnit(const std::string& name_in, const std::string& parent, int line, const std::string& kind) {
        std::string name = text::Normalize(name_in);
        std::string key = text::SearchKey(name);
        for (const Institution& existing : plan_.institutions) {
            if (text::SearchKey(existing.name) == key) {
                if (existing.parent != parent && existing.name != parent) {
                    Warn(line, "unit_listed_twice",
                         "“" + name + "” is listed again under “" + parent + "”; kept under “" + existing.parent + "”");
                }
                return existing.name;
            }
        }
        Institution unit;
        unit.name = name;
        unit.parent = parent;
        unit.kind = kind.empty() ? Kind(name).value_or("unit") : Kind(name).value_or(kind);
        plan_.institutions.push_back(std::move(unit));
        return name;
    }

    // ---- indicator sections: figures per unit and year
    void ReadIndicators(size_t begin) {
        std::string component_parent = plan_.institutions[0].name;
        Institution* unit = nullptr;
        std::vector<Line> section;
        auto flush = [&] {
            if (unit != nullptr) ReadFigures(*unit, section);
            section.clear();
        };
        for (size_t i = begin; i < lines_.size(); ++i) {
            const Line& line = lines_[i];
            std::string key = text::SearchKey(line.text);
            if (IsCapitalised(line.text) && StartsWithAny(key, words_.component_words)) {
                flush();
                unit = nullptr;
                component_parent = BestMatch(line.text, "directorate", 0.5).value_or(plan_.institutions[0].name);
                continue;
            }
            if (std::optional<std::string> heading = NumberedHeading(line.text)) {
                flush();
                std::string heading_name = SentenceCase(TrimEnd(*heading));
                std::optional<std::string> match = BestMatch(*heading, "", 0.8);
                if (!match) {
                    match = AddUnit(heading_name, component_parent, line.line, "");
                    Warn(line.line, "unit_not_in_chart",
                         "“" + heading_name + "” is not in the organisation chart; placed under “" + component_parent + "”");
                }
                unit = Find(*match);
                continue;
            }
            section.push_back(line);
        }
        flush();
    }

    std::optional<std::string> BestMatch(const std::string& text_in, const std::string& kind, double threshold) const {
        std::set<std::string> stems = Stems(text_in);
        for (const std::string& word : words_.component_words) stems.erase(word.substr(0, 5));
        // Among names close enough (most of the shorter one's words shared), the one whose
        // words the two share in the largest proportion of the longer: a short name
        // shares all its few words with many headings, a long one many words with all.
        double best = 0;
        const Institution* found = nullptr;
        for (size_t i = 1; i < plan_.institutions.size(); ++i) {
            const Institution& candidate = plan_.institutions[i];
            if (!kind.empty() && candidate.kind != kind) continue;
            std::set<std::string> candidate_stems = Stems(candidate.name);
            if (Overlap(stems, candidate_stems) < threshold) continue;
            double score = static_cast<double>(CommonStems(stems, candidate_stems)) /
                           static_cast<double>(std::max(stems.size(), candidate_stems.size()));
            if (score > best) {
                best = score;
                found = &candidate;
            }
        }
        if (found == nullptr) return std::nullopt;
        return found->name;
    }

    Institution* Find(const std::string& name) {
        for (Institution& institution : plan_.institutions) {
            if (institution.name == name) return &institution;
        }
        return nullptr;
    }

    void ReadFigures(Institution& unit, const std::vector<Line>& section) {
        std::vector<Line> sentences;
        std::set<int> years;
        for (const Line& line : section) {
            std::string key = text::SearchKey(line.text);
            if (StartsWithAny(key, words_.head_markers) || ContainsAny(key, words_.contact_markers)) continue;
            std::string body = StripBulletMark(line.text).first;
            size_t start = 0;
            while (start < body.size()) {
                size_t end = body.find(". ", start);
                if (end == std::string::npos) end = body.size();
                sentences.push_back({body.substr(start, end - start), line.line});
                for (int year : Years(sentences.back().text)) years.insert(year);
                start = end + 2;
            }
        }
        std::optional<int> section_year;
        if (years.size() == 1) section_year = *years.begin();
        for (const Line& sentence : sentences) {
            std::vector<int> stated = Years(sentence.text);
            std::optional<int> year = stated.empty() ? section_year : std::optional<int>(stated.back());
            std::vector<domain::UnitFigure> figures = Figures(sentence.text);
            if (figures.empty()) continue;
            if (!year) {
                year = ReferenceYear();
                Warn(sentence.line, "figure_year_assumed",
                     "no year stated for “" + Excerpt(sentence.text) + "”; taken as " + std::to_string(*year));
            }
            for (domain::UnitFigure& figure : figures) {
                figure.year = *year;
                unit.figures.push_back(std::move(figure));
            }
        }
    }

    // The years a sentence names: "anului 2018", "la 31.12.2018", "(2019-2023)".
    std::vector<int> Years(const std::string& sentence) const {
        std::vector<int> out;
        std::vector<std::string> tokens = Tokens(sentence);
        for (size_t i = 0; i < tokens.size(); ++i) {
            std::optional<int> year = YearOf(tokens, i);
            if (year) out.push_back(*year);
        }
        return out;
    }

    std::optional<int> YearOf(const std::vector<std::string>& tokens, size_t i) const {
        const std::string& token = tokens[i];
        std::string digits = token.size() >= 4 ? token.substr(token.size() - 4) : "";
        if (digits.size() != 4 || !std::all_of(digits.begin(), digits.end(), IsDigit)) return std::nullopt;
        int value = std::stoi(digits);
        if (value < 1900 || value > 2100) return std::nullopt;
        bool date = token.size() > 4 && token[token.size() - 5] == '.';
        bool plain = token.size() == 4;
        if (!date && !plain) return std::nullopt;
        if (date) return value;
        bool after_year_word = i > 0 && ContainsAny(text::SearchKey(tokens[i - 1]), words_.year_words);
        bool before_word = i + 1 < tokens.size() && std::isalpha(static_cast<unsigned char>(tokens[i + 1][0]));
        if (after_year_word || !before_word) return value;
        return std::nullopt;
    }

    // Words with the punctuation around them removed; "2019-2023" gives both years.
    static std::vector<std::string> Tokens(const std::string& sentence) {
        std::vector<std::string> out;
        std::string word;
        auto flush = [&] {
            while (!word.empty() && std::string_view(",;:.()\"„”“").find(word.back()) != std::string_view::npos) {
                word.pop_back();
            }
            while (!word.empty() && std::string_view("(\"„“").find(word.front()) != std::string_view::npos) {
                word.erase(0, 1);
            }
            if (!word.empty()) out.push_back(word);
            word.clear();
        };
        for (size_t i = 0; i < sentence.size(); ++i) {
            char c = sentence[i];
            bool range = c == '-' && !word.empty() && IsDigit(word.back()) && i + 1 < sentence.size() &&
                         IsDigit(sentence[i + 1]);
            if (c == ' ' || range) {
                flush();
            } else {
                word += c;
            }
        }
        flush();
        return out;
    }

    // "51 de atestate" -> {51, "atestate"}; "două Centre Maternale" -> {2, "centre"};
    // "Copii în unități rezidențiale … – 298" -> {298, "copii"}.
    std::vector<domain::UnitFigure> Figures(const std::string& sentence) const {
        std::vector<domain::UnitFigure> out;
        std::vector<std::string> tokens = Tokens(sentence);
        for (size_t i = 0; i < tokens.size(); ++i) {
            const std::string& token = tokens[i];
            std::optional<double> value;
            if (IsDigit(token[0]) && std::all_of(token.begin(), token.end(), [](char c) { return IsDigit(c) || c == '.'; }) &&
                token.find('.') == token.rfind('.') && !YearOf(tokens, i)) {
                value = FirstNumber(token);
                // "anului 2018, a monitorizat": a year-like number a comma parts from its noun is a year.
                bool year_like = token.size() == 4 && *value >= 1900 && *value <= 2100;
                if (year_like && (i + 1 >= tokens.size() ||
                                  sentence.find(token + " " + tokens[i + 1]) == std::string::npos)) {
                    continue;
                }
            } else if (const Phrase* number = glossary_.Lookup(WordKind::kNumber, token)) {
                if (number->value >= 2) value = static_cast<double>(number->value);
            }
            if (!value) continue;
            if (i > 0 && StartsWithAny(text::SearchKey(tokens[i - 1]), words_.reference_prefixes)) continue;
            size_t unit_at = i + 1;
            while (unit_at < tokens.size() && glossary_.Lookup(WordKind::kFiller, tokens[unit_at]) != nullptr) ++unit_at;
            domain::UnitFigure figure;
            figure.value = *value;
            if (unit_at < tokens.size() && std::isalpha(static_cast<unsigned char>(tokens[unit_at][0])) == 0 &&
                static_cast<unsigned char>(tokens[unit_at][0]) < 0x80) {
                continue;
            }
            if (unit_at < tokens.size()) {
                if (glossary_.Lookup(WordKind::kMonth, tokens[unit_at]) != nullptr) continue;
                figure.unit = text::Lower(tokens[unit_at]);
            } else if (i >= 2 && (tokens[i - 1] == "\u2013" || tokens[i - 1] == "-")) {
                figure.unit = text::Lower(tokens[0]);  // "label – 298"
            } else {
                continue;
            }
            figure.counted = text::Normalize(sentence);
            out.push_back(std::move(figure));
        }
        return out;
    }

    // The year the document reports on: the year its indicator sections name most often.
    int ReferenceYear() {
        if (reference_year_) return *reference_year_;
        std::map<int, int> counts;
        for (const Line& line : lines_) {
            for (int year : Years(line.text)) ++counts[year];
        }
        int best = 0, best_count = 0;
        for (const auto& [year, count] : counts) {
            if (count >= best_count) {
                best = year;
                best_count = count;
            }
        }
        reference_year_ = best;
        return best;
    }

    void Warn(int line, std::string code, std::string message) {
        plan_.warnings.push_back({line, std::move(message), std::move(code)});
    }

    const Glossary& glossary_;
    const RegistryWords& words_;
    std::vector<Line> lines_;
    domain::Plan plan_;
    std::optional<int> reference_year_;
};

}  // namespace

namespace {

// At least how many lines of the document can start with a bullet mark (see
// StripBulletMark), counted on the raw text: each such line holds a mark, a dash or
// star followed by a byte that may begin a space, or U+0387 (NFC turns it into ·).
// Cheap enough to run before normalising every line of a document of another kind.
int BulletMarksAtMost(const Document& doc) {
    int count = 0;
    auto scan = [&count](std::string_view text) {
        for (size_t i = 0; i < text.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(text[i]);
            if (c == '-' || c == '*') {
                unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
                if (i + 1 < text.size() && (next <= ' ' || next >= 0x80)) ++count;
            } else if (c >= 0x80) {
                std::string_view rest = text.substr(i);
                for (std::string_view mark : {"\u00b7", "\u2022", "\uf0b7", "\uf0a7", "\u2013", "\u0387"}) {
                    if (rest.starts_with(mark)) ++count;
                }
            }
        }
    };
    for (const Block& block : doc.blocks) {
        if (block.kind == Block::Kind::kParagraph) {
            scan(block.paragraph.text);
            continue;
        }
        for (const Row& row : block.table.rows) {
            for (const Cell& cell : row.cells) scan(cell.text);
        }
    }
    return count;
}

}  // namespace

double ScoreOrganisationProfile(const Document& doc, const Glossary& glossary) {
    (void)glossary;
    // Five bulleted unit lines are needed below; most documents have far fewer marks.
    if (BulletMarksAtMost(doc) < 5) return 0;
    const RegistryWords& words = RegistryWords::Default();
    std::vector<Line> lines = SplitLines(doc);
    bool chart = false;
    int units = 0;
    // Search keys only for the lines that can count: short capitalised ones for the
    // chart title, bulleted ones for the units.
    for (const Line& line : lines) {
        if (!chart && line.text.size() < 120 && IsCapitalised(line.text) &&
            ContainsAny(text::SearchKey(line.text), words.structure_titles)) {
            chart = true;
        }
        auto [item, bullet] = StripBulletMark(line.text);
        if (bullet && FindLabel(text::SearchKey(item), words.unit_kinds, true)) ++units;
    }
    if (!chart || units < 5) return 0;
    return 0.7;
}

StatusOr<domain::Plan> RecogniseOrganisationProfile(const Document& doc, const RecogniseOptions& options) {
    ProfileReader reader(doc, options);
    return reader.Run(options);
}

}  // namespace planwatch::import::recognise
