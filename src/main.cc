// The one program: parses the command (cli/), which runs services/; `serve`
// reaches the web server (web/) through the hook given here, so that cli/ and
// web/ do not depend on each other.
#include <cstdio>

#include "cli/app.h"
#include "web/server.h"

int main(int argc, char** argv) {
    return planwatch::cli::Run(
        argc, argv, [](planwatch::services::Services& services, const planwatch::cli::ServeSettings& settings) {
            planwatch::web::ServerOptions options;
            options.bind = settings.bind;
            options.port = settings.port;
            options.max_body_bytes = settings.max_body_bytes;
            options.secure_cookies = settings.secure_cookies;
            return planwatch::web::RunServer(services, options, [](const std::string& url) {
                std::printf("planwatch: listening on %s\n", url.c_str());
                std::fflush(stdout);
            });
        });
}
