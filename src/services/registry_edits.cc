// RegistryService's writes for people (registry_service.h): the preview a
// coordinator confirms before a merge, and the administrator's add and edit.
#include <algorithm>
#include <map>

#include "common/text.h"
#include "services/registry_service.h"

namespace planwatch::services {
namespace {

Status FieldError(StatusCode code, std::string message, const char* field) {
    return Status(code, std::move(message), SourcePosition{.field = field});
}

// One record as the listing writes it, for the audit log: without the line end.
std::string RecordJson(const storage::InstitutionRecord& record) {
    std::string json = InstitutionToJson(record);
    json.pop_back();
    return json;
}

void Tidy(storage::InstitutionEdit& edit) {
    edit.name = text::Normalize(edit.name);
    edit.acronym = text::Normalize(edit.acronym);
    edit.kind = text::Normalize(edit.kind);
    edit.contact = text::Normalize(edit.contact, /*keep_newlines=*/true);
    std::vector<std::string> aliases;
    std::vector<std::string> keys;
    for (const std::string& alias : edit.aliases) {
        std::string tidy = text::Normalize(alias);
        std::string key = text::SearchKey(tidy);
        if (key.empty() || key == text::SearchKey(edit.name)) continue;
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        keys.push_back(key);
        aliases.push_back(std::move(tidy));
    }
    edit.aliases = std::move(aliases);
}

Status RequireAdmin(const Actor& actor) {
    if (actor.role == domain::Role::kAdmin) return Status::Ok();
    return Status(StatusCode::kPermissionDenied, "only an administrator can add or edit institutions");
}

// The words of a query, each a search key, so "dgaspc CLUJ" finds "D.G.A.S.P.C. Cluj" by its acronym.
bool Matches(const storage::InstitutionRecord& record, const std::vector<std::string>& words) {
    std::string haystack = text::SearchKey(record.institution.name) + " " + text::SearchKey(record.institution.acronym);
    for (const std::string& alias : record.institution.aliases) haystack += " " + text::SearchKey(alias);
    return std::all_of(words.begin(), words.end(),
                       [&](const std::string& word) { return haystack.find(word) != std::string::npos; });
}

}  // namespace

StatusOr<MergePreview> RegistryService::PreviewMerge(int64_t from_id, int64_t into_id, const Actor& actor) {
    if (!actor.Coordinates()) {
        return Status(StatusCode::kPermissionDenied, "only a coordinator or an admin can merge institutions");
    }
    if (from_id == into_id) {
        return FieldError(StatusCode::kInvalidArgument, "an institution cannot be merged into itself", "into");
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<storage::InstitutionRecord> from, tx->LoadInstitution(from_id));
    if (!from) return FieldError(StatusCode::kNotFound, "no institution with id " + std::to_string(from_id), "from");
    PW_ASSIGN_OR_RETURN(std::optional<storage::InstitutionRecord> into, tx->LoadInstitution(into_id));
    if (!into) return FieldError(StatusCode::kNotFound, "no institution with id " + std::to_string(into_id), "into");
    MergePreview preview{.from = *from, .into = *into};
    PW_ASSIGN_OR_RETURN(preview.references, tx->CountInstitutionReferences(from_id));
    // The keys into already answers to; the store adds an alias only for a new key.
    std::vector<std::string> keys = {text::SearchKey(into->institution.name)};
    for (const std::string& alias : into->institution.aliases) keys.push_back(text::SearchKey(alias));
    std::vector<std::string> candidates = {from->institution.name};
    if (!from->institution.acronym.empty()) candidates.push_back(from->institution.acronym);
    candidates.insert(candidates.end(), from->institution.aliases.begin(), from->institution.aliases.end());
    for (const std::string& candidate : candidates) {
        std::string key = text::SearchKey(candidate);
        if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        keys.push_back(key);
        preview.new_aliases.push_back(candidate);
    }
    return preview;
}

StatusOr<std::vector<storage::InstitutionRecord>> RegistryService::SearchInstitutions(const std::string& query) {
    PW_ASSIGN_OR_RETURN(std::vector<storage::InstitutionRecord> all, ListInstitutions());
    const std::vector<std::string> words = text::SplitNonEmpty(text::SearchKey(query), ' ');
    std::vector<storage::InstitutionRecord> found;
    for (storage::InstitutionRecord& record : all) {
        if (Matches(record, words)) found.push_back(std::move(record));
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return text::SearchKey(a.institution.name) < text::SearchKey(b.institution.name);
    });
    return found;
}

StatusOr<int64_t> RegistryService::AddInstitution(storage::InstitutionEdit edit, const Actor& actor) {
    PW_RETURN_IF_ERROR(RequireAdmin(actor));
    Tidy(edit);
    if (edit.name.empty()) return FieldError(StatusCode::kInvalidArgument, "the canonical name is required", "name");
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(int64_t id, tx->InsertInstitution(edit));
    PW_ASSIGN_OR_RETURN(std::optional<storage::InstitutionRecord> added, tx->LoadInstitution(id));
    if (!added) return Internal("the added institution vanished");
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name,
                                   .action = "institution.add",
                                   .entity = "institution",
                                   .entity_id = std::to_string(id),
                                   .before_json = "null",
                                   .after_json = RecordJson(*added)}));
    PW_RETURN_IF_ERROR(tx->Commit());
    return id;
}

Status RegistryService::EditInstitution(int64_t institution_id, storage::InstitutionEdit edit, const Actor& actor) {
    PW_RETURN_IF_ERROR(RequireAdmin(actor));
    Tidy(edit);
    if (edit.name.empty()) return FieldError(StatusCode::kInvalidArgument, "the canonical name is required", "name");
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<storage::InstitutionRecord> before, tx->LoadInstitution(institution_id));
    if (!before) return NotFound("no institution with id " + std::to_string(institution_id));
    PW_RETURN_IF_ERROR(tx->UpdateInstitution(institution_id, edit));
    PW_ASSIGN_OR_RETURN(std::optional<storage::InstitutionRecord> after, tx->LoadInstitution(institution_id));
    if (!after) return Internal("the edited institution vanished");
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name,
                                   .action = "institution.edit",
                                   .entity = "institution",
                                   .entity_id = std::to_string(institution_id),
                                   .before_json = RecordJson(*before),
                                   .after_json = RecordJson(*after)}));
    return tx->Commit();
}

}  // namespace planwatch::services
