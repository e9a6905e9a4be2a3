// The template framework: Template protocol, TemplateMeta registry, backends, encoder.
