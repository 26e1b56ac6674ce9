import Foundation

/// What a collection's metadata file says about one document.
public struct DocumentMetadata: Hashable, Sendable {
    public var file: String
    public var published: String?
    public var source: String?
    public var title: String?
}

/// Where a document's publication date came from (extra field `published_source`),
/// in the order the extractor tries them. The rule that read it is
/// `published.` followed by the raw value (`published.line`).
public enum PublishedSource: String, Codable, Sendable {
    /// An HTML `<meta>` tag (publishdate, PubDate, article:published_time).
    case meta
    /// A JSON-LD `datePublished`.
    case jsonLD = "json-ld"
    /// A front-matter key (`date: 2023-05-17T08:00:00`).
    case frontMatter = "front-matter"
    /// A gov.cn-style metadata table (发布日期, 成文日期).
    case table
    /// A metadata line (发布时间：, 时间：).
    case line
    /// A byline or a source-and-time line (2025年03月05日 06:12 来源：…).
    case byline
    /// The page header (2024.1.29 星期一).
    case header
    /// A date in a URL of the page (/2023-07/18/, content_20230718).
    case url
    /// A metadata file beside the inputs (`metadata.tsv`, `metadata.json`).
    case metadata
    /// `--published` on the command line: a default for documents that state no date.
    case option
    /// A date in the file's name (20200115-16-02.txt).
    case fileName = "file-name"
    /// Inferred from the text (the latest full year reported as statistics); year
    /// only, and unsure: check it.
    case inferred

    /// The rule id shown by `--explain`.
    public var rule: String { "published." + rawValue }
}

/// Reads the metadata files that real collections come with: `metadata.tsv`
/// (columns `file`, `published`, `source`, `title`, then anything; `#` comments)
/// or `metadata.json` (an array of objects with those keys) in an input folder.
public enum MetadataFile {
    public static let names = ["metadata.tsv", "metadata.json"]

    /// The records of the metadata file in `folder`, by file name; empty when there is none.
    public static func load(folder: String) throws -> [String: DocumentMetadata] {
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileBytes.read(path) else { continue }
            return name.hasSuffix(".json") ? try parseJSON(data, path: path) : try parseTSV(data, path: path)
        }
        return [:]
    }

    static func parseTSV(_ data: Data, path: String) throws -> [String: DocumentMetadata] {
        var records: [String: DocumentMetadata] = [:]
        var lineNumber = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let text = line.hasSuffix("\r") ? line.dropLast() : line
            if text.isEmpty || text.hasPrefix("#") { continue }
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if fields[0] == "file" { continue } // a header line
            guard fields.count >= 2 else { throw MetadataError(path: path, line: lineNumber, message: "expected at least file and published, TAB-separated") }
            let published = fields[1].isEmpty ? nil : fields[1]
            if let published, ReferenceDate(published) == nil {
                throw MetadataError(path: path, line: lineNumber, message: "the date '\(published)' must read YYYY-MM-DD, YYYY-MM or YYYY")
            }
            records[fields[0]] = DocumentMetadata(file: fields[0], published: published,
                                                  source: fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil,
                                                  title: fields.count > 3 && !fields[3].isEmpty ? fields[3] : nil)
        }
        return records
    }

    static func parseJSON(_ data: Data, path: String) throws -> [String: DocumentMetadata] {
        guard let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw MetadataError(path: path, line: 1, message: "expected a JSON array of objects with file, published, source, title")
        }
        var records: [String: DocumentMetadata] = [:]
        for (index, object) in array.enumerated() {
            guard let file = object["file"] as? String else {
                throw MetadataError(path: path, line: 1, message: "object \(index + 1) has no \"file\"")
            }
            let published = object["published"] as? String
            if let published, ReferenceDate(published) == nil {
                throw MetadataError(path: path, line: 1, message: "object \(index + 1): the date '\(published)' must read YYYY-MM-DD, YYYY-MM or YYYY")
            }
            records[file] = DocumentMetadata(file: file, published: published, source: object["source"] as? String,
                                             title: object["title"] as? String)
        }
        return records
    }
}

/// A metadata file that cannot be read.
public struct MetadataError: Error, LocalizedError, Sendable {
    public let path: String
    public let line: Int
    public let message: String
    public var errorDescription: String? { "\(path):\(line): \(message). Fix the metadata file or remove it." }
}
