#include <unistd.h>

#include <iostream>

#include "cli/command.h"

int main(int argc, char** argv) {
  redline::cli::Io io{std::cout, std::cerr, static_cast<bool>(isatty(STDERR_FILENO))};
  return redline::cli::Main(argc, argv, io);
}
