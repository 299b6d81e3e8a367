import ModbusCore
import NIOCore

extension LinkSession {
  /// Handles bytes read from connection `generation`.
  func received(_ bytes: [UInt8], generation: Int) {
    guard generation == self.generation, !isClosed, !bytes.isEmpty else { return }
    lastReceived = .now()
    if endpoint.usesRTUFraming {
      receiveRTU(bytes)
    } else {
      receiveMBAP(bytes)
    }
  }

  // MARK: - Modbus TCP

  /// Feeds the MBAP decoder; answers are paired with the request by transaction id and unit.
  private func receiveMBAP(_ bytes: [UInt8]) {
    mbap.feed(bytes)
    while let event = mbap.next() {
      switch event {
      case .frame(let frame):
        guard let flight = inFlight, frame.transactionID == flight.transactionID else {
          let outstanding =
            inFlight.map { "transaction \($0.transactionID) is outstanding" } ?? "none is outstanding"
          emit(.discarded, frame.encoded, "answer to transaction \(frame.transactionID); \(outstanding)")
          continue
        }
        emit(.received, frame.encoded, "unit \(frame.unit) transaction \(frame.transactionID)")
        guard frame.unit == flight.pending.unit else {
          finish(failing: .malformed(Self.unitText(asked: flight.pending.unit, got: frame.unit)))
          continue
        }
        do {
          finish(with: try ModbusResponse.decodePDU(frame.pdu[...], for: flight.pending.request))
        } catch {
          finish(failing: .malformed(error.description))
        }
      case .error(let error):
        emit(.discarded, [], error.description)
        dropConnection()
        finish(failing: .malformed(error.description))
        return
      }
    }
  }

  // MARK: - RTU (over TCP and serial)

  /// Feeds the outstanding request's RTU decoder, or the drain when the line is settling.
  private func receiveRTU(_ bytes: [UInt8]) {
    if drain != nil {
      drainReceived(bytes)
      return
    }
    guard var flight = inFlight, var reader = flight.reader else {
      emit(.discarded, bytes, "bytes while no request is outstanding")
      return
    }
    reader.feed(bytes)
    while let (event, consumed) = reader.next() {
      switch event {
      case .frame(let frame):
        let encoded = frame.encoded
        if consumed.count > encoded.count {
          emit(.discarded, Array(consumed.dropLast(encoded.count)), "tail of a discarded frame")
        }
        let after = reader.takeRemaining()
        emit(.received, encoded, "unit \(frame.unit)")
        if !after.isEmpty { emit(.discarded, after, "bytes after the answer") }
        do {
          let response = try reader.decoder.decode(frame)
          finish(with: response)
        } catch {
          startDrain(stale: nil, quiet: errorQuiet)
          finish(failing: .malformed(error.description))
        }
        return
      case .skipped(_, let reason):
        emit(.discarded, consumed, reason)
      case .error(let error):
        emit(.discarded, consumed + reader.takeRemaining(), error.description)
        startDrain(stale: nil, quiet: errorQuiet)
        switch error {
        case .badCRC:
          statistics.withLockedValue { $0.crcErrors += 1 }
          finish(failing: .crc)
        case .unitMismatch(let asked, let got):
          finish(failing: .malformed(Self.unitText(asked: asked, got: got)))
        default:
          finish(failing: .malformed(error.description))
        }
        return
      }
    }
    let dropped = reader.takeSilentlyDropped()
    if !dropped.isEmpty { emit(.discarded, dropped, "tail of a bad-CRC frame") }
    flight.reader = reader
    inFlight = flight
  }

  /// "the answer came from unit 2, unit 1 was asked".
  static func unitText(asked: UInt8, got: UInt8) -> String {
    "the answer came from unit \(got), unit \(asked) was asked"
  }

  // MARK: - Drain

  /// Holds the next RTU request until the line is quiet for `quiet` or, after a timeout,
  /// until the late answer to the timed-out request (`stale`) has arrived and been discarded.
  func startDrain(stale: RTUAnswerReader?, quiet: TimeAmount) {
    let now = NIODeadline.now()
    drain?.timer?.cancel()
    drain = Drain(
      stale: stale, quietUntil: now + quiet, giveUpAt: now + configuration.responseTimeout + quiet)
    scheduleDrainCheck()
  }

  /// (Re)arms the drain timer for the earlier of the quiet deadline and the give-up time.
  private func scheduleDrainCheck() {
    guard var current = drain else { return }
    current.timer?.cancel()
    current.timer = loop.scheduleTask(deadline: min(current.quietUntil, current.giveUpAt)) { [self] in
      drainCheck()
    }
    drain = current
  }

  /// Ends the drain when its deadline has passed, else waits on.
  private func drainCheck() {
    guard let current = drain else { return }
    let now = NIODeadline.now()
    if now >= current.giveUpAt {
      if case .rtuOverTCP = endpoint { dropConnection() }
      endDrain(reason: "the line never went quiet")
    } else if now >= current.quietUntil {
      endDrain(reason: "no late answer arrived")
    } else {
      scheduleDrainCheck()
    }
  }

  /// Discards bytes that arrive while the line settles, recognising a late answer.
  private func drainReceived(_ bytes: [UInt8]) {
    guard var current = drain else { return }
    let now = NIODeadline.now()
    guard var stale = current.stale else {
      emit(.discarded, bytes, "bytes while the line settles")
      current.quietUntil = max(current.quietUntil, now + errorQuiet)
      drain = current
      scheduleDrainCheck()
      return
    }
    stale.feed(bytes)
    while let (event, consumed) = stale.next() {
      if case .frame(let frame) = event {
        let encoded = frame.encoded
        if consumed.count > encoded.count {
          emit(.discarded, Array(consumed.dropLast(encoded.count)), "bytes before a late answer")
        }
        emit(.discarded, encoded, "late answer to the timed-out request")
        statistics.withLockedValue { $0.lateAnswers += 1 }
        let after = stale.takeRemaining()
        if !after.isEmpty { emit(.discarded, after, "bytes after a late answer") }
        current.stale = nil
        drain = current
        endDrain(reason: nil)
        return
      }
      emit(.discarded, consumed, "while waiting out a late answer")
    }
    let dropped = stale.takeSilentlyDropped()
    if !dropped.isEmpty { emit(.discarded, dropped, "while waiting out a late answer") }
    current.stale = stale
    current.quietUntil = max(current.quietUntil, now + errorQuiet)
    drain = current
    scheduleDrainCheck()
  }

  /// Ends the drain, discarding a partial late answer, and sends the next request.
  func endDrain(reason: String?) {
    guard let current = drain else { return }
    drain = nil
    current.timer?.cancel()
    if var stale = current.stale {
      let partial = stale.takeRemaining()
      if !partial.isEmpty { emit(.discarded, partial, "incomplete late answer (\(reason ?? "drain ended"))") }
    }
    pump()
  }
}
