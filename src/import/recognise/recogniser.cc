#include "import/recognise/recogniser.h"

#include <string>

namespace planwatch::import::recognise {

StatusOr<domain::Plan> Recognise(const Document& doc, const RecogniseOptions& options) {
    const Glossary& glossary = options.glossary != nullptr ? *options.glossary : Glossary::Default();
    RecogniseOptions resolved = options;
    resolved.glossary = &glossary;

    // Ties go to the kind listed first: an action plan is the common case, and the
    // registry documents score only when their specific columns are present.
    struct Kind {
        double score;
        StatusOr<domain::Plan> (*recognise)(const Document&, const RecogniseOptions&);
    };
    const Kind kinds[] = {
        {ScoreActionPlan(doc, glossary), &RecogniseActionPlan},
        {ScoreServicesPlan(doc, glossary), &RecogniseServicesPlan},
        {ScoreOrganisationProfile(doc, glossary), &RecogniseOrganisationProfile},
    };
    const Kind* best = nullptr;
    for (const Kind& kind : kinds) {
        if (kind.score > 0 && (best == nullptr || kind.score > best->score)) best = &kind;
    }
    if (best == nullptr) {
        SourcePosition where;
        where.file = options.file_name;
        return InvalidArgument(
            "no plan table found: expected a table with headers such as Activități / Aktivnosti / Activities", where);
    }
    return best->recognise(doc, resolved);
}

}  // namespace planwatch::import::recognise
