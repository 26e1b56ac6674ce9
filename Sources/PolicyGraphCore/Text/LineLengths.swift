/// The lengths of a text's lines as ``LineJoining/medianLineLength(_:)`` counts them,
/// gathered while another pass writes the text, so that the median needs no pass of its own.
///
/// A line's length is the number of its bytes that are neither UTF-8 continuation
/// bytes nor spaces nor carriage returns (its scalars, for valid UTF-8, spaces and
/// carriage returns not counted); lines are separated by line feeds, and empty lines
/// are not counted. Lengths below ``LineJoining/histogramLength`` are counted in a
/// histogram, longer ones (rare) kept in a list, as ``LineJoining/medianLineLength(_:)``
/// does, so the median is the same number.
struct LineLengths: LineLengthCounting {
    private var histogram = [Int](repeating: 0, count: LineJoining.histogramLength)
    private var longer: [Int] = []
    private var lines = 0

    /// Counts a finished line of `length` (nothing for an empty line).
    @inline(__always)
    mutating func add(_ length: Int) {
        guard length > 0 else { return }
        lines &+= 1
        if length < LineJoining.histogramLength { histogram[length] &+= 1 } else { longer.append(length) }
    }

    /// A line counted with ``add(_:)`` at `old` length that a later pass rewrote to `new` length.
    mutating func replace(_ old: Int, with new: Int) {
        remove(old)
        add(new)
    }

    /// Takes back a line counted with ``add(_:)``.
    private mutating func remove(_ length: Int) {
        guard length > 0 else { return }
        lines -= 1
        if length < LineJoining.histogramLength {
            histogram[length] -= 1
        } else if let index = longer.firstIndex(of: length) {
            longer.remove(at: index)
        }
    }

    /// Counts one byte into the open line `length`, closing the line at a line feed.
    @inline(__always)
    mutating func count(_ byte: UInt8, into length: inout Int) {
        if byte == 0x0A {
            add(length)
            length = 0
        } else if Self.counts(byte) {
            length &+= 1
        }
    }

    /// Whether `byte` adds to its line's length: not a continuation byte, space or carriage return.
    @inline(__always)
    static func counts(_ byte: UInt8) -> Bool {
        byte & 0xC0 != 0x80 && byte != 0x20 && byte != 0x0D
    }

    /// The length of `range` of `bytes` by this count (no line feed inside).
    static func length(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var length = 0
        for index in range where counts(bytes[index]) { length += 1 }
        return length
    }

    /// The median line length, as ``LineJoining/medianLineLength(_:)`` gives it for the text
    /// whose lines were counted.
    var median: Double {
        guard lines > 0 else { return 0 }
        // The (lines / 2)-th length in sorted order (from 0): in the histogram, else among the longer lines.
        var rank = lines / 2
        for length in 1..<LineJoining.histogramLength {
            if rank < histogram[length] { return Double(length) }
            rank -= histogram[length]
        }
        return Double(longer.sorted()[rank])
    }
}

/// What a pass that writes a text can count its lines into: ``LineLengths``, or
/// ``NoLineLengths`` when nobody needs them (the pass then does no counting work).
protocol LineLengthCounting {
    /// Counts one byte into the open line `length`, closing the line at a line feed.
    mutating func count(_ byte: UInt8, into length: inout Int)
    /// Counts a finished line of `length`.
    mutating func add(_ length: Int)
    /// A counted line of `old` length that a later pass rewrote to `new` length.
    mutating func replace(_ old: Int, with new: Int)
}

extension LineLengthCounting {
    /// Counts the bytes of `bytes` into the open line `length`, closing a line at each line
    /// feed (for bytes that a pass writes other than as the runs it counts itself).
    @inline(__always)
    mutating func count<Bytes: Sequence>(_ bytes: Bytes, into length: inout Int) where Bytes.Element == UInt8 {
        for byte in bytes { count(byte, into: &length) }
    }
}

/// Line lengths that nobody reads: counting them is no work.
struct NoLineLengths: LineLengthCounting {
    @inline(__always)
    func count(_ byte: UInt8, into length: inout Int) {}
    @inline(__always)
    func add(_ length: Int) {}
    func replace(_ old: Int, with new: Int) {}
}
