/// An operator's role; it decides what the operator may do (see `Role.permissions`).
public enum Role: String, Sendable, CaseIterable, Codable {
  /// 售电员: the front-desk cashier.
  case cashier
  /// 主管: the supervisor (finance), who approves refunds and reversals.
  case supervisor
  /// 电工: the electrician who commissions buses and meters.
  case electrician
  /// 管理员: the administrator, allowed everything.
  case admin

  /// The Chinese label: 售电员, 主管, 电工 or 管理员.
  public var chineseName: String {
    switch self {
    case .cashier: "售电员"
    case .supervisor: "主管"
    case .electrician: "电工"
    case .admin: "管理员"
    }
  }

  /// The English label: Cashier, Supervisor, Electrician or Admin.
  public var englishName: String {
    switch self {
    case .cashier: "Cashier"
    case .supervisor: "Supervisor"
    case .electrician: "Electrician"
    case .admin: "Admin"
    }
  }
}

extension Role {
  /// What the role may do (C cashier, S supervisor, E electrician, A admin):
  ///
  /// | permission        | C | S | E | A |
  /// |-------------------|---|---|---|---|
  /// | sell              | ✓ | ✓ |   | ✓ |
  /// | refund            |   | ✓ |   | ✓ |
  /// | reverse           |   | ✓ |   | ✓ |
  /// | openAccount       | ✓ | ✓ |   | ✓ |
  /// | closeAccount      |   | ✓ |   | ✓ |
  /// | editAccount       | ✓ | ✓ |   | ✓ |
  /// | reprintReceipt    | ✓ | ✓ |   | ✓ |
  /// | remoteControl     |   | ✓ | ✓ | ✓ |
  /// | downloadSettings  |   | ✓ | ✓ | ✓ |
  /// | readMeters        | ✓ | ✓ | ✓ | ✓ |
  /// | commissionBuses   |   |   | ✓ | ✓ |
  /// | viewReports       | ✓ | ✓ |   | ✓ |
  /// | exportReports     |   | ✓ |   | ✓ |
  /// | manageOperators   |   |   |   | ✓ |
  /// | editSettings      |   |   |   | ✓ |
  /// | importSite        |   |   |   | ✓ |
  /// | viewAuditLog      |   | ✓ |   | ✓ |
  public var permissions: Set<Permission> {
    switch self {
    case .cashier:
      Self.cashierPermissions
    case .supervisor:
      Self.cashierPermissions.union([
        .refund, .reverse, .closeAccount, .remoteControl, .downloadSettings, .exportReports, .viewAuditLog,
      ])
    case .electrician:
      [.readMeters, .commissionBuses, .remoteControl, .downloadSettings]
    case .admin:
      Set(Permission.allCases)
    }
  }

  /// Whether the role may do `p`.
  public func allows(_ p: Permission) -> Bool {
    permissions.contains(p)
  }

  private static let cashierPermissions: Set<Permission> = [
    .sell, .openAccount, .editAccount, .reprintReceipt, .readMeters, .viewReports,
  ]
}
