#pragma once
// Shared by the seed tests: import a file of samples/ through the front door
// and find nodes by the codes a person reads in the document.
#include <string>
#include <vector>

#include "domain/plan.h"

namespace planwatch::seeds {

// Reads samples/<file_name> and imports it with default options; fails the
// calling test (ADD_FAILURE) and returns an empty plan when the import fails.
domain::Plan ImportSeed(const std::string& file_name);

// The bytes of samples/<file_name>.
std::string ReadSeed(const std::string& file_name);

// Every activity in document order.
std::vector<const domain::Node*> Activities(const domain::Plan& plan);

// The first child of `nodes` with that code, nullptr when none.
const domain::Node* Child(const std::vector<domain::Node>& nodes, const std::string& code);

// Follows codes from the roots: Path(plan, {"I", "A", "A.1", "1", "1.2"}).
const domain::Node* Path(const domain::Plan& plan, const std::vector<std::string>& codes);

// The institution of plan.institutions with that name, nullptr when none.
const domain::Institution* FindInstitution(const domain::Plan& plan, const std::string& name);

}  // namespace planwatch::seeds
