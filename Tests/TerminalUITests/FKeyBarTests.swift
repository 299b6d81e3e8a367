import TerminalUI
import Testing

@Suite("F-key bar")
struct FKeyBarTests {
  let bar = FKeyBar(items: [
    FKeyItem(key: 1, label: "Help"), FKeyItem(key: 2, label: "售电"),
    FKeyItem(key: 3, label: "Search", enabled: false), FKeyItem(key: 10, label: "Quit"),
  ])

  @Test("htop layout: key cells then a label of at least six cells, always one blank after it")
  func layout() {
    var buffer = Buffer(size: Size(width: 40, height: 1))
    bar.render(into: &buffer, rect: buffer.area)
    #expect(buffer.lines()[0] == "F1Help  F2售电  F3Search F10Quit        ")
    #expect(buffer.roleMap()[0] == "FFffffffFFffffffxxxxxxxxxFFFffffffffffff")
  }

  @Test("clicks map to F-key numbers; disabled items and gaps to nil")
  func clicks() {
    #expect(bar.item(atX: 0, width: 40) == 1)
    #expect(bar.item(atX: 7, width: 40) == 1)
    #expect(bar.item(atX: 8, width: 40) == 2)
    #expect(bar.item(atX: 17, width: 40) == nil)  // disabled F3
    #expect(bar.itemIndex(atX: 17, width: 40) == 2)
    #expect(bar.item(atX: 25, width: 40) == 10)
    #expect(bar.item(atX: 35, width: 40) == nil)
  }

  @Test("narrow bars shorten labels evenly")
  func narrow() {
    var buffer = Buffer(size: Size(width: 20, height: 1))
    bar.render(into: &buffer, rect: buffer.area)
    #expect(buffer.lines()[0] == "F1HeF2售F3SeF10Qu   ")
  }
}
