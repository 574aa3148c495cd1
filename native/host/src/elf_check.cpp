// elf_check.cpp — see elf_check.hpp.
#include "elf_check.hpp"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <vector>

namespace ofxhost {

namespace {

template <class Ehdr, class Phdr>
bool checkHeaders(std::ifstream &in, unsigned long long size, std::string *why) {
  Ehdr eh;
  in.seekg(0);
  if (!in.read(reinterpret_cast<char *>(&eh), sizeof eh)) {
    *why = "truncated ELF file (" + std::to_string(size) + " bytes, shorter than its header)";
    return false;
  }
  const unsigned long long phEnd = static_cast<unsigned long long>(eh.e_phoff) +
                                   static_cast<unsigned long long>(eh.e_phnum) * eh.e_phentsize;
  if (eh.e_phentsize != sizeof(Phdr) || phEnd > size) {
    *why = "truncated or damaged ELF file (program headers end at byte " + std::to_string(phEnd) + ", the file has " +
           std::to_string(size) + ")";
    return false;
  }
  for (unsigned i = 0; i < eh.e_phnum; ++i) {
    Phdr ph;
    in.seekg(static_cast<std::streamoff>(eh.e_phoff + static_cast<unsigned long long>(i) * sizeof(Phdr)));
    if (!in.read(reinterpret_cast<char *>(&ph), sizeof ph)) {
      *why = "cannot read the ELF program headers";
      return false;
    }
    const unsigned long long end = static_cast<unsigned long long>(ph.p_offset) + ph.p_filesz;
    if (ph.p_type == PT_LOAD && end > size) {
      *why = "truncated ELF file (a loadable segment ends at byte " + std::to_string(end) + ", the file has " +
             std::to_string(size) + ")";
      return false;
    }
  }
  return true;
}

}  // namespace

bool elfIsComplete(const std::string &path, std::string *why) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return true;  // dlopen says why it cannot open the file
  const auto size = static_cast<unsigned long long>(in.tellg());
  unsigned char ident[EI_NIDENT] = {};
  in.seekg(0);
  if (!in.read(reinterpret_cast<char *>(ident), EI_NIDENT) || std::memcmp(ident, ELFMAG, SELFMAG) != 0) {
    if (size < EI_NIDENT && size >= SELFMAG && std::memcmp(ident, ELFMAG, SELFMAG) == 0) {
      *why = "truncated ELF file (" + std::to_string(size) + " bytes)";
      return false;
    }
    return true;  // not ELF: dlopen reports "invalid ELF header"
  }
  if (ident[EI_CLASS] == ELFCLASS64) return checkHeaders<Elf64_Ehdr, Elf64_Phdr>(in, size, why);
  if (ident[EI_CLASS] == ELFCLASS32) return checkHeaders<Elf32_Ehdr, Elf32_Phdr>(in, size, why);
  return true;
}

}  // namespace ofxhost
