// swift-tools-version:6.0
//
// A pure-Swift JOSE toolkit: JWS/JWT verification with RSA over GMP and HMAC-SHA-2.
// Layers (see README.md): CGMP <- JOSECrypto <- JOSE <- JOSERemote <- jose (CLI); jose-bench.
import PackageDescription

let package = Package(
    name: "swift-jose",
    products: [
        .library(name: "JOSECrypto", targets: ["JOSECrypto"]),
        .library(name: "JOSE", targets: ["JOSE"]),
        .library(name: "JOSERemote", targets: ["JOSERemote"]),
        .executable(name: "jose", targets: ["jose"]),
        .executable(name: "jose-bench", targets: ["jose-bench"]),
    ],
    targets: [
        // libgmp, the only thing outside the Swift toolchain (apt: libgmp-dev).
        .systemLibrary(
            name: "CGMP",
            path: "Sources/CGMP",
            providers: [.apt(["libgmp-dev"])]
        ),
        // SHA-2, HMAC, constant-time compare, big integers, RSA verification. No Foundation.
        .target(name: "JOSECrypto", dependencies: ["CGMP"]),
        // base64url, strict JSON, JWK/JWKS, JWS compact, JWT claims, errors. No Foundation.
        .target(name: "JOSE", dependencies: ["JOSECrypto"]),
        // Remote JWK Sets, OIDC discovery, bearer authentication. Foundation allowed.
        .target(name: "JOSERemote", dependencies: ["JOSE"]),
        // NIST CAVP .rsp files, read by `jose conformance` and by the tests.
        .target(name: "CAVP"),
        .executableTarget(name: "jose", dependencies: ["JOSE", "JOSERemote", "CAVP"]),
        // Counts heap allocations for jose-bench by defining malloc & co. over glibc's; linked only there.
        .target(name: "CMallocCounter", path: "Benchmarks/CMallocCounter"),
        .executableTarget(
            name: "jose-bench",
            dependencies: ["JOSECrypto", "JOSE", "JOSERemote", "CMallocCounter", "CGMP"],
            path: "Benchmarks/jose-bench"
        ),
        // Vector files, hex, NIST .rsp parsing and a seeded generator shared by the test targets.
        .target(name: "TestSupport", dependencies: ["CAVP"], path: "Tests/TestSupport"),
        .testTarget(name: "JOSECryptoTests", dependencies: ["JOSECrypto", "TestSupport", "CAVP"]),
        .testTarget(name: "JOSETests", dependencies: ["JOSE", "TestSupport"]),
        .testTarget(name: "JOSERemoteTests", dependencies: ["JOSERemote"], exclude: ["Server"]),
        .testTarget(name: "JOSECLITests", dependencies: ["jose"]),
    ],
    swiftLanguageModes: [.v6]
)
