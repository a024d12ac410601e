/// An empty module: the package exists to build `swift-openapi-generator` (see Package.swift).
enum GeneratorHost {}
