#pragma once
// How commands talk: errors and warnings on stderr as one line each
// ("planwatch: <file>:<line>: <message>", or a JSON object with --json),
// results on stdout or in a file.
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/civil_date.h"

namespace planwatch::cli {

// Prints the error and returns its exit code. json: one line
// {"error":{"code","message","file","line","column","field"}} (unknown parts null).
int ReportError(const Status& status, bool json);

// The JSON object ReportError prints, without the line end.
std::string ErrorJson(const Status& status);

// planwatch: <file>:<line>: warning: <message>   (line omitted when 0)
void ReportWarning(const std::string& file, int line, const std::string& message);

// Writes bytes to stdout when path is empty or "-", else to path through a
// temporary file renamed into place, so a failed write leaves no half file.
// kInvalidArgument names the path when it cannot be written.
Status WriteOutput(const std::string& path, std::string_view bytes);

// The audit actor for this process: "cli:<login name>".
std::string CliActor();

// Today's date in UTC: the default --as-of, and the day rounds open on.
domain::CivilDate TodayUtc();

}  // namespace planwatch::cli
