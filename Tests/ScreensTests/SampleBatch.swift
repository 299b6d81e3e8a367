import Domain
import Foundation
import Screens

/// Sample batch previews, progress, results and jobs on the sample site.
enum SampleBatch {
  static let tripPreview = BatchPreviewModel(
    operation: .trip, meters: 2, skipped: [BatchSkip(meter: "202401000007", reason: "保电中，先恢复预付费")],
    writes: ["继电器 断开（拉闸）"], needsApproval: true)

  static let pricePreview = BatchPreviewModel(
    operation: .price, meters: 11, skipped: [BatchSkip(meter: "202401000012", reason: "失联 2 天，未下发")],
    writes: ["尖 1.3500 元/kWh", "峰 1.1000 元/kWh", "平 0.8500 元/kWh", "谷 0.4200 元/kWh"],
    needsApproval: false)

  static let progress = BatchProgressModel(
    job: 42, operation: .price, total: 12, done: 6, failed: 2, skipped: 1,
    perBus: [
      BatchBusProgress(bus: "B01", done: 4, failed: 0, left: 0),
      BatchBusProgress(bus: "B02", done: 0, failed: 1, left: 0),
      BatchBusProgress(bus: "B03", done: 2, failed: 1, left: 3),
    ],
    current: "202401000009", secondsLeft: 75, finished: false)

  static let results: [BatchResultRow] = [
    BatchResultRow(meter: "202401000001", bus: "B01", status: .done),
    BatchResultRow(meter: "202401000002", bus: "B01", status: .done),
    BatchResultRow(meter: "202401000005", bus: "B02", status: .failed, reason: "超时 1000 ms"),
    BatchResultRow(meter: "202401000006", bus: "B02", status: .skipped, reason: "失联"),
    BatchResultRow(meter: "202401000007", bus: "B03", status: .failed, reason: "电表拒绝：异常码 4"),
    BatchResultRow(meter: "202401000009", bus: "B03", status: .queued),
  ]

  static let jobs: [BatchJobRow] = [
    BatchJobRow(
      job: 42, operation: .price, createdBy: "张三", approvedBy: nil,
      createdAt: SampleSite.now.addingTimeInterval(-120), total: 12, done: 6, failed: 2, finished: false),
    BatchJobRow(
      job: 41, operation: .trip, createdBy: "李工", approvedBy: "王主管",
      createdAt: SampleSite.now.addingTimeInterval(-86_400), total: 3, done: 3, failed: 0, finished: true),
    BatchJobRow(
      job: 40, operation: .keepPower, createdBy: "李工", approvedBy: "王主管",
      createdAt: SampleSite.now.addingTimeInterval(-3 * 86_400), total: 1, done: 0, failed: 1, finished: true),
  ]
}
