import AviaryCore
import Testing

/// The comparator subset of JMESPath that `approvals: {when: …}` accepts.
@Suite("Approval conditions")
struct ApprovalConditionTests {
    @Test func comparisonsFollowJMESPath() throws {
        let args: JSONValue = ["amount": 150, "currency": "EUR", "customer": ["tier": "gold", "id": "c42"], "full": true, "note": "a || b"]
        let cases: [(String, Bool)] = [
            ("amount > `100`", true), ("amount >= `150`", true), ("amount < `150`", false), ("amount <= `150`", true),
            ("amount == `150`", true), ("amount != `150`", false),
            ("currency == 'EUR'", true), ("currency == `\"EUR\"`", true), ("currency != 'USD'", true),
            ("customer.tier == 'gold'", true), ("customer.missing == `null`", true), ("missing.deeper == `null`", true),
            ("currency > `1`", false), ("full > `0`", false), ("full == `true`", true),
            ("note == 'a || b'", true), ("note == 'a && b'", false),
            ("amount > `1000` || currency == 'EUR'", true), ("amount > `1000` || currency == 'USD'", false),
            ("amount > `100` && customer.tier == 'gold'", true), ("amount > `100` && customer.tier == 'silver'", false),
            ("amount > `1000` && full == `true` || customer.id == 'c42'", true),
        ]
        for (text, expected) in cases {
            #expect(try ApprovalCondition(text).matches(args) == expected, "\(text)")
        }
    }

    @Test func mistakesSayWhatIsWrong() {
        for (text, fragment) in [("amount", "no comparison"), ("amount > 100", "JSON literal"), ("> `1`", "not a field path"),
                                 ("a..b == `1`", "not a field path"), ("amount > `{`", "must hold a JSON value")] {
            do {
                _ = try ApprovalCondition(text)
                Issue.record("\(text) parsed")
            } catch { #expect(error.description.contains(fragment), "\(text): \(error)") }
        }
    }
}
