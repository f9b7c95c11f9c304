import Testing
import JOSECrypto

@Suite("ConstantTime")
struct ConstantTimeTests {
    @Test func equals() {
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
        #expect(ConstantTime.equals([1, 2, 3] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(!ConstantTime.equals([1, 2, 3] as [UInt8], [1, 2, 4] as [UInt8]))
        #expect(!ConstantTime.equals([1, 2, 3] as [UInt8], [1, 2] as [UInt8]), "different lengths")
        #expect(!ConstantTime.equals([UInt8](), [0] as [UInt8]), "empty vs one zero byte")
    }
}
