#include "cli/output.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"

namespace planwatch::cli {

std::string ErrorJson(const Status& status) {
    const SourcePosition& where = status.where();
    auto text_or_null = [](const std::string& s) { return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s); };
    auto int_or_null = [](int v) { return v > 0 ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr); };
    nlohmann::ordered_json error = {
        {"code", StatusCodeName(status.code())},
        {"message", status.message()},
        {"file", text_or_null(where.file)},
        {"line", int_or_null(where.line)},
        {"column", int_or_null(where.column)},
        {"field", text_or_null(where.field)},
    };
    if (where.page > 0) error["page"] = where.page;
    if (where.row > 0) error["row"] = where.row;
    nlohmann::ordered_json wrapper = {{"error", error}};
    return wrapper.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int ReportError(const Status& status, bool json) {
    std::fflush(stdout);  // keep the order of what was printed before
    if (json) {
        fmt::print(stderr, "{}\n", ErrorJson(status));
    } else {
        // Messages come from documents too: one line, whatever they hold.
        std::string line = status.ToString();
        for (char& c : line) {
            if (c == '\n' || c == '\r') c = ' ';
        }
        fmt::print(stderr, "planwatch: {}\n", line);
    }
    std::fflush(stderr);
    return ExitCode(status.code());
}

void ReportWarning(const std::string& file, int line, const std::string& message) {
    std::string where = line > 0 ? fmt::format("{}:{}", file, line) : file;
    std::string text = message;
    for (char& c : text) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    fmt::print(stderr, "planwatch: {}: warning: {}\n", where, text);
}

Status WriteOutput(const std::string& path, std::string_view bytes) {
    if (path.empty() || path == "-") {
        if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() || std::fflush(stdout) != 0) {
            return Status(StatusCode::kInternal, fmt::format("cannot write to stdout: {}", std::strerror(errno)));
        }
        return Status::Ok();
    }
    SourcePosition where{.file = path};
    std::string temp = fmt::format("{}.tmp-{}", path, ::getpid());
    std::FILE* file = std::fopen(temp.c_str(), "wb");
    if (file == nullptr) return InvalidArgument(fmt::format("cannot write: {}", std::strerror(errno)), where);
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    ok = std::fflush(file) == 0 && ok;
    ok = ::fsync(::fileno(file)) == 0 && ok;
    int err = errno;
    ok = std::fclose(file) == 0 && ok;
    if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
        if (ok) err = errno;
        std::remove(temp.c_str());
        return InvalidArgument(fmt::format("cannot write: {}", std::strerror(err)), where);
    }
    return Status::Ok();
}

std::string CliActor() {
    std::string name;
    if (const passwd* entry = ::getpwuid(::geteuid()); entry != nullptr && entry->pw_name != nullptr) {
        name = entry->pw_name;
    } else if (const char* user = std::getenv("USER"); user != nullptr) {
        name = user;
    } else {
        name = fmt::format("uid{}", ::geteuid());
    }
    return "cli:" + name;
}

domain::CivilDate TodayUtc() {
    std::string today =
        fmt::format("{:%Y-%m-%d}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    return *domain::ParseCivilDate(today);
}

}  // namespace planwatch::cli
