import Acquisition
import ConsoleBridge
import Domain
import Foundation
import MeterProfiles
import ModbusCore
import Screens
import Services
import Store

/// The electrician's commissioning tools on the bus view (F8): address scan, live watch, relay
/// test and raw registers, through this console's engine (a viewer is told who acquires).
final class ConsoleCommissioning {
  let env: ConsoleEnvironment
  private let post: @Sendable (BackgroundResult) -> Void
  /// The meter watched live, and whether a read of it is on its way.
  private(set) var watched: String?
  private var watchReadPending = false
  private var lastWatchRead = Date.distantPast

  init(environment: ConsoleEnvironment, post: @escaping @Sendable (BackgroundResult) -> Void) {
    env = environment
    self.post = post
  }

  private var viewerReason: String {
    ConsoleText.deliveredBy(env.leaseHolder ?? "", env.language)
  }

  func scan(bus: String, from: Int, to: Int) -> [AppAction] {
    guard let engine = env.engine else { return [.scanFinished(bus: bus, [], error: viewerReason)] }
    let service = CommissioningService(database: env.database)
    let post = self.post
    let logger = env.logger
    Task {
      do {
        let rows = try await service.scan(
          bus: bus, addresses: max(1, from)...min(247, max(from, to)), engine: engine
        ) {
          address in post(.action(.scanProgress(bus: bus, address: address)))
        }
        logger.info("scan of bus \(bus) \(from)–\(to): \(rows.count) addresses reported")
        post(.action(.scanFinished(bus: bus, rows.map(ScreenModels.scan), error: nil)))
      } catch {
        post(.action(.scanFinished(bus: bus, [], error: "\(error)")))
      }
    }
    return []
  }

  func watch(_ meter: String?) {
    watched = meter
    lastWatchRead = .distantPast
  }

  /// Called every loop turn: reads the watched meter about once a second; `.watchRead` comes back
  /// when the read is stored, so the runtime can send its detail.
  func tick(now: Date) {
    guard let meter = watched, !watchReadPending, now.timeIntervalSince(lastWatchRead) >= 1 else { return }
    lastWatchRead = now
    watchReadPending = true
    let post = self.post
    let done: @Sendable () -> Void = {
      post(.watchRead(meter: meter))
    }
    if let engine = env.engine {
      engine.readNow(meter: meter).whenComplete { [sink = env.sink] _ in
        sink?.flush()
        done()
      }
    } else {
      let requests = env.requests
      DispatchQueue.global().async {
        _ = try? requests.read(meter: meter, by: "watch", timeout: 5)
        done()
      }
    }
  }

  /// A watch read ended.
  func watchReadFinished() { watchReadPending = false }

  func relayTest(meter: String, approval: SaleApproval?, session: Session?) -> [AppAction] {
    guard let engine = env.engine else {
      return [.relayTestFinished(meter: meter, ok: false, detail: viewerReason)]
    }
    guard let session else {
      return [.relayTestFinished(meter: meter, ok: false, detail: ConsoleText.notLoggedIn(env.language))]
    }
    var approver = session.name
    if !session.allows(.remoteControl) {
      guard let approval,
        let approved = try? OperatorService(database: env.database).logIn(
          name: approval.name, password: approval.password, at: Date()),
        approved.allows(.remoteControl)
      else {
        return [
          .relayTestFinished(
            meter: meter, ok: false, detail: Strings(env.language)[SaleText.supervisorRefused])
        ]
      }
      approver = approved.name
    }
    let post = self.post
    let database = env.database
    let operatorName = session.name
    Task {
      var steps: [String] = []
      var ok = true
      for (command, wantClosed, label) in [
        (RemoteCommand.trip, false, "trip"), (RemoteCommand.restorePrepay, true, "close"),
      ] {
        do {
          let values = try await engine.command(command, meter: meter).get()
          let closed = values.relayClosed
          let good = closed == wantClosed
          ok = ok && good
          let step = "\(label): relay \(closed.map { $0 ? "closed" : "open" } ?? "unknown")"
          steps.append(step)
          post(.action(.relayTestStep(meter: meter, step: step, ok: good)))
        } catch {
          ok = false
          steps.append("\(label): \(error)")
          post(.action(.relayTestStep(meter: meter, step: "\(label): \(error)", ok: false)))
          break
        }
      }
      let detail = steps.joined(separator: "; ")
      try? database.appendAudit(
        AuditRecord(
          at: Date(), operator: operatorName, action: "commissioning.relay_test", target: "meter \(meter)",
          detail: detail + (approver == operatorName ? "" : ", approved by \(approver)")))
      post(.action(.relayTestFinished(meter: meter, ok: ok, detail: detail)))
    }
    return []
  }

  func readRegisters(meter: String, function: Int, start: Int, count: Int) -> [AppAction] {
    guard let engine = env.engine else { return [.registersRead(meter: meter, [], error: viewerReason)] }
    guard (1...125).contains(count), (0...0xFFFF).contains(start), start + count <= 0x10000 else {
      return [.registersRead(meter: meter, [], error: "1–125 registers from 0x0000 to 0xFFFF")]
    }
    let request: ModbusRequest =
      function == 4
      ? .readInputRegisters(address: UInt16(start), count: UInt16(count))
      : .readHoldingRegisters(address: UInt16(start), count: UInt16(count))
    let post = self.post
    engine.submit(meter: meter, priority: .interactive) { $0.execute(request) }.whenComplete { result in
      switch result {
      case .success(.registers(let values)):
        let rows = values.enumerated().map { RegisterRow(address: start + $0.offset, value: $0.element) }
        post(.action(.registersRead(meter: meter, rows, error: nil)))
      case .success(let other):
        post(.action(.registersRead(meter: meter, [], error: "\(other)")))
      case .failure(let error):
        post(.action(.registersRead(meter: meter, [], error: "\(error)")))
      }
    }
    return []
  }
}
