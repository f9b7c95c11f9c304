/// Times one thread's workload in batches, continuing the input rotation from batch to batch.
struct BatchTimer {
    let workload: Workload
    let clock: BenchClock
    /// The next input index, so consecutive batches keep rotating through all inputs.
    var cursor: Int
    /// Operations per timed batch, fixed by ``calibrate(targetNanoseconds:)``.
    private(set) var batchSize = 1

    init(workload: Workload, clock: BenchClock, cursor: Int = 0) {
        self.workload = workload
        // Work done on another thread does not show on this thread's CPU clock.
        self.clock = workload.runsOnAnotherThread ? .wall : clock
        self.cursor = cursor % workload.inputCount
    }

    /// Runs one batch of `count` operations and returns its duration in nanoseconds.
    mutating func timeBatch(_ count: Int) throws -> UInt64 {
        let start = clock.nanoseconds()
        try workload.runBatch(cursor, count)
        let end = clock.nanoseconds()
        cursor = (cursor + count) % workload.inputCount
        return end - start
    }

    /// Runs batches, untimed, for `nanoseconds`.
    mutating func warmUp(nanoseconds: UInt64) throws {
        var spent: UInt64 = 0
        while spent < nanoseconds {
            spent += try timeBatch(max(batchSize, 16))
        }
    }

    /// Doubles the batch size until one batch takes at least `targetNanoseconds`.
    /// Async workloads start at 256 operations (one pass over the inputs) and aim 20x higher, so the
    /// thread hop each batch pays stays a small share of it.
    mutating func calibrate(targetNanoseconds: UInt64) throws {
        let target = workload.runsOnAnotherThread ? targetNanoseconds * 20 : targetNanoseconds
        var size = workload.runsOnAnotherThread ? Workload.minimumInputs : 1
        while size < 1 << 24, try timeBatch(size) < target {
            size *= 2
        }
        batchSize = size
    }

    /// One timed round: batches until `nanoseconds` have passed; appends each batch's time per
    /// operation to `samples` and returns the operations done and the round's length.
    mutating func round(nanoseconds: UInt64, samples: inout [Double]) throws -> (operations: Int, nanoseconds: UInt64) {
        let start = clock.nanoseconds()
        var operations = 0
        while true {
            let batchStart = clock.nanoseconds()
            try workload.runBatch(cursor, batchSize)
            let batchEnd = clock.nanoseconds()
            cursor = (cursor + batchSize) % workload.inputCount
            operations += batchSize
            samples.append(Double(batchEnd - batchStart) / Double(batchSize))
            if batchEnd - start >= nanoseconds {
                return (operations, batchEnd - start)
            }
        }
    }
}
