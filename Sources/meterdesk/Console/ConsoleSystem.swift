import Domain
import Foundation
import Screens
import Services
import Store

/// The system screen's work (F11) and the alarm screen's (F12), off the console loop: own password,
/// operator administration, the operation log, site settings and alarms.
final class ConsoleSystem {
  let env: ConsoleEnvironment
  private let post: @Sendable (BackgroundResult) -> Void
  private let queue = DispatchQueue(label: "meterdesk.system")

  init(environment: ConsoleEnvironment, post: @escaping @Sendable (BackgroundResult) -> Void) {
    env = environment
    self.post = post
  }

  /// Carries out one of the system or alarm effects as `session`.
  func perform(_ effect: Effect, session: Session?) {
    let post = self.post
    queue.async {
      post(.action(.errorReported("not available yet: \(effect)")))
    }
  }
}
