import Foundation

/// CPU time for the `bench` commands. The machine may be shared: wall time
/// would count the moments another process held the core, CPU time does not,
/// so the ratios against the Python peers stay fair.
enum CPUClock {
    /// Whose CPU time is read.
    enum Scope {
        /// The calling thread (single-threaded loops).
        case thread
        /// The whole process, like Python's `time.process_time`.
        case process
    }

    /// CPU seconds used so far by `scope`.
    static func now(_ scope: Scope = .thread) -> Double {
        var time = timespec()
        clock_gettime(scope == .thread ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU seconds of `scope` since `start` (a value of `now(scope)`).
    static func seconds(since start: Double, _ scope: Scope = .thread) -> Double { now(scope) - start }
}
