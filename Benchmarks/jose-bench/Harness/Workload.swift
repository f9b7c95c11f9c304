/// A case ready to time: inputs already built, and a batch runner that rotates through them.
///
/// Built with ``init(inputs:keepAlive:expect:_:)`` from at least ``minimumInputs`` distinct inputs
/// and one operation; each result goes to ``blackHole(_:)`` so the optimiser cannot drop the work.
struct Workload {
    /// Fewer distinct inputs would let the branch predictor learn one input (issue 7).
    static let minimumInputs = 256

    /// How many distinct inputs the batch runner rotates through.
    let inputCount: Int
    /// Runs `count` operations on inputs `start, start + 1, ...` (modulo ``inputCount``).
    let runBatch: (_ start: Int, _ count: Int) throws -> Void
    /// Runs every input once and checks each result with `expect`; called before any timing.
    let validate: () throws -> Void
    /// True for async workloads, whose batches run on a task: they are always timed by the wall clock.
    var runsOnAnotherThread = false

    /// - Parameters:
    ///   - inputs: the distinct inputs, at least ``minimumInputs`` of them.
    ///   - keepAlive: whatever owns memory the inputs point into (``InputBuffers``).
    ///   - expect: checks a result during validation (a signature that must verify, say).
    ///   - operation: the measured operation on one input.
    /// A workload from its parts (used by the async form in AsyncWorkload.swift).
    init(inputCount: Int, runBatch: @escaping (_ start: Int, _ count: Int) throws -> Void, validate: @escaping () throws -> Void) {
        self.inputCount = inputCount
        self.runBatch = runBatch
        self.validate = validate
    }

    init<Input, Output>(
        inputs: [Input],
        keepAlive: Any? = nil,
        expect: ((Output) -> Bool)? = nil,
        _ operation: @escaping (Input) throws -> Output
    ) throws(BenchError) {
        guard inputs.count >= Self.minimumInputs else {
            throw BenchError("a workload was built with \(inputs.count) inputs; it needs at least \(Self.minimumInputs) distinct ones")
        }
        inputCount = inputs.count
        runBatch = { start, count in
            try withExtendedLifetime(keepAlive) {
                try inputs.withUnsafeBufferPointer { buffer in
                    var index = start % buffer.count
                    for _ in 0..<count {
                        blackHole(try operation(buffer[index]))
                        index += 1
                        if index == buffer.count { index = 0 }
                    }
                }
            }
        }
        validate = {
            try withExtendedLifetime(keepAlive) {
                for (index, input) in inputs.enumerated() {
                    let output = try operation(input)
                    if let expect, !expect(output) {
                        throw BenchError("input #\(index) gave an unexpected result; the case is broken, not slow")
                    }
                }
            }
        }
    }
}

/// A failure of the harness or of a case's set-up, with a message that says what went wrong.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
