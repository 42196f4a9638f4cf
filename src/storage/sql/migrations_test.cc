#include "storage/sql/migrations.h"

#include <gtest/gtest.h>

namespace planwatch::storage::sql {
namespace {

TEST(EmbeddedMigrations, PicksTheSharedAndTheDialectFiles) {
    std::vector<Migration> sqlite = EmbeddedMigrations("sqlite");
    ASSERT_GE(sqlite.size(), 2u);  // later migrations come after these two
    EXPECT_EQ(sqlite[0].number, 1);
    EXPECT_EQ(sqlite[0].name, "0001_initial");
    EXPECT_EQ(sqlite[0].scripts.size(), 1u);
    EXPECT_EQ(sqlite[1].name, "0002_identity");
    EXPECT_TRUE(SplitStatements(sqlite[1].scripts[0]).empty());  // comments only
    std::vector<Migration> postgres = EmbeddedMigrations("postgres");
    ASSERT_EQ(postgres.size(), sqlite.size());
    EXPECT_EQ(SplitStatements(postgres[1].scripts[0]).size(), 25u);  // one ALTER per table
    EXPECT_EQ(postgres[0].scripts, sqlite[0].scripts);
}

TEST(EmbeddedMigrations, SearchIndexDiffersPerDialect) {
    auto find = [](const std::vector<Migration>& migrations) {
        for (const Migration& migration : migrations) {
            if (migration.name == "0005_search") return migration;
        }
        return Migration{};
    };
    Migration sqlite = find(EmbeddedMigrations("sqlite"));
    Migration postgres = find(EmbeddedMigrations("postgres"));
    ASSERT_EQ(sqlite.scripts.size(), 1u);
    ASSERT_EQ(postgres.scripts.size(), 1u);
    std::vector<std::string> sqlite_statements = SplitStatements(sqlite.scripts[0]);
    // One FTS5 table, four back-fills, nine one-line triggers.
    ASSERT_EQ(sqlite_statements.size(), 14u);
    EXPECT_NE(sqlite_statements[0].find("remove_diacritics 2"), std::string::npos);
    EXPECT_EQ(SplitStatements(postgres.scripts[0]).size(), 7u);  // 2 extensions, 1 function, 4 trigram indexes
}

TEST(SplitStatements, SplitsAtLineEndingSemicolonsAndDropsComments) {
    std::vector<std::string> statements = SplitStatements(
        "-- a comment; not a statement\nCREATE TABLE a (\n    x TEXT DEFAULT ';'\n);\n\nCREATE INDEX i ON a (x);\n");
    ASSERT_EQ(statements.size(), 2u);
    EXPECT_EQ(statements[0], "CREATE TABLE a (\n    x TEXT DEFAULT ';'\n)");
    EXPECT_EQ(statements[1], "CREATE INDEX i ON a (x)");
}

}  // namespace
}  // namespace planwatch::storage::sql
