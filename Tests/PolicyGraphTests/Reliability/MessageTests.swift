import Foundation
import Testing
@testable import PolicyGraphCore
#if canImport(Glibc)
import Glibc
#endif

/// Item 10: file-system errors are one line that names the file and says what to do.
@Suite struct MessageTests {
    @Test func symbolicLinkLoopIsReportedAsALoop() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(symlink(scratch.path("loop.txt"), scratch.path("loop.txt")) == 0)
        let result = try runPolicyGraph(["extract", "loop.txt"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.error.contains("loop.txt: cannot read it: a symbolic link loop"))
        // Inside a folder too.
        try scratch.write("in/a.txt", "国务院印发通知。")
        #expect(symlink(scratch.path("in/b.txt"), scratch.path("in/b.txt")) == 0)
        let folder = try runPolicyGraph(["extract", "in"], in: scratch.url)
        #expect(folder.error.contains("b.txt: cannot read it: a symbolic link loop"))
        #expect(folder.output.contains("国务院"))
    }

    @Test(arguments: [
        (ENOSPC, "no space left on the device"), (EACCES, "permission denied"), (EEXIST, "exists already"),
        (ELOOP, "symbolic link loop"), (EROFS, "read-only"),
    ])
    func posixErrors(code: Int32, words: String) {
        let message = IOErrorMessage.describe(errno: code)
        #expect(message.contains(words))
        #expect(!message.contains("\n"))
        #expect(IOErrorMessage.describe(CocoaError(.fileWriteOutOfSpace)).contains(code == ENOSPC ? words : "no space"))
    }

    @Test func exportToAnUnwritablePlaceIsOneLine() throws {
        let result = try runPolicyGraph(["export", "--format", "dot", "-o", "/proc/policygraph-test.dot", "--store", seedStorePath], in: repositoryRoot)
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("Error: /proc/"))
        #expect(result.error.split(separator: "\n").count == 1)
        #expect(!result.error.contains("NSCocoaErrorDomain"))
    }

    /// Reading an empty file works (and, under AddressSanitizer, leaks nothing).
    @Test func emptyFileReads() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("empty.txt", [UInt8]())
        let document = try SourceDocument(reading: path)
        #expect(document.text.bytes.isEmpty)
        #expect(sharedExtractor.extract(document).entities.isEmpty)
    }
}
