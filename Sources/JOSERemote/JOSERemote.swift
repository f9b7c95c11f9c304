import JOSE

/// Remote JWK Sets, OpenID Connect discovery and bearer authentication (filled in by a later change).
public enum JOSERemote {}
