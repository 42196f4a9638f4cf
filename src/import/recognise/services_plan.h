#pragma once
// Internals of the annual social-services plan recogniser (services_plan.cc), shared
// with its helpers: the metadata of the adopting decision and the information
// activities of a plan's information chapter.
#include <optional>
#include <string>
#include <vector>

#include "domain/plan.h"
#include "import/cells.h"
#include "import/recognise/glossary.h"
#include "import/recognise/registry_words.h"

namespace planwatch::import::recognise {

// One line of text of the document in reading order: a paragraph, or one table cell.
struct TextLine {
    std::string text;  // normalised, line breaks kept as '\n'
    int line = 0;
};
std::vector<TextLine> DocumentLines(const Document& doc);

// Title (the first paragraph that starts with a plan word: "Planul anual de acțiune …"),
// year (the last year in the title), adopting act ("Hotărârea nr. 102/2025": the act whose
// year is the plan's, from the shortest paragraph naming it), jurisdiction ("Consiliul
// Județean Cluj" -> "Județul Cluj") and language. Fields the document does not give stay empty.
void ReadServicesPlanMetadata(const Document& doc, const RegistryWords& words, domain::Plan& plan);

// The numbered items of an information chapter ("1. Revizuirea …", "2. Activități de
// informare …") as information lines; schedule = the "Termen: …" values and the dates
// ("2 aprilie", "13-20 mai") that the item lists, as written, "; " between them.
std::vector<domain::SocialService> ReadInformationActivities(const std::vector<TextLine>& chapter,
                                                             const Glossary& glossary, const RegistryWords& words);

// The text of an outline item without its label: "c.1.1. personalul din centre;" ->
// "personalul din centre"; "a) cursuri de perfecționare:" -> "cursuri de perfecționare".
std::string StripOutlineLabel(std::string_view text);
// Bytes of the outline label that opens line ("A.1 ", "c.1.1.", "a)"), 0 when none.
size_t OutlineLabelLength(std::string_view line);

}  // namespace planwatch::import::recognise
