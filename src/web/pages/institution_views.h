#pragma once
// Views of the registry shared by the institution page (institutions.cc), the
// coordinator's merge screen and the administrator's institutions screen
// (registry_pages.cc): the organisation chart, the yearly figures, kind labels.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "services/registry_service.h"
#include "web/context.h"

namespace planwatch::web::pages {

// The institution, its parent chain up to the root and its child units as an
// inline SVG organisation chart (reports::Chart::Kind::kTree) plus the same
// units as a nested list with links (the chart's text alternative, id
// "org-list"). has_org is false for an institution with neither parent nor units.
nlohmann::json OrgChartView(const services::InstitutionProfile& profile, const RequestContext& ctx);

// One small bar chart per counted unit ("copii", "beneficiari"), a bar per year
// and phrase, each followed by its data table. has_figures is false without figures.
nlohmann::json FigureChartsView(const std::string& institution_name,
                                const std::vector<services::InstitutionFigure>& figures, const RequestContext& ctx);

// "Direcție" for "directorate" in the request's language; an unknown kind as stored.
std::string KindLabel(const std::string& kind, const RequestContext& ctx);

}  // namespace planwatch::web::pages
