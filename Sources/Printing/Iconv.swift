#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Character set conversion with the C library's iconv.
enum Iconv {
  /// `input` converted from the encoding `from` to `to`; throws on an unknown encoding or invalid input.
  static func convert(_ input: [UInt8], from: String, to: String) throws(PrintError) -> [UInt8] {
    guard !input.isEmpty else { return [] }
    guard let descriptor = iconv_open(to, from), Int(bitPattern: descriptor) != -1 else {
      throw PrintError(message: "iconv cannot convert \(from) to \(to)")
    }
    defer { iconv_close(descriptor) }
    var source = input
    var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
    let capacity = output.count
    let (written, failure): (Int, Int32?) = source.withUnsafeMutableBytes { inRaw in
      output.withUnsafeMutableBytes { outRaw in
        var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
        var inLeft = inRaw.count
        var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
        var outLeft = outRaw.count
        if iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == size_t.max {
          return (0, errno)
        }
        if inLeft > 0 { return (0, EINVAL) }  // a truncated character at the end
        if iconv(descriptor, nil, nil, &outPointer, &outLeft) == size_t.max { return (0, errno) }
        return (capacity - outLeft, nil)
      }
    }
    if let failure {
      let reason =
        failure == EILSEQ || failure == EINVAL ? "invalid or unrepresentable text" : "error \(failure)"
      throw PrintError(message: "cannot convert the receipt from \(from) to \(to): \(reason)")
    }
    return Array(output.prefix(written))
  }
}
