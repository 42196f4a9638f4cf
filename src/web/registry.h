#pragma once
// The social-services registry as the page and the API query it: the services
// (not contracting, information or training lines) of every newest plan,
// filtered by free text (name, provider, locality; case and diacritics do not
// matter), nomenclature code prefix and beneficiary category.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/plan.h"
#include "web/portal_data.h"

namespace planwatch::web {

struct RegistryFilter {
    std::string q;
    std::string code;      // "8790" or "8790 CR-C": a prefix of the code, spaces ignored
    std::string category;  // beneficiary group of the code: "C" in "8790 CR-C-I"
    std::optional<int64_t> plan_id;
};

struct RegistryEntry {
    std::shared_ptr<const domain::Plan> plan;  // keeps service alive
    const domain::SocialService* service = nullptr;
};

struct RegistryResult {
    std::vector<RegistryEntry> entries;
    std::vector<std::string> categories;  // every category present, sorted
};

// The beneficiary group of a nomenclature code ("8790 CR-C-I" -> "C"), or "".
std::string ServiceCategory(const std::string& code);

// Only plans viewer may see (drafts for staff only).
StatusOr<RegistryResult> FindServices(PortalData& portal, const RegistryFilter& filter, const services::Actor& viewer);

}  // namespace planwatch::web
