#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Stops recursion before the thread's stack runs out.
///
/// Templates render on whatever thread calls them, some with small stacks
/// (512 KiB for secondary threads), so a fixed depth limit alone cannot
/// prevent a crash: we also compare the current stack position with the
/// thread's stack bounds and fail with `RecursionError` near the end.
struct StackGuard {
    /// The lowest stack address we allow ourselves to reach.
    private let floor: UInt

    /// Margin left for the builtins and the runtime below the last check.
    private static let reserve: UInt = 96 * 1024

    init() {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        floor = Self.stackLowEnd().map { $0 + Self.reserve } ?? (here > 256 * 1024 ? here - 256 * 1024 : 0)
    }

    /// Whether the stack still has room for another level of recursion.
    @inline(__always)
    func hasRoom() -> Bool {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } > floor
    }

    private static func stackLowEnd() -> UInt? {
        #if canImport(Darwin)
        let thread = pthread_self()
        let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
        let size = UInt(pthread_get_stacksize_np(thread))
        return top > size ? top - size : nil
        #elseif canImport(Glibc) || canImport(Musl)
        var attributes = pthread_attr_t()
        guard threadAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer? = nil
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        return UInt(bitPattern: address)
        #else
        return nil
        #endif
    }
}

#if canImport(Glibc) || canImport(Musl)
/// glibc's `pthread_getattr_np`, which Swift's Glibc module does not export
/// (it is behind `_GNU_SOURCE`): the attributes, stack included, of a running thread.
@_silgen_name("pthread_getattr_np")
private func threadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif
