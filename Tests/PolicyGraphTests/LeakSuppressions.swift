/// The leaks LeakSanitizer must not count against the project when the tests run under
/// `swift test --sanitize=address`: allocations that the toolchain's own libraries make
/// and never free, outside any code of this package.
///
/// - `libXCTest.so`: the XCTest runner keeps its suite-run objects until the process
///   exits (144 bytes, reported even when no XCTest test runs).
/// - `Foundation.Process.run()`: swift-corelibs-foundation forms a weak reference to the
///   running process whose side table is never freed (32 bytes per process the tests
///   start to run the command-line tool end to end).
///
/// LeakSanitizer asks the program for this list through a weak hook; in a build without
/// sanitizers nothing calls it. The patterns match substrings of the mangled names the
/// report prints (a leading `$` would be read as an anchor, so it is left out). Every other
/// leak still fails the run. See docs/fuzzing.md.
@_cdecl("__lsan_default_suppressions")
public func leakSanitizerSuppressions() -> UnsafePointer<CChar> {
    let list: StaticString = """
        leak:libXCTest.so
        leak:s10Foundation7ProcessC3runyyKF

        """
    return UnsafeRawPointer(list.utf8Start).assumingMemoryBound(to: CChar.self)
}
