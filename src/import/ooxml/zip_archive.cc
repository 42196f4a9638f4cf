#include "import/ooxml/zip_archive.h"

#include <zip.h>

#include <fmt/format.h>

namespace planwatch::import::ooxml {

struct ZipArchive::Impl {
    zip_t* zip = nullptr;
    std::string what;
    ZipLimits limits;
    uint64_t bytes_read = 0;
};

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ZipArchive::~ZipArchive() {
    if (impl_ && impl_->zip != nullptr) zip_discard(impl_->zip);
}

StatusOr<std::unique_ptr<ZipArchive>> ZipArchive::Open(std::string_view bytes, std::string_view what,
                                                       const ZipLimits& limits) {
    if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") {
        return InvalidArgument(fmt::format("not a {} file: expected a ZIP package (starting with \"PK\")", what));
    }
    zip_error_t error;
    zip_error_init(&error);
    // freep = 0: the source borrows the caller's bytes, which outlive the archive.
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
        std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        return InvalidArgument(fmt::format("not a {} file: {}", what, message));
    }
    zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (zip == nullptr) {
        std::string message = zip_error_strerror(&error);
        zip_source_free(source);
        zip_error_fini(&error);
        return InvalidArgument(fmt::format("not a {} file: the ZIP package is unreadable ({})", what, message));
    }
    zip_error_fini(&error);
    auto impl = std::make_unique<Impl>();
    impl->zip = zip;
    impl->what = std::string(what);
    impl->limits = limits;
    return std::unique_ptr<ZipArchive>(new ZipArchive(std::move(impl)));
}

bool ZipArchive::Has(const std::string& name) const {
    return zip_name_locate(impl_->zip, name.c_str(), 0) >= 0;
}

StatusOr<std::string> ZipArchive::Read(const std::string& name) {
    zip_int64_t index = zip_name_locate(impl_->zip, name.c_str(), 0);
    if (index < 0) return NotFound(fmt::format("{} part {} is missing", impl_->what, name));
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(impl_->zip, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
        return InvalidArgument(fmt::format("{} part {}: {}", impl_->what, name, zip_strerror(impl_->zip)));
    }
    const ZipLimits& limits = impl_->limits;
    uint64_t declared = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
    uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
    uint64_t budget = std::min(limits.max_entry_bytes, limits.max_total_bytes - impl_->bytes_read);
    auto too_big = [&](uint64_t size) {
        return InvalidArgument(fmt::format("{} part {} expands to more than {} bytes ({} bytes compressed); "
                                           "refused as a possible zip bomb",
                                           impl_->what, name, size, compressed));
    };
    if (declared > budget) return too_big(budget);
    if (declared > limits.ratio_floor_bytes && declared / std::max<uint64_t>(compressed, 1) > limits.max_ratio) {
        return too_big(compressed * limits.max_ratio);
    }
    zip_file_t* file = zip_fopen_index(impl_->zip, static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) {
        return InvalidArgument(fmt::format("{} part {} cannot be opened: {}", impl_->what, name,
                                           zip_strerror(impl_->zip)));
    }
    // The declared size may lie: read in chunks and stop at the budget whatever it says.
    std::string out;
    out.reserve(static_cast<size_t>(std::min<uint64_t>(declared, budget)));
    char buffer[64 * 1024];
    while (true) {
        zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
        if (n < 0) {
            std::string message = zip_file_strerror(file);
            zip_fclose(file);
            return InvalidArgument(fmt::format("{} part {} is corrupt: {}", impl_->what, name, message));
        }
        if (n == 0) break;
        if (out.size() + static_cast<uint64_t>(n) > budget) {
            zip_fclose(file);
            return too_big(budget);
        }
        out.append(buffer, static_cast<size_t>(n));
    }
    zip_fclose(file);
    impl_->bytes_read += out.size();
    return out;
}

}  // namespace planwatch::import::ooxml
