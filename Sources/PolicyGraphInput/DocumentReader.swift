import Foundation
import PolicyGraphCore

/// Reads inputs as users have them: text, Markdown, the article of a web
/// page (navigation, sidebars and footers left out), PDF and Word files.
///
/// ```swift
/// let reader = DocumentReader(page: ontology.patterns.page)
/// let report = InputCollection(paths: ["downloads"], reader: reader).collect(onError: report) { document, metadata in … }
/// ```
public struct DocumentReader: DocumentReading {
    /// The words that mark what is not the article.
    public let page: PageVocabulary
    /// Keep the whole page (`--whole-page`), not only the article.
    public let wholePage: Bool
    /// The encoding of every text file (`--encoding`); detected per file when nil.
    public let encoding: SourceEncoding?

    public init(page: PageVocabulary, wholePage: Bool = false, encoding: SourceEncoding? = nil) {
        self.page = page
        self.wholePage = wholePage
        self.encoding = encoding
    }

    public func read(_ file: InputFile) throws -> SourceDocument {
        switch (file.path as NSString).pathExtension.lowercased() {
        case "pdf": return try PDFText.read(file)
        case "docx": return try DOCXText.read(file)
        default:
            var document = try SourceDocument(reading: file.path, name: file.id, encoding: encoding)
            if document.markup == .html, !wholePage {
                document.leftOut = MainContent(vocabulary: page).leftOutParts(of: document.text.bytes)
            }
            return document
        }
    }
}
