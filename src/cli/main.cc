#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cli/command.h"

int main(int argc, char** argv) {
  redline::cli::Io io{std::cout, std::cerr, static_cast<bool>(isatty(STDERR_FILENO))};
  int code = redline::cli::Main(argc, argv, io);
  // Output that did not reach stdout (a full disk, /dev/full, a closed descriptor) is a
  // failure, not a success with nothing printed.
  errno = 0;
  std::cout.flush();
  const bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
  if (failed) {
    const int error = errno;
    std::cerr << "redline: error: cannot write to standard output"
              << (error != 0 ? std::string(": ") + std::strerror(error) : std::string()) << "\n";
    if (code == redline::cli::kExitOk) code = redline::cli::kExitFailure;
  }
  return code;
}
