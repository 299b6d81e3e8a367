import Domain

extension SaleState {
  /// True when the mode needs a permission the logged-in operator lacks (a supervisor must approve).
  public var needsApproval: Bool {
    mode != .sale && !(role?.allows(mode.permission) ?? false)
  }

  /// The bill picked for reversal.
  public var reversalBill: RecentSale? {
    recent.indices.contains(billIndex) ? recent[billIndex] : nil
  }
}
