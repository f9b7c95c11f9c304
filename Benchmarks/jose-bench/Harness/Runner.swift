/// Measures cases: set-up and validation, warm-up, calibration, timed rounds, allocation count.
enum Runner {
    /// Measures `benchCase` (on ``ThreadRunner`` when it has `threads`).
    static func measure(_ benchCase: BenchCase, settings: RunSettings) throws -> Measurement {
        let workload = try benchCase.make()
        try workload.validate()
        if let threads = benchCase.threads {
            return try measureThreaded(benchCase, threads: threads, allocationWorkload: workload, settings: settings)
        }
        var timer = try calibratedTimer(workload, settings: settings)
        var samples: [Double] = []
        samples.reserveCapacity(settings.rounds * Int(settings.roundNanoseconds / settings.batchTargetNanoseconds + 16))
        for _ in 0..<settings.rounds {
            _ = try timer.round(nanoseconds: settings.roundNanoseconds, samples: &samples)
        }
        return try singleThreadMeasurement(benchCase, samples: samples, workload: workload, batchSize: timer.batchSize)
    }

    /// Measures a single-thread `benchCase` in `pairs` timed phases, each followed by one run of
    /// `reference` (`openssl speed`), and records each phase's rate over the run's. The machine's
    /// speed may drift during a run (a shared VM); a pair's two halves are seconds apart, so the
    /// median of the paired ratios is steadier than our median over one OpenSSL figure.
    static func measurePaired(
        _ benchCase: BenchCase, settings: RunSettings, pairs: Int, reference: () throws -> OpenSSLFigure
    ) throws -> Measurement {
        precondition(benchCase.threads == nil, "paired measurement is for single-thread cases")
        let workload = try benchCase.make()
        try workload.validate()
        var timer = try calibratedTimer(workload, settings: settings)
        let roundsPerPhase = max(2, (settings.rounds + pairs - 1) / pairs)
        var samples: [Double] = []
        var ratios: [Double] = []
        var figures: [OpenSSLFigure] = []
        for _ in 0..<pairs {
            var phase: [Double] = []
            for _ in 0..<roundsPerPhase {
                _ = try timer.round(nanoseconds: settings.roundNanoseconds, samples: &phase)
            }
            samples += phase
            let figure = try reference()
            figures.append(figure)
            ratios.append(1e9 / Stats.median(phase) / figure.operationsPerSecond)
        }
        var measurement = try singleThreadMeasurement(benchCase, samples: samples, workload: workload, batchSize: timer.batchSize)
        let byRate = figures.sorted { $0.operationsPerSecond < $1.operationsPerSecond }
        measurement.openssl = byRate[(byRate.count - 1) / 2]
        measurement.pairedRatios = ratios
        return measurement
    }

    /// A timer for `workload`, warmed up and calibrated to the settings' batch length.
    private static func calibratedTimer(_ workload: Workload, settings: RunSettings) throws -> BatchTimer {
        var timer = BatchTimer(workload: workload, clock: settings.clock)
        try timer.warmUp(nanoseconds: settings.warmupNanoseconds)
        try timer.calibrate(targetNanoseconds: settings.batchTargetNanoseconds)
        return timer
    }

    /// The single-thread result from per-operation `samples`, with the allocation count.
    private static func singleThreadMeasurement(
        _ benchCase: BenchCase, samples: [Double], workload: Workload, batchSize: Int
    ) throws -> Measurement {
        let median = Stats.median(samples)
        return Measurement(
            name: benchCase.name,
            medianNanoseconds: median,
            p99Nanoseconds: Stats.quantile(samples, 0.99),
            operationsPerSecond: 1e9 / median,
            allocationsPerOperation: try allocationsPerOperation(workload, atLeast: batchSize),
            inputBytes: benchCase.inputBytes,
            threads: nil,
            singleThreadOperationsPerSecond: nil)
    }

    private static func measureThreaded(
        _ benchCase: BenchCase, threads: Int, allocationWorkload: Workload, settings: RunSettings
    ) throws -> Measurement {
        let single = try ThreadRunner.run(benchCase.make, threads: 1, settings: settings)
        let multi = try ThreadRunner.run(benchCase.make, threads: threads, settings: settings)
        return Measurement(
            name: benchCase.name,
            medianNanoseconds: Stats.median(multi.samples),
            p99Nanoseconds: Stats.quantile(multi.samples, 0.99),
            operationsPerSecond: multi.operationsPerSecond,
            allocationsPerOperation: try allocationsPerOperation(allocationWorkload, atLeast: 1),
            inputBytes: benchCase.inputBytes,
            threads: threads,
            singleThreadOperationsPerSecond: single.operationsPerSecond)
    }

    /// Allocations per operation over one full rotation of the inputs (or `atLeast` operations).
    /// Runs on the calling thread while no other thread works, so the process-wide count is ours.
    private static func allocationsPerOperation(_ workload: Workload, atLeast minimum: Int) throws -> Double {
        let operations = max(workload.inputCount, minimum)
        let allocations = try Allocations.counting { try workload.runBatch(0, operations) }
        return Double(allocations) / Double(operations)
    }
}
