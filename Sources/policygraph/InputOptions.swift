import ArgumentParser
import Foundation
import PolicyGraphCore
import PolicyGraphInput

/// The inputs of `build` and `extract`: files and folders, or a list of files.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Text, Markdown, HTML, PDF or Word (.docx) files, or folders of them, read recursively (default: seeds).",
                                 valueName: "FILE|DIR"))
    var inputs: [String] = []

    @Option(name: .customLong("files-from"), help: ArgumentHelp("Read the files listed in FILE, one a line (- for standard input).", valueName: "FILE"))
    var filesFrom: String?

    @Flag(name: .customLong("whole-page"), help: "Read web pages whole, navigation, sidebars and footers included, not only the article.")
    var wholePage = false

    @Option(help: ArgumentHelp("The inputs' encoding: utf-8, utf-16, gb18030 (also gbk, gb2312) or big5. Detected per file when absent.",
                               valueName: "NAME"))
    var encoding: String?

    func validate() throws {
        if let encoding, SourceEncoding(name: encoding) == nil {
            throw ValidationError("Unknown encoding '\(encoding)'; use utf-8, utf-16, gb18030 (also gbk, gb2312) or big5.")
        }
    }

    /// The paths to read: the arguments, the listed files, or seeds/.
    func paths() throws -> (paths: [String], listed: Bool) {
        guard let filesFrom else { return (inputs.isEmpty ? ["seeds"] : inputs, false) }
        let data: Data?
        if filesFrom == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileBytes.read(filesFrom)
        }
        guard let data else { throw ValidationError("--files-from \(filesFrom): no such file or it cannot be read.") }
        return (inputs + InputCollection.paths(inList: String(decoding: data, as: UTF8.self)), true)
    }

    /// The inputs, read as users have them.
    func collection(for ontology: Ontology) throws -> InputCollection {
        let (paths, listed) = try paths()
        let encoding = self.encoding.flatMap(SourceEncoding.init(name:))
        var collection = InputCollection(paths: paths, reader: DocumentReader(page: ontology.patterns.page, wholePage: wholePage, encoding: encoding))
        collection.idsKeepListedPaths = listed
        collection.onWarning = reportInputWarning
        return collection
    }
}

/// Prints what was skipped, counted by reason, on standard error.
func reportSkipped(_ report: InputReport) {
    if let summary = report.skippedSummary {
        FileHandle.standardError.write(Data("policygraph: \(summary)\n".utf8))
    }
}
