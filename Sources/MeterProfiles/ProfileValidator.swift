/// Cross-checks of a parsed profile: the register areas it writes or identifies must not collide.
struct ProfileValidator {
  let profile: MeterProfile
  let root: TableReader

  /// One named register area and the key that defines it.
  private struct Area {
    var key: [String]
    var addresses: Range<Int>
    var isCommand = false
    var isRecharge = false
  }

  func validate() throws(ProfileError) {
    var areas: [Area] = []
    areas.append(Area(key: ["identity", "meter_number"], addresses: profile.identity.meterNumberAddresses))
    for field in profile.fields {
      areas.append(Area(key: ["fields", field.name.rawValue, "register"], addresses: field.addresses))
    }
    for name in SettingName.allCases {
      guard let spec = profile.settings[name] else { continue }
      areas.append(Area(key: ["settings", name.rawValue, "register"], addresses: spec.addresses))
    }
    for command in RemoteCommand.allCases {
      guard let write = profile.commands[command] else { continue }
      areas.append(
        Area(key: ["commands", command.rawValue, "register"], addresses: write.addresses, isCommand: true))
    }
    if let table = profile.timeOfUse {
      areas.append(Area(key: ["tou", "register"], addresses: table.addresses))
    }
    let recharge = profile.recharge
    areas.append(Area(key: ["recharge", "register"], addresses: recharge.addresses, isRecharge: true))
    let result = Int(recharge.resultRegister)
    areas.append(
      Area(key: ["recharge", "result_register"], addresses: result..<result + 1, isRecharge: true))

    for (index, area) in areas.enumerated() {
      for earlier in areas[..<index] where earlier.addresses.overlaps(area.addresses) {
        if earlier.isCommand && area.isCommand { continue }
        throw error(area, "\(hexRange(area.addresses)) overlaps \(earlier.key.joined(separator: "."))")
      }
      guard area.isRecharge else { continue }
      if let block = profile.pollBlocks.first(where: { $0.addresses.overlaps(area.addresses) }) {
        throw error(area, "\(hexRange(area.addresses)) overlaps poll block \"\(block.name)\"")
      }
    }
  }

  private func error(_ area: Area, _ message: String) -> ProfileError {
    var path = TOMLKeyPath()
    for name in area.key { path = path.appending(name) }
    return ProfileError(
      file: root.file, key: path.description, message: message, line: root.locator.line(of: path))
  }
}
