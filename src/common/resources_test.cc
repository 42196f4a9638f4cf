#include "common/resources.h"

#include <gtest/gtest.h>

namespace planwatch::resources {
namespace {

TEST(Resources, HoldTheFiveSampleDocuments) {
    std::vector<Resource> samples = List("samples/");
    ASSERT_EQ(samples.size(), 5u);
    EXPECT_EQ(samples[0].path, "samples/000_ffec081ef8fe4e47.txt");
    EXPECT_EQ(samples[0].bytes.size(), 32967u);  // the seed as delivered, byte for byte
}

TEST(Resources, FindReturnsNothingForUnknownPaths) {
    EXPECT_FALSE(Find("samples/nope.txt").has_value());
    ASSERT_TRUE(Find("samples/004_16958f30d03cf6c0.txt").has_value());
}

}  // namespace
}  // namespace planwatch::resources
