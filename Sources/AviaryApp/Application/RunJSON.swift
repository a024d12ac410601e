import AviaryCore
import AviaryHTTP

/// Runs as JSON for scripts (`aviary runs list --json`): the very objects the HTTP API returns,
/// from the API's own encoding, so the CLI and the API never disagree on a field.
public enum RunJSON {
    /// The run's HTTP API object (``RunRecord/wireJSON``, as `GET /api/v1/runs/{id}` returns it)
    /// as one line of compact JSON with sorted keys.
    public static func line(_ run: RunRecord) -> String { run.wireJSON.jsonString }
}
