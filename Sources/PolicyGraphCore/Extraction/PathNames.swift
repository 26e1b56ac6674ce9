import Foundation

/// A file path's last component and the folder before it, as `NSString`'s
/// `lastPathComponent` and `deletingLastPathComponent` give them, read from the
/// path's UTF-8 bytes: for each file read, `NSString` bridged the path and
/// walked it in UTF-16 (about 19,000 instructions a call).
///
/// The byte path covers paths as listings and users give them: not empty, not
/// ending with `/`, without `//`. Others take `NSString`'s answer, so the result
/// never differs.
enum PathNames {
    /// The last component of `path` (`a/b/c.txt` → `c.txt`).
    static func lastComponent(_ path: String) -> String {
        guard let slash = lastSlash(path) else { return (path as NSString).lastPathComponent }
        guard let slash = slash else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// `path` without its last component (`a/b/c.txt` → `a/b`, `c.txt` → ``, `/c.txt` → `/`).
    static func folder(_ path: String) -> String {
        guard let slash = lastSlash(path) else { return (path as NSString).deletingLastPathComponent }
        guard let slash = slash else { return "" }
        if slash == path.utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The index of the last `/` of a path the byte path covers (`.some(nil)` when
    /// there is none), or `nil` for a path left to `NSString`.
    private static func lastSlash(_ path: String) -> String.Index?? {
        let utf8 = path.utf8
        guard let last = utf8.last, last != UInt8(ascii: "/") else { return nil }
        var slash: String.Index? = nil
        var previousWasSlash = false
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let isSlash = utf8[index] == UInt8(ascii: "/")
            if isSlash {
                if previousWasSlash { return nil }
                slash = index
            }
            previousWasSlash = isSlash
            index = utf8.index(after: index)
        }
        return .some(slash)
    }
}
