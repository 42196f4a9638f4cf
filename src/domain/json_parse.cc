#include "domain/json_parse.h"

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "common/text.h"

namespace planwatch::domain::internal {
namespace {

using Json = nlohmann::json;

// Builds the DOM from SAX events, like nlohmann's own json_sax_dom_parser, but
// stops at max_depth and at a duplicate key instead of keeping the last value.
class DomBuilder {
public:
    explicit DomBuilder(int max_depth) : max_depth_(max_depth) {}

    bool null() { return Put(nullptr) != nullptr; }
    bool boolean(bool value) { return Put(value) != nullptr; }
    bool number_integer(Json::number_integer_t value) { return Put(value) != nullptr; }
    bool number_unsigned(Json::number_unsigned_t value) { return Put(value) != nullptr; }
    bool number_float(Json::number_float_t value, const std::string& /*text*/) { return Put(value) != nullptr; }
    bool string(std::string& value) { return Put(std::move(value)) != nullptr; }
    bool binary(Json::binary_t& /*value*/) { return false; }  // JSON text has no binary values

    bool start_object(std::size_t /*size*/) { return Open(Json::object()); }
    bool start_array(std::size_t /*size*/) { return Open(Json::array()); }
    bool end_object() { return Close(); }
    bool end_array() { return Close(); }

    bool key(std::string& key) {
        Frame& frame = frames_.back();
        if (frame.container->contains(key)) {
            duplicate_path_ = JoinPath(PathOfOpenFrames(), key);
            return false;
        }
        frame.key = key;
        slot_ = &(*frame.container)[key];
        return true;
    }

    template <class Exception>
    bool parse_error(std::size_t position, const std::string& /*last_token*/, const Exception& ex) {
        error_position_ = position;
        error_what_ = ex.what();
        return false;
    }

    Json& root() { return root_; }
    bool too_deep() const { return too_deep_; }
    const std::optional<std::string>& duplicate_path() const { return duplicate_path_; }
    const std::optional<size_t>& error_position() const { return error_position_; }
    const std::string& error_what() const { return error_what_; }

private:
    struct Frame {
        Json* container;
        std::string key;  // of the member being read, for objects
    };

    Json* Put(Json&& value) {
        if (frames_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Json& top = *frames_.back().container;
        if (top.is_array()) {
            top.push_back(std::move(value));
            return &top.back();
        }
        *slot_ = std::move(value);
        return slot_;
    }

    bool Open(Json&& container) {
        if (static_cast<int>(frames_.size()) >= max_depth_) {
            too_deep_ = true;
            return false;
        }
        // The pointer stays valid: a parent container is not modified while a
        // child is open (the next member or element comes after Close()).
        frames_.push_back({Put(std::move(container)), {}});
        return true;
    }

    bool Close() {
        frames_.pop_back();
        return true;
    }

    // The path of the innermost open container, e.g. "nodes[2].children[0]".
    std::string PathOfOpenFrames() const {
        std::string path;
        for (size_t i = 0; i + 1 < frames_.size(); ++i) {
            const Frame& frame = frames_[i];
            if (frame.container->is_array()) {
                path += fmt::format("[{}]", frame.container->size() - 1);
            } else {
                path = JoinPath(path, frame.key);
            }
        }
        return path;
    }

    int max_depth_;
    Json root_;
    std::vector<Frame> frames_;
    Json* slot_ = nullptr;
    bool too_deep_ = false;
    std::optional<std::string> duplicate_path_;
    std::optional<size_t> error_position_;
    std::string error_what_;
};

// The byte offset of the bracket that opens level max_depth + 1. Only called
// after the parser stopped there, so the text before it is valid JSON and
// counting brackets outside strings finds the same place.
size_t OffsetOfTooDeep(std::string_view bytes, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < bytes.size(); ++i) {
        char c = bytes[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return bytes.size();
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1,
// column 2: syntax error while parsing …"; we give our own position (columns in
// characters, not bytes), so keep only the part after the position.
std::string ParserDetail(const std::string& what) {
    size_t column = what.find("column ");
    size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
    std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
    // "last read: '…'" quotes raw input, which may be the invalid UTF-8 that
    // stopped the parser; a message must stay UTF-8 (it may end up in JSON).
    if (!text::IsValidUtf8(detail)) {
        size_t last_read = detail.find("; last read:");
        detail = detail.substr(0, last_read);
        if (!text::IsValidUtf8(detail)) detail = "invalid input";
    }
    return detail;
}

bool IsIdentifier(std::string_view key) {
    if (key.empty() || (key[0] >= '0' && key[0] <= '9')) return false;
    for (char c : key) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

std::string JoinPath(const std::string& path, std::string_view key) {
    if (!IsIdentifier(key)) {
        return path + "[" + Json(std::string(key)).dump(-1, ' ', false, Json::error_handler_t::replace) + "]";
    }
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

SourcePosition PositionOfOffset(std::string_view bytes, size_t offset) {
    if (offset > bytes.size()) offset = bytes.size();
    SourcePosition where;
    where.line = 1;
    where.column = 1;
    for (size_t i = 0; i < offset; ++i) {
        unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n') {
            ++where.line;
            where.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte: a new character
            ++where.column;
        }
    }
    return where;
}

StatusOr<nlohmann::json> ParseJson(std::string_view bytes, int max_depth) {
    DomBuilder builder(max_depth);
    bool parsed = false;
    try {
        // strict: text after the value is an error, not ignored.
        parsed = Json::sax_parse(bytes.begin(), bytes.end(), &builder, Json::input_format_t::json, true);
    } catch (const std::exception& e) {  // sax_parse reports through parse_error; this is bad_alloc & co.
        return InvalidArgument(fmt::format("cannot read the JSON: {}", e.what()));
    }
    if (parsed) return std::move(builder.root());
    if (builder.too_deep()) {
        return InvalidArgument(fmt::format("nested deeper than {} levels", max_depth),
                               PositionOfOffset(bytes, OffsetOfTooDeep(bytes, max_depth)));
    }
    if (builder.duplicate_path()) {
        return InvalidArgument("duplicate key", SourcePosition{.field = *builder.duplicate_path()});
    }
    // nlohmann's position counts the offending character itself (1-based).
    size_t position = builder.error_position().value_or(1);
    return InvalidArgument("not valid JSON: " + ParserDetail(builder.error_what()),
                           PositionOfOffset(bytes, position == 0 ? 0 : position - 1));
}

}  // namespace planwatch::domain::internal
