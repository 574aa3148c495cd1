// file_commit.cpp — see file_commit.hpp.
#include "file_commit.hpp"

#include "image_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace ofxhost {

namespace {

std::string systemError(int err) { return std::strerror(err); }

// Where `path` leads: links resolved, so the rename replaces the file and keeps the link.
std::string destinationOf(const std::string &path) {
  std::error_code ec;
  const fs::path resolved = fs::weakly_canonical(fs::path(path), ec);
  return ec ? path : resolved.string();
}

bool isRegularOrAbsent(const std::string &path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return errno == ENOENT;
  return S_ISREG(st.st_mode);
}

// Creates "dir/.name.ofxhost-XXXXXX" beside the destination (rename must not cross filesystems)
// and returns its open descriptor; the name goes to *temp.
int createTempBeside(const std::string &destination, const std::string &path, std::string *temp) {
  const fs::path d(destination);
  const std::string pattern = (d.parent_path() / ("." + d.filename().string() + ".ofxhost-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) throw HostError("cannot write '" + path + "': cannot create a file in its folder: " + systemError(errno));
  *temp = name.data();
  return fd;
}

// Gives the finished temporary file the usual permissions (mkstemp made it 0600; the umask
// applies) and renames it over the destination. Returns 0 or the errno of the failure. Reading
// the umask means setting it: done at once, on the writing thread, after the frame's renders.
int publish(const std::string &temp, const std::string &destination) {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(temp.c_str(), 0666 & ~mask);
  return ::rename(temp.c_str(), destination.c_str()) == 0 ? 0 : errno;
}

// Writes everything or returns the errno of the first failure (short writes are retried).
int writeAll(int fd, const void *data, size_t size) {
  const auto *p = static_cast<const unsigned char *>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return 0;
}

}  // namespace

void writeFileWhole(const std::string &path, const void *data, size_t size) {
  const std::string destination = destinationOf(path);
  if (!isRegularOrAbsent(destination)) {
    const int fd = ::open(destination.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) throw HostError("cannot write '" + path + "': " + systemError(errno));
    int err = writeAll(fd, data, size);
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err != 0) throw HostError("cannot write '" + path + "': " + systemError(err));
    return;
  }
  std::string temp;
  const int fd = createTempBeside(destination, path, &temp);
  int err = writeAll(fd, data, size);
  // fsync: a full disk can also show itself only when the data is flushed.
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0) err = publish(temp, destination);
  if (err != 0) {
    ::unlink(temp.c_str());
    throw HostError("cannot write '" + path + "': " + systemError(err));
  }
}

PendingFile::PendingFile(const std::string &path) : path_(path), destination_(destinationOf(path)) {
  if (!isRegularOrAbsent(destination_)) {
    inPlace_ = true;
    writePath_ = destination_;
    return;
  }
  ::close(createTempBeside(destination_, path, &writePath_));  // the writer opens it by name
}

PendingFile::~PendingFile() {
  if (!inPlace_ && !committed_) ::unlink(writePath_.c_str());
}

void PendingFile::commit() {
  if (inPlace_) return;
  const int err = publish(writePath_, destination_);
  if (err != 0) throw HostError("cannot write '" + path_ + "': " + systemError(err));
  committed_ = true;
}

}  // namespace ofxhost
