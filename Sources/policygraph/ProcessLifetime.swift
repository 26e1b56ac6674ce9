/// Values a command keeps until the process ends, instead of freeing them on return.
///
/// The extractor holds the whole ontology (tens of thousands of names, aliases and
/// compiled tables) and `extract` holds every document's extraction: freeing them
/// one object at a time as `run()` returns cost about 48 M instructions on a 2 MB
/// corpus (3.5 % of the process), for memory the system takes back at exit anyway.
/// A value kept here is never released; only a command's last values belong here.
///
/// ```swift
/// ProcessLifetime.keep(extractor)
/// ```
enum ProcessLifetime {
    /// A box that is retained once and never released.
    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Keeps `value` alive until the process exits.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }
}
