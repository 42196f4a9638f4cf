#pragma once
// A read-only view of a ZIP package (DOCX, XLSX) held in memory, with the limits
// that keep a hostile file from exhausting memory: every entry is read through a
// budget of uncompressed bytes, and an entry that expands far beyond its
// compressed size (a zip bomb) is refused before it is inflated.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace planwatch::import::ooxml {

struct ZipLimits {
    uint64_t max_total_bytes = 200ull << 20;  // uncompressed bytes read from the whole package
    uint64_t max_entry_bytes = 100ull << 20;  // uncompressed bytes of one entry
    // An entry larger than ratio_floor_bytes may expand at most max_ratio times its
    // compressed size; XML compresses ~10-20x, a zeros bomb ~1000x.
    uint64_t max_ratio = 200;
    uint64_t ratio_floor_bytes = 1ull << 20;
};

class ZipArchive {
public:
    // Borrows bytes: they must outlive the archive. kInvalidArgument when the
    // bytes are not a ZIP archive; the message says what `what` ("DOCX") expected.
    static StatusOr<std::unique_ptr<ZipArchive>> Open(std::string_view bytes, std::string_view what,
                                                      const ZipLimits& limits = {});
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool Has(const std::string& name) const;
    // The entry's uncompressed bytes. kNotFound when absent; kInvalidArgument
    // when it is corrupt, encrypted, or expands past the limits ("… expands to
    // more than …"); the message names the entry.
    StatusOr<std::string> Read(const std::string& name);

private:
    struct Impl;
    explicit ZipArchive(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace planwatch::import::ooxml
