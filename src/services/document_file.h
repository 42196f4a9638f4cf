#pragma once
// Reads a document from disk for import or parse, refusing a file over the size
// limit from its size on disk, before a byte of it is read into memory.
#include <cstddef>
#include <string>

#include "common/status.h"

namespace planwatch::services {

// The whole content of the file at path. Errors name the path:
// kNotFound when there is no such file, kInvalidArgument for a directory or an
// unreadable file, kTooLarge when the file has more than max_bytes bytes.
StatusOr<std::string> ReadDocumentFile(const std::string& path, size_t max_bytes);

// "50 MB" style text for messages: 52428800 -> "50 MiB", 1536 -> "1.5 KiB", 12 -> "12 bytes".
std::string DescribeBytes(size_t bytes);

// Reads "1048576", "512k", "50M", "1G" (binary multiples, case-insensitive) into
// bytes; kMalformed names the text and what was expected.
StatusOr<size_t> ParseByteSize(const std::string& text);

}  // namespace planwatch::services
