/// Strings of the bus view.
public enum BusText: LocalizedText {
  case colBus, colFraming, colEndpoint, colMeters, colOnline, colOffline, colRequests, colTimeouts
  case colCRC, colExceptions, colP50, colP90, colP99, colState, colLastError
  case up, down, framingTCP, framingRTUOverTCP, framingRTU
  case summary, traceTitle, traceHint, traceWaiting, loading, empty, openHint

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .colBus: ("总线", "Bus")
    case .colFraming: ("方式", "Framing")
    case .colEndpoint: ("端点", "Endpoint")
    case .colMeters: ("表数", "Mtrs")
    case .colOnline: ("在线", "On")
    case .colOffline: ("失联", "Off")
    case .colRequests: ("请求", "Requests")
    case .colTimeouts: ("超时", "Tmout")
    case .colCRC: ("CRC", "CRC")
    case .colExceptions: ("异常", "Exc")
    case .colP50: ("P50ms", "P50ms")
    case .colP90: ("P90ms", "P90ms")
    case .colP99: ("P99ms", "P99ms")
    case .colState: ("状态", "Link")
    case .colLastError: ("最近错误", "Last error")
    case .up: ("正常", "up")
    case .down: ("断开", "down")
    case .framingTCP: ("Modbus TCP", "Modbus TCP")
    case .framingRTUOverTCP: ("RTU over TCP", "RTU over TCP")
    case .framingRTU: ("串口 RTU", "Serial RTU")
    case .summary: ("总线 {0} · 电表 {1} · 在线 {2} · 失联 {3}", "{0} buses · {1} meters · {2} online · {3} offline")
    case .traceTitle: ("总线 {0} 实时报文", "Bus {0} live frames")
    case .traceHint: ("Esc 关闭", "Esc closes")
    case .traceWaiting: ("等待报文…", "Waiting for frames…")
    case .loading: ("正在加载总线…", "Loading buses…")
    case .empty: ("没有总线", "No buses")
    case .openHint: ("Enter 查看报文 · F5 刷新", "Enter: frames · F5: refresh")
    }
  }
}
