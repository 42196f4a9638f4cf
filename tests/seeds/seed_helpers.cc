#include "seed_helpers.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "import/import.h"

namespace planwatch::seeds {

std::string ReadSeed(const std::string& file_name) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + file_name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

domain::Plan ImportSeed(const std::string& file_name) {
    std::string bytes = ReadSeed(file_name);
    if (bytes.empty()) {
        ADD_FAILURE() << "cannot read samples/" << file_name;
        return {};
    }
    StatusOr<import::ImportResult> result = import::ImportDocument(bytes, file_name);
    if (!result.ok()) {
        ADD_FAILURE() << result.status();
        return {};
    }
    return result->plan;
}

std::vector<const domain::Node*> Activities(const domain::Plan& plan) {
    std::vector<const domain::Node*> out;
    domain::ForEachNode(plan.nodes, [&](const domain::Node& node) {
        if (node.kind == domain::NodeKind::kActivity) out.push_back(&node);
    });
    return out;
}

const domain::Node* Child(const std::vector<domain::Node>& nodes, const std::string& code) {
    for (const domain::Node& node : nodes) {
        if (node.code == code) return &node;
    }
    return nullptr;
}

const domain::Node* Path(const domain::Plan& plan, const std::vector<std::string>& codes) {
    const std::vector<domain::Node>* level = &plan.nodes;
    const domain::Node* node = nullptr;
    for (const std::string& code : codes) {
        node = Child(*level, code);
        if (node == nullptr) return nullptr;
        level = &node->children;
    }
    return node;
}

const domain::Institution* FindInstitution(const domain::Plan& plan, const std::string& name) {
    for (const domain::Institution& institution : plan.institutions) {
        if (institution.name == name) return &institution;
    }
    return nullptr;
}

}  // namespace planwatch::seeds
