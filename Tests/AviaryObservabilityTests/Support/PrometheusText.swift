import Foundation

/// A parsed Prometheus text exposition, for assertions on samples.
struct PrometheusText {
    struct Sample: Hashable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    let samples: [Sample]
    let lines: [String]

    init(_ text: String) {
        lines = text.split(separator: "\n").map(String.init)
        samples = lines.filter { !$0.hasPrefix("#") }.compactMap(Self.parse)
    }

    /// The value of the sample named `name` whose labels include `labels`; `nil` when there is none.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }?.value
    }

    /// All samples named `name`.
    func all(_ name: String) -> [Sample] { samples.filter { $0.name == name } }

    private static func parse(_ line: String) -> Sample? {
        guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { return nil }
        let series = line[..<space]
        guard let brace = series.firstIndex(of: "{") else { return Sample(name: String(series), labels: [:], value: value) }
        var labels: [String: String] = [:]
        var rest = series[series.index(after: brace)...].dropLast() // drop "}"
        while let eq = rest.firstIndex(of: "=") {
            let key = String(rest[..<eq]).trimmingCharacters(in: [","])
            var i = rest.index(eq, offsetBy: 2) // skip ="
            var value = ""
            while i < rest.endIndex, rest[i] != "\"" {
                if rest[i] == "\\" { i = rest.index(after: i) }
                value.append(rest[i])
                i = rest.index(after: i)
            }
            labels[key] = value
            rest = i < rest.endIndex ? rest[rest.index(after: i)...] : rest[rest.endIndex...]
        }
        return Sample(name: String(series[..<brace]), labels: labels, value: value)
    }
}
