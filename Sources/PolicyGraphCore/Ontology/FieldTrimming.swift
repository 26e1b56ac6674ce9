extension String {
    /// The field without the spaces and tabs around it: the scalars of
    /// Foundation's `CharacterSet.whitespaces` (tab, space, U+00A0, U+1680,
    /// U+2000–U+200B, U+202F, U+205F, U+3000), trimmed as
    /// `trimmingCharacters(in: .whitespaces)` trims them but without bridging
    /// through `NSString` (the ontology loader trims every field it reads).
    ///
    /// ```swift
    /// " 工信部\t".trimmingFieldSpace()   // "工信部"
    /// ```
    func trimmingFieldSpace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Self.isFieldSpace(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start {
            let before = scalars.index(before: end)
            guard Self.isFieldSpace(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex, end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }

    private static func isFieldSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
