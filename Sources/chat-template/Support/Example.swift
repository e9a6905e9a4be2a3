import ChatJinja
import OrderedJSON

/// The conversation and ChatML-style template behind `render --example`,
/// written for this project, so the quick start needs no files.
enum ExampleConversation {
    /// A small ChatML template: system prompt, tools as JSON, turns, tool calls
    /// and tool results, and the generation prompt.
    static let template = """
    {%- if messages[0].role == 'system' %}
        {%- set system_prompt = messages[0].content %}
        {%- set turns = messages[1:] %}
    {%- else %}
        {%- set system_prompt = 'You are a helpful assistant.' %}
        {%- set turns = messages %}
    {%- endif %}
    {{- '<|im_start|>system\\n' + system_prompt }}
    {%- if tools %}
        {{- '\\n\\nYou can call these tools:' }}
        {%- for tool in tools %}
            {{- '\\n' + tool | tojson }}
        {%- endfor %}
    {%- endif %}
    {{- '<|im_end|>\\n' }}
    {%- for message in turns %}
        {{- '<|im_start|>' + message.role + '\\n' + message.content }}
        {%- for call in message.tool_calls or [] %}
            {%- if message.content or not loop.first %}{{- '\\n' }}{% endif %}
            {{- '<tool_call>\\n{"name": ' + call.function.name | tojson + ', "arguments": ' + call.function.arguments | tojson + '}\\n</tool_call>' }}
        {%- endfor %}
        {{- '<|im_end|>\\n' }}
    {%- endfor %}
    {%- if add_generation_prompt %}
        {{- '<|im_start|>assistant\\n' }}
    {%- endif %}
    """

    /// A short tool-using exchange about the weather in Lisbon.
    static let conversation: JSONValue = .object(JSONObject([
        ("id", .string("example")),
        ("messages", .array([
            .object(JSONObject([("role", .string("system")), ("content", .string("You answer briefly."))])),
            .object(JSONObject([("role", .string("user")), ("content", .string("What's the weather in Lisbon?"))])),
            .object(JSONObject([
                ("role", .string("assistant")), ("content", .string("")),
                ("tool_calls", .array([.object(JSONObject([
                    ("type", .string("function")),
                    ("function", .object(JSONObject([
                        ("name", .string("get_weather")),
                        ("arguments", .object(JSONObject([("city", .string("Lisbon")), ("unit", .string("celsius"))]))),
                    ]))),
                ]))])),
            ])),
            .object(JSONObject([("role", .string("tool")), ("content", .string("{\"temperature\": 21, \"sky\": \"sunny\"}"))])),
            .object(JSONObject([("role", .string("assistant")), ("content", .string("It's 21 °C and sunny in Lisbon."))])),
            .object(JSONObject([("role", .string("user")), ("content", .string("And tomorrow?"))])),
        ])),
        ("tools", .array([.object(JSONObject([
            ("type", .string("function")),
            ("function", .object(JSONObject([
                ("name", .string("get_weather")),
                ("description", .string("Current weather for a city.")),
                ("parameters", .object(JSONObject([
                    ("type", .string("object")),
                    ("properties", .object(JSONObject([
                        ("city", .object(JSONObject([("type", .string("string"))]))),
                        ("unit", .object(JSONObject([("type", .string("string")), ("enum", .array([.string("celsius"), .string("fahrenheit")]))]))),
                    ]))),
                    ("required", .array([.string("city")])),
                ]))),
            ]))),
        ]))])),
    ]))

    /// The example rendered with a generation prompt, printed as the template sees it.
    static func render() throws -> String {
        let template = try JinjaTemplate(source: Self.template)
        let record = try ConversationRecord(conversation)
        let input = record.renderInput(base: TemplateVariables.defaultSpecialTokens, addGenerationPrompt: true)
        return try template.render(chat: input).text
    }
}
