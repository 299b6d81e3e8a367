#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The site master key file: 64 lower-case hex digits and a newline, mode 0600.
public enum KeyFile: Sendable {
  /// Largest file `load` will read; a key file is 65 bytes.
  static let maximumSize = 4096

  /// Creates a new key file at `path` with a fresh random key and returns that key.
  ///
  /// The file is opened with `O_CREAT | O_EXCL` and mode 0600 (then `fchmod` 0600 regardless of
  /// umask), written, and fsynced, as is its directory. An existing file is never overwritten;
  /// a failed write removes the partial file. File-system failures throw `.badInput` naming the path.
  public static func create(at path: String) throws(CryptoError) -> SiteMasterKey {
    let key = try SiteMasterKey.generate()
    let content = Array((Hex.encode(key.bytes) + "\n").utf8)
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      let code = errno
      if code == EEXIST {
        throw .badInput("key file \(path) already exists; refusing to overwrite it")
      }
      throw .badInput("cannot create key file \(path): \(errorText(code))")
    }
    var completed = false
    defer {
      close(fd)
      if !completed { unlink(path) }
    }
    guard fchmod(fd, 0o600) == 0 else {
      throw .badInput("cannot set mode 0600 on key file \(path): \(errorText(errno))")
    }
    var written = 0
    while written < content.count {
      let result = content.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return -1 }
        return write(fd, base + written, content.count - written)
      }
      if result < 0 {
        let code = errno
        if code == EINTR { continue }
        throw .badInput("cannot write key file \(path): \(errorText(code))")
      }
      written += result
    }
    guard fsync(fd) == 0 else {
      throw .badInput("cannot sync key file \(path): \(errorText(errno))")
    }
    completed = true
    syncDirectory(containing: path)
    return key
  }

  /// Loads the key from `path`, throwing `.badInput` naming the path if it is missing or malformed.
  ///
  /// A file that group or others may access is still loaded, but `warn` is called with a
  /// message naming the path and its mode. The default writes that message to standard error;
  /// pass your own handler (e.g. a logger) from a full-screen terminal UI.
  public static func load(
    from path: String, warn: (String) -> Void = KeyFile.warnOnStandardError
  ) throws(CryptoError) -> SiteMasterKey {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw .badInput("cannot open key file \(path): \(errorText(errno))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw .badInput("cannot stat key file \(path): \(errorText(errno))")
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw .badInput("key file \(path) is not a regular file")
    }
    let permissions = Int(info.st_mode) & 0o777
    if permissions & 0o077 != 0 {
      warn(
        "key file \(path) has mode 0\(String(permissions, radix: 8)); "
          + "it should be 0600 (chmod 600 \(path))")
    }
    var content: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 512)
    while content.count <= maximumSize {
      let count = chunk.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return -1 }
        return read(fd, base, raw.count)
      }
      if count < 0 {
        let code = errno
        if code == EINTR { continue }
        throw .badInput("cannot read key file \(path): \(errorText(code))")
      }
      if count == 0 { break }
      content.append(contentsOf: chunk.prefix(count))
    }
    return try parse(content, path: path)
  }

  /// The default `warn` handler: writes "meterdesk: warning: <message>" to standard error.
  public static func warnOnStandardError(_ message: String) {
    let line = Array("meterdesk: warning: \(message)\n".utf8)
    _ = line.withUnsafeBytes { raw -> Int in
      guard let base = raw.baseAddress else { return 0 }
      return write(2, base, raw.count)
    }
  }

  /// Parses key file content: 64 hex digits, optionally followed by trailing whitespace.
  static func parse(_ content: [UInt8], path: String) throws(CryptoError) -> SiteMasterKey {
    let whitespace: Set<UInt8> = [0x0A, 0x0D, 0x20, 0x09]
    var end = content.count
    while end > 0, whitespace.contains(content[end - 1]) { end -= 1 }
    let text = String(decoding: content.prefix(end), as: UTF8.self)
    guard content.count <= maximumSize, end == SiteMasterKey.length * 2,
      let bytes = Hex.decode(text)
    else {
      throw .badInput(
        "key file \(path) is malformed: expected \(SiteMasterKey.length * 2) hex digits and a newline")
    }
    return try SiteMasterKey(bytes: bytes)
  }

  private static func syncDirectory(containing path: String) {
    let directory: String
    if let slash = path.lastIndex(of: "/") {
      directory = slash == path.startIndex ? "/" : String(path[..<slash])
    } else {
      directory = "."
    }
    let fd = open(directory, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  private static func errorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "errno \(code)" }
    return String(cString: text)
  }
}
