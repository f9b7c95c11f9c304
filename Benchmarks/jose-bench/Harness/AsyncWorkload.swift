import Dispatch

extension Workload {
    /// A workload whose operation is `async`. Each timed batch runs inside one detached task and the
    /// harness thread waits for it once, so the hop between threads is paid per batch, not per
    /// operation; cases meant to be compared with each other (local against remote key sets) pay it
    /// alike.
    init<Input: Sendable, Output>(
        asyncInputs inputs: [Input],
        expect: (@Sendable (Output) -> Bool)? = nil,
        _ operation: @escaping @Sendable (Input) async throws -> Output
    ) throws(BenchError) {
        guard inputs.count >= Self.minimumInputs else {
            throw BenchError("a workload was built with \(inputs.count) inputs; it needs at least \(Self.minimumInputs) distinct ones")
        }
        let runOnTask: @Sendable (Int, Int, Bool) throws -> Void = { start, count, validating in
            let outcome = AsyncOutcome()
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                do {
                    var index = start % inputs.count
                    for _ in 0..<count {
                        let output = try await operation(inputs[index])
                        if validating, let expect, !expect(output) {
                            throw BenchError("input #\(index) gave an unexpected result; the case is broken, not slow")
                        }
                        blackHole(output)
                        index += 1
                        if index == inputs.count { index = 0 }
                    }
                } catch {
                    outcome.record(error)
                }
                done.signal()
            }
            done.wait()
            if let error = outcome.error { throw error }
        }
        self.init(inputCount: inputs.count,
                  runBatch: { start, count in try runOnTask(start, count, false) },
                  validate: { try runOnTask(0, inputs.count, true) })
        runsOnAnotherThread = true
    }
}

/// The error of a batch that ran on another thread. The semaphore orders the write before the read.
private final class AsyncOutcome: @unchecked Sendable {  // written once on the task, read after `wait()`
    private(set) var error: Error?
    func record(_ error: Error) { self.error = error }
}
