#pragma once
// The fixed parts of a WordprocessingML package: content types, relationships,
// styles (Normal, Title, Heading1-4, Caption, table grid), document properties
// and the page-number footer. Kept apart from the body writer, which changes.
#include <string>

namespace planwatch::reports::docx {

std::string ContentTypes();
std::string PackageRels();
std::string Styles();
std::string Settings();
// "Pagina N din M" with PAGE and NUMPAGES fields; before/between from the labels.
std::string Footer(const std::string& before, const std::string& between);
std::string CoreProperties(const std::string& title, const std::string& language);
std::string AppProperties();

}  // namespace planwatch::reports::docx
