#include "cli/output_dir.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <system_error>

namespace redline::cli {

namespace {

namespace fs = std::filesystem;

// What the signal handler needs, prepared in advance (it may only call async-signal-safe
// functions): the partial paths to remove, deepest first, and the message to print.
struct SignalCleanup {
  static constexpr int kMaxPaths = 64;
  char paths[kMaxPaths][4096];
  int count = 0;
  char message[8192];
  std::size_t message_length = 0;
  struct sigaction previous_int {};
  struct sigaction previous_term {};
};
SignalCleanup cleanup;
volatile sig_atomic_t cleanup_armed = 0;

extern "C" void OnInterrupt(int signal_number) {
  if (cleanup_armed != 0) {
    for (int i = cleanup.count - 1; i >= 0; --i) {
      if (::unlink(cleanup.paths[i]) != 0) ::rmdir(cleanup.paths[i]);
    }
    [[maybe_unused]] ssize_t written =
        ::write(STDERR_FILENO, cleanup.message, cleanup.message_length);
  }
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

bool CopyInto(char* to, std::size_t capacity, const std::string& text) {
  if (text.size() + 1 > capacity) return false;
  std::memcpy(to, text.c_str(), text.size() + 1);
  return true;
}

Diagnostic OutError(const std::string& message) { return Diagnostic{{"--out", 0, 0}, message}; }

}  // namespace

Result<std::unique_ptr<OutputDir>> OutputDir::Open(const std::string& dir,
                                                   const std::vector<std::string>& names,
                                                   const std::vector<std::string>& inputs) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    return OutError("'" + dir + "' exists and is not a directory");
  for (const std::string& name : names) {
    const fs::path target = fs::path(dir) / name;
    for (const std::string& input : inputs) {
      if (fs::exists(target, ec) && fs::equivalent(target, input, ec)) {
        return OutError("'" + target.string() + "' is the input file " + input +
                        ", which --out would overwrite; write to another folder");
      }
    }
  }
  fs::create_directories(dir, ec);
  if (ec) return OutError("cannot create '" + dir + "': " + ec.message());
  std::unique_ptr<OutputDir> out(new OutputDir());
  out->dir_ = dir;
  out->names_ = names;
  out->partial_ = (fs::path(dir) / (".redline-partial-" + std::to_string(::getpid()))).string();
  fs::remove_all(out->partial_, ec);
  if (!fs::create_directory(out->partial_, ec) || ec) {
    return OutError("cannot write in '" + dir +
                    "': " + (ec ? ec.message() : std::string("cannot create a folder")));
  }

  // Arm the signal handler: the partial folder, its sub-folders and files, deepest last.
  std::vector<std::string> paths{out->partial_};
  for (const std::string& name : names) {
    const fs::path relative(name);
    fs::path sub;
    for (auto part = relative.begin(); part != relative.end(); ++part) {
      if (std::next(part) == relative.end()) break;
      sub /= *part;
      const std::string folder = (fs::path(out->partial_) / sub).string();
      if (std::find(paths.begin(), paths.end(), folder) == paths.end()) paths.push_back(folder);
    }
    paths.push_back((fs::path(out->partial_) / name).string());
  }
  cleanup_armed = 0;
  cleanup.count = 0;
  bool fits = paths.size() <= SignalCleanup::kMaxPaths;
  for (const std::string& path : paths) {
    if (fits) fits = CopyInto(cleanup.paths[cleanup.count++], sizeof cleanup.paths[0], path);
  }
  const std::string message = "redline: interrupted; removed the partial output (" + out->partial_ +
                              "); the files already in " + dir + " were kept as they were\n";
  fits = fits && CopyInto(cleanup.message, sizeof cleanup.message, message);
  cleanup.message_length = message.size();
  if (fits) {
    struct sigaction action {};
    action.sa_handler = OnInterrupt;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &cleanup.previous_int);
    ::sigaction(SIGTERM, &action, &cleanup.previous_term);
    // A signal the caller ignores (a background job's SIGINT, nohup) stays ignored.
    if (cleanup.previous_int.sa_handler == SIG_IGN)
      ::sigaction(SIGINT, &cleanup.previous_int, nullptr);
    if (cleanup.previous_term.sa_handler == SIG_IGN) {
      ::sigaction(SIGTERM, &cleanup.previous_term, nullptr);
    }
    cleanup_armed = 1;
  }
  for (const std::string& name : names) {
    const fs::path path = fs::path(out->partial_) / name;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream& stream = out->streams_[name];
    stream.open(path, std::ios::binary);
    if (!stream) return OutError("cannot write '" + path.string() + "': " + std::strerror(errno));
  }
  return out;
}

OutputDir::~OutputDir() {
  if (!committed_) RemovePartial();
}

void OutputDir::RemovePartial() {
  if (cleanup_armed != 0) {
    cleanup_armed = 0;
    ::sigaction(SIGINT, &cleanup.previous_int, nullptr);
    ::sigaction(SIGTERM, &cleanup.previous_term, nullptr);
  }
  for (auto& [name, stream] : streams_) stream.close();
  std::error_code ec;
  fs::remove_all(partial_, ec);
}

std::ostream& OutputDir::Stream(const std::string& name) { return streams_.at(name); }

void OutputDir::Write(const std::string& name, const std::string& text) {
  Stream(name).write(text.data(), static_cast<std::streamsize>(text.size()));
}

Status OutputDir::Commit() {
  Diagnostics problems;
  for (const std::string& name : names_) {
    std::ofstream& stream = streams_.at(name);
    errno = 0;
    stream.flush();
    stream.close();
    if (!stream) {
      const int error = errno;
      problems.push_back(Diagnostic{
          {(fs::path(dir_) / name).string(), 0, 0},
          std::string("cannot write this file") +
              (error != 0 ? std::string(" (") + std::strerror(error) + ")" : std::string()) +
              "; nothing was written to " + dir_ + ", which keeps what it held before"});
      break;
    }
  }
  if (!problems.empty()) {
    RemovePartial();
    return Status(std::move(problems));
  }
  sigset_t block, previous;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  ::pthread_sigmask(SIG_BLOCK, &block, &previous);
  std::error_code ec;
  for (const std::string& name : names_) {
    const fs::path target = fs::path(dir_) / name;
    fs::create_directories(target.parent_path(), ec);
    fs::rename(fs::path(partial_) / name, target, ec);
    if (ec) {
      problems.push_back(Diagnostic{{target.string(), 0, 0}, "cannot write: " + ec.message()});
      break;
    }
  }
  committed_ = problems.empty();
  RemovePartial();
  ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return Status(std::move(problems));
}

std::string OutputDir::Describe() const {
  std::string list;
  for (const std::string& name : names_) list += (list.empty() ? "" : ", ") + name;
  return dir_ + "/{" + list + "}";
}

Result<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path,
                                                     const std::string& flag,
                                                     const std::vector<std::string>& inputs) {
  std::error_code ec;
  const auto error = [&](const std::string& message) { return Diagnostic{{flag, 0, 0}, message}; };
  if (fs::is_directory(path, ec)) return error("'" + path + "' is a directory");
  for (const std::string& input : inputs) {
    if (fs::exists(path, ec) && fs::equivalent(path, input, ec)) {
      return error("'" + path + "' is the input file, which " + flag +
                   " would overwrite; name another file");
    }
  }
  std::unique_ptr<OutputFile> out(new OutputFile());
  out->path_ = path;
  out->partial_ = path + ".partial-" + std::to_string(::getpid());
  out->stream_.open(out->partial_, std::ios::binary);
  if (!out->stream_) return Diagnostic{{path, 0, 0}, "cannot write the " + flag + " file"};
  return out;
}

OutputFile::~OutputFile() {
  if (committed_) return;
  stream_.close();
  std::error_code ec;
  fs::remove(partial_, ec);
}

Status OutputFile::Commit() {
  errno = 0;
  stream_.flush();
  stream_.close();
  if (!stream_) {
    const int error = errno;
    return Diagnostic{{path_, 0, 0},
                      std::string("cannot write this file") +
                          (error != 0 ? std::string(" (") + std::strerror(error) + ")" : "")};
  }
  std::error_code ec;
  fs::rename(partial_, path_, ec);
  if (ec) return Diagnostic{{path_, 0, 0}, "cannot write: " + ec.message()};
  committed_ = true;
  return {};
}

}  // namespace redline::cli
