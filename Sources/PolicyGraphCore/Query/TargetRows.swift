/// The tabular view of targets shared by the command line's formats.
public enum TargetRows {
    public static let columns = ["subject", "type", "time", "action", "topic", "value", "modality", "document", "quote"]

    public static func table(_ results: [TargetResult]) -> Table {
        Table(columns: columns, rows: results.map { result in
            let source = result.sources.first
            return [result.subject.label, result.subject.kind.rawValue, TimeDescription.describe(result.facts),
                    result.facts.action ?? "", result.facts.topic ?? "", result.facts.value ?? "", result.facts.modality,
                    source?.document ?? "", source?.sentence ?? ""]
        })
    }
}
