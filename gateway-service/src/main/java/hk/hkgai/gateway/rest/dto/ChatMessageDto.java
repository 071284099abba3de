package hk.hkgai.gateway.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message of an OpenAI chat request. {@code content} is a string or an array of parts
 * ({"type":"text","text":...}); only text parts are supported.
 */
public record ChatMessageDto(String role, JsonNode content, String name) {
}
