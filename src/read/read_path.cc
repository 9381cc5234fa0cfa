// ReadPath: files, folders and standard input, plain or compressed, to the
// per-format readers. Input streams through a bounded buffer: text and HTML
// stop reading past the article limit, JSON Lines go line by line.
#include <archive.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "read/read_internal.h"
#include "sitrep/read.h"

namespace sitrep {

namespace fs = std::filesystem;
using read_internal::ReportSkipped;

namespace {

constexpr size_t kChunkBytes = 64 * 1024;

// Bytes from somewhere; Read returns 0 at the end.
class Source {
 public:
  virtual ~Source() = default;
  virtual Result<size_t> Read(char* buffer, size_t size) = 0;
};

// A file or stdin, with bytes already peeked at served first.
class FileSource final : public Source {
 public:
  FileSource(std::FILE* file, bool owned) : file_(file), owned_(owned) {}
  ~FileSource() override {
    if (owned_) std::fclose(file_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> Read(char* buffer, size_t size) override {
    if (peeked_pos_ < peeked_.size()) {
      const size_t n = std::min(size, peeked_.size() - peeked_pos_);
      std::memcpy(buffer, peeked_.data() + peeked_pos_, n);
      peeked_pos_ += n;
      return n;
    }
    const size_t n = std::fread(buffer, 1, size, file_);
    if (n == 0 && std::ferror(file_)) {
      return MakeError(ErrorCode::kIo, std::string("read failed: ") + std::strerror(errno));
    }
    return n;
  }

  // Reads up to `size` bytes ahead; later Reads return them again.
  Result<std::string_view> Peek(size_t size) {
    std::string bytes(size, '\0');
    size_t got = 0;
    while (got < size) {
      auto n = Read(bytes.data() + got, size - got);
      if (!n) return tl::unexpected(n.error());
      if (*n == 0) break;
      got += *n;
    }
    bytes.resize(got);
    peeked_ = std::move(bytes);
    peeked_pos_ = 0;
    return std::string_view(peeked_);
  }

 private:
  std::FILE* file_;
  bool owned_;
  std::string peeked_;
  size_t peeked_pos_ = 0;
};

// Decompresses another source with libarchive (gzip, bzip2, xz, zstd): the
// "raw" format reads a compressed stream that is not an archive.
class DecompressingSource final : public Source {
 public:
  static Result<std::unique_ptr<DecompressingSource>> Open(std::unique_ptr<Source> inner) {
    auto source = std::unique_ptr<DecompressingSource>(new DecompressingSource(std::move(inner)));
    archive* a = source->archive_;
    if (a == nullptr) return MakeError(ErrorCode::kInternal, "libarchive: out of memory");
    archive_read_support_filter_all(a);
    archive_read_support_format_raw(a);
    if (archive_read_open(a, source.get(), nullptr, &DecompressingSource::ReadCallback, nullptr) !=
        ARCHIVE_OK) {
      return MakeError(ErrorCode::kInvalidInput, source->ErrorText());
    }
    archive_entry* entry = nullptr;
    if (archive_read_next_header(a, &entry) != ARCHIVE_OK) {
      return MakeError(ErrorCode::kInvalidInput, source->ErrorText());
    }
    return source;
  }

  ~DecompressingSource() override { archive_read_free(archive_); }
  DecompressingSource(const DecompressingSource&) = delete;
  DecompressingSource& operator=(const DecompressingSource&) = delete;

  Result<size_t> Read(char* buffer, size_t size) override {
    const la_ssize_t n = archive_read_data(archive_, buffer, size);
    if (n < 0) return MakeError(ErrorCode::kInvalidInput, ErrorText());
    return static_cast<size_t>(n);
  }

 private:
  explicit DecompressingSource(std::unique_ptr<Source> inner)
      : inner_(std::move(inner)), archive_(archive_read_new()), buffer_(kChunkBytes) {}

  static la_ssize_t ReadCallback(archive* a, void* client, const void** block) {
    auto* self = static_cast<DecompressingSource*>(client);
    auto n = self->inner_->Read(self->buffer_.data(), self->buffer_.size());
    if (!n) {
      archive_set_error(a, EIO, "%s", n.error().message.c_str());
      return -1;
    }
    *block = self->buffer_.data();
    return static_cast<la_ssize_t>(*n);
  }

  std::string ErrorText() const {
    const char* text = archive_error_string(archive_);
    return std::string("cannot decompress: ") + (text ? text : "unknown error");
  }

  std::unique_ptr<Source> inner_;
  archive* archive_;
  std::vector<char> buffer_;
};

bool IsCompressed(std::string_view magic) {
  return magic.starts_with("\x1F\x8B") ||  // gzip
         magic.starts_with("BZh") ||       // bzip2
         magic.starts_with(std::string_view("\xFD"
                                            "7zXZ\0",
                                            6)) ||  // xz
         magic.starts_with("\x28\xB5\x2F\xFD");     // zstd
}

// Reads until `size` bytes or the end; `out` holds what was read.
Status ReadUpTo(Source& source, size_t size, std::string& out) {
  const size_t start = out.size();
  out.resize(start + size);
  size_t got = 0;
  while (got < size) {
    auto n = source.Read(out.data() + start + got, size - got);
    if (!n) {
      out.resize(start + got);
      return tl::unexpected(n.error());
    }
    if (*n == 0) break;
    got += *n;
  }
  out.resize(start + got);
  return {};
}

// One input, already open: decompress if needed, choose the format, read.
void ReadOpened(std::unique_ptr<FileSource> file, const std::string& origin, const std::string& id,
                InputFormat extension_format, const ReadOptions& options, DiagnosticSink& sink,
                const ArticleCallback& on_article) {
  auto magic = file->Peek(6);
  if (!magic) {
    ReportSkipped(sink, origin, magic.error().message);
    return;
  }
  std::unique_ptr<Source> source;
  if (IsCompressed(*magic)) {
    auto opened = DecompressingSource::Open(std::move(file));
    if (!opened) {
      ReportSkipped(sink, origin, opened.error().message);
      return;
    }
    source = std::move(*opened);
  } else {
    source = std::move(file);
  }

  std::string head;
  if (auto s = ReadUpTo(*source, read_internal::kBinarySniffBytes, head); !s) {
    ReportSkipped(sink, origin, s.error().message);
    return;
  }
  InputFormat format = options.format != InputFormat::kAuto ? options.format : extension_format;
  if (format == InputFormat::kAuto) {
    // Unknown names are read only when their content looks like text.
    if (const auto nul = read_internal::FindNulInHead(head)) {
      ReportSkipped(sink, origin, "binary data (NUL byte at byte " + std::to_string(*nul) + ")");
      return;
    }
    format = SniffFormat(head);
  }

  if (format == InputFormat::kJsonl) {
    read_internal::JsonlReader reader(origin, options, sink, on_article);
    reader.Feed(head);
    std::string chunk;
    for (;;) {
      chunk.clear();
      if (auto s = ReadUpTo(*source, kChunkBytes, chunk); !s) {
        ReportSkipped(sink, origin, s.error().message);
        break;
      }
      if (chunk.empty()) break;
      reader.Feed(chunk);
    }
    reader.Finish();
    return;
  }

  // Text and HTML are whole articles: read one byte past the limit to know
  // it is exceeded without reading the rest.
  std::string content = std::move(head);
  const size_t limit = options.max_article_bytes;
  if (content.size() <= limit) {
    const size_t want = limit - content.size() + 1;
    if (auto s = ReadUpTo(*source, want, content); !s) {
      ReportSkipped(sink, origin, s.error().message);
      return;
    }
  }
  if (content.size() > limit) {
    ReportSkipped(sink, origin, "larger than the limit of " + std::to_string(limit) + " bytes");
    return;
  }
  if (format == InputFormat::kHtml) {
    read_internal::ReadHtmlAs(content, origin, id, options, sink, on_article);
  } else {
    read_internal::ReadTextAs(content, origin, id, options, sink, on_article);
  }
}

Result<std::unique_ptr<FileSource>> OpenFile(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    const int err = errno;
    return MakeError(err == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                     path + ": " + std::strerror(err));
  }
  return std::make_unique<FileSource>(file, /*owned=*/true);
}

InputFormat ExtensionFormat(const std::string& path) {
  return read_internal::FormatForExtension(read_internal::FormatExtensionOf(path));
}

// Files under `root`, hidden ones (and hidden folders) left out, sorted by
// their path relative to `root`.
std::vector<fs::path> ListFiles(const fs::path& root, DiagnosticSink& sink) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  const fs::recursive_directory_iterator end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type_ec;
    if (name.starts_with(".")) {
      if (it->is_directory(type_ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(type_ec)) files.push_back(it->path());
  }
  if (ec) ReportSkipped(sink, root.string(), "cannot list folder: " + ec.message());
  std::sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) {
    return a.lexically_relative(root).generic_string() <
           b.lexically_relative(root).generic_string();
  });
  return files;
}

}  // namespace

InputFormat SniffFormat(std::string_view content) {
  content = read_internal::StripBom(content);
  const size_t first = content.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos) return InputFormat::kText;
  if (content[first] == '<') return InputFormat::kHtml;
  if (content[first] == '{') return InputFormat::kJsonl;
  return InputFormat::kText;
}

Status ReadPath(const std::string& path, const ReadOptions& options, DiagnosticSink& sink,
                const ArticleCallback& on_article) {
  if (path == "-") {
    ReadOpened(std::make_unique<FileSource>(stdin, /*owned=*/false), "<stdin>", "<stdin>",
               InputFormat::kAuto, options, sink, on_article);
    return {};
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) {
    return MakeError(ErrorCode::kNotFound, path + ": no such file or folder");
  }
  if (ec) return MakeError(ErrorCode::kIo, path + ": " + ec.message());

  if (fs::is_directory(status)) {
    const fs::path root(path);
    for (const fs::path& file : ListFiles(root, sink)) {
      const std::string origin = file.string();
      auto opened = OpenFile(origin);
      if (!opened) {
        ReportSkipped(sink, origin, opened.error().message);
        continue;
      }
      ReadOpened(std::move(*opened), origin, file.lexically_relative(root).generic_string(),
                 ExtensionFormat(origin), options, sink, on_article);
    }
    return {};
  }

  auto opened = OpenFile(path);
  if (!opened) return tl::unexpected(opened.error());
  ReadOpened(std::move(*opened), path, read_internal::StemOf(path), ExtensionFormat(path), options,
             sink, on_article);
  return {};
}

}  // namespace sitrep
