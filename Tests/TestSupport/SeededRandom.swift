import Foundation

/// SplitMix64: a small deterministic generator so property tests are reproducible. Every property
/// failure message prints the seed; set `JOSE_TEST_SEED=<n>` to replay (or explore) another run.
public struct SeededRandom: RandomNumberGenerator {
    /// The seed used by property tests: `JOSE_TEST_SEED` from the environment, else a fixed value.
    public static let defaultSeed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["JOSE_TEST_SEED"], let seed = UInt64(text) {
            return seed
        }
        return 0x5EED_2024_0000_0002
    }()

    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64 = SeededRandom.defaultSeed) {
        self.seed = seed
        self.state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` random bytes.
    public mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}
