import Glibc
import CMallocCounter

/// `--self-check`: proves the parts of the harness whose failure would silently skew results.
enum SelfCheck {
    /// Runs every check, prints one line each, and returns true when all pass.
    static func run() -> Bool {
        var passed = true
        func check(_ name: String, _ ok: Bool, _ detail: @autoclosure () -> String = "") {
            print("\(ok ? "ok  " : "FAIL") \(name)\(ok ? "" : ": " + detail())")
            passed = passed && ok
        }

        // The Swift runtime allocates through libswiftCore's malloc calls: seeing exactly one for a
        // fresh array proves our definitions replace glibc's for the whole process.
        let arrayAllocations = Allocations.counting { blackHole([UInt8](repeating: 7, count: 1000)) }
        check("a [UInt8] of 1000 bytes counts 1 allocation", arrayAllocations == 1, "counted \(arrayAllocations)")
        let freesBefore = jose_bench_free_count()
        let cAllocations = Allocations.counting { free(malloc(64)) }
        check("malloc counts 1, free counts 1", cAllocations == 1 && jose_bench_free_count() - freesBefore == 1,
              "counted \(cAllocations) allocation(s), \(jose_bench_free_count() - freesBefore) free(s)")
        var aligned: UnsafeMutableRawPointer?
        let alignedAllocations = Allocations.counting { _ = posix_memalign(&aligned, 64, 100) }
        check("posix_memalign counts 1 and aligns", alignedAllocations == 1 && Int(bitPattern: aligned) % 64 == 0,
              "counted \(alignedAllocations)")
        free(aligned)
        // Counted after a first call: the runtime allocates type metadata lazily on first use.
        blackHole(Format.fixed(1.5, 1).utf8.count)
        let noAllocations = Allocations.counting { blackHole(Format.fixed(2.5, 1).utf8.count) }
        check("work without heap use counts 0", noAllocations == 0, "counted \(noAllocations)")

        let digest = OpenSSLReference.digest("sha256", bytes: 1024)
        let digestOutput = "+DT:sha256:1:1024\n+R:940092:sha256:0.980000\n+H:1024\n+F:25:sha256:982300212.24\n"
        check("parses openssl speed -evp", digest.operationsPerSecond(parsing: digestOutput).map { abs($0 - 982300212.24 / 1024) < 1e-6 } == true)
        let multiOutput = "Got: +F:25:sha256:1134686208.00 from 0\nGot: +F:25:sha256:1093600256.00 from 1\n+F:25:sha256:2228286464.00\n"
        check("parses openssl speed -multi (total line)", digest.operationsPerSecond(parsing: multiOutput) == 2228286464.0 / 1024)
        let rsaOutput = "+DTP:2048:public:rsa:2\n+R2:34738:2048:1.00\n+F2:2:2048:1100.000000:34738.000000\n"
        check("parses openssl speed rsa2048 verify/s", OpenSSLReference.rsaVerify(bits: 2048).operationsPerSecond(parsing: rsaOutput) == 34738)
        check("openssl arguments", OpenSSLReference.rsaVerify(bits: 4096).arguments(threads: 2, elapsed: true)
              == ["speed", "-seconds", "2", "-mr", "-elapsed", "-multi", "2", "rsa4096"])

        check("median and p99", Stats.median((1...100).map(Double.init)) == 50 && Stats.quantile((1...100).map(Double.init), 0.99) == 99)
        check("fixed-point format", Format.fixed(3.14159, 2) == "3.14" && Format.fixed(-0.5, 1) == "-0.5" && Format.fixed(7, 0) == "7")
        check("JSON string escaping", JSONReport.quoted("a\"b\\\n\u{1}") == #""a\"b\\\n\u0001""#)
        return passed
    }
}
