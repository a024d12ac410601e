import Foundation

/// Where session workspaces live: `<root>/tenants/<tenant>/<session id>/workspace`.
///
/// Grouping a tenant's sessions under one folder keeps tenants' files apart even when two tenants
/// use the same session id, and lets the per-tenant workspace quota add up one folder. The tenant's
/// folder name is the tenant id with every byte other than `A-Z a-z 0-9 - _` written `%XX`
/// (so never `.` or `..`), shortened with a hash when long. A session whose workspace was created
/// in the earlier layout (`<root>/<session id>/workspace`) keeps using it; it is then outside its
/// tenant's folder and counts toward the session quota only (ids that are not plain names never
/// use the earlier layout).
public struct SessionWorkspaces: Sendable {
    /// The sessions folder (`<data>/sessions`).
    public let root: URL

    /// The layout under a sessions folder.
    public init(root: URL) {
        self.root = root
    }

    /// The folder holding every session workspace of `tenant`.
    func tenantFolder(_ tenant: String) -> URL {
        root.appendingPathComponent("tenants", isDirectory: true)
            .appendingPathComponent(Self.folderName(tenant), isDirectory: true)
    }

    /// The workspace of session `id` of `tenant` (not created here).
    public func workspace(session id: String, tenant: String) -> URL {
        let legacy = root.appendingPathComponent(id, isDirectory: true).appendingPathComponent("workspace", isDirectory: true)
        // Only ids that are plain names: an id with `/` or `..` must not reach outside the root.
        if id != "tenants", Self.folderName(id) == id, FileManager.default.fileExists(atPath: legacy.path) { return legacy }
        return tenantFolder(tenant).appendingPathComponent(Self.folderName(id), isDirectory: true)
            .appendingPathComponent("workspace", isDirectory: true)
    }

    /// A file-name-safe, collision-free spelling of `id`.
    static func folderName(_ id: String) -> String {
        var name = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"):
                name.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                name += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        if name.isEmpty { return "%" }
        guard name.utf8.count > 120 else { return name }
        // FNV-1a over the whole id keeps long ids distinct after shortening.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(name.prefix(100)) + "~" + String(hash, radix: 16)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
