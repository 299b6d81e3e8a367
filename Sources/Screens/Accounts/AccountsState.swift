import Domain
import Foundation
import TerminalUI

/// The accounts screen (账户): the account table, search, an account's meters, the open form and closing.
public struct AccountsState: Sendable, Hashable {
  /// The accounts matching `search`, as the services found them.
  public internal(set) var rows: [AccountRow]
  /// Index into `rows` of the selected account.
  public internal(set) var selected: Int
  /// The search text (shop, tenant, meter, phone).
  public internal(set) var search: FormField
  /// True while the search line has the keys.
  public internal(set) var searching: Bool
  /// The step the screen is at.
  public internal(set) var phase: AccountsPhase
  /// The open-account form's text fields (all but `.pay`).
  public internal(set) var fields: [AccountField: FormField]
  /// The focused form field.
  public internal(set) var focus: AccountField
  /// Index into `PayMethod.allCases` for the first recharge.
  public internal(set) var payIndex: Int
  /// The logged-in operator's role (decides what may be done and whether a supervisor must approve).
  public internal(set) var role: Role?
  /// The approving supervisor's name.
  public internal(set) var supervisorName: FormField
  /// The approving supervisor's password.
  public internal(set) var supervisorPassword: FormField
  /// True when the password field of the approval dialog has the keys.
  public internal(set) var approvalOnPassword: Bool
  /// A problem or refusal to show (form, dialog or list), until the next edit.
  public internal(set) var problem: AccountProblem?
  /// The last success to show on the list.
  public internal(set) var notice: AccountNotice?
  /// True once the first list arrived.
  public internal(set) var loaded: Bool
  /// True while an opening (not a closing) waits for the services.
  public internal(set) var submittingOpen: Bool
  /// The new kiosk query password.
  public internal(set) var queryPassword = FormField(label: "", secure: true)
  /// The query password typed again.
  public internal(set) var queryRepeat = FormField(label: "", secure: true)

  /// An empty accounts screen for an operator of `role`.
  public init(role: Role?) {
    rows = []
    selected = 0
    search = FormField(label: "")
    search.maxLength = 32
    searching = false
    phase = .list
    fields = [:]
    focus = .tenant
    payIndex = 0
    self.role = role
    supervisorName = FormField(label: "")
    supervisorName.maxLength = 32
    supervisorPassword = FormField(label: "", secure: true)
    supervisorPassword.maxLength = 64
    approvalOnPassword = false
    problem = nil
    notice = nil
    loaded = false
    submittingOpen = false
    clearForm()
  }

  /// The selected account.
  public var account: AccountRow? { rows.indices.contains(selected) ? rows[selected] : nil }

  /// The text of a form field.
  public func text(_ field: AccountField) -> String { fields[field]?.value ?? "" }

  /// The meter numbers typed (split on spaces, commas and the Chinese comma).
  public var meterNumbers: [String] {
    text(.meters).split(whereSeparator: { " ,，、;".contains($0) }).map(String.init)
  }

  /// The first recharge's payment method.
  public var pay: PayMethod { PayMethod.allCases[min(max(0, payIndex), PayMethod.allCases.count - 1)] }

  /// The first recharge typed, nil when empty, or why it is refused.
  public var recharge: Result<Money?, SaleAmountProblem> {
    let typed = text(.recharge).trimmingCharacters(in: .whitespaces)
    guard !typed.isEmpty else { return .success(nil) }
    return SaleValidation.check(typed, allowed: nil).map { $0 }
  }

  /// True when closing needs a supervisor's approval (the operator lacks `.closeAccount`).
  public var needsApproval: Bool { !(role?.allows(.closeAccount) ?? false) }

  /// True when the screen uses Esc itself (search, meters, form, dialogs).
  public var capturesEscape: Bool { searching || phase != .list }

  /// True when the screen takes typed characters.
  public var acceptsText: Bool {
    if case .queryPassword = phase { return true }
    return searching || phase == .opening || phase == .approving
  }

  mutating func clearForm() {
    let limits: [AccountField: Int] = [.tenant: 32, .phone: 20, .shop: 32, .meters: 120, .recharge: 12]
    for (field, limit) in limits {
      var form = FormField(label: "")
      form.maxLength = limit
      fields[field] = form
    }
    focus = .tenant
    payIndex = 0
  }
}

/// Why the accounts screen refuses something, or what the services said.
public enum AccountProblem: Sendable, Hashable {
  /// A required form field is empty.
  case missing(AccountField)
  /// The first recharge is not a valid amount.
  case amount(SaleAmountProblem)
  /// The operator may not open accounts.
  case notAllowed
  /// The approval dialog was left without approving.
  case approvalCancelled
  /// Name or password missing in the approval dialog.
  case credentialsMissing
  /// The account is already closed.
  case alreadyClosed
  /// The two query passwords differ.
  case passwordsDiffer
  /// The services refused, with their reason.
  case refused(String)
}

/// A success the list shows.
public enum AccountNotice: Sendable, Hashable {
  /// An account was opened (with its first recharge bill, if any).
  case opened(account: String, firstSale: Int64?)
  /// An account was closed with this many settlements queued.
  case closed(account: String, settlements: Int)
  /// The account's kiosk query password was set.
  case queryPasswordSet(account: String)
}
