import ModbusCore
import ModbusTransport
import NIOCore
import Testing

@Suite("Endpoint URLs and error texts")
struct EndpointTests {
  @Test("tcp, rtu+tcp and serial URLs parse and print back")
  func parsesAndPrints() throws {
    #expect(try ModbusEndpoint.parse("tcp://10.0.0.5:502") == .tcp(host: "10.0.0.5", port: 502))
    #expect(try ModbusEndpoint.parse("tcp://gateway.local") == .tcp(host: "gateway.local", port: 502))
    #expect(try ModbusEndpoint.parse("rtu+tcp://10.0.0.6:4001") == .rtuOverTCP(host: "10.0.0.6", port: 4001))
    #expect(try ModbusEndpoint.parse("tcp://[::1]:1502") == .tcp(host: "::1", port: 1502))
    #expect(
      try ModbusEndpoint.parse("serial:///dev/ttyUSB0")
        == .serial(path: "/dev/ttyUSB0", baud: 9600, parity: .none))
    #expect(
      try ModbusEndpoint.parse("serial:///dev/ttyUSB1?baud=19200&parity=e")
        == .serial(path: "/dev/ttyUSB1", baud: 19200, parity: .even))
    for url in [
      "tcp://10.0.0.5:502", "rtu+tcp://10.0.0.6:4001", "tcp://[::1]:1502",
      "serial:///dev/ttyUSB0?baud=9600&parity=N", "serial:///dev/ttyS1?baud=1200&parity=O",
    ] {
      let endpoint = try ModbusEndpoint.parse(url)
      #expect(endpoint.description == url)
      #expect(try ModbusEndpoint.parse(endpoint.description) == endpoint)
    }
  }

  @Test(
    "bad URLs are refused with a reason",
    arguments: [
      ("udp://10.0.0.5:502", "unknown scheme"),
      ("10.0.0.5:502", "expected"),
      ("rtu+tcp://10.0.0.6", "missing port"),
      ("tcp://10.0.0.5:70000", "port must be"),
      ("tcp://:502", "missing host"),
      ("serial://dev/ttyUSB0", "absolute device path"),
      ("serial:///dev/ttyUSB0?baud=9601", "baud must be"),
      ("serial:///dev/ttyUSB0?parity=X", "parity must be"),
      ("serial:///dev/ttyUSB0?stop=2", "unknown setting"),
    ])
  func refusesBadURLs(url: String, reason: String) {
    #expect {
      _ = try ModbusEndpoint.parse(url)
    } throws: { error in
      guard case .badEndpoint(let text) = error as? ModbusTransportError else { return false }
      return text.contains(reason)
    }
  }

  @Test("errors read clearly for an electrician")
  func errorTexts() {
    #expect(ModbusTransportError.timeout(.seconds(1)).description == "no answer within 1000 ms")
    #expect(ModbusTransportError.crc.description == "CRC error in the answer")
    let exception = ModbusTransportError.exception(function: 3, code: .illegalDataAddress)
    #expect(exception.description.hasPrefix("exception 02 illegal data address"))
    #expect(
      ModbusTransportError.connectFailed("10.0.0.5:502: connection refused").description.contains("refused"))
  }
}
