// SHA-256 (OpenSSL) as lowercase hex: content hashes of source files and the extractor
// fingerprint.
#ifndef GONGKAI_PIPELINE_HASH_H_
#define GONGKAI_PIPELINE_HASH_H_

#include <string>
#include <string_view>

namespace gongkai {

std::string Sha256Hex(std::string_view data);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_HASH_H_
