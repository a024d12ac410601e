import AviaryCore
import Testing

/// `approvals: {when: …}` conditions: JMESPath over the call's arguments, truthy or not.
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
            // the whole of JMESPath: functions, projections, truthiness
            ("full", true), ("missing", false), ("customer.tier", true), ("!full", false),
            ("contains(['EUR', 'GBP'], currency)", true), ("length(note) > `3`", true), ("starts_with(customer.id, 'c')", true),
            ("tags[?@ == 'vip']", false),
            // an evaluation error needs approval: a person decides
            ("abs(currency) > `1`", true),
        ]
        for (text, expected) in cases {
            #expect(try ApprovalCondition(text).matches(args) == expected, "\(text)")
        }
    }

    @Test func mistakesSayWhatIsWrong() {
        for (text, fragment) in [("amount >", "syntax"), ("> `1`", "syntax"), ("a..b == `1`", "syntax"),
                                 ("amount > `1", "syntax"), ("nope(amount)", "unknown-function")] {
            do {
                _ = try ApprovalCondition(text)
                Issue.record("\(text) parsed")
            } catch { #expect(error.description.contains(fragment), "\(text): \(error)") }
        }
    }
}
