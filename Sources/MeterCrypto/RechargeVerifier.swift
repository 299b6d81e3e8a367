/// The meter-side acceptance check for a recharge token, as the simulator runs it.
public enum RechargeVerifier: Sendable {
  /// Checks `cipher` the way a meter does and returns the result code and, when it decrypted, the plaintext.
  ///
  /// Order: decrypt with the meter's own key and decode (any failure → `.badToken`, plaintext nil);
  /// meter number differs → `.wrongMeter`; purchase count ≠ `storedCount &+ 1` → `.countMismatch`;
  /// negative amount whose magnitude exceeds `remainingFen` → `.insufficientBalance`; else `.accepted`.
  /// This function changes nothing: on `.accepted` the caller stores the new count
  /// `plaintext.purchaseCount` and the new remaining `remainingFen + Int64(plaintext.amountFen)`.
  public static func verify(
    cipher: [UInt8], meterNumber: String, meterKey: [UInt8], storedCount: UInt16,
    remainingFen: Int64
  ) -> (result: RechargeResult, plaintext: RechargePlaintext?) {
    guard let plaintext = try? RechargeToken.open(cipher, meterKey: meterKey) else {
      return (.badToken, nil)
    }
    guard plaintext.meterNumber == meterNumber else { return (.wrongMeter, plaintext) }
    guard plaintext.purchaseCount == storedCount &+ 1 else { return (.countMismatch, plaintext) }
    if plaintext.amountFen < 0, -Int64(plaintext.amountFen) > remainingFen {
      return (.insufficientBalance, plaintext)
    }
    return (.accepted, plaintext)
  }
}
