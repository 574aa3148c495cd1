// file_commit.hpp — output files are written whole or not at all.
//
// A render written to a full disk used to leave a truncated PNG (and exit 0) or a partial EXR.
// Files are written to a temporary file next to the destination, synced, and renamed over it
// only when every write succeeded; on failure the temporary file is removed and a HostError says
// why. A destination that is not a regular file (a device such as /dev/full or /dev/null, a FIFO)
// cannot be renamed over and is written in place, with the same checks. Symbolic links are
// followed: the file they point to is replaced, the link stays.
#pragma once

#include <cstddef>
#include <string>

namespace ofxhost {

// Writes `size` bytes as the file `path`. Throws HostError naming `path` and the system error.
void writeFileWhole(const std::string &path, const void *data, size_t size);

// For writers that insist on opening a file name themselves: a temporary file next to the
// destination of `path`, renamed over it by commit(), removed by the destructor otherwise.
class PendingFile {
 public:
  explicit PendingFile(const std::string &path);
  ~PendingFile();
  PendingFile(const PendingFile &) = delete;
  PendingFile &operator=(const PendingFile &) = delete;

  const std::string &writePath() const { return writePath_; }
  void commit();  // throws HostError when the rename fails

 private:
  std::string path_, destination_, writePath_;
  bool inPlace_ = false, committed_ = false;
};

}  // namespace ofxhost
