import Foundation
import ModbusCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What came back for one request on a raw connection.
enum RawAnswer: Equatable {
  /// A well-formed answer.
  case response(ModbusResponse)
  /// An RTU answer whose CRC does not match.
  case badCRC
  /// Nothing (or not enough) within the timeout.
  case none
  /// The server closed the connection.
  case closed
}

/// A blocking TCP connection to a simulated bus, framing requests itself, for exact timing and for
/// sending garbage. Closed when released.
final class RawConnection {
  private let fd: Int32
  private var pending: [UInt8] = []
  private var nextTransaction: UInt16 = 1

  /// Connects to 127.0.0.1:`port`.
  init(port: Int) throws {
    #if canImport(Glibc)
      fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw RawError("socket failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else {
      let code = errno
      close(fd)
      throw RawError("connect to \(port) failed: errno \(code)")
    }
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
  }

  deinit { close(fd) }

  /// Writes bytes.
  func send(_ bytes: [UInt8]) throws {
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { raw in
        Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
      }
      guard count > 0 else { throw RawError("send failed: errno \(errno)") }
      sent += count
    }
  }

  /// Reads until `complete` says the buffered bytes hold a whole answer, the timeout passes, or the
  /// peer closes; returns the bytes taken (nil on timeout, empty on close).
  func receive(timeout: Double, complete: ([UInt8]) -> Int?) -> [UInt8]? {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let length = complete(pending), pending.count >= length {
        let frame = Array(pending.prefix(length))
        pending.removeFirst(length)
        return frame
      }
      let left = deadline.timeIntervalSinceNow
      guard left > 0 else { return nil }
      var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, Int32(max(1, left * 1000)))
      if ready <= 0 { continue }
      var chunk = [UInt8](repeating: 0, count: 1024)
      let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count <= 0 { return [] }
      pending.append(contentsOf: chunk.prefix(count))
    }
  }

  /// Sends `request` as Modbus TCP and waits for its answer.
  func mbap(_ request: ModbusRequest, unit: UInt8, timeout: Double = 2) throws -> RawAnswer {
    let transaction = nextTransaction
    nextTransaction &+= 1
    try send(MBAPFramer.encode(transaction: transaction, unit: unit, pdu: request.encodePDU()))
    guard
      let bytes = receive(
        timeout: timeout,
        complete: { buffer in
          guard buffer.count >= 6 else { return nil }
          return 6 + Int(UInt16(buffer[4]) << 8 | UInt16(buffer[5]))
        })
    else { return .none }
    guard !bytes.isEmpty else { return .closed }
    var decoder = MBAPDecoder()
    decoder.feed(bytes)
    guard case .frame(let frame) = decoder.next() else { return .none }
    return .response(try ModbusResponse.decodePDU(frame.pdu[...], for: request))
  }

  /// Sends `request` as an RTU frame and waits for its answer, checking the CRC.
  func rtu(_ request: ModbusRequest, unit: UInt8, timeout: Double = 2) throws -> RawAnswer {
    try send(RTUFramer.encode(unit: unit, pdu: request.encodePDU()))
    let normal = RTUFrameSizes.responseBytes(for: request) ?? 5
    guard
      let bytes = receive(
        timeout: timeout,
        complete: { buffer in
          guard buffer.count >= 2 else { return nil }
          return buffer[1] & 0x80 != 0 ? RTUFrameSizes.exceptionResponseBytes : normal
        })
    else { return .none }
    guard !bytes.isEmpty else { return .closed }
    let body = bytes.dropLast(2)
    let crc = UInt16(bytes[bytes.count - 2]) | UInt16(bytes[bytes.count - 1]) << 8
    guard CRC16.modbus(body) == crc else { return .badCRC }
    return .response(try ModbusResponse.decodePDU(body.dropFirst(), for: request))
  }
}

/// A raw connection failure.
struct RawError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

extension RawAnswer {
  /// The registers of a read answer, or nil.
  var registers: [UInt16]? {
    if case .response(.registers(let values)) = self { return values }
    return nil
  }

  /// The exception code of an exception answer, or nil.
  var exceptionCode: ExceptionCode? {
    if case .response(.exception(_, let code)) = self { return code }
    return nil
  }
}

/// A TCP socket listening on a kernel-chosen loopback port, to make a port busy.
final class RawListener {
  private let fd: Int32
  /// The port it holds.
  let port: Int

  init() throws {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 4) == 0 else {
      close(fd)
      throw RawError("cannot listen")
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    self.fd = fd
    port = Int(UInt16(bigEndian: actual.sin_port))
  }

  deinit { close(fd) }
}
