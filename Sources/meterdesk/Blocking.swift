import Foundation

/// Runs async work from synchronous command code and waits for it.
enum Blocking {
  /// Waits for a throwing async operation and returns its result.
  static func run<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) throws -> Value
  {
    let box = ResultBox<Value>()
    let done = DispatchSemaphore(value: 0)
    Task {
      do {
        box.set(.success(try await operation()))
      } catch {
        box.set(.failure(error))
      }
      done.signal()
    }
    done.wait()
    guard let result = box.get() else { throw fail("meterdesk sim: the operation did not finish") }
    return try result.get()
  }

  /// Waits for a non-throwing async operation.
  static func run(_ operation: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task {
      await operation()
      done.signal()
    }
    done.wait()
  }
}

/// A result handed from a task to a waiting thread.
final class ResultBox<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var result: Result<Value, any Error>?

  func set(_ value: Result<Value, any Error>) {
    lock.lock()
    result = value
    lock.unlock()
  }

  func get() -> Result<Value, any Error>? {
    lock.lock()
    defer { lock.unlock() }
    return result
  }
}
