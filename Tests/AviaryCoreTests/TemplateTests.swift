import AviaryCore
import Testing

@Suite struct TemplateTests {
    let context: JSONValue = [
        "question": "Où est ma carte ?",
        "input": ["customer": ["id": "c42", "tier": 3], "tags": ["a", "b"]],
        "empty": .null,
    ]

    @Test func literalsAndVariablesRender() throws {
        let t = try Template("Answer {{ question }} for {{input.customer.id}} (tier {{ input.customer.tier }}).")
        #expect(t.render(context) == "Answer Où est ma carte ? for c42 (tier 3).")
        #expect(t.variables == ["question", "input.customer.id", "input.customer.tier"])
    }

    @Test func textWithoutVariablesIsOneLiteral() throws {
        let text = "You are a support assistant. Use the tools to answer. { single } braces stay; so does } and {."
        let t = try Template(text)
        #expect(t.render(context) == text)
        #expect(t.variables.isEmpty)
    }

    @Test func nonStringsRenderAsJSONAndMissingOrNullAsNothing() throws {
        let t = try Template("[{{ input.tags }}|{{ input.missing.deeper }}|{{ empty }}|{{ input.customer }}]")
        #expect(t.render(context) == #"[["a","b"]|||{"id":"c42","tier":3}]"#)
    }

    @Test func variablesNextToMultiByteCharacters() throws {
        let t = try Template("é{{question}}ü🙂{{ input.customer.id }}ß")
        #expect(t.render(context) == "éOù est ma carte ?ü🙂c42ß")
    }

    @Test func adjacentVariablesAndVariablesAtTheEdges() throws {
        let t = try Template("{{ input.customer.id }}{{ input.customer.tier }}")
        #expect(t.render(context) == "c423")
    }

    @Test func unclosedAndEmptyVariablesAreErrors() {
        for (text, message) in [("Hello {{ question", "unclosed '{{' in template"),
                                ("Hello {{ question }", "unclosed '{{' in template"),
                                ("Hello {{  }} there", "empty '{{ }}' in template")] {
            let error = #expect(throws: TemplateError.self) { try Template(text) }
            #expect(error?.message == message, "\(text)")
        }
    }
}
