import Foundation
import Testing
@testable import PolicyGraphCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A build replaces its output folder as a whole or not at all
/// (reproducers 02, 07, 08 and 09).
@Suite(.serialized) struct BuildSafetyTests {
    /// 02: a mistyped input, an empty folder or only unreadable files leave the
    /// previous outputs exactly as they were, with exit 1 and a count.
    @Test func failedBuildsLeaveTheOutputsAlone() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        let first = try runPolicyGraph(["build"], in: scratch.url)
        #expect(first.status == 0, "\(first.error)")
        let before = try scratch.snapshot("Outputs")
        #expect(before.count == 11) // the exports, extraction.json and the store

        let typo = try runPolicyGraph(["build", "seedz"], in: scratch.url)
        #expect(typo.status == 1)
        #expect(typo.error.contains("0 readable documents of 1 file"))
        #expect(try scratch.snapshot("Outputs") == before)

        try FileManager.default.createDirectory(atPath: scratch.path("empty"), withIntermediateDirectories: true)
        let empty = try runPolicyGraph(["build", "empty"], in: scratch.url)
        #expect(empty.status == 1)
        #expect(empty.error.contains("0 readable documents of 0 files"))
        #expect(try scratch.snapshot("Outputs") == before)

        try scratch.write("binary/a.txt", [0x25, 0x50, 0x44, 0x46, 0x00, 0x01])
        try scratch.write("binary/b.txt", [0x00, 0x00, 0x00])
        let binary = try runPolicyGraph(["build", "binary"], in: scratch.url)
        #expect(binary.status == 1)
        #expect(binary.error.contains("0 readable documents of 2 files"))
        #expect(try scratch.snapshot("Outputs") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).allSatisfy { !$0.contains(".staging.") })
    }

    /// 02: an input folder that cannot be listed is an error, not "0 documents" and an empty graph.
    @Test(.enabled(if: !runningAsRoot, "root lists any folder"))
    func unlistableFolderIsAnError() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        chmod(scratch.path("seeds"), 0)
        defer { chmod(scratch.path("seeds"), 0o755) }
        let result = try runPolicyGraph(["build", "seeds"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.error.contains("cannot be listed"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("Outputs")))
    }

    /// 02: query commands read; without a graph they say how to make one and create nothing.
    @Test(arguments: [["targets"], ["entity", "工信部"], ["timeline"], ["export", "--format", "dot"]])
    func queriesNeverCreateOutputs(arguments: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try runPolicyGraph(arguments, in: scratch.url)
        #expect(result.status != 0)
        #expect(result.error.contains("policygraph build"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    /// A mistyped -o never replaces a folder of other files.
    @Test func refusesToReplaceAFolderOfOtherFiles() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        try scratch.write("notes/letter.txt", "keep me")
        let result = try runPolicyGraph(["build", "-o", "notes"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.error.contains("is a folder of other files"))
        #expect(try scratch.snapshot("notes") == ["letter.txt": Data("keep me".utf8)])
    }

    /// 07: a second build on the same folder waits for the lock, then writes a whole set.
    @Test func secondBuildWaitsForTheLock() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        let descriptor = open(scratch.path(".Outputs.lock"), O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        #expect(flock(descriptor, LOCK_EX) == 0)
        let build = try startPolicyGraph(["build"], in: scratch.url)
        // Read its progress until it says that it waits (however slow the machine), then hold the lock a little longer.
        var error = readStandardError(of: build, until: "another build is writing Outputs; waiting")
        Thread.sleep(forTimeInterval: 1)
        #expect(build.process.isRunning)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("Outputs")))
        close(descriptor)
        error += String(decoding: build.error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        build.process.waitUntilExit()
        #expect(build.process.terminationStatus == 0)
        #expect(error.contains("another build is writing Outputs; waiting"))
        #expect(try scratch.snapshot("Outputs").count == 11)
    }

    /// 07: two builds of different inputs at once: the folder holds one of the two sets, never a mix.
    @Test func concurrentBuildsNeverMix() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds(to: "a")
        try FileManager.default.createDirectory(atPath: scratch.path("b"), withIntermediateDirectories: true)
        let one = try FileManager.default.contentsOfDirectory(atPath: scratch.path("a")).sorted().first { $0.hasSuffix(".txt") }!
        try FileManager.default.copyItem(atPath: scratch.path("a/\(one)"), toPath: scratch.path("b/\(one)"))
        #expect(try runPolicyGraph(["build", "a", "-o", "refA"], in: scratch.url).status == 0)
        #expect(try runPolicyGraph(["build", "b", "-o", "refB"], in: scratch.url).status == 0)
        let a = try scratch.snapshot("refA"), b = try scratch.snapshot("refB")
        for _ in 0..<3 {
            try? FileManager.default.removeItem(atPath: scratch.path("race"))
            let first = try startPolicyGraph(["build", "a", "-o", "race"], in: scratch.url)
            let second = try startPolicyGraph(["build", "b", "-o", "race"], in: scratch.url)
            for run in [first, second] {
                _ = run.error.fileHandleForReading.readDataToEndOfFile()
                run.process.waitUntilExit()
                #expect(run.process.terminationStatus == 0)
            }
            let race = try scratch.snapshot("race")
            #expect(race == a || race == b)
        }
    }

    /// 08: an interrupted build (SIGINT or SIGTERM) exits 128+signal, leaves no
    /// staging folder and the old set whole.
    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedBuildLeavesTheOldSet(signal number: Int32) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        #expect(try runPolicyGraph(["build"], in: scratch.url).status == 0)
        let before = try scratch.snapshot("Outputs")
        // Hold the lock so that the build is caught waiting, after its handlers are in place.
        let descriptor = open(scratch.path(".Outputs.lock"), O_RDWR | O_CREAT, 0o644)
        #expect(flock(descriptor, LOCK_EX) == 0)
        defer { close(descriptor) }
        let build = try startPolicyGraph(["build"], in: scratch.url)
        // Signal it only once it says it waits for the lock (however slow the machine).
        var error = readStandardError(of: build, until: "another build is writing Outputs; waiting")
        kill(build.process.processIdentifier, number)
        error += String(decoding: build.error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        build.process.waitUntilExit()
        #expect(build.process.terminationStatus == 128 + number)
        #expect(error.contains("interrupted"))
        #expect(try scratch.snapshot("Outputs") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).allSatisfy { !$0.contains(".staging.") })
    }

    /// 08: a staging folder left by a killed build (SIGKILL) is removed by the next build.
    @Test func staleStagingFoldersAreRemoved() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        try scratch.write(".Outputs.staging.999999/.graph.graphml.999999.tmp", "half")
        #expect(try runPolicyGraph(["build"], in: scratch.url).status == 0)
        #expect(!FileManager.default.fileExists(atPath: scratch.path(".Outputs.staging.999999")))
        #expect(try scratch.snapshot("Outputs").count == 11)
    }

    /// The staging folder takes the destination's place only on commit.
    @Test func stagedFolderReplacesOnlyOnCommit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("out/graph.json", "old")
        do {
            let folder = try StagedOutputFolder(replacing: scratch.path("out"))
            try AtomicFile.write(Data("new".utf8), to: folder.path(for: "graph.json"))
            folder.discard()
        }
        #expect(try scratch.snapshot("out") == ["graph.json": Data("old".utf8)])
        let folder = try StagedOutputFolder(replacing: scratch.path("out"))
        try AtomicFile.write(Data("new".utf8), to: folder.path(for: "graph.json"))
        try folder.commit()
        #expect(try scratch.snapshot("out") == ["graph.json": Data("new".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == [".out.lock", "out"])
    }

    /// 09: a full disk fails with exit 1 and a one-line message; the old set stays whole.
    @Test(.enabled(if: runningAsRoot, "mounting a small tmpfs needs root"))
    func fullDiskLeavesTheOldSet() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        try FileManager.default.createDirectory(atPath: scratch.path("disk"), withIntermediateDirectories: true)
        guard mountTmpfs(at: scratch.path("disk"), kilobytes: 1_100) else { return }
        defer { _ = unmount(scratch.path("disk")) }
        let one = try FileManager.default.contentsOfDirectory(atPath: scratch.path("seeds")).sorted().first { $0.hasPrefix("004") }!
        try FileManager.default.createDirectory(atPath: scratch.path("one"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: scratch.path("seeds/\(one)"), toPath: scratch.path("one/\(one)"))
        #expect(try runPolicyGraph(["build", "one", "-o", "disk/Outputs"], in: scratch.url).status == 0)
        let before = try scratch.snapshot("disk/Outputs")
        let full = try runPolicyGraph(["build", "seeds", "-o", "disk/Outputs"], in: scratch.url)
        #expect(full.status == 1)
        #expect(full.error.contains("no space left on the device"))
        #expect(!full.error.contains("NSCocoaErrorDomain"))
        #expect(try scratch.snapshot("disk/Outputs") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("disk")).allSatisfy { !$0.contains(".staging.") })
    }
}

/// Mounts a tmpfs of `kilobytes` at `path` (root only); false when the system refuses.
func mountTmpfs(at path: String, kilobytes: Int) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/mount")
    process.arguments = ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}

func unmount(_ path: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/umount")
    process.arguments = [path]
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
}

extension BuildSafetyTests {
    /// A process killed between the two renames of a swap left the old set aside: the next build restores it first.
    @Test func oldSetLeftAsideIsRestored() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write(".out.old.999999/graph.json", "old")
        let folder = try StagedOutputFolder(replacing: scratch.path("out"))
        #expect(try scratch.snapshot("out") == ["graph.json": Data("old".utf8)])
        folder.discard()
    }
}
