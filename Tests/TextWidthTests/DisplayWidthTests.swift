import Testing
import TextWidth

@Suite("Display width")
struct DisplayWidthTests {
  @Test(
    "width of strings",
    arguments: [
      ("abc", 3), ("王芳", 4), ("A座 写字楼", 10), ("e\u{0301}", 1), ("", 0), ("１２", 4),
      ("报警1", 5), ("欧阳娜娜", 8),
    ])
  func width(text: String, cells: Int) {
    #expect(DisplayWidth.of(text) == cells)
  }

  @Test("clipping never splits a wide character")
  func clipping() {
    #expect(DisplayWidth.prefix("王芳芳", fitting: 5) == "王芳")
    #expect(DisplayWidth.pad("王芳芳", to: 5) == "王芳 ")
    #expect(DisplayWidth.pad("ab", to: 4, alignRight: true) == "  ab")
    #expect(DisplayWidth.of(DisplayWidth.pad("星河国际广场", to: 7)) == 7)
  }
}
