#include "services/credentials.h"

#include <sodium.h>

#include <cassert>

namespace planwatch::services {
namespace {

// sodium_init() is idempotent and thread-safe; it returns -1 only when the
// system has no usable random source, which no supported platform lacks.
void EnsureSodium() {
    static const int kInit = sodium_init();
    assert(kInit >= 0 && "libsodium could not initialise its random source");
    (void)kInit;
}

std::string Hex(const unsigned char* bytes, size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, size);
    out.pop_back();
    return out;
}

}  // namespace

std::string GeneratePassword() {
    static constexpr char kAlphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    EnsureSodium();
    std::string password;
    for (size_t i = 0; i < kGeneratedPasswordLength; ++i) {
        password += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
    }
    return password;
}

StatusOr<std::string> HashPassword(std::string_view password) {
    EnsureSodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Internal("argon2id hashing failed: not enough memory");
    }
    return std::string(hash);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
    EnsureSodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string GenerateApiToken() {
    EnsureSodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return "pw_" + Hex(bytes, sizeof bytes);
}

}  // namespace planwatch::services
