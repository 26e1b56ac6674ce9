/// The last value kept for the paragraph being read: what a dictionary of each paragraph's last
/// value answers when values are kept and asked for in text order (a paragraph is never asked
/// for after a later one was written), without hashing or growing a table per holder.
///
/// Values for no paragraph (a negative index) are never asked for, so they are not kept.
struct LastInParagraph<Value> {
    private var paragraph = -1
    private var value: Value? = nil

    init() {}

    /// Keeps `value` as the last of `paragraph` (which is never below an earlier one kept).
    @inline(__always)
    mutating func keep(_ value: Value, in paragraph: Int) {
        guard paragraph >= 0 else { return }
        self.paragraph = paragraph
        self.value = value
    }

    /// The last value kept for `paragraph`, if any.
    @inline(__always)
    func last(in paragraph: Int) -> Value? {
        paragraph == self.paragraph ? value : nil
    }
}
