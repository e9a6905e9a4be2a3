/// What a value made during a render needs from it once the statement that
/// made it has finished — the renderer and a frame — for a macro, a
/// recursive loop's `loop(…)`, a filtered loop's items still to test.
///
/// Such a value can end up inside the frame it refers to (`{% set ns.l =
/// loop %}`, a macro in its own defining frame): a cycle that would keep a
/// render's variables alive forever. The value reaches its frame only
/// through its scope, which `Renderer.endRender()` empties.
final class RenderScope {
    var renderer: Renderer?
    var frame: Frame?

    init(renderer: Renderer, frame: Frame) {
        self.renderer = renderer
        self.frame = frame
    }
}

extension Renderer {
    /// A scope for `frame`, emptied when this render ends.
    func makeRenderScope(_ frame: Frame) -> RenderScope {
        let scope = RenderScope(renderer: self, frame: frame)
        renderScopes.append(scope)
        return scope
    }

    /// Lets go of what this render's macros and loops hold (see `RenderScope`).
    func endRender() {
        for scope in renderScopes {
            scope.renderer = nil
            scope.frame = nil
        }
        renderScopes.removeAll()
    }
}
