import AviaryKnowledge
import Foundation
import Testing

/// Tables become GitHub pipe tables.
@Suite struct HTMLToMarkdownTableTests {
    @Test func aTableWithHeaderCells() throws {
        let html = """
            <table>
              <caption>Fees</caption>
              <thead><tr><th>Card</th><th>Fee</th></tr></thead>
              <tbody>
                <tr><td>Classic</td><td>0 EUR</td></tr>
                <tr><td>Gold</td><td><b>5</b> EUR<br>per month</td></tr>
              </tbody>
            </table>
            """
        #expect(try markdown(html) == """
            Fees

            | Card | Fee |
            | --- | --- |
            | Classic | 0 EUR |
            | Gold | **5** EUR per month |
            """)
    }

    @Test func withoutHeaderCellsTheFirstRowIsTheHeader() throws {
        let html = "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
        #expect(try markdown(html) == "| a | b |\n| --- | --- |\n| c | d |")
    }

    @Test func theHeadRowLeadsEvenWhenWrittenAfterTheBody() throws {
        let html = "<table><tfoot><tr><td>Total</td><td>3</td></tr></tfoot><tbody><tr><td>x</td><td>3</td></tr></tbody><thead><tr><th>Item</th><th>N</th></tr></thead></table>"
        #expect(try markdown(html) == "| Item | N |\n| --- | --- |\n| x | 3 |\n| Total | 3 |")
    }

    @Test func pipesAreEscapedAndCellsFlattened() throws {
        let html = """
            <table><tr><th>Expression</th><th>Meaning</th></tr>
            <tr><td><code>a || b</code></td><td><p>either</p><ul><li>one</li><li>other</li></ul></td></tr></table>
            """
        #expect(try markdown(html) == """
            | Expression | Meaning |
            | --- | --- |
            | `a \\|\\| b` | either one other |
            """)
    }

    @Test func raggedRowsArePaddedAndColspansFilled() throws {
        let html = "<table><tr><th colspan=\"2\">Name</th><th>Age</th></tr><tr><td>Ada</td></tr><tr><td>A</td><td>B</td><td>C</td><td>D</td></tr></table>"
        #expect(try markdown(html) == """
            | Name |  | Age |  |
            | --- | --- | --- | --- |
            | Ada |  |  |  |
            | A | B | C | D |
            """)
    }

    @Test func emptyRowsAndEmptyTablesAreLeftOut() throws {
        #expect(try markdown("<table><tr><td> </td></tr><tr><td></td><td></td></tr></table><p>Text</p>") == "Text")
        #expect(try markdown("<table><tr><th>H</th><th>I</th></tr><tr><td></td><td> </td></tr></table>") == "| H | I |\n| --- | --- |")
    }

    @Test func layoutTablesBecomeTheirContent() throws {
        let single = "<table><tr><td><h2>Welcome</h2><p>Old-school layout.</p></td></tr></table>"
        #expect(try markdown(single) == "## Welcome\n\nOld-school layout.")
        let nested = "<table><tr><td>Menu</td><td><table><tr><th>K</th><th>V</th></tr><tr><td>1</td><td>2</td></tr></table></td></tr></table>"
        #expect(try markdown(nested) == "Menu\n\n| K | V |\n| --- | --- |\n| 1 | 2 |")
        let presentation = "<table role=\"presentation\"><tr><td>Left</td><td>Right</td></tr></table>"
        #expect(try markdown(presentation) == "Left\n\nRight")
    }

    @Test func longTablesAreSplitRepeatingTheHeader() throws {
        let rows = (1...120).map { "<tr><td>\($0)</td></tr>" }.joined()
        let result = try markdown("<table><tr><th>N</th></tr>\(rows)</table>")
        let tables = result.components(separatedBy: "\n\n")
        #expect(tables.count == 3)
        #expect(tables.allSatisfy { $0.hasPrefix("| N |\n| --- |\n") })
        #expect(tables.map { $0.split(separator: "\n").count } == [52, 52, 22])
    }
}
