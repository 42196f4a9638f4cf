#include "services/document_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace planwatch::services {

StatusOr<std::string> ReadDocumentFile(const std::string& path, size_t max_bytes) {
    SourcePosition where{.file = path};
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        int err = errno;
        StatusCode code = err == ENOENT ? StatusCode::kNotFound : StatusCode::kInvalidArgument;
        return Status(code, fmt::format("cannot open: {}", std::strerror(err)), where);
    }
    if (S_ISDIR(info.st_mode)) return Status(StatusCode::kInvalidArgument, "is a directory, expected a document file", where);
    // Only regular files have a size worth trusting; a pipe or device is read up to the limit below.
    if (S_ISREG(info.st_mode) && static_cast<uint64_t>(info.st_size) > max_bytes) {
        return Status(StatusCode::kTooLarge,
                      fmt::format("the file has {} bytes ({}); the limit is {} (--max-size)",
                                  static_cast<uint64_t>(info.st_size), DescribeBytes(info.st_size),
                                  DescribeBytes(max_bytes)),
                      where);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(StatusCode::kInvalidArgument, fmt::format("cannot read: {}", std::strerror(errno)), where);
    std::string bytes;
    if (S_ISREG(info.st_mode)) bytes.reserve(static_cast<size_t>(info.st_size));
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        bytes.append(buffer, static_cast<size_t>(in.gcount()));
        if (bytes.size() > max_bytes) {
            return Status(StatusCode::kTooLarge,
                          fmt::format("more than {} read; the limit is {} (--max-size)", DescribeBytes(max_bytes),
                                      DescribeBytes(max_bytes)),
                          where);
        }
    }
    if (in.bad()) return Status(StatusCode::kInvalidArgument, "read error", where);
    return bytes;
}

std::string DescribeBytes(size_t bytes) {
    constexpr const char* kUnits[] = {"KiB", "MiB", "GiB"};
    if (bytes < 1024) return fmt::format("{} bytes", bytes);
    double value = static_cast<double>(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 2) {
        value /= 1024;
        ++unit;
    }
    return fmt::format("{:.3g} {}", value, kUnits[unit]);
}

StatusOr<size_t> ParseByteSize(const std::string& text) {
    auto malformed = [&] {
        return Status(StatusCode::kMalformed,
                      fmt::format("size \"{}\": expected a number of bytes, optionally followed by k, M or G", text));
    };
    size_t pos = 0;
    uint64_t value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (value > (UINT64_MAX - 9) / 10) return malformed();
        value = value * 10 + static_cast<uint64_t>(text[pos] - '0');
        ++pos;
    }
    if (pos == 0) return malformed();
    std::string suffix = text.substr(pos);
    if (!suffix.empty() && (suffix.back() == 'b' || suffix.back() == 'B')) suffix.pop_back();
    uint64_t multiplier = 1;
    if (suffix.empty()) {
        multiplier = 1;
    } else if (suffix == "k" || suffix == "K" || suffix == "Ki" || suffix == "ki") {
        multiplier = 1ull << 10;
    } else if (suffix == "M" || suffix == "m" || suffix == "Mi") {
        multiplier = 1ull << 20;
    } else if (suffix == "G" || suffix == "g" || suffix == "Gi") {
        multiplier = 1ull << 30;
    } else {
        return malformed();
    }
    if (value > UINT64_MAX / multiplier) return malformed();
    return static_cast<size_t>(value * multiplier);
}

}  // namespace planwatch::services
