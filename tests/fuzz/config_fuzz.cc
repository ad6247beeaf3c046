// Fuzz target `config`: app::LoadConfig on any bytes as presswatch.toml
// (through a memfd, so no file is left behind). Oracles (app/config.h):
// nothing but StartupError escapes, its message names the file and a line,
// and a config that loads has every value in its documented range.
#include <sys/mman.h>
#include <unistd.h>

#include "app/config.h"
#include "fuzz_target.h"

PW_FUZZ_TARGET(config) {
  const int fd = ::memfd_create("presswatch.toml", 0);
  PW_FUZZ_CHECK(fd >= 0, "memfd_create failed");
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = ::write(fd, data + done, size - done);
    PW_FUZZ_CHECK(n > 0, "write to the memfd failed");
    done += static_cast<std::size_t>(n);
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  try {
    const pw::app::Config c = pw::app::LoadConfig(path);
    PW_FUZZ_CHECK(c.interval.count() >= 60, "an interval under 60 s");
    PW_FUZZ_CHECK(c.concurrency >= 1 && c.per_host >= 1 && c.workers >= 1, "a count under 1");
    PW_FUZZ_CHECK(c.fetch.max_redirects >= 0, "negative max_redirects");
    PW_FUZZ_CHECK(c.fetch.max_body_bytes >= 1024 && c.fetch.max_inflated_bytes >= 1024, "a cap under 1 KiB");
    PW_FUZZ_CHECK(c.log_format == "text" || c.log_format == "json", "log format " + c.log_format);
  } catch (const pw::StartupError& e) {
    const std::string message = e.what();
    PW_FUZZ_CHECK(message.rfind(path + ":", 0) == 0, "an error without the file: " + message);
    PW_FUZZ_CHECK(message.find('\n') == std::string::npos, "an error of more than one line: " + message);
  }
  ::close(fd);
  return 0;
}
