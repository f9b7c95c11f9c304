import JOSE

/// Remote JWK Sets (``RemoteJWKSet``), OpenID Connect discovery (``OpenIDDiscovery``) and
/// `Authorization: Bearer` authentication (``BearerAuthenticator``): the part of the toolkit that does
/// I/O. The HTTP transport is the ``HTTPClient`` protocol; the default is ``URLSessionHTTPClient``.
public enum JOSERemote {}
