struct JSONValueDecoder { func decode<T: Decodable>(_ t: T.Type, from: JSONValue) throws -> T { throw JOSEError(.notSupported) } }
