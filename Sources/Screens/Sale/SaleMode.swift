import Domain
import Foundation

/// What the sale window does: sell (售电), refund an amount (退电) or reverse a bill (冲正).
public enum SaleMode: Sendable, Hashable {
  /// A sale onto the meter.
  case sale
  /// Takes an amount back off the meter (a negative token); needs a supervisor.
  case refund
  /// Cancels a delivered sale of the meter (a negative token); needs a supervisor.
  case reversal

  /// The permission the mode needs, when it needs more than selling.
  public var permission: Permission {
    switch self {
    case .sale: .sell
    case .refund: .refund
    case .reversal: .reverse
    }
  }
}

/// A delivered sale of the meter, offered for reversal (冲正).
public struct RecentSale: Sendable, Hashable {
  /// The bill number.
  public var bill: Int64
  /// The amount sold.
  public var amount: Money
  /// When the sale was recorded.
  public var at: Date

  /// Creates a reversible sale row.
  public init(bill: Int64, amount: Money, at: Date) {
    self.bill = bill
    self.amount = amount
    self.at = at
  }
}

/// A supervisor's credentials typed at the cashier's terminal to approve a refund or reversal.
public struct SaleApproval: Sendable, Hashable {
  /// The supervisor's operator name.
  public var name: String
  /// The supervisor's password.
  public var password: String

  /// Creates the credentials.
  public init(name: String, password: String) {
    self.name = name
    self.password = password
  }
}

/// Why the window refuses a refund or reversal before asking the services.
public enum SaleApprovalProblem: Sendable, Hashable {
  /// The approval dialog was cancelled: the operator may not do this alone.
  case supervisorNeeded
  /// The supervisor's name or password is empty.
  case credentialsMissing
  /// The meter has no delivered sale to reverse.
  case noBill
}
