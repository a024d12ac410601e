@testable import AviaryKnowledge
import Testing

/// The address rules of the fetcher, pure: every spelling of an address a URL host can use is
/// read as that address, and every non-public class is refused while public addresses pass.
@Suite struct AddressClassTests {
    /// Spellings of IPv4 and IPv6 addresses, and what they are.
    static let spellings: [(String, String)] = [
        ("127.0.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"),
        ("0x7F.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"), ("127.0.1", "127.0.0.1"), ("127.0.0.1.", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"), ("017700000001", "127.0.0.1"), ("0x7f.0x0.0x0.0x1", "127.0.0.1"), ("0", "0.0.0.0"),
        ("0x", "0.0.0.0"), ("00", "0.0.0.0"), ("169.254.43518", "169.254.169.254"), ("0xa9fea9fe", "169.254.169.254"),
        ("2852039166", "169.254.169.254"), ("0251.0376.0251.0376", "169.254.169.254"), ("10.1", "10.0.0.1"),
        ("192.168.257", "192.168.1.1"), ("4294967295", "255.255.255.255"), ("93.184.216.34", "93.184.216.34"),
        ("::1", "::1"), ("[::1]", "::1"), ("0:0:0:0:0:0:0:1", "::1"), ("::", "::"), ("::ffff:127.0.0.1", "::ffff:127.0.0.1"),
        ("::ffff:7f00:1", "::ffff:127.0.0.1"), ("0:0:0:0:0:ffff:7f00:0001", "::ffff:127.0.0.1"), ("::127.0.0.1", "::7f00:1"),
        ("64:ff9b::10.0.0.1", "64:ff9b::a00:1"), ("2606:4700::1", "2606:4700::1"), ("2606:4700:0:0:0:0:0:1", "2606:4700::1"),
        ("FE80::1", "fe80::1"), ("fd00:ec2::254", "fd00:ec2::254"), ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
    ]

    @Test(arguments: spellings) func everySpellingIsReadAsItsAddress(_ text: String, _ canonical: String) {
        #expect(IPAddress(text)?.description == canonical, "\(text)")
    }

    /// Not addresses: malformed numbers and IPv6, zone identifiers, names.
    @Test(arguments: ["1.2.3.4.5", "256.0.0.1", "1.2.3.256", "4294967296", "0x100000000", "1..2", "08", "0x7g", "09.1", "example.com",
                      "1.2.3.4a", ":::1", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::1", "::1%eth0", "fe80::1%25eth0", "::ffff:127.0.0.01",
                      "::ffff:127.0.0", "::1.2.3.4:5", "[::1", "", "g::1", "::+1", "１２７.0.0.1"])
    func malformedAddressesAreNotAddresses(_ text: String) {
        #expect(IPAddress(text) == nil, "\(text)")
    }

    @Test func aHostEndingInANumberIsAnAddressOrInvalidAndOthersAreNames() {
        #expect(IPAddress.parseV4("example.com") == .notNumeric)
        #expect(IPAddress.parseV4("1.2.3.example") == .notNumeric)
        #expect(IPAddress.parseV4("example.123") == .invalid)
        #expect(IPAddress.parseV4("1.2.3.4.5") == .invalid)
        #expect(IPAddress.parseV4("0xffffffffff") == .invalid)
        #expect(IPAddress.parseV4("99999999999999999999") == .invalid)
        #expect(IPAddress.parseV4("127.0.0.1.") == .address(0x7F00_0001))
    }

    /// Addresses of every refused class, in several spellings each.
    static let refused: [(String, AddressClass)] = [
        ("127.0.0.1", .loopback), ("127.255.255.254", .loopback), ("2130706433", .loopback), ("0x7f.1", .loopback), ("::1", .loopback),
        ("::ffff:127.0.0.1", .loopback), ("::ffff:7f00:2", .loopback), ("::127.0.0.1", .loopback), ("64:ff9b::127.0.0.1", .loopback),
        ("2002:7f00:1::", .loopback),
        ("10.0.0.1", .privateNetwork), ("10.255.255.255", .privateNetwork), ("172.16.0.1", .privateNetwork), ("172.31.255.255", .privateNetwork),
        ("192.168.0.1", .privateNetwork), ("192.168.257", .privateNetwork), ("::ffff:10.0.0.1", .privateNetwork), ("::ffff:192.168.1.1", .privateNetwork),
        ("64:ff9b::192.168.1.1", .privateNetwork), ("2002:c0a8:101::1", .privateNetwork), ("fec0::1", .privateNetwork),
        ("100.64.0.1", .sharedAddressSpace), ("100.127.255.255", .sharedAddressSpace), ("::ffff:100.64.0.1", .sharedAddressSpace),
        ("169.254.0.1", .linkLocal), ("169.254.169.253", .linkLocal), ("fe80::1", .linkLocal), ("febf::1", .linkLocal),
        ("224.0.0.1", .multicast), ("239.255.255.250", .multicast), ("ff02::1", .multicast), ("ff05::1:3", .multicast),
        ("::ffff:224.0.0.251", .multicast),
        ("0.0.0.0", .unspecified), ("0", .unspecified), ("::", .unspecified), ("::ffff:0.0.0.0", .unspecified),
        ("255.255.255.255", .broadcast), ("4294967295", .broadcast),
        ("fc00::1", .uniqueLocal), ("fd12:3456:789a::1", .uniqueLocal), ("fdff:ffff::1", .uniqueLocal),
        ("192.0.2.1", .documentation), ("198.51.100.7", .documentation), ("203.0.113.9", .documentation), ("2001:db8::1", .documentation),
        ("3fff::1", .documentation),
        ("0.1.2.3", .reserved), ("192.0.0.8", .reserved), ("198.18.0.1", .reserved), ("198.19.255.255", .reserved), ("240.0.0.1", .reserved),
        ("255.255.255.254", .reserved), ("192.88.99.1", .reserved), ("2001::1", .reserved), ("2001:0:4136:e378::1", .reserved),
        ("2001:10::1", .reserved), ("64:ff9b:1::1", .reserved), ("100::1", .reserved), ("4000::1", .reserved), ("::2:3:4:5:6", .reserved),
        ("1::", .reserved), ("::0.0.0.2", .reserved),
        ("169.254.169.254", .cloudMetadata), ("0xa9fea9fe", .cloudMetadata), ("2852039166", .cloudMetadata), ("169.254.43518", .cloudMetadata),
        ("::ffff:169.254.169.254", .cloudMetadata), ("::ffff:a9fe:a9fe", .cloudMetadata), ("64:ff9b::169.254.169.254", .cloudMetadata),
        ("169.254.170.2", .cloudMetadata), ("100.100.100.200", .cloudMetadata), ("192.0.0.192", .cloudMetadata), ("fd00:ec2::254", .cloudMetadata),
    ]

    @Test(arguments: refused) func nonPublicAddressesAreClassified(_ text: String, _ expected: AddressClass) throws {
        let address = try #require(IPAddress(text), "\(text)")
        #expect(AddressClass.of(address) == expected, "\(text) = \(address)")
    }

    /// Public addresses, IPv4 and IPv6, including ones next to refused blocks.
    @Test(arguments: ["93.184.216.34", "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.1", "100.63.255.255", "100.128.0.1", "126.255.255.255",
                      "128.0.0.1", "169.253.255.255", "169.255.0.1", "172.15.255.255", "172.32.0.1", "192.167.255.255", "192.169.0.1",
                      "198.17.255.255", "198.20.0.1", "223.255.255.255", "2606:4700::1", "2606:4700:4700::1111", "2001:4860:4860::8888",
                      "2a00:1450:4001::200e", "::ffff:93.184.216.34", "64:ff9b::93.184.216.34", "2002:5db8:d822::1", "2001:200::1"])
    func publicAddressesPass(_ text: String) throws {
        let address = try #require(IPAddress(text), "\(text)")
        #expect(AddressClass.of(address) == nil, "\(text) = \(address)")
    }

    @Test func namesThatAreNeverPublic() {
        #expect(AddressClass.of(hostName: "localhost") == .loopback)
        #expect(AddressClass.of(hostName: "app.localhost") == .loopback)
        #expect(AddressClass.of(hostName: "metadata.google.internal") == .cloudMetadata)
        #expect(AddressClass.of(hostName: "metadata") == .cloudMetadata)
        #expect(AddressClass.of(hostName: "example.com") == nil)
        #expect(AddressClass.of(hostName: "notlocalhost.com") == nil)
    }

    @Test func networksContainTheirAddressesOnly() throws {
        let net = try #require(IPNetwork("10.0.0.0/8"))
        #expect(net.contains(try #require(IPAddress("10.200.1.1"))))
        #expect(!net.contains(try #require(IPAddress("11.0.0.1"))))
        #expect(!net.contains(try #require(IPAddress("::ffff:10.0.0.1"))), "families never mix")
        #expect(IPNetwork("10.1.2.3/8")?.description == "10.0.0.0/8")
        #expect(IPNetwork("fd00::/8")?.contains(try #require(IPAddress("fd12::1"))) == true)
        #expect(IPNetwork("::/0")?.contains(try #require(IPAddress("2606:4700::1"))) == true)
        #expect(IPNetwork("0.0.0.0/0")?.contains(try #require(IPAddress("8.8.8.8"))) == true)
        #expect(IPNetwork("127.0.0.1")?.isSingleAddress == true)
        for bad in ["10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/8/8", "example.com/8", "10.0.0.0/+8"] {
            #expect(IPNetwork(bad) == nil, "\(bad)")
        }
    }
}
