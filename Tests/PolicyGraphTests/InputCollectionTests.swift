import Foundation
import Testing
@testable import PolicyGraphCore

@Suite struct InputCollectionTests {
    /// The acceptance test of the issue: a tree of 2,000 files in nested
    /// folders is read whole; equal base names stay different documents; what
    /// is not a document is counted by reason.
    @Test func aTreeOfTwoThousandFilesIsReadWhole() throws {
        let root = try scratchFolder("tree")
        defer { try? FileManager.default.removeItem(at: root) }
        var expected: Set<String> = []
        for index in 0..<2000 {
            // Four levels: 2024/03/17/news-5.txt, and an index.txt in many folders.
            let folder = "\(2020 + index % 5)/\(String(format: "%02d", index % 12 + 1))/\(index % 7)"
            let name = index % 10 == 0 ? "index-\(index / 10 % 3).html" : (index % 3 == 0 ? "doc\(index)" : "news-\(index).txt")
            let relative = "\(folder)/\(name)"
            guard !expected.contains(relative) else { continue }
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            let text = name.hasSuffix(".html") ? "<p>工业和信息化部第\(index)号通知。</p>" : "国务院第\(index)号文件。\n"
            try Data(text.utf8).write(to: root.appendingPathComponent(relative))
            expected.insert(relative)
        }
        // Not documents: an image, a spreadsheet, an empty file, a binary file without extension, a hidden folder.
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0]).write(to: root.appendingPathComponent("2020/photo.png"))
        try Data("a,b\n".utf8).write(to: root.appendingPathComponent("2021/table.csv"))
        try Data().write(to: root.appendingPathComponent("2022/empty.txt"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0]).write(to: root.appendingPathComponent("2023/program"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git/objects"), withIntermediateDirectories: true)
        try Data("国务院".utf8).write(to: root.appendingPathComponent(".git/objects/x.txt"))
        // A link back up the tree is not followed (it would loop); a link to a file is read.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("2024/up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("linked.txt").path, withDestinationPath: "2020/01/0/index-0.html")
        expected.insert("linked.txt")

        let listing = try InputListing(root: root.path)
        #expect(listing.files.count == expected.count)
        #expect(Set(listing.files.map(\.id)).symmetricDifference(expected).sorted() == [])
        #expect(listing.files.map(\.id) == listing.files.map(\.id).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(listing.skipped[.unsupportedExtension]?.count == 2)
        #expect(listing.skipped[.empty]?.count == 1)
        #expect(listing.skipped[.binary]?.count == 1)
        #expect(listing.skipped[.hidden]?.count == 1)
        #expect(listing.skipped[.linkedFolder]?.count == 1)

        var ids: [String] = []
        let report = InputCollection(paths: [root.path]).collect(onError: { Issue.record("\($0)") }) { document, _ in ids.append(document.name) }
        #expect(report.documents == expected.count)
        #expect(Set(ids).symmetricDifference(expected).sorted() == [])
        #expect(report.failures == 0)
        #expect(report.skippedSummary?.hasPrefix("skipped 6 files: 2 not a document type") == true)
        // Files without extension were sniffed as text; equal base names stay apart.
        #expect(ids.filter { $0.hasSuffix("/index-0.html") }.count > 1)
        #expect(expected.contains { !$0.contains(".") })
    }

    /// A folder named through a symbolic link is read like the folder itself, with the same ids
    /// (it used to list no file at all).
    @Test func aFolderNamedThroughALinkIsRead() throws {
        let root = try scratchFolder("linked-root")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("corpus/2026"), withIntermediateDirectories: true)
        try Data("国务院印发通知。\n".utf8).write(to: root.appendingPathComponent("corpus/2026/a.txt"))
        try Data("工业和信息化部发布方案。\n".utf8).write(to: root.appendingPathComponent("corpus/b.txt"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "corpus")
        let direct = try InputListing(root: root.appendingPathComponent("corpus").path)
        let linked = try InputListing(root: root.appendingPathComponent("link").path)
        #expect(linked.files.map(\.id) == ["2026/a.txt", "b.txt"])
        #expect(linked.files.map(\.id) == direct.files.map(\.id))
        #expect(linked.files.allSatisfy { $0.path.hasPrefix(root.appendingPathComponent("link").path) })
    }

    /// Document ids are paths relative to the input root, the same from run to run.
    @Test(arguments: [
        // a file given by name: its base name
        ("a/b/c.txt", false, "c.txt"),
        // a listed relative file (--files-from): the path as listed
        ("a/b/c.txt", true, "a/b/c.txt"),
        // ./ is no part of an id
        ("./a/c.txt", true, "a/c.txt"),
    ])
    func documentIDs(path: String, listed: Bool, id: String) throws {
        let root = try scratchFolder("ids")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent(path).standardizedFileURL
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("国务院".utf8).write(to: file)
        // Listed paths are relative to the working directory; this test passes the root-relative form.
        let listing = try InputListing(root: listed ? path : file.path, keepRelativePath: listed, workingDirectory: root.path)
        #expect(listing.files.map(\.id) == [id])
    }

    @Test func filesFromListsIgnoreBlankAndCommentLines() {
        #expect(InputCollection.paths(inList: "a.txt\n\n# note\n  b/c.html \r\nd.pdf") == ["a.txt", "b/c.html", "d.pdf"])
    }

    /// Sniffing: .htm, .shtml, .xhtml and files without extension are pages only when they look like one.
    @Test(arguments: [
        ("page.htm", "<html><body><p>正文</p></body></html>", MarkupKind.html),
        ("page.shtml", "国务院印发通知。", MarkupKind.plain),
        ("page.xhtml", "<div>正文</div>", MarkupKind.html),
        ("README", "<!DOCTYPE html><html>", MarkupKind.html),
        ("README", "国务院印发通知。", MarkupKind.plain),
        ("page.html", "国务院", MarkupKind.html),
    ])
    func markupIsSniffed(name: String, text: String, kind: MarkupKind) {
        #expect(MarkupKind.detect(fileName: name, bytes: Array(text.utf8)) == kind)
    }
}
