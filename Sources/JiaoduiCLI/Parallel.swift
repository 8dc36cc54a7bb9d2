import Dispatch
import Foundation

/// `items.map(body)` on up to `jobs` threads; the results keep the order of `items`. `progress`
/// is told of each item done.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, progress: Progress? = nil,
                                           _ body: @Sendable (T) -> R) -> [R] {
    defer { progress?.finish() }
    let workers = min(max(1, jobs), items.count)
    if workers <= 1 {
        return items.map { item in
            defer { progress?.tick() }
            return body(item)
        }
    }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let i = results.claim() {
            results.store(body(items[i]), at: i)
            progress?.tick()
        }
    }
    return results.values()
}

/// Slots filled by the workers of `parallelMap`, and the counter that hands out the next index.
private final class ResultSlots<R>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [R?]
    private var next = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: R, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [R] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
