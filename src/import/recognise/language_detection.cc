// DetectLanguage: function words from the glossary plus letters typical of each
// language. See value_parsing.h.
#include <unicode/utf8.h>

#include <algorithm>
#include <map>

#include "common/text.h"
#include "import/recognise/value_parsing.h"
#include "import/recognise/value_tokens.h"

namespace planwatch::import::recognise {
namespace {

// Enough of a long document to decide; the rest only costs time.
constexpr size_t kMaxBytes = 20000;
constexpr double kMinScore = 3.0;
// The leader must beat the runner-up by this factor, or the text is mixed/unclear.
constexpr double kMinLead = 1.3;
constexpr double kLetterWeight = 0.5;

struct LetterHint {
    UChar32 letter;
    const char* language;
};
// Letters that, among the five languages, (almost) only one uses.
constexpr LetterHint kLetters[] = {
    {0x0103, "ro"}, {0x0102, "ro"}, {0x0219, "ro"}, {0x0218, "ro"}, {0x021B, "ro"}, {0x021A, "ro"},
    {0x015F, "ro"}, {0x0163, "ro"}, {0x00EE, "ro"}, {0x00E2, "ro"},  // ă Ă ș Ș ț Ț ş ţ î â
    {0x010D, "sl"}, {0x010C, "sl"}, {0x0161, "sl"}, {0x0160, "sl"}, {0x017E, "sl"}, {0x017D, "sl"},  // č š ž
    {0x00F1, "es"}, {0x00D1, "es"}, {0x00BF, "es"}, {0x00A1, "es"}, {0x00E1, "es"}, {0x00ED, "es"},
    {0x00F3, "es"}, {0x00FA, "es"},  // ñ ¿ ¡ á í ó ú
    {0x00E0, "it"}, {0x00E8, "it"}, {0x00EC, "it"}, {0x00F2, "it"}, {0x00F9, "it"},  // à è ì ò ù
};

}  // namespace

std::string DetectLanguage(std::string_view text) {
    const Glossary& glossary = Glossary::Default();
    std::string_view head = text.substr(0, std::min(text.size(), kMaxBytes));
    // Do not cut a UTF-8 sequence in two.
    while (!head.empty() && head.size() < text.size() && (static_cast<unsigned char>(text[head.size()]) & 0xC0) == 0x80) {
        head.remove_suffix(1);
    }
    std::string normalized = text::Normalize(head);
    std::map<std::string, double> score;

    for (const internal::Token& token : internal::Tokenize(normalized)) {
        if (token.kind != internal::TokenKind::kWord) continue;
        const std::vector<size_t>* hits = glossary.PhrasesStartingWith(WordKind::kStopWord, token.key);
        if (hits == nullptr) continue;
        const std::vector<Phrase>& phrases = glossary.Phrases(WordKind::kStopWord);
        std::vector<const std::string*> languages;
        for (size_t index : *hits) {
            if (phrases[index].tokens.size() != 1) continue;
            const std::string* language = &phrases[index].language;
            bool seen = std::any_of(languages.begin(), languages.end(), [&](const std::string* l) { return *l == *language; });
            if (!seen) languages.push_back(language);
        }
        // A word shared by several languages says less about each.
        for (const std::string* language : languages) score[*language] += 1.0 / static_cast<double>(languages.size());
    }

    const auto* bytes = reinterpret_cast<const uint8_t*>(normalized.data());
    int32_t i = 0;
    int32_t length = static_cast<int32_t>(normalized.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0x80) continue;
        for (const LetterHint& hint : kLetters) {
            if (hint.letter == c) score[hint.language] += kLetterWeight;
        }
    }

    std::string best;
    double best_score = 0;
    double second = 0;
    for (const auto& [language, value] : score) {
        if (value > best_score) {
            second = best_score;
            best_score = value;
            best = language;
        } else if (value > second) {
            second = value;
        }
    }
    if (best_score < kMinScore || best_score < kMinLead * second) return "";
    return best;
}

}  // namespace planwatch::import::recognise
