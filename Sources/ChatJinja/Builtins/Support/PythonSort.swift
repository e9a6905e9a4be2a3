/// Python's `sorted(items, reverse=…)` with a comparison that may throw or
/// order nothing (`TypeError` on `1 < 'a'`, `UndefinedError` on an undefined
/// key, NaN): the same comparisons in the same order as CPython's
/// `list.sort` for the lists templates sort (under 64 items: one run found
/// by `count_run`, then binary insertion), so that the same error is raised
/// and NaN lands where Python puts it. Longer lists use a stable merge sort,
/// which agrees with CPython whenever the order is total.
func pythonSorted<Element>(_ items: [Element], reverse: Bool = false,
                           by less: (Element, Element) throws(JinjaError) -> Bool) throws(JinjaError) -> [Element] {
    // CPython reverses before and after sorting, so equal items keep their order.
    var list = reverse ? Array(items.reversed()) : items
    if list.count < 64 {
        try binaryInsertionSort(&list, by: less)
    } else {
        list = try stableSorted(list, by: less)
    }
    return reverse ? list.reversed() : list
}

/// CPython's `count_run` and `binarysort` over the whole list.
private func binaryInsertionSort<Element>(_ list: inout [Element], by less: (Element, Element) throws(JinjaError) -> Bool) throws(JinjaError) {
    guard list.count > 1 else { return }
    // The run at the start: strictly descending (then reversed), or ascending.
    var run = 2
    if try less(list[1], list[0]) {
        while run < list.count, try less(list[run], list[run - 1]) { run += 1 }
        list[0..<run].reverse()
    } else {
        while run < list.count, !(try less(list[run], list[run - 1])) { run += 1 }
    }
    for start in run..<list.count {
        let pivot = list[start]
        var low = 0, high = start
        repeat {
            let middle = low + (high - low) / 2
            if try less(pivot, list[middle]) { high = middle } else { low = middle + 1 }
        } while low < high
        list.remove(at: start)
        list.insert(pivot, at: low)
    }
}

/// A stable merge sort whose comparison may throw.
func stableSorted<Element>(_ items: [Element], by less: (Element, Element) throws(JinjaError) -> Bool) throws(JinjaError) -> [Element] {
    guard items.count > 1 else { return items }
    var source = items
    var target = items
    var width = 1
    while width < source.count {
        var start = 0
        while start < source.count {
            let middle = min(start + width, source.count)
            let end = min(start + 2 * width, source.count)
            var left = start, right = middle, out = start
            while left < middle && right < end {
                // Take from the right only when strictly smaller, keeping equal items in order.
                if try less(source[right], source[left]) {
                    target[out] = source[right]; right += 1
                } else {
                    target[out] = source[left]; left += 1
                }
                out += 1
            }
            while left < middle { target[out] = source[left]; left += 1; out += 1 }
            while right < end { target[out] = source[right]; right += 1; out += 1 }
            start = end
        }
        swap(&source, &target)
        width *= 2
    }
    return source
}
