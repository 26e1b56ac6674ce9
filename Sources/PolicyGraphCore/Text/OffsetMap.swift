/// Maps byte offsets in a rewritten text back to the text it was made from.
///
/// A map is a list of segments in output order. A *copy* segment maps its
/// bytes one to one; a *replacement* segment stands for a run of input bytes
/// (possibly empty output, for deletions), and every offset inside it maps to
/// the start of that run. All offsets are UTF-8 byte offsets.
public struct OffsetMap: Sendable, Equatable {
    struct Segment: Sendable, Equatable {
        var outputStart: Int
        var inputStart: Int
        /// Input length of a replacement; `nil` for a copy segment.
        var replacedLength: Int?
    }

    var segments: [Segment] = []

    /// The identity map.
    public static let identity = OffsetMap(segments: [Segment(outputStart: 0, inputStart: 0, replacedLength: nil)])

    /// Whether the map is the identity: its pass copied the whole text as it was (copies of
    /// contiguous input share one segment, so a pass that changed nothing leaves one).
    var isIdentity: Bool {
        segments.count == 1 && segments[0].outputStart == 0 && segments[0].inputStart == 0 && segments[0].replacedLength == nil
    }

    /// The input offset of the byte at output offset `offset` (for range starts).
    public func inputOffset(ofStart offset: Int) -> Int {
        guard let index = lastSegment(where: { $0.outputStart <= offset }) else { return offset }
        let segment = segments[index]
        if segment.replacedLength == nil { return segment.inputStart + (offset - segment.outputStart) }
        return segment.inputStart
    }

    /// The input offset just past the byte before output offset `offset` (for range ends).
    public func inputOffset(ofEnd offset: Int) -> Int {
        guard offset > 0, let index = lastSegment(where: { $0.outputStart < offset }) else { return offset }
        let segment = segments[index]
        if let length = segment.replacedLength { return segment.inputStart + length }
        return segment.inputStart + (offset - segment.outputStart)
    }

    private func lastSegment(where predicate: (Segment) -> Bool) -> Int? {
        // Binary search for the last segment satisfying a monotone predicate.
        var low = 0
        var high = segments.count
        while low < high {
            let mid = (low + high) / 2
            if predicate(segments[mid]) { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }
}

/// Builds a rewritten byte buffer and its ``OffsetMap`` in one pass.
///
/// Passes call ``copy(_:)`` for runs of input kept as they are and
/// ``replace(_:with:)`` for runs they change or delete; adjacent copies of
/// contiguous input share one segment.
///
/// The bytes and the segments are written through their arrays' pointers into room made once
/// (``WrittenArray``): the bytes' room is as long as the input (what every pass but transcoding
/// needs), so a run is a check for room and a `memcpy`, a segment a check and three stores.
public struct ByteRewriter {
    private var bytes: WrittenArray<UInt8>
    private var segments: WrittenArray<OffsetMap.Segment>
    private var copyContinuesAt: Int? = nil
    private let input: UnsafeBufferPointer<UInt8>

    /// A writer reading `input`, with room for the whole of it in the output and for
    /// `expectedSegments` segments in the map (a pass that writes many, as the line joiner does,
    /// then does not grow the map's array step by step, copying it each time).
    public init(input: UnsafeBufferPointer<UInt8>, expectedSegments: Int = 0) {
        self.input = input
        bytes = WrittenArray(room: input.count)
        segments = WrittenArray(room: expectedSegments)
    }

    /// Copies `range` of the input unchanged.
    @inline(__always)
    public mutating func copy(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if copyContinuesAt != range.lowerBound {
            segments.append(.init(outputStart: bytes.count, inputStart: range.lowerBound, replacedLength: nil))
        }
        let source = UnsafeRawPointer(input.baseAddress! + range.lowerBound)
        bytes.append(range.count) { UnsafeMutableRawPointer($0).copyMemory(from: source, byteCount: range.count) }
        copyContinuesAt = range.upperBound
    }

    /// Replaces `range` of the input with `replacement` (empty to delete).
    @inline(__always)
    public mutating func replace(_ range: Range<Int>, with replacement: some Collection<UInt8>) {
        segments.append(.init(outputStart: bytes.count, inputStart: range.lowerBound, replacedLength: range.count))
        bytes.append(replacement.count) { target in
            var next = target
            for byte in replacement {
                next.pointee = byte
                next += 1
            }
        }
        copyContinuesAt = nil
    }

    /// Replaces `range` of the input with the UTF-8 encoding of `scalar`
    /// (no array is made for it).
    @inline(__always)
    public mutating func replace(_ range: Range<Int>, withScalar scalar: UInt32) {
        segments.append(.init(outputStart: bytes.count, inputStart: range.lowerBound, replacedLength: range.count))
        let (encoded, count) = UTF8Bytes.packed(scalar)
        bytes.append(count) { target in
            for index in 0..<count { target[index] = UInt8(truncatingIfNeeded: encoded >> (8 * UInt32(index))) }
        }
        copyContinuesAt = nil
    }

    /// The finished buffer and map, the input from `start` on copied first; or `input` itself
    /// (the array this writer reads) with the identity map when nothing was written before
    /// `start` and `start` is 0: the pass changed nothing, and the text is not copied again.
    public mutating func finish(copyingFrom start: Int, sharing input: [UInt8]) -> (bytes: [UInt8], map: OffsetMap) {
        if start == 0, segments.count == 0 { return (input, .identity) }
        copy(start..<self.input.count)
        return finish()
    }

    /// The finished buffer and map. (Mutating, not consuming: a consumed writer's array was
    /// copied whole before the last run could be written to it.)
    public mutating func finish() -> (bytes: [UInt8], map: OffsetMap) {
        if segments.count == 0 {
            segments.append(.init(outputStart: 0, inputStart: 0, replacedLength: nil))
        }
        return (bytes.finish(), OffsetMap(segments: segments.finish()))
    }
}
