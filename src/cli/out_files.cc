#include "cli/out_files.h"

#include <filesystem>
#include <fstream>

namespace redline::cli {

Status PrepareOutDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    return Diagnostic{{"--out", 0, 0}, "'" + dir + "' exists and is not a directory"};
  fs::create_directories(dir, ec);
  if (ec) return Diagnostic{{"--out", 0, 0}, "cannot create '" + dir + "': " + ec.message()};
  return {};
}

Status WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return Diagnostic{{path, 0, 0}, "cannot write this file"};
  return {};
}

}  // namespace redline::cli
