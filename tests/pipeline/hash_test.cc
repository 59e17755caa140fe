// Sha256Hex: the FIPS 180-2 test vectors, a text of many blocks, and the same digest on every
// call and thread (the digest is fetched once, each thread reuses its context).
#include "pipeline/hash.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace gongkai {
namespace {

TEST(Sha256Hex, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Hex, SameDigestOnEveryCallAndThread) {
  const std::string first = Sha256Hex("abc");
  EXPECT_EQ(Sha256Hex("abc"), first);
  EXPECT_NE(Sha256Hex("abd"), first);
  std::string other;
  std::thread t([&] { other = Sha256Hex("abc"); });
  t.join();
  EXPECT_EQ(other, first);
}

}  // namespace
}  // namespace gongkai
