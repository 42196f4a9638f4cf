#include "web/upload_stash.h"

#include <sodium.h>

namespace planwatch::web {

std::string UploadStash::Put(StashedUpload upload) {
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[33];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    std::erase_if(entries_, [&](const auto& entry) { return now - entry.second.at > kMaxAge; });
    while (entries_.size() >= kMaxEntries) {
        auto oldest = entries_.begin();
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            if (it->second.at < oldest->second.at) oldest = it;
        }
        entries_.erase(oldest);
    }
    upload.at = now;
    entries_.emplace(hex, std::move(upload));
    return hex;
}

std::optional<StashedUpload> UploadStash::Take(const std::string& id, const std::string& owner) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end() || it->second.owner != owner ||
        std::chrono::steady_clock::now() - it->second.at > kMaxAge) {
        return std::nullopt;
    }
    StashedUpload upload = std::move(it->second);
    entries_.erase(it);
    return upload;
}

}  // namespace planwatch::web
