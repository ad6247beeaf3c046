// app/feeds_file.h: the feeds file (OPML) from disk.
//
// Reads the file and parses it with feed::ParseOpml, relative xmlUrl
// attributes resolved against the file's own location. Throws StartupError
// ("feeds/x.opml:12: ...") on a missing or broken file: without its feeds
// file, a command has nothing to do.
#pragma once

#include <string>
#include <vector>

#include "feed/opml.h"

namespace pw::app {

std::vector<feed::Subscription> LoadFeedsFile(const std::string& path);

}  // namespace pw::app
