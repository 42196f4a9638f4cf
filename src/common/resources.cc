#include "common/resources.h"

namespace planwatch::resources {

std::optional<std::string_view> Find(std::string_view path) {
    for (const Resource& r : All()) {
        if (r.path == path) return r.bytes;
    }
    return std::nullopt;
}

std::vector<Resource> List(std::string_view prefix) {
    std::vector<Resource> found;
    for (const Resource& r : All()) {
        if (r.path.substr(0, prefix.size()) == prefix) found.push_back(r);
    }
    return found;
}

}  // namespace planwatch::resources
