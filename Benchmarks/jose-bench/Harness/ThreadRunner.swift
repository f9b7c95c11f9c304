import Glibc

/// Runs one case body on N threads at once and reports the total rate (issue 7's scaling case).
///
/// Each thread builds its own workload (`make` is called once per thread, before timing), warms up
/// and calibrates, then all threads start every round together at a barrier. A round's rate is the
/// sum of the threads' rates; the result is the median over rounds.
enum ThreadRunner {
    struct Result {
        /// Median over rounds of the total operations per second of all threads.
        let operationsPerSecond: Double
        /// Every batch's time per operation, from every thread.
        let samples: [Double]
    }

    static func run(_ make: @escaping @Sendable () throws -> Workload, threads: Int, settings: RunSettings) throws -> Result {
        let barrier = Barrier(count: threads)
        let slots = (0..<threads).map { _ in ThreadSlot() }
        let handles = try (0..<threads).map { index in
            let slot = slots[index]
            return try spawnThread {
                work(make, index: index, slot: slot, barrier: barrier, settings: settings)
            }
        }
        for handle in handles {
            pthread_join(handle, nil)
        }
        if let failure = slots.lazy.compactMap(\.failure).first {
            throw failure
        }
        let roundRates = (0..<settings.rounds).map { round in
            slots.reduce(0.0) { $0 + $1.roundRates[round] }
        }
        return Result(operationsPerSecond: Stats.median(roundRates), samples: slots.flatMap(\.samples))
    }

    /// One thread's part. Every thread reaches every barrier even after a failure, so none waits forever.
    private static func work(
        _ make: () throws -> Workload, index: Int, slot: ThreadSlot, barrier: Barrier, settings: RunSettings
    ) {
        var timer: BatchTimer?
        do {
            let workload = try make()
            try workload.validate()
            var prepared = BatchTimer(workload: workload, clock: .wall, cursor: index * 97)
            try prepared.warmUp(nanoseconds: settings.warmupNanoseconds)
            try prepared.calibrate(targetNanoseconds: settings.batchTargetNanoseconds)
            timer = prepared
            slot.samples.reserveCapacity(settings.rounds * Int(settings.roundNanoseconds / settings.batchTargetNanoseconds + 16))
        } catch {
            slot.failure = error
        }
        for _ in 0..<settings.rounds {
            barrier.wait()
            guard var current = timer else {
                slot.roundRates.append(0)
                continue
            }
            do {
                let done = try current.round(nanoseconds: settings.roundNanoseconds, samples: &slot.samples)
                slot.roundRates.append(Double(done.operations) * 1e9 / Double(done.nanoseconds))
                timer = current
            } catch {
                slot.failure = error
                slot.roundRates.append(0)
                timer = nil
            }
        }
    }
}

/// One thread's results. Written only by its own thread, read by the spawning thread after
/// `pthread_join`, which orders the accesses: hence `@unchecked Sendable` is safe.
private final class ThreadSlot: @unchecked Sendable {
    var samples: [Double] = []
    var roundRates: [Double] = []
    var failure: (any Error)?
}

/// A pthread barrier; `pthread_barrier_wait` is thread-safe by definition, hence `@unchecked Sendable`.
private final class Barrier: @unchecked Sendable {
    private let barrier = UnsafeMutablePointer<pthread_barrier_t>.allocate(capacity: 1)

    init(count: Int) {
        pthread_barrier_init(barrier, nil, UInt32(count))
    }

    func wait() {
        pthread_barrier_wait(barrier)
    }

    deinit {
        pthread_barrier_destroy(barrier)
        barrier.deallocate()
    }
}

/// The closure a new thread runs, passed through pthread_create's context pointer.
private final class ThreadBody {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

private func spawnThread(_ body: @escaping @Sendable () -> Void) throws -> pthread_t {
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var handle = pthread_t()
    let status = pthread_create(&handle, nil, { context in
        guard let context else { return nil }
        Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().body()
        return nil
    }, context)
    guard status == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        throw BenchError("pthread_create failed with error \(status)")
    }
    return handle
}
