#!/usr/bin/env python3
"""Mints JWTs with PyJWT and pyca/cryptography, an implementation independent of ours, for the Swift
interop tests. Prints one JSON object: {"jwks": {...}, "secrets": {...}, "tokens": [...]}.

Usage: pyjwt_tokens.py SEED   (keys are random; SEED only varies the claims)
"""
import json
import os
import sys

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
now = 1_700_000_000
claims = {
    "iss": "https://auth.example.com/application/o/app/",
    "aud": ["client-%d" % seed, "other"],
    "sub": "user-%d" % seed,
    "iat": now - 10,
    "nbf": now - 10,
    "exp": now + 3600,
    "name": "Zoë \u2019 \U0001F600",
    "groups": ["admins", "users"],
    "nested": {"a": [1, 2.5, None, True]},
}

keys = []
tokens = []
for bits, exponent in ((2048, 65537), (3072, 65537), (4096, 65537), (2048, 3)):
    private = rsa.generate_private_key(public_exponent=exponent, key_size=bits)
    kid = "rsa-%d-e%d" % (bits, exponent)
    jwk = json.loads(RSAAlgorithm.to_jwk(private.public_key()))
    jwk["kid"] = kid
    keys.append(jwk)
    for alg in ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"):
        token = jwt.encode(claims, private, algorithm=alg, headers={"kid": kid})
        tokens.append({"alg": alg, "kid": kid, "bits": bits, "token": token})

secrets = {}
for alg, size in (("HS256", 32), ("HS384", 48), ("HS512", 64)):
    secret = os.urandom(size)
    secrets[alg] = secret.hex()
    tokens.append({"alg": alg, "kid": "", "bits": size * 8,
                   "token": jwt.encode(claims, secret, algorithm=alg)})

print(json.dumps({"jwks": {"keys": keys}, "secrets": secrets, "claims": claims, "tokens": tokens}))
