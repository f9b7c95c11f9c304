import Foundation

// A minimal copy of Tests/JOSECryptoTests/Support's locator and RNG (test targets cannot share a
// support folder without a separate target); kept small so it can later move to a shared target.

/// Reading the repository's own `Vectors/` folder, found from this file's path.
enum Vectors {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Vectors")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) {
                return candidate
            }
        }
        return URL(fileURLWithPath: "Vectors")
    }()

    /// A JSON vector file decoded into `T`; a missing file is an error naming its path.
    static func json<T: Decodable>(_ type: T.Type, _ relativePath: String) throws -> T {
        let url = root.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VectorError("missing vector file \(url.path)")
        }
        return try JSONDecoder().decode(T.self, from: data)
    }
}

struct VectorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Hex to bytes (vectors only; a bad digit is an error naming the text).
func hexBytes(_ hex: String) throws -> [UInt8] {
    let digits = Array(hex.utf8)
    guard digits.count % 2 == 0 else { throw VectorError("odd-length hex: \(hex)") }
    return try stride(from: 0, to: digits.count, by: 2).map { i in
        guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else {
            throw VectorError("bad hex: \(hex)")
        }
        return byte
    }
}

/// SplitMix64, seeded from `JOSE_TEST_SEED` or a fixed value; property failures print the seed.
struct SeededRandom: RandomNumberGenerator {
    static let defaultSeed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["JOSE_TEST_SEED"], let seed = UInt64(text) {
            return seed
        }
        return 0x5EED_2024_0000_0002
    }()

    let seed: UInt64
    private var state: UInt64

    init(seed: UInt64 = SeededRandom.defaultSeed) {
        self.seed = seed
        self.state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}
