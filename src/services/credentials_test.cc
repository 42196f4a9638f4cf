#include "services/credentials.h"

#include <gtest/gtest.h>

#include <set>

namespace planwatch::services {
namespace {

TEST(Credentials, GeneratedPasswordsHaveTwentyUnambiguousCharacters) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        std::string password = GeneratePassword();
        EXPECT_EQ(password.size(), kGeneratedPasswordLength);
        EXPECT_EQ(password.find_first_of("0O1lI"), std::string::npos) << password;
        seen.insert(password);
    }
    EXPECT_EQ(seen.size(), 50u);
}

TEST(Credentials, HashIsArgon2idAndVerifies) {
    StatusOr<std::string> hash = HashPassword("corect horse ștampilă");
    ASSERT_TRUE(hash.ok()) << hash.status();
    EXPECT_EQ(hash->rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << *hash;
    EXPECT_TRUE(VerifyPassword("corect horse ștampilă", *hash));
    EXPECT_FALSE(VerifyPassword("corect horse stampila", *hash));
}

TEST(Credentials, TokensAreRandomWithPrefix) {
    std::string a = GenerateApiToken();
    std::string b = GenerateApiToken();
    EXPECT_EQ(a.size(), 3u + 64u);
    EXPECT_EQ(a.substr(0, 3), "pw_");
    EXPECT_NE(a, b);
}

}  // namespace
}  // namespace planwatch::services
