#include "web/reasons.h"

#include <map>

namespace planwatch::web {

std::string LocalReason(const std::vector<domain::ReasonPart>& parts, const Messages& messages) {
    std::string text;
    for (const domain::ReasonPart& part : parts) {
        std::map<std::string, std::string> values = part.params;
        for (auto& [name, value] : values) {
            if (name == "due" || name == "date") {
                StatusOr<domain::CivilDate> date = domain::ParseCivilDate(value);
                if (date.ok()) value = FormatDate(*date, messages.language());
            } else if (name == "claimed") {
                value = messages.Get("reason_claimed_" + value);
            } else if (name == "institution" && value.empty()) {
                value = messages.Get("reason_lead_institution");
            }
        }
        text += (text.empty() ? "" : "; ") + messages.Format("reason_" + part.code, values);
    }
    return text;
}

}  // namespace planwatch::web
