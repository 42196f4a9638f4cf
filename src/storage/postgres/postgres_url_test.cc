#include "storage/postgres/postgres_url.h"

#include <gtest/gtest.h>

namespace planwatch::storage::postgres {
namespace {

std::string Convert(const std::string& url) {
    StatusOr<std::string> connect = ToConnectString(url);
    EXPECT_TRUE(connect.ok()) << connect.status();
    return connect.ok() ? *connect : "";
}

TEST(ToConnectString, SplitsUserHostPortAndName) {
    EXPECT_EQ(Convert("postgresql://planwatch@db.example.ro:5433/judet"),
              "host='db.example.ro' port='5433' dbname='judet' user='planwatch'");
}

TEST(ToConnectString, DecodesEscapesAndQuotesPasswords) {
    EXPECT_EQ(Convert("postgres://ana:p%40ss'w\\d@localhost/pw?sslmode=require&connect_timeout=3"),
              "host='localhost' dbname='pw' user='ana' password='p@ss\\'w\\\\d' sslmode='require' "
              "connect_timeout='3'");
}

TEST(ToConnectString, LeavesOutWhatTheUrlDoesNotSay) {
    EXPECT_EQ(Convert("postgresql:///planwatch"), "dbname='planwatch'");
    EXPECT_EQ(Convert("postgresql://[::1]:5432/x"), "host='::1' port='5432' dbname='x'");
    EXPECT_EQ(Convert("postgresql://u@%2Ftmp%2Fsock/x"), "host='/tmp/sock' dbname='x' user='u'");
}

TEST(ToConnectString, RefusesWhatIsNotAPostgresqlUrl) {
    StatusOr<std::string> other = ToConnectString("mysql://root@h/x");
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(other.status().message(), "database URL \"mysql://root@h/x\": expected postgresql://user@host:port/name");
    EXPECT_EQ(ToConnectString("postgresql://u@h:54x2/d").status().message(),
              "database URL \"postgresql://u@h:54x2/d\": port \"54x2\" is not a number");
    EXPECT_EQ(ToConnectString("postgresql://u@h/d%zz").status().message(),
              "database URL \"postgresql://u@h/d%zz\": bad %-escape in dbname");
}

TEST(RedactPassword, HidesOnlyThePassword) {
    EXPECT_EQ(RedactPassword("postgresql://ana:secret@h:5432/d"), "postgresql://ana:***@h:5432/d");
    EXPECT_EQ(RedactPassword("postgresql://ana@h:5432/d"), "postgresql://ana@h:5432/d");
    EXPECT_EQ(RedactPassword("postgresql://h:5432/d"), "postgresql://h:5432/d");
}

}  // namespace
}  // namespace planwatch::storage::postgres
