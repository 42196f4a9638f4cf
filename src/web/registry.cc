#include "web/registry.h"

#include <algorithm>
#include <set>

#include "common/text.h"

namespace planwatch::web {
namespace {

std::string WithoutSpaces(std::string text) {
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text::Lower(text);
}

}  // namespace

std::string ServiceCategory(const std::string& code) {
    size_t space = code.find(' ');
    if (space == std::string::npos) return "";
    std::string type = code.substr(space + 1);
    size_t first = type.find('-');
    if (first == std::string::npos) return "";
    size_t second = type.find('-', first + 1);
    return type.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
}

StatusOr<RegistryResult> FindServices(PortalData& portal, const RegistryFilter& filter, const services::Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, portal.Plans(viewer));
    const std::string q = text::SearchKey(filter.q);
    const std::string code = WithoutSpaces(filter.code);
    RegistryResult result;
    std::set<std::string> categories;
    for (const storage::PlanSummary& summary : plans) {
        if (filter.plan_id && summary.id != *filter.plan_id) continue;
        PW_ASSIGN_OR_RETURN(std::shared_ptr<const domain::Plan> plan, portal.Plan(summary.id, viewer));
        for (const domain::SocialService& service : plan->services) {
            if (service.line != domain::ServiceLineKind::kService) continue;
            const std::string category = ServiceCategory(service.code);
            if (!category.empty()) categories.insert(category);
            if (!code.empty() && WithoutSpaces(service.code).rfind(code, 0) != 0) continue;
            if (!filter.category.empty() && category != filter.category) continue;
            if (!q.empty()) {
                std::string haystack =
                    text::SearchKey(service.name + " " + service.provider + " " + service.locality + " " +
                                    service.beneficiaries + " " + service.code);
                if (haystack.find(q) == std::string::npos) continue;
            }
            result.entries.push_back(RegistryEntry{.plan = plan, .service = &service});
        }
    }
    result.categories.assign(categories.begin(), categories.end());
    return result;
}

}  // namespace planwatch::web
