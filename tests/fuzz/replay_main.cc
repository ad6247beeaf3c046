// fuzz_replay: the fuzz targets in the normal build, replaying the inputs
// kept under tests/data/fuzz/<target>/ (every crash fuzzing ever found, and
// the hand-made hostile inputs beside them).
//
//   fuzz_replay --list               the targets
//   fuzz_replay TARGET DIR|FILE...   runs each input once; exit 0 when none crashed
//
// A crash aborts, as under libFuzzer; the name of the input is printed
// before it runs, so the log says which one. A directory with no inputs is an
// error: a replay that runs nothing proves nothing.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "fuzz_target.h"

namespace pw::fuzz {

namespace {

std::map<std::string, TargetFunction>& Registry() {
  static std::map<std::string, TargetFunction> registry;
  return registry;
}

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

bool Register(const char* name, TargetFunction function) {
  Registry()[name] = function;
  return true;
}

}  // namespace pw::fuzz

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const auto& registry = pw::fuzz::Registry();
  if (argc == 2 && std::string(argv[1]) == "--list") {
    for (const auto& [name, function] : registry) std::cout << name << "\n";
    return 0;
  }
  if (argc < 3) {
    std::cerr << "usage: fuzz_replay TARGET DIR|FILE... (or --list)\n";
    return 2;
  }
  const auto target = registry.find(argv[1]);
  if (target == registry.end()) {
    std::cerr << "fuzz_replay: no target '" << argv[1] << "' (--list names them)\n";
    return 2;
  }
  std::vector<fs::path> inputs;
  for (int i = 2; i < argc; ++i) {
    const fs::path arg = argv[i];
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      for (const auto& entry : fs::directory_iterator(arg))
        if (entry.is_regular_file() && entry.path().filename() != "README.md") inputs.push_back(entry.path());
    } else if (fs::is_regular_file(arg, ec)) {
      inputs.push_back(arg);
    } else {
      std::cerr << "fuzz_replay: " << arg.string() << ": no such file or directory\n";
      return 2;
    }
  }
  if (inputs.empty()) {
    std::cerr << "fuzz_replay: " << argv[1] << ": no inputs to replay\n";
    return 2;
  }
  std::sort(inputs.begin(), inputs.end());
  for (const auto& path : inputs) {
    std::cerr << "replaying " << path.string() << "\n";
    const std::string bytes = pw::fuzz::ReadBytes(path);
    target->second(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::cout << argv[1] << ": " << inputs.size() << " inputs replayed, none crashed\n";
  return 0;
}
