import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The right to acquire for one database: an advisory `flock` on `DB.lock`, released by the
/// kernel the moment the holder dies, so a crashed acquirer never blocks its successor.
public final class AcquisitionLease: Sendable {
  /// Why the lease could not be taken.
  public enum LeaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds it; the text says who (pid, command, since).
    case held(by: String)
    /// The lock file could not be opened.
    case cannotOpen(String)

    /// A short English reason.
    public var description: String {
      switch self {
      case .held(let holder): return "another acquirer holds the database: \(holder)"
      case .cannotOpen(let reason): return "cannot open the lock file: \(reason)"
      }
    }
  }

  private let descriptor: Int32
  /// The lock file's path.
  public let path: String

  /// The lock file beside a database.
  public static func lockPath(database: String) -> String { database + ".lock" }

  /// Takes the lease or throws who holds it; `role` is written into the file for others to read.
  public init(database: String, role: String) throws(LeaseError) {
    path = Self.lockPath(database: database)
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .cannotOpen("\(path): \(String(cString: strerror(errno)))") }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let holder = Self.readHolder(fd) ?? "unknown process"
      close(fd)
      throw .held(by: holder)
    }
    descriptor = fd
    let since = ISO8601DateFormatter().string(from: Date())
    let text = "pid \(getpid()) (\(role)) since \(since)\n"
    _ = ftruncate(fd, 0)
    _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
  }

  /// Who holds the lease on a database now, or nil when nobody does.
  public static func holder(database: String) -> String? {
    let fd = open(lockPath(database: database), O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    if flock(fd, LOCK_SH | LOCK_NB) == 0 {
      _ = flock(fd, LOCK_UN)
      return nil
    }
    return readHolder(fd) ?? "unknown process"
  }

  private static func readHolder(_ fd: Int32) -> String? {
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = pread(fd, &buffer, buffer.count, 0)
    guard count > 0 else { return nil }
    return String(decoding: buffer[..<count], as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  deinit {
    _ = flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
