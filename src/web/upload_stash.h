#pragma once
// Uploaded documents waiting for the coordinator's confirmation after the
// preview, in memory, by a random id. Bounded: at most kMaxEntries documents,
// each kept kMaxAge; a restart forgets them (the coordinator uploads again).
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace planwatch::web {

struct StashedUpload {
    std::string file_name;
    std::string bytes;
    std::string owner;  // e-mail of the coordinator who uploaded it
    std::chrono::steady_clock::time_point at;
};

class UploadStash {
public:
    static constexpr size_t kMaxEntries = 16;
    static constexpr std::chrono::minutes kMaxAge{30};

    // Returns the id to confirm with.
    std::string Put(StashedUpload upload);
    // Removes and returns the upload when id exists, is fresh and belongs to owner.
    std::optional<StashedUpload> Take(const std::string& id, const std::string& owner);

private:
    std::mutex mutex_;
    std::map<std::string, StashedUpload> entries_;  // GUARDED_BY(mutex_)
};

}  // namespace planwatch::web
