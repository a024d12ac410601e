import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Process and machine CPU counters for the benchmark's diagnostics.
struct SystemCounters {
    /// User + system CPU seconds of this process.
    static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak RSS in MB (`ru_maxrss`, KiB on Linux).
    static func maxRSSMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Machine-wide busy and steal CPU seconds from `/proc/stat`.
    static func machineCPU() -> (busy: Double, steal: Double) {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return (0, 0) }
        let f = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard f.count >= 8 else { return (0, 0) }
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        // user nice system idle iowait irq softirq steal
        let busy = (f[0] + f[1] + f[2] + f[5] + f[6]) / hz
        return (busy, f[7] / hz)
    }

    /// 1-minute load average.
    static func load1() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return 0 }
        return Double(text.split(separator: " ").first ?? "0") ?? 0
    }
}
