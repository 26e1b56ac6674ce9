/// ``ByteRewriter`` for a pass whose output is never longer than its input (every replacement
/// is at most as long as the run it stands for), as the line joiner's is: the bytes are written
/// through a pointer into memory of the input's size, with no capacity or uniqueness check per
/// write, and the finished bytes are that memory, not a copy. The map's segments go through a
/// pointer too, into memory the writer grows itself (one test per segment), and become the
/// map's array once, at the end.
///
/// ```swift
/// let (bytes, map) = ShrinkingRewriter.rewrite(input) { writer in
///     writer.copy(0..<2)
///     writer.replace(2..<4, with: 0x20)
///     writer.copy(4..<input.count)
/// }
/// ```
///
/// The bytes and the map are those ``ByteRewriter`` makes from the same calls.
struct ShrinkingRewriter {
    /// The bytes read.
    let input: UnsafeBufferPointer<UInt8>
    /// Where the output goes: room for `input.count` bytes.
    private let output: UnsafeMutablePointer<UInt8>
    /// The bytes written so far.
    private(set) var written = 0
    /// The map's segments so far: `segmentCount` of room for `segmentCapacity`, owned by the writer
    /// (allocated and freed by ``rewrite(_:expectedSegments:_:)``, grown by ``append(_:)``).
    private var segments: UnsafeMutablePointer<OffsetMap.Segment>
    private var segmentCount = 0
    private var segmentCapacity: Int
    /// Where a copy would continue the last segment (`-1`: the last write was a replacement).
    private var copyContinuesAt = -1

    private init(input: UnsafeBufferPointer<UInt8>, output: UnsafeMutablePointer<UInt8>, expectedSegments: Int) {
        self.input = input
        self.output = output
        segmentCapacity = max(4, expectedSegments)
        segments = .allocate(capacity: segmentCapacity)
    }

    /// Runs `body` with a writer reading `input` (room for `expectedSegments` segments in the
    /// map made at once), and returns what it wrote and the map to `input`. `body` must write
    /// no more bytes than `input` holds: it copies ranges of the input and replaces runs with
    /// at most as many bytes.
    static func rewrite(_ input: UnsafeBufferPointer<UInt8>, expectedSegments: Int = 0,
                        _ body: (inout ShrinkingRewriter) -> Void) -> (bytes: [UInt8], map: OffsetMap) {
        var map = OffsetMap()
        // Room for one byte at least, so that the memory has an address even for an empty input.
        let bytes = [UInt8](unsafeUninitializedCapacity: max(1, input.count)) { buffer, initialized in
            var writer = ShrinkingRewriter(input: input, output: buffer.baseAddress!, expectedSegments: expectedSegments)
            defer { writer.segments.deallocate() }
            body(&writer)
            map = writer.finishedMap()
            initialized = writer.written
        }
        return (bytes, map)
    }

    /// Copies `range` of the input unchanged.
    @inline(__always)
    mutating func copy(_ range: Range<Int>) {
        let length = range.count
        guard length > 0 else { return }
        precondition(range.lowerBound >= 0 && range.upperBound <= input.count && length <= input.count &- written,
                     "a shrinking pass copied from outside its input or wrote more than it")
        if copyContinuesAt != range.lowerBound {
            append(.init(outputStart: written, inputStart: range.lowerBound, replacedLength: nil))
        }
        (output + written).update(from: input.baseAddress! + range.lowerBound, count: length)
        written &+= length
        copyContinuesAt = range.upperBound
    }

    /// Replaces `range` of the input (not empty) with `byte`, or with nothing when `byte` is `nil`.
    @inline(__always)
    mutating func replace(_ range: Range<Int>, with byte: UInt8?) {
        append(.init(outputStart: written, inputStart: range.lowerBound, replacedLength: range.count))
        if let byte {
            precondition(!range.isEmpty && written < input.count, "a shrinking pass wrote more than its input")
            output[written] = byte
            written &+= 1
        }
        copyContinuesAt = -1
    }

    /// Adds a segment to the map, making room for twice as many when it is full.
    @inline(__always)
    private mutating func append(_ segment: OffsetMap.Segment) {
        if segmentCount == segmentCapacity { grow() }
        (segments + segmentCount).initialize(to: segment)
        segmentCount &+= 1
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<OffsetMap.Segment>.allocate(capacity: segmentCapacity * 2)
        larger.moveInitialize(from: segments, count: segmentCount)
        segments.deallocate()
        segments = larger
        segmentCapacity *= 2
    }

    /// The map, as ``ByteRewriter/finish()`` gives it: one copy segment when nothing was written.
    private func finishedMap() -> OffsetMap {
        if segmentCount == 0 { return .identity }
        var map = OffsetMap()
        map.segments = Array(UnsafeBufferPointer(start: segments, count: segmentCount))
        return map
    }
}
