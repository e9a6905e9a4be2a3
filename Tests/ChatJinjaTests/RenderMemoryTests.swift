import Testing
@testable import ChatJinja

/// A render must leave nothing behind: encoding a dataset renders millions
/// of times, and each render's variables would otherwise pile up.
@Suite("Render memory")
struct RenderMemoryTests {
    /// Stands for a value a render stores in its frames.
    final class Probe: JinjaObject {
        var typeName: String { "Probe" }
        func attribute(_ name: String) -> Value? { nil }
        var pythonRepr: String { "<Probe>" }
    }

    /// A macro closes over the frame that defines it, and that frame holds
    /// the macro: the render must break the cycle when it ends.
    @Test(arguments: [
        "{% set kept = probe %}{% macro m(x) %}{{ x }}{% endmacro %}{{ m(1) }}",
        "{% for i in [1] %}{% set kept = probe %}{% macro m() %}{{ kept is defined }}{% endmacro %}{{ m() }}{% endfor %}",
        "{% set ns = namespace(p=probe) %}{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}{{ ns.p is defined }}{% endcall %}",
        "{% set kept = probe %}{% macro m() %}{{ 1 }}{% endmacro %}{% set ns = namespace(f=m) %}{{ ns.f() }}",
        // A recursive loop's `loop` and a filtered loop's untested items hold
        // their frames too; kept in a namespace, they close the same cycle.
        "{% set ns = namespace(p=probe, l=none) %}{% for x in [1, 2] recursive %}{% set ns.l = loop %}{% break %}{% endfor %}",
        "{% set ns = namespace(p=probe, l=none) %}{% for x in [1, 2] if x %}{% set ns.l = loop %}{% break %}{% endfor %}",
    ])
    func framesWithMacrosAreFreedAfterTheRender(source: String) throws {
        weak var released: Probe?
        do {
            let probe = Probe()
            released = probe
            _ = try JinjaTemplate(source: source).render(["probe": .object(probe)])
        }
        #expect(released == nil)
    }

    /// The same after a render that fails halfway.
    @Test func framesAreFreedAfterAFailedRender() throws {
        weak var released: Probe?
        do {
            let probe = Probe()
            released = probe
            let template = try JinjaTemplate(source: "{% set kept = probe %}{% macro m() %}{{ raise_exception('no') }}{% endmacro %}{{ m() }}")
            #expect(throws: JinjaError.self) { try template.render(["probe": .object(probe)]) }
        }
        #expect(released == nil)
    }
}
