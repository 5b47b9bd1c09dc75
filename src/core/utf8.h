// UTF-8 validity: every text redline reads (scenario files, --set values, game files, flag
// values that reach JSON) must be valid UTF-8; names that are not are rejected at input
// with their position rather than failing later in a JSON writer.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace redline {

// The byte offset of the first byte of `text` that does not start a valid UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF are invalid); nullopt if all of
// `text` is valid. NUL is valid UTF-8 here; callers that refuse NUL check it themselves.
std::optional<std::size_t> FirstInvalidUtf8(std::string_view text);

}  // namespace redline
