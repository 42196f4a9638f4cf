#include "import/ooxml/zip_archive.h"

#include <gtest/gtest.h>

#include "import/ooxml/zip_writer_for_tests.h"

namespace planwatch::import::ooxml {
namespace {

using testing::MakeZip;

TEST(ZipArchive, ReadsEntriesByName) {
    std::string bytes = MakeZip({{"word/document.xml", "<w:document/>"}, {"a.txt", "ș ț"}});
    ASSERT_FALSE(bytes.empty());
    auto zip = ZipArchive::Open(bytes, "DOCX");
    ASSERT_TRUE(zip.ok()) << zip.status();
    EXPECT_TRUE((*zip)->Has("a.txt"));
    EXPECT_FALSE((*zip)->Has("b.txt"));
    auto text = (*zip)->Read("a.txt");
    ASSERT_TRUE(text.ok()) << text.status();
    EXPECT_EQ(*text, "ș ț");
    auto missing = (*zip)->Read("b.txt");
    EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
    EXPECT_EQ(missing.status().message(), "DOCX part b.txt is missing");
}

TEST(ZipArchive, RefusesBytesThatAreNotAZip) {
    auto zip = ZipArchive::Open("hello world", "DOCX");
    ASSERT_FALSE(zip.ok());
    EXPECT_EQ(zip.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(zip.status().message(), "not a DOCX file: expected a ZIP package (starting with \"PK\")");
    auto truncated = ZipArchive::Open(std::string("PK\x03\x04garbage", 11), "XLSX");
    ASSERT_FALSE(truncated.ok());
    EXPECT_EQ(truncated.status().code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(truncated.status().message().starts_with("not a XLSX file: the ZIP package is unreadable"))
        << truncated.status();
}

TEST(ZipArchive, RefusesAZipBombBeforeInflatingIt) {
    // 1 GiB of zeros deflates to about 1 MiB: far past both the size and the ratio limit.
    std::string bytes = MakeZip({{"word/document.xml", "", 1ull << 30}});
    ASSERT_FALSE(bytes.empty());
    EXPECT_LT(bytes.size(), 2u << 20);
    auto zip = ZipArchive::Open(bytes, "DOCX");
    ASSERT_TRUE(zip.ok()) << zip.status();
    auto read = (*zip)->Read("word/document.xml");
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(read.status().message().find("DOCX part word/document.xml expands to more than 104857600 bytes"),
              std::string::npos)
        << read.status();
}

TEST(ZipArchive, RefusesAHighlyCompressedEntryUnderTheSizeLimit) {
    // 20 MiB of zeros is under the size limits but expands ~1000x.
    std::string bytes = MakeZip({{"xl/sharedStrings.xml", "", 20ull << 20}});
    auto zip = ZipArchive::Open(bytes, "XLSX");
    ASSERT_TRUE(zip.ok()) << zip.status();
    auto read = (*zip)->Read("xl/sharedStrings.xml");
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.status().message().find("refused as a possible zip bomb"), std::string::npos) << read.status();
}

TEST(ZipArchive, CountsEveryEntryAgainstTheTotalBudget) {
    std::string big = testing::NoisyText(3u << 20);
    std::string bytes = MakeZip({{"a", big}, {"b", big}});
    ZipLimits limits;
    limits.max_total_bytes = 5u << 20;
    auto zip = ZipArchive::Open(bytes, "DOCX", limits);
    ASSERT_TRUE(zip.ok());
    ASSERT_TRUE((*zip)->Read("a").ok());
    auto second = (*zip)->Read("b");
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace planwatch::import::ooxml
