#include "services/document_file.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace planwatch::services {
namespace {

class DocumentFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        char pattern[] = "/tmp/pw_docfile_XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string Write(const std::string& name, const std::string& bytes) {
        std::string path = dir_ + "/" + name;
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }
    std::string dir_;
};

TEST_F(DocumentFileTest, ReadsWholeFileUpToTheLimit) {
    std::string path = Write("plan.txt", std::string(100, 'x'));
    StatusOr<std::string> bytes = ReadDocumentFile(path, 100);
    ASSERT_TRUE(bytes.ok()) << bytes.status();
    EXPECT_EQ(bytes->size(), 100u);
}

TEST_F(DocumentFileTest, RefusesFileOverTheLimitNamingSizes) {
    std::string path = Write("big.txt", std::string(2048, 'x'));
    StatusOr<std::string> bytes = ReadDocumentFile(path, 1024);
    ASSERT_FALSE(bytes.ok());
    EXPECT_EQ(bytes.status().code(), StatusCode::kTooLarge);
    EXPECT_EQ(bytes.status().ToString(), path + ": the file has 2048 bytes (2 KiB); the limit is 1 KiB (--max-size)");
}

TEST_F(DocumentFileTest, MissingFileIsNotFound) {
    StatusOr<std::string> bytes = ReadDocumentFile(dir_ + "/none.txt", 1024);
    ASSERT_FALSE(bytes.ok());
    EXPECT_EQ(bytes.status().code(), StatusCode::kNotFound);
    EXPECT_EQ(bytes.status().ToString(), dir_ + "/none.txt: cannot open: No such file or directory");
}

TEST_F(DocumentFileTest, DirectoryIsInvalid) {
    StatusOr<std::string> bytes = ReadDocumentFile(dir_, 1024);
    ASSERT_FALSE(bytes.ok());
    EXPECT_EQ(bytes.status().code(), StatusCode::kInvalidArgument);
}

TEST(ParseByteSize, ReadsBinaryMultiples) {
    EXPECT_EQ(*ParseByteSize("1048576"), 1048576u);
    EXPECT_EQ(*ParseByteSize("512k"), 512u * 1024);
    EXPECT_EQ(*ParseByteSize("50M"), 50u << 20);
    EXPECT_EQ(*ParseByteSize("1G"), 1u << 30);
    EXPECT_EQ(*ParseByteSize("2KB"), 2048u);
}

TEST(ParseByteSize, RefusesOtherText) {
    for (const char* text : {"", "M", "12X", "-3", "99999999999999999999999"}) {
        StatusOr<size_t> size = ParseByteSize(text);
        ASSERT_FALSE(size.ok()) << text;
        EXPECT_EQ(size.status().code(), StatusCode::kMalformed);
    }
    EXPECT_EQ(ParseByteSize("12X").status().message(),
              "size \"12X\": expected a number of bytes, optionally followed by k, M or G");
}

TEST(DescribeBytes, UsesBinaryUnits) {
    EXPECT_EQ(DescribeBytes(12), "12 bytes");
    EXPECT_EQ(DescribeBytes(1536), "1.5 KiB");
    EXPECT_EQ(DescribeBytes(50u << 20), "50 MiB");
}

}  // namespace
}  // namespace planwatch::services
