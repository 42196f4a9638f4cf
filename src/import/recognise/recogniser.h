#pragma once
// Cells -> Plan. Recognise() scores the document against every kind of plan it
// knows (action plan, annual social-services plan, organisation profile) and
// hands it to the best one. Each kind lives in its own .cc; the action-plan
// recogniser works in phases (header rows, column mapping, hierarchy, carry
// down, institutions), each recording its uncertain decisions as plan warnings
// with the source line. Pure: reads only its arguments and the Glossary.
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/plan.h"
#include "import/cells.h"
#include "import/recognise/glossary.h"

namespace planwatch::import::recognise {

struct RecogniseOptions {
    std::string language = "auto";  // or ro, sl, en, it, es: prefers that language's words
    std::string file_name;          // for error messages
    // Institutions already known (the registry): names resolve to these first.
    std::vector<domain::Institution> known_institutions;
    const Glossary* glossary = nullptr;  // nullptr: Glossary::Default()
};

// The whole document -> a Plan (plan.source is left for the caller to fill).
// Returns kInvalidArgument "no plan table found: …" naming the file when no kind
// scores above 0, or the chosen kind's error.
StatusOr<domain::Plan> Recognise(const Document& doc, const RecogniseOptions& options);

// Per kind: a score in [0, 1] (0 = not this kind; the highest score > 0 wins)
// and the recogniser itself. Each Recognise* returns kInvalidArgument when the
// document has no table of its kind.
double ScoreActionPlan(const Document& doc, const Glossary& glossary);
StatusOr<domain::Plan> RecogniseActionPlan(const Document& doc, const RecogniseOptions& options);

double ScoreServicesPlan(const Document& doc, const Glossary& glossary);
StatusOr<domain::Plan> RecogniseServicesPlan(const Document& doc, const RecogniseOptions& options);

double ScoreOrganisationProfile(const Document& doc, const Glossary& glossary);
StatusOr<domain::Plan> RecogniseOrganisationProfile(const Document& doc, const RecogniseOptions& options);

}  // namespace planwatch::import::recognise
