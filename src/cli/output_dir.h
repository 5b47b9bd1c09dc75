// The files a command writes into an --out folder, written all-or-nothing.
//
// Every file is first written under DIR/.redline-partial-PID/ and renamed into DIR only when
// all of them were written completely (Commit). Until then DIR keeps whatever it held
// before, so an interrupted or failed re-run never leaves an old summary.json beside a new,
// partial runs.csv. While an OutputDir is open, SIGINT and SIGTERM remove the partial folder,
// say on stderr what was kept, and end the process as the signal would. Write errors (a full
// disk, a file-size limit) are reported by Commit, which then removes the partial folder.
//
// One OutputDir may be open at a time (the signal handler serves one); not thread-safe.
#pragma once

#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace redline::cli {

class OutputDir {
 public:
  // Creates DIR (and its parents) and the partial folder inside it. `names` are the files to
  // be written (relative paths, possibly with sub-folders); `inputs` are files the command
  // reads: a name that is the same file as an input is refused (it would be overwritten).
  // Errors are located at "--out".
  static Result<std::unique_ptr<OutputDir>> Open(const std::string& dir,
                                                 const std::vector<std::string>& names,
                                                 const std::vector<std::string>& inputs);
  ~OutputDir();
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  // The stream that writes `name` (one of the names given to Open).
  std::ostream& Stream(const std::string& name);
  // Writes all of `text` as `name`.
  void Write(const std::string& name, const std::string& text);

  // Closes every file, checks that each was written in full, and renames them into DIR
  // (SIGINT/SIGTERM held off while renaming). On failure DIR keeps what it held before.
  Status Commit();

  // "DIR/{a, b, c}" for messages.
  std::string Describe() const;

 private:
  OutputDir() = default;
  void RemovePartial();

  std::string dir_;
  std::string partial_;
  std::vector<std::string> names_;
  std::map<std::string, std::ofstream> streams_;
  bool committed_ = false;
};

// One output file (e.g. --lambda-out), written to FILE.partial-PID beside it and renamed to
// FILE by Commit, so a failed or interrupted command leaves any old FILE as it was. A target
// that is the same file as one of `inputs` is refused (errors located at `flag`).
class OutputFile {
 public:
  static Result<std::unique_ptr<OutputFile>> Open(const std::string& path, const std::string& flag,
                                                  const std::vector<std::string>& inputs);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return stream_; }
  // Closes the file, checks it was written in full and renames it into place.
  Status Commit();

 private:
  OutputFile() = default;
  std::string path_, partial_;
  std::ofstream stream_;
  bool committed_ = false;
};

}  // namespace redline::cli
