import Testing

@testable import AviaryTools

@Suite("SQL script splitting")
struct SQLScriptSplitterTests {
    @Test("splits on semicolons outside quotes and comments, keeping line numbers")
    func split() throws {
        let script = """
            -- header; with a semicolon
            CREATE TABLE a (x TEXT);  /* block; comment */
            INSERT INTO a VALUES ('semi;colon'), ('it''s; fine'), ("quoted;ident");

            INSERT INTO a VALUES (`b;`)
            """
        let statements = try SQLScriptSplitter.split(script)
        #expect(statements.map(\.text) == [
            "CREATE TABLE a (x TEXT)",
            "INSERT INTO a VALUES ('semi;colon'), ('it''s; fine'), (\"quoted;ident\")",
            "INSERT INTO a VALUES (`b;`)",
        ])
        #expect(statements.map(\.line) == [2, 3, 5])
    }

    @Test("trigger bodies stay whole")
    func triggers() throws {
        let script = """
            CREATE TRIGGER t AFTER INSERT ON a BEGIN
              INSERT INTO log VALUES (new.x);
              UPDATE counters SET n = n + 1;
            END;
            CREATE TEMP TRIGGER u AFTER DELETE ON a BEGIN DELETE FROM log; END;
            SELECT 1;
            """
        let statements = try SQLScriptSplitter.split(script)
        #expect(statements.count == 3)
        #expect(statements[0].text.hasSuffix("UPDATE counters SET n = n + 1;\nEND"))
        #expect(statements[1].text == "CREATE TEMP TRIGGER u AFTER DELETE ON a BEGIN DELETE FROM log; END")
        #expect(statements[2].text == "SELECT 1")
    }

    @Test("empty statements disappear; unterminated quotes fail")
    func edges() throws {
        #expect(try SQLScriptSplitter.split(";;  ;\n-- nothing\n").isEmpty)
        #expect(throws: SQLTokenizer.Failure.self) { try SQLScriptSplitter.split("INSERT INTO a VALUES ('oops);") }
    }
}
