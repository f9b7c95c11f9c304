/// Claims shaped like those authentik's OAuth2/OpenID provider puts in a token for an application
/// (here Grafana): 20 claims, the registered ones (RFC 7519 §4.1) and OpenID Connect Core §2 / §5.1.
///
/// Every field that differs between tokens has a fixed width (hex ids, 10-digit timestamps), so all
/// tokens of a layout have the same length: the OpenSSL reference hashes exactly that many bytes.
enum AuthentikClaims {
    /// The issuer authentik uses for an application slug (it ends in a slash).
    static let issuer = "https://authentik.example.com/application/o/grafana/"
    /// The client id (authentik makes 40 random characters), the audience and `azp`.
    static let clientID = "pTl8sV2mQx7RkW4nYc9hJ3dB6fGz1aEo5uHiNq0L"
    /// The fixed "now" of every case's clock: 2026-01-01T00:00:00Z.
    static let now: Double = 1_767_225_600

    /// The claims after the optional big claim: `"iss":...}` (a JSON object's tail), token `index`.
    static func tail(index: Int, generator: inout InputGenerator) -> [UInt8] {
        let iat = Int(now) - 1 - index % 200
        let user = hex(&generator, bytes: 16)
        let uuid = [user.prefix(8), user.dropFirst(8).prefix(4), user.dropFirst(12).prefix(4), user.dropFirst(16).prefix(4),
                    user.dropFirst(20)].joined(separator: "-")
        let text = """
            "iss":"\(issuer)","sub":"\(uuid)","aud":"\(clientID)",\
            "exp":\(iat + 3600),"iat":\(iat),"nbf":\(iat),"auth_time":\(iat - 120),\
            "acr":"goauthentik.io/providers/oauth2/default","amr":["pwd","mfa"],\
            "sid":"\(hex(&generator, bytes: 32))","email":"alice@example.com","email_verified":true,\
            "name":"Alice Martin","given_name":"Alice Martin","preferred_username":"alice",\
            "nickname":"alice","groups":["authentik Admins","grafana-editors"],\
            "azp":"\(clientID)","uid":"\(hex(&generator, bytes: 20))","jti":"\(hex(&generator, bytes: 16))"}
            """
        return Array(text.utf8)
    }

    /// The start of the claims object with nothing before the tail: `{`.
    static let emptyHead: [UInt8] = Array("{".utf8)

    /// The start of the claims object with a big claim first, `{"picture":"data:image/jpeg;base64,...",`,
    /// whose value makes the head exactly `headBytes` long (a multiple of 3, so the head's base64url
    /// is shared by every token and only the tail is encoded per token).
    static func bigHead(headBytes: Int, seed: UInt64) -> [UInt8] {
        let open = Array(#"{"picture":"data:image/jpeg;base64,"#.utf8)
        let close = Array(#"","#.utf8)
        let valueLength = headBytes - open.count - close.count
        precondition(valueLength >= 0 && headBytes % 3 == 0, "bad big-claim layout (fixture bug)")
        var generator = InputGenerator(seed: seed)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var value = [UInt8](repeating: 0, count: valueLength)
        for i in 0..<valueLength { value[i] = alphabet[Int(generator.next() & 63)] }
        return open + value + close
    }

    /// Length of `bigHead` text without its value: what `bigHead(headBytes:)` adds around it.
    static let bigHeadOverhead = #"{"picture":"data:image/jpeg;base64,"#.utf8.count + #"","#.utf8.count

    static func hex(_ generator: inout InputGenerator, bytes: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes * 2)
        for byte in generator.bytes(bytes) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
