import Printing
import Testing

@Suite struct EncodingTests {
  @Test func gb18030RoundTrips() throws {
    let text = "壹佰元整 重打 REPRINT 负伍拾陆元柒角捌分 ¥1,234.50 𠀀"
    let bytes = try PrintEncoding.gb18030.encode(text)
    #expect(
      Array(try PrintEncoding.gb18030.encode("壹佰元整")) == [0xD2, 0xBC, 0xB0, 0xDB, 0xD4, 0xAA, 0xD5, 0xFB])
    #expect(bytes != Array(text.utf8))
    #expect(try PrintEncoding.gb18030.decode(bytes) == text)
    #expect(try PrintEncoding.utf8.decode(PrintEncoding.utf8.encode(text)) == text)
    #expect(try PrintEncoding.gb18030.encode("") == [])
  }

  @Test func invalidBytesAreReported() {
    #expect(throws: PrintError.self) { try PrintEncoding.gb18030.decode([0xD2]) }
    #expect(throws: PrintError.self) { try PrintEncoding.utf8.decode([0xFF, 0xFE]) }
  }
}
