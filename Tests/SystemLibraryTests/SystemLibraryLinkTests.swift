import CNcursesw
import COpenSSL
import Testing

@Suite("System libraries link")
struct SystemLibraryLinkTests {
  @Test("ncursesw reports a 6.x version")
  func ncurseswLinks() throws {
    let version = try #require(curses_version())
    #expect(String(cString: version).hasPrefix("ncurses 6"))
  }

  @Test("libcrypto reports OpenSSL 3")
  func libcryptoLinks() {
    #expect(OpenSSL_version_num() >= 0x3000_0000)
  }
}
