package org.jiuzhu.system.web;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Variables an official may send: primitive values, dates and Json. An Object variable names a Java class
 * the engine would load and deserialise; File and Bytes are binary that no form of ours asks for. A value
 * with a {@code value} and a {@code type} (or a {@code valueInfo}) is a variable wherever it stands in the
 * body: start and task forms, messages, signals, variable updates, modifications.
 */
final class VariableTypes {

    private static final Set<String> ALLOWED = Set.of("string", "boolean", "short", "integer", "long", "double",
            "date", "json", "null");

    private VariableTypes() {
    }

    /** The Chinese refusal for the first variable of a type not allowed in the JSON body, else empty. */
    static Optional<String> refusal(JsonNode body) {
        return refusal("", body);
    }

    private static Optional<String> refusal(String name, JsonNode node) {
        if (node.isObject()) {
            Optional<String> own = ownRefusal(name, node);
            if (own.isPresent()) {
                return own;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> inner = refusal(field.getKey(), field.getValue());
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> inner = refusal(name, element);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ownRefusal(String name, JsonNode node) {
        JsonNode type = node.get("type");
        boolean variable = node.has("value") || node.has("valueInfo");
        if (variable && type != null && type.isTextual()) {
            return ALLOWED.contains(type.asText().toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("变量“" + name + "”的类型 " + type.asText() + " 不被接受：只接受文本、数字、布尔、日期和 Json 值");
        }
        // Without a type the engine stores an object or array as a serialised Java object. A query condition
        // ({"name", "operator", "value"}) is no variable.
        JsonNode value = node.get("value");
        if (type == null && value != null && value.isContainerNode() && !node.has("operator")) {
            return Optional.of("变量“" + name + "”是对象或数组，请注明类型 Json");
        }
        return Optional.empty();
    }
}
