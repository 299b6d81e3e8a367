import Domain
import Foundation
import Screens

/// Sample undelivered entries: one of each state, a Chinese error text and unsorted bills.
enum SampleOutbox {
  static let rows: [OutboxEntryRow] = [
    OutboxEntryRow(
      bill: 1007, kind: .refund, meter: "202401000007", account: "H00007", amount: Money(fen: -5_000),
      state: .failed, attempts: 3, lastError: "电表拒绝：结果码 4（令牌已使用），请核对后作废或重新下发",
      createdAt: SampleSite.now.addingTimeInterval(-3_720), expectedCount: 9),
    OutboxEntryRow(
      bill: 1003, kind: .sale, meter: "202401000003", account: "H00003", amount: Money(fen: 20_000),
      state: .conflict, attempts: 2, lastError: "purchase count 6, expected 5",
      createdAt: SampleSite.now.addingTimeInterval(-180), expectedCount: 5),
    OutboxEntryRow(
      bill: 1011, kind: .sale, meter: "202401000011", account: "H00011", amount: Money(fen: 1_234_500),
      state: .queued, attempts: 0, lastError: nil, createdAt: SampleSite.now.addingTimeInterval(-12),
      expectedCount: 3),
    OutboxEntryRow(
      bill: 1009, kind: .reversal, meter: "202401000009", account: "H00009", amount: Money(fen: -9_900),
      state: .sent, attempts: 1, lastError: "meter 9: timeout",
      createdAt: SampleSite.now.addingTimeInterval(-45),
      expectedCount: 12),
  ]

  static let freshRead = OutboxFreshRead(
    purchaseCount: 6, remaining: Money(fen: 22_500), at: SampleSite.now.addingTimeInterval(-5))
}
