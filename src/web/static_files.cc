#include "web/static_files.h"

#include <map>
#include <memory>

#include "common/resources.h"
#include "common/sha256.h"

namespace planwatch::web {
namespace {

constexpr std::string_view kRoot = "web/static/";
constexpr char kImmutable[] = "public, max-age=31536000, immutable";
constexpr char kShort[] = "public, max-age=3600";

struct Asset {
    std::shared_ptr<const std::string> bytes;  // one copy for every request
    std::string content_type;
    std::string etag;
    bool hashed = false;  // served under its content-hashed name
};

std::string ContentType(std::string_view path) {
    auto ends = [&](std::string_view suffix) { return path.ends_with(suffix); };
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    if (ends(".png")) return "image/png";
    if (ends(".jpg")) return "image/jpeg";
    if (ends(".gif")) return "image/gif";
    if (ends(".woff2")) return "font/woff2";
    if (ends(".woff")) return "font/woff";
    if (ends(".ttf")) return "font/ttf";
    if (ends(".ico")) return "image/x-icon";
    if (ends(".json")) return "application/json";
    return "application/octet-stream";
}

// "css/a.min.css" + "1a2b" -> "css/a.min.1a2b.css": the hash goes before the last extension.
std::string HashedName(std::string_view path, std::string_view hash) {
    size_t slash = path.rfind('/');
    size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
        return std::string(path) + "." + std::string(hash);
    }
    return std::string(path.substr(0, dot)) + "." + std::string(hash) + std::string(path.substr(dot));
}

struct AssetTable {
    std::map<std::string, Asset, std::less<>> by_url;            // "/static/…" -> asset
    std::map<std::string, std::string, std::less<>> hashed_url;  // "css/x.css" -> "/static/css/x.<hash>.css"
};

AssetTable BuildTable() {
    AssetTable table;
    for (const resources::Resource& resource : resources::List(kRoot)) {
        std::string_view path = resource.path.substr(kRoot.size());
        if (path.ends_with("README.md")) continue;
        std::string hash = Sha256Hex(resource.bytes).substr(0, 10);
        Asset asset{.bytes = std::make_shared<const std::string>(resource.bytes), .content_type = ContentType(path), .etag = "\"" + hash + "\""};
        table.by_url.emplace("/static/" + std::string(path), asset);
        std::string hashed = "/static/" + HashedName(path, hash);
        asset.hashed = true;
        table.by_url.emplace(hashed, asset);
        table.hashed_url.emplace(std::string(path), hashed);
    }
    return table;
}

const AssetTable& Table() {
    static const AssetTable table = BuildTable();
    return table;
}

}  // namespace

std::string AssetUrl(std::string_view path) {
    auto it = Table().hashed_url.find(path);
    return it == Table().hashed_url.end() ? "/static/" + std::string(path) : it->second;
}

std::optional<Response> ServeStatic(std::string_view url_path, std::string_view if_none_match) {
    auto it = Table().by_url.find(url_path);
    if (it == Table().by_url.end()) return std::nullopt;
    const Asset& asset = it->second;
    Response response{.content_type = asset.content_type};
    response.headers.emplace_back("Cache-Control", asset.hashed ? kImmutable : kShort);
    response.headers.emplace_back("ETag", asset.etag);
    if (!if_none_match.empty() && if_none_match == asset.etag) {
        response.status = 304;
        return response;
    }
    response.shared_body = asset.bytes;
    return response;
}

}  // namespace planwatch::web
