import Synchronization
import TerminalUI
import Testing

/// Counts calls from the row closure (which must be `@Sendable`).
final class CallCounter: Sendable {
  private let calls = Mutex<[Int]>([])
  func record(_ index: Int) { calls.withLock { $0.append(index) } }
  var indices: [Int] { calls.withLock { $0 } }
}

@Suite("Table")
struct TableTests {
  let names = ["王芳", "李娜", "欧阳娜娜", "Smith"]

  func table(rows: Int, counter: CallCounter? = nil) -> Table {
    let names = self.names
    return Table(
      columns: [
        TableColumn(title: "No.", width: 5, alignment: .right),
        TableColumn(title: "Tenant", width: 8),
        TableColumn(title: "kWh", width: 6, alignment: .right),
      ],
      rowCount: rows
    ) { index in
      counter?.record(index)
      return TableRow(
        cells: ["\(index)", names[index % names.count], "\(index * 10)"],
        role: index % 3 == 0 ? .alarm2 : .normal, cellRoles: [2: .offline],
        marker: index % 2 == 0 ? "*" : nil)
    }
  }

  @Test("only visible rows are requested, even with 10,000 rows")
  func onlyVisibleRows() {
    let counter = CallCounter()
    var buffer = Buffer(size: Size(width: 40, height: 12))
    var state = TableState()
    state.select(5_000, rowCount: 10_000, visible: 11)
    table(rows: 10_000, counter: counter).render(into: &buffer, rect: buffer.area, state: state)
    #expect(counter.indices.count == 11)
    #expect(counter.indices == Array(4_990...5_000))
  }

  @Test("the header stays on top while scrolled and the selected row is highlighted")
  func stickyHeaderAndSelection() {
    var buffer = Buffer(size: Size(width: 30, height: 5))
    var state = TableState()
    state.move(by: 10, rowCount: 100, visible: 4)
    #expect(state.selected == 10 && state.offset == 7)
    table(rows: 100).render(into: &buffer, rect: buffer.area, state: state)
    let lines = buffer.lines()
    #expect(lines[0].hasPrefix("   No. Tenant      kWh"))
    #expect(buffer.roles(in: Rect(x: 0, y: 0, width: 29, height: 1)) == [.header])
    #expect(lines[1].hasPrefix("     7 Smith        70"))
    #expect(lines[4].hasPrefix("*   10 欧阳娜娜    100"))
    #expect(buffer.roles(in: Rect(x: 0, y: 4, width: 29, height: 1)) == [.selected])
    // Row 9 is alarm2 with its kWh cell overridden; the tag marker uses .tagged.
    #expect(buffer.roles(in: Rect(x: 1, y: 3, width: 14, height: 1)) == [.alarm2])
    #expect(buffer.roles(in: Rect(x: 16, y: 3, width: 6, height: 1)) == [.offline])
    #expect(buffer[0, 2] == Cell(character: "*", role: .tagged, bold: true))
    // Scrollbar in the last column.
    #expect(buffer.roles(in: Rect(x: 29, y: 1, width: 1, height: 4)) == [.border])
  }

  @Test("unfocused selection uses the cursor role")
  func unfocused() {
    var buffer = Buffer(size: Size(width: 30, height: 5))
    table(rows: 3).render(into: &buffer, rect: buffer.area, state: TableState(), focused: false)
    #expect(buffer.roles(in: Rect(x: 0, y: 1, width: 30, height: 1)) == [.cursor])
    #expect(!buffer.lines()[1].hasSuffix("│"))  // no scrollbar when everything fits
  }

  @Test("CJK cells stay aligned in their columns")
  func cjkAlignment() {
    var buffer = Buffer(size: Size(width: 24, height: 5))
    table(rows: 4).render(into: &buffer, rect: buffer.area, state: TableState())
    // Marker, "No." in cells 1–5, tenant in 7–14, kWh right-aligned in 16–21.
    #expect(buffer.lines()[1] == "*    0 王芳          0  ")
    #expect(buffer.lines()[3] == "*    2 欧阳娜娜     20  ")
    #expect(buffer.lines()[4] == "     3 Smith        30  ")
    for row in 1...4 {
      #expect(buffer[21, row].character == "0")
      #expect(!buffer[7, row].isContinuation && buffer[7, row].character != " ")
      #expect(buffer[15, row].character == " " && !buffer[15, row].isContinuation)
    }
  }

  @Test("a column of width 0 takes the space the others leave")
  func flexibleColumn() {
    let table = Table(
      columns: [TableColumn(title: "A", width: 4), TableColumn(title: "Note", width: 0)],
      rowCount: 1, showsMarkers: false
    ) { _ in TableRow(cells: ["1", "星河国际广场"]) }
    let frames = table.columnFrames(in: Rect(x: 0, y: 0, width: 16, height: 3))
    #expect(frames.map(\.x) == [0, 5])
    #expect(frames.map(\.width) == [4, 10])
    var buffer = Buffer(size: Size(width: 16, height: 2))
    table.render(into: &buffer, rect: buffer.area, state: TableState())
    #expect(buffer.lines() == ["A    Note       ", "1    星河国际广 "])
  }

  @Test("TableState keeps the selection visible and clamps")
  func state() {
    var state = TableState()
    state.move(by: -3, rowCount: 10, visible: 4)
    #expect(state == TableState())
    state.select(9, rowCount: 10, visible: 4)
    #expect(state.selected == 9 && state.offset == 6)
    state.move(by: -4, rowCount: 10, visible: 4)
    #expect(state.selected == 5 && state.offset == 5)
    state.select(50, rowCount: 0, visible: 4)
    #expect(state.selected == 0 && state.offset == 0)
  }

  @Test("clicked row maps back to its index")
  func rowIndex() {
    var state = TableState()
    state.select(20, rowCount: 100, visible: 4)
    let rect = Rect(x: 0, y: 2, width: 30, height: 5)
    let table = table(rows: 100)
    #expect(table.rowIndex(atY: 3, rect: rect, state: state) == 17)
    #expect(table.rowIndex(atY: 2, rect: rect, state: state) == nil)
  }
}
