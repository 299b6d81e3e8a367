import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Free TCP ports on 127.0.0.1, for servers that must be told their port (cupsd).
public enum FreePort {
  /// A port the kernel reports free now: bind port 0, read the port, close. Another process could take it
  /// before the server binds it, so callers retry with a new port when the server fails to start.
  public static func pick() throws -> UInt16 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw ListenerError.system("socket", errno) }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ok = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
      }
    }
    guard ok else { throw ListenerError.system("bind", errno) }
    return UInt16(bigEndian: address.sin_port)
  }
}
