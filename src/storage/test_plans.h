#pragma once
// Plans built in code for the Store tests and the storage benchmark. They use
// every field a stored plan can carry, with Romanian diacritics in both the
// comma-below (ș ț) and the cedilla (ş) spelling and awkward doubles.
#include <string>

#include "domain/plan.h"

namespace planwatch::storage::testing {

// A valid action plan (domain::Validate passes): one pillar, two areas, each with
// a section, a general and two specific objectives, and `activities` activities
// spread over the specific objectives; five institutions (one a unit of another,
// with aliases and figures), three social services with budgets and two warnings.
// `tag` goes into the title, file name and sha256 so several plans differ.
domain::Plan MakeRichPlan(int activities = 47, const std::string& tag = "a");

// Copies the ids LoadPlan fills in (plan, nodes, institutions, services) from
// loaded onto expected, so the rest can be compared with one EXPECT_EQ.
void CopyStoreIds(const domain::Plan& loaded, domain::Plan& expected);

}  // namespace planwatch::storage::testing
