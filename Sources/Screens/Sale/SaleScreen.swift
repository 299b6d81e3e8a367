import Domain
import Foundation
import TerminalUI

/// The sale window (售电): pick the meter, type the amount, pick the payment, confirm, watch delivery.
public enum SaleScreen {
  /// Applies `action` to `state`; confirming returns `.sell`, a recorded sale `.printReceipt`.
  public static func update(_ state: inout SaleState, _ action: SaleAction) -> [Effect] {
    switch action {
    case .keyPressed(let key):
      return handle(key, &state)
    case .recentSalesLoaded(let meter, let sales):
      guard state.mode == .reversal, state.meter?.meter == meter else { return [] }
      state.recent = sales
      state.billIndex = min(state.billIndex, max(0, sales.count - 1))
    case .saleRecorded(let receipt):
      guard state.phase == .submitting else { return [] }
      state.receipt = receipt
      state.progress = .queued
      state.printing = .printing
      state.phase = .delivering
      return [.printReceipt(bill: receipt.bill)]
    case .saleProgress(let bill, let progress):
      guard state.receipt?.bill == bill else { return [] }
      state.progress = progress
      if case .delivered(let balance?) = progress,
        let index = state.meters.firstIndex(where: {
          $0.meter == state.receipt?.meter
        })
      {
        state.meters[index].remaining = balance
        state.meters[index].readAt = state.now
      }
    case .saleRefused(let reason):
      guard state.phase == .submitting else { return [] }
      state.phase = .editing
      state.refusal = reason
    case .receiptPrinted(let bill, let outcome):
      guard state.receipt?.bill == bill else { return [] }
      state.printing = outcome
    case .metersUpdated(let fresh):
      for meter in fresh {
        guard let index = state.meters.firstIndex(where: { $0.meter == meter.meter }) else { continue }
        // A row read before the balance the delivery reported is stale for the amount.
        if let shown = state.meters[index].readAt, let fresh = meter.readAt, fresh < shown {
          var merged = meter
          merged.remaining = state.meters[index].remaining
          merged.readAt = shown
          state.meters[index] = merged
        } else {
          state.meters[index] = meter
        }
      }
    case .clockTicked(let now):
      state.now = now
    }
    return []
  }

  private static func handle(_ key: Key, _ state: inout SaleState) -> [Effect] {
    switch state.phase {
    case .editing: return editing(key, &state)
    case .confirming(let selected): return confirming(key, selected: selected, &state)
    case .approving: return approving(key, &state)
    case .submitting: return []
    case .delivering: return delivering(key, &state)
    }
  }

  private static func editing(_ key: Key, _ state: inout SaleState) -> [Effect] {
    if let effects = switchMode(key, &state) { return effects }
    if state.mode == .reversal { return reversalEditing(key, &state) }
    switch key {
    case .tab where state.mode == .refund, .backTab where state.mode == .refund: break
    case .tab, .backTab:
      state.focus = state.focus == .amount ? .pay : .amount
    case .up where state.focus == .amount:
      state.selected = max(0, state.selected - 1)
    case .down where state.focus == .amount:
      state.selected = min(max(0, state.meters.count - 1), state.selected + 1)
    case .left where state.focus == .pay, .up where state.focus == .pay:
      state.payIndex = (state.payIndex + PayMethod.allCases.count - 1) % PayMethod.allCases.count
    case .right where state.focus == .pay, .down where state.focus == .pay,
      .character(" ") where state.focus == .pay:
      state.payIndex = (state.payIndex + 1) % PayMethod.allCases.count
    case .character(let c) where state.focus == .pay:
      if let digit = c.wholeNumberValue, digit >= 1, digit <= PayMethod.allCases.count {
        state.payIndex = digit - 1
      }
    case .enter:
      state.showProblem = true
      guard state.amount != nil, state.meter?.account != nil else { return [] }
      state.approvalProblem = nil
      state.phase = .confirming(selected: 0)
    default:
      if state.focus == .amount, state.amountField.handle(key) {
        state.refusal = nil
        state.approvalProblem = nil
        state.showProblem = !state.amountField.value.isEmpty
      }
    }
    return []
  }

  private static func confirming(_ key: Key, selected: Int, _ state: inout SaleState) -> [Effect] {
    switch key {
    case .character("y"), .character("Y"):
      return confirmed(&state)
    case .enter:
      if selected == 0 { return confirmed(&state) }
      state.phase = .editing
    case .character("n"), .character("N"), .escape:
      state.phase = .editing
    case .left, .right, .tab, .backTab:
      state.phase = .confirming(selected: 1 - selected)
    default: break
    }
    return []
  }

  static func submit(_ state: inout SaleState) -> [Effect] {
    guard let meter = state.meter, let amount = state.amount else {
      state.phase = .editing
      return []
    }
    state.phase = .submitting
    return [.sell(meter: meter.meter, amount: amount, pay: state.pay)]
  }

  private static func delivering(_ key: Key, _ state: inout SaleState) -> [Effect] {
    switch key {
    case .character("p"), .character("P"):
      guard let receipt = state.receipt, case .failed? = state.printing else { return [] }
      state.printing = .printing
      return [.printReceipt(bill: receipt.bill)]
    case .enter:
      state.phase = .editing
      state.receipt = nil
      state.progress = nil
      state.printing = nil
      state.showProblem = false
      state.amountField.value = ""
      state.amountField.cursor = 0
    default: break
    }
    return []
  }

  /// Keys this screen understands, for the help overlay.
  public static let help: [HelpEntry] = [
    HelpEntry(keys: "↑ ↓", text: .saleMeter),
    HelpEntry(keys: "0-9 .", text: .saleAmount),
    HelpEntry(keys: "Tab", text: .salePay),
    HelpEntry(keys: "Enter", text: .saleConfirm),
    HelpEntry(keys: "P", text: .salePrint),
    HelpEntry(keys: "R", text: .saleRefund),
    HelpEntry(keys: "V", text: .saleReverse),
    HelpEntry(keys: "Esc", text: .back),
    HelpEntry(keys: "F1 / ?", text: .showHelp),
    HelpEntry(keys: "F10", text: .quit),
  ]
}
