#pragma once
// Files compiled into the binary (data/, migrations, samples/, web/): see
// cmake/embed.cc. Paths are relative to the repository root, e.g.
// "data/schema/planwatch.plan-1.schema.json" or "samples/000_ffec081ef8fe4e47.txt".
#include <optional>
#include <string_view>
#include <vector>

namespace planwatch::resources {

struct Resource {
    std::string_view path;
    std::string_view bytes;
};

// Every embedded file, in the order the build listed them (sorted by path).
const std::vector<Resource>& All();

// The bytes of one file, or nullopt when nothing was embedded under that path.
std::optional<std::string_view> Find(std::string_view path);

// The files whose path starts with prefix, sorted by path.
std::vector<Resource> List(std::string_view prefix);

}  // namespace planwatch::resources
