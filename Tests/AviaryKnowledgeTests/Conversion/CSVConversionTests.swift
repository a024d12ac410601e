import AviaryKnowledge
import Foundation
import Testing

/// CSV documents become Markdown tables.
@Suite struct CSVConversionTests {
    private func tables(_ csv: String) throws -> String {
        try DocumentConverter.convert(Data(csv.utf8), contentType: "text/csv", fileExtension: nil, baseURL: nil).markdown
    }

    @Test func quotedCellsHoldCommasQuotesAndLineBreaks() throws {
        let csv = "name,quote,notes\r\n\"Smith, Jo\",\"She said \"\"hi\"\"\",\"line one\r\nline two\"\r\nplain,\"\",a|b\r\n"
        #expect(try tables(csv) == """
            | name | quote | notes |
            | --- | --- | --- |
            | Smith, Jo | She said "hi" | line one line two |
            | plain |  | a\\|b |
            """)
    }

    @Test func raggedRowsArePadded() throws {
        #expect(try tables("a,b,c\n1\n1,2,3,4\n") == """
            | a | b | c |  |
            | --- | --- | --- | --- |
            | 1 |  |  |  |
            | 1 | 2 | 3 | 4 |
            """)
    }

    @Test func blankLinesAreSkippedAndLoneQuotesKept() throws {
        #expect(try tables("h1,h2\n\n5\" pipe,x\"y\n\n") == "| h1 | h2 |\n| --- | --- |\n| 5\" pipe | x\"y |")
    }

    @Test func onlyAHeader() throws {
        #expect(try tables("just,a,header") == "| just | a | header |\n| --- | --- | --- |")
    }

    @Test func largeFilesBecomeTablesOfFiftyRows() throws {
        let csv = "id,value\n" + (1...101).map { "\($0),v\($0)" }.joined(separator: "\n")
        let tables = try tables(csv).components(separatedBy: "\n\n")
        #expect(tables.count == 3)
        #expect(tables.allSatisfy { $0.hasPrefix("| id | value |\n| --- | --- |\n") })
        #expect(tables[0].hasSuffix("| 50 | v50 |"))
        #expect(tables[1].hasPrefix("| id | value |\n| --- | --- |\n| 51 | v51 |"))
        #expect(tables[2] == "| id | value |\n| --- | --- |\n| 101 | v101 |")
    }

    @Test func anUnterminatedQuoteIsAnError() {
        let error = conversionError { try tables("a,b\n1,\"open\n2,3\n") }
        #expect(error?.code == .invalidCSV)
        #expect(error?.message == "the quoted field starting on line 2 is never closed")
    }
}
