import Foundation
import Testing
import TestSupport
import JOSECrypto

/// Differential test against Python's `cryptography` (pip package `cryptography`): it makes a
/// handful of keys (2048-4096 bits, e among 3, 17 and 65537, including sizes that are not a
/// multiple of 64), signs random messages with PKCS#1 v1.5 and PSS (various hashes, MGF1 hashes and
/// salt lengths), corrupts single bits, and records its own verdicts; ours must agree on every case.
@Suite("RSA differential vs Python cryptography")
struct RSADifferentialTests {
    /// Whether python3 with the cryptography module can run here.
    static let pythonAvailable: Bool = {
        guard let result = try? runPython(["-c", "import cryptography"]) else { return false }
        return result.status == 0
    }()

    static func runPython(_ arguments: [String]) throws -> (status: Int32, output: Data, error: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output, error)
    }

    struct Key: Decodable {
        struct Case: Decodable {
            let scheme: String, hash: String, mgf: String, salt: Int
            let label: String, msg: String, sig: String, expected: Bool
        }
        let bits: Int, n: String, e: Int, cases: [Case]
    }

    static func hash(_ name: String) throws -> RSA.HashAlgorithm {
        switch name {
        case "SHA-256": .sha256
        case "SHA-384": .sha384
        case "SHA-512": .sha512
        default: throw VectorError("unknown hash \(name)")
        }
    }

    @Test(.enabled(if: pythonAvailable, "python3 with the cryptography module is not installed (pip install cryptography)"))
    func agreesWithPythonCryptography() throws {
        let seed = ProcessInfo.processInfo.environment["JOSE_TEST_SEED"].flatMap { UInt32($0) } ?? 20_261_203
        let run = try Self.runPython(["-c", Self.script, String(seed)])
        try #require(run.status == 0, "python oracle failed (seed \(seed)): \(String(decoding: run.error, as: UTF8.self))")
        let keys = try JSONDecoder().decode([Key].self, from: run.output)
        var checked = 0
        for key in keys {
            var n = key.n
            if n.count % 2 == 1 { n = "0" + n }
            let publicKey = try RSA.PublicKey(modulus: hexBytes(n), exponent: [UInt8(key.e >> 16 & 0xff), UInt8(key.e >> 8 & 0xff), UInt8(key.e & 0xff)])
            #expect(publicKey.modulusBitCount == key.bits, "seed \(seed): \(key.bits)-bit key has \(publicKey.modulusBitCount) bits")
            for c in key.cases {
                let hash = try Self.hash(c.hash)
                let padding: RSA.Padding = c.scheme == "pkcs1" ? .pkcs1v15(hash) : .pss(hash, mgf1: try Self.hash(c.mgf), saltLength: c.salt)
                let verdict = try publicKey.isValidSignature(hexBytes(c.sig), for: hexBytes(c.msg), padding: padding)
                #expect(verdict == c.expected,
                        "seed \(seed), \(key.bits)-bit key e=\(key.e), \(c.scheme) \(c.hash)/\(c.mgf)/salt \(c.salt), \(c.label): ours \(verdict), cryptography \(c.expected)")
                checked += 1
            }
        }
        #expect(checked >= 150, "seed \(seed): only \(checked) cases")
    }

    /// The oracle. Argument: a seed for Python's random (keys from cryptography for e = 3 and 65537;
    /// for e = 17, which cryptography will not generate, primes are found here and loaded).
    static let script = """
import json, random, secrets, sys
from math import gcd
from cryptography.hazmat.primitives.asymmetric import rsa, padding
from cryptography.hazmat.primitives import hashes
from cryptography.exceptions import InvalidSignature

rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else secrets.randbits(32))
SMALL = [p for p in range(3, 5000) if all(p % q for q in range(2, int(p ** 0.5) + 1))]
SMALL_PRODUCT = 1
for _p in SMALL:
    SMALL_PRODUCT *= _p

def probable_prime(n):
    if gcd(n, SMALL_PRODUCT) != 1:
        return False
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2; s += 1
    for _ in range(20):
        x = pow(rng.randrange(2, n - 1), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True

def prime(bits, e):
    while True:
        p = rng.getrandbits(bits) | (3 << (bits - 2)) | 1
        if gcd(e, p - 1) == 1 and probable_prime(p):
            return p

def key(bits, e):
    if e in (3, 65537):
        return rsa.generate_private_key(public_exponent=e, key_size=bits)
    p = prime(bits // 2, e)
    q = prime(bits - bits // 2, e)
    n = p * q
    lam = (p - 1) * (q - 1) // gcd(p - 1, q - 1)
    d = pow(e, -1, lam)
    pub = rsa.RSAPublicNumbers(e, n)
    return rsa.RSAPrivateNumbers(p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p), pub).private_key()

H = {"SHA-256": hashes.SHA256, "SHA-384": hashes.SHA384, "SHA-512": hashes.SHA512}
HLEN = {"SHA-256": 32, "SHA-384": 48, "SHA-512": 64}

def verdict(pub, sig, msg, c):
    try:
        if c["scheme"] == "pkcs1":
            pub.verify(sig, msg, padding.PKCS1v15(), H[c["hash"]]())
        else:
            pub.verify(sig, msg, padding.PSS(mgf=padding.MGF1(H[c["mgf"]]()), salt_length=c["salt"]), H[c["hash"]]())
        return True
    except InvalidSignature:
        return False

out = []
sizes = [(rng.choice([2048, 2051, 2304, 2560, 3000, 3072]), 65537), (rng.choice([2048, 2176, 3072, 3584]), 3),
         (rng.choice([2048, 2050, 2600]), 17), (rng.choice([3800, 4000, 4096]), 65537), (4096, 3)]
for bits, e in sizes:
    priv = key(bits, e)
    pub = priv.public_key()
    n = pub.public_numbers().n
    cases = []
    for i in range(6):
        msg = rng.randbytes(rng.randrange(0, 300))
        h = rng.choice(list(H))
        if i % 2 == 0:
            c = {"scheme": "pkcs1", "hash": h, "mgf": h, "salt": 0}
            sig = priv.sign(msg, padding.PKCS1v15(), H[h]())
        else:
            mgf = h if i != 5 else rng.choice(list(H))
            salt = HLEN[h] if i == 1 else rng.randrange(0, 65)
            c = {"scheme": "pss", "hash": h, "mgf": mgf, "salt": salt}
            sig = priv.sign(msg, padding.PSS(mgf=padding.MGF1(H[mgf]()), salt_length=salt), H[h]())
        variants = [("genuine", sig, msg, c)]
        for j in range(3):
            b = bytearray(sig); bit = rng.randrange(len(b) * 8); b[bit // 8] ^= 1 << (bit % 8)
            variants.append((f"signature bit {bit} flipped", bytes(b), msg, c))
        if msg:
            b = bytearray(msg); bit = rng.randrange(len(b) * 8); b[bit // 8] ^= 1 << (bit % 8)
            variants.append((f"message bit {bit} flipped", sig, bytes(b), c))
        other = dict(c)
        if c["scheme"] == "pss":
            other["salt"] = (c["salt"] + 1) % 65
            variants.append(("other salt length", sig, msg, other))
        else:
            other["hash"] = [x for x in H if x != h][0]
            variants.append(("other hash", sig, msg, other))
        for label, s, m, cc in variants:
            cases.append(dict(cc, label=f"{label} (message {i})", msg=m.hex(), sig=s.hex(), expected=verdict(pub, s, m, cc)))
    out.append({"bits": n.bit_length(), "n": format(n, "x"), "e": e, "cases": cases})
json.dump(out, sys.stdout)
"""
}
