/// What a bus scan found at one Modbus address (调试).
public enum ScanState: String, Sendable, Hashable, CaseIterable {
  /// 已配置在线: a meter is configured here and answers with its number.
  case configuredAnswering
  /// 已配置无应答: a meter is configured here but nothing answers.
  case configuredSilent
  /// 未配置有应答: something answers where no meter is configured.
  case answeringNotConfigured
  /// 地址错: the meter answering has another number than the one configured.
  case wrongMeter
}

/// One address of a bus scan.
public struct ScanRow: Sendable, Hashable {
  /// The Modbus unit address (1–247).
  public var address: Int
  /// What was found.
  public var state: ScanState
  /// The meter number read from the device, nil when nothing answered.
  public var meter: String?
  /// The meter number configured at this address, nil when none is.
  public var configuredMeter: String?

  /// A scan result.
  public init(address: Int, state: ScanState, meter: String?, configuredMeter: String?) {
    self.address = address
    self.state = state
    self.meter = meter
    self.configuredMeter = configuredMeter
  }
}

/// One holding or input register read raw from a meter.
public struct RegisterRow: Sendable, Hashable {
  /// The register address.
  public var address: Int
  /// The 16-bit value.
  public var value: UInt16

  /// A register value.
  public init(address: Int, value: UInt16) {
    self.address = address
    self.value = value
  }
}
