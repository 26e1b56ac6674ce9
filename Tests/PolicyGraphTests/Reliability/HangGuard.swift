import Foundation
import Testing

/// Time limits for the tests that guard against hangs and quadratic paths.
///
/// The limits sit far above the linear cost of an ordinary debug run, with room for a
/// machine whose cores are shared with other builds (the linear cost itself is measured
/// by `policygraph-bench --scaling`, not here). Under
/// `swift test --sanitize=thread` (or `address`) every memory access is instrumented
/// and the same work runs many times slower, so the guard waits proportionally
/// longer there: a hang still fails, a slow instrumented run does not.
enum HangGuard {
    /// Whether a sanitizer runtime is linked into this test binary (its entry point
    /// is exported, so the dynamic linker finds it).
    static let underSanitizer: Bool = dlsym(nil, "__tsan_init") != nil || dlsym(nil, "__asan_init") != nil

    /// How many times longer the guard waits under a sanitizer.
    static let sanitizerFactor = 20

    /// A limit of `minutes` in an ordinary run.
    static func minutes(_ minutes: Int) -> TimeLimitTrait.Duration {
        .minutes(underSanitizer ? minutes * sanitizerFactor : minutes)
    }
}

