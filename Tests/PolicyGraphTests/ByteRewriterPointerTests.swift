import Testing
@testable import PolicyGraphCore

/// ``ByteRewriter`` writes its bytes and segments through pointers into room made once
/// (``WrittenArray``): the bytes and the map are those of the straightforward writer kept here
/// (`Array.append` per run and per segment), for every sequence of copies, replacements,
/// deletions and scalars on texts with non-BMP scalars, combining marks, CR LF, empty input and
/// runs at both ends; also when the output outgrows the input (the room grows), and the UTF-8
/// encoding written for a scalar is that of ``UTF8Bytes/append(_:to:)`` as it was.
@Suite struct ByteRewriterPointerTests {
    /// The writer before: every run appended to an array, every segment to the map's array.
    struct AppendingWriter {
        var output: [UInt8] = []
        var segments: [OffsetMap.Segment] = []
        var copyContinuesAt: Int? = nil
        let input: [UInt8]

        mutating func copy(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            if copyContinuesAt != range.lowerBound {
                segments.append(.init(outputStart: output.count, inputStart: range.lowerBound, replacedLength: nil))
            }
            output.append(contentsOf: input[range])
            copyContinuesAt = range.upperBound
        }

        mutating func replace(_ range: Range<Int>, with bytes: [UInt8]) {
            segments.append(.init(outputStart: output.count, inputStart: range.lowerBound, replacedLength: range.count))
            output.append(contentsOf: bytes)
            copyContinuesAt = nil
        }

        func finish() -> (bytes: [UInt8], map: OffsetMap) {
            (output, OffsetMap(segments: segments.isEmpty ? [.init(outputStart: 0, inputStart: 0, replacedLength: nil)] : segments))
        }
    }

    /// The UTF-8 encoding `UTF8Bytes.append` wrote before it went through ``UTF8Bytes/packed(_:)``.
    static func oldEncoding(_ scalar: UInt32) -> [UInt8] {
        switch scalar {
        case 0..<0x80: return [UInt8(scalar)]
        case 0x80..<0x800: return [UInt8(0xC0 | (scalar >> 6)), UInt8(0x80 | (scalar & 0x3F))]
        case 0x800..<0x10000:
            return [UInt8(0xE0 | (scalar >> 12)), UInt8(0x80 | ((scalar >> 6) & 0x3F)), UInt8(0x80 | (scalar & 0x3F))]
        default:
            return [UInt8(0xF0 | (scalar >> 18)), UInt8(0x80 | ((scalar >> 12) & 0x3F)),
                    UInt8(0x80 | ((scalar >> 6) & 0x3F)), UInt8(0x80 | (scalar & 0x3F))]
        }
    }

    static let texts: [String] = [
        "", "a", "\r\n", "\n\n", "政策文件", "e\u{301}中\u{301}", "𠀀𝄞 中", "国務院\r\n發布\u{3000}全角１２３",
        "A\u{30A}ngstro\u{308}m 𝄞𝄞 结尾", String(repeating: "车网互动“试水”\r\n", count: 40),
    ]

    /// Scalars at every length boundary of UTF-8, surrogates (encoded as before) and beyond.
    static let scalars: [UInt32] = [0, 0x41, 0x7F, 0x80, 0x301, 0x7FF, 0x800, 0x3000, 0xD800, 0xDFFF, 0xFFFD, 0xFFFF,
                                    0x10000, 0x1D11E, 0x20000, 0x10FFFF, 0x1FFFFF]

    @Test func scalarsAreEncodedAsBefore() {
        for scalar in Self.scalars + Array(stride(from: UInt32(0), to: 0x110000, by: 97)) {
            var appended: [UInt8] = [0x61]
            UTF8Bytes.append(scalar, to: &appended)
            #expect(appended == [0x61] + Self.oldEncoding(scalar), "\(scalar)")
            let (packed, count) = UTF8Bytes.packed(scalar)
            #expect((0..<count).map { UInt8(truncatingIfNeeded: packed >> (8 * UInt32($0))) } == Self.oldEncoding(scalar), "\(scalar)")
        }
    }

    /// One step of a writer: copy a run, replace it with bytes (empty: delete), or with a scalar.
    enum Step {
        case copy(Int)
        case replace(Int, [UInt8])
        case scalar(Int, UInt32)
    }

    /// Runs `steps` (each taking the given number of input bytes on from where the last stopped,
    /// cut at the end) through both writers, then finishes both with the rest copied.
    static func agree(_ input: [UInt8], _ steps: [Step], room: Int = 0, sharing: Bool = false) -> Bool {
        var plain = AppendingWriter(input: input)
        var position = 0
        let result: (bytes: [UInt8], map: OffsetMap) = input.withUnsafeBufferPointer { buffer in
            var writer = ByteRewriter(input: buffer, expectedSegments: room)
            for step in steps {
                let range: Range<Int>
                switch step {
                case let .copy(length):
                    range = position..<min(input.count, position + length)
                    writer.copy(range)
                    plain.copy(range)
                case let .replace(length, bytes):
                    range = position..<min(input.count, position + length)
                    writer.replace(range, with: bytes)
                    plain.replace(range, with: bytes)
                case let .scalar(length, scalar):
                    range = position..<min(input.count, position + length)
                    writer.replace(range, withScalar: scalar)
                    plain.replace(range, with: oldEncoding(scalar))
                }
                position = range.upperBound
            }
            if sharing { return writer.finish(copyingFrom: position, sharing: input) }
            writer.copy(position..<input.count)
            return writer.finish()
        }
        plain.copy(position..<input.count)
        let expected = plain.finish()
        return result.bytes == expected.bytes && result.map == expected.map
    }

    @Test func writesAsTheAppendingWriter() {
        var random = SystemRandomNumberGenerator()
        for text in Self.texts {
            let input = Array(text.utf8)
            // Fixed cases: nothing, the whole text copied, deleted, replaced by more than it held.
            let fixed: [[Step]] = [[], [.copy(input.count)], [.replace(input.count, [])],
                                   [.replace(input.count, Array(repeating: 0x78, count: 2 * input.count + 20))],
                                   [.scalar(0, 0x1D11E), .copy(1), .scalar(1, 0x3000), .replace(0, [0x0A])]]
            for steps in fixed {
                for room in [0, 1, input.count / 16] {
                    #expect(Self.agree(input, steps, room: room), "\(text) \(steps)")
                    #expect(Self.agree(input, steps, room: room, sharing: true), "\(text) \(steps) sharing")
                }
            }
            // Random sequences, with replacements and scalars longer than the bytes they stand for.
            for _ in 0..<60 {
                var steps: [Step] = []
                for _ in 0..<Int.random(in: 1...40, using: &random) {
                    let length = Int.random(in: 0...6, using: &random)
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0, 1: steps.append(.copy(length))
                    case 2: steps.append(.replace(length, (0..<Int.random(in: 0...9, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }))
                    default: steps.append(.scalar(length, Self.scalars.randomElement(using: &random)!))
                    }
                }
                #expect(Self.agree(input, steps, room: Int.random(in: 0...4, using: &random)), "\(text) \(steps)")
                #expect(Self.agree(input, steps, sharing: true), "\(text) \(steps) sharing")
            }
        }
    }

    /// The array written through its pointer holds what was appended, across growth from no room.
    @Test func writtenArrayGrowsAndCuts() {
        for room in [0, 1, 3, 64] {
            var written = WrittenArray<UInt32>(room: room)
            var plain: [UInt32] = []
            for value in 0..<UInt32(300) {
                if value % 7 == 0 {
                    let run = Int(value % 5)
                    written.append(run) { target in for index in 0..<run { target[index] = value &+ UInt32(index) } }
                    plain.append(contentsOf: (0..<run).map { value &+ UInt32($0) })
                } else {
                    written.append(value)
                    plain.append(value)
                }
                #expect(written.count == plain.count)
            }
            #expect(written.finish() == plain, "room \(room)")
        }
        var empty = WrittenArray<UInt8>(room: 0)
        empty.append(0) { _ in }
        #expect(empty.finish().isEmpty)
    }
}
