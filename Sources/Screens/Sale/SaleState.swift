import Domain
import Foundation
import TerminalUI

/// The sale window: the tenant's meters, the amount, the payment method and the sale in progress.
public struct SaleState: Sendable, Hashable {
  /// The account's meters (the one F2 was pressed on first).
  public internal(set) var meters: [GridMeter]
  /// Index into `meters` of the meter being sold to.
  public internal(set) var selected: Int
  /// The amount in yuan as typed.
  public internal(set) var amountField: FormField
  /// Index into `PayMethod.allCases`.
  public internal(set) var payIndex: Int
  /// The focused part of the form.
  public internal(set) var focus: SaleFocus
  /// The step the window is at.
  public internal(set) var phase: SalePhase
  /// The site's hoarding cap (最大囤积金额), when known.
  public internal(set) var hoardingCap: Money?
  /// The recorded sale, once the services answered.
  public internal(set) var receipt: SaleReceipt?
  /// The delivery progress of `receipt`.
  public internal(set) var progress: SaleProgress?
  /// The receipt printing outcome of `receipt`.
  public internal(set) var printing: ReceiptOutcome?
  /// Shows the amount's problem (after an edit or Enter; not on an untouched field).
  public internal(set) var showProblem: Bool
  /// Why the services refused the last sale, shown under the amount until the next edit.
  public internal(set) var refusal: String?
  /// The time ages are measured against.
  public internal(set) var now: Date
  /// Sale, refund or reversal.
  public internal(set) var mode: SaleMode
  /// The logged-in operator's role (decides whether a supervisor must approve).
  public internal(set) var role: Role?
  /// The selected meter's delivered sales, newest first, for reversal.
  public internal(set) var recent: [RecentSale]
  /// Index into `recent` of the bill to reverse.
  public internal(set) var billIndex: Int
  /// The approving supervisor's name.
  public internal(set) var supervisorName: FormField
  /// The approving supervisor's password.
  public internal(set) var supervisorPassword: FormField
  /// True when the password field of the approval dialog has the keys.
  public internal(set) var approvalOnPassword: Bool
  /// Why a refund or reversal was refused before reaching the services.
  public internal(set) var approvalProblem: SaleApprovalProblem?

  /// A sale window on `meters` (the first is selected), with an empty amount and cash.
  public init(meters: [GridMeter], hoardingCap: Money?, now: Date, role: Role? = nil) {
    mode = .sale
    self.role = role
    recent = []
    billIndex = 0
    supervisorName = FormField(label: "")
    supervisorName.maxLength = 32
    supervisorPassword = FormField(label: "", secure: true)
    supervisorPassword.maxLength = 64
    approvalOnPassword = false
    approvalProblem = nil
    self.meters = meters
    selected = 0
    amountField = FormField(label: "")
    amountField.maxLength = 12
    payIndex = 0
    focus = .amount
    phase = .editing
    self.hoardingCap = hoardingCap
    receipt = nil
    progress = nil
    printing = nil
    refusal = nil
    showProblem = false
    self.now = now
  }

  /// The meter being sold to.
  public var meter: GridMeter? { meters.indices.contains(selected) ? meters[selected] : nil }

  /// The payment method picked.
  public var pay: PayMethod { PayMethod.allCases[min(max(0, payIndex), PayMethod.allCases.count - 1)] }

  /// The most that may be sold to the selected meter now (cap minus its remaining amount), when known.
  public var allowed: Money? {
    guard mode == .sale, let cap = hoardingCap, let remaining = meter?.remaining else { return nil }
    return Money(fen: max(0, cap.fen - remaining.fen))
  }

  /// The amount typed, when it is valid.
  public var amount: Money? {
    if case .success(let money) = SaleValidation.check(amountField.value, allowed: allowed) { return money }
    return nil
  }

  /// True when the window uses Esc itself (closing the confirm dialog).
  public var capturesEscape: Bool {
    if case .confirming = phase { return true }
    return phase == .approving
  }

  /// True when the window takes typed characters.
  public var acceptsText: Bool { (phase == .editing && focus == .amount) || phase == .approving }
}
