#pragma once
// The layout of Chart::Kind::kTree, kept apart from the bar and timeline
// layouts of chart.cc; LayOut() calls it. Pure.
#include "reports/chart.h"

namespace planwatch::reports {

Drawing LayOutTree(const Chart& chart);

}  // namespace planwatch::reports
