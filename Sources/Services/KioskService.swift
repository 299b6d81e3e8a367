import Domain
import Foundation
import MeterCrypto
import SiteConfig
import Store

/// Why the kiosk refused a query.
public enum KioskError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No open account by that account or meter number.
  case notFound
  /// The account has no query password: the tenant asks the front desk for one.
  case noPassword
  /// Wrong password; this many tries are left before the lockout.
  case wrongPassword(attemptsLeft: Int)
  /// Too many wrong passwords: the account's kiosk queries are locked until then.
  case locked(until: Date)
  /// A new query password is shorter than ``KioskService/minimumPasswordLength``.
  case passwordTooShort(minimum: Int)

  /// A short English reason.
  public var description: String {
    switch self {
    case .notFound: return "no open account by that number"
    case .noPassword: return "the account has no query password"
    case .wrongPassword(let left): return "wrong query password (\(left) tries left)"
    case .locked(let until): return "too many wrong passwords; kiosk queries locked until \(until)"
    case .passwordTooShort(let minimum): return "the query password needs at least \(minimum) characters"
    }
  }
}

/// One meter of an account as the kiosk shows it.
public struct KioskMeterData: Sendable, Hashable {
  /// The meter as the grid and `meterdesk meters` classify it.
  public var summary: MeterSummary
  /// Name of the tariff in force.
  public var tariffName: String
  /// The time-of-use period now, nil for single and tiered tariffs.
  public var period: TariffPeriod?
  /// The price in force now, nil when the tariff has none.
  public var price: Price?
}

/// Everything the kiosk shows of one account, and nothing of any other.
public struct KioskAccountData: Sendable, Hashable {
  /// The account.
  public var account: AccountRecord
  /// Its meters, by number.
  public var meters: [KioskMeterData]
  /// Its last ledger entries (recharges, refunds, reversals), newest first.
  public var ledger: [LedgerEntryRecord]
  /// Consumption per local day of the last 30 days, oldest first.
  public var days: [DayEnergy]
  /// How to top up (`[kiosk] top_up`).
  public var topUp: String
  /// When it was gathered.
  public var at: Date
}

/// The tenant query machine's service (用户查询机): checks an account's query password, locks the
/// account's kiosk queries after repeated failures and gathers what the tenant may see.
public struct KioskService: Sendable {
  /// Wrong passwords in a row that lock an account's kiosk queries.
  public static let maxFailures = 5
  /// How long the lockout lasts.
  public static let lockout: TimeInterval = 5 * 60
  /// Shortest query password accepted.
  public static let minimumPasswordLength = 6
  /// Ledger entries shown.
  public static let ledgerLimit = 10
  /// Days of consumption shown.
  public static let dayCount = 30

  let database: AppDatabase
  let iterations: Int

  /// Creates the service; `iterations` is the PBKDF2 work factor for new hashes.
  public init(database: AppDatabase, iterations: Int = 120_000) {
    self.database = database
    self.iterations = iterations
  }

  /// Sets the query password of an open or closed account (stored as a PBKDF2 hash) and clears
  /// its kiosk lockout; audited `account.query-password` without the password.
  public func setPassword(account: String, password: String, by actor: String, at now: Date) throws {
    guard password.count >= Self.minimumPasswordLength else {
      throw KioskError.passwordTooShort(minimum: Self.minimumPasswordLength)
    }
    let hash = try PasswordHash.make(password: password, iterations: iterations)
    try database.setQueryPassword(
      account: account, hash: hash.encoded,
      audit: AuditRecord(
        at: now, operator: actor, action: "account.query-password", target: account,
        detail: "query password set"))
  }

  /// Checks the query password of the account named by an account or meter number and returns
  /// the account's data; counts failures and locks the account out after ``maxFailures``.
  public func query(number: String, password: String, at now: Date) throws -> KioskAccountData {
    let number = number.trimmingCharacters(in: .whitespaces)
    guard !number.isEmpty, let access = try database.kioskAccess(number: number) else {
      throw KioskError.notFound
    }
    let id = access.account.id
    if let until = access.lock.lockedUntil, until > now { throw KioskError.locked(until: until) }
    guard let encoded = access.queryPasswordHash else { throw KioskError.noPassword }
    let hash = try? PasswordHash(encoded: encoded)
    guard let hash, hash.verify(password) else {
      var lock = access.lock
      lock.failures += 1
      if lock.failures >= Self.maxFailures {
        let until = now.addingTimeInterval(Self.lockout)
        lock.failures = 0
        lock.lockedUntil = until
        try database.saveKioskLock(
          lock,
          audit: AuditRecord(
            at: now, operator: "kiosk", action: "kiosk.locked", target: id,
            detail: "\(Self.maxFailures) wrong query passwords; locked for \(Int(Self.lockout / 60)) minutes")
        )
        throw KioskError.locked(until: until)
      }
      try database.saveKioskLock(
        lock,
        audit: AuditRecord(
          at: now, operator: "kiosk", action: "kiosk.failed", target: id,
          detail: "wrong query password \(lock.failures)"))
      throw KioskError.wrongPassword(attemptsLeft: Self.maxFailures - lock.failures)
    }
    try database.saveKioskLock(
      KioskLockRecord(account: id, failures: 0, lockedUntil: nil),
      audit: AuditRecord(
        at: now, operator: "kiosk", action: "kiosk.query", target: id,
        detail: number == id ? "by account number" : "by meter \(number)"))
    return try data(account: access.account, at: now)
  }

  /// The data of an account already let in (after a fresh read); nil when it closed meanwhile.
  public func refresh(account id: String, at now: Date) throws -> KioskAccountData? {
    guard let access = try database.kioskAccess(number: id), access.account.id == id else { return nil }
    return try data(account: access.account, at: now)
  }

  private func data(account: AccountRecord, at now: Date) throws -> KioskAccountData {
    guard let settings = try database.siteSettings() else { throw KioskError.notFound }
    let zone = TimeZone(identifier: settings.timeZone) ?? .current
    let rows = try database.meterListing().filter { $0.account?.id == account.id }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.hour, .minute, .year, .month], from: now)
    let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    let monthPrefix = String(format: "%04d-%02d-", parts.year ?? 0, parts.month ?? 0)
    let tariffs = Dictionary(
      try database.tariffs().map { ($0.name, $0.spec) }, uniquingKeysWith: { first, _ in first })
    var meters: [KioskMeterData] = []
    for row in rows {
      let name = row.meter.tariff ?? settings.defaultTariff
      var data = KioskMeterData(
        summary: MeterQueryService.summary(row, settings: settings), tariffName: name, period: nil,
        price: nil)
      if let spec = tariffs[name].flatMap({ try? JSONDecoder().decode(TariffSpec.self, from: Data($0.utf8)) }
      ),
        case .success(let tariff) = spec.tariff()
      {
        let month = try database.dailyEnergy(meter: row.meter.number, limit: 31)
          .filter { $0.day.hasPrefix(monthPrefix) }
          .reduce(Int64(0)) { $0 + ($1.lastEnergy - $1.firstEnergy) * Int64(row.meter.ctRatio) }
        data.price = tariff.price(atMinuteOfDay: minute, monthEnergyBefore: Energy(centiKWh: month))
        if case .timeOfUse(_, let schedule) = tariff {
          data.period = schedule.period(atMinuteOfDay: minute)
        }
      }
      meters.append(data)
    }
    meters.sort { $0.summary.meter < $1.summary.meter }
    let first = ReportDay(now.addingTimeInterval(-Double(Self.dayCount - 1) * 86_400), in: zone)
    let report = try DailyEnergyReportService(database: database).report(
      DailyEnergyQuery(from: first, to: ReportDay(now, in: zone), filter: ReportFilter(account: account.id)))
    return KioskAccountData(
      account: account, meters: meters,
      ledger: try database.kioskLedger(account: account.id, limit: Self.ledgerLimit),
      days: rows.isEmpty ? [] : report.perDay, topUp: try database.topUpText(), at: now)
  }
}

/// What a fresh read asked at the kiosk came to.
public enum KioskReadOutcome: Sendable, Hashable {
  /// The meter was read; its stored state is current.
  case read
  /// The meter did not answer, or the read failed.
  case failed(String)
  /// The lease holder did not answer in time.
  case timedOut
  /// Nobody holds the acquisition lease: no read now (the kiosk never takes the lease itself).
  case notAvailable
}

extension KioskService {
  /// Asks the lease holder of the site at `path` to read `meter` of `account` and waits up to
  /// `timeout` seconds. Never takes the lease: without a holder the answer is ``KioskReadOutcome/notAvailable``.
  public func freshRead(account: String, meter: String, path: String, timeout: TimeInterval) throws
    -> KioskReadOutcome
  {
    guard
      try database.meterListing().contains(where: { $0.meter.number == meter && $0.account?.id == account })
    else { throw KioskError.notFound }
    guard AcquisitionLease.holder(database: path) != nil else { return .notAvailable }
    let id = try database.enqueueRead(meter: meter, by: "kiosk", at: Date())
    _ = SiteWake.ring(database: path)
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
      guard let request = try database.readRequest(id: id) else { return .failed("read request vanished") }
      switch request.state {
      case .done: return .read
      case .failed: return .failed(request.error ?? "read failed")
      case .queued: continue
      }
    }
    return .timedOut
  }
}
