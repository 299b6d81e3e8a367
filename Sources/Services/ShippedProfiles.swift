/// Names of the meter profiles MeterDesk ships.
///
/// Until the profile catalog loads profile files, a site may only use these names.
public enum ShippedProfiles {
  /// Acrel DDSY1352 single-phase prepaid meter, and the ADF400L single-phase user.
  public static let names: Set<String> = ["acrel-ddsy1352", "acrel-adf400l-1p"]
}
