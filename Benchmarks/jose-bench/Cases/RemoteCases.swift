import Foundation
import JOSE
import JOSERemote

extension BenchCase {
    /// End-to-end RS256-2048 verification through the async entry point with keys from a warm
    /// `RemoteJWKSet` (seeded, so no network is ever used; validation checks it made no request).
    /// Compare with `jwt.RS256-2048.async-local`, the same tokens through the same entry point with a
    /// local set: the remote set's cost is the difference.
    static func jwtRemoteWarm(name: String) -> BenchCase {
        BenchCase(name: name) {
            let fixture = try rsaFixture(algorithm: .rs256, bits: 2048)
            let options = JWTCaseKeys.options(.rs256)
            let remote = try RemoteJWKSet(url: "https://keys.invalid/application/o/grafana/jwks/",
                                          seed: JWKSetSnapshot(json: fixture.jwks))
            let keyID = fixture.keyID
            return try Workload(asyncInputs: fixture.tokens, expect: { (verified: JWT.Verified) in
                verified.key.keyID == keyID
            }) { token in
                let verified = try await JWT.verify(token, keys: remote, options: options)
                guard await remote.fetchCount == 0 else { throw BenchError("the warm remote set fetched") }
                return verified
            }
        }
    }

    /// The baseline for ``jwtRemoteWarm(name:)``: a local set behind the same async entry point.
    static func jwtAsyncLocal(name: String) -> BenchCase {
        BenchCase(name: name) {
            let fixture = try rsaFixture(algorithm: .rs256, bits: 2048)
            let options = JWTCaseKeys.options(.rs256)
            let local = LocalSource(keys: try JWKSet(json: fixture.jwks))
            let keyID = fixture.keyID
            return try Workload(asyncInputs: fixture.tokens, expect: { (verified: JWT.Verified) in
                verified.key.keyID == keyID
            }) { token in
                try await JWT.verify(token, keys: local, options: options)
            }
        }
    }
}

/// A local set seen through `JWKSetSource`, so that the async overload of `JWT.verify` is the one timed.
private struct LocalSource: JWKSetSource {
    let keys: JWKSet
    func keySet(for header: JWSHeader) async throws(JOSEError) -> JWKSet { keys }
}
