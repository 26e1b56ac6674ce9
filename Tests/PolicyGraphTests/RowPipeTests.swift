import Foundation
import GRDB
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphStore

/// ``RowPipe`` hands the consumer every batch the producer emits, in order,
/// whether the producer runs on a side thread or not; a failure on either side
/// ends both; and the store `build` writes with the edge rows made on a side
/// thread is the same file.
@Suite struct RowPipeTests {
    /// A batch that says which it is: one row of insert 0 holding `number`.
    static func batch(_ number: Int) -> RecordedRows {
        let rows = RecordedRows()
        rows.row(of: 0)
        rows.integer(number)
        rows.endRow()
        return rows
    }

    struct Failure: Error, Equatable { let at: Int }

    /// Collects what the consumer sees (the consumer runs on the calling thread only).
    final class Seen: @unchecked Sendable {
        var batches: [[UInt8]] = []
    }

    @Test(arguments: [0, 1, RowPipe.capacity - 1, RowPipe.capacity, RowPipe.capacity + 1, 50], [false, true])
    func everyBatchArrivesInOrder(count: Int, sideThread: Bool) throws {
        let seen = Seen()
        let result = try RowPipe.run(sideThread: sideThread, produce: { emit in
            for number in 0..<count { try emit(Self.batch(number)) }
            return count * 10
        }, consume: { seen.batches.append($0.bytes) })
        #expect(result == count * 10)
        #expect(seen.batches == (0..<count).map { Self.batch($0).bytes })
    }

    /// A consumer that fails stops the producer at its next emit; the consumer's error is the one thrown.
    @Test(arguments: [0, 1, 5], [false, true])
    func aFailingConsumerStopsTheProducer(failAt: Int, sideThread: Bool) throws {
        let emitted = Seen()
        let seen = Seen()
        #expect(throws: Failure(at: failAt)) {
            _ = try RowPipe.run(sideThread: sideThread, produce: { emit in
                for number in 0..<10_000 {
                    try emit(Self.batch(number))
                    emitted.batches.append([])
                }
                return 0
            }, consume: { batch in
                if seen.batches.count == failAt { throw Failure(at: failAt) }
                seen.batches.append(batch.bytes)
            })
        }
        #expect(seen.batches.count == failAt)
        // The producer ran ahead by at most the batches that may wait, the one taken and the one it was pushing.
        #expect(emitted.batches.count <= failAt + RowPipe.capacity + 2)
    }

    /// A producer that fails: the batches it emitted before are consumed, and its error is thrown.
    @Test(arguments: [0, 3, 9], [false, true])
    func aFailingProducerIsReported(failAt: Int, sideThread: Bool) throws {
        let seen = Seen()
        #expect(throws: Failure(at: failAt)) {
            _ = try RowPipe.run(sideThread: sideThread, produce: { emit -> Int in
                for number in 0..<failAt { try emit(Self.batch(number)) }
                throw Failure(at: failAt)
            }, consume: { seen.batches.append($0.bytes) })
        }
        #expect(seen.batches == (0..<failAt).map { Self.batch($0).bytes })
    }

    /// The store of the seeds and dev texts is the same bytes with the edge rows made on a side
    /// thread, in batches of every size (one edge a batch up to all in one), as when bound in turn.
    @Test func theStoreIsTheSameFileWithASideThread() throws {
        let ontology = sharedExtractor.lexicon.ontology
        func store(sideThread: Bool, batchBytes: Int) throws -> Data {
            let path = temporaryStorePath("pipe")
            let build = try StoreBuild.Fresh(at: path, ontology: ontology, settings: .init())
            build.rowBatchBytes = batchBytes
            try build.add { add in
                for document in storableDocuments { try add(try StoreBuild.Prepared(document)) }
            }
            try build.writeGraph(try build.buildGraph(), sideThread: sideThread)
            try build.commit()
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let expected = try store(sideThread: false, batchBytes: GraphTables.rowBatchBytes)
        #expect(expected.count > 100_000)
        for batchBytes in [1, 4096, GraphTables.rowBatchBytes] {
            #expect(try store(sideThread: true, batchBytes: batchBytes) == expected, "batches of \(batchBytes) bytes")
            #expect(try store(sideThread: false, batchBytes: batchBytes) == expected, "batches of \(batchBytes) bytes, one thread")
        }
    }
}
